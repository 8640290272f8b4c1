//===- Route.cpp - the qru-route pass --------------------------------------===//
//
// This file implements qru-route: it places the logical wires of a model on
// physical qubits of a coupling map and inserts qru.swap gates so that every
// two-qubit gate acts on coupled qubits. The router walks the step in order,
// keeping for every logical wire its current SSA value and physical qubit;
// every quantum op gets the current values of its wires as operands, so a
// swap that moves a wire's state is followed by every later use. Since
// result k of a gate stays on the physical qubit of operand k, the physical
// qubit of any value follows from its SSA chain.
//
//===----------------------------------------------------------------------===//

#include "CouplingMap.h"

#include "qruc/Dialect/QRU/Layout.h"
#include "qruc/Dialect/QRU/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringMap.h"

namespace qruc::qru {
#define GEN_PASS_DEF_QRUROUTE
#include "qruc/Dialect/QRU/Passes.h.inc"
} // namespace qruc::qru

using namespace mlir;
using namespace qruc::qru;

namespace {

bool isQubit(Value value) { return isa<QubitType>(value.getType()); }

/// Where the logical wires are: the current SSA value and the physical qubit
/// of each.
struct Placement {
  SmallVector<Value> value;
  SmallVector<unsigned> physical;
};

class Router {
public:
  Router(ModelOp model, const CouplingMap &map, ArrayRef<unsigned> layout);

  LogicalResult routeStep(StepOp step);

private:
  LogicalResult placeAllocs(StepOp step);
  LogicalResult routeBlock(Block &block);
  LogicalResult routeOp(Operation *op);
  LogicalResult routeIf(scf::IfOp ifOp);
  FailureOr<unsigned> getWire(Value value, Operation *user);

  /// Swaps the states of wires `a` and `b`, on coupled qubits, before the
  /// builder's insertion point.
  void swapWires(unsigned a, unsigned b, OpBuilder &builder, Location loc);
  /// Moves wire `a` next to wire `b` along a shortest path.
  void makeAdjacent(unsigned a, unsigned b, OpBuilder &builder, Location loc);
  /// Moves every wire w back to `physical[w]`.
  void restore(ArrayRef<unsigned> physical, OpBuilder &builder, Location loc);
  /// A shortest path of region qubits from `from` to `to` that avoids the
  /// qubits in `avoid`.
  SmallVector<unsigned> findPath(unsigned from, unsigned to,
                                 const llvm::BitVector &avoid) const;

  ModelOp model;
  const CouplingMap &map;
  SmallVector<unsigned> initial;
  /// The wire on each physical qubit, -1 outside the region.
  SmallVector<int> occupant;
  /// The region in breadth-first order, for restoring a layout.
  SmallVector<unsigned> regionOrder;
  Placement place;
  /// The logical wire of every qubit value seen so far.
  DenseMap<Value, unsigned> wires;
};

Router::Router(ModelOp model, const CouplingMap &map,
               ArrayRef<unsigned> layout)
    : model(model), map(map), initial(layout),
      occupant(map.getNumQubits(), -1) {
  place.physical.assign(layout.begin(), layout.end());
  place.value.resize(layout.size());
  for (auto [wire, qubit] : llvm::enumerate(layout))
    occupant[qubit] = wire;
  if (layout.empty())
    return;
  // Removing the qubits in reverse breadth-first order keeps the rest
  // connected, so restore() can always reach the next qubit to fill.
  regionOrder.push_back(*llvm::min_element(layout));
  llvm::BitVector seen(map.getNumQubits());
  seen.set(regionOrder.front());
  for (size_t head = 0; head < regionOrder.size(); ++head)
    for (unsigned next : map.getNeighbors(regionOrder[head]))
      if (occupant[next] >= 0 && !seen.test(next)) {
        seen.set(next);
        regionOrder.push_back(next);
      }
  assert(regionOrder.size() == layout.size() && "region not connected");
}

SmallVector<unsigned> Router::findPath(unsigned from, unsigned to,
                                       const llvm::BitVector &avoid) const {
  SmallVector<int> parent(map.getNumQubits(), -1);
  SmallVector<unsigned> queue{from};
  parent[from] = from;
  for (size_t head = 0; head < queue.size() && parent[to] < 0; ++head)
    for (unsigned next : map.getNeighbors(queue[head]))
      if (occupant[next] >= 0 && parent[next] < 0 && !avoid.test(next)) {
        parent[next] = queue[head];
        queue.push_back(next);
      }
  assert(parent[to] >= 0 && "no path inside the region");
  SmallVector<unsigned> path{to};
  while (path.back() != from)
    path.push_back(parent[path.back()]);
  std::reverse(path.begin(), path.end());
  return path;
}

void Router::swapWires(unsigned a, unsigned b, OpBuilder &builder,
                       Location loc) {
  assert(map.areCoupled(place.physical[a], place.physical[b]));
  auto swap = SwapOp::create(builder, loc, ValueRange(),
                             ValueRange{place.value[a], place.value[b]});
  // Result 0 stays on a's qubit and now holds b's state, and vice versa.
  Value onA = swap->getResult(0), onB = swap->getResult(1);
  place.value[b] = onA;
  place.value[a] = onB;
  wires[onA] = b;
  wires[onB] = a;
  std::swap(place.physical[a], place.physical[b]);
  occupant[place.physical[a]] = a;
  occupant[place.physical[b]] = b;
}

void Router::makeAdjacent(unsigned a, unsigned b, OpBuilder &builder,
                          Location loc) {
  SmallVector<unsigned> path =
      findPath(place.physical[a], place.physical[b],
               llvm::BitVector(map.getNumQubits()));
  for (size_t i = 1; i + 1 < path.size(); ++i)
    swapWires(a, occupant[path[i]], builder, loc);
}

void Router::restore(ArrayRef<unsigned> physical, OpBuilder &builder,
                     Location loc) {
  SmallVector<unsigned> wireFor(map.getNumQubits());
  for (auto [wire, qubit] : llvm::enumerate(physical))
    wireFor[qubit] = wire;
  llvm::BitVector placed(map.getNumQubits());
  for (unsigned qubit : llvm::reverse(regionOrder)) {
    unsigned wire = wireFor[qubit];
    SmallVector<unsigned> path =
        findPath(place.physical[wire], qubit, placed);
    for (size_t i = 1; i < path.size(); ++i)
      swapWires(wire, occupant[path[i]], builder, loc);
    placed.set(qubit);
  }
}

FailureOr<unsigned> Router::getWire(Value value, Operation *user) {
  auto it = wires.find(value);
  if (it == wires.end())
    return user->emitOpError(
               "uses a qubit that qru-route cannot trace to a wire"),
           failure();
  return it->second;
}

LogicalResult Router::placeAllocs(StepOp step) {
  Block &body = step.getBody().front();
  const unsigned numWires = initial.size();
  llvm::StringMap<unsigned> first;
  SmallVector<std::pair<StringRef, unsigned>> registerOf;
  for (auto reg : model.getBody().front().getOps<QubitsOp>()) {
    first[reg.getSymName()] = registerOf.size();
    for (uint64_t i = 0; i < reg.getSize(); ++i)
      registerOf.emplace_back(reg.getSymName(), i);
  }
  SmallVector<AllocOp> allocOf(numWires);
  WalkResult walk = step.walk([&](AllocOp alloc) {
    auto reg = first.find(alloc.getRegAttr().getValue());
    if (reg == first.end())
      return WalkResult::interrupt(); // the verifier reports it
    unsigned wire = reg->second + alloc.getIndex();
    if (allocOf[wire]) {
      alloc.emitOpError("allocates wire ")
          << wire << " a second time; qru-route expects one qru.alloc per "
          << "wire";
      return WalkResult::interrupt();
    }
    allocOf[wire] = alloc;
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  // Every wire is allocated at the start of the step: a SWAP may pass
  // through a qubit before its wire's first gate, or through one the step
  // never uses.
  OpBuilder builder(&body, body.begin());
  for (unsigned wire = 0; wire < numWires; ++wire) {
    AllocOp alloc = allocOf[wire];
    if (alloc) {
      // Moving an op before itself would unlink it from under the builder.
      if (&*builder.getInsertionPoint() != alloc.getOperation())
        alloc->moveBefore(&body, builder.getInsertionPoint());
    } else {
      auto [reg, index] = registerOf[wire];
      alloc = AllocOp::create(builder, step.getLoc(),
                              FlatSymbolRefAttr::get(model.getContext(), reg),
                              builder.getI64IntegerAttr(index));
    }
    builder.setInsertionPointAfter(alloc);
    place.value[wire] = alloc.getResult();
    wires[alloc.getResult()] = wire;
  }
  return success();
}

LogicalResult Router::routeStep(StepOp step) {
  Block &body = step.getBody().front();
  if (step.getPersistent()) {
    auto args = body.getArguments().take_back(initial.size());
    for (auto [wire, arg] : llvm::enumerate(args)) {
      place.value[wire] = arg;
      wires[arg] = wire;
    }
  } else if (failed(placeAllocs(step))) {
    return failure();
  }
  if (failed(routeBlock(body)))
    return failure();
  // Allocations only SWAPs could have needed.
  for (AllocOp alloc : llvm::make_early_inc_range(body.getOps<AllocOp>()))
    if (alloc.getResult().use_empty())
      alloc.erase();
  return success();
}

LogicalResult Router::routeBlock(Block &block) {
  for (Operation &op : llvm::make_early_inc_range(block))
    if (failed(routeOp(&op)))
      return failure();
  return success();
}

LogicalResult Router::routeOp(Operation *op) {
  if (auto ifOp = dyn_cast<scf::IfOp>(op))
    return routeIf(ifOp);
  // Allocations are placed already; routeIf rewrites a branch's yield.
  if (isa<AllocOp, scf::YieldOp>(op))
    return success();

  OpBuilder builder(op);
  // The next step finds every wire where the first one did.
  if (isa<YieldOp>(op) && !initial.empty() &&
      cast<StepOp>(op->getParentOp()).getPersistent())
    restore(initial, builder, op->getLoc());

  SmallVector<OpOperand *> qubitOperands;
  for (OpOperand &operand : op->getOpOperands())
    if (isQubit(operand.get()))
      qubitOperands.push_back(&operand);
  if (op->getNumRegions() > 0) {
    WalkResult walk = op->walk([&](Operation *nested) {
      return llvm::any_of(nested->getOperands(), isQubit)
                 ? WalkResult::interrupt()
                 : WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return op->emitOpError("holds qubits, which qru-route cannot route "
                             "(only scf.if)");
    return success();
  }
  if (qubitOperands.empty())
    return success();

  SmallVector<unsigned> opWires;
  for (OpOperand *operand : qubitOperands) {
    FailureOr<unsigned> wire = getWire(operand->get(), op);
    if (failed(wire))
      return failure();
    opWires.push_back(*wire);
  }
  if (isa<GateOpInterface>(op)) {
    if (opWires.size() > 2)
      return op->emitOpError("acts on ")
             << opWires.size()
             << " qubits: decompose multi-qubit gates first "
                "(qru-decompose-multi-qubit)";
    if (opWires.size() == 2 &&
        !map.areCoupled(place.physical[opWires[0]],
                        place.physical[opWires[1]]))
      makeAdjacent(opWires[0], opWires[1], builder, op->getLoc());
  }
  for (auto [operand, wire] : llvm::zip_equal(qubitOperands, opWires))
    operand->set(place.value[wire]);
  if (isa<YieldOp>(op))
    return success();

  // Gates, readouts, measurements and resets return their qubits in
  // operand order.
  SmallVector<Value> qubitResults;
  for (Value result : op->getResults())
    if (isQubit(result))
      qubitResults.push_back(result);
  if (qubitResults.size() != opWires.size())
    return op->emitOpError("consumes ")
           << opWires.size() << " qubits but returns " << qubitResults.size()
           << "; qru-route cannot tell where its qubits go";
  for (auto [result, wire] : llvm::zip_equal(qubitResults, opWires)) {
    wires[result] = wire;
    place.value[wire] = result;
  }
  return success();
}

LogicalResult Router::routeIf(scf::IfOp ifOp) {
  const Placement before = place;
  const unsigned none = ~0u;
  SmallVector<unsigned> resultWire(ifOp.getNumResults(), none);
  SmallVector<Placement, 2> after;
  for (Region *branch : {&ifOp.getThenRegion(), &ifOp.getElseRegion()}) {
    place = before;
    if (branch->empty()) {
      after.push_back(place);
      continue;
    }
    Block &block = branch->front();
    if (failed(routeBlock(block)))
      return failure();
    // Both branches end in the layout they started from, so the qubits the
    // scf.if returns are where they were whichever branch ran.
    Operation *yield = block.getTerminator();
    OpBuilder builder(yield);
    restore(before.physical, builder, yield->getLoc());
    for (auto [index, operand] : llvm::enumerate(yield->getOperands())) {
      if (!isQubit(operand))
        continue;
      FailureOr<unsigned> wire = getWire(operand, yield);
      if (failed(wire))
        return failure();
      if (resultWire[index] != none && resultWire[index] != *wire)
        return ifOp.emitOpError("returns wire ")
               << *wire << " from one branch and wire " << resultWire[index]
               << " from the other as result " << index
               << "; qru-route expects each result to be one wire";
      resultWire[index] = *wire;
    }
    after.push_back(place);
  }
  place = before;

  // SWAPs give a branch new values for wires it did not touch before; the
  // scf.if returns those too.
  SmallVector<unsigned> extra;
  for (unsigned wire = 0; wire < before.value.size(); ++wire)
    if ((after[0].value[wire] != before.value[wire] ||
         after[1].value[wire] != before.value[wire]) &&
        !llvm::is_contained(resultWire, wire))
      extra.push_back(wire);

  scf::IfOp routed = ifOp;
  if (!extra.empty()) {
    SmallVector<Type> types(ifOp.getResultTypes());
    types.append(extra.size(), QubitType::get(ifOp.getContext()));
    OpBuilder builder(ifOp);
    routed = scf::IfOp::create(builder, ifOp.getLoc(), types,
                               ifOp.getCondition(), /*addThenBlock=*/false,
                               /*addElseBlock=*/false);
    routed.getThenRegion().takeBody(ifOp.getThenRegion());
    routed.getElseRegion().takeBody(ifOp.getElseRegion());
    if (routed.getElseRegion().empty()) {
      Block *block = builder.createBlock(&routed.getElseRegion());
      scf::YieldOp::create(builder, ifOp.getLoc());
      (void)block;
    }
  }
  Region *branches[] = {&routed.getThenRegion(), &routed.getElseRegion()};
  for (auto [index, branch] : llvm::enumerate(branches)) {
    Operation *yield = branch->front().getTerminator();
    SmallVector<Value> operands(yield->getOperands());
    for (auto [k, wire] : llvm::enumerate(resultWire))
      if (wire != none)
        operands[k] = after[index].value[wire];
    for (unsigned wire : extra)
      operands.push_back(after[index].value[wire]);
    yield->setOperands(operands);
  }
  if (routed != ifOp) {
    ifOp.replaceAllUsesWith(
        routed.getResults().take_front(ifOp.getNumResults()));
    ifOp.erase();
  }
  for (auto [k, wire] : llvm::enumerate(resultWire))
    if (wire != none) {
      wires[routed.getResult(k)] = wire;
      place.value[wire] = routed.getResult(k);
    }
  for (auto [k, wire] : llvm::enumerate(extra)) {
    Value result = routed.getResult(resultWire.size() + k);
    wires[result] = wire;
    place.value[wire] = result;
  }
  return success();
}

/// How often each pair of wires meets in a two-qubit gate of `step`,
/// following qubit values from their wires as the router does.
InteractionWeights countInteractions(ModelOp model, StepOp step) {
  const unsigned numWires = model.getNumWires();
  InteractionWeights weights(numWires, SmallVector<unsigned>(numWires, 0));
  DenseMap<Value, unsigned> wires;
  Block &body = step.getBody().front();
  if (step.getPersistent())
    for (auto [wire, arg] :
         llvm::enumerate(body.getArguments().take_back(numWires)))
      wires[arg] = wire;
  llvm::StringMap<unsigned> first;
  unsigned offset = 0;
  for (auto reg : model.getBody().front().getOps<QubitsOp>()) {
    first[reg.getSymName()] = offset;
    offset += reg.getSize();
  }
  auto follow = [&](ValueRange from, ValueRange to) {
    SmallVector<Value> in, out;
    llvm::append_range(in, llvm::make_filter_range(from, isQubit));
    llvm::append_range(out, llvm::make_filter_range(to, isQubit));
    for (auto [a, b] : llvm::zip(in, out))
      if (auto it = wires.find(a); it != wires.end())
        wires[b] = it->second;
  };
  // Post-order: a branch's ops come before the scf.if that returns them.
  step.walk([&](Operation *op) {
    if (auto alloc = dyn_cast<AllocOp>(op)) {
      if (auto it = first.find(alloc.getRegAttr().getValue());
          it != first.end())
        wires[alloc.getResult()] = it->second + alloc.getIndex();
    } else if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      follow(ifOp.thenYield().getOperands(), ifOp.getResults());
    } else {
      auto gate = dyn_cast<GateOpInterface>(op);
      if (gate && gate.getInQubits().size() == 2) {
        auto a = wires.find(gate.getInQubits()[0]);
        auto b = wires.find(gate.getInQubits()[1]);
        if (a != wires.end() && b != wires.end() && a->second != b->second) {
          ++weights[a->second][b->second];
          ++weights[b->second][a->second];
        }
      }
      follow(op->getOperands(), op->getResults());
    }
  });
  return weights;
}

struct RoutePass : qruc::qru::impl::QRURouteBase<RoutePass> {
  using Base::Base;

  void runOnOperation() override {
    ModelOp model = getOperation();
    FailureOr<CouplingMap> map = CouplingMap::read(couplingMap, model.getLoc());
    if (failed(map))
      return signalPassFailure();
    const int64_t numWires = model.getNumWires();
    if (map->getNumQubits() < numWires) {
      emitError(model.getLoc(), "coupling map '")
          << couplingMap << "' has " << map->getNumQubits()
          << " physical qubits, but the model has " << numWires << " wires";
      return signalPassFailure();
    }
    StepOp step = model.getStep();
    InteractionWeights weights =
        step ? countInteractions(model, step)
             : InteractionWeights(numWires, SmallVector<unsigned>(numWires));
    std::optional<SmallVector<unsigned>> layout =
        chooseInitialLayout(*map, weights);
    if (!layout) {
      emitError(model.getLoc(), "coupling map '")
          << couplingMap << "' has no " << numWires
          << " connected physical qubits: the largest connected set has "
          << getLargestConnectedSize(*map);
      return signalPassFailure();
    }
    setLayout(model, SmallVector<int64_t>(layout->begin(), layout->end()));
    if (step && failed(Router(model, *map, *layout).routeStep(step)))
      return signalPassFailure();
  }
};

} // namespace
