//===- BatchTilesTest.cpp - Threads over batch tiles ----------------------===//
//
// This file tests the batch split and the thread fan-out, and that a random
// circuit with per-sample angles, measurements, resets and readouts gives
// bit-for-bit the same amplitudes, outcomes and readouts on 1, 2, 3 and 4
// threads, each tile owning its own state.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"
#include "RandomCircuit.h"

#include "qruc/Runtime/BatchTiles.h"
#include "qruc/Runtime/Expectation.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

TEST(BatchTiles, SplitCoversTheBatchOnAlignedBoundaries) {
  for (std::size_t batch : {1, 7, 8, 9, 20, 64, 100, 1001})
    for (unsigned threads : {1u, 2u, 3u, 4u, 16u}) {
      const std::vector<BatchTile> tiles = splitBatch(batch, threads);
      ASSERT_FALSE(tiles.empty());
      EXPECT_LE(tiles.size(), threads);
      std::size_t next = 0, smallest = batch, largest = 0;
      for (std::size_t t = 0; t < tiles.size(); ++t) {
        EXPECT_EQ(tiles[t].index, t);
        EXPECT_EQ(tiles[t].begin, next);
        EXPECT_GT(tiles[t].size(), 0u);
        EXPECT_EQ(tiles[t].begin % kBatchMultiple, 0u);
        next = tiles[t].end;
        if (t + 1 < tiles.size()) {
          smallest = std::min(smallest, tiles[t].size());
          largest = std::max(largest, tiles[t].size());
        }
      }
      EXPECT_EQ(next, batch);
      if (tiles.size() > 2) {
        EXPECT_LE(largest - smallest, kBatchMultiple);
      }
    }
  EXPECT_TRUE(splitBatch(0, 4).empty());
  EXPECT_EQ(splitBatch(20, 0).size(), 1u);
}

TEST(BatchTiles, RunsEveryTileOnceOnDistinctThreads) {
  std::mutex m;
  std::set<std::thread::id> ids;
  std::vector<int> hits(100, 0);
  runBatchTiles(100, 4, [&](const BatchTile &tile) {
    {
      std::lock_guard<std::mutex> lock(m);
      ids.insert(std::this_thread::get_id());
    }
    for (std::size_t b = tile.begin; b < tile.end; ++b)
      ++hits[b];
  });
  EXPECT_EQ(ids.size(), 4u);
  for (int h : hits)
    EXPECT_EQ(h, 1);
}

TEST(BatchTiles, RethrowsAnExceptionAfterJoining) {
  std::atomic<int> finished{0};
  EXPECT_THROW(runBatchTiles(64, 3,
                             [&](const BatchTile &tile) {
                               if (tile.index == 1)
                                 throw std::runtime_error("tile failed");
                               ++finished;
                             }),
               std::runtime_error);
  EXPECT_EQ(finished.load(), 2);
}

/// Everything one run produces, in global sample order.
struct RunResult {
  std::vector<double> amplitudes;
  std::vector<std::uint8_t> outcomes; // op-major, then sample
  std::vector<double> readouts;       // word-major, then sample
};

RunResult runOnThreads(const RandomCircuit &circuit,
                       const std::vector<CVector> &initial,
                       unsigned threads) {
  const std::size_t batch = circuit.batch;
  const PauliWord words[] = {PauliWord({{0, Pauli::Z}}),
                             PauliWord({{2, Pauli::X}, {3, Pauli::Y}})};
  RunResult r;
  const std::size_t dim = std::size_t(1) << circuit.numQubits;
  r.amplitudes.assign(2 * dim * batch, 0.0);
  r.readouts.assign(std::size(words) * batch, 0.0);
  std::vector<std::vector<std::uint8_t>> tileOutcomes(threads);
  const std::vector<BatchTile> tiles = splitBatch(batch, threads);
  runBatchTiles(batch, threads, [&](const BatchTile &tile) {
    BatchedState state(circuit.numQubits, tile.size());
    for (std::size_t b = 0; b < tile.size(); ++b)
      setSample(state, b, initial[tile.begin + b]);
    runCircuit(circuit, state, tile.begin, CounterRng(77),
               tileOutcomes[tile.index]);
    for (std::size_t b = 0; b < tile.size(); ++b)
      for (std::size_t i = 0; i < dim; ++i) {
        const std::complex<double> a = state.amplitude(i, b);
        r.amplitudes[(tile.begin + b) * 2 * dim + 2 * i] = a.real();
        r.amplitudes[(tile.begin + b) * 2 * dim + 2 * i + 1] = a.imag();
      }
    for (std::size_t w = 0; w < std::size(words); ++w)
      expectationValues(state, words[w],
                        r.readouts.data() + w * batch + tile.begin);
  });
  // Reassemble the outcomes in global order, op by op.
  const std::size_t numMeasurements =
      tileOutcomes[0].size() / tiles[0].size();
  for (std::size_t k = 0; k < numMeasurements; ++k)
    for (const BatchTile &tile : tiles)
      for (std::size_t b = 0; b < tile.size(); ++b)
        r.outcomes.push_back(tileOutcomes[tile.index][k * tile.size() + b]);
  return r;
}

TEST(BatchTiles, ThreadsGiveBitIdenticalResults) {
  std::mt19937_64 rng(61);
  const unsigned n = 6;
  const std::size_t batch = 45;
  const RandomCircuit circuit = makeRandomCircuit(n, batch, 250, 0.05, rng);
  std::vector<CVector> initial;
  for (std::size_t b = 0; b < batch; ++b)
    initial.push_back(randomState(n, rng));
  const RunResult one = runOnThreads(circuit, initial, 1);
  ASSERT_FALSE(one.outcomes.empty());
  for (unsigned threads : {2u, 3u, 4u}) {
    const RunResult many = runOnThreads(circuit, initial, threads);
    EXPECT_EQ(one.amplitudes, many.amplitudes) << threads << " threads";
    EXPECT_EQ(one.outcomes, many.outcomes) << threads << " threads";
    EXPECT_EQ(one.readouts, many.readouts) << threads << " threads";
  }
}

} // namespace
