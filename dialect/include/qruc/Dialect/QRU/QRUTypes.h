//===- QRUTypes.h - qru dialect types ---------------------------*- C++ -*-===//
//
// This file declares the types of the qru dialect.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUTYPES_H
#define QRUC_DIALECT_QRU_QRUTYPES_H

#include "mlir/IR/BuiltinTypes.h"

#define GET_TYPEDEF_CLASSES
#include "qruc/Dialect/QRU/QRUOpsTypes.h.inc"

#endif // QRUC_DIALECT_QRU_QRUTYPES_H
