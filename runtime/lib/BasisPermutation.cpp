//===- BasisPermutation.cpp - A permutation of basis states ---------------===//
//
// This file implements the decomposition of a permutation table into the
// cycles the permutation kernel rotates, with each basis state already
// turned into its amplitude offset within a block.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/BasisPermutation.h"

#include "KernelSupport.h"

#include "qruc/Runtime/StepProgram.h"

#include <cassert>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

static_assert(kMaxPermuteWires <= kMaxBlockWires,
              "the kernel must enumerate the blocks of every permutation");

BasisPermutation::BasisPermutation(const unsigned *wires, unsigned k,
                                   const std::uint32_t *perm)
    : wires_(wires, wires + k) {
  assert(k <= kMaxPermuteWires);
  const std::size_t dim = std::size_t(1) << k;
  std::vector<bool> visited(dim);
  for (std::size_t start = 0; start < dim; ++start) {
    if (visited[start] || perm[start] == start)
      continue;
    for (std::size_t j = start; !visited[j]; j = perm[j]) {
      assert(perm[j] < dim && "not a permutation");
      visited[j] = true;
      offsets_.push_back(basisOffset(static_cast<unsigned>(j), wires, k));
    }
    cycleBegins_.push_back(offsets_.size());
  }
}
