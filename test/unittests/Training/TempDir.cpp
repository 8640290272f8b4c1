//===- TempDir.cpp - a scratch directory per test -------------------------===//
//
// This file implements the scratch directories and file builders of the
// training tests.
//
//===----------------------------------------------------------------------===//

#include "TempDir.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace qruc::runtime::test;

TempDir::TempDir() {
  std::string pattern = ::testing::TempDir() + "qruc-training-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (!mkdtemp(name.data()))
    ADD_FAILURE() << "cannot create a temporary directory from " << pattern;
  dir = name.data();
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

std::string TempDir::file(const std::string &name) const {
  return dir + "/" + name;
}

std::string TempDir::write(const std::string &name,
                           const std::string &contents) const {
  std::string path = file(name);
  std::ofstream out(path, std::ios::binary);
  out << contents;
  return path;
}

std::string qruc::runtime::test::gzipBytes(const std::string &data) {
  z_stream stream{};
  // 15 + 16: a gzip header and trailer instead of zlib's.
  deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()) + 64, '\0');
  stream.next_in =
      reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef *>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string
qruc::runtime::test::idxBytes(const std::vector<std::uint32_t> &sizes,
                              const std::vector<unsigned char> &payload) {
  std::string out;
  out += '\0';
  out += '\0';
  out += '\x08';
  out += static_cast<char>(sizes.size());
  for (std::uint32_t s : sizes)
    for (int shift = 24; shift >= 0; shift -= 8)
      out += static_cast<char>((s >> shift) & 0xFF);
  out.append(payload.begin(), payload.end());
  return out;
}

std::string qruc::runtime::test::readText(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
