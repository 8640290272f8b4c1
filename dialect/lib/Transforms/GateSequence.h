//===- GateSequence.h - write gates in a target gate set --------*- C++ -*-===//
//
// This file declares GateSequence, which writes a circuit on a few wires as
// qru gates in one of three gate sets: the standard gates themselves, or the
// native gates of IBM Heron (cz rz sx x) or Eagle (ecr rz sx x). The
// decompositions of the standard gates into the native ones live here, so
// that a decomposition written once in terms of standard gates (the Toffoli)
// serves every target.
//
// Rotations about Z are collected per wire and written as one qru.rz when
// another gate reaches the wire, so the rz(π/2)·rz(π/2) between two
// translated gates becomes one rz(π), and an rz by a constant multiple of 2π
// is dropped. Angles are sums of SSA angles times constants plus a constant,
// built from arith.addf, arith.mulf, arith.negf and arith.constant only: an
// OpenQASM exporter writes them with + - * / alone.
//
// The native decompositions are exact up to a global phase, which is dropped
// (see qru-translate-basis in Passes.td for why that is unobservable).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_TRANSFORMS_GATESEQUENCE_H
#define QRUC_DIALECT_QRU_TRANSFORMS_GATESEQUENCE_H

#include "qruc/Dialect/QRU/GateBasis.h"
#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/IR/Builders.h"

#include <optional>
#include <utility>

namespace qruc::qru {

/// An angle: the sum of `terms` (value × coefficient) and `constant`.
struct Angle {
  Angle(double constant = 0.0) : constant(constant) {}
  Angle(mlir::Value value, double coefficient = 1.0) {
    terms.push_back({value, coefficient});
  }

  Angle operator+(const Angle &other) const;
  Angle operator*(double factor) const;
  Angle operator-() const { return *this * -1.0; }

  llvm::SmallVector<std::pair<mlir::Value, double>, 2> terms;
  double constant = 0.0;
};

/// Writes gates on `wires.size()` wires at the builder's insertion point.
/// Wires are numbered by their position in the initial qubit range.
class GateSequence {
public:
  GateSequence(mlir::OpBuilder &builder, mlir::Location loc, GateBasis basis,
               mlir::ValueRange qubits);

  /// Writes the pending rotations and returns the final qubit values, in
  /// wire order.
  llvm::SmallVector<mlir::Value> finish();

  // Native gates.
  void rz(unsigned w, Angle theta);
  void sx(unsigned w);
  void x(unsigned w);
  void cz(unsigned a, unsigned b);
  void ecr(unsigned a, unsigned b);

  // One-qubit gates in the conventions of QRUOps.td.
  void y(unsigned w);
  void h(unsigned w);
  void s(unsigned w) { rz(w, kPi / 2); }
  void sdg(unsigned w) { rz(w, -kPi / 2); }
  void t(unsigned w);
  void tdg(unsigned w);
  void rx(unsigned w, Angle theta);
  void ry(unsigned w, Angle theta);
  /// OpenQASM's u(θ, φ, λ) = RZ(φ)·RY(θ)·RZ(λ) up to a global phase.
  void u3(unsigned w, Angle theta, Angle phi, Angle lambda);
  void u2(unsigned w, Angle phi, Angle lambda);

  // Two- and three-qubit gates, controls first.
  void cx(unsigned c, unsigned t);
  void cy(unsigned c, unsigned t);
  void ch(unsigned c, unsigned t);
  void swap(unsigned a, unsigned b);
  void crx(unsigned c, unsigned t, Angle theta);
  void cry(unsigned c, unsigned t, Angle theta);
  void crz(unsigned c, unsigned t, Angle theta);
  void cp(unsigned c, unsigned t, Angle lambda);
  void rxx(unsigned a, unsigned b, Angle theta);
  void ryy(unsigned a, unsigned b, Angle theta);
  void rzz(unsigned a, unsigned b, Angle theta);
  void ccx(unsigned c0, unsigned c1, unsigned t);
  void cswap(unsigned c, unsigned a, unsigned b);

  static constexpr double kPi = 3.14159265358979323846;

private:
  /// Writes the rotation pending on wire `w`, if any.
  void flush(unsigned w);
  /// `angle` as an f64 value.
  mlir::Value materialize(const Angle &angle);
  /// Writes `OpT` with `angles` on `wires`, after their pending rotations.
  template <typename OpT>
  void gate(llvm::ArrayRef<unsigned> on, mlir::ValueRange angles = {});

  mlir::OpBuilder &builder;
  mlir::Location loc;
  GateBasis basis;
  llvm::SmallVector<mlir::Value> wires;
  llvm::SmallVector<std::optional<Angle>> pending;
};

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_TRANSFORMS_GATESEQUENCE_H
