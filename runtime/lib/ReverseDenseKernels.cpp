//===- ReverseDenseKernels.cpp - The reverse step through a dense 2×2 -----===//
//
// This file implements reverseDense1, the adjoint method's step back through
// a dense one-qubit operator in one pass. Done separately, the step costs
// three passes over the state: uncompute ψ (read and write ψ), accumulate
// the cross terms (read ψ and λ) and update λ (read and write λ). Fused,
// every row pair of ψ and of λ is loaded once, uncomputed, contracted and
// updated in registers, and stored once. Dense one-qubit operators (fused
// unitaries and the rotations of variational layers) make up most of a
// QRU's step, so this is most of the reverse sweep. While ψ and λ fit in
// L2 the step is bound by its arithmetic (two 2×2 products and four complex
// products per row pair, about three forward passes' worth) and fusing
// saves about 10%; beyond L2 it is bound by memory and saves a third.
//
// Like accumulateCross, the cross terms of G blocks are summed in registers
// before the accumulator rows are touched, and the inner loop runs over the
// batch with unit stride.
//
//===----------------------------------------------------------------------===//

#include "AdjointKernels.h"

#include "KernelSupport.h"

#include <algorithm>
#include <type_traits>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

/// U† shared by the batch: the same eight scalars in every lane.
struct SharedCoefficients {
  double c[8];
  explicit SharedCoefficients(const Eigen::Matrix2cd &u) {
    for (int k = 0; k < 4; ++k) {
      c[2 * k] = u(k / 2, k % 2).real();
      c[2 * k + 1] = u(k / 2, k % 2).imag();
    }
  }
  double operator()(int row, std::size_t) const { return c[row]; }
};

/// U† per lane: row `row` of a Matrix2Lanes table.
struct LaneCoefficients {
  const double *rows;
  std::size_t width;
  double operator()(int row, std::size_t b) const {
    return rows[row * width + b];
  }
};

template <bool Cross, typename Coefficients>
void reverse(BatchedState &psi, BatchedState &lambda, unsigned target,
             const Coefficients &u, double *QRUC_RESTRICT rows) {
  constexpr unsigned G = 4;
  const BlockIndexer blocks(psi.numQubits(), &target, 1);
  const std::size_t width = psi.paddedBatch(), count = blocks.count();
  const std::size_t other = (std::size_t(1) << target) * width;
  auto run = [&](std::size_t t, auto groupSize) {
    constexpr unsigned N = decltype(groupSize)::value;
    double *pr[N], *pi[N], *lr[N], *li[N];
    for (unsigned g = 0; g < N; ++g) {
      const std::size_t row = blocks(t + g) * width;
      pr[g] = psi.re() + row;
      pi[g] = psi.im() + row;
      lr[g] = lambda.re() + row;
      li[g] = lambda.im() + row;
    }
#pragma GCC ivdep
    for (std::size_t b = 0; b < width; ++b) {
      const double r00 = u(0, b), i00 = u(1, b), r01 = u(2, b), i01 = u(3, b);
      const double r10 = u(4, b), i10 = u(5, b), r11 = u(6, b), i11 = u(7, b);
      double acc[8] = {};
#pragma GCC unroll 4
      for (unsigned g = 0; g < N; ++g) {
        const double xr = pr[g][b], xi = pi[g][b];
        const double yr = pr[g][b + other], yi = pi[g][b + other];
        const double ar = lr[g][b], ai = li[g][b];
        const double cr = lr[g][b + other], ci = li[g][b + other];
        // ψ ← U†ψ.
        const double p0r = r00 * xr - i00 * xi + r01 * yr - i01 * yi;
        const double p0i = r00 * xi + i00 * xr + r01 * yi + i01 * yr;
        const double p1r = r10 * xr - i10 * xi + r11 * yr - i11 * yi;
        const double p1i = r10 * xi + i10 * xr + r11 * yi + i11 * yr;
        if constexpr (Cross) {
          // R[e][f] += ψ_e·conj(λ_f), pair 2e + f, with λ before its update.
          acc[0] += p0r * ar + p0i * ai;
          acc[1] += p0i * ar - p0r * ai;
          acc[2] += p0r * cr + p0i * ci;
          acc[3] += p0i * cr - p0r * ci;
          acc[4] += p1r * ar + p1i * ai;
          acc[5] += p1i * ar - p1r * ai;
          acc[6] += p1r * cr + p1i * ci;
          acc[7] += p1i * cr - p1r * ci;
        }
        pr[g][b] = p0r;
        pi[g][b] = p0i;
        pr[g][b + other] = p1r;
        pi[g][b + other] = p1i;
        // λ ← U†λ.
        lr[g][b] = r00 * ar - i00 * ai + r01 * cr - i01 * ci;
        li[g][b] = r00 * ai + i00 * ar + r01 * ci + i01 * cr;
        lr[g][b + other] = r10 * ar - i10 * ai + r11 * cr - i11 * ci;
        li[g][b + other] = r10 * ai + i10 * ar + r11 * ci + i11 * cr;
      }
      if constexpr (Cross) {
#pragma GCC unroll 8
        for (unsigned p = 0; p < 8; ++p)
          rows[p * width + b] += acc[p];
      }
    }
  };
  if constexpr (Cross)
    std::fill(rows, rows + 8 * width, 0.0);
  std::size_t t = 0;
  for (; t + G <= count; t += G)
    run(t, std::integral_constant<unsigned, G>());
  for (; t < count; ++t)
    run(t, std::integral_constant<unsigned, 1>());
}

template <typename Coefficients>
void reverseWith(BatchedState &psi, BatchedState &lambda, unsigned target,
                 const Coefficients &u, double *cross) {
  if (cross)
    reverse<true>(psi, lambda, target, u, cross);
  else
    reverse<false>(psi, lambda, target, u, nullptr);
}

} // namespace

void qruc::runtime::detail::reverseDense1(BatchedState &psi,
                                          BatchedState &lambda,
                                          unsigned target,
                                          const Eigen::Matrix2cd &uDagger,
                                          double *cross) {
  reverseWith(psi, lambda, target, SharedCoefficients(uDagger), cross);
}

void qruc::runtime::detail::reverseDense1(BatchedState &psi,
                                          BatchedState &lambda,
                                          unsigned target,
                                          const Matrix2Lanes &uDagger,
                                          double *cross) {
  reverseWith(psi, lambda, target,
              LaneCoefficients{aligned(uDagger.rows), uDagger.width}, cross);
}
