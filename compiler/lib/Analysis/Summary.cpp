//===- Summary.cpp - a model's vital statistics ----------------------------===//
//
// This file computes the model summary. Depth is the longest chain of gates
// through any wire, found by following each qubit value to the wire it
// belongs to; readouts and measurements do not add to it.
//
//===----------------------------------------------------------------------===//

#include "qruc/Analysis/Summary.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace qruc;

namespace {

/// Tracks which wire each qubit value is on and how deep each wire is.
class DepthTracker {
public:
  explicit DepthTracker(int64_t numWires) : depthOf(numWires, 0) {}

  void setWire(Value value, int64_t wire) { wireOf[value] = wire; }

  /// Moves `ins` to `outs` (same order), adding one layer if `isGate`.
  void advance(ValueRange ins, ValueRange outs, bool isGate) {
    int64_t layer = 0;
    for (Value in : ins)
      layer = std::max(layer, depthOf[wire(in)]);
    if (isGate)
      ++layer;
    for (auto [in, out] : llvm::zip(ins, outs)) {
      int64_t w = wire(in);
      if (isGate)
        depthOf[w] = layer;
      wireOf[out] = w;
    }
  }

  int64_t wire(Value value) const { return wireOf.lookup(value); }
  int64_t depth() const {
    return depthOf.empty() ? 0 : *llvm::max_element(depthOf);
  }

private:
  llvm::DenseMap<Value, int64_t> wireOf;
  std::vector<int64_t> depthOf;
};

} // namespace

ModelSummary qruc::summarize(qru::ModelOp model) {
  ModelSummary summary;
  summary.name = model.getSymName().str();
  llvm::StringMap<int64_t> firstWire;
  int64_t wires = 0;
  for (auto reg : model.getBody().front().getOps<qru::QubitsOp>()) {
    summary.registers.emplace_back(reg.getSymName().str(), reg.getSize());
    firstWire[reg.getSymName()] = wires;
    wires += reg.getSize();
  }
  for (auto param : model.getBody().front().getOps<qru::ParamOp>()) {
    summary.parameters.emplace_back(param.getSymName().str(),
                                    param.getNumElements());
    summary.totalParameters += param.getNumElements();
  }
  qru::StepOp step = model.getStep();
  if (!step)
    return summary;
  summary.persistent = step.getPersistent();

  DepthTracker tracker(wires);
  Block &body = step.getBody().front();
  int64_t wire = 0;
  for (BlockArgument arg : body.getArguments())
    if (isa<qru::QubitType>(arg.getType()))
      tracker.setWire(arg, wire++);

  // Post-order visits an scf.if after the ops of its branches, so its
  // results take the wires of the values its branches yield.
  step.getBody().walk<WalkOrder::PostOrder>([&](Operation *op) {
    if (auto alloc = dyn_cast<qru::AllocOp>(op)) {
      tracker.setWire(alloc, firstWire.lookup(alloc.getReg()) +
                                 static_cast<int64_t>(alloc.getIndex()));
    } else if (auto gate = dyn_cast<qru::GateOpInterface>(op)) {
      ++summary.gates[gate.getGateName().str()];
      ++summary.totalGates;
      tracker.advance(gate.getInQubits(), gate.getOutQubits(), true);
    } else if (auto expval = dyn_cast<qru::ExpvalOp>(op)) {
      ++summary.readouts;
      tracker.advance(expval.getQubits(), expval.getOutQubits(), false);
    } else if (auto measure = dyn_cast<qru::MeasureOp>(op)) {
      ++summary.measurements;
      tracker.advance(measure.getQubit(), measure.getOutQubit(), false);
    } else if (auto reset = dyn_cast<qru::ResetOp>(op)) {
      ++summary.resets;
      tracker.advance(reset.getQubit(), reset.getOutQubit(), false);
    } else if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      auto yield = cast<scf::YieldOp>(ifOp.thenBlock()->getTerminator());
      for (auto [yielded, result] :
           llvm::zip(yield.getOperands(), ifOp.getResults()))
        if (isa<qru::QubitType>(result.getType()))
          tracker.setWire(result, tracker.wire(yielded));
    }
  });
  summary.depth = tracker.depth();
  return summary;
}

void qruc::printSummary(const ModelSummary &summary, llvm::raw_ostream &os) {
  os << "model: " << summary.name << "\n";
  int64_t qubits = 0;
  for (const auto &[name, size] : summary.registers)
    qubits += size;
  os << "qubits: " << qubits << "\n";
  for (const auto &[name, size] : summary.registers)
    os << "  " << name << ": " << size << "\n";
  os << "parameters: " << summary.totalParameters << "\n";
  for (const auto &[name, size] : summary.parameters)
    os << "  " << name << ": " << size << "\n";
  os << "step: " << (summary.persistent ? "persistent" : "fresh")
     << " qubits\n";
  os << "  gates: " << summary.totalGates << "\n";
  for (const auto &[name, count] : summary.gates)
    os << "    " << name << ": " << count << "\n";
  os << "  depth: " << summary.depth << "\n";
  os << "  readouts: " << summary.readouts << "\n";
  os << "  measurements: " << summary.measurements << "\n";
  os << "  resets: " << summary.resets << "\n";
}

void qruc::printOptimizationSummary(const ModelSummary &before,
                                    const ModelSummary &after,
                                    llvm::StringRef pipeline,
                                    llvm::raw_ostream &os) {
  auto line = [&](llvm::StringRef indent, llvm::StringRef name, int64_t from,
                  int64_t to) {
    os << indent << name << ": " << from << " -> " << to << "\n";
  };
  os << "optimized (" << pipeline << " pipeline):\n";
  line("  ", "gates", before.totalGates, after.totalGates);
  std::map<std::string, std::pair<int64_t, int64_t>> gates;
  for (const auto &[name, count] : before.gates)
    gates[name].first = count;
  for (const auto &[name, count] : after.gates)
    gates[name].second = count;
  for (const auto &[name, counts] : gates)
    line("    ", name, counts.first, counts.second);
  line("  ", "depth", before.depth, after.depth);
  line("  ", "readouts", before.readouts, after.readouts);
  line("  ", "measurements", before.measurements, after.measurements);
  line("  ", "resets", before.resets, after.resets);
}
