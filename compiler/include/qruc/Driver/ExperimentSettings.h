//===- ExperimentSettings.h - the experiment for the runtime ----*- C++ -*-===//
//
// This file declares the bridge between the front end's checked experiment
// settings (hir::Setting, with source locations) and the training library's
// ExperimentSpec, which does not depend on the compiler.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DRIVER_EXPERIMENTSETTINGS_H
#define QRUC_DRIVER_EXPERIMENTSETTINGS_H

#include "qruc/Frontend/HIR.h"
#include "qruc/Runtime/ExperimentSpec.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/LogicalResult.h"

namespace qruc {

/// Builds the experiment of `model` into `spec`. A setting out of range is
/// reported at its location in `filename` (through `context`'s diagnostic
/// handler).
mlir::LogicalResult buildExperimentSpec(const hir::Model &model,
                                        llvm::StringRef filename,
                                        mlir::MLIRContext &context,
                                        runtime::ExperimentSpec &spec);

} // namespace qruc

#endif // QRUC_DRIVER_EXPERIMENTSETTINGS_H
