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
#include <type_traits>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

using C = std::complex<double>;

std::size_t amplitudeCount(const BatchedState &s) {
  return 2 * s.dimension() * s.paddedBatch();
}

/// The basis-state pairs (e, f) of a gate's matrix whose cross term
/// ψ_e·conj(λ_f) can meet a nonzero entry ∂U[f][e]: its structure decides.
struct PairList {
  unsigned count = 0;
  unsigned e[16] = {};
  unsigned f[16] = {};
};

constexpr PairList pairList(unsigned dim, KernelClass kernel) {
  PairList list;
  for (unsigned e = 0; e < dim; ++e)
    for (unsigned f = 0; f < dim; ++f) {
      const bool wanted =
          kernel == KernelClass::Diagonal ? e == f
          // Only the block where the control is 1 depends on the angles.
          : kernel == KernelClass::ControlledDense1 ? e >= 2 && f >= 2
                                                   : true;
      if (wanted) {
        list.e[list.count] = e;
        list.f[list.count] = f;
        ++list.count;
      }
    }
  return list;
}

/// rows[2p], rows[2p+1] += Re, Im Σ_blocks ψ_e·conj(λ_f) for every pair p
/// of the pattern. The blocks are taken G at a time and summed in
/// registers before the accumulator rows are touched: the accumulators
/// then cost one load and one store per G blocks instead of per block,
/// which makes the pass cost about as much as applying a gate.
template <unsigned Dim, KernelClass Kernel>
void accumulateCross(const BatchedState &psi, const BatchedState &lambda,
                     const BlockIndexer &blocks, const std::size_t *offset,
                     double *QRUC_RESTRICT rows) {
  constexpr PairList list = pairList(Dim, Kernel);
  constexpr unsigned P = list.count;
  constexpr unsigned G = Dim == 2 ? 4 : 2;
  const std::size_t width = psi.paddedBatch(), count = blocks.count();
  auto run = [&](std::size_t t, auto groupSize) {
    constexpr unsigned N = decltype(groupSize)::value;
    const double *pr[N][Dim], *pi[N][Dim], *lr[N][Dim], *li[N][Dim];
    for (unsigned g = 0; g < N; ++g) {
      const std::size_t base = blocks(t + g);
      for (unsigned e = 0; e < Dim; ++e) {
        const std::size_t row = (base + offset[e]) * width;
        pr[g][e] = psi.re() + row;
        pi[g][e] = psi.im() + row;
        lr[g][e] = lambda.re() + row;
        li[g][e] = lambda.im() + row;
      }
    }
#pragma GCC ivdep
    for (std::size_t b = 0; b < width; ++b) {
      double acc[2 * P] = {};
#pragma GCC unroll 16
      for (unsigned g = 0; g < N; ++g)
#pragma GCC unroll 16
        for (unsigned p = 0; p < P; ++p) {
          const unsigned e = list.e[p], f = list.f[p];
          acc[2 * p] += pr[g][e][b] * lr[g][f][b] + pi[g][e][b] * li[g][f][b];
          acc[2 * p + 1] +=
              pi[g][e][b] * lr[g][f][b] - pr[g][e][b] * li[g][f][b];
        }
#pragma GCC unroll 32
      for (unsigned p = 0; p < 2 * P; ++p)
        rows[p * width + b] += acc[p];
    }
  };
  std::size_t t = 0;
  for (; t + G <= count; t += G)
    run(t, std::integral_constant<unsigned, G>());
  for (; t < count; ++t)
    run(t, std::integral_constant<unsigned, 1>());
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
  // Squared distances per lane, one unit-stride pass; the root at the end.
  const std::size_t width = state.paddedBatch(), batch = state.batch();
  double worst = 0.0;
  for (std::size_t i = 0; i < state.dimension(); ++i) {
    const double *QRUC_RESTRICT re = aligned(state.re() + i * width);
    const double *QRUC_RESTRICT im = aligned(state.im() + i * width);
    const double target = i == 0 ? 1.0 : 0.0;
    for (std::size_t b = 0; b < batch; ++b) {
      const double d = (re[b] - target) * (re[b] - target) + im[b] * im[b];
      worst = d > worst ? d : worst;
    }
  }
  return std::sqrt(worst);
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

namespace {

/// R[p] = Σ_blocks ψ_e·conj(λ_f) per lane for every pair p = (e, f) of
/// pairList(2^k, kernel), as rows 2p (real) and 2p + 1 (imaginary) of
/// `work`, which it returns.
const double *crossTerms(const BatchedState &psi, const BatchedState &lambda,
                         KernelClass kernel, const unsigned *wires,
                         unsigned k, AlignedBuffer &work) {
  const unsigned dim = 1u << k;
  const std::size_t width = psi.paddedBatch();
  const std::size_t count = 2 * pairList(dim, kernel).count * width;
  work.reserveUninitialized(count);
  double *rows = work.data();
  std::fill(rows, rows + count, 0.0);
  std::size_t offset[4];
  for (unsigned e = 0; e < dim; ++e)
    offset[e] = basisOffset(e, wires, k);
  const BlockIndexer blocks(psi.numQubits(), wires, k);
  switch (kernel) {
  case KernelClass::Dense1:
    accumulateCross<2, KernelClass::Dense1>(psi, lambda, blocks, offset, rows);
    break;
  case KernelClass::ControlledDense1:
    accumulateCross<4, KernelClass::ControlledDense1>(psi, lambda, blocks,
                                                      offset, rows);
    break;
  case KernelClass::Diagonal:
    if (k == 1)
      accumulateCross<2, KernelClass::Diagonal>(psi, lambda, blocks, offset,
                                                rows);
    else
      accumulateCross<4, KernelClass::Diagonal>(psi, lambda, blocks, offset,
                                                rows);
    break;
  case KernelClass::Dense2:
    accumulateCross<4, KernelClass::Dense2>(psi, lambda, blocks, offset, rows);
    break;
  case KernelClass::Permutation:
    assert(false && "permutation gates have no angles");
    break;
  }
  return rows;
}

} // namespace

void qruc::runtime::detail::gateAngleGradients(
    const BatchedState &psi, const BatchedState &lambda, GateKind kind,
    const unsigned *wires, const Angle *angles, const bool *want,
    AlignedBuffer &work, double *grads) {
  const GateInfo &info = gateInfo(kind);
  const double *rows =
      crossTerms(psi, lambda, info.kernel, wires, info.numQubits, work);
  contractAngleGradients(kind, angles, want, rows, psi.batch(),
                         psi.paddedBatch(), grads);
}

void qruc::runtime::detail::contractAngleGradients(
    GateKind kind, const Angle *angles, const bool *want, const double *rows,
    std::size_t batch, std::size_t width, double *grads) {
  const GateInfo &info = gateInfo(kind);
  const unsigned dim = 1u << info.numQubits;
  const PairList pairs = pairList(dim, info.kernel);
  const unsigned numPairs = pairs.count;

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
      const C entry = d[pairs.f[p] * dim + pairs.e[p]];
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

void qruc::runtime::detail::unitaryEntryGradients(const BatchedState &psi,
                                                  const BatchedState &lambda,
                                                  unsigned wire,
                                                  const bool *want,
                                                  AlignedBuffer &work,
                                                  double *grads) {
  const double *rows =
      crossTerms(psi, lambda, KernelClass::Dense1, &wire, 1, work);
  contractEntryGradients(want, rows, psi.paddedBatch(), grads);
}

void qruc::runtime::detail::contractEntryGradients(const bool *want,
                                                   const double *rows,
                                                   std::size_t width,
                                                   double *grads) {
  // dL = 2 Re Σ_f conj(λ_f)·dψ'_f with dψ'_f = Σ_e du_fe·ψ_e, so
  // dL/dRe u_fe = 2 Re R[e][f] and dL/dIm u_fe = 2 Re(i·R[e][f])
  // = −2 Im R[e][f]. Dense1 pairs run e-major: pair (e, f) is 2e + f.
  for (unsigned f = 0; f < 2; ++f)
    for (unsigned e = 0; e < 2; ++e) {
      const unsigned entry = 2 * f + e, pair = 2 * e + f;
      for (unsigned part = 0; part < 2; ++part) {
        if (!want[2 * entry + part])
          continue;
        const double scale = part == 0 ? 2.0 : -2.0;
        const double *QRUC_RESTRICT from =
            aligned(rows + (2 * pair + part) * width);
        double *QRUC_RESTRICT to = aligned(grads + (2 * entry + part) * width);
        for (std::size_t b = 0; b < width; ++b)
          to[b] = scale * from[b];
      }
    }
}
