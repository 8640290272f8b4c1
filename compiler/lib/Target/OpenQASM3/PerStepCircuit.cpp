//===- PerStepCircuit.cpp - per-step mode: step circuit and host code -----===//
//
// This file exports a model whose feed-forward carries real-valued readouts.
// The step circuit holds the step's gates; its angles are OpenQASM
// expressions in the importer's arithmetic over `input float[64]` values:
// the step's inputs, the weights (or their bound values) and, for every
// value OpenQASM cannot compute (arcsin of a fed-forward readout, the
// output of a dense layer), a value the host computes. The step's
// expectation values are read either before its gates touch their qubits
// (`pre`, on the state the previous steps left) or after (`post`); the host
// estimates each group in one Estimator job.
//
//===----------------------------------------------------------------------===//

#include "CircuitWriter.h"
#include "HostDriver.h"
#include "PythonClassical.h"
#include "StepSlices.h"

#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace qruc;
using namespace qruc::openqasm3;

namespace {

class PerStepExporter : ModelCircuit {
public:
  using ModelCircuit::ModelCircuit;

  FailureOr<PerStepProgram> run();

private:
  LogicalResult classifyReadouts(Block &body);
  FailureOr<std::string> leaf(Value value, Operation *gate);
  LogicalResult writeCircuit(Block &body);
  LogicalResult writeStepFunction(Block &body);
  std::string pythonArgument(unsigned argument) const {
    return "arg_" + arguments.args[argument].name;
  }


  llvm::DenseMap<Operation *, bool> isPre; ///< expval → read before gates
  std::vector<Observable> pre, post;
  /// Values computed from readouts after the gates (post readouts onward).
  llvm::SetVector<Operation *> afterPost;

  /// Declared inputs in order, each with the Python expression binding it.
  std::vector<std::pair<std::string, std::string>> inputs;
  llvm::StringMap<std::string> inputComment;
  llvm::DenseMap<Value, std::string> hostValues;
  std::string gates;
  std::string stepFunction;
  PythonWriter python;
};

LogicalResult PerStepExporter::classifyReadouts(Block &body) {
  // A readout is `pre` when nothing but readouts lies between its qubits
  // and the start of the step, `post` when no gate follows it on them.
  auto fromStart = [](Value q) {
    while (auto expval = q.getDefiningOp<qru::ExpvalOp>())
      q = expval.getQubits()[llvm::find(expval.getOutQubits(), q) -
                             expval.getOutQubits().begin()];
    return !q.getDefiningOp() || isa<qru::AllocOp>(q.getDefiningOp());
  };
  std::function<bool(Value)> gateFollows = [&](Value q) {
    for (Operation *user : q.getUsers()) {
      if (auto expval = dyn_cast<qru::ExpvalOp>(user)) {
        for (auto [in, out] :
             llvm::zip(expval.getQubits(), expval.getOutQubits()))
          if (in == q && gateFollows(out))
            return true;
        continue;
      }
      if (!isa<qru::YieldOp>(user))
        return true;
    }
    return false;
  };
  for (auto expval : body.getOps<qru::ExpvalOp>()) {
    bool atStart = llvm::all_of(expval.getQubits(), fromStart);
    bool atEnd = !llvm::any_of(expval.getOutQubits(), gateFollows);
    if (!atStart && !atEnd)
      return expval.emitError(
          "per-step mode estimates expectation values before or after the "
          "step's gates on their qubits, not between them");
    // A readout no gate of the step touches reads the same state before
    // and after the gates; `post` keeps the job count down.
    isPre[expval] = atStart && !atEnd;
    Observable observable{expval.getPauli().str(), {}};
    for (Value q : expval.getQubits())
      observable.qubits.push_back(registers.circuitIndex(wires.wire(q)));
    (isPre[expval] ? pre : post).push_back(std::move(observable));
  }
  for (auto expval : body.getOps<qru::ExpvalOp>())
    if (!isPre[expval]) {
      SetVector<Operation *> slice =
          forwardSliceInBlock(expval.getValue(), body);
      afterPost.insert(slice.begin(), slice.end());
    }
  return success();
}

FailureOr<std::string> PerStepExporter::leaf(Value value, Operation *gate) {
  if (std::optional<ArgumentElement> element = argumentElement(value)) {
    const StepArguments::Info &info = arguments.args[element->argument];
    if (info.kind == StepArguments::Kind::Param && options.params) {
      if (std::optional<double> bound =
              boundParameter(value, arguments, *options.params))
        return formatDouble(*bound);
    }
    std::string name =
        elementName(info.name, element->index, info.shape.empty());
    if (!inputComment.count(name)) {
      std::string python = pythonArgument(element->argument);
      if (!element->index.empty()) {
        python += "[";
        for (int64_t i : element->index)
          python += std::to_string(i) + ", ";
        python.resize(python.size() - 2);
        python += "]";
      }
      inputs.push_back({name, "float(" + python + ")"});
      inputComment[name] = "";
    }
    return name;
  }
  // A bound-parameter expression OpenQASM cannot write (sin of a weight)
  // is a number once the weights are known.
  if (options.params) {
    if (std::optional<double> v = evaluateBound(value, [&](Value leafValue) {
          return boundParameter(leafValue, arguments, *options.params);
        }))
      return formatDouble(*v);
  }
  if (Operation *op = value.getDefiningOp(); op && afterPost.contains(op))
    return gate->emitError("this gate's angle depends on an expectation "
                           "value read after the gate"),
           failure();
  auto [it, inserted] = hostValues.insert(
      {value, "ff_" + std::to_string(hostValues.size())});
  if (inserted) {
    inputs.push_back({it->second, "float(" + python.name(value) + ")"});
    // Say what the host computes: the op, and the argument it reads.
    std::string what = "computed by the host driver";
    if (Operation *op = value.getDefiningOp()) {
      what += ": " + op->getName().getStringRef().str();
      if (op->getNumOperands() == 1)
        if (std::optional<ArgumentElement> element =
                argumentElement(op->getOperand(0))) {
          const StepArguments::Info &info = arguments.args[element->argument];
          what += " of " + info.name;
          for (int64_t i : element->index)
            what += "[" + std::to_string(i) + "]";
        }
    }
    inputComment[it->second] = what;
  }
  return it->second;
}

LogicalResult PerStepExporter::writeCircuit(Block &body) {
  llvm::raw_string_ostream os(gates);
  for (Operation &op : body.without_terminator()) {
    if (isa<qru::MeasureOp, qru::ResetOp, scf::IfOp>(op))
      return op.emitError("per-step mode has no measured bits; this model "
                          "compiles to a dynamic circuit");
    if (auto gate = dyn_cast<qru::GateOpInterface>(&op)) {
      auto leafAt = [&](Value v) { return leaf(v, &op); };
      if (failed(writeGate(os, gate, leafAt, wires, definitions)))
        return failure();
    }
  }
  return success();
}

LogicalResult PerStepExporter::writeStepFunction(Block &body) {
  llvm::raw_string_ostream os(stepFunction);
  std::vector<std::string> params;
  for (auto [i, info] : llvm::enumerate(arguments.args)) {
    if (info.kind == StepArguments::Kind::Qubit ||
        info.kind == StepArguments::Kind::Bits)
      continue;
    python.bind(body.getArgument(i), pythonArgument(i));
    params.push_back(pythonArgument(i));
  }
  os << "def step(estimate, " << llvm::join(params, ", ") << "):\n";
  os << "    \"\"\"One time step: the step's classical ops in order, the "
        "readouts from `estimate`.\"\"\"\n";
  if (!pre.empty())
    os << "    pre = estimate(\"pre\", None)\n";
  // Only what the host needs: the values it binds and what the step
  // yields; the circuit computes its own angles.
  auto yield = cast<qru::YieldOp>(body.getTerminator());
  SmallVector<Value> roots;
  for (auto &[value, name] : hostValues)
    roots.push_back(value);
  for (Value value : yield.getValues())
    if (!isa<qru::QubitType>(value.getType()))
      roots.push_back(value);
  // A readout's qubits lead to gates, whose angles the circuit computes.
  SetVector<Operation *> needed =
      backwardSliceInBlock(roots, body, [](Operation *op) {
        return isa<qru::GateOpInterface, qru::AllocOp>(op);
      });
  unsigned preIndex = 0, postIndex = 0;
  std::string after;
  llvm::raw_string_ostream afterOs(after);
  for (Operation &op : body.without_terminator()) {
    if (isa<qru::AllocOp, qru::GateOpInterface>(op))
      continue;
    if (auto expval = dyn_cast<qru::ExpvalOp>(op)) {
      // Every readout is estimated, so the indices count them all.
      if (!needed.contains(expval)) {
        ++(isPre[expval] ? preIndex : postIndex);
        continue;
      }
      if (isPre[expval])
        os << "    " << python.name(expval.getValue()) << " = float(pre["
           << preIndex++ << "])\n";
      else
        afterOs << "    " << python.name(expval.getValue())
                << " = float(post[" << postIndex++ << "])\n";
      continue;
    }
    if (!needed.contains(&op))
      continue;
    if (failed(python.write(&op, afterPost.contains(&op) ? afterOs : os,
                            "    ")))
      return failure();
  }
  os << "    bindings = {\n";
  for (auto &[name, expr] : inputs)
    os << "        \"" << name << "\": " << expr << ",\n";
  os << "    }\n";
  os << "    post = estimate(\"post\", bindings)\n" << after;
  // The yield: memories, then outputs (no bits or qubits in this mode).
  unsigned numMemories = 0, numOutputs = 0;
  for (auto &info : arguments.args)
    numMemories += info.kind == StepArguments::Kind::Memory;
  for (auto output : model.getBody().front().getOps<qru::OutputOp>())
    (void)output, ++numOutputs;
  std::vector<std::string> memories, outputs;
  for (auto [i, value] : llvm::enumerate(yield.getValues())) {
    if (i < numMemories)
      memories.push_back(python.name(value));
    else if (i < numMemories + numOutputs)
      outputs.push_back(python.name(value));
  }
  os << "    return [" << llvm::join(memories, ", ") << "], ["
     << llvm::join(outputs, ", ") << "]\n";
  return success();
}

FailureOr<PerStepProgram> PerStepExporter::run() {
  FailureOr<Block *> prepared =
      prepareStep(model, arguments, options.params, wires);
  if (failed(prepared))
    return failure();
  Block &body = **prepared;
  qru::StepOp step = model.getStep();
  if (failed(classifyReadouts(body)) || failed(writeCircuit(body)) ||
      failed(writeStepFunction(body)))
    return failure();

  PerStepProgram program;
  llvm::raw_string_ostream qasm(program.stepCircuit);
  qasm << "OPENQASM 3.0;\n";
  qasm << "include \"stdgates.inc\";\n";
  qasm << "// qruc per-step circuit: one time step of model '"
       << model.getSymName() << "'" << (step.getPersistent()
                                            ? ", composed after the steps "
                                              "before it (persistent)"
                                            : "")
       << ".\n";
  qasm << "// The host driver binds the inputs each step and estimates "
       << post.size() << " observable" << (post.size() == 1 ? "" : "s")
       << " after the gates";
  if (!pre.empty())
    qasm << " and " << pre.size() << " before them";
  qasm << ".\n";
  for (auto &[name, expr] : inputs) {
    qasm << "input float[64] " << name << ";";
    if (!inputComment.lookup(name).empty())
      qasm << "  // " << inputComment.lookup(name);
    qasm << "\n";
  }
  definitions.write(qasm);
  registers.declare(qasm);
  qasm << gates;

  HostDriverParts parts;
  parts.stepCircuit = program.stepCircuit;
  parts.stepCircuitName = options.stepCircuitName;
  parts.stepFunction = stepFunction;
  parts.pre = pre;
  parts.post = post;
  parts.numQubits = registers.numCircuitQubits();
  parts.persistent = step.getPersistent();
  parts.paramsBound = options.params.has_value();
  if (options.params)
    parts.boundParams = *options.params;
  parts.scaleFactor = options.scaleFactor;
  parts.scaleOffset = options.scaleOffset;
  program.hostDriver = writeHostDriver(model, parts);
  return program;
}

} // namespace

FailureOr<PerStepProgram> openqasm3::emitPerStep(qru::ModelOp model,
                                                 const ExportOptions &options) {
  return PerStepExporter(model, options).run();
}
