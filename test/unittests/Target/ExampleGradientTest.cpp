//===- ExampleGradientTest.cpp - gradients of the example models -----------===//
//
// This file compiles every example model with the front end, lowers it to a
// step program, and checks the executor's adjoint gradients against central
// finite differences of the same forward pass, at random parameters and
// inputs: the end-to-end check that compiler and runtime agree on what a
// model computes and how it is differentiated. It does so for the IR as
// generated and for the IR after the sim pipeline (fused qru.unitary and
// qru.permute ops, parameter-only values in shared slots), and checks that
// the two programs compute the same outputs and the same gradients.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Pipeline/Pipelines.h"
#include "qruc/Runtime/Executor.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

#include <cmath>
#include <random>
#include <tuple>

using namespace qruc;

namespace {

const char *const kExamples[] = {"qru/oscillation.qru", "qru/wdbc.qru",
                                 "qru/mnist35.qru", "qrnn/mnist_rows.qru"};

/// The example's step program, lowered from the IR as generated or, with
/// `optimized`, after the sim pipeline.
runtime::StepProgram compileExample(const std::string &relative,
                                    bool optimized) {
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
  if (optimized) {
    EXPECT_TRUE(succeeded(runPipeline(*ir, Target::Sim)));
  }
  auto modelOp = *ir->getBody()->getOps<qru::ModelOp>().begin();
  auto program = lowerToStepProgram(modelOp);
  EXPECT_TRUE(succeeded(program));
  return std::move(*program);
}

/// Parameters drawn as the model declares: rotation angles over [0, 2π),
/// controller weights small; constants perturbed so that they matter too.
runtime::ParamVector randomParams(const runtime::StepProgram &program,
                                  std::mt19937_64 &rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
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
  EXPECT_EQ(params.size(), program.numParameters());
  return params;
}

/// Inputs uniform in [0, 1), like scaled pixels.
runtime::SequenceBatch randomSequences(const runtime::StepProgram &program,
                                       size_t batch, size_t steps,
                                       std::mt19937_64 &rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
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
  return sequences;
}

/// Output gradients in [−0.5, 0.5), in the layout of `outputs`.
runtime::OutputValues randomWeights(const runtime::OutputValues &outputs,
                                    std::mt19937_64 &rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  runtime::OutputValues weights = outputs;
  for (auto &output : weights.values)
    for (auto &step : output)
      for (double &w : step)
        w = unit(rng) - 0.5;
  return weights;
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

/// "mnist35" for "qru/mnist35.qru".
std::string exampleName(const std::string &relative) {
  const size_t slash = relative.rfind('/');
  return relative.substr(slash + 1, relative.rfind('.') - slash - 1);
}

/// An example, and whether it is lowered after the sim pipeline.
class ExampleGradientTest
    : public testing::TestWithParam<std::tuple<const char *, bool>> {};

TEST_P(ExampleGradientTest, AdjointMatchesFiniteDifferences) {
  const auto [example, optimized] = GetParam();
  runtime::StepProgram program = compileExample(example, optimized);
  std::mt19937_64 rng(2026);
  const runtime::ParamVector params = randomParams(program, rng);
  const runtime::SequenceBatch sequences =
      randomSequences(program, /*batch=*/2, /*steps=*/3, rng);

  runtime::Executor executor(program);
  runtime::OutputValues outputs;
  executor.forward(params, sequences, outputs);
  const runtime::OutputValues weights = randomWeights(outputs, rng);
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
        << example << (optimized ? " (sim pipeline)" : "") << " parameter "
        << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Examples, ExampleGradientTest,
    testing::Combine(testing::ValuesIn(kExamples), testing::Bool()),
    [](const auto &info) {
      return exampleName(std::get<0>(info.param)) +
             (std::get<1>(info.param) ? "_sim" : "_generated");
    });

class SimPipelineTest : public testing::TestWithParam<const char *> {};

/// The program lowered after the sim pipeline computes what the program
/// lowered from the IR as generated computes, and differentiates alike.
TEST_P(SimPipelineTest, KeepsOutputsAndGradients) {
  const runtime::StepProgram plain = compileExample(GetParam(), false);
  const runtime::StepProgram fused = compileExample(GetParam(), true);
  ASSERT_EQ(plain.numParameters(), fused.numParameters());
  ASSERT_EQ(plain.inputs.size(), fused.inputs.size());
  ASSERT_EQ(plain.outputs.size(), fused.outputs.size());
  std::mt19937_64 rng(2027);
  const runtime::ParamVector params = randomParams(plain, rng);
  const runtime::SequenceBatch sequences =
      randomSequences(plain, /*batch=*/5, /*steps=*/4, rng);

  runtime::Executor before(plain), after(fused);
  runtime::OutputValues expected, outputs;
  before.forward(params, sequences, expected);
  after.forward(params, sequences, outputs);
  ASSERT_EQ(outputs.values.size(), expected.values.size());
  for (size_t o = 0; o < expected.values.size(); ++o) {
    ASSERT_EQ(outputs.values[o].size(), expected.values[o].size());
    for (size_t t = 0; t < expected.values[o].size(); ++t)
      for (size_t i = 0; i < expected.values[o][t].size(); ++i)
        EXPECT_NEAR(outputs.values[o][t][i], expected.values[o][t][i], 1e-10)
            << GetParam() << " output " << o << " step " << t;
  }

  const runtime::OutputValues weights = randomWeights(expected, rng);
  runtime::ParamVector want, got;
  ASSERT_TRUE(before.backward(weights, want));
  ASSERT_TRUE(after.backward(weights, got));
  ASSERT_EQ(got.size(), want.size());
  // Relative to each gradient, with a floor of 1e-2 of the largest so that
  // gradients near zero compare to the scale of the others.
  double scale = 0;
  for (double g : want)
    scale = std::max(scale, std::fabs(g));
  ASSERT_GT(scale, 0.0);
  for (size_t k = 0; k < want.size(); ++k)
    EXPECT_LE(std::fabs(got[k] - want[k]),
              1e-8 * std::max(std::fabs(want[k]), 1e-2 * scale))
        << GetParam() << " parameter " << k;
}

INSTANTIATE_TEST_SUITE_P(Examples, SimPipelineTest,
                         testing::ValuesIn(kExamples), [](const auto &info) {
                           return exampleName(info.param);
                         });

} // namespace
