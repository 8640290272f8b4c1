//===- MLIRGen.h - HIR to the qru dialect -----------------------*- C++ -*-===//
//
// This file declares the translation of a checked model into a module
// holding one qru.model op.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_FRONTEND_MLIRGEN_H
#define QRUC_FRONTEND_MLIRGEN_H

#include "qruc/Frontend/HIR.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace qruc {

/// Builds the qru dialect form of `model`; every op carries the source
/// location (in `filename`) of the construct it comes from. Returns null,
/// after reporting, if the result does not verify.
mlir::OwningOpRef<mlir::ModuleOp> generateMLIR(const hir::Model &model,
                                               llvm::StringRef filename,
                                               mlir::MLIRContext &context);

} // namespace qruc

#endif // QRUC_FRONTEND_MLIRGEN_H
