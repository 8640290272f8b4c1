//===- ComposePermutations.cpp - the qru-compose-permutations pass ---------===//
//
// This file implements qru-compose-permutations. One sweep over each block
// keeps groups of permutation gates open while only their own gates consume
// their latest qubit values (their frontier); a gate that takes qubits from
// several open groups merges them, and any other op that consumes a frontier
// value closes the group it belongs to. A closed group therefore has no
// outside op between its gates, so one qru.permute at the position of its
// last gate, consuming each wire's value from before the group, replaces it.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUCOMPOSEPERMUTATIONS
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

bool isPermutationGate(Operation *op) {
  return isa<XOp, CXOp, SwapOp, CCXOp, CSwapOp>(op);
}

/// Applies permutation gate `gate`, whose operands are on `wires`, to the
/// basis state `bits` (one entry per wire of the group).
void permuteBits(Operation *gate, ArrayRef<unsigned> wires,
                 SmallVectorImpl<bool> &bits) {
  llvm::TypeSwitch<Operation *>(gate)
      .Case([&](XOp) { bits[wires[0]] = !bits[wires[0]]; })
      .Case([&](CXOp) {
        if (bits[wires[0]])
          bits[wires[1]] = !bits[wires[1]];
      })
      .Case([&](SwapOp) { std::swap(bits[wires[0]], bits[wires[1]]); })
      .Case([&](CCXOp) {
        if (bits[wires[0]] && bits[wires[1]])
          bits[wires[2]] = !bits[wires[2]];
      })
      .Case([&](CSwapOp) {
        if (bits[wires[0]])
          std::swap(bits[wires[1]], bits[wires[2]]);
      });
}

/// Permutation gates on a set of wires, in program order.
struct Group {
  /// Each wire's value from before the group, in the order wires joined.
  SmallVector<Value> inputs;
  /// Each wire's latest value.
  SmallVector<Value> frontier;
  /// The gates and, for each, the group wires of its operands.
  SmallVector<std::pair<Operation *, SmallVector<unsigned>>> gates;
  bool open = true;
};

class Composer {
public:
  Composer(unsigned minGates, unsigned maxQubits)
      : minGates(minGates),
        maxQubits(std::min<unsigned>(maxQubits, PermuteOp::kMaxQubits)) {}

  void runOnBlock(Block &block);

private:
  void add(Operation *gate);
  void close(unsigned group);
  void rewrite(Group &group);

  unsigned minGates, maxQubits;
  std::vector<Group> groups;
  /// The open group whose frontier holds a value, and the wire it is on.
  llvm::DenseMap<Value, std::pair<unsigned, unsigned>> owner;
};

void Composer::runOnBlock(Block &block) {
  groups.clear();
  owner.clear();
  for (Operation &op : llvm::make_early_inc_range(block)) {
    if (isPermutationGate(&op)) {
      add(&op);
      continue;
    }
    // Any other use of a frontier value, nested ones included, ends the
    // group: a later gate could not join it without passing that use.
    op.walk([&](Operation *nested) {
      for (Value operand : nested->getOperands())
        if (auto it = owner.find(operand); it != owner.end())
          close(it->second.first);
    });
  }
  for (unsigned i = 0; i < groups.size(); ++i)
    close(i);
}

void Composer::add(Operation *gate) {
  // The open groups the gate takes qubits from, and how many wires it adds.
  SmallVector<unsigned> joined;
  unsigned wires = 0;
  for (Value operand : gate->getOperands()) {
    auto it = owner.find(operand);
    if (it == owner.end()) {
      ++wires;
    } else if (!llvm::is_contained(joined, it->second.first)) {
      joined.push_back(it->second.first);
      wires += groups[it->second.first].inputs.size();
    }
  }
  if (wires > maxQubits) {
    for (unsigned group : joined)
      close(group);
    joined.clear();
    if (gate->getNumOperands() > maxQubits)
      return;
  }

  // Merge the joined groups into the first (or a new one); their wire sets
  // are disjoint, so their gates commute and concatenating keeps each
  // group's order.
  unsigned target;
  if (joined.empty()) {
    target = groups.size();
    groups.emplace_back();
  } else {
    target = joined.front();
    for (unsigned other : llvm::drop_begin(joined)) {
      Group &from = groups[other];
      Group &into = groups[target];
      unsigned offset = into.inputs.size();
      for (auto [wire, value] : llvm::enumerate(from.frontier))
        owner[value] = {target, offset + static_cast<unsigned>(wire)};
      llvm::append_range(into.inputs, from.inputs);
      llvm::append_range(into.frontier, from.frontier);
      for (auto &[op, opWires] : from.gates) {
        for (unsigned &wire : opWires)
          wire += offset;
        into.gates.emplace_back(op, std::move(opWires));
      }
      from = Group();
      from.open = false;
    }
  }

  Group &group = groups[target];
  SmallVector<unsigned> opWires;
  for (Value operand : gate->getOperands()) {
    unsigned wire;
    if (auto it = owner.find(operand); it != owner.end()) {
      wire = it->second.second;
      owner.erase(it);
    } else {
      wire = group.inputs.size();
      group.inputs.push_back(operand);
      group.frontier.push_back(operand);
    }
    opWires.push_back(wire);
  }
  for (auto [wire, result] : llvm::zip(opWires, gate->getResults())) {
    group.frontier[wire] = result;
    owner[result] = {target, wire};
  }
  group.gates.emplace_back(gate, std::move(opWires));
}

void Composer::close(unsigned index) {
  Group &group = groups[index];
  if (!group.open)
    return;
  group.open = false;
  for (Value value : group.frontier)
    owner.erase(value);
  if (group.gates.size() >= minGates)
    rewrite(group);
}

void Composer::rewrite(Group &group) {
  unsigned n = group.inputs.size();
  SmallVector<int64_t> perm(int64_t(1) << n);
  SmallVector<bool> bits(n);
  for (int64_t k = 0, dim = perm.size(); k < dim; ++k) {
    // The first wire is the most significant bit of the basis index.
    for (unsigned w = 0; w < n; ++w)
      bits[w] = (k >> (n - 1 - w)) & 1;
    for (auto &[gate, wires] : group.gates)
      permuteBits(gate, wires, bits);
    int64_t image = 0;
    for (unsigned w = 0; w < n; ++w)
      image |= int64_t(bits[w]) << (n - 1 - w);
    perm[k] = image;
  }

  Operation *last = group.gates.back().first;
  SmallVector<Location> locs;
  for (auto &[gate, wires] : group.gates)
    locs.push_back(gate->getLoc());
  IRRewriter rewriter(last->getContext());
  rewriter.setInsertionPoint(last);
  auto permute =
      PermuteOp::create(rewriter, FusedLoc::get(last->getContext(), locs),
                        rewriter.getDenseI64ArrayAttr(perm), group.inputs);
  for (auto [value, result] : llvm::zip(group.frontier, permute.getResults()))
    rewriter.replaceAllUsesWith(value, result);
  for (auto &[gate, wires] : llvm::reverse(group.gates))
    rewriter.eraseOp(gate);
}

struct ComposePermutationsPass
    : qruc::qru::impl::QRUComposePermutationsBase<ComposePermutationsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<Block *> blocks;
    getOperation().walk([&](Block *block) { blocks.push_back(block); });
    Composer composer(minGates, maxQubits);
    for (Block *block : blocks)
      composer.runOnBlock(*block);
  }
};

} // namespace
