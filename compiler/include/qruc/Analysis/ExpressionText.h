//===- ExpressionText.h - classical values as source-like text --*- C++ -*-===//
//
// This file declares ExpressionPrinter, which writes the classical
// computation behind an SSA value of a step as a short expression in the
// .qru language's notation, such as "asin(m[0])*p[16]+p[17]" for a gate angle
// or "c[0]" for a condition; circuit diagrams label gates with it.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_ANALYSIS_EXPRESSIONTEXT_H
#define QRUC_ANALYSIS_EXPRESSIONTEXT_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "llvm/ADT/DenseMap.h"

#include <string>

namespace qruc {

class ExpressionPrinter {
public:
  /// Names the step's block arguments after the declarations they stand for.
  /// Expressions longer than `maxLength` characters print as "…".
  explicit ExpressionPrinter(qru::StepOp step, unsigned maxLength = 28);

  /// The expression that computes `value`.
  std::string print(mlir::Value value);

  /// Where a readout value or measured bit goes, as "m[0]" for an element of
  /// a memory, bit register or output, or "" when it is not stored directly.
  std::string destination(mlir::Value value);

private:
  /// An expression and how tightly it binds: 0 for a sum, 1 for a product,
  /// 2 for an atom (a name, a number, a call, an element).
  struct Text {
    std::string text;
    int precedence = 2;
  };
  Text render(mlir::Value value, unsigned depth);

  llvm::DenseMap<mlir::Value, std::string> names;
  /// The declared name of each value the step yields, by operand number.
  std::vector<std::string> yieldNames;
  unsigned maxLength;
};

} // namespace qruc

#endif // QRUC_ANALYSIS_EXPRESSIONTEXT_H
