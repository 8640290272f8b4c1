//===- TempDir.h - a scratch directory per test -----------------*- C++ -*-===//
//
// This file declares TempDir, a directory created for one test and removed
// with everything in it when the test ends, and helpers that write the
// small data files the loader tests read.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_UNITTESTS_TRAINING_TEMPDIR_H
#define QRUC_UNITTESTS_TRAINING_TEMPDIR_H

#include <cstdint>
#include <string>
#include <vector>

namespace qruc::runtime::test {

class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  const std::string &path() const { return dir; }
  /// path()/name
  std::string file(const std::string &name) const;
  /// Writes `contents` to path()/name and returns that path.
  std::string write(const std::string &name, const std::string &contents) const;

private:
  std::string dir;
};

/// The bytes of `data` gzip-compressed.
std::string gzipBytes(const std::string &data);

/// An IDX file of unsigned bytes: magic 0x0000 0x08 <dims>, the sizes
/// big-endian, then `payload`.
std::string idxBytes(const std::vector<std::uint32_t> &sizes,
                     const std::vector<unsigned char> &payload);

/// The contents of a file, or "" if it cannot be read.
std::string readText(const std::string &path);

} // namespace qruc::runtime::test

#endif // QRUC_UNITTESTS_TRAINING_TEMPDIR_H
