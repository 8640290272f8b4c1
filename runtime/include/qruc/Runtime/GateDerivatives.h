//===- GateDerivatives.h - Derivatives of gate matrices ---------*- C++ -*-===//
//
// This file declares the closed-form derivative of every parameterized
// gate's matrix with respect to each of its angles, ∂U/∂θ_j, which the
// adjoint method contracts with the two states of its reverse sweep:
// dL/dθ_j = 2 Re⟨λ|∂U/∂θ_j|ψ⟩. Only the gate's own 2^k × 2^k block is
// produced; the derivative of the embedded operator is that block on the
// gate's wires and zero elsewhere (U depends on θ only through the block).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_GATEDERIVATIVES_H
#define QRUC_RUNTIME_GATEDERIVATIVES_H

#include "qruc/Runtime/Gates.h"

#include <complex>

namespace qruc::runtime {

/// Writes ∂U/∂θ_j of a gate with angles (numAngles > 0, j < numAngles) at
/// `angles` to d, row-major, 2^k × 2^k entries for a k-qubit gate (4 or 16),
/// with the first operand the most significant bit as in gateMatrix.
void gateDerivative(GateKind kind, const double *angles, unsigned j,
                    std::complex<double> *d);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_GATEDERIVATIVES_H
