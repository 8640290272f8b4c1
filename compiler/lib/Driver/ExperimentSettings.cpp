//===- ExperimentSettings.cpp - the experiment for the runtime ------------===//
//
// This file copies hir::SettingValue trees into runtime::ExperimentValue
// trees (the same shape without locations) and reports parseExperiment()'s
// range errors at the offending setting.
//
//===----------------------------------------------------------------------===//

#include "qruc/Driver/ExperimentSettings.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"

using namespace qruc;

namespace {

runtime::ExperimentValue convert(const hir::SettingValue &value) {
  runtime::ExperimentValue out;
  switch (value.kind) {
  case hir::SettingValue::Kind::Integer:
    out.kind = runtime::ExperimentValue::Kind::Integer;
    break;
  case hir::SettingValue::Kind::Real:
    out.kind = runtime::ExperimentValue::Kind::Real;
    break;
  case hir::SettingValue::Kind::String:
    out.kind = runtime::ExperimentValue::Kind::String;
    break;
  case hir::SettingValue::Kind::Name:
    out.kind = runtime::ExperimentValue::Kind::Name;
    break;
  case hir::SettingValue::Kind::List:
    out.kind = runtime::ExperimentValue::Kind::List;
    break;
  case hir::SettingValue::Kind::Call:
    out.kind = runtime::ExperimentValue::Kind::Call;
    break;
  }
  out.number = value.number;
  out.text = value.text;
  for (const hir::SettingValue &item : value.items)
    out.items.push_back(convert(item));
  for (const auto &[name, field] : value.fields)
    out.fields.emplace_back(name, convert(field));
  return out;
}

} // namespace

mlir::LogicalResult qruc::buildExperimentSpec(const hir::Model &model,
                                              llvm::StringRef filename,
                                              mlir::MLIRContext &context,
                                              runtime::ExperimentSpec &spec) {
  std::vector<runtime::ExperimentSetting> settings;
  for (const hir::Setting &setting : model.experiment)
    settings.push_back({setting.key, convert(setting.value)});
  std::optional<runtime::ExperimentError> error =
      runtime::parseExperiment(settings, spec);
  if (!error)
    return mlir::success();
  hir::Location at = model.experiment[error->setting].value.loc;
  mlir::emitError(mlir::FileLineColLoc::get(&context, filename, at.line,
                                            at.column))
      << error->message;
  return mlir::failure();
}
