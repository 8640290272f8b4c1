//===- Sema.cpp - semantic analysis: driver and declarations ---------------===//
//
// This file implements the entry point of semantic analysis, the scoped
// symbol table, diagnostics, and the checks of every declaration. Statements,
// expressions and experiment settings are checked in the other Sema*.cpp
// files.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <cstdio>

using namespace qruc;
using namespace qruc::sema;

std::string qruc::sema::formatShape(const hir::Shape &shape) {
  if (shape.empty())
    return "scalar";
  std::string text = "[";
  for (auto [i, dim] : llvm::enumerate(shape))
    text += (i ? ", " : "") + std::to_string(dim);
  return text + "]";
}

std::string qruc::sema::formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", value);
  return text;
}

mlir::Location Sema::toLoc(Location loc) const {
  return mlir::FileLineColLoc::get(&context, filename, loc.line, loc.column);
}

void Sema::error(Location loc, const llvm::Twine &message) {
  std::string text = message.str();
  if (!reported.insert({loc.line, loc.column, text}).second)
    return;
  ++errorCount;
  mlir::emitError(toLoc(loc)) << text;
}

void Sema::errorWithNote(Location loc, const llvm::Twine &message,
                         Location noteLoc, const llvm::Twine &note) {
  std::string text = message.str();
  if (!reported.insert({loc.line, loc.column, text}).second)
    return;
  ++errorCount;
  mlir::InFlightDiagnostic diag = mlir::emitError(toLoc(loc)) << text;
  diag.attachNote(toLoc(noteLoc)) << note;
}

const Symbol *Sema::lookup(llvm::StringRef name) const {
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
    auto found = it->find(name);
    if (found != it->end())
      return &found->second;
  }
  return nullptr;
}

bool Sema::declare(llvm::StringRef name, Symbol symbol) {
  if (name == "pi") {
    error(symbol.loc, "'pi' is a built-in constant and cannot be redefined");
    return false;
  }
  auto [it, inserted] = scopes.back().try_emplace(name, symbol);
  if (!inserted) {
    errorWithNote(symbol.loc, "redefinition of '" + name + "'", it->second.loc,
                  "previous definition is here");
    return false;
  }
  return true;
}

std::unique_ptr<hir::Model> Sema::run(const ast::Module &module) {
  model = std::make_unique<hir::Model>();
  model->name = module.getName().str();
  model->loc = module.getLoc();
  pushScope();
  for (const ast::DeclPtr &decl : module.getDecls())
    checkDecl(*decl);

  if (!stepDecl)
    error(module.getLoc(), "model '" + module.getName() + "' has no step");
  popScope();
  if (hadErrors())
    return nullptr;
  return std::move(model);
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

std::optional<hir::Shape> Sema::checkShape(const ast::ShapedDecl &decl,
                                           unsigned maxRank) {
  hir::Shape shape;
  const auto &dims = decl.getShape();
  if (dims.size() > maxRank) {
    error(dims[maxRank]->getLoc(),
          "'" + decl.getName() + "' may have at most " +
              llvm::Twine(maxRank) +
              (maxRank == 1 ? " dimension" : " dimensions") + ", but got " +
              llvm::Twine(dims.size()));
    return std::nullopt;
  }
  int64_t elements = 1;
  for (const ast::ExprPtr &dim : dims) {
    std::optional<int64_t> size = evalInteger(*dim, "a dimension");
    if (!size)
      return std::nullopt;
    if (*size <= 0 || *size > limits.maxElements / elements) {
      error(dim->getLoc(), "dimension must be between 1 and " +
                               llvm::Twine(limits.maxElements / elements) +
                               ", but got " + llvm::Twine(*size));
      return std::nullopt;
    }
    elements *= *size;
    shape.push_back(*size);
  }
  return shape;
}

static int64_t numElements(const hir::Shape &shape) {
  int64_t n = 1;
  for (int64_t dim : shape)
    n *= dim;
  return n;
}

void Sema::checkMemoryInit(const ast::ShapedDecl &decl, hir::Memory &memory) {
  int64_t size = numElements(memory.shape);
  const ast::Expr *init = decl.getInit();
  if (!init) {
    memory.init.assign(size, 0.0);
    return;
  }
  if (auto *vector = llvm::dyn_cast<ast::VectorExpr>(init)) {
    if (static_cast<int64_t>(vector->getElements().size()) != size ||
        memory.shape.empty()) {
      error(init->getLoc(), "initializer of '" + decl.getName() + "' has " +
                                llvm::Twine(vector->getElements().size()) +
                                " values, but the memory has shape " +
                                formatShape(memory.shape));
      return;
    }
    for (const ast::ExprPtr &element : vector->getElements())
      if (std::optional<double> value =
              evalConstant(*element, "a memory initializer"))
        memory.init.push_back(*value);
    return;
  }
  if (std::optional<double> value = evalConstant(*init, "a memory initializer"))
    memory.init.assign(size, *value);
}

void Sema::checkParamInit(const ast::ShapedDecl &decl, hir::Param &param) {
  const ast::Expr *init = decl.getInit();
  if (!init) {
    param.init = hir::Param::Init::Uniform;
    param.initArgs = {0.0, 2 * M_PI};
    return;
  }
  if (decl.getInitStyle() == ast::ShapedDecl::InitStyle::Assign) {
    param.init = hir::Param::Init::Constant;
    if (llvm::isa<ast::VectorExpr>(init)) {
      error(init->getLoc(), "a parameter is initialized with one constant, "
                            "given to every element, or a distribution");
      return;
    }
    if (std::optional<double> value =
            evalConstant(*init, "a parameter initializer"))
      param.initArgs = {*value};
    return;
  }
  auto *call = llvm::dyn_cast<ast::CallExpr>(init);
  struct Distribution {
    llvm::StringRef name;
    hir::Param::Init init;
    unsigned numArgs;
  };
  static const Distribution kDistributions[] = {
      {"constant", hir::Param::Init::Constant, 1},
      {"uniform", hir::Param::Init::Uniform, 2},
      {"normal", hir::Param::Init::Normal, 2}};
  const Distribution *dist = nullptr;
  if (call)
    for (const Distribution &d : kDistributions)
      if (d.name == call->getCallee())
        dist = &d;
  if (!dist) {
    error(init->getLoc(), "expected an initializer distribution: "
                          "constant(v), uniform(low, high) or "
                          "normal(mean, stddev)");
    return;
  }
  if (call->getArgs().size() != dist->numArgs) {
    error(call->getLoc(), "'" + dist->name + "' expects " +
                              llvm::Twine(dist->numArgs) +
                              " argument(s), but got " +
                              llvm::Twine(call->getArgs().size()));
    return;
  }
  param.init = dist->init;
  for (const ast::Argument &arg : call->getArgs()) {
    if (!arg.name.empty()) {
      error(arg.loc, "'" + dist->name + "' takes positional arguments only");
      return;
    }
    std::optional<double> value =
        evalConstant(*arg.value, "an initializer argument");
    if (!value)
      return;
    param.initArgs.push_back(*value);
  }
  if (param.init == hir::Param::Init::Uniform &&
      param.initArgs[0] > param.initArgs[1])
    error(call->getLoc(), "uniform(low, high) needs low <= high");
  if (param.init == hir::Param::Init::Normal && param.initArgs[1] < 0)
    error(call->getLoc(), "normal(mean, stddev) needs stddev >= 0");
}

void Sema::checkDecl(const ast::Decl &decl) {
  using Kind = ast::Decl::Kind;
  auto symbol = [&](Symbol::Kind kind, unsigned id) {
    Symbol s;
    s.kind = kind;
    s.loc = decl.getLoc();
    s.id = id;
    return s;
  };
  auto timingOf = [](const ast::ShapedDecl &d) {
    return d.getTiming() == ast::ShapedDecl::Timing::Every;
  };

  if (auto *c = llvm::dyn_cast<ast::ConstDecl>(&decl)) {
    std::optional<double> value = evalConstant(c->getValue(), "a constant");
    Symbol s = symbol(Symbol::Kind::Const, 0);
    s.invalid = !value;
    s.value = value.value_or(0);
    s.isInteger = value && std::floor(*value) == *value &&
                  std::fabs(*value) < 9.0e15;
    declare(c->getName(), s);
    return;
  }
  if (auto *g = llvm::dyn_cast<ast::GateDecl>(&decl)) {
    if (lookupGate(g->getName()))
      error(g->getLoc(), "gate '" + g->getName() +
                             "' is a built-in gate and cannot be redefined");
    if (g->getQubits().empty())
      error(g->getLoc(), "gate '" + g->getName() + "' has no qubit operands");
    Symbol s = symbol(Symbol::Kind::Gate, 0);
    s.gate = g;
    if (declare(g->getName(), s))
      checkGateBody(*g);
    return;
  }
  if (auto *s = llvm::dyn_cast<ast::StepDecl>(&decl)) {
    if (stepDecl) {
      errorWithNote(s->getLoc(), "a model has exactly one step",
                    stepDecl->getLoc(), "the first step is here");
      return;
    }
    stepDecl = s;
    // Checked where it stands: it sees only what is declared before it.
    if (!sawQubits)
      error(s->getLoc(), "the step uses no qubits; declare a qubit register "
                         "before it");
    else if (model->qubits.empty())
      return; // every qubit declaration had an error
    else
      elaborateStep(*s);
    return;
  }
  if (auto *e = llvm::dyn_cast<ast::ExperimentDecl>(&decl)) {
    if (experimentDecl) {
      errorWithNote(e->getLoc(), "a model has at most one experiment",
                    experimentDecl->getLoc(), "the first experiment is here");
      return;
    }
    experimentDecl = e;
    checkExperiment(*e);
    return;
  }

  auto &d = llvm::cast<ast::ShapedDecl>(decl);
  std::string name = d.getName().str();
  if (stepDecl) {
    errorWithNote(d.getLoc(), "'" + name + "' must be declared before the step",
                  stepDecl->getLoc(), "the step is here");
    return;
  }
  bool timed = d.getKind() == Kind::Output || d.getKind() == Kind::Target;
  if (!timed && d.getTiming() != ast::ShapedDecl::Timing::Default)
    error(d.getLoc(), "only outputs and targets take 'at last' or 'at every'");
  Symbol::Kind symbolKind = d.getKind() == Kind::Qubit ? Symbol::Kind::QubitRegister
                            : d.getKind() == Kind::Bit   ? Symbol::Kind::BitRegister
                            : d.getKind() == Kind::Input ? Symbol::Kind::Input
                            : d.getKind() == Kind::Output ? Symbol::Kind::Output
                            : d.getKind() == Kind::Target ? Symbol::Kind::Target
                            : d.getKind() == Kind::Memory ? Symbol::Kind::Memory
                                                          : Symbol::Kind::Param;
  std::optional<hir::Shape> shape =
      checkShape(d, d.getKind() == Kind::Param ? 2 : 1);
  int64_t size = shape && !shape->empty() ? (*shape)[0] : 1;
  if (d.getKind() == Kind::Qubit)
    sawQubits = true;
  if (shape && d.getKind() == Kind::Qubit &&
      model->getNumWires() + size > limits.maxQubits) {
    error(d.getLoc(), "the model may have at most " +
                          llvm::Twine(limits.maxQubits) + " qubits, but '" +
                          name + "' brings it to " +
                          llvm::Twine(model->getNumWires() + size));
    shape = std::nullopt;
  }
  if (shape && d.getKind() == Kind::Bit && size > 63) {
    error(d.getLoc(), "a bit register may have at most 63 bits");
    shape = std::nullopt;
  }
  if (!shape) {
    // Declared all the same, so that its uses report nothing more.
    Symbol s = symbol(symbolKind, 0);
    s.invalid = true;
    declare(name, s);
    return;
  }

  switch (d.getKind()) {
  case Kind::Qubit:
    if (declare(name, symbol(symbolKind, model->qubits.size())))
      model->qubits.push_back({name, d.getLoc(), size, model->getNumWires(),
                               shape->empty()});
    return;
  case Kind::Bit:
    if (declare(name, symbol(symbolKind, model->bits.size())))
      model->bits.push_back({name, d.getLoc(), size});
    return;
  case Kind::Input:
    if (declare(name, symbol(symbolKind, model->inputs.size())))
      model->inputs.push_back({name, d.getLoc(), *shape, false});
    return;
  case Kind::Output:
    if (declare(name, symbol(symbolKind, model->outputs.size())))
      model->outputs.push_back({name, d.getLoc(), *shape, timingOf(d)});
    return;
  case Kind::Target:
    if (declare(name, symbol(symbolKind, model->targets.size())))
      model->targets.push_back({name, d.getLoc(), *shape, timingOf(d)});
    return;
  case Kind::Memory: {
    hir::Memory memory{name, d.getLoc(), *shape, {}};
    checkMemoryInit(d, memory);
    if (declare(name, symbol(symbolKind, model->memories.size())))
      model->memories.push_back(std::move(memory));
    return;
  }
  default: {
    hir::Param param{name, d.getLoc(), *shape, hir::Param::Init::Constant, {}};
    checkParamInit(d, param);
    if (declare(name, symbol(symbolKind, model->params.size())))
      model->params.push_back(std::move(param));
    return;
  }
  }
}

std::unique_ptr<hir::Model> qruc::analyze(const ast::Module &module,
                                          llvm::StringRef filename,
                                          mlir::MLIRContext &context,
                                          const SemaLimits &limits) {
  return Sema(filename, context, limits).run(module);
}
