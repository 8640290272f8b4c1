//===- ParamInit.h - initial values of trainable parameters -----*- C++ -*-===//
//
// This file declares how the parameters of a model get their first values
// from their declared initializers (`param p[34] ~ uniform(0, 2*pi)`,
// `~ normal(0, 0.1)`, `= 100`), drawn from a SeededRandom so that the same
// seed gives the same start. Parameters are filled in the order given,
// row-major within each: for a StepProgram, one ParamInitializer per
// ParamInfo in order gives the layout of ParamVector. (The training library
// does not include StepProgram.h, so that it builds and tests on its own.)
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_PARAMINIT_H
#define QRUC_RUNTIME_PARAMINIT_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/SeededRandom.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qruc::runtime {

/// One declared parameter: `count` scalars (the product of its shape)
/// drawn from constant(args[0]), uniform(args[0], args[1]) on [a, b) or
/// normal(mean args[0], stddev args[1]).
struct ParamInitializer {
  enum class Kind { Constant, Uniform, Normal };
  std::string name;
  Kind kind = Kind::Constant;
  std::vector<double> args;
  std::size_t count = 1;
};

/// Appends the values of `param` to `out`. Fails on a wrong number of
/// arguments, a > b, or a negative or non-finite stddev.
DataStatus appendInitialValues(const ParamInitializer &param,
                               SeededRandom &rng, std::vector<double> &out);

/// The initial parameter vector of `params` from `seed` (one stream used
/// in order, parameter after parameter). Errors name the parameter.
DataResult<std::vector<double>>
initialParameters(const std::vector<ParamInitializer> &params,
                  std::uint64_t seed);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_PARAMINIT_H
