//===- ProgressReporter.cpp - training progress for people ----------------===//
//
// This file implements the status line and the plain progress lines.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/ProgressReporter.h"

#include <cmath>

using namespace qruc::runtime;

namespace {

/// Redraws at most this often on a terminal, so that fast batches do not
/// spend their time printing.
constexpr double kRedrawSeconds = 0.1;
constexpr int kBarWidth = 24;

std::string format(const char *pattern, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

} // namespace

ProgressReporter::ProgressReporter(std::FILE *stream, bool terminal,
                                   std::size_t runs, std::size_t maxEpochs,
                                   bool metricIsAccuracy)
    : stream(stream), terminal(terminal), runs(runs), maxEpochs(maxEpochs),
      metricIsAccuracy(metricIsAccuracy) {}

std::string ProgressReporter::formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return "?";
  long s = std::lround(seconds);
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600,
                  (s % 3600) / 60);
  else if (s >= 60)
    std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lds", s);
  return buffer;
}

double ProgressReporter::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start)
      .count();
}

std::string ProgressReporter::metricText(double value) const {
  return metricIsAccuracy ? format("acc %.2f%%", 100 * value)
                          : format("mse %.4g", value);
}

void ProgressReporter::draw(double fraction, const std::string &text) {
  int filled = static_cast<int>(std::lround(fraction * kBarWidth));
  filled = std::max(0, std::min(kBarWidth, filled));
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kBarWidth, '.');
  // \033[K clears what a longer previous line left behind.
  std::fprintf(stream, "\r[%s] %s\033[K", bar.c_str(), text.c_str());
  std::fflush(stream);
  drawn = true;
  lastDraw = std::chrono::steady_clock::now();
}

void ProgressReporter::batchDone(std::size_t run, std::size_t done,
                                 std::size_t total) {
  if (!terminal || runs != 1)
    return;
  std::lock_guard<std::mutex> lock(mutex);
  auto now = std::chrono::steady_clock::now();
  if (drawn && done != total &&
      std::chrono::duration<double>(now - lastDraw).count() < kRedrawSeconds)
    return;
  double epochFraction = static_cast<double>(done) / static_cast<double>(total);
  double fraction = (static_cast<double>(epochsSeen) + epochFraction) /
                    static_cast<double>(std::max<std::size_t>(maxEpochs, 1));
  std::string text = "epoch " + std::to_string(epochsSeen + 1) + "/" +
                     std::to_string(maxEpochs) + " batch " +
                     std::to_string(done) + "/" + std::to_string(total);
  if (!lastEpochText.empty())
    text += "  " + lastEpochText;
  double left = fraction > 0 ? elapsed() * (1 - fraction) / fraction : NAN;
  draw(fraction, text + "  ETA " + formatDuration(left));
}

void ProgressReporter::epochDone(const EpochRecord &record) {
  if (runs != 1)
    return;
  std::lock_guard<std::mutex> lock(mutex);
  ++epochsSeen;
  lastEpochText = format("loss %.4f", record.trainLoss);
  if (!std::isnan(record.validationLoss))
    lastEpochText += format(" val %.4f", record.validationLoss);
  lastEpochText += " " + metricText(record.trainMetric);
  double fraction = static_cast<double>(record.epoch) /
                    static_cast<double>(std::max<std::size_t>(maxEpochs, 1));
  double perEpoch = elapsed() / static_cast<double>(epochsSeen);
  double left = perEpoch * static_cast<double>(maxEpochs - record.epoch);
  std::string text = "epoch " + std::to_string(record.epoch) + "/" +
                     std::to_string(maxEpochs) + "  " + lastEpochText +
                     "  lr " + format("%.3g", record.learningRate) +
                     "  ETA " + formatDuration(left);
  if (terminal) {
    draw(fraction, text);
    return;
  }
  std::fprintf(stream, "%s  (%.2fs)\n", text.c_str(), record.seconds);
  std::fflush(stream);
}

void ProgressReporter::runDone(std::size_t run, const std::string &summary) {
  if (runs == 1)
    return;
  std::lock_guard<std::mutex> lock(mutex);
  ++runsDone;
  double perRun = elapsed() / static_cast<double>(runsDone);
  double left = perRun * static_cast<double>(runs - runsDone - runsSkipped);
  std::string text = "run " + std::to_string(runsDone + runsSkipped) + "/" +
                     std::to_string(runs) + "  " + summary + "  ETA " +
                     formatDuration(left);
  double fraction = static_cast<double>(runsDone + runsSkipped) /
                    static_cast<double>(runs);
  if (terminal) {
    draw(fraction, text);
    return;
  }
  std::fprintf(stream, "%s  (run %zu)\n", text.c_str(), run);
  std::fflush(stream);
}

void ProgressReporter::runSkipped() {
  std::lock_guard<std::mutex> lock(mutex);
  ++runsSkipped;
}

void ProgressReporter::finish() {
  std::lock_guard<std::mutex> lock(mutex);
  if (terminal && drawn) {
    std::fputc('\n', stream);
    std::fflush(stream);
  }
  drawn = false;
}
