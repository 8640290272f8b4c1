//===- GateDerivatives.cpp - Derivatives of gate matrices -----------------===//
//
// This file implements ∂U/∂θ_j in closed form, differentiating the entries
// of GateMatrices.cpp one by one. Rotations exp(−iθG/2) could use the
// generator (∂U = −i/2·G·U), but the composite gates (u2, u3, rot) and the
// phase gates are not of that form, and one table of entries serves all.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/GateDerivatives.h"

#include "qruc/Runtime/GateMatrices.h"

#include <cassert>
#include <cmath>

using namespace qruc::runtime;

namespace {

using C = std::complex<double>;

C expi(double a) { return {std::cos(a), std::sin(a)}; }

/// The derivative of the 2×2 that a one-qubit gate (or a controlled gate's
/// target) applies, row-major into d[0..4).
void oneQubitDerivative(GateKind kind, const double *a, unsigned j, C *d) {
  const C i(0.0, 1.0);
  const double r = 1.0 / std::sqrt(2.0);
  d[0] = d[1] = d[2] = d[3] = 0.0;
  switch (kind) {
  case GateKind::RX:
  case GateKind::CRX: {
    const double c = std::cos(a[0] / 2), s = std::sin(a[0] / 2);
    d[0] = d[3] = -s / 2;
    d[1] = d[2] = C(0.0, -c / 2);
    return;
  }
  case GateKind::RY:
  case GateKind::CRY: {
    const double c = std::cos(a[0] / 2), s = std::sin(a[0] / 2);
    d[0] = d[3] = -s / 2;
    d[1] = -c / 2;
    d[2] = c / 2;
    return;
  }
  case GateKind::RZ:
  case GateKind::CRZ:
    d[0] = -0.5 * i * expi(-a[0] / 2);
    d[3] = 0.5 * i * expi(a[0] / 2);
    return;
  case GateKind::P:
  case GateKind::CP:
    d[3] = i * expi(a[0]);
    return;
  case GateKind::U2: {
    const double phi = a[0], lambda = a[1];
    if (j == 0) {
      d[2] = i * r * expi(phi);
      d[3] = i * r * expi(phi + lambda);
    } else {
      d[1] = -i * r * expi(lambda);
      d[3] = i * r * expi(phi + lambda);
    }
    return;
  }
  case GateKind::U3: {
    const double theta = a[0], phi = a[1], lambda = a[2];
    const double c = std::cos(theta / 2), s = std::sin(theta / 2);
    if (j == 0) {
      d[0] = -s / 2;
      d[1] = -c / 2 * expi(lambda);
      d[2] = c / 2 * expi(phi);
      d[3] = -s / 2 * expi(phi + lambda);
    } else if (j == 1) {
      d[2] = i * s * expi(phi);
      d[3] = i * c * expi(phi + lambda);
    } else {
      d[1] = -i * s * expi(lambda);
      d[3] = i * c * expi(phi + lambda);
    }
    return;
  }
  case GateKind::Rot: {
    // Entries c·e^{−i(φ+ω)/2}, −s·e^{i(φ−ω)/2}, s·e^{i(ω−φ)/2}, c·e^{i(φ+ω)/2}.
    const double phi = a[0], theta = a[1], omega = a[2];
    const double c = std::cos(theta / 2), s = std::sin(theta / 2);
    const C e00 = expi(-(phi + omega) / 2), e01 = expi((phi - omega) / 2),
            e10 = expi((omega - phi) / 2), e11 = expi((phi + omega) / 2);
    if (j == 1) {
      d[0] = -s / 2 * e00;
      d[1] = -c / 2 * e01;
      d[2] = c / 2 * e10;
      d[3] = -s / 2 * e11;
      return;
    }
    // φ and ω enter each entry's phase with a factor ±1/2.
    const double s01 = j == 0 ? 0.5 : -0.5;
    d[0] = -0.5 * i * c * e00;
    d[1] = s01 * i * -s * e01;
    d[2] = -s01 * i * s * e10;
    d[3] = 0.5 * i * c * e11;
    return;
  }
  default:
    assert(false && "gate has no angles");
    return;
  }
}

} // namespace

void qruc::runtime::gateDerivative(GateKind kind, const double *a, unsigned j,
                                   C *d) {
  const GateInfo &info = gateInfo(kind);
  assert(j < info.numAngles && "angle index out of range");
  if (info.numQubits == 1) {
    oneQubitDerivative(kind, a, j, d);
    return;
  }
  for (int e = 0; e < 16; ++e)
    d[e] = 0.0;
  switch (kind) {
  case GateKind::CRX:
  case GateKind::CRY:
  case GateKind::CRZ:
  case GateKind::CP: {
    // Identity where the control is 0: only the target block depends on θ.
    C t[4];
    oneQubitDerivative(kind, a, j, t);
    d[2 * 4 + 2] = t[0];
    d[2 * 4 + 3] = t[1];
    d[3 * 4 + 2] = t[2];
    d[3 * 4 + 3] = t[3];
    return;
  }
  case GateKind::RZZ: {
    const C minus = -0.5 * C(0.0, 1.0) * expi(-a[0] / 2);
    const C plus = 0.5 * C(0.0, 1.0) * expi(a[0] / 2);
    d[0] = d[15] = minus;
    d[5] = d[10] = plus;
    return;
  }
  case GateKind::RXX:
  case GateKind::RYY: {
    // cos(θ/2)·I − i·sin(θ/2)·P⊗P, see twoQubitMatrix.
    const double c = std::cos(a[0] / 2), s = std::sin(a[0] / 2);
    const double sign = kind == GateKind::RXX ? 1.0 : -1.0;
    d[0] = d[5] = d[10] = d[15] = -s / 2;
    d[3] = d[12] = C(0.0, -c / 2 * sign);
    d[6] = d[9] = C(0.0, -c / 2);
    return;
  }
  default:
    assert(false && "gate has no angles");
    return;
  }
}
