//===- Gates.h - the built-in gates of the .qru language --------*- C++ -*-===//
//
// This file declares the table of built-in gates: their names, how many
// qubits and angles each takes. Semantic analysis checks arities against it
// and MLIRGen maps each entry to its qru op.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_FRONTEND_GATES_H
#define QRUC_FRONTEND_GATES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace qruc {

enum class GateKind {
  X, Y, Z, H, S, Sdg, T, Tdg, SX, RX, RY, RZ, P, U2, U3, Rot,
  CX, CY, CZ, CH, Swap, CRX, CRY, CRZ, CP, RXX, RYY, RZZ, CCX, CSwap
};

struct GateInfo {
  llvm::StringRef name;
  GateKind kind;
  unsigned numQubits;
  unsigned numAngles;
};

/// The built-in gate called `name` (`u` is `u3`), or null.
const GateInfo *lookupGate(llvm::StringRef name);

/// Every built-in gate, in a fixed order.
llvm::ArrayRef<GateInfo> getGates();

} // namespace qruc

#endif // QRUC_FRONTEND_GATES_H
