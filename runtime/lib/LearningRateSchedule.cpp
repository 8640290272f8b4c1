//===- LearningRateSchedule.cpp - halve the rate on a plateau -------------===//
//
// This file implements the halve-and-revert learning-rate schedule.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/LearningRateSchedule.h"

using namespace qruc::runtime;

HalveOnPlateau::Action HalveOnPlateau::update(double loss,
                                              std::vector<double> &params,
                                              Optimizer &optimizer) {
  Action action;
  if (loss < best) {
    best = loss;
    bestParameters = params;
    stalled = 0;
    action.improved = true;
    return action;
  }
  if (++stalled < patience)
    return action;
  stalled = 0;
  ++halvings;
  optimizer.setLearningRate(optimizer.learningRate() * 0.5);
  action.halved = true;
  if (revert && !bestParameters.empty()) {
    params = bestParameters;
    action.reverted = true;
  }
  return action;
}
