//===- Resize.cpp - bilinear image resizing -------------------------------===//
//
// This file implements bilinear resizing with half-pixel centers. The
// sample positions and weights depend only on the sizes, so they are
// computed once per axis and reused for every image.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Resize.h"

#include <algorithm>
#include <cmath>
#include <vector>

using namespace qruc::runtime;

namespace {

struct Tap {
  std::size_t lo, hi; ///< the two input indices
  double weight;      ///< of `hi`; `lo` gets 1 - weight
};

std::vector<Tap> taps(std::size_t in, std::size_t out) {
  std::vector<Tap> result(out);
  double scale = static_cast<double>(in) / static_cast<double>(out);
  double last = static_cast<double>(in - 1);
  for (std::size_t i = 0; i < out; ++i) {
    double pos = (static_cast<double>(i) + 0.5) * scale - 0.5;
    pos = std::clamp(pos, 0.0, last);
    std::size_t lo = static_cast<std::size_t>(std::floor(pos));
    result[i] = {lo, std::min(lo + 1, in - 1), pos - static_cast<double>(lo)};
  }
  return result;
}

void resizeWithTaps(const double *src, std::size_t srcCols, double *dst,
                    const std::vector<Tap> &ys, const std::vector<Tap> &xs) {
  std::size_t dstCols = xs.size();
  for (std::size_t i = 0; i < ys.size(); ++i) {
    const double *top = src + ys[i].lo * srcCols;
    const double *bottom = src + ys[i].hi * srcCols;
    double wy = ys[i].weight;
    for (std::size_t j = 0; j < dstCols; ++j) {
      const Tap &x = xs[j];
      double upper = top[x.lo] + (top[x.hi] - top[x.lo]) * x.weight;
      double lower = bottom[x.lo] + (bottom[x.hi] - bottom[x.lo]) * x.weight;
      dst[i * dstCols + j] = upper + (lower - upper) * wy;
    }
  }
}

} // namespace

void qruc::runtime::resizeBilinear(const double *src, std::size_t srcRows,
                                   std::size_t srcCols, double *dst,
                                   std::size_t dstRows, std::size_t dstCols) {
  resizeWithTaps(src, srcCols, dst, taps(srcRows, dstRows),
                 taps(srcCols, dstCols));
}

DataResult<Dataset> qruc::runtime::resizeImages(const Dataset &data,
                                                std::size_t rows,
                                                std::size_t cols) {
  if (!data.isImage())
    return DataError{data.source, 0, 0,
                     "bilinear resize needs images, but the data holds rows "
                     "of " +
                         std::to_string(data.numFeatures) + " features"};
  if (rows == 0 || cols == 0)
    return DataError{data.source, 0, 0, "cannot resize images to 0 pixels"};
  Dataset out;
  out.numSamples = data.numSamples;
  out.numFeatures = rows * cols;
  out.imageRows = rows;
  out.imageCols = cols;
  out.labels = data.labels;
  out.source = data.source;
  out.features.resize(out.numSamples * out.numFeatures);
  std::vector<Tap> ys = taps(data.imageRows, rows),
                   xs = taps(data.imageCols, cols);
  for (std::size_t s = 0; s < data.numSamples; ++s)
    resizeWithTaps(data.row(s), data.imageCols, out.row(s), ys, xs);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c)
      out.featureNames.push_back("pixel[" + std::to_string(r) + "][" +
                                 std::to_string(c) + "]");
  return out;
}
