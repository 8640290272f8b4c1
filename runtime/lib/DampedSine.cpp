//===- DampedSine.cpp - the generated oscillation series ------------------===//
//
// This file generates the damped-sine series of the oscillation experiment.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/DampedSine.h"

#include <algorithm>
#include <cmath>

using namespace qruc::runtime;

DataResult<Dataset>
qruc::runtime::generateDampedSine(const DampedSineOptions &options) {
  const std::vector<double> &f = options.frequency;
  std::vector<double> d = options.decay.empty() ? std::vector<double>{0.0}
                                                : options.decay;
  if (f.empty())
    return DataError{"", 0, 0, "damped_sine needs at least one frequency"};
  if (f.size() > 1 && d.size() > 1 && f.size() != d.size())
    return DataError{"", 0, 0,
                     "damped_sine has " + std::to_string(f.size()) +
                         " frequencies but " + std::to_string(d.size()) +
                         " decays; give as many of each, or one"};
  if (options.points == 0)
    return DataError{"", 0, 0, "damped_sine needs at least one point"};

  Dataset data;
  data.source = "damped_sine";
  data.numSamples = std::max(f.size(), d.size());
  data.numFeatures = options.points;
  data.features.reserve(data.numSamples * data.numFeatures);
  for (std::size_t s = 0; s < data.numSamples; ++s) {
    double freq = f[f.size() == 1 ? 0 : s];
    double decay = d[d.size() == 1 ? 0 : s];
    for (std::size_t n = 0; n < options.points; ++n) {
      double x = static_cast<double>(n);
      data.features.push_back(options.amplitude * std::sin(freq * x) *
                              std::exp(decay * x));
    }
  }
  for (std::size_t n = 0; n < options.points; ++n)
    data.featureNames.push_back("y[" + std::to_string(n) + "]");
  return data;
}
