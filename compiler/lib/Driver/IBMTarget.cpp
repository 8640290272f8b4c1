//===- IBMTarget.cpp - `qruc --target ibm`: OpenQASM 3 for IBM hardware ---===//
//
// This file joins the pipeline and the OpenQASM 3 exporter for --target
// ibm. It binds a checkpoint's weights when asked, finds how many steps a
// dynamic circuit unrolls (the experiment's sequence length, unless
// --steps says), and writes the files of the chosen mode atomically.
//
//===----------------------------------------------------------------------===//

#include "qruc/Driver/IBMTarget.h"

#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Driver/ExperimentSettings.h"
#include "qruc/Pipeline/Pipelines.h"
#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/ExperimentData.h"
#include "qruc/Runtime/FileIO.h"
#include "qruc/Runtime/TrainingRun.h"
#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace qruc;

std::string qruc::defaultIBMOutputDir(const hir::Model &model) {
  return "ibm/" + model.name;
}

namespace {

mlir::InFlightDiagnostic errorAtModel(const hir::Model &model,
                                      const IBMTargetOptions &options,
                                      mlir::MLIRContext &context) {
  return mlir::emitError(mlir::FileLineColLoc::get(
      &context, options.modelFile, model.loc.line, model.loc.column));
}

/// The sequence length of the model's experiment data.
std::optional<unsigned> experimentSteps(const hir::Model &model,
                                        const IBMTargetOptions &options,
                                        mlir::MLIRContext &context) {
  runtime::ExperimentSpec spec;
  if (!model.experimentLoc) {
    errorAtModel(model, options, context)
        << "a dynamic circuit unrolls a fixed number of steps: give --steps "
           "N (the model has no experiment to take it from)";
    return std::nullopt;
  }
  if (failed(buildExperimentSpec(model, options.modelFile, context, spec)))
    return std::nullopt;
  runtime::DataResult<runtime::ExperimentData> data =
      runtime::prepareExperimentData(spec, options.modelFile);
  if (!data) {
    llvm::errs() << data.error().str() << "\n"
                 << "qruc: note: --steps N sets the number of steps without "
                    "reading the data\n";
    return std::nullopt;
  }
  if (data->series) {
    errorAtModel(model, options, context)
        << "a series experiment has no fixed sequence length: give --steps N";
    return std::nullopt;
  }
  return static_cast<unsigned>(data->sequences.numSteps);
}

/// Writes `text` to `path` atomically ("-": standard output); false after
/// reporting a failure.
bool writeFile(const std::string &path, const std::string &text) {
  if (path == "-") {
    llvm::outs() << text;
    return true;
  }
  if (runtime::DataStatus error = runtime::writeFileAtomically(path, text)) {
    llvm::errs() << "qruc: error: " << error->str() << "\n";
    return false;
  }
  return true;
}

} // namespace

int qruc::runIBMTarget(const hir::Model &model, mlir::ModuleOp ir,
                       const IBMTargetOptions &options,
                       mlir::MLIRContext &context) {
  IBMPipelineOptions pipeline;
  pipeline.basis = options.basis;
  pipeline.couplingMap = options.couplingMap;
  if (failed(runIBMPipeline(ir, pipeline)))
    return 1;
  mlir::FailureOr<qru::ModelOp> modelOp = openqasm3::getSingleModel(ir);
  if (failed(modelOp))
    return 1;

  openqasm3::ExportOptions exportOptions;
  if (!options.paramsFile.empty()) {
    runtime::DataResult<runtime::Checkpoint> checkpoint =
        runtime::readCheckpoint(options.paramsFile, {model.name, 0});
    if (!checkpoint) {
      llvm::errs() << checkpoint.error().str() << "\n";
      return 1;
    }
    exportOptions.params = checkpoint->params;
    if (const std::vector<double> *factor = checkpoint->findArray(
            runtime::checkpoint_keys::kScaleFactor))
      exportOptions.scaleFactor = *factor;
    if (const std::vector<double> *offset = checkpoint->findArray(
            runtime::checkpoint_keys::kScaleOffset))
      exportOptions.scaleOffset = *offset;
  }

  mlir::FailureOr<openqasm3::ModeChoice> choice =
      openqasm3::chooseMode(*modelOp);
  if (failed(choice))
    return 1;
  llvm::errs() << "qruc: " << openqasm3::modeName(choice->mode)
               << " mode: " << choice->reason << "\n";

  std::string dir =
      options.outputDir.empty() ? defaultIBMOutputDir(model) : options.outputDir;
  if (options.programFile.empty()) {
    if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
      llvm::errs() << "qruc: error: cannot create " << dir << ": "
                   << ec.message() << "\n";
      return 1;
    }
  }
  auto inDir = [&](const std::string &name) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, name);
    return std::string(path);
  };

  if (choice->mode == openqasm3::Mode::Dynamic) {
    if (options.steps) {
      exportOptions.steps = *options.steps;
    } else {
      std::optional<unsigned> steps = experimentSteps(model, options, context);
      if (!steps)
        return 1;
      exportOptions.steps = *steps;
    }
    std::string text;
    llvm::raw_string_ostream os(text);
    if (failed(openqasm3::emitDynamicCircuit(*modelOp, exportOptions, os)))
      return 1;
    if (!options.programFile.empty())
      return writeFile(options.programFile, text) ? 0 : 1;
    std::string path = inDir(model.name + ".qasm");
    if (!writeFile(path, text))
      return 1;
    llvm::errs() << "qruc: wrote " << path << " (" << exportOptions.steps
                 << " steps)\n";
    return 0;
  }

  if (options.steps) {
    errorAtModel(model, options, context)
        << "--steps sets the length of a dynamic circuit; in per-step mode "
           "the host driver runs as many steps as a sample has";
    return 1;
  }
  exportOptions.stepCircuitName = model.name + "_step.qasm";
  mlir::FailureOr<openqasm3::PerStepProgram> program =
      openqasm3::emitPerStep(*modelOp, exportOptions);
  if (failed(program))
    return 1;
  if (!options.programFile.empty())
    return writeFile(options.programFile, program->stepCircuit) ? 0 : 1;
  std::string circuitPath = inDir(exportOptions.stepCircuitName);
  std::string hostPath = inDir(model.name + "_host.py");
  if (!writeFile(circuitPath, program->stepCircuit) ||
      !writeFile(hostPath, program->hostDriver))
    return 1;
  llvm::sys::fs::setPermissions(hostPath, llvm::sys::fs::all_read |
                                              llvm::sys::fs::all_exe |
                                              llvm::sys::fs::owner_write);
  llvm::errs() << "qruc: wrote " << circuitPath << " and " << hostPath
               << " (run it with --local on Qiskit Aer)\n";
  return 0;
}
