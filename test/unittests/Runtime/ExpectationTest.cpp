//===- ExpectationTest.cpp - Pauli readouts against ψ†Pψ ------------------===//
//
// This file tests expectationValues against the dense ψ†Pψ with the
// Kronecker-product matrix of the word: every word on three qubits, random
// words on five, and that the state is left bit-for-bit untouched.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"

#include "qruc/Runtime/Expectation.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

constexpr double kTol = 1e-12;

void checkWord(const BatchedState &state, const std::vector<CVector> &psi,
               const PauliWord &word) {
  std::vector<double> out(state.batch(), -99.0);
  expectationValues(state, word, out.data());
  const CMatrix p = pauliMatrix(word, state.numQubits());
  for (std::size_t b = 0; b < state.batch(); ++b) {
    const std::complex<double> expected = psi[b].dot(p * psi[b]);
    ASSERT_LT(std::abs(expected.imag()), kTol);
    ASSERT_NEAR(out[b], expected.real(), kTol)
        << "x mask " << word.xMask() << ", z mask " << word.zMask()
        << ", sample " << b;
  }
}

BatchedState randomBatch(unsigned n, std::size_t batch, std::mt19937_64 &rng,
                         std::vector<CVector> &psi) {
  BatchedState state(n, batch);
  for (std::size_t b = 0; b < batch; ++b) {
    psi.push_back(randomState(n, rng));
    setSample(state, b, psi.back());
  }
  return state;
}

TEST(Expectation, EveryWordOnThreeQubits) {
  std::mt19937_64 rng(31);
  std::vector<CVector> psi;
  const BatchedState state = randomBatch(3, 6, rng, psi);
  const Pauli ps[4] = {Pauli::I, Pauli::X, Pauli::Y, Pauli::Z};
  for (unsigned code = 0; code < 64; ++code) {
    PauliWord word;
    for (unsigned q = 0; q < 3; ++q)
      word.set(q, ps[(code >> (2 * q)) & 3u]);
    checkWord(state, psi, word);
  }
}

TEST(Expectation, SingleQubitZXYOnEveryWire) {
  std::mt19937_64 rng(32);
  std::vector<CVector> psi;
  const BatchedState state = randomBatch(5, 13, rng, psi);
  for (unsigned q = 0; q < 5; ++q)
    for (Pauli p : {Pauli::Z, Pauli::X, Pauli::Y})
      checkWord(state, psi, PauliWord({{q, p}}));
}

TEST(Expectation, RandomWordsOnFiveQubitsWithLargeBatch) {
  std::mt19937_64 rng(33);
  std::vector<CVector> psi;
  // More lanes than one accumulator chunk, and not a multiple of 8.
  const BatchedState state = randomBatch(5, 150, rng, psi);
  std::uniform_int_distribution<int> pick(0, 3);
  for (int trial = 0; trial < 40; ++trial) {
    PauliWord word;
    for (unsigned q = 0; q < 5; ++q)
      word.set(q, static_cast<Pauli>(pick(rng)));
    checkWord(state, psi, word);
  }
}

TEST(Expectation, LeavesTheStateUntouched) {
  std::mt19937_64 rng(34);
  std::vector<CVector> psi;
  const BatchedState state = randomBatch(4, 9, rng, psi);
  const BatchedState copy = state;
  std::vector<double> out(9);
  expectationValues(state, PauliWord({{0, Pauli::Y}, {2, Pauli::X}}),
                    out.data());
  expectationValues(state, PauliWord({{1, Pauli::Z}}), out.data());
  const std::size_t n = 2 * state.dimension() * state.paddedBatch();
  EXPECT_EQ(std::memcmp(state.re(), copy.re(), n * sizeof(double)), 0);
}

TEST(Expectation, ZeroStateReadouts) {
  BatchedState state(3, 2);
  std::vector<double> out(2);
  expectationValues(state, PauliWord({{1, Pauli::Z}}), out.data());
  EXPECT_EQ(out[0], 1.0);
  expectationValues(state, PauliWord({{1, Pauli::X}}), out.data());
  EXPECT_EQ(out[1], 0.0);
  expectationValues(state, PauliWord(), out.data());
  EXPECT_EQ(out[0], 1.0);
}

TEST(PauliWordTest, MasksAndFactors) {
  PauliWord w({{0, Pauli::X}, {2, Pauli::Y}, {5, Pauli::Z}});
  EXPECT_EQ(w.xMask(), 0b000101u);
  EXPECT_EQ(w.zMask(), 0b100100u);
  EXPECT_EQ(w.numY(), 1u);
  EXPECT_EQ(w.on(2), Pauli::Y);
  EXPECT_EQ(w.on(1), Pauli::I);
  w.set(2, Pauli::I);
  EXPECT_EQ(w.numY(), 0u);
  EXPECT_EQ(w.xMask(), 0b1u);
}

} // namespace
