//===- BatchedState.cpp - Batched state vectors, batch innermost ----------===//
//
// This file implements the construction and element access of BatchedState.
// None of this is on the hot path; the kernels address the rows directly.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/BatchedState.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <stdexcept>

using namespace qruc::runtime;

BatchedState::BatchedState(unsigned numQubits, std::size_t batch)
    : numQubits_(numQubits), dimension_(std::size_t(1) << numQubits),
      batch_(batch), paddedBatch_(paddedBatchSize(batch)) {
  // Checked in every build: a bad size here is a caller's configuration
  // error, and the allocation that follows would be meaningless.
  if (numQubits == 0 || numQubits > kMaxQubits)
    throw std::invalid_argument("qruc runtime: number of qubits out of range");
  if (batch == 0)
    throw std::invalid_argument("qruc runtime: empty batch");
  amplitudes_ = AlignedBuffer(2 * dimension_ * paddedBatch_);
  setZeroState();
}

void BatchedState::setZeroState() {
  std::memset(amplitudes_.data(), 0, amplitudes_.size() * sizeof(double));
  std::fill(re(), re() + paddedBatch_, 1.0);
}

std::complex<double> BatchedState::amplitude(std::size_t index,
                                             std::size_t sample) const {
  assert(index < dimension_ && sample < paddedBatch_);
  std::size_t at = index * paddedBatch_ + sample;
  return {re()[at], im()[at]};
}

void BatchedState::setAmplitude(std::size_t index, std::size_t sample,
                                std::complex<double> value) {
  assert(index < dimension_ && sample < paddedBatch_);
  std::size_t at = index * paddedBatch_ + sample;
  re()[at] = value.real();
  im()[at] = value.imag();
}

std::vector<std::complex<double>>
BatchedState::sample(std::size_t sample) const {
  std::vector<std::complex<double>> out(dimension_);
  for (std::size_t i = 0; i < dimension_; ++i)
    out[i] = amplitude(i, sample);
  return out;
}

void BatchedState::setSample(std::size_t sample,
                             const std::complex<double> *amplitudes) {
  for (std::size_t i = 0; i < dimension_; ++i)
    setAmplitude(i, sample, amplitudes[i]);
}
