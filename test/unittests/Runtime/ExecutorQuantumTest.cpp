//===- ExecutorQuantumTest.cpp - Circuits run and differentiated ----------===//
//
// This file tests the executor on circuits written by hand: every gate of
// the set, each parameterized gate with shared and with per-sample
// (input- or readout-dependent) angles, readouts of Pauli words between
// gates, a QRU-like memory fed forward through asin over several steps, and
// outputs read at every step and at the last step only. Forward values must
// match the dense reference interpreter to 1e-12 and adjoint gradients the
// finite differences to a relative error of 1e-6, with fresh qubits and
// with qubits that persist across steps. The fused forms the simulator
// pipeline produces (unitaries with entries from slots, permutations),
// conditional operators, measurement, reset and bits carried across steps
// are tested too.
//
//===----------------------------------------------------------------------===//

#include "ExecutorTestModels.h"
#include "ExecutorTestSupport.h"

#include "qruc/Runtime/GateMatrices.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

constexpr double kValueTol = 1e-12;
constexpr double kGradTol = 1e-6;
constexpr double kUncomputeTol = 1e-10;

/// Forward values against the reference, adjoint gradients against finite
/// differences and the uncomputed state against |0…0⟩, on `data` at random
/// parameters in ±paramScale; returns the gradient check.
GradientCheck checkModelOn(const StepProgram &program,
                           const SequenceBatch &data, std::mt19937_64 &rng,
                           double paramScale, const std::string &what) {
  EXPECT_EQ(program.validate(), "");
  const ParamVector params =
      randomParams(program, rng, -paramScale, paramScale);
  EXPECT_LT(maxReferenceError(program, params, data), kValueTol) << what;
  const GradientCheck check = checkGradients(program, params, data, rng);
  EXPECT_LT(check.maxRelError, kGradTol) << what;
  EXPECT_LT(check.uncomputeError, kUncomputeTol) << what;
  double norm = 0.0;
  for (double g : check.adjoint)
    norm = std::max(norm, std::abs(g));
  EXPECT_GT(norm, 1e-3) << "the check needs gradients that are not zero";
  return check;
}

void checkModel(const StepProgram &program, std::size_t batch,
                std::size_t steps, unsigned seed, double paramScale = 1.0) {
  std::mt19937_64 rng(seed);
  const SequenceBatch data = randomBatch(program, batch, steps, rng);
  checkModelOn(program, data, rng, paramScale, "");
}

/// Random inputs whose input 1 is a flag, 0 or 1 per sample and step.
SequenceBatch conditionalData(const StepProgram &program, std::mt19937_64 &rng,
                              std::size_t batch, std::size_t steps) {
  SequenceBatch data = randomBatch(program, batch, steps, rng);
  for (auto &step : data.inputs)
    for (double &f : step[1])
      f = f > 0 ? 1.0 : 0.0;
  return data;
}

TEST(ExecutorQuantum, FreshQubitsEveryGateSharedAndPerSampleAngles) {
  checkModel(everyGateModel(false), 5, 6, 1);
}

TEST(ExecutorQuantum, PersistentQubitsEveryGateSharedAndPerSampleAngles) {
  checkModel(everyGateModel(true), 5, 6, 2);
}

TEST(ExecutorQuantum, QruStepFeedsReadoutsThroughAsinForSeveralSteps) {
  // The QRU's recurrence on 2 data and 2 hidden qubits with two ancillas:
  // angle w·x + b on data, w·asin(m) + b on hidden, C-SWAP update gates,
  // a variational layer with a CNOT ring, memory = ⟨Z⟩, ⟨X⟩ of hidden.
  const unsigned n = 6;
  ProgramBuilder b(n, false);
  const SlotId x = b.input("x", 2);
  const SlotId m = b.memory("m", 4, {0.1}); // one value for all four
  const SlotId wx = b.param("wx", {2}), bx = b.param("bx", {2});
  const SlotId wh = b.param("wh", {4}), bh = b.param("bh", {4});
  const SlotId ax = b.op(OpCode::Add, {b.op(OpCode::Mul, {x, wx}), bx});
  const SlotId ah = b.op(
      OpCode::Add, {b.op(OpCode::Mul, {b.op(OpCode::Asin, {m}), wh}), bh});
  b.gate(GateKind::RX, {0}, {b.op(OpCode::Extract, {ax}, 0)});
  b.gate(GateKind::RY, {0}, {b.op(OpCode::Extract, {ax}, 1)});
  for (unsigned j = 0; j < 4; ++j)
    b.gate(j % 2 ? GateKind::RY : GateKind::RX, {1 + j / 2},
           {b.op(OpCode::Extract, {ah}, j)});
  b.gate(GateKind::CX, {1, 2});
  b.gate(GateKind::CX, {2, 1});
  b.gate(GateKind::CX, {0, 1});
  b.gate(GateKind::CSwap, {1, 2, 4});
  b.gate(GateKind::RX, {1}, {b.param("G")});
  b.gate(GateKind::CSwap, {1, 2, 5});
  const SlotId layer = b.param("layer", {3, 3});
  for (unsigned q = 0; q < 3; ++q)
    b.gate(GateKind::Rot, {q},
           {b.op(OpCode::Extract, {layer}, 3 * q),
            b.op(OpCode::Extract, {layer}, 3 * q + 1),
            b.op(OpCode::Extract, {layer}, 3 * q + 2)});
  for (unsigned q = 0; q < 3; ++q)
    b.gate(GateKind::CX, {q, (q + 1) % 3});
  b.next(m, b.op(OpCode::Concat, {b.expval("Z", {1}), b.expval("X", {1}),
                                  b.expval("Z", {2}), b.expval("X", {2})}));
  b.output("logit",
           b.op(OpCode::Mul, {b.param("s"), b.expval("Z", {0})}), false);
  checkModel(b.program, 9, 8, 3);
}

TEST(ExecutorQuantum, ConditionalGatesApplyOnlyWhereTheConditionHolds) {
  for (bool persistent : {false, true}) {
    const StepProgram program = conditionalModel(persistent);
    std::mt19937_64 rng(4 + persistent);
    const GradientCheck check =
        checkModelOn(program, conditionalData(program, rng, 13, 5), rng, 2.0,
                     persistent ? "persistent" : "fresh");
    // The gate under the `never` condition has no gradient at all.
    EXPECT_EQ(check.adjoint[5], 0.0);
  }
}

TEST(ExecutorQuantum, FusedUnitariesAndPermutationsFreshAndPersistent) {
  // Shared, batched and mixed matrix entries; permutations of scrambled
  // wires; each conditioned per sample, always and never.
  for (bool persistent : {false, true}) {
    const StepProgram program = fusedModel(persistent);
    std::mt19937_64 rng(6 + persistent);
    checkModelOn(program, conditionalData(program, rng, 11, 6), rng, 2.0,
                 persistent ? "persistent" : "fresh");
  }
}

TEST(ExecutorQuantum, MeasurementFeedsConditionsAndBitsAcrossSteps) {
  // Step: flip wire 0 when the bits say so, measure it into the bits, and
  // apply X to wire 1 when the outcome is 1: ⟨Z_1⟩ = 1 − 2·outcome.
  // RY(θ) makes the outcome random; reset brings wire 2 back to |0⟩.
  ProgramBuilder b(3, false);
  const SlotId bit = b.bits("c", {1.0});
  b.gate(GateKind::X, {0}, {}, bit);
  b.gate(GateKind::RY, {0}, {b.param("theta")});
  b.gate(GateKind::H, {2});
  const SlotId outcome = b.measure(0, 0);
  b.gate(GateKind::X, {1}, {}, outcome);
  b.reset(2, 1);
  b.next(bit, outcome);
  b.output("outcome", outcome, true);
  b.output("z1", b.expval("Z", {1}), true);
  b.output("z2", b.expval("Z", {2}), true);
  b.output("carried", bit, true);
  ASSERT_EQ(b.program.validate(), "");

  const std::size_t batch = 2000, steps = 3;
  SequenceBatch data;
  data.batch = batch;
  data.steps = steps;
  data.inputs.resize(steps);
  const double theta = 1.1;
  Executor one(b.program, 1), two(b.program, 2);
  OutputValues out, again, other;
  one.forward({theta}, data, out, 7);
  two.forward({theta}, data, again, 7);
  one.forward({theta}, data, other, 8);
  EXPECT_EQ(out.values, again.values) << "same seed, any thread count";
  EXPECT_NE(out.values, other.values) << "another seed, other outcomes";

  for (std::size_t t = 0; t < steps; ++t) {
    double ones = 0.0;
    std::size_t previousOnes = 0;
    for (std::size_t s = 0; s < batch; ++s) {
      const double c = out.values[0][t][s];
      ASSERT_TRUE(c == 0.0 || c == 1.0);
      EXPECT_EQ(out.values[1][t][s], 1.0 - 2.0 * c);
      EXPECT_NEAR(out.values[2][t][s], 1.0, 1e-12);
      const double carried = t == 0 ? 1.0 : out.values[0][t - 1][s];
      EXPECT_EQ(out.values[3][t][s], carried);
      ones += c;
      previousOnes += carried == 1.0;
    }
    // P(1) is sin²(θ/2) after |0⟩ and cos²(θ/2) after |1⟩: the mean
    // outcome is their mixture over the carried bits (5 sigma).
    const double s2 = std::pow(std::sin(theta / 2), 2);
    const double p1 = (previousOnes * (1 - s2) +
                       (batch - previousOnes) * s2) / batch;
    EXPECT_NEAR(ones / batch, p1, 5 * std::sqrt(p1 * (1 - p1) / batch))
        << "step " << t;
  }

  ParamVector gradients;
  EXPECT_FALSE(one.backward(out, gradients))
      << "outcomes of measurements have no gradient";
}

} // namespace
