//===- SimTarget.h - `qruc --target sim`: train, test, predict --*- C++ -*-===//
//
// This file declares what `qruc model.qru --target sim` does with a checked
// model: compile its step for the simulator, read its experiment, and either
// train and test it as the experiment says or, with --params and
// --predict, write the outputs of trained parameters on a data file, or,
// with --shots and --predict, sample the outcomes of a measuring model.
//
// Every problem is reported as a located diagnostic: the experiment's
// settings at their place in the .qru file, data files at the line and
// column of the offending value, with the source line and a caret.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DRIVER_SIMTARGET_H
#define QRUC_DRIVER_SIMTARGET_H

#include "qruc/Frontend/HIR.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"

#include <cstdint>
#include <optional>
#include <string>

namespace qruc {

/// The command line of --target sim; unset values keep the model file's.
struct SimTargetOptions {
  std::string modelFile;
  std::string outputDir;  ///< checkpoints and metrics; default below
  std::string resumeFrom; ///< --resume
  std::string paramsFile; ///< --params
  std::string predictData; ///< --predict
  std::string predictOutput = "-"; ///< -o for --predict
  /// --shots: sample a measuring model's outcomes on the --predict data
  /// (--params optional: without it, the initial parameters of the seed).
  std::optional<std::size_t> shots;
  std::optional<std::size_t> epochs, batch;
  std::optional<std::uint64_t> seed;
  std::optional<double> holdout;
  std::optional<std::size_t> maxRuns;
  unsigned threads = 1;
};

/// The default output directory of a model: `runs/<model name>`.
std::string defaultOutputDir(const hir::Model &model);

/// Runs --target sim on `ir` (the module generated from `model`). Returns
/// the process exit status; diagnostics go through `context`'s handler.
int runSimTarget(const hir::Model &model, mlir::ModuleOp ir,
                 const SimTargetOptions &options, mlir::MLIRContext &context);

} // namespace qruc

#endif // QRUC_DRIVER_SIMTARGET_H
