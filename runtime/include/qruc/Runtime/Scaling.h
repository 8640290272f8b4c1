//===- Scaling.h - min-max and standard scaling -----------------*- C++ -*-===//
//
// This file declares the scaling behind `scale = minmax(...)`,
// `standard(...)` or a list of them applied in order, such as the MNIST
// recipe `[standard(), minmax(global = 1)]`.
//
// A scaler is fitted on chosen rows and then applied to any rows: fit on
// the training rows of a split to keep the test rows out of the statistics,
// or on all rows where the protocol says so (qru.md's WDBC recipe scales
// over all 569 samples). Each step is an affine map per feature, so the
// whole list composes into one x' = x·factor[j] + offset[j], which is what
// a fitted Scaler holds and what a checkpoint can store to scale new data.
//
// Conventions follow scikit-learn: minmax maps [min, max] to [low, high];
// standard uses the population standard deviation (ddof = 0); a constant
// feature (range or deviation 0) is divided by 1 instead.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_SCALING_H
#define QRUC_RUNTIME_SCALING_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Dataset.h"

#include <vector>

namespace qruc::runtime {

struct ScaleStep {
  enum class Kind { MinMax, Standard };
  Kind kind = Kind::MinMax;
  /// One statistic over all features of the fitted rows instead of one per
  /// feature.
  bool global = false;
  /// minmax only: the target range.
  double low = 0.0;
  double high = 1.0;
};

class Scaler {
public:
  /// The identity on `numFeatures` features.
  explicit Scaler(std::size_t numFeatures = 0)
      : factor(numFeatures, 1.0), offset(numFeatures, 0.0) {}
  /// From stored factors and offsets (one per feature, equal lengths).
  Scaler(std::vector<double> factor, std::vector<double> offset)
      : factor(std::move(factor)), offset(std::move(offset)) {}

  /// Fits `steps` in order on `rows` of `data`, each step on the output of
  /// the previous ones. Fails if `rows` is empty or a minmax range has
  /// low >= high.
  static DataResult<Scaler> fit(const std::vector<ScaleStep> &steps,
                                const Dataset &data,
                                const std::vector<std::size_t> &rows);
  /// As fit(), on every row.
  static DataResult<Scaler> fit(const std::vector<ScaleStep> &steps,
                                const Dataset &data);

  /// Scales every row of `data` in place; `data` must have numFeatures().
  void apply(Dataset &data) const;
  /// Scales one row of numFeatures() values in place.
  void apply(double *row) const;

  std::size_t numFeatures() const { return factor.size(); }
  const std::vector<double> &factors() const { return factor; }
  const std::vector<double> &offsets() const { return offset; }

private:
  std::vector<double> factor, offset;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_SCALING_H
