//===- Scaling.cpp - min-max and standard scaling -------------------------===//
//
// This file fits scaling steps one after another on a copy of the chosen
// rows and composes their affine maps.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Scaling.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace qruc::runtime;

namespace {

/// The statistics of one group of values (a feature, or all of them).
struct Stats {
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  double sum = 0, count = 0;
};

/// Computes factor and offset of one step from the values in `rows`
/// (fitRows × numFeatures, row-major).
void fitStep(const ScaleStep &step, const std::vector<double> &values,
             std::size_t numFeatures, std::vector<double> &factor,
             std::vector<double> &offset) {
  std::size_t groups = step.global ? 1 : numFeatures;
  std::vector<Stats> stats(groups);
  std::size_t numRows = values.size() / numFeatures;
  for (std::size_t r = 0; r < numRows; ++r)
    for (std::size_t j = 0; j < numFeatures; ++j) {
      double x = values[r * numFeatures + j];
      Stats &s = stats[step.global ? 0 : j];
      s.min = std::min(s.min, x);
      s.max = std::max(s.max, x);
      s.sum += x;
      s.count += 1;
    }
  std::vector<double> deviation(groups, 0.0);
  if (step.kind == ScaleStep::Kind::Standard) {
    // Two passes: the mean first, then the squared deviations from it,
    // which is exact enough where sum-of-squares formulas cancel.
    for (std::size_t r = 0; r < numRows; ++r)
      for (std::size_t j = 0; j < numFeatures; ++j) {
        std::size_t g = step.global ? 0 : j;
        double d = values[r * numFeatures + j] - stats[g].sum / stats[g].count;
        deviation[g] += d * d;
      }
    for (std::size_t g = 0; g < groups; ++g)
      deviation[g] = std::sqrt(deviation[g] / stats[g].count);
  }
  for (std::size_t j = 0; j < numFeatures; ++j) {
    std::size_t g = step.global ? 0 : j;
    const Stats &s = stats[g];
    if (step.kind == ScaleStep::Kind::MinMax) {
      double range = s.max - s.min;
      if (range == 0)
        range = 1;
      factor[j] = (step.high - step.low) / range;
      offset[j] = step.low - s.min * factor[j];
    } else {
      double mean = s.sum / s.count;
      double sd = deviation[g] == 0 ? 1.0 : deviation[g];
      factor[j] = 1.0 / sd;
      offset[j] = -mean / sd;
    }
  }
}

} // namespace

DataResult<Scaler> Scaler::fit(const std::vector<ScaleStep> &steps,
                               const Dataset &data,
                               const std::vector<std::size_t> &rows) {
  if (rows.empty())
    return DataError{data.source, 0, 0, "cannot fit a scaler on no samples"};
  for (const ScaleStep &step : steps)
    if (step.kind == ScaleStep::Kind::MinMax && !(step.low < step.high))
      return DataError{"", 0, 0,
                       "minmax needs low < high, but got low = " +
                           std::to_string(step.low) +
                           " and high = " + std::to_string(step.high)};
  std::size_t n = data.numFeatures;
  std::vector<double> values;
  values.reserve(rows.size() * n);
  for (std::size_t r : rows)
    values.insert(values.end(), data.row(r), data.row(r) + n);

  Scaler total(n);
  std::vector<double> factor(n), offset(n);
  for (const ScaleStep &step : steps) {
    fitStep(step, values, n, factor, offset);
    for (std::size_t i = 0; i < values.size(); ++i)
      values[i] = values[i] * factor[i % n] + offset[i % n];
    // (x·a + b)·c + d = x·(a·c) + (b·c + d)
    for (std::size_t j = 0; j < n; ++j) {
      total.factor[j] *= factor[j];
      total.offset[j] = total.offset[j] * factor[j] + offset[j];
    }
  }
  return total;
}

DataResult<Scaler> Scaler::fit(const std::vector<ScaleStep> &steps,
                               const Dataset &data) {
  std::vector<std::size_t> rows(data.numSamples);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return fit(steps, data, rows);
}

void Scaler::apply(double *row) const {
  for (std::size_t j = 0; j < factor.size(); ++j)
    row[j] = row[j] * factor[j] + offset[j];
}

void Scaler::apply(Dataset &data) const {
  for (std::size_t s = 0; s < data.numSamples; ++s)
    apply(data.row(s));
}
