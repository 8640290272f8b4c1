//===- ExecutorBatchTest.cpp - Batches, threads and memory ----------------===//
//
// This file tests what the executor promises about how it runs rather than
// what it computes: a batch gives what its samples give one at a time
// (forward values, and gradients as the sum of the samples' gradients), two
// threads give what one gives, and backward() holds a fixed number of state
// vectors per tile whatever the number of gates and steps (it recomputes or
// uncomputes states instead of storing them), while the classical
// activations it keeps grow with the steps only.
//
//===----------------------------------------------------------------------===//

#include "ExecutorTestModels.h"
#include "ExecutorTestSupport.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

/// Sample b of a batch as a batch of one.
SequenceBatch sampleOf(const SequenceBatch &batch, const StepProgram &program,
                       std::size_t b) {
  SequenceBatch one;
  one.batch = 1;
  one.steps = batch.steps;
  for (const auto &step : batch.inputs) {
    one.inputs.emplace_back();
    for (std::size_t i = 0; i < step.size(); ++i) {
      const std::size_t size = program.inputs[i].size;
      one.inputs.back().emplace_back(step[i].begin() + b * size,
                                     step[i].begin() + (b + 1) * size);
    }
  }
  return one;
}

/// Sample b's part of output values (or weights).
OutputValues sampleOf(const OutputValues &values, const StepProgram &program,
                      std::size_t b) {
  OutputValues one;
  for (std::size_t o = 0; o < values.values.size(); ++o) {
    const std::size_t size = program.outputs[o].size;
    one.values.emplace_back();
    for (const auto &step : values.values[o])
      one.values.back().emplace_back(step.begin() + b * size,
                                     step.begin() + (b + 1) * size);
  }
  return one;
}

double maxRelDiff(const ParamVector &a, const ParamVector &b) {
  double scale = 0.0, worst = 0.0;
  for (double x : b)
    scale = std::max(scale, std::abs(x));
  for (std::size_t k = 0; k < a.size(); ++k)
    worst = std::max(worst, std::abs(a[k] - b[k]) / scale);
  return worst;
}

struct Case {
  const char *name;
  StepProgram program;
  std::size_t steps;
};

std::vector<Case> models() {
  return {{"fresh", everyGateModel(false), 5},
          {"persistent", everyGateModel(true), 5},
          {"conditional", conditionalModel(false), 4},
          {"fused", fusedModel(false), 4},
          {"fused persistent", fusedModel(true), 4},
          {"hybrid", hybridQrnn(4, 3, 6), 7}};
}

TEST(ExecutorBatch, BatchEqualsSamplesOneAtATime) {
  for (const Case &c : models()) {
    std::mt19937_64 rng(21);
    const std::size_t batch = 21;
    const SequenceBatch data = randomBatch(c.program, batch, c.steps, rng);
    const ParamVector params = randomParams(c.program, rng, -0.8, 0.8);
    Executor whole(c.program);
    OutputValues outputs;
    whole.forward(params, data, outputs);
    const OutputValues weights = randomWeights(outputs, rng);
    ParamVector gradients;
    ASSERT_TRUE(whole.backward(weights, gradients));

    ParamVector sum(gradients.size(), 0.0);
    Executor single(c.program);
    for (std::size_t b = 0; b < batch; ++b) {
      OutputValues one;
      single.forward(params, sampleOf(data, c.program, b), one);
      const OutputValues expected = sampleOf(outputs, c.program, b);
      for (std::size_t o = 0; o < one.values.size(); ++o)
        for (std::size_t t = 0; t < one.values[o].size(); ++t)
          for (std::size_t e = 0; e < one.values[o][t].size(); ++e)
            ASSERT_NEAR(one.values[o][t][e], expected.values[o][t][e], 1e-12)
                << c.name << ", sample " << b;
      ParamVector g;
      ASSERT_TRUE(single.backward(sampleOf(weights, c.program, b), g));
      for (std::size_t k = 0; k < g.size(); ++k)
        sum[k] += g[k];
    }
    EXPECT_LT(maxRelDiff(gradients, sum), 1e-12) << c.name;
  }
}

TEST(ExecutorBatch, TwoThreadsEqualOne) {
  for (const Case &c : models()) {
    std::mt19937_64 rng(22);
    const SequenceBatch data = randomBatch(c.program, 37, c.steps, rng);
    const ParamVector params = randomParams(c.program, rng, -0.8, 0.8);
    Executor one(c.program, 1), two(c.program, 2);
    OutputValues out1, out2;
    one.forward(params, data, out1);
    two.forward(params, data, out2);
    // Each sample's forward arithmetic is the same in any tile.
    EXPECT_EQ(out1.values, out2.values) << c.name;
    const OutputValues weights = randomWeights(out1, rng);
    ParamVector g1, g2;
    ASSERT_TRUE(one.backward(weights, g1));
    ASSERT_TRUE(two.backward(weights, g2));
    // Shared gradients sum per tile, then over tiles: rounding only.
    EXPECT_LT(maxRelDiff(g2, g1), 1e-12) << c.name;
  }
}

/// A fresh or persistent 5-qubit step with `layers` repetitions of an
/// RY layer, a CNOT ring, a unitary and a permutation, all reusing the
/// same slots, and a readout after each layer.
StepProgram layeredModel(unsigned layers, bool persistent) {
  const unsigned n = 5;
  ProgramBuilder b(n, persistent);
  const SlotId x = b.input("x", 1);
  const SlotId w = b.param("w", {n});
  const SlotId angles = b.op(OpCode::Mul, {x, w});
  std::vector<SlotId> angle;
  for (unsigned q = 0; q < n; ++q)
    angle.push_back(b.op(OpCode::Extract, {angles}, q));
  SlotId sum = b.constant({0.0});
  const SlotId h = b.op(OpCode::Mul, {angle[0], b.constant({0.0})});
  const SlotId r = b.op(OpCode::Add, {h, b.constant({M_SQRT1_2})});
  const std::vector<SlotId> hadamard = {r, h, r, h, r, h,
                                        b.op(OpCode::Neg, {r}), h};
  for (unsigned l = 0; l < layers; ++l) {
    for (unsigned q = 0; q < n; ++q)
      b.gate(GateKind::RY, {q}, {angle[q]});
    for (unsigned q = 0; q < n; ++q)
      b.gate(GateKind::CX, {q, (q + 1) % n});
    b.unitary(l % n, hadamard);
    b.permute({1, 3}, {0, 2, 1, 3});
    if (l == 0)
      sum = b.expval("Z", {0});
  }
  b.output("y", b.op(OpCode::Add, {sum, b.expval("X", {1})}), true);
  return b.program;
}

ExecutorStats statsAfterBackward(const StepProgram &program,
                                 std::size_t steps) {
  std::mt19937_64 rng(23);
  const SequenceBatch data = randomBatch(program, 16, steps, rng);
  Executor executor(program);
  OutputValues outputs;
  executor.forward(randomParams(program, rng), data, outputs);
  ParamVector gradients;
  EXPECT_TRUE(executor.backward(randomWeights(outputs, rng), gradients));
  return executor.stats();
}

TEST(ExecutorBatch, BackwardStoresNoStatePerGateOrStep) {
  for (bool persistent : {false, true}) {
    const ExecutorStats few = statsAfterBackward(layeredModel(2, persistent), 5);
    const ExecutorStats many =
        statsAfterBackward(layeredModel(40, persistent), 5);
    const ExecutorStats longer =
        statsAfterBackward(layeredModel(2, persistent), 50);
    // ψ and λ (fresh), plus the copy being uncomputed (persistent).
    const std::size_t states = persistent ? 3 : 2;
    const std::size_t bytes = states * 2 * 32 * 16 * sizeof(double);
    for (const ExecutorStats *s : {&few, &many, &longer}) {
      EXPECT_EQ(s->stateVectors, states);
      EXPECT_EQ(s->stateBytes, bytes);
      EXPECT_LT(s->uncomputeError, 1e-10);
    }
    // 20 times the gates, the same activations; 10 times the steps, 10
    // times the activations.
    EXPECT_EQ(many.activationBytes, few.activationBytes);
    EXPECT_EQ(longer.activationBytes, 10 * few.activationBytes);
  }
}

} // namespace
