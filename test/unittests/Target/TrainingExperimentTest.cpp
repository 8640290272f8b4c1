//===- TrainingExperimentTest.cpp - --target sim's experiments ------------===//
//
// This file runs whole experiments on a small model compiled by the front
// end and a generated data set: the same seed gives a bit-identical run, a
// run resumed from the checkpoint of an interrupted one ends exactly where
// the uninterrupted run ends, folds run in parallel give the results of
// folds run one after another, and --predict writes the outputs the
// evaluation computes.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Driver/ExperimentSettings.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/Experiment.h"
#include "qruc/Runtime/ExperimentData.h"
#include "qruc/Runtime/Prediction.h"
#include "qruc/Runtime/ProgressReporter.h"
#include "qruc/Runtime/TrainingRun.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>

using namespace qruc;
namespace fs = std::filesystem;

namespace {

/// A one-qubit classifier over a 2-step sequence, with every end-of-epoch
/// rule switched on so that resuming must restore all of them.
const char *const kModel = R"(model tiny;
qubit q[2];
input x;
param w[4] ~ uniform(0, 1);
param s = 3;
output logit at last;
target label at last;
step persistent {
  ry(x*w[0] + w[1]) q[0];
  cx q[0], q[1];
  ry(x*w[2] + w[3]) q[1];
  logit = s * expval(Z(q[1]));
}
experiment {
  data = csv("data.csv", header = 1, label = -1);
  scale = minmax();
  sequence = features(per_step = 1);
  split = holdout(test = 0.25, stratify = 1);
  loss = bce_logits(logit, label);
  metrics = [accuracy];
  optimizer = adam(lr = 0.1);
  schedule = halve_on_plateau(patience = 1, revert = 1);
  early_stop = plateau(patience = 50, min_delta = 0, monitor = "train_loss");
  batch = 4;
  epochs = 6;
  seed = 3;
}
)";

/// A fresh directory under the system's temporary directory.
class ScratchDir {
public:
  ScratchDir() {
    static int counter = 0;
    dir = fs::temp_directory_path() /
          ("qruc-experiment-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~ScratchDir() { fs::remove_all(dir); }
  std::string file(const std::string &name) const {
    return (dir / name).string();
  }

private:
  fs::path dir;
};

/// The model compiled to a step program, and its experiment.
struct CompiledModel {
  runtime::StepProgram program;
  runtime::ExperimentSpec spec;
};

/// Writes the model and `samples` rows of data to `dir`, then compiles.
CompiledModel prepare(const ScratchDir &dir, std::size_t samples = 24) {
  std::ofstream(dir.file("tiny.qru")) << kModel;
  std::ofstream data(dir.file("data.csv"));
  data << "a,b,label\n";
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0, 10);
  for (std::size_t i = 0; i < samples; ++i) {
    double a = unit(rng), b = unit(rng);
    data << a << "," << b << "," << (a + 0.3 * b > 6 ? 1 : 0) << "\n";
  }
  data.close();

  CompiledModel compiled;
  std::string path = dir.file("tiny.qru");
  mlir::MLIRContext context;
  context.getOrLoadDialect<qru::QRUDialect>();
  auto module = parseModule(kModel, path, context);
  EXPECT_NE(module, nullptr);
  auto model = analyze(*module, path, context);
  EXPECT_NE(model, nullptr);
  auto ir = generateMLIR(*model, path, context);
  EXPECT_TRUE(bool(ir));
  auto program =
      lowerToStepProgram(*ir->getBody()->getOps<qru::ModelOp>().begin());
  EXPECT_TRUE(succeeded(program));
  compiled.program = std::move(*program);
  EXPECT_TRUE(succeeded(buildExperimentSpec(*model, path, context,
                                            compiled.spec)));
  return compiled;
}

runtime::ExperimentOptions optionsFor(const ScratchDir &dir,
                                      const std::string &out) {
  runtime::ExperimentOptions options;
  options.modelFile = dir.file("tiny.qru");
  options.outputDir = dir.file(out);
  options.progress = std::tmpfile();
  return options;
}

runtime::Checkpoint readBack(const std::string &path) {
  runtime::DataResult<runtime::Checkpoint> checkpoint =
      runtime::readCheckpoint(path);
  EXPECT_TRUE(checkpoint.ok()) << (checkpoint.ok() ? "" : checkpoint.error().str());
  return checkpoint.take();
}

TEST(TrainingExperimentTest, SameSeedGivesBitIdenticalRuns) {
  ScratchDir dir;
  CompiledModel model = prepare(dir);
  auto first = runtime::runExperiment(model.program, model.spec,
                                      optionsFor(dir, "one"));
  auto second = runtime::runExperiment(model.program, model.spec,
                                       optionsFor(dir, "two"));
  ASSERT_TRUE(first.ok()) << first.error().str();
  ASSERT_TRUE(second.ok()) << second.error().str();
  runtime::Checkpoint a = readBack(dir.file("one/checkpoint.json"));
  runtime::Checkpoint b = readBack(dir.file("two/checkpoint.json"));
  EXPECT_EQ(a.params, b.params);
  EXPECT_EQ(a.epoch, 6u);
  EXPECT_EQ(first->test.correct(), second->test.correct());
  EXPECT_EQ(first->test.classified(), 6u); // 25% of 24

  runtime::ExperimentSpec other = model.spec;
  other.seed = 4;
  auto third =
      runtime::runExperiment(model.program, other, optionsFor(dir, "three"));
  ASSERT_TRUE(third.ok());
  EXPECT_NE(readBack(dir.file("three/checkpoint.json")).params, a.params);
}

/// Interrupts training after a number of epochs, as a crash would.
class Interrupt : public runtime::TrainingObserver {
public:
  explicit Interrupt(std::size_t afterEpochs) : after(afterEpochs) {}
  void epochDone(const runtime::EpochRecord &record) override {
    if (record.epoch == after)
      throw std::runtime_error("interrupted");
  }

private:
  std::size_t after;
};

TEST(TrainingExperimentTest, ResumedRunEndsWhereTheUninterruptedOneEnds) {
  ScratchDir dir;
  CompiledModel model = prepare(dir);
  auto data = runtime::prepareExperimentData(model.spec, dir.file("tiny.qru"));
  ASSERT_TRUE(data.ok());
  auto loss = runtime::bindLoss(model.program, *model.spec.loss, "tiny");
  ASSERT_TRUE(loss.ok());

  runtime::TrainingSettings settings;
  settings.loss = *loss;
  settings.optimizer = *model.spec.optimizer;
  settings.schedule = model.spec.schedule;
  settings.earlyStop = model.spec.earlyStop;
  settings.batch = 4;
  settings.epochs = 8;
  runtime::TrainingRunSetup setup;
  setup.data = &data->sequences;
  setup.train.resize(data->sequences.numSamples);
  std::iota(setup.train.begin(), setup.train.end(), 0);
  setup.initial = {0.3, 0.1, 0.7, 0.2, 3.0};
  setup.shuffleSeed = 5;
  setup.checkpointBase.model = "tiny";

  runtime::Executor executor(model.program);
  runtime::TrainingObserver quiet;
  setup.checkpointPath = dir.file("whole.json");
  auto whole = runtime::trainRun(executor, settings, setup, quiet);
  ASSERT_TRUE(whole.ok());

  setup.checkpointPath = dir.file("broken.json");
  Interrupt interrupt(3);
  EXPECT_THROW(runtime::trainRun(executor, settings, setup, interrupt),
               std::runtime_error);
  runtime::Checkpoint partial = readBack(dir.file("broken.json"));
  EXPECT_EQ(partial.epoch, 3u);
  setup.resume = &partial;
  auto resumed = runtime::trainRun(executor, settings, setup, quiet);
  ASSERT_TRUE(resumed.ok()) << resumed.error().str();

  EXPECT_EQ(resumed->epochs, whole->epochs);
  EXPECT_EQ(resumed->params, whole->params);
  EXPECT_EQ(readBack(dir.file("broken.json")).params,
            readBack(dir.file("whole.json")).params);
  EXPECT_EQ(readBack(dir.file("broken.json")).optimizer->vectors,
            readBack(dir.file("whole.json")).optimizer->vectors);
}

TEST(TrainingExperimentTest, ParallelFoldsEqualSequentialFolds) {
  ScratchDir dir;
  CompiledModel model = prepare(dir, 10);
  model.spec.split.kind = runtime::SplitSpec::Kind::LeaveOneOut;
  model.spec.epochs = 2;
  runtime::ExperimentOptions one = optionsFor(dir, "one");
  runtime::ExperimentOptions two = optionsFor(dir, "two");
  two.threads = 2;
  auto sequential = runtime::runExperiment(model.program, model.spec, one);
  auto parallel = runtime::runExperiment(model.program, model.spec, two);
  ASSERT_TRUE(sequential.ok()) << sequential.error().str();
  ASSERT_TRUE(parallel.ok());
  EXPECT_EQ(sequential->runs, 10u);
  EXPECT_EQ(sequential->test.classified(), 10u);
  EXPECT_EQ(sequential->runScores, parallel->runScores);
  for (int run = 0; run < 10; ++run) {
    std::string name = "/checkpoint-" + std::to_string(run) + ".json";
    EXPECT_EQ(readBack(one.outputDir + name).params,
              readBack(two.outputDir + name).params);
  }

  // A resumed experiment takes finished folds from their checkpoints.
  runtime::ExperimentOptions again = optionsFor(dir, "one");
  again.resumeFrom = one.outputDir + "/checkpoint-0.json";
  auto resumed = runtime::runExperiment(model.program, model.spec, again);
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ(resumed->trainedRuns, 0u);
  EXPECT_EQ(resumed->runScores, sequential->runScores);

  // --max-runs trains a subset, each run as in the full plan.
  runtime::ExperimentOptions some = optionsFor(dir, "some");
  some.maxRuns = 3;
  auto subset = runtime::runExperiment(model.program, model.spec, some);
  ASSERT_TRUE(subset.ok());
  EXPECT_EQ(subset->runs, 3u);
  for (const auto &entry : fs::directory_iterator(some.outputDir)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("checkpoint-", 0) == 0)
      EXPECT_EQ(readBack(entry.path().string()).params,
                readBack(one.outputDir + "/" + name).params);
  }
}

TEST(TrainingExperimentTest, PredictWritesTheEvaluatedOutputs) {
  ScratchDir dir;
  CompiledModel model = prepare(dir);
  auto report = runtime::runExperiment(model.program, model.spec,
                                       optionsFor(dir, "run"));
  ASSERT_TRUE(report.ok());
  runtime::Checkpoint trained = readBack(report->firstCheckpoint);

  std::FILE *out = std::tmpfile();
  ASSERT_FALSE(runtime::predictOutputs(model.program, model.spec,
                                       dir.file("tiny.qru"), trained,
                                       dir.file("data.csv"), 1, out));
  std::rewind(out);
  std::string text;
  for (int c; (c = std::fgetc(out)) != EOF;)
    text += static_cast<char>(c);
  std::fclose(out);

  auto data = runtime::prepareExperimentData(model.spec, dir.file("tiny.qru"));
  ASSERT_TRUE(data.ok());
  auto loss = runtime::bindLoss(model.program, *model.spec.loss, "tiny");
  std::vector<std::size_t> all(data->sequences.numSamples);
  std::iota(all.begin(), all.end(), 0);
  runtime::Executor executor(model.program);
  runtime::EvaluationResult expected = runtime::evaluate(
      executor, trained.params, data->sequences, all, *loss, 7, 0);

  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "logit");
  std::size_t row = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(row, expected.lastOutputs.size());
    EXPECT_EQ(std::stod(line), expected.lastOutputs[row]) << "row " << row;
    ++row;
  }
  EXPECT_EQ(row, 24u);
}

TEST(TrainingExperimentTest, PlainProgressPrintsOneLinePerEpoch) {
  std::FILE *stream = std::tmpfile();
  runtime::ProgressReporter progress(stream, /*terminal=*/false, 1, 3, true);
  runtime::EpochRecord record;
  record.epoch = 1;
  record.trainLoss = 0.5;
  record.trainMetric = 0.75;
  record.learningRate = 0.01;
  progress.batchDone(0, 1, 2); // nothing without a terminal
  progress.epochDone(record);
  progress.finish();
  std::rewind(stream);
  char buffer[256] = {};
  ASSERT_NE(std::fgets(buffer, sizeof buffer, stream), nullptr);
  std::string line = buffer;
  EXPECT_NE(line.find("epoch 1/3"), std::string::npos) << line;
  EXPECT_NE(line.find("loss 0.5000"), std::string::npos) << line;
  EXPECT_NE(line.find("acc 75.00%"), std::string::npos) << line;
  EXPECT_NE(line.find("ETA"), std::string::npos) << line;
  EXPECT_EQ(line.find('\r'), std::string::npos);
  EXPECT_EQ(std::fgets(buffer, sizeof buffer, stream), nullptr);
  std::fclose(stream);
  EXPECT_EQ(runtime::ProgressReporter::formatDuration(3725), "1h02m");
  EXPECT_EQ(runtime::ProgressReporter::formatDuration(65), "1m05s");
}

/// Records the training loss of every epoch.
class LossLog : public runtime::TrainingObserver {
public:
  void epochDone(const runtime::EpochRecord &record) override {
    losses.push_back(record.trainLoss);
  }
  std::vector<double> losses;
};

TEST(TrainingExperimentTest, HybridQrnnLossFallsOnMnistRows) {
  std::string path =
      std::string(QRUC_SOURCE_DIR) + "/examples/qrnn/mnist_rows.qru";
  std::ifstream file(path);
  std::stringstream source;
  source << file.rdbuf();
  mlir::MLIRContext context;
  context.getOrLoadDialect<qru::QRUDialect>();
  auto module = parseModule(source.str(), path, context);
  ASSERT_NE(module, nullptr);
  auto model = analyze(*module, path, context);
  ASSERT_NE(model, nullptr);
  auto ir = generateMLIR(*model, path, context);
  ASSERT_TRUE(bool(ir));
  auto program =
      lowerToStepProgram(*ir->getBody()->getOps<qru::ModelOp>().begin());
  ASSERT_TRUE(succeeded(program));
  runtime::ExperimentSpec spec;
  ASSERT_TRUE(succeeded(buildExperimentSpec(*model, path, context, spec)));

  auto data = runtime::prepareExperimentData(spec, path);
  ASSERT_TRUE(data.ok()) << data.error().str();
  auto loss = runtime::bindLoss(*program, *spec.loss, path);
  ASSERT_TRUE(loss.ok());
  runtime::TrainingSettings settings;
  settings.loss = *loss;
  settings.optimizer = *spec.optimizer;
  settings.batch = spec.batch;
  settings.epochs = 6;
  runtime::TrainingRunSetup setup;
  setup.data = &data->sequences;
  setup.train.resize(256); // the first 256 threes and fives
  std::iota(setup.train.begin(), setup.train.end(), 0);
  auto initial = runtime::initialParameters(
      runtime::parameterInitializers(*program), spec.seed);
  ASSERT_TRUE(initial.ok());
  setup.initial = initial.take();

  runtime::Executor executor(*program);
  LossLog log;
  auto trained = runtime::trainRun(executor, settings, setup, log);
  ASSERT_TRUE(trained.ok());
  ASSERT_EQ(log.losses.size(), 6u);
  // Two balanced classes start near log 2; six epochs must cut that.
  EXPECT_NEAR(log.losses.front(), std::log(2.0), 0.1);
  EXPECT_LT(log.losses.back(), 0.8 * log.losses.front());
}

} // namespace
