//===- MergeRotations.cpp - the qru-merge-rotations pass -------------------===//
//
// This file implements qru-merge-rotations: a greedy rewrite of the model
// with the merge and drop patterns. Folding stays on, so that the sum of two
// constant angles becomes a constant the drop pattern can test.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUMERGEROTATIONS
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

struct MergeRotationsPass
    : qruc::qru::impl::QRUMergeRotationsBase<MergeRotationsPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMergeRotationsPatterns(patterns, lookback);
    GreedyRewriteConfig config;
    config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    (void)applyPatternsGreedily(getOperation(), std::move(patterns), config);
  }
};

} // namespace
