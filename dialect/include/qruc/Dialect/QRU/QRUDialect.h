//===- QRUDialect.h - the qru dialect ---------------------------*- C++ -*-===//
//
// This file declares the qru dialect class.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUDIALECT_H
#define QRUC_DIALECT_QRU_QRUDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dialect.h"

#include "qruc/Dialect/QRU/QRUOpsDialect.h.inc"

#endif // QRUC_DIALECT_QRU_QRUDIALECT_H
