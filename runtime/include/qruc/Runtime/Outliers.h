//===- Outliers.h - summarising restarts with Tukey's fences ----*- C++ -*-===//
//
// This file declares the summary behind `outliers = tukey(k = 1.5)`: when an
// experiment is run from several fresh initialisations (`restarts`), runs
// whose test score lies outside Tukey's fences [Q1 − k·IQR, Q3 + k·IQR]
// are dropped before the mean is reported, as qru.md does for the
// oscillation's 50 restarts. Quartiles interpolate linearly between order
// statistics (numpy.percentile's default, "type 7").
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_OUTLIERS_H
#define QRUC_RUNTIME_OUTLIERS_H

#include <cstddef>
#include <vector>

namespace qruc::runtime {

/// The q-quantile (0 <= q <= 1) of `values` (not empty), type 7.
double quantile(std::vector<double> values, double q);

struct RunSummary {
  std::size_t runs = 0;     ///< all runs
  std::size_t kept = 0;     ///< inside the fences
  double lowFence = 0, highFence = 0;
  double meanAll = 0;       ///< mean over all runs
  double meanKept = 0;      ///< mean over the kept runs
  double stddevKept = 0;    ///< sample standard deviation (n − 1) of kept
  std::vector<bool> inlier; ///< one per run
};

/// Summarises the scores of the runs; NaN scores are always outliers and
/// are left out of the quartiles. k < 0 keeps every finite score.
RunSummary summarizeRuns(const std::vector<double> &scores, double k = 1.5);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_OUTLIERS_H
