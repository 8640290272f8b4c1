//===- SemaExperiment.cpp - checking experiment settings -------------------===//
//
// This file checks the `experiment` section against a schema: which keys
// exist, which constructors each key accepts, which arguments each
// constructor takes and of what kind. Values are converted to
// hir::SettingValue for MLIRGen.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include <cmath>

using namespace qruc;
using namespace qruc::sema;

namespace {

/// The kind of value an argument or a plain setting accepts.
enum class ValueType {
  Integer,      ///< a whole number
  Positive,     ///< a whole number > 0
  Real,         ///< any number
  String,       ///< a string literal
  Output,       ///< the name of a declared output
  Target,       ///< the name of a declared target
  RealOrList,   ///< a number or a list of numbers
  IntegerList,  ///< a list of whole numbers
};

struct ArgSpec {
  llvm::StringRef name;
  ValueType type;
  bool required;
  /// For strings: the accepted values, or empty for any.
  std::vector<llvm::StringRef> choices = {};
};

struct ConstructorSpec {
  llvm::StringRef name;
  std::vector<ArgSpec> args;
};

/// A key takes a plain value, or a constructor call (or a list of them).
struct KeySpec {
  llvm::StringRef key;
  std::optional<ValueType> plain;
  std::vector<ConstructorSpec> constructors;
  bool allowList = false;
  /// Names allowed as list items (for `metrics`).
  std::vector<llvm::StringRef> names;
};

const std::vector<KeySpec> &getSchema() {
  using T = ValueType;
  static const std::vector<KeySpec> schema = {
      {"data", std::nullopt,
       {{"csv",
         {{"path", T::String, true},
          {"header", T::Integer, false},
          {"label", T::Integer, false}}},
        {"idx",
         {{"images", T::String, true},
          {"labels", T::String, true},
          {"classes", T::IntegerList, false},
          {"limit", T::Positive, false}}},
        {"damped_sine",
         {{"amplitude", T::Real, false},
          {"frequency", T::RealOrList, true},
          {"decay", T::RealOrList, false},
          {"points", T::Positive, true}}}}},
      {"resize", std::nullopt,
       {{"bilinear", {{"rows", T::Positive, true}, {"cols", T::Positive, true}}}}},
      {"sequence", std::nullopt,
       {{"features", {{"per_step", T::Positive, false}}},
        {"rows", {}},
        {"pixels", {}},
        {"series", {{"window", T::Positive, false}}}}},
      {"scale", std::nullopt,
       {{"minmax",
         {{"global", T::Integer, false},
          {"low", T::Real, false},
          {"high", T::Real, false}}},
        {"standard", {{"global", T::Integer, false}}}},
       /*allowList=*/true},
      {"split", std::nullopt,
       {{"holdout", {{"test", T::Real, true}, {"stratify", T::Integer, false}}},
        {"kfold", {{"k", T::Positive, true}, {"stratify", T::Integer, false}}},
        {"leave_one_out", {}},
        {"series", {{"train", T::Positive, true}, {"test", T::Positive, true}}}}},
      {"loss", std::nullopt,
       {{"bce_logits", {{"output", T::Output, true}, {"target", T::Target, true}}},
        {"cross_entropy",
         {{"output", T::Output, true}, {"target", T::Target, true}}},
        {"mse", {{"output", T::Output, true}, {"target", T::Target, true}}}}},
      {"metrics", std::nullopt, {}, true, {"accuracy", "mse"}},
      {"optimizer", std::nullopt,
       {{"adam",
         {{"lr", T::Real, true},
          {"beta1", T::Real, false},
          {"beta2", T::Real, false},
          {"eps", T::Real, false}}},
        {"sgd", {{"lr", T::Real, true}, {"momentum", T::Real, false}}}}},
      {"schedule", std::nullopt,
       {{"halve_on_plateau",
         {{"patience", T::Positive, true},
          {"revert", T::Integer, false}}}}},
      {"early_stop", std::nullopt,
       {{"plateau",
         {{"patience", T::Positive, true},
          {"min_delta", T::Real, false},
          {"monitor", T::String, false, {"train_loss", "val_loss"}}}}}},
      {"forecast", std::nullopt,
       {{"autoregressive", {{"steps", T::Positive, true}}}}},
      {"outliers", std::nullopt, {{"tukey", {{"k", T::Real, false}}}}},
      {"batch", T::Positive, {}},
      {"epochs", T::Positive, {}},
      {"seed", T::Integer, {}},
      {"restarts", T::Positive, {}},
  };
  return schema;
}

std::string listNames(const std::vector<ConstructorSpec> &specs) {
  std::string text;
  for (auto [i, spec] : llvm::enumerate(specs))
    text += (i ? ", " : "") + spec.name.str();
  return text;
}

class SettingChecker {
public:
  explicit SettingChecker(Sema &sema) : sema(sema) {}

  std::optional<hir::SettingValue> check(const KeySpec &spec,
                                         const ast::Expr &value) {
    if (spec.plain)
      return checkValue(*spec.plain, value, spec.key);
    if (auto *list = llvm::dyn_cast<ast::VectorExpr>(&value)) {
      if (!spec.allowList) {
        sema.error(value.getLoc(), "'" + spec.key + "' takes one value, not "
                                                    "a list");
        return std::nullopt;
      }
      hir::SettingValue result{hir::SettingValue::Kind::List, value.getLoc()};
      if (list->getElements().empty()) {
        sema.error(value.getLoc(), "'" + spec.key + "' needs at least one "
                                                    "entry");
        return std::nullopt;
      }
      for (const ast::ExprPtr &item : list->getElements()) {
        std::optional<hir::SettingValue> checked = checkItem(spec, *item);
        if (!checked)
          return std::nullopt;
        result.items.push_back(std::move(*checked));
      }
      return result;
    }
    if (!spec.names.empty()) {
      sema.error(value.getLoc(), "'" + spec.key + "' takes a list such as "
                                                  "[accuracy]");
      return std::nullopt;
    }
    return checkItem(spec, value);
  }

private:
  std::optional<hir::SettingValue> checkItem(const KeySpec &spec,
                                             const ast::Expr &item) {
    if (!spec.names.empty()) {
      auto *name = llvm::dyn_cast<ast::NameExpr>(&item);
      if (!name || !llvm::is_contained(spec.names, name->getName())) {
        std::string allowed;
        for (auto [i, n] : llvm::enumerate(spec.names))
          allowed += (i ? ", " : "") + n.str();
        sema.error(item.getLoc(), "unknown " + spec.key.str() +
                                      " entry; expected one of: " + allowed);
        return std::nullopt;
      }
      hir::SettingValue result{hir::SettingValue::Kind::String, item.getLoc()};
      result.text = name->getName().str();
      return result;
    }
    return checkCall(spec, item);
  }

  std::optional<hir::SettingValue> checkCall(const KeySpec &spec,
                                             const ast::Expr &value) {
    auto *call = llvm::dyn_cast<ast::CallExpr>(&value);
    const ConstructorSpec *ctor = nullptr;
    if (call)
      for (const ConstructorSpec &c : spec.constructors)
        if (c.name == call->getCallee())
          ctor = &c;
    if (!ctor) {
      sema.error(value.getLoc(),
                 (call ? "unknown " + spec.key.str() + " '" +
                             call->getCallee().str() + "'"
                       : "'" + spec.key.str() + "' expects a call") +
                     "; expected one of: " + listNames(spec.constructors));
      return std::nullopt;
    }
    hir::SettingValue result{hir::SettingValue::Kind::Call, value.getLoc()};
    result.text = ctor->name.str();
    std::vector<bool> given(ctor->args.size(), false);
    size_t positional = 0;
    bool ok = true;
    for (const ast::Argument &arg : call->getArgs()) {
      size_t index;
      if (arg.name.empty()) {
        index = positional++;
        if (index >= ctor->args.size()) {
          sema.error(arg.loc, "'" + ctor->name + "' takes at most " +
                                  llvm::Twine(ctor->args.size()) +
                                  " argument(s)");
          return std::nullopt;
        }
      } else {
        auto it = llvm::find_if(ctor->args, [&](const ArgSpec &a) {
          return a.name == arg.name;
        });
        if (it == ctor->args.end()) {
          sema.error(arg.loc, "'" + ctor->name + "' has no argument '" +
                                  arg.name + "'");
          ok = false;
          continue;
        }
        index = it - ctor->args.begin();
      }
      if (given[index]) {
        sema.error(arg.loc, "argument '" + ctor->args[index].name +
                                "' is given twice");
        ok = false;
        continue;
      }
      given[index] = true;
      const ArgSpec &argSpec = ctor->args[index];
      std::optional<hir::SettingValue> checked =
          checkValue(argSpec.type, *arg.value, argSpec.name);
      if (checked && !argSpec.choices.empty() &&
          !llvm::is_contained(argSpec.choices, checked->text)) {
        std::string allowed;
        for (auto [i, choice] : llvm::enumerate(argSpec.choices))
          allowed += (i ? ", \"" : "\"") + choice.str() + "\"";
        sema.error(arg.value->getLoc(), "'" + argSpec.name +
                                            "' must be one of " + allowed +
                                            ", but got \"" + checked->text +
                                            "\"");
        checked = std::nullopt;
      }
      if (!checked) {
        ok = false;
        continue;
      }
      result.fields.emplace_back(ctor->args[index].name.str(),
                                 std::move(*checked));
    }
    for (auto [spec, wasGiven] : llvm::zip(ctor->args, given))
      if (spec.required && !wasGiven) {
        sema.error(call->getLoc(), "'" + ctor->name +
                                       "' needs the argument '" + spec.name +
                                       "'");
        ok = false;
      }
    if (!ok)
      return std::nullopt;
    return result;
  }

  std::optional<hir::SettingValue> checkValue(ValueType type,
                                              const ast::Expr &value,
                                              llvm::StringRef what) {
    Location loc = value.getLoc();
    auto number = [&](bool integer) -> std::optional<hir::SettingValue> {
      std::string name = "'" + what.str() + "'";
      if (!llvm::isa<ast::NumberExpr, ast::NameExpr, ast::UnaryExpr,
                     ast::BinaryExpr, ast::CallExpr>(value)) {
        sema.error(loc, name + (integer ? " expects a whole number"
                                        : " expects a number"));
        return std::nullopt;
      }
      std::optional<double> v;
      if (!integer)
        v = sema.evalConstant(value, name);
      else if (std::optional<int64_t> i = sema.evalInteger(value, name))
        v = static_cast<double>(*i);
      if (!v)
        return std::nullopt;
      hir::SettingValue result{integer ? hir::SettingValue::Kind::Integer
                                       : hir::SettingValue::Kind::Real,
                               loc};
      result.number = *v;
      return result;
    };
    switch (type) {
    case ValueType::Integer:
      return number(true);
    case ValueType::Positive: {
      std::optional<hir::SettingValue> v = number(true);
      if (v && v->number <= 0) {
        sema.error(loc, "'" + what + "' must be positive");
        return std::nullopt;
      }
      return v;
    }
    case ValueType::Real:
      return number(false);
    case ValueType::String: {
      auto *s = llvm::dyn_cast<ast::StringExpr>(&value);
      if (!s) {
        sema.error(loc, "'" + what + "' expects a string");
        return std::nullopt;
      }
      hir::SettingValue result{hir::SettingValue::Kind::String, loc};
      result.text = s->getValue().str();
      return result;
    }
    case ValueType::Output:
    case ValueType::Target: {
      bool output = type == ValueType::Output;
      auto *name = llvm::dyn_cast<ast::NameExpr>(&value);
      const Symbol *symbol = name ? sema.lookup(name->getName()) : nullptr;
      Symbol::Kind kind = output ? Symbol::Kind::Output : Symbol::Kind::Target;
      if (!symbol || symbol->kind != kind) {
        sema.error(loc, llvm::Twine("'") + what + "' expects the name of " +
                            (output ? "an output" : "a target"));
        return std::nullopt;
      }
      hir::SettingValue result{hir::SettingValue::Kind::Name, loc};
      result.text = name->getName().str();
      return result;
    }
    case ValueType::RealOrList:
    case ValueType::IntegerList: {
      auto *list = llvm::dyn_cast<ast::VectorExpr>(&value);
      if (!list) {
        if (type == ValueType::RealOrList)
          return number(false);
        sema.error(loc, "'" + what + "' expects a list such as [3, 5]");
        return std::nullopt;
      }
      hir::SettingValue result{hir::SettingValue::Kind::List, loc};
      for (const ast::ExprPtr &item : list->getElements()) {
        std::optional<hir::SettingValue> checked = checkValue(
            type == ValueType::IntegerList ? ValueType::Integer
                                           : ValueType::Real,
            *item, what);
        if (!checked)
          return std::nullopt;
        result.items.push_back(std::move(*checked));
      }
      return result;
    }
    }
    return std::nullopt;
  }

  Sema &sema;
};

} // namespace

void Sema::checkExperiment(const ast::ExperimentDecl &decl) {
  model->experimentLoc = decl.getLoc();
  llvm::StringMap<Location> seen;
  SettingChecker checker(*this);
  for (const ast::Setting &setting : decl.getSettings()) {
    auto [it, inserted] = seen.try_emplace(setting.key, setting.loc);
    if (!inserted) {
      errorWithNote(setting.loc, "setting '" + setting.key + "' is given twice",
                    it->second, "first given here");
      continue;
    }
    const auto &schema = getSchema();
    auto spec = llvm::find_if(
        schema, [&](const KeySpec &k) { return k.key == setting.key; });
    if (spec == schema.end()) {
      std::string keys;
      for (auto [i, k] : llvm::enumerate(schema))
        keys += (i ? ", " : "") + k.key.str();
      error(setting.loc, "unknown experiment setting '" + setting.key +
                             "'; expected one of: " + keys);
      continue;
    }
    if (std::optional<hir::SettingValue> value =
            checker.check(*spec, *setting.value))
      model->experiment.push_back({setting.key, setting.loc, *value});
  }
}
