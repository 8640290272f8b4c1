//===- PreprocessingTest.cpp - resize, scaling and sequences --------------===//
//
// This file tests the bilinear resize against hand-computed cases, the
// scalers (per feature, global, composed, fitted on some rows and applied
// to others), and the mapping of samples and series to time steps.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/DampedSine.h"
#include "qruc/Runtime/IdxLoader.h"
#include "qruc/Runtime/Resize.h"
#include "qruc/Runtime/Scaling.h"
#include "qruc/Runtime/Sequences.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace qruc::runtime;

namespace {

Dataset image(std::size_t rows, std::size_t cols,
              const std::vector<double> &pixels) {
  Dataset data;
  data.numSamples = 1;
  data.numFeatures = rows * cols;
  data.imageRows = rows;
  data.imageCols = cols;
  data.features = pixels;
  data.labels = {1};
  return data;
}

Dataset table(std::size_t samples, std::size_t features,
              std::vector<double> values, std::vector<double> labels = {}) {
  Dataset data;
  data.numSamples = samples;
  data.numFeatures = features;
  data.features = std::move(values);
  data.labels = labels.empty() ? std::vector<double>(samples, 0) : labels;
  return data;
}

void expectNear(const std::vector<double> &actual,
                const std::vector<double> &expected, double tolerance) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i)
    EXPECT_NEAR(actual[i], expected[i], tolerance) << "at " << i;
}

//===----------------------------------------------------------------------===//
// Resize
//===----------------------------------------------------------------------===//

TEST(Resize, HalvingAveragesEachTwoByTwoBlock) {
  // 4×4 → 2×2: samples at 0.5 and 2.5, the centres of the blocks.
  std::vector<double> pixels(16);
  std::iota(pixels.begin(), pixels.end(), 0.0);
  Dataset out = *resizeImages(image(4, 4, pixels), 2, 2);
  EXPECT_EQ(out.imageRows, 2u);
  EXPECT_EQ(out.numFeatures, 4u);
  EXPECT_EQ(out.features, (std::vector<double>{2.5, 4.5, 10.5, 12.5}));
  EXPECT_EQ(out.labels, (std::vector<double>{1}));
}

TEST(Resize, UnequalWeights) {
  // 3×3 → 2×2: scale 1.5, samples at 0.25 and 1.75 on each axis. On
  // v(r, c) = 3r + c bilinear interpolation is exact: 3·y + x.
  std::vector<double> pixels(9);
  std::iota(pixels.begin(), pixels.end(), 0.0);
  std::vector<double> out(4);
  resizeBilinear(pixels.data(), 3, 3, out.data(), 2, 2);
  EXPECT_EQ(out, (std::vector<double>{1.0, 2.5, 5.5, 7.0}));
  // A non-linear image: v = [[0, 8, 0], [0, 0, 0], [4, 0, 0]].
  std::vector<double> bumps = {0, 8, 0, 0, 0, 0, 4, 0, 0};
  resizeBilinear(bumps.data(), 3, 3, out.data(), 2, 2);
  // (0,0): y=0.25, x=0.25: rows 0,1, cols 0,1, weights .75/.25 each:
  //   .75·(.75·0 + .25·8) + .25·(0) = 1.5
  // (0,1): x=1.75: cols 1,2 weights .25/.75: .75·(.25·8 + 0) = 1.5
  // (1,0): y=1.75: rows 1,2 weights .25/.75: .75·(.75·4 + .25·0) = 2.25
  // (1,1): .75·(.25·0 + .75·0) + ... = 0
  EXPECT_EQ(out, (std::vector<double>{1.5, 1.5, 2.25, 0.0}));
}

TEST(Resize, UpsamplingClampsAtTheEdges) {
  // 2×2 → 3×3: scale 2/3, samples at -1/6 (clamped to 0), 1/2, 7/6
  // (clamped to 1).
  Dataset out = *resizeImages(image(2, 2, {0, 1, 2, 3}), 3, 3);
  expectNear(out.features, {0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3}, 1e-15);
}

TEST(Resize, MnistSizeSamplesAtHalfPixelCenters) {
  // 28×28 → 8×8: scale 3.5, samples at (k + 0.5)·3.5 − 0.5 = 1.25, 4.75,
  // ...; on a linear image the result is that linear function there.
  std::vector<double> pixels(28 * 28);
  for (int r = 0; r < 28; ++r)
    for (int c = 0; c < 28; ++c)
      pixels[r * 28 + c] = 28.0 * r + c;
  std::vector<double> out(64);
  resizeBilinear(pixels.data(), 28, 28, out.data(), 8, 8);
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 8; ++j) {
      double y = (i + 0.5) * 3.5 - 0.5, x = (j + 0.5) * 3.5 - 0.5;
      EXPECT_NEAR(out[i * 8 + j], 28.0 * y + x, 1e-12);
    }
  EXPECT_DOUBLE_EQ(out[0], 28 * 1.25 + 1.25);
}

TEST(Resize, NeedsImages) {
  Dataset flat = table(1, 4, {1, 2, 3, 4});
  DataResult<Dataset> out = resizeImages(flat, 2, 2);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().message,
            "bilinear resize needs images, but the data holds rows of 4 "
            "features");
}

//===----------------------------------------------------------------------===//
// Scaling
//===----------------------------------------------------------------------===//

TEST(Scaling, MinMaxPerFeature) {
  Dataset data = table(3, 2, {1, 10, 2, 30, 3, 20});
  Scaler scaler = *Scaler::fit({{ScaleStep::Kind::MinMax}}, data);
  scaler.apply(data);
  expectNear(data.features, {0, 0, 0.5, 1, 1, 0.5}, 1e-15);
}

TEST(Scaling, MinMaxGlobalAndRange) {
  Dataset data = table(2, 2, {0, 5, 10, 20});
  ScaleStep step{ScaleStep::Kind::MinMax, /*global=*/true, -1, 1};
  Scaler scaler = *Scaler::fit({step}, data);
  scaler.apply(data);
  expectNear(data.features, {-1, -0.5, 0, 1}, 1e-15);
}

TEST(Scaling, StandardPerFeatureUsesThePopulationDeviation) {
  Dataset data = table(4, 2, {1, 5, 2, 5, 3, 5, 4, 5});
  Scaler scaler = *Scaler::fit({{ScaleStep::Kind::Standard}}, data);
  scaler.apply(data);
  // Feature 0: mean 2.5, deviation sqrt(1.25). Feature 1 is constant: it
  // is centred and divided by 1.
  double sd = std::sqrt(1.25);
  expectNear(data.features,
             {-1.5 / sd, 0, -0.5 / sd, 0, 0.5 / sd, 0, 1.5 / sd, 0}, 1e-15);
}

TEST(Scaling, StandardGlobal) {
  Dataset data = table(2, 2, {1, 2, 3, 4});
  ScaleStep step{ScaleStep::Kind::Standard, /*global=*/true};
  Scaler scaler = *Scaler::fit({step}, data);
  scaler.apply(data);
  double sd = std::sqrt(1.25);
  expectNear(data.features, {-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd},
             1e-15);
}

TEST(Scaling, ComposedStepsEqualApplyingThemInTurn) {
  // The MNIST recipe: standard per feature, then one global min-max.
  Dataset data = table(3, 3, {0, 10, 5, 4, 30, 5, 8, 20, 6});
  Dataset stepwise = data;
  Scaler first = *Scaler::fit({{ScaleStep::Kind::Standard}}, stepwise);
  first.apply(stepwise);
  Scaler second = *Scaler::fit(
      {{ScaleStep::Kind::MinMax, /*global=*/true}}, stepwise);
  second.apply(stepwise);

  Scaler both = *Scaler::fit({{ScaleStep::Kind::Standard},
                              {ScaleStep::Kind::MinMax, /*global=*/true}},
                             data);
  both.apply(data);
  expectNear(data.features, stepwise.features, 1e-14);
  EXPECT_NEAR(*std::min_element(data.features.begin(), data.features.end()),
              0.0, 1e-15);
  EXPECT_NEAR(*std::max_element(data.features.begin(), data.features.end()),
              1.0, 1e-15);
}

TEST(Scaling, FitOnTrainingRowsApplyToOthers) {
  Dataset data = table(3, 1, {0, 10, 20});
  Scaler scaler =
      *Scaler::fit({{ScaleStep::Kind::MinMax}}, data, {0, 1});
  scaler.apply(data);
  // The test row lies outside the training range and is not clipped.
  expectNear(data.features, {0, 1, 2}, 1e-15);
  // A stored scaler gives the same map.
  Scaler stored(scaler.factors(), scaler.offsets());
  double row[1] = {5};
  stored.apply(row);
  EXPECT_DOUBLE_EQ(row[0], 0.5);
}

TEST(Scaling, Errors) {
  Dataset data = table(2, 1, {0, 1});
  DataResult<Scaler> none = Scaler::fit({{ScaleStep::Kind::MinMax}}, data,
                                        std::vector<std::size_t>{});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message, "cannot fit a scaler on no samples");
  DataResult<Scaler> range =
      Scaler::fit({{ScaleStep::Kind::MinMax, false, 1, 1}}, data);
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().message.rfind("minmax needs low < high", 0), 0u);
}

//===----------------------------------------------------------------------===//
// Sequences
//===----------------------------------------------------------------------===//

TEST(Sequences, FeaturesPerStep) {
  Dataset data = table(2, 6, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {0, 1});
  SequenceSet one = *makeSequences(data, {SequenceSpec::Kind::Features, 1});
  EXPECT_EQ(one.numSteps, 6u);
  EXPECT_EQ(one.stepSize, 1u);
  EXPECT_EQ(one.targetSteps, 1u);
  EXPECT_EQ(one.targets, (std::vector<double>{0, 1}));
  SequenceSet three = *makeSequences(data, {SequenceSpec::Kind::Features, 3});
  EXPECT_EQ(three.numSteps, 2u);
  EXPECT_EQ(three.stepSize, 3u);
  EXPECT_EQ(three.sequence(1)[3], 10.0); // sample 1, step 1, value 0

  DataResult<SequenceSet> bad =
      makeSequences(data, {SequenceSpec::Kind::Features, 4});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "6 features do not divide into steps of 4");
}

TEST(Sequences, RowsAndPixelsOfImages) {
  Dataset img = image(2, 3, {1, 2, 3, 4, 5, 6});
  SequenceSet rows = *makeSequences(img, {SequenceSpec::Kind::Rows});
  EXPECT_EQ(rows.numSteps, 2u);
  EXPECT_EQ(rows.stepSize, 3u);
  SequenceSet pixels = *makeSequences(img, {SequenceSpec::Kind::Pixels});
  EXPECT_EQ(pixels.numSteps, 6u);
  EXPECT_EQ(pixels.stepSize, 1u);
  DataResult<SequenceSet> notImage =
      makeSequences(table(1, 4, {1, 2, 3, 4}), {SequenceSpec::Kind::Rows});
  ASSERT_FALSE(notImage);
  EXPECT_EQ(notImage.error().message,
            "rows() needs images, but the data holds rows of 4 features");
}

TEST(Sequences, GatherSplitsStepsIntoInputs) {
  Dataset data = table(3, 4, {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23},
                       {0, 1, 2});
  SequenceSet set = *makeSequences(data, {SequenceSpec::Kind::Features, 4});
  // One step of four values fed to two inputs of sizes 1 and 3.
  StepInputs inputs = gatherInputs(set, {2, 0}, {1, 3});
  ASSERT_EQ(inputs.size(), 1u);
  ASSERT_EQ(inputs[0].size(), 2u);
  EXPECT_EQ(inputs[0][0], (std::vector<double>{20, 0}));
  EXPECT_EQ(inputs[0][1], (std::vector<double>{21, 22, 23, 1, 2, 3}));
  std::vector<std::vector<double>> targets = gatherTargets(set, {2, 0});
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0], (std::vector<double>{2, 0}));

  SequenceSet steps = *makeSequences(data, {SequenceSpec::Kind::Features, 2});
  StepInputs two = gatherInputs(steps, {1}, {2});
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1][0], (std::vector<double>{12, 13}));
  EXPECT_EQ(batchSlice({5, 6, 7, 8, 9}, 3, 10),
            (std::vector<std::size_t>{8, 9}));
}

TEST(Sequences, SeriesTaskOfTheOscillation) {
  Dataset series = *generateDampedSine({0.7, {0.4, 0.6}, {0.0, -0.02}, 151});
  SeriesTask task = *makeSeriesTask(series, 100, 50, 100);
  // Training: one window per series, inputs y[0:100] → targets y[1:101].
  EXPECT_EQ(task.train.numSamples, 2u);
  EXPECT_EQ(task.train.numSteps, 100u);
  EXPECT_EQ(task.train.targetSteps, 100u);
  EXPECT_EQ(task.train.sequence(1)[99], series.at(1, 99));
  EXPECT_EQ(task.train.target(1)[0], series.at(1, 1));
  EXPECT_EQ(task.train.target(1)[99], series.at(1, 100));
  // The forecast is scored against y[100:150].
  EXPECT_EQ(task.forecastSteps, 50u);
  EXPECT_EQ(task.forecastTargets.size(), 100u);
  EXPECT_EQ(task.forecastTargets[0], series.at(0, 100));
  EXPECT_EQ(task.forecastTargets[99], series.at(1, 149));
  EXPECT_EQ(task.context.numSteps, 100u);
  EXPECT_EQ(task.context.sequence(0)[0], series.at(0, 0));
  // Per-step targets come out step by step for the loss.
  std::vector<std::vector<double>> targets = gatherTargets(task.train, {0, 1});
  ASSERT_EQ(targets.size(), 100u);
  EXPECT_EQ(targets[4], (std::vector<double>{series.at(0, 5),
                                             series.at(1, 5)}));
}

TEST(Sequences, SeriesWindowsAndErrors) {
  Dataset series = *generateDampedSine({1.0, {0.3}, {}, 10});
  SeriesTask task = *makeSeriesTask(series, 6, 3, 4);
  // Windows start at 0, 1, 2: inputs y[s:s+4], targets y[s+1:s+5].
  EXPECT_EQ(task.train.numSamples, 3u);
  EXPECT_EQ(task.train.sequence(2)[0], series.at(0, 2));
  EXPECT_EQ(task.train.target(2)[3], series.at(0, 6));
  DataResult<SeriesTask> tooLong = makeSeriesTask(series, 8, 3);
  ASSERT_FALSE(tooLong);
  EXPECT_EQ(tooLong.error().message,
            "series(train = 8, test = 3) needs 11 points, but the series "
            "have 10");
  EXPECT_FALSE(makeSeriesTask(series, 5, 3, 6));
  EXPECT_FALSE(makeSequences(series, {SequenceSpec::Kind::Series}));
}

TEST(Sequences, MnistRecipeEndToEnd) {
  std::string dir = std::string(QRUC_SOURCE_DIR) + "/examples/data/mnist/";
  Dataset data = *loadIdx(dir + "t10k-images-idx3-ubyte.gz",
                          dir + "t10k-labels-idx1-ubyte.gz", {{3, 5}, 0});
  Dataset small = *resizeImages(data, 8, 8);
  Scaler scaler = *Scaler::fit({{ScaleStep::Kind::Standard},
                                {ScaleStep::Kind::MinMax, true}},
                               small);
  scaler.apply(small);
  SequenceSet set = *makeSequences(small, {SequenceSpec::Kind::Rows});
  EXPECT_EQ(set.numSamples, 1902u);
  EXPECT_EQ(set.numSteps, 8u);
  EXPECT_EQ(set.stepSize, 8u);
  auto [lo, hi] = std::minmax_element(set.inputs.begin(), set.inputs.end());
  EXPECT_NEAR(*lo, 0.0, 1e-12);
  EXPECT_NEAR(*hi, 1.0, 1e-12);
}

} // namespace
