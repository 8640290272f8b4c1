//===- TrainBench.cpp - training throughput of a model on qruc ------------===//
//
// This file implements `qruc-train-bench`, the native half of the training
// benchmarks in bench/: it compiles a model as `qruc --emit=program` does,
// draws a reproducible mini-batch (BenchProblem.h), and times forward +
// loss + backward, the work of one training step without the optimizer
// update, reporting sample-steps per second. With --dump it writes the
// batch, loss and gradient for the peers' equality check; with --json the
// report is one JSON object for the driver script.
//
//===----------------------------------------------------------------------===//

#include "BenchDump.h"
#include "BenchProblem.h"
#include "CompileModel.h"
#include "FlopModel.h"

#include "qruc/Runtime/Json.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <vector>

using namespace qruc;

namespace {

/// The command line; LLVM's option registry is not used because the
/// libraries linked in already register some of these names (`threads`).
struct Options {
  std::string modelFile;
  unsigned steps = 0;
  unsigned batchSize = 50;
  unsigned threads = 1;
  unsigned repeats = 5;
  unsigned warmups = 1;
  std::uint64_t seed = 2026;
  std::string dumpFile;
  bool jsonReport = false;
  bool optimize = true;
};

const char *const kUsage =
    "usage: qruc-train-bench MODEL.qru --steps T [--batch 50] [--threads 1]\n"
    "                        [--repeat 5] [--warmup 1] [--seed 2026]\n"
    "                        [--dump FILE] [--json] [--no-optimize]\n"
    "Compiles the model as qruc --emit=program does (sim pipeline), times\n"
    "forward + loss + backward on a random mini-batch (fixed seed) and\n"
    "reports sample-steps per second. --dump writes the batch, loss and\n"
    "gradient as JSON; --json prints the report as JSON; --no-optimize\n"
    "runs the program lowered without the sim pipeline.\n";

/// Parses argv into `options`; returns false with a message on misuse.
bool parseOptions(int argc, char **argv, Options &options,
                  std::string &error) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--json") {
      options.jsonReport = true;
      continue;
    }
    if (arg == "--no-optimize") {
      options.optimize = false;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {
      if (!options.modelFile.empty()) {
        error = "more than one model file: " + arg;
        return false;
      }
      options.modelFile = arg;
      continue;
    }
    std::string value;
    std::size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      error = arg + " needs a value";
      return false;
    }
    if (arg == "--dump") {
      options.dumpFile = value;
      continue;
    }
    char *end = nullptr;
    unsigned long long number = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0') {
      error = arg + " takes a whole number, but got '" + value + "'";
      return false;
    }
    if (arg == "--steps")
      options.steps = unsigned(number);
    else if (arg == "--batch")
      options.batchSize = unsigned(number);
    else if (arg == "--threads")
      options.threads = unsigned(number);
    else if (arg == "--repeat")
      options.repeats = unsigned(number);
    else if (arg == "--warmup")
      options.warmups = unsigned(number);
    else if (arg == "--seed")
      options.seed = number;
    else {
      error = "unknown option " + arg;
      return false;
    }
  }
  if (options.modelFile.empty() || options.steps == 0 ||
      options.batchSize == 0) {
    error = "a model file, --steps >= 1 and --batch >= 1 are required";
    return false;
  }
  return true;
}

const char *lossName(runtime::LossKind kind) {
  switch (kind) {
  case runtime::LossKind::BceLogits:
    return "bce_logits";
  case runtime::LossKind::CrossEntropy:
    return "cross_entropy";
  case runtime::LossKind::Mse:
    return "mse";
  }
  return "?";
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

runtime::JsonValue breakdown(const bench::FlopBreakdown &flops) {
  runtime::JsonValue out = runtime::JsonValue::object();
  out.set("gates", flops.gates);
  out.set("gradients", flops.gradients);
  out.set("readouts", flops.readouts);
  out.set("classical", flops.classical);
  out.set("total", flops.total());
  return out;
}

int run(const Options &options) {
  const std::string &modelFile = options.modelFile;
  const unsigned steps = options.steps, batchSize = options.batchSize,
                 threads = options.threads, repeats = options.repeats,
                 warmups = options.warmups;
  const std::string &dumpFile = options.dumpFile;
  std::optional<bench::CompiledModel> compiled =
      bench::compileModel(modelFile, options.optimize);
  if (!compiled)
    return 1;
  const runtime::StepProgram &program = compiled->program;
  if (!compiled->experiment.loss) {
    llvm::errs() << modelFile << ": error: the experiment names no loss\n";
    return 1;
  }
  const runtime::LossSpec &loss = *compiled->experiment.loss;
  bench::BenchProblem problem;
  std::string error;
  if (!bench::makeProblem(program, loss.kind, loss.output, loss.target,
                          batchSize, steps, options.seed, problem,
                          error)) {
    llvm::errs() << modelFile << ": error: " << error << "\n";
    return 1;
  }

  runtime::Executor executor(program, threads);
  runtime::OutputValues outputs, outputGradients;
  runtime::ParamVector gradient;
  double lossValue = 0;
  std::vector<double> forwardMs, backwardMs, stepMs;
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
  };
  for (unsigned r = 0; r < warmups + repeats; ++r) {
    Clock::time_point start = Clock::now();
    executor.forward(problem.params, problem.inputs, outputs);
    lossValue = bench::lossAndGradient(program, problem, outputs,
                                       outputGradients);
    Clock::time_point middle = Clock::now();
    if (!executor.backward(outputGradients, gradient)) {
      llvm::errs() << modelFile
                   << ": error: the model measures, so it has no gradient\n";
      return 1;
    }
    Clock::time_point end = Clock::now();
    if (r < warmups)
      continue;
    forwardMs.push_back(ms(middle - start));
    backwardMs.push_back(ms(end - middle));
    stepMs.push_back(ms(end - start));
  }

  if (!dumpFile.empty() &&
      !bench::writeDump(dumpFile, program, problem, outputs, lossValue,
                        gradient, error)) {
    llvm::errs() << "qruc-train-bench: error: " << error << "\n";
    return 1;
  }

  const double sampleSteps = double(batchSize) * double(steps);
  const double stepMedian = repeats ? median(stepMs) : 0.0;
  const double stepBest =
      repeats ? *std::min_element(stepMs.begin(), stepMs.end()) : 0.0;
  const double throughput = repeats ? sampleSteps / (stepMedian / 1e3) : 0.0;
  const bench::FlopEstimate flops = bench::estimateFlops(program, steps);
  const double gflops = throughput * flops.trainingStep() / 1e9;
  const runtime::ExecutorStats &stats = executor.stats();

  if (options.jsonReport) {
    runtime::JsonValue report = runtime::JsonValue::object();
    report.set("model", program.modelName);
    report.set("pipeline", options.optimize ? "sim" : "none");
    report.set("qubits", double(program.numQubits));
    report.set("parameters", double(program.numParameters()));
    report.set("steps", double(steps));
    report.set("batch", double(batchSize));
    report.set("threads", double(threads));
    report.set("repeats", double(repeats));
    report.set("loss", lossValue);
    report.set("forward_ms", repeats ? median(forwardMs) : 0.0);
    report.set("backward_ms", repeats ? median(backwardMs) : 0.0);
    report.set("step_ms", stepMedian);
    report.set("best_step_ms", stepBest);
    report.set("sample_steps_per_s", throughput);
    report.set("flops_forward", breakdown(flops.forward));
    report.set("flops_backward", breakdown(flops.backward));
    report.set("flops_per_sample_step", flops.trainingStep());
    report.set("flops_uncounted_instructions", double(flops.uncounted));
    report.set("gflops_per_s", gflops);
    report.set("activation_bytes", double(stats.activationBytes));
    report.set("state_vectors", double(stats.stateVectors));
    report.set("state_bytes", double(stats.stateBytes));
    report.set("uncompute_error", stats.uncomputeError);
    llvm::outs() << runtime::writeJson(report);
    return 0;
  }

  llvm::outs() << "model " << program.modelName << ": "
               << program.numQubits << " qubits, "
               << program.numParameters() << " parameters; " << steps
               << " steps, batch " << batchSize << ", " << threads
               << (threads == 1 ? " thread" : " threads")
               << (options.optimize ? "; sim pipeline\n"
                                    : "; no optimization\n");
  llvm::outs() << "loss " << llvm::format("%.12g", lossValue) << " ("
               << lossName(loss.kind) << " of " << loss.output << ", "
               << loss.target << ")\n";
  if (repeats) {
    llvm::outs() << "training step (forward + loss + backward), " << repeats
                 << " runs after " << warmups << " warm-up:\n"
                 << llvm::format("  median %.2f ms (forward %.2f ms, "
                                 "backward %.2f ms), best %.2f ms\n",
                                 stepMedian, median(forwardMs),
                                 median(backwardMs), stepBest)
                 << llvm::format("  %.0f sample-steps/s\n", throughput);
  }
  llvm::outs() << llvm::format(
      "estimated work per sample-step: forward %.3g MFLOP, training step "
      "%.3g MFLOP",
      flops.forward.total() / 1e6, flops.trainingStep() / 1e6);
  if (repeats)
    llvm::outs() << llvm::format(" (%.2f GFLOP/s)", gflops);
  llvm::outs() << "\n";
  llvm::outs() << llvm::format(
      "memory held: classical activations %.1f MB, %zu state vectors "
      "%.1f MB\n",
      stats.activationBytes / 1e6, stats.stateVectors, stats.stateBytes / 1e6);
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  Options options;
  std::string error;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--help" || std::string(argv[i]) == "-h") {
      llvm::outs() << kUsage;
      return 0;
    }
  if (!parseOptions(argc, argv, options, error)) {
    llvm::errs() << "qruc-train-bench: error: " << error << "\n" << kUsage;
    return 1;
  }
  try {
    return run(options);
  } catch (const std::exception &e) {
    llvm::errs() << "qruc-train-bench: error: " << e.what() << "\n";
    return 1;
  }
}
