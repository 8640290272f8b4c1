//===- GateAdjointTest.cpp - Gate adjoints and angle derivatives ----------===//
//
// This file tests the two gate-level pieces of the adjoint method against
// the independent textbook matrices of DenseReference.h: applyGateAdjoint
// applies U(θ)† (shared and per-sample angles, every gate, every ordered
// wire tuple on 4 qubits), and gateDerivative is ∂U/∂θ_j (against fourth-
// order central differences of the textbook matrix).
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"

#include "qruc/Runtime/GateDerivatives.h"
#include "qruc/Runtime/Gates.h"

#include <gtest/gtest.h>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

std::vector<GateKind> allGates(unsigned minAngles) {
  std::vector<GateKind> kinds;
  for (unsigned k = 0; k < kNumGateKinds; ++k)
    if (gateInfo(static_cast<GateKind>(k)).numAngles >= minAngles)
      kinds.push_back(static_cast<GateKind>(k));
  return kinds;
}

std::string gateName(const ::testing::TestParamInfo<GateKind> &info) {
  return gateInfo(info.param).name;
}

class GateAdjointTest : public ::testing::TestWithParam<GateKind> {};

TEST_P(GateAdjointTest, AppliesTheConjugateTransposeAndUndoesTheGate) {
  const GateKind kind = GetParam();
  const GateInfo &info = gateInfo(kind);
  const unsigned n = 4;
  const std::size_t batch = 11;
  std::mt19937_64 rng(100 + unsigned(kind));
  std::uniform_real_distribution<double> angle(-2 * M_PI, 2 * M_PI);
  for (const std::vector<unsigned> &wires :
       orderedWireTuples(n, info.numQubits)) {
    for (bool perSample : {false, true}) {
      if (perSample && info.numAngles == 0)
        continue;
      std::vector<std::vector<double>> values(info.numAngles);
      std::vector<Angle> angles;
      for (unsigned j = 0; j < info.numAngles; ++j) {
        if (perSample) {
          for (std::size_t b = 0; b < batch; ++b)
            values[j].push_back(angle(rng));
          angles.push_back(Angle::perSample(values[j].data()));
        } else {
          values[j].assign(batch, angle(rng));
          angles.push_back(Angle::shared(values[j][0]));
        }
      }
      BatchedState state(n, batch), roundTrip(n, batch);
      std::vector<CVector> before;
      for (std::size_t b = 0; b < batch; ++b) {
        before.push_back(randomState(n, rng));
        setSample(state, b, before.back());
        setSample(roundTrip, b, before.back());
      }
      applyGateAdjoint(state, kind, wires.data(), angles.data());
      applyGate(roundTrip, kind, wires.data(), angles.data());
      applyGateAdjoint(roundTrip, kind, wires.data(), angles.data());
      for (std::size_t b = 0; b < batch; ++b) {
        std::vector<double> a;
        for (unsigned j = 0; j < info.numAngles; ++j)
          a.push_back(values[j][b]);
        const CVector expected =
            embed(textbookMatrix(kind, a), wires, n).adjoint() * before[b];
        ASSERT_LT(maxDiff(sampleOf(state, b), expected), 1e-12)
            << "sample " << b << (perSample ? ", per sample" : ", shared");
        ASSERT_LT(maxDiff(sampleOf(roundTrip, b), before[b]), 1e-12)
            << "sample " << b;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Runtime, GateAdjointTest,
                         ::testing::ValuesIn(allGates(0)), gateName);

class GateDerivativeTest : public ::testing::TestWithParam<GateKind> {};

TEST_P(GateDerivativeTest, MatchesFiniteDifferencesOfTheTextbookMatrix) {
  const GateKind kind = GetParam();
  const GateInfo &info = gateInfo(kind);
  std::mt19937_64 rng(200 + unsigned(kind));
  std::uniform_real_distribution<double> angle(-2 * M_PI, 2 * M_PI);
  const double h = 1e-3;
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<double> a(info.numAngles);
    for (double &x : a)
      x = angle(rng);
    for (unsigned j = 0; j < info.numAngles; ++j) {
      auto at = [&](double delta) {
        std::vector<double> shifted = a;
        shifted[j] += delta;
        return textbookMatrix(kind, shifted);
      };
      const CMatrix numeric =
          (8.0 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12.0 * h);
      std::complex<double> d[16];
      gateDerivative(kind, a.data(), j, d);
      const Eigen::Index dim = numeric.rows();
      for (Eigen::Index r = 0; r < dim; ++r)
        for (Eigen::Index c = 0; c < dim; ++c)
          EXPECT_LT(std::abs(d[r * dim + c] - numeric(r, c)), 1e-10)
              << "angle " << j << ", entry (" << r << ", " << c << ")";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Runtime, GateDerivativeTest,
                         ::testing::ValuesIn(allGates(1)), gateName);

} // namespace
