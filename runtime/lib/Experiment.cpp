//===- Experiment.cpp - running the experiment of a model file ------------===//
//
// This file plans the runs of an experiment (folds × restarts), trains them
// on worker threads, tests each one, and merges the results.
//
// Threads: a single run uses them all over batch tiles; several runs use one
// thread each, `threads` runs at a time, because independent runs scale
// perfectly while batch tiles of small batches do not.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Experiment.h"

#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/ExperimentData.h"
#include "qruc/Runtime/MetricsLog.h"
#include "qruc/Runtime/ProgressReporter.h"
#include "qruc/Runtime/SeededRandom.h"
#include "qruc/Runtime/Shots.h"
#include "qruc/Runtime/Splits.h"
#include "qruc/Runtime/TrainingRun.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

using namespace qruc::runtime;
namespace fs = std::filesystem;

std::vector<ParamInitializer>
qruc::runtime::parameterInitializers(const StepProgram &program) {
  std::vector<ParamInitializer> result;
  for (const ParamInfo &param : program.params) {
    ParamInitializer init;
    init.name = param.name;
    init.args = param.initArgs;
    init.count = 1;
    for (std::int64_t extent : param.shape)
      init.count *= static_cast<std::size_t>(extent);
    switch (param.init) {
    case InitKind::Constant:
      init.kind = ParamInitializer::Kind::Constant;
      break;
    case InitKind::Uniform:
      init.kind = ParamInitializer::Kind::Uniform;
      break;
    case InitKind::Normal:
      init.kind = ParamInitializer::Kind::Normal;
      break;
    }
    result.push_back(std::move(init));
  }
  return result;
}

namespace {

/// The fraction of the training samples held back for validation when the
/// stopping rule watches the validation loss.
constexpr double kValidationFraction = 0.1;

/// One run: a fold of the split and a restart.
struct PlannedRun {
  /// Its number in the full plan: names its checkpoint and seeds it, so
  /// that a run is the same whether or not --max-runs drew it.
  std::size_t id = 0;
  std::size_t fold = 0;
  std::size_t restart = 0;
  std::vector<std::size_t> train, validation, test;
};

/// What a finished run reports.
struct RunOutcome {
  bool trained = false;
  /// The test results, and the one number that sums them up: accuracy,
  /// or MSE (series: of the forecast).
  MetricAccumulator metrics;
  double score = 0;
  std::vector<double> testOutputs; ///< last-step loss outputs, or forecast
  std::size_t epochs = 0;
};

std::vector<std::size_t> iota(std::size_t n) {
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i)
    all[i] = i;
  return all;
}

/// The class labels of a sequence set (its one target per sample).
std::vector<double> labelsOf(const SequenceSet &set,
                             const std::vector<std::size_t> &samples) {
  std::vector<double> labels;
  for (std::size_t s : samples)
    labels.push_back(set.target(s)[0]);
  return labels;
}

/// The folds of the split, and its description.
DataResult<std::vector<Fold>> planFolds(const ExperimentSpec &spec,
                                        const ExperimentOptions &options,
                                        const ExperimentData &data,
                                        std::string &description) {
  if (data.series) {
    if (options.holdout)
      return DataError{options.modelFile, 0, 0,
                       "--holdout holds out labelled samples, but this "
                       "experiment forecasts a series: it trains on the "
                       "series' first points and tests the forecast of the "
                       "rest (split = series(...))"};
    description = "series forecast, " +
                  std::to_string(data.series->forecastSteps) + " steps";
    Fold fold;
    fold.train = iota(data.series->train.numSamples);
    return std::vector<Fold>{fold};
  }
  const SequenceSet &set = data.sequences;
  std::vector<double> labels = labelsOf(set, iota(set.numSamples));
  std::uint64_t seed = deriveSeed(spec.seed, SeedStream::Split);
  SplitSpec split = spec.split;
  if (options.holdout) {
    split.kind = SplitSpec::Kind::Holdout;
    split.test = *options.holdout;
    split.stratify = true;
  }
  auto percent = [](double f) { return std::to_string(std::lround(100 * f)); };
  switch (split.kind) {
  case SplitSpec::Kind::Holdout: {
    description = std::string(split.stratify ? "stratified " : "") +
                  "holdout, " + percent(1 - split.test) + "/" +
                  percent(split.test);
    DataResult<Fold> fold =
        holdoutSplit(labels, split.test, split.stratify, seed);
    if (!fold)
      return fold.error();
    return std::vector<Fold>{fold.take()};
  }
  case SplitSpec::Kind::KFold:
    description = std::string(split.stratify ? "stratified " : "") +
                  std::to_string(split.k) + "-fold";
    return kfoldSplit(labels, split.k, split.stratify, seed);
  case SplitSpec::Kind::LeaveOneOut:
    description = "leave-one-out, " + std::to_string(set.numSamples) +
                  " folds";
    return leaveOneOutSplit(set.numSamples);
  case SplitSpec::Kind::Series:
  case SplitSpec::Kind::None:
    break;
  }
  description = "no split: trained and scored on all samples";
  Fold fold;
  fold.train = fold.test = iota(set.numSamples);
  return std::vector<Fold>{fold};
}

/// Carves the validation samples out of a fold's training samples.
DataStatus carveValidation(const ExperimentSpec &spec, const SequenceSet &set,
                           std::size_t foldIndex, PlannedRun &run) {
  if (!spec.earlyStop ||
      spec.earlyStop->monitor != EarlyStopping::Monitor::ValLoss)
    return std::nullopt;
  DataResult<Fold> inner = holdoutSplit(
      labelsOf(set, run.train), kValidationFraction, /*stratify=*/true,
      deriveSeed(spec.seed, SeedStream::Split, foldIndex + 1));
  if (!inner)
    return inner.error();
  std::vector<std::size_t> train, validation;
  for (std::size_t i : inner->train)
    train.push_back(run.train[i]);
  for (std::size_t i : inner->test)
    validation.push_back(run.train[i]);
  run.train = std::move(train);
  run.validation = std::move(validation);
  return std::nullopt;
}

std::string checkpointName(std::size_t runs, std::size_t run) {
  return runs == 1 ? "checkpoint.json"
                   : "checkpoint-" + std::to_string(run) + ".json";
}

/// Sends every epoch to the progress display and the metrics log.
class ExperimentObserver : public TrainingObserver {
public:
  ExperimentObserver(ProgressReporter &progress, MetricsLog *log)
      : progress(progress), log(log) {}
  void batchDone(std::size_t run, std::size_t done,
                 std::size_t total) override {
    progress.batchDone(run, done, total);
  }
  void epochDone(const EpochRecord &r) override {
    progress.epochDone(r);
    if (!log)
      return;
    std::lock_guard<std::mutex> lock(mutex);
    if (DataStatus error = log->write(
            {static_cast<double>(r.run), static_cast<double>(r.epoch),
             r.trainLoss, r.validationLoss, r.trainMetric, r.learningRate,
             r.seconds}))
      if (!logError)
        logError = error;
  }
  DataStatus logError;

private:
  ProgressReporter &progress;
  MetricsLog *log;
  std::mutex mutex;
};

/// The experiment in motion: shared inputs and the results of each run.
class ExperimentRun {
public:
  ExperimentRun(const StepProgram &program, const ExperimentSpec &spec,
                const ExperimentOptions &options, const ExperimentData &data,
                const BoundLoss &loss)
      : program(program), spec(spec), options(options), data(data),
        loss(loss) {}

  DataResult<ExperimentReport> run(const std::vector<Fold> &folds,
                                   std::string split);

private:
  const SequenceSet &trainingSet() const {
    return data.series ? data.series->train : data.sequences;
  }
  DataStatus runOne(std::size_t index, Executor &executor,
                    TrainingObserver &observer);
  /// Fills outcome.metrics and outcome.score from its test outputs.
  void score(RunOutcome &outcome, const PlannedRun &run) const;
  MetricAccumulator testMetrics(const RunOutcome &outcome,
                                const PlannedRun &run) const;

  const StepProgram &program;
  const ExperimentSpec &spec;
  const ExperimentOptions &options;
  const ExperimentData &data;
  const BoundLoss &loss;
  TrainingSettings settings;
  std::vector<PlannedRun> runs;
  std::vector<RunOutcome> outcomes;
  std::size_t plannedRuns = 0; ///< before --max-runs
  ProgressReporter *progress = nullptr;
  std::string resumeDir;
};

MetricAccumulator ExperimentRun::testMetrics(const RunOutcome &outcome,
                                             const PlannedRun &run) const {
  MetricAccumulator metrics(metricClasses(loss));
  if (data.series) {
    metrics.addRegression(outcome.testOutputs,
                          data.series->forecastTargets);
    return metrics;
  }
  std::vector<double> targets = labelsOf(data.sequences, run.test);
  if (loss.classifies()) {
    metrics.addClassification(outcome.testOutputs, targets, run.test.size(),
                              loss.width);
  } else {
    // Regression on the last step: the targets of that step.
    std::vector<double> last;
    for (std::size_t s : run.test) {
      const double *t = data.sequences.target(s) +
                        (data.sequences.targetSteps - 1) *
                            data.sequences.targetSize;
      last.insert(last.end(), t, t + data.sequences.targetSize);
    }
    metrics.addRegression(outcome.testOutputs, last);
  }
  return metrics;
}

void ExperimentRun::score(RunOutcome &outcome, const PlannedRun &run) const {
  outcome.metrics = testMetrics(outcome, run);
  outcome.score = loss.classifies() && !data.series
                      ? outcome.metrics.accuracy()
                      : outcome.metrics.mse();
}

DataStatus ExperimentRun::runOne(std::size_t index, Executor &executor,
                                 TrainingObserver &observer) {
  const PlannedRun &planned = runs[index];
  RunOutcome &outcome = outcomes[index];
  std::size_t id = planned.id;
  std::string path =
      (fs::path(options.outputDir) / checkpointName(plannedRuns, id))
          .string();
  CheckpointExpectation expect{program.modelName, program.numParameters()};

  std::optional<Checkpoint> previous;
  if (!resumeDir.empty()) {
    std::string earlier =
        (fs::path(resumeDir) / checkpointName(plannedRuns, id)).string();
    if (fs::exists(earlier)) {
      DataResult<Checkpoint> read = readCheckpoint(earlier, expect);
      if (!read)
        return read.error();
      if (read->seed != spec.seed)
        return DataError{earlier, 0, 0,
                         "the checkpoint was written with seed " +
                             std::to_string(read->seed) +
                             ", but this run uses seed " +
                             std::to_string(spec.seed)};
      previous = read.take();
    }
  }
  if (previous) {
    if (const std::vector<double> *tested =
            previous->findArray(checkpoint_keys::kTestOutputs)) {
      outcome.testOutputs = *tested;
      outcome.epochs = previous->epoch;
      score(outcome, planned);
      progress->runSkipped();
      return std::nullopt;
    }
  }

  DataResult<std::vector<double>> initial = initialParameters(
      parameterInitializers(program),
      deriveSeed(spec.seed, SeedStream::Init, planned.restart));
  if (!initial)
    return initial.error();

  TrainingRunSetup setup;
  setup.run = id;
  setup.data = &trainingSet();
  setup.train = planned.train;
  setup.validation = planned.validation;
  setup.initial = initial.take();
  setup.shuffleSeed = deriveSeed(spec.seed, SeedStream::Shuffle, id);
  setup.samplingSeed = deriveSeed(spec.seed, SeedStream::Sampling, id);
  setup.checkpointPath = path;
  setup.checkpointBase.model = program.modelName;
  setup.checkpointBase.seed = spec.seed;
  setup.checkpointBase.values.emplace_back("fold",
                                           static_cast<double>(planned.fold));
  setup.checkpointBase.values.emplace_back(
      "restart", static_cast<double>(planned.restart));
  setup.checkpointBase.arrays.emplace_back(checkpoint_keys::kScaleFactor,
                                           data.scaler.factors());
  setup.checkpointBase.arrays.emplace_back(checkpoint_keys::kScaleOffset,
                                           data.scaler.offsets());
  setup.resume = previous ? &*previous : nullptr;

  DataResult<TrainingRunResult> trained =
      trainRun(executor, settings, setup, observer);
  if (!trained)
    return trained.error();

  std::uint64_t testSeed =
      deriveSeed(spec.seed, SeedStream::Sampling, plannedRuns + id);
  if (data.series) {
    outcome.testOutputs =
        forecast(executor, trained->params, *data.series, loss, testSeed);
  } else if (!planned.test.empty()) {
    outcome.testOutputs =
        evaluate(executor, trained->params, data.sequences, planned.test,
                 loss, settings.batch, testSeed)
            .lastOutputs;
  }
  outcome.epochs = trained->epochs;
  score(outcome, planned);
  outcome.trained = true;

  // The tested run: its best parameters and test outputs, so that a
  // resumed experiment does not train it again and --predict can use it.
  Checkpoint &tested = trained->checkpoint;
  tested.params = trained->params;
  tested.arrays.emplace_back(checkpoint_keys::kTestOutputs,
                             outcome.testOutputs);
  tested.arrays.emplace_back(
      "test_samples",
      std::vector<double>(planned.test.begin(), planned.test.end()));
  tested.values.emplace_back("test_score", outcome.score);
  if (DataStatus error = writeCheckpoint(path, tested))
    return error;

  const MetricAccumulator &metrics = outcome.metrics;
  std::string summary =
      loss.classifies() && !data.series
          ? std::to_string(metrics.correct()) + "/" +
                std::to_string(metrics.classified()) + " correct"
          : "test mse " + std::to_string(metrics.mse());
  progress->runDone(id, summary + ", " + std::to_string(trained->epochs) +
                               " epochs");
  return std::nullopt;
}

DataResult<ExperimentReport> ExperimentRun::run(const std::vector<Fold> &folds,
                                                std::string split) {
  auto start = std::chrono::steady_clock::now();
  settings.loss = loss;
  settings.optimizer = spec.optimizer.value_or(OptimizerSpec());
  settings.schedule = spec.schedule;
  settings.earlyStop = spec.earlyStop;
  settings.batch = spec.batch;
  settings.epochs = spec.epochs;

  for (std::size_t f = 0; f < folds.size(); ++f)
    for (std::size_t r = 0; r < spec.restarts; ++r) {
      PlannedRun planned;
      planned.id = runs.size();
      planned.fold = f;
      planned.restart = r;
      planned.train = folds[f].train;
      planned.test = folds[f].test;
      if (!data.series)
        if (DataStatus error =
                carveValidation(spec, data.sequences, f, planned))
          return *error;
      runs.push_back(std::move(planned));
    }
  plannedRuns = runs.size();
  if (options.maxRuns && *options.maxRuns < runs.size()) {
    // A random subset, drawn with the seed, kept in plan order.
    SeededRandom rng(deriveSeed(spec.seed, SeedStream::Split, plannedRuns));
    std::vector<std::size_t> order = randomPermutation(runs.size(), rng);
    order.resize(*options.maxRuns);
    std::sort(order.begin(), order.end());
    std::vector<PlannedRun> drawn;
    for (std::size_t i : order)
      drawn.push_back(std::move(runs[i]));
    runs = std::move(drawn);
    split += ", " + std::to_string(runs.size()) + " of its " +
             std::to_string(plannedRuns) + " runs drawn at random";
  }
  outcomes.assign(runs.size(), RunOutcome());

  std::error_code ec;
  fs::create_directories(options.outputDir, ec);
  if (ec)
    return DataError{options.outputDir, 0, 0,
                     "cannot create the output directory: " + ec.message()};
  if (!options.resumeFrom.empty()) {
    if (!fs::exists(options.resumeFrom))
      return DataError{options.resumeFrom, 0, 0, "no such checkpoint"};
    resumeDir = fs::path(options.resumeFrom).parent_path().string();
    if (resumeDir.empty())
      resumeDir = ".";
  }
  DataResult<MetricsLog> log = MetricsLog::open(
      (fs::path(options.outputDir) / "metrics.csv").string(),
      {"run", "epoch", "train_loss", "val_loss",
       loss.classifies() ? "train_accuracy" : "train_mse", "lr", "seconds"},
      /*append=*/!resumeDir.empty());
  if (!log)
    return log.error();

  ProgressReporter reporter(options.progress, options.progressIsTerminal,
                            runs.size(), settings.epochs, loss.classifies());
  progress = &reporter;
  ExperimentObserver observer(reporter, &*log);

  unsigned threads = std::max(1u, options.threads);
  unsigned workers =
      runs.size() == 1 ? 1u
                       : static_cast<unsigned>(std::min<std::size_t>(
                             threads, runs.size()));
  unsigned threadsPerRun = runs.size() == 1 ? threads : 1u;
  std::atomic<std::size_t> next{0};
  std::mutex errorMutex;
  DataStatus firstError;
  std::atomic<bool> failed{false};
  auto work = [&] {
    try {
      Executor executor(program, threadsPerRun);
      while (!failed) {
        std::size_t index = next++;
        if (index >= runs.size())
          break;
        if (DataStatus error = runOne(index, executor, observer)) {
          std::lock_guard<std::mutex> lock(errorMutex);
          if (!firstError)
            firstError = error;
          failed = true;
        }
      }
    } catch (const std::exception &e) {
      std::lock_guard<std::mutex> lock(errorMutex);
      if (!firstError)
        firstError = DataError{options.modelFile, 0, 0, e.what()};
      failed = true;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w)
    pool.emplace_back(work);
  work();
  for (std::thread &t : pool)
    t.join();
  reporter.finish();
  if (firstError)
    return *firstError;
  if (observer.logError)
    return *observer.logError;

  ExperimentReport report;
  report.split = std::move(split);
  report.runs = runs.size();
  report.loss = loss;
  report.test = MetricAccumulator(metricClasses(loss));
  for (std::size_t i = 0; i < runs.size(); ++i) {
    report.test.merge(outcomes[i].metrics);
    report.runScores.push_back(outcomes[i].score);
    report.epochsTotal += outcomes[i].epochs;
    report.trainedRuns += outcomes[i].trained ? 1 : 0;
  }
  if (spec.tukeyK && report.runs > 1)
    report.outliers = summarizeRuns(report.runScores, *spec.tukeyK);
  report.firstCheckpoint =
      (fs::path(options.outputDir) / checkpointName(plannedRuns, runs[0].id))
          .string();
  report.seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  return report;
}

} // namespace

DataResult<ExperimentReport>
qruc::runtime::runExperiment(const StepProgram &program,
                             const ExperimentSpec &spec,
                             const ExperimentOptions &options) {
  if (!spec.loss)
    return DataError{options.modelFile, 0, 0,
                     "the experiment has no loss: add e.g. "
                     "`loss = mse(output, target);`"};
  if (measures(program))
    return DataError{options.modelFile, 0, 0,
                     "the model measures or resets qubits, whose random "
                     "outcomes have no gradient: it cannot be trained by "
                     "--target sim (sample its outcomes with --shots N "
                     "--predict DATA)"};
  DataResult<BoundLoss> loss =
      bindLoss(program, *spec.loss, options.modelFile);
  if (!loss)
    return loss.error();
  DataResult<ExperimentData> data =
      prepareExperimentData(spec, options.modelFile);
  if (!data)
    return data.error();
  const SequenceSet &checked =
      data->series ? data->series->train : data->sequences;
  if (DataStatus error =
          checkDataFits(program, *loss, checked, data->data.source))
    return *error;
  std::string split;
  DataResult<std::vector<Fold>> folds =
      planFolds(spec, options, *data, split);
  if (!folds)
    return folds.error();
  ExperimentRun experiment(program, spec, options, *data, *loss);
  return experiment.run(*folds, std::move(split));
}

std::string qruc::runtime::formatReport(const ExperimentReport &report) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "split: %s (%zu run%s, %zu epochs in all)\n",
                report.split.c_str(), report.runs,
                report.runs == 1 ? "" : "s", report.epochsTotal);
  out += line;
  const MetricAccumulator &test = report.test;
  if (report.loss.classifies() && test.classified() > 0) {
    std::snprintf(line, sizeof line, "test accuracy: %.2f%% (%zu/%zu)\n",
                  100 * test.accuracy(), test.correct(), test.classified());
    out += line;
    out += "confusion (rows: true class, columns: predicted):\n";
    for (std::size_t t = 0; t < test.numClasses(); ++t) {
      out += "  ";
      for (std::size_t p = 0; p < test.numClasses(); ++p) {
        std::snprintf(line, sizeof line, "%8zu", test.confusion(t, p));
        out += line;
      }
      out += "\n";
    }
  } else {
    std::snprintf(line, sizeof line, "test mse: %.6g\n", test.mse());
    out += line;
  }
  if (report.outliers) {
    const RunSummary &s = *report.outliers;
    std::snprintf(line, sizeof line,
                  "runs: mean %.6g over all %zu; %.6g (std %.3g) over the "
                  "%zu inside Tukey's fences [%.4g, %.4g]\n",
                  s.meanAll, s.runs, s.meanKept, s.stddevKept, s.kept,
                  s.lowFence, s.highFence);
    out += line;
  }
  std::snprintf(line, sizeof line, "time: %s (%zu run%s trained now)\n",
                ProgressReporter::formatDuration(report.seconds).c_str(),
                report.trainedRuns, report.trainedRuns == 1 ? "" : "s");
  out += line;
  return out;
}
