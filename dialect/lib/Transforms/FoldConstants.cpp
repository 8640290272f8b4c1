//===- FoldConstants.cpp - the qru-fold-constants pass ---------------------===//
//
// This file implements qru-fold-constants: a greedy rewrite with folding and
// the canonicalization patterns of the classical dialects the step uses
// (arith, math, tensor, linalg, scf), plus the folds of
// FoldConstantsPatterns.cpp. Unlike --canonicalize it leaves the patterns of
// other dialects alone.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Rewrite/FrozenRewritePatternSet.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUFOLDCONSTANTS
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

struct FoldConstantsPass
    : qruc::qru::impl::QRUFoldConstantsBase<FoldConstantsPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    RewritePatternSet owned(context);
    SmallVector<Dialect *> dialects = {
        context->getLoadedDialect<arith::ArithDialect>(),
        context->getLoadedDialect<math::MathDialect>(),
        context->getLoadedDialect<tensor::TensorDialect>(),
        context->getLoadedDialect<linalg::LinalgDialect>(),
        context->getLoadedDialect<scf::SCFDialect>()};
    for (Dialect *dialect : dialects) {
      if (!dialect)
        continue;
      dialect->getCanonicalizationPatterns(owned);
      for (RegisteredOperationName op : context->getRegisteredOperations())
        if (&op.getDialect() == dialect)
          op.getCanonicalizationPatterns(owned, context);
    }
    populateFoldConstantsPatterns(owned);
    patterns = FrozenRewritePatternSet(std::move(owned));
    return success();
  }

  void runOnOperation() override {
    GreedyRewriteConfig config;
    config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    (void)applyPatternsGreedily(getOperation(), patterns, config);
  }

  FrozenRewritePatternSet patterns;
};

} // namespace
