//===- FuseSingleQubit.cpp - the qru-fuse-single-qubit pass ----------------===//
//
// This file implements qru-fuse-single-qubit: a greedy rewrite of the model
// with the run-fusion pattern. Folding stays on, so the matrix entries built
// from constants collapse.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUFUSESINGLEQUBIT
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

struct FuseSingleQubitPass
    : qruc::qru::impl::QRUFuseSingleQubitBase<FuseSingleQubitPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateFuseSingleQubitPatterns(patterns, minRun);
    GreedyRewriteConfig config;
    config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    (void)applyPatternsGreedily(getOperation(), std::move(patterns), config);
  }
};

} // namespace
