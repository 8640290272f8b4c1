//===- Prediction.cpp - model outputs for new data ------------------------===//
//
// This file runs a checkpoint's parameters over a data file and writes the
// outputs as CSV.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Prediction.h"

#include "qruc/Runtime/Evaluation.h"
#include "qruc/Runtime/ExperimentData.h"
#include "qruc/Runtime/Executor.h"
#include "qruc/Runtime/TrainingRun.h"

#include <algorithm>
#include <numeric>

using namespace qruc::runtime;

namespace {

/// Samples per forward pass: enough to fill the batch tiles.
constexpr std::size_t kPredictionBatch = 256;

std::string columnName(const VariableInfo &output, std::size_t element,
                       std::size_t step) {
  std::string name = output.name;
  if (output.size > 1)
    name += "[" + std::to_string(element) + "]";
  if (output.everyStep)
    name += "@" + std::to_string(step + 1);
  return name;
}

} // namespace

DataStatus qruc::runtime::predictOutputs(const StepProgram &program,
                                         const ExperimentSpec &spec,
                                         const std::string &modelFile,
                                         const Checkpoint &checkpoint,
                                         const std::string &dataPath,
                                         unsigned threads, std::FILE *out) {
  DataResult<Dataset> loaded =
      loadExperimentDataset(spec.data, modelFile, dataPath);
  if (!loaded)
    return loaded.error();
  const std::vector<double> *factor =
      checkpoint.findArray(checkpoint_keys::kScaleFactor);
  const std::vector<double> *offset =
      checkpoint.findArray(checkpoint_keys::kScaleOffset);
  Scaler scaler(loaded->numFeatures);
  if (factor && offset && factor->size() == offset->size())
    scaler = Scaler(*factor, *offset);
  else if (!spec.scale.empty())
    return DataError{dataPath, 0, 0,
                     "the parameters file holds no scaler, but the "
                     "experiment scales its data"};
  std::string source = loaded->source;
  DataResult<SequenceSet> set = prepareSequences(spec, loaded.take(), scaler);
  if (!set)
    return set.error();
  if (DataStatus error = checkStepSize(program, *set, source))
    return error;

  std::string header;
  for (const VariableInfo &output : program.outputs) {
    std::size_t steps = output.everyStep ? set->numSteps : 1;
    for (std::size_t t = 0; t < steps; ++t)
      for (std::size_t i = 0; i < output.size; ++i)
        header += (header.empty() ? "" : ",") +
                  columnName(output, i, t);
  }
  std::fprintf(out, "%s\n", header.c_str());

  Executor executor(program, threads);
  std::vector<std::size_t> all(set->numSamples);
  std::iota(all.begin(), all.end(), 0);
  OutputValues outputs;
  for (std::size_t begin = 0; begin < all.size(); begin += kPredictionBatch) {
    std::vector<std::size_t> slice = batchSlice(
        all, begin, std::min(begin + kPredictionBatch, all.size()));
    executor.forward(checkpoint.params, makeBatch(program, *set, slice),
                     outputs, begin);
    for (std::size_t b = 0; b < slice.size(); ++b) {
      bool first = true;
      for (std::size_t o = 0; o < program.outputs.size(); ++o) {
        std::size_t width = program.outputs[o].size;
        for (const std::vector<double> &step : outputs.values[o])
          for (std::size_t i = 0; i < width; ++i) {
            std::fprintf(out, first ? "%.17g" : ",%.17g", step[b * width + i]);
            first = false;
          }
      }
      std::fputc('\n', out);
    }
  }
  std::fflush(out);
  return std::nullopt;
}
