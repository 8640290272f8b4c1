//===- StepSlices.cpp - what a step's values feed and depend on -----------===//
//
// This file implements the step-body slices as worklists over SSA values,
// lifting every op found to its ancestor in the block.
//
//===----------------------------------------------------------------------===//

#include "StepSlices.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;

llvm::SetVector<Operation *> qruc::openqasm3::forwardSliceInBlock(Value root,
                                                                 Block &block) {
  llvm::SetVector<Operation *> slice;
  SmallVector<Value> worklist{root};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers())
      if (Operation *op = block.findAncestorOpInBlock(*user);
          op && slice.insert(op))
        llvm::append_range(worklist, op->getResults());
  }
  return slice;
}

llvm::SetVector<Operation *> qruc::openqasm3::backwardSliceInBlock(
    ArrayRef<Value> roots, Block &block,
    llvm::function_ref<bool(Operation *)> stop) {
  llvm::SetVector<Operation *> slice;
  SmallVector<Operation *> worklist;
  auto reach = [&](Value value) {
    Operation *def = value.getDefiningOp();
    if (!def)
      return;
    Operation *op = block.findAncestorOpInBlock(*def);
    if (op && !stop(op) && slice.insert(op))
      worklist.push_back(op);
  };
  for (Value root : roots)
    reach(root);
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    // The op's own operands and those of the ops in its regions; values
    // defined inside the op lift back to it and are already in the slice.
    op->walk([&](Operation *inner) {
      for (Value operand : inner->getOperands())
        reach(operand);
    });
  }
  return slice;
}
