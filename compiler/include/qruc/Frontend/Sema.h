//===- Sema.h - semantic analysis of .qru models ----------------*- C++ -*-===//
//
// This file declares the semantic analysis entry point: it checks an AST and
// elaborates it into the HIR (see HIR.h).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_FRONTEND_SEMA_H
#define QRUC_FRONTEND_SEMA_H

#include "qruc/Frontend/AST.h"
#include "qruc/Frontend/HIR.h"

#include "mlir/IR/MLIRContext.h"

namespace qruc {

/// Limits that keep elaboration of hostile input bounded.
struct SemaLimits {
  /// The most statements loops and gate inlining may expand the step into.
  uint64_t maxStatements = 1000000;
  /// The most qubits a model may declare.
  int64_t maxQubits = 64;
  /// The most elements one classical value may have.
  int64_t maxElements = 1 << 24;
};

/// Checks `module`, read from `filename`, and elaborates it into the HIR.
/// Reports every error it finds through the diagnostic engine of `context`
/// (duplicates from unrolled loops once) and returns null if there was any.
std::unique_ptr<hir::Model> analyze(const ast::Module &module,
                                    llvm::StringRef filename,
                                    mlir::MLIRContext &context,
                                    const SemaLimits &limits = {});

} // namespace qruc

#endif // QRUC_FRONTEND_SEMA_H
