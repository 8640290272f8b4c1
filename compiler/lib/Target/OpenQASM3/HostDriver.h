//===- HostDriver.h - the Python driver of per-step mode -------*- C++ -*-===//
//
// This file declares the assembly of the per-step host driver: a Python
// program that loads the step circuit with qiskit.qasm3, reads samples,
// runs each sample's time steps through an Estimator (qiskit-ibm-runtime's
// EstimatorV2 on hardware, Qiskit Aer with --local) and writes the outputs
// in the columns of `qruc --target sim --predict`.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TARGET_OPENQASM3_HOSTDRIVER_H
#define QRUC_TARGET_OPENQASM3_HOSTDRIVER_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include <string>
#include <vector>

namespace qruc::openqasm3 {

/// One observable: a Pauli word on qubits of the loaded circuit.
struct Observable {
  std::string pauli;
  std::vector<unsigned> qubits;
};

/// What the model-specific part of the driver holds.
struct HostDriverParts {
  std::string stepCircuit;        ///< the OpenQASM 3 text
  std::string stepCircuitName;    ///< its file, next to the driver
  std::string stepFunction;       ///< `def step(estimate, ...)` in Python
  std::vector<Observable> pre, post;
  unsigned numQubits = 0;
  bool persistent = false;
  /// Parameter values bound into the circuit, or empty: read --params.
  std::vector<double> boundParams;
  bool paramsBound = false;
  /// The scaler of the checkpoint the weights came from, if any.
  std::vector<double> scaleFactor, scaleOffset;
};

/// The whole driver for `model`.
std::string writeHostDriver(qru::ModelOp model, const HostDriverParts &parts);

} // namespace qruc::openqasm3

#endif // QRUC_TARGET_OPENQASM3_HOSTDRIVER_H
