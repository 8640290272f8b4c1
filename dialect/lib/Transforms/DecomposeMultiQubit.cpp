//===- DecomposeMultiQubit.cpp - the qru-decompose-multi-qubit pass --------===//
//
// This file implements qru-decompose-multi-qubit: one walk over the model
// that applies the three-qubit decomposition patterns. Their results are
// one- and two-qubit gates, which no pattern matches again, so one walk is
// enough and nothing else in the step is folded or erased.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "mlir/Transforms/WalkPatternRewriteDriver.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUDECOMPOSEMULTIQUBIT
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

struct DecomposeMultiQubitPass
    : qruc::qru::impl::QRUDecomposeMultiQubitBase<DecomposeMultiQubitPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateDecomposeMultiQubitPatterns(patterns);
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace
