//===- SeededRandom.h - portable seeded random numbers ----------*- C++ -*-===//
//
// This file declares SeededRandom, the generator behind splits, shuffling
// and parameter initialisation. It wraps std::mt19937_64, whose output
// sequence the C++ standard fixes, and derives integers, reals and normals
// from it with code of its own: the standard distributions (and
// std::shuffle) are implementation-defined, so using them would make the
// same seed give different splits with libstdc++ and libc++.
//
// deriveSeed() gives independent streams for the different uses of one
// experiment seed (initialisation of restart r, the split, the shuffle of
// fold f, ...), so that changing one use does not shift another.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_SEEDEDRANDOM_H
#define QRUC_RUNTIME_SEEDEDRANDOM_H

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace qruc::runtime {

/// Purposes of derived seeds; any other number works too.
enum class SeedStream : std::uint64_t {
  Init = 1,    ///< parameter initialisation
  Split = 2,   ///< holdout and k-fold assignment
  Shuffle = 3, ///< mini-batch order
  Sampling = 4 ///< measurement outcomes
};

/// A seed for `stream` and `index` (restart, fold, epoch) of `seed`,
/// mixed with SplitMix64 so that nearby inputs give unrelated outputs.
std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream,
                         std::uint64_t index = 0);
inline std::uint64_t deriveSeed(std::uint64_t seed, SeedStream stream,
                                std::uint64_t index = 0) {
  return deriveSeed(seed, static_cast<std::uint64_t>(stream), index);
}

class SeededRandom {
public:
  explicit SeededRandom(std::uint64_t seed) : engine(seed) {}

  /// The next raw 64-bit number.
  std::uint64_t next() { return engine(); }
  /// Uniform in [0, 1) with 53 random bits.
  double uniform();
  /// Uniform in [a, b).
  double uniform(double a, double b) { return a + (b - a) * uniform(); }
  /// Normal with mean `mean` and standard deviation `stddev` (Box-Muller,
  /// both variates used).
  double normal(double mean = 0.0, double stddev = 1.0);
  /// Uniform integer in [0, n), unbiased (rejection); n > 0.
  std::uint64_t below(std::uint64_t n);

  /// Fisher-Yates shuffle of `values` in place.
  template <typename T> void shuffle(std::vector<T> &values) {
    for (std::size_t i = values.size(); i > 1; --i) {
      std::size_t j = static_cast<std::size_t>(below(i));
      std::swap(values[i - 1], values[j]);
    }
  }

private:
  std::mt19937_64 engine;
  bool hasSpare = false;
  double spare = 0.0;
};

/// The numbers 0 .. n-1 in a random order.
std::vector<std::size_t> randomPermutation(std::size_t n, SeededRandom &rng);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_SEEDEDRANDOM_H
