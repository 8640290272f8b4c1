//===- CouplingMap.cpp - a device's coupling map for qru-route -------------===//
//
// This file reads a coupling map from its JSON edge list with llvm::json and
// turns it into sorted adjacency lists, so that every search over it visits
// qubits in the same order and routing is deterministic.
//
//===----------------------------------------------------------------------===//

#include "CouplingMap.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace mlir;
using namespace qruc::qru;

/// The most physical qubits a map may name: a bound on the adjacency lists a
/// typo such as [0, 100000000] would otherwise allocate.
static constexpr int64_t kMaxQubits = 1 << 16;

FailureOr<CouplingMap> CouplingMap::read(StringRef path, Location loc) {
  if (path.empty())
    return emitError(loc, "qru-route needs a coupling map: pass "
                          "coupling-map=FILE"),
           failure();
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return emitError(loc, "cannot read coupling map '")
               << path << "': " << buffer.getError().message(),
           failure();
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*buffer)->getBuffer());
  if (!json)
    return emitError(loc, "coupling map '")
               << path << "' is not valid JSON: "
               << llvm::toString(json.takeError()),
           failure();

  const llvm::json::Array *list = json->getAsArray();
  if (!list)
    return emitError(loc, "coupling map '")
               << path << "' must be a list of edges such as [[0, 1], [1, 2]]",
           failure();
  SmallVector<std::pair<unsigned, unsigned>> edges;
  for (auto [index, entry] : llvm::enumerate(*list)) {
    const llvm::json::Array *pair = entry.getAsArray();
    std::optional<int64_t> a, b;
    if (pair && pair->size() == 2) {
      a = (*pair)[0].getAsInteger();
      b = (*pair)[1].getAsInteger();
    }
    if (!a || !b || *a < 0 || *b < 0 || *a >= kMaxQubits ||
        *b >= kMaxQubits)
      return emitError(loc, "coupling map '")
                 << path << "': edge " << index
                 << " must be a pair of qubit numbers in [0, " << kMaxQubits
                 << "), but got " << llvm::formatv("{0}", entry).str(),
             failure();
    if (*a == *b)
      return emitError(loc, "coupling map '")
                 << path << "': edge " << index << " couples qubit " << *a
                 << " with itself",
             failure();
    edges.emplace_back(*a, *b);
  }
  return fromEdges(edges);
}

CouplingMap
CouplingMap::fromEdges(ArrayRef<std::pair<unsigned, unsigned>> edges) {
  CouplingMap map;
  for (auto [a, b] : edges) {
    unsigned size = std::max(a, b) + 1;
    if (map.neighbors.size() < size)
      map.neighbors.resize(size);
    map.neighbors[a].push_back(b);
    map.neighbors[b].push_back(a);
  }
  for (auto &list : map.neighbors) {
    llvm::sort(list);
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return map;
}

bool CouplingMap::areCoupled(unsigned a, unsigned b) const {
  return a < neighbors.size() && llvm::is_contained(neighbors[a], b);
}
