//===- ParamInit.cpp - initial values of trainable parameters -------------===//
//
// This file draws the initial parameter values.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/ParamInit.h"

#include <cmath>

using namespace qruc::runtime;

DataStatus qruc::runtime::appendInitialValues(const ParamInitializer &param,
                                              SeededRandom &rng,
                                              std::vector<double> &out) {
  auto fail = [&](std::string message) {
    return DataError{"", 0, 0,
                     "parameter '" + param.name + "': " + std::move(message)};
  };
  const std::vector<double> &args = param.args;
  std::size_t count = param.count;
  switch (param.kind) {
  case ParamInitializer::Kind::Constant:
    if (args.size() != 1)
      return fail("a constant initializer takes 1 value, but got " +
                  std::to_string(args.size()));
    out.insert(out.end(), count, args[0]);
    return std::nullopt;
  case ParamInitializer::Kind::Uniform:
    if (args.size() != 2)
      return fail("uniform(a, b) takes 2 arguments, but got " +
                  std::to_string(args.size()));
    if (!(args[0] <= args[1]) || !std::isfinite(args[0]) ||
        !std::isfinite(args[1]))
      return fail("uniform(a, b) needs finite a <= b, but got a = " +
                  std::to_string(args[0]) + ", b = " +
                  std::to_string(args[1]));
    for (std::size_t i = 0; i < count; ++i)
      out.push_back(rng.uniform(args[0], args[1]));
    return std::nullopt;
  case ParamInitializer::Kind::Normal:
    if (args.size() != 2)
      return fail("normal(mean, stddev) takes 2 arguments, but got " +
                  std::to_string(args.size()));
    if (!(args[1] >= 0) || !std::isfinite(args[0]) || !std::isfinite(args[1]))
      return fail("normal(mean, stddev) needs a finite mean and stddev >= 0, "
                  "but got stddev = " +
                  std::to_string(args[1]));
    for (std::size_t i = 0; i < count; ++i)
      out.push_back(rng.normal(args[0], args[1]));
    return std::nullopt;
  }
  return fail("unknown initializer");
}

DataResult<std::vector<double>>
qruc::runtime::initialParameters(const std::vector<ParamInitializer> &params,
                                 std::uint64_t seed) {
  SeededRandom rng(seed);
  std::vector<double> values;
  for (const ParamInitializer &param : params)
    if (DataStatus error = appendInitialValues(param, rng, values))
      return *error;
  return values;
}
