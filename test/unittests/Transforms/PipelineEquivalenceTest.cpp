//===- PipelineEquivalenceTest.cpp - passes preserve what a step computes -===//
//
// This file checks that every pass and both target pipelines leave what a
// step computes unchanged, to 1e-10: the classical values it yields (readouts,
// memory, bits, outputs) and, for persistent steps, the state it hands to the
// next step (up to a global phase, which the passes may change by dropping
// rotations by 2π). The step is evaluated before and after by the dense
// reference of StepEvaluator.h, on random models of at least 200 gates over
// 2 to 6 qubits and on every example model, with random inputs, memory,
// bits, parameters and initial states.
//
//===----------------------------------------------------------------------===//

#include "RandomModel.h"
#include "StepEvaluator.h"

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Pipeline/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>

using namespace mlir;
using namespace qruc;
using namespace qruc::test;

namespace {

constexpr double kTolerance = 1e-10;

class EquivalenceTest : public ::testing::Test {
protected:
  EquivalenceTest() {
    context.getOrLoadDialect<qru::QRUDialect>();
    context.disableMultithreading();
    // Failures show the diagnostics instead of aborting.
    context.getDiagEngine().registerHandler([this](Diagnostic &diag) {
      diagnostics += diag.str() + "\n";
    });
  }

  OwningOpRef<ModuleOp> parse(const std::string &source) {
    return parseSourceString<ModuleOp>(source, &context);
  }

  OwningOpRef<ModuleOp> compileExample(const std::string &path) {
    std::string file = std::string(QRUC_SOURCE_DIR) + "/examples/" + path;
    auto buffer = llvm::MemoryBuffer::getFile(file);
    if (!buffer)
      return nullptr;
    auto ast = parseModule((*buffer)->getBuffer(), file, context);
    if (!ast)
      return nullptr;
    auto hir = analyze(*ast, file, context);
    if (!hir)
      return nullptr;
    return generateMLIR(*hir, file, context);
  }

  static qru::ModelOp modelOf(ModuleOp module) {
    return *module.getBody()->getOps<qru::ModelOp>().begin();
  }

  /// Runs `build`'s passes on a clone of `module`.
  OwningOpRef<ModuleOp>
  transform(ModuleOp module, const std::function<void(PassManager &)> &build) {
    OwningOpRef<ModuleOp> clone = module.clone();
    PassManager pm(&context);
    build(pm);
    if (failed(pm.run(*clone)))
      return nullptr;
    return clone;
  }

  /// Random arguments for the step of `model`, in block-argument order.
  std::vector<Tensor> randomArguments(qru::ModelOp model,
                                      std::mt19937_64 &rng) {
    std::uniform_real_distribution<double> unit(0, 1);
    qru::StepOp step = model.getStep();
    SmallVector<Type> types, results;
    SmallVector<StringRef> names;
    model.getStepSignature(step.getPersistent(), types, results, &names);
    std::vector<Tensor> arguments;
    for (auto [type, name] : llvm::zip(types, names)) {
      if (isa<qru::QubitType>(type))
        continue;
      Tensor t;
      int64_t size = 1;
      if (auto tensor = dyn_cast<RankedTensorType>(type)) {
        t.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
        size = tensor.getNumElements();
      }
      Operation *decl = model.lookupSymbol(name);
      for (int64_t i = 0; i < size; ++i) {
        double u = unit(rng);
        if (isa<qru::BitsOp>(decl))
          t.data.push_back(u < 0.5 ? 0.0 : 1.0);
        else if (isa<qru::MemoryOp>(decl))
          t.data.push_back(1.8 * u - 0.9); // inside asin's domain
        else if (isa<qru::ParamOp>(decl))
          t.data.push_back(2 * M_PI * u - M_PI);
        else
          t.data.push_back(u);
      }
      arguments.push_back(t);
    }
    return arguments;
  }

  static Eigen::VectorXcd randomState(unsigned numWires, std::mt19937_64 &rng) {
    std::normal_distribution<double> normal;
    Eigen::VectorXcd psi(Eigen::Index(1) << numWires);
    for (Eigen::Index i = 0; i < psi.size(); ++i)
      psi(i) = std::complex<double>(normal(rng), normal(rng));
    return psi / psi.norm();
  }

  StepResult evaluate(qru::ModelOp model, const std::vector<Tensor> &arguments,
                      const Eigen::VectorXcd &initial, uint64_t drawSeed) {
    std::mt19937_64 draws(drawSeed);
    std::uniform_real_distribution<double> unit(0, 1);
    StepResult result;
    std::string error;
    bool ok = StepEvaluator::run(
        model, arguments, initial, [&] { return unit(draws); }, result, error);
    EXPECT_TRUE(ok) << error;
    return result;
  }

  /// The largest difference between what `a` and `b` computed; states are
  /// compared after aligning their global phases.
  static double difference(const StepResult &a, const StepResult &b,
                           bool compareStates) {
    double worst = 0;
    if (a.values.size() != b.values.size())
      return INFINITY;
    for (auto [x, y] : llvm::zip(a.values, b.values)) {
      if (x.data.size() != y.data.size())
        return INFINITY;
      for (auto [u, v] : llvm::zip(x.data, y.data))
        worst = std::max(worst, std::abs(u - v));
    }
    if (compareStates) {
      Eigen::Index top;
      a.state.cwiseAbs().maxCoeff(&top);
      std::complex<double> phase = b.state(top) / a.state(top);
      phase /= std::abs(phase);
      worst = std::max(worst,
                       (a.state * phase - b.state).cwiseAbs().maxCoeff());
    }
    return worst;
  }

  /// Runs `steps` time steps of `before` and `after` from the same random
  /// start, feeding memory, bits and (persistent) state forward, and returns
  /// the largest difference.
  double compareRuns(qru::ModelOp before, qru::ModelOp after, uint64_t seed,
                     unsigned steps = 1) {
    std::mt19937_64 rng(seed);
    bool persistent = before.getStep().getPersistent();
    Eigen::VectorXcd stateA = randomState(before.getNumWires(), rng);
    Eigen::VectorXcd stateB = stateA;
    std::vector<Tensor> arguments = randomArguments(before, rng);
    unsigned numMemory =
        llvm::range_size(before.getBody().front().getOps<qru::MemoryOp>());
    unsigned numBits =
        llvm::range_size(before.getBody().front().getOps<qru::BitsOp>());
    unsigned numInputs =
        llvm::range_size(before.getBody().front().getOps<qru::InputOp>());
    std::vector<Tensor> argumentsB = arguments;
    double worst = 0;
    for (unsigned step = 0; step < steps; ++step) {
      uint64_t draws = rng();
      StepResult a = evaluate(before, arguments, stateA, draws);
      StepResult b = evaluate(after, argumentsB, stateB, draws);
      worst = std::max(worst, difference(a, b, persistent));
      // The next step reads new inputs, the memory and bits each model
      // wrote, and (persistent) the state each model left.
      std::vector<Tensor> nextInputs = randomArguments(before, rng);
      for (unsigned i = 0; i < numInputs; ++i)
        arguments[i] = argumentsB[i] = nextInputs[i];
      for (unsigned i = 0; i < numMemory + numBits; ++i) {
        arguments[numInputs + i] = a.values[i];
        argumentsB[numInputs + i] = b.values[i];
      }
      stateA = a.state;
      stateB = b.state;
    }
    return worst;
  }

  static unsigned countGates(ModuleOp module) {
    unsigned count = 0;
    module.walk([&](qru::GateOpInterface) { ++count; });
    return count;
  }

  static std::string print(Operation *op) {
    std::string text;
    llvm::raw_string_ostream os(text);
    op->print(os);
    return text;
  }

  MLIRContext context;
  std::string diagnostics;
};

using PassBuilder = std::function<void(PassManager &)>;

/// Each pass alone, by name, and both pipelines.
std::vector<std::pair<std::string, PassBuilder>> transformations() {
  auto nested = [](std::function<std::unique_ptr<Pass>()> create) {
    return [create](PassManager &pm) {
      pm.nest<qru::ModelOp>().addPass(create());
    };
  };
  return {
      {"qru-fold-constants",
       nested([] { return qru::createQRUFoldConstants(); })},
      {"qru-dead-readouts",
       nested([] { return qru::createQRUDeadReadouts(); })},
      {"qru-cancel-inverses",
       nested([] { return qru::createQRUCancelInverses(); })},
      {"qru-merge-rotations",
       nested([] { return qru::createQRUMergeRotations(); })},
      {"qru-fuse-single-qubit",
       nested([] { return qru::createQRUFuseSingleQubit(); })},
      {"qru-compose-permutations",
       nested([] { return qru::createQRUComposePermutations(); })},
      {"qru-hoist-parameter-only",
       nested([] { return qru::createQRUHoistParameterOnly(); })},
      {"sim pipeline",
       [](PassManager &pm) { buildPipeline(pm, Target::Sim); }},
      {"ibm pipeline",
       [](PassManager &pm) { buildPipeline(pm, Target::IBM); }},
  };
}

//===----------------------------------------------------------------------===//
// The reference itself
//===----------------------------------------------------------------------===//

TEST_F(EquivalenceTest, ReferenceKnowsBellStatesAndRotations) {
  auto module = parse(R"mlir(
    qru.model @bell {
      qru.qubits @q[2]
      qru.input @t : f64
      qru.output @o : tensor<3xf64> at last
      qru.step(%t: f64) {
        %a = qru.alloc @q[0]
        %b = qru.alloc @q[1]
        %a1 = qru.h %a
        %a2, %b2 = qru.cx %a1, %b
        %zz, %a3, %b3 = qru.expval "ZZ" %a2, %b2
        %xx, %a4, %b4 = qru.expval "XX" %a3, %b3
        %b5 = qru.ry(%t) %b4
        %z, %b6 = qru.expval "Z" %b5
        %o = tensor.from_elements %zz, %xx, %z : tensor<3xf64>
        qru.yield %o : tensor<3xf64>
      }
    })mlir");
  ASSERT_TRUE(module) << diagnostics;
  StepResult result =
      evaluate(modelOf(*module), {Tensor::scalar(0.3)}, {}, 0);
  ASSERT_EQ(result.values.size(), 1u);
  EXPECT_NEAR(result.values[0].data[0], 1.0, 1e-14);
  EXPECT_NEAR(result.values[0].data[1], 1.0, 1e-14);
  // Z on half of a Bell pair is 0 whatever the rotation.
  EXPECT_NEAR(result.values[0].data[2], 0.0, 1e-14);
  EXPECT_NEAR(result.state.norm(), 1.0, 1e-14);
}

TEST_F(EquivalenceTest, ReferenceSeesAChangedGate) {
  // The comparison is not vacuous: changing one angle of a random model
  // changes what it computes.
  auto module = parse(randomModel(7, {4, 200, false}));
  ASSERT_TRUE(module) << diagnostics;
  OwningOpRef<ModuleOp> changed = module->clone();
  qru::GateOpInterface target;
  changed->walk([&](qru::GateOpInterface gate) {
    if (isa<qru::RYOp>(gate))
      target = gate;
  });
  ASSERT_TRUE(target);
  OpBuilder builder(target);
  Value angle = arith::ConstantOp::create(builder, target.getLoc(),
                                          builder.getF64FloatAttr(0.123));
  target->setOperand(0, angle);
  EXPECT_GT(compareRuns(modelOf(*module), modelOf(*changed), 1), 1e-6);
}

//===----------------------------------------------------------------------===//
// Random models
//===----------------------------------------------------------------------===//

TEST_F(EquivalenceTest, RandomModelsKeepTheirResults) {
  std::map<std::string, unsigned> changed;
  for (unsigned qubits = 2; qubits <= 6; ++qubits)
    for (uint64_t seed = 0; seed < 6; ++seed) {
      std::string source =
          randomModel(1000 * qubits + seed, {qubits, 200, seed % 2 == 0});
      auto module = parse(source);
      ASSERT_TRUE(module) << diagnostics << source;
      ASSERT_GE(countGates(*module), 200u);
      for (auto &[name, build] : transformations()) {
        auto after = transform(*module, build);
        ASSERT_TRUE(after) << name << ": " << diagnostics;
        ASSERT_TRUE(succeeded(verify(*after))) << name;
        if (print(*after) != print(*module))
          ++changed[name];
        for (uint64_t run = 0; run < 2; ++run)
          EXPECT_LE(compareRuns(modelOf(*module), modelOf(*after), run),
                    kTolerance)
              << name << " on " << qubits << " qubits, seed " << seed
              << ", run " << run;
      }
    }
  // Every pass found work in the random models.
  for (auto &[name, build] : transformations())
    EXPECT_GT(changed[name], 0u) << name << " never changed a model";
}

TEST_F(EquivalenceTest, PipelinesShrinkRandomModels) {
  for (unsigned qubits = 2; qubits <= 6; ++qubits) {
    auto module = parse(randomModel(77 + qubits, {qubits, 250, false}));
    ASSERT_TRUE(module) << diagnostics;
    unsigned before = countGates(*module);
    for (Target target : {Target::Sim, Target::IBM}) {
      auto after = transform(*module, [&](PassManager &pm) {
        buildPipeline(pm, target);
      });
      ASSERT_TRUE(after);
      EXPECT_LT(countGates(*after), before) << targetName(target).str();
      unsigned fused = 0;
      after->walk([&](Operation *op) {
        fused += isa<qru::UnitaryOp, qru::PermuteOp>(op);
      });
      if (target == Target::Sim)
        EXPECT_GT(fused, 0u);
      else
        EXPECT_EQ(fused, 0u);
    }
  }
}

//===----------------------------------------------------------------------===//
// The examples
//===----------------------------------------------------------------------===//

class ExampleEquivalenceTest
    : public EquivalenceTest,
      public ::testing::WithParamInterface<const char *> {};

TEST_P(ExampleEquivalenceTest, PipelinesKeepTheResults) {
  auto module = compileExample(GetParam());
  ASSERT_TRUE(module) << diagnostics;
  for (Target target : {Target::Sim, Target::IBM}) {
    auto after = transform(*module, [&](PassManager &pm) {
      buildPipeline(pm, target);
    });
    ASSERT_TRUE(after) << diagnostics;
    for (uint64_t seed = 0; seed < 3; ++seed)
      EXPECT_LE(compareRuns(modelOf(*module), modelOf(*after), seed,
                            /*steps=*/3),
                kTolerance)
          << GetParam() << ", " << targetName(target).str() << " pipeline";
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleEquivalenceTest,
                         ::testing::Values("qru/oscillation.qru",
                                           "qru/wdbc.qru", "qru/mnist35.qru",
                                           "qrnn/mnist_rows.qru"));

} // namespace
