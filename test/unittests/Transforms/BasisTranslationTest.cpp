//===- BasisTranslationTest.cpp - the IBM basis passes are exact -----------===//
//
// This file checks qru-decompose-multi-qubit and qru-translate-basis gate by
// gate: for every gate kind of the dialect, a model of that one gate, with
// random angles (as step inputs, and as constants, which the translation
// folds), goes through each pass; only the allowed gates may remain, their
// angles may only be computed with + − × ÷, and the product of the textbook
// matrices of the gates left (StepEvaluator.h, which shares no code with
// the passes) must equal the original gate's matrix up to a global phase.
//
//===----------------------------------------------------------------------===//

#include "StepEvaluator.h"

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <complex>
#include <functional>
#include <random>
#include <set>
#include <sstream>

using namespace mlir;
using namespace qruc;
using Eigen::MatrixXcd;

namespace {

constexpr double kTolerance = 1e-12;

struct GateShape {
  const char *name;
  unsigned qubits;
  unsigned angles;
};

/// Every gate of the dialect but the fused ones.
const GateShape kGates[] = {
    {"x", 1, 0},    {"y", 1, 0},    {"z", 1, 0},     {"h", 1, 0},
    {"s", 1, 0},    {"sdg", 1, 0},  {"t", 1, 0},     {"tdg", 1, 0},
    {"sx", 1, 0},   {"rx", 1, 1},   {"ry", 1, 1},    {"rz", 1, 1},
    {"p", 1, 1},    {"u2", 1, 2},   {"u3", 1, 3},    {"rot", 1, 3},
    {"cx", 2, 0},   {"cy", 2, 0},   {"cz", 2, 0},    {"ch", 2, 0},
    {"swap", 2, 0}, {"ecr", 2, 0},  {"crx", 2, 1},   {"cry", 2, 1},
    {"crz", 2, 1},  {"cp", 2, 1},   {"rxx", 2, 1},   {"ryy", 2, 1},
    {"rzz", 2, 1},  {"ccx", 3, 0},  {"cswap", 3, 0},
};

const char *const kHeron[] = {"cz", "rz", "sx", "x"};
const char *const kEagle[] = {"ecr", "rz", "sx", "x"};

/// The model of one gate. Its angles are step inputs, or constants when
/// `constants` is set.
std::string oneGateModel(const GateShape &gate,
                         const std::vector<double> &angles, bool constants) {
  std::ostringstream s;
  s.precision(17);
  s << "qru.model @one {\n  qru.qubits @q[" << gate.qubits << "]\n";
  if (!constants)
    for (unsigned i = 0; i < gate.angles; ++i)
      s << "  qru.input @a" << i << " : f64\n";
  s << "  qru.output @z : f64 at last\n  qru.step(";
  if (!constants)
    for (unsigned i = 0; i < gate.angles; ++i)
      s << (i ? ", " : "") << "%a" << i << ": f64";
  s << ") {\n";
  if (constants)
    for (unsigned i = 0; i < gate.angles; ++i)
      s << "    %a" << i << " = arith.constant " << std::scientific
        << angles[i] << " : f64\n";
  std::string in, out, paulis;
  for (unsigned i = 0; i < gate.qubits; ++i) {
    s << "    %q" << i << " = qru.alloc @q[" << i << "]\n";
    in += (i ? ", %q" : "%q") + std::to_string(i);
    out += (i ? ", %r" : "%r") + std::to_string(i);
    paulis += "Z";
  }
  s << "    " << out << " = qru." << gate.name;
  if (gate.angles) {
    s << "(";
    for (unsigned i = 0; i < gate.angles; ++i)
      s << (i ? ", " : "") << "%a" << i;
    s << ")";
  }
  s << " " << in << "\n    %z";
  for (unsigned i = 0; i < gate.qubits; ++i)
    s << ", %s" << i;
  s << " = qru.expval \"" << paulis << "\" " << out
    << "\n    qru.yield %z : f64\n  }\n}\n";
  return s.str();
}

/// `m` on `wires` of an `n`-qubit register, wire 0 most significant.
MatrixXcd embed(const MatrixXcd &m, const std::vector<unsigned> &wires,
                unsigned n) {
  unsigned dim = 1u << n, k = wires.size();
  MatrixXcd out = MatrixXcd::Zero(dim, dim);
  for (unsigned col = 0; col < dim; ++col) {
    unsigned sub = 0;
    for (unsigned w : wires)
      sub = sub * 2 + ((col >> (n - 1 - w)) & 1);
    for (unsigned row = 0; row < (1u << k); ++row) {
      unsigned target = col;
      for (unsigned j = 0; j < k; ++j) {
        unsigned bit = 1u << (n - 1 - wires[j]);
        target = ((row >> (k - 1 - j)) & 1) ? target | bit : target & ~bit;
      }
      out(target, col) += m(row, sub);
    }
  }
  return out;
}

/// Whether `a` = e^(iφ)·`b` for some φ, to kTolerance.
bool equalUpToPhase(const MatrixXcd &a, const MatrixXcd &b) {
  Eigen::Index row, col;
  b.cwiseAbs().maxCoeff(&row, &col);
  std::complex<double> phase = a(row, col) / b(row, col);
  if (std::abs(std::abs(phase) - 1) > kTolerance)
    return false;
  return (a - phase * b).cwiseAbs().maxCoeff() < kTolerance;
}

std::string printed(ModuleOp module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os);
  return text;
}

class BasisTranslationTest : public ::testing::Test {
protected:
  BasisTranslationTest() {
    qru::registerQRUDecomposeMultiQubit();
    qru::registerQRUTranslateBasis();
    context.getOrLoadDialect<qru::QRUDialect>();
    context.getOrLoadDialect<arith::ArithDialect>();
    context.disableMultithreading();
    context.getDiagEngine().registerHandler([this](Diagnostic &diag) {
      diagnostics += diag.str() + "\n";
    });
  }

  /// Runs `pipeline` (nested in qru.model) on `source`.
  OwningOpRef<ModuleOp> run(const std::string &source,
                            const std::string &pipeline) {
    OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return nullptr;
    PassManager pm(&context);
    if (failed(parsePassPipeline("qru.model(" + pipeline + ")",
                                 pm)) ||
        failed(pm.run(*module)))
      return nullptr;
    return module;
  }

  /// The unitary the step of `module` applies, for step inputs `inputs`.
  /// Fails (with `error`) on a gate outside `allowed`, or a classical op
  /// other than constants and + − × ÷.
  bool stepUnitary(ModuleOp module, unsigned numQubits,
                   const std::vector<double> &inputs,
                   const std::set<std::string> &allowed, MatrixXcd &unitary,
                   std::string &error) {
    auto model = *module.getBody()->getOps<qru::ModelOp>().begin();
    Block &body = model.getStep().getBody().front();
    llvm::DenseMap<Value, double> reals;
    llvm::DenseMap<Value, unsigned> wires;
    for (auto [arg, value] : llvm::zip(body.getArguments(), inputs))
      reals[arg] = value;
    unitary = MatrixXcd::Identity(1u << numQubits, 1u << numQubits);
    for (Operation &op : body) {
      if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
        reals[constant] = cast<FloatAttr>(constant.getValue()).getValueAsDouble();
      } else if (isa<arith::AddFOp, arith::SubFOp, arith::MulFOp,
                     arith::DivFOp>(op)) {
        double a = reals.lookup(op.getOperand(0));
        double b = reals.lookup(op.getOperand(1));
        reals[op.getResult(0)] = isa<arith::AddFOp>(op)   ? a + b
                                 : isa<arith::SubFOp>(op) ? a - b
                                 : isa<arith::MulFOp>(op) ? a * b
                                                          : a / b;
      } else if (auto neg = dyn_cast<arith::NegFOp>(op)) {
        reals[neg] = -reals.lookup(neg.getOperand());
      } else if (auto alloc = dyn_cast<qru::AllocOp>(op)) {
        wires[alloc] = alloc.getIndex();
      } else if (auto gate = dyn_cast<qru::GateOpInterface>(op)) {
        std::string name = gate.getGateName().str();
        if (!allowed.count(name)) {
          error = "gate " + name + " left";
          return false;
        }
        std::vector<double> angles;
        for (Value angle : gate.getAngles())
          angles.push_back(reals.lookup(angle));
        std::vector<unsigned> on;
        for (Value q : gate.getInQubits())
          on.push_back(wires.lookup(q));
        for (auto [out, w] : llvm::zip(gate.getOutQubits(), on))
          wires[out] = w;
        unitary = embed(qruc::test::textbookGate(name, angles), on,
                        numQubits) *
                  unitary;
      } else if (!isa<qru::ExpvalOp, qru::YieldOp>(op)) {
        error = "unexpected op " + op.getName().getStringRef().str();
        return false;
      }
    }
    return true;
  }

  /// Checks `pipeline` on every gate whose shape `accepts`, with angles as
  /// inputs and as constants, on `trials` random draws each.
  void checkEveryGate(const std::string &pipeline,
                      const std::set<std::string> &allowed,
                      const std::function<bool(const GateShape &)> &accepts) {
    std::mt19937_64 rng(20260214);
    std::uniform_real_distribution<double> angle(-7.0, 7.0);
    // Special angles exercise the folding of constant rotations.
    const double special[] = {0.0, M_PI, -M_PI / 2, 2 * M_PI, 4 * M_PI};
    for (const GateShape &gate : kGates) {
      if (!accepts(gate))
        continue;
      for (int trial = 0; trial < 8; ++trial) {
        std::vector<double> angles;
        for (unsigned i = 0; i < gate.angles; ++i)
          angles.push_back(trial < 5 && i == 0 ? special[trial]
                                               : angle(rng));
        for (bool constants : {false, true}) {
          SCOPED_TRACE(std::string(gate.name) + " in " + pipeline +
                       (constants ? " with constant angles" : ""));
          diagnostics.clear();
          OwningOpRef<ModuleOp> module =
              run(oneGateModel(gate, angles, constants), pipeline);
          ASSERT_TRUE(module) << diagnostics;
          MatrixXcd unitary;
          std::string error;
          ASSERT_TRUE(stepUnitary(*module, gate.qubits,
                                  constants ? std::vector<double>{} : angles,
                                  allowed, unitary, error))
              << error << "\n" << printed(*module);
          MatrixXcd expected = qruc::test::textbookGate(gate.name, angles);
          EXPECT_TRUE(equalUpToPhase(unitary, expected))
              << "got\n" << unitary << "\nexpected\n" << expected;
        }
      }
    }
  }

  MLIRContext context;
  std::string diagnostics;
};

std::set<std::string> allGatesBut(std::set<std::string> excluded) {
  std::set<std::string> names;
  for (const GateShape &gate : kGates)
    if (!excluded.count(gate.name))
      names.insert(gate.name);
  return names;
}

TEST_F(BasisTranslationTest, DecomposeMultiQubitIsExact) {
  checkEveryGate("qru-decompose-multi-qubit", allGatesBut({"ccx", "cswap"}),
                 [](const GateShape &) { return true; });
}

TEST_F(BasisTranslationTest, DecomposeMultiQubitKeepsGlobalPhase) {
  // The Toffoli circuit is exact, not merely up to a phase.
  for (const char *name : {"ccx", "cswap"}) {
    OwningOpRef<ModuleOp> module = run(
        oneGateModel({name, 3, 0}, {}, false), "qru-decompose-multi-qubit");
    ASSERT_TRUE(module) << diagnostics;
    MatrixXcd unitary;
    std::string error;
    ASSERT_TRUE(stepUnitary(*module, 3, {}, allGatesBut({"ccx", "cswap"}),
                            unitary, error))
        << error;
    EXPECT_LT((unitary - qruc::test::textbookGate(name, {})).cwiseAbs().maxCoeff(),
              kTolerance)
        << name;
  }
}

TEST_F(BasisTranslationTest, HeronTranslationIsExactUpToPhase) {
  checkEveryGate("qru-translate-basis{basis=heron}",
                 {std::begin(kHeron), std::end(kHeron)},
                 [](const GateShape &) { return true; });
}

TEST_F(BasisTranslationTest, EagleTranslationIsExactUpToPhase) {
  checkEveryGate("qru-translate-basis{basis=eagle}",
                 {std::begin(kEagle), std::end(kEagle)},
                 [](const GateShape &) { return true; });
}

TEST_F(BasisTranslationTest, RoutingOrderIsExactUpToPhase) {
  // The order the IBM pipeline runs them in: decompose, then translate.
  checkEveryGate(
      "qru-decompose-multi-qubit,qru-translate-basis{basis=eagle}",
      {std::begin(kEagle), std::end(kEagle)},
      [](const GateShape &gate) { return gate.qubits == 3; });
}

TEST_F(BasisTranslationTest, FusedGatesAreRejected) {
  std::string source = R"(
qru.model @one {
  qru.qubits @q[1]
  qru.output @z : f64 at last
  qru.step() {
    %one = arith.constant 1.0 : f64
    %zero = arith.constant 0.0 : f64
    %q0 = qru.alloc @q[0]
    %q1 = qru.unitary(%one, %zero, %zero, %zero, %zero, %zero, %one, %zero) %q0
    %z, %q2 = qru.expval "Z" %q1
    qru.yield %z : f64
  }
}
)";
  EXPECT_FALSE(run(source, "qru-translate-basis{basis=heron}"));
  EXPECT_NE(diagnostics.find("run the ibm pipeline, which does not fuse"),
            std::string::npos)
      << diagnostics;
}

TEST(ECRMatrixTest, MatchesQiskit) {
  // Qiskit's ECRGate.to_matrix(), little-endian (qubit 0 least significant).
  const std::complex<double> i(0, 1);
  MatrixXcd qiskit(4, 4);
  qiskit << 0, 1, 0, i, 1, 0, -i, 0, 0, i, 0, 1, -i, 0, 1, 0;
  qiskit /= std::sqrt(2.0);
  // Reorder to the dialect's convention: the first operand most significant.
  Eigen::PermutationMatrix<4> swapBits;
  swapBits.indices() << 0, 2, 1, 3;
  MatrixXcd bigEndian = swapBits * qiskit * swapBits.transpose();
  EXPECT_LT((qruc::test::textbookGate("ecr", {}) - bigEndian).cwiseAbs().maxCoeff(),
            1e-15);

  // And its definition: RZX(π/4), then X on the first qubit, then
  // RZX(−π/4), where RZX(θ) = exp(−iθ Z⊗X/2).
  MatrixXcd z(2, 2), x(2, 2);
  z << 1, 0, 0, -1;
  x << 0, 1, 1, 0;
  auto kron = [](const MatrixXcd &a, const MatrixXcd &b) {
    MatrixXcd m(a.rows() * b.rows(), a.cols() * b.cols());
    for (Eigen::Index r = 0; r < a.rows(); ++r)
      for (Eigen::Index c = 0; c < a.cols(); ++c)
        m.block(r * b.rows(), c * b.cols(), b.rows(), b.cols()) = a(r, c) * b;
    return m;
  };
  MatrixXcd zx = kron(z, x);
  auto rzx = [&](double theta) -> MatrixXcd {
    return std::cos(theta / 2) * MatrixXcd::Identity(4, 4) -
           i * std::sin(theta / 2) * zx;
  };
  MatrixXcd xOnFirst = kron(x, MatrixXcd::Identity(2, 2));
  MatrixXcd circuit = rzx(-M_PI / 4) * xOnFirst * rzx(M_PI / 4);
  EXPECT_LT((qruc::test::textbookGate("ecr", {}) - circuit).cwiseAbs().maxCoeff(),
            1e-15);
}

} // namespace
