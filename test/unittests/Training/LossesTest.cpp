//===- LossesTest.cpp - losses, gradients, metrics and summaries ----------===//
//
// This file tests the losses against their definitions and their
// gradients against central finite differences, the metrics and confusion
// counts, and the Tukey-fence summary of restarts.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Losses.h"
#include "qruc/Runtime/Metrics.h"
#include "qruc/Runtime/Outliers.h"
#include "qruc/Runtime/SeededRandom.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace qruc::runtime;

namespace {

/// Checks stepLoss's gradient against central differences.
void expectGradientMatches(LossKind kind, std::vector<double> outputs,
                           const std::vector<double> &targets,
                           std::size_t batch, std::size_t width) {
  std::vector<double> gradient;
  stepLoss(kind, outputs, targets, batch, width, &gradient);
  ASSERT_EQ(gradient.size(), outputs.size());
  const double h = 1e-6;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    double saved = outputs[i];
    outputs[i] = saved + h;
    double up = stepLoss(kind, outputs, targets, batch, width);
    outputs[i] = saved - h;
    double down = stepLoss(kind, outputs, targets, batch, width);
    outputs[i] = saved;
    double numeric = (up - down) / (2 * h);
    EXPECT_NEAR(gradient[i], numeric, 1e-8 + 1e-6 * std::abs(numeric))
        << "element " << i;
  }
}

TEST(Losses, BceLogitsValuesAndStability) {
  // One sample: z = 0 gives log 2 for either target.
  EXPECT_NEAR(stepLoss(LossKind::BceLogits, {0.0}, {1.0}, 1, 1), std::log(2.0),
              1e-15);
  // Mean over the batch of −y log σ(z) − (1−y) log(1−σ(z)).
  double z1 = 1.3, z2 = -0.4;
  double s1 = 1 / (1 + std::exp(-z1)), s2 = 1 / (1 + std::exp(-z2));
  double expected = (-std::log(s1) - std::log(1 - s2)) / 2;
  EXPECT_NEAR(stepLoss(LossKind::BceLogits, {z1, z2}, {1.0, 0.0}, 2, 1),
              expected, 1e-15);
  // Huge logits neither overflow nor lose the loss.
  EXPECT_NEAR(stepLoss(LossKind::BceLogits, {800.0}, {0.0}, 1, 1), 800.0,
              1e-12);
  EXPECT_NEAR(stepLoss(LossKind::BceLogits, {-800.0}, {0.0}, 1, 1), 0.0,
              1e-300);
  std::vector<double> gradient;
  stepLoss(LossKind::BceLogits, {800.0, -800.0}, {0.0, 0.0}, 2, 1, &gradient);
  EXPECT_DOUBLE_EQ(gradient[0], 0.5);
  EXPECT_DOUBLE_EQ(gradient[1], 0.0);
}

TEST(Losses, CrossEntropyValuesAndStability) {
  // Uniform logits: log C.
  EXPECT_NEAR(
      stepLoss(LossKind::CrossEntropy, {0.5, 0.5, 0.5}, {2.0}, 1, 3),
      std::log(3.0), 1e-15);
  double a = 2.0, b = -1.0;
  double expected = std::log(std::exp(a) + std::exp(b)) - b;
  EXPECT_NEAR(stepLoss(LossKind::CrossEntropy, {a, b}, {1.0}, 1, 2), expected,
              1e-14);
  EXPECT_NEAR(stepLoss(LossKind::CrossEntropy, {1000.0, 0.0}, {1.0}, 1, 2),
              1000.0, 1e-9);
}

TEST(Losses, MseValue) {
  // Mean over every element.
  EXPECT_DOUBLE_EQ(
      stepLoss(LossKind::Mse, {1.0, 2.0, 3.0, 5.0}, {0.0, 2.0, 3.0, 3.0}, 2,
               2),
      (1.0 + 0 + 0 + 4.0) / 4);
}

TEST(Losses, GradientsMatchFiniteDifferences) {
  SeededRandom rng(3);
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<double> logits, binary, classes, values, wide;
    for (int b = 0; b < 4; ++b) {
      binary.push_back(static_cast<double>(rng.below(2)));
      classes.push_back(static_cast<double>(rng.below(3)));
      for (int j = 0; j < 3; ++j) {
        logits.push_back(rng.normal(0, 2));
        values.push_back(rng.normal(0, 1));
        wide.push_back(rng.uniform());
      }
    }
    std::vector<double> one(logits.begin(), logits.begin() + 4);
    expectGradientMatches(LossKind::BceLogits, one, binary, 4, 1);
    expectGradientMatches(LossKind::BceLogits, logits, wide, 4, 3);
    expectGradientMatches(LossKind::CrossEntropy, logits, classes, 4, 3);
    expectGradientMatches(LossKind::Mse, logits, values, 4, 3);
  }
}

TEST(Losses, SequenceLossIsTheMeanOverSteps) {
  std::vector<std::vector<double>> outputs = {{1.0, 2.0}, {0.0, 4.0}};
  std::vector<std::vector<double>> targets = {{1.0, 1.0}, {1.0, 1.0}};
  std::vector<std::vector<double>> gradients;
  double loss =
      sequenceLoss(LossKind::Mse, outputs, targets, 2, 1, &gradients);
  // Squared errors 0, 1, 1, 9 over 4 values.
  EXPECT_DOUBLE_EQ(loss, 11.0 / 4);
  ASSERT_EQ(gradients.size(), 2u);
  EXPECT_EQ(gradients[0], (std::vector<double>{0.0, 0.5}));
  EXPECT_EQ(gradients[1], (std::vector<double>{-0.5, 1.5}));
}

TEST(Losses, TargetChecks) {
  EXPECT_EQ(checkTargets(LossKind::BceLogits, {0, 1, 0.5}, 1), "");
  EXPECT_EQ(checkTargets(LossKind::BceLogits, {0, 2}, 1),
            "bce_logits needs targets between 0 and 1, but target 1 is "
            "2.000000");
  EXPECT_EQ(checkTargets(LossKind::CrossEntropy, {0, 1}, 2), "");
  EXPECT_EQ(checkTargets(LossKind::CrossEntropy, {0, 2}, 2),
            "cross_entropy needs class indices 0 .. 1, but target 1 is "
            "2.000000");
  EXPECT_NE(checkTargets(LossKind::Mse, {0, NAN}, 1), "");
  EXPECT_EQ(targetWidth(LossKind::CrossEntropy, 2), 1u);
  EXPECT_EQ(targetWidth(LossKind::Mse, 3), 3u);
}

TEST(Metrics, BinaryAccuracyAndConfusion) {
  MetricAccumulator metrics;
  // Logits → predicted 1, 0, 1, 0, 0 (0 is not > 0).
  metrics.addClassification({2.0, -1.0, 0.5, -3.0, 0.0},
                            {1.0, 1.0, 0.0, 0.0, 0.0}, 5, 1);
  EXPECT_EQ(metrics.correct(), 3u);
  EXPECT_DOUBLE_EQ(metrics.accuracy(), 0.6);
  BinaryConfusion positiveOne = metrics.binary(1);
  EXPECT_EQ(positiveOne.truePositive, 1u);
  EXPECT_EQ(positiveOne.falseNegative, 1u);
  EXPECT_EQ(positiveOne.trueNegative, 2u);
  EXPECT_EQ(positiveOne.falsePositive, 1u);
  // With class 0 as the positive class (WDBC's malignant) the roles swap.
  BinaryConfusion positiveZero = metrics.binary(0);
  EXPECT_EQ(positiveZero.truePositive, 2u);
  EXPECT_EQ(positiveZero.falseNegative, 1u);
  EXPECT_EQ(positiveZero.trueNegative, 1u);
  EXPECT_EQ(positiveZero.falsePositive, 1u);
}

TEST(Metrics, MulticlassArgmaxAndMerge) {
  MetricAccumulator a(3), b(3);
  a.addClassification({0.1, 0.9, 0.0, 2.0, 2.0, 1.0}, {1.0, 1.0}, 2, 3);
  // Ties go to the first maximum: the second sample predicts 0.
  EXPECT_EQ(a.correct(), 1u);
  EXPECT_EQ(a.confusion(1, 0), 1u);
  b.addClassification({0.0, 0.0, 5.0}, {2.0}, 1, 3);
  a.merge(b);
  EXPECT_EQ(a.classified(), 3u);
  EXPECT_EQ(a.correct(), 2u);
  EXPECT_EQ(a.confusion(2, 2), 1u);
  EXPECT_EQ(predictedClass(std::vector<double>{-1, 3, 3}.data(), 3), 1u);
}

TEST(Metrics, MeanSquaredError) {
  MetricAccumulator metrics;
  EXPECT_EQ(metrics.mse(), 0.0);
  metrics.addRegression({1.0, 2.0}, {0.0, 0.0});
  metrics.addRegression({3.0}, {1.0});
  EXPECT_DOUBLE_EQ(metrics.mse(), (1.0 + 4.0 + 4.0) / 3);
}

TEST(Outliers, QuantilesMatchNumpyType7) {
  // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75]) = [2, 3, 4].
  std::vector<double> v = {10, 1, 3, 2, 4};
  EXPECT_DOUBLE_EQ(quantile(v, 0.25), 2.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.75), 4.0);
  // numpy.percentile([1, 2, 3, 4], 25) = 1.75.
  EXPECT_DOUBLE_EQ(quantile({1, 2, 3, 4}, 0.25), 1.75);
}

TEST(Outliers, TukeyFencesDropDivergedRuns) {
  // Q1 = 2, Q3 = 4, IQR 2: fences [-1, 7]; the diverged run (10) goes.
  RunSummary summary = summarizeRuns({10, 1, 3, 2, 4});
  EXPECT_DOUBLE_EQ(summary.lowFence, -1.0);
  EXPECT_DOUBLE_EQ(summary.highFence, 7.0);
  EXPECT_EQ(summary.kept, 4u);
  EXPECT_EQ(summary.inlier, (std::vector<bool>{false, true, true, true, true}));
  EXPECT_DOUBLE_EQ(summary.meanAll, 4.0);
  EXPECT_DOUBLE_EQ(summary.meanKept, 2.5);
  EXPECT_NEAR(summary.stddevKept, std::sqrt(5.0 / 3.0), 1e-15);
  // A NaN run is always dropped; k < 0 keeps every finite run.
  RunSummary all = summarizeRuns({1, NAN, 100}, -1);
  EXPECT_EQ(all.kept, 2u);
  EXPECT_DOUBLE_EQ(all.meanKept, 50.5);
}

} // namespace
