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
#include "qruc/Runtime/Prediction.h"
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

int predict(const hir::Model &model, const runtime::StepProgram &program,
            const runtime::ExperimentSpec &spec,
            const SimTargetOptions &options, mlir::MLIRContext &context) {
  runtime::DataResult<runtime::Checkpoint> checkpoint = runtime::readCheckpoint(
      options.paramsFile, {program.modelName, program.numParameters()});
  if (!checkpoint)
    return fail(checkpoint.error(), model, options, context);
  std::FILE *out = stdout;
  std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(nullptr, std::fclose);
  if (options.predictOutput != "-") {
    file.reset(std::fopen(options.predictOutput.c_str(), "w"));
    if (!file) {
      llvm::errs() << options.predictOutput
                   << ": error: cannot open the output file\n";
      return 1;
    }
    out = file.get();
  }
  if (runtime::DataStatus error = runtime::predictOutputs(
          program, spec, options.modelFile, *checkpoint, options.predictData,
          options.threads, out))
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
