//===- ExampleGradientTest.cpp - gradients of the example models -----------===//
//
// This file compiles every example model with the front end, lowers it to a
// step program, and checks the executor's adjoint gradients against central
// finite differences of the same forward pass, at random parameters and
// inputs: the end-to-end check that compiler and runtime agree on what a
// model computes and how it is differentiated.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Runtime/Executor.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace qruc;

namespace {

runtime::StepProgram compileExample(const std::string &relative) {
  std::string path = std::string(QRUC_SOURCE_DIR) + "/examples/" + relative;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  EXPECT_TRUE(bool(buffer)) << path;
  mlir::MLIRContext context;
  context.getOrLoadDialect<qru::QRUDialect>();
  auto module = parseModule((*buffer)->getBuffer(), path, context);
  EXPECT_NE(module, nullptr);
  auto model = analyze(*module, path, context);
  EXPECT_NE(model, nullptr);
  auto ir = generateMLIR(*model, path, context);
  EXPECT_TRUE(bool(ir));
  auto modelOp = *ir->getBody()->getOps<qru::ModelOp>().begin();
  auto program = lowerToStepProgram(modelOp);
  EXPECT_TRUE(succeeded(program));
  return std::move(*program);
}

/// The loss Σ c·output over every output value, with fixed coefficients c:
/// its gradient with respect to the outputs is c itself.
double weightedSum(const runtime::OutputValues &outputs,
                   const runtime::OutputValues &weights) {
  double sum = 0;
  for (size_t o = 0; o < outputs.values.size(); ++o)
    for (size_t t = 0; t < outputs.values[o].size(); ++t)
      for (size_t i = 0; i < outputs.values[o][t].size(); ++i)
        sum += outputs.values[o][t][i] * weights.values[o][t][i];
  return sum;
}

class ExampleGradientTest : public testing::TestWithParam<const char *> {};

TEST_P(ExampleGradientTest, AdjointMatchesFiniteDifferences) {
  runtime::StepProgram program = compileExample(GetParam());
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> unit(0.0, 1.0);

  // Parameters drawn as the model declares: rotation angles over [0, 2π),
  // controller weights small; constants perturbed so that they matter too.
  runtime::ParamVector params;
  for (const runtime::ParamInfo &param : program.params) {
    size_t count = program.slots[param.slot].size;
    for (size_t i = 0; i < count; ++i) {
      const std::vector<double> &a = param.initArgs;
      switch (param.init) {
      case runtime::InitKind::Constant:
        params.push_back(a[0] * (0.9 + 0.2 * unit(rng)));
        break;
      case runtime::InitKind::Uniform:
        params.push_back(a[0] + (a[1] - a[0]) * unit(rng));
        break;
      case runtime::InitKind::Normal:
        params.push_back(
            std::normal_distribution<double>(a[0], a[1])(rng));
        break;
      }
    }
  }
  ASSERT_EQ(params.size(), program.numParameters());
  const size_t batch = 2, steps = 3;
  runtime::SequenceBatch sequences;
  sequences.batch = batch;
  sequences.steps = steps;
  sequences.inputs.resize(steps);
  for (auto &step : sequences.inputs)
    for (const runtime::VariableInfo &input : program.inputs) {
      step.emplace_back(batch * input.size);
      for (double &x : step.back())
        x = unit(rng);
    }

  runtime::Executor executor(program);
  runtime::OutputValues outputs, weights;
  executor.forward(params, sequences, outputs);
  weights = outputs;
  for (auto &output : weights.values)
    for (auto &step : output)
      for (double &w : step)
        w = unit(rng) - 0.5;
  runtime::ParamVector gradient;
  ASSERT_TRUE(executor.backward(weights, gradient));
  ASSERT_EQ(gradient.size(), params.size());

  // Central differences on a sample of parameters.
  std::uniform_int_distribution<size_t> pick(0, params.size() - 1);
  const double h = 1e-5;
  for (int k = 0; k < 12; ++k) {
    size_t i = pick(rng);
    runtime::ParamVector plus = params, minus = params;
    plus[i] += h;
    minus[i] -= h;
    runtime::OutputValues up, down;
    executor.forward(plus, sequences, up);
    executor.forward(minus, sequences, down);
    double fd = (weightedSum(up, weights) - weightedSum(down, weights)) /
                (2 * h);
    EXPECT_NEAR(gradient[i], fd, 1e-6 * std::max(1.0, std::fabs(fd)))
        << GetParam() << " parameter " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleGradientTest,
                         testing::Values("qru/oscillation.qru",
                                         "qru/wdbc.qru", "qru/mnist35.qru",
                                         "qrnn/mnist_rows.qru"));

} // namespace
