//===- RandomCircuit.h - Random circuits for engine-level tests -*- C++ -*-===//
//
// This file declares a random circuit over the whole gate set, with angles
// shared or per sample and optional mid-circuit measurements and resets,
// and a runner that applies it to a batched state holding any contiguous
// range of the circuit's samples (a whole batch, one sample, or a tile).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TEST_UNITTESTS_RUNTIME_RANDOMCIRCUIT_H
#define QRUC_TEST_UNITTESTS_RUNTIME_RANDOMCIRCUIT_H

#include "qruc/Runtime/BatchedState.h"
#include "qruc/Runtime/CounterRng.h"
#include "qruc/Runtime/Gates.h"

#include <cstdint>
#include <random>
#include <vector>

namespace qruc::runtime::test {

struct CircuitOp {
  enum class Type { Gate, Measure, Reset } type = Type::Gate;
  GateKind kind = GateKind::X;
  std::vector<unsigned> wires;
  /// One entry per angle: `batch` values when the angle is per sample, a
  /// single value when it is shared.
  std::vector<std::vector<double>> angles;
};

struct RandomCircuit {
  unsigned numQubits = 0;
  std::size_t batch = 0;
  std::vector<CircuitOp> ops;
};

/// `numOps` random operations; a fraction `measureRate` of them are
/// measurements or resets.
RandomCircuit makeRandomCircuit(unsigned numQubits, std::size_t batch,
                                unsigned numOps, double measureRate,
                                std::mt19937_64 &rng);

/// Applies the circuit to `state`, whose sample b is the circuit's sample
/// firstSample + b. With `asShared`, each angle is passed as a shared value
/// (the state must then hold a single sample), exercising the shared-angle
/// kernels. Measurement outcomes are appended to `outcomes`, sample-major
/// within each operation.
void runCircuit(const RandomCircuit &circuit, BatchedState &state,
                std::size_t firstSample, const CounterRng &rng,
                std::vector<std::uint8_t> &outcomes, bool asShared = false);

} // namespace qruc::runtime::test

#endif // QRUC_TEST_UNITTESTS_RUNTIME_RANDOMCIRCUIT_H
