//===- KernelTest.cpp - Kernel entry points against dense matrices --------===//
//
// This file tests the kernels directly with arbitrary matrices, not only
// those of named gates: the fused 2×2 entry point (shared and per sample),
// controlled 2×2 with one and two controls, dense 4×4, diagonals with
// skipped unit entries, transpositions of any two basis states, and
// permutations of the basis states of up to all wires.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"

#include "qruc/Runtime/Kernels.h"

#include <gtest/gtest.h>
#include <unsupported/Eigen/KroneckerProduct>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

constexpr double kTol = 1e-12;
constexpr unsigned kQubits = 5;
constexpr std::size_t kBatch = 10;

/// A batch of random states and a copy of them as dense vectors.
struct Fixture {
  BatchedState state{kQubits, kBatch};
  std::vector<CVector> before;
  explicit Fixture(std::mt19937_64 &rng) {
    for (std::size_t b = 0; b < kBatch; ++b) {
      before.push_back(randomState(kQubits, rng));
      setSample(state, b, before.back());
    }
  }
};

/// The reference's explicit embedding agrees with Kronecker products where
/// the operands are adjacent, fixing the convention wire q = bit q.
TEST(Reference, EmbeddingMatchesKroneckerProducts) {
  std::mt19937_64 rng(20);
  auto identity = [](unsigned qubits) {
    return CMatrix::Identity(Eigen::Index(1) << qubits,
                             Eigen::Index(1) << qubits);
  };
  for (unsigned q = 0; q < kQubits; ++q) {
    const CMatrix g = randomUnitary(2, rng);
    const CMatrix kron = Eigen::kroneckerProduct(
        identity(kQubits - 1 - q),
        Eigen::kroneckerProduct(g, identity(q)).eval());
    EXPECT_LT((embed(g, {q}, kQubits) - kron).cwiseAbs().maxCoeff(), 1e-15);
  }
  for (unsigned q = 0; q + 1 < kQubits; ++q) {
    const CMatrix g = randomUnitary(4, rng);
    const CMatrix kron = Eigen::kroneckerProduct(
        identity(kQubits - 2 - q),
        Eigen::kroneckerProduct(g, identity(q)).eval());
    EXPECT_LT((embed(g, {q + 1, q}, kQubits) - kron).cwiseAbs().maxCoeff(),
              1e-15);
  }
}

TEST(DenseKernel, SharedArbitraryUnitary) {
  std::mt19937_64 rng(21);
  for (unsigned q = 0; q < kQubits; ++q) {
    Fixture f(rng);
    const Eigen::Matrix2cd u = randomUnitary(2, rng);
    applyDense1(f.state, q, u);
    for (std::size_t b = 0; b < kBatch; ++b)
      EXPECT_LT(maxDiff(sampleOf(f.state, b),
                        embed(u, {q}, kQubits) * f.before[b]),
                kTol);
  }
}

TEST(DenseKernel, PerSampleArbitraryUnitary) {
  std::mt19937_64 rng(22);
  for (unsigned q = 0; q < kQubits; ++q) {
    Fixture f(rng);
    Matrix2Batch u(kBatch);
    std::vector<CMatrix> us;
    for (std::size_t b = 0; b < kBatch; ++b) {
      us.push_back(randomUnitary(2, rng));
      u.set(b, us.back());
    }
    applyDense1(f.state, q, lanes(u));
    for (std::size_t b = 0; b < kBatch; ++b) {
      EXPECT_EQ((u.get(b) - us[b]).cwiseAbs().maxCoeff(), 0.0);
      EXPECT_LT(maxDiff(sampleOf(f.state, b),
                        embed(us[b], {q}, kQubits) * f.before[b]),
                kTol);
    }
  }
}

TEST(DenseKernel, PaddingLanesOfAMatrixBatchAreIdentity) {
  Matrix2Batch u(3);
  ASSERT_EQ(u.paddedBatch(), 8u);
  const Matrix2Lanes l = lanes(u);
  for (std::size_t b = 0; b < 8; ++b) {
    EXPECT_EQ(l.re(0)[b], 1.0);
    EXPECT_EQ(l.re(3)[b], 1.0);
    EXPECT_EQ(l.re(1)[b], 0.0);
    EXPECT_EQ(l.im(0)[b], 0.0);
  }
}

TEST(ControlledDenseKernel, OneAndTwoControlsInEveryOrder) {
  std::mt19937_64 rng(23);
  for (unsigned k = 2; k <= 3; ++k)
    for (const std::vector<unsigned> &w : orderedWireTuples(kQubits, k)) {
      Fixture f(rng);
      const CMatrix u = randomUnitary(2, rng);
      // The textbook controlled matrix: identity except the last 2×2 block.
      CMatrix g = CMatrix::Identity(1 << k, 1 << k);
      g.bottomRightCorner(2, 2) = u;
      const bool perSample = w[0] % 2 == 0;
      if (perSample) {
        Matrix2Batch batch(kBatch);
        for (std::size_t b = 0; b < kBatch; ++b)
          batch.set(b, u);
        applyControlledDense1(f.state, w.data(), k - 1, w[k - 1],
                              lanes(batch));
      } else {
        applyControlledDense1(f.state, w.data(), k - 1, w[k - 1],
                              Eigen::Matrix2cd(u));
      }
      for (std::size_t b = 0; b < kBatch; ++b)
        ASSERT_LT(maxDiff(sampleOf(f.state, b),
                          embed(g, w, kQubits) * f.before[b]),
                  kTol);
    }
}

TEST(Dense2Kernel, SharedAndPerSampleOnEveryOrderedPair) {
  std::mt19937_64 rng(24);
  for (const std::vector<unsigned> &w : orderedWireTuples(kQubits, 2)) {
    Fixture shared(rng), perSample(rng);
    const Eigen::Matrix4cd u = randomUnitary(4, rng);
    applyDense2(shared.state, w[0], w[1], u);
    Matrix4Batch batch(kBatch);
    std::vector<CMatrix> us;
    for (std::size_t b = 0; b < kBatch; ++b) {
      us.push_back(randomUnitary(4, rng));
      batch.set(b, us.back());
    }
    applyDense2(perSample.state, w[0], w[1], lanes(batch));
    for (std::size_t b = 0; b < kBatch; ++b) {
      ASSERT_LT(maxDiff(sampleOf(shared.state, b),
                        embed(u, w, kQubits) * shared.before[b]),
                kTol);
      ASSERT_LT(maxDiff(sampleOf(perSample.state, b),
                        embed(us[b], w, kQubits) * perSample.before[b]),
                kTol);
    }
  }
}

TEST(DiagonalKernel, ArbitraryPhasesWithUnitEntriesSkipped) {
  std::mt19937_64 rng(25);
  std::uniform_real_distribution<double> angle(-M_PI, M_PI);
  for (unsigned k = 1; k <= 3; ++k)
    for (const std::vector<unsigned> &w : orderedWireTuples(kQubits, k)) {
      Fixture shared(rng), perSample(rng);
      std::complex<double> d[8];
      CMatrix g = CMatrix::Zero(1 << k, 1 << k);
      for (unsigned e = 0; e < (1u << k); ++e) {
        // Every other entry exactly 1, which the kernel skips.
        d[e] = e % 2 == 0 ? 1.0 : std::polar(1.0, angle(rng));
        g(e, e) = d[e];
      }
      applyDiagonal(shared.state, w.data(), k, d);
      // Per sample: the same diagonal in every lane, null rows for 1s.
      const std::size_t width = perSample.state.paddedBatch();
      // Kernels require cache-line aligned coefficient rows.
      AlignedBuffer rows(16 * width);
      DiagonalLanes lanesOf;
      for (unsigned e = 0; e < (1u << k); ++e) {
        if (e % 2 == 0)
          continue;
        double *re = rows.data() + 2 * e * width, *im = re + width;
        std::fill(re, re + width, d[e].real());
        std::fill(im, im + width, d[e].imag());
        lanesOf.re[e] = re;
        lanesOf.im[e] = im;
      }
      applyDiagonal(perSample.state, w.data(), k, lanesOf);
      for (std::size_t b = 0; b < kBatch; ++b) {
        ASSERT_LT(maxDiff(sampleOf(shared.state, b),
                          embed(g, w, kQubits) * shared.before[b]),
                  kTol);
        ASSERT_LT(maxDiff(sampleOf(perSample.state, b),
                          embed(g, w, kQubits) * perSample.before[b]),
                  kTol);
      }
    }
}

TEST(TranspositionKernel, AnyPairOfBasisStatesWithBothPhaseKinds) {
  std::mt19937_64 rng(26);
  const std::vector<unsigned> w = {3, 0, 4};
  for (unsigned a = 0; a < 8; ++a)
    for (unsigned c = 0; c < 8; ++c) {
      if (a == c)
        continue;
      for (SwapPhase phase : {SwapPhase::None, SwapPhase::PauliY}) {
        Fixture f(rng);
        CMatrix g = CMatrix::Identity(8, 8);
        g(a, a) = g(c, c) = 0.0;
        const bool y = phase == SwapPhase::PauliY;
        g(a, c) = y ? std::complex<double>(0, -1) : 1.0;
        g(c, a) = y ? std::complex<double>(0, 1) : 1.0;
        applyTransposition(f.state, w.data(), 3, a, c, phase);
        for (std::size_t b = 0; b < kBatch; ++b)
          ASSERT_LT(maxDiff(sampleOf(f.state, b),
                            embed(g, w, kQubits) * f.before[b]),
                    kTol);
      }
    }
}

TEST(PermutationKernel, RandomTablesOnAnyWiresAndTheirInverses) {
  std::mt19937_64 rng(27);
  // Adjacent, scrambled and including the lowest wire (runs of one row)
  // or not (runs of several rows); up to every wire of the register.
  const std::vector<std::vector<unsigned>> wireSets = {
      {2}, {0}, {4, 1}, {1, 2}, {3, 0, 4}, {2, 3, 4}, {1, 4, 0, 3},
      {4, 2, 0, 1, 3}};
  for (const std::vector<unsigned> &w : wireSets)
    for (int trial = 0; trial < 3; ++trial) {
      Fixture f(rng);
      const auto k = unsigned(w.size());
      const std::vector<std::uint32_t> perm =
          randomPermutation(std::size_t(1) << k, rng);
      const BasisPermutation p(w.data(), k, perm.data());
      applyPermutation(f.state, p);
      const CMatrix g = embed(permutationMatrix(perm), w, kQubits);
      for (std::size_t b = 0; b < kBatch; ++b)
        ASSERT_LT(maxDiff(sampleOf(f.state, b), g * f.before[b]), kTol);
      // The inverse restores the amplitudes exactly: only moves.
      applyPermutation(f.state, p, /*inverse=*/true);
      for (std::size_t b = 0; b < kBatch; ++b)
        ASSERT_EQ(maxDiff(sampleOf(f.state, b), f.before[b]), 0.0);
    }
}

TEST(PermutationKernel, CyclesListOffsetsWithTheFirstWireMostSignificant) {
  const unsigned w[] = {1, 3};
  const std::uint32_t identity[] = {0, 1, 2, 3};
  EXPECT_EQ(BasisPermutation(w, 2, identity).numCycles(), 0u);
  const std::uint32_t swap[] = {0, 2, 1, 3};
  const BasisPermutation p(w, 2, swap);
  ASSERT_EQ(p.numCycles(), 1u);
  // |01⟩ → |10⟩ → |01⟩ of (w1, w3), w1 the more significant: wire 3 set
  // (offset 2^3), then wire 1 set (offset 2^1).
  EXPECT_EQ(p.offsets()[0], 8u);
  EXPECT_EQ(p.offsets()[1], 2u);
}

} // namespace
