//===- Dense2Kernels.cpp - Dense 4×4 two-qubit kernels --------------------===//
//
// This file implements the dense two-qubit kernel: each block of four rows
// (the two wires' basis states) is replaced by the 4×4 matrix times it. It
// serves rxx and ryy, and fused two-qubit blocks, which the performance notes
// value at about 2.3 one-qubit gates: it reads and writes the state once
// where the gates it replaces would each do so.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Kernels.h"

#include "KernelSupport.h"

#include <type_traits>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

/// Shared coefficients: real and imaginary parts of the 16 entries, row
/// major.
struct SharedQuad {
  double re[16];
  double im[16];
};

/// Rows of one block of four amplitudes. Passed to mixQuad as separate
/// restrict-qualified parameters: GCC drops restrict on struct members and
/// locals, and without it the four stores per lane would need run-time
/// alias checks and the loop would stay scalar.
struct Quad {
  double *re[4];
  double *im[4];
};

/// Entry (r, c) of the matrix for lane b.
inline double entryRe(const SharedQuad &m, int k, std::size_t) {
  return m.re[k];
}
inline double entryIm(const SharedQuad &m, int k, std::size_t) {
  return m.im[k];
}
struct LaneTable {
  const double *QRUC_RESTRICT rows;
  std::size_t width;
};
inline double entryRe(const LaneTable &m, int k, std::size_t b) {
  return m.rows[2 * k * m.width + b];
}
inline double entryIm(const LaneTable &m, int k, std::size_t b) {
  return m.rows[(2 * k + 1) * m.width + b];
}

template <typename Coefficients>
inline void mixQuad(double *QRUC_RESTRICT r0, double *QRUC_RESTRICT r1,
                    double *QRUC_RESTRICT r2, double *QRUC_RESTRICT r3,
                    double *QRUC_RESTRICT i0, double *QRUC_RESTRICT i1,
                    double *QRUC_RESTRICT i2, double *QRUC_RESTRICT i3,
                    std::size_t length, const Coefficients &m) {
  r0 = aligned(r0), r1 = aligned(r1), r2 = aligned(r2), r3 = aligned(r3);
  i0 = aligned(i0), i1 = aligned(i1), i2 = aligned(i2), i3 = aligned(i3);
  for (std::size_t b = 0; b < length; ++b) {
    const double xr[4] = {r0[b], r1[b], r2[b], r3[b]};
    const double xi[4] = {i0[b], i1[b], i2[b], i3[b]};
    double yr[4], yi[4];
#pragma GCC unroll 4
    for (int r = 0; r < 4; ++r) {
      double sr = 0.0, si = 0.0;
#pragma GCC unroll 4
      for (int c = 0; c < 4; ++c) {
        const double er = entryRe(m, 4 * r + c, b);
        const double ei = entryIm(m, 4 * r + c, b);
        sr += er * xr[c] - ei * xi[c];
        si += er * xi[c] + ei * xr[c];
      }
      yr[r] = sr;
      yi[r] = si;
    }
    r0[b] = yr[0], r1[b] = yr[1], r2[b] = yr[2], r3[b] = yr[3];
    i0[b] = yi[0], i1[b] = yi[1], i2[b] = yi[2], i3[b] = yi[3];
  }
}

template <typename Coefficients>
void dense2(BatchedState &state, unsigned w0, unsigned w1,
            const Coefficients &u) {
  const unsigned wires[2] = {w0, w1};
  BlockIndexer blocks(state.numQubits(), wires, 2);
  std::size_t offset[4];
  for (unsigned e = 0; e < 4; ++e)
    offset[e] = basisOffset(e, wires, 2);
  const std::size_t width = state.paddedBatch();
  // Shared coefficients can sweep a whole run of rows in one loop;
  // per-sample ones repeat every row.
  const std::size_t rowsPerCall =
      std::is_same_v<Coefficients, SharedQuad> ? blocks.runLength() : 1;
  double *re = state.re(), *im = state.im();
  for (std::size_t t = 0; t < blocks.count(); t += rowsPerCall) {
    const std::size_t base = blocks(t);
    Quad q;
    for (unsigned e = 0; e < 4; ++e) {
      q.re[e] = re + (base | offset[e]) * width;
      q.im[e] = im + (base | offset[e]) * width;
    }
    mixQuad(q.re[0], q.re[1], q.re[2], q.re[3], q.im[0], q.im[1], q.im[2],
            q.im[3], rowsPerCall * width, u);
  }
}

} // namespace

void qruc::runtime::applyDense2(BatchedState &state, unsigned w0, unsigned w1,
                                const Eigen::Matrix4cd &u) {
  SharedQuad m;
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) {
      m.re[4 * r + c] = u(r, c).real();
      m.im[4 * r + c] = u(r, c).imag();
    }
  dense2(state, w0, w1, m);
}

void qruc::runtime::applyDense2(BatchedState &state, unsigned w0, unsigned w1,
                                const Matrix4Lanes &u) {
  assert(u.width == state.paddedBatch());
  dense2(state, w0, w1, LaneTable{aligned(u.rows), u.width});
}
