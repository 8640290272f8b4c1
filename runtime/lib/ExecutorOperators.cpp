//===- ExecutorOperators.cpp - The step's operators on a tile's states ----===//
//
// This file implements how the executor applies the instructions that act
// on the state with an operator (Gate, Unitary, Permute), forwards, and how
// the reverse sweep steps back through one: ψ and λ through U†, and the
// contraction of ψ and λ into gradients of its operands. A dense one-qubit
// operator does the three in one pass (reverseDense1); the others, and
// operators conditioned per sample, in three.
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

#include "qruc/Runtime/GateMatrices.h"
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

/// A dense 2×2 as the kernels take it: one matrix for the batch, or a
/// Matrix2Lanes table (in a state's scratch space).
struct Dense1Coefficients {
  bool shared = true;
  Eigen::Matrix2cd matrix;
  Matrix2Lanes lanes{nullptr, 0};
};

/// A Unitary instruction's matrix U, or U† (entry (r, c) of U† is the
/// conjugate of U[c][r]), from its eight entry slots; per-lane rows go to
/// the scratch space of `s`.
Dense1Coefficients unitaryCoefficients(const Instr &in, const SlotSpace &v,
                                       bool adjoint, BatchedState &s) {
  auto operand = [&](int r, int c, int part) {
    return in.operands[adjoint ? 2 * (2 * c + r) + part
                               : 2 * (2 * r + c) + part];
  };
  const double imSign = adjoint ? -1.0 : 1.0;
  Dense1Coefficients u;
  u.shared = std::none_of(in.operands.begin(), in.operands.end(),
                          [&](SlotId slot) { return v.batched(slot); });
  if (u.shared) {
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c)
        u.matrix(r, c) = {*v.data(operand(r, c, 0)),
                          imSign * *v.data(operand(r, c, 1))};
    return u;
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
  u.lanes = {rows, width};
  return u;
}

/// The adjoint U† of a one-qubit gate (KernelClass::Dense1) with the
/// step's angles; per-lane rows go to the scratch space of `s`.
Dense1Coefficients gateAdjointCoefficients(const Instr &in,
                                           const Angle *angles,
                                           BatchedState &s) {
  Dense1Coefficients u;
  double values[3] = {};
  for (std::size_t k = 0; k < in.operands.size(); ++k) {
    u.shared = u.shared && angles[k].isShared();
    values[k] = angles[k].value();
  }
  if (u.shared) {
    u.matrix = oneQubitMatrix(in.gate, values).adjoint();
    return u;
  }
  const std::size_t width = s.paddedBatch();
  double *rows = s.scratch(8 * width);
  oneQubitLanes(in.gate, angles, /*adjoint=*/true, s.batch(), width, rows);
  u.lanes = {rows, width};
  return u;
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
    case OpCode::Unitary: {
      const Dense1Coefficients u = unitaryCoefficients(in, v, adjoint, s);
      if (u.shared)
        applyDense1(s, in.wires[0], u.matrix);
      else
        applyDense1(s, in.wires[0], u.lanes);
      break;
    }
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

bool Executor::Impl::wantedOperands(const Instr &in, bool *want) const {
  bool any = false;
  for (std::size_t k = 0; k < in.operands.size(); ++k)
    any |= want[k] = needsGrad[in.operands[k]] != 0;
  return any;
}

void Executor::Impl::accumulateOperandGradients(const Instr &in,
                                                const bool *want,
                                                const double *grads,
                                                std::size_t width,
                                                const SlotSpace &v,
                                                const SlotSpace &adj) {
  // Under a per-sample condition, only the samples it held for.
  const double *cond = in.cond != kNoSlot && v.batched(in.cond)
                           ? v.data(in.cond)
                           : nullptr;
  for (std::size_t k = 0; k < in.operands.size(); ++k) {
    if (!want[k])
      continue;
    const SlotView g = adj.view(in.operands[k]);
    const double *row = grads + k * width;
    for (std::size_t b = 0; b < v.n; ++b)
      if (!cond || cond[b] != 0.0)
        g(0, b) += row[b];
  }
}

void Executor::Impl::reverseOperator(BatchedState &psi, BatchedState &lambda,
                                     TileData &tile, std::size_t index,
                                     const SlotSpace &v,
                                     const SlotSpace &adj) {
  const Instr &in = program.code[index];
  const bool condPerSample = in.cond != kNoSlot && v.batched(in.cond);
  if (in.cond != kNoSlot && !condPerSample && *v.data(in.cond) == 0.0)
    return; // never applied: nothing to undo, no gradient
  bool want[kOperandRows] = {};
  const bool anyWant = wantedOperands(in, want);
  const std::size_t width = psi.paddedBatch();
  double *grads = tile.lanes.data();
  const bool dense1 =
      in.op == OpCode::Unitary ||
      (in.op == OpCode::Gate && gateInfo(in.gate).kernel == KernelClass::Dense1);
  if (!dense1 || condPerSample) {
    // Three passes: uncompute ψ, contract, update λ.
    applyStepOperator(psi, tile, index, v, /*adjoint=*/true);
    if (anyWant) {
      if (in.op == OpCode::Gate) {
        Angle angles[3] = {0.0, 0.0, 0.0};
        gateAngles(in, v, angles);
        gateAngleGradients(psi, lambda, in.gate, in.wires.data(), angles,
                           want, tile.cross, grads);
      } else {
        unitaryEntryGradients(psi, lambda, in.wires[0], want, tile.cross,
                              grads);
      }
      accumulateOperandGradients(in, want, grads, width, v, adj);
    }
    applyStepOperator(lambda, tile, index, v, /*adjoint=*/true);
    return;
  }

  // A dense one-qubit operator: one pass (reverseDense1).
  Angle angles[3] = {0.0, 0.0, 0.0};
  gateAngles(in, v, angles);
  const Dense1Coefficients uDagger =
      in.op == OpCode::Unitary ? unitaryCoefficients(in, v, true, psi)
                               : gateAdjointCoefficients(in, angles, psi);
  double *cross = nullptr;
  if (anyWant) {
    tile.cross.reserveUninitialized(8 * width);
    cross = tile.cross.data();
  }
  if (uDagger.shared)
    reverseDense1(psi, lambda, in.wires[0], uDagger.matrix, cross);
  else
    reverseDense1(psi, lambda, in.wires[0], uDagger.lanes, cross);
  if (!anyWant)
    return;
  if (in.op == OpCode::Gate)
    contractAngleGradients(in.gate, angles, want, cross, tile.n, width,
                           grads);
  else
    contractEntryGradients(want, cross, width, grads);
  accumulateOperandGradients(in, want, grads, width, v, adj);
}
