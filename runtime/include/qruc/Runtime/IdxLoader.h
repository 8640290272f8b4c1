//===- IdxLoader.h - reading MNIST-style IDX files --------------*- C++ -*-===//
//
// This file declares the loader behind `data = idx(images = ..., labels =
// ..., classes = [...], limit = n)`: an IDX image file (unsigned bytes,
// three dimensions: count, rows, columns) and an IDX label file (unsigned
// bytes, one dimension), each plain or gzip-compressed. Headers are
// big-endian: a magic number 0x0000 0x08 <dims>, then one 32-bit size per
// dimension. Pixels are kept as raw values 0..255; scaling is a separate
// step.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_IDXLOADER_H
#define QRUC_RUNTIME_IDXLOADER_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Dataset.h"

#include <string>
#include <vector>

namespace qruc::runtime {

struct IdxOptions {
  /// Keep only these labels, relabelled 0, 1, ... in this order. Empty:
  /// keep everything with the labels of the file.
  std::vector<long> classes;
  /// Keep at most this many samples (the first ones in file order, after
  /// the class filter); 0 keeps all.
  std::size_t limit = 0;
};

/// Reads an image file and its label file. Errors (line and column 0; the
/// message gives the byte offset where it matters): a file that cannot be
/// opened or is not valid gzip, a wrong magic number, a truncated file,
/// image and label counts that differ, a class listed twice.
DataResult<Dataset> loadIdx(const std::string &imagesPath,
                            const std::string &labelsPath,
                            const IdxOptions &options = {});

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_IDXLOADER_H
