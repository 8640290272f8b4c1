//===- ExecutorBackward.cpp - The reverse step loop of one tile -----------===//
//
// This file implements the reverse pass over the samples of one tile, from
// the last step to the first. Per step, the adjoints of the outputs and of
// the next step's memories seed the step's frame of adjoints; then the
// step's instructions are reversed, last first: classical instructions by
// the chain rule (ClassicalBackward.cpp), readouts and operators (gates,
// unitaries, permutations) by the adjoint method with two states, ψ
// (uncomputed operator by operator, ψ ← U†ψ) and its adjoint λ
// (AdjointKernels.h, ExecutorOperators.cpp).
//
// Where ψ comes from is the difference between the two step semantics:
//
//  - fresh qubits: ψ of a step is recomputed from |0…0⟩ with the step's
//    stored angles (one forward pass over the step's gates, up to its last
//    readout), and λ starts at 0, since nothing after the step sees its
//    state;
//  - persistent qubits: ψ_T, the state after the last step, is what
//    forward() ended with; every gate of every step is then undone in
//    reverse, which walks ψ back through ψ_{T−1}, …, ψ_0 = |0…0⟩, and λ
//    carries from each step into the one before. Readouts do not disturb
//    the state, so the evolution is unitary and nothing needs storing.
//
// Either way the memory held is two or three states per tile, whatever the
// number of gates and steps.
//
//===----------------------------------------------------------------------===//

#include "ExecutorImpl.h"

#include "AdjointKernels.h"

#include <algorithm>
#include <cassert>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

void Executor::Impl::backwardTile(TileData &tile,
                                  const OutputValues &gradients) {
  const StepProgram &p = program;
  const std::size_t n = tile.n;
  tile.adjFrame.resize(layout.batchedRows * n);
  tile.adjShared.assign(layout.sharedSize, 0.0);
  std::size_t carriedSize = 0;
  for (const auto *vars : {&p.memories, &p.bits})
    for (const VariableInfo &var : *vars)
      carriedSize += var.size * n;
  tile.carried.assign(carriedSize, 0.0);
  tile.uncomputeError = 0.0;
  const SlotSpace adj = adjoints(tile);

  BatchedState *psi = nullptr, *lambda = nullptr;
  std::size_t width = 0;
  if (quantumGrad) {
    if (p.persistent) {
      // Uncompute a copy, so that backward() can be repeated.
      psi = &state(tile.work, n);
      copyAmplitudes(*psi, *tile.psi);
    } else {
      psi = tile.psi.get();
    }
    lambda = &state(tile.lambda, n);
    zeroAmplitudes(*lambda);
    width = psi->paddedBatch();
    tile.lanes.reserveUninitialized(kLaneRows * width);
  }
  // λ is exactly zero until the first readout with a nonzero adjoint;
  // until then gates only need ψ uncomputed.
  bool lambdaZero = true;

  for (std::size_t t = steps; t-- > 0;) {
    const SlotSpace v = values(tile, t);
    std::fill(tile.adjFrame.begin(), tile.adjFrame.end(), 0.0);

    for (std::size_t o = 0; o < p.outputs.size(); ++o) {
      const VariableInfo &var = p.outputs[o];
      if (!var.everyStep && t + 1 != steps)
        continue;
      const SlotView to = adj.view(var.slot);
      if (!to)
        continue;
      const double *from = gradients.values[o][var.everyStep ? t : 0].data() +
                           tile.begin * var.size;
      for (std::size_t b = 0; b < n; ++b)
        for (std::size_t e = 0; e < var.size; ++e)
          to(e, b) += from[b * var.size + e];
    }
    // The adjoint of step t+1's memory flows to step t's next value.
    std::size_t at = 0;
    for (const auto *vars : {&p.memories, &p.bits})
      for (const VariableInfo &var : *vars) {
        if (const SlotView to = adj.view(var.nextSlot))
          for (std::size_t e = 0; e < var.size; ++e)
            for (std::size_t b = 0; b < n; ++b)
              to(e, b) += tile.carried[at + e * n + b];
        at += var.size * n;
      }

    if (quantumGrad && !p.persistent) {
      psi->setZeroState();
      for (long i = 0; i <= lastRead; ++i)
        if (isOperator(p.code[i].op))
          applyStepOperator(*psi, tile, i, v, /*adjoint=*/false);
      zeroAmplitudes(*lambda);
      lambdaZero = true;
    }

    for (std::size_t i = p.code.size(); i-- > 0;) {
      const Instr &in = p.code[i];
      switch (in.op) {
      case OpCode::Expval: {
        if (!quantumGrad)
          break;
        const SlotView g = adj.view(in.out);
        if (!g)
          break;
        double *row = tile.lanes.data() + kOperandRows * width;
        bool any = false;
        for (std::size_t b = 0; b < n; ++b) {
          row[b] = g(0, b);
          any = any || row[b] != 0.0;
        }
        std::fill(row + n, row + width, 0.0);
        if (any) {
          addPauliImage(*lambda, *psi, words[i], row);
          lambdaZero = false;
        }
        break;
      }
      case OpCode::Gate:
      case OpCode::Unitary:
      case OpCode::Permute:
        // A fresh step's operators after its last readout were not
        // recomputed.
        if (!quantumGrad || (!p.persistent && long(i) > lastRead))
          break;
        if (lambdaZero)
          applyStepOperator(*psi, tile, i, v, /*adjoint=*/true);
        else
          reverseOperator(*psi, *lambda, tile, i, v, adj);
        break;
      case OpCode::Measure:
      case OpCode::Reset:
        assert(false && "backward() refuses programs that measure");
        break;
      default:
        // Shared results are reversed once, after all steps and tiles.
        if (v.batched(in.out))
          reverseClassical(in, v, adj);
        break;
      }
    }

    at = 0;
    for (const auto *vars : {&p.memories, &p.bits})
      for (const VariableInfo &var : *vars) {
        const SlotView from = adj.view(var.slot);
        for (std::size_t e = 0; e < var.size; ++e)
          for (std::size_t b = 0; b < n; ++b)
            tile.carried[at + e * n + b] = from ? from(e, b) : 0.0;
        at += var.size * n;
      }
    if (quantumGrad && !p.persistent)
      tile.uncomputeError =
          std::max(tile.uncomputeError, zeroStateDeviation(*psi));
  }
  if (quantumGrad && p.persistent)
    tile.uncomputeError = zeroStateDeviation(*psi);
}
