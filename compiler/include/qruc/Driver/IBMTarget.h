//===- IBMTarget.h - `qruc --target ibm` ------------------------*- C++ -*-===//
//
// This file declares the driver of --target ibm: the ibm pipeline, optional
// routing to a coupling map and translation to a native basis, the choice of
// mode (said in one line), and the files of that mode written to a
// directory: <model>.qasm for a dynamic circuit; <model>_step.qasm and the
// host driver <model>_host.py for per-step mode.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DRIVER_IBMTARGET_H
#define QRUC_DRIVER_IBMTARGET_H

#include "qruc/Frontend/HIR.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"

#include <optional>
#include <string>

namespace qruc {

struct IBMTargetOptions {
  std::string modelFile;
  std::string outputDir;  ///< default: ibm/<model name>
  std::string paramsFile; ///< --params: bind the weights of a checkpoint
  std::string basis = "none"; ///< heron, eagle or none
  std::string couplingMap;    ///< --coupling-map: a JSON edge list
  /// Dynamic-circuit mode: steps to unroll; default: the experiment's
  /// sequence length.
  std::optional<unsigned> steps;
  /// -o: write the program alone to this file ("-": standard output)
  /// instead of the directory; empty: the directory.
  std::string programFile;
};

/// The directory --target ibm writes to by default.
std::string defaultIBMOutputDir(const hir::Model &model);

/// Compiles `ir` for IBM hardware; returns the exit status.
int runIBMTarget(const hir::Model &model, mlir::ModuleOp ir,
                 const IBMTargetOptions &options, mlir::MLIRContext &context);

} // namespace qruc

#endif // QRUC_DRIVER_IBMTARGET_H
