//===- ExportOpenQASM3.h - qru models as OpenQASM 3 for IBM ----*- C++ -*-===//
//
// This file declares the OpenQASM 3 exporter behind `qruc --target ibm` and
// `qruc-translate --qru-to-openqasm3`. A model reaches IBM hardware in one of
// two modes, chosen from what its feed-forward carries:
//
// - dynamic-circuit mode, when the feed-forward uses measured bits (or there
//   is none): one program with every time step unrolled, qubits reused
//   through `reset`, mid-circuit `measure` and `if` on bits, checked against
//   IBM's rules for dynamic circuits;
// - per-step mode, when the feed-forward carries real-valued expectation
//   values (the QRU): one parameterized step circuit whose `input float[64]`
//   are the step's inputs, the fed-forward values and the weights, the
//   observables to estimate after it, and a Python host driver that loops
//   over the time steps with an Estimator and feeds the values forward as
//   the simulator does.
//
// The model must have been through the ibm pipeline (no qru.unitary or
// qru.permute); basis translation and routing are passes that run before.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TARGET_OPENQASM3_EXPORTOPENQASM3_H
#define QRUC_TARGET_OPENQASM3_EXPORTOPENQASM3_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace qruc::openqasm3 {

enum class Mode { Dynamic, PerStep };

/// The mode's name in messages: "dynamic-circuit" or "per-step".
llvm::StringRef modeName(Mode mode);

/// The mode a model runs in, and why, in words for the user.
struct ModeChoice {
  Mode mode;
  std::string reason;
};

/// Chooses the mode of `model`. A model that can run in neither (measured
/// bits and real-valued feed-forward at once) is an error at the op that
/// makes it so.
mlir::FailureOr<ModeChoice> chooseMode(qru::ModelOp model);

struct ExportOptions {
  /// Trained parameter values, all parameters flattened in declaration order
  /// (a checkpoint's "params"); when unset, every parameter element the
  /// circuit uses is an `input float[64]`.
  std::optional<std::vector<double>> params;
  /// The checkpoint's input scaling (x·factor + offset per feature), which
  /// the per-step host driver applies to raw samples; empty: none.
  std::vector<double> scaleFactor, scaleOffset;
  /// Dynamic-circuit mode: the number of time steps to unroll.
  unsigned steps = 0;
  /// Per-step mode: the path of the step circuit the host driver loads,
  /// relative to the driver (it also carries a copy of the text).
  std::string stepCircuitName = "step.qasm";
};

/// Writes the dynamic circuit of `model`: `options.steps` steps unrolled.
/// Breaking one of IBM's rules is an error at the offending op.
mlir::LogicalResult emitDynamicCircuit(qru::ModelOp model,
                                       const ExportOptions &options,
                                       llvm::raw_ostream &os);

/// The two files of per-step mode.
struct PerStepProgram {
  std::string stepCircuit; ///< OpenQASM 3
  std::string hostDriver;  ///< Python
};

/// Builds the per-step program of `model`.
mlir::FailureOr<PerStepProgram> emitPerStep(qru::ModelOp model,
                                            const ExportOptions &options);

/// The model of a module holding exactly one, or an error on the module.
mlir::FailureOr<qru::ModelOp> getSingleModel(mlir::ModuleOp module);

/// Writes the program of the model in `module` in its mode: the dynamic
/// circuit (with `options.steps`), or the per-step step circuit.
mlir::LogicalResult translateToOpenQASM3(mlir::ModuleOp module,
                                         const ExportOptions &options,
                                         llvm::raw_ostream &os);

/// Registers --qru-to-openqasm3 with mlir-translate's registry.
void registerToOpenQASM3Translation();

} // namespace qruc::openqasm3

#endif // QRUC_TARGET_OPENQASM3_EXPORTOPENQASM3_H
