//===- Circuit.h - one time step as a circuit diagram -----------*- C++ -*-===//
//
// This file declares the circuit behind `qruc --emit=circuit` and
// `--emit=svg`: the quantum ops of one time step, each with the wires it acts
// on, how it is drawn on each wire, its label and its classical condition,
// laid out in columns so that no two ops of a column overlap. Extraction
// (CircuitExtract.cpp) is separate from drawing (CircuitText.cpp,
// CircuitSvg.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_ANALYSIS_CIRCUIT_H
#define QRUC_ANALYSIS_CIRCUIT_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace qruc {

/// How an op appears on one of its wires.
enum class WireMark {
  /// A box holding the op's label for this wire.
  Box,
  /// A filled dot: a control.
  Control,
  /// ⊕: the target of a controlled X.
  Target,
  /// ×: one end of a swap.
  Swap,
};

struct CircuitElement {
  enum class Kind { Gate, Readout, Measure, Reset };
  Kind kind = Kind::Gate;
  /// The wires the op acts on, in operand order, and how it appears on each.
  std::vector<unsigned> wires;
  std::vector<WireMark> marks;
  /// The text of each Box mark ("" for the other marks).
  std::vector<std::string> labels;
  /// The classical condition under which the op runs ("" for always), e.g.
  /// "c[0]" or "!c[0]".
  std::string condition;
  /// The column the op is drawn in.
  unsigned column = 0;

  unsigned minWire() const;
  unsigned maxWire() const;
};

struct Circuit {
  std::string modelName;
  bool persistent = false;
  /// The wire names, "d0", "h3", … in wire order.
  std::vector<std::string> wires;
  /// The ops in program order.
  std::vector<CircuitElement> elements;
  unsigned numColumns = 0;
};

/// The circuit of the step of `model`; an empty circuit when it has none.
Circuit extractCircuit(qru::ModelOp model);

/// Draws `circuit` as text with box-drawing characters, one line per wire;
/// when `maxWidth` is nonzero, columns that would not fit go to further
/// panels below.
void printCircuitText(const Circuit &circuit, llvm::raw_ostream &os,
                      unsigned maxWidth = 0);

/// Draws `circuit` as a standalone SVG document.
void printCircuitSvg(const Circuit &circuit, llvm::raw_ostream &os);

/// The number of characters (code points) `text`, UTF-8, takes.
unsigned displayWidth(llvm::StringRef text);

} // namespace qruc

#endif // QRUC_ANALYSIS_CIRCUIT_H
