//===- CircuitWriter.cpp - pieces shared by both export modes -------------===//

#include "CircuitWriter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace qruc;
using namespace qruc::openqasm3;

std::string openqasm3::formatDouble(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  std::string text = buffer;
  if (text.find_first_of(".eni") == std::string::npos)
    text += ".0";
  return text;
}

std::string openqasm3::identifier(StringRef name) {
  // Keywords of OpenQASM 3 and the gates of stdgates.inc and of the
  // definitions below: a register or input may not take these names.
  static const llvm::StringSet<> reserved = {
      "OPENQASM", "include", "qubit", "qreg", "creg", "bit", "int", "uint",
      "float", "angle", "bool", "complex", "duration", "stretch", "input",
      "output", "const", "let", "gate", "def", "if", "else", "for", "while",
      "in", "return", "measure", "reset", "barrier", "delay", "box", "pi",
      "tau", "euler", "end", "break", "continue", "ctrl", "negctrl", "inv",
      "pow", "true", "false", "extern", "cal", "defcal", "defcalgrammar",
      "array", "void", "mutable", "readonly", "sizeof", "durationof",
      "gphase", "U", "p", "phase", "cphase", "x", "y", "z", "h", "s", "sdg",
      "t", "tdg", "sx", "rx", "ry", "rz", "cx", "CX", "cy", "cz", "cp", "crx",
      "cry", "crz", "ch", "swap", "ccx", "cswap", "cu", "u1", "u2", "u3",
      "id", "rot", "rxx", "ryy", "rzz", "ecr"};
  std::string id = name.str();
  if (reserved.contains(name))
    id += "_";
  return id;
}

//===----------------------------------------------------------------------===//
// Qubits
//===----------------------------------------------------------------------===//

QubitRegisters::QubitRegisters(qru::ModelOp model) : model(model) {
  if (auto attr = model->getAttrOfType<DenseI64ArrayAttr>("qru.layout"))
    layout.assign(attr.asArrayRef().begin(), attr.asArrayRef().end());
  for (auto reg : model.getBody().front().getOps<qru::QubitsOp>()) {
    offsets[reg.getSymName()] = static_cast<unsigned>(names.size());
    for (uint64_t i = 0; i < reg.getSize(); ++i) {
      unsigned wire = static_cast<unsigned>(names.size());
      if (wire < layout.size())
        names.push_back("$" + std::to_string(layout[wire]));
      else
        names.push_back(identifier(reg.getSymName()) + "[" +
                        std::to_string(i) + "]");
    }
  }
  if (layout.size() != names.size())
    layout.clear();
}

unsigned QubitRegisters::numCircuitQubits() const {
  if (layout.empty())
    return numWires();
  int64_t highest = -1;
  for (int64_t q : layout)
    highest = std::max(highest, q);
  return static_cast<unsigned>(highest + 1);
}

void QubitRegisters::declare(raw_ostream &os) const {
  if (isPhysical())
    return;
  for (auto reg : model.getBody().front().getOps<qru::QubitsOp>())
    os << "qubit[" << reg.getSize() << "] " << identifier(reg.getSymName())
       << ";\n";
}

void WireTracker::track(Operation *op) {
  if (auto alloc = dyn_cast<qru::AllocOp>(op)) {
    wires[alloc] = registers.firstWire(alloc.getReg()) +
                   static_cast<unsigned>(alloc.getIndex());
    return;
  }
  if (auto gate = dyn_cast<qru::GateOpInterface>(op)) {
    for (auto [in, out] : llvm::zip(gate.getInQubits(), gate.getOutQubits()))
      wires[out] = wires.lookup(in);
    return;
  }
  if (auto expval = dyn_cast<qru::ExpvalOp>(op)) {
    for (auto [in, out] :
         llvm::zip(expval.getQubits(), expval.getOutQubits()))
      wires[out] = wires.lookup(in);
    return;
  }
  if (auto measure = dyn_cast<qru::MeasureOp>(op)) {
    wires[measure.getOutQubit()] = wires.lookup(measure.getQubit());
    return;
  }
  if (auto reset = dyn_cast<qru::ResetOp>(op)) {
    wires[reset.getOutQubit()] = wires.lookup(reset.getQubit());
    return;
  }
  if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
    auto yield = ifOp.thenYield();
    for (auto [result, yielded] :
         llvm::zip(ifOp.getResults(), yield.getOperands()))
      if (isa<qru::QubitType>(result.getType()))
        wires[result] = wires.lookup(yielded);
  }
}

//===----------------------------------------------------------------------===//
// Classical values
//===----------------------------------------------------------------------===//

std::string openqasm3::elementName(StringRef name, ArrayRef<int64_t> index,
                                   bool scalar) {
  if (scalar)
    return identifier(name);
  std::string text = name.str();
  for (int64_t i : index)
    text += "_" + std::to_string(i);
  return text;
}

std::optional<ArgumentElement> openqasm3::argumentElement(Value value) {
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    if (!isa<qru::StepOp>(arg.getOwner()->getParentOp()) ||
        isa<ShapedType>(arg.getType()))
      return std::nullopt;
    return ArgumentElement{arg.getArgNumber(), {}};
  }
  auto extract = value.getDefiningOp<tensor::ExtractOp>();
  if (!extract)
    return std::nullopt;
  auto arg = dyn_cast<BlockArgument>(extract.getTensor());
  if (!arg || !isa<qru::StepOp>(arg.getOwner()->getParentOp()))
    return std::nullopt;
  ArgumentElement element{arg.getArgNumber(), {}};
  for (Value index : extract.getIndices()) {
    APInt i;
    if (!matchPattern(index, m_ConstantInt(&i)))
      return std::nullopt;
    element.index.push_back(i.getSExtValue());
  }
  return element;
}

FailureOr<Block *>
openqasm3::prepareStep(qru::ModelOp model, const StepArguments &arguments,
                       const std::optional<std::vector<double>> &params,
                       WireTracker &wires) {
  qru::StepOp step = model.getStep();
  if (!step)
    return model.emitError("the model has no step"), failure();
  if (params && static_cast<int64_t>(params->size()) !=
                    arguments.numParamValues)
    return model.emitError("the parameters hold ")
               << params->size() << " values; the model has "
               << arguments.numParamValues,
           failure();
  Block &body = step.getBody().front();
  unsigned wire = 0;
  for (BlockArgument arg : body.getArguments())
    if (isa<qru::QubitType>(arg.getType()))
      wires.setWire(arg, wire++);
  body.walk([&](Operation *op) { wires.track(op); });
  return &body;
}

StepArguments::StepArguments(qru::ModelOp model) {
  Block &decls = model.getBody().front();
  auto shapeOf = [](Type type) {
    llvm::SmallVector<int64_t> shape;
    if (auto tensor = dyn_cast<RankedTensorType>(type))
      shape.assign(tensor.getShape().begin(), tensor.getShape().end());
    return shape;
  };
  for (auto input : decls.getOps<qru::InputOp>())
    args.push_back({Kind::Input, input.getSymName().str(),
                    shapeOf(input.getType())});
  for (auto memory : decls.getOps<qru::MemoryOp>())
    args.push_back({Kind::Memory, memory.getSymName().str(),
                    shapeOf(memory.getType())});
  for (auto bits : decls.getOps<qru::BitsOp>())
    args.push_back({Kind::Bits, bits.getSymName().str(), {bits.getSize()}});
  for (auto param : decls.getOps<qru::ParamOp>()) {
    Info info{Kind::Param, param.getSymName().str(), shapeOf(param.getType())};
    info.paramOffset = numParamValues;
    int64_t size = 1;
    for (int64_t d : info.shape)
      size *= d;
    numParamValues += size;
    args.push_back(std::move(info));
  }
  if (qru::StepOp step = model.getStep(); step && step.getPersistent())
    for (int64_t i = 0, e = model.getNumWires(); i < e; ++i)
      args.push_back({Kind::Qubit, "", {}});
}

std::optional<double>
openqasm3::boundParameter(Value value, const StepArguments &arguments,
                          ArrayRef<double> params) {
  std::optional<ArgumentElement> element = argumentElement(value);
  if (!element || element->argument >= arguments.args.size())
    return std::nullopt;
  const StepArguments::Info &info = arguments.args[element->argument];
  if (info.kind != StepArguments::Kind::Param)
    return std::nullopt;
  int64_t flat = 0;
  for (auto [dim, i] : llvm::zip(info.shape, element->index))
    flat = flat * dim + i;
  int64_t at = info.paramOffset + flat;
  if (at < 0 || at >= static_cast<int64_t>(params.size()))
    return std::nullopt;
  return params[at];
}

FailureOr<std::string> AngleWriter::write(Value angle) {
  Operation *op = angle.getDefiningOp();
  FloatAttr constant;
  if (matchPattern(angle, m_Constant(&constant)))
    return formatDouble(constant.getValueAsDouble());
  auto binary = [&](StringRef symbol) -> FailureOr<std::string> {
    FailureOr<std::string> lhs = write(op->getOperand(0));
    FailureOr<std::string> rhs = write(op->getOperand(1));
    if (failed(lhs) || failed(rhs))
      return failure();
    return "(" + *lhs + " " + symbol.str() + " " + *rhs + ")";
  };
  if (isa_and_nonnull<arith::AddFOp>(op))
    return binary("+");
  if (isa_and_nonnull<arith::SubFOp>(op))
    return binary("-");
  if (isa_and_nonnull<arith::MulFOp>(op))
    return binary("*");
  if (isa_and_nonnull<arith::DivFOp>(op))
    return binary("/");
  if (auto neg = dyn_cast_or_null<arith::NegFOp>(op)) {
    FailureOr<std::string> operand = write(neg.getOperand());
    if (failed(operand))
      return failure();
    return "-" + *operand;
  }
  return leaf(angle);
}

std::optional<double> openqasm3::evaluateBound(
    Value value, const std::function<std::optional<double>(Value)> &params) {
  FloatAttr constant;
  if (matchPattern(value, m_Constant(&constant)))
    return constant.getValueAsDouble();
  if (std::optional<double> param = params(value))
    return param;
  Operation *op = value.getDefiningOp();
  if (!op || op->getNumResults() != 1 || op->getNumRegions() != 0)
    return std::nullopt;
  SmallVector<double, 2> x;
  for (Value operand : op->getOperands()) {
    std::optional<double> v = evaluateBound(operand, params);
    if (!v)
      return std::nullopt;
    x.push_back(*v);
  }
  using Result = std::optional<double>;
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](arith::AddFOp) { return x[0] + x[1]; })
      .Case([&](arith::SubFOp) { return x[0] - x[1]; })
      .Case([&](arith::MulFOp) { return x[0] * x[1]; })
      .Case([&](arith::DivFOp) { return x[0] / x[1]; })
      .Case([&](arith::NegFOp) { return -x[0]; })
      .Case([&](arith::MaximumFOp) { return std::max(x[0], x[1]); })
      .Case([&](math::SinOp) { return std::sin(x[0]); })
      .Case([&](math::CosOp) { return std::cos(x[0]); })
      .Case([&](math::TanOp) { return std::tan(x[0]); })
      .Case([&](math::AsinOp) { return std::asin(x[0]); })
      .Case([&](math::AcosOp) { return std::acos(x[0]); })
      .Case([&](math::AtanOp) { return std::atan(x[0]); })
      .Case([&](math::TanhOp) { return std::tanh(x[0]); })
      .Case([&](math::ExpOp) { return std::exp(x[0]); })
      .Case([&](math::LogOp) { return std::log(x[0]); })
      .Case([&](math::SqrtOp) { return std::sqrt(x[0]); })
      .Case([&](math::ErfOp) { return std::erf(x[0]); })
      .Case([&](math::PowFOp) { return std::pow(x[0], x[1]); })
      .Default([](Operation *) { return Result(); });
}

//===----------------------------------------------------------------------===//
// Gates
//===----------------------------------------------------------------------===//

LogicalResult GateDefinitions::use(qru::GateOpInterface gate) {
  if (isa<qru::UnitaryOp, qru::PermuteOp>(gate.getOperation()))
    return gate->emitError("'")
           << gate->getName()
           << "' is the simulator's fused form; OpenQASM needs the ibm "
              "pipeline, which keeps standard gates";
  StringRef name = gate.getGateName();
  if (llvm::is_contained({"rot", "rxx", "ryy", "rzz", "ecr"}, name))
    used.insert(name);
  return success();
}

void GateDefinitions::write(raw_ostream &os) const {
  // Conventions as the qru ops (docs/dialect.md): rot(φ, θ, ω) is
  // PennyLane's RZ(ω)·RY(θ)·RZ(φ); rxx, ryy, rzz are exp(-i θ/2 P⊗P).
  // Qiskit's importer binds a gate's parameters in the alphabetical order
  // of their names, so rot's are named in their positional order.
  if (used.contains("rot"))
    os << "gate rot(a0, a1, a2) q { rz(a0) q; ry(a1) q; rz(a2) q; }\n";
  if (used.contains("rzz"))
    os << "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }\n";
  if (used.contains("rxx"))
    os << "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; "
          "h a; h b; }\n";
  if (used.contains("ryy"))
    os << "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; "
          "rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }\n";
  if (used.contains("ecr"))
    os << "gate ecr a, b { rz(pi/2) a; sx b; cx a, b; x a; }\n";
}

LogicalResult openqasm3::writeGate(raw_ostream &os, qru::GateOpInterface gate,
                                   const AngleWriter::LeafFn &leaf,
                                   const WireTracker &wires,
                                   GateDefinitions &definitions,
                                   StringRef indent) {
  if (failed(definitions.use(gate)))
    return failure();
  AngleWriter writer(leaf);
  std::vector<std::string> angles;
  for (Value angle : gate.getAngles()) {
    FailureOr<std::string> text = writer.write(angle);
    if (failed(text))
      return failure();
    angles.push_back(*text);
  }
  os << indent << gate.getGateName();
  if (!angles.empty())
    os << "(" << llvm::join(angles, ", ") << ")";
  os << " ";
  llvm::interleave(
      gate.getInQubits(), os, [&](Value q) { os << wires.name(q); }, ", ");
  os << ";\n";
  return success();
}
