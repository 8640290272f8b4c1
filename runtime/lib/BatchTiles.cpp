//===- BatchTiles.cpp - Running a batch on several threads ----------------===//
//
// This file implements the batch split and the once-per-call thread fan-out.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/BatchTiles.h"

#include "qruc/Runtime/BatchedState.h"

#include <algorithm>
#include <exception>
#include <thread>

using namespace qruc::runtime;

std::vector<BatchTile> qruc::runtime::splitBatch(std::size_t batch,
                                                 unsigned numThreads) {
  std::vector<BatchTile> tiles;
  if (batch == 0)
    return tiles;
  const std::size_t units = (batch + kBatchMultiple - 1) / kBatchMultiple;
  const std::size_t numTiles =
      std::min<std::size_t>(std::max(numThreads, 1u), units);
  std::size_t begin = 0;
  for (std::size_t t = 0; t < numTiles; ++t) {
    // The first (units % numTiles) tiles take one extra unit.
    const std::size_t take = units / numTiles + (t < units % numTiles);
    const std::size_t end = std::min(batch, begin + take * kBatchMultiple);
    tiles.push_back({begin, end, static_cast<unsigned>(t)});
    begin = end;
  }
  return tiles;
}

void qruc::runtime::runBatchTiles(
    std::size_t batch, unsigned numThreads,
    const std::function<void(const BatchTile &)> &body) {
  const std::vector<BatchTile> tiles = splitBatch(batch, numThreads);
  if (tiles.empty())
    return;
  std::vector<std::exception_ptr> errors(tiles.size());
  auto run = [&](std::size_t t) {
    try {
      body(tiles[t]);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(tiles.size() - 1);
  for (std::size_t t = 1; t < tiles.size(); ++t)
    threads.emplace_back(run, t);
  run(0);
  for (std::thread &thread : threads)
    thread.join();
  for (const std::exception_ptr &e : errors)
    if (e)
      std::rethrow_exception(e);
}

unsigned qruc::runtime::hardwareThreads() {
  return std::max(1u, std::thread::hardware_concurrency());
}
