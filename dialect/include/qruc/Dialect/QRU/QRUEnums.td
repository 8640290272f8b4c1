//===- QRUEnums.td - qru dialect enumerations --------------*- tablegen -*-===//
//
// This file declares the enumerations used by qru ops: how a parameter is
// initialized and at which steps an output or target is read.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUENUMS_TD
#define QRUC_DIALECT_QRU_QRUENUMS_TD

include "mlir/IR/EnumAttr.td"

def QRU_InitKind : I32EnumAttr<"InitKind", "how a parameter is initialized", [
    I32EnumAttrCase<"Constant", 0, "constant">,
    I32EnumAttrCase<"Uniform", 1, "uniform">,
    I32EnumAttrCase<"Normal", 2, "normal">
  ]> {
  let cppNamespace = "::qruc::qru";
}

def QRU_Timing : I32EnumAttr<"Timing", "the steps at which a value is read", [
    I32EnumAttrCase<"Last", 0, "last">,
    I32EnumAttrCase<"Every", 1, "every">
  ]> {
  let cppNamespace = "::qruc::qru";
}

#endif // QRUC_DIALECT_QRU_QRUENUMS_TD
