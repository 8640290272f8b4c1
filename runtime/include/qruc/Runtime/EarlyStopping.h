//===- EarlyStopping.h - stop when the loss stops improving -----*- C++ -*-===//
//
// This file declares the rule behind `early_stop = plateau(patience = p,
// min_delta = d, monitor = "train_loss" | "val_loss")`: an epoch improves
// when its monitored loss is below the best so far by more than d; training
// stops after p epochs in a row without improvement (as Keras'
// EarlyStopping). The driver feeds the monitored loss, and may restore the
// parameters of bestEpoch().
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_EARLYSTOPPING_H
#define QRUC_RUNTIME_EARLYSTOPPING_H

#include <cstddef>
#include <limits>

namespace qruc::runtime {

class EarlyStopping {
public:
  enum class Monitor { TrainLoss, ValLoss };

  EarlyStopping(std::size_t patience, double minDelta = 0.0,
                Monitor monitor = Monitor::TrainLoss)
      : patience(patience), minDelta(minDelta), what(monitor) {}

  /// Records the monitored loss of epoch `epoch`; returns true when
  /// training should stop now. A NaN loss never improves.
  bool update(std::size_t epoch, double loss);
  /// Whether the last update() improved on the best loss.
  bool improved() const { return stalled == 0 && seen; }

  Monitor monitor() const { return what; }
  double bestLoss() const { return best; }
  std::size_t bestEpoch() const { return bestAt; }
  std::size_t epochsSinceImprovement() const { return stalled; }
  bool shouldStop() const { return stalled >= patience; }

  /// Puts the rule back where a checkpoint left it (after at least one
  /// update()).
  void restore(double bestLoss, std::size_t bestEpochSeen,
               std::size_t epochsSinceImprovement) {
    best = bestLoss;
    bestAt = bestEpochSeen;
    stalled = epochsSinceImprovement;
    seen = true;
  }

private:
  std::size_t patience;
  double minDelta;
  Monitor what;
  double best = std::numeric_limits<double>::infinity();
  std::size_t bestAt = 0;
  std::size_t stalled = 0;
  bool seen = false;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_EARLYSTOPPING_H
