//===- DiagonalKernels.cpp - Diagonal gate kernels -------------------------===//
//
// This file implements the diagonal kernels (z s sdg t tdg rz p cz cp crz rzz
// and fused phase layers): every amplitude row is multiplied in place by one
// entry of the diagonal. The kernel visits one entry at a time and skips
// entries equal to 1, so a controlled phase costs a quarter of a pass over
// the state rather than a full one.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Kernels.h"

#include "KernelSupport.h"

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

inline void scaleRow(double *QRUC_RESTRICT xr, double *QRUC_RESTRICT xi,
                     std::size_t length, double dr, double di) {
  xr = aligned(xr);
  xi = aligned(xi);
  for (std::size_t b = 0; b < length; ++b) {
    const double r = xr[b], i = xi[b];
    xr[b] = dr * r - di * i;
    xi[b] = dr * i + di * r;
  }
}

inline void scaleRow(double *QRUC_RESTRICT xr, double *QRUC_RESTRICT xi,
                     std::size_t width, const double *QRUC_RESTRICT dr,
                     const double *QRUC_RESTRICT di) {
  xr = aligned(xr);
  xi = aligned(xi);
  dr = aligned(dr);
  di = aligned(di);
  for (std::size_t b = 0; b < width; ++b) {
    const double r = xr[b], i = xi[b];
    xr[b] = dr[b] * r - di[b] * i;
    xi[b] = dr[b] * i + di[b] * r;
  }
}

/// Multiplies the rows of basis state `e` of every block by a shared
/// coefficient, one contiguous run of rows at a time.
void scaleEntry(BatchedState &state, const BlockIndexer &blocks,
                std::size_t offset, double dr, double di) {
  const std::size_t width = state.paddedBatch();
  const std::size_t length = blocks.runLength() * width;
  double *re = state.re(), *im = state.im();
  for (std::size_t r = 0; r < blocks.numRuns(); ++r) {
    const std::size_t row = (blocks.run(r) | offset) * width;
    scaleRow(re + row, im + row, length, dr, di);
  }
}

/// The same with per-sample coefficient rows, which repeat every row.
void scaleEntry(BatchedState &state, const BlockIndexer &blocks,
                std::size_t offset, const double *dr, const double *di) {
  const std::size_t width = state.paddedBatch();
  double *re = state.re(), *im = state.im();
  for (std::size_t t = 0; t < blocks.count(); ++t) {
    const std::size_t row = (blocks(t) | offset) * width;
    scaleRow(re + row, im + row, width, dr, di);
  }
}

} // namespace

void qruc::runtime::applyDiagonal(BatchedState &state, const unsigned *wires,
                                  unsigned k,
                                  const std::complex<double> *entries) {
  BlockIndexer blocks(state.numQubits(), wires, k);
  for (unsigned e = 0; e < (1u << k); ++e) {
    if (entries[e] == std::complex<double>(1.0, 0.0))
      continue;
    scaleEntry(state, blocks, basisOffset(e, wires, k), entries[e].real(),
               entries[e].imag());
  }
}

void qruc::runtime::applyDiagonal(BatchedState &state, const unsigned *wires,
                                  unsigned k, const DiagonalLanes &entries) {
  BlockIndexer blocks(state.numQubits(), wires, k);
  for (unsigned e = 0; e < (1u << k); ++e) {
    if (!entries.re[e])
      continue;
    scaleEntry(state, blocks, basisOffset(e, wires, k), entries.re[e],
               entries.im[e]);
  }
}
