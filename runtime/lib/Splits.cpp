//===- Splits.cpp - train/test splits and cross-validation folds ----------===//
//
// This file implements holdout, k-fold and leave-one-out splits on top of
// SeededRandom.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Splits.h"
#include "qruc/Runtime/SeededRandom.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

using namespace qruc::runtime;

namespace {

/// The sample indices of each class, ascending; fails on a label that is
/// not a class index.
DataResult<std::vector<std::vector<std::size_t>>>
groupByClass(const std::vector<double> &labels) {
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    double label = labels[i];
    if (!(label >= 0) || label != std::floor(label) || label > 1e6)
      return DataError{"", 0, 0,
                       "a stratified split needs class labels 0, 1, ..., "
                       "but sample " +
                           std::to_string(i) + " has the label " +
                           std::to_string(label)};
    std::size_t c = static_cast<std::size_t>(label);
    if (c >= groups.size())
      groups.resize(c + 1);
    groups[c].push_back(i);
  }
  return groups;
}

/// Builds a fold from the test membership of every sample.
Fold foldFromMask(const std::vector<bool> &isTest) {
  Fold fold;
  for (std::size_t i = 0; i < isTest.size(); ++i)
    (isTest[i] ? fold.test : fold.train).push_back(i);
  return fold;
}

} // namespace

DataResult<Fold> qruc::runtime::holdoutSplit(const std::vector<double> &labels,
                                             double testFraction,
                                             bool stratify,
                                             std::uint64_t seed) {
  std::size_t n = labels.size();
  if (!(testFraction > 0 && testFraction < 1))
    return DataError{"", 0, 0,
                     "holdout needs 0 < test < 1, but got " +
                         std::to_string(testFraction)};
  // The tiny slack keeps 0.2 · 10 from rounding up to 3.
  std::size_t numTest = static_cast<std::size_t>(
      std::ceil(testFraction * static_cast<double>(n) - 1e-9));
  if (numTest == 0 || numTest >= n)
    return DataError{"", 0, 0,
                     "holdout(test = " + std::to_string(testFraction) +
                         ") of " + std::to_string(n) +
                         " samples leaves the training or the test set "
                         "empty"};
  SeededRandom rng(seed);
  std::vector<bool> isTest(n, false);
  if (!stratify) {
    std::vector<std::size_t> order = randomPermutation(n, rng);
    for (std::size_t i = 0; i < numTest; ++i)
      isTest[order[i]] = true;
    return foldFromMask(isTest);
  }

  DataResult<std::vector<std::vector<std::size_t>>> groups =
      groupByClass(labels);
  if (!groups)
    return groups.error();
  // Each class's exact share, floored, then the remaining places to the
  // largest remainders.
  std::size_t numClasses = groups->size();
  std::vector<std::size_t> take(numClasses);
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t taken = 0;
  for (std::size_t c = 0; c < numClasses; ++c) {
    double share = static_cast<double>((*groups)[c].size()) *
                   static_cast<double>(numTest) / static_cast<double>(n);
    take[c] = static_cast<std::size_t>(std::floor(share));
    taken += take[c];
    remainders.push_back({share - std::floor(share), c});
  }
  std::stable_sort(
      remainders.begin(), remainders.end(),
      [](const auto &a, const auto &b) { return a.first > b.first; });
  for (std::size_t i = 0; taken < numTest; ++i, ++taken)
    ++take[remainders[i % numClasses].second];
  for (std::size_t c = 0; c < numClasses; ++c) {
    std::vector<std::size_t> members = (*groups)[c];
    rng.shuffle(members);
    for (std::size_t i = 0; i < take[c]; ++i)
      isTest[members[i]] = true;
  }
  return foldFromMask(isTest);
}

DataResult<std::vector<Fold>>
qruc::runtime::kfoldSplit(const std::vector<double> &labels, std::size_t k,
                          bool stratify, std::uint64_t seed) {
  std::size_t n = labels.size();
  if (k < 2 || k > n)
    return DataError{"", 0, 0,
                     "kfold needs 2 <= k <= " + std::to_string(n) +
                         " (the number of samples), but got k = " +
                         std::to_string(k)};
  SeededRandom rng(seed);
  std::vector<std::size_t> foldOf(n);
  if (!stratify) {
    std::vector<std::size_t> order = randomPermutation(n, rng);
    // The first n mod k folds get one sample more, as in scikit-learn.
    std::size_t next = 0;
    for (std::size_t f = 0; f < k; ++f) {
      std::size_t size = n / k + (f < n % k ? 1 : 0);
      for (std::size_t i = 0; i < size; ++i)
        foldOf[order[next++]] = f;
    }
  } else {
    DataResult<std::vector<std::vector<std::size_t>>> groups =
        groupByClass(labels);
    if (!groups)
      return groups.error();
    std::size_t dealt = 0;
    for (std::vector<std::size_t> members : *groups) {
      rng.shuffle(members);
      for (std::size_t i : members)
        foldOf[i] = dealt++ % k;
    }
  }
  std::vector<Fold> folds(k);
  for (std::size_t f = 0; f < k; ++f) {
    std::vector<bool> isTest(n);
    for (std::size_t i = 0; i < n; ++i)
      isTest[i] = foldOf[i] == f;
    folds[f] = foldFromMask(isTest);
  }
  return folds;
}

DataResult<std::vector<Fold>>
qruc::runtime::leaveOneOutSplit(std::size_t numSamples) {
  if (numSamples < 2)
    return DataError{"", 0, 0,
                     "leave-one-out needs at least 2 samples, but got " +
                         std::to_string(numSamples)};
  std::vector<Fold> folds(numSamples);
  for (std::size_t i = 0; i < numSamples; ++i) {
    folds[i].test = {i};
    folds[i].train.reserve(numSamples - 1);
    for (std::size_t j = 0; j < numSamples; ++j)
      if (j != i)
        folds[i].train.push_back(j);
  }
  return folds;
}
