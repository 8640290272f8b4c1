//===- CheckpointTest.cpp - JSON, checkpoints and the metrics log ---------===//
//
// This file tests the JSON writer and parser, the checkpoint round trip and
// its validation errors, that a failed atomic write leaves the old file
// intact, and the metrics log.
//
//===----------------------------------------------------------------------===//

#include "TempDir.h"

#include "qruc/Runtime/Checkpoint.h"
#include "qruc/Runtime/FileIO.h"
#include "qruc/Runtime/Json.h"
#include "qruc/Runtime/MetricsLog.h"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <cmath>
#include <csignal>
#include <filesystem>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

Checkpoint sampleCheckpoint() {
  Checkpoint c;
  c.model = "wdbc";
  c.epoch = 12;
  c.seed = 7;
  c.params = {0.1, -2.5e-300, 1.0 / 3.0, 6.283185307179586, 100};
  OptimizerState state;
  state.kind = "adam";
  state.lr = 0.005;
  state.step = 348;
  state.vectors = {{"m", {1e-3, 2, 3, 4, 5}}, {"v", {0, 0, 0, 0, 1e-17}}};
  c.optimizer = state;
  c.arrays = {{"scale_factor", {0.5, 0.25}}, {"empty", {}}};
  c.values = {{"best_loss", 0.081}, {"diverged", NAN}};
  return c;
}

DataError jsonError(const std::string &text) {
  DataResult<JsonValue> json = parseJson(text, "x.json");
  EXPECT_FALSE(json) << text;
  return json ? DataError{} : json.error();
}

DataError checkpointError(const std::string &text,
                          CheckpointExpectation expect = {}) {
  DataResult<JsonValue> json = parseJson(text, "c.json");
  EXPECT_TRUE(json) << json.error().str();
  DataResult<Checkpoint> c = checkpointFromJson(*json, "c.json", expect);
  EXPECT_FALSE(c);
  return c ? DataError{} : c.error();
}

TEST(Json, WriteAndParseRoundTrip) {
  JsonValue root = JsonValue::object();
  root.set("name", "a \"quoted\"\n\ttext \\ \x01");
  root.set("flag", true);
  root.set("nothing", JsonValue());
  root.set("numbers", JsonValue::numbers({0.1, -0.0, 1e300, 5e-324, 3}));
  JsonValue nested = JsonValue::array();
  nested.push(JsonValue::object());
  nested.push(JsonValue::numbers({}));
  root.set("nested", nested);
  std::string text = writeJson(root);
  DataResult<JsonValue> back = parseJson(text, "mem");
  ASSERT_TRUE(back) << back.error().str() << "\n" << text;
  EXPECT_EQ(back->find("name")->asString(), "a \"quoted\"\n\ttext \\ \x01");
  EXPECT_TRUE(back->find("flag")->asBool());
  EXPECT_TRUE(back->find("nothing")->isNull());
  const std::vector<JsonValue> &numbers = back->find("numbers")->items();
  EXPECT_EQ(numbers[0].asNumber(), 0.1);
  EXPECT_TRUE(std::signbit(numbers[1].asNumber()));
  EXPECT_EQ(numbers[3].asNumber(), 5e-324);
  EXPECT_EQ(writeJson(*back), text);
  // Arrays of numbers stay on one line.
  EXPECT_NE(text.find("\"numbers\": [0.1, -0, 1e+300, 5e-324, 3]"),
            std::string::npos)
      << text;
}

TEST(Json, ParsesEscapesAndUnicode) {
  DataResult<JsonValue> v =
      parseJson(R"( {"s": "\u00e9\ud83d\ude00\/", "n": -1.5E+2} )", "mem");
  ASSERT_TRUE(v) << v.error().str();
  EXPECT_EQ(v->find("s")->asString(), "\xC3\xA9\xF0\x9F\x98\x80/");
  EXPECT_EQ(v->find("n")->asNumber(), -150.0);
  EXPECT_EQ(v->find("n")->line(), 1u);
  EXPECT_EQ(v->find("n")->column(), 37u);
}

TEST(Json, ErrorsHaveLineAndColumn) {
  DataError e = jsonError("{\n  \"a\": 1,\n  \"b\" 2\n}");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 7u);
  EXPECT_EQ(e.message, "expected ':' after the member name");
  EXPECT_EQ(e.str(), "x.json:3:7: error: expected ':' after the member name");
  e = jsonError("[1, 2,]");
  EXPECT_EQ(e.column, 7u);
  EXPECT_EQ(e.message, "unexpected character ']', expected a value");
  e = jsonError("{\"a\": 1, \"a\": 2}");
  EXPECT_EQ(e.column, 10u);
  EXPECT_EQ(e.message, "member 'a' appears twice");
  EXPECT_EQ(jsonError("[01]").message, "expected ',' or ']' in an array");
  EXPECT_EQ(jsonError("01").message, "unexpected text after the JSON value");
  EXPECT_EQ(jsonError("[1.]").message,
            "malformed number: expected digits after '.'");
  EXPECT_EQ(jsonError("\"abc").message,
            "unexpected end of the file in a string");
  EXPECT_EQ(jsonError("").message,
            "unexpected end of the file, expected a value");
  EXPECT_EQ(jsonError("[1] x").message, "unexpected text after the JSON value");
  EXPECT_EQ(jsonError(std::string(600, '[')).message,
            "JSON nested more than 512 levels deep");
}

TEST(Checkpoint, RoundTripIsExact) {
  TempDir dir;
  std::string path = dir.file("wdbc.ckpt.json");
  Checkpoint c = sampleCheckpoint();
  ASSERT_FALSE(writeCheckpoint(path, c));
  DataResult<Checkpoint> back = readCheckpoint(path, {"wdbc", 5});
  ASSERT_TRUE(back) << back.error().str();
  EXPECT_EQ(back->model, "wdbc");
  EXPECT_EQ(back->epoch, 12u);
  EXPECT_EQ(back->seed, 7u);
  EXPECT_EQ(back->params, c.params); // bit for bit
  ASSERT_TRUE(back->optimizer);
  EXPECT_EQ(back->optimizer->kind, "adam");
  EXPECT_EQ(back->optimizer->lr, 0.005);
  EXPECT_EQ(back->optimizer->step, 348u);
  EXPECT_EQ(back->optimizer->vectors, c.optimizer->vectors);
  EXPECT_EQ(back->arrays, c.arrays);
  ASSERT_EQ(back->values.size(), 2u);
  EXPECT_EQ(*back->findValue("best_loss"), 0.081);
  EXPECT_TRUE(std::isnan(*back->findValue("diverged")));
  EXPECT_EQ(*back->findArray("scale_factor"), (std::vector<double>{0.5, 0.25}));
  EXPECT_EQ(back->findArray("absent"), nullptr);
  // No temporary files are left behind.
  std::size_t files = 0;
  for (const auto &entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1u);
}

TEST(Checkpoint, LargeSeedsSurvive) {
  Checkpoint c;
  c.model = "m";
  c.seed = 18446744073709551557ULL;
  std::string text = writeJson(checkpointToJson(c));
  EXPECT_NE(text.find("\"seed\": \"18446744073709551557\""), std::string::npos);
  Checkpoint back = *checkpointFromJson(*parseJson(text, "mem"), "mem");
  EXPECT_EQ(back.seed, c.seed);
  EXPECT_FALSE(back.optimizer);
}

TEST(Checkpoint, ValidationErrors) {
  const std::string head = "{\"format\": \"qruc-checkpoint\", \"version\": 1, ";
  DataError e = checkpointError("{\"format\": \"other\"}");
  EXPECT_EQ(e.message,
            "not a qruc checkpoint: 'format' must be \"qruc-checkpoint\"");
  EXPECT_EQ(e.column, 12u);
  e = checkpointError("{\"format\": \"qruc-checkpoint\", \"version\": 2}");
  EXPECT_EQ(e.message, "unsupported checkpoint version; expected 1");
  e = checkpointError(head + "\"model\": \"m\", \"epoch\": 1}");
  EXPECT_EQ(e.message, "the checkpoint lacks 'params'");
  e = checkpointError(head +
                      "\"model\": \"m\", \"epoch\": 1,\n \"params\": [1, "
                      "\"x\"]}");
  EXPECT_EQ(e.message, "'params[1]' must be a number");
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 16u);
  e = checkpointError(head +
                      "\"model\": \"m\", \"epoch\": -1, \"params\": []}");
  EXPECT_EQ(e.message, "'epoch' must be a whole number >= 0");
  e = checkpointError(head +
                      "\"model\": \"m\", \"epoch\": 1, \"params\": [], "
                      "\"extra\": 1}");
  EXPECT_EQ(e.message, "unknown checkpoint member 'extra'");
  e = checkpointError(head + "\"model\": \"m\", \"epoch\": 1, \"params\": [1], "
                             "\"optimizer\": {\"kind\": \"rmsprop\"}}");
  EXPECT_EQ(e.message, "'optimizer.kind' must be \"adam\" or \"sgd\"");
  e = checkpointError(head + "\"model\": \"m\", \"epoch\": 1, \"params\": [1], "
                             "\"optimizer\": {\"kind\": \"adam\", \"lr\": "
                             "0.1, \"m\": [1, 2]}}");
  EXPECT_EQ(e.message, "'optimizer.m' has 2 entries, but there are 1 "
                       "parameters");
  e = checkpointError(head + "\"model\": \"m\", \"epoch\": 1, \"params\": [1]}",
                      {"wdbc", 0});
  EXPECT_EQ(e.message, "the checkpoint is for model 'm', not 'wdbc'");
  e = checkpointError(head + "\"model\": \"m\", \"epoch\": 1, \"params\": [1]}",
                      {"m", 35});
  EXPECT_EQ(e.message, "the checkpoint has 1 parameters, but the model has 35");
  EXPECT_EQ(e.file, "c.json");
}

TEST(Checkpoint, ReadErrorsNameTheFile) {
  TempDir dir;
  DataResult<Checkpoint> missing = readCheckpoint(dir.file("absent.json"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "cannot open the file: No such file or directory");
  std::string broken = dir.write("broken.json", "{\"format\": ");
  DataResult<Checkpoint> bad = readCheckpoint(broken);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().str(), broken + ":1:12: error: unexpected end of the "
                                        "file, expected a value");
}

/// Limits the size of files this process may write, and ignores the
/// signal that exceeding the limit raises, until destroyed.
class FileSizeLimit {
public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved);
    previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved;
    limit.rlim_cur = bytes;
    ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
  }
  bool ok = false;

private:
  rlimit saved;
  void (*previous)(int);
};

TEST(Checkpoint, FailedWriteLeavesTheOldFileIntact) {
  TempDir dir;
  std::string path = dir.file("run.json");
  Checkpoint old = sampleCheckpoint();
  ASSERT_FALSE(writeCheckpoint(path, old));
  std::string before = readText(path);

  Checkpoint big = old;
  big.epoch = 13;
  big.params.assign(10000, 0.123456789);
  big.optimizer.reset();
  DataStatus status;
  {
    // The new checkpoint is larger than the files this process may now
    // write: write() fails part-way (EFBIG), as on a full disk.
    FileSizeLimit limit(before.size() + 100);
    ASSERT_TRUE(limit.ok);
    status = writeCheckpoint(path, big);
  }
  ASSERT_TRUE(status);
  EXPECT_EQ(status->file, path);
  EXPECT_NE(status->message.find("cannot write"), std::string::npos)
      << status->message;
  EXPECT_EQ(readText(path), before);
  EXPECT_EQ(readCheckpoint(path)->epoch, 12u);
  std::size_t files = 0;
  for (const auto &entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1u) << "the temporary file was not removed";

  // A directory that does not exist fails before touching anything.
  DataStatus nowhere = writeCheckpoint(dir.file("absent/run.json"), old);
  ASSERT_TRUE(nowhere);
  EXPECT_NE(nowhere->message.find("cannot create a temporary file"),
            std::string::npos);
  // And the write succeeds again once there is room.
  DataStatus again = writeCheckpoint(path, big);
  ASSERT_FALSE(again) << again->str();
  DataResult<Checkpoint> reread = readCheckpoint(path);
  ASSERT_TRUE(reread) << reread.error().str();
  EXPECT_EQ(reread->epoch, 13u);
}

TEST(MetricsLog, HeaderOnceRowsAppended) {
  TempDir dir;
  std::string path = dir.file("metrics.csv");
  {
    DataResult<MetricsLog> log =
        MetricsLog::open(path, {"epoch", "loss", "accuracy"});
    ASSERT_TRUE(log) << log.error().str();
    ASSERT_FALSE(log->write({1, 0.5, 0.75}));
    ASSERT_FALSE(log->write({2, 0.25, NAN}));
    // Flushed row by row: readable while the log is open.
    EXPECT_EQ(readText(path), "epoch,loss,accuracy\n1,0.5,0.75\n2,0.25,nan\n");
    DataStatus wrong = log->write({3});
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->message, "a row of 1 values for 3 columns");
  }
  {
    // Resuming appends without a second header.
    DataResult<MetricsLog> log =
        MetricsLog::open(path, {"epoch", "loss", "accuracy"}, true);
    ASSERT_TRUE(log) << log.error().str();
    ASSERT_FALSE(log->write({3, 0.125, 1}));
  }
  EXPECT_EQ(readText(path), "epoch,loss,accuracy\n1,0.5,0.75\n2,0.25,nan\n"
                            "3,0.125,1\n");
  DataResult<MetricsLog> other = MetricsLog::open(path, {"epoch", "mse"}, true);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().message, "the log's columns are "
                                   "'epoch,loss,accuracy', but this run writes "
                                   "'epoch,mse'");
  // Without append the log starts over.
  {
    DataResult<MetricsLog> fresh = MetricsLog::open(path, {"epoch", "mse"});
    ASSERT_TRUE(fresh);
  }
  EXPECT_EQ(readText(path), "epoch,mse\n");
  // A partial last row (a killed run) is closed before appending.
  std::string partial = dir.write("partial.csv", "epoch,loss\n1,0.5\n2,0.");
  {
    DataResult<MetricsLog> log =
        MetricsLog::open(partial, {"epoch", "loss"}, true);
    ASSERT_TRUE(log);
    ASSERT_FALSE(log->write({3, 0.25}));
  }
  EXPECT_EQ(readText(partial), "epoch,loss\n1,0.5\n2,0.\n3,0.25\n");
  EXPECT_FALSE(MetricsLog::open(path, {"a,b"}));
}

} // namespace
