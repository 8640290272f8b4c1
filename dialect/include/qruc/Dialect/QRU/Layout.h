//===- Layout.h - the physical layout of a routed model ---------*- C++ -*-===//
//
// This file declares the accessors of the `qru.layout` attribute that
// qru-route records on a qru.model: `qru.layout = array<i64: p0, p1, …>`,
// where entry w is the physical qubit of logical wire w (the qubits of all
// registers in declaration order) at the start of every step.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_LAYOUT_H
#define QRUC_DIALECT_QRU_LAYOUT_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <optional>

namespace qruc::qru {

/// The name of the discardable attribute qru-route sets on a qru.model.
inline constexpr llvm::StringLiteral kLayoutAttrName = "qru.layout";

/// The physical qubit of each logical wire of a routed model, indexed by
/// wire; std::nullopt when `model` has not been routed (or the attribute is
/// not an array<i64> with one entry per wire).
inline std::optional<llvm::SmallVector<int64_t>> getLayout(ModelOp model) {
  auto layout = model->getAttrOfType<mlir::DenseI64ArrayAttr>(kLayoutAttrName);
  if (!layout || static_cast<int64_t>(layout.size()) != model.getNumWires())
    return std::nullopt;
  return llvm::SmallVector<int64_t>(layout.asArrayRef());
}

/// Records `layout` (entry w: the physical qubit of wire w) on `model`.
inline void setLayout(ModelOp model, llvm::ArrayRef<int64_t> layout) {
  model->setAttr(kLayoutAttrName,
                 mlir::DenseI64ArrayAttr::get(model.getContext(), layout));
}

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_LAYOUT_H
