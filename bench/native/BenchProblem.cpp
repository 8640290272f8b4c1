//===- BenchProblem.cpp - a reproducible mini-batch for a model -----------===//
//
// This file draws the benchmark's parameters, inputs and targets, and
// evaluates its loss with the training library's losses.
//
//===----------------------------------------------------------------------===//

#include "BenchProblem.h"

#include "qruc/Runtime/ParamInit.h"
#include "qruc/Runtime/SeededRandom.h"

using namespace qruc;
using namespace qruc::runtime;

namespace {

ParamInitializer::Kind initKind(InitKind kind) {
  switch (kind) {
  case InitKind::Constant:
    return ParamInitializer::Kind::Constant;
  case InitKind::Uniform:
    return ParamInitializer::Kind::Uniform;
  case InitKind::Normal:
    return ParamInitializer::Kind::Normal;
  }
  return ParamInitializer::Kind::Constant;
}

template <typename Vars>
bool findByName(const Vars &vars, const std::string &name, std::size_t &at) {
  for (at = 0; at < vars.size(); ++at)
    if (vars[at].name == name)
      return true;
  return false;
}

} // namespace

bool bench::makeProblem(const StepProgram &program, LossKind loss,
                        const std::string &output, const std::string &target,
                        std::size_t batch, std::size_t steps,
                        std::uint64_t seed, BenchProblem &problem,
                        std::string &error) {
  problem.loss = loss;
  if (!findByName(program.outputs, output, problem.lossOutput) ||
      !findByName(program.targets, target, problem.lossTarget)) {
    error = "the loss reads output '" + output + "' and target '" + target +
            "', but the model does not declare both";
    return false;
  }

  const VariableInfo &out = program.outputs[problem.lossOutput];
  const VariableInfo &tgt = program.targets[problem.lossTarget];
  if (out.everyStep != tgt.everyStep ||
      tgt.size != targetWidth(loss, out.size)) {
    error = "target '" + target + "' does not fit output '" + output +
            "' under the loss";
    return false;
  }

  std::vector<ParamInitializer> initializers;
  for (const ParamInfo &param : program.params)
    initializers.push_back({param.name, initKind(param.init), param.initArgs,
                            program.slots[param.slot].size});
  DataResult<std::vector<double>> params =
      initialParameters(initializers, deriveSeed(seed, SeedStream::Init));
  if (!params) {
    error = params.error().message;
    return false;
  }
  problem.params = std::move(*params);

  // Inputs and targets from their own stream, step by step, so that the
  // parameters do not shift when the batch changes.
  SeededRandom rng(deriveSeed(seed, SeedStream::Sampling));
  problem.inputs.batch = batch;
  problem.inputs.steps = steps;
  problem.inputs.inputs.assign(steps, {});
  for (auto &step : problem.inputs.inputs)
    for (const VariableInfo &input : program.inputs) {
      step.emplace_back(batch * input.size);
      for (double &x : step.back())
        x = rng.uniform();
    }

  const std::size_t width = out.size;
  problem.targets.clear();
  for (const VariableInfo &var : program.targets) {
    std::size_t entries = var.everyStep ? steps : 1;
    problem.targets.emplace_back(entries);
    for (auto &values : problem.targets.back()) {
      values.resize(batch * var.size);
      for (double &y : values)
        y = loss == LossKind::CrossEntropy ? double(rng.below(width))
            : loss == LossKind::BceLogits  ? double(rng.below(2))
                                           : rng.uniform();
    }
  }
  return true;
}

double bench::lossAndGradient(const StepProgram &program,
                              const BenchProblem &problem,
                              const OutputValues &outputs,
                              OutputValues &gradients) {
  gradients = outputs;
  for (auto &output : gradients.values)
    for (auto &step : output)
      std::fill(step.begin(), step.end(), 0.0);
  const std::size_t o = problem.lossOutput;
  return sequenceLoss(problem.loss, outputs.values[o],
                      problem.targets[problem.lossTarget],
                      problem.inputs.batch, program.outputs[o].size,
                      &gradients.values[o]);
}
