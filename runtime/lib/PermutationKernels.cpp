//===- PermutationKernels.cpp - Transposition kernels ---------------------===//
//
// This file implements the permutation kernel (x cx swap ccx cswap, and y cy
// with their ±i phases): two rows of every block trade places. No arithmetic
// is needed, so the kernel's cost is pure memory traffic over the rows it
// touches — half of the state for x, a quarter for cx and swap, an eighth
// for ccx and cswap.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Kernels.h"

#include "KernelSupport.h"

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

} // namespace

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
