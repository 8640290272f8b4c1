//===- GateTest.cpp - Every gate against its dense matrix -----------------===//
//
// This file tests applyGate for every gate of the qru dialect against the
// textbook matrix embedded in the full operator, on 4- and 5-qubit
// registers, for every ordered choice of operand wires (so controls and
// targets appear in every order and position), with shared, per-sample and
// mixed angles, and a batch that is not a multiple of the padding.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"

#include "qruc/Runtime/GateMatrices.h"
#include "qruc/Runtime/Gates.h"

#include <gtest/gtest.h>

#include <string>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace qruc::runtime {
/// Names parameterised tests by the gate's mnemonic instead of its bytes.
void PrintTo(GateKind kind, std::ostream *os) { *os << gateInfo(kind).name; }
} // namespace qruc::runtime

namespace {

constexpr double kTol = 1e-12;

/// The gates with at least `minAngles` angles.
std::vector<GateKind> gatesWithAngles(unsigned minAngles) {
  std::vector<GateKind> kinds;
  for (unsigned k = 0; k < kNumGateKinds; ++k)
    if (gateInfo(static_cast<GateKind>(k)).numAngles >= minAngles)
      kinds.push_back(static_cast<GateKind>(k));
  return kinds;
}

/// How the angles of one application are supplied.
enum class AngleMode { Shared, PerSample, Mixed };

class GateTest : public ::testing::TestWithParam<GateKind> {};
/// Gates with angles, which also take them per sample.
class AngleGateTest : public ::testing::TestWithParam<GateKind> {};
/// Gates with several angles, which can mix shared and per-sample ones.
class MultiAngleGateTest : public ::testing::TestWithParam<GateKind> {};

/// Applies `kind` on every ordered wire tuple of an n-qubit register to
/// `batch` random states and compares each sample with the reference.
void checkGate(GateKind kind, unsigned n, std::size_t batch, AngleMode mode,
               std::uint64_t seed) {
  const GateInfo &info = gateInfo(kind);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> angle(-2 * M_PI, 2 * M_PI);
  for (const std::vector<unsigned> &wires :
       orderedWireTuples(n, info.numQubits)) {
    // angleValues[j][b]: angle j of sample b.
    std::vector<std::vector<double>> angleValues(info.numAngles);
    std::vector<Angle> angles;
    for (unsigned j = 0; j < info.numAngles; ++j) {
      const bool perSample = mode == AngleMode::PerSample ||
                             (mode == AngleMode::Mixed && j % 2 == 0);
      if (perSample) {
        for (std::size_t b = 0; b < batch; ++b)
          angleValues[j].push_back(angle(rng));
        angles.push_back(Angle::perSample(angleValues[j].data()));
      } else {
        angleValues[j].assign(batch, angle(rng));
        angles.push_back(Angle::shared(angleValues[j][0]));
      }
    }
    BatchedState state(n, batch);
    std::vector<CVector> before;
    for (std::size_t b = 0; b < batch; ++b) {
      before.push_back(randomState(n, rng));
      setSample(state, b, before.back());
    }
    applyGate(state, kind, wires.data(), angles.data());
    for (std::size_t b = 0; b < batch; ++b) {
      std::vector<double> a;
      for (unsigned j = 0; j < info.numAngles; ++j)
        a.push_back(angleValues[j][b]);
      const CVector expected = embed(textbookMatrix(kind, a), wires, n) *
                               before[b];
      std::string where = std::string(info.name) + " on";
      for (unsigned w : wires)
        where += " " + std::to_string(w);
      ASSERT_LT(maxDiff(sampleOf(state, b), expected), kTol)
          << where << ", n = " << n << ", sample " << b;
    }
  }
}

TEST_P(GateTest, SharedAnglesMatchDenseMatrixOnFiveQubits) {
  checkGate(GetParam(), 5, 3, AngleMode::Shared, 11);
}

TEST_P(GateTest, SharedAnglesMatchDenseMatrixOnFourQubits) {
  checkGate(GetParam(), 4, 9, AngleMode::Shared, 12);
}

TEST_P(AngleGateTest, PerSampleAnglesMatchDenseMatrix) {
  checkGate(GetParam(), 5, 11, AngleMode::PerSample, 13);
}

TEST_P(MultiAngleGateTest, MixedAnglesMatchDenseMatrix) {
  checkGate(GetParam(), 4, 5, AngleMode::Mixed, 14);
}

/// The runtime's closed-form matrices (what fusion will multiply) agree
/// with the textbook ones.
TEST_P(GateTest, ClosedFormMatrixMatchesTextbook) {
  const GateKind kind = GetParam();
  std::mt19937_64 rng(15);
  std::uniform_real_distribution<double> angle(-2 * M_PI, 2 * M_PI);
  std::vector<double> a;
  for (unsigned j = 0; j < gateInfo(kind).numAngles; ++j)
    a.push_back(angle(rng));
  const Eigen::MatrixXcd m = gateMatrix(kind, a.data());
  EXPECT_LT((m - textbookMatrix(kind, a)).cwiseAbs().maxCoeff(), kTol);
}

std::string gateName(const ::testing::TestParamInfo<GateKind> &info) {
  return gateInfo(info.param).name;
}

INSTANTIATE_TEST_SUITE_P(AllGates, GateTest,
                         ::testing::ValuesIn(gatesWithAngles(0)), gateName);
INSTANTIATE_TEST_SUITE_P(GatesWithAngles, AngleGateTest,
                         ::testing::ValuesIn(gatesWithAngles(1)), gateName);
INSTANTIATE_TEST_SUITE_P(GatesWithSeveralAngles, MultiAngleGateTest,
                         ::testing::ValuesIn(gatesWithAngles(2)), gateName);

/// The shapes of the dialect's gates (QRUOps.td), and name lookup.
TEST(GateTable, ShapesAndNamesMatchTheDialect) {
  struct Expect {
    const char *name;
    unsigned qubits, angles;
  };
  const Expect table[] = {
      {"x", 1, 0},    {"y", 1, 0},    {"z", 1, 0},     {"h", 1, 0},
      {"s", 1, 0},    {"sdg", 1, 0},  {"t", 1, 0},     {"tdg", 1, 0},
      {"sx", 1, 0},   {"rx", 1, 1},   {"ry", 1, 1},    {"rz", 1, 1},
      {"p", 1, 1},    {"u2", 1, 2},   {"u3", 1, 3},    {"rot", 1, 3},
      {"cx", 2, 0},   {"cy", 2, 0},   {"cz", 2, 0},    {"ch", 2, 0},
      {"swap", 2, 0}, {"crx", 2, 1},  {"cry", 2, 1},   {"crz", 2, 1},
      {"cp", 2, 1},   {"rxx", 2, 1},  {"ryy", 2, 1},   {"rzz", 2, 1},
      {"ccx", 3, 0},  {"cswap", 3, 0},
  };
  ASSERT_EQ(std::size(table), kNumGateKinds);
  for (const Expect &e : table) {
    const std::optional<GateKind> kind = gateKindFromName(e.name);
    ASSERT_TRUE(kind.has_value()) << e.name;
    EXPECT_STREQ(gateInfo(*kind).name, e.name);
    EXPECT_EQ(gateInfo(*kind).numQubits, e.qubits) << e.name;
    EXPECT_EQ(gateInfo(*kind).numAngles, e.angles) << e.name;
  }
  EXPECT_FALSE(gateKindFromName("u").has_value());
  EXPECT_FALSE(gateKindFromName("").has_value());
}

/// The conventions of qru.md, spelled out on basis states.
TEST(GateConventions, RotAppliesRZPhiFirstAndU2MatchesQruMd) {
  const double phi = 0.3, theta = 1.1, omega = -0.7;
  const double rot[3] = {phi, theta, omega};
  const Eigen::Matrix2cd expected =
      (textbookMatrix(GateKind::RZ, {omega}) *
       textbookMatrix(GateKind::RY, {theta}) *
       textbookMatrix(GateKind::RZ, {phi}));
  EXPECT_LT((oneQubitMatrix(GateKind::Rot, rot) - expected).cwiseAbs().maxCoeff(),
            kTol);
  const double u2[2] = {0.4, -1.3};
  const std::complex<double> i(0.0, 1.0);
  Eigen::Matrix2cd u;
  u << 1.0, -std::exp(i * u2[1]), std::exp(i * u2[0]),
      std::exp(i * (u2[0] + u2[1]));
  u /= std::sqrt(2.0);
  EXPECT_LT((oneQubitMatrix(GateKind::U2, u2) - u).cwiseAbs().maxCoeff(), kTol);
}

/// cx with control on the higher wire: |c=1, t=0⟩ = index 2^c goes to
/// 2^c + 2^t, confirming "controls come first" and wire q ↔ bit q.
TEST(GateConventions, ControlsComeFirstAndWireIsBit) {
  BatchedState state(3, 1);
  applyGate(state, GateKind::X, {2});
  applyGate(state, GateKind::CX, {2, 0});
  EXPECT_EQ(state.amplitude(0b101, 0), std::complex<double>(1.0, 0.0));
  applyGate(state, GateKind::CSwap, {0, 2, 1});
  EXPECT_EQ(state.amplitude(0b011, 0), std::complex<double>(1.0, 0.0));
}

} // namespace
