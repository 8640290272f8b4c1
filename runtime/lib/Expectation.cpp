//===- Expectation.cpp - Exact Pauli expectation values -------------------===//
//
// This file implements the read-only expectation kernel. With flip mask m
// and sign s_i = (−1)^{popcount(i & zMask)},
//
//   ⟨ψ|P|ψ⟩ = i^{#Y} Σ_i s_i conj(ψ_{i⊕m}) ψ_i.
//
// For m = 0 this is Σ_i s_i |ψ_i|². Otherwise the terms of i and j = i ⊕ m
// pair up; since s_j = (−1)^{#Y} s_i, the pair contributes 2 s_i Re X when
// #Y is even and 2 s_i i·Im X when it is odd (X = conj(ψ_j) ψ_i), so one
// pass over half of the indices suffices and the result is real by
// construction. Per-lane sums live in a small aligned block on the stack, so
// the kernel allocates nothing and writes nothing to the state.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Expectation.h"

#include "KernelSupport.h"

#include <algorithm>
#include <bitset>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

/// Lanes summed per pass: 64 doubles of accumulators stay in registers and
/// L1 while the kernel streams over the rows.
constexpr std::size_t kChunk = 64;

double signOf(std::size_t i, std::uint64_t zMask) {
  return std::bitset<64>(i & zMask).count() & 1u ? -1.0 : 1.0;
}

inline void accumulateNorm(double *QRUC_RESTRICT acc,
                           const double *QRUC_RESTRICT xr,
                           const double *QRUC_RESTRICT xi, std::size_t n,
                           double s) {
  for (std::size_t b = 0; b < n; ++b)
    acc[b] += s * (xr[b] * xr[b] + xi[b] * xi[b]);
}

/// acc += s · Re(conj(y) x).
inline void accumulateRe(double *QRUC_RESTRICT acc,
                         const double *QRUC_RESTRICT xr,
                         const double *QRUC_RESTRICT xi,
                         const double *QRUC_RESTRICT yr,
                         const double *QRUC_RESTRICT yi, std::size_t n,
                         double s) {
  for (std::size_t b = 0; b < n; ++b)
    acc[b] += s * (yr[b] * xr[b] + yi[b] * xi[b]);
}

/// acc += s · Im(conj(y) x).
inline void accumulateIm(double *QRUC_RESTRICT acc,
                         const double *QRUC_RESTRICT xr,
                         const double *QRUC_RESTRICT xi,
                         const double *QRUC_RESTRICT yr,
                         const double *QRUC_RESTRICT yi, std::size_t n,
                         double s) {
  for (std::size_t b = 0; b < n; ++b)
    acc[b] += s * (yr[b] * xi[b] - yi[b] * xr[b]);
}

} // namespace

void qruc::runtime::expectationValues(const BatchedState &state,
                                      const PauliWord &word, double *out) {
  const std::size_t width = state.paddedBatch(), dim = state.dimension();
  const std::uint64_t m = word.xMask(), z = word.zMask();
  assert((((m | z) >> state.numQubits()) == 0) && "word wire out of range");
  const unsigned numY = word.numY();
  // i^{#Y} turns Re S or Im S into the (real) result with this sign.
  const double sign = (numY % 4 == 1 || numY % 4 == 2) ? -1.0 : 1.0;
  const double *re = state.re(), *im = state.im();

  for (std::size_t c0 = 0; c0 < width; c0 += kChunk) {
    const std::size_t n = std::min(kChunk, width - c0);
    alignas(kCacheLineBytes) double acc[kChunk] = {};
    if (m == 0) {
      for (std::size_t i = 0; i < dim; ++i)
        accumulateNorm(acc, re + i * width + c0, im + i * width + c0, n,
                       signOf(i, z));
    } else {
      const unsigned low = static_cast<unsigned>(__builtin_ctzll(m));
      BlockIndexer pairs(state.numQubits(), &low, 1);
      const bool odd = numY % 2 == 1;
      for (std::size_t t = 0; t < pairs.count(); ++t) {
        const std::size_t i = pairs(t), j = i ^ m;
        const double s = 2.0 * signOf(i, z);
        const double *xr = re + i * width + c0, *xi = im + i * width + c0;
        const double *yr = re + j * width + c0, *yi = im + j * width + c0;
        if (odd)
          accumulateIm(acc, xr, xi, yr, yi, n, s);
        else
          accumulateRe(acc, xr, xi, yr, yi, n, s);
      }
    }
    const std::size_t batch = state.batch();
    for (std::size_t b = 0; b < n && c0 + b < batch; ++b)
      out[c0 + b] = sign * acc[b];
  }
}
