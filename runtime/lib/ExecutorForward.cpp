//===- ExecutorForward.cpp - The forward step loop of one tile ------------===//
//
// This file implements the forward pass over the samples of one tile: for
// every step, inputs and memories into the step's frame, the instructions
// in order on the frame and the tile's state, and the outputs out. Each
// step keeps its frame (the classical activations backward() needs) and
// nothing else: no state is stored per gate or per step.
//
//===----------------------------------------------------------------------===//

#include "ExecutorImpl.h"

#include "qruc/Runtime/CounterRng.h"
#include "qruc/Runtime/Expectation.h"
#include "qruc/Runtime/Measurement.h"

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

/// Copies the driver's sample-major values (sample b's at [b·size, …)) of
/// the tile's samples into a slot.
void load(const SlotView &to, std::size_t size, std::size_t n,
          const double *from) {
  for (std::size_t b = 0; b < n; ++b)
    for (std::size_t e = 0; e < size; ++e)
      to(e, b) = from[b * size + e];
}

} // namespace

void Executor::Impl::forwardTile(TileData &tile, const SequenceBatch &input,
                                 OutputValues &outputs, std::uint64_t seed) {
  const StepProgram &p = program;
  const std::size_t n = tile.n;
  tile.frames.resize(steps * layout.batchedRows * n);
  BatchedState *psi = hasQuantum ? &state(tile.psi, n) : nullptr;
  const CounterRng rng(seed);
  if (nonUnitary)
    tile.outcomes.resize(n);

  for (std::size_t t = 0; t < steps; ++t) {
    const SlotSpace v = values(tile, t);
    for (std::size_t i = 0; i < p.inputs.size(); ++i)
      load(v.view(p.inputs[i].slot), p.inputs[i].size, n,
           input.inputs[t][i].data() + tile.begin * p.inputs[i].size);
    // Memory and bits: their initial values, then the previous step's
    // next values.
    for (const auto *vars : {&p.memories, &p.bits})
      for (const VariableInfo &var : *vars) {
        const SlotView to = v.view(var.slot);
        if (t == 0) {
          for (std::size_t e = 0; e < var.size; ++e)
            for (std::size_t b = 0; b < n; ++b)
              to(e, b) = var.init.empty()       ? 0.0
                         : var.init.size() == 1 ? var.init[0]
                                                : var.init[e];
        } else {
          const SlotView from = values(tile, t - 1).view(var.nextSlot);
          for (std::size_t e = 0; e < var.size; ++e)
            for (std::size_t b = 0; b < n; ++b)
              to(e, b) = from(e, b);
        }
      }
    if (psi && (!p.persistent || t == 0))
      psi->setZeroState();

    for (std::size_t i = 0; i < p.code.size(); ++i) {
      const Instr &in = p.code[i];
      switch (in.op) {
      case OpCode::Gate:
      case OpCode::Unitary:
      case OpCode::Permute:
        applyStepOperator(*psi, tile, i, v, /*adjoint=*/false);
        break;
      case OpCode::Expval:
        expectationValues(*psi, words[i], v.data(in.out));
        break;
      case OpCode::Measure:
      case OpCode::Reset: {
        // Draw numbers are unique per step within a run.
        const MeasurementDraw draw{rng, t * drawsPerStep + in.imm0,
                                   tile.begin};
        if (in.op == OpCode::Reset) {
          reset(*psi, in.wires[0], draw);
          break;
        }
        measure(*psi, in.wires[0], draw, tile.outcomes.data());
        double *out = v.data(in.out);
        for (std::size_t b = 0; b < n; ++b)
          out[b] = tile.outcomes[b];
        break;
      }
      default:
        // Shared results were computed once, before the step loop.
        if (v.batched(in.out))
          runClassical(in, v, p.constants);
        break;
      }
    }

    for (std::size_t o = 0; o < p.outputs.size(); ++o) {
      const VariableInfo &var = p.outputs[o];
      if (!var.everyStep && t + 1 != steps)
        continue;
      double *to = outputs.values[o][var.everyStep ? t : 0].data() +
                   tile.begin * var.size;
      const SlotView from = v.view(var.slot);
      for (std::size_t b = 0; b < n; ++b)
        for (std::size_t e = 0; e < var.size; ++e)
          to[b * var.size + e] = from(e, b);
    }
  }
}
