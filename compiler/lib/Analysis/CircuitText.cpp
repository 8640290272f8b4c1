//===- CircuitText.cpp - a circuit drawn with box-drawing characters -------===//
//
// This file draws a circuit as text: one line per wire, a spacer line between
// wires for the vertical connectors of multi-qubit ops, and the columns of
// the layout side by side, each as wide as its widest label. Marks and boxes
// are centred on a column's midpoint so connectors line up.
//
//===----------------------------------------------------------------------===//

#include "qruc/Analysis/Circuit.h"

#include "llvm/ADT/StringExtras.h"

using namespace qruc;

namespace {

std::string repeat(llvm::StringRef piece, unsigned count) {
  std::string text;
  for (unsigned i = 0; i < count; ++i)
    text += piece;
  return text;
}

std::string cellText(WireMark mark, const std::string &label) {
  switch (mark) {
  case WireMark::Box:
    return "┤" + label + "├";
  case WireMark::Control:
    return "●";
  case WireMark::Target:
    return "⊕";
  case WireMark::Swap:
    return "×";
  }
  return "";
}

/// Removes trailing spaces.
std::string trimmed(std::string line) {
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  return line;
}

} // namespace

void qruc::printCircuitText(const Circuit &circuit, llvm::raw_ostream &os,
                            unsigned maxWidth) {
  os << "step of " << circuit.modelName << " ("
     << (circuit.persistent ? "persistent" : "fresh") << " qubits)\n";
  unsigned numWires = circuit.wires.size();
  if (numWires == 0)
    return;

  // The element drawn in each column on each wire, and each column's width.
  std::vector<std::vector<const CircuitElement *>> at(
      circuit.numColumns, std::vector<const CircuitElement *>(numWires));
  std::vector<unsigned> width(circuit.numColumns, 1);
  for (const CircuitElement &element : circuit.elements) {
    for (unsigned w = element.minWire(); w <= element.maxWire(); ++w)
      at[element.column][w] = &element;
    for (auto [mark, label] : llvm::zip(element.marks, element.labels))
      width[element.column] =
          std::max(width[element.column], displayWidth(cellText(mark, label)));
  }

  unsigned nameWidth = 0;
  for (const std::string &name : circuit.wires)
    nameWidth = std::max(nameWidth, displayWidth(name));
  auto prefix = [&](llvm::StringRef name) {
    return name.str() + std::string(nameWidth - displayWidth(name), ' ') +
           ": ";
  };

  // Split the columns into panels no wider than maxWidth.
  std::vector<std::pair<unsigned, unsigned>> panels;
  unsigned begin = 0, used = nameWidth + 2;
  for (unsigned c = 0; c < circuit.numColumns; ++c) {
    if (maxWidth && c > begin && used + width[c] + 2 > maxWidth) {
      panels.emplace_back(begin, c);
      begin = c;
      used = nameWidth + 2;
    }
    used += width[c] + 2;
  }
  panels.emplace_back(begin, circuit.numColumns);

  for (auto [panel, range] : llvm::enumerate(panels)) {
    if (panel > 0)
      os << "\n";
    for (unsigned w = 0; w < numWires; ++w) {
      std::string line = prefix(circuit.wires[w]);
      std::string spacer(nameWidth + 2, ' ');
      for (unsigned c = range.first; c < range.second; ++c) {
        const CircuitElement *element = at[c][w];
        unsigned center = (width[c] - 1) / 2;
        std::string cell;
        if (!element) {
          cell = repeat("─", width[c]);
        } else {
          auto it = llvm::find(element->wires, w);
          if (it == element->wires.end()) {
            cell = repeat("─", center) + "┼" +
                   repeat("─", width[c] - 1 - center);
          } else {
            size_t index = it - element->wires.begin();
            std::string text =
                cellText(element->marks[index], element->labels[index]);
            unsigned textWidth = displayWidth(text);
            unsigned left = (width[c] - textWidth) / 2;
            cell = repeat("─", left) + text +
                   repeat("─", width[c] - textWidth - left);
          }
        }
        line += "─" + cell + "─";
        bool connected = element && w < element->maxWire();
        spacer += std::string(1 + center, ' ') + (connected ? "│" : " ") +
                  std::string(width[c] - center, ' ');
      }
      os << line << "\n";
      if (w + 1 < numWires)
        os << trimmed(spacer) << "\n";
    }
  }
}
