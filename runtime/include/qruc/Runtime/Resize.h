//===- Resize.h - bilinear image resizing -----------------------*- C++ -*-===//
//
// This file declares the resize behind `resize = bilinear(rows = r, cols =
// c)`, used to shrink the 28×28 MNIST digits to 8×8.
//
// Convention: half-pixel centers without antialiasing. Output pixel (i, j)
// samples the input at y = (i + 0.5)·R/r − 0.5, x = (j + 0.5)·C/c − 0.5,
// clamped to [0, R−1] × [0, C−1], interpolating linearly between the four
// neighbouring pixels. This is tf.image.resize(method="bilinear",
// antialias=False) (TF 2), cv2.resize(INTER_LINEAR),
// torch.nn.functional.interpolate(mode="bilinear", align_corners=False)
// and skimage.transform.resize(order=1, anti_aliasing=False). It is not
// skimage.transform.resize with its default anti_aliasing=True, which blurs
// with a Gaussian before sampling when shrinking.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_RESIZE_H
#define QRUC_RUNTIME_RESIZE_H

#include "qruc/Runtime/DataError.h"
#include "qruc/Runtime/Dataset.h"

#include <cstddef>

namespace qruc::runtime {

/// Resizes one row-major image `src` (srcRows × srcCols) into `dst`
/// (dstRows × dstCols). All sizes > 0.
void resizeBilinear(const double *src, std::size_t srcRows,
                    std::size_t srcCols, double *dst, std::size_t dstRows,
                    std::size_t dstCols);

/// Resizes every image of `data`; fails if `data` does not hold images or
/// a size is 0. Feature names become pixel[r][c] of the new shape.
DataResult<Dataset> resizeImages(const Dataset &data, std::size_t rows,
                                 std::size_t cols);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_RESIZE_H
