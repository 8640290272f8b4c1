//===- ExportMode.cpp - which mode a model runs in on IBM hardware --------===//
//
// What the feed-forward between time steps carries decides the mode: real
// expectation values need many shots per step, so each step is its own
// Estimator job (per-step); measured bits stay on the device, so the whole
// sequence is one dynamic circuit. A model with neither is one circuit too.
//
//===----------------------------------------------------------------------===//

#include "StepSlices.h"

#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace qruc;
using namespace qruc::openqasm3;

StringRef openqasm3::modeName(Mode mode) {
  return mode == Mode::Dynamic ? "dynamic-circuit" : "per-step";
}

namespace {

/// "file.qru:12:3" for a located op, else "".
std::string where(Operation *op) {
  if (auto loc = dyn_cast<FileLineColLoc>(op->getLoc()))
    return " (" + loc.getFilename().str() + ":" +
           std::to_string(loc.getLine()) + ":" +
           std::to_string(loc.getColumn()) + ")";
  return "";
}

} // namespace

FailureOr<ModeChoice> openqasm3::chooseMode(qru::ModelOp model) {
  qru::StepOp step = model.getStep();
  if (!step)
    return model.emitError("the model has no step"), failure();
  Block &body = step.getBody().front();
  auto yield = cast<qru::YieldOp>(body.getTerminator());

  // Which yield operands are memories.
  unsigned numMemories = 0;
  for (auto memory : model.getBody().front().getOps<qru::MemoryOp>())
    (void)memory, ++numMemories;
  llvm::SmallVector<StringRef> memoryNames;
  for (auto memory : model.getBody().front().getOps<qru::MemoryOp>())
    memoryNames.push_back(memory.getSymName());

  // A readout is fed forward when it reaches a memory or a gate's angle.
  Operation *fedForward = nullptr;
  std::string carrier;
  body.walk([&](qru::ExpvalOp expval) {
    SetVector<Operation *> slice = forwardSliceInBlock(expval.getValue(), body);
    slice.insert(expval);
    for (Operation *op : slice) {
      // Follow classical values only: the qubits a readout returns are
      // not fed forward.
      for (OpOperand &use : op->getUses()) {
        if (isa<qru::QubitType>(use.get().getType()))
          continue;
        Operation *user = use.getOwner();
        if (user == yield && use.getOperandNumber() < numMemories) {
          carrier = "memory '" +
                    memoryNames[use.getOperandNumber()].str() +
                    "' carries expectation values to the next step";
        } else if (isa<qru::GateOpInterface>(user)) {
          carrier = "expectation values set the angles of later gates";
        } else {
          continue;
        }
        fedForward = expval;
        return WalkResult::interrupt();
      }
    }
    return WalkResult::advance();
  });

  Operation *measured = nullptr;
  body.walk([&](Operation *op) {
    if (isa<qru::MeasureOp, qru::ResetOp, scf::IfOp>(op)) {
      measured = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });

  if (fedForward && measured) {
    InFlightDiagnostic diag = measured->emitError(
        "no IBM program can run this model: it measures, resets or branches "
        "on bits mid-circuit, which needs one dynamic circuit, and ");
    diag << carrier << ", which needs one Estimator job per step";
    diag.attachNote(fedForward->getLoc()) << "the readout fed forward";
    return failure();
  }
  if (fedForward)
    return ModeChoice{Mode::PerStep,
                      carrier + where(fedForward) +
                          "; each step needs many shots to estimate them, so "
                          "each step is one Estimator job"};
  if (measured)
    return ModeChoice{Mode::Dynamic,
                      "the feed-forward uses measured bits" +
                          where(measured) +
                          ", which stay on the device: all steps unrolled "
                          "into one circuit"};
  return ModeChoice{Mode::Dynamic,
                    std::string("nothing classical is fed forward between "
                                "steps: all steps unrolled into one circuit")};
}
