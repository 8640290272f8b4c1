//===- CircuitWriter.h - pieces shared by both export modes ----*- C++ -*-===//
//
// This file declares what both OpenQASM 3 modes need: OpenQASM names for the
// model's registers and classical values, the wire each qubit value sits on,
// angle expressions in the importer's arithmetic (+ - * / and unary minus),
// gate statements with the definitions of the gates stdgates.inc lacks, and
// the numeric evaluation of angles that depend on bound parameters only.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TARGET_OPENQASM3_CIRCUITWRITER_H
#define QRUC_TARGET_OPENQASM3_CIRCUITWRITER_H

#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace qruc::openqasm3 {

/// `value` printed so that it reads back as the same double and as a float
/// literal (always with a point or an exponent).
std::string formatDouble(double value);

/// `name`, or `name_` when it would clash with an OpenQASM keyword or a gate
/// of stdgates.inc (a register `h`, an input `x`).
std::string identifier(llvm::StringRef name);

/// The model's qubit registers, and the physical qubit of every wire when a
/// routing pass has recorded a layout.
class QubitRegisters {
public:
  explicit QubitRegisters(qru::ModelOp model);

  unsigned numWires() const { return static_cast<unsigned>(names.size()); }
  /// How wire `wire` is written: `h_[2]`, or `$5` on a routed model.
  const std::string &name(unsigned wire) const { return names[wire]; }
  /// The qubit index of `wire` in the circuit Qiskit loads: the physical
  /// qubit when routed, else the wire itself (registers in order).
  unsigned circuitIndex(unsigned wire) const {
    return layout.empty() ? wire : static_cast<unsigned>(layout[wire]);
  }
  /// The circuit's qubit count as Qiskit loads it.
  unsigned numCircuitQubits() const;
  bool isPhysical() const { return !layout.empty(); }
  /// The first wire of register `reg`.
  unsigned firstWire(llvm::StringRef reg) const {
    return offsets.lookup(reg);
  }
  /// Declares the registers (nothing for physical qubits).
  void declare(llvm::raw_ostream &os) const;

private:
  mutable qru::ModelOp model;
  std::vector<std::string> names;
  std::vector<int64_t> layout;
  llvm::StringMap<unsigned> offsets;
};

/// Follows qubit values to their wires: an alloc or a step argument starts
/// a wire, a gate's k-th result continues its k-th operand, readouts return
/// their qubits in place, and an scf.if's results continue what its then
/// branch yields.
class WireTracker {
public:
  explicit WireTracker(const QubitRegisters &registers)
      : registers(registers) {}
  void setWire(mlir::Value qubit, unsigned wire) { wires[qubit] = wire; }
  /// Records the wires of `op`'s qubit results (after its regions' ops).
  void track(mlir::Operation *op);
  unsigned wire(mlir::Value qubit) const { return wires.lookup(qubit); }
  const std::string &name(mlir::Value qubit) const {
    return registers.name(wire(qubit));
  }

private:
  const QubitRegisters &registers;
  llvm::DenseMap<mlir::Value, unsigned> wires;
};

/// The OpenQASM name of an element of a step argument (an input, memory or
/// parameter): `x_` for a scalar `x`, `p_3` for p[3], `W_2_5` for W[2, 5].
std::string elementName(llvm::StringRef name, llvm::ArrayRef<int64_t> index,
                        bool scalar);

/// A scalar element of a step argument: which argument, and where.
struct ArgumentElement {
  unsigned argument;            ///< block argument number
  llvm::SmallVector<int64_t> index; ///< empty for a scalar argument
};

/// The step argument element `value` reads directly (the argument itself,
/// or a tensor.extract of it at constant indices), if any.
std::optional<ArgumentElement> argumentElement(mlir::Value value);

/// Writes an angle as an OpenQASM expression. Constants and the importer's
/// arithmetic print inline; every other value is a leaf that `leaf` names
/// (an input, a bound value, a host-computed value) or rejects with an
/// error at its op.
class AngleWriter {
public:
  using LeafFn = std::function<mlir::FailureOr<std::string>(mlir::Value)>;
  explicit AngleWriter(LeafFn leaf) : leaf(std::move(leaf)) {}
  mlir::FailureOr<std::string> write(mlir::Value angle);

private:
  LeafFn leaf;
};

/// Evaluates `value` when it depends on constants and the bound parameter
/// elements `params` resolves only; std::nullopt otherwise.
std::optional<double>
evaluateBound(mlir::Value value,
              const std::function<std::optional<double>(mlir::Value)> &params);

/// The flattened offset of every parameter in a checkpoint's vector, by
/// step argument number, and the argument numbers of inputs and memories.
struct StepArguments {
  explicit StepArguments(qru::ModelOp model);
  enum class Kind { Input, Memory, Bits, Param, Qubit };
  struct Info {
    Kind kind;
    std::string name;
    llvm::SmallVector<int64_t> shape; ///< empty for a scalar
    int64_t paramOffset = 0;          ///< Param: first element in the vector
  };
  std::vector<Info> args;
  int64_t numParamValues = 0;
};

/// What both modes start with: the step's body, once the step exists and
/// `params` (if given) has one value per parameter element, with the wire
/// of every qubit value in it traced into `wires`.
mlir::FailureOr<mlir::Block *>
prepareStep(qru::ModelOp model, const StepArguments &arguments,
            const std::optional<std::vector<double>> &params,
            WireTracker &wires);

/// Gates stdgates.inc lacks, defined before use.
class GateDefinitions {
public:
  /// Notes that `gate` is used; fails for gates no IBM program can hold.
  mlir::LogicalResult use(qru::GateOpInterface gate);
  void write(llvm::raw_ostream &os) const;

private:
  llvm::StringSet<> used;
};

/// Writes `gate` as one statement, its angles through `leaf`, and notes in
/// `definitions` a gate the program must define.
mlir::LogicalResult writeGate(llvm::raw_ostream &os,
                              qru::GateOpInterface gate,
                              const AngleWriter::LeafFn &leaf,
                              const WireTracker &wires,
                              GateDefinitions &definitions,
                              llvm::StringRef indent = "");

/// Resolves an angle leaf that reads a bound parameter element: its value
/// from `params` (flattened in declaration order), if it is one.
std::optional<double> boundParameter(mlir::Value value,
                                     const StepArguments &arguments,
                                     llvm::ArrayRef<double> params);

/// What an exporter of either mode works with: the model and the options,
/// the step's arguments, the registers and wires, the gates to define.
struct ModelCircuit {
  ModelCircuit(qru::ModelOp model, const ExportOptions &options)
      : model(model), options(options), arguments(model), registers(model),
        wires(registers) {}

  qru::ModelOp model;
  const ExportOptions &options;
  StepArguments arguments;
  QubitRegisters registers;
  WireTracker wires;
  GateDefinitions definitions;
};

} // namespace qruc::openqasm3

#endif // QRUC_TARGET_OPENQASM3_CIRCUITWRITER_H
