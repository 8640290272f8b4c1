//===- Executor.cpp - Running and differentiating a step program ----------===//
//
// This file implements the Executor's public calls and what they share: the
// analysis of the program done once at construction, the parameters and
// shared slots computed once per call, the fan-out over batch tiles, and the
// reduction of the tiles' shared adjoints into parameter gradients. The
// step loops are in ExecutorForward.cpp and ExecutorBackward.cpp; the
// method is described in docs/runtime.md.
//
//===----------------------------------------------------------------------===//

#include "ExecutorImpl.h"

#include "qruc/Runtime/BatchTiles.h"

#include <algorithm>
#include <stdexcept>
#include <string>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

[[noreturn]] void misuse(const std::string &message) {
  throw std::invalid_argument("qruc runtime: " + message);
}

Pauli pauliOf(char c) {
  return c == 'X' ? Pauli::X : c == 'Y' ? Pauli::Y : Pauli::Z;
}

} // namespace

Executor::Impl::Impl(const StepProgram &p, unsigned numThreads)
    : program(p), threads(std::max(1u, numThreads)), layout(program) {
  const std::string problem = program.validate();
  if (!problem.empty())
    misuse("invalid step program: " + problem);

  const std::vector<Instr> &code = program.code;
  words.resize(code.size());
  permutations.resize(code.size());
  for (std::size_t i = 0; i < code.size(); ++i) {
    const Instr &in = code[i];
    switch (in.op) {
    case OpCode::Gate:
    case OpCode::Unitary:
      hasQuantum = true;
      break;
    case OpCode::Permute:
      hasQuantum = true;
      permutations[i] = BasisPermutation(
          in.wires.data(), static_cast<unsigned>(in.wires.size()),
          in.perm.data());
      break;
    case OpCode::Expval:
      hasQuantum = true;
      lastRead = long(i);
      for (std::size_t k = 0; k < in.wires.size(); ++k)
        words[i].set(in.wires[k], pauliOf(in.pauli[k]));
      break;
    case OpCode::Measure:
    case OpCode::Reset:
      hasQuantum = nonUnitary = true;
      drawsPerStep = std::max<std::uint64_t>(drawsPerStep, in.imm0 + 1);
      break;
    default:
      if (!program.slots[in.out].batched)
        sharedCode.push_back(i);
      break;
    }
  }

  std::size_t offset = 0;
  for (const ParamInfo &param : program.params) {
    paramOffset.push_back(offset);
    offset += program.slots[param.slot].size;
  }

  // Which slots the parameters reach, as a fixed point: through memory
  // they reach the previous step's next values, and through the quantum
  // state they reach the readouts after a gate they steer (any readout,
  // for qubits that persist across steps).
  needsGrad.assign(program.slots.size(), 0);
  for (const ParamInfo &param : program.params)
    needsGrad[param.slot] = 1;
  bool changed = true;
  while (changed) {
    changed = false;
    auto mark = [&](SlotId s) {
      if (!needsGrad[s])
        needsGrad[s] = changed = true;
    };
    for (const auto *vars : {&program.memories, &program.bits})
      for (const VariableInfo &v : *vars)
        if (needsGrad[v.nextSlot])
          mark(v.slot);
    bool stateReached = program.persistent && quantumGrad;
    for (const Instr &in : code) {
      const bool reached =
          std::any_of(in.operands.begin(), in.operands.end(),
                      [&](SlotId s) { return needsGrad[s] != 0; });
      switch (in.op) {
      case OpCode::Gate:
      case OpCode::Unitary:
      case OpCode::Permute:
        if (reached) {
          stateReached = true;
          changed = changed || !quantumGrad;
          quantumGrad = true;
        }
        break;
      case OpCode::Expval:
        if (stateReached)
          mark(in.out);
        break;
      case OpCode::Measure:
      case OpCode::Reset:
        break; // outcomes have no gradient
      default:
        if (reached)
          mark(in.out);
        break;
      }
    }
  }
}

SlotSpace Executor::Impl::values(TileData &tile, std::size_t step) {
  return {&program, &layout,
          tile.frames.data() + step * layout.batchedRows * tile.n,
          sharedValues.data(), tile.n, nullptr};
}

SlotSpace Executor::Impl::adjoints(TileData &tile) {
  return {&program,         &layout, tile.adjFrame.data(),
          tile.adjShared.data(), tile.n,  &needsGrad};
}

BatchedState &Executor::Impl::state(std::unique_ptr<BatchedState> &slot,
                                    std::size_t n) {
  if (!slot || slot->batch() != n)
    slot = std::make_unique<BatchedState>(program.numQubits, n);
  return *slot;
}

void Executor::Impl::updateStats() {
  stats.activationBytes = stats.stateVectors = stats.stateBytes = 0;
  for (const TileData &tile : tiles) {
    stats.activationBytes += tile.frames.size() * sizeof(double);
    for (const auto *s : {&tile.psi, &tile.lambda, &tile.work, &tile.saved})
      if (*s) {
        ++stats.stateVectors;
        stats.stateBytes +=
            2 * (*s)->dimension() * (*s)->paddedBatch() * sizeof(double);
      }
  }
}

Executor::Executor(const StepProgram &program, unsigned threads)
    : impl(std::make_unique<Impl>(program, threads)) {}

Executor::~Executor() = default;

const StepProgram &Executor::program() const { return impl->program; }

const ExecutorStats &Executor::stats() const { return impl->stats; }

void Executor::forward(const ParamVector &params, const SequenceBatch &batch,
                       OutputValues &outputs, std::uint64_t seed) {
  Impl &m = *impl;
  const StepProgram &p = m.program;
  m.haveForward = false;
  if (params.size() != p.numParameters())
    misuse("expected " + std::to_string(p.numParameters()) +
           " parameters, but got " + std::to_string(params.size()));
  if (batch.batch == 0 || batch.steps == 0)
    misuse("a batch needs at least one sample and one step");
  if (batch.inputs.size() != batch.steps)
    misuse("the batch has " + std::to_string(batch.steps) +
           " steps, but inputs for " + std::to_string(batch.inputs.size()));
  for (std::size_t t = 0; t < batch.steps; ++t) {
    if (batch.inputs[t].size() != p.inputs.size())
      misuse("step " + std::to_string(t) + " has " +
             std::to_string(batch.inputs[t].size()) + " inputs, expected " +
             std::to_string(p.inputs.size()));
    for (std::size_t i = 0; i < p.inputs.size(); ++i)
      if (batch.inputs[t][i].size() != batch.batch * p.inputs[i].size)
        misuse("input '" + p.inputs[i].name + "' at step " +
               std::to_string(t) + " has " +
               std::to_string(batch.inputs[t][i].size()) +
               " values, expected " +
               std::to_string(batch.batch * p.inputs[i].size));
  }

  // Parameters and everything computed from them alone: once per call.
  m.sharedValues.assign(m.layout.sharedSize, 0.0);
  for (std::size_t k = 0; k < p.params.size(); ++k)
    std::copy_n(params.begin() + m.paramOffset[k],
                p.slots[p.params[k].slot].size,
                m.sharedValues.begin() + m.layout.offset[p.params[k].slot]);
  const SlotSpace shared{&p, &m.layout, nullptr, m.sharedValues.data(), 1,
                         nullptr};
  for (std::size_t i : m.sharedCode)
    runClassical(p.code[i], shared, p.constants);

  outputs.values.assign(p.outputs.size(), {});
  for (std::size_t o = 0; o < p.outputs.size(); ++o)
    outputs.values[o].assign(
        p.outputs[o].everyStep ? batch.steps : 1,
        std::vector<double>(batch.batch * p.outputs[o].size));

  m.batch = batch.batch;
  m.steps = batch.steps;
  const std::vector<BatchTile> split = splitBatch(batch.batch, m.threads);
  m.tiles.resize(split.size());
  for (const BatchTile &t : split) {
    m.tiles[t.index].begin = t.begin;
    m.tiles[t.index].n = t.size();
  }
  runBatchTiles(batch.batch, m.threads, [&](const BatchTile &t) {
    m.forwardTile(m.tiles[t.index], batch, outputs, seed);
  });
  m.haveForward = true;
  m.stats.uncomputeError = 0.0;
  m.updateStats();
}

void Executor::finalBits(std::vector<std::vector<double>> &bits) {
  Impl &m = *impl;
  const StepProgram &p = m.program;
  if (!m.haveForward)
    throw std::logic_error("qruc runtime: finalBits() needs a forward() first");
  bits.assign(p.bits.size(), {});
  for (std::size_t r = 0; r < p.bits.size(); ++r) {
    const VariableInfo &var = p.bits[r];
    bits[r].assign(m.batch * var.size, 0.0);
    for (TileData &tile : m.tiles) {
      // The frame of the last step keeps the register's next value.
      const SlotView from = m.values(tile, m.steps - 1).view(var.nextSlot);
      for (std::size_t b = 0; b < tile.n; ++b)
        for (std::size_t e = 0; e < var.size; ++e)
          bits[r][(tile.begin + b) * var.size + e] = from(e, b);
    }
  }
}

bool Executor::backward(const OutputValues &outputGradients,
                        ParamVector &gradients) {
  Impl &m = *impl;
  const StepProgram &p = m.program;
  if (m.nonUnitary)
    return false;
  if (!m.haveForward)
    throw std::logic_error("qruc runtime: backward() needs a forward() first");
  if (outputGradients.values.size() != p.outputs.size())
    misuse("expected gradients of " + std::to_string(p.outputs.size()) +
           " outputs, but got " +
           std::to_string(outputGradients.values.size()));
  for (std::size_t o = 0; o < p.outputs.size(); ++o) {
    const auto &g = outputGradients.values[o];
    const std::size_t count = p.outputs[o].everyStep ? m.steps : 1;
    if (g.size() != count)
      misuse("output '" + p.outputs[o].name + "' has gradients for " +
             std::to_string(g.size()) + " steps, expected " +
             std::to_string(count));
    for (const std::vector<double> &values : g)
      if (values.size() != m.batch * p.outputs[o].size)
        misuse("output '" + p.outputs[o].name + "' has " +
               std::to_string(values.size()) + " gradient values, expected " +
               std::to_string(m.batch * p.outputs[o].size));
  }

  runBatchTiles(m.batch, m.threads, [&](const BatchTile &t) {
    m.backwardTile(m.tiles[t.index], outputGradients);
  });

  // The tiles' sums, in tile order so that a run is reproducible; then the
  // shared instructions, reversed once for all steps and samples.
  std::vector<double> adjShared(m.layout.sharedSize, 0.0);
  m.stats.uncomputeError = 0.0;
  for (const TileData &tile : m.tiles) {
    for (std::size_t k = 0; k < adjShared.size(); ++k)
      adjShared[k] += tile.adjShared[k];
    m.stats.uncomputeError =
        std::max(m.stats.uncomputeError, tile.uncomputeError);
  }
  const SlotSpace values{&p, &m.layout, nullptr, m.sharedValues.data(), 1,
                         nullptr};
  const SlotSpace adjoints{&p, &m.layout, nullptr, adjShared.data(), 1,
                           &m.needsGrad};
  for (auto i = m.sharedCode.rbegin(); i != m.sharedCode.rend(); ++i)
    reverseClassical(p.code[*i], values, adjoints);

  gradients.assign(p.numParameters(), 0.0);
  for (std::size_t k = 0; k < p.params.size(); ++k) {
    const SlotId s = p.params[k].slot;
    std::copy_n(adjShared.begin() + m.layout.offset[s], p.slots[s].size,
                gradients.begin() + m.paramOffset[k]);
  }
  m.updateStats();
  return true;
}
