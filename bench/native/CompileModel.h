//===- CompileModel.h - a .qru file to a step program -----------*- C++ -*-===//
//
// This file declares how the benchmarks turn a model file into what the
// executor runs: the front end, the sim pipeline and the lowering to a
// StepProgram, the same way `qruc --emit=program` and `--target sim` do, so
// that the benchmark times the program users train. The experiment section
// comes along because the loss is named there.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_BENCH_COMPILEMODEL_H
#define QRUC_BENCH_COMPILEMODEL_H

#include "qruc/Runtime/ExperimentSpec.h"
#include "qruc/Runtime/StepProgram.h"

#include <optional>
#include <string>

namespace qruc::bench {

struct CompiledModel {
  runtime::StepProgram program;
  runtime::ExperimentSpec experiment;
};

/// Compiles the model in `path`; with `optimize` false, lowers the IR as
/// generated, without the sim pipeline (to measure what it gains).
/// Diagnostics go to standard error in the compiler's format; returns
/// nothing when there was any.
std::optional<CompiledModel> compileModel(const std::string &path,
                                          bool optimize = true);

} // namespace qruc::bench

#endif // QRUC_BENCH_COMPILEMODEL_H
