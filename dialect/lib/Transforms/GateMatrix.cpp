//===- GateMatrix.cpp - single-qubit gate matrices as IR -------------------===//
//
// This file implements MatrixBuilder: real and complex arithmetic that folds
// constants as it goes, and the matrix of every single-qubit gate.
//
//===----------------------------------------------------------------------===//

#include "GateMatrix.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace qruc::qru;

bool qruc::qru::hasMatrix2(Operation *op) {
  return isa<XOp, YOp, ZOp, HOp, SOp, SdgOp, TOp, TdgOp, SXOp, RXOp, RYOp, RZOp,
             POp, U2Op, U3Op, RotOp, UnitaryOp>(op);
}

Real MatrixBuilder::real(Value value) {
  APFloat constant(0.0);
  if (matchPattern(value, m_ConstantFloat(&constant)))
    return Real(constant.convertToDouble());
  return Real(value);
}

Value MatrixBuilder::materialize(Real real) {
  if (!real.isConstant())
    return real.value;
  return arith::ConstantOp::create(builder, loc,
                                   builder.getF64FloatAttr(real.constant));
}

Real MatrixBuilder::add(Real a, Real b) {
  if (a.isConstant() && b.isConstant())
    return Real(a.constant + b.constant);
  if (a.is(0.0))
    return b;
  if (b.is(0.0))
    return a;
  return Real(arith::AddFOp::create(builder, loc, materialize(a),
                                    materialize(b))
                  .getResult());
}

Real MatrixBuilder::sub(Real a, Real b) {
  if (a.isConstant() && b.isConstant())
    return Real(a.constant - b.constant);
  if (b.is(0.0))
    return a;
  if (a.is(0.0))
    return neg(b);
  return Real(arith::SubFOp::create(builder, loc, materialize(a),
                                    materialize(b))
                  .getResult());
}

Real MatrixBuilder::mul(Real a, Real b) {
  if (a.isConstant() && b.isConstant())
    return Real(a.constant * b.constant);
  // Gate angles are finite, so 0 · x is 0.
  if (a.is(0.0) || b.is(0.0))
    return Real(0.0);
  if (a.is(1.0))
    return b;
  if (b.is(1.0))
    return a;
  if (a.is(-1.0))
    return neg(b);
  if (b.is(-1.0))
    return neg(a);
  return Real(arith::MulFOp::create(builder, loc, materialize(a),
                                    materialize(b))
                  .getResult());
}

Real MatrixBuilder::neg(Real a) {
  if (a.isConstant())
    return Real(-a.constant);
  if (auto negf = a.value.getDefiningOp<arith::NegFOp>())
    return Real(negf.getOperand());
  return Real(arith::NegFOp::create(builder, loc, a.value).getResult());
}

Real MatrixBuilder::cos(Real a) {
  if (a.isConstant())
    return Real(std::cos(a.constant));
  return Real(math::CosOp::create(builder, loc, a.value).getResult());
}

Real MatrixBuilder::sin(Real a) {
  if (a.isConstant())
    return Real(std::sin(a.constant));
  return Real(math::SinOp::create(builder, loc, a.value).getResult());
}

Complex MatrixBuilder::add(Complex a, Complex b) {
  return {add(a.re, b.re), add(a.im, b.im)};
}

Complex MatrixBuilder::mul(Complex a, Complex b) {
  return {sub(mul(a.re, b.re), mul(a.im, b.im)),
          add(mul(a.re, b.im), mul(a.im, b.re))};
}

Complex MatrixBuilder::expi(Real theta) { return {cos(theta), sin(theta)}; }

Matrix2 MatrixBuilder::mul(const Matrix2 &a, const Matrix2 &b) {
  Matrix2 result;
  for (int row = 0; row < 2; ++row)
    for (int col = 0; col < 2; ++col)
      result[2 * row + col] = add(mul(a[2 * row], b[col]),
                                  mul(a[2 * row + 1], b[2 + col]));
  return result;
}

Matrix2 MatrixBuilder::rz(Real theta) {
  Real half = mul(theta, Real(0.5));
  Real c = cos(half), s = sin(half);
  return {Complex{c, neg(s)}, Complex{}, Complex{}, Complex{c, s}};
}

Matrix2 MatrixBuilder::ry(Real theta) {
  Real half = mul(theta, Real(0.5));
  Real c = cos(half), s = sin(half);
  return {Complex{c, {}}, Complex{neg(s), {}}, Complex{s, {}},
          Complex{c, {}}};
}

Matrix2 MatrixBuilder::gateMatrix(GateOpInterface gate) {
  SmallVector<Real> angles;
  for (Value angle : gate.getAngles())
    angles.push_back(real(angle));
  const double r = 1 / std::sqrt(2.0);
  const Complex zero{}, one{Real(1.0), {}};
  auto diag = [&](Complex a, Complex d) { return Matrix2{a, zero, zero, d}; };

  return llvm::TypeSwitch<Operation *, Matrix2>(gate)
      .Case([&](XOp) { return Matrix2{zero, one, one, zero}; })
      .Case([&](YOp) {
        return Matrix2{zero, Complex{{}, Real(-1.0)}, Complex{{}, Real(1.0)},
                       zero};
      })
      .Case([&](ZOp) { return diag(one, Complex{Real(-1.0), {}}); })
      .Case([&](HOp) {
        return Matrix2{Complex{Real(r), {}}, Complex{Real(r), {}},
                       Complex{Real(r), {}}, Complex{Real(-r), {}}};
      })
      .Case([&](SOp) { return diag(one, Complex{{}, Real(1.0)}); })
      .Case([&](SdgOp) { return diag(one, Complex{{}, Real(-1.0)}); })
      .Case([&](TOp) { return diag(one, Complex{Real(r), Real(r)}); })
      .Case([&](TdgOp) { return diag(one, Complex{Real(r), Real(-r)}); })
      .Case([&](SXOp) {
        Complex plus{Real(0.5), Real(0.5)}, minus{Real(0.5), Real(-0.5)};
        return Matrix2{plus, minus, minus, plus};
      })
      .Case([&](RXOp) {
        Real half = mul(angles[0], Real(0.5));
        Real c = cos(half), s = neg(sin(half));
        return Matrix2{Complex{c, {}}, Complex{{}, s}, Complex{{}, s},
                       Complex{c, {}}};
      })
      .Case([&](RYOp) { return ry(angles[0]); })
      .Case([&](RZOp) { return rz(angles[0]); })
      .Case([&](POp) { return diag(one, expi(angles[0])); })
      .Case([&](U2Op) {
        Real phi = angles[0], lambda = angles[1];
        Complex el = expi(lambda), ep = expi(phi), epl = expi(add(phi, lambda));
        auto scale = [&](Complex z) {
          return Complex{mul(z.re, Real(r)), mul(z.im, Real(r))};
        };
        return Matrix2{Complex{Real(r), {}},
                       scale(Complex{neg(el.re), neg(el.im)}), scale(ep),
                       scale(epl)};
      })
      .Case([&](U3Op) {
        Real theta = angles[0], phi = angles[1], lambda = angles[2];
        Real half = mul(theta, Real(0.5));
        Real c = cos(half), s = sin(half);
        Complex el = expi(lambda), ep = expi(phi), epl = expi(add(phi, lambda));
        return Matrix2{Complex{c, {}},
                       Complex{neg(mul(el.re, s)), neg(mul(el.im, s))},
                       Complex{mul(ep.re, s), mul(ep.im, s)},
                       Complex{mul(epl.re, c), mul(epl.im, c)}};
      })
      .Case([&](RotOp) {
        // Rot(φ, θ, ω) = RZ(ω) · RY(θ) · RZ(φ).
        return mul(rz(angles[2]), mul(ry(angles[1]), rz(angles[0])));
      })
      .Case([&](UnitaryOp) {
        Matrix2 m;
        for (int i = 0; i < 4; ++i)
          m[i] = Complex{angles[2 * i], angles[2 * i + 1]};
        return m;
      })
      .Default([&](Operation *) -> Matrix2 {
        llvm_unreachable("not a single-qubit gate");
      });
}
