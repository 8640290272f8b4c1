//===- DenseReference.h - Dense-matrix reference simulator ------*- C++ -*-===//
//
// This file declares the independent reference the runtime tests compare
// against: textbook gate matrices written from their definitions (matrix
// exponentials, Kronecker products of projectors), embedded in the full
// 2^n × 2^n operator by explicit construction, and applied to one sample at
// a time. It shares no code with the runtime's kernels or GateMatrices.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TEST_UNITTESTS_RUNTIME_DENSEREFERENCE_H
#define QRUC_TEST_UNITTESTS_RUNTIME_DENSEREFERENCE_H

#include "qruc/Runtime/BatchedState.h"
#include "qruc/Runtime/Gates.h"
#include "qruc/Runtime/PauliWord.h"

#include <Eigen/Dense>

#include <random>
#include <vector>

namespace qruc::runtime::test {

using CMatrix = Eigen::MatrixXcd;
using CVector = Eigen::VectorXcd;

/// The textbook matrix of a gate on its own operands, first operand most
/// significant.
CMatrix textbookMatrix(GateKind kind, const std::vector<double> &angles);

/// The matrix P of a permutation table: P[perm[j]][j] = 1.
CMatrix permutationMatrix(const std::vector<std::uint32_t> &perm);

/// A random permutation of 0 … size − 1.
std::vector<std::uint32_t> randomPermutation(std::size_t size,
                                             std::mt19937_64 &rng);

/// The full operator on n qubits of a k-qubit matrix `g` acting on `wires`
/// (wires[0] most significant in g; wire q is bit q of the state index):
/// M[i][j] = g[sub(i)][sub(j)] when i and j agree off the gate's wires.
CMatrix embed(const CMatrix &g, const std::vector<unsigned> &wires,
              unsigned n);

/// The full matrix of a Pauli word, as a Kronecker product with wire n−1
/// leftmost.
CMatrix pauliMatrix(const PauliWord &word, unsigned n);

/// A Haar-ish random normalised state and a random unitary (QR of a complex
/// Gaussian matrix).
CVector randomState(unsigned n, std::mt19937_64 &rng);
CMatrix randomUnitary(Eigen::Index dim, std::mt19937_64 &rng);

/// Copies between one sample of a batched state and a dense vector.
CVector sampleOf(const BatchedState &state, std::size_t b);
void setSample(BatchedState &state, std::size_t b, const CVector &psi);

/// The largest |a_i − b_i|.
double maxDiff(const CVector &a, const CVector &b);

/// k distinct wires out of n in every order: all k-permutations.
std::vector<std::vector<unsigned>> orderedWireTuples(unsigned n, unsigned k);

} // namespace qruc::runtime::test

#endif // QRUC_TEST_UNITTESTS_RUNTIME_DENSEREFERENCE_H
