//===- CounterRngTest.cpp - Philox4x32-10 known answers -------------------===//
//
// This file checks the counter-based generator against Random123's
// published known-answer vectors for Philox4x32-10, and the properties the
// measurements rely on: uniforms in [0, 1) that depend only on
// (seed, sample, draw).
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/CounterRng.h"

#include <gtest/gtest.h>

#include <set>

using namespace qruc::runtime;

namespace {

TEST(CounterRng, Philox4x32x10KnownAnswers) {
  using Block = std::array<std::uint32_t, 4>;
  EXPECT_EQ(CounterRng::philox({0, 0, 0, 0}, {0, 0}),
            (Block{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(CounterRng::philox({0xffffffff, 0xffffffff, 0xffffffff,
                                0xffffffff},
                               {0xffffffff, 0xffffffff}),
            (Block{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(CounterRng::philox({0x243f6a88, 0x85a308d3, 0x13198a2e,
                                0x03707344},
                               {0xa4093822, 0x299f31d0}),
            (Block{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

TEST(CounterRng, UniformsArePureFunctionsInTheUnitInterval) {
  const CounterRng a(42), b(42), c(43);
  std::set<double> seen;
  double sum = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double u = a.uniform(i, 7);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ASSERT_EQ(u, b.uniform(i, 7));
    seen.insert(u);
    sum += u;
  }
  EXPECT_EQ(seen.size(), std::size_t(n));
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_NE(a.uniform(0, 0), c.uniform(0, 0));
  EXPECT_NE(a.uniform(0, 0), a.uniform(0, 1));
  EXPECT_NE(a.uniform(0, 0), a.uniform(1, 0));
}

} // namespace
