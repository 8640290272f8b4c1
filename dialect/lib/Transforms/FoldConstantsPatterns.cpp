//===- FoldConstantsPatterns.cpp - folds the upstream dialects leave out ---===//
//
// This file implements the constant folds qru-fold-constants adds to the
// upstream canonicalizations: linalg.map over constants, tensor.extract
// through concat, extract_slice and insert, and adding +0.0 to a gate angle.
// The front end builds vector angles and `dense` layers from these ops, so a
// constant angle expression can hide behind any of them.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Patterns.h"
#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace qruc::qru;

namespace {

/// The largest constant tensor a map is folded into.
constexpr int64_t kMaxFoldedElements = 1 << 12;

/// The constant indices of `indices`, or failure.
FailureOr<SmallVector<int64_t>> constantIndices(ValueRange indices) {
  SmallVector<int64_t> result;
  for (Value index : indices) {
    APInt value;
    if (!matchPattern(index, m_ConstantInt(&value)))
      return failure();
    result.push_back(value.getSExtValue());
  }
  return result;
}

SmallVector<Value> indexConstants(PatternRewriter &rewriter, Location loc,
                                  ArrayRef<int64_t> indices) {
  SmallVector<Value> values;
  for (int64_t index : indices)
    values.push_back(arith::ConstantIndexOp::create(rewriter, loc, index));
  return values;
}

/// Folds a linalg.map whose inputs are constant tensors and whose body folds
/// element by element (with any value from outside the body constant too)
/// into one constant tensor.
struct FoldConstantMap : OpRewritePattern<linalg::MapOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::MapOp map,
                                PatternRewriter &rewriter) const override {
    if (map->getNumResults() != 1)
      return rewriter.notifyMatchFailure(map, "not a map on tensors");
    auto type = dyn_cast<RankedTensorType>(map->getResult(0).getType());
    if (!type || !type.hasStaticShape() ||
        type.getNumElements() > kMaxFoldedElements)
      return rewriter.notifyMatchFailure(map, "not a small static tensor");
    SmallVector<DenseElementsAttr> inputs;
    for (Value input : map.getInputs()) {
      DenseElementsAttr attr;
      if (!matchPattern(input, m_Constant(&attr)))
        return rewriter.notifyMatchFailure(map, "an input is not constant");
      inputs.push_back(attr);
    }
    Block &body = map.getMapper().front();
    SmallVector<Attribute> elements;
    for (int64_t e = 0, n = type.getNumElements(); e < n; ++e) {
      llvm::DenseMap<Value, Attribute> known;
      for (auto [arg, input] : llvm::zip(body.getArguments(), inputs))
        known[arg] = input.getValues<Attribute>()[e];
      auto lookup = [&](Value value) -> Attribute {
        if (Attribute attr = known.lookup(value))
          return attr;
        Attribute attr;
        if (value.getParentBlock() != &body &&
            matchPattern(value, m_Constant(&attr)))
          return attr;
        return {};
      };
      Attribute yielded;
      for (Operation &op : body) {
        SmallVector<Attribute> operands;
        for (Value operand : op.getOperands())
          operands.push_back(lookup(operand));
        if (op.hasTrait<OpTrait::IsTerminator>()) {
          if (operands.size() != 1 || !operands[0])
            return rewriter.notifyMatchFailure(map, "the body does not fold");
          yielded = operands[0];
          break;
        }
        SmallVector<OpFoldResult> folded;
        if (llvm::is_contained(operands, Attribute()) ||
            failed(op.fold(operands, folded)) ||
            folded.size() != op.getNumResults())
          return rewriter.notifyMatchFailure(map, "the body does not fold");
        for (auto [result, fold] : llvm::zip(op.getResults(), folded)) {
          Attribute attr = dyn_cast<Attribute>(fold);
          if (!attr)
            attr = lookup(cast<Value>(fold));
          if (!attr)
            return rewriter.notifyMatchFailure(map, "the body does not fold");
          known[result] = attr;
        }
      }
      auto typed = dyn_cast_or_null<TypedAttr>(yielded);
      if (!typed || typed.getType() != type.getElementType())
        return rewriter.notifyMatchFailure(map, "the body does not fold");
      elements.push_back(yielded);
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        map, DenseElementsAttr::get(type, elements));
    return success();
  }
};

/// tensor.extract at constant indices from a tensor.concat extracts from the
/// concatenated operand that holds the element.
struct ExtractFromConcat : OpRewritePattern<tensor::ExtractOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::ExtractOp extract,
                                PatternRewriter &rewriter) const override {
    auto concat = extract.getTensor().getDefiningOp<tensor::ConcatOp>();
    FailureOr<SmallVector<int64_t>> indices =
        constantIndices(extract.getIndices());
    if (!concat || failed(indices))
      return rewriter.notifyMatchFailure(extract, "no concat at constants");
    uint64_t dim = concat.getDim();
    int64_t offset = (*indices)[dim];
    for (Value input : concat.getInputs()) {
      int64_t size = cast<RankedTensorType>(input.getType()).getDimSize(dim);
      if (ShapedType::isDynamic(size))
        return rewriter.notifyMatchFailure(extract, "dynamic concat");
      if (offset < size) {
        (*indices)[dim] = offset;
        rewriter.replaceOpWithNewOp<tensor::ExtractOp>(
            extract, input,
            indexConstants(rewriter, extract.getLoc(), *indices));
        return success();
      }
      offset -= size;
    }
    return rewriter.notifyMatchFailure(extract, "index out of range");
  }
};

/// tensor.extract at constant indices from a tensor.extract_slice with static
/// offsets and strides (and no dropped dimension) extracts from its source.
struct ExtractFromSlice : OpRewritePattern<tensor::ExtractOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::ExtractOp extract,
                                PatternRewriter &rewriter) const override {
    auto slice = extract.getTensor().getDefiningOp<tensor::ExtractSliceOp>();
    FailureOr<SmallVector<int64_t>> indices =
        constantIndices(extract.getIndices());
    if (!slice || failed(indices))
      return rewriter.notifyMatchFailure(extract, "no slice at constants");
    ArrayRef<int64_t> offsets = slice.getStaticOffsets();
    ArrayRef<int64_t> strides = slice.getStaticStrides();
    if (slice.getSourceType().getRank() != slice.getResultType().getRank() ||
        llvm::any_of(offsets, ShapedType::isDynamic) ||
        llvm::any_of(strides, ShapedType::isDynamic))
      return rewriter.notifyMatchFailure(extract, "not a static slice");
    SmallVector<int64_t> source;
    for (auto [index, offset, stride] : llvm::zip(*indices, offsets, strides))
      source.push_back(offset + index * stride);
    rewriter.replaceOpWithNewOp<tensor::ExtractOp>(
        extract, slice.getSource(),
        indexConstants(rewriter, extract.getLoc(), source));
    return success();
  }
};

/// tensor.extract from a tensor.insert at other constant indices extracts
/// from the tensor inserted into (the upstream folder handles equal indices).
struct ExtractPastInsert : OpRewritePattern<tensor::ExtractOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::ExtractOp extract,
                                PatternRewriter &rewriter) const override {
    auto insert = extract.getTensor().getDefiningOp<tensor::InsertOp>();
    if (!insert)
      return rewriter.notifyMatchFailure(extract, "no insert");
    FailureOr<SmallVector<int64_t>> read =
        constantIndices(extract.getIndices());
    FailureOr<SmallVector<int64_t>> written =
        constantIndices(insert.getIndices());
    if (failed(read) || failed(written) || *read == *written)
      return rewriter.notifyMatchFailure(extract, "not distinct constants");
    rewriter.modifyOpInPlace(extract, [&] {
      extract.getTensorMutable().assign(insert.getDest());
    });
    return success();
  }
};

/// Whether every use of `value` is the angle of a gate.
bool onlyGateAngles(Value value) {
  return llvm::all_of(value.getUses(), [](OpOperand &use) {
    auto gate = dyn_cast<GateOpInterface>(use.getOwner());
    if (!gate)
      return false;
    unsigned first = gate.getAngles().getBeginOperandIndex();
    return !gate.getAngles().empty() && use.getOperandNumber() >= first &&
           use.getOperandNumber() < first + gate.getAngles().size();
  });
}

/// arith.addf %x, +0.0 is %x except when %x is −0.0; a gate angle of −0.0
/// is the angle +0.0, so the add goes when only gates use its result.
struct AddZeroAngle : OpRewritePattern<arith::AddFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::AddFOp add,
                                PatternRewriter &rewriter) const override {
    if (!onlyGateAngles(add.getResult()))
      return rewriter.notifyMatchFailure(add, "not only gate angles");
    for (auto [zero, other] : {std::pair(add.getRhs(), add.getLhs()),
                               std::pair(add.getLhs(), add.getRhs())}) {
      if (matchPattern(zero, m_PosZeroFloat())) {
        rewriter.replaceOp(add, other);
        return success();
      }
    }
    return rewriter.notifyMatchFailure(add, "no zero term");
  }
};

} // namespace

void qruc::qru::populateFoldConstantsPatterns(RewritePatternSet &patterns) {
  patterns.add<FoldConstantMap, ExtractFromConcat, ExtractFromSlice,
               ExtractPastInsert, AddZeroAngle>(patterns.getContext());
}
