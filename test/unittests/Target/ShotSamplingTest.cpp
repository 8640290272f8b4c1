//===- ShotSamplingTest.cpp - --shots against exact outcome probabilities -===//
//
// This file compiles a small measuring model (measure, reset, an `if` on a
// bit carried from the previous step, an `if` on a 2-bit register) through
// the front end and the sim pipeline, samples it with the shot sampler of
// `--shots`, and checks the frequencies of the final bit strings with a
// chi-square test, and the outputs' shot mean within five standard errors,
// against exact values computed independently: every measurement and reset
// branch enumerated on the dense-matrix reference, with its probability.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Pipeline/Pipelines.h"
#include "qruc/Runtime/Shots.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "gtest/gtest.h"

#include <cmath>
#include <functional>
#include <map>

using namespace qruc;
using namespace qruc::runtime::test;
using Gate = runtime::GateKind;

namespace {

/// Two fresh steps. Step by step, the reference below does the same.
const char *const kModel = R"(model shots;
qubit q[3];
bit c[2];
bit f;
input x;
param w[3] ~ uniform(0, 1);
output y at last;
step {
  ry(x*w[0] + 0.4) q[0];
  h q[1];
  if (f) rx(w[1] + 0.5) q[1];
  cx q[0], q[2];
  ry(0.9) q[2];
  cx q[1], q[2];
  c[0] = measure q[0];
  c[1] = measure q[1];
  if (c == 2) ry(w[2] + 1.1) q[2];
  ry(0.8) q[0];
  cx q[2], q[0];
  reset q[2];
  y = expval(Z(q[0]));
  f = measure q[0];
}
)";

constexpr unsigned kQubits = 3;
const std::vector<double> kParams = {0.3, 0.7, 0.2};
const std::vector<double> kInputs = {0.9, 0.25};

runtime::StepProgram compileModel() {
  mlir::MLIRContext context;
  context.getOrLoadDialect<qru::QRUDialect>();
  auto module = parseModule(kModel, "shots.qru", context);
  EXPECT_NE(module, nullptr);
  auto model = analyze(*module, "shots.qru", context);
  EXPECT_NE(model, nullptr);
  auto ir = generateMLIR(*model, "shots.qru", context);
  EXPECT_TRUE(bool(ir));
  EXPECT_TRUE(succeeded(runPipeline(*ir, Target::Sim)));
  auto program =
      lowerToStepProgram(*ir->getBody()->getOps<qru::ModelOp>().begin());
  EXPECT_TRUE(succeeded(program));
  return std::move(*program);
}

// --- The reference: exact branch probabilities ----------------------------

void apply(CVector &psi, Gate kind, std::vector<double> angles,
           std::vector<unsigned> wires) {
  psi = embed(textbookMatrix(kind, angles), wires, kQubits) * psi;
}

/// Projects `psi` onto `outcome` of `wire` and renormalises; returns the
/// probability of the outcome.
double project(CVector &psi, unsigned wire, bool outcome) {
  double p = 0;
  for (Eigen::Index i = 0; i < psi.size(); ++i) {
    if (((i >> wire) & 1) != static_cast<int>(outcome))
      psi[i] = 0;
    else
      p += std::norm(psi[i]);
  }
  if (p > 1e-300)
    psi /= std::sqrt(p);
  return p;
}

double expvalZ(const CVector &psi, unsigned wire) {
  double z = 0;
  for (Eigen::Index i = 0; i < psi.size(); ++i)
    z += ((i >> wire) & 1 ? -1.0 : 1.0) * std::norm(psi[i]);
  return z;
}

struct Bits {
  bool c0 = false, c1 = false, f = false;
};

/// Calls `leaf` with the final bits, the probability and y of every branch
/// of steps t..T, given the bits before step t and the probability so far.
void branches(std::size_t t, Bits in, double prob,
              const std::function<void(Bits, double, double)> &leaf) {
  const std::vector<double> &w = kParams;
  CVector psi = CVector::Zero(1 << kQubits);
  psi[0] = 1;
  apply(psi, Gate::RY, {kInputs[t] * w[0] + 0.4}, {0});
  apply(psi, Gate::H, {}, {1});
  if (in.f)
    apply(psi, Gate::RX, {w[1] + 0.5}, {1});
  apply(psi, Gate::CX, {}, {0, 2});
  apply(psi, Gate::RY, {0.9}, {2});
  apply(psi, Gate::CX, {}, {1, 2});
  for (bool c0 : {false, true})
    for (bool c1 : {false, true}) {
      CVector a = psi;
      double p = project(a, 0, c0);
      p *= project(a, 1, c1);
      if (!c0 && c1) // c == 2: bit 0 clear, bit 1 set
        apply(a, Gate::RY, {w[2] + 1.1}, {2});
      apply(a, Gate::RY, {0.8}, {0});
      apply(a, Gate::CX, {}, {2, 0});
      for (bool r : {false, true}) {
        CVector b = a;
        double pr = p * project(b, 2, r);
        if (r)
          apply(b, Gate::X, {}, {2});
        double y = expvalZ(b, 0);
        for (bool fb : {false, true}) {
          CVector c = b;
          double pf = prob * pr * project(c, 0, fb);
          if (pf < 1e-300)
            continue;
          Bits out{c0, c1, fb};
          if (t + 1 < kInputs.size())
            branches(t + 1, out, pf, leaf);
          else
            leaf(out, pf, y);
        }
      }
    }
}

/// The regularised upper incomplete gamma function Q(a, x) (Numerical
/// Recipes' gammq: a series below a + 1, a continued fraction above).
double gammaQ(double a, double x) {
  if (x <= 0)
    return 1;
  double lnPrefix = -x + a * std::log(x) - std::lgamma(a);
  if (x < a + 1) {
    double term = 1 / a, sum = term;
    for (int n = 1; n < 1000; ++n) {
      term *= x / (a + n);
      sum += term;
      if (std::abs(term) < std::abs(sum) * 1e-15)
        break;
    }
    return 1 - sum * std::exp(lnPrefix);
  }
  double b = x + 1 - a, c = 1e300, d = 1 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::abs(d) < 1e-300)
      d = 1e-300;
    c = b + an / c;
    if (std::abs(c) < 1e-300)
      c = 1e-300;
    d = 1 / d;
    double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1) < 1e-15)
      break;
  }
  return std::exp(lnPrefix) * h;
}

double chiSquarePValue(double statistic, std::size_t dof) {
  return gammaQ(dof / 2.0, statistic / 2.0);
}

runtime::SequenceSet oneSample() {
  runtime::SequenceSet set;
  set.numSamples = 1;
  set.numSteps = kInputs.size();
  set.stepSize = 1;
  set.inputs = kInputs;
  return set;
}

TEST(ShotSampling, ChiSquareHelperMatchesTables) {
  // Upper 0.1% points of the chi-square distribution.
  EXPECT_NEAR(chiSquarePValue(10.828, 1), 0.001, 2e-6);
  EXPECT_NEAR(chiSquarePValue(24.322, 7), 0.001, 2e-6);
  EXPECT_NEAR(chiSquarePValue(7.0, 7), 0.4289, 1e-4);
}

TEST(ShotSampling, FrequenciesAndMeansMatchExactBranches) {
  runtime::StepProgram program = compileModel();
  ASSERT_EQ(program.bits.size(), 2u);
  ASSERT_TRUE(runtime::measures(program));

  // The exact distribution of the final bits, keyed as --shots keys them:
  // registers in declaration order, bit 0 first.
  std::map<std::string, double> exact;
  double meanY = 0, meanY2 = 0, total = 0;
  branches(0, Bits{}, 1.0, [&](Bits bits, double p, double y) {
    std::string key = std::string(bits.c0 ? "1" : "0") + (bits.c1 ? "1" : "0") +
                      " " + (bits.f ? "1" : "0");
    exact[key] += p;
    meanY += p * y;
    meanY2 += p * y * y;
    total += p;
  });
  ASSERT_NEAR(total, 1.0, 1e-12);
  ASSERT_GE(exact.size(), 6u) << "the model should branch";

  // More shots than one chunk, so that chunks must draw independently.
  const std::size_t shots = 5 * runtime::kShotChunk + 123;
  runtime::Executor executor(program, 2);
  runtime::ShotResult result =
      runtime::sampleShots(executor, kParams, oneSample(), 0, shots, 2024);
  ASSERT_EQ(result.shots, shots);

  // Chi-square over the outcomes, those expected fewer than 5 times pooled.
  std::size_t counted = 0;
  for (const auto &[key, count] : result.counts) {
    EXPECT_TRUE(exact.count(key)) << "impossible outcome " << key;
    counted += count;
  }
  EXPECT_EQ(counted, shots);
  double statistic = 0, pooledExpected = 0, pooledObserved = 0;
  std::size_t bins = 0;
  for (const auto &[key, p] : exact) {
    double expected = p * shots;
    double observed =
        result.counts.count(key) ? double(result.counts.at(key)) : 0.0;
    if (expected < 5) {
      pooledExpected += expected;
      pooledObserved += observed;
      continue;
    }
    statistic += (observed - expected) * (observed - expected) / expected;
    ++bins;
  }
  if (pooledExpected > 0) {
    statistic += (pooledObserved - pooledExpected) *
                 (pooledObserved - pooledExpected) / pooledExpected;
    ++bins;
  }
  ASSERT_GE(bins, 2u);
  EXPECT_GT(chiSquarePValue(statistic, bins - 1), 0.001)
      << "chi-square " << statistic << " with " << bins - 1 << " dof";

  // The output's shot mean within five standard errors of the exact mean.
  ASSERT_EQ(result.outputMeans.size(), 1u);
  double standardError = std::sqrt((meanY2 - meanY * meanY) / shots);
  EXPECT_NEAR(result.outputMeans[0][0][0], meanY, 5 * standardError);
}

TEST(ShotSampling, SameSeedSameCountsWhateverTheThreads) {
  runtime::StepProgram program = compileModel();
  const std::size_t shots = runtime::kShotChunk + 500;
  runtime::Executor one(program, 1), three(program, 3);
  runtime::ShotResult a =
      runtime::sampleShots(one, kParams, oneSample(), 0, shots, 7);
  runtime::ShotResult b =
      runtime::sampleShots(three, kParams, oneSample(), 0, shots, 7);
  EXPECT_EQ(a.counts, b.counts);
  EXPECT_EQ(a.outputMeans, b.outputMeans);
  // Another seed draws other outcomes.
  runtime::ShotResult c =
      runtime::sampleShots(one, kParams, oneSample(), 0, shots, 8);
  EXPECT_NE(a.counts, c.counts);
}

} // namespace
