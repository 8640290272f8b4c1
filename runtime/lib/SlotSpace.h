//===- SlotSpace.h - Classical slots of one step of one tile ----*- C++ -*-===//
//
// This file declares how the executor addresses classical slots, and the
// forward and reverse rules of the classical instructions over them.
//
// A tile of n samples keeps, per time step, one frame holding every batched
// slot, batch innermost: element e of sample b of a slot starting at row r
// is frame[(r + e)·n + b], so that a batched angle is the contiguous array
// of n per-sample values the gate kernels take (Angle::perSample). Shared
// slots live once, outside the frames. Adjoints use the same layout.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_LIB_SLOTSPACE_H
#define QRUC_RUNTIME_LIB_SLOTSPACE_H

#include "qruc/Runtime/StepProgram.h"

#include <cstddef>
#include <vector>

namespace qruc::runtime::detail {

/// One slot's values (or adjoints) for the samples of a tile: element e of
/// sample b is p[e·elem + b·sample]. Shared slots have sample stride 0, so
/// accumulating through the view of a shared adjoint sums over the samples;
/// a size-1 operand broadcast over a vector has elem stride 0.
struct SlotView {
  double *p = nullptr;
  std::size_t elem = 0;
  std::size_t sample = 0;

  double &operator()(std::size_t e, std::size_t b) const {
    return p[e * elem + b * sample];
  }
  explicit operator bool() const { return p != nullptr; }
};

/// Where every slot lives: for a batched slot, its first row in a frame;
/// for a shared slot, its first index in the shared array.
struct SlotLayout {
  std::vector<std::size_t> offset;
  std::size_t batchedRows = 0;
  std::size_t sharedSize = 0;

  explicit SlotLayout(const StepProgram &program);
};

/// The values, or the adjoints, of every slot at one step of one tile.
struct SlotSpace {
  const StepProgram *program = nullptr;
  const SlotLayout *layout = nullptr;
  /// Batched slots: layout->batchedRows rows of n doubles.
  double *frame = nullptr;
  double *shared = nullptr;
  std::size_t n = 1;
  /// For adjoints: the slots that carry one (those the parameters reach);
  /// the others give null views, and the rules skip them.
  const std::vector<char> *active = nullptr;

  bool batched(SlotId s) const { return program->slots[s].batched; }
  std::uint32_t size(SlotId s) const { return program->slots[s].size; }
  /// n for a batched slot, 1 for a shared one.
  std::size_t samples(SlotId s) const { return batched(s) ? n : 1; }
  /// The slot's element 0: a row of n samples, or the shared value.
  double *data(SlotId s) const {
    return batched(s) ? frame + layout->offset[s] * n
                      : shared + layout->offset[s];
  }
  /// With `broadcast`, a size-1 slot repeats its element for every e.
  SlotView view(SlotId s, bool broadcast = false) const {
    if (active && !(*active)[s])
      return {};
    const bool one = broadcast && size(s) == 1;
    return batched(s) ? SlotView{data(s), one ? 0 : n, 1}
                      : SlotView{data(s), one ? 0u : 1u, 0};
  }
};

/// Runs a classical instruction: out = f(operands), for every sample when
/// out is batched, once when it is shared.
void runClassical(const Instr &in, const SlotSpace &values,
                  const std::vector<double> &constants);

/// Adds the instruction's contribution to its operands' adjoints: for each
/// active operand x, adj(x) += adj(out) · ∂out/∂x. A shared operand of a
/// batched result receives the sum over the samples.
void reverseClassical(const Instr &in, const SlotSpace &values,
                      const SlotSpace &adjoints);

/// f(x) of an elementwise OpCode (Neg … Gelu).
double unaryValue(OpCode op, double x);
/// f'(x) of an elementwise OpCode, given x and y = f(x).
double unaryDerivative(OpCode op, double x, double y);

} // namespace qruc::runtime::detail

#endif // QRUC_RUNTIME_LIB_SLOTSPACE_H
