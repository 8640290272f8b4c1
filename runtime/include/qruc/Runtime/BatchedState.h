//===- BatchedState.h - Batched state vectors, batch innermost --*- C++ -*-===//
//
// This file declares BatchedState, the state vectors of B samples of one
// n-qubit circuit stored side by side. The layout is re[amp][b] and
// im[amp][b]: split real and imaginary arrays with the sample index innermost,
// rows padded to a multiple of eight samples and aligned to 64 bytes. Every
// gate then becomes a loop over whole rows whose inner loop runs over the
// batch with unit stride and identical arithmetic in every lane, which the
// compiler turns into plain vector code with no shuffles.
//
// Amplitude index convention: wire q is bit q of the index (wire 0 is the
// least significant bit), as in Qiskit.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_BATCHEDSTATE_H
#define QRUC_RUNTIME_BATCHEDSTATE_H

#include "qruc/Runtime/AlignedBuffer.h"

#include <complex>
#include <cstddef>
#include <vector>

namespace qruc::runtime {

/// Rows are padded to a multiple of this many samples: eight doubles fill
/// one cache line and one AVX-512 register (two AVX2 registers).
inline constexpr std::size_t kBatchMultiple = 8;

/// The largest register the runtime accepts. Amplitude indices are
/// std::size_t; the limit is there so that a 2^n × B state cannot silently
/// overflow, not because larger states are useful in our regime.
inline constexpr unsigned kMaxQubits = 30;

/// Rounds a batch size up to the padded row length.
inline std::size_t paddedBatchSize(std::size_t batch) {
  return (batch + kBatchMultiple - 1) / kBatchMultiple * kBatchMultiple;
}

/// The state vectors of `batch` samples of an n-qubit register. Padding
/// lanes (samples batch..paddedBatch) hold valid states too, so that kernels
/// never branch on the lane and never produce NaNs there; their contents are
/// otherwise unspecified.
class BatchedState {
public:
  /// Creates the state |0…0⟩ for every sample.
  BatchedState(unsigned numQubits, std::size_t batch);

  unsigned numQubits() const { return numQubits_; }
  /// 2^n, the number of amplitudes per sample.
  std::size_t dimension() const { return dimension_; }
  /// The number of real samples.
  std::size_t batch() const { return batch_; }
  /// The row length: batch rounded up to a multiple of kBatchMultiple.
  std::size_t paddedBatch() const { return paddedBatch_; }

  /// The real parts, dimension() rows of paddedBatch() doubles.
  double *re() { return amplitudes_.data(); }
  const double *re() const { return amplitudes_.data(); }
  /// The imaginary parts, laid out like re().
  double *im() { return amplitudes_.data() + dimension_ * paddedBatch_; }
  const double *im() const {
    return amplitudes_.data() + dimension_ * paddedBatch_;
  }

  /// Sets every sample (padding lanes included) back to |0…0⟩.
  void setZeroState();

  std::complex<double> amplitude(std::size_t index, std::size_t sample) const;
  void setAmplitude(std::size_t index, std::size_t sample,
                    std::complex<double> value);

  /// The 2^n amplitudes of one sample, for tests and interop; the hot path
  /// never copies a sample out.
  std::vector<std::complex<double>> sample(std::size_t sample) const;
  /// Overwrites one sample's amplitudes; `amplitudes` has dimension()
  /// entries and should be normalised.
  void setSample(std::size_t sample, const std::complex<double> *amplitudes);

  /// Per-call workspace of at least `count` doubles, cache-line aligned.
  /// Kernels that need per-sample coefficient rows take them from here so
  /// that applying a gate never allocates once the buffer has grown. The
  /// contents do not survive the next call.
  double *scratch(std::size_t count) {
    scratch_.reserveUninitialized(count);
    return scratch_.data();
  }

private:
  unsigned numQubits_;
  std::size_t dimension_;
  std::size_t batch_;
  std::size_t paddedBatch_;
  /// re rows followed by im rows: one allocation, both halves aligned.
  AlignedBuffer amplitudes_;
  AlignedBuffer scratch_;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_BATCHEDSTATE_H
