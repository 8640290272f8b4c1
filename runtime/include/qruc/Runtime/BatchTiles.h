//===- BatchTiles.h - Running a batch on several threads --------*- C++ -*-===//
//
// This file declares the runtime's one form of parallelism: the batch is cut
// into contiguous tiles, one per thread, and a callable runs once per tile
// on its own thread for a whole unit of work (a mini-batch's forward and
// backward pass, say). Threads are started once per call and joined at the
// end, never per gate: a fork/join costs microseconds, a gate on a small
// state well under one. Each tile should own its own BatchedState of
// tile.size() samples, so that threads share no cache lines and no state.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_BATCHTILES_H
#define QRUC_RUNTIME_BATCHTILES_H

#include <cstddef>
#include <functional>
#include <vector>

namespace qruc::runtime {

/// Samples [begin, end) of the batch, processed by thread `index`.
struct BatchTile {
  std::size_t begin = 0;
  std::size_t end = 0;
  unsigned index = 0;

  std::size_t size() const { return end - begin; }
};

/// Splits [0, batch) into at most `numThreads` non-empty tiles whose
/// boundaries are multiples of kBatchMultiple, balanced to within one
/// multiple: every tile but the last then fills its padded rows exactly.
/// The split depends only on the arguments.
std::vector<BatchTile> splitBatch(std::size_t batch, unsigned numThreads);

/// Runs body(tile) for each tile of splitBatch(batch, numThreads): the
/// first tile on the calling thread, the others on threads started for this
/// call, and returns once all are done. An exception thrown by a body is
/// rethrown here after every thread has been joined.
void runBatchTiles(std::size_t batch, unsigned numThreads,
                   const std::function<void(const BatchTile &)> &body);

/// The number of hardware threads, at least 1.
unsigned hardwareThreads();

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_BATCHTILES_H
