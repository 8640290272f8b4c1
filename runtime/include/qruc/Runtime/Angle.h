//===- Angle.h - A gate angle, shared or one per sample ---------*- C++ -*-===//
//
// This file declares Angle, how a gate receives each of its real arguments.
// A trainable parameter is the same for the whole batch; an angle computed
// from the data (an encoded feature, a fed-forward readout) differs from
// sample to sample. Kernels distinguish the two because a shared angle lets
// the gate's matrix be computed once and broadcast, while a per-sample angle
// needs one coefficient row per matrix entry.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_ANGLE_H
#define QRUC_RUNTIME_ANGLE_H

#include <cstddef>

namespace qruc::runtime {

/// One real gate argument: a single value for the whole batch, or a pointer
/// to one value per sample. The pointed-to values are not copied; they must
/// outlive the gate application and hold at least batch() entries.
class Angle {
public:
  /// A shared angle; implicit so that `applyGate(s, GateKind::RX, {0}, {x})`
  /// reads naturally.
  Angle(double value) : value_(value) {}

  static Angle shared(double value) { return Angle(value); }
  static Angle perSample(const double *values) {
    Angle a(0.0);
    a.values_ = values;
    return a;
  }

  bool isShared() const { return values_ == nullptr; }
  /// The shared value; only meaningful when isShared().
  double value() const { return value_; }
  /// The per-sample values; null when isShared().
  const double *values() const { return values_; }

  /// The angle of sample `b`, for b < batch.
  double at(std::size_t b) const { return values_ ? values_[b] : value_; }

private:
  double value_ = 0.0;
  const double *values_ = nullptr;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_ANGLE_H
