//===- QRUDialect.cpp - the qru dialect ------------------------------------===//
//
// This file registers the qru dialect's types and operations.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Dialect/QRU/QRUTypes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qruc::qru;

#include "qruc/Dialect/QRU/QRUOpsDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "qruc/Dialect/QRU/QRUOpsTypes.cpp.inc"

void QRUDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "qruc/Dialect/QRU/QRUOpsTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "qruc/Dialect/QRU/QRUOps.cpp.inc"
      >();
}
