//===- Checkpoint.cpp - saving and restoring a training run ---------------===//
//
// This file converts checkpoints to and from JSON and validates what it
// reads.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/FileIO.h"

#include <charconv>
#include <cmath>

using namespace qruc::runtime;

namespace {

constexpr const char *kFormat = "qruc-checkpoint";
constexpr double kVersion = 1;
constexpr std::uint64_t kExactDoubleLimit = std::uint64_t(1) << 53;

JsonValue integerToJson(std::uint64_t value) {
  if (value <= kExactDoubleLimit)
    return JsonValue(static_cast<double>(value));
  return JsonValue(std::to_string(value));
}

/// Validation of one checkpoint document.
class Reader {
public:
  explicit Reader(const std::string &name) : name(name) {}

  DataError error(const JsonValue &at, std::string message) const {
    return DataError{name, at.line(), at.column(), std::move(message)};
  }

  DataStatus integer(const JsonValue &v, const std::string &what,
                     std::uint64_t &out) const {
    if (v.isNumber()) {
      double d = v.asNumber();
      if (d >= 0 && d == std::floor(d) &&
          d <= static_cast<double>(kExactDoubleLimit)) {
        out = static_cast<std::uint64_t>(d);
        return std::nullopt;
      }
    } else if (v.isString()) {
      const std::string &s = v.asString();
      auto r = std::from_chars(s.data(), s.data() + s.size(), out);
      if (!s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size())
        return std::nullopt;
    }
    return error(v, "'" + what + "' must be a whole number >= 0");
  }

  DataStatus numbers(const JsonValue &v, const std::string &what,
                     std::vector<double> &out) const {
    if (!v.isArray())
      return error(v, "'" + what + "' must be an array of numbers");
    out.clear();
    out.reserve(v.items().size());
    for (std::size_t i = 0; i < v.items().size(); ++i) {
      double d;
      if (!toDouble(v.items()[i], d))
        return error(v.items()[i], "'" + what + "[" + std::to_string(i) +
                                       "]' must be a number");
      out.push_back(d);
    }
    return std::nullopt;
  }

  DataStatus number(const JsonValue &v, const std::string &what,
                    double &out) const {
    if (!toDouble(v, out))
      return error(v, "'" + what + "' must be a number");
    return std::nullopt;
  }

  DataStatus optimizer(const JsonValue &v, OptimizerState &out) const {
    if (!v.isObject())
      return error(v, "'optimizer' must be an object");
    const JsonValue *kind = v.find("kind");
    if (!kind || !kind->isString() ||
        (kind->asString() != "adam" && kind->asString() != "sgd"))
      return error(kind ? *kind : v,
                   "'optimizer.kind' must be \"adam\" or \"sgd\"");
    out.kind = kind->asString();
    for (const auto &[key, value] : v.members()) {
      if (key == "kind")
        continue;
      if (key == "lr") {
        if (DataStatus e = number(value, "optimizer.lr", out.lr))
          return e;
      } else if (key == "step") {
        if (DataStatus e = integer(value, "optimizer.step", out.step))
          return e;
      } else {
        std::vector<double> vector;
        if (DataStatus e = numbers(value, "optimizer." + key, vector))
          return e;
        out.vectors.emplace_back(key, std::move(vector));
      }
    }
    if (!v.find("lr"))
      return error(v, "'optimizer' lacks 'lr'");
    return std::nullopt;
  }

private:
  const std::string &name;
};

} // namespace

const std::vector<double> *
Checkpoint::findArray(const std::string &name) const {
  for (const auto &[key, values] : arrays)
    if (key == name)
      return &values;
  return nullptr;
}

const double *Checkpoint::findValue(const std::string &name) const {
  for (const auto &[key, value] : values)
    if (key == name)
      return &value;
  return nullptr;
}

JsonValue qruc::runtime::checkpointToJson(const Checkpoint &checkpoint) {
  JsonValue json = JsonValue::object();
  json.set("format", kFormat);
  json.set("version", kVersion);
  json.set("model", checkpoint.model);
  json.set("epoch", integerToJson(checkpoint.epoch));
  json.set("seed", integerToJson(checkpoint.seed));
  json.set("params", JsonValue::numbers(checkpoint.params));
  if (checkpoint.optimizer) {
    const OptimizerState &state = *checkpoint.optimizer;
    JsonValue opt = JsonValue::object();
    opt.set("kind", state.kind);
    opt.set("lr", state.lr);
    opt.set("step", integerToJson(state.step));
    for (const auto &[key, values] : state.vectors)
      opt.set(key, JsonValue::numbers(values));
    json.set("optimizer", std::move(opt));
  }
  JsonValue arrays = JsonValue::object();
  for (const auto &[key, values] : checkpoint.arrays)
    arrays.set(key, JsonValue::numbers(values));
  json.set("arrays", std::move(arrays));
  JsonValue values = JsonValue::object();
  for (const auto &[key, value] : checkpoint.values)
    values.set(key, value);
  json.set("values", std::move(values));
  return json;
}

DataResult<Checkpoint>
qruc::runtime::checkpointFromJson(const JsonValue &json,
                                  const std::string &name,
                                  const CheckpointExpectation &expect) {
  Reader reader(name);
  if (!json.isObject())
    return reader.error(json, "a checkpoint must be a JSON object");
  const JsonValue *format = json.find("format");
  if (!format || !format->isString() || format->asString() != kFormat)
    return reader.error(format ? *format : json,
                        "not a qruc checkpoint: 'format' must be \"" +
                            std::string(kFormat) + "\"");
  const JsonValue *version = json.find("version");
  if (!version || !version->isNumber() || version->asNumber() != kVersion)
    return reader.error(version ? *version : json,
                        "unsupported checkpoint version; expected 1");

  Checkpoint checkpoint;
  for (const char *required : {"model", "epoch", "params"})
    if (!json.find(required))
      return reader.error(json, std::string("the checkpoint lacks '") +
                                    required + "'");
  for (const auto &[key, value] : json.members()) {
    DataStatus problem;
    if (key == "format" || key == "version") {
      continue;
    } else if (key == "model") {
      if (!value.isString())
        return reader.error(value, "'model' must be a string");
      checkpoint.model = value.asString();
    } else if (key == "epoch") {
      problem = reader.integer(value, "epoch", checkpoint.epoch);
    } else if (key == "seed") {
      problem = reader.integer(value, "seed", checkpoint.seed);
    } else if (key == "params") {
      problem = reader.numbers(value, "params", checkpoint.params);
    } else if (key == "optimizer") {
      OptimizerState state;
      problem = reader.optimizer(value, state);
      checkpoint.optimizer = std::move(state);
    } else if (key == "arrays") {
      if (!value.isObject())
        return reader.error(value, "'arrays' must be an object");
      for (const auto &[arrayName, array] : value.members()) {
        std::vector<double> values;
        if (DataStatus e =
                reader.numbers(array, "arrays." + arrayName, values))
          return *e;
        checkpoint.arrays.emplace_back(arrayName, std::move(values));
      }
    } else if (key == "values") {
      if (!value.isObject())
        return reader.error(value, "'values' must be an object");
      for (const auto &[valueName, number] : value.members()) {
        double d;
        if (DataStatus e = reader.number(number, "values." + valueName, d))
          return *e;
        checkpoint.values.emplace_back(valueName, d);
      }
    } else {
      return reader.error(value, "unknown checkpoint member '" + key + "'");
    }
    if (problem)
      return *problem;
  }

  if (!expect.model.empty() && checkpoint.model != expect.model)
    return reader.error(*json.find("model"),
                        "the checkpoint is for model '" + checkpoint.model +
                            "', not '" + expect.model + "'");
  if (expect.numParameters &&
      checkpoint.params.size() != expect.numParameters)
    return reader.error(*json.find("params"),
                        "the checkpoint has " +
                            std::to_string(checkpoint.params.size()) +
                            " parameters, but the model has " +
                            std::to_string(expect.numParameters));
  if (checkpoint.optimizer)
    for (const auto &[key, values] : checkpoint.optimizer->vectors)
      if (values.size() != checkpoint.params.size())
        return reader.error(*json.find("optimizer")->find(key),
                            "'optimizer." + key + "' has " +
                                std::to_string(values.size()) +
                                " entries, but there are " +
                                std::to_string(checkpoint.params.size()) +
                                " parameters");
  return checkpoint;
}

DataStatus qruc::runtime::writeCheckpoint(const std::string &path,
                                          const Checkpoint &checkpoint) {
  return writeFileAtomically(path, writeJson(checkpointToJson(checkpoint)));
}

DataResult<Checkpoint>
qruc::runtime::readCheckpoint(const std::string &path,
                              const CheckpointExpectation &expect) {
  DataResult<std::string> text = readFile(path);
  if (!text)
    return text.error();
  DataResult<JsonValue> json = parseJson(*text, path);
  if (!json)
    return json.error();
  return checkpointFromJson(*json, path, expect);
}
