//===- RandomModel.h - Random qru models for pass tests ---------*- C++ -*-===//
//
// This file declares the generator of random qru.model sources the pipeline
// equivalence and routing tests run: steps of tens to hundreds of gates over
// the whole gate set, seeded with the patterns the passes look for (inverse
// pairs across commuting gates, rotation pairs and constant multiples of 2π,
// single-qubit runs, CNOT/SWAP networks) and with conditions, readouts,
// measurements and resets between them.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TEST_UNITTESTS_TRANSFORMS_RANDOMMODEL_H
#define QRUC_TEST_UNITTESTS_TRANSFORMS_RANDOMMODEL_H

#include <cstdint>
#include <string>

namespace qruc::test {

struct RandomModelOptions {
  unsigned numQubits = 4;
  /// The fewest gates the step has (it ends at the first structure that
  /// reaches the count).
  unsigned minGates = 200;
  /// Whether the step may measure and reset qubits.
  bool measurements = true;
  /// The most qubits one gate acts on: 2 leaves out CCX and CSWAP, for
  /// passes that take only one- and two-qubit gates.
  unsigned maxGateQubits = 3;
  /// A persistent step takes and yields its wires; a fresh one allocates
  /// each wire where it is first used.
  bool persistent = true;
  /// The wires in two registers a[2] and b[numQubits - 2] rather than one
  /// register q, so that wire numbering across registers is exercised.
  bool twoRegisters = false;
  /// The output vector at every step rather than at the last.
  bool outputAtEveryStep = false;
};

/// The MLIR source of a random model @random with a step over
/// `options.numQubits` wires, bits c[2], inputs x[4], parameters p[8] and
/// one output vector of readouts.
std::string randomModel(uint64_t seed, const RandomModelOptions &options);

} // namespace qruc::test

#endif // QRUC_TEST_UNITTESTS_TRANSFORMS_RANDOMMODEL_H
