//===- GateBasis.cpp - the native gate sets of IBM processors --------------===//
//
// This file implements the membership test of the gate sets that
// qru-translate-basis writes.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/GateBasis.h"
#include "qruc/Dialect/QRU/QRUOps.h"

#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace qruc::qru;

std::optional<GateBasis> qruc::qru::parseGateBasis(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<GateBasis>>(name)
      .Case("heron", GateBasis::Heron)
      .Case("eagle", GateBasis::Eagle)
      .Default(std::nullopt);
}

bool qruc::qru::isNativeGate(Operation *op, GateBasis basis) {
  switch (basis) {
  case GateBasis::Standard:
    return isa<GateOpInterface>(op);
  case GateBasis::Heron:
    return isa<CZOp, RZOp, SXOp, XOp>(op);
  case GateBasis::Eagle:
    return isa<ECROp, RZOp, SXOp, XOp>(op);
  }
  return false;
}
