//===- SemaConst.cpp - compile-time evaluation -----------------------------===//
//
// This file evaluates the expressions that must be known at compile time:
// dimensions, loop bounds, indices, initializers and experiment numbers. They
// may use numbers, `pi`, constants, loop variables, arithmetic and the
// elementary functions.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace qruc;
using namespace qruc::sema;

namespace {

/// Evaluates without reporting, so that the caller can word the error.
class Evaluator {
public:
  explicit Evaluator(const Sema &sema) : sema(sema) {}

  /// The value, or nullopt with `failure` set to the offending node.
  std::optional<double> eval(const ast::Expr &expr) {
    if (auto *n = llvm::dyn_cast<ast::NumberExpr>(&expr))
      return n->getValue();
    if (auto *n = llvm::dyn_cast<ast::NameExpr>(&expr)) {
      if (n->getName() == "pi" && !sema.lookup("pi"))
        return M_PI;
      const Symbol *symbol = sema.lookup(n->getName());
      if (symbol && symbol->invalid) {
        poisoned = true;
        return fail(expr);
      }
      if (symbol && (symbol->kind == Symbol::Kind::Const ||
                     symbol->kind == Symbol::Kind::LoopVar))
        return symbol->value;
      return fail(expr);
    }
    if (auto *u = llvm::dyn_cast<ast::UnaryExpr>(&expr)) {
      std::optional<double> v = eval(u->getOperand());
      if (!v)
        return std::nullopt;
      return u->getOp() == '-' ? -*v : *v;
    }
    if (auto *b = llvm::dyn_cast<ast::BinaryExpr>(&expr)) {
      std::optional<double> l = eval(b->getLHS());
      if (!l)
        return std::nullopt;
      std::optional<double> r = eval(b->getRHS());
      if (!r)
        return std::nullopt;
      switch (b->getOp()) {
      case ast::BinaryExpr::Op::Add:
        return *l + *r;
      case ast::BinaryExpr::Op::Sub:
        return *l - *r;
      case ast::BinaryExpr::Op::Mul:
        return *l * *r;
      case ast::BinaryExpr::Op::Div:
        return *l / *r;
      case ast::BinaryExpr::Op::Pow:
        return std::pow(*l, *r);
      default:
        return fail(expr);
      }
    }
    if (auto *c = llvm::dyn_cast<ast::CallExpr>(&expr)) {
      using Fn = double (*)(double);
      Fn fn = llvm::StringSwitch<Fn>(c->getCallee())
                  .Case("sin", [](double x) { return std::sin(x); })
                  .Case("cos", [](double x) { return std::cos(x); })
                  .Case("tan", [](double x) { return std::tan(x); })
                  .Case("asin", [](double x) { return std::asin(x); })
                  .Case("acos", [](double x) { return std::acos(x); })
                  .Case("atan", [](double x) { return std::atan(x); })
                  .Case("tanh", [](double x) { return std::tanh(x); })
                  .Case("exp", [](double x) { return std::exp(x); })
                  .Case("log", [](double x) { return std::log(x); })
                  .Case("sqrt", [](double x) { return std::sqrt(x); })
                  .Default(nullptr);
      if (!fn || c->getArgs().size() != 1 || !c->getArgs()[0].name.empty())
        return fail(expr);
      std::optional<double> v = eval(*c->getArgs()[0].value);
      if (!v)
        return std::nullopt;
      return fn(*v);
    }
    return fail(expr);
  }

  const ast::Expr *failure = nullptr;
  /// The failure is a use of a declaration that already had an error.
  bool poisoned = false;

private:
  std::optional<double> fail(const ast::Expr &expr) {
    failure = &expr;
    return std::nullopt;
  }
  const Sema &sema;
};

} // namespace

std::optional<double> Sema::evalConstantQuietly(const ast::Expr &expr) const {
  return Evaluator(*this).eval(expr);
}

std::optional<double> Sema::evalConstant(const ast::Expr &expr,
                                         llvm::StringRef what) {
  Evaluator evaluator(*this);
  std::optional<double> value = evaluator.eval(expr);
  if (!value && evaluator.poisoned)
    return std::nullopt;
  if (!value) {
    const ast::Expr &bad = *evaluator.failure;
    if (auto *name = llvm::dyn_cast<ast::NameExpr>(&bad); name &&
        !lookup(name->getName()) && name->getName() != "pi")
      error(bad.getLoc(), llvm::Twine("unknown name '") + name->getName() + "'");
    else
      error(bad.getLoc(), llvm::Twine(what) + " must be a compile-time constant");
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    error(expr.getLoc(), llvm::Twine(what) + " is not a finite number");
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> Sema::evalInteger(const ast::Expr &expr,
                                         llvm::StringRef what) {
  std::optional<double> value = evalConstant(expr, what);
  if (!value)
    return std::nullopt;
  if (std::floor(*value) != *value) {
    error(expr.getLoc(), llvm::Twine(what) + " must be an integer, but got " +
                             formatNumber(*value));
    return std::nullopt;
  }
  if (std::fabs(*value) > 9.0e15) {
    error(expr.getLoc(), llvm::Twine(what) + " is out of range: " +
                             formatNumber(*value));
    return std::nullopt;
  }
  return static_cast<int64_t>(*value);
}
