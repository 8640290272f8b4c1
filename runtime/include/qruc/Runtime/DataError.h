//===- DataError.h - errors of the training library as values ---*- C++ -*-===//
//
// This file declares DataError, the one error type of the data, checkpoint
// and experiment code: where (file, line, column, all optional) and what.
// The library never prints and never exits; it returns a DataResult<T>
// holding either a value or a DataError, and the driver decides how to
// report it (`file:line:col: error: message`).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_DATAERROR_H
#define QRUC_RUNTIME_DATAERROR_H

#include <cassert>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace qruc::runtime {

/// A located error. `line` and `column` are 1-based; 0 means unknown (a
/// binary file, a file that cannot be opened, or an error about the file
/// as a whole). `message` is lowercase without a trailing period.
struct DataError {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;

  /// `file:line:col: error: message`, leaving out the parts that are
  /// unknown: `file: error: message`, or `error: message` without a file.
  std::string str() const;
};

/// Either a T or a DataError.
template <typename T> class DataResult {
public:
  DataResult(T value) : value_(std::move(value)) {}
  DataResult(DataError error) : error_(std::move(error)) {}

  explicit operator bool() const { return value_.has_value(); }
  bool ok() const { return value_.has_value(); }

  T &operator*() {
    assert(value_ && "no value: check ok() first");
    return *value_;
  }
  const T &operator*() const {
    assert(value_ && "no value: check ok() first");
    return *value_;
  }
  T *operator->() { return &**this; }
  const T *operator->() const { return &**this; }

  const DataError &error() const {
    assert(error_ && "no error: the result holds a value");
    return *error_;
  }
  /// Moves the value out.
  T take() { return std::move(**this); }

private:
  std::optional<T> value_;
  std::optional<DataError> error_;
};

/// The result of an operation that produces nothing but may fail: empty
/// when it succeeded.
using DataStatus = std::optional<DataError>;

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_DATAERROR_H
