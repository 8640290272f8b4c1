//===- LowerToStepProgram.h - qru dialect to the runtime --------*- C++ -*-===//
//
// This file declares the lowering of a qru.model to the runtime's
// StepProgram, and the textual listing of a StepProgram behind
// `qruc --emit=program`.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TARGET_SIM_LOWERTOSTEPPROGRAM_H
#define QRUC_TARGET_SIM_LOWERTOSTEPPROGRAM_H

#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Runtime/StepProgram.h"

#include "llvm/Support/raw_ostream.h"

namespace qruc {

/// Lowers `model` to a StepProgram. Reports an op the simulator cannot run
/// at its location and returns failure.
mlir::FailureOr<runtime::StepProgram> lowerToStepProgram(qru::ModelOp model);

/// Prints `program` as a listing, one instruction per line.
void printStepProgram(const runtime::StepProgram &program,
                      llvm::raw_ostream &os);

} // namespace qruc

#endif // QRUC_TARGET_SIM_LOWERTOSTEPPROGRAM_H
