//===- Summary.h - a model's vital statistics -------------------*- C++ -*-===//
//
// This file declares the model summary behind `qruc --emit=summary`: qubits
// per register, trainable parameters per name and in total, gates per step
// by kind, and the gate depth of the step; and the comparison of the step
// before and after optimization.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_ANALYSIS_SUMMARY_H
#define QRUC_ANALYSIS_SUMMARY_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "llvm/ADT/StringMap.h"

#include <map>
#include <string>
#include <vector>

namespace qruc {

struct ModelSummary {
  std::string name;
  bool persistent = false;
  std::vector<std::pair<std::string, int64_t>> registers;
  std::vector<std::pair<std::string, int64_t>> parameters;
  int64_t totalParameters = 0;
  /// Gate counts per gate name, sorted by name.
  std::map<std::string, int64_t> gates;
  int64_t totalGates = 0;
  int64_t depth = 0;
  int64_t readouts = 0;
  int64_t measurements = 0;
  int64_t resets = 0;
};

/// Computes the summary of `model`.
ModelSummary summarize(qru::ModelOp model);

/// Prints `summary` in the `--emit=summary` format.
void printSummary(const ModelSummary &summary, llvm::raw_ostream &os);

/// Prints how the pipeline called `pipeline` changed the step: gate counts
/// per gate name, depth, readouts, measurements and resets, as
/// "before -> after".
void printOptimizationSummary(const ModelSummary &before,
                              const ModelSummary &after,
                              llvm::StringRef pipeline, llvm::raw_ostream &os);

} // namespace qruc

#endif // QRUC_ANALYSIS_SUMMARY_H
