//===- CounterRng.h - Counter-based random numbers --------------*- C++ -*-===//
//
// This file declares CounterRng, the seeded source of measurement outcomes:
// Philox4x32-10 (Salmon et al., SC'11, the generator of Random123, cuRAND
// and JAX), a keyed bijection of a 128-bit counter. The random number of a
// sample's d-th draw is a pure function of (seed, sample, d), unlike a
// sequential engine such as std::mt19937_64 whose numbers depend on how
// many were drawn before. That is what makes outcomes independent of how
// the batch is split into tiles and threads: same seed, same outcomes,
// whatever the thread count.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_COUNTERRNG_H
#define QRUC_RUNTIME_COUNTERRNG_H

#include <array>
#include <cstdint>

namespace qruc::runtime {

class CounterRng {
public:
  explicit CounterRng(std::uint64_t seed) : seed_(seed) {}

  std::uint64_t seed() const { return seed_; }

  /// Philox4x32-10 of counter {c0, c1, c2, c3} under key {k0, k1}, exposed
  /// so that the implementation can be checked against the published
  /// known-answer vectors.
  static std::array<std::uint32_t, 4>
  philox(std::array<std::uint32_t, 4> counter,
         std::array<std::uint32_t, 2> key);

  /// A uniform double in [0, 1) with 53 random bits, for draw number `draw`
  /// of sample `sample` (the sample's index in the whole data set or
  /// mini-batch, not in a tile).
  double uniform(std::uint64_t sample, std::uint64_t draw) const;

private:
  std::uint64_t seed_;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_COUNTERRNG_H
