//===- QRUOps.cpp - qru quantum operations ---------------------------------===//
//
// This file implements the quantum ops: result type inference (gates and
// readouts return one qubit per qubit they consume), the readout and
// permutation verifiers and the register check of qru.alloc, and the custom directive that prints
// qru.param's initializer arguments exactly. It also instantiates the
// generated op, enum and interface definitions.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

#include <vector>

using namespace mlir;
using namespace qruc::qru;

#include "qruc/Dialect/QRU/QRUEnums.cpp.inc"
#include "qruc/Dialect/QRU/QRUInterfaces.cpp.inc"

/// Appends one `!qru.qubit` per qubit-typed value in `operands`.
static void appendQubitTypes(MLIRContext *context, ValueRange operands,
                             SmallVectorImpl<Type> &types) {
  for (Value operand : operands)
    if (isa<QubitType>(operand.getType()))
      types.push_back(QubitType::get(context));
}

//===----------------------------------------------------------------------===//
// Gates
//===----------------------------------------------------------------------===//

#define QRU_GATE_INFER_TYPES(OpClass)                                          \
  LogicalResult OpClass::inferReturnTypes(                                     \
      MLIRContext *context, std::optional<Location>, ValueRange operands,      \
      DictionaryAttr, OpaqueProperties, RegionRange,                           \
      SmallVectorImpl<Type> &types) {                                          \
    appendQubitTypes(context, operands, types);                                \
    return success();                                                          \
  }

QRU_GATE_INFER_TYPES(XOp)
QRU_GATE_INFER_TYPES(YOp)
QRU_GATE_INFER_TYPES(ZOp)
QRU_GATE_INFER_TYPES(HOp)
QRU_GATE_INFER_TYPES(SOp)
QRU_GATE_INFER_TYPES(SdgOp)
QRU_GATE_INFER_TYPES(TOp)
QRU_GATE_INFER_TYPES(TdgOp)
QRU_GATE_INFER_TYPES(SXOp)
QRU_GATE_INFER_TYPES(RXOp)
QRU_GATE_INFER_TYPES(RYOp)
QRU_GATE_INFER_TYPES(RZOp)
QRU_GATE_INFER_TYPES(POp)
QRU_GATE_INFER_TYPES(U2Op)
QRU_GATE_INFER_TYPES(U3Op)
QRU_GATE_INFER_TYPES(RotOp)
QRU_GATE_INFER_TYPES(CXOp)
QRU_GATE_INFER_TYPES(CYOp)
QRU_GATE_INFER_TYPES(CZOp)
QRU_GATE_INFER_TYPES(CHOp)
QRU_GATE_INFER_TYPES(SwapOp)
QRU_GATE_INFER_TYPES(CRXOp)
QRU_GATE_INFER_TYPES(CRYOp)
QRU_GATE_INFER_TYPES(CRZOp)
QRU_GATE_INFER_TYPES(CPOp)
QRU_GATE_INFER_TYPES(RXXOp)
QRU_GATE_INFER_TYPES(RYYOp)
QRU_GATE_INFER_TYPES(RZZOp)
QRU_GATE_INFER_TYPES(ECROp)
QRU_GATE_INFER_TYPES(CCXOp)
QRU_GATE_INFER_TYPES(CSwapOp)
QRU_GATE_INFER_TYPES(UnitaryOp)
QRU_GATE_INFER_TYPES(PermuteOp)

#undef QRU_GATE_INFER_TYPES

OperandRange PermuteOp::getAngles() {
  // A permutation has no angles: an empty range of its operands.
  return getOperation()->getOperands().take_front(0);
}

LogicalResult PermuteOp::verify() {
  size_t numQubits = getQubits().size();
  if (numQubits == 0 || numQubits > kMaxQubits)
    return emitOpError("expects 1 to ")
           << kMaxQubits << " qubits, but got " << numQubits;
  ArrayRef<int64_t> perm = getPerm();
  int64_t dim = int64_t(1) << numQubits;
  if (static_cast<int64_t>(perm.size()) != dim)
    return emitOpError("expects a table of ")
           << dim << " entries for " << numQubits << " qubit(s), but got "
           << perm.size();
  std::vector<bool> seen(dim, false);
  for (auto [index, image] : llvm::enumerate(perm)) {
    if (image < 0 || image >= dim)
      return emitOpError("expects entries in [0, ")
             << dim << "), but entry " << index << " is " << image;
    if (seen[image])
      return emitOpError("expects a permutation, but ")
             << image << " appears more than once";
    seen[image] = true;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Readouts
//===----------------------------------------------------------------------===//

LogicalResult ExpvalOp::inferReturnTypes(MLIRContext *context,
                                         std::optional<Location>,
                                         ValueRange operands, DictionaryAttr,
                                         OpaqueProperties, RegionRange,
                                         SmallVectorImpl<Type> &types) {
  types.push_back(Float64Type::get(context));
  appendQubitTypes(context, operands, types);
  return success();
}

LogicalResult ExpvalOp::verify() {
  StringRef pauli = getPauli();
  if (pauli.empty())
    return emitOpError("expects a non-empty Pauli word");
  if (pauli.size() != getQubits().size())
    return emitOpError("expects one Pauli letter per qubit, but got ")
           << pauli.size() << " letter(s) for " << getQubits().size()
           << " qubit(s)";
  size_t bad = pauli.find_first_not_of("XYZ");
  if (bad != StringRef::npos)
    return emitOpError("expects Pauli letters X, Y or Z, but got '")
           << pauli[bad] << "'";
  return success();
}

//===----------------------------------------------------------------------===//
// Allocation
//===----------------------------------------------------------------------===//

void AllocOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  // `%h2` for qubit 2 of register h: the wire is readable in printed IR.
  setNameFn(getResult(), (getReg() + llvm::Twine(getIndex())).str());
}

LogicalResult AllocOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto model = (*this)->getParentOfType<ModelOp>();
  if (!model)
    return emitOpError("expects to be nested in a qru.model");
  auto reg = symbolTable.lookupSymbolIn<QubitsOp>(model, getRegAttr());
  if (!reg)
    return emitOpError("expects '")
           << getReg() << "' to name a qru.qubits register";
  if (static_cast<int64_t>(getIndex()) >= static_cast<int64_t>(reg.getSize()))
    return emitOpError("expects an index below the register size ")
           << reg.getSize() << ", but got " << getIndex();
  return success();
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

/// Parses `[v, ...]` as qru.param's initializer arguments.
static ParseResult parseInitArgs(OpAsmParser &parser,
                                 DenseF64ArrayAttr &args) {
  Attribute attr = DenseF64ArrayAttr::parse(parser, Type());
  if (!attr)
    return failure();
  args = cast<DenseF64ArrayAttr>(attr);
  return success();
}

/// Prints qru.param's initializer arguments as `[v, ...]`, each with as many
/// digits as reading it back needs.
static void printInitArgs(OpAsmPrinter &printer, ParamOp,
                          DenseF64ArrayAttr args) {
  printer << "[";
  llvm::interleaveComma(args.asArrayRef(), printer, [&](double value) {
    printer.printFloat(llvm::APFloat(value));
  });
  printer << "]";
}

#define GET_OP_CLASSES
#include "qruc/Dialect/QRU/QRUOps.cpp.inc"
