//===- Splits.h - train/test splits and cross-validation folds --*- C++ -*-===//
//
// This file declares the splits behind `split = holdout(test, stratify)`,
// `kfold(k, stratify)` and `leave_one_out()`. A split is a list of folds,
// each a disjoint pair of sorted index lists; holdout has one fold. The
// assignment depends only on the labels and the seed (SeededRandom), so the
// same seed gives the same split on every platform. Stratified splits need
// class labels (whole numbers >= 0).
//
// The series split of forecasting, series(train, test), cuts time rather
// than samples: see makeSeriesTask in Sequences.h.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_SPLITS_H
#define QRUC_RUNTIME_SPLITS_H

#include "qruc/Runtime/DataError.h"

#include <cstdint>
#include <vector>

namespace qruc::runtime {

struct Fold {
  std::vector<std::size_t> train; ///< ascending
  std::vector<std::size_t> test;  ///< ascending
};

/// One fold with ceil(testFraction · n) test samples (as scikit-learn's
/// train_test_split). Stratified: each class contributes its share of the
/// test set, rounded so that the total is exact (largest remainders, ties
/// to the smaller class index), drawn at random within the class. Fails
/// unless 0 < testFraction < 1 and both parts are non-empty.
DataResult<Fold> holdoutSplit(const std::vector<double> &labels,
                              double testFraction, bool stratify,
                              std::uint64_t seed);

/// k folds whose test sets partition the samples, sizes differing by at
/// most one. Unstratified: a random permutation cut into k runs.
/// Stratified: the samples of each class in random order, classes one
/// after another, dealt to the folds in turn, so each class is spread
/// evenly (per-fold counts differ by at most one) and fold sizes differ by
/// at most one. Fails unless 2 <= k <= n.
DataResult<std::vector<Fold>> kfoldSplit(const std::vector<double> &labels,
                                         std::size_t k, bool stratify,
                                         std::uint64_t seed);

/// n folds, fold i testing sample i alone. Fails for fewer than 2 samples.
DataResult<std::vector<Fold>> leaveOneOutSplit(std::size_t numSamples);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_SPLITS_H
