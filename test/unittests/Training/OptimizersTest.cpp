//===- OptimizersTest.cpp - optimizers, schedules, initialisation ---------===//
//
// This file tests Adam against a two-step example computed by hand, SGD
// with and without momentum, saving and restoring optimizer state, the
// halve-and-revert learning-rate schedule, early stopping, and parameter
// initialisation.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/EarlyStopping.h"
#include "qruc/Runtime/LearningRateSchedule.h"
#include "qruc/Runtime/Optimizers.h"
#include "qruc/Runtime/ParamInit.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace qruc::runtime;

namespace {

TEST(Adam, TwoStepsByHand) {
  OptimizerSpec spec; // β1 = 0.9, β2 = 0.999, ε = 1e-8
  spec.lr = 0.1;
  Optimizer adam(spec, 2);
  std::vector<double> p = {1.0, -2.0};

  // Step 1, g = (0.5, −1): m = 0.1·g, v = 0.001·g², so m̂ = g and v̂ = g²;
  // the step is lr·g/(|g| + ε).
  adam.step(p, {0.5, -1.0});
  EXPECT_NEAR(p[0], 1.0 - 0.1 * 0.5 / (0.5 + 1e-8), 1e-15);
  EXPECT_NEAR(p[1], -2.0 + 0.1 * 1.0 / (1.0 + 1e-8), 1e-15);

  // Step 2, g = (0.1, 0.2):
  //   m = 0.9·(0.05, −0.1) + 0.1·(0.1, 0.2)           = (0.055, −0.07)
  //   v = 0.999·(0.00025, 0.001) + 0.001·(0.01, 0.04) = (0.00025975, 0.001039)
  //   m̂ = m / (1 − 0.9²) = m / 0.19;  v̂ = v / (1 − 0.999²) = v / 0.001999
  //   p −= 0.1 · m̂ / (sqrt(v̂) + 1e-8)
  adam.step(p, {0.1, 0.2});
  double mHat0 = 0.055 / 0.19, vHat0 = 0.00025975 / 0.001999;
  double mHat1 = -0.07 / 0.19, vHat1 = 0.001039 / 0.001999;
  EXPECT_NEAR(p[0], 0.900000002 - 0.1 * mHat0 / (std::sqrt(vHat0) + 1e-8),
              1e-12);
  EXPECT_NEAR(p[1], -1.900000001 - 0.1 * mHat1 / (std::sqrt(vHat1) + 1e-8),
              1e-12);
  // The same numbers, evaluated once in Python with this update rule.
  EXPECT_NEAR(p[0], 0.8196959063846518, 1e-12);
  EXPECT_NEAR(p[1], -1.8488973939904947, 1e-12);
  EXPECT_EQ(adam.stepCount(), 2u);
}

TEST(Sgd, PlainAndMomentum) {
  OptimizerSpec spec;
  spec.kind = OptimizerSpec::Kind::Sgd;
  spec.lr = 0.5;
  Optimizer plain(spec, 1);
  std::vector<double> p = {1.0};
  plain.step(p, {2.0});
  EXPECT_DOUBLE_EQ(p[0], 0.0);

  spec.momentum = 0.9;
  Optimizer heavy(spec, 1);
  p = {0.0};
  heavy.step(p, {1.0}); // buffer 1
  EXPECT_DOUBLE_EQ(p[0], -0.5);
  heavy.step(p, {1.0}); // buffer 0.9 + 1 = 1.9
  EXPECT_DOUBLE_EQ(p[0], -0.5 - 0.95);
}

TEST(Optimizer, StateRoundTripContinuesIdentically) {
  OptimizerSpec spec;
  spec.lr = 0.05;
  Optimizer a(spec, 3), b(spec, 3);
  std::vector<double> pa = {0.1, 0.2, 0.3};
  a.step(pa, {1.0, -2.0, 0.5});
  a.setLearningRate(0.025);
  ASSERT_FALSE(b.restore(a.state()));
  EXPECT_EQ(b.learningRate(), 0.025);
  EXPECT_EQ(b.stepCount(), 1u);
  std::vector<double> pb = pa;
  a.step(pa, {0.3, 0.3, -0.1});
  b.step(pb, {0.3, 0.3, -0.1});
  EXPECT_EQ(pa, pb);

  OptimizerSpec sgd;
  sgd.kind = OptimizerSpec::Kind::Sgd;
  Optimizer c(sgd, 3);
  DataStatus wrongKind = c.restore(a.state());
  ASSERT_TRUE(wrongKind);
  EXPECT_EQ(wrongKind->message,
            "the saved optimizer is 'adam', but the experiment uses 'sgd'");
  Optimizer d(spec, 4);
  DataStatus wrongSize = d.restore(a.state());
  ASSERT_TRUE(wrongSize);
  EXPECT_EQ(wrongSize->message, "the saved adam moments has 3 entries, but "
                                "the model has 4 parameters");
}

TEST(HalveOnPlateau, HalvesAndRevertsAfterPatienceEpochs) {
  OptimizerSpec spec;
  spec.lr = 0.2;
  Optimizer optimizer(spec, 1);
  HalveOnPlateau schedule(/*patience=*/2, /*revert=*/true);
  std::vector<double> params = {1.0};

  EXPECT_TRUE(schedule.update(0.5, params, optimizer).improved);
  params = {2.0};
  EXPECT_TRUE(schedule.update(0.4, params, optimizer).improved); // best: 2
  params = {3.0};
  HalveOnPlateau::Action first = schedule.update(0.4, params, optimizer);
  EXPECT_FALSE(first.improved); // equal is no improvement
  EXPECT_FALSE(first.halved);
  params = {4.0};
  HalveOnPlateau::Action second = schedule.update(0.45, params, optimizer);
  EXPECT_TRUE(second.halved);
  EXPECT_TRUE(second.reverted);
  EXPECT_DOUBLE_EQ(optimizer.learningRate(), 0.1);
  EXPECT_EQ(params, (std::vector<double>{2.0}));
  EXPECT_EQ(schedule.epochsSinceImprovement(), 0u);
  // The count starts again: two more stalls halve once more.
  schedule.update(0.41, params, optimizer);
  EXPECT_TRUE(schedule.update(std::nan(""), params, optimizer).halved);
  EXPECT_DOUBLE_EQ(optimizer.learningRate(), 0.05);
  EXPECT_EQ(schedule.timesHalved(), 2u);
  EXPECT_EQ(schedule.bestLoss(), 0.4);
}

TEST(HalveOnPlateau, WithoutRevertKeepsTheParameters) {
  OptimizerSpec spec;
  spec.lr = 1.0;
  Optimizer optimizer(spec, 1);
  HalveOnPlateau schedule(1, false);
  std::vector<double> params = {1.0};
  schedule.update(1.0, params, optimizer);
  params = {5.0};
  HalveOnPlateau::Action action = schedule.update(2.0, params, optimizer);
  EXPECT_TRUE(action.halved);
  EXPECT_FALSE(action.reverted);
  EXPECT_EQ(params, (std::vector<double>{5.0}));
  EXPECT_DOUBLE_EQ(optimizer.learningRate(), 0.5);
}

TEST(EarlyStopping, StopsAfterPatienceEpochsWithoutMinDeltaImprovement) {
  EarlyStopping stop(/*patience=*/3, /*minDelta=*/0.01,
                     EarlyStopping::Monitor::ValLoss);
  EXPECT_EQ(stop.monitor(), EarlyStopping::Monitor::ValLoss);
  EXPECT_FALSE(stop.update(1, 1.0));
  EXPECT_TRUE(stop.improved());
  EXPECT_FALSE(stop.update(2, 0.995)); // better, but by less than min_delta
  EXPECT_FALSE(stop.improved());
  EXPECT_FALSE(stop.update(3, 0.98)); // improves by 0.02
  EXPECT_EQ(stop.bestEpoch(), 3u);
  EXPECT_FALSE(stop.update(4, 0.979));
  EXPECT_FALSE(stop.update(5, 1.5));
  EXPECT_TRUE(stop.update(6, std::nan("")));
  EXPECT_EQ(stop.bestEpoch(), 3u);
  EXPECT_DOUBLE_EQ(stop.bestLoss(), 0.98);
}

TEST(ParamInit, ConstantUniformNormalAndDeterminism) {
  std::vector<ParamInitializer> params = {
      {"p", ParamInitializer::Kind::Uniform, {0.0, 2 * M_PI}, 34},
      {"w", ParamInitializer::Kind::Normal, {1.0, 0.0}, 3},
      {"s", ParamInitializer::Kind::Constant, {100.0}, 1}};
  std::vector<double> a = *initialParameters(params, 7);
  std::vector<double> b = *initialParameters(params, 7);
  std::vector<double> c = *initialParameters(params, 8);
  ASSERT_EQ(a.size(), 38u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  for (int i = 0; i < 34; ++i) {
    EXPECT_GE(a[i], 0.0);
    EXPECT_LT(a[i], 2 * M_PI);
  }
  EXPECT_EQ(a[34], 1.0); // stddev 0
  EXPECT_EQ(a[37], 100.0);
}

TEST(ParamInit, Errors) {
  DataResult<std::vector<double>> bad = initialParameters(
      {{"p", ParamInitializer::Kind::Uniform, {2.0, 1.0}, 4}}, 1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "parameter 'p': uniform(a, b) needs finite a <= b, but got a = "
            "2.000000, b = 1.000000");
  EXPECT_FALSE(initialParameters(
      {{"q", ParamInitializer::Kind::Normal, {0.0, -1.0}, 1}}, 1));
  EXPECT_FALSE(
      initialParameters({{"r", ParamInitializer::Kind::Constant, {}, 1}}, 1));
}

} // namespace
