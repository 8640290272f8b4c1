//===- ExecutorPersistentTest.cpp - The hybrid QRNN, differentiated -------===//
//
// This file tests backpropagation through time through a persistent quantum
// state, on the recurrence of the hybrid QRNN (Xu): at every step exact
// readouts of the carried 4-qubit state are concatenated with the input and
// passed through an MLP controller (MatVec, GELU, MatVec) whose outputs are
// all the angles of the step's circuit. Gradients of every controller and
// head parameter must equal finite differences over 12 steps, and the
// reverse sweep, which uncomputes the state gate by gate instead of storing
// it, must bring it back to |0…0⟩.
//
//===----------------------------------------------------------------------===//

#include "ExecutorTestModels.h"
#include "ExecutorTestSupport.h"

#include <gtest/gtest.h>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

TEST(ExecutorPersistent, HybridQrnnGradientsThroughTwelveSteps) {
  const StepProgram program = hybridQrnn(4, 3, 10);
  ASSERT_EQ(program.validate(), "");
  std::mt19937_64 rng(11);
  const SequenceBatch data = randomBatch(program, 6, 12, rng);
  const ParamVector params = randomParams(program, rng, -0.6, 0.6);
  EXPECT_LT(maxReferenceError(program, params, data), 1e-12);
  const GradientCheck check = checkGradients(program, params, data, rng);
  EXPECT_LT(check.maxRelError, 1e-6);
  // ψ_T uncomputed through every gate of all 12 steps is ψ_0 = |0…0⟩.
  EXPECT_LT(check.uncomputeError, 1e-10);
}

TEST(ExecutorPersistent, UncomputationStaysExactOverManySteps) {
  // 200 steps of a 6-qubit model: the drift of undoing ~5000 gates.
  const StepProgram program = hybridQrnn(6, 2, 8);
  std::mt19937_64 rng(12);
  const SequenceBatch data = randomBatch(program, 9, 200, rng);
  const ParamVector params = randomParams(program, rng, -0.6, 0.6);
  Executor executor(program, 2);
  OutputValues outputs;
  executor.forward(params, data, outputs);
  const OutputValues weights = randomWeights(outputs, rng);
  ParamVector gradients, again;
  ASSERT_TRUE(executor.backward(weights, gradients));
  EXPECT_LT(executor.stats().uncomputeError, 1e-10);
  // backward() uncomputes a copy of ψ_T: repeating it gives the same result.
  ASSERT_TRUE(executor.backward(weights, again));
  EXPECT_EQ(gradients, again);
}

} // namespace
