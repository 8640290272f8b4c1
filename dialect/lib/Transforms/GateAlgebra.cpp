//===- GateAlgebra.cpp - what gates do to each other -----------------------===//
//
// This file implements the gate facts of GateAlgebra.h as tables over the op
// classes, and the backward search along a wire that qru-cancel-inverses and
// qru-merge-rotations share.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/GateAlgebra.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace qruc::qru;

PauliAxis qruc::qru::commutingAxis(GateOpInterface gate, unsigned operand) {
  using A = PauliAxis;
  bool first = operand == 0;
  return llvm::TypeSwitch<Operation *, PauliAxis>(gate)
      .Case<ZOp, SOp, SdgOp, TOp, TdgOp, RZOp, POp, CZOp, CPOp, CRZOp, RZZOp>(
          [](auto) { return A::Z; })
      .Case<XOp, RXOp, SXOp, RXXOp>([](auto) { return A::X; })
      .Case<YOp, RYOp, RYYOp>([](auto) { return A::Y; })
      .Case<CXOp, CRXOp>([&](auto) { return first ? A::Z : A::X; })
      .Case<CYOp, CRYOp>([&](auto) { return first ? A::Z : A::Y; })
      .Case<CHOp, CSwapOp>([&](auto) { return first ? A::Z : A::None; })
      .Case<CCXOp>([&](auto) { return operand < 2 ? A::Z : A::X; })
      .Default([](Operation *) { return A::None; });
}

unsigned qruc::qru::operandClass(GateOpInterface gate, unsigned operand) {
  return llvm::TypeSwitch<Operation *, unsigned>(gate)
      .Case<CZOp, SwapOp, CPOp, RXXOp, RYYOp, RZZOp>([](auto) { return 0u; })
      .Case<CCXOp>([&](auto) { return operand < 2 ? 0u : 1u; })
      .Case<CSwapOp>([&](auto) { return operand == 0 ? 0u : 1u; })
      .Default([&](Operation *) { return operand; });
}

InverseKind qruc::qru::inverseKind(GateOpInterface first,
                                   GateOpInterface second) {
  Operation *a = first, *b = second;
  if (a->getName() == b->getName()) {
    if (isa<XOp, YOp, ZOp, HOp, CXOp, CYOp, CZOp, CHOp, SwapOp, ECROp,
            CCXOp, CSwapOp>(a))
      return InverseKind::Always;
    if (isAdditiveRotation(a))
      return InverseKind::OppositeAngles;
    return InverseKind::None;
  }
  if ((isa<SOp>(a) && isa<SdgOp>(b)) || (isa<SdgOp>(a) && isa<SOp>(b)) ||
      (isa<TOp>(a) && isa<TdgOp>(b)) || (isa<TdgOp>(a) && isa<TOp>(b)))
    return InverseKind::Always;
  return InverseKind::None;
}

bool qruc::qru::isAdditiveRotation(Operation *op) {
  return isa<RXOp, RYOp, RZOp, POp, CRXOp, CRYOp, CRZOp, CPOp, RXXOp, RYYOp,
             RZZOp>(op);
}

std::optional<double> qruc::qru::identityPeriod(Operation *op) {
  if (isa<POp, CPOp, RXOp, RYOp, RZOp, RXXOp, RYYOp, RZZOp>(op))
    return 2 * llvm::numbers::pi;
  if (isa<CRXOp, CRYOp, CRZOp>(op))
    return 4 * llvm::numbers::pi;
  return std::nullopt;
}

bool qruc::qru::areOppositeAngles(Value a, Value b) {
  if (auto neg = b.getDefiningOp<arith::NegFOp>(); neg && neg.getOperand() == a)
    return true;
  if (auto neg = a.getDefiningOp<arith::NegFOp>(); neg && neg.getOperand() == b)
    return true;
  APFloat x(0.0), y(0.0);
  if (matchPattern(a, m_ConstantFloat(&x)) &&
      matchPattern(b, m_ConstantFloat(&y)))
    return x.convertToDouble() == -y.convertToDouble();
  return false;
}

SmallVector<WireStep> qruc::qru::gatesBefore(GateOpInterface gate,
                                             unsigned operand,
                                             unsigned lookback) {
  SmallVector<WireStep> steps;
  PauliAxis axis = commutingAxis(gate, operand);
  Value value = gate.getInQubits()[operand];
  while (true) {
    auto previous = value.getDefiningOp<GateOpInterface>();
    if (!previous || previous->getBlock() != gate->getBlock())
      break;
    unsigned result = cast<OpResult>(value).getResultNumber();
    steps.push_back({previous, result});
    // Passing `previous` moves `gate` before it: both must be diagonal in
    // the same basis on this wire, and the wire may not branch (a value used
    // in both branches of an scf.if).
    if (axis == PauliAxis::None ||
        commutingAxis(previous, result) != axis || !value.hasOneUse() ||
        steps.size() > lookback)
      break;
    value = previous.getInQubits()[result];
  }
  return steps;
}

GateOpInterface qruc::qru::findPartnerBefore(
    GateOpInterface gate, unsigned lookback,
    function_ref<bool(GateOpInterface, ArrayRef<unsigned>)> accept,
    SmallVectorImpl<unsigned> &results) {
  unsigned numQubits = gate.getInQubits().size();
  if (numQubits == 0)
    return {};
  SmallVector<SmallVector<WireStep>> wires;
  for (unsigned i = 0; i < numQubits; ++i)
    wires.push_back(gatesBefore(gate, i, lookback));

  for (const WireStep &candidate : wires[0]) {
    GateOpInterface partner = candidate.gate;
    if (partner.getInQubits().size() != numQubits)
      continue;
    results.assign(numQubits, 0);
    bool found = true;
    for (unsigned i = 0; i < numQubits && found; ++i) {
      const WireStep *step =
          llvm::find_if(wires[i], [&](const WireStep &s) {
            return s.gate == partner;
          });
      found = step != wires[i].end() &&
              operandClass(partner, step->result) == operandClass(gate, i);
      if (found)
        results[i] = step->result;
    }
    // Distinct wires reach distinct results, so `results` is a permutation.
    if (found && accept(partner, results))
      return partner;
  }
  results.clear();
  return {};
}
