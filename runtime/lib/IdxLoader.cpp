//===- IdxLoader.cpp - reading MNIST-style IDX files ----------------------===//
//
// This file implements the IDX loader on zlib's gz* interface, which reads
// gzip and uncompressed files alike.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/IdxLoader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>

using namespace qruc::runtime;

namespace {

/// The decompressed bytes of a file.
DataResult<std::vector<unsigned char>> readAll(const std::string &path) {
  errno = 0;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file)
    return DataError{path, 0, 0,
                     std::string("cannot open the file: ") +
                         (errno ? std::strerror(errno) : "out of memory")};
  std::vector<unsigned char> bytes;
  unsigned char buffer[1 << 16];
  for (;;) {
    int n = gzread(file, buffer, sizeof buffer);
    if (n < 0) {
      int code = 0;
      std::string what = gzerror(file, &code);
      gzclose(file);
      return DataError{path, 0, 0,
                       "the gzip data is truncated or corrupt (" + what +
                           ") after " + std::to_string(bytes.size()) +
                           " decompressed bytes"};
    }
    if (n == 0)
      break;
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  // gzread reports a gzip stream cut short only through gzerror.
  int code = Z_OK;
  std::string what = gzerror(file, &code);
  gzclose(file);
  if (code != Z_OK && code != Z_STREAM_END)
    return DataError{path, 0, 0,
                     "the gzip data is truncated or corrupt (" + what +
                         ") after " + std::to_string(bytes.size()) +
                         " decompressed bytes"};
  return bytes;
}

std::uint32_t bigEndian32(const unsigned char *p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) |
         (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

std::string hex32(std::uint32_t v) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", v);
  return text;
}

/// Checks the header of an unsigned-byte IDX file with `dims` dimensions
/// and returns the sizes; the payload starts at 4 + 4·dims.
DataResult<std::vector<std::size_t>>
readHeader(const std::vector<unsigned char> &bytes, const std::string &path,
           unsigned dims, const char *what) {
  std::size_t headerSize = 4 + 4 * std::size_t(dims);
  if (bytes.empty())
    return DataError{path, 0, 0, "the file is empty"};
  if (bytes.size() < 4)
    return DataError{path, 0, 0,
                     "the file is truncated: " +
                         std::to_string(bytes.size()) +
                         " bytes, less than the 4-byte magic number"};
  std::uint32_t magic = bigEndian32(bytes.data());
  std::uint32_t expected = 0x0800u | dims;
  if (magic != expected)
    return DataError{path, 0, 0,
                     std::string("bad magic number ") + hex32(magic) +
                         ": expected " + hex32(expected) + " (" + what +
                         ": unsigned bytes, " + std::to_string(dims) +
                         (dims == 1 ? " dimension)" : " dimensions)")};
  if (bytes.size() < headerSize)
    return DataError{path, 0, 0,
                     "the file is truncated: " +
                         std::to_string(bytes.size()) +
                         " bytes, less than the " +
                         std::to_string(headerSize) + "-byte header"};
  std::vector<std::size_t> sizes;
  std::size_t payload = 1;
  bool overflow = false;
  for (unsigned d = 0; d < dims; ++d) {
    sizes.push_back(bigEndian32(bytes.data() + 4 + 4 * d));
    overflow |= __builtin_mul_overflow(payload, sizes.back(), &payload);
  }
  if (overflow || bytes.size() - headerSize < payload)
    return DataError{path, 0, 0,
                     "the file is truncated: the header announces " +
                         std::to_string(payload) + " bytes of data, but " +
                         std::to_string(bytes.size() - headerSize) +
                         " follow"};
  return sizes;
}

} // namespace

DataResult<Dataset> qruc::runtime::loadIdx(const std::string &imagesPath,
                                           const std::string &labelsPath,
                                           const IdxOptions &options) {
  for (std::size_t i = 0; i < options.classes.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (options.classes[i] == options.classes[j])
        return DataError{"", 0, 0,
                         "class " + std::to_string(options.classes[i]) +
                             " is listed twice"};

  DataResult<std::vector<unsigned char>> images = readAll(imagesPath);
  if (!images)
    return images.error();
  // Read and check one file before the other, so that the first problem
  // reported is the one a user would look for first.
  DataResult<std::vector<std::size_t>> imageSizes =
      readHeader(*images, imagesPath, 3, "images");
  if (!imageSizes)
    return imageSizes.error();
  DataResult<std::vector<unsigned char>> labels = readAll(labelsPath);
  if (!labels)
    return labels.error();
  DataResult<std::vector<std::size_t>> labelSizes =
      readHeader(*labels, labelsPath, 1, "labels");
  if (!labelSizes)
    return labelSizes.error();

  std::size_t count = (*imageSizes)[0], rows = (*imageSizes)[1],
              cols = (*imageSizes)[2];
  if ((*labelSizes)[0] != count)
    return DataError{labelsPath, 0, 0,
                     "the file has " + std::to_string((*labelSizes)[0]) +
                         " labels, but '" + imagesPath + "' has " +
                         std::to_string(count) + " images"};

  Dataset data;
  data.source = imagesPath;
  data.numFeatures = rows * cols;
  data.imageRows = rows;
  data.imageCols = cols;
  const unsigned char *pixels = images->data() + 16;
  const unsigned char *labelBytes = labels->data() + 8;
  for (std::size_t i = 0; i < count; ++i) {
    if (options.limit && data.numSamples == options.limit)
      break;
    long label = labelBytes[i];
    if (!options.classes.empty()) {
      auto it = std::find(options.classes.begin(), options.classes.end(),
                          label);
      if (it == options.classes.end())
        continue;
      label = it - options.classes.begin();
    }
    const unsigned char *image = pixels + i * data.numFeatures;
    data.features.insert(data.features.end(), image,
                         image + data.numFeatures);
    data.labels.push_back(static_cast<double>(label));
    ++data.numSamples;
  }
  if (data.numSamples == 0) {
    std::string listed;
    for (std::size_t i = 0; i < options.classes.size(); ++i)
      listed += (i ? ", " : "") + std::to_string(options.classes[i]);
    return DataError{labelsPath, 0, 0,
                     options.classes.empty()
                         ? std::string("the file holds no samples")
                         : "no sample has one of the classes [" + listed +
                               "]"};
  }
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c)
      data.featureNames.push_back("pixel[" + std::to_string(r) + "][" +
                                  std::to_string(c) + "]");
  return data;
}
