//===- Outliers.cpp - summarising restarts with Tukey's fences ------------===//
//
// This file implements quantiles and the Tukey-fence summary of restarts.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Outliers.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace qruc::runtime;

double qruc::runtime::quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  double position = q * static_cast<double>(values.size() - 1);
  std::size_t below = static_cast<std::size_t>(std::floor(position));
  std::size_t above = std::min(below + 1, values.size() - 1);
  double fraction = position - static_cast<double>(below);
  return values[below] + (values[above] - values[below]) * fraction;
}

RunSummary qruc::runtime::summarizeRuns(const std::vector<double> &scores,
                                        double k) {
  RunSummary summary;
  summary.runs = scores.size();
  summary.inlier.assign(scores.size(), false);
  std::vector<double> finite;
  double total = 0;
  for (double s : scores) {
    total += s;
    if (!std::isnan(s))
      finite.push_back(s);
  }
  summary.meanAll = scores.empty()
                        ? 0.0
                        : total / static_cast<double>(scores.size());
  if (finite.empty())
    return summary;
  if (k >= 0) {
    double q1 = quantile(finite, 0.25), q3 = quantile(finite, 0.75);
    summary.lowFence = q1 - k * (q3 - q1);
    summary.highFence = q3 + k * (q3 - q1);
  } else {
    summary.lowFence = -std::numeric_limits<double>::infinity();
    summary.highFence = std::numeric_limits<double>::infinity();
  }
  double sum = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    double s = scores[i];
    if (s >= summary.lowFence && s <= summary.highFence) {
      summary.inlier[i] = true;
      ++summary.kept;
      sum += s;
    }
  }
  if (summary.kept == 0)
    return summary;
  summary.meanKept = sum / static_cast<double>(summary.kept);
  if (summary.kept > 1) {
    double squares = 0;
    for (std::size_t i = 0; i < scores.size(); ++i)
      if (summary.inlier[i])
        squares += (scores[i] - summary.meanKept) *
                   (scores[i] - summary.meanKept);
    summary.stddevKept =
        std::sqrt(squares / static_cast<double>(summary.kept - 1));
  }
  return summary;
}
