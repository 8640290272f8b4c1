//===- HoistParameterOnly.cpp - the qru-hoist-parameter-only pass ----------===//
//
// This file implements qru-hoist-parameter-only. A pre-order walk of the step
// finds the classical ops computed from parameters and constants alone; they
// move, in walk order (so every definition still precedes its uses), to the
// start of the step, where they form the part of the step a backend runs once
// per optimizer step.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/DenseSet.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUHOISTPARAMETERONLY
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

/// The attribute that marks the step's parameter-only prefix.
constexpr llvm::StringLiteral kParameterOnlyAttr = "qru.parameter_only";

bool touchesQubits(Operation *op) {
  WalkResult result = op->walk([](Operation *nested) {
    auto isQubit = [](Type type) { return isa<QubitType>(type); };
    if (llvm::any_of(nested->getOperandTypes(), isQubit) ||
        llvm::any_of(nested->getResultTypes(), isQubit))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return result.wasInterrupted();
}

/// Whether `op`, nested in `step` under scf.if ops only, can run at the start
/// of the step given the values known to depend on parameters only.
bool isHoistable(Operation *op, StepOp step,
                 const llvm::DenseSet<Value> &parameterOnly) {
  if (op->hasTrait<OpTrait::IsTerminator>() || !isMemoryEffectFree(op) ||
      touchesQubits(op))
    return false;
  for (Operation *parent = op->getParentOp(); parent != step;
       parent = parent->getParentOp())
    if (!isa<scf::IfOp>(parent))
      return false;
  // Out of a branch, the op runs whatever the condition: it must be safe to.
  if (op->getParentOp() != step && !isSpeculatable(op))
    return false;
  auto known = [&](Value value) { return parameterOnly.contains(value); };
  if (!llvm::all_of(op->getOperands(), known))
    return false;
  llvm::SetVector<Value> captured;
  for (Region &region : op->getRegions())
    getUsedValuesDefinedAbove(region, captured);
  return llvm::all_of(captured, known);
}

void hoist(ModelOp model, StepOp step) {
  Block &entry = step.getBody().front();
  llvm::DenseSet<Value> parameterOnly;
  SmallVector<Type> arguments, results;
  SmallVector<StringRef> names;
  model.getStepSignature(step.getPersistent(), arguments, results, &names);
  for (auto [arg, name] : llvm::zip(entry.getArguments(), names))
    if (!name.empty() && model.lookupSymbol<ParamOp>(name))
      parameterOnly.insert(arg);

  SmallVector<Operation *> hoisted;
  step.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == step)
      return WalkResult::advance();
    if (!isHoistable(op, step, parameterOnly))
      return WalkResult::advance();
    parameterOnly.insert(op->getResults().begin(), op->getResults().end());
    hoisted.push_back(op);
    return WalkResult::skip();
  });

  auto position = entry.begin();
  UnitAttr mark = UnitAttr::get(model.getContext());
  for (Operation *op : hoisted) {
    op->setAttr(kParameterOnlyAttr, mark);
    if (&*position == op)
      ++position;
    else
      op->moveBefore(&entry, position);
  }
}

struct HoistParameterOnlyPass
    : qruc::qru::impl::QRUHoistParameterOnlyBase<HoistParameterOnlyPass> {
  using Base::Base;

  void runOnOperation() override {
    if (StepOp step = getOperation().getStep())
      hoist(getOperation(), step);
  }
};

} // namespace
