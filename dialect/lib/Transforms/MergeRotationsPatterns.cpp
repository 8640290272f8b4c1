//===- MergeRotationsPatterns.cpp - add the angles of rotations ------------===//
//
// This file implements the patterns behind qru-merge-rotations: one merges a
// rotation into the same rotation after it on the same wires, the other drops
// a rotation by a constant multiple of its period (see identityPeriod for the
// global-phase convention).
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/GateAlgebra.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

#include <cmath>

using namespace mlir;
using namespace qruc::qru;

namespace {

/// How close to a multiple of the period an angle must be to be dropped.
constexpr double kZeroAngleTolerance = 1e-12;

/// Replaces `first` ... `gate`, the same rotation on the same wires in the
/// same roles, with `gate` rotating by the sum of the angles. `first` moves
/// forward to `gate`, which is sound because `first` acts like `gate` on
/// every wire, so it commutes with the gates between them as `gate` does.
struct MergeRotationPair : OpInterfaceRewritePattern<GateOpInterface> {
  MergeRotationPair(MLIRContext *context, unsigned lookback)
      : OpInterfaceRewritePattern(context), lookback(lookback) {}

  LogicalResult matchAndRewrite(GateOpInterface gate,
                                PatternRewriter &rewriter) const override {
    if (!isAdditiveRotation(gate))
      return rewriter.notifyMatchFailure(gate, "not an additive rotation");
    auto sameRotation = [&](GateOpInterface first, ArrayRef<unsigned>) {
      return first->getName() == gate->getName();
    };
    SmallVector<unsigned> results;
    GateOpInterface first =
        findPartnerBefore(gate, lookback, sameRotation, results);
    if (!first)
      return rewriter.notifyMatchFailure(gate, "no rotation to merge with");

    rewriter.setInsertionPoint(gate);
    Value sum = rewriter.createOrFold<arith::AddFOp>(
        gate.getLoc(), first.getAngles()[0], gate.getAngles()[0]);
    rewriter.modifyOpInPlace(gate, [&] {
      gate->setOperand(gate.getAngles().getBeginOperandIndex(), sum);
    });
    SmallVector<Value> firstInputs(first.getInQubits());
    rewriter.replaceOp(first, firstInputs);
    return success();
  }

  unsigned lookback;
};

/// Removes a rotation whose angle is a constant multiple of its period.
struct DropIdentityRotation : OpInterfaceRewritePattern<GateOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(GateOpInterface gate,
                                PatternRewriter &rewriter) const override {
    std::optional<double> period = identityPeriod(gate);
    APFloat angle(0.0);
    if (!period || !matchPattern(gate.getAngles()[0], m_ConstantFloat(&angle)))
      return rewriter.notifyMatchFailure(gate, "no constant periodic angle");
    double turns = angle.convertToDouble() / *period;
    if (!std::isfinite(turns) ||
        std::abs(turns - std::round(turns)) * *period > kZeroAngleTolerance)
      return rewriter.notifyMatchFailure(gate, "not a multiple of the period");
    SmallVector<Value> inputs(gate.getInQubits());
    rewriter.replaceOp(gate, inputs);
    return success();
  }
};

} // namespace

void qruc::qru::populateMergeRotationsPatterns(RewritePatternSet &patterns,
                                               unsigned lookback) {
  patterns.add<MergeRotationPair>(patterns.getContext(), lookback);
  patterns.add<DropIdentityRotation>(patterns.getContext());
}
