//===- Passes.h - qru dialect passes ----------------------------*- C++ -*-===//
//
// This file declares the optimization passes of the qru dialect (generated
// from Passes.td) and the function that registers them with the pass
// registry, for qruc-opt and the named pipelines.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_PASSES_H
#define QRUC_DIALECT_QRU_PASSES_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/Pass/Pass.h"

namespace qruc::qru {

#define GEN_PASS_DECL
#include "qruc/Dialect/QRU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "qruc/Dialect/QRU/Passes.h.inc"

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_PASSES_H
