//===- FlopModel.cpp - floating-point work of a step program --------------===//
//
// This file counts, per instruction, the arithmetic of the kernel the
// executor runs for it over the 2^n amplitudes of one sample, and follows
// the reverse pass of ExecutorBackward.cpp to know how often each kernel
// runs there.
//
// Per amplitude: a dense 2×2 gate does two complex multiplies and one add
// (14); a dense 4×4 four multiplies and three adds (30); a diagonal gate one
// complex multiply (6) on the rows whose entry is not 1; a permutation moves
// rows and computes nothing. A Z-only readout sums |ψ_i|² (4), one that
// flips bits pairs amplitudes (2). The gradient pass accumulates the gate's
// cross terms ψ_e·conj(λ_f), one complex multiply-add (8) per term. Angle
// trigonometry, per-sample matrices and element-wise classical instructions
// are not counted: they cost O(batch), not O(2^n · batch).
//
//===----------------------------------------------------------------------===//

#include "FlopModel.h"

#include <algorithm>
#include <vector>

using namespace qruc;
using namespace qruc::runtime;

namespace {

/// The fraction of a diagonal gate's entries that are not 1 (the kernel
/// skips the others).
double diagonalFraction(GateKind kind) {
  switch (kind) {
  case GateKind::RZ:
  case GateKind::RZZ:
    return 1.0;
  case GateKind::CZ:
  case GateKind::CP:
    return 0.25;
  default: // z s sdg t tdg p: one entry of two; crz: two of four
    return 0.5;
  }
}

/// What one application of an operator costs per sample, and what the
/// pass computing its angle gradients costs; `dim` = 2^n.
struct OperatorCost {
  double apply = 0, gradient = 0;
  bool hasAngles = false;
  bool known = true;
};

OperatorCost operatorCost(const Instr &in, double dim) {
  OperatorCost cost;
  if (in.op != OpCode::Gate) {
    // The fused operators of the sim pipeline: a 2×2 unitary from eight
    // entry slots, or a permutation of basis states (no slots).
    if (in.wires.size() == 1 && in.operands.size() == 8) {
      cost.apply = 14 * dim;
      cost.gradient = 16 * dim;
      cost.hasAngles = true;
    } else if (!in.operands.empty()) {
      cost.known = false;
    }
    return cost;
  }
  const GateInfo &info = gateInfo(in.gate);
  cost.hasAngles = info.numAngles > 0;
  switch (info.kernel) {
  case KernelClass::Dense1:
    cost.apply = 14 * dim;
    cost.gradient = 16 * dim; // 4 cross terms per row pair
    break;
  case KernelClass::ControlledDense1: {
    double active = 1.0 / double(1u << (info.numQubits - 1));
    cost.apply = 14 * dim * active;
    cost.gradient = 8 * dim; // 4 cross terms per block of 4 rows
    break;
  }
  case KernelClass::Diagonal:
    cost.apply = 6 * dim * diagonalFraction(in.gate);
    cost.gradient = 8 * dim; // the diagonal terms, one per row
    break;
  case KernelClass::Permutation:
    break;
  case KernelClass::Dense2:
    cost.apply = 30 * dim;
    cost.gradient = 32 * dim; // 16 cross terms per block of 4 rows
    break;
  }
  return cost;
}

bool isReadout(const Instr &in) { return in.op == OpCode::Expval; }

bool isQuantum(const Instr &in) {
  return !in.wires.empty() && in.op != OpCode::Measure &&
         in.op != OpCode::Reset;
}

/// How often, per step, the adjoint of each readout is nonzero: 1 when its
/// value reaches a gate angle, a memory, a bit or an output read every step;
/// 1/T when it reaches only outputs read after the last step; 0 otherwise.
std::vector<double> readoutWeights(const StepProgram &p, std::size_t steps) {
  std::vector<char> everyStep(p.slots.size(), 0), lastStep(p.slots.size(), 0);
  for (const Instr &in : p.code)
    if (isQuantum(in) && !isReadout(in))
      for (SlotId s : in.operands)
        everyStep[s] = 1;
  for (const auto *vars : {&p.memories, &p.bits})
    for (const VariableInfo &var : *vars)
      everyStep[var.nextSlot] = 1;
  for (const VariableInfo &var : p.outputs)
    (var.everyStep ? everyStep : lastStep)[var.slot] = 1;
  // Slots are defined once, before use: one backward sweep over the code
  // carries the sinks to the operands.
  for (std::size_t i = p.code.size(); i-- > 0;) {
    const Instr &in = p.code[i];
    if (in.out == kNoSlot || isQuantum(in))
      continue;
    for (SlotId s : in.operands) {
      everyStep[s] |= everyStep[in.out];
      lastStep[s] |= lastStep[in.out];
    }
  }
  std::vector<double> weights(p.code.size(), 0.0);
  for (std::size_t i = 0; i < p.code.size(); ++i)
    if (isReadout(p.code[i]))
      weights[i] = everyStep[p.code[i].out]  ? 1.0
                   : lastStep[p.code[i].out] ? 1.0 / double(steps)
                                             : 0.0;
  return weights;
}

} // namespace

bench::FlopEstimate bench::estimateFlops(const StepProgram &p,
                                         std::size_t steps) {
  FlopEstimate estimate;
  const double dim = double(std::size_t(1) << p.numQubits);
  const std::vector<double> weights = readoutWeights(p, std::max<std::size_t>(
                                                            steps, 1));
  long lastRead = -1;
  for (std::size_t i = 0; i < p.code.size(); ++i)
    if (isReadout(p.code[i]))
      lastRead = long(i);

  // λ is nonzero below a readout whose adjoint is; within a fresh step the
  // weight of a gate is that of the live readouts after it, a persistent
  // state carries λ from step to step.
  std::vector<double> lambdaWeight(p.code.size(), 0.0);
  double live = p.persistent ? 1.0 : 0.0;
  for (std::size_t i = p.code.size(); i-- > 0;) {
    if (isReadout(p.code[i]))
      live = std::max(live, weights[i]);
    lambdaWeight[i] = live;
  }

  FlopBreakdown &fw = estimate.forward, &bw = estimate.backward;
  for (std::size_t i = 0; i < p.code.size(); ++i) {
    const Instr &in = p.code[i];
    if (in.op == OpCode::MatVec) {
      if (!p.slots[in.out].batched)
        continue; // once per batch, not per sample
      double mk = double(in.imm0) * double(in.imm1);
      fw.classical += 2 * mk;
      bw.classical += 4 * mk; // adjoints of the vector and the matrix
      continue;
    }
    if (isReadout(in)) {
      bool flips = in.pauli.find_first_of("XY") != std::string::npos;
      fw.readouts += (flips ? 2 : 4) * dim;
      bw.readouts += weights[i] * 4 * dim; // λ += g·Pψ
      continue;
    }
    if (!isQuantum(in))
      continue;
    OperatorCost cost = operatorCost(in, dim);
    if (!cost.known) {
      ++estimate.uncounted;
      continue;
    }
    fw.gates += cost.apply;
    bool swept = p.persistent || long(i) <= lastRead;
    if (!swept)
      continue;
    if (!p.persistent)
      bw.gates += cost.apply; // recomputed from |0…0⟩
    bw.gates += cost.apply;   // ψ uncomputed
    bw.gates += lambdaWeight[i] * cost.apply; // λ ← U†λ
    if (cost.hasAngles)
      bw.gradients += lambdaWeight[i] * cost.gradient;
  }
  return estimate;
}
