//===- SeededRandom.cpp - portable seeded random numbers ------------------===//
//
// This file implements the distributions of SeededRandom on top of the raw
// mt19937_64 sequence, identically on every platform.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/SeededRandom.h"

#include <cmath>
#include <numeric>

using namespace qruc::runtime;

namespace {
std::uint64_t splitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
} // namespace

std::uint64_t qruc::runtime::deriveSeed(std::uint64_t seed,
                                        std::uint64_t stream,
                                        std::uint64_t index) {
  return splitMix64(splitMix64(splitMix64(seed) ^ stream) ^ index);
}

double SeededRandom::uniform() {
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

double SeededRandom::normal(double mean, double stddev) {
  if (hasSpare) {
    hasSpare = false;
    return mean + stddev * spare;
  }
  // 1 - uniform() lies in (0, 1], so the logarithm is finite.
  double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));
  double angle = 2.0 * M_PI * uniform();
  spare = radius * std::sin(angle);
  hasSpare = true;
  return mean + stddev * radius * std::cos(angle);
}

std::uint64_t SeededRandom::below(std::uint64_t n) {
  // Reject the top partial block of the 2^64 range so that every residue
  // is equally likely.
  std::uint64_t limit = -n % n; // 2^64 mod n
  for (;;) {
    std::uint64_t x = engine();
    if (x >= limit)
      return x % n;
  }
}

std::vector<std::size_t> qruc::runtime::randomPermutation(std::size_t n,
                                                          SeededRandom &rng) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  rng.shuffle(order);
  return order;
}
