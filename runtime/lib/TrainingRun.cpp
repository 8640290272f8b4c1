//===- TrainingRun.cpp - one training run, epoch after epoch --------------===//
//
// This file implements the epoch loop of one training run: shuffled
// mini-batches through forward, loss and backward, the optimizer step, then
// the end-of-epoch rules and the checkpoint.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/TrainingRun.h"

#include "qruc/Runtime/EarlyStopping.h"
#include "qruc/Runtime/LearningRateSchedule.h"
#include "qruc/Runtime/SeededRandom.h"

#include <chrono>
#include <cmath>
#include <limits>

using namespace qruc::runtime;
namespace keys = qruc::runtime::checkpoint_keys;

namespace {

/// Everything a run carries from epoch to epoch, and its checkpoint form.
struct RunState {
  std::size_t epoch = 0;
  ParamVector params;
  double bestLoss = std::numeric_limits<double>::infinity();
  ParamVector bestParams;
  bool finished = false;
};

/// Zero gradients for every output in the layout forward() produced.
OutputValues zerosLike(const OutputValues &outputs) {
  OutputValues zeros = outputs;
  for (auto &output : zeros.values)
    for (auto &step : output)
      std::fill(step.begin(), step.end(), 0.0);
  return zeros;
}

double valueOr(const Checkpoint &checkpoint, const std::string &key,
               double fallback) {
  const double *value = checkpoint.findValue(key);
  return value ? *value : fallback;
}

/// The checkpoint of `state` with the rules' counters.
Checkpoint makeCheckpoint(const TrainingRunSetup &setup, const RunState &state,
                          const Optimizer &optimizer,
                          const std::optional<HalveOnPlateau> &schedule,
                          const std::optional<EarlyStopping> &stopping) {
  Checkpoint checkpoint = setup.checkpointBase;
  checkpoint.epoch = state.epoch;
  checkpoint.params = state.params;
  checkpoint.optimizer = optimizer.state();
  checkpoint.values.emplace_back(keys::kRun, static_cast<double>(setup.run));
  checkpoint.values.emplace_back(keys::kFinished, state.finished ? 1.0 : 0.0);
  checkpoint.values.emplace_back(keys::kBestLoss, state.bestLoss);
  checkpoint.arrays.emplace_back(keys::kBestParams, state.bestParams);
  if (schedule) {
    checkpoint.values.emplace_back("schedule_best", schedule->bestLoss());
    checkpoint.values.emplace_back(
        "schedule_stalled",
        static_cast<double>(schedule->epochsSinceImprovement()));
    checkpoint.values.emplace_back(
        "schedule_halvings", static_cast<double>(schedule->timesHalved()));
    checkpoint.arrays.emplace_back("schedule_best_params",
                                   schedule->bestParams());
  }
  if (stopping) {
    checkpoint.values.emplace_back("stop_best", stopping->bestLoss());
    checkpoint.values.emplace_back("stop_best_epoch",
                                   static_cast<double>(stopping->bestEpoch()));
    checkpoint.values.emplace_back(
        "stop_stalled",
        static_cast<double>(stopping->epochsSinceImprovement()));
  }
  return checkpoint;
}

/// Restores `state` and the rules from a checkpoint of this run.
DataStatus restoreRun(const Checkpoint &checkpoint,
                      const TrainingRunSetup &setup, RunState &state,
                      Optimizer &optimizer,
                      std::optional<HalveOnPlateau> &schedule,
                      std::optional<EarlyStopping> &stopping) {
  if (valueOr(checkpoint, keys::kRun, -1) != static_cast<double>(setup.run))
    return DataError{setup.checkpointPath, 0, 0,
                     "the checkpoint belongs to another run of the "
                     "experiment"};
  state.epoch = checkpoint.epoch;
  state.params = checkpoint.params;
  state.finished = valueOr(checkpoint, keys::kFinished, 0) != 0;
  state.bestLoss = valueOr(checkpoint, keys::kBestLoss, state.bestLoss);
  if (const std::vector<double> *best = checkpoint.findArray(keys::kBestParams))
    state.bestParams = *best;
  if (checkpoint.optimizer)
    if (DataStatus error = optimizer.restore(*checkpoint.optimizer))
      return error;
  if (schedule && checkpoint.findValue("schedule_best")) {
    const std::vector<double> *best =
        checkpoint.findArray("schedule_best_params");
    schedule->restore(
        valueOr(checkpoint, "schedule_best", 0),
        best ? *best : std::vector<double>(),
        static_cast<std::size_t>(valueOr(checkpoint, "schedule_stalled", 0)),
        static_cast<std::size_t>(valueOr(checkpoint, "schedule_halvings", 0)));
  }
  if (stopping && checkpoint.findValue("stop_best"))
    stopping->restore(
        valueOr(checkpoint, "stop_best", 0),
        static_cast<std::size_t>(valueOr(checkpoint, "stop_best_epoch", 0)),
        static_cast<std::size_t>(valueOr(checkpoint, "stop_stalled", 0)));
  return std::nullopt;
}

} // namespace

DataResult<TrainingRunResult>
qruc::runtime::trainRun(Executor &executor, const TrainingSettings &settings,
                        const TrainingRunSetup &setup,
                        TrainingObserver &observer) {
  const SequenceSet &data = *setup.data;
  const BoundLoss &loss = settings.loss;
  Optimizer optimizer(settings.optimizer, setup.initial.size());
  std::optional<HalveOnPlateau> schedule;
  if (settings.schedule)
    schedule.emplace(settings.schedule->patience, settings.schedule->revert);
  std::optional<EarlyStopping> stopping;
  if (settings.earlyStop)
    stopping.emplace(settings.earlyStop->patience, settings.earlyStop->minDelta,
                     settings.earlyStop->monitor);
  bool monitorValidation =
      stopping && stopping->monitor() == EarlyStopping::Monitor::ValLoss &&
      !setup.validation.empty();

  RunState state;
  state.params = setup.initial;
  state.bestParams = setup.initial;
  if (setup.resume)
    if (DataStatus error = restoreRun(*setup.resume, setup, state, optimizer,
                                      schedule, stopping))
      return *error;

  std::size_t batchSize = std::max<std::size_t>(settings.batch, 1);
  std::size_t numBatches = (setup.train.size() + batchSize - 1) / batchSize;
  ParamVector gradient;
  OutputValues outputs, outputGradients;
  std::vector<std::vector<double>> lossGradients;
  bool stoppedEarly = false;
  double trainLoss = std::numeric_limits<double>::quiet_NaN();

  while (!state.finished && state.epoch < settings.epochs) {
    auto start = std::chrono::steady_clock::now();
    std::vector<std::size_t> order = setup.train;
    SeededRandom shuffler(deriveSeed(setup.shuffleSeed, SeedStream::Shuffle,
                                     state.epoch));
    shuffler.shuffle(order);

    MetricAccumulator metrics(metricClasses(loss));
    double total = 0;
    for (std::size_t k = 0; k < numBatches; ++k) {
      std::vector<std::size_t> slice = batchSlice(
          order, k * batchSize, std::min((k + 1) * batchSize, order.size()));
      executor.forward(state.params, makeBatch(executor.program(), data, slice),
                       outputs,
                       deriveSeed(setup.samplingSeed, state.epoch, k));
      std::vector<std::vector<double>> targets = gatherTargets(data, slice);
      total += sequenceLoss(loss.kind, outputs.values[loss.output], targets,
                            slice.size(), loss.width, &lossGradients) *
               static_cast<double>(slice.size());
      addToMetrics(loss, outputs, targets, slice.size(), metrics);
      outputGradients = zerosLike(outputs);
      outputGradients.values[loss.output] = lossGradients;
      executor.backward(outputGradients, gradient);
      optimizer.step(state.params, gradient);
      observer.batchDone(setup.run, k + 1, numBatches);
    }
    ++state.epoch;
    trainLoss = total / static_cast<double>(std::max<std::size_t>(
                            setup.train.size(), 1));

    EpochRecord record;
    record.run = setup.run;
    record.epoch = state.epoch;
    record.trainLoss = trainLoss;
    record.validationLoss = std::numeric_limits<double>::quiet_NaN();
    if (!setup.validation.empty())
      record.validationLoss =
          evaluate(executor, state.params, data, setup.validation, loss,
                   batchSize, deriveSeed(setup.samplingSeed, state.epoch))
              .loss;
    record.trainMetric =
        loss.classifies() ? metrics.accuracy() : metrics.mse();
    record.learningRate = optimizer.learningRate();

    double monitored = monitorValidation ? record.validationLoss : trainLoss;
    if (monitored < state.bestLoss) {
      state.bestLoss = monitored;
      state.bestParams = state.params;
    }
    if (schedule)
      schedule->update(trainLoss, state.params, optimizer);
    if (stopping)
      stoppedEarly = stopping->update(state.epoch, monitored);
    state.finished = stoppedEarly || state.epoch >= settings.epochs;
    if (!setup.checkpointPath.empty())
      if (DataStatus error = writeCheckpoint(
              setup.checkpointPath,
              makeCheckpoint(setup, state, optimizer, schedule, stopping)))
        return *error;
    record.seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - start)
                         .count();
    observer.epochDone(record);
  }

  TrainingRunResult result;
  result.params = state.bestParams;
  result.epochs = state.epoch;
  result.stoppedEarly = stoppedEarly;
  result.finalTrainLoss = trainLoss;
  result.checkpoint =
      makeCheckpoint(setup, state, optimizer, schedule, stopping);
  return result;
}
