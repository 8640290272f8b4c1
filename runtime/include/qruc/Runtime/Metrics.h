//===- Metrics.h - accuracy, mean squared error, confusion ------*- C++ -*-===//
//
// This file declares the metrics behind `metrics = [accuracy, mse]` and the
// confusion counts reported for classification. A MetricAccumulator sums
// over mini-batches, so an evaluation pass can score any number of
// batches and read the totals at the end.
//
// Predicted class: an output of width 1 is a logit, class 1 when it is > 0
// (probability > 1/2), else class 0; a wider output predicts its argmax
// (the first maximum on ties, as numpy.argmax). A target of width 1 is the
// class index; a soft binary target counts as class 1 when it is >= 1/2.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_METRICS_H
#define QRUC_RUNTIME_METRICS_H

#include <cstddef>
#include <vector>

namespace qruc::runtime {

/// The class predicted by `width` outputs at `z`.
std::size_t predictedClass(const double *z, std::size_t width);

/// Binary confusion counts for a chosen positive class. For WDBC as
/// qru.md reports it the positive class is malignant, label 0.
struct BinaryConfusion {
  std::size_t truePositive = 0;
  std::size_t falseNegative = 0;
  std::size_t trueNegative = 0;
  std::size_t falsePositive = 0;
};

class MetricAccumulator {
public:
  /// `numClasses` sizes the confusion matrix (2 for a width-1 logit).
  explicit MetricAccumulator(std::size_t numClasses = 2);

  /// Adds `batch` classification results: outputs batch × width, targets
  /// batch class indices (see the file comment). Targets outside the
  /// classes are counted as wrong and left out of the confusion matrix.
  void addClassification(const std::vector<double> &outputs,
                         const std::vector<double> &targets,
                         std::size_t batch, std::size_t width);
  /// Adds squared errors of equally long outputs and targets.
  void addRegression(const std::vector<double> &outputs,
                     const std::vector<double> &targets);
  /// Merges another accumulator (e.g. one fold's) into this one.
  void merge(const MetricAccumulator &other);

  /// Fraction of correct predictions; 0 when nothing was added.
  double accuracy() const;
  /// Mean squared error per value; 0 when nothing was added.
  double mse() const;
  std::size_t correct() const { return numCorrect; }
  std::size_t classified() const { return numClassified; }
  std::size_t numClasses() const { return classes; }
  /// confusion(t, p): samples of true class t predicted as p.
  std::size_t confusion(std::size_t trueClass, std::size_t predicted) const {
    return matrix[trueClass * classes + predicted];
  }
  /// The binary counts with `positive` as the positive class (any other
  /// class is negative).
  BinaryConfusion binary(std::size_t positive = 1) const;

private:
  std::size_t classes;
  std::vector<std::size_t> matrix;
  std::size_t numCorrect = 0, numClassified = 0;
  double squaredError = 0;
  std::size_t numValues = 0;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_METRICS_H
