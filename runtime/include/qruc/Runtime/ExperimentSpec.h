//===- ExperimentSpec.h - the experiment section as structs -----*- C++ -*-===//
//
// This file declares ExperimentSpec, the `experiment { ... }` section of a
// model in the form the training code uses, and parseExperiment(), which
// builds it from the checked settings. The settings arrive as
// ExperimentValue trees, a copy of the front end's hir::SettingValue
// without source locations (the training library does not depend on the
// compiler); an error names the index of the offending setting so that the
// driver can point at it in the .qru file.
//
// The accepted keys, constructors and arguments are exactly those of the
// schema in compiler/lib/Frontend/SemaExperiment.cpp; this file adds the
// defaults and the range checks that the schema's types cannot express.
// Defaults of absent arguments:
//
//   csv(header = 0, label = -1)       idx(classes = all, limit = 0: all)
//   damped_sine(amplitude = 1, decay = 0)
//   features(per_step = 1)            series(window = the training length)
//   minmax(global = 0, low = 0, high = 1)        standard(global = 0)
//   holdout(stratify = 0)             kfold(stratify = 0)
//   adam(beta1 = 0.9, beta2 = 0.999, eps = 1e-8) sgd(momentum = 0)
//   halve_on_plateau(revert = 0)
//   plateau(min_delta = 0, monitor = "train_loss")         tukey(k = 1.5)
//
// Absent keys leave their `has...` flag false (or the list empty); batch,
// epochs, seed and restarts default to 32, 100, 0 and 1.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_EXPERIMENTSPEC_H
#define QRUC_RUNTIME_EXPERIMENTSPEC_H

#include "qruc/Runtime/CsvLoader.h"
#include "qruc/Runtime/DampedSine.h"
#include "qruc/Runtime/EarlyStopping.h"
#include "qruc/Runtime/IdxLoader.h"
#include "qruc/Runtime/Losses.h"
#include "qruc/Runtime/Optimizers.h"
#include "qruc/Runtime/Scaling.h"
#include "qruc/Runtime/Sequences.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace qruc::runtime {

/// One checked setting value (mirrors hir::SettingValue).
struct ExperimentValue {
  enum class Kind { Integer, Real, String, Name, List, Call };
  Kind kind = Kind::Integer;
  double number = 0;
  std::string text; ///< a string, a name, or the constructor called
  std::vector<ExperimentValue> items;
  std::vector<std::pair<std::string, ExperimentValue>> fields; ///< call args
};

struct ExperimentSetting {
  std::string key;
  ExperimentValue value;
};

struct DataSpec {
  enum class Kind { None, Csv, Idx, DampedSine };
  Kind kind = Kind::None;
  /// Csv: the file; Idx: images and labels. As written in the model file:
  /// relative paths are relative to the .qru file (resolve with
  /// resolvePath).
  std::string path, images, labels;
  CsvOptions csv;
  IdxOptions idx;
  DampedSineOptions sine;
};

struct SplitSpec {
  enum class Kind { None, Holdout, KFold, LeaveOneOut, Series };
  Kind kind = Kind::None;
  double test = 0;             ///< Holdout: the test fraction
  bool stratify = false;       ///< Holdout, KFold
  std::size_t k = 0;           ///< KFold
  std::size_t trainPoints = 0; ///< Series
  std::size_t testPoints = 0;  ///< Series
};

struct LossSpec {
  LossKind kind = LossKind::Mse;
  std::string output, target;
};

enum class MetricKind { Accuracy, Mse };

struct ScheduleSpec {
  std::size_t patience = 0;
  bool revert = false;
};

struct EarlyStopSpec {
  std::size_t patience = 0;
  double minDelta = 0;
  EarlyStopping::Monitor monitor = EarlyStopping::Monitor::TrainLoss;
};

struct ExperimentSpec {
  DataSpec data;
  bool hasResize = false;
  std::size_t resizeRows = 0, resizeCols = 0;
  bool hasSequence = false;
  SequenceSpec sequence;
  std::vector<ScaleStep> scale;
  SplitSpec split;
  std::optional<LossSpec> loss;
  std::vector<MetricKind> metrics;
  std::optional<OptimizerSpec> optimizer;
  std::optional<ScheduleSpec> schedule;
  std::optional<EarlyStopSpec> earlyStop;
  /// forecast = autoregressive(steps): the number of forecast steps.
  std::optional<std::size_t> forecastSteps;
  /// outliers = tukey(k): the fence factor.
  std::optional<double> tukeyK;
  std::size_t batch = 32;
  std::size_t epochs = 100;
  std::uint64_t seed = 0;
  std::size_t restarts = 1;
};

/// Why parseExperiment failed: the index of the setting in the list
/// given, and a message in the style of the front end's.
struct ExperimentError {
  std::size_t setting = 0;
  std::string message;
};

/// Fills `spec` from `settings`. Fails on a key, constructor or argument
/// outside the schema, a value of the wrong kind, a setting given twice,
/// or a value out of range (holdout test not in (0, 1), a flag that is
/// not 0 or 1, minmax low >= high, a negative header, non-positive rates,
/// betas outside [0, 1), a negative min_delta or k, ...).
std::optional<ExperimentError>
parseExperiment(const std::vector<ExperimentSetting> &settings,
                ExperimentSpec &spec);

/// `path` as seen from the directory of `modelFile` (unchanged when
/// absolute or when the model file has no directory part).
std::string resolvePath(const std::string &modelFile, const std::string &path);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_EXPERIMENTSPEC_H
