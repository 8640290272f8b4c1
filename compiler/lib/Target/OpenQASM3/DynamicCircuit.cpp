//===- DynamicCircuit.cpp - dynamic-circuit mode: all steps unrolled ------===//
//
// This file writes one OpenQASM 3 program for a whole input sequence. Every
// time step is written out in turn: on a fresh step every qubit is `reset`
// first (on hardware the qubits are reused, not reallocated); measurements
// write the model's bit registers, which keep their names and carry over
// from step to step as in the simulator; an scf.if on bits becomes an `if`.
// The step's inputs become one `input float[64]` per step (x_t0, x_t1, …),
// bound when the job is submitted, like the weights unless --params binds
// them. Outputs read as expectation values after the last step are measured
// in their Pauli basis into the register `readout`, from whose counts the
// host estimates them.
//
//===----------------------------------------------------------------------===//

#include "CircuitWriter.h"
#include "IBMRules.h"

#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace qruc;
using namespace qruc::openqasm3;

namespace {

class DynamicExporter : ModelCircuit {
public:
  using ModelCircuit::ModelCircuit;

  LogicalResult run(raw_ostream &os);

private:
  LogicalResult check(Block &body);
  LogicalResult planReadouts(Block &body);
  LogicalResult writeStep(Block &body, unsigned t, raw_ostream &os);
  LogicalResult writeOps(Block &block, unsigned t, StringRef indent,
                         raw_ostream &os);
  FailureOr<std::string> leaf(Value value, unsigned t, Operation *gate);
  FailureOr<std::string> bitDestination(qru::MeasureOp measure);

  BroadcastCount broadcasts;
  Operation *firstIf = nullptr;

  std::vector<std::string> inputs;     ///< declared in order
  llvm::StringSet<> declaredInputs;
  std::vector<std::string> readoutComments;
  unsigned numReadoutBits = 0;
  unsigned numScratchBits = 0;
};

LogicalResult DynamicExporter::check(Block &body) {
  for (auto memory : model.getBody().front().getOps<qru::MemoryOp>())
    for (BlockArgument arg : body.getArguments())
      if (arg.getArgNumber() < arguments.args.size() &&
          arguments.args[arg.getArgNumber()].name == memory.getSymName() &&
          !arg.use_empty())
        return memory.emitError(
            "a dynamic circuit keeps no real-valued memory between steps; "
            "carry the state in measured bits");
  for (auto output : model.getBody().front().getOps<qru::OutputOp>())
    if (output.getTiming() == qru::Timing::Every)
      return output.emitError(
          "a dynamic circuit reads its outputs after the last step; an "
          "output read at every step would collapse the state mid-run");
  WalkResult result = body.walk([&](scf::IfOp ifOp) {
    if (!firstIf)
      firstIf = ifOp;
    if (failed(checkBranches(ifOp)) || failed(matchCondition(ifOp)))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  if (result.wasInterrupted())
    return failure();
  return checkNoRuntimeArithmetic(model.getStep());
}

LogicalResult DynamicExporter::planReadouts(Block &body) {
  // Each final expectation value is measured qubit by qubit in its basis;
  // a qubit can be measured in one basis only.
  llvm::DenseMap<unsigned, char> basisOf;
  llvm::DenseMap<unsigned, unsigned> bitOf;
  for (auto expval : body.getOps<qru::ExpvalOp>()) {
    for (Value out : expval.getOutQubits())
      for (Operation *user : out.getUsers())
        if (!isa<qru::ExpvalOp, qru::YieldOp>(user))
          return expval.emitError(
              "a dynamic circuit measures its expectation values after the "
              "last step's operations; '")
                 << user->getName() << "' follows this one on its qubits";
    std::string comment = "<" + expval.getPauli().str() + "> on";
    for (auto [letter, q] : llvm::zip(expval.getPauli(), expval.getQubits())) {
      unsigned wire = wires.wire(q);
      auto [it, fresh] = basisOf.insert({wire, letter});
      if (!fresh && it->second != letter)
        return expval.emitError("a dynamic circuit measures each qubit in "
                                "one basis; this readout wants ")
               << letter << " of " << registers.name(wire)
               << ", another one " << it->second;
      if (fresh)
        bitOf[wire] = numReadoutBits++;
      comment += " " + registers.name(wire) + " (readout[" +
                 std::to_string(bitOf[wire]) + "])";
    }
    readoutComments.push_back(comment);
  }
  return success();
}

FailureOr<std::string> DynamicExporter::leaf(Value value, unsigned t,
                                             Operation *gate) {
  if (std::optional<ArgumentElement> element = argumentElement(value)) {
    const StepArguments::Info &info = arguments.args[element->argument];
    std::string name =
        elementName(info.name, element->index, info.shape.empty());
    switch (info.kind) {
    case StepArguments::Kind::Param:
      if (options.params)
        if (std::optional<double> bound =
                boundParameter(value, arguments, *options.params))
          return formatDouble(*bound);
      break;
    case StepArguments::Kind::Input:
      // One value per step; a scalar `x` reads x_t0, x_t1, ...
      name = (info.shape.empty() ? info.name : name) + "_t" +
             std::to_string(t);
      break;
    default:
      return gate->emitError("a dynamic circuit's angles depend on inputs "
                             "and weights only"),
             failure();
    }
    if (declaredInputs.insert(name).second)
      inputs.push_back(name);
    return name;
  }
  if (options.params)
    if (std::optional<double> v = evaluateBound(value, [&](Value leafValue) {
          return boundParameter(leafValue, arguments, *options.params);
        }))
      return formatDouble(*v);
  Operation *op = value.getDefiningOp();
  InFlightDiagnostic diag = gate->emitError(
      "IBM binds a dynamic circuit's angles when the job is submitted, from "
      "OpenQASM input expressions with + - * / only; this angle needs '");
  diag << (op ? op->getName().getStringRef() : StringRef("a block argument"))
       << "'";
  if (!options.params)
    diag << " (binding the weights with --params may make it a constant)";
  return failure();
}

FailureOr<std::string>
DynamicExporter::bitDestination(qru::MeasureOp measure) {
  for (Operation *user : measure.getBit().getUsers())
    if (auto insert = dyn_cast<tensor::InsertOp>(user)) {
      qru::BitsOp reg = bitRegisterOf(insert.getDest());
      APInt index;
      if (reg && matchPattern(insert.getIndices()[0], m_ConstantInt(&index)))
        return identifier(reg.getSymName()) + "[" +
               std::to_string(index.getZExtValue()) + "]";
    }
  return std::string();
}

LogicalResult DynamicExporter::writeOps(Block &block, unsigned t,
                                        StringRef indent, raw_ostream &os) {
  for (Operation &op : block.without_terminator()) {
    if (auto gate = dyn_cast<qru::GateOpInterface>(&op)) {
      auto leafAt = [&](Value v) { return leaf(v, t, &op); };
      if (failed(writeGate(os, gate, leafAt, wires, definitions, indent)))
        return failure();
    } else if (auto measure = dyn_cast<qru::MeasureOp>(&op)) {
      FailureOr<std::string> bit = bitDestination(measure);
      if (failed(bit))
        return failure();
      if (bit->empty())
        *bit = "scratch_[" + std::to_string(numScratchBits++) + "]";
      os << indent << *bit << " = measure " << wires.name(measure.getQubit())
         << ";\n";
    } else if (auto reset = dyn_cast<qru::ResetOp>(&op)) {
      os << indent << "reset " << wires.name(reset.getQubit()) << ";\n";
    } else if (auto expval = dyn_cast<qru::ExpvalOp>(&op)) {
      if (t + 1 != options.steps)
        continue;
      // The last step: rotate into the basis, then measure.
      for (auto [letter, q] :
           llvm::zip(expval.getPauli(), expval.getQubits())) {
        const std::string &name = wires.name(q);
        if (letter == 'X')
          os << indent << "h " << name << ";\n";
        else if (letter == 'Y')
          os << indent << "sdg " << name << ";\n"
             << indent << "h " << name << ";\n";
      }
    } else if (auto ifOp = dyn_cast<scf::IfOp>(&op)) {
      FailureOr<Condition> condition = matchCondition(ifOp);
      if (failed(condition))
        return failure();
      broadcasts.add(*condition);
      std::string reg = identifier(condition->reg);
      std::string test =
          condition->bit ? reg + "[" + std::to_string(*condition->bit) + "]" +
                               (condition->value ? "" : " == false")
                         : reg + " == " + std::to_string(condition->value);
      Region *thenRegion = &ifOp.getThenRegion();
      Region *elseRegion = &ifOp.getElseRegion();
      if (condition->negated)
        std::swap(thenRegion, elseRegion);
      std::string inner = (indent + "  ").str();
      os << indent << "if (" << test << ") {\n";
      if (!thenRegion->empty() &&
          failed(writeOps(thenRegion->front(), t, inner, os)))
        return failure();
      os << indent << "}";
      if (!elseRegion->empty() &&
          !elseRegion->front().without_terminator().empty()) {
        os << " else {\n";
        if (failed(writeOps(elseRegion->front(), t, inner, os)))
          return failure();
        os << indent << "}";
      }
      os << "\n";
    }
  }
  return success();
}

LogicalResult DynamicExporter::writeStep(Block &body, unsigned t,
                                         raw_ostream &os) {
  os << "// step " << t + 1 << "\n";
  if (t > 0 && !model.getStep().getPersistent()) {
    // A fresh step starts from |0…0⟩: reuse the qubits it allocates.
    for (auto alloc : body.getOps<qru::AllocOp>())
      os << "reset " << wires.name(alloc) << ";\n";
  }
  if (failed(writeOps(body, t, "", os)))
    return failure();
  if (t + 1 == options.steps) {
    unsigned bit = 0;
    llvm::DenseMap<unsigned, bool> measured;
    for (auto expval : body.getOps<qru::ExpvalOp>())
      for (Value q : expval.getQubits())
        if (measured.insert({wires.wire(q), true}).second)
          os << "readout[" << bit++ << "] = measure " << wires.name(q)
             << ";\n";
  }
  return success();
}

LogicalResult DynamicExporter::run(raw_ostream &os) {
  if (options.steps == 0)
    return model.emitError("a dynamic circuit needs the number of time "
                           "steps to unroll (--steps)");
  FailureOr<Block *> prepared =
      prepareStep(model, arguments, options.params, wires);
  if (failed(prepared))
    return failure();
  Block &body = **prepared;
  if (failed(check(body)) || failed(planReadouts(body)))
    return failure();

  std::string steps;
  llvm::raw_string_ostream stepsOs(steps);
  for (unsigned t = 0; t < options.steps; ++t)
    if (failed(writeStep(body, t, stepsOs)))
      return failure();
  if (!broadcasts.fits())
    return (firstIf ? firstIf : model.getOperation())->emitError()
           << "IBM rule: the broadcast budget of a job is "
           << kMaxOneBitBroadcasts << " one-bit or " << kMaxWideBroadcasts
           << " wider conditions; " << options.steps << " steps make "
           << broadcasts.oneBit << " one-bit and " << broadcasts.wide
           << " wider ones";

  os << "OPENQASM 3.0;\n";
  os << "include \"stdgates.inc\";\n";
  os << "// qruc dynamic circuit: model '" << model.getSymName() << "', "
     << options.steps << " steps unrolled, " << broadcasts.oneBit
     << " one-bit and " << broadcasts.wide << " wider conditions.\n";
  if (!inputs.empty())
    os << "// Inputs: x_t<k> is input x at step k+1, bound at submission.\n";
  for (const std::string &comment : readoutComments)
    os << "// readout: " << comment << "\n";
  for (const std::string &input : inputs)
    os << "input float[64] " << input << ";\n";
  definitions.write(os);
  registers.declare(os);
  for (auto bits : model.getBody().front().getOps<qru::BitsOp>())
    os << "bit[" << bits.getSize() << "] " << identifier(bits.getSymName())
       << ";\n";
  if (numScratchBits)
    os << "bit[" << numScratchBits << "] scratch_;\n";
  if (numReadoutBits)
    os << "bit[" << numReadoutBits << "] readout;\n";
  os << steps;
  return success();
}

} // namespace

LogicalResult openqasm3::emitDynamicCircuit(qru::ModelOp model,
                                            const ExportOptions &options,
                                            raw_ostream &os) {
  return DynamicExporter(model, options).run(os);
}
