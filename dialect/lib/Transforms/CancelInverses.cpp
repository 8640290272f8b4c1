//===- CancelInverses.cpp - the qru-cancel-inverses pass -------------------===//
//
// This file implements qru-cancel-inverses: a greedy rewrite of the model
// with the inverse-pair pattern.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUCANCELINVERSES
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

struct CancelInversesPass
    : qruc::qru::impl::QRUCancelInversesBase<CancelInversesPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateCancelInversesPatterns(patterns, lookback);
    // Cancelling a pair exposes the next one, so iterate to a fixed point;
    // leave folding and region simplification to the passes that own them.
    GreedyRewriteConfig config;
    config.enableFolding(false).setRegionSimplificationLevel(
        GreedySimplifyRegionLevel::Disabled);
    (void)applyPatternsGreedily(getOperation(), std::move(patterns), config);
  }
};

} // namespace
