//===- ExpressionText.cpp - classical values as source-like text -----------===//
//
// This file implements ExpressionPrinter: a recursive walk up the use-def
// chain of a value through the arith, math and tensor ops the front end
// emits, with parentheses only where precedence needs them. Anything else,
// and anything nested too deeply, prints as "…".
//
//===----------------------------------------------------------------------===//

#include "qruc/Analysis/ExpressionText.h"

#include "qruc/Analysis/Circuit.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace qruc;

namespace {

constexpr unsigned kMaxDepth = 6;
constexpr const char *kEllipsis = "…";

/// `value` with up to four significant digits, and π and its simple
/// fractions and multiples by name.
std::string formatNumber(double value) {
  double pi = llvm::numbers::pi;
  for (int den : {1, 2, 3, 4, 6, 8})
    for (int num = -8; num <= 8; ++num) {
      if (num == 0 || std::abs(value - pi * num / den) > 1e-12)
        continue;
      std::string text = num == -1 ? "-pi"
                         : num == 1 ? "pi"
                                    : std::to_string(num) + "*pi";
      return den == 1 ? text : text + "/" + std::to_string(den);
    }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("%.4g", value);
  return text;
}

} // namespace

ExpressionPrinter::ExpressionPrinter(qru::StepOp step, unsigned maxLength)
    : maxLength(maxLength) {
  auto model = step->getParentOfType<qru::ModelOp>();
  SmallVector<Type> arguments, results;
  SmallVector<StringRef> argumentNames;
  model.getStepSignature(step.getPersistent(), arguments, results,
                         &argumentNames);
  for (auto [arg, name] :
       llvm::zip(step.getBody().front().getArguments(), argumentNames))
    if (!name.empty())
      names[arg] = name.str();
  Block &decls = model.getBody().front();
  for (auto memory : decls.getOps<qru::MemoryOp>())
    yieldNames.push_back(memory.getSymName().str());
  for (auto bits : decls.getOps<qru::BitsOp>())
    yieldNames.push_back(bits.getSymName().str());
  for (auto output : decls.getOps<qru::OutputOp>())
    yieldNames.push_back(output.getSymName().str());
}

std::string ExpressionPrinter::print(Value value) {
  std::string text = render(value, 0).text;
  return displayWidth(text) > maxLength ? kEllipsis : text;
}

std::string ExpressionPrinter::destination(Value value) {
  if (!value.hasOneUse())
    return "";
  Operation *user = *value.getUsers().begin();
  if (auto yield = dyn_cast<qru::YieldOp>(user)) {
    unsigned index = value.getUses().begin()->getOperandNumber();
    return index < yieldNames.size() ? yieldNames[index] : "";
  }
  auto insert = dyn_cast<tensor::InsertOp>(user);
  if (!insert || insert.getScalar() != value)
    return "";
  Value root = insert.getDest();
  while (auto previous = root.getDefiningOp<tensor::InsertOp>())
    root = previous.getDest();
  auto name = names.find(root);
  if (name == names.end())
    return "";
  std::string text = name->second + "[";
  llvm::interleave(
      insert.getIndices(), [&](Value index) { text += render(index, 1).text; },
      [&] { text += ", "; });
  return text + "]";
}

ExpressionPrinter::Text ExpressionPrinter::render(Value value,
                                                  unsigned depth) {
  if (auto name = names.find(value); name != names.end())
    return {name->second};
  if (depth > kMaxDepth)
    return {kEllipsis};
  APFloat real(0.0);
  if (matchPattern(value, m_ConstantFloat(&real))) {
    std::string text = formatNumber(real.convertToDouble());
    return {text, text.front() == '-' || text.find('/') != std::string::npos
                      ? 0
                      : 2};
  }
  APInt integer;
  if (matchPattern(value, m_ConstantInt(&integer)))
    return {value.getType().isInteger(1)
                ? std::string(integer.isZero() ? "false" : "true")
                : std::to_string(integer.getSExtValue())};

  Operation *op = value.getDefiningOp();
  if (!op)
    return {kEllipsis};
  auto sub = [&](Value operand) { return render(operand, depth + 1); };
  // `text` parenthesized when it binds more loosely than `precedence`.
  auto wrap = [](const Text &text, int precedence) {
    return text.precedence < precedence ? "(" + text.text + ")" : text.text;
  };
  auto binary = [&](Value lhs, Value rhs, StringRef symbol,
                    int precedence) -> Text {
    // Left-associative: the right operand of - and / needs parentheses at
    // the same precedence.
    bool strictRight = symbol == "-" || symbol == "/";
    return {wrap(sub(lhs), precedence) + symbol.str() +
                wrap(sub(rhs), precedence + (strictRight ? 1 : 0)),
            precedence};
  };
  auto call = [&](StringRef name, ValueRange operands) -> Text {
    std::string text = name.str() + "(";
    llvm::interleave(
        operands, [&](Value operand) { text += sub(operand).text; },
        [&] { text += ", "; });
    return {text + ")"};
  };

  return llvm::TypeSwitch<Operation *, Text>(op)
      .Case([&](arith::AddFOp add) {
        return binary(add.getLhs(), add.getRhs(), "+", 0);
      })
      .Case([&](arith::SubFOp subf) {
        return binary(subf.getLhs(), subf.getRhs(), "-", 0);
      })
      .Case([&](arith::MulFOp mul) {
        return binary(mul.getLhs(), mul.getRhs(), "*", 1);
      })
      .Case([&](arith::DivFOp div) {
        return binary(div.getLhs(), div.getRhs(), "/", 1);
      })
      .Case([&](arith::NegFOp neg) {
        return Text{"-" + wrap(sub(neg.getOperand()), 2), 0};
      })
      .Case([&](arith::MaximumFOp max) {
        return call("max", max->getOperands());
      })
      .Case([&](arith::AndIOp andi) {
        return binary(andi.getLhs(), andi.getRhs(), "&", 1);
      })
      .Case([&](arith::OrIOp ori) {
        return binary(ori.getLhs(), ori.getRhs(), "|", 0);
      })
      .Case([&](arith::XOrIOp xori) -> Text {
        if (matchPattern(xori.getRhs(), m_One()))
          return {"!" + wrap(sub(xori.getLhs()), 2)};
        return binary(xori.getLhs(), xori.getRhs(), "^", 0);
      })
      .Case([&](tensor::ExtractOp extract) -> Text {
        // An element of a slice of a vector is an element of the vector:
        // p[20..24][1] is p[21].
        auto slice =
            extract.getTensor().getDefiningOp<tensor::ExtractSliceOp>();
        APInt index;
        if (slice && slice.getSourceType().getRank() == 1 &&
            slice.getResultType().getRank() == 1 &&
            !ShapedType::isDynamic(slice.getStaticOffsets()[0]) &&
            !ShapedType::isDynamic(slice.getStaticStrides()[0]) &&
            matchPattern(extract.getIndices()[0], m_ConstantInt(&index)))
          return {wrap(sub(slice.getSource()), 2) + "[" +
                  std::to_string(slice.getStaticOffsets()[0] +
                                 index.getSExtValue() *
                                     slice.getStaticStrides()[0]) +
                  "]"};
        auto elements =
            extract.getTensor().getDefiningOp<tensor::FromElementsOp>();
        if (elements && elements.getType().getRank() == 1 &&
            matchPattern(extract.getIndices()[0], m_ConstantInt(&index)) &&
            index.getZExtValue() < elements.getElements().size())
          return sub(elements.getElements()[index.getZExtValue()]);
        std::string text = wrap(sub(extract.getTensor()), 2) + "[";
        llvm::interleave(
            extract.getIndices(),
            [&](Value index) { text += sub(index).text; },
            [&] { text += ", "; });
        return Text{text + "]"};
      })
      .Case<math::SinOp, math::CosOp, math::TanOp, math::AsinOp, math::AcosOp,
            math::AtanOp, math::TanhOp, math::ExpOp, math::LogOp,
            math::SqrtOp, math::ErfOp, math::PowFOp>([&](Operation *math) {
        return call(math->getName().stripDialect(), math->getOperands());
      })
      .Default([&](Operation *) { return Text{kEllipsis}; });
}
