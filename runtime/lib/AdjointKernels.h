//===- AdjointKernels.h - State kernels of the adjoint method ---*- C++ -*-===//
//
// This file declares the kernels the reverse sweep needs beyond applying
// gates and their adjoints: seeding the adjoint state at a readout
// (λ += g·Pψ), contracting the two states with a gate's derivative to get
// its angle gradients, masking a conditional gate to some samples, and the
// bookkeeping of whole states (zero, copy, distance from |0…0⟩). Matrix
// entries given as operands (qru.unitary) get their gradients from the same
// contraction.
//
// Convention: λ is the adjoint of ψ in the sense dL = 2 Re⟨λ|dψ⟩ (per
// sample), so a readout e = ⟨ψ|P|ψ⟩ with de = 2 Re⟨Pψ|dψ⟩ and output
// adjoint g = dL/de adds g·Pψ, and a gate ψ' = U(θ)ψ gives
// dL/dθ = 2 Re⟨λ'|∂U/∂θ|ψ⟩ and λ = U†λ'.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_LIB_ADJOINTKERNELS_H
#define QRUC_RUNTIME_LIB_ADJOINTKERNELS_H

#include "qruc/Runtime/AlignedBuffer.h"
#include "qruc/Runtime/Angle.h"
#include "qruc/Runtime/BatchedState.h"
#include "qruc/Runtime/Gates.h"
#include "qruc/Runtime/MatrixBatch.h"
#include "qruc/Runtime/PauliWord.h"

#include <Eigen/Core>

namespace qruc::runtime::detail {

/// Sets every amplitude of every lane to 0 (not a state: the adjoint's
/// starting value).
void zeroAmplitudes(BatchedState &state);

/// Copies all amplitudes; the two states have the same shape.
void copyAmplitudes(BatchedState &dst, const BatchedState &src);

/// The largest |ψ_i − δ_i0| over the real samples: how far a state that
/// should have been uncomputed back to |0…0⟩ is from it.
double zeroStateDeviation(const BatchedState &state);

/// For each real sample b < n with cond[b] == 0, restores its amplitudes
/// from `saved`: what remains is the gate applied only where cond ≠ 0.
void restoreLanes(BatchedState &state, const BatchedState &saved,
                  const double *cond, std::size_t n);

/// λ += g ⊙ Pψ, with g one coefficient per lane (paddedBatch entries,
/// 64-byte aligned, zero in the padding).
void addPauliImage(BatchedState &lambda, const BatchedState &psi,
                   const PauliWord &word, const double *g);

/// For each angle j of the gate with want[j], writes
/// 2 Re⟨λ|∂U/∂θ_j|ψ⟩ for every lane to grads[j·paddedBatch …]; ψ is the
/// state before the gate, λ the adjoint after it. One read-only pass
/// accumulates the local cross terms R[e][f] = Σ ψ_e·conj(λ_f) over the
/// gate's blocks; each angle's gradient is then Re tr(∂U·R) per lane, so
/// a gate with three angles costs one pass, not three. `work` is scratch.
void gateAngleGradients(const BatchedState &psi, const BatchedState &lambda,
                        GateKind kind, const unsigned *wires,
                        const Angle *angles, const bool *want,
                        AlignedBuffer &work, double *grads);

/// The second half of gateAngleGradients: the angle gradients from cross
/// terms already accumulated (`rows`, as reverseDense1 writes them for a
/// Dense1 gate), for lanes < batch of `width`.
void contractAngleGradients(GateKind kind, const Angle *angles,
                            const bool *want, const double *rows,
                            std::size_t batch, std::size_t width,
                            double *grads);

/// For a 2×2 unitary on `wire` whose eight real entries are free operands
/// (a qru.unitary): for each operand j = 2·(2f + e) + part with want[j],
/// writes dL/dRe U[f][e] = 2 Re Σ conj(λ_f)·ψ_e (part 0) or
/// dL/dIm U[f][e] = −2 Im Σ conj(λ_f)·ψ_e (part 1), summed over the blocks,
/// for every lane to grads[j·paddedBatch …]; ψ is the state before the
/// unitary, λ the adjoint after it. The derivative of a matrix entry does
/// not depend on the matrix, so the one cross-term pass of
/// gateAngleGradients gives all eight. `work` is scratch.
void unitaryEntryGradients(const BatchedState &psi, const BatchedState &lambda,
                           unsigned wire, const bool *want,
                           AlignedBuffer &work, double *grads);

/// The second half of unitaryEntryGradients, from accumulated cross terms.
void contractEntryGradients(const bool *want, const double *rows,
                            std::size_t width, double *grads);

/// The reverse sweep's step through a dense one-qubit operator U on
/// `target` in one pass over both states instead of three (uncompute ψ,
/// contract, update λ): ψ ← U†ψ; with `cross` set, the cross terms of the
/// uncomputed ψ and the λ after the operator, R[e][f] = Σ ψ_e·conj(λ_f) in
/// 8 rows of paddedBatch laid out as gateAngleGradients' (e-major pairs,
/// real then imaginary rows; overwritten); then λ ← U†λ. `uDagger` is U†,
/// one matrix for the batch or one per lane. Each amplitude of ψ and λ is
/// read and written once instead of twice each plus a read for the
/// contraction: measured, about 10% faster than the three passes while the
/// two states fit in L2 (the arithmetic then bounds both), 1.5 times once
/// they do not (12 or more qubits at a batch of 50).
void reverseDense1(BatchedState &psi, BatchedState &lambda, unsigned target,
                   const Eigen::Matrix2cd &uDagger, double *cross);
void reverseDense1(BatchedState &psi, BatchedState &lambda, unsigned target,
                   const Matrix2Lanes &uDagger, double *cross);

} // namespace qruc::runtime::detail

#endif // QRUC_RUNTIME_LIB_ADJOINTKERNELS_H
