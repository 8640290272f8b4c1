//===- StepOp.cpp - qru.step -----------------------------------------------===//
//
// This file implements qru.step: its assembly format, the names its block
// arguments print with, and its verifier, which checks the signature against
// the model's declarations and that every qubit value is used at most once.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace qruc::qru;

ParseResult StepOp::parse(OpAsmParser &parser, OperationState &result) {
  if (succeeded(parser.parseOptionalKeyword("persistent")))
    result.addAttribute(getPersistentAttrName(result.name),
                        parser.getBuilder().getUnitAttr());
  SmallVector<OpAsmParser::Argument> arguments;
  if (parser.parseArgumentList(arguments, OpAsmParser::Delimiter::Paren,
                               /*allowType=*/true) ||
      parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  Region *body = result.addRegion();
  if (parser.parseRegion(*body, arguments))
    return failure();
  StepOp::ensureTerminator(*body, parser.getBuilder(), result.location);
  return success();
}

void StepOp::print(OpAsmPrinter &printer) {
  if (getPersistent())
    printer << " persistent";
  printer << "(";
  llvm::interleaveComma(getBody().getArguments(), printer,
                        [&](BlockArgument arg) {
                          printer.printRegionArgument(arg);
                        });
  printer << ")";
  printer.printOptionalAttrDictWithKeyword((*this)->getAttrs(),
                                           {getPersistentAttrName()});
  printer << " ";
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false,
                      /*printBlockTerminators=*/true);
}

void StepOp::getAsmBlockArgumentNames(Region &region,
                                      OpAsmSetValueNameFn setNameFn) {
  auto model = (*this)->getParentOfType<ModelOp>();
  if (!model)
    return;
  SmallVector<Type> arguments, results;
  SmallVector<StringRef> names;
  model.getStepSignature(getPersistent(), arguments, results, &names);
  // Qubit arguments are named after their wire, like qru.alloc results.
  SmallVector<std::string> wires;
  for (auto reg : model.getBody().front().getOps<QubitsOp>())
    for (uint64_t i = 0; i < reg.getSize(); ++i)
      wires.push_back((reg.getSymName() + llvm::Twine(i)).str());
  auto wire = wires.begin();
  for (auto [arg, name] : llvm::zip(region.getArguments(), names))
    setNameFn(arg, name.empty() && wire != wires.end() ? StringRef(*wire++)
                                                       : name);
}

/// Checks that `value`, a qubit, is used at most once on every path: two uses
/// are allowed only in mutually exclusive regions, such as the two branches of
/// an scf.if, and a use may not sit in a loop body that does not also define
/// the value, since the body would consume it once per iteration. `order`
/// numbers the step's ops in textual order, so that the later of two
/// conflicting uses is the one reported.
static LogicalResult
verifySingleUse(Value value,
                const llvm::DenseMap<Operation *, unsigned> &order) {
  if (value.use_empty())
    return success();
  Region *home = value.getParentRegion();
  llvm::SmallVector<Operation *, 2> users;
  for (OpOperand &use : value.getUses()) {
    Operation *user = use.getOwner();
    if (llvm::is_contained(users, user))
      return user->emitOpError("uses the same qubit value more than once");
    users.push_back(user);
    Region *loop = getEnclosingRepetitiveRegion(user);
    if (loop && !loop->isAncestor(home)) {
      InFlightDiagnostic diag = user->emitOpError(
          "uses a qubit value defined outside the loop it is in; pass the "
          "qubit through the loop's iteration arguments");
      diag.attachNote(loop->getParentOp()->getLoc()) << "loop here";
      return diag;
    }
  }
  llvm::sort(users, [&](Operation *a, Operation *b) {
    return order.lookup(a) < order.lookup(b);
  });
  for (auto [index, later] : llvm::enumerate(users))
    for (Operation *earlier : llvm::ArrayRef(users).take_front(index))
      if (!insideMutuallyExclusiveRegions(earlier, later)) {
        InFlightDiagnostic diag =
            later->emitOpError("uses a qubit value that is already consumed");
        diag.attachNote(earlier->getLoc()) << "first use here";
        return diag;
      }
  return success();
}

LogicalResult StepOp::verifyRegions() {
  auto model = (*this)->getParentOfType<ModelOp>();
  SmallVector<Type> arguments, results;
  model.getStepSignature(getPersistent(), arguments, results);

  Block &entry = getBody().front();
  if (entry.getNumArguments() != arguments.size())
    return emitOpError("expects ")
           << arguments.size()
           << " block argument(s) from the model's declarations, but got "
           << entry.getNumArguments();
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip(entry.getArgumentTypes(), arguments)))
    if (std::get<0>(pair) != std::get<1>(pair))
      return emitOpError("expects block argument #")
             << index << " to have type " << std::get<1>(pair) << ", but got "
             << std::get<0>(pair);

  auto yield = cast<YieldOp>(entry.getTerminator());
  if (yield.getValues().size() != results.size())
    return yield.emitOpError("expects ")
           << results.size() << " value(s) (memory, bits, outputs"
           << (getPersistent() ? ", qubits" : "") << "), but got "
           << yield.getValues().size();
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip(yield.getValues().getTypes(), results)))
    if (std::get<0>(pair) != std::get<1>(pair))
      return yield.emitOpError("expects value #")
             << index << " to have type " << std::get<1>(pair) << ", but got "
             << std::get<0>(pair);

  if (getPersistent()) {
    AllocOp alloc;
    getBody().walk([&](AllocOp op) {
      alloc = op;
      return WalkResult::interrupt();
    });
    if (alloc)
      return alloc.emitOpError("is not allowed in a persistent step: its "
                               "qubits are block arguments");
  }

  llvm::DenseMap<Operation *, unsigned> order;
  getBody().walk<WalkOrder::PreOrder>(
      [&](Operation *op) { order.try_emplace(op, order.size()); });
  auto isBadQubit = [&](Value value) {
    return isa<QubitType>(value.getType()) &&
           failed(verifySingleUse(value, order));
  };
  for (BlockArgument arg : entry.getArguments())
    if (isBadQubit(arg))
      return failure();
  WalkResult result = getBody().walk([&](Operation *op) {
    if (llvm::any_of(op->getResults(), isBadQubit))
      return WalkResult::interrupt();
    for (Region &region : op->getRegions())
      if (llvm::any_of(region.getArguments(), isBadQubit))
        return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}
