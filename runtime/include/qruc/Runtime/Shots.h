//===- Shots.h - sampling the outcomes of a measuring model -----*- C++ -*-===//
//
// This file declares the shot sampler behind `qruc model.qru --target sim
// --shots N --predict DATA`: every sample (row) of a data file is run N
// times, each run (a shot, one trajectory) drawing its own mid-circuit
// measurement and reset outcomes, and what a hardware run would report is
// written out: how often each final bit string occurred, and the mean of
// every output over the shots (an estimate of the ⟨Z⟩ a device's
// Estimator would give).
//
// A shot is one sample of an Executor batch: N copies of the same sequence
// run side by side, in chunks of kShotChunk, each copy drawing from the
// counter-based generator under its own index, so the result depends on
// the seed only, never on the thread count.
//
// Output: one JSON object per line and data sample,
//
//   {"sample": 0, "shots": 1000, "counts": {"0110 1": 412, ...},
//    "outputs": {"logit": 0.25, "probs": [0.5, 0.5]}}
//
// A counts key lists the FINAL values (after the last step) of every bit
// register of the model, in declaration order, separated by one space;
// each register is written bit 0 FIRST (`bit c[3]` with c[0] = 1, c[1] = 0,
// c[2] = 0 is "100"). Qiskit prints its classical registers the other way
// round (the last register first, each register's highest bit first), so
// reverse the whole string to compare. Keys are sorted; bit strings that
// never occurred are left out. An output read at every step gives a list
// over the steps.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_SHOTS_H
#define QRUC_RUNTIME_SHOTS_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Executor.h"
#include "qruc/Runtime/ExperimentSpec.h"
#include "qruc/Runtime/Scaling.h"
#include "qruc/Runtime/Sequences.h"
#include "qruc/Runtime/StepProgram.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qruc::runtime {

/// Shots per Executor batch: bounds the memory of a large --shots.
inline constexpr std::size_t kShotChunk = 4096;

/// Whether the program measures or resets a qubit, i.e. whether its
/// outputs are random.
bool measures(const StepProgram &program);

/// What the shots of one sample gave.
struct ShotResult {
  std::size_t shots = 0;
  /// Counts per key (see the file comment), sorted by key.
  std::map<std::string, std::size_t> counts;
  /// outputMeans[o][t]: the mean over the shots of output o at step t (one
  /// entry for an output read at the last step), `size` values each.
  std::vector<std::vector<std::vector<double>>> outputMeans;
};

/// The counts key of the bit registers `bits` (as Executor::finalBits()
/// gives them) for batch sample `sample`.
std::string countsKey(const StepProgram &program,
                      const std::vector<std::vector<double>> &bits,
                      std::size_t sample);

/// Runs sequence `sample` of `set` `shots` times with `params`. The
/// random outcomes depend on `seed` and `sample` only.
ShotResult sampleShots(Executor &executor, const ParamVector &params,
                       const SequenceSet &set, std::size_t sample,
                       std::size_t shots, std::uint64_t seed);

/// How --shots runs a data file.
struct ShotSettings {
  ParamVector params;
  /// The scaling of the inputs; none: the data are used as they are.
  std::optional<Scaler> scaler;
  std::size_t shots = 1;
  std::uint64_t seed = 0;
  unsigned threads = 1;
};

/// Loads `dataPath` as the experiment's data (the same csv options),
/// prepares it as --predict does (resize, `settings.scaler`, sequences) and
/// writes one JSON line per sample to `out`.
DataStatus writeShots(const StepProgram &program, const ExperimentSpec &spec,
                      const std::string &modelFile,
                      const ShotSettings &settings,
                      const std::string &dataPath, std::FILE *out);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_SHOTS_H
