//===- MLIRGen.cpp - HIR to the qru dialect --------------------------------===//
//
// This file translates the checked model into the qru dialect. Declarations
// become the symbol ops of qru.model; the step becomes qru.step, with qubits
// threaded as SSA values wire by wire, classical scalars in arith/math,
// vectors in tensor, elementwise functions as linalg.map, dense layers as
// linalg.matvec, and conditional gates as scf.if over the touched wires.
//
//===----------------------------------------------------------------------===//

#include "qruc/Frontend/MLIRGen.h"

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <set>

using namespace mlir;
using namespace qruc;

namespace {

class Generator {
public:
  Generator(const hir::Model &model, llvm::StringRef filename,
            MLIRContext &context)
      : model(model), filename(filename), context(context),
        builder(&context) {}

  OwningOpRef<ModuleOp> generate();

private:
  Location loc(hir::Location at) {
    return FileLineColLoc::get(&context, filename, at.line, at.column);
  }
  Type f64() { return builder.getF64Type(); }
  Type typeOf(const hir::Shape &shape) {
    if (shape.empty())
      return f64();
    return RankedTensorType::get(shape, f64());
  }

  void generateDecls();
  void generateStep();
  Attribute settingAttr(const hir::SettingValue &value);

  // Statements.
  void emit(const hir::Stmt &stmt);
  void emitGate(const hir::GateStmt &stmt);
  void emitIf(const hir::IfStmt &stmt);
  void emitAssign(const hir::AssignStmt &stmt);
  Value emitCondition(const hir::Condition &cond, Location at);

  // Expressions.
  Value emit(const hir::Expr &expr);
  Value emitScalarFunc(OpBuilder &b, Location at, hir::Func func, Value x);
  Value emitScalarBinary(OpBuilder &b, Location at, hir::BinaryOp op, Value l,
                         Value r);
  Value emitMap(Location at, const hir::Shape &shape, ValueRange inputs,
                function_ref<Value(OpBuilder &, Location, ValueRange)> body);
  Value index(Location at, int64_t i) {
    return arith::ConstantIndexOp::create(builder, at, i);
  }
  Value constant(Location at, double v) {
    return arith::ConstantOp::create(builder, at, builder.getF64FloatAttr(v));
  }
  Value zeros(Location at, const hir::Shape &shape) {
    auto type = RankedTensorType::get(shape, f64());
    return arith::ConstantOp::create(
        builder, at, DenseElementsAttr::get(type, builder.getF64FloatAttr(0)));
  }

  const hir::Model &model;
  std::string filename;
  MLIRContext &context;
  OpBuilder builder;

  // Values of the step being built.
  std::vector<Value> inputs, memories, bits, params, outputs, lets;
  std::vector<Value> wires;
};

OwningOpRef<ModuleOp> Generator::generate() {
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc(model.loc));
  builder.setInsertionPointToEnd(module->getBody());
  auto modelOp = qru::ModelOp::create(builder, loc(model.loc), model.name);
  builder.createBlock(&modelOp.getBody());
  generateDecls();
  generateStep();
  if (model.experimentLoc) {
    SmallVector<NamedAttribute> settings;
    for (const hir::Setting &setting : model.experiment)
      settings.push_back(
          builder.getNamedAttr(setting.key, settingAttr(setting.value)));
    qru::ExperimentOp::create(builder, loc(*model.experimentLoc),
                              builder.getDictionaryAttr(settings));
  }
  if (failed(verify(*module))) {
    emitError(loc(model.loc)) << "internal error: the generated IR does not "
                                 "verify";
    return nullptr;
  }
  return module;
}

void Generator::generateDecls() {
  for (const hir::QubitRegister &reg : model.qubits)
    qru::QubitsOp::create(builder, loc(reg.loc), reg.name, reg.size);
  for (const hir::BitRegister &reg : model.bits)
    qru::BitsOp::create(builder, loc(reg.loc), reg.name, reg.size);
  for (const hir::Variable &input : model.inputs)
    qru::InputOp::create(builder, loc(input.loc), input.name,
                         typeOf(input.shape));
  for (const hir::Memory &memory : model.memories) {
    TypedAttr init;
    if (memory.shape.empty())
      init = builder.getF64FloatAttr(memory.init[0]);
    else
      init = DenseElementsAttr::get(
          RankedTensorType::get(memory.shape, f64()),
          ArrayRef<double>(memory.init));
    qru::MemoryOp::create(builder, loc(memory.loc), memory.name, init);
  }
  for (const hir::Param &param : model.params) {
    qru::InitKind kind = param.init == hir::Param::Init::Constant
                             ? qru::InitKind::Constant
                         : param.init == hir::Param::Init::Uniform
                             ? qru::InitKind::Uniform
                             : qru::InitKind::Normal;
    qru::ParamOp::create(builder, loc(param.loc), param.name,
                         typeOf(param.shape), kind,
                         builder.getDenseF64ArrayAttr(param.initArgs));
  }
  auto timing = [](const hir::Variable &v) {
    return v.everyStep ? qru::Timing::Every : qru::Timing::Last;
  };
  for (const hir::Variable &output : model.outputs)
    qru::OutputOp::create(builder, loc(output.loc), output.name,
                          typeOf(output.shape), timing(output));
  for (const hir::Variable &target : model.targets)
    qru::TargetOp::create(builder, loc(target.loc), target.name,
                          typeOf(target.shape), timing(target));
}

Attribute Generator::settingAttr(const hir::SettingValue &value) {
  switch (value.kind) {
  case hir::SettingValue::Kind::Integer:
    return builder.getI64IntegerAttr(static_cast<int64_t>(value.number));
  case hir::SettingValue::Kind::Real:
    return builder.getF64FloatAttr(value.number);
  case hir::SettingValue::Kind::String:
    return builder.getStringAttr(value.text);
  case hir::SettingValue::Kind::Name:
    return FlatSymbolRefAttr::get(&context, value.text);
  case hir::SettingValue::Kind::List: {
    SmallVector<Attribute> items;
    for (const hir::SettingValue &item : value.items)
      items.push_back(settingAttr(item));
    return builder.getArrayAttr(items);
  }
  case hir::SettingValue::Kind::Call: {
    SmallVector<NamedAttribute> fields;
    fields.push_back(
        builder.getNamedAttr("kind", builder.getStringAttr(value.text)));
    for (const auto &[name, field] : value.fields)
      fields.push_back(builder.getNamedAttr(name, settingAttr(field)));
    return builder.getDictionaryAttr(fields);
  }
  }
  return {};
}

//===----------------------------------------------------------------------===//
// The step
//===----------------------------------------------------------------------===//

void Generator::generateStep() {
  auto modelOp = cast<qru::ModelOp>(builder.getBlock()->getParentOp());
  Location at = loc(model.stepLoc);
  auto step = qru::StepOp::create(builder, at, model.persistent);
  SmallVector<Type> argTypes, resultTypes;
  modelOp.getStepSignature(model.persistent, argTypes, resultTypes);
  Block *body = builder.createBlock(&step.getBody());
  for (Type type : argTypes)
    body->addArgument(type, at);

  unsigned arg = 0;
  for (size_t i = 0; i < model.inputs.size(); ++i)
    inputs.push_back(body->getArgument(arg++));
  for (size_t i = 0; i < model.memories.size(); ++i)
    memories.push_back(body->getArgument(arg++));
  for (size_t i = 0; i < model.bits.size(); ++i)
    bits.push_back(body->getArgument(arg++));
  for (size_t i = 0; i < model.params.size(); ++i)
    params.push_back(body->getArgument(arg++));
  if (model.persistent) {
    for (unsigned w = 0; w < model.getNumWires(); ++w)
      wires.push_back(body->getArgument(arg++));
  } else {
    for (const hir::QubitRegister &reg : model.qubits)
      for (int64_t i = 0; i < reg.size; ++i)
        wires.push_back(qru::AllocOp::create(builder, loc(reg.loc),
                                             reg.name, i));
  }
  // Outputs get a value from their first assignment (sema checks there is
  // one); an element-wise assignment starts from zeros.
  outputs.assign(model.outputs.size(), Value());
  lets.assign(model.numLets, Value());

  for (const hir::StmtPtr &stmt : model.step)
    emit(*stmt);

  SmallVector<Value> yielded;
  llvm::append_range(yielded, memories);
  llvm::append_range(yielded, bits);
  llvm::append_range(yielded, outputs);
  if (model.persistent)
    llvm::append_range(yielded, wires);
  qru::YieldOp::create(builder, at, yielded);
  builder.setInsertionPointAfter(step);
}

template <typename OpTy>
static Operation *createGate(OpBuilder &b, Location at, ValueRange angles,
                             ValueRange qubits) {
  return OpTy::create(b, at, angles, qubits);
}

void Generator::emitGate(const hir::GateStmt &stmt) {
  Location at = loc(stmt.getLoc());
  SmallVector<Value> angles, qubits;
  for (const hir::ExprPtr &angle : stmt.angles)
    angles.push_back(emit(*angle));
  for (unsigned wire : stmt.wires)
    qubits.push_back(wires[wire]);
  Operation *op = nullptr;
  switch (stmt.gate) {
#define GATE(KIND, OP)                                                         \
  case GateKind::KIND:                                                         \
    op = createGate<qru::OP>(builder, at, angles, qubits);                     \
    break;
    GATE(X, XOp)
    GATE(Y, YOp)
    GATE(Z, ZOp)
    GATE(H, HOp)
    GATE(S, SOp)
    GATE(Sdg, SdgOp)
    GATE(T, TOp)
    GATE(Tdg, TdgOp)
    GATE(SX, SXOp)
    GATE(RX, RXOp)
    GATE(RY, RYOp)
    GATE(RZ, RZOp)
    GATE(P, POp)
    GATE(U2, U2Op)
    GATE(U3, U3Op)
    GATE(Rot, RotOp)
    GATE(CX, CXOp)
    GATE(CY, CYOp)
    GATE(CZ, CZOp)
    GATE(CH, CHOp)
    GATE(Swap, SwapOp)
    GATE(CRX, CRXOp)
    GATE(CRY, CRYOp)
    GATE(CRZ, CRZOp)
    GATE(CP, CPOp)
    GATE(RXX, RXXOp)
    GATE(RYY, RYYOp)
    GATE(RZZ, RZZOp)
    GATE(CCX, CCXOp)
    GATE(CSwap, CSwapOp)
#undef GATE
  }
  for (auto [wire, result] : llvm::zip(stmt.wires, op->getResults()))
    wires[wire] = result;
}

void Generator::emit(const hir::Stmt &stmt) {
  Location at = loc(stmt.getLoc());
  if (auto *gate = llvm::dyn_cast<hir::GateStmt>(&stmt))
    return emitGate(*gate);
  if (auto *measure = llvm::dyn_cast<hir::MeasureStmt>(&stmt)) {
    auto op = qru::MeasureOp::create(builder, at, wires[measure->wire]);
    wires[measure->wire] = op.getOutQubit();
    Value &reg = bits[measure->bits];
    reg = tensor::InsertOp::create(builder, at, op.getBit(), reg,
                                   ValueRange{index(at, measure->bit)});
    return;
  }
  if (auto *reset = llvm::dyn_cast<hir::ResetStmt>(&stmt)) {
    wires[reset->wire] = qru::ResetOp::create(builder, at, wires[reset->wire]);
    return;
  }
  if (auto *let = llvm::dyn_cast<hir::LetStmt>(&stmt)) {
    lets[let->id] = emit(*let->value);
    return;
  }
  if (auto *assign = llvm::dyn_cast<hir::AssignStmt>(&stmt))
    return emitAssign(*assign);
  emitIf(llvm::cast<hir::IfStmt>(stmt));
}

void Generator::emitAssign(const hir::AssignStmt &stmt) {
  Location at = loc(stmt.getLoc());
  Value value = emit(*stmt.value);
  Value &slot = stmt.target == hir::AssignStmt::Target::Memory
                    ? memories[stmt.id]
                    : outputs[stmt.id];
  if (!stmt.index) {
    slot = value;
    return;
  }
  if (!slot)
    slot = zeros(at, model.outputs[stmt.id].shape);
  slot = tensor::InsertOp::create(builder, at, value, slot,
                                  ValueRange{index(at, *stmt.index)});
}

Value Generator::emitCondition(const hir::Condition &cond, Location at) {
  Value reg = bits[cond.bits];
  auto negate = [&](Value bit) -> Value {
    Value trueValue =
        arith::ConstantOp::create(builder, at, builder.getBoolAttr(true));
    return arith::XOrIOp::create(builder, at, bit, trueValue);
  };
  auto bitAt = [&](int64_t i) {
    return tensor::ExtractOp::create(builder, at, reg,
                                     ValueRange{index(at, i)})
        .getResult();
  };
  Value result;
  if (cond.bit) {
    result = bitAt(*cond.bit);
  } else {
    int64_t size = cast<RankedTensorType>(reg.getType()).getDimSize(0);
    for (int64_t i = 0; i < size; ++i) {
      Value bit = bitAt(i);
      if (!((cond.value >> i) & 1))
        bit = negate(bit);
      result = result ? arith::AndIOp::create(builder, at, result, bit)
                      : bit;
    }
  }
  if (cond.negate)
    result = negate(result);
  return result;
}

/// Collects the wires an expression reads.
static void collectWires(const hir::Expr &expr, std::set<unsigned> &wires) {
  if (auto *e = llvm::dyn_cast<hir::ExpvalExpr>(&expr)) {
    wires.insert(e->wires.begin(), e->wires.end());
  } else if (auto *e = llvm::dyn_cast<hir::ExtractExpr>(&expr)) {
    collectWires(*e->base, wires);
  } else if (auto *e = llvm::dyn_cast<hir::SliceExpr>(&expr)) {
    collectWires(*e->base, wires);
  } else if (auto *e = llvm::dyn_cast<hir::VectorExpr>(&expr)) {
    for (const hir::ExprPtr &element : e->elements)
      collectWires(*element, wires);
  } else if (auto *e = llvm::dyn_cast<hir::UnaryExpr>(&expr)) {
    collectWires(*e->arg, wires);
  } else if (auto *e = llvm::dyn_cast<hir::BinaryExpr>(&expr)) {
    collectWires(*e->lhs, wires);
    collectWires(*e->rhs, wires);
  } else if (auto *e = llvm::dyn_cast<hir::DenseExpr>(&expr)) {
    collectWires(*e->weights, wires);
    collectWires(*e->input, wires);
    if (e->bias)
      collectWires(*e->bias, wires);
  } else if (auto *e = llvm::dyn_cast<hir::ConcatExpr>(&expr)) {
    for (const hir::ExprPtr &part : e->parts)
      collectWires(*part, wires);
  } else if (auto *e = llvm::dyn_cast<hir::SoftmaxExpr>(&expr)) {
    collectWires(*e->arg, wires);
  }
}

/// Collects the wires statements act on or read.
static void collectWires(const std::vector<hir::StmtPtr> &stmts,
                         std::set<unsigned> &wires) {
  for (const hir::StmtPtr &stmt : stmts) {
    if (auto *gate = llvm::dyn_cast<hir::GateStmt>(stmt.get())) {
      wires.insert(gate->wires.begin(), gate->wires.end());
      for (const hir::ExprPtr &angle : gate->angles)
        collectWires(*angle, wires);
    } else if (auto *let = llvm::dyn_cast<hir::LetStmt>(stmt.get())) {
      collectWires(*let->value, wires);
    }
  }
}

void Generator::emitIf(const hir::IfStmt &stmt) {
  Location at = loc(stmt.getLoc());
  Value cond = emitCondition(stmt.cond, at);
  std::set<unsigned> touchedSet;
  collectWires(stmt.then, touchedSet);
  collectWires(stmt.orelse, touchedSet);
  std::vector<unsigned> touched(touchedSet.begin(), touchedSet.end());
  SmallVector<Type> types(touched.size(), qru::QubitType::get(&context));

  auto ifOp = scf::IfOp::create(builder, at, types, cond,
                                /*withElseRegion=*/true);
  std::vector<Value> before = wires;
  auto buildBranch = [&](Region &region,
                         const std::vector<hir::StmtPtr> &stmts) {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(&region.front());
    wires = before;
    for (const hir::StmtPtr &s : stmts)
      emit(*s);
    SmallVector<Value> results;
    for (unsigned wire : touched)
      results.push_back(wires[wire]);
    scf::YieldOp::create(builder, at, results);
  };
  buildBranch(ifOp.getThenRegion(), stmt.then);
  buildBranch(ifOp.getElseRegion(), stmt.orelse);
  wires = before;
  for (auto [wire, result] : llvm::zip(touched, ifOp.getResults()))
    wires[wire] = result;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value Generator::emitScalarFunc(OpBuilder &b, Location at, hir::Func func,
                                Value x) {
  auto c = [&](double v) {
    return arith::ConstantOp::create(b, at, b.getF64FloatAttr(v));
  };
  switch (func) {
  case hir::Func::Neg:
    return arith::NegFOp::create(b, at, x);
  case hir::Func::Sin:
    return math::SinOp::create(b, at, x);
  case hir::Func::Cos:
    return math::CosOp::create(b, at, x);
  case hir::Func::Tan:
    return math::TanOp::create(b, at, x);
  case hir::Func::Asin:
    return math::AsinOp::create(b, at, x);
  case hir::Func::Acos:
    return math::AcosOp::create(b, at, x);
  case hir::Func::Atan:
    return math::AtanOp::create(b, at, x);
  case hir::Func::Tanh:
    return math::TanhOp::create(b, at, x);
  case hir::Func::Exp:
    return math::ExpOp::create(b, at, x);
  case hir::Func::Log:
    return math::LogOp::create(b, at, x);
  case hir::Func::Sqrt:
    return math::SqrtOp::create(b, at, x);
  case hir::Func::Sigmoid: {
    // 1 / (1 + exp(-x))
    Value e = math::ExpOp::create(b, at, arith::NegFOp::create(b, at, x));
    Value one = c(1.0);
    return arith::DivFOp::create(b, at, one,
                                 arith::AddFOp::create(b, at, one, e));
  }
  case hir::Func::Relu:
    return arith::MaximumFOp::create(b, at, x, c(0.0));
  case hir::Func::Gelu: {
    // The exact GELU: x/2 · (1 + erf(x/√2)).
    Value scaled = arith::MulFOp::create(b, at, x, c(M_SQRT1_2));
    Value erf = math::ErfOp::create(b, at, scaled);
    Value onePlus = arith::AddFOp::create(b, at, c(1.0), erf);
    Value half = arith::MulFOp::create(b, at, x, c(0.5));
    return arith::MulFOp::create(b, at, half, onePlus);
  }
  }
  return x;
}

Value Generator::emitScalarBinary(OpBuilder &b, Location at, hir::BinaryOp op,
                                  Value l, Value r) {
  switch (op) {
  case hir::BinaryOp::Add:
    return arith::AddFOp::create(b, at, l, r);
  case hir::BinaryOp::Sub:
    return arith::SubFOp::create(b, at, l, r);
  case hir::BinaryOp::Mul:
    return arith::MulFOp::create(b, at, l, r);
  case hir::BinaryOp::Div:
    return arith::DivFOp::create(b, at, l, r);
  case hir::BinaryOp::Pow:
    return math::PowFOp::create(b, at, l, r);
  }
  return l;
}

Value Generator::emitMap(
    Location at, const hir::Shape &shape, ValueRange inputs,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  Value init = tensor::EmptyOp::create(builder, at, shape, f64());
  auto map = linalg::MapOp::create(
      builder, at, inputs, init,
      [&](OpBuilder &b, Location l, ValueRange args) {
        linalg::YieldOp::create(b, l, body(b, l, args));
      });
  return map.getResult()[0];
}

Value Generator::emit(const hir::Expr &expr) {
  Location at = loc(expr.getLoc());
  if (auto *c = llvm::dyn_cast<hir::ConstantExpr>(&expr))
    return constant(at, c->value);
  if (auto *ref = llvm::dyn_cast<hir::VarRefExpr>(&expr)) {
    switch (ref->var) {
    case hir::VarKind::Input:
      return inputs[ref->id];
    case hir::VarKind::Memory:
      return memories[ref->id];
    case hir::VarKind::Param:
      return params[ref->id];
    case hir::VarKind::Let:
      return lets[ref->id];
    }
  }
  if (auto *e = llvm::dyn_cast<hir::ExtractExpr>(&expr)) {
    Value base = emit(*e->base);
    auto type = cast<RankedTensorType>(base.getType());
    if (type.getRank() == 1)
      return tensor::ExtractOp::create(builder, at, base,
                                       ValueRange{index(at, e->index)});
    // A row of a matrix, as a rank-reduced slice.
    int64_t cols = type.getDimSize(1);
    auto rowType = RankedTensorType::get({cols}, f64());
    return tensor::ExtractSliceOp::create(
        builder, at, rowType, base, ValueRange{}, ValueRange{}, ValueRange{},
        builder.getDenseI64ArrayAttr({e->index, 0}),
        builder.getDenseI64ArrayAttr({1, cols}),
        builder.getDenseI64ArrayAttr({1, 1}));
  }
  if (auto *e = llvm::dyn_cast<hir::SliceExpr>(&expr)) {
    Value base = emit(*e->base);
    auto type = RankedTensorType::get({e->hi - e->lo}, f64());
    return tensor::ExtractSliceOp::create(
        builder, at, type, base, ValueRange{}, ValueRange{}, ValueRange{},
        builder.getDenseI64ArrayAttr({e->lo}),
        builder.getDenseI64ArrayAttr({e->hi - e->lo}),
        builder.getDenseI64ArrayAttr({1}));
  }
  if (auto *e = llvm::dyn_cast<hir::VectorExpr>(&expr)) {
    SmallVector<Value> elements;
    for (const hir::ExprPtr &element : e->elements)
      elements.push_back(emit(*element));
    return tensor::FromElementsOp::create(builder, at, elements);
  }
  if (auto *e = llvm::dyn_cast<hir::UnaryExpr>(&expr)) {
    Value arg = emit(*e->arg);
    if (e->isScalar())
      return emitScalarFunc(builder, at, e->func, arg);
    return emitMap(at, e->getShape(), arg,
                   [&](OpBuilder &b, Location l, ValueRange args) {
                     return emitScalarFunc(b, l, e->func, args[0]);
                   });
  }
  if (auto *e = llvm::dyn_cast<hir::BinaryExpr>(&expr)) {
    Value lhs = emit(*e->lhs), rhs = emit(*e->rhs);
    if (e->isScalar())
      return emitScalarBinary(builder, at, e->op, lhs, rhs);
    bool lhsTensor = !e->lhs->isScalar(), rhsTensor = !e->rhs->isScalar();
    SmallVector<Value> mapped;
    if (lhsTensor)
      mapped.push_back(lhs);
    if (rhsTensor)
      mapped.push_back(rhs);
    return emitMap(at, e->getShape(), mapped,
                   [&](OpBuilder &b, Location l, ValueRange args) {
                     Value a = lhsTensor ? args[0] : lhs;
                     Value c = rhsTensor ? args[lhsTensor ? 1 : 0] : rhs;
                     return emitScalarBinary(b, l, e->op, a, c);
                   });
  }
  if (auto *e = llvm::dyn_cast<hir::DenseExpr>(&expr)) {
    Value weights = emit(*e->weights), input = emit(*e->input);
    Value product =
        linalg::MatvecOp::create(builder, at, ValueRange{weights, input},
                                 ValueRange{zeros(at, e->getShape())})
            .getResult(0);
    if (!e->bias)
      return product;
    Value bias = emit(*e->bias);
    return emitMap(at, e->getShape(), ValueRange{product, bias},
                   [&](OpBuilder &b, Location l, ValueRange args) {
                     return arith::AddFOp::create(b, l, args[0], args[1]);
                   });
  }
  if (auto *e = llvm::dyn_cast<hir::ConcatExpr>(&expr)) {
    SmallVector<Value> parts;
    for (const hir::ExprPtr &part : e->parts) {
      Value value = emit(*part);
      if (part->isScalar())
        value = tensor::FromElementsOp::create(builder, at, value);
      parts.push_back(value);
    }
    if (parts.size() == 1)
      return parts[0];
    return tensor::ConcatOp::create(builder, at, /*dim=*/0, parts);
  }
  if (auto *e = llvm::dyn_cast<hir::SoftmaxExpr>(&expr)) {
    Value arg = emit(*e->arg);
    Value init = tensor::EmptyOp::create(builder, at, e->getShape(), f64());
    return linalg::SoftmaxOp::create(builder, at, arg.getType(), arg, init,
                                     /*dimension=*/0)
        .getResult()[0];
  }
  auto *e = llvm::cast<hir::ExpvalExpr>(&expr);
  SmallVector<Value> qubits;
  for (unsigned wire : e->wires)
    qubits.push_back(wires[wire]);
  auto op = qru::ExpvalOp::create(builder, at, e->pauli, qubits);
  for (auto [wire, result] : llvm::zip(e->wires, op.getOutQubits()))
    wires[wire] = result;
  return op.getValue();
}

} // namespace

OwningOpRef<ModuleOp> qruc::generateMLIR(const hir::Model &model,
                                         llvm::StringRef filename,
                                         MLIRContext &context) {
  return Generator(model, filename, context).generate();
}
