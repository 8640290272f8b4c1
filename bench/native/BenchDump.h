//===- BenchDump.h - the benchmark's numbers as JSON ------------*- C++ -*-===//
//
// This file declares the dump that lets an outside implementation of a
// model (the PennyLane peers in bench/peers/) be checked against qruc on
// the very same mini-batch: parameters, inputs, targets, outputs, loss and
// gradient, every number in its shortest round-trip form.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_BENCH_BENCHDUMP_H
#define QRUC_BENCH_BENCHDUMP_H

#include "BenchProblem.h"

#include <string>

namespace qruc::bench {

/// Writes the dump to `path`. Layout: "params" (flat, ParamInfo order) with
/// "param_shapes"; "inputs" {name: [batch][steps][size]}; "targets"
/// {name: [batch][entries][size]}; "outputs" likewise; "loss"; "gradient"
/// (flat, as params). Returns false with a message on an I/O error.
bool writeDump(const std::string &path, const runtime::StepProgram &program,
               const BenchProblem &problem,
               const runtime::OutputValues &outputs, double loss,
               const runtime::ParamVector &gradient, std::string &error);

} // namespace qruc::bench

#endif // QRUC_BENCH_BENCHDUMP_H
