//===- GateMatrices.cpp - Closed-form matrices of the gates ---------------===//
//
// This file implements the gate coefficients in closed form. Composite gates
// (u2, u3, rot) are written out rather than multiplied from their factors,
// which saves the products and keeps their entries correctly rounded.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/GateMatrices.h"

#include <cassert>
#include <cmath>

using namespace qruc::runtime;

using C = std::complex<double>;

namespace {

C expi(double a) { return {std::cos(a), std::sin(a)}; }

Eigen::Matrix2cd matrix2(C m00, C m01, C m10, C m11) {
  Eigen::Matrix2cd m;
  m << m00, m01, m10, m11;
  return m;
}

} // namespace

Eigen::Matrix2cd qruc::runtime::oneQubitMatrix(GateKind kind,
                                               const double *a) {
  const C i(0.0, 1.0);
  const double r = 1.0 / std::sqrt(2.0);
  switch (kind) {
  case GateKind::X:
  case GateKind::CX:
  case GateKind::CCX:
    return matrix2(0.0, 1.0, 1.0, 0.0);
  case GateKind::Y:
  case GateKind::CY:
    return matrix2(0.0, -i, i, 0.0);
  case GateKind::Z:
  case GateKind::CZ:
    return matrix2(1.0, 0.0, 0.0, -1.0);
  case GateKind::H:
  case GateKind::CH:
    return matrix2(r, r, r, -r);
  case GateKind::S:
    return matrix2(1.0, 0.0, 0.0, i);
  case GateKind::Sdg:
    return matrix2(1.0, 0.0, 0.0, -i);
  case GateKind::T:
    return matrix2(1.0, 0.0, 0.0, C(r, r));
  case GateKind::Tdg:
    return matrix2(1.0, 0.0, 0.0, C(r, -r));
  case GateKind::SX:
    return matrix2(C(0.5, 0.5), C(0.5, -0.5), C(0.5, -0.5), C(0.5, 0.5));
  case GateKind::RX:
  case GateKind::CRX: {
    const double c = std::cos(a[0] / 2), s = std::sin(a[0] / 2);
    return matrix2(c, C(0.0, -s), C(0.0, -s), c);
  }
  case GateKind::RY:
  case GateKind::CRY: {
    const double c = std::cos(a[0] / 2), s = std::sin(a[0] / 2);
    return matrix2(c, -s, s, c);
  }
  case GateKind::RZ:
  case GateKind::CRZ:
    return matrix2(expi(-a[0] / 2), 0.0, 0.0, expi(a[0] / 2));
  case GateKind::P:
  case GateKind::CP:
    return matrix2(1.0, 0.0, 0.0, expi(a[0]));
  case GateKind::U2: {
    const double phi = a[0], lambda = a[1];
    return matrix2(r, -r * expi(lambda), r * expi(phi),
                   r * expi(phi + lambda));
  }
  case GateKind::U3: {
    const double theta = a[0], phi = a[1], lambda = a[2];
    const double c = std::cos(theta / 2), s = std::sin(theta / 2);
    return matrix2(c, -s * expi(lambda), s * expi(phi),
                   c * expi(phi + lambda));
  }
  case GateKind::Rot: {
    // RZ(ω)·RY(θ)·RZ(φ) multiplied out.
    const double phi = a[0], theta = a[1], omega = a[2];
    const double c = std::cos(theta / 2), s = std::sin(theta / 2);
    return matrix2(c * expi(-(phi + omega) / 2), -s * expi((phi - omega) / 2),
                   s * expi((omega - phi) / 2), c * expi((phi + omega) / 2));
  }
  default:
    assert(false && "gate has no one-qubit matrix");
    return Eigen::Matrix2cd::Identity();
  }
}

void qruc::runtime::diagonalEntries(GateKind kind, const double *a, C *d) {
  switch (kind) {
  case GateKind::CZ:
    d[0] = d[1] = d[2] = 1.0;
    d[3] = -1.0;
    return;
  case GateKind::CP:
    d[0] = d[1] = d[2] = 1.0;
    d[3] = expi(a[0]);
    return;
  case GateKind::CRZ:
    d[0] = d[1] = 1.0;
    d[2] = expi(-a[0] / 2);
    d[3] = expi(a[0] / 2);
    return;
  case GateKind::RZZ:
    d[0] = d[3] = expi(-a[0] / 2);
    d[1] = d[2] = expi(a[0] / 2);
    return;
  default: {
    const Eigen::Matrix2cd m = oneQubitMatrix(kind, a);
    d[0] = m(0, 0);
    d[1] = m(1, 1);
    return;
  }
  }
}

unsigned qruc::runtime::structuralOnes(GateKind kind) {
  switch (kind) {
  case GateKind::Z:
  case GateKind::S:
  case GateKind::Sdg:
  case GateKind::T:
  case GateKind::Tdg:
  case GateKind::P:
    return 0b1;
  case GateKind::CZ:
  case GateKind::CP:
    return 0b0111;
  case GateKind::CRZ:
    return 0b0011;
  default:
    return 0;
  }
}

Transposition qruc::runtime::transpositionOf(GateKind kind) {
  switch (kind) {
  case GateKind::X:
    return {0, 1, SwapPhase::None};
  case GateKind::Y:
    return {0, 1, SwapPhase::PauliY};
  case GateKind::CX:
    return {2, 3, SwapPhase::None};
  case GateKind::CY:
    return {2, 3, SwapPhase::PauliY};
  case GateKind::Swap:
    return {1, 2, SwapPhase::None};
  case GateKind::CCX:
    return {6, 7, SwapPhase::None};
  case GateKind::CSwap:
    return {5, 6, SwapPhase::None};
  default:
    assert(false && "not a permutation gate");
    return {0, 1, SwapPhase::None};
  }
}

Eigen::Matrix4cd qruc::runtime::twoQubitMatrix(GateKind kind,
                                               const double *a) {
  if (kind != GateKind::RXX && kind != GateKind::RYY)
    return gateMatrix(kind, a);
  const double c = std::cos(a[0] / 2), s = std::sin(a[0] / 2);
  // exp(−iθ P⊗P/2) = cos(θ/2) I − i sin(θ/2) P⊗P, and X⊗X, Y⊗Y are
  // anti-diagonal with entries 1 (XX) or (−1, 1, 1, −1) (YY).
  const double sign = kind == GateKind::RXX ? 1.0 : -1.0;
  Eigen::Matrix4cd m = Eigen::Matrix4cd::Identity() * c;
  m(0, 3) = m(3, 0) = C(0.0, -s * sign);
  m(1, 2) = m(2, 1) = C(0.0, -s);
  return m;
}

Eigen::MatrixXcd qruc::runtime::gateMatrix(GateKind kind, const double *a) {
  const GateInfo &info = gateInfo(kind);
  const Eigen::Index dim = Eigen::Index(1) << info.numQubits;
  Eigen::MatrixXcd m = Eigen::MatrixXcd::Identity(dim, dim);
  switch (info.kernel) {
  case KernelClass::Dense1:
    return oneQubitMatrix(kind, a);
  case KernelClass::ControlledDense1:
    m.bottomRightCorner<2, 2>() = oneQubitMatrix(kind, a);
    return m;
  case KernelClass::Diagonal: {
    C d[8];
    diagonalEntries(kind, a, d);
    for (Eigen::Index e = 0; e < dim; ++e)
      m(e, e) = d[e];
    return m;
  }
  case KernelClass::Permutation: {
    const Transposition t = transpositionOf(kind);
    const bool y = t.phase == SwapPhase::PauliY;
    m(t.a, t.a) = m(t.b, t.b) = 0.0;
    m(t.a, t.b) = y ? C(0.0, -1.0) : C(1.0);
    m(t.b, t.a) = y ? C(0.0, 1.0) : C(1.0);
    return m;
  }
  case KernelClass::Dense2:
    return twoQubitMatrix(kind, a);
  }
  return m;
}
