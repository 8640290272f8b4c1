//===- BatchedStateTest.cpp - Layout and initial state --------------------===//
//
// This file tests the batched layout: |0…0⟩ in every sample, rows padded to
// a multiple of eight and aligned to 64 bytes, element access, and that
// Eigen objects cross between the runtime (built for x86-64-v3) and this
// test (built for the baseline) safely.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"

#include "qruc/Runtime/GateMatrices.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

TEST(BatchedState, StartsInZeroStateWithPaddedAlignedRows) {
  BatchedState state(4, 13);
  EXPECT_EQ(state.numQubits(), 4u);
  EXPECT_EQ(state.dimension(), 16u);
  EXPECT_EQ(state.batch(), 13u);
  EXPECT_EQ(state.paddedBatch(), 16u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(state.re()) % 64, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(state.im()) % 64, 0u);
  for (std::size_t b = 0; b < state.paddedBatch(); ++b)
    for (std::size_t i = 0; i < state.dimension(); ++i)
      EXPECT_EQ(state.amplitude(i, b),
                std::complex<double>(i == 0 ? 1.0 : 0.0, 0.0));
  // Batch innermost: amplitude i of sample b is at re[i·padded + b].
  state.setAmplitude(3, 5, {0.25, -0.5});
  EXPECT_EQ(state.re()[3 * 16 + 5], 0.25);
  EXPECT_EQ(state.im()[3 * 16 + 5], -0.5);
  state.setZeroState();
  EXPECT_EQ(state.amplitude(3, 5), std::complex<double>(0.0, 0.0));
  EXPECT_EQ(state.amplitude(0, 5), std::complex<double>(1.0, 0.0));
}

TEST(BatchedState, PaddingAndSampleRoundTrip) {
  EXPECT_EQ(paddedBatchSize(1), 8u);
  EXPECT_EQ(paddedBatchSize(8), 8u);
  EXPECT_EQ(paddedBatchSize(9), 16u);
  std::mt19937_64 rng(71);
  BatchedState state(3, 2);
  const CVector psi = randomState(3, rng);
  std::vector<std::complex<double>> v(psi.data(), psi.data() + psi.size());
  state.setSample(1, v.data());
  EXPECT_EQ(state.sample(1), v);
  EXPECT_EQ(state.amplitude(0, 0), std::complex<double>(1.0, 0.0));
}

TEST(BatchedState, RejectsBadSizes) {
  EXPECT_THROW(BatchedState(0, 4), std::invalid_argument);
  EXPECT_THROW(BatchedState(kMaxQubits + 1, 4), std::invalid_argument);
  EXPECT_THROW(BatchedState(3, 0), std::invalid_argument);
}

TEST(BatchedState, EigenObjectsCrossTheLibraryBoundary) {
  // gateMatrix allocates its result inside the runtime; this file frees it.
  // Fixed-size matrices built here are read there. With mismatched Eigen
  // alignment settings this would corrupt the heap or fault.
  const double a[3] = {0.1, 0.2, 0.3};
  for (int round = 0; round < 100; ++round) {
    Eigen::MatrixXcd m = gateMatrix(GateKind::CSwap, a);
    EXPECT_EQ(m.rows(), 8);
    Eigen::Matrix4cd r = twoQubitMatrix(GateKind::RXX, a);
    EXPECT_NEAR((r * r.adjoint() - Eigen::Matrix4cd::Identity())
                    .cwiseAbs()
                    .maxCoeff(),
                0.0, 1e-14);
  }
}

} // namespace
