//===- TranslateBasis.cpp - the qru-translate-basis pass -------------------===//
//
// This file implements qru-translate-basis: it rejects the simulator-only
// fused gates, rewrites every other gate in one walk with the translation
// pattern (whose results are native, so nothing needs a second visit), and
// checks that only native gates remain.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/Patterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUTRANSLATEBASIS
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

struct TranslateBasisPass
    : qruc::qru::impl::QRUTranslateBasisBase<TranslateBasisPass> {
  using Base::Base;

  void runOnOperation() override {
    ModelOp model = getOperation();
    std::optional<GateBasis> target = parseGateBasis(basis);
    if (!target) {
      model.emitError("expects basis heron or eagle, but got '")
          << basis << "'";
      return signalPassFailure();
    }

    WalkResult fused = model.walk([&](Operation *op) {
      if (!isa<UnitaryOp, PermuteOp>(op))
        return WalkResult::advance();
      op->emitOpError("is a simulator-only fused gate with no ")
          << basis << " translation; run the ibm pipeline, which does not fuse";
      return WalkResult::interrupt();
    });
    if (fused.wasInterrupted())
      return signalPassFailure();

    RewritePatternSet patterns(&getContext());
    populateTranslateBasisPatterns(patterns, *target);
    walkAndApplyPatterns(model, std::move(patterns));

    WalkResult left = model.walk([&](GateOpInterface gate) {
      if (isNativeGate(gate, *target))
        return WalkResult::advance();
      gate->emitOpError("has no translation into the ") << basis << " basis";
      return WalkResult::interrupt();
    });
    if (left.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
