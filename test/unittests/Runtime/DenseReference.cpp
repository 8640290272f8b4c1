//===- DenseReference.cpp - Dense-matrix reference simulator --------------===//
//
// This file implements the reference matrices from their definitions:
// rotations as matrix exponentials exp(−iθG/2), controlled gates as
// |0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ U, composites as products of their factors.
//
//===----------------------------------------------------------------------===//

#include "DenseReference.h"

#include <unsupported/Eigen/KroneckerProduct>
#include <unsupported/Eigen/MatrixFunctions>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

using C = std::complex<double>;
const C kI(0.0, 1.0);

CMatrix m2(C a, C b, C c, C d) {
  CMatrix m(2, 2);
  m << a, b, c, d;
  return m;
}

CMatrix pauliX() { return m2(0.0, 1.0, 1.0, 0.0); }
CMatrix pauliY() { return m2(0.0, -kI, kI, 0.0); }
CMatrix pauliZ() { return m2(1.0, 0.0, 0.0, -1.0); }
CMatrix id(Eigen::Index d) { return CMatrix::Identity(d, d); }
CMatrix proj0() { return m2(1.0, 0.0, 0.0, 0.0); }
CMatrix proj1() { return m2(0.0, 0.0, 0.0, 1.0); }

CMatrix kron(const CMatrix &a, const CMatrix &b) {
  return Eigen::kroneckerProduct(a, b).eval();
}

/// exp(−iθG/2) by Eigen's matrix exponential.
CMatrix rotation(const CMatrix &g, double theta) {
  CMatrix a = (-kI * (theta / 2.0)) * g;
  return a.exp();
}

CMatrix phase(double lambda) { return m2(1.0, 0.0, 0.0, std::polar(1.0, lambda)); }

CMatrix controlled(const CMatrix &u) {
  return (kron(proj0(), id(u.rows())) + kron(proj1(), u)).eval();
}

CMatrix swapMatrix() {
  CMatrix s = CMatrix::Zero(4, 4);
  s(0, 0) = s(1, 2) = s(2, 1) = s(3, 3) = 1.0;
  return s;
}

} // namespace

CMatrix qruc::runtime::test::textbookMatrix(GateKind kind,
                                            const std::vector<double> &a) {
  const double r = 1.0 / std::sqrt(2.0);
  const CMatrix h = m2(r, r, r, -r);
  switch (kind) {
  case GateKind::X:
    return pauliX();
  case GateKind::Y:
    return pauliY();
  case GateKind::Z:
    return pauliZ();
  case GateKind::H:
    return h;
  case GateKind::S:
    return phase(M_PI / 2);
  case GateKind::Sdg:
    return phase(-M_PI / 2);
  case GateKind::T:
    return phase(M_PI / 4);
  case GateKind::Tdg:
    return phase(-M_PI / 4);
  case GateKind::SX: {
    // √X = H·S·H: the principal square root, [[1+i, 1−i], [1−i, 1+i]]/2.
    return h * phase(M_PI / 2) * h;
  }
  case GateKind::RX:
    return rotation(pauliX(), a[0]);
  case GateKind::RY:
    return rotation(pauliY(), a[0]);
  case GateKind::RZ:
    return rotation(pauliZ(), a[0]);
  case GateKind::P:
    return phase(a[0]);
  case GateKind::U2: {
    const double phi = a[0], lambda = a[1];
    return r * m2(1.0, -std::polar(1.0, lambda), std::polar(1.0, phi),
                  std::polar(1.0, phi + lambda));
  }
  case GateKind::U3: {
    // OpenQASM 3: U(θ, φ, λ) = e^{i(φ+λ)/2} RZ(φ) RY(θ) RZ(λ).
    const double theta = a[0], phi = a[1], lambda = a[2];
    return std::polar(1.0, (phi + lambda) / 2) * rotation(pauliZ(), phi) *
           rotation(pauliY(), theta) * rotation(pauliZ(), lambda);
  }
  case GateKind::Rot:
    // Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ).
    return rotation(pauliZ(), a[2]) * rotation(pauliY(), a[1]) *
           rotation(pauliZ(), a[0]);
  case GateKind::CX:
    return controlled(pauliX());
  case GateKind::CY:
    return controlled(pauliY());
  case GateKind::CZ:
    return controlled(pauliZ());
  case GateKind::CH:
    return controlled(h);
  case GateKind::Swap:
    return swapMatrix();
  case GateKind::CRX:
    return controlled(rotation(pauliX(), a[0]));
  case GateKind::CRY:
    return controlled(rotation(pauliY(), a[0]));
  case GateKind::CRZ:
    return controlled(rotation(pauliZ(), a[0]));
  case GateKind::CP:
    return controlled(phase(a[0]));
  case GateKind::RXX:
    return rotation(kron(pauliX(), pauliX()), a[0]);
  case GateKind::RYY:
    return rotation(kron(pauliY(), pauliY()), a[0]);
  case GateKind::RZZ:
    return rotation(kron(pauliZ(), pauliZ()), a[0]);
  case GateKind::CCX:
    return controlled(controlled(pauliX()));
  case GateKind::CSwap:
    return controlled(swapMatrix());
  }
  return CMatrix();
}

CMatrix qruc::runtime::test::permutationMatrix(
    const std::vector<std::uint32_t> &perm) {
  const Eigen::Index dim = Eigen::Index(perm.size());
  CMatrix p = CMatrix::Zero(dim, dim);
  for (Eigen::Index j = 0; j < dim; ++j)
    p(perm[j], j) = 1.0;
  return p;
}

std::vector<std::uint32_t>
qruc::runtime::test::randomPermutation(std::size_t size,
                                       std::mt19937_64 &rng) {
  std::vector<std::uint32_t> perm(size);
  for (std::size_t j = 0; j < size; ++j)
    perm[j] = std::uint32_t(j);
  std::shuffle(perm.begin(), perm.end(), rng);
  return perm;
}

CMatrix qruc::runtime::test::embed(const CMatrix &g,
                                   const std::vector<unsigned> &wires,
                                   unsigned n) {
  const Eigen::Index dim = Eigen::Index(1) << n;
  const unsigned k = static_cast<unsigned>(wires.size());
  std::size_t gateMask = 0;
  for (unsigned w : wires)
    gateMask |= std::size_t(1) << w;
  auto sub = [&](std::size_t i) {
    std::size_t s = 0;
    for (unsigned j = 0; j < k; ++j)
      s = (s << 1) | ((i >> wires[j]) & 1u);
    return s;
  };
  CMatrix m = CMatrix::Zero(dim, dim);
  for (Eigen::Index i = 0; i < dim; ++i)
    for (Eigen::Index j = 0; j < dim; ++j)
      if ((std::size_t(i) & ~gateMask) == (std::size_t(j) & ~gateMask))
        m(i, j) = g(sub(i), sub(j));
  return m;
}

CMatrix qruc::runtime::test::pauliMatrix(const PauliWord &word, unsigned n) {
  CMatrix m = id(1);
  for (int q = int(n) - 1; q >= 0; --q) {
    CMatrix f;
    switch (word.on(q)) {
    case Pauli::I:
      f = id(2);
      break;
    case Pauli::X:
      f = pauliX();
      break;
    case Pauli::Y:
      f = pauliY();
      break;
    case Pauli::Z:
      f = pauliZ();
      break;
    }
    m = kron(m, f);
  }
  return m;
}

CVector qruc::runtime::test::randomState(unsigned n, std::mt19937_64 &rng) {
  std::normal_distribution<double> g;
  CVector v(Eigen::Index(1) << n);
  for (Eigen::Index i = 0; i < v.size(); ++i)
    v[i] = C(g(rng), g(rng));
  return v.normalized();
}

CMatrix qruc::runtime::test::randomUnitary(Eigen::Index dim,
                                           std::mt19937_64 &rng) {
  std::normal_distribution<double> g;
  CMatrix a(dim, dim);
  for (Eigen::Index i = 0; i < dim; ++i)
    for (Eigen::Index j = 0; j < dim; ++j)
      a(i, j) = C(g(rng), g(rng));
  Eigen::HouseholderQR<CMatrix> qr(a);
  return qr.householderQ() * id(dim);
}

CVector qruc::runtime::test::sampleOf(const BatchedState &state,
                                      std::size_t b) {
  CVector v(state.dimension());
  for (std::size_t i = 0; i < state.dimension(); ++i)
    v[i] = state.amplitude(i, b);
  return v;
}

void qruc::runtime::test::setSample(BatchedState &state, std::size_t b,
                                    const CVector &psi) {
  for (std::size_t i = 0; i < state.dimension(); ++i)
    state.setAmplitude(i, b, psi[i]);
}

double qruc::runtime::test::maxDiff(const CVector &a, const CVector &b) {
  return (a - b).cwiseAbs().maxCoeff();
}

std::vector<std::vector<unsigned>>
qruc::runtime::test::orderedWireTuples(unsigned n, unsigned k) {
  std::vector<std::vector<unsigned>> out;
  std::vector<unsigned> cur;
  std::function<void()> rec = [&] {
    if (cur.size() == k) {
      out.push_back(cur);
      return;
    }
    for (unsigned w = 0; w < n; ++w)
      if (std::find(cur.begin(), cur.end(), w) == cur.end()) {
        cur.push_back(w);
        rec();
        cur.pop_back();
      }
  };
  rec();
  return out;
}
