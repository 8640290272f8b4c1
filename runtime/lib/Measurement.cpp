//===- Measurement.cpp - Projective measurement and reset -----------------===//
//
// This file implements measurement and reset in two passes over the rows of
// the measured wire: one to sum the probabilities of both outcomes per lane,
// one to apply per-lane factors — 1/√p to the kept half and 0 to the other
// (measure), or the kept half moved into the |0⟩ half (reset). The outcome
// decision is the only per-lane branch and happens between the passes, so
// both passes vectorise.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Measurement.h"

#include "KernelSupport.h"

#include <cmath>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

/// Accumulates, for lanes [c0, c0 + n), the squared norms of the rows whose
/// `wire` bit is 0 into p0 and of those where it is 1 into p1.
void sumOutcomes(const BatchedState &state, unsigned wire, std::size_t c0,
                 std::size_t n, double *QRUC_RESTRICT p0,
                 double *QRUC_RESTRICT p1) {
  const std::size_t width = state.paddedBatch();
  const std::size_t bit = std::size_t(1) << wire;
  const double *re = state.re(), *im = state.im();
  BlockIndexer pairs(state.numQubits(), &wire, 1);
  for (std::size_t b = 0; b < n; ++b)
    p0[b] = p1[b] = 0.0;
  for (std::size_t t = 0; t < pairs.count(); ++t) {
    const std::size_t i0 = pairs(t) * width + c0, i1 = i0 + bit * width;
    const double *QRUC_RESTRICT ar = re + i0, *QRUC_RESTRICT ai = im + i0;
    const double *QRUC_RESTRICT br = re + i1, *QRUC_RESTRICT bi = im + i1;
    for (std::size_t b = 0; b < n; ++b) {
      p0[b] += ar[b] * ar[b] + ai[b] * ai[b];
      p1[b] += br[b] * br[b] + bi[b] * bi[b];
    }
  }
}

/// Samples each lane's outcome and computes the factors for the rows of
/// outcome 0 (s0) and 1 (s1): 1/√p for the outcome drawn, 0 for the other.
void drawOutcomes(const BatchedState &state, unsigned wire,
                  const MeasurementDraw &draw, double *s0, double *s1,
                  std::uint8_t *outcomes) {
  const std::size_t width = state.paddedBatch(), batch = state.batch();
  sumOutcomes(state, wire, 0, width, s0, s1);
  for (std::size_t b = 0; b < width; ++b) {
    const double p0 = s0[b], p1 = s1[b];
    // Padding lanes take a fixed number: any outcome of nonzero
    // probability keeps them finite, and they must not consume draws.
    const double u =
        b < batch ? draw.rng.uniform(draw.firstSample + b, draw.draw) : 0.5;
    // u < 1 makes the comparison pick an outcome of nonzero probability,
    // and scaling by the total tolerates a state that is not normalised.
    const bool one = u * (p0 + p1) < p1;
    s0[b] = one ? 0.0 : 1.0 / std::sqrt(p0);
    s1[b] = one ? 1.0 / std::sqrt(p1) : 0.0;
    if (b < batch && outcomes)
      outcomes[b] = one ? 1 : 0;
  }
}

inline void scaleRow(double *QRUC_RESTRICT xr, double *QRUC_RESTRICT xi,
                     const double *QRUC_RESTRICT s, std::size_t width) {
  xr = aligned(xr);
  xi = aligned(xi);
  s = aligned(s);
  for (std::size_t b = 0; b < width; ++b) {
    xr[b] *= s[b];
    xi[b] *= s[b];
  }
}

/// x ← s0·x + s1·y, y ← 0: the projection and the flip of a reset at once.
inline void foldRows(double *QRUC_RESTRICT xr, double *QRUC_RESTRICT xi,
                     double *QRUC_RESTRICT yr, double *QRUC_RESTRICT yi,
                     const double *QRUC_RESTRICT s0,
                     const double *QRUC_RESTRICT s1, std::size_t width) {
  xr = aligned(xr);
  xi = aligned(xi);
  yr = aligned(yr);
  yi = aligned(yi);
  s0 = aligned(s0);
  s1 = aligned(s1);
  for (std::size_t b = 0; b < width; ++b) {
    xr[b] = s0[b] * xr[b] + s1[b] * yr[b];
    xi[b] = s0[b] * xi[b] + s1[b] * yi[b];
    yr[b] = 0.0;
    yi[b] = 0.0;
  }
}

} // namespace

void qruc::runtime::probabilitiesOfOne(const BatchedState &state,
                                       unsigned wire, double *out) {
  constexpr std::size_t kChunk = 64;
  const std::size_t width = state.paddedBatch(), batch = state.batch();
  for (std::size_t c0 = 0; c0 < width; c0 += kChunk) {
    const std::size_t n = std::min(kChunk, width - c0);
    alignas(kCacheLineBytes) double p0[kChunk], p1[kChunk];
    sumOutcomes(state, wire, c0, n, p0, p1);
    for (std::size_t b = 0; b < n && c0 + b < batch; ++b)
      out[c0 + b] = p1[b] / (p0[b] + p1[b]);
  }
}

namespace {

/// Draws the outcomes of measuring `wire`, then hands every pair of rows
/// that differ only in that wire (|…0…⟩ and |…1…⟩) to `update`, with the
/// per-sample factors the draw left for each half.
template <typename RowPairUpdate>
void collapse(BatchedState &state, unsigned wire, const MeasurementDraw &draw,
              std::uint8_t *outcomes, RowPairUpdate update) {
  const std::size_t width = state.paddedBatch();
  double *s0 = state.scratch(2 * width), *s1 = s0 + width;
  drawOutcomes(state, wire, draw, s0, s1, outcomes);
  BlockIndexer pairs(state.numQubits(), &wire, 1);
  const std::size_t bit = std::size_t(1) << wire;
  double *re = state.re(), *im = state.im();
  for (std::size_t t = 0; t < pairs.count(); ++t) {
    const std::size_t i0 = pairs(t) * width, i1 = i0 + bit * width;
    update(re + i0, im + i0, re + i1, im + i1, s0, s1, width);
  }
}

} // namespace

void qruc::runtime::measure(BatchedState &state, unsigned wire,
                            const MeasurementDraw &draw,
                            std::uint8_t *outcomes) {
  collapse(state, wire, draw, outcomes,
           [](double *re0, double *im0, double *re1, double *im1,
              const double *s0, const double *s1, std::size_t width) {
             scaleRow(re0, im0, s0, width);
             scaleRow(re1, im1, s1, width);
           });
}

void qruc::runtime::reset(BatchedState &state, unsigned wire,
                          const MeasurementDraw &draw,
                          std::uint8_t *outcomes) {
  collapse(state, wire, draw, outcomes, foldRows);
}
