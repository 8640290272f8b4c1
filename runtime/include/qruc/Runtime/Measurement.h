//===- Measurement.h - Projective measurement and reset ---------*- C++ -*-===//
//
// This file declares the non-unitary operations on one wire, per sample:
// Born probabilities, projective measurement in the computational basis
// (sample an outcome, project, renormalise) and reset to |0⟩. Each sample
// draws its own outcome from CounterRng keyed by (seed, sample, draw), so a
// fixed seed gives fixed outcomes whether the batch runs whole or in tiles.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_MEASUREMENT_H
#define QRUC_RUNTIME_MEASUREMENT_H

#include "qruc/Runtime/BatchedState.h"
#include "qruc/Runtime/CounterRng.h"

#include <cstdint>

namespace qruc::runtime {

/// Where a measurement's random numbers come from. `draw` must differ
/// between the measurements of one run (e.g. step · measurementsPerStep +
/// k); `firstSample` is the global index of the state's sample 0, so that a
/// tile starting at sample 32 draws what the whole batch would for 32….
struct MeasurementDraw {
  const CounterRng &rng;
  std::uint64_t draw;
  std::size_t firstSample = 0;
};

/// Writes the probability of reading 1 on `wire`, Σ_{i: bit set} |ψ_i|²,
/// to out[b] for each real sample. Read-only.
void probabilitiesOfOne(const BatchedState &state, unsigned wire, double *out);

/// Measures `wire` in every sample: outcome 1 with probability p1 (as
/// returned by probabilitiesOfOne, relative to the sample's norm), then
/// projects onto the outcome and renormalises. Writes the outcomes (0 or 1)
/// to outcomes[b] for each real sample.
void measure(BatchedState &state, unsigned wire, const MeasurementDraw &draw,
             std::uint8_t *outcomes);

/// Resets `wire` to |0⟩ in every sample: a measurement followed by a flip
/// when the outcome is 1, fused into one pass. The state of the other wires
/// is the post-measurement one, so reset needs random numbers too. Writes
/// the outcomes when `outcomes` is not null.
void reset(BatchedState &state, unsigned wire, const MeasurementDraw &draw,
           std::uint8_t *outcomes = nullptr);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_MEASUREMENT_H
