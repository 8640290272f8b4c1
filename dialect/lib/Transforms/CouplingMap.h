//===- CouplingMap.h - a device's coupling map for qru-route ----*- C++ -*-===//
//
// This file declares the coupling map qru-route routes to: the physical
// qubits of a device and the undirected edges between them on which a
// two-qubit gate may act, read from a JSON edge list.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_TRANSFORMS_COUPLINGMAP_H
#define QRUC_DIALECT_QRU_TRANSFORMS_COUPLINGMAP_H

#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace qruc::qru {

class CouplingMap {
public:
  /// Reads a JSON list of pairs of non-negative qubit numbers, such as
  /// `[[0, 1], [1, 2], [1, 3]]`; an edge couples its qubits both ways. The
  /// device has max + 1 physical qubits. Reports any problem at `loc`.
  static mlir::FailureOr<CouplingMap> read(llvm::StringRef path,
                                           mlir::Location loc);

  /// Builds a map from `edges` directly (for tests); qubits 0 … max.
  static CouplingMap fromEdges(llvm::ArrayRef<std::pair<unsigned, unsigned>>
                                   edges);

  unsigned getNumQubits() const { return neighbors.size(); }
  /// The qubits coupled to `qubit`, in increasing order.
  llvm::ArrayRef<unsigned> getNeighbors(unsigned qubit) const {
    return neighbors[qubit];
  }
  bool areCoupled(unsigned a, unsigned b) const;

private:
  llvm::SmallVector<llvm::SmallVector<unsigned, 4>> neighbors;
};

/// How often each pair of logical wires meets in a two-qubit gate:
/// `weights[a][b] == weights[b][a]`.
using InteractionWeights = llvm::SmallVector<llvm::SmallVector<unsigned>>;

/// The initial layout qru-route starts from: entry w is the physical qubit of
/// logical wire w, for `weights.size()` wires. Grows a region of that many
/// connected qubits by breadth-first search from every physical qubit in
/// turn, places the wires in it greedily (each next to the wires it meets
/// most) and keeps the region whose placement puts the fewest weighted
/// gates on qubits that are not coupled. std::nullopt when no connected set
/// of qubits is large enough.
std::optional<llvm::SmallVector<unsigned>>
chooseInitialLayout(const CouplingMap &map, const InteractionWeights &weights);

/// The number of qubits in the largest connected set of `map`.
unsigned getLargestConnectedSize(const CouplingMap &map);

} // namespace qruc::qru

#endif // QRUC_DIALECT_QRU_TRANSFORMS_COUPLINGMAP_H
