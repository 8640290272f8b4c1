//===- StepOp.cpp - qru.step -----------------------------------------------===//
//
// This file implements qru.step: its assembly format, the names its block
// arguments print with, and its verifier, which checks the signature against
// the model's declarations and that every qubit value is used at most once.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUOps.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

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
  for (auto [arg, name] : llvm::zip(region.getArguments(), names))
    setNameFn(arg, name.empty() ? "wire" : name);
}

/// Checks that `value`, a qubit, is used at most once on every path: two uses
/// are allowed only in different blocks, such as the two branches of an
/// scf.if, and each block holds at most one.
static LogicalResult verifySingleUse(Value value) {
  if (value.use_empty() || value.hasOneUse())
    return success();
  Block *home = value.getParentBlock();
  llvm::DenseMap<Block *, Operation *> userInBlock;
  for (OpOperand &use : value.getUses()) {
    if (llvm::count(use.getOwner()->getOperands(), value) > 1)
      return use.getOwner()->emitOpError(
          "uses the same qubit value more than once");
    for (Operation *op = use.getOwner(); op && op->getBlock();
         op = op->getParentOp()) {
      auto [it, inserted] = userInBlock.try_emplace(op->getBlock(), op);
      if (!inserted && it->second != op) {
        InFlightDiagnostic diag =
            op->emitOpError("uses a qubit value that is already consumed");
        diag.attachNote(it->second->getLoc()) << "first use here";
        return diag;
      }
      if (op->getBlock() == home)
        break;
    }
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

  auto allocs = getBody().getOps<AllocOp>();
  if (getPersistent() && !allocs.empty())
    return (*allocs.begin())
        .emitOpError("is not allowed in a persistent step: its qubits are "
                     "block arguments");

  WalkResult result = getBody().walk([&](Operation *op) {
    for (Value value : op->getResults())
      if (isa<QubitType>(value.getType()) && failed(verifySingleUse(value)))
        return WalkResult::interrupt();
    for (Region &region : op->getRegions())
      for (BlockArgument arg : region.getArguments())
        if (isa<QubitType>(arg.getType()) && failed(verifySingleUse(arg)))
          return WalkResult::interrupt();
    return WalkResult::advance();
  });
  if (result.wasInterrupted())
    return failure();
  for (BlockArgument arg : entry.getArguments())
    if (isa<QubitType>(arg.getType()) && failed(verifySingleUse(arg)))
      return failure();
  return success();
}
