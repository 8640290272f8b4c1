//===- GateAlgebra.h - what gates do to each other --------------*- C++ -*-===//
//
// This file declares the facts about gates that the optimization passes
// share: which Pauli basis a gate is diagonal in on each of its qubits (and
// so which gates commute), which operands of a gate are interchangeable,
// which gates undo each other, the periods of the rotations, and the search
// for the gate before a gate on the same wires across commuting gates.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_GATEALGEBRA_H
#define QRUC_DIALECT_QRU_GATEALGEBRA_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace qruc::qru {

/// The Pauli operator a gate commutes with on one of its qubits. A gate
/// commutes with P on a qubit when it is block-diagonal in P's eigenbasis
/// there: `rz` and the control of `cx` commute with Z, `x` and the target of
/// `cx` with X. Two gates commute when, on every qubit they share, both
/// commute with the same Pauli operator (conjugating that qubit by a basis
/// change makes both block-diagonal in the computational basis of the
/// shared qubits, with blocks acting on disjoint qubits).
enum class PauliAxis { None, X, Y, Z };

/// The axis `gate` commutes with on its qubit operand `operand`.
PauliAxis commutingAxis(GateOpInterface gate, unsigned operand);

/// The class of qubit operand `operand` of `gate`: operands of one gate in the
/// same class can be exchanged without changing the gate, as the two qubits
/// of `cz` or the targets of `cswap`. Distinct operands of other gates have
/// distinct classes.
unsigned operandClass(GateOpInterface gate, unsigned operand);

/// How `second`, applied right after `first` on the same wires in the same
/// roles, can undo it.
enum class InverseKind {
  /// Never (as far as these passes know).
  None,
  /// Always: `second` is the inverse of `first` whatever their angles.
  Always,
  /// When the angles are opposite: the same rotation.
  OppositeAngles,
};
InverseKind inverseKind(GateOpInterface first, GateOpInterface second);

/// Whether `op` is a rotation by one angle whose consecutive instances on the
/// same wires add their angles: rx, ry, rz, p, crx, cry, crz, cp, rxx, ryy,
/// rzz.
bool isAdditiveRotation(mlir::Operation *op);

/// The period in its angle after which a rotation is the identity up to a
/// global phase: 2π for p, cp (exactly) and rx, ry, rz, rxx, ryy, rzz
/// (R(2π) = −I), 4π for crx, cry, crz (CR(2π) = Z on the control is not a
/// global phase). None for other ops.
std::optional<double> identityPeriod(mlir::Operation *op);

/// Whether `a` and `b` are provably opposite angles: one is the arith.negf
/// of the other, or both are constants that sum to zero.
bool areOppositeAngles(mlir::Value a, mlir::Value b);

/// A gate found before another on one wire, and its result on that wire.
struct WireStep {
  GateOpInterface gate;
  unsigned result;
};

/// The gates before `gate` on the wire of its qubit operand `operand`, nearest
/// first: the op defining the operand, then the op before that on the same
/// wire, and so on while each gate commutes with `gate` on that wire and at
/// most `lookback` were passed. The last entry may not commute with `gate`;
/// the walk stays in `gate`'s block and stops at any op that is not a gate.
llvm::SmallVector<WireStep> gatesBefore(GateOpInterface gate, unsigned operand,
                                        unsigned lookback);

/// The nearest gate `partner` before `gate` on all of `gate`'s wires such
/// that every gate between them commutes with `gate`, the partner's result
/// on the wire of `gate`'s operand i is in the same operand class, and
/// `accept(partner, results)` holds, where results[i] is that result. On
/// success, `results` holds the partner's result for each operand of `gate`.
GateOpInterface findPartnerBefore(
    GateOpInterface gate, unsigned lookback,
    llvm::function_ref<bool(GateOpInterface partner,
                            llvm::ArrayRef<unsigned> results)>
        accept,
    llvm::SmallVectorImpl<unsigned> &results);

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_GATEALGEBRA_H
