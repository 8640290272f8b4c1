//===- AdjointKernels.cpp - State kernels of the adjoint method -----------===//
//
// This file implements the adjoint method's own kernels. Like the gate
// kernels they walk rows of paddedBatch lanes with the batch innermost, so
// every inner loop is a unit-stride loop over the samples.
//
//===----------------------------------------------------------------------===//

#include "AdjointKernels.h"

#include "KernelSupport.h"

#include "qruc/Runtime/GateDerivatives.h"
#include "qruc/Runtime/GateMatrices.h"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <complex>
#include <cstring>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

using C = std::complex<double>;

std::size_t amplitudeCount(const BatchedState &s) {
  return 2 * s.dimension() * s.paddedBatch();
}

/// The basis-state pairs (e, f) of a gate's matrix whose cross term
/// ψ_e·conj(λ_f) can meet a nonzero entry ∂U[f][e]: its structure decides.
unsigned derivativePattern(GateKind kind, unsigned (*pairs)[2]) {
  const GateInfo &info = gateInfo(kind);
  const unsigned dim = 1u << info.numQubits;
  unsigned count = 0;
  switch (info.kernel) {
  case KernelClass::Diagonal: {
    const unsigned ones = structuralOnes(kind);
    for (unsigned e = 0; e < dim; ++e)
      if (!(ones >> e & 1u)) {
        pairs[count][0] = pairs[count][1] = e;
        ++count;
      }
    return count;
  }
  case KernelClass::ControlledDense1:
    // Only the block where the control is 1 depends on the angles.
    for (unsigned e = 2; e < 4; ++e)
      for (unsigned f = 2; f < 4; ++f) {
        pairs[count][0] = e;
        pairs[count][1] = f;
        ++count;
      }
    return count;
  default:
    for (unsigned e = 0; e < dim; ++e)
      for (unsigned f = 0; f < dim; ++f) {
        pairs[count][0] = e;
        pairs[count][1] = f;
        ++count;
      }
    return count;
  }
}

} // namespace

void qruc::runtime::detail::zeroAmplitudes(BatchedState &state) {
  std::memset(state.re(), 0, amplitudeCount(state) * sizeof(double));
}

void qruc::runtime::detail::copyAmplitudes(BatchedState &dst,
                                           const BatchedState &src) {
  assert(amplitudeCount(dst) == amplitudeCount(src));
  std::memcpy(dst.re(), src.re(), amplitudeCount(src) * sizeof(double));
}

double qruc::runtime::detail::zeroStateDeviation(const BatchedState &state) {
  const std::size_t width = state.paddedBatch(), batch = state.batch();
  double worst = 0.0;
  for (std::size_t i = 0; i < state.dimension(); ++i) {
    const double *re = state.re() + i * width, *im = state.im() + i * width;
    const double target = i == 0 ? 1.0 : 0.0;
    for (std::size_t b = 0; b < batch; ++b)
      worst = std::max(worst, std::hypot(re[b] - target, im[b]));
  }
  return worst;
}

void qruc::runtime::detail::restoreLanes(BatchedState &state,
                                         const BatchedState &saved,
                                         const double *cond, std::size_t n) {
  const std::size_t width = state.paddedBatch();
  const std::size_t rows = 2 * state.dimension();
  for (std::size_t r = 0; r < rows; ++r) {
    double *QRUC_RESTRICT to = aligned(state.re() + r * width);
    const double *QRUC_RESTRICT from = aligned(saved.re() + r * width);
    for (std::size_t b = 0; b < n; ++b)
      to[b] = cond[b] != 0.0 ? to[b] : from[b];
  }
}

void qruc::runtime::detail::addPauliImage(BatchedState &lambda,
                                          const BatchedState &psi,
                                          const PauliWord &word,
                                          const double *g) {
  // (Pψ)_{i⊕m} = i^{#Y}·(−1)^{popcount(i & z)}·ψ_i (PauliWord.h).
  const std::size_t width = psi.paddedBatch(), dim = psi.dimension();
  const std::uint64_t m = word.xMask(), z = word.zMask();
  const unsigned numY = word.numY() % 4;
  const bool imaginary = numY % 2 == 1;
  const double base = numY >= 2 ? -1.0 : 1.0;
  g = aligned(g);
  for (std::size_t i = 0; i < dim; ++i) {
    const std::size_t j = i ^ m;
    const double r =
        std::bitset<64>(i & z).count() & 1u ? -base : base;
    const double *QRUC_RESTRICT pr = aligned(psi.re() + i * width);
    const double *QRUC_RESTRICT pi = aligned(psi.im() + i * width);
    double *QRUC_RESTRICT lr = aligned(lambda.re() + j * width);
    double *QRUC_RESTRICT li = aligned(lambda.im() + j * width);
    if (!imaginary) {
      for (std::size_t b = 0; b < width; ++b) {
        lr[b] += r * g[b] * pr[b];
        li[b] += r * g[b] * pi[b];
      }
    } else {
      // i·r·(a + ib) = −r·b + i·r·a.
      for (std::size_t b = 0; b < width; ++b) {
        lr[b] -= r * g[b] * pi[b];
        li[b] += r * g[b] * pr[b];
      }
    }
  }
}

void qruc::runtime::detail::gateAngleGradients(
    const BatchedState &psi, const BatchedState &lambda, GateKind kind,
    const unsigned *wires, const Angle *angles, const bool *want,
    AlignedBuffer &work, double *grads) {
  const GateInfo &info = gateInfo(kind);
  const unsigned k = info.numQubits, dim = 1u << k;
  const std::size_t width = psi.paddedBatch(), batch = psi.batch();
  unsigned pairs[16][2];
  const unsigned numPairs = derivativePattern(kind, pairs);

  // R[p] = Σ_blocks ψ_e·conj(λ_f) for pair p = (e, f), per lane.
  work.reserveUninitialized(2 * numPairs * width);
  double *rows = work.data();
  std::fill(rows, rows + 2 * numPairs * width, 0.0);
  std::size_t offset[4];
  for (unsigned e = 0; e < dim; ++e)
    offset[e] = basisOffset(e, wires, k);
  const BlockIndexer blocks(psi.numQubits(), wires, k);
  for (std::size_t t = 0; t < blocks.count(); ++t) {
    const std::size_t base = blocks(t);
    for (unsigned p = 0; p < numPairs; ++p) {
      const std::size_t ie = (base + offset[pairs[p][0]]) * width;
      const std::size_t jf = (base + offset[pairs[p][1]]) * width;
      const double *QRUC_RESTRICT pr = aligned(psi.re() + ie);
      const double *QRUC_RESTRICT pi = aligned(psi.im() + ie);
      const double *QRUC_RESTRICT lr = aligned(lambda.re() + jf);
      const double *QRUC_RESTRICT li = aligned(lambda.im() + jf);
      double *QRUC_RESTRICT rr = aligned(rows + 2 * p * width);
      double *QRUC_RESTRICT ri = aligned(rows + (2 * p + 1) * width);
      for (std::size_t b = 0; b < width; ++b) {
        rr[b] += pr[b] * lr[b] + pi[b] * li[b];
        ri[b] += pi[b] * lr[b] - pr[b] * li[b];
      }
    }
  }

  // dL/dθ_j = 2 Re Σ_{e,f} ∂U[f][e]·R[e][f].
  bool shared = true;
  double values[3] = {};
  for (unsigned j = 0; j < info.numAngles; ++j) {
    shared = shared && angles[j].isShared();
    values[j] = angles[j].value();
  }
  C d[16];
  auto contract = [&](std::size_t b) {
    double g = 0.0;
    for (unsigned p = 0; p < numPairs; ++p) {
      const C entry = d[pairs[p][1] * dim + pairs[p][0]];
      g += entry.real() * rows[2 * p * width + b] -
           entry.imag() * rows[(2 * p + 1) * width + b];
    }
    return 2.0 * g;
  };
  for (unsigned j = 0; j < info.numAngles; ++j) {
    if (!want[j])
      continue;
    double *out = grads + j * width;
    if (shared) {
      gateDerivative(kind, values, j, d);
      for (std::size_t b = 0; b < batch; ++b)
        out[b] = contract(b);
    } else {
      for (std::size_t b = 0; b < batch; ++b) {
        for (unsigned a = 0; a < info.numAngles; ++a)
          values[a] = angles[a].at(b);
        gateDerivative(kind, values, j, d);
        out[b] = contract(b);
      }
    }
    std::fill(out + batch, out + width, 0.0);
  }
}
