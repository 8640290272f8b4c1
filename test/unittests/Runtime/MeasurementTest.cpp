//===- MeasurementTest.cpp - Measurement and reset ------------------------===//
//
// This file tests measurement and reset: outcome statistics against the
// Born probabilities with chi-square tests at a fixed seed (critical values
// for p = 0.001), the post-measurement state against the dense projection,
// reset leaving |0⟩ on its wire, and determinism for a fixed seed.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"
#include "RandomCircuit.h"

#include "qruc/Runtime/Measurement.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

constexpr double kTol = 1e-12;

/// Upper 0.1% points of the chi-square distribution.
constexpr double kChiSquare999Dof1 = 10.828;
constexpr double kChiSquare999Dof7 = 24.322;

/// P_o ψ / ‖P_o ψ‖ for outcome o on `wire`.
CVector project(const CVector &psi, unsigned wire, int outcome) {
  CVector out = psi;
  for (Eigen::Index i = 0; i < psi.size(); ++i)
    if (int((i >> wire) & 1) != outcome)
      out[i] = 0.0;
  return out.normalized();
}

TEST(Measurement, JointOutcomesFollowBornRuleChiSquare) {
  // A three-qubit state with every probability comfortably above zero and
  // arbitrary phases; each of N samples holds it and all three wires are
  // measured one after the other, so the triple of outcomes must follow
  // |ψ_i|² (7 degrees of freedom).
  const double p[8] = {0.05, 0.10, 0.15, 0.20, 0.10, 0.25, 0.10, 0.05};
  std::mt19937_64 rng(51);
  std::uniform_real_distribution<double> phase(-M_PI, M_PI);
  CVector psi(8);
  for (int i = 0; i < 8; ++i)
    psi[i] = std::polar(std::sqrt(p[i]), phase(rng));
  const std::size_t n = 20000;
  BatchedState state(3, n);
  for (std::size_t b = 0; b < n; ++b)
    setSample(state, b, psi);
  const CounterRng gen(2024);
  std::vector<std::uint8_t> o0(n), o1(n), o2(n);
  measure(state, 1, {gen, 0}, o1.data());
  measure(state, 0, {gen, 1}, o0.data());
  measure(state, 2, {gen, 2}, o2.data());
  double counts[8] = {};
  for (std::size_t b = 0; b < n; ++b)
    counts[o0[b] | o1[b] << 1 | o2[b] << 2] += 1;
  double chi2 = 0;
  for (int i = 0; i < 8; ++i) {
    const double expected = n * p[i];
    chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
  }
  EXPECT_LT(chi2, kChiSquare999Dof7);
  // After all three measurements every sample is the basis state read.
  for (std::size_t b = 0; b < n; b += 997) {
    const std::size_t i = o0[b] | o1[b] << 1 | o2[b] << 2;
    EXPECT_NEAR(std::abs(state.amplitude(i, b)), 1.0, kTol);
  }
}

TEST(Measurement, PerSampleProbabilitiesChiSquare) {
  // Every sample a different random state: the number of 1s is a sum of
  // Bernoulli(p_b); its standardised square is chi-square with 1 dof.
  std::mt19937_64 rng(52);
  const std::size_t n = 5000;
  const unsigned wire = 2;
  BatchedState state(4, n);
  for (std::size_t b = 0; b < n; ++b)
    setSample(state, b, randomState(4, rng));
  std::vector<double> p1(n);
  probabilitiesOfOne(state, wire, p1.data());
  std::vector<std::uint8_t> outcomes(n);
  measure(state, wire, {CounterRng(7), 0}, outcomes.data());
  double ones = 0, mean = 0, var = 0;
  for (std::size_t b = 0; b < n; ++b) {
    ones += outcomes[b];
    mean += p1[b];
    var += p1[b] * (1 - p1[b]);
  }
  EXPECT_LT((ones - mean) * (ones - mean) / var, kChiSquare999Dof1);
}

TEST(Measurement, ProbabilitiesOfOneMatchDense) {
  std::mt19937_64 rng(53);
  std::vector<CVector> psi;
  BatchedState state(5, 70);
  for (std::size_t b = 0; b < 70; ++b) {
    psi.push_back(randomState(5, rng));
    setSample(state, b, psi.back());
  }
  for (unsigned wire = 0; wire < 5; ++wire) {
    std::vector<double> p1(70);
    probabilitiesOfOne(state, wire, p1.data());
    for (std::size_t b = 0; b < 70; ++b) {
      double expected = 0;
      for (Eigen::Index i = 0; i < psi[b].size(); ++i)
        if ((i >> wire) & 1)
          expected += std::norm(psi[b][i]);
      ASSERT_NEAR(p1[b], expected, kTol);
    }
  }
}

TEST(Measurement, CollapsesToTheNormalisedProjection) {
  std::mt19937_64 rng(54);
  const std::size_t n = 40;
  for (unsigned wire = 0; wire < 4; ++wire) {
    BatchedState state(4, n);
    std::vector<CVector> psi;
    for (std::size_t b = 0; b < n; ++b) {
      psi.push_back(randomState(4, rng));
      setSample(state, b, psi.back());
    }
    std::vector<std::uint8_t> outcomes(n);
    measure(state, wire, {CounterRng(wire), 5}, outcomes.data());
    int seen[2] = {};
    for (std::size_t b = 0; b < n; ++b) {
      ++seen[outcomes[b]];
      ASSERT_LT(maxDiff(sampleOf(state, b), project(psi[b], wire, outcomes[b])),
                kTol);
    }
    EXPECT_GT(seen[0], 0);
    EXPECT_GT(seen[1], 0);
  }
}

TEST(Measurement, CertainOutcomesAreAlwaysDrawn) {
  BatchedState state(2, 64);
  std::vector<std::uint8_t> outcomes(64);
  measure(state, 0, {CounterRng(3), 0}, outcomes.data());
  for (std::uint8_t o : outcomes)
    EXPECT_EQ(o, 0);
  applyGate(state, GateKind::X, {1});
  measure(state, 1, {CounterRng(3), 1}, outcomes.data());
  for (std::uint8_t o : outcomes)
    EXPECT_EQ(o, 1);
  for (std::size_t b = 0; b < 64; ++b)
    EXPECT_EQ(state.amplitude(0b10, b), std::complex<double>(1.0, 0.0));
}

TEST(Reset, LeavesZeroOnTheWireAndTheProjectedRest) {
  std::mt19937_64 rng(55);
  const std::size_t n = 50;
  for (unsigned wire = 0; wire < 4; ++wire) {
    BatchedState state(4, n);
    std::vector<CVector> psi;
    for (std::size_t b = 0; b < n; ++b) {
      psi.push_back(randomState(4, rng));
      setSample(state, b, psi.back());
    }
    std::vector<std::uint8_t> outcomes(n);
    reset(state, wire, {CounterRng(99), wire}, outcomes.data());
    std::vector<double> p1(n);
    probabilitiesOfOne(state, wire, p1.data());
    for (std::size_t b = 0; b < n; ++b) {
      EXPECT_EQ(p1[b], 0.0);
      for (std::size_t i = 0; i < 16; ++i)
        if ((i >> wire) & 1) {
          ASSERT_EQ(state.amplitude(i, b), std::complex<double>(0.0, 0.0));
        }
      // The projection onto the outcome, with the wire then flipped to 0.
      CVector expected = project(psi[b], wire, outcomes[b]);
      if (outcomes[b]) {
        CVector flipped = CVector::Zero(16);
        for (Eigen::Index i = 0; i < 16; ++i)
          flipped[i ^ (Eigen::Index(1) << wire)] = expected[i];
        expected = flipped;
      }
      ASSERT_LT(maxDiff(sampleOf(state, b), expected), kTol);
      EXPECT_NEAR(sampleOf(state, b).norm(), 1.0, kTol);
    }
  }
}

TEST(Reset, OutcomesFollowBornRuleChiSquare) {
  // RY(θ) on a fresh wire gives p1 = sin²(θ/2) = 0.3.
  const std::size_t n = 10000;
  const double theta = 2 * std::asin(std::sqrt(0.3));
  BatchedState state(2, n);
  applyGate(state, GateKind::RY, {1}, {theta});
  applyGate(state, GateKind::CX, {1, 0});
  std::vector<std::uint8_t> outcomes(n);
  reset(state, 1, {CounterRng(11), 0}, outcomes.data());
  double ones = 0;
  for (std::uint8_t o : outcomes)
    ones += o;
  const double e1 = 0.3 * n, e0 = 0.7 * n;
  const double chi2 = (ones - e1) * (ones - e1) / e1 +
                      (n - ones - e0) * (n - ones - e0) / e0;
  EXPECT_LT(chi2, kChiSquare999Dof1);
  // Wire 0 still holds the outcome (it was entangled), wire 1 is |0⟩.
  for (std::size_t b = 0; b < n; b += 101)
    EXPECT_NEAR(std::abs(state.amplitude(outcomes[b], b)), 1.0, kTol);
}

TEST(Measurement, SameSeedSameOutcomesDifferentSeedDifferentOutcomes) {
  std::mt19937_64 rng(56);
  const RandomCircuit circuit = makeRandomCircuit(5, 37, 200, 0.1, rng);
  auto run = [&](std::uint64_t seed, std::vector<std::uint8_t> &outcomes) {
    BatchedState state(5, 37);
    runCircuit(circuit, state, 0, CounterRng(seed), outcomes);
    return state;
  };
  std::vector<std::uint8_t> a, b, c;
  const BatchedState sa = run(123, a), sb = run(123, b), sc = run(124, c);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  const std::size_t bytes = 2 * sa.dimension() * sa.paddedBatch() * 8;
  EXPECT_EQ(std::memcmp(sa.re(), sb.re(), bytes), 0);
}

} // namespace
