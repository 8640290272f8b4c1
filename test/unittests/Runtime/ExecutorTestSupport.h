//===- ExecutorTestSupport.h - Building and checking step programs -*- C++ -*-===//
//
// This file declares what the executor tests share: a builder for writing
// StepPrograms by hand, random batches and parameters, an independent
// one-sample reference interpreter of the program's semantics (plain loops
// for the classical instructions, dense matrices from DenseReference.h for
// the quantum ones, no runtime kernels), and the gradient check against
// central finite differences.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TEST_UNITTESTS_RUNTIME_EXECUTORTESTSUPPORT_H
#define QRUC_TEST_UNITTESTS_RUNTIME_EXECUTORTESTSUPPORT_H

#include "qruc/Runtime/Executor.h"
#include "qruc/Runtime/StepProgram.h"

#include <random>
#include <string>
#include <vector>

namespace qruc::runtime::test {

/// Writes a StepProgram instruction by instruction; every result gets a new
/// slot, batched when any operand is.
class ProgramBuilder {
public:
  explicit ProgramBuilder(unsigned numQubits = 0, bool persistent = false);

  SlotId slot(std::uint32_t size, bool batched, std::string name = "");
  /// A trainable parameter, initialised uniform(−1, 1).
  SlotId param(const std::string &name, std::vector<std::int64_t> shape = {});
  SlotId input(const std::string &name, std::uint32_t size = 1);
  SlotId memory(const std::string &name, std::uint32_t size,
                std::vector<double> init = {});
  SlotId bits(const std::string &name, std::vector<double> init = {});
  /// Sets the value a memory or bits slot takes at the next step.
  void next(SlotId memoryOrBits, SlotId value);
  SlotId constant(std::vector<double> values);

  /// A classical instruction; its result's size follows the operands.
  SlotId op(OpCode op, std::vector<SlotId> operands, std::int64_t imm0 = 0,
            std::int64_t imm1 = 0);
  /// Forces the result into a batched slot even when every operand is
  /// shared (the compiler may do that; the executor must cope).
  SlotId opBatched(OpCode op, std::vector<SlotId> operands,
                   std::int64_t imm0 = 0, std::int64_t imm1 = 0);
  void gate(GateKind kind, std::vector<unsigned> wires,
            std::vector<SlotId> angles = {}, SlotId cond = kNoSlot);
  /// A 2×2 unitary on `wire` with entries from eight size-1 slots
  /// (row-major, real and imaginary part of each entry).
  void unitary(unsigned wire, std::vector<SlotId> entries,
               SlotId cond = kNoSlot);
  /// |j⟩ of `wires` (wires[0] most significant) becomes |perm[j]⟩.
  void permute(std::vector<unsigned> wires, std::vector<std::uint32_t> perm,
               SlotId cond = kNoSlot);
  SlotId expval(const std::string &pauli, std::vector<unsigned> wires);
  SlotId measure(unsigned wire, std::int64_t draw);
  void reset(unsigned wire, std::int64_t draw);
  void output(const std::string &name, SlotId s, bool everyStep);

  std::uint32_t size(SlotId s) const { return program.slots[s].size; }
  bool batched(SlotId s) const { return program.slots[s].batched; }

  StepProgram program;

private:
  SlotId result(OpCode op, const std::vector<SlotId> &operands,
                std::int64_t imm0, std::int64_t imm1, bool forceBatched);
};

/// Random inputs in [lo, hi) for every input of the program.
SequenceBatch randomBatch(const StepProgram &program, std::size_t batch,
                          std::size_t steps, std::mt19937_64 &rng,
                          double lo = -1.0, double hi = 1.0);
ParamVector randomParams(const StepProgram &program, std::mt19937_64 &rng,
                         double lo = -1.0, double hi = 1.0);
/// Random weights in the layout of `outputs`: the output gradients of the
/// loss L = Σ weights · outputs.
OutputValues randomWeights(const OutputValues &outputs, std::mt19937_64 &rng);

/// Σ weights · outputs.
double dot(const OutputValues &weights, const OutputValues &outputs);

/// Runs one sample of a batch through the program's semantics with plain
/// loops and dense matrices: outputs[o][k] holds output o's values at its
/// k-th read (every step, or the last step only).
std::vector<std::vector<std::vector<double>>>
referenceRun(const StepProgram &program, const ParamVector &params,
             const SequenceBatch &batch, std::size_t sample);

/// The largest |executor − reference| over every output value of every
/// sample, with the executor run on the whole batch.
double maxReferenceError(const StepProgram &program, const ParamVector &params,
                         const SequenceBatch &batch, unsigned threads = 1);

struct GradientCheck {
  ParamVector adjoint;
  ParamVector numeric;
  /// max_k |adjoint_k − numeric_k| / max(|numeric_k|, 1e-2·max|numeric|).
  double maxRelError = 0.0;
  double uncomputeError = 0.0;
};

/// Compares backward() with central finite differences (fourth order,
/// step h) of L(params) = Σ weights · forward(params).
GradientCheck checkGradients(const StepProgram &program,
                             const ParamVector &params,
                             const SequenceBatch &batch, std::mt19937_64 &rng,
                             unsigned threads = 1, double h = 1e-4);

} // namespace qruc::runtime::test

#endif // QRUC_TEST_UNITTESTS_RUNTIME_EXECUTORTESTSUPPORT_H
