//===- ExperimentSpec.cpp - the experiment section as structs -------------===//
//
// This file converts checked experiment settings into an ExperimentSpec:
// one reader per constructor call that hands out arguments with their
// defaults and rejects anything the schema does not have.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/ExperimentSpec.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <set>

using namespace qruc::runtime;

namespace {

using Kind = ExperimentValue::Kind;

std::string formatNumber(double v) {
  char buffer[32];
  std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, v);
  return std::string(buffer, r.ptr);
}

/// Reads the arguments of one constructor call. The first problem is
/// kept; later calls return defaults so that the caller can go on
/// without checking after every argument.
class CallReader {
public:
  CallReader(const ExperimentValue &call, std::optional<std::string> &error)
      : call(call), error(error) {}

  const ExperimentValue *find(const std::string &name) {
    used.insert(name);
    for (const auto &[key, value] : call.fields)
      if (key == name)
        return &value;
    return nullptr;
  }

  void fail(std::string message) {
    if (!error)
      error = std::move(message);
  }

  std::string what(const std::string &name) const {
    return "argument '" + name + "' of '" + call.text + "'";
  }

  bool isNumber(const ExperimentValue &v) const {
    return v.kind == Kind::Integer || v.kind == Kind::Real;
  }

  double real(const std::string &name, double fallback) {
    const ExperimentValue *v = find(name);
    if (!v)
      return fallback;
    if (!isNumber(*v) || !std::isfinite(v->number)) {
      fail(what(name) + " must be a number");
      return fallback;
    }
    return v->number;
  }

  double requiredReal(const std::string &name) {
    if (!hasArgument(name))
      fail("'" + call.text + "' needs the argument '" + name + "'");
    return real(name, 0);
  }

  long long integer(const std::string &name, long long fallback) {
    const ExperimentValue *v = find(name);
    if (!v)
      return fallback;
    if (!isNumber(*v) || v->number != std::floor(v->number) ||
        std::abs(v->number) > 9.0e15) {
      fail(what(name) + " must be a whole number");
      return fallback;
    }
    return static_cast<long long>(v->number);
  }

  std::size_t positive(const std::string &name, std::size_t fallback,
                       bool required = false) {
    if (required && !hasArgument(name))
      fail("'" + call.text + "' needs the argument '" + name + "'");
    long long v = integer(name, static_cast<long long>(fallback));
    if (hasArgument(name) && v <= 0) {
      fail(what(name) + " must be positive, but got " + std::to_string(v));
      return fallback;
    }
    return static_cast<std::size_t>(v);
  }

  bool flag(const std::string &name, bool fallback) {
    long long v = integer(name, fallback ? 1 : 0);
    if (v != 0 && v != 1) {
      fail(what(name) + " must be 0 or 1, but got " + std::to_string(v));
      return fallback;
    }
    return v == 1;
  }

  std::string string(const std::string &name, const std::string &fallback,
                     bool required = false) {
    const ExperimentValue *v = find(name);
    if (!v) {
      if (required)
        fail("'" + call.text + "' needs the argument '" + name + "'");
      return fallback;
    }
    if (v->kind != Kind::String) {
      fail(what(name) + " must be a string");
      return fallback;
    }
    return v->text;
  }

  std::string name(const std::string &argument) {
    const ExperimentValue *v = find(argument);
    if (!v) {
      fail("'" + call.text + "' needs the argument '" + argument + "'");
      return "";
    }
    if (v->kind != Kind::Name) {
      fail(what(argument) + " must be a name");
      return "";
    }
    return v->text;
  }

  /// A number or a list of numbers.
  std::vector<double> reals(const std::string &name, bool required) {
    const ExperimentValue *v = find(name);
    if (!v) {
      if (required)
        fail("'" + call.text + "' needs the argument '" + name + "'");
      return {};
    }
    if (isNumber(*v))
      return {v->number};
    std::vector<double> values;
    if (v->kind == Kind::List)
      for (const ExperimentValue &item : v->items) {
        if (!isNumber(item)) {
          fail(what(name) + " must be a number or a list of numbers");
          return {};
        }
        values.push_back(item.number);
      }
    else
      fail(what(name) + " must be a number or a list of numbers");
    return values;
  }

  std::vector<long> integers(const std::string &name) {
    const ExperimentValue *v = find(name);
    if (!v)
      return {};
    std::vector<long> values;
    if (v->kind != Kind::List) {
      fail(what(name) + " must be a list of whole numbers");
      return {};
    }
    for (const ExperimentValue &item : v->items) {
      if (!isNumber(item) || item.number != std::floor(item.number)) {
        fail(what(name) + " must be a list of whole numbers");
        return {};
      }
      values.push_back(static_cast<long>(item.number));
    }
    return values;
  }

  bool hasArgument(const std::string &name) const {
    for (const auto &[key, value] : call.fields)
      if (key == name)
        return true;
    return false;
  }

  /// Rejects arguments nobody asked for.
  void finish() {
    for (const auto &[key, value] : call.fields)
      if (!used.count(key))
        fail("'" + call.text + "' has no argument '" + key + "'");
  }

private:
  const ExperimentValue &call;
  std::optional<std::string> &error;
  std::set<std::string> used;
};

/// Checks that `value` calls one of `names` and returns the one called.
std::optional<std::string> expectCall(const std::string &key,
                                      const ExperimentValue &value,
                                      std::initializer_list<const char *> names,
                                      std::optional<std::string> &error) {
  std::string list;
  for (const char *n : names)
    list += (list.empty() ? "" : ", ") + std::string(n);
  if (value.kind != Kind::Call) {
    error = "'" + key + "' expects a call; expected one of: " + list;
    return std::nullopt;
  }
  for (const char *n : names)
    if (value.text == n)
      return value.text;
  error = "unknown " + key + " '" + value.text + "'; expected one of: " + list;
  return std::nullopt;
}

std::optional<std::string> parseData(const ExperimentValue &v, DataSpec &data) {
  std::optional<std::string> error;
  auto called = expectCall("data", v, {"csv", "idx", "damped_sine"}, error);
  if (!called)
    return error;
  CallReader args(v, error);
  if (*called == "csv") {
    data.kind = DataSpec::Kind::Csv;
    data.path = args.string("path", "", /*required=*/true);
    long long header = args.integer("header", 0);
    if (header < 0)
      args.fail(args.what("header") + " must be >= 0, but got " +
                std::to_string(header));
    data.csv.header = static_cast<std::size_t>(std::max(header, 0LL));
    data.csv.label = static_cast<long>(args.integer("label", -1));
  } else if (*called == "idx") {
    data.kind = DataSpec::Kind::Idx;
    data.images = args.string("images", "", true);
    data.labels = args.string("labels", "", true);
    data.idx.classes = args.integers("classes");
    data.idx.limit = args.positive("limit", 0);
  } else {
    data.kind = DataSpec::Kind::DampedSine;
    data.sine.amplitude = args.real("amplitude", 1.0);
    data.sine.frequency = args.reals("frequency", true);
    data.sine.decay = args.reals("decay", false);
    data.sine.points = args.positive("points", 0, true);
    const std::vector<double> &f = data.sine.frequency, &d = data.sine.decay;
    if (!error && f.empty())
      args.fail("'damped_sine' needs at least one frequency");
    if (f.size() > 1 && d.size() > 1 && f.size() != d.size())
      args.fail("'damped_sine' has " + std::to_string(f.size()) +
                " frequencies but " + std::to_string(d.size()) +
                " decays; give as many of each, or one");
  }
  args.finish();
  return error;
}

std::optional<std::string> parseScaleStep(const ExperimentValue &v,
                                          ScaleStep &step) {
  std::optional<std::string> error;
  auto called = expectCall("scale", v, {"minmax", "standard"}, error);
  if (!called)
    return error;
  CallReader args(v, error);
  step.global = args.flag("global", false);
  if (*called == "minmax") {
    step.kind = ScaleStep::Kind::MinMax;
    step.low = args.real("low", 0.0);
    step.high = args.real("high", 1.0);
    if (!error && !(step.low < step.high))
      args.fail("'minmax' needs low < high, but got low = " +
                formatNumber(step.low) + " and high = " +
                formatNumber(step.high));
  } else {
    step.kind = ScaleStep::Kind::Standard;
  }
  args.finish();
  return error;
}

std::optional<std::string> parseSetting(const ExperimentSetting &setting,
                                        ExperimentSpec &spec) {
  const std::string &key = setting.key;
  const ExperimentValue &v = setting.value;
  std::optional<std::string> error;

  auto plainPositive = [&](std::size_t &out) -> std::optional<std::string> {
    if ((v.kind != Kind::Integer && v.kind != Kind::Real) ||
        v.number != std::floor(v.number) || v.number <= 0 || v.number > 9e15)
      return "'" + key + "' must be a positive whole number";
    out = static_cast<std::size_t>(v.number);
    return std::nullopt;
  };

  if (key == "data")
    return parseData(v, spec.data);
  if (key == "batch")
    return plainPositive(spec.batch);
  if (key == "epochs")
    return plainPositive(spec.epochs);
  if (key == "restarts")
    return plainPositive(spec.restarts);
  if (key == "seed") {
    if ((v.kind != Kind::Integer && v.kind != Kind::Real) ||
        v.number != std::floor(v.number) || std::abs(v.number) > 9e15)
      return std::string("'seed' must be a whole number");
    // A negative seed wraps around, as the same bits in two's complement.
    spec.seed = static_cast<std::uint64_t>(static_cast<long long>(v.number));
    return std::nullopt;
  }
  if (key == "scale") {
    spec.scale.clear();
    if (v.kind == Kind::List) {
      if (v.items.empty())
        return std::string("'scale' needs at least one entry");
      for (const ExperimentValue &item : v.items) {
        ScaleStep step;
        if (auto e = parseScaleStep(item, step))
          return e;
        spec.scale.push_back(step);
      }
      return std::nullopt;
    }
    ScaleStep step;
    if (auto e = parseScaleStep(v, step))
      return e;
    spec.scale.push_back(step);
    return std::nullopt;
  }
  if (key == "metrics") {
    if (v.kind != Kind::List)
      return std::string("'metrics' takes a list such as [accuracy]");
    spec.metrics.clear();
    for (const ExperimentValue &item : v.items) {
      bool named = item.kind == Kind::String || item.kind == Kind::Name;
      if (named && item.text == "accuracy")
        spec.metrics.push_back(MetricKind::Accuracy);
      else if (named && item.text == "mse")
        spec.metrics.push_back(MetricKind::Mse);
      else
        return std::string(
            "unknown metrics entry; expected one of: accuracy, mse");
    }
    return std::nullopt;
  }

  std::optional<std::string> called;
  if (key == "resize") {
    if (!(called = expectCall(key, v, {"bilinear"}, error)))
      return error;
    CallReader args(v, error);
    spec.hasResize = true;
    spec.resizeRows = args.positive("rows", 0, true);
    spec.resizeCols = args.positive("cols", 0, true);
    args.finish();
    return error;
  }
  if (key == "sequence") {
    if (!(called = expectCall(key, v, {"features", "rows", "pixels", "series"},
                              error)))
      return error;
    CallReader args(v, error);
    spec.hasSequence = true;
    if (*called == "features") {
      spec.sequence.kind = SequenceSpec::Kind::Features;
      spec.sequence.perStep = args.positive("per_step", 1);
    } else if (*called == "rows") {
      spec.sequence.kind = SequenceSpec::Kind::Rows;
    } else if (*called == "pixels") {
      spec.sequence.kind = SequenceSpec::Kind::Pixels;
    } else {
      spec.sequence.kind = SequenceSpec::Kind::Series;
      spec.sequence.window = args.positive("window", 0);
    }
    args.finish();
    return error;
  }
  if (key == "split") {
    if (!(called = expectCall(
              key, v, {"holdout", "kfold", "leave_one_out", "series"}, error)))
      return error;
    CallReader args(v, error);
    SplitSpec &split = spec.split;
    if (*called == "holdout") {
      split.kind = SplitSpec::Kind::Holdout;
      split.test = args.requiredReal("test");
      if (!error && !(split.test > 0 && split.test < 1))
        args.fail(args.what("test") + " must lie between 0 and 1, but got " +
                  formatNumber(split.test));
      split.stratify = args.flag("stratify", false);
    } else if (*called == "kfold") {
      split.kind = SplitSpec::Kind::KFold;
      split.k = args.positive("k", 0, true);
      if (!error && split.k < 2)
        args.fail(args.what("k") + " must be at least 2, but got " +
                  std::to_string(split.k));
      split.stratify = args.flag("stratify", false);
    } else if (*called == "leave_one_out") {
      split.kind = SplitSpec::Kind::LeaveOneOut;
    } else {
      split.kind = SplitSpec::Kind::Series;
      split.trainPoints = args.positive("train", 0, true);
      split.testPoints = args.positive("test", 0, true);
    }
    args.finish();
    return error;
  }
  if (key == "loss") {
    if (!(called = expectCall(key, v, {"bce_logits", "cross_entropy", "mse"},
                              error)))
      return error;
    CallReader args(v, error);
    LossSpec loss;
    loss.kind = *called == "bce_logits"      ? LossKind::BceLogits
                : *called == "cross_entropy" ? LossKind::CrossEntropy
                                             : LossKind::Mse;
    loss.output = args.name("output");
    loss.target = args.name("target");
    args.finish();
    spec.loss = loss;
    return error;
  }
  if (key == "optimizer") {
    if (!(called = expectCall(key, v, {"adam", "sgd"}, error)))
      return error;
    CallReader args(v, error);
    OptimizerSpec optimizer;
    optimizer.lr = args.requiredReal("lr");
    if (!error && !(optimizer.lr > 0))
      args.fail(args.what("lr") + " must be positive, but got " +
                formatNumber(optimizer.lr));
    if (*called == "adam") {
      optimizer.kind = OptimizerSpec::Kind::Adam;
      optimizer.beta1 = args.real("beta1", 0.9);
      optimizer.beta2 = args.real("beta2", 0.999);
      optimizer.eps = args.real("eps", 1e-8);
      for (const char *beta : {"beta1", "beta2"}) {
        double b = std::string(beta) == "beta1" ? optimizer.beta1
                                                : optimizer.beta2;
        if (!error && !(b >= 0 && b < 1))
          args.fail(args.what(beta) + " must lie in [0, 1), but got " +
                    formatNumber(b));
      }
      if (!error && !(optimizer.eps > 0))
        args.fail(args.what("eps") + " must be positive");
    } else {
      optimizer.kind = OptimizerSpec::Kind::Sgd;
      optimizer.momentum = args.real("momentum", 0.0);
      if (!error && !(optimizer.momentum >= 0 && optimizer.momentum < 1))
        args.fail(args.what("momentum") + " must lie in [0, 1), but got " +
                  formatNumber(optimizer.momentum));
    }
    args.finish();
    spec.optimizer = optimizer;
    return error;
  }
  if (key == "schedule") {
    if (!(called = expectCall(key, v, {"halve_on_plateau"}, error)))
      return error;
    CallReader args(v, error);
    ScheduleSpec schedule;
    schedule.patience = args.positive("patience", 0, true);
    schedule.revert = args.flag("revert", false);
    args.finish();
    spec.schedule = schedule;
    return error;
  }
  if (key == "early_stop") {
    if (!(called = expectCall(key, v, {"plateau"}, error)))
      return error;
    CallReader args(v, error);
    EarlyStopSpec stop;
    stop.patience = args.positive("patience", 0, true);
    stop.minDelta = args.real("min_delta", 0.0);
    if (!error && stop.minDelta < 0)
      args.fail(args.what("min_delta") + " must be >= 0, but got " +
                formatNumber(stop.minDelta));
    std::string monitor = args.string("monitor", "train_loss");
    if (monitor == "val_loss")
      stop.monitor = EarlyStopping::Monitor::ValLoss;
    else if (monitor != "train_loss")
      args.fail(args.what("monitor") +
                " must be one of \"train_loss\", \"val_loss\", but got \"" +
                monitor + "\"");
    args.finish();
    spec.earlyStop = stop;
    return error;
  }
  if (key == "forecast") {
    if (!(called = expectCall(key, v, {"autoregressive"}, error)))
      return error;
    CallReader args(v, error);
    spec.forecastSteps = args.positive("steps", 0, true);
    args.finish();
    return error;
  }
  if (key == "outliers") {
    if (!(called = expectCall(key, v, {"tukey"}, error)))
      return error;
    CallReader args(v, error);
    double k = args.real("k", 1.5);
    if (!error && k < 0)
      args.fail(args.what("k") + " must be >= 0, but got " + formatNumber(k));
    spec.tukeyK = k;
    args.finish();
    return error;
  }
  return "unknown experiment setting '" + key +
         "'; expected one of: data, resize, sequence, scale, split, loss, "
         "metrics, optimizer, schedule, early_stop, forecast, outliers, "
         "batch, epochs, seed, restarts";
}

} // namespace

std::optional<ExperimentError>
qruc::runtime::parseExperiment(const std::vector<ExperimentSetting> &settings,
                               ExperimentSpec &spec) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < settings.size(); ++i) {
    if (!seen.insert(settings[i].key).second)
      return ExperimentError{i, "setting '" + settings[i].key +
                                    "' is given twice"};
    if (std::optional<std::string> message = parseSetting(settings[i], spec))
      return ExperimentError{i, *message};
  }
  return std::nullopt;
}

std::string qruc::runtime::resolvePath(const std::string &modelFile,
                                       const std::string &path) {
  if (!path.empty() && path[0] == '/')
    return path;
  std::size_t slash = modelFile.rfind('/');
  if (slash == std::string::npos)
    return path;
  return modelFile.substr(0, slash + 1) + path;
}
