//===- FuseSingleQubitPatterns.cpp - runs of 1-qubit gates to qru.unitary --===//
//
// This file implements the pattern behind qru-fuse-single-qubit. It anchors
// on the last gate of a run, so each run is fused once, as a whole, and the
// product is built from the first gate to the last.
//
//===----------------------------------------------------------------------===//

#include "GateMatrix.h"
#include "qruc/Dialect/QRU/Patterns.h"

using namespace mlir;
using namespace qruc::qru;

namespace {

/// Whether the op defining `value` extends a run that `value` continues:
/// a single-qubit gate in `block` whose result has no other use.
GateOpInterface runPredecessor(Value value, Block *block) {
  auto gate = value.getDefiningOp<GateOpInterface>();
  if (!gate || gate->getBlock() != block || !hasMatrix2(gate) ||
      !value.hasOneUse())
    return {};
  return gate;
}

struct FuseSingleQubitRun : OpInterfaceRewritePattern<GateOpInterface> {
  FuseSingleQubitRun(MLIRContext *context, unsigned minRun)
      : OpInterfaceRewritePattern(context), minRun(std::max(minRun, 2u)) {}

  LogicalResult matchAndRewrite(GateOpInterface last,
                                PatternRewriter &rewriter) const override {
    if (!hasMatrix2(last))
      return rewriter.notifyMatchFailure(last, "not a single-qubit gate");
    Value out = last.getOutQubits()[0];
    if (out.hasOneUse())
      if (auto next = dyn_cast<GateOpInterface>(*out.getUsers().begin());
          next && next->getBlock() == last->getBlock() && hasMatrix2(next))
        return rewriter.notifyMatchFailure(last, "not the end of a run");

    SmallVector<GateOpInterface> run = {last};
    while (GateOpInterface previous =
               runPredecessor(run.back().getInQubits()[0], last->getBlock()))
      run.push_back(previous);
    if (run.size() < minRun)
      return rewriter.notifyMatchFailure(last, "run too short");
    std::reverse(run.begin(), run.end());

    rewriter.setInsertionPoint(last);
    MatrixBuilder builder(rewriter, last.getLoc());
    Matrix2 product = builder.gateMatrix(run.front());
    for (GateOpInterface gate : llvm::drop_begin(run))
      product = builder.mul(builder.gateMatrix(gate), product);
    SmallVector<Value> entries;
    for (const Complex &entry : product) {
      entries.push_back(builder.materialize(entry.re));
      entries.push_back(builder.materialize(entry.im));
    }
    auto fused = UnitaryOp::create(rewriter, last.getLoc(), entries,
                                   ValueRange{run.front().getInQubits()[0]});
    rewriter.replaceOp(last, fused->getResults());
    for (GateOpInterface gate : llvm::reverse(llvm::drop_end(run)))
      rewriter.eraseOp(gate);
    return success();
  }

  unsigned minRun;
};

} // namespace

void qruc::qru::populateFuseSingleQubitPatterns(RewritePatternSet &patterns,
                                                unsigned minRun) {
  patterns.add<FuseSingleQubitRun>(patterns.getContext(), minRun);
}
