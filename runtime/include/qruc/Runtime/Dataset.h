//===- Dataset.h - samples, features and labels -----------------*- C++ -*-===//
//
// This file declares Dataset, what every loader produces and every
// preprocessing step transforms: a samples × features table of doubles
// (row-major), one label per sample, and the names of the features. Images
// keep their shape so that `resize` and `sequence = rows()` know it; a
// generated series is a data set with one sample per series and one
// feature per point, and no labels.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_DATASET_H
#define QRUC_RUNTIME_DATASET_H

#include <cstddef>
#include <string>
#include <vector>

namespace qruc::runtime {

struct Dataset {
  std::size_t numSamples = 0;
  std::size_t numFeatures = 0;
  /// numSamples × numFeatures, row-major.
  std::vector<double> features;
  /// One per sample (class indices for classification, values for
  /// regression); empty for series.
  std::vector<double> labels;
  /// One per feature; may be empty.
  std::vector<std::string> featureNames;
  /// For images: the feature vector is an imageRows × imageCols image,
  /// row-major. Both 0 otherwise.
  std::size_t imageRows = 0;
  std::size_t imageCols = 0;
  /// Where the data came from, for messages.
  std::string source;

  bool isImage() const { return imageRows != 0; }
  double *row(std::size_t sample) {
    return features.data() + sample * numFeatures;
  }
  const double *row(std::size_t sample) const {
    return features.data() + sample * numFeatures;
  }
  double &at(std::size_t sample, std::size_t feature) {
    return features[sample * numFeatures + feature];
  }
  double at(std::size_t sample, std::size_t feature) const {
    return features[sample * numFeatures + feature];
  }

  /// The samples listed in `rows`, in that order (features, labels,
  /// names and image shape are kept).
  Dataset select(const std::vector<std::size_t> &rows) const;
};

/// The number of classes if every label is a whole number >= 0 (the
/// largest label + 1); 0 if a label is negative or fractional or there are
/// no labels.
std::size_t countClasses(const Dataset &data);

/// How many samples have each class label 0 .. countClasses()-1.
std::vector<std::size_t> classCounts(const Dataset &data);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_DATASET_H
