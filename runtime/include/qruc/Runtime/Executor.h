//===- Executor.h - running and differentiating a step program --*- C++ -*-===//
//
// This file declares the Executor: it runs a StepProgram over a batch of
// input sequences, time step after time step, and computes the gradient of a
// loss with respect to every parameter in one reverse pass (adjoint method
// through the gates, chain rule through the classical instructions,
// backpropagation through time through memory and, for persistent models,
// through the quantum state, which is uncomputed rather than stored).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_EXECUTOR_H
#define QRUC_RUNTIME_EXECUTOR_H

#include "qruc/Runtime/StepProgram.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace qruc::runtime {

/// The inputs of a batch of equally long sequences.
struct SequenceBatch {
  std::size_t batch = 0;
  std::size_t steps = 0;
  /// inputs[t][i]: the values of input i at step t, sample-major
  /// (batch × size doubles; sample b's at [b·size, (b+1)·size)).
  std::vector<std::vector<std::vector<double>>> inputs;
};

/// Values (or gradients) of the outputs: values[o][t] holds output o at
/// step t, sample-major, for outputs read at every step; for outputs read at
/// the last step only, values[o] has one entry, the last step's.
struct OutputValues {
  std::vector<std::vector<std::vector<double>>> values;
};

/// The trainable parameters flattened in ParamInfo order (row-major within
/// each), as the optimizer and checkpoints see them.
using ParamVector = std::vector<double>;

/// What the executor holds and how exact its last backward pass was; for
/// tests and benchmarks, never needed to train.
struct ExecutorStats {
  /// Bytes of classical activations forward() keeps for backward(), over
  /// all steps and tiles: the only memory that grows with sequence length.
  std::size_t activationBytes = 0;
  /// State vectors (BatchedState objects) held over all tiles, and their
  /// amplitude bytes: a fixed number per tile, whatever the number of gates
  /// and steps, because backward() recomputes or uncomputes states instead
  /// of storing them.
  std::size_t stateVectors = 0;
  std::size_t stateBytes = 0;
  /// After backward(): the largest distance of an uncomputed state from
  /// |0…0⟩ (max |ψ_i − δ_i0| over samples and amplitudes), i.e. the
  /// rounding drift of running the gates backwards; 0 before.
  double uncomputeError = 0.0;
};

class Executor {
public:
  /// `threads` splits every batch into tiles run in parallel (0 counts as
  /// 1). Throws std::invalid_argument when program.validate() fails.
  explicit Executor(const StepProgram &program, unsigned threads = 1);
  ~Executor();
  Executor(const Executor &) = delete;
  Executor &operator=(const Executor &) = delete;

  /// Runs every step of `batch`. Keeps what backward() needs: the classical
  /// activations of every step (and nothing per gate). `seed` numbers the
  /// random draws of measurements and resets, so a run is reproducible.
  /// Throws std::invalid_argument when `params` or `batch` do not match the
  /// program (sizes, step count, at least one sample and one step).
  void forward(const ParamVector &params, const SequenceBatch &batch,
               OutputValues &outputs, std::uint64_t seed = 0);

  /// Given dLoss/dOutputs in the layout forward() produced, returns
  /// dLoss/dParams summed over the batch. Must follow forward() on the same
  /// batch; fails (returns false) for programs with measurements or resets,
  /// whose outcomes have no gradient.
  bool backward(const OutputValues &outputGradients, ParamVector &gradients);

  /// The values of the bit registers after the last step of the last
  /// forward(): bits[r] holds register r (StepProgram::bits order) for every
  /// sample, sample-major (batch × size values, each 0.0 or 1.0). This is
  /// what a shot of a measuring model reads out (see Shots.h).
  void finalBits(std::vector<std::vector<double>> &bits);

  const StepProgram &program() const;
  /// Memory held and drift of the last calls (ExecutorStats).
  const ExecutorStats &stats() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_EXECUTOR_H
