//===- FlopModel.h - floating-point work of a step program ------*- C++ -*-===//
//
// This file declares an estimate of the arithmetic a training step does per
// sample and time step, read off the step program, so that a measured
// throughput can be set against the machine's peak FLOP rate. It counts
// what the executor executes (recomputed and uncomputed gates included),
// not the least work a model needs.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_BENCH_FLOPMODEL_H
#define QRUC_BENCH_FLOPMODEL_H

#include "qruc/Runtime/StepProgram.h"

#include <cstddef>

namespace qruc::bench {

/// Floating-point operations per sample and time step, split by kind. A
/// complex multiply counts 6, a complex add 2, a real multiply-add 2.
struct FlopBreakdown {
  double gates = 0;     ///< gate kernels, their adjoints and recomputation
  double gradients = 0; ///< the cross-term passes giving angle gradients
  double readouts = 0;  ///< ⟨P⟩ forward, λ += g·Pψ backward
  double classical = 0; ///< matrix-vector products of the controller

  double total() const { return gates + gradients + readouts + classical; }
};

struct FlopEstimate {
  FlopBreakdown forward;
  FlopBreakdown backward;
  /// Instructions the model has no cost for (counted as 0).
  std::size_t uncounted = 0;

  double trainingStep() const { return forward.total() + backward.total(); }
};

/// The estimate for `program` run over sequences of `steps` steps: an
/// output read after the last step only costs its readouts' adjoints once
/// per sequence, which is spread over the steps.
FlopEstimate estimateFlops(const runtime::StepProgram &program,
                           std::size_t steps);

} // namespace qruc::bench

#endif // QRUC_BENCH_FLOPMODEL_H
