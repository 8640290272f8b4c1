//===- OpenQASM3Test.cpp - the exporter's mode choice and IBM rules -------===//
//
// Small models through the front end and the ibm pipeline: which mode each
// one gets, how the conditions the front end builds read as OpenQASM `if`s,
// the broadcast budget's edges, and the shape of an unrolled dynamic
// circuit. What Qiskit and Aer make of the programs is test/Interop's job.
//
//===----------------------------------------------------------------------===//

#include "IBMRules.h"

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Pipeline/Pipelines.h"
#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace qruc;
using namespace qruc::openqasm3;

namespace {

class OpenQASM3Test : public ::testing::Test {
protected:
  OpenQASM3Test() {
    context.getOrLoadDialect<qru::QRUDialect>();
    // Errors are part of what is tested: keep them out of the log.
    handler.emplace(&context, [this](mlir::Diagnostic &diag) {
      errors.push_back(diag.str());
    });
  }

  qru::ModelOp compile(const char *source) {
    auto module = parseModule(source, "m.qru", context);
    EXPECT_NE(module, nullptr);
    model = analyze(*module, "m.qru", context);
    EXPECT_NE(model, nullptr);
    ir = generateMLIR(*model, "m.qru", context);
    EXPECT_TRUE(bool(ir));
    EXPECT_TRUE(succeeded(runPipeline(*ir, Target::IBM)));
    return *ir->getBody()->getOps<qru::ModelOp>().begin();
  }

  mlir::MLIRContext context;
  std::optional<mlir::ScopedDiagnosticHandler> handler;
  std::vector<std::string> errors;
  std::unique_ptr<hir::Model> model;
  mlir::OwningOpRef<mlir::ModuleOp> ir;
};

constexpr const char *kFedForward = R"(model ff;
qubit q[2];
input x;
memory m = 0;
output y at last;
step {
  ry(x + asin(m)) q[0];
  cx q[0], q[1];
  m = expval(Z(q[1]));
  y = expval(Z(q[0]));
}
)";

/// The readout reaches the memory only as a scalar the elementwise product
/// reads inside its body, not as an operand of the product.
constexpr const char *kCapturedReadout = R"(model captured;
qubit q[1];
input x;
memory m[2] = 0;
output y at last;
step {
  ry(x + asin(m[0])) q[0];
  m = expval(Z(q[0])) * [0.5, 0.25];
  y = m[1];
}
)";

constexpr const char *kConditions = R"(model conditions;
qubit q[2];
bit c[2];
bit f;
output y at last;
step {
  h q;
  c = measure q;
  if (c[1]) x q[0];
  if (c == 2) z q[1];
  if (c != 1) y q[1];
  f = measure q[0];
  if (f) x q[1];
  y = expval(Z(q[1]));
}
)";

constexpr const char *kMixed = R"(model mixed;
qubit q[1];
bit c;
memory m = 0;
output y at last;
step {
  ry(asin(m)) q[0];
  m = expval(Z(q[0]));
  c = measure q[0];
  y = m;
}
)";

TEST_F(OpenQASM3Test, RealFeedForwardIsPerStep) {
  mlir::FailureOr<ModeChoice> choice = chooseMode(compile(kFedForward));
  ASSERT_TRUE(succeeded(choice));
  EXPECT_EQ(choice->mode, Mode::PerStep);
  EXPECT_NE(choice->reason.find("memory 'm'"), std::string::npos);
}

TEST_F(OpenQASM3Test, ReadoutCapturedInElementwiseBodyIsFedForward) {
  mlir::FailureOr<ModeChoice> choice = chooseMode(compile(kCapturedReadout));
  ASSERT_TRUE(succeeded(choice));
  EXPECT_EQ(choice->mode, Mode::PerStep);
  EXPECT_NE(choice->reason.find("memory 'm'"), std::string::npos);
}

TEST_F(OpenQASM3Test, MeasuredBitsAreDynamic) {
  mlir::FailureOr<ModeChoice> choice = chooseMode(compile(kConditions));
  ASSERT_TRUE(succeeded(choice));
  EXPECT_EQ(choice->mode, Mode::Dynamic);
}

TEST_F(OpenQASM3Test, BitsAndRealFeedForwardFitNoMode) {
  EXPECT_TRUE(failed(chooseMode(compile(kMixed))));
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.front().find("no IBM program can run this model"),
            std::string::npos);
}

TEST_F(OpenQASM3Test, ConditionsReadAsOneBitOrOneRegister) {
  qru::ModelOp modelOp = compile(kConditions);
  std::vector<Condition> conditions;
  std::vector<bool> thenEmpty;
  modelOp.walk([&](mlir::scf::IfOp ifOp) {
    mlir::FailureOr<Condition> condition = matchCondition(ifOp);
    ASSERT_TRUE(succeeded(condition));
    conditions.push_back(*condition);
    thenEmpty.push_back(
        ifOp.getThenRegion().front().without_terminator().empty());
  });
  ASSERT_EQ(conditions.size(), 4u);
  // if (c[1]): one bit of a 2-bit register.
  EXPECT_EQ(conditions[0].reg, "c");
  EXPECT_EQ(conditions[0].bit, std::optional<unsigned>(1));
  EXPECT_EQ(conditions[0].value, 1u);
  EXPECT_FALSE(conditions[0].negated);
  // if (c == 2): the whole register, c[0] the least significant bit.
  EXPECT_FALSE(conditions[1].bit.has_value());
  EXPECT_EQ(conditions[1].value, 2u);
  EXPECT_FALSE(conditions[1].negated);
  // if (c != 1): c == 1, the gate in the branch taken when it is false
  // (Qiskit has no !=): a negated condition, or, once canonicalization
  // has swapped the branches, an empty `then`.
  EXPECT_EQ(conditions[2].value, 1u);
  EXPECT_NE(conditions[2].negated, thenEmpty[2]);
  // if (f): a 1-bit register measured in this very step.
  EXPECT_EQ(conditions[3].reg, "f");
  EXPECT_EQ(conditions[3].bit, std::optional<unsigned>(0));
  EXPECT_EQ(conditions[3].bitsTested(), 1u);
}

TEST_F(OpenQASM3Test, BroadcastBudgetEdges) {
  auto count = [](uint64_t oneBit, uint64_t wide) {
    BroadcastCount c;
    c.oneBit = oneBit;
    c.wide = wide;
    return c.fits();
  };
  EXPECT_TRUE(count(kMaxOneBitBroadcasts, 0));
  EXPECT_FALSE(count(kMaxOneBitBroadcasts + 1, 0));
  EXPECT_TRUE(count(0, kMaxWideBroadcasts));
  EXPECT_FALSE(count(0, kMaxWideBroadcasts + 1));
  // Half of each budget fills it exactly.
  EXPECT_TRUE(count(kMaxOneBitBroadcasts / 2, kMaxWideBroadcasts / 2));
  EXPECT_FALSE(count(kMaxOneBitBroadcasts / 2 + 1, kMaxWideBroadcasts / 2));
}

TEST_F(OpenQASM3Test, UnrollsEveryStepWithResets) {
  ExportOptions options;
  options.steps = 5;
  std::string text;
  llvm::raw_string_ostream os(text);
  ASSERT_TRUE(succeeded(emitDynamicCircuit(compile(kConditions), options, os)));
  auto occurrences = [&](const std::string &needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(occurrences("// step "), 5u);
  EXPECT_EQ(occurrences("if ("), 5u * 4u);
  EXPECT_EQ(occurrences("if (c == 1) {\n} else {\n  y q[1];\n}"), 5u);
  // Both qubits are reset before every step but the first.
  EXPECT_EQ(occurrences("reset q[0];"), 4u);
  EXPECT_EQ(occurrences("reset q[1];"), 4u);
  // The output's readout is measured once, after the last step.
  EXPECT_EQ(occurrences("readout[0] = measure q[1];"), 1u);
  EXPECT_NE(text.find("10 one-bit and 10 wider conditions"), std::string::npos)
      << text;
}

} // namespace
