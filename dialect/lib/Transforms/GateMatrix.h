//===- GateMatrix.h - single-qubit gate matrices as IR ----------*- C++ -*-===//
//
// This file declares MatrixBuilder, which computes the 2×2 matrix of a
// single-qubit gate, and products of such matrices, as arith and math ops
// over the gate's angles. Entries known at compile time stay plain doubles,
// so products of constant gates cost no ops and multiplying by 0 or 1 is
// free; only the entries that depend on runtime angles become IR.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_TRANSFORMS_GATEMATRIX_H
#define QRUC_DIALECT_QRU_TRANSFORMS_GATEMATRIX_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/IR/Builders.h"

#include <array>

namespace qruc::qru {

/// A real number: a compile-time constant, or the f64 SSA value `value`.
struct Real {
  Real(double constant = 0.0) : constant(constant) {}
  explicit Real(mlir::Value value) : value(value) {}

  bool isConstant() const { return !value; }
  bool is(double c) const { return isConstant() && constant == c; }

  double constant = 0.0;
  mlir::Value value;
};

struct Complex {
  Real re, im;
};

/// A 2×2 complex matrix, row-major.
using Matrix2 = std::array<Complex, 4>;

/// Whether MatrixBuilder::gateMatrix knows `op`: every single-qubit gate.
bool hasMatrix2(mlir::Operation *op);

/// Builds matrix arithmetic at the builder's insertion point.
class MatrixBuilder {
public:
  MatrixBuilder(mlir::OpBuilder &builder, mlir::Location loc)
      : builder(builder), loc(loc) {}

  /// `value` as a Real: a constant when it is defined by arith.constant.
  Real real(mlir::Value value);
  /// `real` as an f64 value (an arith.constant if it is a constant).
  mlir::Value materialize(Real real);

  Real add(Real a, Real b);
  Real sub(Real a, Real b);
  Real mul(Real a, Real b);
  Real neg(Real a);
  Real cos(Real a);
  Real sin(Real a);

  Complex add(Complex a, Complex b);
  Complex mul(Complex a, Complex b);
  /// e^(iθ) = cos θ + i sin θ.
  Complex expi(Real theta);

  /// a · b.
  Matrix2 mul(const Matrix2 &a, const Matrix2 &b);

  /// The matrix of `gate`, a single-qubit gate, in the conventions of
  /// QRUOps.td: rx(θ) = exp(−iθX/2), rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ),
  /// and so on.
  Matrix2 gateMatrix(GateOpInterface gate);

private:
  Matrix2 rz(Real theta);
  Matrix2 ry(Real theta);

  mlir::OpBuilder &builder;
  mlir::Location loc;
};

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_TRANSFORMS_GATEMATRIX_H
