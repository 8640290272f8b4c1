//===- Experiment.h - running the experiment of a model file ----*- C++ -*-===//
//
// This file declares runExperiment(), what `qruc model.qru --target sim`
// does once the model is compiled: prepare the data, split it as the
// experiment says, train one run per fold and restart (in parallel over
// threads when there are several), test each run on its held-out samples
// (or its forecast), and summarize.
//
// Files, all in the output directory: `checkpoint.json` (one run) or
// `checkpoint-<run>.json` (several), rewritten atomically after every epoch
// and, once the run is tested, holding its test outputs; `metrics.csv`, one
// row per run and epoch. A resumed experiment picks up every run's
// checkpoint next to the one named: finished runs are not trained again,
// unfinished ones continue from their last epoch.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_EXPERIMENT_H
#define QRUC_RUNTIME_EXPERIMENT_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Evaluation.h"
#include "qruc/Runtime/ExperimentSpec.h"
#include "qruc/Runtime/Metrics.h"
#include "qruc/Runtime/Outliers.h"
#include "qruc/Runtime/ParamInit.h"
#include "qruc/Runtime/StepProgram.h"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace qruc::runtime {

struct ExperimentOptions {
  std::string modelFile;  ///< for relative data paths and messages
  std::string outputDir;  ///< checkpoints and the metrics log
  std::string resumeFrom; ///< a checkpoint of an earlier run, or empty
  unsigned threads = 1;
  /// Replaces the file's split by a stratified holdout with this test
  /// fraction.
  std::optional<double> holdout;
  /// Trains only this many of the runs (folds × restarts), drawn at random
  /// with the seed: an estimate of a cross-validation too long to run
  /// whole.
  std::optional<std::size_t> maxRuns;
  std::FILE *progress = stderr;
  bool progressIsTerminal = false;
};

struct ExperimentReport {
  std::string split;       ///< e.g. "leave-one-out, 569 folds"
  std::size_t runs = 0;
  std::size_t trainedRuns = 0; ///< runs trained now (not taken from files)
  BoundLoss loss;
  /// Test results merged over all runs (classification: accuracy and
  /// confusion; regression: squared error of the test targets).
  MetricAccumulator test;
  /// One test score per run: accuracy, or MSE (series: of the forecast).
  std::vector<double> runScores;
  /// restarts with outliers = tukey(): the fenced summary of runScores.
  std::optional<RunSummary> outliers;
  std::size_t epochsTotal = 0; ///< over all runs
  double seconds = 0;          ///< wall time of this invocation
  /// The checkpoint of the first run, holding trained parameters.
  std::string firstCheckpoint;
};

/// The initializers of `program`'s parameters, for initialParameters().
std::vector<ParamInitializer> parameterInitializers(const StepProgram &program);

/// Trains and tests as `spec` says. Fails on data that do not load or do
/// not fit the model, a checkpoint that cannot be written or does not
/// belong to this experiment, and models whose outcomes have no gradient.
DataResult<ExperimentReport> runExperiment(const StepProgram &program,
                                           const ExperimentSpec &spec,
                                           const ExperimentOptions &options);

/// The report as the lines qruc prints.
std::string formatReport(const ExperimentReport &report);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_EXPERIMENT_H
