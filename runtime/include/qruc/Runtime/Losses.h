//===- Losses.h - training losses and their gradients -----------*- C++ -*-===//
//
// This file declares the losses behind `loss = bce_logits(output, target)`,
// `cross_entropy(output, target)` and `mse(output, target)`, each with its
// gradient with respect to the model outputs, in the layouts of
// OutputValues (one vector per step, sample-major).
//
// Reductions: every loss is a mean, over samples × steps × width for
// bce_logits and mse (as torch's BCEWithLogitsLoss and MSELoss), over
// samples × steps for cross_entropy (one class per sample and step).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_LOSSES_H
#define QRUC_RUNTIME_LOSSES_H

#include <cstddef>
#include <string>
#include <vector>

namespace qruc::runtime {

enum class LossKind {
  /// Binary cross-entropy on a logit z and a target y in [0, 1], one per
  /// output element: max(z, 0) − z·y + log(1 + exp(−|z|)), stable for any
  /// z.
  BceLogits,
  /// Softmax cross-entropy on width C logits and a class index target
  /// (width 1): logsumexp(z) − z[y].
  CrossEntropy,
  /// Squared error on outputs and targets of the same width.
  Mse,
};

/// The width the target must have for an output of `outputWidth`.
std::size_t targetWidth(LossKind kind, std::size_t outputWidth);

/// Checks that `targets` (batch × targetWidth) are valid for the loss:
/// 0 <= y <= 1 for bce, a whole number in [0, outputWidth) for
/// cross-entropy, finite for mse. Returns an empty string or a message
/// naming the first bad target.
std::string checkTargets(LossKind kind, const std::vector<double> &targets,
                         std::size_t outputWidth);

/// The loss of one step: `outputs` is batch × width, `targets` batch ×
/// targetWidth(kind, width). Returns the mean as described above; if
/// `gradient` is non-null it receives d(loss)/d(outputs) (batch × width),
/// multiplied by `gradientScale`.
double stepLoss(LossKind kind, const std::vector<double> &outputs,
                const std::vector<double> &targets, std::size_t batch,
                std::size_t width, std::vector<double> *gradient = nullptr,
                double gradientScale = 1.0);

/// The loss over several steps (outputs[t], targets[t] as in stepLoss):
/// the mean of the step losses, with gradients for every step.
double sequenceLoss(LossKind kind,
                    const std::vector<std::vector<double>> &outputs,
                    const std::vector<std::vector<double>> &targets,
                    std::size_t batch, std::size_t width,
                    std::vector<std::vector<double>> *gradients = nullptr);

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_LOSSES_H
