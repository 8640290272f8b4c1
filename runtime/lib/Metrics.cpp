//===- Metrics.cpp - accuracy, mean squared error, confusion --------------===//
//
// This file implements the metric accumulator.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Metrics.h"

#include <algorithm>
#include <cmath>

using namespace qruc::runtime;

std::size_t qruc::runtime::predictedClass(const double *z, std::size_t width) {
  if (width == 1)
    return z[0] > 0 ? 1 : 0;
  return static_cast<std::size_t>(std::max_element(z, z + width) - z);
}

MetricAccumulator::MetricAccumulator(std::size_t numClasses)
    : classes(std::max<std::size_t>(numClasses, 2)),
      matrix(classes * classes, 0) {}

void MetricAccumulator::addClassification(const std::vector<double> &outputs,
                                          const std::vector<double> &targets,
                                          std::size_t batch,
                                          std::size_t width) {
  for (std::size_t b = 0; b < batch; ++b) {
    std::size_t predicted = predictedClass(outputs.data() + b * width, width);
    double y = targets[b];
    ++numClassified;
    if (width == 1)
      y = y >= 0.5 ? 1.0 : 0.0;
    if (!(y >= 0) || y != std::floor(y) ||
        y >= static_cast<double>(classes))
      continue;
    std::size_t truth = static_cast<std::size_t>(y);
    if (predicted < classes)
      ++matrix[truth * classes + predicted];
    if (truth == predicted)
      ++numCorrect;
  }
}

void MetricAccumulator::addRegression(const std::vector<double> &outputs,
                                      const std::vector<double> &targets) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    double d = outputs[i] - targets[i];
    squaredError += d * d;
  }
  numValues += outputs.size();
}

void MetricAccumulator::merge(const MetricAccumulator &other) {
  if (other.classes > classes) {
    std::vector<std::size_t> grown(other.classes * other.classes, 0);
    for (std::size_t t = 0; t < classes; ++t)
      for (std::size_t p = 0; p < classes; ++p)
        grown[t * other.classes + p] = matrix[t * classes + p];
    matrix.swap(grown);
    classes = other.classes;
  }
  for (std::size_t t = 0; t < other.classes; ++t)
    for (std::size_t p = 0; p < other.classes; ++p)
      matrix[t * classes + p] += other.matrix[t * other.classes + p];
  numCorrect += other.numCorrect;
  numClassified += other.numClassified;
  squaredError += other.squaredError;
  numValues += other.numValues;
}

double MetricAccumulator::accuracy() const {
  return numClassified ? static_cast<double>(numCorrect) /
                             static_cast<double>(numClassified)
                       : 0.0;
}

double MetricAccumulator::mse() const {
  return numValues ? squaredError / static_cast<double>(numValues) : 0.0;
}

BinaryConfusion MetricAccumulator::binary(std::size_t positive) const {
  BinaryConfusion counts;
  for (std::size_t t = 0; t < classes; ++t)
    for (std::size_t p = 0; p < classes; ++p) {
      std::size_t n = matrix[t * classes + p];
      bool actual = t == positive, said = p == positive;
      if (actual && said)
        counts.truePositive += n;
      else if (actual)
        counts.falseNegative += n;
      else if (said)
        counts.falsePositive += n;
      else
        counts.trueNegative += n;
    }
  return counts;
}
