//===- ExperimentData.cpp - the data an experiment trains on --------------===//
//
// This file loads the data set an experiment names and applies the
// preprocessing of the model file in its fixed order: resize, scale,
// sequences (or the series task).
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/ExperimentData.h"

#include "qruc/Runtime/CsvLoader.h"
#include "qruc/Runtime/DampedSine.h"
#include "qruc/Runtime/IdxLoader.h"
#include "qruc/Runtime/Resize.h"

using namespace qruc::runtime;

DataResult<Dataset>
qruc::runtime::loadExperimentDataset(const DataSpec &spec,
                                     const std::string &modelFile,
                                     const std::string &overridePath) {
  if (!overridePath.empty() && spec.kind != DataSpec::Kind::Csv)
    return DataError{overridePath, 0, 0,
                     "only experiments whose data is csv(...) can read "
                     "another data file"};
  switch (spec.kind) {
  case DataSpec::Kind::Csv:
    return loadCsv(overridePath.empty() ? resolvePath(modelFile, spec.path)
                                        : overridePath,
                   spec.csv);
  case DataSpec::Kind::Idx:
    return loadIdx(resolvePath(modelFile, spec.images),
                   resolvePath(modelFile, spec.labels), spec.idx);
  case DataSpec::Kind::DampedSine:
    return generateDampedSine(spec.sine);
  case DataSpec::Kind::None:
    break;
  }
  return DataError{modelFile, 0, 0,
                   "the experiment names no data: add `data = ...;`"};
}

namespace {

/// Resize as the experiment says (images only).
DataResult<Dataset> resizeIfAsked(const ExperimentSpec &spec, Dataset data) {
  if (!spec.hasResize)
    return data;
  if (!data.isImage())
    return DataError{data.source, 0, 0,
                     "resize = bilinear(...) needs images, but the data "
                     "are not images"};
  return resizeImages(data, spec.resizeRows, spec.resizeCols);
}

} // namespace

DataResult<ExperimentData>
qruc::runtime::prepareExperimentData(const ExperimentSpec &spec,
                                     const std::string &modelFile) {
  DataResult<Dataset> loaded = loadExperimentDataset(spec.data, modelFile);
  if (!loaded)
    return loaded.error();
  DataResult<Dataset> resized = resizeIfAsked(spec, loaded.take());
  if (!resized)
    return resized.error();

  ExperimentData result;
  result.data = resized.take();
  DataResult<Scaler> scaler = Scaler::fit(spec.scale, result.data);
  if (!scaler)
    return scaler.error();
  result.scaler = scaler.take();
  result.scaler.apply(result.data);

  bool seriesSplit = spec.split.kind == SplitSpec::Kind::Series;
  bool seriesSequence = spec.hasSequence &&
                        spec.sequence.kind == SequenceSpec::Kind::Series;
  if (seriesSplit != seriesSequence)
    return DataError{modelFile, 0, 0,
                     "split = series(...) and sequence = series(...) go "
                     "together: give both or neither"};
  if (seriesSplit) {
    DataResult<SeriesTask> task =
        makeSeriesTask(result.data, spec.split.trainPoints,
                       spec.split.testPoints, spec.sequence.window);
    if (!task)
      return task.error();
    result.series = task.take();
    return result;
  }
  DataResult<SequenceSet> sequences =
      makeSequences(result.data, spec.sequence);
  if (!sequences)
    return sequences.error();
  result.sequences = sequences.take();
  return result;
}

DataResult<SequenceSet>
qruc::runtime::prepareSequences(const ExperimentSpec &spec, Dataset data,
                                const Scaler &scaler) {
  DataResult<Dataset> resized = resizeIfAsked(spec, std::move(data));
  if (!resized)
    return resized.error();
  if (resized->numFeatures != scaler.numFeatures())
    return DataError{resized->source, 0, 0,
                     "the data have " + std::to_string(resized->numFeatures) +
                         " features, but the model was trained on " +
                         std::to_string(scaler.numFeatures())};
  scaler.apply(*resized);
  return makeSequences(*resized, spec.sequence);
}

DataResult<SequenceSet>
qruc::runtime::prepareSequences(const ExperimentSpec &spec, Dataset data) {
  DataResult<Dataset> resized = resizeIfAsked(spec, std::move(data));
  if (!resized)
    return resized.error();
  return makeSequences(*resized, spec.sequence);
}
