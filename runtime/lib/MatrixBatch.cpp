//===- MatrixBatch.cpp - Per-sample gate matrices -------------------------===//
//
// This file implements the owning per-sample matrix tables and their kernel
// views. Rows alternate real and imaginary parts so that one allocation
// holds the whole table.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/MatrixBatch.h"

#include "qruc/Runtime/BatchedState.h"

#include <algorithm>
#include <cassert>

using namespace qruc::runtime;

template <int N>
MatrixBatch<N>::MatrixBatch(std::size_t batch)
    : batch_(batch), paddedBatch_(paddedBatchSize(batch)),
      rows_(2 * N * N * paddedBatchSize(batch)) {
  for (int d = 0; d < N; ++d)
    std::fill(reRow(d, d), reRow(d, d) + paddedBatch_, 1.0);
}

template <int N> void MatrixBatch<N>::set(std::size_t b, const Matrix &m) {
  assert(b < batch_);
  for (int r = 0; r < N; ++r)
    for (int c = 0; c < N; ++c) {
      reRow(r, c)[b] = m(r, c).real();
      imRow(r, c)[b] = m(r, c).imag();
    }
}

template <int N>
typename MatrixBatch<N>::Matrix MatrixBatch<N>::get(std::size_t b) const {
  assert(b < paddedBatch_);
  Matrix m;
  for (int r = 0; r < N; ++r)
    for (int c = 0; c < N; ++c)
      m(r, c) = {row(2 * (N * r + c))[b], row(2 * (N * r + c) + 1)[b]};
  return m;
}

template class qruc::runtime::MatrixBatch<2>;
template class qruc::runtime::MatrixBatch<4>;
