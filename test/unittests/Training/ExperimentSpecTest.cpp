//===- ExperimentSpecTest.cpp - experiment settings to plain structs ------===//
//
// This file tests that every key, constructor and argument of the
// experiment schema (compiler/lib/Frontend/SemaExperiment.cpp) is accepted
// with the documented defaults, that the three QRU experiments of the
// examples become the specs they describe, and that values out of range
// are rejected with the index of the setting.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/ExperimentSpec.h"

#include <gtest/gtest.h>

using namespace qruc::runtime;

namespace {

using Kind = ExperimentValue::Kind;
using Field = std::pair<std::string, ExperimentValue>;

ExperimentValue num(double v, Kind kind = Kind::Integer) {
  ExperimentValue value;
  value.kind = kind;
  value.number = v;
  return value;
}
ExperimentValue real(double v) { return num(v, Kind::Real); }
ExperimentValue str(const std::string &text) {
  ExperimentValue value;
  value.kind = Kind::String;
  value.text = text;
  return value;
}
ExperimentValue name(const std::string &text) {
  ExperimentValue value = str(text);
  value.kind = Kind::Name;
  return value;
}
ExperimentValue list(std::vector<ExperimentValue> items) {
  ExperimentValue value;
  value.kind = Kind::List;
  value.items = std::move(items);
  return value;
}
ExperimentValue call(const std::string &callee,
                     std::vector<Field> fields = {}) {
  ExperimentValue value;
  value.kind = Kind::Call;
  value.text = callee;
  value.fields = std::move(fields);
  return value;
}

ExperimentSpec parse(const std::vector<ExperimentSetting> &settings) {
  ExperimentSpec spec;
  std::optional<ExperimentError> error = parseExperiment(settings, spec);
  EXPECT_FALSE(error) << "setting " << error->setting << ": "
                      << error->message;
  return spec;
}

ExperimentError parseError(const std::vector<ExperimentSetting> &settings) {
  ExperimentSpec spec;
  std::optional<ExperimentError> error = parseExperiment(settings, spec);
  EXPECT_TRUE(error);
  return error.value_or(ExperimentError{});
}

TEST(ExperimentSpec, WdbcExample) {
  ExperimentSpec spec = parse({
      {"data", call("csv", {{"path", str("../data/wdbc/breast_cancer.csv")},
                            {"header", num(1)},
                            {"label", num(-1)}})},
      {"scale", call("minmax")},
      {"sequence", call("features", {{"per_step", num(1)}})},
      {"split", call("leave_one_out")},
      {"loss", call("bce_logits", {{"output", name("logit")},
                                   {"target", name("label")}})},
      {"metrics", list({str("accuracy")})},
      {"optimizer", call("adam", {{"lr", real(0.01)}})},
      {"batch", num(20)},
      {"epochs", num(200)},
      {"early_stop", call("plateau", {{"patience", num(20)},
                                      {"min_delta", real(1e-4)},
                                      {"monitor", str("train_loss")}})},
      {"seed", num(7)},
  });
  EXPECT_EQ(spec.data.kind, DataSpec::Kind::Csv);
  EXPECT_EQ(spec.data.path, "../data/wdbc/breast_cancer.csv");
  EXPECT_EQ(spec.data.csv.header, 1u);
  EXPECT_EQ(spec.data.csv.label, -1);
  ASSERT_EQ(spec.scale.size(), 1u);
  EXPECT_EQ(spec.scale[0].kind, ScaleStep::Kind::MinMax);
  EXPECT_FALSE(spec.scale[0].global);
  EXPECT_EQ(spec.scale[0].low, 0.0);
  EXPECT_EQ(spec.scale[0].high, 1.0);
  EXPECT_TRUE(spec.hasSequence);
  EXPECT_EQ(spec.sequence.kind, SequenceSpec::Kind::Features);
  EXPECT_EQ(spec.split.kind, SplitSpec::Kind::LeaveOneOut);
  ASSERT_TRUE(spec.loss);
  EXPECT_EQ(spec.loss->kind, LossKind::BceLogits);
  EXPECT_EQ(spec.loss->output, "logit");
  EXPECT_EQ(spec.loss->target, "label");
  EXPECT_EQ(spec.metrics, (std::vector<MetricKind>{MetricKind::Accuracy}));
  ASSERT_TRUE(spec.optimizer);
  EXPECT_EQ(spec.optimizer->kind, OptimizerSpec::Kind::Adam);
  EXPECT_EQ(spec.optimizer->lr, 0.01);
  EXPECT_EQ(spec.optimizer->beta1, 0.9);
  EXPECT_EQ(spec.optimizer->beta2, 0.999);
  EXPECT_EQ(spec.optimizer->eps, 1e-8);
  EXPECT_EQ(spec.batch, 20u);
  EXPECT_EQ(spec.epochs, 200u);
  ASSERT_TRUE(spec.earlyStop);
  EXPECT_EQ(spec.earlyStop->patience, 20u);
  EXPECT_EQ(spec.earlyStop->minDelta, 1e-4);
  EXPECT_EQ(spec.earlyStop->monitor, EarlyStopping::Monitor::TrainLoss);
  EXPECT_EQ(spec.seed, 7u);
  EXPECT_EQ(spec.restarts, 1u);
  EXPECT_FALSE(spec.schedule);
  EXPECT_FALSE(spec.hasResize);
}

TEST(ExperimentSpec, MnistExample) {
  ExperimentSpec spec = parse({
      {"data", call("idx", {{"images", str("i.gz")},
                            {"labels", str("l.gz")},
                            {"classes", list({num(3), num(5)})}})},
      {"resize", call("bilinear", {{"rows", num(8)}, {"cols", num(8)}})},
      {"scale", list({call("standard"), call("minmax", {{"global", num(1)}})})},
      {"sequence", call("rows")},
      {"split", call("kfold", {{"k", num(7)}, {"stratify", num(1)}})},
      {"loss", call("cross_entropy", {{"output", name("logits")},
                                      {"target", name("label")}})},
      {"optimizer", call("adam", {{"lr", real(0.005)}})},
      {"early_stop", call("plateau", {{"patience", num(20)},
                                      {"monitor", str("val_loss")}})},
  });
  EXPECT_EQ(spec.data.kind, DataSpec::Kind::Idx);
  EXPECT_EQ(spec.data.idx.classes, (std::vector<long>{3, 5}));
  EXPECT_EQ(spec.data.idx.limit, 0u);
  EXPECT_TRUE(spec.hasResize);
  EXPECT_EQ(spec.resizeRows, 8u);
  ASSERT_EQ(spec.scale.size(), 2u);
  EXPECT_EQ(spec.scale[0].kind, ScaleStep::Kind::Standard);
  EXPECT_TRUE(spec.scale[1].global);
  EXPECT_EQ(spec.sequence.kind, SequenceSpec::Kind::Rows);
  EXPECT_EQ(spec.split.kind, SplitSpec::Kind::KFold);
  EXPECT_EQ(spec.split.k, 7u);
  EXPECT_TRUE(spec.split.stratify);
  EXPECT_EQ(spec.loss->kind, LossKind::CrossEntropy);
  EXPECT_EQ(spec.earlyStop->monitor, EarlyStopping::Monitor::ValLoss);
  EXPECT_EQ(spec.earlyStop->minDelta, 0.0);
}

TEST(ExperimentSpec, OscillationExample) {
  ExperimentSpec spec = parse({
      {"data", call("damped_sine",
                    {{"amplitude", real(0.7)},
                     {"frequency", list({real(0.4), real(0.6)})},
                     {"decay", list({num(0), real(-0.02)})},
                     {"points", num(151)}})},
      {"sequence", call("series", {{"window", num(100)}})},
      {"split", call("series", {{"train", num(100)}, {"test", num(50)}})},
      {"forecast", call("autoregressive", {{"steps", num(50)}})},
      {"loss", call("mse", {{"output", name("y")}, {"target", name("next")}})},
      {"metrics", list({str("mse")})},
      {"optimizer", call("adam", {{"lr", real(0.2)}})},
      {"schedule", call("halve_on_plateau",
                        {{"patience", num(10)}, {"revert", num(1)}})},
      {"restarts", num(50)},
      {"outliers", call("tukey")},
  });
  EXPECT_EQ(spec.data.kind, DataSpec::Kind::DampedSine);
  EXPECT_EQ(spec.data.sine.amplitude, 0.7);
  EXPECT_EQ(spec.data.sine.frequency, (std::vector<double>{0.4, 0.6}));
  EXPECT_EQ(spec.data.sine.decay, (std::vector<double>{0, -0.02}));
  EXPECT_EQ(spec.data.sine.points, 151u);
  EXPECT_EQ(spec.sequence.kind, SequenceSpec::Kind::Series);
  EXPECT_EQ(spec.sequence.window, 100u);
  EXPECT_EQ(spec.split.kind, SplitSpec::Kind::Series);
  EXPECT_EQ(spec.split.trainPoints, 100u);
  EXPECT_EQ(spec.split.testPoints, 50u);
  EXPECT_EQ(spec.forecastSteps, 50u);
  EXPECT_EQ(spec.metrics, (std::vector<MetricKind>{MetricKind::Mse}));
  ASSERT_TRUE(spec.schedule);
  EXPECT_EQ(spec.schedule->patience, 10u);
  EXPECT_TRUE(spec.schedule->revert);
  EXPECT_EQ(spec.restarts, 50u);
  EXPECT_EQ(spec.tukeyK, 1.5);
}

TEST(ExperimentSpec, EveryArgumentOfTheSchemaIsAccepted) {
  // One setting per constructor, with every argument the schema lists.
  std::vector<std::vector<ExperimentSetting>> cases = {
      {{"data", call("idx", {{"images", str("i")},
                             {"labels", str("l")},
                             {"classes", list({num(1)})},
                             {"limit", num(10)}})}},
      {{"data", call("damped_sine", {{"amplitude", real(2)},
                                     {"frequency", real(0.3)},
                                     {"decay", real(-0.1)},
                                     {"points", num(5)}})}},
      {{"sequence", call("pixels")}},
      {{"scale", call("minmax", {{"global", num(0)},
                                 {"low", num(-1)},
                                 {"high", num(1)}})}},
      {{"scale", call("standard", {{"global", num(1)}})}},
      {{"split", call("holdout", {{"test", real(0.2)}, {"stratify", num(1)}})}},
      {{"optimizer", call("adam", {{"lr", real(0.1)},
                                   {"beta1", real(0.8)},
                                   {"beta2", real(0.99)},
                                   {"eps", real(1e-7)}})}},
      {{"optimizer", call("sgd", {{"lr", real(0.1)},
                                  {"momentum", real(0.9)}})}},
      {{"outliers", call("tukey", {{"k", real(3)}})}},
      {{"metrics", list({name("accuracy"), name("mse")})}},
  };
  for (const auto &settings : cases)
    parse(settings);

  ExperimentSpec spec = parse(cases[0]);
  EXPECT_EQ(spec.data.idx.limit, 10u);
  spec = parse(cases[1]);
  EXPECT_EQ(spec.data.sine.decay, (std::vector<double>{-0.1}));
  spec = parse(cases[3]);
  EXPECT_EQ(spec.scale[0].low, -1.0);
  spec = parse(cases[7]);
  EXPECT_EQ(spec.optimizer->kind, OptimizerSpec::Kind::Sgd);
  EXPECT_EQ(spec.optimizer->momentum, 0.9);
  spec = parse(cases[9]);
  EXPECT_EQ(spec.metrics.size(), 2u);
}

TEST(ExperimentSpec, ErrorsNameTheSetting) {
  ExperimentError e = parseError(
      {{"batch", num(4)},
       {"split", call("holdout", {{"test", real(1.5)}})}});
  EXPECT_EQ(e.setting, 1u);
  EXPECT_EQ(e.message,
            "argument 'test' of 'holdout' must lie between 0 and 1, but got "
            "1.5");
  e = parseError(
      {{"split", call("kfold", {{"k", num(7)}, {"stratify", num(2)}})}});
  EXPECT_EQ(e.message, "argument 'stratify' of 'kfold' must be 0 or 1, but "
                       "got 2");
  e = parseError({{"split", call("kfold", {{"k", num(1)}})}});
  EXPECT_EQ(e.message, "argument 'k' of 'kfold' must be at least 2, but got 1");
  e = parseError(
      {{"scale", call("minmax", {{"low", num(1)}, {"high", num(0)}})}});
  EXPECT_EQ(e.message,
            "'minmax' needs low < high, but got low = 1 and high = 0");
  e = parseError({{"split", call("random")}});
  EXPECT_EQ(e.message, "unknown split 'random'; expected one of: holdout, "
                       "kfold, leave_one_out, series");
  e = parseError({{"resize", call("bilinear", {{"rows", num(8)},
                                               {"cols", num(8)},
                                               {"depth", num(1)}})}});
  EXPECT_EQ(e.message, "'bilinear' has no argument 'depth'");
  e = parseError({{"optimizer", call("adam", {})}});
  EXPECT_EQ(e.message, "'adam' needs the argument 'lr'");
  e = parseError({{"optimizer", call("sgd", {{"lr", real(-1)}})}});
  EXPECT_EQ(e.message, "argument 'lr' of 'sgd' must be positive, but got -1");
  e = parseError({{"early_stop", call("plateau", {{"patience", num(3)},
                                                  {"monitor", str("loss")}})}});
  EXPECT_EQ(e.message, "argument 'monitor' of 'plateau' must be one of "
                       "\"train_loss\", \"val_loss\", but got \"loss\"");
  e = parseError({{"data", call("damped_sine",
                                {{"frequency", list({real(0.1), real(0.2)})},
                                 {"decay", list({num(0), num(0), num(0)})},
                                 {"points", num(3)}})}});
  EXPECT_EQ(e.message, "'damped_sine' has 2 frequencies but 3 decays; give "
                       "as many of each, or one");
  e = parseError({{"data", call("csv", {{"path", str("a.csv")},
                                        {"header", num(-1)}})}});
  EXPECT_EQ(e.message, "argument 'header' of 'csv' must be >= 0, but got -1");
  e = parseError({{"epochs", num(0)}});
  EXPECT_EQ(e.message, "'epochs' must be a positive whole number");
  e = parseError({{"seed", num(1)}, {"seed", num(2)}});
  EXPECT_EQ(e.setting, 1u);
  EXPECT_EQ(e.message, "setting 'seed' is given twice");
  e = parseError({{"metrics", list({str("f1")})}});
  EXPECT_EQ(e.message, "unknown metrics entry; expected one of: accuracy, mse");
  e = parseError({{"lr", num(1)}});
  EXPECT_EQ(e.message.rfind("unknown experiment setting 'lr'", 0), 0u);
}

TEST(ExperimentSpec, ResolvePathRelativeToTheModel) {
  EXPECT_EQ(resolvePath("examples/qru/wdbc.qru", "../data/wdbc/b.csv"),
            "examples/qru/../data/wdbc/b.csv");
  EXPECT_EQ(resolvePath("wdbc.qru", "data.csv"), "data.csv");
  EXPECT_EQ(resolvePath("/x/m.qru", "/abs/d.csv"), "/abs/d.csv");
}

} // namespace
