//===- BatchEquivalenceTest.cpp - Batched run equals per-sample runs ------===//
//
// This file tests that the batched engine computes, for every sample, what a
// run of that sample alone computes: a random circuit over the whole gate
// set with per-sample angles, run once on the batch and once per sample on
// a one-sample state with the sample's angles passed as shared values (so
// the two runs go through different kernels), agrees to 1e-12 in every
// amplitude and readout.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"
#include "RandomCircuit.h"

#include "qruc/Runtime/Expectation.h"

#include <gtest/gtest.h>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

constexpr double kTol = 1e-12;

TEST(BatchEquivalence, RandomCircuitWithPerSampleAngles) {
  std::mt19937_64 rng(41);
  const unsigned n = 5;
  const std::size_t batch = 21;
  const RandomCircuit circuit = makeRandomCircuit(n, batch, 300, 0.0, rng);
  const CounterRng measurementRng(1);
  std::vector<std::uint8_t> outcomes;

  BatchedState batched(n, batch);
  std::vector<CVector> initial;
  for (std::size_t b = 0; b < batch; ++b) {
    initial.push_back(randomState(n, rng));
    setSample(batched, b, initial.back());
  }
  runCircuit(circuit, batched, 0, measurementRng, outcomes);
  const PauliWord words[] = {PauliWord({{0, Pauli::Z}}),
                             PauliWord({{3, Pauli::X}}),
                             PauliWord({{1, Pauli::Y}, {4, Pauli::Z}})};
  std::vector<std::vector<double>> readouts;
  for (const PauliWord &w : words) {
    readouts.emplace_back(batch);
    expectationValues(batched, w, readouts.back().data());
  }

  for (std::size_t b = 0; b < batch; ++b) {
    BatchedState single(n, 1);
    setSample(single, 0, initial[b]);
    runCircuit(circuit, single, b, measurementRng, outcomes,
               /*asShared=*/true);
    ASSERT_LT(maxDiff(sampleOf(batched, b), sampleOf(single, 0)), kTol)
        << "sample " << b;
    for (std::size_t w = 0; w < std::size(words); ++w) {
      double value;
      expectationValues(single, words[w], &value);
      EXPECT_NEAR(readouts[w][b], value, kTol) << "sample " << b;
    }
  }
}

/// The whole random circuit on one sample against the product of the
/// reference's full operators.
TEST(BatchEquivalence, RandomCircuitMatchesDenseProduct) {
  std::mt19937_64 rng(42);
  const unsigned n = 4;
  const std::size_t batch = 3;
  const RandomCircuit circuit = makeRandomCircuit(n, batch, 120, 0.0, rng);
  BatchedState state(n, batch);
  std::vector<CVector> psi;
  for (std::size_t b = 0; b < batch; ++b) {
    psi.push_back(randomState(n, rng));
    setSample(state, b, psi.back());
  }
  std::vector<std::uint8_t> outcomes;
  runCircuit(circuit, state, 0, CounterRng(2), outcomes);
  for (const CircuitOp &op : circuit.ops)
    for (std::size_t b = 0; b < batch; ++b) {
      std::vector<double> a;
      for (const std::vector<double> &v : op.angles)
        a.push_back(v.size() == 1 ? v[0] : v[b]);
      psi[b] = embed(textbookMatrix(op.kind, a), op.wires, n) * psi[b];
    }
  for (std::size_t b = 0; b < batch; ++b)
    EXPECT_LT(maxDiff(sampleOf(state, b), psi[b]), 1e-11);
}

} // namespace
