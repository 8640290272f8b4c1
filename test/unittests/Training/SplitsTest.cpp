//===- SplitsTest.cpp - holdout, k-fold and leave-one-out -----------------===//
//
// This file tests the splits: disjoint parts that cover every sample,
// stratified proportions, and the same split for the same seed; and the
// seeded generator they draw from.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/SeededRandom.h"
#include "qruc/Runtime/Splits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace qruc::runtime;

namespace {

/// 212 zeros and 357 ones in a scrambled order.
std::vector<double> wdbcLikeLabels() {
  std::vector<double> labels;
  for (int i = 0; i < 569; ++i)
    labels.push_back((i * 37) % 569 < 212 ? 0.0 : 1.0);
  return labels;
}

std::size_t countLabel(const std::vector<double> &labels,
                       const std::vector<std::size_t> &rows, double label) {
  return std::count_if(rows.begin(), rows.end(),
                       [&](std::size_t r) { return labels[r] == label; });
}

void expectPartition(const Fold &fold, std::size_t n) {
  EXPECT_TRUE(std::is_sorted(fold.train.begin(), fold.train.end()));
  EXPECT_TRUE(std::is_sorted(fold.test.begin(), fold.test.end()));
  std::vector<std::size_t> all = fold.train;
  all.insert(all.end(), fold.test.begin(), fold.test.end());
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), n);
  for (std::size_t i = 0; i < n; ++i)
    EXPECT_EQ(all[i], i);
}

TEST(SeededRandom, ReproducibleAndInRange) {
  SeededRandom a(42), b(42), c(43);
  std::vector<std::uint64_t> fromA, fromB, fromC;
  for (int i = 0; i < 100; ++i) {
    fromA.push_back(a.below(7));
    fromB.push_back(b.below(7));
    fromC.push_back(c.below(7));
  }
  EXPECT_EQ(fromA, fromB);
  EXPECT_NE(fromA, fromC);
  for (std::uint64_t x : fromA)
    EXPECT_LT(x, 7u);
  // uniform() is the top 53 bits of the engine's output, whose sequence
  // the C++ standard fixes.
  SeededRandom standard(5489);
  std::uint64_t first = std::mt19937_64(5489)();
  EXPECT_EQ(standard.uniform(), static_cast<double>(first >> 11) * 0x1.0p-53);
  EXPECT_NE(deriveSeed(7, SeedStream::Init, 0),
            deriveSeed(7, SeedStream::Init, 1));
  EXPECT_NE(deriveSeed(7, SeedStream::Init), deriveSeed(7, SeedStream::Split));
  EXPECT_EQ(deriveSeed(7, SeedStream::Split, 3),
            deriveSeed(7, SeedStream::Split, 3));
}

TEST(SeededRandom, MomentsOfUniformAndNormal) {
  SeededRandom rng(1);
  double sum = 0, squares = 0, usum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    double x = rng.normal(2.0, 3.0);
    sum += x;
    squares += x * x;
    double u = rng.uniform(-1.0, 1.0);
    ASSERT_GE(u, -1.0);
    ASSERT_LT(u, 1.0);
    usum += u;
  }
  double mean = sum / n, var = squares / n - mean * mean;
  EXPECT_NEAR(mean, 2.0, 0.03);
  EXPECT_NEAR(var, 9.0, 0.1);
  EXPECT_NEAR(usum / n, 0.0, 0.01);
}

TEST(Holdout, StratifiedKeepsClassProportions) {
  std::vector<double> labels = wdbcLikeLabels();
  Fold fold = *holdoutSplit(labels, 0.2, /*stratify=*/true, 7);
  expectPartition(fold, 569);
  // ceil(0.2 · 569) = 114 test samples: 212·114/569 = 42.47 → 42 malignant,
  // 357·114/569 = 71.53 → 72 benign (largest remainder).
  EXPECT_EQ(fold.test.size(), 114u);
  EXPECT_EQ(countLabel(labels, fold.test, 0), 42u);
  EXPECT_EQ(countLabel(labels, fold.test, 1), 72u);
}

TEST(Holdout, UnstratifiedSizesAndDeterminism) {
  std::vector<double> labels(10, 0.0);
  Fold a = *holdoutSplit(labels, 0.3, false, 5);
  Fold b = *holdoutSplit(labels, 0.3, false, 5);
  Fold c = *holdoutSplit(labels, 0.3, false, 6);
  expectPartition(a, 10);
  EXPECT_EQ(a.test.size(), 3u);
  EXPECT_EQ(a.test, b.test);
  EXPECT_EQ(a.train, b.train);
  EXPECT_NE(a.test, c.test);
}

TEST(Holdout, Errors) {
  std::vector<double> labels = {0, 1, 0, 1};
  DataResult<Fold> zero = holdoutSplit(labels, 0.0, false, 1);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().message, "holdout needs 0 < test < 1, but got "
                                  "0.000000");
  EXPECT_FALSE(holdoutSplit(labels, 1.0, false, 1));
  EXPECT_FALSE(holdoutSplit({0}, 0.5, false, 1));
  DataResult<Fold> fractional = holdoutSplit({0, 0.5, 1}, 0.5, true, 1);
  ASSERT_FALSE(fractional);
  EXPECT_EQ(fractional.error().message,
            "a stratified split needs class labels 0, 1, ..., but sample 1 "
            "has the label 0.500000");
}

TEST(KFold, StratifiedFoldsPartitionAndBalanceClasses) {
  std::vector<double> labels = wdbcLikeLabels();
  std::vector<Fold> folds = *kfoldSplit(labels, 7, /*stratify=*/true, 7);
  ASSERT_EQ(folds.size(), 7u);
  std::vector<int> seen(569, 0);
  for (const Fold &fold : folds) {
    expectPartition(fold, 569);
    // 569 = 7·81 + 2; 212 = 7·30 + 2; 357 = 7·51.
    EXPECT_GE(fold.test.size(), 81u);
    EXPECT_LE(fold.test.size(), 82u);
    std::size_t malignant = countLabel(labels, fold.test, 0);
    EXPECT_GE(malignant, 30u);
    EXPECT_LE(malignant, 31u);
    EXPECT_EQ(countLabel(labels, fold.test, 1), 51u);
    for (std::size_t i : fold.test)
      ++seen[i];
  }
  // Every sample is tested exactly once.
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 569);
}

TEST(KFold, UnstratifiedSizesAndDeterminism) {
  std::vector<double> labels(23, 1.0);
  std::vector<Fold> a = *kfoldSplit(labels, 5, false, 11);
  std::vector<Fold> b = *kfoldSplit(labels, 5, false, 11);
  std::vector<Fold> c = *kfoldSplit(labels, 5, false, 12);
  std::set<std::size_t> tested;
  for (std::size_t f = 0; f < 5; ++f) {
    expectPartition(a[f], 23);
    // Sizes 5, 5, 5, 4, 4 as scikit-learn's KFold.
    EXPECT_EQ(a[f].test.size(), f < 3 ? 5u : 4u);
    EXPECT_EQ(a[f].test, b[f].test);
    tested.insert(a[f].test.begin(), a[f].test.end());
  }
  EXPECT_EQ(tested.size(), 23u);
  bool differs = false;
  for (std::size_t f = 0; f < 5; ++f)
    differs |= a[f].test != c[f].test;
  EXPECT_TRUE(differs);
}

TEST(KFold, Errors) {
  DataResult<std::vector<Fold>> one = kfoldSplit({0, 1, 0}, 1, false, 1);
  ASSERT_FALSE(one);
  EXPECT_EQ(one.error().message, "kfold needs 2 <= k <= 3 (the number of "
                                 "samples), but got k = 1");
  EXPECT_FALSE(kfoldSplit({0, 1, 0}, 4, false, 1));
  EXPECT_FALSE(kfoldSplit({0, -1, 0}, 2, true, 1));
}

TEST(LeaveOneOut, EveryFoldTestsOneSample) {
  std::vector<Fold> folds = *leaveOneOutSplit(569);
  ASSERT_EQ(folds.size(), 569u);
  for (std::size_t i = 0; i < folds.size(); i += 71) {
    expectPartition(folds[i], 569);
    EXPECT_EQ(folds[i].test, (std::vector<std::size_t>{i}));
    EXPECT_EQ(folds[i].train.size(), 568u);
  }
  EXPECT_FALSE(leaveOneOutSplit(1));
}

} // namespace
