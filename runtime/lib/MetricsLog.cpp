//===- MetricsLog.cpp - one CSV row of metrics per epoch ------------------===//
//
// This file implements the metrics log.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/MetricsLog.h"
#include "qruc/Runtime/FileIO.h"

#include <sys/stat.h>

#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstring>

using namespace qruc::runtime;

DataResult<MetricsLog> MetricsLog::open(const std::string &path,
                                        std::vector<std::string> columns,
                                        bool append) {
  std::string header;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].find_first_of(",\"\n\r") != std::string::npos)
      return DataError{path, 0, 0,
                       "the column name '" + columns[i] +
                           "' holds a comma, quote or newline"};
    header += (i ? "," : "") + columns[i];
  }

  // What opening writes: the header for a new log, a line break after a
  // partial row that a killed run left behind, or nothing.
  std::string prefix = header + "\n";
  struct stat info;
  if (append && ::stat(path.c_str(), &info) == 0 && info.st_size > 0) {
    DataResult<std::string> existing = readFile(path);
    if (!existing)
      return existing.error();
    std::string first = existing->substr(0, existing->find('\n'));
    if (!first.empty() && first.back() == '\r')
      first.pop_back();
    if (first != header)
      return DataError{path, 1, 1,
                       "the log's columns are '" + first +
                           "', but this run writes '" + header + "'"};
    prefix = existing->back() == '\n' ? "" : "\n";
  }

  std::FILE *stream = std::fopen(path.c_str(), append ? "a" : "w");
  if (!stream)
    return DataError{path, 0, 0,
                     std::string("cannot open the file for writing: ") +
                         std::strerror(errno)};
  MetricsLog log(path, std::move(columns), stream);
  if (!prefix.empty() &&
      (std::fputs(prefix.c_str(), stream) < 0 || std::fflush(stream) != 0))
    return DataError{path, 0, 0,
                     std::string("cannot write the file: ") +
                         std::strerror(errno)};
  return log;
}

DataStatus MetricsLog::write(const std::vector<double> &row) {
  if (row.size() != names.size())
    return DataError{file, 0, 0,
                     "a row of " + std::to_string(row.size()) +
                         " values for " + std::to_string(names.size()) +
                         " columns"};
  std::string line;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i)
      line += ',';
    double v = row[i];
    if (std::isnan(v)) {
      line += "nan";
    } else if (std::isinf(v)) {
      line += v > 0 ? "inf" : "-inf";
    } else {
      char buffer[32];
      auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
      line.append(buffer, r.ptr);
    }
  }
  line += '\n';
  if (std::fputs(line.c_str(), stream.get()) < 0 ||
      std::fflush(stream.get()) != 0)
    return DataError{file, 0, 0,
                     std::string("cannot write the file: ") +
                         std::strerror(errno)};
  return std::nullopt;
}
