//===- StepEvaluator.h - Dense reference evaluator of qru.step --*- C++ -*-===//
//
// This file declares StepEvaluator, the reference the pipeline equivalence
// tests compare against: it interprets one time step of a qru.model op by op,
// the classical ops (arith, math, tensor, linalg, scf) on plain doubles and
// the quantum ops on a dense Eigen state vector, with gate matrices written
// from their textbook definitions. It shares no code with the passes (in
// particular not their gate matrices), so a wrong rewrite shows up as a
// different result.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TEST_UNITTESTS_TRANSFORMS_STEPEVALUATOR_H
#define QRUC_TEST_UNITTESTS_TRANSFORMS_STEPEVALUATOR_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include <Eigen/Dense>

#include <functional>
#include <string>
#include <vector>

namespace qruc::test {

/// A classical value: a scalar (empty shape) or a row-major tensor. Integers,
/// indices and bits are held as doubles.
struct Tensor {
  std::vector<double> data;
  std::vector<int64_t> shape;

  static Tensor scalar(double value) { return {{value}, {}}; }
};

struct StepResult {
  /// The classical values the step yields (memory, bits, outputs).
  std::vector<Tensor> values;
  /// The state after the step (over all wires, wire q is bit q of the index).
  Eigen::VectorXcd state;
};

class StepEvaluator {
public:
  /// Evaluates the step of `model`. `arguments` holds one tensor per
  /// classical block argument; `initial` is the state a persistent step
  /// starts from (a fresh step starts from |0…0⟩); `uniform` draws the
  /// numbers in [0, 1) that decide measurement outcomes. On failure,
  /// `error` says which op was not understood.
  static bool run(qru::ModelOp model, const std::vector<Tensor> &arguments,
                  const Eigen::VectorXcd &initial,
                  const std::function<double()> &uniform, StepResult &result,
                  std::string &error);
};

/// The textbook matrix of the gate `name` (a qru mnemonic other than unitary
/// and permute) with `angles`, first operand most significant.
Eigen::MatrixXcd textbookGate(const std::string &name,
                              const std::vector<double> &angles);

} // namespace qruc::test

#endif // QRUC_TEST_UNITTESTS_TRANSFORMS_STEPEVALUATOR_H
