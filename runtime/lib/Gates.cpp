//===- Gates.cpp - The gate set of the qru dialect ------------------------===//
//
// This file implements the gate table, applyGate and applyGateAdjoint (the
// same kernels with the adjoint coefficients). Shared angles produce
// one matrix for the whole batch; per-sample angles produce coefficient rows
// in the state's scratch space, with padding lanes given angle 0 so that
// they stay valid (unitarily evolved) states.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Gates.h"

#include "qruc/Runtime/GateMatrices.h"
#include "qruc/Runtime/Kernels.h"

#include <cassert>

using namespace qruc::runtime;

namespace {

using C = std::complex<double>;

constexpr GateInfo kGateTable[kNumGateKinds] = {
    {"x", 1, 0, KernelClass::Permutation},
    {"y", 1, 0, KernelClass::Permutation},
    {"z", 1, 0, KernelClass::Diagonal},
    {"h", 1, 0, KernelClass::Dense1},
    {"s", 1, 0, KernelClass::Diagonal},
    {"sdg", 1, 0, KernelClass::Diagonal},
    {"t", 1, 0, KernelClass::Diagonal},
    {"tdg", 1, 0, KernelClass::Diagonal},
    {"sx", 1, 0, KernelClass::Dense1},
    {"rx", 1, 1, KernelClass::Dense1},
    {"ry", 1, 1, KernelClass::Dense1},
    {"rz", 1, 1, KernelClass::Diagonal},
    {"p", 1, 1, KernelClass::Diagonal},
    {"u2", 1, 2, KernelClass::Dense1},
    {"u3", 1, 3, KernelClass::Dense1},
    {"rot", 1, 3, KernelClass::Dense1},
    {"cx", 2, 0, KernelClass::Permutation},
    {"cy", 2, 0, KernelClass::Permutation},
    {"cz", 2, 0, KernelClass::Diagonal},
    {"ch", 2, 0, KernelClass::ControlledDense1},
    {"swap", 2, 0, KernelClass::Permutation},
    {"crx", 2, 1, KernelClass::ControlledDense1},
    {"cry", 2, 1, KernelClass::ControlledDense1},
    {"crz", 2, 1, KernelClass::Diagonal},
    {"cp", 2, 1, KernelClass::Diagonal},
    {"rxx", 2, 1, KernelClass::Dense2},
    {"ryy", 2, 1, KernelClass::Dense2},
    {"rzz", 2, 1, KernelClass::Diagonal},
    {"ccx", 3, 0, KernelClass::Permutation},
    {"cswap", 3, 0, KernelClass::Permutation},
};

/// The 2×2 a one-qubit or controlled gate applies, or its adjoint.
Eigen::Matrix2cd matrix2(GateKind kind, const double *angles, bool adjoint) {
  const Eigen::Matrix2cd m = oneQubitMatrix(kind, angles);
  return adjoint ? Eigen::Matrix2cd(m.adjoint()) : m;
}

/// The diagonal of a diagonal gate, or of its adjoint.
void diagonal(GateKind kind, const double *angles, bool adjoint, C *d) {
  diagonalEntries(kind, angles, d);
  if (adjoint)
    for (unsigned e = 0; e < (1u << gateInfo(kind).numQubits); ++e)
      d[e] = std::conj(d[e]);
}

Eigen::Matrix4cd matrix4(GateKind kind, const double *angles, bool adjoint) {
  const Eigen::Matrix4cd m = twoQubitMatrix(kind, angles);
  return adjoint ? Eigen::Matrix4cd(m.adjoint()) : m;
}

// Every permutation gate of the set (x y cx cy swap ccx cswap) is Hermitian
// as well as unitary, so its adjoint is itself and needs no flag below.

void applyShared(BatchedState &state, GateKind kind, const GateInfo &info,
                 const unsigned *wires, const double *angles, bool adjoint) {
  const unsigned k = info.numQubits;
  switch (info.kernel) {
  case KernelClass::Dense1:
    applyDense1(state, wires[0], matrix2(kind, angles, adjoint));
    return;
  case KernelClass::ControlledDense1:
    applyControlledDense1(state, wires, k - 1, wires[k - 1],
                          matrix2(kind, angles, adjoint));
    return;
  case KernelClass::Diagonal: {
    C d[8];
    diagonal(kind, angles, adjoint, d);
    applyDiagonal(state, wires, k, d);
    return;
  }
  case KernelClass::Permutation: {
    const Transposition t = transpositionOf(kind);
    applyTransposition(state, wires, k, t.a, t.b, t.phase);
    return;
  }
  case KernelClass::Dense2:
    applyDense2(state, wires[0], wires[1], matrix4(kind, angles, adjoint));
    return;
  }
}

/// Writes lane b of a MatrixLanes<N> table: row 2k the real and row 2k + 1
/// the imaginary part of entry k = N·r + c.
template <int N>
void setLane(double *rows, std::size_t width, std::size_t b,
             const Eigen::Matrix<C, N, N> &m) {
  for (int k = 0; k < N * N; ++k) {
    rows[(2 * k) * width + b] = m(k / N, k % N).real();
    rows[(2 * k + 1) * width + b] = m(k / N, k % N).imag();
  }
}

/// Fills the gate's angle values for lane `b`.
void laneAngles(const Angle *angles, unsigned n, std::size_t b,
                std::size_t batch, double *values) {
  for (unsigned j = 0; j < n; ++j)
    values[j] = angles[j].isShared() ? angles[j].value()
                : b < batch          ? angles[j].values()[b]
                                     : 0.0;
}

void applyPerSample(BatchedState &state, GateKind kind, const GateInfo &info,
                    const unsigned *wires, const Angle *angles, bool adjoint) {
  const unsigned k = info.numQubits;
  const std::size_t width = state.paddedBatch(), batch = state.batch();
  double values[3];
  switch (info.kernel) {
  case KernelClass::Dense1:
  case KernelClass::ControlledDense1: {
    double *rows = state.scratch(8 * width);
    const Matrix2Lanes u{rows, width};
    oneQubitLanes(kind, angles, adjoint, batch, width, rows);
    if (info.kernel == KernelClass::Dense1)
      applyDense1(state, wires[0], u);
    else
      applyControlledDense1(state, wires, k - 1, wires[k - 1], u);
    return;
  }
  case KernelClass::Diagonal: {
    const unsigned entries = 1u << k;
    const unsigned ones = structuralOnes(kind);
    double *rows = state.scratch(2 * entries * width);
    DiagonalLanes d;
    for (unsigned e = 0; e < entries; ++e)
      if (!(ones >> e & 1u)) {
        d.re[e] = rows + (2 * e) * width;
        d.im[e] = rows + (2 * e + 1) * width;
      }
    for (std::size_t b = 0; b < width; ++b) {
      laneAngles(angles, info.numAngles, b, batch, values);
      C entry[8];
      diagonal(kind, values, adjoint, entry);
      for (unsigned e = 0; e < entries; ++e) {
        rows[(2 * e) * width + b] = entry[e].real();
        rows[(2 * e + 1) * width + b] = entry[e].imag();
      }
    }
    applyDiagonal(state, wires, k, d);
    return;
  }
  case KernelClass::Dense2: {
    double *rows = state.scratch(32 * width);
    const Matrix4Lanes u{rows, width};
    for (std::size_t b = 0; b < width; ++b) {
      laneAngles(angles, info.numAngles, b, batch, values);
      setLane(rows, width, b, matrix4(kind, values, adjoint));
    }
    applyDense2(state, wires[0], wires[1], u);
    return;
  }
  case KernelClass::Permutation:
    // Permutation gates take no angles, so they never reach this path.
    break;
  }
  assert(false && "per-sample angles on a gate without angles");
}

} // namespace

void qruc::runtime::oneQubitLanes(GateKind kind, const Angle *angles,
                                  bool adjoint, std::size_t batch,
                                  std::size_t width, double *rows) {
  const GateInfo &info = gateInfo(kind);
  double values[3];
  for (std::size_t b = 0; b < width; ++b) {
    laneAngles(angles, info.numAngles, b, batch, values);
    setLane(rows, width, b, matrix2(kind, values, adjoint));
  }
}

const GateInfo &qruc::runtime::gateInfo(GateKind kind) {
  return kGateTable[static_cast<unsigned>(kind)];
}

std::optional<GateKind> qruc::runtime::gateKindFromName(std::string_view name) {
  for (unsigned k = 0; k < kNumGateKinds; ++k)
    if (name == kGateTable[k].name)
      return static_cast<GateKind>(k);
  return std::nullopt;
}

namespace {

void applyGateOrAdjoint(BatchedState &state, GateKind kind,
                        const unsigned *wires, const Angle *angles,
                        bool adjoint) {
  const GateInfo &info = gateInfo(kind);
  bool shared = true;
  double values[3] = {};
  for (unsigned j = 0; j < info.numAngles; ++j) {
    shared = shared && angles[j].isShared();
    values[j] = angles[j].value();
  }
  if (shared)
    applyShared(state, kind, info, wires, values, adjoint);
  else
    applyPerSample(state, kind, info, wires, angles, adjoint);
}

} // namespace

void qruc::runtime::applyGate(BatchedState &state, GateKind kind,
                              const unsigned *wires, const Angle *angles) {
  applyGateOrAdjoint(state, kind, wires, angles, /*adjoint=*/false);
}

void qruc::runtime::applyGateAdjoint(BatchedState &state, GateKind kind,
                                     const unsigned *wires,
                                     const Angle *angles) {
  applyGateOrAdjoint(state, kind, wires, angles, /*adjoint=*/true);
}
