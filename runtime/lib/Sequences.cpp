//===- Sequences.cpp - samples as sequences of time steps -----------------===//
//
// This file cuts samples into time steps, builds the series forecasting
// task, and gathers mini-batches into the Executor's layout.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Sequences.h"

#include <algorithm>
#include <cassert>
#include <numeric>

using namespace qruc::runtime;

DataResult<SequenceSet> qruc::runtime::makeSequences(const Dataset &data,
                                                     const SequenceSpec &spec) {
  auto fail = [&](std::string message) {
    return DataError{data.source, 0, 0, std::move(message)};
  };
  std::size_t perStep = 0;
  switch (spec.kind) {
  case SequenceSpec::Kind::Features:
    perStep = spec.perStep;
    if (perStep == 0)
      return fail("features(per_step) must be positive");
    if (data.numFeatures % perStep != 0)
      return fail(std::to_string(data.numFeatures) +
                  " features do not divide into steps of " +
                  std::to_string(perStep));
    break;
  case SequenceSpec::Kind::Rows:
    if (!data.isImage())
      return fail("rows() needs images, but the data holds rows of " +
                  std::to_string(data.numFeatures) + " features");
    perStep = data.imageCols;
    break;
  case SequenceSpec::Kind::Pixels:
    perStep = 1;
    break;
  case SequenceSpec::Kind::Series:
    return fail("series(window) sequences come from a series split");
  }
  if (data.labels.size() != data.numSamples)
    return fail("the data have no labels to use as targets");

  SequenceSet set;
  set.numSamples = data.numSamples;
  set.stepSize = perStep;
  set.numSteps = data.numFeatures / perStep;
  // A sample's features are already its steps one after another.
  set.inputs = data.features;
  set.targetSteps = 1;
  set.targetSize = 1;
  set.targets = data.labels;
  return set;
}

DataResult<SeriesTask> qruc::runtime::makeSeriesTask(const Dataset &series,
                                                     std::size_t train,
                                                     std::size_t test,
                                                     std::size_t window) {
  auto fail = [&](std::string message) {
    return DataError{series.source, 0, 0, std::move(message)};
  };
  std::size_t points = series.numFeatures;
  if (window == 0)
    window = train;
  if (train == 0)
    return fail("a series split needs at least one training point");
  if (train + 1 > points || train + test > points)
    return fail("series(train = " + std::to_string(train) +
                ", test = " + std::to_string(test) + ") needs " +
                std::to_string(std::max(train + 1, train + test)) +
                " points, but the series have " + std::to_string(points));
  if (window > train)
    return fail("a window of " + std::to_string(window) +
                " steps is longer than the " + std::to_string(train) +
                " training points");

  SeriesTask task;
  std::size_t windowsPerSeries = train - window + 1;
  SequenceSet &tr = task.train;
  tr.numSamples = series.numSamples * windowsPerSeries;
  tr.numSteps = window;
  tr.stepSize = 1;
  tr.targetSteps = window;
  tr.targetSize = 1;
  SequenceSet &ctx = task.context;
  ctx.numSamples = series.numSamples;
  ctx.numSteps = train;
  ctx.stepSize = 1;
  ctx.targetSteps = train;
  ctx.targetSize = 1;
  task.forecastSteps = test;
  for (std::size_t s = 0; s < series.numSamples; ++s) {
    const double *y = series.row(s);
    for (std::size_t start = 0; start < windowsPerSeries; ++start) {
      tr.inputs.insert(tr.inputs.end(), y + start, y + start + window);
      tr.targets.insert(tr.targets.end(), y + start + 1,
                        y + start + window + 1);
    }
    ctx.inputs.insert(ctx.inputs.end(), y, y + train);
    ctx.targets.insert(ctx.targets.end(), y + 1, y + train + 1);
    task.forecastTargets.insert(task.forecastTargets.end(), y + train,
                                y + train + test);
  }
  return task;
}

StepInputs
qruc::runtime::gatherInputs(const SequenceSet &set,
                            const std::vector<std::size_t> &samples,
                            const std::vector<std::uint32_t> &inputSizes) {
  StepInputs batch(set.numSteps);
  for (std::size_t t = 0; t < set.numSteps; ++t) {
    std::vector<std::vector<double>> &step = batch[t];
    step.resize(inputSizes.size());
    std::size_t offset = 0;
    for (std::size_t i = 0; i < inputSizes.size(); ++i) {
      std::size_t size = inputSizes[i];
      step[i].resize(samples.size() * size);
      for (std::size_t b = 0; b < samples.size(); ++b) {
        const double *values =
            set.sequence(samples[b]) + t * set.stepSize + offset;
        std::copy(values, values + size, step[i].begin() + b * size);
      }
      offset += size;
    }
    assert(offset == set.stepSize && "input sizes must add up to stepSize");
  }
  return batch;
}

std::vector<std::vector<double>>
qruc::runtime::gatherTargets(const SequenceSet &set,
                             const std::vector<std::size_t> &samples) {
  std::vector<std::vector<double>> result(set.targetSteps);
  for (std::size_t t = 0; t < set.targetSteps; ++t) {
    result[t].resize(samples.size() * set.targetSize);
    for (std::size_t b = 0; b < samples.size(); ++b) {
      const double *values = set.target(samples[b]) + t * set.targetSize;
      std::copy(values, values + set.targetSize,
                result[t].begin() + b * set.targetSize);
    }
  }
  return result;
}

std::vector<std::size_t>
qruc::runtime::batchSlice(const std::vector<std::size_t> &order,
                          std::size_t begin, std::size_t end) {
  end = std::min(end, order.size());
  begin = std::min(begin, end);
  return std::vector<std::size_t>(order.begin() + begin, order.begin() + end);
}
