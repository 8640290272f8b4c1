//===- QRUTypes.td - qru dialect types ---------------------*- tablegen -*-===//
//
// This file declares the types of the qru dialect.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUTYPES_TD
#define QRUC_DIALECT_QRU_QRUTYPES_TD

include "mlir/IR/AttrTypeBase.td"
include "qruc/Dialect/QRU/QRUDialect.td"

class QRU_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<QRU_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def QRU_QubitType : QRU_Type<"Qubit", "qubit"> {
  let summary = "the state of one qubit at one point of a circuit";
  let description = [{
    A value of type `!qru.qubit` names one wire of the circuit between two
    operations. Gates consume their input qubit values and produce new ones;
    a qubit value is used at most once.

    ```mlir
    %q0 = qru.alloc @h[0]
    %q1 = qru.h %q0
    ```
  }];
}

#endif // QRUC_DIALECT_QRU_QRUTYPES_TD
