//===- Pipelines.h - the optimization pipeline of each target ---*- C++ -*-===//
//
// This file declares the optimization pipelines qruc runs before handing a
// model to a target: `sim`, the batched simulator, which fuses gates into
// matrices and permutations, and `ibm`, OpenQASM for IBM devices, which keeps
// standard gates. Both tools build them from here: qruc for --emit=mlir-opt
// and the summary, qruc-opt as --qru-sim-pipeline and --qru-ibm-pipeline.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_PIPELINE_PIPELINES_H
#define QRUC_PIPELINE_PIPELINES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace qruc {

/// The targets that have an optimization pipeline.
enum class Target { Sim, IBM };

/// The target's name on the command line: "sim" or "ibm".
llvm::StringRef targetName(Target target);

/// The target called `name`, if any.
std::optional<Target> parseTarget(llvm::StringRef name);

/// Adds the simulator pipeline to `pm`, a pass manager on builtin.module:
/// constant folding, dead-readout elimination, inverse cancellation and
/// rotation merging, then fusion of single-qubit runs into qru.unitary and of
/// CNOT/SWAP networks into qru.permute, and finally the parameter-only prefix.
void buildSimPipeline(mlir::OpPassManager &pm);

/// Adds the IBM pipeline to `pm`: the simulator pipeline's simplifications
/// without fusion, so that every gate stays an OpenQASM gate.
void buildIBMPipeline(mlir::OpPassManager &pm);

/// What --target ibm runs after the ibm pipeline.
struct IBMPipelineOptions {
  /// The native gate set: "heron", "eagle", or "none" (standard gates).
  std::string basis = "none";
  /// A JSON edge list of physical qubits; empty: no layout or routing.
  std::string couplingMap;
};

/// Adds the IBM pipeline to `pm`, then, as `options` ask, the decomposition
/// of 3-qubit gates and routing to the coupling map, and the translation to
/// the native basis (with constant folding of the angles it creates).
void buildIBMPipeline(mlir::OpPassManager &pm,
                      const IBMPipelineOptions &options);

/// Runs buildIBMPipeline's passes on `module`.
mlir::LogicalResult runIBMPipeline(mlir::ModuleOp module,
                                   const IBMPipelineOptions &options);

/// Adds the pipeline of `target` to `pm`.
void buildPipeline(mlir::OpPassManager &pm, Target target);

/// The arguments of the passes the pipeline of `target` runs, each once, in
/// the order they first run (for --print-ir-after).
std::vector<std::string> pipelinePassArguments(Target target);

/// Why `names` cannot all be printed after (not every one is the argument
/// of a pass the pipeline of `target` runs), or "" when they can.
std::string checkPassArguments(Target target,
                               llvm::ArrayRef<std::string> names);

/// How to run a pipeline: what to print and time along the way.
struct PipelineRunOptions {
  /// Print the IR after every pass (to standard error, like MLIR's
  /// --mlir-print-ir-after-all).
  bool printIRAfterAll = false;
  /// Print the IR after each pass with one of these arguments.
  std::vector<std::string> printIRAfter;
  /// Apply MLIR's pass manager command-line options (--mlir-print-ir-*,
  /// --mlir-pass-statistics, …), which the tool must have registered with
  /// mlir::registerPassManagerCLOptions.
  bool applyCommandLineOptions = false;
  /// When set, time each pass under this scope (--mlir-timing).
  mlir::TimingScope *timing = nullptr;
};

/// Runs the pipeline of `target` on `module`; failures are reported through
/// the context's diagnostics. Pass arguments in `options.printIRAfter` that
/// the pipeline does not run are an error (see checkPassArguments).
mlir::LogicalResult runPipeline(mlir::ModuleOp module, Target target,
                                const PipelineRunOptions &options = {});

/// Registers the pipelines as --qru-sim-pipeline and --qru-ibm-pipeline.
void registerQRUPipelines();

} // namespace qruc

#endif // QRUC_PIPELINE_PIPELINES_H
