//===- Evaluation.cpp - scoring a model on sequences ----------------------===//
//
// This file binds the loss to the program, checks data against it, gathers
// batches, and evaluates and forecasts with an Executor.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Evaluation.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace qruc::runtime;

namespace {

const VariableInfo *findVariable(const std::vector<VariableInfo> &variables,
                                 const std::string &name) {
  for (const VariableInfo &variable : variables)
    if (variable.name == name)
      return &variable;
  return nullptr;
}

std::vector<std::uint32_t> inputSizes(const StepProgram &program) {
  std::vector<std::uint32_t> sizes;
  for (const VariableInfo &input : program.inputs)
    sizes.push_back(input.size);
  return sizes;
}

} // namespace

DataResult<BoundLoss> qruc::runtime::bindLoss(const StepProgram &program,
                                              const LossSpec &loss,
                                              const std::string &where) {
  auto fail = [&](std::string message) {
    return DataError{where, 0, 0, std::move(message)};
  };
  const VariableInfo *output = findVariable(program.outputs, loss.output);
  if (!output)
    return fail("the loss reads '" + loss.output +
                "', which is not an output of the model");
  const VariableInfo *target = findVariable(program.targets, loss.target);
  if (!target)
    return fail("the loss compares with '" + loss.target +
                "', which is not a target of the model");
  BoundLoss bound;
  bound.kind = loss.kind;
  bound.output = static_cast<std::size_t>(output - program.outputs.data());
  bound.width = output->size;
  bound.everyStep = output->everyStep;
  if (target->size != targetWidth(loss.kind, output->size))
    return fail("target '" + target->name + "' has " +
                std::to_string(target->size) + " values, but the loss on '" +
                output->name + "' (" + std::to_string(output->size) +
                " values) needs " +
                std::to_string(targetWidth(loss.kind, output->size)));
  if (target->everyStep != output->everyStep)
    return fail("output '" + output->name + "' and target '" + target->name +
                "' must both be read at every step or both at the last");
  return bound;
}

DataStatus qruc::runtime::checkStepSize(const StepProgram &program,
                                        const SequenceSet &set,
                                        const std::string &source) {
  std::size_t perStep = 0;
  std::string names;
  for (const VariableInfo &input : program.inputs) {
    perStep += input.size;
    names += (names.empty() ? "" : ", ") + input.name;
  }
  if (set.stepSize == perStep)
    return std::nullopt;
  return DataError{source, 0, 0,
                   "the model reads " + std::to_string(perStep) +
                       " value(s) per step (" + names +
                       "), but the data give " +
                       std::to_string(set.stepSize)};
}

DataStatus qruc::runtime::checkDataFits(const StepProgram &program,
                                        const BoundLoss &loss,
                                        const SequenceSet &set,
                                        const std::string &source) {
  auto fail = [&](std::string message) {
    return DataError{source, 0, 0, std::move(message)};
  };
  if (DataStatus error = checkStepSize(program, set, source))
    return error;
  std::size_t wantSteps = loss.everyStep ? set.numSteps : 1;
  std::size_t wantWidth = targetWidth(loss.kind, loss.width);
  if (set.targetSteps != wantSteps || set.targetSize != wantWidth)
    return fail("the loss needs " + std::to_string(wantWidth) +
                " target value(s) " +
                (loss.everyStep ? "at every step" : "per sample") +
                ", but the data give " + std::to_string(set.targetSize) +
                " at " + std::to_string(set.targetSteps) + " step(s)");
  std::string problem = checkTargets(loss.kind, set.targets, loss.width);
  if (!problem.empty())
    return fail(problem);
  return std::nullopt;
}

SequenceBatch qruc::runtime::makeBatch(const StepProgram &program,
                                       const SequenceSet &set,
                                       const std::vector<std::size_t> &samples) {
  SequenceBatch batch;
  batch.batch = samples.size();
  batch.steps = set.numSteps;
  batch.inputs = gatherInputs(set, samples, inputSizes(program));
  return batch;
}

std::size_t qruc::runtime::metricClasses(const BoundLoss &loss) {
  return loss.width == 1 ? 2 : loss.width;
}

void qruc::runtime::addToMetrics(const BoundLoss &loss,
                                 const OutputValues &outputs,
                                 const std::vector<std::vector<double>> &targets,
                                 std::size_t batch,
                                 MetricAccumulator &metrics) {
  const std::vector<std::vector<double>> &values = outputs.values[loss.output];
  for (std::size_t t = 0; t < values.size(); ++t) {
    if (loss.classifies())
      metrics.addClassification(values[t], targets[t], batch, loss.width);
    else
      metrics.addRegression(values[t], targets[t]);
  }
}

EvaluationResult qruc::runtime::evaluate(
    Executor &executor, const ParamVector &params, const SequenceSet &set,
    const std::vector<std::size_t> &samples, const BoundLoss &loss,
    std::size_t batch, std::uint64_t seed) {
  EvaluationResult result;
  result.metrics = MetricAccumulator(metricClasses(loss));
  if (samples.empty()) {
    result.loss = std::numeric_limits<double>::quiet_NaN();
    return result;
  }
  batch = std::max<std::size_t>(batch, 1);
  double total = 0;
  OutputValues outputs;
  for (std::size_t begin = 0, n = 0; begin < samples.size(); begin += batch) {
    std::vector<std::size_t> slice =
        batchSlice(samples, begin, std::min(begin + batch, samples.size()));
    executor.forward(params, makeBatch(executor.program(), set, slice),
                     outputs, seed + n++);
    std::vector<std::vector<double>> targets = gatherTargets(set, slice);
    total += sequenceLoss(loss.kind, outputs.values[loss.output], targets,
                          slice.size(), loss.width) *
             static_cast<double>(slice.size());
    addToMetrics(loss, outputs, targets, slice.size(), result.metrics);
    const std::vector<double> &last = outputs.values[loss.output].back();
    result.lastOutputs.insert(result.lastOutputs.end(), last.begin(),
                              last.end());
  }
  result.loss = total / static_cast<double>(samples.size());
  return result;
}

std::vector<double> qruc::runtime::forecast(Executor &executor,
                                            const ParamVector &params,
                                            const SeriesTask &task,
                                            const BoundLoss &loss,
                                            std::uint64_t seed) {
  const SequenceSet &context = task.context;
  std::size_t numSeries = context.numSamples;
  std::vector<double> predictions(numSeries * task.forecastSteps);
  // The inputs so far, series-major: the context, then each prediction.
  SequenceSet growing = context;
  std::vector<std::size_t> all(numSeries);
  for (std::size_t s = 0; s < numSeries; ++s)
    all[s] = s;
  OutputValues outputs;
  for (std::size_t k = 0; k < task.forecastSteps; ++k) {
    executor.forward(params, makeBatch(executor.program(), growing, all),
                     outputs, seed + k);
    const std::vector<double> &last = outputs.values[loss.output].back();
    std::size_t steps = growing.numSteps;
    SequenceSet next = growing;
    next.numSteps = steps + 1;
    next.inputs.clear();
    for (std::size_t s = 0; s < numSeries; ++s) {
      predictions[s * task.forecastSteps + k] = last[s];
      const double *sequence = growing.sequence(s);
      next.inputs.insert(next.inputs.end(), sequence, sequence + steps);
      next.inputs.push_back(last[s]);
    }
    growing = std::move(next);
  }
  return predictions;
}
