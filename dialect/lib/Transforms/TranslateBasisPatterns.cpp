//===- TranslateBasisPatterns.cpp - gates to an IBM native gate set --------===//
//
// This file implements the pattern behind qru-translate-basis: every gate
// outside the basis is replaced by its decomposition, which GateSequence
// writes in native gates directly, so the rotations between the parts of
// one decomposition are merged and no pattern has to match twice.
//
//===----------------------------------------------------------------------===//

#include "GateSequence.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace qruc::qru;

namespace {

struct TranslateGate : OpInterfaceRewritePattern<GateOpInterface> {
  TranslateGate(MLIRContext *context, GateBasis basis)
      : OpInterfaceRewritePattern(context), basis(basis) {}

  LogicalResult matchAndRewrite(GateOpInterface gate,
                                PatternRewriter &rewriter) const override {
    if (isNativeGate(gate, basis))
      return rewriter.notifyMatchFailure(gate, "already native");
    if (isa<UnitaryOp, PermuteOp>(gate))
      return rewriter.notifyMatchFailure(gate, "no translation (fused gate)");

    SmallVector<Angle> a;
    for (Value angle : gate.getAngles())
      a.push_back(Angle(angle));
    GateSequence seq(rewriter, gate.getLoc(), basis, gate.getInQubits());
    bool known = true;
    llvm::TypeSwitch<Operation *>(gate)
        .Case([&](XOp) { seq.x(0); })
        .Case([&](YOp) { seq.y(0); })
        .Case([&](ZOp) { seq.rz(0, GateSequence::kPi); })
        .Case([&](HOp) { seq.h(0); })
        .Case([&](SOp) { seq.s(0); })
        .Case([&](SdgOp) { seq.sdg(0); })
        .Case([&](TOp) { seq.t(0); })
        .Case([&](TdgOp) { seq.tdg(0); })
        .Case([&](SXOp) { seq.sx(0); })
        .Case([&](RXOp) { seq.rx(0, a[0]); })
        .Case([&](RYOp) { seq.ry(0, a[0]); })
        .Case([&](RZOp) { seq.rz(0, a[0]); })
        .Case([&](POp) { seq.rz(0, a[0]); })
        .Case([&](U2Op) { seq.u2(0, a[0], a[1]); })
        .Case([&](U3Op) { seq.u3(0, a[0], a[1], a[2]); })
        // Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ) = U(θ, ω, φ) up to a phase.
        .Case([&](RotOp) { seq.u3(0, a[1], a[2], a[0]); })
        .Case([&](CXOp) { seq.cx(0, 1); })
        .Case([&](CYOp) { seq.cy(0, 1); })
        .Case([&](CZOp) { seq.cz(0, 1); })
        .Case([&](CHOp) { seq.ch(0, 1); })
        .Case([&](SwapOp) { seq.swap(0, 1); })
        .Case([&](ECROp) { seq.ecr(0, 1); })
        .Case([&](CRXOp) { seq.crx(0, 1, a[0]); })
        .Case([&](CRYOp) { seq.cry(0, 1, a[0]); })
        .Case([&](CRZOp) { seq.crz(0, 1, a[0]); })
        .Case([&](CPOp) { seq.cp(0, 1, a[0]); })
        .Case([&](RXXOp) { seq.rxx(0, 1, a[0]); })
        .Case([&](RYYOp) { seq.ryy(0, 1, a[0]); })
        .Case([&](RZZOp) { seq.rzz(0, 1, a[0]); })
        .Case([&](CCXOp) { seq.ccx(0, 1, 2); })
        .Case([&](CSwapOp) { seq.cswap(0, 1, 2); })
        .Default([&](Operation *) { known = false; });
    // Nothing is written before a case matches, so a gate without a case
    // stays as it is and the pass reports it.
    if (!known)
      return rewriter.notifyMatchFailure(gate, "no decomposition");
    rewriter.replaceOp(gate, seq.finish());
    return success();
  }

  GateBasis basis;
};

} // namespace

void qruc::qru::populateTranslateBasisPatterns(RewritePatternSet &patterns,
                                               GateBasis basis) {
  patterns.add<TranslateGate>(patterns.getContext(), basis);
}
