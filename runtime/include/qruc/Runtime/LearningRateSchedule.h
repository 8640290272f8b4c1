//===- LearningRateSchedule.h - halve the rate on a plateau -----*- C++ -*-===//
//
// This file declares the schedule behind `schedule = halve_on_plateau(
// patience = p, revert = r)`, the rule of qru.md's oscillation runs: after
// each epoch the loss is compared with the best so far; when it has not
// improved (strictly) for p epochs in a row, the learning rate is halved
// and, with revert, the parameters go back to those of the best epoch. The
// count then starts again. The optimizer's moments are kept: only the
// rate and the parameters change.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_LEARNINGRATESCHEDULE_H
#define QRUC_RUNTIME_LEARNINGRATESCHEDULE_H

#include "qruc/Runtime/Optimizers.h"

#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

namespace qruc::runtime {

class HalveOnPlateau {
public:
  HalveOnPlateau(std::size_t patience, bool revert)
      : patience(patience), revert(revert) {}

  /// What update() did.
  struct Action {
    bool improved = false;
    bool halved = false;
    bool reverted = false;
  };

  /// Call after every epoch with that epoch's loss and the parameters it
  /// ended with. Remembers them if the loss is the best so far; otherwise
  /// counts, and after `patience` such epochs halves the optimizer's rate
  /// and (with revert) overwrites `params` with the best ones. A NaN loss
  /// never improves.
  Action update(double loss, std::vector<double> &params,
                Optimizer &optimizer);

  double bestLoss() const { return best; }
  const std::vector<double> &bestParams() const { return bestParameters; }
  std::size_t epochsSinceImprovement() const { return stalled; }
  std::size_t timesHalved() const { return halvings; }

  /// Puts the rule back where a checkpoint left it: the best loss and its
  /// parameters, the epochs since then and the halvings so far.
  void restore(double bestLoss, std::vector<double> bestParams,
               std::size_t epochsSinceImprovement, std::size_t timesHalved) {
    best = bestLoss;
    bestParameters = std::move(bestParams);
    stalled = epochsSinceImprovement;
    halvings = timesHalved;
  }

private:
  std::size_t patience;
  bool revert;
  double best = std::numeric_limits<double>::infinity();
  std::vector<double> bestParameters;
  std::size_t stalled = 0;
  std::size_t halvings = 0;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_LEARNINGRATESCHEDULE_H
