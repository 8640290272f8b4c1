//===- CsvLoader.h - reading a data set from CSV ----------------*- C++ -*-===//
//
// This file declares the CSV loader behind `data = csv(path, header = n,
// label = c)`: comma-separated numbers, one sample per line, `header` lines
// skipped at the top, one column holding the label. Every problem is
// returned as a DataError naming the file, the line and the column
// (1-based, in characters) where it was found.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_CSVLOADER_H
#define QRUC_RUNTIME_CSVLOADER_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Dataset.h"

#include <string>

namespace qruc::runtime {

struct CsvOptions {
  /// Lines skipped at the top. The last of them names the columns if it
  /// has as many fields as the data rows.
  std::size_t header = 0;
  /// The label's column, 0-based; negative counts from the end (-1 is the
  /// last column).
  long label = -1;
};

/// Reads `path`. Rules: lines end in LF or CRLF; blank lines are skipped;
/// fields are separated by commas and may be surrounded by spaces or
/// double quotes; every value must be a finite number (a label too); every
/// data row has as many fields as the first. The first data row decides
/// the number of features (fields - 1).
DataResult<Dataset> loadCsv(const std::string &path,
                            const CsvOptions &options = {});

/// As loadCsv, on text already in memory; `name` is used in errors.
DataResult<Dataset> parseCsv(const std::string &text, const std::string &name,
                             const CsvOptions &options = {});

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_CSVLOADER_H
