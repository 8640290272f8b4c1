//===- KernelSupport.h - Index arithmetic shared by the kernels -*- C++ -*-===//
//
// This file defines the private helpers every kernel uses: enumerating the
// amplitude blocks a k-qubit gate acts on, mapping a gate-matrix basis index
// to an amplitude offset, and telling the compiler that rows are aligned and
// do not alias. It is not installed; kernels are the interface.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_LIB_KERNELSUPPORT_H
#define QRUC_RUNTIME_LIB_KERNELSUPPORT_H

#include "qruc/Runtime/AlignedBuffer.h"

#include <algorithm>
#include <cassert>
#include <cstddef>

#define QRUC_RESTRICT __restrict__

namespace qruc::runtime::detail {

/// Row pointers are cache-line aligned because the buffer is and rows are a
/// multiple of eight doubles long; saying so lets the vectoriser drop its
/// peeling prologue.
inline double *aligned(double *p) {
  return static_cast<double *>(__builtin_assume_aligned(p, kCacheLineBytes));
}
inline const double *aligned(const double *p) {
  return static_cast<const double *>(
      __builtin_assume_aligned(p, kCacheLineBytes));
}

/// The most wires a block may span: a gate has at most 3, a permutation
/// of basis states (BasisPermutation.h) up to kMaxPermuteWires.
inline constexpr unsigned kMaxBlockWires = 16;

/// Enumerates the 2^(n-k) amplitude indices whose bits at k gate wires are
/// zero (optionally with extra bits forced to 1, for controls). The gate then
/// acts on the rows at index | offset(e) for each of its basis states e.
class BlockIndexer {
public:
  BlockIndexer(unsigned numQubits, const unsigned *wires, unsigned k,
               std::size_t fixedOnes = 0)
      : k_(k), count_(std::size_t(1) << (numQubits - k)),
        fixedOnes_(fixedOnes) {
    assert(k <= kMaxBlockWires && k <= numQubits);
    std::copy(wires, wires + k, sorted_);
    std::sort(sorted_, sorted_ + k);
    for (unsigned j = 0; j < k; ++j) {
      assert(sorted_[j] < numQubits && "wire out of range");
      assert((j == 0 || sorted_[j] != sorted_[j - 1]) && "repeated wire");
      lowMask_[j] = (std::size_t(1) << sorted_[j]) - 1;
    }
  }

  /// The number of blocks.
  std::size_t count() const { return count_; }

  /// Blocks come in runs of consecutive base indices: every index below the
  /// lowest gate wire varies freely, so 2^lowestWire consecutive blocks have
  /// consecutive rows, i.e. one contiguous stretch of memory per basis
  /// state of the gate. Kernels loop over runs and hand each stretch to one
  /// long inner loop, which costs less loop overhead than one short loop
  /// per row when the batch is small.
  std::size_t runLength() const {
    return k_ ? std::size_t(1) << sorted_[0] : count_;
  }
  std::size_t numRuns() const { return count_ / runLength(); }
  /// The first base index of run r.
  std::size_t run(std::size_t r) const { return (*this)(r * runLength()); }

  /// The t-th block's base index: t with a zero bit inserted at each gate
  /// wire, in ascending order so that earlier insertions do not move later
  /// positions.
  std::size_t operator()(std::size_t t) const {
    for (unsigned j = 0; j < k_; ++j)
      t = ((t & ~lowMask_[j]) << 1) | (t & lowMask_[j]);
    return t | fixedOnes_;
  }

private:
  unsigned k_;
  std::size_t count_;
  std::size_t fixedOnes_;
  unsigned sorted_[kMaxBlockWires] = {};
  std::size_t lowMask_[kMaxBlockWires] = {};
};

/// The amplitude offset of basis state `e` of a k-wire gate matrix whose
/// first operand is the most significant bit.
inline std::size_t basisOffset(unsigned e, const unsigned *wires, unsigned k) {
  std::size_t off = 0;
  for (unsigned j = 0; j < k; ++j)
    if ((e >> (k - 1 - j)) & 1u)
      off |= std::size_t(1) << wires[j];
  return off;
}

} // namespace qruc::runtime::detail

#endif // QRUC_RUNTIME_LIB_KERNELSUPPORT_H
