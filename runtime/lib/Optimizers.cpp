//===- Optimizers.cpp - Adam and SGD over a flat parameter vector ---------===//
//
// This file implements the Adam and SGD updates and their saved state.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Optimizers.h"

#include <cassert>
#include <cmath>

using namespace qruc::runtime;

Optimizer::Optimizer(const OptimizerSpec &spec, std::size_t numParameters)
    : config(spec), lr(spec.lr), count(numParameters) {
  if (config.kind == OptimizerSpec::Kind::Adam) {
    first.assign(count, 0.0);
    second.assign(count, 0.0);
  }
}

void Optimizer::resetState() {
  steps = 0;
  if (config.kind == OptimizerSpec::Kind::Adam) {
    first.assign(count, 0.0);
    second.assign(count, 0.0);
  } else {
    first.clear();
  }
}

void Optimizer::step(std::vector<double> &params,
                     const std::vector<double> &gradient) {
  ++steps;
  std::size_t n = count;
  assert(params.size() == n && gradient.size() == n);
  if (config.kind == OptimizerSpec::Kind::Adam) {
    double b1 = config.beta1, b2 = config.beta2;
    double t = static_cast<double>(steps);
    double correction1 = 1.0 - std::pow(b1, t);
    double correction2 = 1.0 - std::pow(b2, t);
    for (std::size_t i = 0; i < n; ++i) {
      double g = gradient[i];
      first[i] = b1 * first[i] + (1.0 - b1) * g;
      second[i] = b2 * second[i] + (1.0 - b2) * g * g;
      double mHat = first[i] / correction1;
      double vHat = second[i] / correction2;
      params[i] -= lr * mHat / (std::sqrt(vHat) + config.eps);
    }
    return;
  }
  if (config.momentum == 0.0) {
    for (std::size_t i = 0; i < n; ++i)
      params[i] -= lr * gradient[i];
    return;
  }
  if (first.empty()) {
    first = gradient;
  } else {
    for (std::size_t i = 0; i < n; ++i)
      first[i] = config.momentum * first[i] + gradient[i];
  }
  for (std::size_t i = 0; i < n; ++i)
    params[i] -= lr * first[i];
}

OptimizerState Optimizer::state() const {
  OptimizerState s;
  s.lr = lr;
  s.step = steps;
  if (config.kind == OptimizerSpec::Kind::Adam) {
    s.kind = "adam";
    s.vectors = {{"m", first}, {"v", second}};
  } else {
    s.kind = "sgd";
    if (!first.empty())
      s.vectors = {{"momentum_buffer", first}};
  }
  return s;
}

DataStatus Optimizer::restore(const OptimizerState &state) {
  bool adam = config.kind == OptimizerSpec::Kind::Adam;
  std::string kind = adam ? "adam" : "sgd";
  if (state.kind != kind)
    return DataError{"", 0, 0,
                     "the saved optimizer is '" + state.kind +
                         "', but the experiment uses '" + kind + "'"};
  auto sizeError = [&](const char *what, std::size_t size) {
    return DataError{"", 0, 0,
                     std::string("the saved ") + what + " has " +
                         std::to_string(size) + " entries, but the model has " +
                         std::to_string(count) + " parameters"};
  };
  auto find = [&](const char *name) -> const std::vector<double> * {
    for (const auto &[key, values] : state.vectors)
      if (key == name)
        return &values;
    return nullptr;
  };
  if (adam) {
    const std::vector<double> *m = find("m"), *v = find("v");
    if (!m || !v)
      return DataError{"", 0, 0, "the saved adam state lacks 'm' or 'v'"};
    if (m->size() != count || v->size() != count)
      return sizeError("adam moments", m->size() != count ? m->size()
                                                          : v->size());
    first = *m;
    second = *v;
  } else {
    const std::vector<double> *buffer = find("momentum_buffer");
    if (buffer && buffer->size() != count)
      return sizeError("sgd momentum buffer", buffer->size());
    first = buffer ? *buffer : std::vector<double>{};
  }
  lr = state.lr;
  steps = state.step;
  return std::nullopt;
}
