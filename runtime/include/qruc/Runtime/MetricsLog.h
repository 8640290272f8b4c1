//===- MetricsLog.h - one CSV row of metrics per epoch ----------*- C++ -*-===//
//
// This file declares the metrics log: a CSV file with a header line naming
// the columns and one row of numbers per epoch, flushed row by row so that
// it can be followed while training runs. Opening in append mode (to
// resume a run) keeps the rows already there and writes the header only
// if the file is new or empty; an existing header must match the columns.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_METRICSLOG_H
#define QRUC_RUNTIME_METRICSLOG_H

#include "qruc/Runtime/DataError.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace qruc::runtime {

class MetricsLog {
public:
  /// Opens `path` for writing `columns` (names without commas, quotes or
  /// newlines). With `append`, an existing non-empty file is continued.
  static DataResult<MetricsLog> open(const std::string &path,
                                     std::vector<std::string> columns,
                                     bool append = false);

  /// Appends one row, one value per column (shortest round-trip form;
  /// NaN and infinities as nan, inf, -inf), and flushes it.
  DataStatus write(const std::vector<double> &row);

  const std::vector<std::string> &columns() const { return names; }
  const std::string &path() const { return file; }

private:
  struct Closer {
    void operator()(std::FILE *f) const { std::fclose(f); }
  };
  MetricsLog(std::string path, std::vector<std::string> columns,
             std::FILE *stream)
      : file(std::move(path)), names(std::move(columns)), stream(stream) {}

  std::string file;
  std::vector<std::string> names;
  std::unique_ptr<std::FILE, Closer> stream;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_METRICSLOG_H
