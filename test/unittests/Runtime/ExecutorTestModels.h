//===- ExecutorTestModels.h - Step programs the executor tests share -*- C++ -*-===//
//
// This file declares the hand-written models several executor tests run.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TEST_UNITTESTS_RUNTIME_EXECUTORTESTMODELS_H
#define QRUC_TEST_UNITTESTS_RUNTIME_EXECUTORTESTMODELS_H

#include "qruc/Runtime/StepProgram.h"

namespace qruc::runtime::test {

/// A three-qubit QRU-like step: inputs and the fed-forward memory encoded
/// with w·x + b and w·asin(m) + b, then every parameterized gate twice
/// (shared angles from parameters, per-sample angles from inputs and a
/// readout) interleaved with every fixed gate and readouts of one-, two-
/// and three-qubit Pauli words; the memory is fed ⟨Z⟩, ⟨X⟩ of qubit 1.
StepProgram everyGateModel(bool persistent);

/// A three-qubit step whose gates are conditioned on a per-sample input
/// `flag` (0 or 1), on a memory holding the previous step's flag, and on
/// shared constants 1 and 0 (parameter 5 steers the gate that never runs).
StepProgram conditionalModel(bool persistent);

/// A four-qubit step in the form the simulator pipeline produces: unitaries
/// whose entries are u3(θ, φ, λ) computed by classical instructions — all
/// shared (from parameters), all batched (from the input) and mixed — and
/// permutations of two, three and four wires in scrambled wire orders,
/// between gates and readouts. Input "x" has 2 elements; input "flag"
/// conditions a unitary and a permutation per sample, and shared constants
/// 1 and 0 condition one each. The memory is fed ⟨Z_1⟩, ⟨X_2⟩.
StepProgram fusedModel(bool persistent);

/// The hybrid QRNN (Xu) on n persistent qubits: readouts ⟨Z_i⟩, ⟨X_i⟩ of
/// the carried state and the input feed an MLP controller
/// θ = W2·gelu(W1·[x; z] + b1) + b2 with `hidden` units that sets every
/// angle of an RY layer, CNOT ring, RZ layer, CRX ring and one Rot; heads:
/// ⟨Z_0⟩ after the gates at every step, logits = Wo·z' + bo at the end.
StepProgram hybridQrnn(unsigned n, std::uint32_t inputs, std::uint32_t hidden);

} // namespace qruc::runtime::test

#endif // QRUC_TEST_UNITTESTS_RUNTIME_EXECUTORTESTMODELS_H
