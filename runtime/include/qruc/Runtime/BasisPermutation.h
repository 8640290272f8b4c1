//===- BasisPermutation.h - A permutation of basis states -------*- C++ -*-===//
//
// This file declares BasisPermutation, a permutation of the basis states of
// k wires prepared for the permutation kernel (applyPermutation in
// Kernels.h). A network of CNOTs, SWAPs, Toffolis and Fredkins (a ring of
// CNOTs, say) only moves amplitudes, so the compiler composes it into one
// table (qru.permute); applying the table costs one pass of row moves
// instead of one pass per gate.
//
// The table is decomposed into cycles once, when the permutation is built
// (which allocates). Applying it then walks each block of the state and
// rotates the rows of every cycle through one saved row: each moved row is
// read and written once, fixed points are not touched, and the inverse is
// the same rotation the other way.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_BASISPERMUTATION_H
#define QRUC_RUNTIME_BASISPERMUTATION_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace qruc::runtime {

class BasisPermutation {
public:
  /// The identity on no wires.
  BasisPermutation() = default;

  /// `perm` has 2^k entries, a permutation of 0 … 2^k − 1: basis state j of
  /// the wires, numbered with wires[0] as the most significant bit (as the
  /// gate matrices and qru.permute), becomes perm[j]. The k ≤ 16 wires are
  /// distinct.
  BasisPermutation(const unsigned *wires, unsigned k,
                   const std::uint32_t *perm);

  unsigned numWires() const { return static_cast<unsigned>(wires_.size()); }
  const unsigned *wires() const { return wires_.data(); }

  /// The cycles of length ≥ 2. Cycle c lists the amplitude offsets (within
  /// a block) of its basis states, cycleBegin(c) … cycleBegin(c + 1) in
  /// offsets(), in the order the permutation visits them: the amplitude at
  /// one offset moves to the next, the last to the first.
  std::size_t numCycles() const { return cycleBegins_.size() - 1; }
  std::size_t cycleBegin(std::size_t c) const { return cycleBegins_[c]; }
  const std::size_t *offsets() const { return offsets_.data(); }

private:
  std::vector<unsigned> wires_;
  std::vector<std::size_t> offsets_;
  std::vector<std::size_t> cycleBegins_ = {0};
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_BASISPERMUTATION_H
