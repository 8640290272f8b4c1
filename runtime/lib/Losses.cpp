//===- Losses.cpp - training losses and their gradients -------------------===//
//
// This file implements the losses in the numerically stable forms: the
// logit form of binary cross-entropy and the max-shifted log-sum-exp.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/Losses.h"

#include <algorithm>
#include <cmath>

using namespace qruc::runtime;

std::size_t qruc::runtime::targetWidth(LossKind kind,
                                       std::size_t outputWidth) {
  return kind == LossKind::CrossEntropy ? 1 : outputWidth;
}

std::string qruc::runtime::checkTargets(LossKind kind,
                                        const std::vector<double> &targets,
                                        std::size_t outputWidth) {
  for (std::size_t i = 0; i < targets.size(); ++i) {
    double y = targets[i];
    switch (kind) {
    case LossKind::BceLogits:
      if (!(y >= 0 && y <= 1))
        return "bce_logits needs targets between 0 and 1, but target " +
               std::to_string(i) + " is " + std::to_string(y);
      break;
    case LossKind::CrossEntropy:
      if (!(y >= 0 && y < static_cast<double>(outputWidth) &&
            y == std::floor(y)))
        return "cross_entropy needs class indices 0 .. " +
               std::to_string(outputWidth - 1) + ", but target " +
               std::to_string(i) + " is " + std::to_string(y);
      break;
    case LossKind::Mse:
      if (!std::isfinite(y))
        return "mse needs finite targets, but target " + std::to_string(i) +
               " is " + std::to_string(y);
      break;
    }
  }
  return "";
}

double qruc::runtime::stepLoss(LossKind kind,
                               const std::vector<double> &outputs,
                               const std::vector<double> &targets,
                               std::size_t batch, std::size_t width,
                               std::vector<double> *gradient,
                               double gradientScale) {
  if (gradient)
    gradient->assign(batch * width, 0.0);
  if (batch == 0)
    return 0.0;
  double total = 0;
  switch (kind) {
  case LossKind::BceLogits: {
    // Width > 1 is a multi-label problem, one target per column.
    double count = static_cast<double>(batch * width);
    for (std::size_t i = 0; i < batch * width; ++i) {
      double z = outputs[i], y = targets[i];
      double e = std::exp(-std::abs(z));
      total += std::max(z, 0.0) - z * y + std::log1p(e);
      if (gradient) {
        // sigmoid(z), computed without overflow for either sign.
        double sigmoid = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
        (*gradient)[i] = (sigmoid - y) * gradientScale / count;
      }
    }
    return total / count;
  }
  case LossKind::CrossEntropy: {
    double scale = gradientScale / static_cast<double>(batch);
    for (std::size_t b = 0; b < batch; ++b) {
      const double *z = outputs.data() + b * width;
      std::size_t y = static_cast<std::size_t>(targets[b]);
      double top = *std::max_element(z, z + width);
      double sum = 0;
      for (std::size_t j = 0; j < width; ++j)
        sum += std::exp(z[j] - top);
      double logSum = top + std::log(sum);
      total += logSum - z[y];
      if (gradient)
        for (std::size_t j = 0; j < width; ++j)
          (*gradient)[b * width + j] =
              (std::exp(z[j] - logSum) - (j == y ? 1.0 : 0.0)) * scale;
    }
    return total / static_cast<double>(batch);
  }
  case LossKind::Mse: {
    double count = static_cast<double>(batch * width);
    for (std::size_t i = 0; i < batch * width; ++i) {
      double d = outputs[i] - targets[i];
      total += d * d;
      if (gradient)
        (*gradient)[i] = 2.0 * d * gradientScale / count;
    }
    return total / count;
  }
  }
  return 0.0;
}

double qruc::runtime::sequenceLoss(
    LossKind kind, const std::vector<std::vector<double>> &outputs,
    const std::vector<std::vector<double>> &targets, std::size_t batch,
    std::size_t width, std::vector<std::vector<double>> *gradients) {
  std::size_t steps = outputs.size();
  if (gradients)
    gradients->assign(steps, {});
  if (steps == 0)
    return 0.0;
  double scale = 1.0 / static_cast<double>(steps), total = 0;
  for (std::size_t t = 0; t < steps; ++t)
    total += stepLoss(kind, outputs[t], targets[t], batch, width,
                      gradients ? &(*gradients)[t] : nullptr, scale);
  return total * scale;
}
