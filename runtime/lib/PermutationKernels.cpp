//===- PermutationKernels.cpp - Transposition and permutation kernels -----===//
//
// This file implements the kernels that only move amplitudes. The
// transposition kernel (x cx swap ccx cswap, and y cy with their ±i phases)
// makes two rows of every block trade places; the permutation kernel rotates
// the rows of every cycle of a BasisPermutation (a composed CNOT network).
// No arithmetic is needed, so the cost is pure memory traffic over the rows
// they touch — half of the state for x, a quarter for cx and swap, an eighth
// for ccx and cswap, and for a composed network at most the whole state
// once, however many gates it replaces.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Kernels.h"

#include "KernelSupport.h"

#include <cstring>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

inline void swapRows(double *QRUC_RESTRICT ar, double *QRUC_RESTRICT ai,
                     double *QRUC_RESTRICT br, double *QRUC_RESTRICT bi,
                     std::size_t length) {
  ar = aligned(ar);
  ai = aligned(ai);
  br = aligned(br);
  bi = aligned(bi);
  for (std::size_t b = 0; b < length; ++b) {
    const double xr = ar[b], xi = ai[b];
    ar[b] = br[b];
    ai[b] = bi[b];
    br[b] = xr;
    bi[b] = xi;
  }
}

/// ψ'_a = −i ψ_b and ψ'_b = i ψ_a: multiplying by ±i only swaps the real
/// and imaginary parts and flips a sign.
inline void swapRowsPauliY(double *QRUC_RESTRICT ar, double *QRUC_RESTRICT ai,
                           double *QRUC_RESTRICT br, double *QRUC_RESTRICT bi,
                           std::size_t length) {
  ar = aligned(ar);
  ai = aligned(ai);
  br = aligned(br);
  bi = aligned(bi);
  for (std::size_t b = 0; b < length; ++b) {
    const double xr = ar[b], xi = ai[b], yr = br[b], yi = bi[b];
    ar[b] = yi;
    ai[b] = -yr;
    br[b] = -xi;
    bi[b] = xr;
  }
}

/// One strip of `length` doubles of the real and of the imaginary parts.
inline void copyStrip(double *QRUC_RESTRICT toRe, double *QRUC_RESTRICT toIm,
                      const double *QRUC_RESTRICT fromRe,
                      const double *QRUC_RESTRICT fromIm,
                      std::size_t length) {
  std::memcpy(aligned(toRe), aligned(fromRe), length * sizeof(double));
  std::memcpy(aligned(toIm), aligned(fromIm), length * sizeof(double));
}

} // namespace

void qruc::runtime::applyPermutation(BatchedState &state,
                                     const BasisPermutation &p,
                                     bool inverse) {
  if (p.numCycles() == 0)
    return;
  BlockIndexer blocks(state.numQubits(), p.wires(), p.numWires());
  const std::size_t width = state.paddedBatch();
  const std::size_t length = blocks.runLength() * width;
  const std::size_t imOffset = state.dimension() * width;
  double *re = state.re();
  double *savedRe = state.scratch(2 * length), *savedIm = savedRe + length;
  const std::size_t *offsets = p.offsets();
  // The amplitude at offsets[j] moves to offsets[j + 1] (cyclically), so
  // the rotation saves the row it would overwrite first and walks the
  // cycle backwards; the inverse walks it forwards.
  auto row = [&](std::size_t base, std::size_t j) {
    return re + base + offsets[j] * width;
  };
  for (std::size_t r = 0; r < blocks.numRuns(); ++r) {
    const std::size_t base = blocks.run(r) * width;
    for (std::size_t c = 0; c < p.numCycles(); ++c) {
      const std::size_t first = p.cycleBegin(c), last = p.cycleBegin(c + 1) - 1;
      const std::size_t start = inverse ? first : last;
      copyStrip(savedRe, savedIm, row(base, start),
                row(base, start) + imOffset, length);
      if (inverse)
        for (std::size_t j = first; j < last; ++j)
          copyStrip(row(base, j), row(base, j) + imOffset, row(base, j + 1),
                    row(base, j + 1) + imOffset, length);
      else
        for (std::size_t j = last; j > first; --j)
          copyStrip(row(base, j), row(base, j) + imOffset, row(base, j - 1),
                    row(base, j - 1) + imOffset, length);
      const std::size_t end = inverse ? last : first;
      copyStrip(row(base, end), row(base, end) + imOffset, savedRe, savedIm,
                length);
    }
  }
}

void qruc::runtime::applyTransposition(BatchedState &state,
                                       const unsigned *wires, unsigned k,
                                       unsigned a, unsigned b,
                                       SwapPhase phase) {
  assert(a != b && a < (1u << k) && b < (1u << k));
  BlockIndexer blocks(state.numQubits(), wires, k);
  const std::size_t width = state.paddedBatch();
  const std::size_t offA = basisOffset(a, wires, k) * width;
  const std::size_t offB = basisOffset(b, wires, k) * width;
  const std::size_t length = blocks.runLength() * width;
  double *re = state.re(), *im = state.im();
  if (phase == SwapPhase::None) {
    for (std::size_t r = 0; r < blocks.numRuns(); ++r) {
      const std::size_t base = blocks.run(r) * width;
      swapRows(re + base + offA, im + base + offA, re + base + offB,
               im + base + offB, length);
    }
    return;
  }
  for (std::size_t r = 0; r < blocks.numRuns(); ++r) {
    const std::size_t base = blocks.run(r) * width;
    swapRowsPauliY(re + base + offA, im + base + offA, re + base + offB,
                   im + base + offB, length);
  }
}
