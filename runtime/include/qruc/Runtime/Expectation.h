//===- Expectation.h - Exact Pauli expectation values -----------*- C++ -*-===//
//
// This file declares the read-only expectation kernel: ⟨ψ|P|ψ⟩ for a Pauli
// word P, for every sample, computed from the amplitudes in one pass without
// modifying the state. Nothing is rotated into the Z basis and back, so a
// readout never perturbs a state that persists across time steps, and the
// state can be read by several readouts (and by other threads) at once.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_EXPECTATION_H
#define QRUC_RUNTIME_EXPECTATION_H

#include "qruc/Runtime/BatchedState.h"
#include "qruc/Runtime/PauliWord.h"

namespace qruc::runtime {

/// Writes ⟨ψ_b|P|ψ_b⟩ to out[b] for the batch() real samples. The words's
/// wires must be below numQubits().
void expectationValues(const BatchedState &state, const PauliWord &word,
                       double *out);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_EXPECTATION_H
