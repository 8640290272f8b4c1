//===- GateBasis.h - the native gate sets of IBM processors -----*- C++ -*-===//
//
// This file declares GateBasis, the gate sets qru-translate-basis writes, and
// the test of whether a gate belongs to one, which the OpenQASM exporter and
// the tests share with the pass.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_GATEBASIS_H
#define QRUC_DIALECT_QRU_GATEBASIS_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace qruc::qru {

/// A gate set.
enum class GateBasis {
  /// The standard gates as named: every qru gate belongs to it.
  Standard,
  /// IBM Heron (ibm_fez, ibm_marrakesh, …): cz rz sx x.
  Heron,
  /// IBM Eagle: ecr rz sx x.
  Eagle,
};

/// The basis named `name` in qru-translate-basis's option: "heron" or
/// "eagle".
std::optional<GateBasis> parseGateBasis(llvm::StringRef name);

/// Whether `op` is a gate of `basis`.
bool isNativeGate(mlir::Operation *op, GateBasis basis);

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_GATEBASIS_H
