//===- ExecutorImpl.h - The executor's private state ------------*- C++ -*-===//
//
// This file defines Executor::Impl: what the constructor derives from the
// program once (slot layout, which slots the parameters reach, Pauli words),
// what forward() keeps for backward() (the shared slots, and per tile the
// classical frames of every step plus, for persistent qubits, the final
// state), and the per-tile step loops, which live in ExecutorForward.cpp
// and ExecutorBackward.cpp, with the operators they apply in
// ExecutorOperators.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_LIB_EXECUTORIMPL_H
#define QRUC_RUNTIME_LIB_EXECUTORIMPL_H

#include "SlotSpace.h"

#include "qruc/Runtime/AlignedBuffer.h"
#include "qruc/Runtime/BasisPermutation.h"
#include "qruc/Runtime/BatchedState.h"
#include "qruc/Runtime/Executor.h"
#include "qruc/Runtime/PauliWord.h"

#include <memory>
#include <vector>

namespace qruc::runtime {

namespace detail {

/// TileData::lanes holds one row per operand of a gate or unitary (their
/// gradients), then the adjoint of a readout.
inline constexpr std::size_t kOperandRows = 8;
inline constexpr std::size_t kLaneRows = kOperandRows + 1;

/// Everything one tile of the batch owns; tiles share nothing writable.
struct TileData {
  std::size_t begin = 0;
  std::size_t n = 0;
  /// Classical activations: steps frames of layout.batchedRows × n.
  std::vector<double> frames;
  /// ψ: the forward state (for persistent qubits it holds ψ_T after
  /// forward()); λ: the adjoint; work: ψ being uncomputed (persistent);
  /// saved: the lanes a conditional gate must not touch.
  std::unique_ptr<BatchedState> psi, lambda, work, saved;
  /// Adjoints of the current step's frame, of the shared slots (summed over
  /// the tile's samples and all steps), and of the memories and bits at the
  /// start of the step after the current one.
  std::vector<double> adjFrame, adjShared, carried;
  /// Lane rows (kLaneRows of them): operand gradients and the readout
  /// adjoint.
  AlignedBuffer lanes;
  AlignedBuffer cross;
  std::vector<std::uint8_t> outcomes;
  double uncomputeError = 0.0;
};

} // namespace detail

struct Executor::Impl {
  Impl(const StepProgram &program, unsigned threads);

  StepProgram program;
  unsigned threads;
  detail::SlotLayout layout;
  /// Per slot: whether a parameter reaches it, so it carries an adjoint.
  std::vector<char> needsGrad;
  /// Per instruction: the Pauli word of an Expval, the cycles of a
  /// Permute.
  std::vector<PauliWord> words;
  std::vector<BasisPermutation> permutations;
  /// The classical instructions with a shared result, in program order:
  /// they depend on parameters and constants only, so forward() runs them
  /// once before the step loop and backward() reverses them once after it.
  std::vector<std::size_t> sharedCode;
  std::vector<std::size_t> paramOffset;
  /// The last Expval of the step, or −1: a fresh step's gates after it
  /// influence nothing and are skipped by the reverse sweep.
  long lastRead = -1;
  bool hasQuantum = false;
  bool nonUnitary = false;
  /// Whether any operand of a gate or unitary carries an adjoint, i.e. the
  /// quantum part of the reverse sweep is needed at all.
  bool quantumGrad = false;
  std::uint64_t drawsPerStep = 0;

  // What forward() leaves for backward().
  std::vector<double> sharedValues;
  std::size_t batch = 0;
  std::size_t steps = 0;
  bool haveForward = false;
  std::vector<detail::TileData> tiles;
  ExecutorStats stats;

  detail::SlotSpace values(detail::TileData &tile, std::size_t step);
  detail::SlotSpace adjoints(detail::TileData &tile);
  /// Allocates (or reuses) a state of n samples; the only place the
  /// executor creates state vectors.
  BatchedState &state(std::unique_ptr<BatchedState> &slot, std::size_t n);
  /// Applies operator instruction `index` (a gate, unitary or permutation),
  /// or its adjoint, with the step's operands, only to the samples whose
  /// condition is nonzero.
  void applyStepOperator(BatchedState &s, detail::TileData &tile,
                         std::size_t index, const detail::SlotSpace &v,
                         bool adjoint);
  /// Steps the reverse sweep back through operator instruction `index`:
  /// ψ ← U†ψ and λ ← U†λ, adding dL/d(operand) of a gate or unitary to its
  /// operands' adjoints on the way, for the samples where it applied. ψ is
  /// the state after the operator, λ the adjoint after it.
  void reverseOperator(BatchedState &psi, BatchedState &lambda,
                       detail::TileData &tile, std::size_t index,
                       const detail::SlotSpace &v,
                       const detail::SlotSpace &adj);
  /// Sets want[k] for the operands that carry an adjoint; whether any does.
  bool wantedOperands(const Instr &in, bool *want) const;
  /// Adds the rows of per-lane operand gradients to the operands' adjoints
  /// (summed over the samples for shared operands).
  void accumulateOperandGradients(const Instr &in, const bool *want,
                                  const double *grads, std::size_t width,
                                  const detail::SlotSpace &v,
                                  const detail::SlotSpace &adj);

  void forwardTile(detail::TileData &tile, const SequenceBatch &input,
                   OutputValues &outputs, std::uint64_t seed);
  void backwardTile(detail::TileData &tile, const OutputValues &gradients);
  void updateStats();
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_LIB_EXECUTORIMPL_H
