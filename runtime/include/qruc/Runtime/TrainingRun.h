//===- TrainingRun.h - one training run, epoch after epoch ------*- C++ -*-===//
//
// This file declares trainRun(): mini-batch training of one parameter vector
// on one set of training samples (one fold, one restart), with the
// experiment's optimizer, learning-rate schedule and early stopping, and a
// checkpoint written atomically after every epoch.
//
// Reproducibility: the mini-batch order of epoch e is drawn from a generator
// seeded by (shuffle seed, e), so a run resumed from the checkpoint of epoch
// e continues exactly as the uninterrupted run would have; the checkpoint
// holds everything else the run depends on (parameters, optimizer moments,
// the schedule's and the stopping rule's counters).
//
// Result: the parameters with the best monitored loss (the stopping rule's
// loss, else the training loss), so that a run stopped after a plateau does
// not return the drift of its last epochs.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_TRAININGRUN_H
#define QRUC_RUNTIME_TRAININGRUN_H

#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/Evaluation.h"
#include "qruc/Runtime/ExperimentSpec.h"
#include "qruc/Runtime/Executor.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qruc::runtime {

/// How to train: the experiment's settings after the command line's
/// overrides.
struct TrainingSettings {
  BoundLoss loss;
  OptimizerSpec optimizer;
  std::optional<ScheduleSpec> schedule;
  std::optional<EarlyStopSpec> earlyStop;
  std::size_t batch = 32;
  std::size_t epochs = 100;
};

/// One finished epoch, for logs and progress.
struct EpochRecord {
  std::size_t run = 0;
  std::size_t epoch = 0; ///< 1-based: epochs completed
  double trainLoss = 0;
  double validationLoss = 0; ///< NaN without validation samples
  /// Accuracy (classification) or MSE over the epoch's mini-batches.
  double trainMetric = 0;
  double learningRate = 0;
  double seconds = 0; ///< wall time of this epoch
};

/// Receives progress while a run trains. Called from the run's thread.
class TrainingObserver {
public:
  virtual ~TrainingObserver() = default;
  virtual void batchDone(std::size_t run, std::size_t done,
                         std::size_t total) {}
  virtual void epochDone(const EpochRecord &record) {}
};

struct TrainingRunSetup {
  std::size_t run = 0; ///< numbers the run in records and checkpoints
  const SequenceSet *data = nullptr;
  std::vector<std::size_t> train;
  std::vector<std::size_t> validation; ///< may be empty
  ParamVector initial;
  std::uint64_t shuffleSeed = 0;
  std::uint64_t samplingSeed = 0;
  /// Where to write the checkpoint every epoch; `checkpointBase` supplies
  /// what the run does not know (model, seed, scaler, run identity).
  std::string checkpointPath;
  Checkpoint checkpointBase;
  /// Continue from this checkpoint (written by this run) instead of from
  /// `initial`.
  const Checkpoint *resume = nullptr;
};

struct TrainingRunResult {
  ParamVector params;         ///< the best ones (see the file comment)
  std::size_t epochs = 0;     ///< epochs completed
  bool stoppedEarly = false;
  double finalTrainLoss = 0;
  /// The run's state after its last epoch, as its last checkpoint holds it;
  /// the experiment adds the test results to it.
  Checkpoint checkpoint;
};

/// Trains as `settings` say. Fails only when a checkpoint cannot be
/// written or `setup.resume` does not belong to this run.
DataResult<TrainingRunResult> trainRun(Executor &executor,
                                       const TrainingSettings &settings,
                                       const TrainingRunSetup &setup,
                                       TrainingObserver &observer);

/// Checkpoint keys read back by code other than the writer's: the run's
/// identity and state (trainRun), the fitted scaler (the experiment writes
/// it, --predict reads it) and the test results of a finished run.
namespace checkpoint_keys {
inline constexpr const char *kRun = "run";
inline constexpr const char *kFinished = "finished";
inline constexpr const char *kBestParams = "best_params";
inline constexpr const char *kBestLoss = "best_loss";
inline constexpr const char *kScaleFactor = "scale_factor";
inline constexpr const char *kScaleOffset = "scale_offset";
inline constexpr const char *kTestOutputs = "test_outputs";
} // namespace checkpoint_keys

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_TRAININGRUN_H
