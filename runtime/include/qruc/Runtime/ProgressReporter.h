//===- ProgressReporter.h - training progress for people --------*- C++ -*-===//
//
// This file declares the progress display of a training experiment. On a
// terminal it redraws one status line (a bar, the epoch or run, the loss,
// the metric and the time left); otherwise (a log file, a pipe, CI) it
// prints plain lines: one per epoch when there is a single run, one per
// finished run when there are several, so that logs stay readable.
//
// The estimated time left of a single run assumes it uses all its epochs;
// early stopping can only make it shorter.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_PROGRESSREPORTER_H
#define QRUC_RUNTIME_PROGRESSREPORTER_H

#include "qruc/Runtime/TrainingRun.h"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace qruc::runtime {

class ProgressReporter : public TrainingObserver {
public:
  /// `runs` runs of at most `maxEpochs` epochs each; `metricName` labels
  /// the training metric ("acc" or "mse"), shown as a percentage for
  /// accuracy.
  ProgressReporter(std::FILE *stream, bool terminal, std::size_t runs,
                   std::size_t maxEpochs, bool metricIsAccuracy);

  void batchDone(std::size_t run, std::size_t done,
                 std::size_t total) override;
  void epochDone(const EpochRecord &record) override;
  /// A run is tested; `summary` says how it scored (e.g. "correct").
  void runDone(std::size_t run, const std::string &summary);
  /// A run taken from its checkpoint instead of trained.
  void runSkipped();
  /// Ends the status line.
  void finish();

  /// `seconds` as "1h02m", "3m05s" or "12s".
  static std::string formatDuration(double seconds);

private:
  void draw(double fraction, const std::string &text);
  std::string metricText(double value) const;
  double elapsed() const;

  std::FILE *stream;
  bool terminal;
  std::size_t runs, maxEpochs;
  bool metricIsAccuracy;
  std::mutex mutex;
  std::chrono::steady_clock::time_point start =
      std::chrono::steady_clock::now();
  std::size_t runsDone = 0, runsSkipped = 0;
  std::size_t epochsSeen = 0;
  std::string lastEpochText;
  std::chrono::steady_clock::time_point lastDraw;
  bool drawn = false;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_PROGRESSREPORTER_H
