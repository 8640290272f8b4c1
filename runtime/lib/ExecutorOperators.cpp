//===- ExecutorOperators.cpp - The step's operators on a tile's states ----===//
//
// This file implements how the executor applies the instructions that act
// on the state with an operator (Gate, Unitary, Permute), forwards and, for
// the reverse sweep, as adjoints, and how it turns the contraction of ψ and
// λ at such an instruction into gradients of its operands.
//
// Operands come from the step's slots: a shared slot is one value for the
// whole tile, so a gate whose angles, or a unitary whose eight entries, are
// all shared builds one matrix for the batch (the matrices of the fused
// variational layers, computed once per call); otherwise each lane gets its
// own coefficients. A gradient row of a shared operand is summed over the
// samples as it is added to the shared adjoint.
//
//===----------------------------------------------------------------------===//

#include "ExecutorImpl.h"

#include "AdjointKernels.h"

#include "qruc/Runtime/Gates.h"
#include "qruc/Runtime/Kernels.h"

#include <algorithm>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

/// The gate's angles as the kernels take them, from the step's slots.
void gateAngles(const Instr &in, const SlotSpace &v, Angle *angles) {
  for (std::size_t k = 0; k < in.operands.size(); ++k) {
    const SlotId s = in.operands[k];
    angles[k] = v.batched(s) ? Angle::perSample(v.data(s))
                             : Angle::shared(*v.data(s));
  }
}

/// Applies a Unitary instruction's matrix U, or U† (entry (r, c) of U† is
/// the conjugate of U[c][r]).
void applyUnitary(BatchedState &s, const Instr &in, const SlotSpace &v,
                  bool adjoint) {
  auto operand = [&](int r, int c, int part) {
    return in.operands[adjoint ? 2 * (2 * c + r) + part
                               : 2 * (2 * r + c) + part];
  };
  const double imSign = adjoint ? -1.0 : 1.0;
  const bool shared =
      std::none_of(in.operands.begin(), in.operands.end(),
                   [&](SlotId slot) { return v.batched(slot); });
  if (shared) {
    Eigen::Matrix2cd u;
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c)
        u(r, c) = {*v.data(operand(r, c, 0)),
                   imSign * *v.data(operand(r, c, 1))};
    applyDense1(s, in.wires[0], u);
    return;
  }
  // Coefficient rows as Matrix2Lanes lays them out: row 2k real and row
  // 2k + 1 imaginary parts of entry k = 2r + c.
  const std::size_t width = s.paddedBatch(), n = s.batch();
  double *rows = s.scratch(8 * width);
  for (int k = 0; k < 4; ++k)
    for (int part = 0; part < 2; ++part) {
      const SlotId slot = operand(k / 2, k % 2, part);
      const double sign = part == 1 ? imSign : 1.0;
      const double *from = v.data(slot);
      double *to = rows + (2 * k + part) * width;
      if (v.batched(slot))
        for (std::size_t b = 0; b < n; ++b)
          to[b] = sign * from[b];
      else
        std::fill(to, to + n, sign * *from);
      // Padding lanes get the identity, so that they stay valid states.
      std::fill(to + n, to + width, part == 0 && k % 3 == 0 ? 1.0 : 0.0);
    }
  applyDense1(s, in.wires[0], Matrix2Lanes{rows, width});
}

} // namespace

void Executor::Impl::applyStepOperator(BatchedState &s, TileData &tile,
                                       std::size_t index, const SlotSpace &v,
                                       bool adjoint) {
  const Instr &in = program.code[index];
  auto apply = [&] {
    switch (in.op) {
    case OpCode::Gate: {
      Angle angles[3] = {0.0, 0.0, 0.0};
      gateAngles(in, v, angles);
      if (adjoint)
        applyGateAdjoint(s, in.gate, in.wires.data(), angles);
      else
        applyGate(s, in.gate, in.wires.data(), angles);
      break;
    }
    case OpCode::Unitary:
      applyUnitary(s, in, v, adjoint);
      break;
    case OpCode::Permute:
      applyPermutation(s, permutations[index], adjoint);
      break;
    default:
      assert(false && "not an operator");
      break;
    }
  };
  if (in.cond == kNoSlot)
    return apply();
  const double *cond = v.data(in.cond);
  if (!v.batched(in.cond)) {
    if (*cond != 0.0)
      apply();
    return;
  }
  const std::size_t active = tile.n - std::count(cond, cond + tile.n, 0.0);
  if (active == 0)
    return;
  if (active == tile.n)
    return apply();
  // Some samples only: apply to all, then put the others back. Conditional
  // operators come from measurement feed-forward and are rare, so a state
  // copy beats a masked variant of every kernel.
  BatchedState &saved = state(tile.saved, tile.n);
  copyAmplitudes(saved, s);
  apply();
  restoreLanes(s, saved, cond, tile.n);
}

void Executor::Impl::addOperandGradients(const BatchedState &psi,
                                         const BatchedState &lambda,
                                         TileData &tile, const Instr &in,
                                         const SlotSpace &v,
                                         const SlotSpace &adj) {
  bool want[kOperandRows] = {};
  bool anyWant = false;
  for (std::size_t k = 0; k < in.operands.size(); ++k)
    anyWant |= want[k] = needsGrad[in.operands[k]] != 0;
  const double *cond = in.cond == kNoSlot ? nullptr : v.data(in.cond);
  const bool condShared = cond && !v.batched(in.cond);
  if (!anyWant || (condShared && *cond == 0.0))
    return;
  double *grads = tile.lanes.data();
  if (in.op == OpCode::Gate) {
    Angle angles[3] = {0.0, 0.0, 0.0};
    gateAngles(in, v, angles);
    gateAngleGradients(psi, lambda, in.gate, in.wires.data(), angles, want,
                       tile.cross, grads);
  } else {
    unitaryEntryGradients(psi, lambda, in.wires[0], want, tile.cross, grads);
  }
  const std::size_t width = psi.paddedBatch();
  for (std::size_t k = 0; k < in.operands.size(); ++k) {
    if (!want[k])
      continue;
    const SlotView g = adj.view(in.operands[k]);
    const double *row = grads + k * width;
    for (std::size_t b = 0; b < tile.n; ++b)
      if (!cond || condShared || cond[b] != 0.0)
        g(0, b) += row[b];
  }
}
