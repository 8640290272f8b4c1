//===- StepProgram.h - one time step as a flat program ----------*- C++ -*-===//
//
// This file declares StepProgram, the form in which the compiler hands a
// model's time step to the runtime: a flat list of instructions over numbered
// classical slots and the qubit wires, with every name, index, shape and gate
// resolved at compile time. The executor runs it for a whole batch at once
// and differentiates it in reverse; nothing in it is looked up by name.
//
// Classical values live in slots: a slot holds `size` doubles, either shared
// by the whole batch (parameters, constants and everything computed from them
// alone, which is then computed once per optimizer step) or one copy per
// sample (`batched`). An operation whose operands are all shared produces a
// shared slot; the compiler decides, the executor trusts it.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_STEPPROGRAM_H
#define QRUC_RUNTIME_STEPPROGRAM_H

#include "qruc/Runtime/Gates.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace qruc::runtime {

using SlotId = std::uint32_t;
inline constexpr SlotId kNoSlot = std::numeric_limits<SlotId>::max();

struct SlotInfo {
  std::uint32_t size = 1; ///< number of doubles (1 for a scalar)
  bool batched = false;   ///< one copy per sample, else shared by the batch
  std::string name;       ///< for listings and error messages; may be empty
};

enum class OpCode : std::uint8_t {
  // out = constants[imm0 .. imm0 + size(out)); shared.
  Const,
  // out = f(in0), elementwise.
  Neg, Sin, Cos, Tan, Asin, Acos, Atan, Tanh, Exp, Log, Sqrt, Erf, Sigmoid,
  Relu, Gelu,
  // out = in0 op in1, elementwise; an operand of size 1 is broadcast.
  Add, Sub, Mul, Div, Pow, Max,
  // out (size 1) = in0[imm0].
  Extract,
  // out (size imm1) = in0[imm0 .. imm0 + imm1); a matrix row is a slice of
  // its row-major storage.
  Slice,
  // out = in0 with element imm0 replaced by in1 (size 1).
  Insert,
  // out = the operands (scalars or vectors) one after another.
  Concat,
  // out (size imm0) = in0 (imm0 × imm1, row-major) · in1 (size imm1).
  MatVec,
  // out = softmax(in0).
  Softmax,
  // Applies `gate` to `wires` with angles in0.. (size-1 slots, in the gate's
  // order). With `cond` set, only samples whose cond value is nonzero.
  Gate,
  // Applies the 2×2 unitary [[in0 + i·in1, in2 + i·in3],
  // [in4 + i·in5, in6 + i·in7]] (size-1 slots, row-major, as qru.unitary)
  // to wires[0]. The entries must form a unitary: the reverse pass undoes
  // it with its conjugate transpose. With `cond`, as Gate.
  Unitary,
  // Permutes the basis states of the k = wires.size() wires (wires[0] the
  // most significant bit, as qru.permute): |j⟩ becomes |perm[j]⟩. With
  // `cond`, as Gate.
  Permute,
  // out (size 1, batched) = ⟨ψ|P|ψ⟩, P = pauli[k] on wires[k]; read-only.
  Expval,
  // out (size 1, batched) = the outcome 0.0 or 1.0 of measuring wires[0];
  // collapses the state. Draws are numbered by `imm0` within the step.
  Measure,
  // Resets wires[0] to |0⟩ (measure, then flip on 1); draw number imm0.
  Reset,
};

/// The most wires a Permute may act on: its table has 2^k entries (the
/// limit of qru.permute).
inline constexpr unsigned kMaxPermuteWires = 16;

/// The name of an opcode in listings and messages, e.g. "matvec".
const char *opCodeName(OpCode op);

/// Whether `op` applies a unitary operator to the state (Gate, Unitary,
/// Permute): these may be conditioned, and the reverse pass undoes them.
inline bool isOperator(OpCode op) {
  return op == OpCode::Gate || op == OpCode::Unitary ||
         op == OpCode::Permute;
}

struct Instr {
  OpCode op;
  SlotId out = kNoSlot;
  std::vector<SlotId> operands;
  std::vector<unsigned> wires;  ///< quantum instructions
  GateKind gate = GateKind::X;  ///< Gate
  SlotId cond = kNoSlot;        ///< operators: per-sample condition
  std::string pauli;            ///< Expval: one of X, Y, Z per wire
  std::vector<std::uint32_t> perm; ///< Permute: 2^wires.size() entries
  std::int64_t imm0 = 0, imm1 = 0;
};

/// How a parameter starts: constant(args[0]), uniform(args[0], args[1]) or
/// normal(mean args[0], stddev args[1]).
enum class InitKind : std::uint8_t { Constant, Uniform, Normal };

struct ParamInfo {
  std::string name;
  std::vector<std::int64_t> shape; ///< {} scalar, {n}, {rows, cols}
  InitKind init = InitKind::Constant;
  std::vector<double> initArgs;
  SlotId slot = kNoSlot;           ///< shared slot the step reads
};

/// An input, memory, bit register, output or target as the driver sees it.
struct VariableInfo {
  std::string name;
  std::uint32_t size = 1;
  bool everyStep = false;          ///< outputs and targets: read every step
  std::vector<double> init;        ///< memory and bits: value before step 1
                                   ///< (empty: zeros; one value: all)
  SlotId slot = kNoSlot;           ///< slot the step reads (inputs, memory)
                                   ///< or writes (outputs)
  SlotId nextSlot = kNoSlot;       ///< memory and bits: value after the step
};

struct StepProgram {
  std::string modelName;
  unsigned numQubits = 0;
  /// Qubits carry their state from step to step; otherwise every step
  /// starts from |0…0⟩.
  bool persistent = false;

  std::vector<SlotInfo> slots;
  std::vector<double> constants;
  std::vector<Instr> code;

  std::vector<ParamInfo> params;
  std::vector<VariableInfo> inputs;   ///< batched slots, set before a step
  std::vector<VariableInfo> memories; ///< slot: at step start; nextSlot: end
  std::vector<VariableInfo> bits;     ///< as memories, values 0.0 / 1.0
  std::vector<VariableInfo> outputs;  ///< slot holds the value after a step
  std::vector<VariableInfo> targets;  ///< slot unused: for the loss only

  /// The total number of trainable scalars.
  std::size_t numParameters() const;
  /// Checks internal consistency (slot ids, sizes, wires, operand counts);
  /// returns an empty string or a description of the first problem.
  std::string validate() const;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_STEPPROGRAM_H
