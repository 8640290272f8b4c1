//===- SemaStmt.cpp - elaborating the step body ----------------------------===//
//
// This file checks the statements of the step and elaborates them into a
// flat HIR statement list: loops are unrolled, user gates inlined, entangler
// patterns and register broadcasts expanded into single gates on wires.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

using namespace qruc;
using namespace qruc::sema;

std::string Sema::wireName(unsigned wire) const {
  if (auto alias = wireAliases.find(wire); alias != wireAliases.end())
    return alias->second;
  for (const hir::QubitRegister &reg : model->qubits)
    if (wire >= reg.firstWire && wire < reg.firstWire + reg.size)
      return reg.name + "[" + std::to_string(wire - reg.firstWire) + "]";
  return "#" + std::to_string(wire);
}

bool Sema::countStatement(Location loc) {
  if (++statementCount <= limits.maxStatements)
    return true;
  if (!statementLimitReported)
    error(loc, "the step expands to more than " +
                   llvm::Twine(limits.maxStatements) +
                   " statements; reduce the loop bounds");
  statementLimitReported = true;
  return false;
}

void Sema::elaborateStep(const ast::StepDecl &step) {
  model->persistent = step.isPersistent();
  model->stepLoc = step.getLoc();
  for (const hir::Variable &output : model->outputs) {
    int64_t size = output.shape.empty() ? 1 : output.shape[0];
    outputAssigned.emplace_back(size, false);
  }
  elaborateBlock(step.getBody(), model->step);
  for (auto [output, assigned] : llvm::zip(model->outputs, outputAssigned)) {
    auto unset = llvm::find(assigned, false);
    if (unset == assigned.end())
      continue;
    if (output.shape.empty())
      error(output.loc, "output '" + output.name +
                            "' is never assigned in the step");
    else
      error(output.loc, "element " +
                            llvm::Twine(unset - assigned.begin()) +
                            " of output '" + output.name +
                            "' is never assigned in the step");
  }
}

void Sema::elaborateBlock(const ast::BlockStmt &block,
                          std::vector<hir::StmtPtr> &out) {
  pushScope();
  for (const ast::StmtPtr &stmt : block.getBody())
    elaborate(*stmt, out);
  popScope();
}

void Sema::elaborate(const ast::Stmt &stmt, std::vector<hir::StmtPtr> &out) {
  if (statementLimitReported)
    return;
  Location loc = stmt.getLoc();
  auto notInside = [&](llvm::StringRef what) {
    if (ifDepth) {
      error(loc, what + " is not allowed inside an if branch; branches may "
                        "only apply gates");
      return true;
    }
    if (!inlining.empty()) {
      error(loc, what + " is not allowed inside gate '" +
                     inlining.back()->getName() + "'");
      return true;
    }
    return false;
  };

  if (auto *block = llvm::dyn_cast<ast::BlockStmt>(&stmt))
    return elaborateBlock(*block, out);
  if (auto *loop = llvm::dyn_cast<ast::ForStmt>(&stmt)) {
    std::optional<int64_t> lo = evalInteger(loop->getLo(), "a loop bound");
    std::optional<int64_t> hi = evalInteger(loop->getHi(), "a loop bound");
    if (!lo || !hi)
      return;
    for (int64_t i = *lo; i < *hi && !statementLimitReported; ++i) {
      pushScope();
      Symbol var{Symbol::Kind::LoopVar, loop->getLoc()};
      var.value = static_cast<double>(i);
      var.isInteger = true;
      declare(loop->getVar(), var);
      elaborateBlock(loop->getBody(), out);
      popScope();
      if (!countStatement(loc))
        return;
    }
    return;
  }
  if (auto *let = llvm::dyn_cast<ast::LetStmt>(&stmt)) {
    if (ifDepth && notInside("'let'"))
      return;
    hir::ExprPtr value = checkExpr(let->getValue());
    if (!value)
      return;
    Symbol symbol{Symbol::Kind::Let, loc};
    symbol.id = model->numLets++;
    symbol.shape = value->getShape();
    if (declare(let->getName(), symbol) && countStatement(loc))
      out.push_back(
          std::make_unique<hir::LetStmt>(loc, symbol.id, std::move(value)));
    return;
  }
  if (auto *assign = llvm::dyn_cast<ast::AssignStmt>(&stmt)) {
    if (!notInside("an assignment"))
      elaborateAssign(*assign, out);
    return;
  }
  if (auto *measure = llvm::dyn_cast<ast::MeasureStmt>(&stmt)) {
    if (!notInside("'measure'"))
      elaborateMeasure(*measure, out);
    return;
  }
  if (auto *reset = llvm::dyn_cast<ast::ResetStmt>(&stmt)) {
    if (notInside("'reset'"))
      return;
    for (const ast::Operand &operand : reset->getQubits())
      if (std::optional<WireList> list = resolveOperand(operand))
        for (unsigned wire : list->wires)
          if (countStatement(loc))
            out.push_back(std::make_unique<hir::ResetStmt>(loc, wire));
    return;
  }
  if (auto *ifStmt = llvm::dyn_cast<ast::IfStmt>(&stmt)) {
    if (!notInside(ifDepth ? "a nested 'if'" : "an 'if'"))
      elaborateIf(*ifStmt, out);
    return;
  }
  if (auto *entangle = llvm::dyn_cast<ast::EntangleStmt>(&stmt))
    return elaborateEntangle(*entangle, out);
  elaborateGate(llvm::cast<ast::GateStmt>(stmt), out);
}

//===----------------------------------------------------------------------===//
// Qubit operands
//===----------------------------------------------------------------------===//

std::optional<WireList> Sema::resolveQubits(Location loc, llvm::StringRef name,
                                            const ast::Expr *index,
                                            const ast::Expr *sliceEnd) {
  const Symbol *symbol = lookup(name);
  if (!symbol) {
    error(loc, "unknown qubit register '" + name + "'");
    return std::nullopt;
  }
  if (symbol->invalid)
    return std::nullopt;
  if (symbol->kind == Symbol::Kind::GateQubit) {
    if (index) {
      error(loc, "gate operand '" + name + "' is one qubit and cannot be "
                                           "indexed");
      return std::nullopt;
    }
    return WireList{{symbol->id}, false};
  }
  if (symbol->kind != Symbol::Kind::QubitRegister) {
    error(loc, "'" + name + "' is not a qubit register");
    return std::nullopt;
  }
  const hir::QubitRegister &reg = model->qubits[symbol->id];
  WireList list;
  if (!index) {
    for (int64_t i = 0; i < reg.size; ++i)
      list.wires.push_back(reg.firstWire + i);
    // `qubit q;` declares one qubit, which `q` names as such.
    list.isRegister = !reg.single;
    return list;
  }
  std::optional<int64_t> lo = evalInteger(*index, "a qubit index");
  if (!lo)
    return std::nullopt;
  if (!sliceEnd) {
    if (*lo < 0 || *lo >= reg.size) {
      error(index->getLoc(), "qubit index " + llvm::Twine(*lo) +
                                 " is out of range for register '" + name +
                                 "' of size " + llvm::Twine(reg.size));
      return std::nullopt;
    }
    list.wires.push_back(reg.firstWire + *lo);
    return list;
  }
  std::optional<int64_t> hi = evalInteger(*sliceEnd, "a qubit index");
  if (!hi)
    return std::nullopt;
  if (*lo < 0 || *hi > reg.size || *lo >= *hi) {
    error(index->getLoc(), "slice " + llvm::Twine(*lo) + ".." +
                               llvm::Twine(*hi) +
                               " is out of range for register '" + name +
                               "' of size " + llvm::Twine(reg.size));
    return std::nullopt;
  }
  for (int64_t i = *lo; i < *hi; ++i)
    list.wires.push_back(reg.firstWire + i);
  list.isRegister = true;
  return list;
}

std::optional<WireList> Sema::resolveOperand(const ast::Operand &operand) {
  return resolveQubits(operand.loc, operand.name, operand.index.get(),
                       operand.sliceEnd.get());
}

std::vector<hir::ExprPtr> Sema::share(hir::ExprPtr value, unsigned uses,
                                      std::vector<hir::StmtPtr> &out) {
  std::vector<hir::ExprPtr> copies;
  if (uses == 1) {
    copies.push_back(std::move(value));
    return copies;
  }
  Location loc = value->getLoc();
  hir::Shape shape = value->getShape();
  if (auto *c = llvm::dyn_cast<hir::ConstantExpr>(value.get())) {
    for (unsigned i = 0; i < uses; ++i)
      copies.push_back(std::make_unique<hir::ConstantExpr>(loc, c->value));
    return copies;
  }
  hir::VarKind kind = hir::VarKind::Let;
  unsigned id;
  if (auto *ref = llvm::dyn_cast<hir::VarRefExpr>(value.get())) {
    kind = ref->var;
    id = ref->id;
  } else {
    id = model->numLets++;
    out.push_back(std::make_unique<hir::LetStmt>(loc, id, std::move(value)));
  }
  for (unsigned i = 0; i < uses; ++i)
    copies.push_back(std::make_unique<hir::VarRefExpr>(loc, shape, kind, id));
  return copies;
}

//===----------------------------------------------------------------------===//
// Gates
//===----------------------------------------------------------------------===//

void Sema::applyGate(Location loc, llvm::StringRef name,
                     std::vector<hir::ExprPtr> angles,
                     const std::vector<unsigned> &wires,
                     std::vector<hir::StmtPtr> &out) {
  if (!countStatement(loc))
    return;
  if (const GateInfo *info = lookupGate(name)) {
    out.push_back(std::make_unique<hir::GateStmt>(loc, info->kind,
                                                  std::move(angles), wires));
    return;
  }
  const ast::GateDecl &gate = *lookup(name)->gate;
  if (badGates.count(&gate))
    return;
  if (llvm::is_contained(inlining, &gate)) {
    error(loc, "gate '" + name + "' is used recursively");
    return;
  }
  inlining.push_back(&gate);
  // The gate body sees only its formals and the model's declarations.
  std::vector<llvm::StringMap<Symbol>> saved;
  saved.swap(scopes);
  scopes.push_back(saved.front());
  pushScope();
  for (auto [formal, angle] : llvm::zip(gate.getParams(), angles)) {
    Symbol symbol{Symbol::Kind::Let, formal.loc};
    symbol.id = model->numLets++;
    out.push_back(
        std::make_unique<hir::LetStmt>(loc, symbol.id, std::move(angle)));
    declare(formal.name, symbol);
  }
  for (auto [formal, wire] : llvm::zip(gate.getQubits(), wires)) {
    Symbol symbol{Symbol::Kind::GateQubit, formal.loc};
    symbol.id = wire;
    declare(formal.name, symbol);
  }
  elaborateBlock(gate.getBody(), out);
  scopes.swap(saved);
  inlining.pop_back();
}

std::optional<GateArity> Sema::lookupGateArity(Location loc,
                                               llvm::StringRef name) {
  if (const GateInfo *info = lookupGate(name))
    return GateArity{info->numQubits, info->numAngles};
  if (const Symbol *symbol = lookup(name);
      symbol && symbol->kind == Symbol::Kind::Gate)
    return GateArity{
        static_cast<unsigned>(symbol->gate->getQubits().size()),
        static_cast<unsigned>(symbol->gate->getParams().size())};
  error(loc, "unknown gate '" + name + "'");
  return std::nullopt;
}

void Sema::checkGateBody(const ast::GateDecl &gate) {
  // Elaborate one use with zero angles on placeholder wires named after the
  // formals, and throw the result away.
  constexpr unsigned kPlaceholderWire = 1u << 30;
  std::vector<hir::ExprPtr> angles;
  for (const ast::Formal &formal : gate.getParams())
    angles.push_back(std::make_unique<hir::ConstantExpr>(formal.loc, 0.0));
  std::vector<unsigned> wires;
  for (const ast::Formal &formal : gate.getQubits()) {
    wires.push_back(kPlaceholderWire + wires.size());
    wireAliases[wires.back()] = formal.name;
  }
  uint64_t statements = statementCount;
  unsigned lets = model->numLets, errors = errorCount;
  std::vector<hir::StmtPtr> scratch;
  applyGate(gate.getLoc(), gate.getName(), std::move(angles), wires, scratch);
  statementCount = statements;
  model->numLets = lets;
  wireAliases.clear();
  if (errorCount != errors)
    badGates.insert(&gate);
}

void Sema::elaborateGate(const ast::GateStmt &stmt,
                         std::vector<hir::StmtPtr> &out) {
  Location loc = stmt.getLoc();
  llvm::StringRef name = stmt.getGate();
  std::optional<GateArity> arity = lookupGateArity(loc, name);
  if (!arity)
    return;
  auto [numQubits, numAngles] = *arity;
  if (stmt.getArgs().size() != numAngles) {
    error(loc, "gate '" + name + "' expects " + llvm::Twine(numAngles) +
                   (numAngles == 1 ? " angle" : " angles") + ", but got " +
                   llvm::Twine(stmt.getArgs().size()));
    return;
  }
  if (stmt.getQubits().size() != numQubits) {
    error(loc, "gate '" + name + "' expects " + llvm::Twine(numQubits) +
                   (numQubits == 1 ? " qubit" : " qubits") + ", but got " +
                   llvm::Twine(stmt.getQubits().size()));
    return;
  }

  // Resolve operands; registers and slices broadcast over `width` gates.
  std::vector<WireList> operands;
  size_t width = 1;
  for (const ast::Operand &operand : stmt.getQubits()) {
    std::optional<WireList> list = resolveOperand(operand);
    if (!list)
      return;
    if (list->isRegister && list->wires.size() != 1) {
      if (width != 1 && width != list->wires.size()) {
        error(operand.loc, "register operands of one gate must have the same "
                           "size, but got " +
                               llvm::Twine(width) + " and " +
                               llvm::Twine(list->wires.size()));
        return;
      }
      width = list->wires.size();
    }
    operands.push_back(std::move(*list));
  }

  std::vector<std::vector<hir::ExprPtr>> angles(width);
  for (const ast::ExprPtr &arg : stmt.getArgs()) {
    hir::ExprPtr angle = checkExpr(*arg);
    if (!angle)
      return;
    if (angle->isScalar()) {
      std::vector<hir::ExprPtr> copies = share(std::move(angle), width, out);
      for (size_t i = 0; i < width; ++i)
        angles[i].push_back(std::move(copies[i]));
      continue;
    }
    if (angle->getShape() != hir::Shape{static_cast<int64_t>(width)}) {
      error(arg->getLoc(),
            "angle of shape " + formatShape(angle->getShape()) +
                (width == 1 ? " given to a gate on single qubits"
                            : " does not match the " + std::to_string(width) +
                                  " qubits it is broadcast over"));
      return;
    }
    std::vector<hir::ExprPtr> copies = share(std::move(angle), width, out);
    for (size_t i = 0; i < width; ++i)
      angles[i].push_back(std::make_unique<hir::ExtractExpr>(
          arg->getLoc(), hir::Shape{}, std::move(copies[i]), i));
  }

  for (size_t i = 0; i < width; ++i) {
    std::vector<unsigned> wires;
    for (const WireList &list : operands)
      wires.push_back(list.wires.size() == 1 ? list.wires[0] : list.wires[i]);
    for (size_t a = 0; a < wires.size(); ++a)
      for (size_t b = a + 1; b < wires.size(); ++b)
        if (wires[a] == wires[b]) {
          error(stmt.getQubits()[b].loc,
                "qubit " + wireName(wires[b]) + " is used twice in gate '" +
                    name + "'");
          return;
        }
    applyGate(loc, name, std::move(angles[i]), wires, out);
  }
}

void Sema::elaborateEntangle(const ast::EntangleStmt &stmt,
                             std::vector<hir::StmtPtr> &out) {
  llvm::StringRef name = stmt.getGate();
  std::optional<GateArity> arity = lookupGateArity(stmt.getGateLoc(), name);
  if (!arity)
    return;
  auto [numQubits, numAngles] = *arity;
  bool ring = stmt.getPattern() == ast::EntangleStmt::Pattern::Ring;
  if (numQubits != 2 || numAngles != 0) {
    error(stmt.getGateLoc(),
          llvm::Twine(ring ? "ring" : "ladder") +
              " needs a two-qubit gate without angles, but '" + name +
              "' takes " + llvm::Twine(numQubits) + " qubit(s) and " +
              llvm::Twine(numAngles) + " angle(s)");
    return;
  }
  std::vector<unsigned> wires;
  for (const ast::Operand &operand : stmt.getWires()) {
    std::optional<WireList> list = resolveOperand(operand);
    if (!list)
      return;
    for (unsigned wire : list->wires) {
      if (llvm::is_contained(wires, wire)) {
        error(operand.loc, "qubit " + wireName(wire) + " appears twice in " +
                               (ring ? "the ring" : "the ladder"));
        return;
      }
      wires.push_back(wire);
    }
  }
  size_t n = wires.size();
  if (n < 2)
    return; // A ring or ladder over one wire is empty.
  size_t gates = ring ? n : n - 1;
  for (size_t i = 0; i < gates; ++i)
    applyGate(stmt.getLoc(), name, {}, {wires[i], wires[(i + 1) % n]}, out);
}

//===----------------------------------------------------------------------===//
// Classical writes, measurement and conditions
//===----------------------------------------------------------------------===//

void Sema::elaborateAssign(const ast::AssignStmt &stmt,
                           std::vector<hir::StmtPtr> &out) {
  Location loc = stmt.getLoc();
  llvm::StringRef name = stmt.getTarget();
  const Symbol *symbol = lookup(name);
  if (!symbol) {
    error(loc, "unknown name '" + name + "'");
    return;
  }
  if (symbol->invalid)
    return;
  hir::AssignStmt::Target target;
  hir::Shape shape;
  if (symbol->kind == Symbol::Kind::Memory) {
    target = hir::AssignStmt::Target::Memory;
    shape = model->memories[symbol->id].shape;
  } else if (symbol->kind == Symbol::Kind::Output) {
    target = hir::AssignStmt::Target::Output;
    shape = model->outputs[symbol->id].shape;
  } else {
    llvm::StringRef what =
        symbol->kind == Symbol::Kind::Param       ? "parameter"
        : symbol->kind == Symbol::Kind::Input     ? "input"
        : symbol->kind == Symbol::Kind::Target    ? "target"
        : symbol->kind == Symbol::Kind::Let       ? "let value"
        : symbol->kind == Symbol::Kind::Const     ? "constant"
        : symbol->kind == Symbol::Kind::LoopVar   ? "loop variable"
        : symbol->kind == Symbol::Kind::BitRegister ? "bit register"
        : symbol->kind == Symbol::Kind::QubitRegister ? "qubit register"
        : symbol->kind == Symbol::Kind::GateQubit     ? "gate operand"
                                                      : "gate";
    error(loc, "cannot assign to " + what + " '" + name +
                   "'; only memory and outputs can be assigned");
    return;
  }
  std::optional<int64_t> index;
  hir::Shape expected = shape;
  // Mark the output assigned even if the assignment turns out wrong, so that
  // one mistake is not reported again as a missing assignment.
  if (target == hir::AssignStmt::Target::Output) {
    std::vector<bool> &assigned = outputAssigned[symbol->id];
    if (const ast::Expr *indexExpr = stmt.getIndex()) {
      std::optional<double> at = evalConstantQuietly(*indexExpr);
      if (at && *at >= 0 && *at < assigned.size())
        assigned[static_cast<size_t>(*at)] = true;
    } else {
      assigned.assign(assigned.size(), true);
    }
  }
  if (const ast::Expr *indexExpr = stmt.getIndex()) {
    if (shape.empty()) {
      error(indexExpr->getLoc(), "'" + name + "' is a scalar and cannot be "
                                              "indexed");
      return;
    }
    index = evalInteger(*indexExpr, "an index");
    if (!index)
      return;
    if (*index < 0 || *index >= shape[0]) {
      error(indexExpr->getLoc(), "index " + llvm::Twine(*index) +
                                     " is out of range for '" + name +
                                     "' of size " + llvm::Twine(shape[0]));
      return;
    }
    expected = {};
  }
  hir::ExprPtr value = checkExpr(stmt.getValue());
  if (!value)
    return;
  if (value->getShape() != expected) {
    error(stmt.getValue().getLoc(),
          "cannot assign a value of shape " + formatShape(value->getShape()) +
              " to " + (index ? "an element of '" + name.str() + "'"
                              : "'" + name.str() + "'") +
              " of shape " + formatShape(expected));
    return;
  }
  if (countStatement(loc))
    out.push_back(std::make_unique<hir::AssignStmt>(loc, target, symbol->id,
                                                    index, std::move(value)));
}

void Sema::elaborateMeasure(const ast::MeasureStmt &stmt,
                            std::vector<hir::StmtPtr> &out) {
  Location loc = stmt.getLoc();
  llvm::StringRef name = stmt.getTarget();
  const Symbol *symbol = lookup(name);
  if (symbol && symbol->invalid)
    return;
  if (!symbol || symbol->kind != Symbol::Kind::BitRegister) {
    error(loc, symbol ? "cannot measure into '" + name +
                            "': it is not a bit register"
                      : "unknown bit register '" + name + "'");
    return;
  }
  const hir::BitRegister &bits = model->bits[symbol->id];
  std::optional<WireList> qubits = resolveOperand(stmt.getQubit());
  if (!qubits)
    return;
  if (const ast::Expr *indexExpr = stmt.getIndex()) {
    std::optional<int64_t> index = evalInteger(*indexExpr, "a bit index");
    if (!index)
      return;
    if (*index < 0 || *index >= bits.size) {
      error(indexExpr->getLoc(), "bit index " + llvm::Twine(*index) +
                                     " is out of range for '" + name +
                                     "' of size " + llvm::Twine(bits.size));
      return;
    }
    if (qubits->wires.size() != 1) {
      error(stmt.getQubit().loc, "one bit receives one qubit, but got " +
                                     llvm::Twine(qubits->wires.size()));
      return;
    }
    if (countStatement(loc))
      out.push_back(std::make_unique<hir::MeasureStmt>(loc, qubits->wires[0],
                                                       symbol->id, *index));
    return;
  }
  if (static_cast<int64_t>(qubits->wires.size()) != bits.size) {
    error(stmt.getQubit().loc,
          "measuring " + llvm::Twine(qubits->wires.size()) +
              " qubit(s) into '" + name + "' of size " +
              llvm::Twine(bits.size));
    return;
  }
  for (auto [bit, wire] : llvm::enumerate(qubits->wires))
    if (countStatement(loc))
      out.push_back(
          std::make_unique<hir::MeasureStmt>(loc, wire, symbol->id, bit));
}

std::optional<hir::Condition> Sema::checkCondition(const ast::Expr &cond) {
  auto bitRegister = [&](const ast::Expr &expr) -> const Symbol * {
    auto *name = llvm::dyn_cast<ast::NameExpr>(&expr);
    const Symbol *symbol = name ? lookup(name->getName()) : nullptr;
    if (symbol && symbol->kind == Symbol::Kind::BitRegister && !symbol->invalid)
      return symbol;
    if (name && !symbol)
      error(expr.getLoc(), "unknown name '" + name->getName() + "'");
    else if (!symbol || !symbol->invalid)
      error(expr.getLoc(), "a condition tests bits: 'c[i]', 'c == k' or "
                           "'c != k' with c a bit register");
    return nullptr;
  };
  hir::Condition result;
  if (auto *cmp = llvm::dyn_cast<ast::BinaryExpr>(&cond);
      cmp && (cmp->getOp() == ast::BinaryExpr::Op::Eq ||
              cmp->getOp() == ast::BinaryExpr::Op::Ne)) {
    const Symbol *symbol = bitRegister(cmp->getLHS());
    if (!symbol)
      return std::nullopt;
    std::optional<int64_t> value =
        evalInteger(cmp->getRHS(), "the compared value");
    if (!value)
      return std::nullopt;
    int64_t size = model->bits[symbol->id].size;
    if (*value < 0 || (size < 63 && *value >= (int64_t(1) << size))) {
      error(cmp->getRHS().getLoc(),
            "value " + llvm::Twine(*value) + " does not fit in the " +
                llvm::Twine(size) + " bit(s) of '" +
                model->bits[symbol->id].name + "'");
      return std::nullopt;
    }
    result.bits = symbol->id;
    result.value = static_cast<uint64_t>(*value);
    result.negate = cmp->getOp() == ast::BinaryExpr::Op::Ne;
    return result;
  }
  if (auto *index = llvm::dyn_cast<ast::IndexExpr>(&cond);
      index && !index->isSlice()) {
    const Symbol *symbol = bitRegister(index->getBase());
    if (!symbol)
      return std::nullopt;
    std::optional<int64_t> bit = evalInteger(index->getIndex(), "a bit index");
    if (!bit)
      return std::nullopt;
    int64_t size = model->bits[symbol->id].size;
    if (*bit < 0 || *bit >= size) {
      error(index->getIndex().getLoc(),
            "bit index " + llvm::Twine(*bit) + " is out of range for '" +
                model->bits[symbol->id].name + "' of size " +
                llvm::Twine(size));
      return std::nullopt;
    }
    result.bits = symbol->id;
    result.bit = *bit;
    return result;
  }
  const Symbol *symbol = bitRegister(cond);
  if (!symbol)
    return std::nullopt;
  if (model->bits[symbol->id].size != 1) {
    error(cond.getLoc(), "test one bit ('" + model->bits[symbol->id].name +
                             "[i]') or compare the register with a value");
    return std::nullopt;
  }
  result.bits = symbol->id;
  result.bit = 0;
  return result;
}

void Sema::elaborateIf(const ast::IfStmt &stmt,
                       std::vector<hir::StmtPtr> &out) {
  std::optional<hir::Condition> cond = checkCondition(stmt.getCond());
  std::vector<hir::StmtPtr> then, orelse;
  ++ifDepth;
  elaborate(stmt.getThen(), then);
  if (stmt.getElse())
    elaborate(*stmt.getElse(), orelse);
  --ifDepth;
  if (cond && countStatement(stmt.getLoc()))
    out.push_back(std::make_unique<hir::IfStmt>(stmt.getLoc(), *cond,
                                                std::move(then),
                                                std::move(orelse)));
}
