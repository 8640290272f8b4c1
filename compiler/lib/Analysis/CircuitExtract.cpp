//===- CircuitExtract.cpp - one time step as a circuit diagram -------------===//
//
// This file extracts the circuit of a step: it follows every qubit value to
// its wire (as the summary does for depth), turns each quantum op into an
// element with a mark and label per wire, reads conditions off the enclosing
// scf.if ops, and places each element in the first column where the range of
// wires it spans is free, so vertical connectors never cross another op.
//
//===----------------------------------------------------------------------===//

#include "qruc/Analysis/Circuit.h"

#include "qruc/Analysis/ExpressionText.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qruc;

unsigned CircuitElement::minWire() const {
  return *std::min_element(wires.begin(), wires.end());
}

unsigned CircuitElement::maxWire() const {
  return *std::max_element(wires.begin(), wires.end());
}

unsigned qruc::displayWidth(llvm::StringRef text) {
  // Count the bytes that start a UTF-8 sequence.
  return llvm::count_if(text, [](char c) { return (c & 0xC0) != 0x80; });
}

namespace {

class Extractor {
public:
  Extractor(qru::ModelOp model, qru::StepOp step)
      : model(model), step(step), expressions(step) {}

  Circuit run();

private:
  void addGate(qru::GateOpInterface gate);
  void addElement(Operation *op, CircuitElement element, ValueRange in,
                  ValueRange out);
  std::string conditionOf(Operation *op);

  qru::ModelOp model;
  qru::StepOp step;
  ExpressionPrinter expressions;
  Circuit circuit;
  llvm::DenseMap<Value, unsigned> wireOf;
  llvm::StringMap<unsigned> firstWire;
};

/// The label of a gate with angles: "RX(t)", "U3(a, b, c)".
std::string gateLabel(StringRef name, ArrayRef<std::string> angles) {
  std::string label = name.upper();
  if (angles.empty())
    return label;
  return label + "(" + llvm::join(angles, ", ") + ")";
}

} // namespace

Circuit Extractor::run() {
  circuit.modelName = model.getSymName().str();
  circuit.persistent = step.getPersistent();
  for (auto reg : model.getBody().front().getOps<qru::QubitsOp>()) {
    firstWire[reg.getSymName()] = circuit.wires.size();
    for (uint64_t i = 0; i < reg.getSize(); ++i)
      circuit.wires.push_back((reg.getSymName() + llvm::Twine(i)).str());
  }
  unsigned wire = 0;
  for (BlockArgument arg : step.getBody().getArguments())
    if (isa<qru::QubitType>(arg.getType()))
      wireOf[arg] = wire++;

  // Post-order visits the ops of an scf.if's branches before the scf.if, so
  // the ops come in program order and the scf.if can map its results.
  step.getBody().walk<WalkOrder::PostOrder>([&](Operation *op) {
    using Kind = CircuitElement::Kind;
    llvm::TypeSwitch<Operation *>(op)
        .Case([&](qru::AllocOp alloc) {
          wireOf[alloc] = firstWire.lookup(alloc.getReg()) +
                          static_cast<unsigned>(alloc.getIndex());
        })
        .Case([&](qru::GateOpInterface gate) { addGate(gate); })
        .Case([&](qru::ExpvalOp expval) {
          CircuitElement element;
          element.kind = Kind::Readout;
          for (char pauli : expval.getPauli()) {
            element.marks.push_back(WireMark::Box);
            element.labels.push_back(std::string("<") + pauli + ">");
          }
          std::string to = expressions.destination(expval.getValue());
          if (!to.empty())
            element.labels.front() += "→" + to;
          addElement(op, element, expval.getQubits(), expval.getOutQubits());
        })
        .Case([&](qru::MeasureOp measure) {
          CircuitElement element;
          element.kind = Kind::Measure;
          element.marks = {WireMark::Box};
          std::string to = expressions.destination(measure.getBit());
          element.labels = {to.empty() ? "M" : "M→" + to};
          addElement(op, element, measure.getQubit(), measure.getOutQubit());
        })
        .Case([&](qru::ResetOp reset) {
          CircuitElement element;
          element.kind = Kind::Reset;
          element.marks = {WireMark::Box};
          element.labels = {"|0>"};
          addElement(op, element, reset.getQubit(), reset.getOutQubit());
        })
        .Case([&](scf::IfOp ifOp) {
          auto yield = cast<scf::YieldOp>(ifOp.thenBlock()->getTerminator());
          for (auto [yielded, result] :
               llvm::zip(yield.getOperands(), ifOp.getResults()))
            if (isa<qru::QubitType>(result.getType()))
              wireOf[result] = wireOf.lookup(yielded);
        });
  });

  // Each element takes the first column free over the wires it spans.
  std::vector<unsigned> nextFree(circuit.wires.size(), 0);
  for (CircuitElement &element : circuit.elements) {
    unsigned lo = element.minWire(), hi = element.maxWire();
    unsigned column = 0;
    for (unsigned w = lo; w <= hi; ++w)
      column = std::max(column, nextFree[w]);
    for (unsigned w = lo; w <= hi; ++w)
      nextFree[w] = column + 1;
    element.column = column;
    circuit.numColumns = std::max(circuit.numColumns, column + 1);
  }
  return circuit;
}

void Extractor::addGate(qru::GateOpInterface gate) {
  std::vector<std::string> angles;
  // A fused matrix's entries say nothing readable; a permutation has none.
  if (!isa<qru::UnitaryOp>(gate))
    for (Value angle : gate.getAngles())
      angles.push_back(expressions.print(angle));
  StringRef name = gate.getGateName();
  CircuitElement element;
  using M = WireMark;
  auto controlled = [&](StringRef target) {
    element.marks = {M::Control, M::Box};
    element.labels = {"", gateLabel(target, angles)};
  };
  llvm::TypeSwitch<Operation *>(gate)
      .Case([&](qru::CXOp) { element.marks = {M::Control, M::Target}; })
      .Case([&](qru::CZOp) { element.marks = {M::Control, M::Control}; })
      .Case([&](qru::CCXOp) {
        element.marks = {M::Control, M::Control, M::Target};
      })
      .Case([&](qru::SwapOp) { element.marks = {M::Swap, M::Swap}; })
      .Case([&](qru::CSwapOp) {
        element.marks = {M::Control, M::Swap, M::Swap};
      })
      .Case([&](qru::CYOp) { controlled("y"); })
      .Case([&](qru::CHOp) { controlled("h"); })
      .Case([&](qru::CRXOp) { controlled("rx"); })
      .Case([&](qru::CRYOp) { controlled("ry"); })
      .Case([&](qru::CRZOp) { controlled("rz"); })
      .Case([&](qru::CPOp) { controlled("p"); })
      .Case([&](qru::UnitaryOp) {
        element.marks = {M::Box};
        element.labels = {"U"};
      })
      .Default([&](Operation *) {
        std::string label = gateLabel(name, angles);
        element.marks.assign(gate.getInQubits().size(), M::Box);
        element.labels.assign(gate.getInQubits().size(), label);
      });
  element.labels.resize(element.marks.size());
  addElement(gate, element, gate.getInQubits(), gate.getOutQubits());
}

void Extractor::addElement(Operation *op, CircuitElement element,
                           ValueRange in, ValueRange out) {
  for (auto [input, output] : llvm::zip(in, out)) {
    unsigned wire = wireOf.lookup(input);
    element.wires.push_back(wire);
    wireOf[output] = wire;
  }
  element.condition = conditionOf(op);
  if (!element.condition.empty()) {
    // The condition is written in the op's boxes: controls and targets
    // become boxes where there are none.
    for (auto [mark, label] : llvm::zip(element.marks, element.labels))
      if (mark == WireMark::Target || mark == WireMark::Swap) {
        label = mark == WireMark::Target ? "X" : "SWAP";
        mark = WireMark::Box;
      }
    if (!llvm::is_contained(element.marks, WireMark::Box)) {
      element.marks.back() = WireMark::Box;
      element.labels.back() = "Z";
    }
    for (auto [mark, label] : llvm::zip(element.marks, element.labels))
      if (mark == WireMark::Box)
        label += " if " + element.condition;
  }
  circuit.elements.push_back(std::move(element));
}

std::string Extractor::conditionOf(Operation *op) {
  std::vector<std::string> conditions;
  for (Operation *child = op, *parent = op->getParentOp(); parent != step;
       child = parent, parent = parent->getParentOp()) {
    auto ifOp = dyn_cast<scf::IfOp>(parent);
    if (!ifOp)
      continue;
    std::string condition = expressions.print(ifOp.getCondition());
    if (child->getParentRegion() == &ifOp.getElseRegion())
      condition = condition.find_first_of("&|^ ") == std::string::npos
                      ? "!" + condition
                      : "!(" + condition + ")";
    conditions.insert(conditions.begin(), condition);
  }
  return llvm::join(conditions, " & ");
}

Circuit qruc::extractCircuit(qru::ModelOp model) {
  qru::StepOp step = model.getStep();
  if (!step) {
    Circuit circuit;
    circuit.modelName = model.getSymName().str();
    return circuit;
  }
  return Extractor(model, step).run();
}
