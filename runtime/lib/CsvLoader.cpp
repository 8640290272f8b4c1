//===- CsvLoader.cpp - reading a data set from CSV ------------------------===//
//
// This file implements the CSV loader: a line splitter that keeps the
// column of every field, a locale-independent number parser, and the checks
// whose messages users see when a data file is malformed.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/CsvLoader.h"
#include "qruc/Runtime/FileIO.h"

#include <charconv>
#include <cmath>

using namespace qruc::runtime;

namespace {

struct Field {
  std::string text;   ///< trimmed, quotes removed
  std::size_t column; ///< 1-based column of the first character of `text`
};

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::vector<Field> splitFields(const std::string &line) {
  std::vector<Field> fields;
  std::size_t begin = 0;
  for (;;) {
    std::size_t end = line.find(',', begin);
    if (end == std::string::npos)
      end = line.size();
    std::size_t first = begin, last = end;
    while (first < last && isBlank(line[first]))
      ++first;
    while (last > first && isBlank(line[last - 1]))
      --last;
    if (last - first >= 2 && line[first] == '"' && line[last - 1] == '"') {
      ++first;
      --last;
    }
    fields.push_back({line.substr(first, last - first), first + 1});
    if (end == line.size())
      break;
    begin = end + 1;
  }
  return fields;
}

enum class NumberStatus { Ok, Missing, NotANumber, NotFinite };

NumberStatus parseNumber(const std::string &text, double &value) {
  if (text.empty())
    return NumberStatus::Missing;
  const char *begin = text.data(), *end = text.data() + text.size();
  if (*begin == '+')
    ++begin;
  // from_chars is locale-independent, unlike strtod.
  std::from_chars_result r = std::from_chars(begin, end, value);
  if (r.ec == std::errc::result_out_of_range)
    return NumberStatus::NotFinite;
  if (r.ec != std::errc() || r.ptr != end)
    return NumberStatus::NotANumber;
  if (!std::isfinite(value))
    return NumberStatus::NotFinite;
  return NumberStatus::Ok;
}

std::string plural(std::size_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

} // namespace

DataResult<Dataset> qruc::runtime::loadCsv(const std::string &path,
                                           const CsvOptions &options) {
  DataResult<std::string> text = readFile(path);
  if (!text)
    return text.error();
  return parseCsv(*text, path, options);
}

DataResult<Dataset> qruc::runtime::parseCsv(const std::string &text,
                                            const std::string &name,
                                            const CsvOptions &options) {
  auto error = [&](std::size_t line, std::size_t column, std::string message) {
    return DataError{name, line, column, std::move(message)};
  };

  bool allBlank = true;
  for (char c : text)
    if (!isBlank(c) && c != '\n' && c != '\r')
      allBlank = false;
  if (allBlank)
    return error(1, 1, "the file is empty");

  Dataset data;
  data.source = name;
  std::vector<Field> headerFields;
  std::size_t numFields = 0, labelColumn = 0, lineNo = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos)
      end = text.size();
    std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();

    if (lineNo <= options.header) {
      if (lineNo == options.header)
        headerFields = splitFields(line);
      continue;
    }
    bool blank = true;
    for (char c : line)
      if (!isBlank(c))
        blank = false;
    if (blank)
      continue;

    std::vector<Field> fields = splitFields(line);
    if (numFields == 0) {
      numFields = fields.size();
      if (numFields < 2)
        return error(lineNo, 1,
                     "expected at least 2 fields (a feature and the label), "
                     "but found 1");
      long column = options.label < 0
                        ? static_cast<long>(numFields) + options.label
                        : options.label;
      if (column < 0 || column >= static_cast<long>(numFields))
        return error(lineNo, 1,
                     "label column " + std::to_string(options.label) +
                         " is out of range for rows of " +
                         plural(numFields, "field"));
      labelColumn = static_cast<std::size_t>(column);
      data.numFeatures = numFields - 1;
    } else if (fields.size() != numFields) {
      std::size_t column = fields.size() > numFields
                               ? fields[numFields].column
                               : line.size() + 1;
      return error(lineNo, column,
                   "expected " + plural(numFields, "field") + " (" +
                       plural(numFields - 1, "feature") +
                       " and the label), but found " +
                       std::to_string(fields.size()));
    }

    for (std::size_t i = 0; i < fields.size(); ++i) {
      double value = 0;
      std::string what = i == labelColumn
                             ? std::string("the label")
                             : "field " + std::to_string(i + 1);
      switch (parseNumber(fields[i].text, value)) {
      case NumberStatus::Ok:
        break;
      case NumberStatus::Missing:
        return error(lineNo, fields[i].column, "missing value in " + what);
      case NumberStatus::NotANumber:
        return error(lineNo, fields[i].column,
                     "'" + fields[i].text + "' in " + what +
                         " is not a number");
      case NumberStatus::NotFinite:
        return error(lineNo, fields[i].column,
                     "'" + fields[i].text + "' in " + what +
                         " is not a finite number");
      }
      if (i == labelColumn)
        data.labels.push_back(value);
      else
        data.features.push_back(value);
    }
    ++data.numSamples;
  }

  if (data.numSamples == 0)
    return error(lineNo, 1,
                 "no data rows after " + plural(options.header, "header row"));
  if (headerFields.size() == numFields)
    for (std::size_t i = 0; i < numFields; ++i)
      if (i != labelColumn)
        data.featureNames.push_back(headerFields[i].text);
  return data;
}
