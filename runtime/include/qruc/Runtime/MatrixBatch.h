//===- MatrixBatch.h - Per-sample gate matrices -----------------*- C++ -*-===//
//
// This file declares the per-sample forms of a gate's matrix. A kernel that
// applies a different matrix to every sample reads each matrix entry as a
// row of paddedBatch coefficients, indexed by the sample exactly like the
// amplitudes, so the per-sample inner loop is as vectorisable as the shared
// one. The *Lanes structs are non-owning views (what kernels take); the
// *Batch classes own their rows (what callers fill).
//
// Every row a *Lanes view points to must hold paddedBatch doubles and start
// on a 64-byte boundary (AlignedBuffer, or a state's scratch space): the
// kernels use aligned vector loads on them.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_MATRIXBATCH_H
#define QRUC_RUNTIME_MATRIXBATCH_H

#include "qruc/Runtime/AlignedBuffer.h"

#include <Eigen/Core>

#include <complex>
#include <cstddef>

namespace qruc::runtime {

/// Per-sample N×N matrices as one block of 2N² coefficient rows of `width`
/// (the padded batch) doubles: row 2k holds the real parts of entry
/// k = N·r + c for every sample, row 2k + 1 the imaginary parts. One base
/// pointer, rather than one per row, lets the kernels declare the whole
/// table free of aliasing with the state.
template <int N> struct MatrixLanes {
  const double *rows;
  std::size_t width;

  const double *re(int k) const { return rows + 2 * k * width; }
  const double *im(int k) const { return rows + (2 * k + 1) * width; }
};

using Matrix2Lanes = MatrixLanes<2>;
using Matrix4Lanes = MatrixLanes<4>;

/// Per-sample diagonals of a gate on k ≤ 3 wires: entry e of sample b is
/// re[e][b] + i·im[e][b]. A null row marks an entry equal to 1 in every
/// sample, which the kernel skips: a controlled phase touches only the
/// amplitudes whose control and target bits are all 1.
struct DiagonalLanes {
  const double *re[8] = {};
  const double *im[8] = {};
};

/// An owning table of N×N matrices, one per sample, for N = 2 or 4.
template <int N> class MatrixBatch {
public:
  using Matrix = Eigen::Matrix<std::complex<double>, N, N>;

  /// A table for `batch` samples, every one the identity (padding lanes
  /// included, so that they stay valid states).
  explicit MatrixBatch(std::size_t batch);

  std::size_t batch() const { return batch_; }
  std::size_t paddedBatch() const { return paddedBatch_; }

  void set(std::size_t b, const Matrix &m);
  Matrix get(std::size_t b) const;

  double *reRow(int r, int c) { return row(2 * (N * r + c)); }
  double *imRow(int r, int c) { return row(2 * (N * r + c) + 1); }

  /// The kernel view of this table.
  MatrixLanes<N> lanes() const { return {rows_.data(), paddedBatch_}; }

private:
  double *row(int k) { return rows_.data() + k * paddedBatch_; }
  const double *row(int k) const { return rows_.data() + k * paddedBatch_; }

  std::size_t batch_;
  std::size_t paddedBatch_;
  AlignedBuffer rows_;
};

using Matrix2Batch = MatrixBatch<2>;
using Matrix4Batch = MatrixBatch<4>;

/// The kernel view of an owning table.
template <int N> MatrixLanes<N> lanes(const MatrixBatch<N> &m) {
  return m.lanes();
}

extern template class MatrixBatch<2>;
extern template class MatrixBatch<4>;

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_MATRIXBATCH_H
