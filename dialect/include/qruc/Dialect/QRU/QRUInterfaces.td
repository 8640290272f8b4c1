//===- QRUInterfaces.td - qru op interfaces ----------------*- tablegen -*-===//
//
// This file declares the interface shared by every gate op, so that passes,
// the summary and the exporters handle gates without a case per gate.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUINTERFACES_TD
#define QRUC_DIALECT_QRU_QRUINTERFACES_TD

include "mlir/IR/OpBase.td"

def QRU_GateOpInterface : OpInterface<"GateOpInterface"> {
  let cppNamespace = "::qruc::qru";
  let description = [{
    A unitary gate: consumes `getInQubits()`, produces `getOutQubits()` in
    the same order, and is parameterized by the real angles `getAngles()`.
    Gates without angle operands of their own (`qru.permute`) override
    `getAngles()`.
  }];
  let methods = [
    InterfaceMethod<"the qubit values the gate consumes",
      "::mlir::OperandRange", "getInQubits", (ins), [{
        return $_op.getQubits();
      }]>,
    InterfaceMethod<"the qubit values the gate produces",
      "::mlir::ResultRange", "getOutQubits", (ins), [{
        return $_op->getResults();
      }]>,
    InterfaceMethod<"the gate's real parameters (angles)",
      "::mlir::OperandRange", "getAngles", (ins), [{}], [{
        return $_op.getParams();
      }]>,
    InterfaceMethod<"the gate's name in the .qru language and OpenQASM",
      "::llvm::StringRef", "getGateName", (ins), [{
        return $_op->getName().stripDialect();
      }]>
  ];
}

#endif // QRUC_DIALECT_QRU_QRUINTERFACES_TD
