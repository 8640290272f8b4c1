//===- Json.h - a small JSON value, writer and parser -----------*- C++ -*-===//
//
// This file declares the JSON support of checkpoints: a value tree that
// keeps object members in insertion order, a writer that prints numbers in
// their shortest round-trip form (so a double read back is bit-identical),
// and a parser whose errors give the line and column. JSON has no NaN or
// infinity; the writer spells them as the strings "NaN", "Infinity" and
// "-Infinity", and toDouble() reads them back.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_JSON_H
#define QRUC_RUNTIME_JSON_H

#include "qruc/Runtime/DataError.h"

#include <string>
#include <utility>
#include <vector>

namespace qruc::runtime {

class JsonValue {
public:
  enum class Kind { Null, Bool, Number, String, Array, Object };
  using Members = std::vector<std::pair<std::string, JsonValue>>;

  JsonValue() = default;
  JsonValue(bool value) : kind_(Kind::Bool), boolean(value) {}
  JsonValue(double value) : kind_(Kind::Number), num(value) {}
  JsonValue(int value) : JsonValue(static_cast<double>(value)) {}
  JsonValue(std::string value) : kind_(Kind::String), str(std::move(value)) {}
  JsonValue(const char *value) : JsonValue(std::string(value)) {}
  static JsonValue array() { return JsonValue(Kind::Array); }
  static JsonValue object() { return JsonValue(Kind::Object); }
  /// An array of numbers.
  static JsonValue numbers(const std::vector<double> &values);

  Kind kind() const { return kind_; }
  bool isNull() const { return kind_ == Kind::Null; }
  bool isBool() const { return kind_ == Kind::Bool; }
  bool isNumber() const { return kind_ == Kind::Number; }
  bool isString() const { return kind_ == Kind::String; }
  bool isArray() const { return kind_ == Kind::Array; }
  bool isObject() const { return kind_ == Kind::Object; }

  bool asBool() const { return boolean; }
  double asNumber() const { return num; }
  const std::string &asString() const { return str; }
  const std::vector<JsonValue> &items() const { return elements; }
  const Members &members() const { return fields; }

  /// Appends to an array.
  void push(JsonValue value) { elements.push_back(std::move(value)); }
  /// Sets an object member (replacing one of the same name).
  void set(const std::string &key, JsonValue value);
  /// The member `key` of an object, or null if absent.
  const JsonValue *find(const std::string &key) const;

  /// Where the parser found the value (1-based; 0 when built in code).
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  void setLocation(std::size_t line, std::size_t column) {
    line_ = line;
    column_ = column;
  }

private:
  explicit JsonValue(Kind kind) : kind_(kind) {}
  Kind kind_ = Kind::Null;
  bool boolean = false;
  double num = 0;
  std::string str;
  std::vector<JsonValue> elements;
  Members fields;
  std::size_t line_ = 0, column_ = 0;
};

/// A number, or one of the strings "NaN", "Infinity", "-Infinity"; false
/// for anything else.
bool toDouble(const JsonValue &value, double &out);

/// The text of `value`: objects one member per line indented by two
/// spaces, arrays of scalars on one line; ends with a newline.
std::string writeJson(const JsonValue &value);

/// Parses one JSON document (RFC 8259; nesting up to 512 levels). Errors
/// carry `name` and the 1-based line and column.
DataResult<JsonValue> parseJson(const std::string &text,
                                const std::string &name);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_JSON_H
