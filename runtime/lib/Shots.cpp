//===- Shots.cpp - sampling the outcomes of a measuring model -------------===//
//
// This file runs every sample of a data file as a batch of shots and
// writes the bit-string counts and the outputs' means as JSON lines.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Shots.h"

#include "qruc/Runtime/Evaluation.h"
#include "qruc/Runtime/ExperimentData.h"
#include "qruc/Runtime/SeededRandom.h"

#include <algorithm>

using namespace qruc::runtime;

bool qruc::runtime::measures(const StepProgram &program) {
  for (const Instr &instr : program.code)
    if (instr.op == OpCode::Measure || instr.op == OpCode::Reset)
      return true;
  return false;
}

std::string qruc::runtime::countsKey(
    const StepProgram &program, const std::vector<std::vector<double>> &bits,
    std::size_t sample) {
  std::string key;
  for (std::size_t r = 0; r < program.bits.size(); ++r) {
    if (r > 0)
      key += ' ';
    const std::size_t size = program.bits[r].size;
    for (std::size_t e = 0; e < size; ++e)
      key += bits[r][sample * size + e] != 0.0 ? '1' : '0';
  }
  return key;
}

ShotResult qruc::runtime::sampleShots(Executor &executor,
                                      const ParamVector &params,
                                      const SequenceSet &set,
                                      std::size_t sample, std::size_t shots,
                                      std::uint64_t seed) {
  const StepProgram &program = executor.program();
  ShotResult result;
  result.shots = shots;
  result.outputMeans.resize(program.outputs.size());
  for (std::size_t o = 0; o < program.outputs.size(); ++o)
    result.outputMeans[o].assign(
        program.outputs[o].everyStep ? set.numSteps : 1,
        std::vector<double>(program.outputs[o].size, 0.0));

  // Each chunk draws from a seed of its own: the executor numbers a
  // batch's samples from 0, and chunk c's shot k must not repeat chunk 0's.
  const std::uint64_t sampleSeed =
      deriveSeed(seed, SeedStream::Sampling, sample);
  OutputValues outputs;
  std::vector<std::vector<double>> bits;
  for (std::size_t begin = 0, chunk = 0; begin < shots;
       begin += kShotChunk, ++chunk) {
    const std::size_t n = std::min(kShotChunk, shots - begin);
    executor.forward(params,
                     makeBatch(program, set,
                               std::vector<std::size_t>(n, sample)),
                     outputs, deriveSeed(sampleSeed, 0, chunk));
    executor.finalBits(bits);
    for (std::size_t b = 0; b < n; ++b)
      ++result.counts[countsKey(program, bits, b)];
    // Sums in shot order, so that the means do not depend on the threads.
    for (std::size_t o = 0; o < program.outputs.size(); ++o) {
      const std::size_t width = program.outputs[o].size;
      for (std::size_t t = 0; t < outputs.values[o].size(); ++t)
        for (std::size_t b = 0; b < n; ++b)
          for (std::size_t e = 0; e < width; ++e)
            result.outputMeans[o][t][e] += outputs.values[o][t][b * width + e];
    }
  }
  for (auto &output : result.outputMeans)
    for (auto &step : output)
      for (double &value : step)
        value /= static_cast<double>(shots);
  return result;
}

namespace {

void writeValues(const std::vector<double> &values, std::FILE *out) {
  if (values.size() == 1) {
    std::fprintf(out, "%.17g", values[0]);
    return;
  }
  std::fputc('[', out);
  for (std::size_t e = 0; e < values.size(); ++e)
    std::fprintf(out, e == 0 ? "%.17g" : ", %.17g", values[e]);
  std::fputc(']', out);
}

void writeResult(const StepProgram &program, std::size_t sample,
                 const ShotResult &result, std::FILE *out) {
  std::fprintf(out, "{\"sample\": %zu, \"shots\": %zu, \"counts\": {", sample,
               result.shots);
  bool first = true;
  for (const auto &[key, count] : result.counts) {
    std::fprintf(out, "%s\"%s\": %zu", first ? "" : ", ", key.c_str(), count);
    first = false;
  }
  std::fprintf(out, "}, \"outputs\": {");
  for (std::size_t o = 0; o < program.outputs.size(); ++o) {
    std::fprintf(out, "%s\"%s\": ", o == 0 ? "" : ", ",
                 program.outputs[o].name.c_str());
    const auto &steps = result.outputMeans[o];
    if (!program.outputs[o].everyStep) {
      writeValues(steps[0], out);
      continue;
    }
    std::fputc('[', out);
    for (std::size_t t = 0; t < steps.size(); ++t) {
      if (t > 0)
        std::fprintf(out, ", ");
      writeValues(steps[t], out);
    }
    std::fputc(']', out);
  }
  std::fprintf(out, "}}\n");
}

} // namespace

DataStatus qruc::runtime::writeShots(const StepProgram &program,
                                     const ExperimentSpec &spec,
                                     const std::string &modelFile,
                                     const ShotSettings &settings,
                                     const std::string &dataPath,
                                     std::FILE *out) {
  DataResult<Dataset> loaded =
      loadExperimentDataset(spec.data, modelFile, dataPath);
  if (!loaded)
    return loaded.error();
  std::string source = loaded->source;
  DataResult<SequenceSet> set =
      settings.scaler ? prepareSequences(spec, loaded.take(), *settings.scaler)
                      : prepareSequences(spec, loaded.take());
  if (!set)
    return set.error();
  if (DataStatus error = checkStepSize(program, *set, source))
    return error;

  Executor executor(program, settings.threads);
  for (std::size_t sample = 0; sample < set->numSamples; ++sample)
    writeResult(program, sample,
                sampleShots(executor, settings.params, *set, sample,
                            settings.shots, settings.seed),
                out);
  std::fflush(out);
  return std::nullopt;
}
