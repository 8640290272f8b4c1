//===- EarlyStopping.cpp - stop when the loss stops improving -------------===//
//
// This file implements the plateau rule of early stopping.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/EarlyStopping.h"

using namespace qruc::runtime;

bool EarlyStopping::update(std::size_t epoch, double loss) {
  seen = true;
  if (loss < best - minDelta) {
    best = loss;
    bestAt = epoch;
    stalled = 0;
  } else {
    ++stalled;
  }
  return shouldStop();
}
