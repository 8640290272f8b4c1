//===- GateSequence.cpp - write gates in a target gate set -----------------===//
//
// This file implements GateSequence: the decompositions of the standard gates
// into IBM's native gates. Each sequence is written in circuit order (the
// first gate written acts first); the unit tests multiply them out against
// the textbook matrices.
//
//===----------------------------------------------------------------------===//

#include "GateSequence.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include <cmath>

using namespace mlir;
using namespace qruc::qru;

Angle Angle::operator+(const Angle &other) const {
  Angle sum = *this;
  sum.constant += other.constant;
  for (auto [value, coefficient] : other.terms) {
    auto *same = llvm::find_if(
        sum.terms, [&](const auto &term) { return term.first == value; });
    if (same == sum.terms.end())
      sum.terms.push_back({value, coefficient});
    else
      same->second += coefficient;
  }
  llvm::erase_if(sum.terms, [](const auto &term) { return term.second == 0; });
  return sum;
}

Angle Angle::operator*(double factor) const {
  Angle product = *this;
  product.constant *= factor;
  for (auto &term : product.terms)
    term.second *= factor;
  return product;
}

GateSequence::GateSequence(OpBuilder &builder, Location loc, GateBasis basis,
                           ValueRange qubits)
    : builder(builder), loc(loc), basis(basis), wires(qubits),
      pending(qubits.size()) {}

SmallVector<Value> GateSequence::finish() {
  for (unsigned w = 0; w < wires.size(); ++w)
    flush(w);
  return wires;
}

Value GateSequence::materialize(const Angle &angle) {
  auto constant = [&](double c) -> Value {
    return arith::ConstantOp::create(builder, loc, builder.getF64FloatAttr(c));
  };
  Value sum;
  for (auto [value, coefficient] : angle.terms) {
    Value term = value;
    if (coefficient == -1.0)
      term = arith::NegFOp::create(builder, loc, value);
    else if (coefficient != 1.0)
      term = arith::MulFOp::create(builder, loc, value, constant(coefficient));
    sum = sum ? arith::AddFOp::create(builder, loc, sum, term) : term;
  }
  if (!sum)
    return constant(angle.constant);
  if (angle.constant != 0.0)
    sum = arith::AddFOp::create(builder, loc, sum, constant(angle.constant));
  return sum;
}

void GateSequence::flush(unsigned w) {
  std::optional<Angle> angle = std::exchange(pending[w], std::nullopt);
  if (!angle)
    return;
  // RZ(θ + 2π) = −RZ(θ): a global phase, so the constant part is reduced to
  // (−π, π] and a constant rotation by a multiple of 2π is dropped.
  angle->constant = std::remainder(angle->constant, 2 * kPi);
  if (angle->terms.empty() && std::abs(angle->constant) < 1e-15)
    return;
  Value theta = materialize(*angle);
  wires[w] = RZOp::create(builder, loc, ValueRange{theta}, ValueRange{wires[w]})
                 ->getResult(0);
}

template <typename OpT>
void GateSequence::gate(ArrayRef<unsigned> on, ValueRange angles) {
  SmallVector<Value> qubits;
  for (unsigned w : on) {
    flush(w);
    qubits.push_back(wires[w]);
  }
  Operation *op = OpT::create(builder, loc, angles, ValueRange(qubits));
  for (auto [w, result] : llvm::zip_equal(on, op->getResults()))
    wires[w] = result;
}

//===----------------------------------------------------------------------===//
// Native gates
//===----------------------------------------------------------------------===//

void GateSequence::rz(unsigned w, Angle theta) {
  pending[w] = pending[w] ? *pending[w] + theta : theta;
}

void GateSequence::sx(unsigned w) { gate<SXOp>({w}); }
void GateSequence::x(unsigned w) { gate<XOp>({w}); }
void GateSequence::cz(unsigned a, unsigned b) {
  if (basis == GateBasis::Eagle) {
    h(b);
    cx(a, b);
    h(b);
    return;
  }
  gate<CZOp>({a, b});
}
void GateSequence::ecr(unsigned a, unsigned b) {
  if (basis == GateBasis::Heron) {
    // ECR = (X ⊗ I)·CX·(RZ(π/2) ⊗ SX), exactly.
    rz(a, kPi / 2);
    sx(b);
    cx(a, b);
    x(a);
    return;
  }
  gate<ECROp>({a, b});
}

//===----------------------------------------------------------------------===//
// One-qubit gates
//===----------------------------------------------------------------------===//

void GateSequence::y(unsigned w) {
  // Y = i·X·Z.
  rz(w, kPi);
  x(w);
}

void GateSequence::h(unsigned w) {
  if (basis == GateBasis::Standard)
    return gate<HOp>({w});
  rz(w, kPi / 2);
  sx(w);
  rz(w, kPi / 2);
}

void GateSequence::t(unsigned w) {
  if (basis == GateBasis::Standard)
    return gate<TOp>({w});
  rz(w, kPi / 4);
}

void GateSequence::tdg(unsigned w) {
  if (basis == GateBasis::Standard)
    return gate<TdgOp>({w});
  rz(w, -kPi / 4);
}

void GateSequence::rx(unsigned w, Angle theta) {
  // RX(θ) = H·RZ(θ)·H.
  rz(w, kPi / 2);
  sx(w);
  rz(w, theta + kPi);
  sx(w);
  rz(w, kPi / 2);
}

void GateSequence::ry(unsigned w, Angle theta) {
  sx(w);
  rz(w, theta + kPi);
  sx(w);
  rz(w, kPi);
}

void GateSequence::u3(unsigned w, Angle theta, Angle phi, Angle lambda) {
  // U(θ, φ, λ) ∝ RZ(φ + π)·SX·RZ(θ + π)·SX·RZ(λ).
  rz(w, lambda);
  sx(w);
  rz(w, theta + kPi);
  sx(w);
  rz(w, phi + kPi);
}

void GateSequence::u2(unsigned w, Angle phi, Angle lambda) {
  // U2(φ, λ) ∝ RZ(φ + π/2)·SX·RZ(λ − π/2).
  rz(w, lambda + -kPi / 2);
  sx(w);
  rz(w, phi + kPi / 2);
}

//===----------------------------------------------------------------------===//
// Two- and three-qubit gates
//===----------------------------------------------------------------------===//

void GateSequence::cx(unsigned c, unsigned t) {
  switch (basis) {
  case GateBasis::Standard:
    return gate<CXOp>({c, t});
  case GateBasis::Heron:
    h(t);
    cz(c, t);
    h(t);
    return;
  case GateBasis::Eagle:
    // CX = ECR·(X·RZ(π/2) ⊗ SX), exactly.
    rz(c, kPi / 2);
    x(c);
    sx(t);
    ecr(c, t);
    return;
  }
}

void GateSequence::cy(unsigned c, unsigned t) {
  // Y = S·X·S†.
  sdg(t);
  cx(c, t);
  s(t);
}

void GateSequence::ch(unsigned c, unsigned t) {
  // H = RY(−π/4)·X·RY(π/4).
  ry(t, kPi / 4);
  cx(c, t);
  ry(t, -kPi / 4);
}

void GateSequence::swap(unsigned a, unsigned b) {
  cx(a, b);
  cx(b, a);
  cx(a, b);
}

void GateSequence::crz(unsigned c, unsigned t, Angle theta) {
  // X·RZ(−θ/2)·X = RZ(θ/2): the two halves add when the control is 1.
  rz(t, theta * 0.5);
  cx(c, t);
  rz(t, theta * -0.5);
  cx(c, t);
}

void GateSequence::cry(unsigned c, unsigned t, Angle theta) {
  ry(t, theta * 0.5);
  cx(c, t);
  ry(t, theta * -0.5);
  cx(c, t);
}

void GateSequence::crx(unsigned c, unsigned t, Angle theta) {
  h(t);
  crz(c, t, theta);
  h(t);
}

void GateSequence::cp(unsigned c, unsigned t, Angle lambda) {
  // CP(λ) ∝ (RZ(λ/2) ⊗ I)·CRZ(λ).
  rz(c, lambda * 0.5);
  crz(c, t, lambda);
}

void GateSequence::rzz(unsigned a, unsigned b, Angle theta) {
  cx(a, b);
  rz(b, theta);
  cx(a, b);
}

void GateSequence::rxx(unsigned a, unsigned b, Angle theta) {
  // X = H·Z·H on both qubits.
  h(a);
  h(b);
  rzz(a, b, theta);
  h(a);
  h(b);
}

void GateSequence::ryy(unsigned a, unsigned b, Angle theta) {
  // Y = (S·H)·Z·(H·S†) on both qubits.
  for (unsigned w : {a, b}) {
    sdg(w);
    h(w);
  }
  rzz(a, b, theta);
  for (unsigned w : {a, b}) {
    h(w);
    s(w);
  }
}

void GateSequence::ccx(unsigned c0, unsigned c1, unsigned t) {
  // Nielsen & Chuang, figure 4.9: exact, global phase included.
  h(t);
  cx(c1, t);
  tdg(t);
  cx(c0, t);
  this->t(t);
  cx(c1, t);
  tdg(t);
  cx(c0, t);
  this->t(c1);
  this->t(t);
  h(t);
  cx(c0, c1);
  this->t(c0);
  tdg(c1);
  cx(c0, c1);
}

void GateSequence::cswap(unsigned c, unsigned a, unsigned b) {
  cx(b, a);
  ccx(c, a, b);
  cx(b, a);
}
