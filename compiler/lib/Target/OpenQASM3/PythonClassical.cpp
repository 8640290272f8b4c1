//===- PythonClassical.cpp - a step's classical ops as NumPy --------------===//

#include "PythonClassical.h"

#include "CircuitWriter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qruc::openqasm3;

StringRef PythonWriter::prelude() {
  return R"(def _insert(tensor, index, value):
    tensor = np.array(tensor, dtype=float)
    tensor[index] = value
    return tensor


def _softmax(v):
    e = np.exp(v - np.max(v))
    return e / np.sum(e)


_erf = np.vectorize(math.erf, otypes=[float])
)";
}

const std::string &PythonWriter::name(Value value) {
  auto it = names.find(value);
  if (it == names.end())
    it = names.insert({value, "v" + std::to_string(next++)}).first;
  return it->second;
}

namespace {

/// A tuple of Python ints: "(2, 3)", "(4,)".
std::string pyTuple(ArrayRef<int64_t> values) {
  std::string text = "(";
  for (int64_t v : values)
    text += std::to_string(v) + ", ";
  if (values.size() > 1)
    text.resize(text.size() - 2);
  else if (values.size() == 1)
    text.resize(text.size() - 1);
  return text + ")";
}

std::string pyConstant(Attribute value) {
  if (auto f = dyn_cast<FloatAttr>(value))
    return formatDouble(f.getValueAsDouble());
  if (auto i = dyn_cast<IntegerAttr>(value))
    return std::to_string(i.getValue().getSExtValue());
  if (auto b = dyn_cast<BoolAttr>(value))
    return b.getValue() ? "True" : "False";
  if (auto dense = dyn_cast<DenseFPElementsAttr>(value)) {
    std::string shape = pyTuple(dense.getType().getShape());
    if (dense.isSplat())
      return "np.full(" + shape + ", " +
             formatDouble(dense.getSplatValue<APFloat>().convertToDouble()) +
             ")";
    std::vector<std::string> items;
    for (const APFloat &v : dense.getValues<APFloat>())
      items.push_back(formatDouble(v.convertToDouble()));
    return "np.array([" + llvm::join(items, ", ") + "]).reshape(" + shape +
           ")";
  }
  return "";
}

} // namespace

LogicalResult PythonWriter::write(Operation *op, raw_ostream &os,
                                  StringRef indent) {
  auto assign = [&](Value result, const std::string &expr) {
    os << indent << name(result) << " = " << expr << "\n";
    return success();
  };
  auto arg = [&](unsigned i) { return name(op->getOperand(i)); };
  auto indices = [&](ValueRange values) -> FailureOr<std::string> {
    std::vector<std::string> items;
    for (Value index : values) {
      APInt i;
      if (!matchPattern(index, m_ConstantInt(&i)))
        return op->emitError("the host driver needs a constant index here"),
               failure();
      items.push_back(std::to_string(i.getSExtValue()));
    }
    return items.size() == 1 ? items[0] + "," : llvm::join(items, ", ");
  };
  auto unary = [&](StringRef fn) {
    return assign(op->getResult(0), fn.str() + "(" + arg(0) + ")");
  };
  auto binary = [&](StringRef symbol) {
    return assign(op->getResult(0),
                  "(" + arg(0) + " " + symbol.str() + " " + arg(1) + ")");
  };

  if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
    // Indices are written as literals where they are used.
    if (constant.getType().isIndex())
      return success();
    std::string text = pyConstant(constant.getValue());
    if (text.empty())
      return op->emitError("the host driver cannot write this constant");
    return assign(constant, text);
  }
  if (auto extract = dyn_cast<tensor::ExtractOp>(op)) {
    FailureOr<std::string> at = indices(extract.getIndices());
    if (failed(at))
      return failure();
    return assign(extract,
                  "float(" + name(extract.getTensor()) + "[" + *at + "])");
  }
  if (auto insert = dyn_cast<tensor::InsertOp>(op)) {
    FailureOr<std::string> at = indices(insert.getIndices());
    if (failed(at))
      return failure();
    return assign(insert, "_insert(" + name(insert.getDest()) + ", (" + *at +
                              "), " + name(insert.getScalar()) + ")");
  }
  if (auto fromElements = dyn_cast<tensor::FromElementsOp>(op)) {
    std::vector<std::string> items;
    for (Value v : fromElements.getElements())
      items.push_back(name(v));
    return assign(fromElements,
                  "np.array([" + llvm::join(items, ", ") + "]).reshape(" +
                      pyTuple(fromElements.getType().getShape()) + ")");
  }
  if (auto concat = dyn_cast<tensor::ConcatOp>(op)) {
    std::vector<std::string> items;
    for (Value v : concat.getInputs())
      items.push_back(name(v));
    return assign(concat, "np.concatenate([" + llvm::join(items, ", ") +
                              "], axis=" + std::to_string(concat.getDim()) +
                              ")");
  }
  if (auto slice = dyn_cast<tensor::ExtractSliceOp>(op)) {
    if (!slice.getOffsets().empty() || !slice.getSizes().empty() ||
        !slice.hasUnitStride())
      return op->emitError("the host driver needs a static, unit-stride "
                           "slice");
    std::vector<std::string> ranges;
    for (auto [offset, size] :
         llvm::zip(slice.getStaticOffsets(), slice.getStaticSizes()))
      ranges.push_back(std::to_string(offset) + ":" +
                       std::to_string(offset + size));
    return assign(slice, name(slice.getSource()) + "[" +
                             llvm::join(ranges, ", ") + "].reshape(" +
                             pyTuple(slice.getType().getShape()) + ")");
  }
  if (auto empty = dyn_cast<tensor::EmptyOp>(op))
    return assign(empty, "np.zeros(" + pyTuple(empty.getType().getShape()) +
                             ")");
  if (auto matvec = dyn_cast<linalg::MatvecOp>(op))
    return assign(matvec.getResult(0),
                  "(" + name(matvec.getDpsInits()[0]) + " + " +
                      name(matvec.getDpsInputs()[0]) + " @ " +
                      name(matvec.getDpsInputs()[1]) + ")");
  if (auto softmax = dyn_cast<linalg::SoftmaxOp>(op))
    return assign(softmax.getResult()[0],
                  "_softmax(" + name(softmax.getInput()) + ")");
  if (auto map = dyn_cast<linalg::MapOp>(op)) {
    // Element-wise bodies apply to whole NumPy arrays unchanged.
    Block &body = map.getMapper().front();
    for (auto [blockArg, input] :
         llvm::zip(body.getArguments(), map.getInputs()))
      bind(blockArg, name(input));
    for (Operation &inner : body.without_terminator())
      if (failed(write(&inner, os, indent)))
        return failure();
    Value yielded = body.getTerminator()->getOperand(0);
    return assign(map.getResult()[0], "np.asarray(" + name(yielded) +
                                          ", dtype=float).reshape(" +
                                          pyTuple(map.getInit().getType().getShape()) +
                                          ")");
  }
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](arith::AddFOp) { return binary("+"); })
      .Case([&](arith::SubFOp) { return binary("-"); })
      .Case([&](arith::MulFOp) { return binary("*"); })
      .Case([&](arith::DivFOp) { return binary("/"); })
      .Case([&](arith::NegFOp) {
        return assign(op->getResult(0), "(-" + arg(0) + ")");
      })
      .Case([&](arith::MaximumFOp) {
        return assign(op->getResult(0),
                      "np.maximum(" + arg(0) + ", " + arg(1) + ")");
      })
      .Case([&](math::PowFOp) {
        return assign(op->getResult(0),
                      "np.power(" + arg(0) + ", " + arg(1) + ")");
      })
      .Case([&](math::SinOp) { return unary("np.sin"); })
      .Case([&](math::CosOp) { return unary("np.cos"); })
      .Case([&](math::TanOp) { return unary("np.tan"); })
      .Case([&](math::AsinOp) { return unary("np.arcsin"); })
      .Case([&](math::AcosOp) { return unary("np.arccos"); })
      .Case([&](math::AtanOp) { return unary("np.arctan"); })
      .Case([&](math::TanhOp) { return unary("np.tanh"); })
      .Case([&](math::ExpOp) { return unary("np.exp"); })
      .Case([&](math::LogOp) { return unary("np.log"); })
      .Case([&](math::SqrtOp) { return unary("np.sqrt"); })
      .Case([&](math::ErfOp) { return unary("_erf"); })
      .Default([&](Operation *) {
        return op->emitError("the per-step host driver cannot compute '")
               << op->getName() << "'";
      });
}
