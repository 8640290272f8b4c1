//===- AlignedBuffer.h - 64-byte aligned storage of doubles -----*- C++ -*-===//
//
// This file declares AlignedBuffer, the owning array of doubles behind every
// batched state vector and per-sample coefficient table of the runtime. Its
// start is aligned to a cache line, and so is every row of a batched layout
// whose row length is a multiple of eight doubles: kernels can then use
// aligned vector loads and two threads never share a cache line.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_ALIGNEDBUFFER_H
#define QRUC_RUNTIME_ALIGNEDBUFFER_H

#include <cstddef>
#include <memory>

namespace qruc::runtime {

/// The alignment, in bytes, of every buffer: one cache line, which is also
/// the width of an AVX-512 register.
inline constexpr std::size_t kCacheLineBytes = 64;

/// A zero-initialised, cache-line aligned array of doubles. Copies are deep;
/// moves steal the storage.
class AlignedBuffer {
public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t count);
  AlignedBuffer(const AlignedBuffer &other);
  AlignedBuffer &operator=(const AlignedBuffer &other);
  AlignedBuffer(AlignedBuffer &&) noexcept = default;
  AlignedBuffer &operator=(AlignedBuffer &&) noexcept = default;

  double *data() { return data_.get(); }
  const double *data() const { return data_.get(); }
  std::size_t size() const { return size_; }

  /// Makes room for at least `count` doubles. Existing contents are not
  /// preserved when the buffer grows: this serves scratch space, which is
  /// rewritten by each use, so growing never copies.
  void reserveUninitialized(std::size_t count);

private:
  struct Deleter {
    void operator()(double *p) const;
  };
  std::unique_ptr<double[], Deleter> data_;
  std::size_t size_ = 0;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_ALIGNEDBUFFER_H
