//===- Patterns.h - qru rewrite patterns ------------------------*- C++ -*-===//
//
// This file declares the rewrite patterns behind the pattern-driven passes,
// kept apart from the passes so that other passes and pipelines can combine
// them in one greedy rewrite.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_PATTERNS_H
#define QRUC_DIALECT_QRU_PATTERNS_H

#include "qruc/Dialect/QRU/GateBasis.h"

#include "mlir/IR/PatternMatch.h"

namespace qruc::qru {

/// Patterns that remove adjacent inverse pairs of gates, passing at most
/// `lookback` commuting gates per wire (qru-cancel-inverses).
void populateCancelInversesPatterns(mlir::RewritePatternSet &patterns,
                                    unsigned lookback);

/// Patterns that merge consecutive rotations about one axis and drop
/// rotations by a multiple of their period (qru-merge-rotations).
void populateMergeRotationsPatterns(mlir::RewritePatternSet &patterns,
                                    unsigned lookback);

/// Constant folds the upstream dialects leave out (qru-fold-constants); the
/// pass adds the upstream canonicalization patterns to these.
void populateFoldConstantsPatterns(mlir::RewritePatternSet &patterns);

/// The pattern that fuses runs of at least `minRun` single-qubit gates into
/// one qru.unitary (qru-fuse-single-qubit).
void populateFuseSingleQubitPatterns(mlir::RewritePatternSet &patterns,
                                     unsigned minRun);

/// Patterns that rewrite ccx and cswap into one- and two-qubit standard gates
/// (qru-decompose-multi-qubit).
void populateDecomposeMultiQubitPatterns(mlir::RewritePatternSet &patterns);

/// The pattern that rewrites every gate outside `basis` (Heron or Eagle) into
/// gates of `basis`, up to a global phase (qru-translate-basis). It leaves
/// qru.unitary and qru.permute alone: they have no translation.
void populateTranslateBasisPatterns(mlir::RewritePatternSet &patterns,
                                    GateBasis basis);

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_PATTERNS_H
