//===- Json.cpp - a small JSON value, writer and parser -------------------===//
//
// This file implements the JSON writer (shortest round-trip numbers through
// std::to_chars) and a recursive-descent parser that tracks line and
// column for its error messages.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

using namespace qruc::runtime;

JsonValue JsonValue::numbers(const std::vector<double> &values) {
  JsonValue result = array();
  result.elements.reserve(values.size());
  for (double v : values)
    result.elements.emplace_back(v);
  return result;
}

void JsonValue::set(const std::string &key, JsonValue value) {
  for (auto &[name, member] : fields)
    if (name == key) {
      member = std::move(value);
      return;
    }
  fields.emplace_back(key, std::move(value));
}

const JsonValue *JsonValue::find(const std::string &key) const {
  for (const auto &[name, member] : fields)
    if (name == key)
      return &member;
  return nullptr;
}

bool qruc::runtime::toDouble(const JsonValue &value, double &out) {
  if (value.isNumber()) {
    out = value.asNumber();
    return true;
  }
  if (!value.isString())
    return false;
  const std::string &s = value.asString();
  if (s == "NaN")
    out = std::nan("");
  else if (s == "Infinity")
    out = HUGE_VAL;
  else if (s == "-Infinity")
    out = -HUGE_VAL;
  else
    return false;
  return true;
}

//===----------------------------------------------------------------------===//
// Writer
//===----------------------------------------------------------------------===//

namespace {

void writeString(const std::string &s, std::string &out) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += '"';
}

void writeNumber(double v, std::string &out) {
  if (std::isnan(v)) {
    out += "\"NaN\"";
    return;
  }
  if (std::isinf(v)) {
    out += v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    return;
  }
  char buffer[32];
  std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, r.ptr);
}

bool isScalar(const JsonValue &v) { return !v.isArray() && !v.isObject(); }

void writeValue(const JsonValue &v, int indent, std::string &out) {
  switch (v.kind()) {
  case JsonValue::Kind::Null:
    out += "null";
    return;
  case JsonValue::Kind::Bool:
    out += v.asBool() ? "true" : "false";
    return;
  case JsonValue::Kind::Number:
    writeNumber(v.asNumber(), out);
    return;
  case JsonValue::Kind::String:
    writeString(v.asString(), out);
    return;
  case JsonValue::Kind::Array: {
    bool flat = true;
    for (const JsonValue &item : v.items())
      flat = flat && isScalar(item);
    out += '[';
    for (std::size_t i = 0; i < v.items().size(); ++i) {
      if (i)
        out += flat ? ", " : ",";
      if (!flat)
        out += "\n" + std::string(indent + 2, ' ');
      writeValue(v.items()[i], indent + 2, out);
    }
    if (!flat && !v.items().empty())
      out += "\n" + std::string(indent, ' ');
    out += ']';
    return;
  }
  case JsonValue::Kind::Object: {
    out += '{';
    for (std::size_t i = 0; i < v.members().size(); ++i) {
      out += i ? ",\n" : "\n";
      out += std::string(indent + 2, ' ');
      writeString(v.members()[i].first, out);
      out += ": ";
      writeValue(v.members()[i].second, indent + 2, out);
    }
    if (!v.members().empty())
      out += "\n" + std::string(indent, ' ');
    out += '}';
    return;
  }
  }
}

} // namespace

std::string qruc::runtime::writeJson(const JsonValue &value) {
  std::string out;
  writeValue(value, 0, out);
  out += '\n';
  return out;
}

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

namespace {

class Parser {
public:
  Parser(const std::string &text, const std::string &name)
      : text(text), name(name) {}

  DataResult<JsonValue> parseDocument() {
    skipSpace();
    JsonValue value;
    if (!parseValue(value, 0))
      return *error;
    skipSpace();
    if (pos != text.size()) {
      fail("unexpected text after the JSON value");
      return *error;
    }
    return value;
  }

private:
  static constexpr int kMaxDepth = 512;

  bool fail(std::string message) {
    if (!error)
      error = DataError{name, line, column(), std::move(message)};
    return false;
  }

  // Newlines only occur in whitespace (strings may not hold raw control
  // characters), so skipSpace() alone keeps the line count.
  std::size_t column() const { return pos - lineStart + 1; }

  void skipSpace() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r')) {
      if (text[pos] == '\n') {
        ++line;
        lineStart = pos + 1;
      }
      ++pos;
    }
  }

  bool literal(const char *word) {
    std::size_t n = std::char_traits<char>::length(word);
    if (text.compare(pos, n, word) != 0)
      return false;
    pos += n;
    return true;
  }

  bool parseValue(JsonValue &out, int depth) {
    std::size_t valueLine = line, valueColumn = column();
    if (!parseBareValue(out, depth))
      return false;
    out.setLocation(valueLine, valueColumn);
    return true;
  }

  bool parseBareValue(JsonValue &out, int depth) {
    if (depth > kMaxDepth)
      return fail("JSON nested more than 512 levels deep");
    if (pos >= text.size())
      return fail("unexpected end of the file, expected a value");
    char c = text[pos];
    if (c == '{')
      return parseObject(out, depth);
    if (c == '[')
      return parseArray(out, depth);
    if (c == '"') {
      std::string s;
      if (!parseString(s))
        return false;
      out = JsonValue(std::move(s));
      return true;
    }
    if (c == '-' || (c >= '0' && c <= '9'))
      return parseNumber(out);
    if (literal("true")) {
      out = JsonValue(true);
      return true;
    }
    if (literal("false")) {
      out = JsonValue(false);
      return true;
    }
    if (literal("null")) {
      out = JsonValue();
      return true;
    }
    return fail(std::string("unexpected character '") + c +
                "', expected a value");
  }

  bool parseObject(JsonValue &out, int depth) {
    out = JsonValue::object();
    ++pos;
    skipSpace();
    if (pos < text.size() && text[pos] == '}') {
      ++pos;
      return true;
    }
    for (;;) {
      skipSpace();
      if (pos >= text.size() || text[pos] != '"')
        return fail("expected a member name in double quotes");
      std::string key;
      std::size_t keyPos = pos, keyLine = line, keyLineStart = lineStart;
      if (!parseString(key))
        return false;
      skipSpace();
      if (pos >= text.size() || text[pos] != ':')
        return fail("expected ':' after the member name");
      ++pos;
      skipSpace();
      JsonValue value;
      if (!parseValue(value, depth + 1))
        return false;
      if (out.find(key)) {
        pos = keyPos;
        line = keyLine;
        lineStart = keyLineStart;
        return fail("member '" + key + "' appears twice");
      }
      out.set(key, std::move(value));
      skipSpace();
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] == '}') {
        ++pos;
        return true;
      }
      return fail("expected ',' or '}' in an object");
    }
  }

  bool parseArray(JsonValue &out, int depth) {
    out = JsonValue::array();
    ++pos;
    skipSpace();
    if (pos < text.size() && text[pos] == ']') {
      ++pos;
      return true;
    }
    for (;;) {
      skipSpace();
      JsonValue value;
      if (!parseValue(value, depth + 1))
        return false;
      out.push(std::move(value));
      skipSpace();
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] == ']') {
        ++pos;
        return true;
      }
      return fail("expected ',' or ']' in an array");
    }
  }

  bool parseNumber(JsonValue &out) {
    std::size_t start = pos;
    auto digits = [&] {
      std::size_t first = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
        ++pos;
      return pos > first;
    };
    if (text[pos] == '-')
      ++pos;
    if (pos < text.size() && text[pos] == '0')
      ++pos;
    else if (!digits())
      return fail("malformed number");
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      if (!digits())
        return fail("malformed number: expected digits after '.'");
    }
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
      ++pos;
      if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
        ++pos;
      if (!digits())
        return fail("malformed number: expected digits in the exponent");
    }
    double value = 0;
    std::from_chars_result r =
        std::from_chars(text.data() + start, text.data() + pos, value);
    if (r.ec != std::errc()) {
      pos = start;
      return fail("number out of range");
    }
    out = JsonValue(value);
    return true;
  }

  bool hex4(unsigned &code) {
    if (pos + 4 > text.size())
      return fail("unexpected end of the file in a \\u escape");
    code = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text[pos++];
      code <<= 4;
      if (c >= '0' && c <= '9')
        code |= c - '0';
      else if (c >= 'a' && c <= 'f')
        code |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        code |= c - 'A' + 10;
      else
        return --pos, fail("expected a hex digit in a \\u escape");
    }
    return true;
  }

  static void appendUtf8(unsigned code, std::string &out) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool parseString(std::string &out) {
    ++pos; // opening quote
    for (;;) {
      if (pos >= text.size())
        return fail("unexpected end of the file in a string");
      char c = text[pos];
      if (c == '"') {
        ++pos;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return fail("control character in a string");
      if (c != '\\') {
        out += c;
        ++pos;
        continue;
      }
      ++pos;
      if (pos >= text.size())
        return fail("unexpected end of the file in a string");
      char e = text[pos++];
      switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned code;
        if (!hex4(code))
          return false;
        if (code >= 0xD800 && code < 0xDC00 &&
            text.compare(pos, 2, "\\u") == 0) {
          pos += 2;
          unsigned low;
          if (!hex4(low))
            return false;
          if (low >= 0xDC00 && low < 0xE000)
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          else
            return fail("invalid surrogate pair in a \\u escape");
        }
        appendUtf8(code, out);
        break;
      }
      default:
        --pos;
        return fail(std::string("invalid escape '\\") + e + "' in a string");
      }
    }
  }

  const std::string &text;
  const std::string &name;
  std::size_t pos = 0;
  std::size_t line = 1, lineStart = 0;
  std::optional<DataError> error;
};

} // namespace

DataResult<JsonValue> qruc::runtime::parseJson(const std::string &text,
                                               const std::string &name) {
  return Parser(text, name).parseDocument();
}
