//===- QRUOps.h - qru dialect operations ------------------------*- C++ -*-===//
//
// This file declares the operations of the qru dialect.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUOPS_H
#define QRUC_DIALECT_QRU_QRUOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUTraits.h"
#include "qruc/Dialect/QRU/QRUTypes.h"

#include "qruc/Dialect/QRU/QRUEnums.h.inc"

namespace qruc::qru {
class StepOp;
} // namespace qruc::qru

#include "qruc/Dialect/QRU/QRUInterfaces.h.inc"

#define GET_OP_CLASSES
#include "qruc/Dialect/QRU/QRUOps.h.inc"

#endif // QRUC_DIALECT_QRU_QRUOPS_H
