//===- ExecutorTestModels.cpp - Step programs the executor tests share ----===//
//
// This file builds the hand-written models of the executor tests: a step
// with every gate, a step with conditional gates, and the hybrid QRNN.
//
//===----------------------------------------------------------------------===//

#include "ExecutorTestModels.h"

#include "ExecutorTestSupport.h"

#include <algorithm>
#include <random>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

const GateKind kParameterized[] = {
    GateKind::RX,  GateKind::RY,  GateKind::RZ,  GateKind::P,
    GateKind::U2,  GateKind::U3,  GateKind::Rot, GateKind::CRX,
    GateKind::CRY, GateKind::CRZ, GateKind::CP,  GateKind::RXX,
    GateKind::RYY, GateKind::RZZ};

const GateKind kFixed[] = {
    GateKind::H,   GateKind::CX,   GateKind::S,    GateKind::CY,
    GateKind::T,   GateKind::CZ,   GateKind::SX,   GateKind::CH,
    GateKind::Sdg, GateKind::Swap, GateKind::Tdg,  GateKind::CCX,
    GateKind::X,   GateKind::CSwap, GateKind::Y,   GateKind::Z};

/// The eight entries of u3(θ, φ, λ) = [[c, −e^{iλ}s], [e^{iφ}s, e^{i(φ+λ)}c]]
/// with c = cos(θ/2), s = sin(θ/2), as a fusion pass would compute them:
/// shared when the three angles are.
std::vector<SlotId> u3Entries(ProgramBuilder &b, SlotId theta, SlotId phi,
                              SlotId lambda) {
  const SlotId half = b.op(OpCode::Mul, {theta, b.constant({0.5})});
  const SlotId c = b.op(OpCode::Cos, {half}), s = b.op(OpCode::Sin, {half});
  const SlotId sum = b.op(OpCode::Add, {phi, lambda});
  auto times = [&](OpCode f, SlotId angle, SlotId by) {
    return b.op(OpCode::Mul, {b.op(f, {angle}), by});
  };
  return {c,
          b.constant({0.0}),
          b.op(OpCode::Neg, {times(OpCode::Cos, lambda, s)}),
          b.op(OpCode::Neg, {times(OpCode::Sin, lambda, s)}),
          times(OpCode::Cos, phi, s),
          times(OpCode::Sin, phi, s),
          times(OpCode::Cos, sum, c),
          times(OpCode::Sin, sum, c)};
}

std::vector<unsigned> wiresFor(GateKind kind, unsigned first, unsigned n) {
  std::vector<unsigned> wires;
  for (unsigned k = 0; k < gateInfo(kind).numQubits; ++k)
    wires.push_back((first + 2 * k) % n);
  return wires;
}

} // namespace

/// A three-qubit QRU-like step: inputs and the fed-forward memory encoded
/// with w·x + b and w·asin(m) + b, then every parameterized gate twice
/// (shared angles from parameters, per-sample angles from inputs and a
/// readout) interleaved with every fixed gate and readouts of one-, two-
/// and three-qubit Pauli words; the memory is fed ⟨Z⟩, ⟨X⟩ of qubit 1.
StepProgram qruc::runtime::test::everyGateModel(bool persistent) {
  const unsigned n = 3;
  ProgramBuilder b(n, persistent);
  const SlotId x = b.input("x", 2);
  const SlotId m = b.memory("m", 2, {0.2, -0.3});
  const SlotId wx = b.param("wx", {2}), bx = b.param("bx", {2});
  const SlotId wm = b.param("wm", {2}), bm = b.param("bm", {2});
  const SlotId ax = b.op(OpCode::Add, {b.op(OpCode::Mul, {x, wx}), bx});
  const SlotId am = b.op(
      OpCode::Add, {b.op(OpCode::Mul, {b.op(OpCode::Asin, {m}), wm}), bm});
  b.gate(GateKind::RX, {0}, {b.op(OpCode::Extract, {ax}, 0)});
  b.gate(GateKind::RY, {0}, {b.op(OpCode::Extract, {ax}, 1)});
  b.gate(GateKind::RX, {1}, {b.op(OpCode::Extract, {am}, 0)});
  b.gate(GateKind::RY, {1}, {b.op(OpCode::Extract, {am}, 1)});
  b.gate(GateKind::H, {2});
  b.gate(GateKind::CX, {0, 1});
  const SlotId r0 = b.expval("Z", {0});
  // A shared angle computed from a parameter once per call.
  b.gate(GateKind::RZ, {2}, {b.op(OpCode::Sin, {b.param("s")})});

  std::vector<SlotId> readouts = {r0};
  const char *words[] = {"X", "YZ", "ZXY", "Y", "XX"};
  unsigned fixed = 0, word = 0, first = 0;
  for (GateKind kind : kParameterized) {
    const unsigned numAngles = gateInfo(kind).numAngles;
    std::vector<SlotId> shared, perSample;
    for (unsigned j = 0; j < numAngles; ++j) {
      shared.push_back(b.param(std::string(gateInfo(kind).name) + "_s"));
      // Per-sample angle: p·x_j + q, or p·⟨Z_0⟩ + q for the last angle.
      const SlotId source = j + 1 == numAngles && j > 0
                                ? r0
                                : b.op(OpCode::Extract, {x}, j % 2);
      perSample.push_back(
          b.op(OpCode::Add, {b.op(OpCode::Mul, {source, b.param("p")}),
                             b.param("q")}));
    }
    b.gate(kind, wiresFor(kind, first++, n), shared);
    const GateKind f = kFixed[fixed++ % std::size(kFixed)];
    b.gate(f, wiresFor(f, first++, n));
    b.gate(kind, wiresFor(kind, first++, n), perSample);
    if (first % 3 == 0) {
      const std::string w = words[word++ % std::size(words)];
      std::vector<unsigned> on;
      for (unsigned k = 0; k < w.size(); ++k)
        on.push_back((first + k) % n);
      readouts.push_back(b.expval(w, on));
    }
  }
  for (unsigned k = fixed; k < std::size(kFixed); ++k)
    b.gate(kFixed[k], wiresFor(kFixed[k], first++, n));

  const SlotId z1 = b.expval("Z", {1}), x1 = b.expval("X", {1});
  b.next(m, b.op(OpCode::Concat, {z1, x1}));
  b.output("prediction",
           b.op(OpCode::Add, {b.op(OpCode::Mul, {r0, b.param("scale")}),
                              b.expval("XZ", {0, 2})}),
           true);
  b.output("readouts", b.op(OpCode::Concat, readouts), false);
  b.output("memory", m, true);
  return b.program;
}

/// Fresh or persistent three-qubit step whose gates are conditioned on a
/// per-sample input (0 or 1), on a memory holding the previous step's
/// input, and on shared constants 1 and 0.
StepProgram qruc::runtime::test::conditionalModel(bool persistent) {
  ProgramBuilder b(3, persistent);
  const SlotId x = b.input("x", 1);
  const SlotId flag = b.input("flag", 1);
  const SlotId previous = b.memory("previous", 1, {1.0});
  b.next(previous, flag);
  const SlotId always = b.constant({1.0}), never = b.constant({0.0});
  const SlotId a = b.op(OpCode::Mul, {x, b.param("a")});
  b.gate(GateKind::RY, {0}, {a});
  b.gate(GateKind::RX, {1}, {b.param("b")}, flag);
  b.gate(GateKind::CX, {0, 2}, {}, previous);
  b.gate(GateKind::U3, {2}, {a, b.param("c"), b.param("d")}, flag);
  b.gate(GateKind::H, {1}, {}, previous);
  const SlotId mid = b.expval("ZX", {0, 1});
  b.gate(GateKind::CSwap, {0, 1, 2}, {}, flag);
  b.gate(GateKind::CRY, {2, 0}, {b.param("e")}, always);
  b.gate(GateKind::RZZ, {1, 2}, {b.param("f")}, never);
  b.gate(GateKind::RXX, {0, 1}, {a}, previous);
  b.output("mid", mid, true);
  b.output("y", b.op(OpCode::Concat, {b.expval("Z", {0}), b.expval("Y", {1}),
                                      b.expval("X", {2})}),
           true);
  return b.program;
}

StepProgram qruc::runtime::test::fusedModel(bool persistent) {
  ProgramBuilder b(4, persistent);
  const SlotId x = b.input("x", 2);
  const SlotId flag = b.input("flag", 1);
  const SlotId m = b.memory("m", 2, {0.3, -0.2});
  const SlotId w = b.param("w", {9});
  auto param = [&](std::int64_t k) { return b.op(OpCode::Extract, {w}, k); };
  auto input = [&](std::int64_t k) { return b.op(OpCode::Extract, {x}, k); };
  // θ = w·x + b per sample, λ = asin(m_0) per sample.
  const SlotId theta = b.op(OpCode::Add,
                            {b.op(OpCode::Mul, {input(0), param(3)}), param(4)});
  const SlotId lambda =
      b.op(OpCode::Asin, {b.op(OpCode::Extract, {m}, 0)});
  const SlotId always = b.constant({1.0}), never = b.constant({0.0});
  std::mt19937_64 rng(7);
  auto table = [&](std::size_t size) {
    std::vector<std::uint32_t> perm(size);
    for (std::size_t j = 0; j < size; ++j)
      perm[j] = std::uint32_t(j);
    std::shuffle(perm.begin(), perm.end(), rng);
    return perm;
  };

  b.unitary(0, u3Entries(b, param(0), param(1), param(2)));
  b.unitary(1, u3Entries(b, theta, param(5), lambda));
  b.gate(GateKind::H, {2});
  b.permute({2, 0, 3}, table(8));
  const SlotId r0 = b.expval("Z", {0});
  // Mixed: θ and λ shared, φ per sample, so the first row is shared.
  b.unitary(3, u3Entries(b, param(6), input(1), param(7)));
  b.gate(GateKind::RY, {2}, {b.op(OpCode::Mul, {r0, param(8)})});
  b.permute({1, 3, 0, 2}, table(16));
  b.unitary(2, u3Entries(b, param(1), theta, param(0)), flag);
  b.permute({3, 1}, table(4), flag);
  b.unitary(0, u3Entries(b, theta, param(7), param(6)), always);
  b.permute({0, 2}, table(4), never);
  const SlotId r1 = b.expval("XY", {1, 2});
  b.permute({0, 1, 2, 3}, table(16));
  b.unitary(1, u3Entries(b, param(2), param(4), input(0)));

  b.next(m, b.op(OpCode::Concat, {b.expval("Z", {1}), b.expval("X", {2})}));
  b.output("y", b.op(OpCode::Concat, {r0, r1, b.expval("ZX", {3, 0})}), true);
  return b.program;
}

/// n qubits; readouts ⟨Z_i⟩, ⟨X_i⟩ of the carried state; controller
/// θ = W2·gelu(W1·[x; z] + b1) + b2 with `hidden` units; circuit RY layer,
/// CNOT ring, RZ layer, CRX ring, one Rot; head: ⟨Z_0⟩ after the gates at
/// every step, logits = Wo·z' + bo at the last step.
StepProgram qruc::runtime::test::hybridQrnn(unsigned n, std::uint32_t inputs,
                                           std::uint32_t hidden) {
  ProgramBuilder b(n, /*persistent=*/true);
  const SlotId x = b.input("x", inputs);
  std::vector<SlotId> z;
  for (unsigned q = 0; q < n; ++q) {
    z.push_back(b.expval("Z", {q}));
    z.push_back(b.expval("X", {q}));
  }
  const SlotId h = b.op(OpCode::Concat, {x, b.op(OpCode::Concat, z)});
  const std::int64_t features = inputs + 2 * n, angles = 3 * n + 3;
  const SlotId W1 = b.param("W1", {hidden, features});
  const SlotId b1 = b.param("b1", {hidden});
  const SlotId W2 = b.param("W2", {angles, hidden});
  const SlotId b2 = b.param("b2", {angles});
  const SlotId a1 = b.op(
      OpCode::Gelu,
      {b.op(OpCode::Add,
            {b.op(OpCode::MatVec, {W1, h}, hidden, features), b1})});
  const SlotId theta = b.op(
      OpCode::Add, {b.op(OpCode::MatVec, {W2, a1}, angles, hidden), b2});
  auto angle = [&](std::int64_t k) {
    return b.op(OpCode::Extract, {theta}, k);
  };
  for (unsigned q = 0; q < n; ++q)
    b.gate(GateKind::RY, {q}, {angle(q)});
  for (unsigned q = 0; q < n; ++q)
    b.gate(GateKind::CX, {q, (q + 1) % n});
  for (unsigned q = 0; q < n; ++q)
    b.gate(GateKind::RZ, {q}, {angle(n + q)});
  for (unsigned q = 0; q < n; ++q)
    b.gate(GateKind::CRX, {q, (q + 1) % n}, {angle(2 * n + q)});
  b.gate(GateKind::Rot, {0}, {angle(3 * n), angle(3 * n + 1), angle(3 * n + 2)});

  std::vector<SlotId> after;
  for (unsigned q = 0; q < n; ++q)
    after.push_back(b.expval("Z", {q}));
  b.output("z0", after[0], true);
  const SlotId Wo = b.param("Wo", {2, n}), bo = b.param("bo", {2});
  b.output("logits",
           b.op(OpCode::Add, {b.op(OpCode::MatVec,
                                   {Wo, b.op(OpCode::Concat, after)}, 2, n),
                              bo}),
           false);
  return b.program;
}

