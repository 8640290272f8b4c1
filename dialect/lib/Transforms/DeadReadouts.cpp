//===- DeadReadouts.cpp - the qru-dead-readouts pass -----------------------===//
//
// This file implements qru-dead-readouts. After unused expectation values go,
// a backward sweep over each block computes the light cone of the step's
// observations: a qubit value is observed when the op consuming it is kept,
// and a quantum op is kept when it produces an observed qubit or a used
// outcome. Because a kept op observes all its inputs, an op that is not kept
// only ever feeds ops that are not kept either: removing them all removes
// trace-preserving operations on qubits nothing reads afterwards, which
// cannot change what the step observes.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/DenseSet.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUDEADREADOUTS
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

bool isQubit(Value value) { return isa<QubitType>(value.getType()); }

class LightCone {
public:
  /// Sweeps `block` backwards, collecting the ops outside the light cone.
  void sweep(Block &block);

  /// The quantum ops outside the light cone, users before producers.
  ArrayRef<Operation *> getDead() const { return dead; }

private:
  void observeAll(ValueRange values) {
    for (Value value : values)
      if (isQubit(value))
        observed.insert(value);
  }
  bool anyObserved(ValueRange values) const {
    return llvm::any_of(values,
                        [&](Value value) { return observed.contains(value); });
  }
  void visit(Operation *op);

  llvm::DenseSet<Value> observed;
  SmallVector<Operation *> dead;
};

void LightCone::sweep(Block &block) {
  for (Operation &op : llvm::reverse(block))
    visit(&op);
}

void LightCone::visit(Operation *op) {
  // The scf.if that owns a branch decided what its yield observes.
  if (isa<scf::YieldOp>(op))
    return;
  if (auto gate = dyn_cast<GateOpInterface>(op)) {
    if (anyObserved(gate.getOutQubits()))
      observeAll(gate.getInQubits());
    else
      dead.push_back(op);
  } else if (auto expval = dyn_cast<ExpvalOp>(op)) {
    // An unused readout is gone by now; a used one observes its qubits.
    observeAll(expval.getQubits());
  } else if (auto measure = dyn_cast<MeasureOp>(op)) {
    if (!measure.getBit().use_empty() || anyObserved(measure.getOutQubit()))
      observeAll(measure.getQubit());
    else
      dead.push_back(op);
  } else if (auto reset = dyn_cast<ResetOp>(op)) {
    if (anyObserved(reset.getOutQubit()))
      observeAll(reset.getQubit());
    else
      dead.push_back(op);
  } else if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
    // A branch yields an observed qubit for each observed result.
    for (Region *branch : {&ifOp.getThenRegion(), &ifOp.getElseRegion()}) {
      if (branch->empty())
        continue;
      Operation *yield = branch->front().getTerminator();
      for (auto [result, yielded] :
           llvm::zip(ifOp.getResults(), yield->getOperands()))
        if (observed.contains(result))
          observed.insert(yielded);
      sweep(branch->front());
    }
  } else if (op->getNumRegions() == 0) {
    // qru.yield of a persistent step, and any op unknown here that takes a
    // qubit, observes it.
    observeAll(op->getOperands());
  } else {
    // Regions this pass does not model: everything they touch is observed.
    op->walk([&](Operation *nested) { observeAll(nested->getOperands()); });
  }
}

/// Replaces each qubit result of `op`, a quantum op that acts on its qubits
/// in operand order, with the qubit it consumes, and erases it.
void bypass(Operation *op, RewriterBase &rewriter) {
  SmallVector<Value> inputs, outputs;
  for (Value operand : op->getOperands())
    if (isQubit(operand))
      inputs.push_back(operand);
  for (Value result : op->getResults())
    if (isQubit(result))
      outputs.push_back(result);
  for (auto [output, input] : llvm::zip_equal(outputs, inputs))
    rewriter.replaceAllUsesWith(output, input);
  rewriter.eraseOp(op);
}

struct DeadReadoutsPass
    : qruc::qru::impl::QRUDeadReadoutsBase<DeadReadoutsPass> {
  using Base::Base;

  void runOnOperation() override {
    StepOp step = getOperation().getStep();
    if (!step)
      return;
    IRRewriter rewriter(&getContext());

    SmallVector<ExpvalOp> unread;
    step.walk([&](ExpvalOp expval) {
      if (expval.getValue().use_empty())
        unread.push_back(expval);
    });
    for (ExpvalOp expval : unread)
      bypass(expval, rewriter);

    LightCone cone;
    cone.sweep(step.getBody().front());
    for (Operation *op : cone.getDead())
      bypass(op, rewriter);

    SmallVector<AllocOp> unused;
    step.walk([&](AllocOp alloc) {
      if (alloc.getResult().use_empty())
        unused.push_back(alloc);
    });
    for (AllocOp alloc : unused)
      rewriter.eraseOp(alloc);
  }
};

} // namespace
