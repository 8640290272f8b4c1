//===- StepSlices.h - what a step's values feed and depend on ---*- C++ -*-===//
//
// This file declares the slices the exporter takes of a step body. Unlike
// MLIR's getForwardSlice and getBackwardSlice, they count a value read from
// above inside an op's region as an operand of that op: an elementwise
// `linalg.map` that scales a vector by a readout captures the readout in its
// body rather than taking it as an operand, and the map must still count as
// fed by the readout, and the readout as needed by the map.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TARGET_OPENQASM3_STEPSLICES_H
#define QRUC_TARGET_OPENQASM3_STEPSLICES_H

#include "mlir/IR/Block.h"
#include "llvm/ADT/SetVector.h"

namespace qruc::openqasm3 {

/// The ops of `block` that use `root`, directly or through their results;
/// a use inside an op's region is a use by the op of `block` holding it.
llvm::SetVector<mlir::Operation *> forwardSliceInBlock(mlir::Value root,
                                                       mlir::Block &block);

/// The ops of `block` that compute `roots`, and what they read in turn,
/// counting the values an op's regions read from above. An op for which
/// `stop` holds is left out with all it reads.
llvm::SetVector<mlir::Operation *>
backwardSliceInBlock(llvm::ArrayRef<mlir::Value> roots, mlir::Block &block,
                     llvm::function_ref<bool(mlir::Operation *)> stop);

} // namespace qruc::openqasm3

#endif // QRUC_TARGET_OPENQASM3_STEPSLICES_H
