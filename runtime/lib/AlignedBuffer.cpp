//===- AlignedBuffer.cpp - 64-byte aligned storage of doubles -------------===//
//
// This file implements AlignedBuffer on top of std::aligned_alloc, which
// requires the byte count to be a multiple of the alignment; the count is
// rounded up so that the tail of the last cache line is owned too.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/AlignedBuffer.h"

#include <cstdlib>
#include <cstring>
#include <new>

using namespace qruc::runtime;

static double *allocateDoubles(std::size_t count) {
  if (count == 0)
    return nullptr;
  std::size_t bytes = count * sizeof(double);
  bytes = (bytes + kCacheLineBytes - 1) / kCacheLineBytes * kCacheLineBytes;
  void *p = std::aligned_alloc(kCacheLineBytes, bytes);
  if (!p)
    throw std::bad_alloc();
  return static_cast<double *>(p);
}

void AlignedBuffer::Deleter::operator()(double *p) const { std::free(p); }

AlignedBuffer::AlignedBuffer(std::size_t count)
    : data_(allocateDoubles(count)), size_(count) {
  if (count)
    std::memset(data_.get(), 0, count * sizeof(double));
}

AlignedBuffer::AlignedBuffer(const AlignedBuffer &other)
    : data_(allocateDoubles(other.size_)), size_(other.size_) {
  if (size_)
    std::memcpy(data_.get(), other.data_.get(), size_ * sizeof(double));
}

AlignedBuffer &AlignedBuffer::operator=(const AlignedBuffer &other) {
  if (this != &other)
    *this = AlignedBuffer(other);
  return *this;
}

void AlignedBuffer::reserveUninitialized(std::size_t count) {
  if (count <= size_)
    return;
  data_.reset(allocateDoubles(count));
  size_ = count;
}
