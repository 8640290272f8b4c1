//===- CircuitSvg.cpp - a circuit drawn as SVG -----------------------------===//
//
// This file draws a circuit as a standalone SVG document with the same layout
// as the text drawing: horizontal wires, one column per layout column sized to
// its widest label, connectors first so that boxes and marks cover them,
// readouts and measurements in their own colours, and conditioned gates with
// dashed boxes.
//
//===----------------------------------------------------------------------===//

#include "qruc/Analysis/Circuit.h"

#include "llvm/Support/Format.h"

using namespace qruc;

namespace {

constexpr double kCharWidth = 7.2;  // monospace, 12px
constexpr double kRowHeight = 48;
constexpr double kBoxHeight = 28;
constexpr double kMargin = 16;
constexpr double kColumnGap = 12;

std::string escaped(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

double boxWidth(llvm::StringRef label) {
  return std::max(28.0, displayWidth(label) * kCharWidth + 12);
}

const char *boxFill(CircuitElement::Kind kind) {
  switch (kind) {
  case CircuitElement::Kind::Readout:
    return "#dbeafe";
  case CircuitElement::Kind::Measure:
  case CircuitElement::Kind::Reset:
    return "#e5e7eb";
  case CircuitElement::Kind::Gate:
    return "#ffffff";
  }
  return "#ffffff";
}

} // namespace

void qruc::printCircuitSvg(const Circuit &circuit, llvm::raw_ostream &os) {
  unsigned numWires = circuit.wires.size();
  std::vector<double> width(circuit.numColumns, 28);
  for (const CircuitElement &element : circuit.elements)
    for (auto [mark, label] : llvm::zip(element.marks, element.labels))
      if (mark == WireMark::Box)
        width[element.column] =
            std::max(width[element.column], boxWidth(label));

  unsigned nameChars = 0;
  for (const std::string &name : circuit.wires)
    nameChars = std::max(nameChars, displayWidth(name));
  double left = kMargin + nameChars * kCharWidth + 12;
  std::vector<double> x(circuit.numColumns);  // column centres
  double cursor = left + kColumnGap;
  for (unsigned c = 0; c < circuit.numColumns; ++c) {
    x[c] = cursor + width[c] / 2;
    cursor += width[c] + kColumnGap;
  }
  double right = cursor + kColumnGap;
  double top = kMargin + 24;
  auto y = [&](unsigned wire) { return top + kRowHeight * (wire + 0.5); };
  double height = top + kRowHeight * numWires + kMargin;
  auto num = [](double v) { return llvm::format("%.1f", v); };

  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(right)
     << "\" height=\"" << num(height) << "\" viewBox=\"0 0 " << num(right)
     << " " << num(height) << "\" font-family=\"DejaVu Sans Mono, monospace\""
     << " font-size=\"12\">\n"
     << "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
     << "<text x=\"" << num(kMargin) << "\" y=\"" << num(kMargin + 8)
     << "\" font-size=\"14\">step of " << escaped(circuit.modelName) << " ("
     << (circuit.persistent ? "persistent" : "fresh") << " qubits)</text>\n";

  for (unsigned w = 0; w < numWires; ++w)
    os << "<text x=\"" << num(left - 6) << "\" y=\"" << num(y(w) + 4)
       << "\" text-anchor=\"end\">" << escaped(circuit.wires[w]) << "</text>\n"
       << "<line x1=\"" << num(left) << "\" y1=\"" << num(y(w)) << "\" x2=\""
       << num(right - kColumnGap) << "\" y2=\"" << num(y(w))
       << "\" stroke=\"#000000\"/>\n";

  for (const CircuitElement &element : circuit.elements) {
    double cx = x[element.column];
    if (element.minWire() != element.maxWire())
      os << "<line x1=\"" << num(cx) << "\" y1=\"" << num(y(element.minWire()))
         << "\" x2=\"" << num(cx) << "\" y2=\"" << num(y(element.maxWire()))
         << "\" stroke=\"#000000\"/>\n";
    for (auto [wire, mark, label] :
         llvm::zip(element.wires, element.marks, element.labels)) {
      double cy = y(wire);
      switch (mark) {
      case WireMark::Box: {
        double bw = boxWidth(label);
        os << "<rect x=\"" << num(cx - bw / 2) << "\" y=\""
           << num(cy - kBoxHeight / 2) << "\" width=\"" << num(bw)
           << "\" height=\"" << num(kBoxHeight) << "\" rx=\"3\" fill=\""
           << boxFill(element.kind) << "\" stroke=\"#000000\""
           << (element.condition.empty() ? "" : " stroke-dasharray=\"4 2\"")
           << "/>\n"
           << "<text x=\"" << num(cx) << "\" y=\"" << num(cy + 4)
           << "\" text-anchor=\"middle\">" << escaped(label) << "</text>\n";
        break;
      }
      case WireMark::Control:
        os << "<circle cx=\"" << num(cx) << "\" cy=\"" << num(cy)
           << "\" r=\"4\" fill=\"#000000\"/>\n";
        break;
      case WireMark::Target:
        os << "<circle cx=\"" << num(cx) << "\" cy=\"" << num(cy)
           << "\" r=\"9\" fill=\"#ffffff\" stroke=\"#000000\"/>\n"
           << "<path d=\"M " << num(cx - 9) << " " << num(cy) << " H "
           << num(cx + 9) << " M " << num(cx) << " " << num(cy - 9) << " V "
           << num(cy + 9) << "\" stroke=\"#000000\"/>\n";
        break;
      case WireMark::Swap:
        os << "<path d=\"M " << num(cx - 6) << " " << num(cy - 6) << " L "
           << num(cx + 6) << " " << num(cy + 6) << " M " << num(cx - 6) << " "
           << num(cy + 6) << " L " << num(cx + 6) << " " << num(cy - 6)
           << "\" stroke=\"#000000\" stroke-width=\"2\"/>\n";
        break;
      }
    }
  }
  os << "</svg>\n";
}
