//===- ExecutorClassicalTest.cpp - Classical instructions, both ways ------===//
//
// This file tests every classical OpCode through the Executor: its forward
// value against the reference interpreter's direct formula, for every
// combination of batched, shared and broadcast (size-1) operands, and its
// reverse rule against central finite differences of the loss with respect
// to the parameters feeding it. Shared-only instructions (computed once per
// call) and shared operands of batched results (whose adjoints sum over the
// batch) are both covered.
//
//===----------------------------------------------------------------------===//

#include "ExecutorTestSupport.h"

#include <gtest/gtest.h>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

constexpr double kValueTol = 1e-13;
constexpr double kGradTol = 1e-6;
constexpr std::size_t kBatch = 5;
constexpr std::size_t kSteps = 2;

std::string opName(OpCode op) {
  static const char *const names[] = {
      "Const", "Neg",  "Sin",  "Cos",     "Tan",    "Asin",   "Acos",
      "Atan",  "Tanh", "Exp",  "Log",     "Sqrt",   "Erf",    "Sigmoid",
      "Relu",  "Gelu", "Add",  "Sub",     "Mul",    "Div",    "Pow",
      "Max",   "Extract", "Slice", "Insert", "Concat", "MatVec", "Softmax"};
  return names[static_cast<unsigned>(op)];
}

/// Checks values and gradients of a classical program on random data in
/// [lo, hi) (inputs and parameters alike).
void checkProgram(const StepProgram &program, double lo, double hi,
                  unsigned seed) {
  ASSERT_EQ(program.validate(), "");
  std::mt19937_64 rng(seed);
  const SequenceBatch batch = randomBatch(program, kBatch, kSteps, rng, lo, hi);
  const ParamVector params = randomParams(program, rng, lo, hi);
  EXPECT_LT(maxReferenceError(program, params, batch), kValueTol);
  const GradientCheck check = checkGradients(program, params, batch, rng);
  EXPECT_LT(check.maxRelError, kGradTol);
}

class UnaryOpTest : public ::testing::TestWithParam<OpCode> {};

TEST_P(UnaryOpTest, ValuesAndGradients) {
  const OpCode op = GetParam();
  ProgramBuilder b;
  const SlotId x = b.input("x", 3);
  const SlotId w = b.param("w", {3});
  const SlotId c = b.param("c");
  // v = x·w + c: batched, reached by w and (broadcast) c.
  const SlotId v = b.op(OpCode::Add, {b.op(OpCode::Mul, {x, w}), c});
  b.output("batched", b.op(op, {v}), true);
  // Computed once per call from the parameters alone.
  b.output("shared", b.op(op, {w}), true);
  // A shared operand with a batched result: its adjoint sums the samples.
  b.output("broadcast", b.opBatched(op, {c}), false);
  // Asin, Acos, Log and Sqrt need arguments inside (0, 1).
  const bool restricted = op == OpCode::Asin || op == OpCode::Acos ||
                          op == OpCode::Log || op == OpCode::Sqrt;
  checkProgram(b.program, restricted ? 0.1 : -1.0, restricted ? 0.5 : 1.0,
               17 + unsigned(op));
}

INSTANTIATE_TEST_SUITE_P(
    Executor, UnaryOpTest,
    ::testing::Values(OpCode::Neg, OpCode::Sin, OpCode::Cos, OpCode::Tan,
                      OpCode::Asin, OpCode::Acos, OpCode::Atan, OpCode::Tanh,
                      OpCode::Exp, OpCode::Log, OpCode::Sqrt, OpCode::Erf,
                      OpCode::Sigmoid, OpCode::Relu, OpCode::Gelu),
    [](const auto &info) { return opName(info.param); });

class BinaryOpTest : public ::testing::TestWithParam<OpCode> {};

TEST_P(BinaryOpTest, ValuesAndGradientsForEveryOperandShape) {
  const OpCode op = GetParam();
  ProgramBuilder b;
  const SlotId x = b.input("x", 3), x2 = b.input("x2", 3);
  const SlotId w = b.param("w", {3}), w2 = b.param("w2", {3});
  const SlotId c = b.param("c");
  const SlotId a = b.op(OpCode::Mul, {x, w});    // batched vector
  const SlotId d = b.op(OpCode::Mul, {x2, w2});  // batched vector
  const SlotId s = b.op(OpCode::Extract, {d}, 1); // batched scalar
  const std::vector<std::pair<SlotId, SlotId>> shapes = {
      {a, d}, {a, w2}, {w2, a}, {a, c}, {c, a}, {a, s}, {s, a},
      {w, w2}, {c, w}, {w, c}, {a, a}};
  for (const auto &[l, r] : shapes)
    b.output("y", b.op(op, {l, r}), true);
  // Pow and Div want positive bases and denominators away from 0.
  const bool positive = op == OpCode::Pow || op == OpCode::Div;
  checkProgram(b.program, positive ? 0.3 : -1.0, 1.0, 31 + unsigned(op));
}

INSTANTIATE_TEST_SUITE_P(Executor, BinaryOpTest,
                         ::testing::Values(OpCode::Add, OpCode::Sub,
                                           OpCode::Mul, OpCode::Div,
                                           OpCode::Pow, OpCode::Max),
                         [](const auto &info) { return opName(info.param); });

TEST(ExecutorClassical, ConstExtractSliceInsertConcat) {
  ProgramBuilder b;
  const SlotId x = b.input("x", 4);
  const SlotId w = b.param("w", {4}), c = b.param("c");
  const SlotId k = b.constant({0.5, -2.0, 3.0, 0.25});
  const SlotId a = b.op(OpCode::Mul, {b.op(OpCode::Mul, {x, w}), k});
  b.output("extract", b.op(OpCode::Extract, {a}, 2), true);
  b.output("slice", b.op(OpCode::Slice, {a}, 1, 2), true);
  b.output("insert", b.op(OpCode::Insert, {a, c}, 3), true);
  b.output("insertBatched",
           b.op(OpCode::Insert, {w, b.op(OpCode::Extract, {a}, 0)}, 1), true);
  b.output("concat", b.op(OpCode::Concat, {a, c, w, a}), true);
  b.output("sharedSlice", b.op(OpCode::Slice, {w}, 0, 3), false);
  b.output("sharedConcat", b.op(OpCode::Concat, {w, k, c}), false);
  b.output("sharedExtract", b.opBatched(OpCode::Extract, {w}, 1), false);
  checkProgram(b.program, -1.0, 1.0, 5);
}

TEST(ExecutorClassical, MatVecForEveryOperandKind) {
  ProgramBuilder b;
  const SlotId x = b.input("x", 4), xm = b.input("xm", 12);
  const SlotId W = b.param("W", {3, 4}), v = b.param("v", {4});
  const SlotId bx = b.op(OpCode::Mul, {x, v});               // batched vector
  const SlotId bW = b.op(OpCode::Mul, {xm, W});              // batched matrix
  b.output("sharedW", b.op(OpCode::MatVec, {W, bx}, 3, 4), true);
  b.output("batchedW", b.op(OpCode::MatVec, {bW, bx}, 3, 4), true);
  b.output("batchedWsharedX", b.op(OpCode::MatVec, {bW, v}, 3, 4), true);
  b.output("shared", b.op(OpCode::MatVec, {W, v}, 3, 4), false);
  b.output("sameSlot",
           b.op(OpCode::MatVec, {b.op(OpCode::Slice, {W}, 0, 4), v}, 1, 4),
           true);
  checkProgram(b.program, -1.0, 1.0, 6);
}

TEST(ExecutorClassical, Softmax) {
  ProgramBuilder b;
  const SlotId x = b.input("x", 5);
  const SlotId w = b.param("w", {5});
  b.output("batched", b.op(OpCode::Softmax, {b.op(OpCode::Mul, {x, w})}), true);
  b.output("shared", b.op(OpCode::Softmax, {w}), false);
  b.output("one", b.op(OpCode::Softmax, {b.op(OpCode::Extract, {w}, 2)}), true);
  checkProgram(b.program, -2.0, 2.0, 7);
}

TEST(ExecutorClassical, MemoryCarriesValuesAndAdjointsAcrossSteps) {
  // m' = tanh(w·m + u·x): a classical RNN over 8 steps, with a memory that
  // swaps its elements through a second memory.
  ProgramBuilder b;
  const SlotId x = b.input("x", 2);
  const SlotId m = b.memory("m", 2, {0.3, -0.1});
  const SlotId n = b.memory("n", 2);
  const SlotId W = b.param("W", {2, 2}), U = b.param("U", {2}),
               c = b.param("c");
  const SlotId h = b.op(
      OpCode::Tanh,
      {b.op(OpCode::Add, {b.op(OpCode::MatVec, {W, m}, 2, 2),
                          b.op(OpCode::Add, {b.op(OpCode::Mul, {U, x}), n})})});
  b.next(m, h);
  b.next(n, b.op(OpCode::Mul, {m, c}));
  b.output("h", h, true);
  b.output("last", b.op(OpCode::Extract, {h}, 0), false);
  ASSERT_EQ(b.program.validate(), "");
  std::mt19937_64 rng(8);
  const SequenceBatch batch = randomBatch(b.program, kBatch, 8, rng);
  const ParamVector params = randomParams(b.program, rng);
  EXPECT_LT(maxReferenceError(b.program, params, batch), kValueTol);
  EXPECT_LT(checkGradients(b.program, params, batch, rng).maxRelError,
            kGradTol);
}

TEST(ExecutorClassical, OutputOfParameterAndInputSlots) {
  // Outputs may read any slot: a parameter (shared, broadcast to every
  // sample) and an input (no gradient).
  ProgramBuilder b;
  const SlotId x = b.input("x", 2);
  const SlotId w = b.param("w", {2});
  b.output("w", w, true);
  b.output("x", x, false);
  checkProgram(b.program, -1.0, 1.0, 9);
}

} // namespace
