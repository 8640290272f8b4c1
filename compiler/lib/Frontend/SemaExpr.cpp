//===- SemaExpr.cpp - checking classical expressions -----------------------===//
//
// This file checks the classical expressions of a step (angles, controller
// networks, heads, readouts) and builds their HIR. Numbers, `pi`, constants
// and loop variables become ConstantExprs, and so does the negation of one;
// folding larger constant expressions is left to the MLIR passes.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace qruc;
using namespace qruc::sema;

hir::ExprPtr Sema::checkExpr(const ast::Expr &expr) {
  Location loc = expr.getLoc();
  if (auto *n = llvm::dyn_cast<ast::NumberExpr>(&expr))
    return std::make_unique<hir::ConstantExpr>(loc, n->getValue());
  if (llvm::isa<ast::StringExpr>(expr)) {
    error(loc, "a string is not allowed here");
    return nullptr;
  }
  if (auto *n = llvm::dyn_cast<ast::NameExpr>(&expr))
    return checkName(*n);
  if (auto *i = llvm::dyn_cast<ast::IndexExpr>(&expr))
    return checkIndex(*i);
  if (auto *v = llvm::dyn_cast<ast::VectorExpr>(&expr)) {
    std::vector<hir::ExprPtr> elements;
    bool ok = true;
    for (const ast::ExprPtr &element : v->getElements()) {
      hir::ExprPtr e = checkExpr(*element);
      if (e && !e->isScalar()) {
        error(element->getLoc(), "vector elements must be scalars, but got " +
                                     formatShape(e->getShape()) +
                                     "; use concat() to join vectors");
        e = nullptr;
      }
      ok &= e != nullptr;
      elements.push_back(std::move(e));
    }
    if (!ok)
      return nullptr;
    if (elements.empty()) {
      error(loc, "an empty vector is not allowed");
      return nullptr;
    }
    return std::make_unique<hir::VectorExpr>(loc, std::move(elements));
  }
  if (auto *u = llvm::dyn_cast<ast::UnaryExpr>(&expr)) {
    hir::ExprPtr operand = checkExpr(u->getOperand());
    if (!operand || u->getOp() == '+')
      return operand;
    if (auto *c = llvm::dyn_cast<hir::ConstantExpr>(operand.get()))
      return std::make_unique<hir::ConstantExpr>(loc, -c->value);
    return std::make_unique<hir::UnaryExpr>(loc, hir::Func::Neg,
                                            std::move(operand));
  }
  if (auto *b = llvm::dyn_cast<ast::BinaryExpr>(&expr))
    return checkBinary(*b);
  return checkCall(llvm::cast<ast::CallExpr>(expr));
}

hir::ExprPtr Sema::checkName(const ast::NameExpr &expr) {
  Location loc = expr.getLoc();
  llvm::StringRef name = expr.getName();
  const Symbol *symbol = lookup(name);
  if (!symbol) {
    if (name == "pi")
      return std::make_unique<hir::ConstantExpr>(loc, M_PI);
    error(loc, "unknown name '" + name + "'");
    return nullptr;
  }
  if (symbol->invalid)
    return nullptr;
  auto ref = [&](const hir::Shape &shape, hir::VarKind kind) {
    return std::make_unique<hir::VarRefExpr>(loc, shape, kind, symbol->id);
  };
  switch (symbol->kind) {
  case Symbol::Kind::Const:
  case Symbol::Kind::LoopVar:
    return std::make_unique<hir::ConstantExpr>(loc, symbol->value);
  case Symbol::Kind::Input:
    return ref(model->inputs[symbol->id].shape, hir::VarKind::Input);
  case Symbol::Kind::Memory:
    return ref(model->memories[symbol->id].shape, hir::VarKind::Memory);
  case Symbol::Kind::Param:
    return ref(model->params[symbol->id].shape, hir::VarKind::Param);
  case Symbol::Kind::Let:
    return ref(symbol->shape, hir::VarKind::Let);
  case Symbol::Kind::Output:
    error(loc, "output '" + name + "' cannot be read; keep the value in a "
                                   "'let' to use it again");
    return nullptr;
  case Symbol::Kind::Target:
    error(loc, "target '" + name + "' is only available to the loss");
    return nullptr;
  case Symbol::Kind::QubitRegister:
  case Symbol::Kind::GateQubit:
    error(loc, "'" + name + "' is a qubit; read it with expval(Z(" + name +
                   ")) or measure it");
    return nullptr;
  case Symbol::Kind::BitRegister:
    error(loc, "bit register '" + name +
                   "' can only be tested in an if condition");
    return nullptr;
  case Symbol::Kind::Gate:
    error(loc, "'" + name + "' is a gate, not a value");
    return nullptr;
  }
  return nullptr;
}

hir::ExprPtr Sema::checkIndex(const ast::IndexExpr &expr) {
  hir::ExprPtr base = checkExpr(expr.getBase());
  if (!base)
    return nullptr;
  Location loc = expr.getLoc();
  std::string what = "value";
  if (auto *name = llvm::dyn_cast<ast::NameExpr>(&expr.getBase()))
    what = "'" + name->getName().str() + "'";
  if (base->isScalar()) {
    error(loc, "cannot index " + what + ": it is a scalar");
    return nullptr;
  }
  int64_t size = base->getShape()[0];
  std::optional<int64_t> lo = evalInteger(expr.getIndex(), "an index");
  if (!lo)
    return nullptr;
  if (!expr.isSlice()) {
    if (*lo < 0 || *lo >= size) {
      error(expr.getIndex().getLoc(),
            "index " + llvm::Twine(*lo) + " is out of range for " + what +
                " of size " + llvm::Twine(size));
      return nullptr;
    }
    hir::Shape shape(base->getShape().begin() + 1, base->getShape().end());
    return std::make_unique<hir::ExtractExpr>(loc, shape, std::move(base),
                                              *lo);
  }
  std::optional<int64_t> hi = evalInteger(*expr.getSliceEnd(), "an index");
  if (!hi)
    return nullptr;
  if (base->getShape().size() != 1) {
    error(loc, "only vectors can be sliced, but " + what + " has shape " +
                   formatShape(base->getShape()));
    return nullptr;
  }
  if (*lo < 0 || *hi > size || *lo >= *hi) {
    error(expr.getIndex().getLoc(),
          "slice " + llvm::Twine(*lo) + ".." + llvm::Twine(*hi) +
              " is out of range for " + what + " of size " +
              llvm::Twine(size));
    return nullptr;
  }
  return std::make_unique<hir::SliceExpr>(loc, std::move(base), *lo, *hi);
}

hir::ExprPtr Sema::checkBinary(const ast::BinaryExpr &expr) {
  Location loc = expr.getLoc();
  if (expr.getOp() == ast::BinaryExpr::Op::Eq ||
      expr.getOp() == ast::BinaryExpr::Op::Ne) {
    error(loc, "comparisons are only allowed in if conditions");
    return nullptr;
  }
  hir::ExprPtr lhs = checkExpr(expr.getLHS());
  hir::ExprPtr rhs = checkExpr(expr.getRHS());
  if (!lhs || !rhs)
    return nullptr;
  hir::BinaryOp op;
  switch (expr.getOp()) {
  case ast::BinaryExpr::Op::Add:
    op = hir::BinaryOp::Add;
    break;
  case ast::BinaryExpr::Op::Sub:
    op = hir::BinaryOp::Sub;
    break;
  case ast::BinaryExpr::Op::Mul:
    op = hir::BinaryOp::Mul;
    break;
  case ast::BinaryExpr::Op::Div:
    op = hir::BinaryOp::Div;
    break;
  default:
    op = hir::BinaryOp::Pow;
    break;
  }
  hir::Shape shape;
  if (lhs->getShape() == rhs->getShape() || rhs->isScalar()) {
    shape = lhs->getShape();
  } else if (lhs->isScalar()) {
    shape = rhs->getShape();
  } else {
    error(loc, "operands have incompatible shapes " +
                   formatShape(lhs->getShape()) + " and " +
                   formatShape(rhs->getShape()));
    return nullptr;
  }
  return std::make_unique<hir::BinaryExpr>(loc, shape, op, std::move(lhs),
                                           std::move(rhs));
}

hir::ExprPtr Sema::checkCall(const ast::CallExpr &expr) {
  Location loc = expr.getLoc();
  llvm::StringRef callee = expr.getCallee();
  for (const ast::Argument &arg : expr.getArgs())
    if (!arg.name.empty()) {
      error(arg.loc, "named arguments are only allowed in experiment "
                     "settings and initializers");
      return nullptr;
    }
  if (callee == "expval")
    return checkExpval(expr);
  if (callee == "X" || callee == "Y" || callee == "Z" || callee == "I") {
    error(loc, "Pauli factor '" + callee + "' is only allowed inside expval()");
    return nullptr;
  }

  auto arity = [&](size_t lo, size_t hi) {
    size_t n = expr.getArgs().size();
    if (n >= lo && n <= hi)
      return true;
    std::string expected = lo == hi ? std::to_string(lo)
                           : hi == SIZE_MAX
                               ? "at least " + std::to_string(lo)
                               : std::to_string(lo) + " or " +
                                     std::to_string(hi);
    error(loc, "'" + callee + "' expects " + expected +
                   " argument(s), but got " + llvm::Twine(n));
    return false;
  };
  std::optional<hir::Func> func =
      llvm::StringSwitch<std::optional<hir::Func>>(callee)
          .Case("sin", hir::Func::Sin)
          .Case("cos", hir::Func::Cos)
          .Case("tan", hir::Func::Tan)
          .Case("asin", hir::Func::Asin)
          .Case("acos", hir::Func::Acos)
          .Case("atan", hir::Func::Atan)
          .Case("tanh", hir::Func::Tanh)
          .Case("exp", hir::Func::Exp)
          .Case("log", hir::Func::Log)
          .Case("sqrt", hir::Func::Sqrt)
          .Case("sigmoid", hir::Func::Sigmoid)
          .Case("relu", hir::Func::Relu)
          .Case("gelu", hir::Func::Gelu)
          .Default(std::nullopt);
  bool known = func || callee == "softmax" || callee == "concat" ||
               callee == "dense";
  if (!known) {
    if (lookupGate(callee) || (lookup(callee) &&
                               lookup(callee)->kind == Symbol::Kind::Gate))
      error(loc, "'" + callee + "' is a gate; apply it as a statement: " +
                     callee + "(angles) qubits;");
    else
      error(loc, "unknown function '" + callee + "'");
    return nullptr;
  }

  std::vector<hir::ExprPtr> args;
  bool ok = true;
  for (const ast::Argument &arg : expr.getArgs()) {
    args.push_back(checkExpr(*arg.value));
    ok &= args.back() != nullptr;
  }
  if (func) {
    if (!arity(1, 1) || !ok)
      return nullptr;
    return std::make_unique<hir::UnaryExpr>(loc, *func, std::move(args[0]));
  }
  if (callee == "softmax") {
    if (!arity(1, 1) || !ok)
      return nullptr;
    if (args[0]->getShape().size() != 1) {
      error(loc, "softmax() expects a vector, but got " +
                     formatShape(args[0]->getShape()));
      return nullptr;
    }
    return std::make_unique<hir::SoftmaxExpr>(loc, std::move(args[0]));
  }
  if (callee == "concat") {
    if (!arity(1, SIZE_MAX) || !ok)
      return nullptr;
    int64_t size = 0;
    for (auto [i, arg] : llvm::enumerate(args)) {
      if (arg->getShape().size() > 1) {
        error(expr.getArgs()[i].loc,
              "concat() joins scalars and vectors, but got " +
                  formatShape(arg->getShape()));
        return nullptr;
      }
      size += arg->isScalar() ? 1 : arg->getShape()[0];
    }
    return std::make_unique<hir::ConcatExpr>(loc, size, std::move(args));
  }
  // dense(W, x) or dense(W, x, b)
  if (!arity(2, 3) || !ok)
    return nullptr;
  const hir::Shape &w = args[0]->getShape(), &x = args[1]->getShape();
  if (w.size() != 2) {
    error(expr.getArgs()[0].loc, "dense() expects a weight matrix first, but "
                                 "got " + formatShape(w));
    return nullptr;
  }
  if (x.size() != 1 || x[0] != w[1]) {
    error(expr.getArgs()[1].loc,
          "dense() with weights " + formatShape(w) +
              " expects an input of shape [" + llvm::Twine(w[1]) +
              "], but got " + formatShape(x));
    return nullptr;
  }
  if (args.size() == 3 && args[2]->getShape() != hir::Shape{w[0]}) {
    error(expr.getArgs()[2].loc,
          "dense() with weights " + formatShape(w) +
              " expects a bias of shape [" + llvm::Twine(w[0]) +
              "], but got " + formatShape(args[2]->getShape()));
    return nullptr;
  }
  hir::ExprPtr bias = args.size() == 3 ? std::move(args[2]) : nullptr;
  return std::make_unique<hir::DenseExpr>(loc, std::move(args[0]),
                                          std::move(args[1]), std::move(bias));
}

bool Sema::collectPauli(const ast::Expr &factor, std::string &pauli,
                        std::vector<unsigned> &wires, bool &isRegister) {
  if (auto *product = llvm::dyn_cast<ast::BinaryExpr>(&factor);
      product && product->getOp() == ast::BinaryExpr::Op::Mul)
    return collectPauli(product->getLHS(), pauli, wires, isRegister) &&
           collectPauli(product->getRHS(), pauli, wires, isRegister);
  auto *call = llvm::dyn_cast<ast::CallExpr>(&factor);
  llvm::StringRef letter = call ? call->getCallee() : "";
  if (letter != "X" && letter != "Y" && letter != "Z" && letter != "I") {
    error(factor.getLoc(), "expval() expects a product of Pauli factors "
                           "X(q), Y(q), Z(q) or I(q)");
    return false;
  }
  if (call->getArgs().size() != 1 || !call->getArgs()[0].name.empty()) {
    error(factor.getLoc(), "Pauli factor '" + letter +
                               "' expects one qubit argument");
    return false;
  }
  const ast::Expr &arg = *call->getArgs()[0].value;
  std::optional<WireList> list;
  if (auto *name = llvm::dyn_cast<ast::NameExpr>(&arg))
    list = resolveQubits(arg.getLoc(), name->getName(), nullptr, nullptr);
  else if (auto *index = llvm::dyn_cast<ast::IndexExpr>(&arg);
           index && llvm::isa<ast::NameExpr>(index->getBase()))
    list = resolveQubits(
        arg.getLoc(), llvm::cast<ast::NameExpr>(index->getBase()).getName(),
        &index->getIndex(), index->getSliceEnd());
  else
    error(arg.getLoc(), "Pauli factor '" + letter +
                            "' expects a qubit, a register or a slice");
  if (!list)
    return false;
  isRegister |= list->isRegister;
  for (unsigned wire : list->wires) {
    if (llvm::is_contained(wires, wire)) {
      error(arg.getLoc(), "qubit " + wireName(wire) +
                              " appears twice in one Pauli word");
      return false;
    }
    if (letter != "I") {
      pauli += letter.str();
      wires.push_back(wire);
    }
  }
  return true;
}

hir::ExprPtr Sema::checkExpval(const ast::CallExpr &expr) {
  Location loc = expr.getLoc();
  if (expr.getArgs().size() != 1) {
    error(loc, "expval() expects one Pauli word, but got " +
                   llvm::Twine(expr.getArgs().size()) + " arguments");
    return nullptr;
  }
  const ast::Expr &word = *expr.getArgs()[0].value;
  std::string pauli;
  std::vector<unsigned> wires;
  bool isRegister = false;
  if (!collectPauli(word, pauli, wires, isRegister))
    return nullptr;
  if (!isRegister) {
    if (wires.empty())
      return std::make_unique<hir::ConstantExpr>(loc, 1.0);
    return std::make_unique<hir::ExpvalExpr>(loc, pauli, wires);
  }
  // A register or slice: the vector of single-qubit readouts.
  if (llvm::isa<ast::BinaryExpr>(word)) {
    error(word.getLoc(), "a Pauli word on a register must have one factor; "
                         "index the qubits to build a product");
    return nullptr;
  }
  std::vector<hir::ExprPtr> elements;
  for (auto [i, wire] : llvm::enumerate(wires))
    elements.push_back(std::make_unique<hir::ExpvalExpr>(
        loc, std::string(1, pauli[i]), std::vector<unsigned>{wire}));
  if (elements.empty()) {
    error(loc, "an identity word on a register has no value");
    return nullptr;
  }
  return std::make_unique<hir::VectorExpr>(loc, std::move(elements));
}
