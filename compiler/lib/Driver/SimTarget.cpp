//===- SimTarget.cpp - `qruc --target sim`: train, test, predict ----------===//
//
// This file joins the compiler and the runtime for --target sim: it lowers
// the model's step to a StepProgram, reads the experiment, applies the
// command line's overrides, runs the experiment or a prediction, and turns
// the runtime's errors into located diagnostics.
//
//===----------------------------------------------------------------------===//

#include "qruc/Driver/SimTarget.h"

#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Driver/ExperimentSettings.h"
#include "qruc/Pipeline/Pipelines.h"
#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/Experiment.h"
#include "qruc/Runtime/ExperimentData.h"
#include "qruc/Runtime/Prediction.h"
#include "qruc/Runtime/SeededRandom.h"
#include "qruc/Runtime/Shots.h"
#include "qruc/Runtime/TrainingRun.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <memory>

using namespace qruc;

std::string qruc::defaultOutputDir(const hir::Model &model) {
  return "runs/" + model.name;
}

namespace {

/// Prints a runtime error. Located errors show the offending line of the
/// data file with a caret, like the compiler's own diagnostics.
void reportDataError(const runtime::DataError &error) {
  if (error.line > 0 && !error.file.empty()) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
        llvm::MemoryBuffer::getFile(error.file);
    if (buffer) {
      llvm::SourceMgr sourceMgr;
      sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
      llvm::SMLoc loc = sourceMgr.FindLocForLineAndColumn(
          1, static_cast<unsigned>(error.line),
          static_cast<unsigned>(std::max<std::size_t>(error.column, 1)));
      if (loc.isValid()) {
        sourceMgr.PrintMessage(llvm::errs(), loc, llvm::SourceMgr::DK_Error,
                               error.message);
        return;
      }
    }
  }
  llvm::errs() << error.str() << "\n";
}

/// Reports `error`; an error about the model file as a whole points at its
/// experiment section, or at the model's name when it has none.
int fail(const runtime::DataError &error, const hir::Model &model,
         const SimTargetOptions &options, mlir::MLIRContext &context) {
  if (error.file == options.modelFile && error.line == 0) {
    hir::Location at = model.experimentLoc.value_or(model.loc);
    mlir::emitError(mlir::FileLineColLoc::get(&context, options.modelFile,
                                              at.line, at.column))
        << error.message;
    return 1;
  }
  reportDataError(error);
  return 1;
}

/// Replaces the experiment's settings by the command line's.
void applyOverrides(const SimTargetOptions &options,
                    runtime::ExperimentSpec &spec) {
  if (options.epochs)
    spec.epochs = *options.epochs;
  if (options.batch)
    spec.batch = *options.batch;
  if (options.seed)
    spec.seed = *options.seed;
}

/// The file -o names, or standard output; null (after an error message)
/// when it cannot be opened.
using OutputFile = std::unique_ptr<std::FILE, int (*)(std::FILE *)>;
std::FILE *openOutput(const SimTargetOptions &options, OutputFile &file) {
  if (options.predictOutput == "-")
    return stdout;
  file.reset(std::fopen(options.predictOutput.c_str(), "w"));
  if (!file)
    llvm::errs() << options.predictOutput
                 << ": error: cannot open the output file\n";
  return file.get();
}

int predict(const hir::Model &model, const runtime::StepProgram &program,
            const runtime::ExperimentSpec &spec,
            const SimTargetOptions &options, mlir::MLIRContext &context) {
  runtime::DataResult<runtime::Checkpoint> checkpoint = runtime::readCheckpoint(
      options.paramsFile, {program.modelName, program.numParameters()});
  if (!checkpoint)
    return fail(checkpoint.error(), model, options, context);
  OutputFile file(nullptr, std::fclose);
  std::FILE *out = openOutput(options, file);
  if (!out)
    return 1;
  if (runtime::DataStatus error = runtime::predictOutputs(
          program, spec, options.modelFile, *checkpoint, options.predictData,
          options.threads, out))
    return fail(*error, model, options, context);
  return 0;
}

/// --shots: the parameters and the scaling of a checkpoint, or, without
/// --params, the initial parameters of the seed and the scaling training
/// would fit; then the shots of every sample of the --predict data.
int sampleShots(const hir::Model &model, const runtime::StepProgram &program,
                const runtime::ExperimentSpec &spec,
                const SimTargetOptions &options, mlir::MLIRContext &context) {
  if (!runtime::measures(program)) {
    mlir::emitError(mlir::FileLineColLoc::get(&context, options.modelFile,
                                              model.loc.line,
                                              model.loc.column))
        << "--shots samples measurement outcomes, but model '" << model.name
        << "' never measures or resets a qubit: its outputs are "
           "deterministic, use --predict without --shots";
    return 1;
  }
  runtime::ShotSettings settings;
  settings.shots = *options.shots;
  settings.seed = spec.seed;
  settings.threads = options.threads;
  if (!options.paramsFile.empty()) {
    runtime::DataResult<runtime::Checkpoint> checkpoint =
        runtime::readCheckpoint(options.paramsFile,
                                {program.modelName, program.numParameters()});
    if (!checkpoint)
      return fail(checkpoint.error(), model, options, context);
    settings.params = checkpoint->params;
    const std::vector<double> *factor =
        checkpoint->findArray(runtime::checkpoint_keys::kScaleFactor);
    const std::vector<double> *offset =
        checkpoint->findArray(runtime::checkpoint_keys::kScaleOffset);
    if (factor && offset && factor->size() == offset->size())
      settings.scaler = runtime::Scaler(*factor, *offset);
    else if (!spec.scale.empty())
      llvm::errs() << "qruc: note: " << options.paramsFile
                   << " holds no scaler: the data are used unscaled\n";
  } else {
    runtime::DataResult<std::vector<double>> initial =
        runtime::initialParameters(
            runtime::parameterInitializers(program),
            runtime::deriveSeed(spec.seed, runtime::SeedStream::Init, 0));
    if (!initial)
      return fail(initial.error(), model, options, context);
    settings.params = initial.take();
    llvm::errs() << "qruc: note: no --params: the parameters take their "
                    "initial values, drawn with seed "
                 << spec.seed << "\n";
    if (!spec.scale.empty()) {
      // The scaling a training run would fit on the experiment's data.
      runtime::DataResult<runtime::ExperimentData> data =
          runtime::prepareExperimentData(spec, options.modelFile);
      if (!data)
        return fail(data.error(), model, options, context);
      settings.scaler = data->scaler;
    }
  }
  OutputFile file(nullptr, std::fclose);
  std::FILE *out = openOutput(options, file);
  if (!out)
    return 1;
  if (runtime::DataStatus error =
          runtime::writeShots(program, spec, options.modelFile, settings,
                              options.predictData, out))
    return fail(*error, model, options, context);
  return 0;
}

} // namespace

int qruc::runSimTarget(const hir::Model &model, mlir::ModuleOp ir,
                       const SimTargetOptions &options,
                       mlir::MLIRContext &context) {
  // The simulator runs the sim pipeline's output: fused single-qubit
  // matrices, permutations, parameter-only values computed once per batch.
  if (failed(runPipeline(ir, Target::Sim)))
    return 1;
  auto modelOp = *ir.getBody()->getOps<qru::ModelOp>().begin();
  mlir::FailureOr<runtime::StepProgram> program = lowerToStepProgram(modelOp);
  if (failed(program))
    return 1;

  runtime::ExperimentSpec spec;
  if (failed(buildExperimentSpec(model, options.modelFile, context, spec)))
    return 1;
  applyOverrides(options, spec);

  if (options.shots)
    return sampleShots(model, *program, spec, options, context);
  if (!options.predictData.empty())
    return predict(model, *program, spec, options, context);

  runtime::ExperimentOptions run;
  run.modelFile = options.modelFile;
  run.outputDir = options.outputDir.empty() ? defaultOutputDir(model)
                                            : options.outputDir;
  run.resumeFrom = options.resumeFrom;
  run.threads = options.threads;
  run.holdout = options.holdout;
  run.maxRuns = options.maxRuns;
  run.progress = stderr;
  run.progressIsTerminal = llvm::sys::Process::StandardErrIsDisplayed();

  runtime::DataResult<runtime::ExperimentReport> report =
      runtime::runExperiment(*program, spec, run);
  if (!report)
    return fail(report.error(), model, options, context);
  llvm::outs() << "model: " << program->modelName << " ("
               << program->numParameters() << " parameters)\n"
               << runtime::formatReport(*report)
               << "parameters: " << report->firstCheckpoint << "\n";
  return 0;
}
