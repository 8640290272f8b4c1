//===- CounterRng.cpp - Counter-based random numbers ----------------------===//
//
// This file implements Philox4x32-10 as specified in Random123 (philox.h):
// ten rounds, the key bumped by the Weyl constants before every round after
// the first. The known-answer vectors of Random123's kat_vectors are checked
// by the unit tests.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/CounterRng.h"

using namespace qruc::runtime;

namespace {

constexpr std::uint32_t kMul0 = 0xD2511F53u, kMul1 = 0xCD9E8D57u;
constexpr std::uint32_t kWeyl0 = 0x9E3779B9u, kWeyl1 = 0xBB67AE85u;

inline void mulhilo(std::uint32_t a, std::uint32_t b, std::uint32_t &hi,
                    std::uint32_t &lo) {
  const std::uint64_t p = std::uint64_t(a) * b;
  hi = static_cast<std::uint32_t>(p >> 32);
  lo = static_cast<std::uint32_t>(p);
}

inline void round(std::array<std::uint32_t, 4> &c,
                  const std::array<std::uint32_t, 2> &k) {
  std::uint32_t hi0, lo0, hi1, lo1;
  mulhilo(kMul0, c[0], hi0, lo0);
  mulhilo(kMul1, c[2], hi1, lo1);
  c = {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
}

} // namespace

std::array<std::uint32_t, 4>
CounterRng::philox(std::array<std::uint32_t, 4> counter,
                   std::array<std::uint32_t, 2> key) {
  round(counter, key);
  for (int r = 1; r < 10; ++r) {
    key[0] += kWeyl0;
    key[1] += kWeyl1;
    round(counter, key);
  }
  return counter;
}

double CounterRng::uniform(std::uint64_t sample, std::uint64_t draw) const {
  const auto out = philox({static_cast<std::uint32_t>(sample),
                           static_cast<std::uint32_t>(sample >> 32),
                           static_cast<std::uint32_t>(draw),
                           static_cast<std::uint32_t>(draw >> 32)},
                          {static_cast<std::uint32_t>(seed_),
                           static_cast<std::uint32_t>(seed_ >> 32)});
  const std::uint64_t bits = (std::uint64_t(out[0]) << 32 | out[1]) >> 11;
  return static_cast<double>(bits) * 0x1.0p-53;
}
