//===- Checkpoint.h - saving and restoring a training run -------*- C++ -*-===//
//
// This file declares the checkpoint written after every epoch: the model
// name, the epochs completed, the seed, the parameter vector, the
// optimizer state, and named extras (the fitted scaler, the best loss, ...)
// as JSON, written atomically (see FileIO.h) so that a crash never leaves a
// half-written file. Reading validates the structure and, optionally, that
// the checkpoint belongs to the model at hand; every problem is a DataError
// with the line and column of the offending JSON value.
//
//   {
//     "format": "qruc-checkpoint",
//     "version": 1,
//     "model": "wdbc",
//     "epoch": 12,
//     "seed": 7,
//     "params": [0.53, 4.1, ...],
//     "optimizer": {"kind": "adam", "lr": 0.01, "step": 348,
//                   "m": [...], "v": [...]},
//     "arrays": {"scale_factor": [...], "scale_offset": [...]},
//     "values": {"best_loss": 0.081}
//   }
//
// Integers above 2^53 (a large seed) are written as decimal strings so
// that they survive readers that hold every JSON number in a double.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_CHECKPOINT_H
#define QRUC_RUNTIME_CHECKPOINT_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Json.h"
#include "qruc/Runtime/Optimizers.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qruc::runtime {

struct Checkpoint {
  std::string model;
  std::uint64_t epoch = 0; ///< epochs completed
  std::uint64_t seed = 0;
  std::vector<double> params;
  std::optional<OptimizerState> optimizer;
  /// Extra named vectors, kept in order.
  std::vector<std::pair<std::string, std::vector<double>>> arrays;
  /// Extra named numbers, kept in order.
  std::vector<std::pair<std::string, double>> values;

  const std::vector<double> *findArray(const std::string &name) const;
  const double *findValue(const std::string &name) const;
};

/// What the reader checks beyond the structure; empty/0 checks nothing.
struct CheckpointExpectation {
  std::string model;
  std::size_t numParameters = 0;
};

JsonValue checkpointToJson(const Checkpoint &checkpoint);
/// `name` is used in errors (the file).
DataResult<Checkpoint> checkpointFromJson(const JsonValue &json,
                                          const std::string &name,
                                          const CheckpointExpectation &expect =
                                              {});

/// Writes `checkpoint` to `path` atomically.
DataStatus writeCheckpoint(const std::string &path,
                           const Checkpoint &checkpoint);
/// Reads and validates a checkpoint.
DataResult<Checkpoint> readCheckpoint(const std::string &path,
                                      const CheckpointExpectation &expect = {});

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_CHECKPOINT_H
