//===- Gates.h - The gate set of the qru dialect ----------------*- C++ -*-===//
//
// This file declares GateKind, the runtime's name for every gate of the qru
// dialect (dialect/include/qruc/Dialect/QRU/QRUOps.td), a table of their
// shapes, and applyGate, which computes a gate's coefficients from its
// angles and hands them to the kernel of its structure (Kernels.h).
//
// Operand order follows the dialect: controls come first (cx c, t; ccx c0,
// c1, t; cswap c, a, b), and for symmetric two-qubit gates the first operand
// is the more significant bit of the textbook matrix. Angle order follows
// OpenQASM and the dialect: p(λ), u2(φ, λ), u3(θ, φ, λ),
// rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ), rx(θ) = exp(−iθX/2).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_GATES_H
#define QRUC_RUNTIME_GATES_H

#include "qruc/Runtime/Angle.h"
#include "qruc/Runtime/BatchedState.h"

#include <cassert>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace qruc::runtime {

enum class GateKind : std::uint8_t {
  X, Y, Z, H, S, Sdg, T, Tdg, SX, RX, RY, RZ, P, U2, U3, Rot,
  CX, CY, CZ, CH, Swap, CRX, CRY, CRZ, CP, RXX, RYY, RZZ,
  CCX, CSwap,
};

inline constexpr unsigned kNumGateKinds =
    static_cast<unsigned>(GateKind::CSwap) + 1;

/// The matrix structure that selects a gate's kernel.
enum class KernelClass : std::uint8_t {
  Dense1,
  ControlledDense1,
  Diagonal,
  Permutation,
  Dense2,
};

struct GateInfo {
  /// The dialect's mnemonic, e.g. "cswap".
  const char *name;
  unsigned numQubits;
  unsigned numAngles;
  KernelClass kernel;
};

const GateInfo &gateInfo(GateKind kind);

/// The gate with a given dialect mnemonic. For building programs, not for
/// the hot loop, which should carry GateKind values.
std::optional<GateKind> gateKindFromName(std::string_view name);

/// Applies a gate to every sample. `wires` holds gateInfo(kind).numQubits
/// distinct wires and `angles` numAngles angles, each shared or per sample.
/// A gate whose angles are all shared builds its matrix once; otherwise the
/// coefficients of each sample are computed into the state's scratch rows.
void applyGate(BatchedState &state, GateKind kind, const unsigned *wires,
               const Angle *angles = nullptr);

/// Applies the gate's adjoint U(θ)† (its inverse) to every sample, with the
/// same arguments as applyGate: the adjoint method uncomputes states with it.
void applyGateAdjoint(BatchedState &state, GateKind kind,
                      const unsigned *wires, const Angle *angles = nullptr);

/// The per-sample 2×2 coefficients applyGate uses for a one-qubit or
/// controlled gate (KernelClass Dense1 or ControlledDense1), or those of its
/// adjoint: a Matrix2Lanes table of `width` lanes in `rows` (8·width
/// doubles, aligned). Lanes at or past `batch` get angle 0, so that padding
/// lanes stay valid states.
void oneQubitLanes(GateKind kind, const Angle *angles, bool adjoint,
                   std::size_t batch, std::size_t width, double *rows);

inline void applyGate(BatchedState &state, GateKind kind,
                      std::initializer_list<unsigned> wires,
                      std::initializer_list<Angle> angles = {}) {
  assert(wires.size() == gateInfo(kind).numQubits &&
         angles.size() == gateInfo(kind).numAngles &&
         "wrong number of wires or angles for the gate");
  applyGate(state, kind, wires.begin(), angles.begin());
}

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_GATES_H
