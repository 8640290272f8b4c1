//===- Kernels.h - Gate kernels over a batched state ------------*- C++ -*-===//
//
// This file declares the gate kernels, one family per structure of the
// gate's matrix, because the structure, not the gate's name, decides the
// cost: a dense 2×2 mixes pairs of rows, a diagonal scales rows in place
// (and skips the entries equal to 1), a permutation only moves rows, a
// controlled gate touches the subspace where its controls are 1, and a dense
// 4×4 mixes quadruples of rows. Each kernel comes in two forms, a matrix
// shared by the whole batch and a matrix per sample (MatrixBatch.h).
//
// Matrix index convention for multi-qubit kernels: for operands
// (w_0, …, w_{k-1}) the basis index of the gate's matrix is
// Σ_j bit(w_j)·2^(k-1-j), i.e. the first operand is the most significant
// bit, as in textbook matrices. Operands must be distinct wires.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_KERNELS_H
#define QRUC_RUNTIME_KERNELS_H

#include "qruc/Runtime/BasisPermutation.h"
#include "qruc/Runtime/BatchedState.h"
#include "qruc/Runtime/MatrixBatch.h"

#include <Eigen/Core>

#include <complex>

namespace qruc::runtime {

/// Dense one-qubit gate: the fused entry point for an arbitrary 2×2 (the
/// product of a run of single-qubit gates on one wire, for instance).
void applyDense1(BatchedState &state, unsigned target,
                 const Eigen::Matrix2cd &u);
void applyDense1(BatchedState &state, unsigned target, const Matrix2Lanes &u);

/// A 2×2 applied to `target` in the samples' subspace where every control
/// is 1 (numControls ≤ 2).
void applyControlledDense1(BatchedState &state, const unsigned *controls,
                           unsigned numControls, unsigned target,
                           const Eigen::Matrix2cd &u);
void applyControlledDense1(BatchedState &state, const unsigned *controls,
                           unsigned numControls, unsigned target,
                           const Matrix2Lanes &u);

/// Dense two-qubit gate; w0 is the more significant operand.
void applyDense2(BatchedState &state, unsigned w0, unsigned w1,
                 const Eigen::Matrix4cd &u);
void applyDense2(BatchedState &state, unsigned w0, unsigned w1,
                 const Matrix4Lanes &u);

/// Diagonal gate on k ≤ 3 wires: `entries` holds the 2^k diagonal entries.
/// Entries exactly equal to 1 are skipped.
void applyDiagonal(BatchedState &state, const unsigned *wires, unsigned k,
                   const std::complex<double> *entries);
void applyDiagonal(BatchedState &state, const unsigned *wires, unsigned k,
                   const DiagonalLanes &entries);

/// The phases a transposition attaches to the two basis states it exchanges.
enum class SwapPhase {
  /// |a⟩ ↔ |b⟩ (X, CX, SWAP, CCX, CSWAP).
  None,
  /// The Pauli Y pattern on the pair: |a⟩ → i|b⟩, |b⟩ → −i|a⟩ (Y, CY).
  PauliY,
};

/// Permutation gate on k ≤ 3 wires that exchanges basis states a and b of
/// the gate's matrix (a ≠ b, both < 2^k) and fixes the others. Moves rows,
/// no arithmetic.
void applyTransposition(BatchedState &state, const unsigned *wires,
                        unsigned k, unsigned a, unsigned b,
                        SwapPhase phase = SwapPhase::None);

/// Permutes the basis states of p's wires in every sample, or with
/// `inverse` undoes the permutation. Moves rows, no arithmetic; the state's
/// scratch space holds the row saved at the start of each cycle.
void applyPermutation(BatchedState &state, const BasisPermutation &p,
                      bool inverse = false);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_KERNELS_H
