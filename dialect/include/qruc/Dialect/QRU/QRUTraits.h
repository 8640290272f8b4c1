//===- QRUTraits.h - qru op traits ------------------------------*- C++ -*-===//
//
// This file defines GateArity, the trait that fixes how many qubits and
// angles a gate op takes. Gate ops share one variadic operand layout, so the
// counts the types cannot express are checked here.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUTRAITS_H
#define QRUC_DIALECT_QRU_QRUTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace mlir::OpTrait {

/// Verifies that a gate op has exactly `NumQubits` qubit operands and
/// results and `NumParams` angle operands.
template <unsigned NumQubits, unsigned NumParams>
struct GateArity {
  template <typename ConcreteOp>
  class Impl : public TraitBase<ConcreteOp, Impl> {
  public:
    static constexpr unsigned kNumQubits = NumQubits;
    static constexpr unsigned kNumParams = NumParams;

    static LogicalResult verifyTrait(Operation *op) {
      auto gate = cast<ConcreteOp>(op);
      if (gate.getQubits().size() != NumQubits)
        return op->emitOpError("expects ")
               << NumQubits << " qubit operand(s), but got "
               << gate.getQubits().size();
      if (gate.getParams().size() != NumParams)
        return op->emitOpError("expects ")
               << NumParams << " angle operand(s), but got "
               << gate.getParams().size();
      return success();
    }
  };
};

} // namespace mlir::OpTrait

#endif // QRUC_DIALECT_QRU_QRUTRAITS_H
