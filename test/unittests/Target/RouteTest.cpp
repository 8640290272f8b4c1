//===- RouteTest.cpp - qru-route on random circuits ------------------------===//
//
// This file routes random models (persistent and fresh steps with one- and
// two-qubit gates, conditioned gates, readouts, measurements and resets) to
// a line and to a heavy-hex coupling map, and checks two things
// independently of the pass: that every two-qubit gate acts on coupled
// physical qubits, found by following each qubit value's SSA chain back to
// its wire and the model's qru.layout; and that the simulator computes the
// same outputs for the routed and the unrouted model over several steps.
//
//===----------------------------------------------------------------------===//

#include "RandomModel.h"
#include "qruc/Dialect/QRU/Layout.h"
#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Runtime/Executor.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

#include <random>
#include <set>

using namespace mlir;
using namespace qruc;

namespace {

using Edges = std::vector<std::pair<unsigned, unsigned>>;

/// IBM's 27-qubit Falcon processors (heavy hex).
const Edges kHeavyHex = {
    {0, 1},   {1, 2},   {1, 4},   {2, 3},   {3, 5},   {4, 7},   {5, 8},
    {6, 7},   {7, 10},  {8, 9},   {8, 11},  {10, 12}, {11, 14}, {12, 13},
    {12, 15}, {13, 14}, {14, 16}, {15, 18}, {16, 19}, {17, 18}, {18, 21},
    {19, 20}, {19, 22}, {21, 23}, {22, 25}, {23, 24}, {24, 25}, {25, 26}};

Edges line(unsigned n) {
  Edges edges;
  for (unsigned i = 0; i + 1 < n; ++i)
    edges.emplace_back(i, i + 1);
  return edges;
}

/// A random model over `numQubits` wires in two registers, with one- and
/// two-qubit gates and its outputs at every step.
std::string randomModel(uint64_t seed, unsigned numQubits, bool persistent,
                        unsigned minGates) {
  test::RandomModelOptions options;
  options.numQubits = numQubits;
  options.minGates = minGates;
  options.maxGateQubits = 2;
  options.persistent = persistent;
  options.twoRegisters = true;
  options.outputAtEveryStep = true;
  return test::randomModel(seed, options);
}

/// Writes `edges` as a JSON coupling map to a temporary file.
std::string writeMap(const Edges &edges) {
  SmallString<128> path;
  int fd;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("coupling", "json", fd, path));
  llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
  os << "[";
  for (size_t i = 0; i < edges.size(); ++i)
    os << (i ? ", " : "") << "[" << edges[i].first << ", " << edges[i].second
       << "]";
  os << "]\n";
  return std::string(path);
}

class RouteTest : public testing::Test {
protected:
  RouteTest() {
    context.loadDialect<qru::QRUDialect, arith::ArithDialect,
                        scf::SCFDialect, tensor::TensorDialect>();
  }

  OwningOpRef<ModuleOp> parse(const std::string &text) {
    auto module = parseSourceString<ModuleOp>(text, &context);
    EXPECT_TRUE(module) << text;
    return module;
  }

  static qru::ModelOp modelOf(ModuleOp module) {
    return *module.getBody()->getOps<qru::ModelOp>().begin();
  }

  LogicalResult route(ModuleOp module, const std::string &mapPath) {
    PassManager pm(&context);
    qru::QRURouteOptions options;
    options.couplingMap = mapPath;
    pm.addNestedPass<qru::ModelOp>(qru::createQRURoute(options));
    return pm.run(module);
  }

  MLIRContext context;
};

/// Follows every qubit value of `model`'s step to its physical qubit, from
/// the wires' places in qru.layout (result k of an op on the qubit of qubit
/// operand k; an scf.if result on the qubit of what both branches yield),
/// and reports each two-qubit gate on uncoupled qubits and each persistent
/// wire that does not end where it started. Returns the problems found.
std::vector<std::string> checkRouted(qru::ModelOp model, const Edges &edges) {
  std::vector<std::string> problems;
  std::set<std::pair<int64_t, int64_t>> coupled;
  for (auto [a, b] : edges) {
    coupled.insert({a, b});
    coupled.insert({b, a});
  }
  auto layout = qru::getLayout(model);
  if (!layout)
    return {"no qru.layout"};
  std::set<int64_t> distinctQubits(layout->begin(), layout->end());
  if (distinctQubits.size() != layout->size())
    problems.push_back("two wires share a physical qubit");

  llvm::StringMap<int64_t> first;
  int64_t offset = 0;
  for (auto reg : model.getBody().front().getOps<qru::QubitsOp>()) {
    first[reg.getSymName()] = offset;
    offset += reg.getSize();
  }
  qru::StepOp step = model.getStep();
  Block &body = step.getBody().front();
  DenseMap<Value, int64_t> physical;
  auto qubitsOf = [](ValueRange values) {
    SmallVector<Value> qubits;
    for (Value v : values)
      if (isa<qru::QubitType>(v.getType()))
        qubits.push_back(v);
    return qubits;
  };
  const unsigned numWires = layout->size();
  if (step.getPersistent())
    for (auto [w, arg] : llvm::enumerate(body.getArguments().take_back(numWires)))
      physical[arg] = (*layout)[w];
  step.walk([&](Operation *op) {
    if (auto alloc = dyn_cast<qru::AllocOp>(op)) {
      physical[alloc.getResult()] =
          (*layout)[first[alloc.getReg()] + alloc.getIndex()];
      return;
    }
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      auto thenQubits = ifOp.thenYield().getOperands();
      auto elseQubits = ifOp.elseYield().getOperands();
      for (auto [k, result] : llvm::enumerate(ifOp.getResults())) {
        if (!isa<qru::QubitType>(result.getType()))
          continue;
        int64_t a = physical.lookup(thenQubits[k]);
        int64_t b = physical.lookup(elseQubits[k]);
        if (a != b)
          problems.push_back("an scf.if branch moves a qubit");
        physical[result] = a;
      }
      return;
    }
    SmallVector<Value> in = qubitsOf(op->getOperands());
    SmallVector<Value> out = qubitsOf(op->getResults());
    for (Value v : in)
      if (!physical.count(v))
        problems.push_back("a qubit value that cannot be traced");
    if (isa<qru::GateOpInterface>(op) && in.size() == 2 &&
        !coupled.count({physical.lookup(in[0]), physical.lookup(in[1])}))
      problems.push_back(op->getName().getStringRef().str() + " on " +
                         std::to_string(physical.lookup(in[0])) + ", " +
                         std::to_string(physical.lookup(in[1])));
    if (isa<qru::GateOpInterface>(op) && in.size() > 2)
      problems.push_back("a gate on more than two qubits");
    for (auto [a, b] : llvm::zip(in, out))
      physical[b] = physical.lookup(a);
  });
  if (step.getPersistent()) {
    auto yielded = qubitsOf(body.getTerminator()->getOperands());
    for (auto [w, value] : llvm::enumerate(yielded))
      if (physical.lookup(value) != (*layout)[w])
        problems.push_back("wire " + std::to_string(w) +
                           " ends on another qubit");
  }
  return problems;
}

/// The outputs of `model` over `steps` steps of a batch of random inputs.
runtime::OutputValues simulate(qru::ModelOp model, unsigned steps,
                               uint64_t seed) {
  auto program = lowerToStepProgram(model);
  EXPECT_TRUE(succeeded(program));
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  runtime::ParamVector params(program->numParameters());
  for (double &p : params)
    p = 6.283185307179586 * unit(rng);
  runtime::SequenceBatch sequences;
  sequences.batch = 3;
  sequences.steps = steps;
  sequences.inputs.resize(steps);
  for (auto &step : sequences.inputs)
    for (const runtime::VariableInfo &input : program->inputs) {
      step.emplace_back(sequences.batch * input.size);
      for (double &x : step.back())
        x = 3 * unit(rng);
    }
  runtime::Executor executor(*program);
  runtime::OutputValues outputs;
  executor.forward(params, sequences, outputs, /*seed=*/seed);
  return outputs;
}

struct Case {
  const char *name;
  Edges edges;
  unsigned numQubits;
  bool persistent;
};

class RouteRandomTest : public RouteTest,
                        public testing::WithParamInterface<Case> {};

TEST_P(RouteRandomTest, GatesOnEdgesAndSameOutputs) {
  const Case &c = GetParam();
  std::string mapPath = writeMap(c.edges);
  unsigned swapsAdded = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    std::string text =
        randomModel(seed * 7919 + c.numQubits, c.numQubits, c.persistent, 60);
    auto plain = parse(text);
    auto routed = parse(text);
    ASSERT_TRUE(plain && routed);
    ASSERT_TRUE(succeeded(route(*routed, mapPath))) << text;
    ASSERT_TRUE(succeeded(verify(*routed)));
    qru::ModelOp model = modelOf(*routed);
    for (const std::string &problem : checkRouted(model, c.edges))
      ADD_FAILURE() << "seed " << seed << ": " << problem;

    unsigned before = 0, after = 0;
    modelOf(*plain).walk([&](qru::SwapOp) { ++before; });
    model.walk([&](qru::SwapOp) { ++after; });
    swapsAdded += after - before;

    const unsigned steps = 3;
    runtime::OutputValues expected = simulate(modelOf(*plain), steps, seed);
    runtime::OutputValues outputs = simulate(model, steps, seed);
    ASSERT_EQ(outputs.values.size(), expected.values.size());
    for (size_t o = 0; o < expected.values.size(); ++o) {
      ASSERT_EQ(outputs.values[o].size(), expected.values[o].size());
      for (size_t t = 0; t < expected.values[o].size(); ++t) {
        ASSERT_EQ(outputs.values[o][t].size(), expected.values[o][t].size());
        for (size_t i = 0; i < expected.values[o][t].size(); ++i)
          EXPECT_NEAR(outputs.values[o][t][i], expected.values[o][t][i],
                      1e-12)
              << "seed " << seed << " output " << o << " step " << t
              << " value " << i;
      }
    }
  }
  // The maps are sparse enough that routing has work to do.
  EXPECT_GT(swapsAdded, 0u);
  llvm::sys::fs::remove(mapPath);
}

INSTANTIATE_TEST_SUITE_P(
    Maps, RouteRandomTest,
    testing::Values(Case{"line5_persistent", line(5), 5, true},
                    Case{"line7_fresh", line(7), 5, false},
                    Case{"heavyhex_persistent", kHeavyHex, 6, true},
                    Case{"heavyhex_fresh", kHeavyHex, 7, false}),
    [](const auto &info) { return std::string(info.param.name); });

/// The check above notices a gate on uncoupled qubits: without routing, a
/// model with a CNOT between the ends of a line fails it.
TEST_F(RouteTest, CheckerNoticesUncoupledGate) {
  auto module = parse(R"(
qru.model @m attributes {qru.layout = array<i64: 0, 1, 2>} {
  qru.qubits @q[3]
  qru.step persistent(%a: !qru.qubit, %b: !qru.qubit, %c: !qru.qubit) {
    %a1, %c1 = qru.cx %a, %c
    qru.yield %a1, %b, %c1 : !qru.qubit, !qru.qubit, !qru.qubit
  }
})");
  ASSERT_TRUE(module);
  auto problems = checkRouted(modelOf(*module), line(3));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "qru.cx on 0, 2");
}

/// Routing is deterministic: the same model and map give the same IR.
TEST_F(RouteTest, Deterministic) {
  std::string mapPath = writeMap(kHeavyHex);
  std::string text = randomModel(99, 6, /*persistent=*/true, 80);
  std::string printed[2];
  for (std::string &out : printed) {
    auto module = parse(text);
    ASSERT_TRUE(succeeded(route(*module, mapPath)));
    llvm::raw_string_ostream os(out);
    module->print(os);
  }
  EXPECT_EQ(printed[0], printed[1]);
  llvm::sys::fs::remove(mapPath);
}

} // namespace
