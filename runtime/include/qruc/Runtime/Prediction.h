//===- Prediction.h - model outputs for new data ----------------*- C++ -*-===//
//
// This file declares predictOutputs(), behind `qruc model.qru --target sim
// --params FILE --predict DATA`: the trained parameters of a checkpoint run
// over every sample of a data file, one CSV row of model outputs per sample,
// so that an outside reference can check our numbers.
//
// The data file has the layout of the experiment's csv data (the same
// header rows and label column; the label is read and ignored) and is
// prepared as in training, with the scaler stored in the checkpoint.
//
// Columns: every output of the model in declaration order; an output of
// width w gives w columns `name[i]` (one `name` when w = 1), and an output
// read at every step gives them for every step, `name@t` (t from 1).
// Numbers are printed with 17 significant digits, which round-trip.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_PREDICTION_H
#define QRUC_RUNTIME_PREDICTION_H

#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/ExperimentSpec.h"
#include "qruc/Runtime/StepProgram.h"

#include <cstdio>
#include <string>

namespace qruc::runtime {

/// Writes the outputs of `checkpoint`'s parameters on `dataPath` to `out`.
/// Fails when the data do not load or do not fit, or the checkpoint holds
/// no scaler although the experiment scales its data.
DataStatus predictOutputs(const StepProgram &program,
                          const ExperimentSpec &spec,
                          const std::string &modelFile,
                          const Checkpoint &checkpoint,
                          const std::string &dataPath, unsigned threads,
                          std::FILE *out);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_PREDICTION_H
