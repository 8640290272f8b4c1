//===- LowerToStepProgram.cpp - qru dialect to the runtime -----------------===//
//
// This file lowers a qru.model to the runtime's StepProgram. Every classical
// SSA value becomes a slot, shared by the batch when it depends on parameters
// and constants only, batched otherwise; every qubit value is followed to its
// wire. linalg.map bodies are lowered element-wise: each scalar op of the
// body becomes one vector instruction over the mapped tensors. Gates inside
// an scf.if become gates conditioned on the branch's per-sample condition.
//
// The sim pipeline's fused ops lower to instructions of their own:
// qru.unitary to `unitary`, whose eight entries are slots like gate angles
// (the arith and math ops that compute them are ordinary scalar ops), and
// qru.permute to `permute` with its table. The pipeline's parameter-only
// prefix needs nothing special: what depends on parameters and constants
// only lands in shared slots, which the executor computes once per call.
//
//===----------------------------------------------------------------------===//

#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qruc;
using runtime::Instr;
using runtime::OpCode;
using runtime::SlotId;

namespace {

class Lowering {
public:
  explicit Lowering(qru::ModelOp model) : model(model) {}

  FailureOr<runtime::StepProgram> run();

private:
  /// The number of doubles a classical type holds.
  static uint32_t sizeOf(Type type) {
    if (auto tensor = dyn_cast<RankedTensorType>(type))
      return static_cast<uint32_t>(tensor.getNumElements());
    return 1;
  }

  SlotId newSlot(uint32_t size, bool batched, StringRef name = "") {
    program.slots.push_back({size, batched, name.str()});
    return static_cast<SlotId>(program.slots.size() - 1);
  }
  bool isBatched(SlotId slot) const { return program.slots[slot].batched; }

  SlotId emit(Instr instr, uint32_t size, bool batched) {
    instr.out = newSlot(size, batched);
    program.code.push_back(std::move(instr));
    return program.code.back().out;
  }
  SlotId emitUnary(OpCode op, SlotId in, uint32_t size) {
    return emit(Instr{op, runtime::kNoSlot, {in}}, size, isBatched(in));
  }
  SlotId emitBinary(OpCode op, SlotId lhs, SlotId rhs, uint32_t size) {
    return emit(Instr{op, runtime::kNoSlot, {lhs, rhs}}, size,
                isBatched(lhs) || isBatched(rhs));
  }
  SlotId emitConstant(ArrayRef<double> values) {
    Instr instr{OpCode::Const};
    instr.imm0 = static_cast<int64_t>(program.constants.size());
    llvm::append_range(program.constants, values);
    return emit(std::move(instr), values.size(), false);
  }

  LogicalResult lowerOp(Operation *op);
  LogicalResult lowerMap(linalg::MapOp map);
  LogicalResult lowerScalarOp(Operation *op, ArrayRef<SlotId> operands,
                              uint32_t size, SlotId &result);
  LogicalResult lowerIf(scf::IfOp ifOp);
  LogicalResult lowerGate(qru::GateOpInterface gate, SlotId cond);
  FailureOr<int64_t> constantIndex(Value value, Operation *user);
  LogicalResult unsupported(Operation *op) {
    return op->emitError("the simulator does not support '")
           << op->getName() << "'";
  }

  qru::ModelOp model;
  runtime::StepProgram program;
  llvm::DenseMap<Value, SlotId> slots;
  llvm::DenseMap<Value, unsigned> wires;
  unsigned draws = 0;
};

FailureOr<int64_t> Lowering::constantIndex(Value value, Operation *user) {
  APInt index;
  if (!matchPattern(value, m_ConstantInt(&index))) {
    user->emitError("the simulator needs a constant index here");
    return failure();
  }
  return index.getSExtValue();
}

FailureOr<runtime::StepProgram> Lowering::run() {
  program.modelName = model.getSymName().str();
  program.numQubits = static_cast<unsigned>(model.getNumWires());
  qru::StepOp step = model.getStep();
  if (!step)
    return model.emitError("the model has no step"), failure();
  program.persistent = step.getPersistent();

  Block &body = step.getBody().front();
  Block &decls = model.getBody().front();
  auto args = body.getArguments().begin();
  for (auto input : decls.getOps<qru::InputOp>()) {
    runtime::VariableInfo info{input.getSymName().str(),
                               sizeOf(input.getType())};
    info.slot = newSlot(info.size, true, input.getSymName());
    slots[*args++] = info.slot;
    program.inputs.push_back(std::move(info));
  }
  for (auto memory : decls.getOps<qru::MemoryOp>()) {
    runtime::VariableInfo info{memory.getSymName().str(),
                               sizeOf(memory.getType())};
    if (auto dense = dyn_cast<DenseFPElementsAttr>(memory.getInit()))
      for (const APFloat &v : dense.getValues<APFloat>())
        info.init.push_back(v.convertToDouble());
    else
      info.init.push_back(
          cast<FloatAttr>(memory.getInit()).getValueAsDouble());
    info.slot = newSlot(info.size, true, memory.getSymName());
    slots[*args++] = info.slot;
    program.memories.push_back(std::move(info));
  }
  for (auto bits : decls.getOps<qru::BitsOp>()) {
    runtime::VariableInfo info{bits.getSymName().str(),
                               static_cast<uint32_t>(bits.getSize())};
    info.init.assign(info.size, 0.0);
    info.slot = newSlot(info.size, true, bits.getSymName());
    slots[*args++] = info.slot;
    program.bits.push_back(std::move(info));
  }
  for (auto param : decls.getOps<qru::ParamOp>()) {
    runtime::ParamInfo info;
    info.name = param.getSymName().str();
    if (auto tensor = dyn_cast<RankedTensorType>(param.getType()))
      info.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
    info.init = param.getInit() == qru::InitKind::Constant
                    ? runtime::InitKind::Constant
                : param.getInit() == qru::InitKind::Uniform
                    ? runtime::InitKind::Uniform
                    : runtime::InitKind::Normal;
    llvm::append_range(info.initArgs, param.getInitArgs());
    info.slot = newSlot(sizeOf(param.getType()), false, param.getSymName());
    slots[*args++] = info.slot;
    program.params.push_back(std::move(info));
  }
  for (unsigned wire = 0; args != body.getArguments().end(); ++args)
    wires[*args] = wire++;
  for (auto output : decls.getOps<qru::OutputOp>())
    program.outputs.push_back({output.getSymName().str(),
                               sizeOf(output.getType()),
                               output.getTiming() == qru::Timing::Every});
  for (auto target : decls.getOps<qru::TargetOp>())
    program.targets.push_back({target.getSymName().str(),
                               sizeOf(target.getType()),
                               target.getTiming() == qru::Timing::Every});

  for (Operation &op : body.without_terminator()) {
    if (failed(lowerOp(&op)))
      return failure();
    // What qru-hoist-parameter-only marks must run once per call, not per
    // sample: the two analyses of what depends on parameters must agree.
    if (op.hasAttr("qru.parameter_only"))
      for (Value result : op.getResults())
        if (auto it = slots.find(result);
            it != slots.end() && isBatched(it->second))
          return op.emitError("internal error: a parameter-only value "
                              "lowers to a batched slot"),
                 failure();
  }

  // The yield: new memory, new bits, outputs (then qubits, kept in place).
  auto yield = cast<qru::YieldOp>(body.getTerminator());
  auto value = yield.getValues().begin();
  for (auto &memory : program.memories)
    memory.nextSlot = slots.lookup(*value++);
  for (auto &bits : program.bits)
    bits.nextSlot = slots.lookup(*value++);
  for (auto &output : program.outputs)
    output.slot = slots.lookup(*value++);
  std::string problem = program.validate();
  if (!problem.empty())
    return model.emitError("internal error: invalid step program: ")
               << problem,
           failure();
  return std::move(program);
}

LogicalResult Lowering::lowerOp(Operation *op) {
  // Index constants only feed static positions; they get no slot.
  if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
    Attribute value = constant.getValue();
    if (isa<IndexType>(constant.getType()))
      return success();
    if (auto f = dyn_cast<FloatAttr>(value)) {
      slots[constant] = emitConstant(f.getValueAsDouble());
      return success();
    }
    if (auto b = dyn_cast<BoolAttr>(value)) {
      slots[constant] = emitConstant(b.getValue() ? 1.0 : 0.0);
      return success();
    }
    if (auto dense = dyn_cast<DenseFPElementsAttr>(value)) {
      std::vector<double> values;
      for (const APFloat &v : dense.getValues<APFloat>())
        values.push_back(v.convertToDouble());
      slots[constant] = emitConstant(values);
      return success();
    }
    return unsupported(op);
  }
  if (auto alloc = dyn_cast<qru::AllocOp>(op)) {
    unsigned first = 0;
    for (auto reg : model.getBody().front().getOps<qru::QubitsOp>()) {
      if (reg.getSymName() == alloc.getReg())
        break;
      first += reg.getSize();
    }
    wires[alloc] = first + static_cast<unsigned>(alloc.getIndex());
    return success();
  }
  if (auto gate = dyn_cast<qru::GateOpInterface>(op))
    return lowerGate(gate, runtime::kNoSlot);
  if (auto expval = dyn_cast<qru::ExpvalOp>(op)) {
    Instr instr{OpCode::Expval};
    for (Value q : expval.getQubits())
      instr.wires.push_back(wires.lookup(q));
    instr.pauli = expval.getPauli().str();
    slots[expval.getValue()] = emit(std::move(instr), 1, true);
    for (auto [in, out] : llvm::zip(expval.getQubits(), expval.getOutQubits()))
      wires[out] = wires.lookup(in);
    return success();
  }
  if (auto measure = dyn_cast<qru::MeasureOp>(op)) {
    Instr instr{OpCode::Measure};
    instr.wires.push_back(wires.lookup(measure.getQubit()));
    instr.imm0 = draws++;
    slots[measure.getBit()] = emit(std::move(instr), 1, true);
    wires[measure.getOutQubit()] = wires.lookup(measure.getQubit());
    return success();
  }
  if (auto reset = dyn_cast<qru::ResetOp>(op)) {
    Instr instr{OpCode::Reset};
    instr.wires.push_back(wires.lookup(reset.getQubit()));
    instr.imm0 = draws++;
    program.code.push_back(std::move(instr));
    wires[reset.getOutQubit()] = wires.lookup(reset.getQubit());
    return success();
  }
  if (auto ifOp = dyn_cast<scf::IfOp>(op))
    return lowerIf(ifOp);
  if (auto extract = dyn_cast<tensor::ExtractOp>(op)) {
    auto type = cast<RankedTensorType>(extract.getTensor().getType());
    int64_t flat = 0;
    for (auto [dim, index] : llvm::zip(type.getShape(), extract.getIndices())) {
      FailureOr<int64_t> i = constantIndex(index, op);
      if (failed(i))
        return failure();
      flat = flat * dim + *i;
    }
    Instr instr{OpCode::Extract, runtime::kNoSlot,
                {slots.lookup(extract.getTensor())}};
    instr.imm0 = flat;
    slots[extract] = emit(std::move(instr), 1,
                          isBatched(slots.lookup(extract.getTensor())));
    return success();
  }
  if (auto slice = dyn_cast<tensor::ExtractSliceOp>(op)) {
    auto source = slice.getSourceType();
    if (!slice.hasUnitStride() || !slice.getOffsets().empty() ||
        !slice.getSizes().empty())
      return unsupported(op);
    // A contiguous run: a slice of a vector, or one row of a matrix.
    ArrayRef<int64_t> offsets = slice.getStaticOffsets(),
                      sizes = slice.getStaticSizes();
    bool row = source.getRank() == 2 && sizes[0] == 1 &&
               sizes[1] == source.getDimSize(1) && offsets[1] == 0;
    if (source.getRank() != 1 && !row)
      return unsupported(op);
    SlotId in = slots.lookup(slice.getSource());
    Instr instr{OpCode::Slice, runtime::kNoSlot, {in}};
    instr.imm0 = row ? offsets[0] * source.getDimSize(1) : offsets[0];
    instr.imm1 = row ? source.getDimSize(1) : sizes[0];
    slots[slice] = emit(std::move(instr), instr.imm1, isBatched(in));
    return success();
  }
  if (auto insert = dyn_cast<tensor::InsertOp>(op)) {
    FailureOr<int64_t> i = constantIndex(insert.getIndices()[0], op);
    if (failed(i))
      return failure();
    SlotId dest = slots.lookup(insert.getDest());
    SlotId scalar = slots.lookup(insert.getScalar());
    Instr instr{OpCode::Insert, runtime::kNoSlot, {dest, scalar}};
    instr.imm0 = *i;
    slots[insert] = emit(std::move(instr), sizeOf(insert.getType()),
                         isBatched(dest) || isBatched(scalar));
    return success();
  }
  if (isa<tensor::FromElementsOp, tensor::ConcatOp>(op)) {
    Instr instr{OpCode::Concat};
    bool batched = false;
    for (Value operand : op->getOperands()) {
      instr.operands.push_back(slots.lookup(operand));
      batched |= isBatched(instr.operands.back());
    }
    slots[op->getResult(0)] =
        emit(std::move(instr), sizeOf(op->getResult(0).getType()), batched);
    return success();
  }
  if (isa<tensor::EmptyOp>(op))
    return success(); // only the destination of linalg ops
  if (auto matvec = dyn_cast<linalg::MatvecOp>(op)) {
    SlotId weights = slots.lookup(matvec.getInputs()[0]);
    SlotId input = slots.lookup(matvec.getInputs()[1]);
    auto type = cast<RankedTensorType>(matvec.getInputs()[0].getType());
    Instr instr{OpCode::MatVec, runtime::kNoSlot, {weights, input}};
    instr.imm0 = type.getDimSize(0);
    instr.imm1 = type.getDimSize(1);
    SlotId product = emit(std::move(instr), type.getDimSize(0),
                          isBatched(weights) || isBatched(input));
    // linalg.matvec accumulates into its init; MLIRGen passes zeros.
    Value init = matvec.getOutputs()[0];
    if (!matchPattern(init, m_AnyZeroFloat()))
      product = emitBinary(OpCode::Add, product, slots.lookup(init),
                           type.getDimSize(0));
    slots[matvec.getResult(0)] = product;
    return success();
  }
  if (auto softmax = dyn_cast<linalg::SoftmaxOp>(op)) {
    slots[softmax.getResult()[0]] =
        emitUnary(OpCode::Softmax, slots.lookup(softmax.getInput()),
                  sizeOf(softmax.getResult()[0].getType()));
    return success();
  }
  if (auto map = dyn_cast<linalg::MapOp>(op))
    return lowerMap(map);

  // Scalar arithmetic.
  SmallVector<SlotId> operands;
  for (Value operand : op->getOperands()) {
    auto it = slots.find(operand);
    if (it == slots.end())
      return unsupported(op);
    operands.push_back(it->second);
  }
  if (op->getNumResults() != 1)
    return unsupported(op);
  SlotId result;
  if (failed(lowerScalarOp(op, operands, sizeOf(op->getResult(0).getType()),
                           result)))
    return failure();
  slots[op->getResult(0)] = result;
  return success();
}

LogicalResult Lowering::lowerScalarOp(Operation *op, ArrayRef<SlotId> in,
                                      uint32_t size, SlotId &result) {
  std::optional<OpCode> unary =
      llvm::TypeSwitch<Operation *, std::optional<OpCode>>(op)
          .Case([](arith::NegFOp) { return OpCode::Neg; })
          .Case([](math::SinOp) { return OpCode::Sin; })
          .Case([](math::CosOp) { return OpCode::Cos; })
          .Case([](math::TanOp) { return OpCode::Tan; })
          .Case([](math::AsinOp) { return OpCode::Asin; })
          .Case([](math::AcosOp) { return OpCode::Acos; })
          .Case([](math::AtanOp) { return OpCode::Atan; })
          .Case([](math::TanhOp) { return OpCode::Tanh; })
          .Case([](math::ExpOp) { return OpCode::Exp; })
          .Case([](math::LogOp) { return OpCode::Log; })
          .Case([](math::SqrtOp) { return OpCode::Sqrt; })
          .Case([](math::ErfOp) { return OpCode::Erf; })
          .Default(std::nullopt);
  if (unary) {
    result = emitUnary(*unary, in[0], size);
    return success();
  }
  std::optional<OpCode> binary =
      llvm::TypeSwitch<Operation *, std::optional<OpCode>>(op)
          .Case([](arith::AddFOp) { return OpCode::Add; })
          .Case([](arith::SubFOp) { return OpCode::Sub; })
          .Case([](arith::MulFOp) { return OpCode::Mul; })
          .Case([](arith::DivFOp) { return OpCode::Div; })
          .Case([](math::PowFOp) { return OpCode::Pow; })
          .Case([](arith::MaximumFOp) { return OpCode::Max; })
          // Bits are 0.0 or 1.0: a AND b = a·b.
          .Case([](arith::AndIOp) { return OpCode::Mul; })
          .Default(std::nullopt);
  if (binary) {
    result = emitBinary(*binary, in[0], in[1], size);
    return success();
  }
  if (isa<arith::XOrIOp>(op)) {
    // a XOR b = (a - b)² for bits.
    SlotId diff = emitBinary(OpCode::Sub, in[0], in[1], size);
    result = emitBinary(OpCode::Mul, diff, diff, size);
    return success();
  }
  return unsupported(op);
}

LogicalResult Lowering::lowerMap(linalg::MapOp map) {
  Block &body = map.getMapper().front();
  uint32_t size = sizeOf(map.getResult()[0].getType());
  llvm::DenseMap<Value, SlotId> saved = slots;
  for (auto [arg, input] : llvm::zip(body.getArguments(), map.getInputs()))
    slots[arg] = slots.lookup(input);
  for (Operation &op : body.without_terminator()) {
    if (auto constant = dyn_cast<arith::ConstantOp>(&op)) {
      if (failed(lowerOp(&op)))
        return failure();
      continue;
    }
    SmallVector<SlotId> operands;
    for (Value operand : op.getOperands())
      operands.push_back(slots.lookup(operand));
    SlotId result;
    if (op.getNumResults() != 1 ||
        failed(lowerScalarOp(&op, operands, size, result)))
      return unsupported(&op);
    slots[op.getResult(0)] = result;
  }
  SlotId result = slots.lookup(body.getTerminator()->getOperand(0));
  // A body that returns a captured scalar or constant still fills the map.
  if (program.slots[result].size != size)
    result = emitBinary(OpCode::Add, emitConstant(std::vector<double>(size)),
                        result, size);
  slots = std::move(saved);
  slots[map.getResult()[0]] = result;
  return success();
}

LogicalResult Lowering::lowerGate(qru::GateOpInterface gate, SlotId cond) {
  Operation *op = gate.getOperation();
  Instr instr{OpCode::Gate};
  if (isa<qru::UnitaryOp>(op)) {
    instr.op = OpCode::Unitary;
  } else if (auto permute = dyn_cast<qru::PermuteOp>(op)) {
    instr.op = OpCode::Permute;
    llvm::append_range(instr.perm, permute.getPerm());
  } else if (std::optional<runtime::GateKind> kind =
                 runtime::gateKindFromName(gate.getGateName().str())) {
    instr.gate = *kind;
  } else {
    return unsupported(op);
  }
  instr.cond = cond;
  for (Value angle : gate.getAngles())
    instr.operands.push_back(slots.lookup(angle));
  for (Value q : gate.getInQubits())
    instr.wires.push_back(wires.lookup(q));
  program.code.push_back(std::move(instr));
  for (auto [in, out] : llvm::zip(gate.getInQubits(), gate.getOutQubits()))
    wires[out] = wires.lookup(in);
  return success();
}

LogicalResult Lowering::lowerIf(scf::IfOp ifOp) {
  SlotId cond = slots.lookup(ifOp.getCondition());
  SlotId notCond = emitBinary(OpCode::Sub, emitConstant(1.0), cond, 1);
  for (auto [region, branchCond] :
       {std::pair{&ifOp.getThenRegion(), cond},
        std::pair{&ifOp.getElseRegion(), notCond}}) {
    if (region->empty())
      continue;
    for (Operation &op : region->front().without_terminator()) {
      if (auto gate = dyn_cast<qru::GateOpInterface>(&op)) {
        if (failed(lowerGate(gate, branchCond)))
          return failure();
      } else if (isa<qru::ExpvalOp, qru::MeasureOp, qru::ResetOp,
                     scf::IfOp>(op)) {
        return op.emitError("the simulator runs only gates and classical "
                            "operations inside a conditional branch");
      } else if (failed(lowerOp(&op))) {
        return failure();
      }
    }
  }
  // Both branches leave every qubit on its wire.
  auto yield = cast<scf::YieldOp>(ifOp.thenBlock()->getTerminator());
  for (auto [yielded, result] : llvm::zip(yield.getOperands(), ifOp.getResults()))
    if (isa<qru::QubitType>(result.getType()))
      wires[result] = wires.lookup(yielded);
  return success();
}

} // namespace

FailureOr<runtime::StepProgram> qruc::lowerToStepProgram(qru::ModelOp model) {
  return Lowering(model).run();
}
