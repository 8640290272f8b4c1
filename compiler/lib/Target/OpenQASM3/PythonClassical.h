//===- PythonClassical.h - a step's classical ops as NumPy -----*- C++ -*-===//
//
// This file declares the translation of the classical part of a step (arith,
// math, tensor and linalg on f64 scalars and tensors) into Python statements
// on NumPy values, for the per-step host driver: it computes the values the
// step circuit takes and, from the estimated readouts, the next memory and
// the outputs, op for op as the simulator's step program does.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TARGET_OPENQASM3_PYTHONCLASSICAL_H
#define QRUC_TARGET_OPENQASM3_PYTHONCLASSICAL_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace qruc::openqasm3 {

/// Names SSA values as Python variables and writes classical ops.
class PythonWriter {
public:
  /// Gives `value` a fixed name (a step argument, a readout).
  void bind(mlir::Value value, std::string name) {
    names[value] = std::move(name);
  }
  /// The Python name of `value`, made up on first use.
  const std::string &name(mlir::Value value);
  /// Writes `op` as statements at `indent`; an op with no Python form is an
  /// error at the op.
  mlir::LogicalResult write(mlir::Operation *op, llvm::raw_ostream &os,
                            llvm::StringRef indent);

  /// Helpers the statements call (_insert, _softmax, _erf), once per file.
  static llvm::StringRef prelude();

private:
  llvm::DenseMap<mlir::Value, std::string> names;
  unsigned next = 0;
};

} // namespace qruc::openqasm3

#endif // QRUC_TARGET_OPENQASM3_PYTHONCLASSICAL_H
