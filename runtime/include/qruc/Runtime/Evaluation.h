//===- Evaluation.h - scoring a model on sequences --------------*- C++ -*-===//
//
// This file declares what training and testing share: the experiment's loss
// bound to the program output it reads, the check that a data set fits the
// program, mini-batches in the Executor's layout, evaluation (loss and
// metrics) of a parameter vector, and the autoregressive forecast of series
// models.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_EVALUATION_H
#define QRUC_RUNTIME_EVALUATION_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/ExperimentSpec.h"
#include "qruc/Runtime/Executor.h"
#include "qruc/Runtime/Losses.h"
#include "qruc/Runtime/Metrics.h"
#include "qruc/Runtime/Sequences.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qruc::runtime {

/// The loss of an experiment, resolved against the program: which output
/// it reads, how wide it is, and whether it is read at every step.
struct BoundLoss {
  LossKind kind = LossKind::Mse;
  std::size_t output = 0;
  std::size_t width = 1;
  bool everyStep = false;
  /// Classification losses score accuracy; mse scores the squared error.
  bool classifies() const { return kind != LossKind::Mse; }
};

/// Binds `loss` (names checked by the front end) to `program`. Fails when
/// the output or target is missing or their widths do not fit the loss;
/// `where` names the model file in the error.
DataResult<BoundLoss> bindLoss(const StepProgram &program,
                               const LossSpec &loss, const std::string &where);

/// Checks that the sequences of `set` give the model's inputs: as many
/// values per step as the inputs' sizes add up to. The error names
/// `source`, the data's file.
DataStatus checkStepSize(const StepProgram &program, const SequenceSet &set,
                         const std::string &source);

/// Checks that `set` fits `program` and `loss`: values per step equal to
/// the model's inputs, targets of the loss's width at the right steps,
/// valid target values. The error names `source`, the data's file.
DataStatus checkDataFits(const StepProgram &program, const BoundLoss &loss,
                         const SequenceSet &set, const std::string &source);

/// The sequences `samples` of `set` as one Executor batch.
SequenceBatch makeBatch(const StepProgram &program, const SequenceSet &set,
                        const std::vector<std::size_t> &samples);

/// Adds the loss output of one forward pass to `metrics`.
void addToMetrics(const BoundLoss &loss, const OutputValues &outputs,
                  const std::vector<std::vector<double>> &targets,
                  std::size_t batch, MetricAccumulator &metrics);

/// The classes a metric accumulator needs for `loss`.
std::size_t metricClasses(const BoundLoss &loss);

struct EvaluationResult {
  /// The mean loss over the samples (NaN when there were none).
  double loss = 0;
  MetricAccumulator metrics;
  /// The loss output of every sample after its last step, sample after
  /// sample (samples × width), in the order of the samples given.
  std::vector<double> lastOutputs;
};

/// Runs `params` over `samples` of `set` in batches of `batch` and scores
/// them. `seed` numbers the random draws of measuring models.
EvaluationResult evaluate(Executor &executor, const ParamVector &params,
                          const SequenceSet &set,
                          const std::vector<std::size_t> &samples,
                          const BoundLoss &loss, std::size_t batch,
                          std::uint64_t seed);

/// The forecast of a series model (see makeSeriesTask for the convention):
/// numSeries × forecastSteps predictions. Needs a width-1 output read at
/// every step and one input value per step, which the prediction feeds.
std::vector<double> forecast(Executor &executor, const ParamVector &params,
                             const SeriesTask &task, const BoundLoss &loss,
                             std::uint64_t seed);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_EVALUATION_H
