//===- Optimizers.h - Adam and SGD over a flat parameter vector -*- C++ -*-===//
//
// This file declares the optimizers behind `optimizer = adam(lr, beta1,
// beta2, eps)` and `sgd(lr, momentum)`. Both update a ParamVector in place
// from a gradient of the same length, in the conventions of PyTorch (and
// optax):
//
//   Adam:  t += 1;  m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;
//          p −= lr · (m / (1−β1^t)) / (sqrt(v / (1−β2^t)) + ε)
//   SGD:   b = μ·b + g (b = g on the first step);  p −= lr · b
//
// The state (moments, step count, learning rate) can be exported for a
// checkpoint and restored, so a resumed run continues bit for bit.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_OPTIMIZERS_H
#define QRUC_RUNTIME_OPTIMIZERS_H

#include "qruc/Runtime/DataError.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace qruc::runtime {

struct OptimizerSpec {
  enum class Kind { Adam, Sgd };
  Kind kind = Kind::Adam;
  double lr = 0.01;
  double beta1 = 0.9;    ///< Adam
  double beta2 = 0.999;  ///< Adam
  double eps = 1e-8;     ///< Adam
  double momentum = 0.0; ///< SGD
};

/// Everything an optimizer carries from step to step, as a checkpoint
/// stores it.
struct OptimizerState {
  std::string kind; ///< "adam" or "sgd"
  double lr = 0;
  std::uint64_t step = 0;
  /// Named vectors of the parameter vector's length: Adam "m", "v"; SGD
  /// "momentum_buffer" (absent before the first step).
  std::vector<std::pair<std::string, std::vector<double>>> vectors;
};

class Optimizer {
public:
  Optimizer(const OptimizerSpec &spec, std::size_t numParameters);

  /// One update of `params` from `gradient` (both numParameters long).
  void step(std::vector<double> &params, const std::vector<double> &gradient);

  double learningRate() const { return lr; }
  void setLearningRate(double value) { lr = value; }
  std::uint64_t stepCount() const { return steps; }
  const OptimizerSpec &spec() const { return config; }
  /// Forgets moments and the step count (the learning rate stays).
  void resetState();

  OptimizerState state() const;
  /// Restores a state exported by state(); fails if the kind or a vector
  /// length does not match this optimizer.
  DataStatus restore(const OptimizerState &state);

private:
  OptimizerSpec config;
  double lr;
  std::size_t count;
  std::uint64_t steps = 0;
  std::vector<double> first, second; ///< Adam m, v; SGD: first = buffer
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_OPTIMIZERS_H
