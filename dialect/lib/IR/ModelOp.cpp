//===- ModelOp.cpp - qru.model and the declarations ------------------------===//
//
// This file implements the verifiers of qru.model and of the declaration ops
// it holds. The model verifier checks what no single declaration can: that a
// model has at most one step and one experiment.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUOps.h"

using namespace mlir;
using namespace qruc::qru;

/// True for `f64` and for statically shaped tensors of `f64`.
static bool isRealValueType(Type type) {
  if (type.isF64())
    return true;
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() && tensor.getElementType().isF64();
}

static LogicalResult verifyRealValueType(Operation *op, Type type) {
  if (!isRealValueType(type))
    return op->emitOpError("expects f64 or a statically shaped tensor of "
                           "f64, but got ")
           << type;
  return success();
}

StepOp ModelOp::getStep() {
  for (Operation &op : getBody().front())
    if (auto step = dyn_cast<StepOp>(op))
      return step;
  return nullptr;
}

LogicalResult ModelOp::verifyRegions() {
  unsigned steps = 0, experiments = 0;
  for (Operation &op : getBody().front()) {
    if (isa<StepOp>(op) && ++steps > 1)
      return op.emitOpError("a model has at most one step body");
    if (isa<ExperimentOp>(op) && ++experiments > 1)
      return op.emitOpError("a model has at most one experiment");
  }
  return success();
}

LogicalResult InputOp::verify() { return verifyRealValueType(*this, getType()); }
LogicalResult OutputOp::verify() { return verifyRealValueType(*this, getType()); }
LogicalResult TargetOp::verify() { return verifyRealValueType(*this, getType()); }

LogicalResult MemoryOp::verify() {
  if (failed(verifyRealValueType(*this, getType())))
    return failure();
  if (isa<RankedTensorType>(getType()) && !isa<DenseFPElementsAttr>(getInit()))
    return emitOpError("expects a dense f64 initial value for a tensor memory");
  if (getType().isF64() && !isa<FloatAttr>(getInit()))
    return emitOpError("expects a float initial value for a scalar memory");
  return success();
}

int64_t ParamOp::getNumElements() {
  if (auto tensor = dyn_cast<RankedTensorType>(getType()))
    return tensor.getNumElements();
  return 1;
}

LogicalResult ParamOp::verify() {
  if (failed(verifyRealValueType(*this, getType())))
    return failure();
  size_t expected = getInit() == InitKind::Constant ? 1 : 2;
  if (getInitArgs().size() != expected)
    return emitOpError("expects ")
           << expected << " argument(s) for a " << stringifyInitKind(getInit())
           << " initializer, but got " << getInitArgs().size();
  if (getInit() == InitKind::Normal && getInitArgs()[1] < 0)
    return emitOpError("expects a non-negative standard deviation, but got ")
           << getInitArgs()[1];
  if (getInit() == InitKind::Uniform && getInitArgs()[0] > getInitArgs()[1])
    return emitOpError("expects low <= high for a uniform initializer, but "
                       "got [")
           << getInitArgs()[0] << ", " << getInitArgs()[1] << "]";
  return success();
}

int64_t ModelOp::getNumWires() {
  int64_t wires = 0;
  for (auto reg : getBody().front().getOps<QubitsOp>())
    wires += reg.getSize();
  return wires;
}

/// The type a bit register has inside the step: one i1 per bit.
static Type getBitsType(BitsOp bits) {
  return RankedTensorType::get({static_cast<int64_t>(bits.getSize())},
                               IntegerType::get(bits.getContext(), 1));
}

void ModelOp::getStepSignature(bool persistent,
                               SmallVectorImpl<Type> &arguments,
                               SmallVectorImpl<Type> &results,
                               SmallVectorImpl<StringRef> *argumentNames) {
  Block &body = getBody().front();
  auto addArgument = [&](Type type, StringRef name) {
    arguments.push_back(type);
    if (argumentNames)
      argumentNames->push_back(name);
  };
  for (auto input : body.getOps<InputOp>())
    addArgument(input.getType(), input.getSymName());
  for (auto memory : body.getOps<MemoryOp>()) {
    addArgument(memory.getType(), memory.getSymName());
    results.push_back(memory.getType());
  }
  for (auto bits : body.getOps<BitsOp>()) {
    addArgument(getBitsType(bits), bits.getSymName());
    results.push_back(getBitsType(bits));
  }
  for (auto param : body.getOps<ParamOp>())
    addArgument(param.getType(), param.getSymName());
  for (auto output : body.getOps<OutputOp>())
    results.push_back(output.getType());
  if (!persistent)
    return;
  Type qubit = QubitType::get(getContext());
  for (int64_t wire = 0, e = getNumWires(); wire < e; ++wire) {
    addArgument(qubit, "");
    results.push_back(qubit);
  }
}
