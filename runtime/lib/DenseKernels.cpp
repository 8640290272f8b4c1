//===- DenseKernels.cpp - Dense and controlled 2×2 kernels ----------------===//
//
// This file implements the kernels that mix pairs of rows with a 2×2 matrix:
// the dense one-qubit gate (the fused entry point) and its controlled form,
// which is the same loop over the blocks whose control bits are 1. The inner
// loop over the batch is written so that GCC and Clang vectorise it at -O3:
// unit stride, restrict-qualified aligned rows, no lane-dependent control
// flow.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Kernels.h"

#include "KernelSupport.h"

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

/// One shared 2×2, unpacked to scalars so the compiler broadcasts them once.
struct SharedPair {
  double r00, i00, r01, i01, r10, i10, r11, i11;
  explicit SharedPair(const Eigen::Matrix2cd &u)
      : r00(u(0, 0).real()), i00(u(0, 0).imag()), r01(u(0, 1).real()),
        i01(u(0, 1).imag()), r10(u(1, 0).real()), i10(u(1, 0).imag()),
        r11(u(1, 1).real()), i11(u(1, 1).imag()) {}
};

inline void mixRows(double *QRUC_RESTRICT ar, double *QRUC_RESTRICT ai,
                    double *QRUC_RESTRICT br, double *QRUC_RESTRICT bi,
                    std::size_t length, const SharedPair &u) {
  ar = aligned(ar);
  ai = aligned(ai);
  br = aligned(br);
  bi = aligned(bi);
  const double r00 = u.r00, i00 = u.i00, r01 = u.r01, i01 = u.i01;
  const double r10 = u.r10, i10 = u.i10, r11 = u.r11, i11 = u.i11;
  for (std::size_t b = 0; b < length; ++b) {
    const double xr = ar[b], xi = ai[b], yr = br[b], yi = bi[b];
    ar[b] = r00 * xr - i00 * xi + r01 * yr - i01 * yi;
    ai[b] = r00 * xi + i00 * xr + r01 * yi + i01 * yr;
    br[b] = r10 * xr - i10 * xi + r11 * yr - i11 * yi;
    bi[b] = r10 * xi + i10 * xr + r11 * yi + i11 * yr;
  }
}

/// The per-sample form: `m` is a Matrix2Lanes table, re/im rows alternating.
inline void mixRows(double *QRUC_RESTRICT ar, double *QRUC_RESTRICT ai,
                    double *QRUC_RESTRICT br, double *QRUC_RESTRICT bi,
                    std::size_t width, const double *QRUC_RESTRICT m) {
  ar = aligned(ar);
  ai = aligned(ai);
  br = aligned(br);
  bi = aligned(bi);
  m = aligned(m);
  const double *r00 = m, *i00 = m + width, *r01 = m + 2 * width,
               *i01 = m + 3 * width, *r10 = m + 4 * width,
               *i10 = m + 5 * width, *r11 = m + 6 * width,
               *i11 = m + 7 * width;
  for (std::size_t b = 0; b < width; ++b) {
    const double xr = ar[b], xi = ai[b], yr = br[b], yi = bi[b];
    ar[b] = r00[b] * xr - i00[b] * xi + r01[b] * yr - i01[b] * yi;
    ai[b] = r00[b] * xi + i00[b] * xr + r01[b] * yi + i01[b] * yr;
    br[b] = r10[b] * xr - i10[b] * xi + r11[b] * yr - i11[b] * yi;
    bi[b] = r10[b] * xi + i10[b] * xr + r11[b] * yi + i11[b] * yr;
  }
}

/// A run of rows with per-sample coefficients: the coefficients repeat
/// every row, so the run is processed row by row.
inline void mixRows(double *ar, double *ai, double *br, double *bi,
                    std::size_t length, const Matrix2Lanes &u) {
  for (std::size_t off = 0; off < length; off += u.width)
    mixRows(ar + off, ai + off, br + off, bi + off, u.width, u.rows);
}

/// Applies the 2×2 to the row pairs (base, base | targetBit) of every block.
template <typename Coefficients>
void mixPairs(BatchedState &state, const BlockIndexer &blocks,
              std::size_t targetBit, const Coefficients &u) {
  const std::size_t width = state.paddedBatch();
  const std::size_t length = blocks.runLength() * width;
  double *re = state.re(), *im = state.im();
  for (std::size_t r = 0; r < blocks.numRuns(); ++r) {
    const std::size_t a = blocks.run(r) * width;
    const std::size_t b = a + targetBit * width;
    mixRows(re + a, im + a, re + b, im + b, length, u);
  }
}

template <typename Coefficients>
void controlledDense1(BatchedState &state, const unsigned *controls,
                      unsigned numControls, unsigned target,
                      const Coefficients &u) {
  assert(numControls <= 2);
  unsigned wires[3];
  std::size_t controlMask = 0;
  for (unsigned c = 0; c < numControls; ++c) {
    wires[c] = controls[c];
    controlMask |= std::size_t(1) << controls[c];
  }
  wires[numControls] = target;
  BlockIndexer blocks(state.numQubits(), wires, numControls + 1, controlMask);
  mixPairs(state, blocks, std::size_t(1) << target, u);
}

} // namespace

void qruc::runtime::applyDense1(BatchedState &state, unsigned target,
                                const Eigen::Matrix2cd &u) {
  BlockIndexer blocks(state.numQubits(), &target, 1);
  mixPairs(state, blocks, std::size_t(1) << target, SharedPair(u));
}

void qruc::runtime::applyDense1(BatchedState &state, unsigned target,
                                const Matrix2Lanes &u) {
  BlockIndexer blocks(state.numQubits(), &target, 1);
  mixPairs(state, blocks, std::size_t(1) << target, u);
}

void qruc::runtime::applyControlledDense1(BatchedState &state,
                                          const unsigned *controls,
                                          unsigned numControls,
                                          unsigned target,
                                          const Eigen::Matrix2cd &u) {
  controlledDense1(state, controls, numControls, target, SharedPair(u));
}

void qruc::runtime::applyControlledDense1(BatchedState &state,
                                          const unsigned *controls,
                                          unsigned numControls,
                                          unsigned target,
                                          const Matrix2Lanes &u) {
  controlledDense1(state, controls, numControls, target, u);
}
