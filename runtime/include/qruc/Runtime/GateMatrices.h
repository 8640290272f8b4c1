//===- GateMatrices.h - Closed-form matrices of the gates -------*- C++ -*-===//
//
// This file declares the closed-form coefficients of every gate for given
// angle values: the 2×2 of a one-qubit gate (or of a controlled gate's
// target), the diagonal of a diagonal gate, the 4×4 of a dense two-qubit
// gate, and the full matrix of any gate. Fusion builds on these: the product
// of a run of oneQubitMatrix values is what applyDense1 takes.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_GATEMATRICES_H
#define QRUC_RUNTIME_GATEMATRICES_H

#include "qruc/Runtime/Gates.h"
#include "qruc/Runtime/Kernels.h"

#include <Eigen/Core>

#include <complex>

namespace qruc::runtime {

/// The 2×2 of a one-qubit gate, or the matrix a controlled gate applies to
/// its target (cx → X, ch → H, crx → RX, …). `angles` holds the gate's
/// numAngles values.
Eigen::Matrix2cd oneQubitMatrix(GateKind kind, const double *angles);

/// The 2^k diagonal entries of a diagonal gate (KernelClass::Diagonal).
void diagonalEntries(GateKind kind, const double *angles,
                     std::complex<double> *entries);

/// The bit set of diagonal entries that equal 1 whatever the angles
/// (entries 0–2 of cp, 0–1 of crz, 0 of p), which per-sample kernels skip.
unsigned structuralOnes(GateKind kind);

/// The basis states a permutation gate exchanges, and their phases.
struct Transposition {
  unsigned a;
  unsigned b;
  SwapPhase phase;
};

/// The transposition of a permutation gate (KernelClass::Permutation):
/// x exchanges 0 ↔ 1, cx 10 ↔ 11, swap 01 ↔ 10, ccx 110 ↔ 111,
/// cswap 101 ↔ 110; y and cy do the same as x and cx with Pauli Y phases.
Transposition transpositionOf(GateKind kind);

/// The 4×4 of a dense two-qubit gate (KernelClass::Dense2).
Eigen::Matrix4cd twoQubitMatrix(GateKind kind, const double *angles);

/// The full 2^k × 2^k matrix of any gate, first operand most significant.
Eigen::MatrixXcd gateMatrix(GateKind kind, const double *angles);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_GATEMATRICES_H
