//===- CancelInversesPatterns.cpp - remove gates that undo each other ------===//
//
// This file implements the pattern behind qru-cancel-inverses. It anchors on
// the second gate of a pair and finds the first with findPartnerBefore, which
// passes commuting gates and respects the roles of the operands.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/GateAlgebra.h"
#include "qruc/Dialect/QRU/Patterns.h"

using namespace mlir;
using namespace qruc::qru;

namespace {

/// Removes `gate` and the gate before it on the same wires when the two
/// multiply to the identity.
struct CancelInversePair : OpInterfaceRewritePattern<GateOpInterface> {
  CancelInversePair(MLIRContext *context, unsigned lookback)
      : OpInterfaceRewritePattern(context), lookback(lookback) {}

  LogicalResult matchAndRewrite(GateOpInterface gate,
                                PatternRewriter &rewriter) const override {
    auto undoes = [&](GateOpInterface first, ArrayRef<unsigned>) {
      switch (inverseKind(first, gate)) {
      case InverseKind::None:
        return false;
      case InverseKind::Always:
        return true;
      case InverseKind::OppositeAngles:
        return areOppositeAngles(first.getAngles()[0], gate.getAngles()[0]);
      }
      return false;
    };
    SmallVector<unsigned> results;
    GateOpInterface first = findPartnerBefore(gate, lookback, undoes, results);
    if (!first)
      return rewriter.notifyMatchFailure(gate, "no inverse before the gate");

    // Each wire continues from the value before `first` to the value after
    // `gate`; the gates between now take the wire from before `first`.
    SmallVector<Value> gateInputs(gate.getInQubits());
    rewriter.replaceOp(gate, gateInputs);
    SmallVector<Value> firstInputs(first.getInQubits());
    rewriter.replaceOp(first, firstInputs);
    return success();
  }

  unsigned lookback;
};

} // namespace

void qruc::qru::populateCancelInversesPatterns(RewritePatternSet &patterns,
                                               unsigned lookback) {
  patterns.add<CancelInversePair>(patterns.getContext(), lookback);
}
