//===- DampedSine.h - the generated oscillation series ----------*- C++ -*-===//
//
// This file declares the generator behind `data = damped_sine(amplitude =
// A, frequency = [f1, ...], decay = [d1, ...], points = P)`: one series
// y[n] = A·sin(f·n)·exp(d·n), n = 0 .. P-1, per (f, d) pair. The result is a
// Dataset with one sample per series and one feature per point, and no
// labels.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_DAMPEDSINE_H
#define QRUC_RUNTIME_DAMPEDSINE_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Dataset.h"

#include <vector>

namespace qruc::runtime {

struct DampedSineOptions {
  double amplitude = 1.0;
  /// One entry per series; a single entry is used for every series.
  std::vector<double> frequency;
  /// As `frequency`; empty means 0 (no decay).
  std::vector<double> decay;
  std::size_t points = 0;
};

/// The series, one per (frequency, decay) pair. Fails (without a file)
/// when both lists have more than one entry and their lengths differ, a
/// list is empty where one is needed, or points is 0.
DataResult<Dataset> generateDampedSine(const DampedSineOptions &options);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_DAMPEDSINE_H
