//===- ExperimentData.h - the data an experiment trains on ------*- C++ -*-===//
//
// This file declares the first stage of a training run: loading the data
// set the `experiment` section names and preparing it exactly as the model
// file says (resize, scaling, sequences, the series task), so that the
// trainer only ever sees sequences of time steps.
//
// Scaling is fitted on all samples, as the protocols of qru.md prescribe
// ("min-max scale each feature to [0, 1] over all samples"); the fitted
// scaler is kept so that data given later to --predict is scaled by the
// very same affine map.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_EXPERIMENTDATA_H
#define QRUC_RUNTIME_EXPERIMENTDATA_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Dataset.h"
#include "qruc/Runtime/ExperimentSpec.h"
#include "qruc/Runtime/Scaling.h"
#include "qruc/Runtime/Sequences.h"

#include <optional>
#include <string>

namespace qruc::runtime {

struct ExperimentData {
  /// The samples after resize and scaling (series: the generated series).
  Dataset data;
  /// The scaling fitted on all samples (the identity without `scale`).
  Scaler scaler;
  /// One sequence per sample, its target the label; empty for series.
  SequenceSet sequences;
  /// split = series(...): the one-step-ahead task and its forecast.
  std::optional<SeriesTask> series;
};

/// Loads the data set of `spec.data`, relative paths taken from the
/// directory of `modelFile`. With `overridePath` (a csv experiment only),
/// reads that file with the experiment's csv options instead.
DataResult<Dataset> loadExperimentDataset(const DataSpec &spec,
                                          const std::string &modelFile,
                                          const std::string &overridePath = "");

/// Loads and prepares the data of `spec`.
DataResult<ExperimentData> prepareExperimentData(const ExperimentSpec &spec,
                                                 const std::string &modelFile);

/// Prepares `data` (not a series) for a trained model: resize as the
/// experiment says, then `scaler` (the one stored with the parameters),
/// then the experiment's sequences.
DataResult<SequenceSet> prepareSequences(const ExperimentSpec &spec,
                                         Dataset data, const Scaler &scaler);

/// As above, without scaling: for parameters that come without a scaler
/// (a hand-written parameters file for --shots).
DataResult<SequenceSet> prepareSequences(const ExperimentSpec &spec,
                                         Dataset data);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_EXPERIMENTDATA_H
