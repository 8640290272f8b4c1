//===- Sequences.h - samples as sequences of time steps ---------*- C++ -*-===//
//
// This file declares how a data set becomes the input sequences of a model
// (`sequence = features(per_step = k)`, `rows()`, `pixels()`,
// `series(window = w)`), the one-step-ahead forecasting task of a series
// split (`split = series(train = a, test = b)`), and how a mini-batch of
// sequences is gathered into the layouts of the Executor's
// SequenceBatch::inputs and OutputValues (this header does not include
// Executor.h, so that the training library stands alone).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_SEQUENCES_H
#define QRUC_RUNTIME_SEQUENCES_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Dataset.h"

#include <cstdint>
#include <vector>

namespace qruc::runtime {

/// Equally long sequences with their targets.
struct SequenceSet {
  std::size_t numSamples = 0;
  std::size_t numSteps = 0;
  /// Values per step (the sum of the sizes of the model's inputs).
  std::size_t stepSize = 0;
  /// numSamples × numSteps × stepSize, sample-major then step-major.
  std::vector<double> inputs;
  /// 1 for a target read after the last step (a class label), numSteps
  /// for a target read at every step (the next value of a series).
  std::size_t targetSteps = 0;
  /// Values per target step (1: a label or a value).
  std::size_t targetSize = 0;
  /// numSamples × targetSteps × targetSize, sample-major.
  std::vector<double> targets;

  const double *sequence(std::size_t sample) const {
    return inputs.data() + sample * numSteps * stepSize;
  }
  const double *target(std::size_t sample) const {
    return targets.data() + sample * targetSteps * targetSize;
  }
};

struct SequenceSpec {
  enum class Kind {
    Features, ///< consecutive features, perStep per step
    Rows,     ///< image rows are the steps
    Pixels,   ///< one pixel (feature) per step
    Series    ///< windows of a series (see makeSeriesTask)
  };
  Kind kind = Kind::Features;
  std::size_t perStep = 1; ///< Features
  std::size_t window = 0;  ///< Series; 0: the whole training range
};

/// Features, Rows, Pixels: one sequence per sample; its target is the label
/// (targetSteps = targetSize = 1). Fails for Series (use makeSeriesTask),
/// when the features do not divide into steps of perStep, when Rows is
/// asked of data without an image shape, or when the data have no labels.
DataResult<SequenceSet> makeSequences(const Dataset &data,
                                      const SequenceSpec &spec);

/// The one-step-ahead forecasting task on series (one per sample of
/// `series`, e.g. from generateDampedSine) split as series(train, test):
///
/// - train: every window of `window` consecutive inputs inside y[0:train]
///   (stride 1; window 0 means train), inputs y[s : s+window] and targets
///   y[s+1 : s+window+1] at every step, for each series;
/// - context: per series, the teacher-forced inputs y[0:train] (targets
///   y[1:train+1], for reporting the teacher-forced error);
/// - forecastTargets: per series, y[train : train+test].
///
/// Forecast convention: prediction k = 0 is the output after the last
/// context input y[train-1]; prediction k > 0 is the output after feeding
/// back prediction k-1 as the next input. Prediction k is compared with
/// y[train + k], so `test` points need test - 1 feedback steps. With the
/// oscillation's 151 points, train = 100 and test = 50 this trains on
/// y[0:100] → y[1:101] and scores the forecast against y[100:150].
struct SeriesTask {
  SequenceSet train;
  SequenceSet context;
  std::size_t forecastSteps = 0;
  /// numSeries × forecastSteps.
  std::vector<double> forecastTargets;
};

/// Fails when train + test (or train + 1) exceeds the number of points or
/// the window is longer than train.
DataResult<SeriesTask> makeSeriesTask(const Dataset &series,
                                      std::size_t train, std::size_t test,
                                      std::size_t window = 0);

/// Per step, per input, batch × size values, sample-major: the layout of
/// SequenceBatch::inputs.
using StepInputs = std::vector<std::vector<std::vector<double>>>;

/// The sequences `samples` (indices into `set`) as the Executor wants
/// them: result[t][i] holds input i at step t for the whole batch. The
/// step's values are cut into consecutive pieces of `inputSizes` (the
/// model's inputs in declaration order, which must add up to
/// set.stepSize).
StepInputs gatherInputs(const SequenceSet &set,
                        const std::vector<std::size_t> &samples,
                        const std::vector<std::uint32_t> &inputSizes);

/// The targets of `samples` in the layout of one output in OutputValues:
/// result[t] holds target step t, sample-major (batch × targetSize).
std::vector<std::vector<double>>
gatherTargets(const SequenceSet &set, const std::vector<std::size_t> &samples);

/// The samples [begin, end) of `order`, a helper for cutting an epoch's
/// shuffled order into mini-batches.
std::vector<std::size_t> batchSlice(const std::vector<std::size_t> &order,
                                    std::size_t begin, std::size_t end);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_SEQUENCES_H
