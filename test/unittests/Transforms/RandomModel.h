//===- RandomModel.h - Random qru models for equivalence tests --*- C++ -*-===//
//
// This file declares the generator of random qru.model sources the pipeline
// equivalence tests run: persistent steps of hundreds of gates over the whole
// gate set, seeded with the patterns the passes look for (inverse pairs
// across commuting gates, rotation pairs and constant multiples of 2π,
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
};

/// The MLIR source of a random model @random with a persistent step over
/// `options.numQubits` wires, bits c[2], inputs x[4], parameters p[8] and
/// one output vector of readouts.
std::string randomModel(uint64_t seed, const RandomModelOptions &options);

} // namespace qruc::test

#endif // QRUC_TEST_UNITTESTS_TRANSFORMS_RANDOMMODEL_H
