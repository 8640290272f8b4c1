//===- DecomposeMultiQubitPatterns.cpp - 3-qubit gates to 1- and 2-qubit ---===//
//
// This file implements the patterns behind qru-decompose-multi-qubit: ccx
// becomes the textbook six-CNOT Toffoli circuit and cswap a Toffoli between
// two CNOTs, written in standard gates by GateSequence.
//
//===----------------------------------------------------------------------===//

#include "GateSequence.h"
#include "qruc/Dialect/QRU/Patterns.h"

using namespace mlir;
using namespace qruc::qru;

namespace {

/// Replaces a three-qubit gate `OpT` with what `write` writes on its wires.
template <typename OpT>
struct DecomposeThreeQubit : OpRewritePattern<OpT> {
  using OpRewritePattern<OpT>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpT op,
                                PatternRewriter &rewriter) const override {
    GateSequence sequence(rewriter, op.getLoc(), GateBasis::Standard,
                          op.getQubits());
    if constexpr (std::is_same_v<OpT, CCXOp>)
      sequence.ccx(0, 1, 2);
    else
      sequence.cswap(0, 1, 2);
    rewriter.replaceOp(op, sequence.finish());
    return success();
  }
};

} // namespace

void qruc::qru::populateDecomposeMultiQubitPatterns(
    RewritePatternSet &patterns) {
  patterns.add<DecomposeThreeQubit<CCXOp>, DecomposeThreeQubit<CSwapOp>>(
      patterns.getContext());
}
