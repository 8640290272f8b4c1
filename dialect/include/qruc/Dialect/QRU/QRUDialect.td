//===- QRUDialect.td - the qru dialect definition ----------*- tablegen -*-===//
//
// This file declares the qru dialect: quantum recurrent models with qubits as
// SSA values, so that circuit rewriting is ordinary SSA rewriting.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUDIALECT_TD
#define QRUC_DIALECT_QRU_QRUDIALECT_TD

include "mlir/IR/OpBase.td"

def QRU_Dialect : Dialect {
  let name = "qru";
  let cppNamespace = "::qruc::qru";
  let summary = "Quantum recurrent neural network models";
  let description = [{
    The `qru` dialect represents a whole quantum recurrent model: its qubit
    registers, trainable parameters, per-step inputs, memory carried between
    time steps, outputs and experiment settings, and the body of one time step.

    Qubits have value semantics: every gate consumes `!qru.qubit` values and
    produces new ones, and each qubit value is used at most once. Readouts
    (`qru.expval`, `qru.measure`) consume and return the qubits they read, so
    the order of quantum operations is the order of the SSA chain.

    Classical computation (angle expressions, the controller network, heads)
    uses the upstream `arith`, `math`, `tensor`, `linalg` and `scf` dialects.
  }];
  let useDefaultTypePrinterParser = 1;
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect"
  ];
}

/// Base class of every qru op.
class QRU_Op<string mnemonic, list<Trait> traits = []>
    : Op<QRU_Dialect, mnemonic, traits>;

#endif // QRUC_DIALECT_QRU_QRUDIALECT_TD
