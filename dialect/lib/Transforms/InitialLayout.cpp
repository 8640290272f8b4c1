//===- InitialLayout.cpp - the initial layout of qru-route -----------------===//
//
// This file chooses where qru-route puts each logical wire before the first
// gate. The choice is a greedy heuristic, deterministic by construction:
// every search visits qubits in increasing order and every tie goes to the
// lowest number. Its cost measure, the weighted number of gates whose wires
// are not coupled times the distance beyond 1, approximates the SWAPs that
// routing will insert.
//
//===----------------------------------------------------------------------===//

#include "CouplingMap.h"

#include <limits>

using namespace qruc::qru;
using llvm::SmallVector;

/// The first `limit` qubits reached by breadth-first search from `start`
/// (fewer when its connected set is smaller).
static SmallVector<unsigned> growRegion(const CouplingMap &map, unsigned start,
                                        size_t limit) {
  SmallVector<unsigned> region{start};
  SmallVector<bool> seen(map.getNumQubits(), false);
  seen[start] = true;
  for (size_t head = 0; head < region.size() && region.size() < limit;
       ++head)
    for (unsigned next : map.getNeighbors(region[head]))
      if (!seen[next] && region.size() < limit) {
        seen[next] = true;
        region.push_back(next);
      }
  return region;
}

/// Distances between the qubits of `region` over paths inside it, by index
/// into `region`.
static SmallVector<SmallVector<unsigned>>
regionDistances(const CouplingMap &map, llvm::ArrayRef<unsigned> region) {
  const unsigned unreachable = std::numeric_limits<unsigned>::max();
  SmallVector<int> local(map.getNumQubits(), -1);
  for (auto [index, qubit] : llvm::enumerate(region))
    local[qubit] = index;
  SmallVector<SmallVector<unsigned>> distance(
      region.size(), SmallVector<unsigned>(region.size(), unreachable));
  for (size_t source = 0; source < region.size(); ++source) {
    SmallVector<unsigned> queue{static_cast<unsigned>(source)};
    distance[source][source] = 0;
    for (size_t head = 0; head < queue.size(); ++head)
      for (unsigned next : map.getNeighbors(region[queue[head]])) {
        int n = local[next];
        if (n >= 0 && distance[source][n] == unreachable) {
          distance[source][n] = distance[source][queue[head]] + 1;
          queue.push_back(n);
        }
      }
  }
  return distance;
}

std::optional<SmallVector<unsigned>>
qruc::qru::chooseInitialLayout(const CouplingMap &map,
                               const InteractionWeights &weights) {
  const size_t numWires = weights.size();
  if (numWires == 0)
    return SmallVector<unsigned>();
  SmallVector<unsigned> total(numWires, 0);
  for (size_t a = 0; a < numWires; ++a)
    for (size_t b = 0; b < numWires; ++b)
      total[a] += weights[a][b];

  std::optional<SmallVector<unsigned>> best;
  uint64_t bestCost = std::numeric_limits<uint64_t>::max();
  for (unsigned start = 0; start < map.getNumQubits(); ++start) {
    SmallVector<unsigned> region = growRegion(map, start, numWires);
    if (region.size() < numWires)
      continue;
    SmallVector<SmallVector<unsigned>> distance = regionDistances(map, region);

    // Place the wire that meets the placed ones most (at first the busiest
    // wire) on the free qubit closest to its partners, weighted.
    const unsigned none = std::numeric_limits<unsigned>::max();
    SmallVector<unsigned> slot(numWires, none);
    SmallVector<bool> taken(numWires, false);
    for (size_t placed = 0; placed < numWires; ++placed) {
      unsigned wire = none;
      uint64_t wireScore = 0;
      for (unsigned w = 0; w < numWires; ++w) {
        if (slot[w] != none)
          continue;
        uint64_t toPlaced = 0;
        for (unsigned v = 0; v < numWires; ++v)
          if (slot[v] != none)
            toPlaced += weights[w][v];
        uint64_t score = (toPlaced << 32) + total[w];
        if (wire == none || score > wireScore) {
          wire = w;
          wireScore = score;
        }
      }
      unsigned choice = none;
      uint64_t choiceCost = 0;
      for (unsigned s = 0; s < numWires; ++s) {
        if (taken[s])
          continue;
        uint64_t cost = 0;
        for (unsigned v = 0; v < numWires; ++v)
          if (slot[v] != none)
            cost += uint64_t(weights[wire][v]) * distance[s][slot[v]];
        if (choice == none || cost < choiceCost) {
          choice = s;
          choiceCost = cost;
        }
      }
      slot[wire] = choice;
      taken[choice] = true;
    }

    uint64_t cost = 0;
    for (size_t a = 0; a < numWires; ++a)
      for (size_t b = a + 1; b < numWires; ++b)
        cost += uint64_t(weights[a][b]) * (distance[slot[a]][slot[b]] - 1);
    if (cost < bestCost) {
      bestCost = cost;
      best.emplace();
      for (unsigned s : slot)
        best->push_back(region[s]);
    }
  }
  return best;
}

unsigned qruc::qru::getLargestConnectedSize(const CouplingMap &map) {
  size_t largest = 0;
  SmallVector<bool> seen(map.getNumQubits(), false);
  for (unsigned start = 0; start < map.getNumQubits(); ++start) {
    if (seen[start])
      continue;
    SmallVector<unsigned> region =
        growRegion(map, start, map.getNumQubits());
    for (unsigned qubit : region)
      seen[qubit] = true;
    largest = std::max(largest, region.size());
  }
  return largest;
}
