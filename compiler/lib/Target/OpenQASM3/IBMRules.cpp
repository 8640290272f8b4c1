//===- IBMRules.cpp - IBM's rules for dynamic circuits --------------------===//

#include "IBMRules.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/SmallVector.h"

using namespace mlir;
using namespace qruc;
using namespace qruc::openqasm3;

qru::BitsOp openqasm3::bitRegisterOf(Value bits) {
  while (auto insert = bits.getDefiningOp<tensor::InsertOp>())
    bits = insert.getDest();
  auto arg = dyn_cast<BlockArgument>(bits);
  if (!arg)
    return nullptr;
  auto step = dyn_cast<qru::StepOp>(arg.getOwner()->getParentOp());
  if (!step)
    return nullptr;
  auto model = step->getParentOfType<qru::ModelOp>();
  Block &decls = model.getBody().front();
  unsigned first = 0;
  for (auto input : decls.getOps<qru::InputOp>())
    (void)input, ++first;
  for (auto memory : decls.getOps<qru::MemoryOp>())
    (void)memory, ++first;
  unsigned n = first;
  for (auto reg : decls.getOps<qru::BitsOp>())
    if (n++ == arg.getArgNumber())
      return reg;
  return nullptr;
}

namespace {

struct Literal {
  qru::BitsOp reg;
  unsigned bit;
  bool positive;
};

bool isTrue(Value v) {
  return matchPattern(v, m_One());
}

/// Collects the literals of a conjunction; false when `cond` is not one.
bool collectConjunction(Value cond, SmallVectorImpl<Literal> &literals) {
  if (auto andOp = cond.getDefiningOp<arith::AndIOp>())
    return collectConjunction(andOp.getLhs(), literals) &&
           collectConjunction(andOp.getRhs(), literals);
  bool positive = true;
  if (auto xorOp = cond.getDefiningOp<arith::XOrIOp>()) {
    if (!isTrue(xorOp.getRhs()))
      return false;
    cond = xorOp.getLhs();
    positive = false;
  }
  // A bit measured in this step, tested before it is read back from its
  // register: the register element it is stored into.
  if (auto measure = cond.getDefiningOp<qru::MeasureOp>()) {
    for (Operation *user : measure.getBit().getUsers()) {
      auto insert = dyn_cast<tensor::InsertOp>(user);
      APInt index;
      if (!insert || !matchPattern(insert.getIndices()[0],
                                   m_ConstantInt(&index)))
        continue;
      if (qru::BitsOp reg = bitRegisterOf(insert.getDest())) {
        literals.push_back(
            {reg, static_cast<unsigned>(index.getZExtValue()), positive});
        return true;
      }
    }
    return false;
  }
  auto extract = cond.getDefiningOp<tensor::ExtractOp>();
  if (!extract || extract.getIndices().size() != 1)
    return false;
  APInt index;
  if (!matchPattern(extract.getIndices()[0], m_ConstantInt(&index)))
    return false;
  qru::BitsOp reg = bitRegisterOf(extract.getTensor());
  if (!reg)
    return false;
  literals.push_back(
      {reg, static_cast<unsigned>(index.getZExtValue()), positive});
  return true;
}

} // namespace

FailureOr<Condition> openqasm3::matchCondition(scf::IfOp ifOp) {
  Value cond = ifOp.getCondition();
  bool negated = false;
  if (auto xorOp = cond.getDefiningOp<arith::XOrIOp>();
      xorOp && isTrue(xorOp.getRhs()) &&
      !xorOp.getLhs().getDefiningOp<tensor::ExtractOp>()) {
    cond = xorOp.getLhs();
    negated = true;
  }
  SmallVector<Literal> literals;
  auto unsupported = [&]() {
    return ifOp.emitError(
               "IBM rule: an `if` tests one bit, or one bit register "
               "against a value; this condition combines bits otherwise"),
           failure();
  };
  if (!collectConjunction(cond, literals) || literals.empty())
    return unsupported();
  qru::BitsOp reg = literals.front().reg;
  for (const Literal &l : literals)
    if (l.reg != reg)
      return unsupported();
  Condition condition;
  condition.reg = reg.getSymName().str();
  condition.regSize = static_cast<unsigned>(reg.getSize());
  condition.negated = negated;
  if (literals.size() == 1 && condition.regSize > 1) {
    condition.bit = literals.front().bit;
    condition.value = literals.front().positive;
    return condition;
  }
  // The whole register against a value: every bit exactly once.
  llvm::SmallVector<bool> seen(condition.regSize, false);
  for (const Literal &l : literals) {
    if (l.bit >= condition.regSize || seen[l.bit])
      return unsupported();
    seen[l.bit] = true;
    if (l.positive)
      condition.value |= uint64_t(1) << l.bit;
  }
  if (llvm::is_contained(seen, false))
    return unsupported();
  if (condition.regSize == 1) {
    condition.bit = 0;
    return condition;
  }
  if (condition.regSize > kMaxConditionBits)
    return ifOp.emitError("IBM rule: an `if` condition tests at most ")
               << kMaxConditionBits << " bits; this one tests the "
               << condition.regSize << " bits of register '" << condition.reg
               << "'",
           failure();
  return condition;
}

LogicalResult openqasm3::checkBranches(scf::IfOp ifOp) {
  WalkResult result = ifOp->walk([&](Operation *op) {
    if (op == ifOp.getOperation())
      return WalkResult::advance();
    if (isa<scf::IfOp>(op)) {
      op->emitError("IBM rule: no nested `if`; this one sits inside another "
                    "`if`'s branch")
              .attachNote(ifOp.getLoc())
          << "the enclosing `if`";
      return WalkResult::interrupt();
    }
    if (isa<qru::MeasureOp, qru::ResetOp>(op)) {
      InFlightDiagnostic diag = op->emitError("IBM rule: no ");
      diag << (isa<qru::MeasureOp>(op) ? "measurement" : "reset")
           << " inside an `if` branch";
      diag.attachNote(ifOp.getLoc()) << "the `if`";
      return WalkResult::interrupt();
    }
    if (isa<qru::ExpvalOp>(op)) {
      op->emitError("a dynamic circuit reads no expectation value inside an "
                    "`if` branch");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

LogicalResult openqasm3::checkNoRuntimeArithmetic(qru::StepOp step) {
  // What a measured bit may flow into: the register it is stored in, the
  // extracts and i1 logic of conditions, a condition, the step's yield.
  std::function<LogicalResult(Value)> check = [&](Value value) {
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (isa<qru::YieldOp>(user)) {
        if (!isa<TensorType>(value.getType()))
          return LogicalResult(user->emitError(
              "IBM rule: no run-time arithmetic; a measured bit may only "
              "choose a branch"));
        continue;
      }
      if (isa<scf::IfOp>(user))
        continue;
      if (isa<tensor::InsertOp, tensor::ExtractOp, arith::AndIOp,
              arith::XOrIOp>(user)) {
        for (Value result : user->getResults())
          if (failed(check(result)))
            return failure();
        continue;
      }
      return LogicalResult(user->emitError(
                               "IBM rule: no run-time arithmetic; a measured "
                               "bit may only choose a branch (`if`), not "
                               "feed '")
                           << user->getName() << "'");
    }
    return success();
  };
  Block &body = step.getBody().front();
  WalkResult result = body.walk([&](qru::MeasureOp measure) {
    return failed(check(measure.getBit())) ? WalkResult::interrupt()
                                           : WalkResult::advance();
  });
  if (result.wasInterrupted())
    return failure();
  for (BlockArgument arg : body.getArguments())
    if (auto type = dyn_cast<RankedTensorType>(arg.getType());
        type && type.getElementType().isInteger(1) && failed(check(arg)))
      return failure();
  return success();
}
