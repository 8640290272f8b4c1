//===- Dataset.cpp - samples, features and labels -------------------------===//
//
// This file implements row selection and class counting on a Dataset.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Dataset.h"

#include <algorithm>
#include <cmath>

using namespace qruc::runtime;

Dataset Dataset::select(const std::vector<std::size_t> &rows) const {
  Dataset out;
  out.numSamples = rows.size();
  out.numFeatures = numFeatures;
  out.featureNames = featureNames;
  out.imageRows = imageRows;
  out.imageCols = imageCols;
  out.source = source;
  out.features.reserve(rows.size() * numFeatures);
  for (std::size_t r : rows) {
    out.features.insert(out.features.end(), row(r), row(r) + numFeatures);
    if (!labels.empty())
      out.labels.push_back(labels[r]);
  }
  return out;
}

std::size_t qruc::runtime::countClasses(const Dataset &data) {
  if (data.labels.empty())
    return 0;
  double largest = 0;
  for (double label : data.labels) {
    if (!(label >= 0) || label != std::floor(label) || label > 1e9)
      return 0;
    largest = std::max(largest, label);
  }
  return static_cast<std::size_t>(largest) + 1;
}

std::vector<std::size_t> qruc::runtime::classCounts(const Dataset &data) {
  std::vector<std::size_t> counts(countClasses(data), 0);
  if (counts.empty())
    return counts;
  for (double label : data.labels)
    ++counts[static_cast<std::size_t>(label)];
  return counts;
}
