//===- BenchProblem.h - a reproducible mini-batch for a model ---*- C++ -*-===//
//
// This file declares the mini-batch the training benchmarks run: initial
// parameters from the model's own initializers, inputs and targets drawn
// from a fixed seed in the shapes the model declares, and the loss the
// experiment section names. The peers are checked against the very same
// numbers (BenchDump.h), so nothing here may depend on the thread count.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_BENCH_BENCHPROBLEM_H
#define QRUC_BENCH_BENCHPROBLEM_H

#include "qruc/Runtime/Executor.h"
#include "qruc/Runtime/Losses.h"
#include "qruc/Runtime/StepProgram.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qruc::bench {

struct BenchProblem {
  runtime::ParamVector params;
  runtime::SequenceBatch inputs;
  /// targets[k][t]: target k at step t (one entry for targets read after
  /// the last step), sample-major as the loss takes it.
  std::vector<std::vector<std::vector<double>>> targets;
  runtime::LossKind loss = runtime::LossKind::Mse;
  std::size_t lossOutput = 0, lossTarget = 0;
};

/// Builds the problem: inputs uniform in [0, 1) (pixels); class indices,
/// 0/1 labels or uniform values as targets, as `loss` wants them. Fails
/// with a message when the loss names no output or target of the program.
bool makeProblem(const runtime::StepProgram &program, runtime::LossKind loss,
                 const std::string &output, const std::string &target,
                 std::size_t batch, std::size_t steps, std::uint64_t seed,
                 BenchProblem &problem, std::string &error);

/// The loss of `outputs` and, in `gradients`, its gradient with respect to
/// every output (zero for outputs the loss does not read).
double lossAndGradient(const runtime::StepProgram &program,
                       const BenchProblem &problem,
                       const runtime::OutputValues &outputs,
                       runtime::OutputValues &gradients);

} // namespace qruc::bench

#endif // QRUC_BENCH_BENCHPROBLEM_H
