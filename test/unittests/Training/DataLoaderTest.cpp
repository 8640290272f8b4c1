//===- DataLoaderTest.cpp - CSV, IDX and generated series -----------------===//
//
// This file tests the data loaders on small files written by the tests,
// including every error with its exact line and column, and on the real
// data bundled in examples/data (WDBC and the MNIST test set).
//
//===----------------------------------------------------------------------===//

#include "TempDir.h"

#include "qruc/Runtime/CsvLoader.h"
#include "qruc/Runtime/DampedSine.h"
#include "qruc/Runtime/IdxLoader.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

const std::string kData = std::string(QRUC_SOURCE_DIR) + "/examples/data";

/// Loads `text` as a CSV file and expects an error at line:column.
void expectCsvError(const std::string &text, std::size_t line,
                    std::size_t column, const std::string &message,
                    CsvOptions options = {}) {
  TempDir dir;
  std::string path = dir.write("data.csv", text);
  DataResult<Dataset> data = loadCsv(path, options);
  ASSERT_FALSE(data) << "loaded: " << text;
  EXPECT_EQ(data.error().file, path);
  EXPECT_EQ(data.error().line, line) << data.error().str();
  EXPECT_EQ(data.error().column, column) << data.error().str();
  EXPECT_EQ(data.error().message, message);
}

//===----------------------------------------------------------------------===//
// CSV
//===----------------------------------------------------------------------===//

TEST(CsvLoader, ReadsFeaturesLabelsAndNames) {
  TempDir dir;
  std::string path =
      dir.write("data.csv", "a,b,label\n1,2,0\n3.5, -4e-1 ,1\n+7,.25,1\n");
  DataResult<Dataset> data = loadCsv(path, {/*header=*/1, /*label=*/-1});
  ASSERT_TRUE(data) << data.error().str();
  EXPECT_EQ(data->numSamples, 3u);
  EXPECT_EQ(data->numFeatures, 2u);
  EXPECT_EQ(data->features,
            (std::vector<double>{1, 2, 3.5, -0.4, 7, 0.25}));
  EXPECT_EQ(data->labels, (std::vector<double>{0, 1, 1}));
  EXPECT_EQ(data->featureNames, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(data->isImage());
  EXPECT_EQ(countClasses(*data), 2u);
  EXPECT_EQ(classCounts(*data), (std::vector<std::size_t>{1, 2}));
}

TEST(CsvLoader, LabelColumnFromTheFrontAndQuotedHeader) {
  Dataset data = *parseCsv("\"y\",\"u\",\"v\"\n0,1,2\n1,3,4\n", "mem",
                           {/*header=*/1, /*label=*/0});
  EXPECT_EQ(data.features, (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(data.labels, (std::vector<double>{0, 1}));
  EXPECT_EQ(data.featureNames, (std::vector<std::string>{"u", "v"}));
  EXPECT_EQ(data.source, "mem");
}

TEST(CsvLoader, CrlfBlankLinesAndNoFinalNewline) {
  Dataset data = *parseCsv("1,2,0\r\n\r\n   \n3,4,1", "mem");
  EXPECT_EQ(data.numSamples, 2u);
  EXPECT_EQ(data.features, (std::vector<double>{1, 2, 3, 4}));
  // A header row with a different number of fields names nothing.
  Dataset sk = *parseCsv("569,30,a,b\n1,2,0\n", "mem", {1, -1});
  EXPECT_TRUE(sk.featureNames.empty());
}

TEST(CsvLoader, TooFewFieldsPointsAtTheEndOfTheLine) {
  expectCsvError("1,2,0\n3,4\n", 2, 4,
                 "expected 3 fields (2 features and the label), but found "
                 "2");
}

TEST(CsvLoader, TooManyFieldsPointsAtTheFirstExtraField) {
  expectCsvError("x,y,l\n1,2,0\n3,4,5,6\n", 3, 7,
                 "expected 3 fields (2 features and the label), but found 4",
                 {1, -1});
}

TEST(CsvLoader, NonNumericValue) {
  expectCsvError("x,y,l\n1,2,0\n1,abc,1\n", 3, 3,
                 "'abc' in field 2 is not a number", {1, -1});
  expectCsvError("1,2,0\n1,2.5x,1\n", 2, 3,
                 "'2.5x' in field 2 is not a number");
  expectCsvError("1,2,x\n", 1, 5, "'x' in the label is not a number");
}

TEST(CsvLoader, NanAndInfinityAreRejected) {
  expectCsvError("1,2,0\n  nan , 2, 1\n", 2, 3,
                 "'nan' in field 1 is not a finite number");
  expectCsvError("1,2,0\n1,-inf,1\n", 2, 3,
                 "'-inf' in field 2 is not a finite number");
  expectCsvError("1,2,0\n1,1e999,1\n", 2, 3,
                 "'1e999' in field 2 is not a finite number");
  expectCsvError("1,2,NaN\n", 1, 5,
                 "'NaN' in the label is not a finite number");
}

TEST(CsvLoader, MissingValue) {
  expectCsvError("1,2,0\n1,,1\n", 2, 3, "missing value in field 2");
}

TEST(CsvLoader, EmptyFile) {
  expectCsvError("", 1, 1, "the file is empty");
  expectCsvError("\n  \r\n", 1, 1, "the file is empty");
  expectCsvError("a,b,c\n", 1, 1, "no data rows after 1 header row", {1, -1});
}

TEST(CsvLoader, LabelColumnOutOfRange) {
  expectCsvError("1,2,0\n", 1, 1,
                 "label column 5 is out of range for rows of 3 fields",
                 {0, 5});
  expectCsvError("1,2,0\n", 1, 1,
                 "label column -4 is out of range for rows of 3 fields",
                 {0, -4});
  expectCsvError("7\n", 1, 1,
                 "expected at least 2 fields (a feature and the label), but "
                 "found 1");
}

TEST(CsvLoader, MissingFileAndErrorText) {
  DataResult<Dataset> data = loadCsv("/nonexistent/qruc/data.csv");
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().line, 0u);
  EXPECT_EQ(data.error().str(), "/nonexistent/qruc/data.csv: error: cannot "
                                "open the file: No such file or directory");
  EXPECT_EQ((DataError{"f.csv", 3, 7, "bad"}).str(), "f.csv:3:7: error: bad");
  EXPECT_EQ((DataError{"f.csv", 3, 0, "bad"}).str(), "f.csv:3: error: bad");
  EXPECT_EQ((DataError{"", 0, 0, "bad"}).str(), "error: bad");
}

TEST(CsvLoader, BundledWdbc) {
  DataResult<Dataset> data =
      loadCsv(kData + "/wdbc/breast_cancer.csv", {/*header=*/1, -1});
  ASSERT_TRUE(data) << data.error().str();
  EXPECT_EQ(data->numSamples, 569u);
  EXPECT_EQ(data->numFeatures, 30u);
  EXPECT_EQ(classCounts(*data), (std::vector<std::size_t>{212, 357}));
  // The first row: mean radius 17.99 ... worst fractal dimension 0.1189,
  // malignant.
  EXPECT_EQ(data->at(0, 0), 17.99);
  EXPECT_EQ(data->at(0, 29), 0.1189);
  EXPECT_EQ(data->labels[0], 0.0);
}

//===----------------------------------------------------------------------===//
// IDX
//===----------------------------------------------------------------------===//

struct IdxFiles {
  std::string images, labels;
};

/// Three 2×2 images with pixels 10·i + j and labels 3, 5, 7.
IdxFiles writeSmallIdx(const TempDir &dir, bool gzip) {
  std::vector<unsigned char> pixels;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j)
      pixels.push_back(static_cast<unsigned char>(10 * i + j));
  std::string images = idxBytes({3, 2, 2}, pixels);
  std::string labels = idxBytes({3}, {3, 5, 7});
  if (gzip)
    return {dir.write("images.gz", gzipBytes(images)),
            dir.write("labels.gz", gzipBytes(labels))};
  return {dir.write("images", images), dir.write("labels", labels)};
}

TEST(IdxLoader, ReadsPlainAndGzip) {
  TempDir dir;
  for (bool gzip : {false, true}) {
    IdxFiles files = writeSmallIdx(dir, gzip);
    DataResult<Dataset> data = loadIdx(files.images, files.labels);
    ASSERT_TRUE(data) << data.error().str();
    EXPECT_EQ(data->numSamples, 3u);
    EXPECT_EQ(data->numFeatures, 4u);
    EXPECT_EQ(data->imageRows, 2u);
    EXPECT_EQ(data->imageCols, 2u);
    EXPECT_EQ(data->labels, (std::vector<double>{3, 5, 7}));
    EXPECT_EQ(data->at(1, 0), 10.0);
    EXPECT_EQ(data->at(2, 3), 23.0);
    EXPECT_EQ(data->featureNames[3], "pixel[1][1]");
  }
}

TEST(IdxLoader, ClassFilterRelabelsInListedOrderAndLimit) {
  TempDir dir;
  IdxFiles files = writeSmallIdx(dir, true);
  Dataset data = *loadIdx(files.images, files.labels, {{7, 3}, 0});
  EXPECT_EQ(data.numSamples, 2u);
  EXPECT_EQ(data.labels, (std::vector<double>{1, 0}));
  EXPECT_EQ(data.at(0, 0), 0.0);  // image 0 (label 3)
  EXPECT_EQ(data.at(1, 0), 20.0); // image 2 (label 7)
  Dataset limited = *loadIdx(files.images, files.labels, {{}, 2});
  EXPECT_EQ(limited.numSamples, 2u);
  EXPECT_EQ(limited.labels, (std::vector<double>{3, 5}));

  DataResult<Dataset> none = loadIdx(files.images, files.labels, {{4}, 0});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message, "no sample has one of the classes [4]");
  DataResult<Dataset> twice =
      loadIdx(files.images, files.labels, {{3, 5, 3}, 0});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message, "class 3 is listed twice");
}

TEST(IdxLoader, BadMagic) {
  TempDir dir;
  IdxFiles files = writeSmallIdx(dir, false);
  std::string wrong = dir.write("wrong", idxBytes({3}, {1, 2, 3}));
  // A label file where the images should be.
  DataResult<Dataset> data = loadIdx(wrong, files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().file, wrong);
  EXPECT_EQ(data.error().line, 0u);
  EXPECT_EQ(data.error().message,
            "bad magic number 0x00000801: expected 0x00000803 (images: "
            "unsigned bytes, 3 dimensions)");
  // An image file where the labels should be.
  data = loadIdx(files.images, files.images);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().message,
            "bad magic number 0x00000803: expected 0x00000801 (labels: "
            "unsigned bytes, 1 dimension)");
  // Not IDX at all (a gzip of text).
  std::string text = dir.write("text.gz", gzipBytes("hello, world"));
  data = loadIdx(text, files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().message,
            "bad magic number 0x68656c6c: expected 0x00000803 (images: "
            "unsigned bytes, 3 dimensions)");
}

TEST(IdxLoader, TruncatedFiles) {
  TempDir dir;
  IdxFiles files = writeSmallIdx(dir, false);
  // The header announces 3 images of 4 pixels, but two follow.
  std::vector<unsigned char> eight(8, 0);
  std::string cut = dir.write("cut", idxBytes({3, 2, 2}, eight));
  DataResult<Dataset> data = loadIdx(cut, files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().message,
            "the file is truncated: the header announces 12 bytes of data, "
            "but 8 follow");
  // A header cut short.
  std::string header =
      dir.write("header", idxBytes({3, 2, 2}, {}).substr(0, 9));
  data = loadIdx(header, files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().message,
            "the file is truncated: 9 bytes, less than the 16-byte header");
  std::string empty = dir.write("empty", "");
  data = loadIdx(empty, files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().message, "the file is empty");
}

TEST(IdxLoader, TruncatedGzip) {
  TempDir dir;
  IdxFiles files = writeSmallIdx(dir, false);
  std::vector<unsigned char> pixels(28 * 28 * 20);
  for (std::size_t i = 0; i < pixels.size(); ++i)
    pixels[i] = static_cast<unsigned char>(i * 7919 % 251);
  std::string gz = gzipBytes(idxBytes({20, 28, 28}, pixels));
  std::string cut = dir.write("cut.gz", gz.substr(0, gz.size() / 2));
  DataResult<Dataset> data = loadIdx(cut, files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().file, cut);
  EXPECT_EQ(data.error().message.rfind("the gzip data is truncated or "
                                       "corrupt (",
                                       0),
            0u)
      << data.error().message;
  // Only the 8-byte trailer missing: all data there, the check fails.
  std::string noTrailer =
      dir.write("trailer.gz", gz.substr(0, gz.size() - 8));
  data = loadIdx(noTrailer, files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().message.rfind("the gzip data is truncated", 0), 0u)
      << data.error().message;
}

TEST(IdxLoader, CountMismatchAndMissingFile) {
  TempDir dir;
  IdxFiles files = writeSmallIdx(dir, false);
  std::string two = dir.write("two", idxBytes({2}, {3, 5}));
  DataResult<Dataset> data = loadIdx(files.images, two);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().file, two);
  EXPECT_EQ(data.error().message, "the file has 2 labels, but '" +
                                      files.images + "' has 3 images");
  data = loadIdx(dir.file("absent.gz"), files.labels);
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().message,
            "cannot open the file: No such file or directory");
}

TEST(IdxLoader, BundledMnistThreesAndFives) {
  std::string images = kData + "/mnist/t10k-images-idx3-ubyte.gz";
  std::string labels = kData + "/mnist/t10k-labels-idx1-ubyte.gz";
  DataResult<Dataset> all = loadIdx(images, labels);
  ASSERT_TRUE(all) << all.error().str();
  EXPECT_EQ(all->numSamples, 10000u);
  EXPECT_EQ(all->numFeatures, 784u);
  EXPECT_EQ(all->labels[0], 7.0); // the first test digit is a 7
  DataResult<Dataset> data = loadIdx(images, labels, {{3, 5}, 0});
  ASSERT_TRUE(data) << data.error().str();
  EXPECT_EQ(data->numSamples, 1902u);
  EXPECT_EQ(data->imageRows, 28u);
  EXPECT_EQ(data->imageCols, 28u);
  EXPECT_EQ(classCounts(*data), (std::vector<std::size_t>{1010, 892}));
  double largest = 0;
  for (double p : data->features)
    largest = std::max(largest, p);
  EXPECT_EQ(largest, 255.0);
}

//===----------------------------------------------------------------------===//
// Damped sine
//===----------------------------------------------------------------------===//

TEST(DampedSine, TheOscillationSeries) {
  DataResult<Dataset> data =
      generateDampedSine({0.7, {0.4, 0.6}, {0.0, -0.02}, 151});
  ASSERT_TRUE(data) << data.error().str();
  EXPECT_EQ(data->numSamples, 2u);
  EXPECT_EQ(data->numFeatures, 151u);
  EXPECT_TRUE(data->labels.empty());
  EXPECT_EQ(data->at(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(data->at(0, 10), 0.7 * std::sin(4.0));
  EXPECT_DOUBLE_EQ(data->at(1, 150), 0.7 * std::sin(90.0) * std::exp(-3.0));
}

TEST(DampedSine, BroadcastAndErrors) {
  Dataset data = *generateDampedSine({1.0, {0.5}, {0.0, -0.1, -0.2}, 4});
  EXPECT_EQ(data.numSamples, 3u);
  EXPECT_DOUBLE_EQ(data.at(2, 3), std::sin(1.5) * std::exp(-0.6));
  DataResult<Dataset> bad =
      generateDampedSine({1.0, {0.1, 0.2}, {0.0, 0.1, 0.2}, 4});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "damped_sine has 2 frequencies but 3 "
                                 "decays; give as many of each, or one");
  EXPECT_FALSE(generateDampedSine({1.0, {}, {}, 4}));
  EXPECT_FALSE(generateDampedSine({1.0, {0.1}, {}, 0}));
}

} // namespace
