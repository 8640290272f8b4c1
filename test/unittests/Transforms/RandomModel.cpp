//===- RandomModel.cpp - Random qru models for pass tests -----------------===//
//
// This file implements the random model generator. It writes the step as
// MLIR text, keeping the current SSA value of each wire, and draws each next
// piece from a mix of single random gates and the patterns the passes
// rewrite, so that every pass finds work in every model.
//
//===----------------------------------------------------------------------===//

#include "RandomModel.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <vector>

using namespace qruc::test;

namespace {

struct GateKind {
  const char *name;
  unsigned qubits;
  unsigned angles;
};

const GateKind kGates[] = {
    {"x", 1, 0},    {"y", 1, 0},    {"z", 1, 0},    {"h", 1, 0},
    {"s", 1, 0},    {"sdg", 1, 0},  {"t", 1, 0},    {"tdg", 1, 0},
    {"sx", 1, 0},   {"rx", 1, 1},   {"ry", 1, 1},   {"rz", 1, 1},
    {"p", 1, 1},    {"u2", 1, 2},   {"u3", 1, 3},   {"rot", 1, 3},
    {"cx", 2, 0},   {"cy", 2, 0},   {"cz", 2, 0},   {"ch", 2, 0},
    {"swap", 2, 0}, {"crx", 2, 1},  {"cry", 2, 1},  {"crz", 2, 1},
    {"cp", 2, 1},   {"rxx", 2, 1},  {"ryy", 2, 1},  {"rzz", 2, 1},
    {"ccx", 3, 0},  {"cswap", 3, 0},
};

const char *const kRotations[] = {"rx",  "ry",  "rz",  "p",   "crx", "cry",
                                  "crz", "cp",  "rxx", "ryy", "rzz"};

/// The gate that undoes each self-inverse or adjoint gate.
std::string inverseOf(const std::string &name) {
  if (name == "s")
    return "sdg";
  if (name == "sdg")
    return "s";
  if (name == "t")
    return "tdg";
  if (name == "tdg")
    return "t";
  return name;
}

class Generator {
public:
  Generator(uint64_t seed, const RandomModelOptions &options)
      : rng(seed), options(options), wires(options.numQubits) {}

  std::string run();

private:
  std::string fresh() { return "%v" + std::to_string(next++); }
  unsigned pick(unsigned n) {
    return std::uniform_int_distribution<unsigned>(0, n - 1)(rng);
  }
  double uniform() { return std::uniform_real_distribution<double>()(rng); }
  std::vector<unsigned> distinctWires(unsigned count);
  const GateKind &kind(const std::string &name);
  /// Whether a gate on `qubits` qubits may appear in the model.
  bool fits(unsigned qubits) const {
    return qubits <= std::min(options.numQubits, options.maxGateQubits);
  }
  /// The current value of wire `w`, allocating it first in a fresh step.
  std::string wire(unsigned w);
  /// The current values of wires `on`, allocated before the op that reads
  /// them is written.
  std::vector<std::string> wireValues(const std::vector<unsigned> &on);
  std::string modelHeader() const;

  std::string constant(double value);
  std::string angle();
  std::string negated(const std::string &angle);

  /// Emits `name(angles) wires` and advances the wires.
  void gate(const std::string &name, const std::vector<unsigned> &on,
            const std::vector<std::string> &angles = {});
  void randomGate(const std::vector<unsigned> &only = {});
  void inversePair();
  void rotationPair();
  void singleQubitRun();
  void permutationNetwork();
  void conditional();
  void readout(bool used);
  void measureOrReset();

  std::mt19937_64 rng;
  RandomModelOptions options;
  std::vector<std::string> wires;
  std::vector<std::string> angles;
  std::vector<std::string> outputs;
  std::string bits[2];
  std::ostringstream body;
  unsigned next = 0, numGates = 0;
};

const GateKind &Generator::kind(const std::string &name) {
  return *std::find_if(std::begin(kGates), std::end(kGates),
                       [&](const GateKind &k) { return name == k.name; });
}

std::vector<unsigned> Generator::distinctWires(unsigned count) {
  std::vector<unsigned> all(options.numQubits);
  for (unsigned i = 0; i < all.size(); ++i)
    all[i] = i;
  std::shuffle(all.begin(), all.end(), rng);
  all.resize(count);
  return all;
}

std::string Generator::wire(unsigned w) {
  if (wires[w].empty()) {
    wires[w] = fresh();
    body << "    " << wires[w] << " = qru.alloc ";
    if (options.twoRegisters)
      body << (w < 2 ? "@a[" + std::to_string(w)
                     : "@b[" + std::to_string(w - 2));
    else
      body << "@q[" << w;
    body << "]\n";
  }
  return wires[w];
}

std::vector<std::string>
Generator::wireValues(const std::vector<unsigned> &on) {
  std::vector<std::string> values;
  for (unsigned w : on)
    values.push_back(wire(w));
  return values;
}

std::string Generator::constant(double value) {
  std::string name = fresh();
  std::ostringstream text;
  text.precision(17);
  text << std::scientific << value;
  body << "    " << name << " = arith.constant " << text.str() << " : f64\n";
  return name;
}

std::string Generator::negated(const std::string &angle) {
  std::string name = fresh();
  body << "    " << name << " = arith.negf " << angle << " : f64\n";
  return name;
}

std::string Generator::angle() {
  double pi = M_PI;
  unsigned choice = pick(10);
  if (choice < 4)
    return angles[pick(angles.size())];
  if (choice < 6) {
    const double special[] = {0.0, pi / 2, pi, 2 * pi, -2 * pi, 4 * pi, -pi};
    return constant(choice == 4 ? special[pick(7)] : 8 * uniform() - 4);
  }
  if (choice < 8)
    return negated(angles[pick(angles.size())]);
  std::string name = fresh();
  body << "    " << name << " = arith.addf " << angles[pick(angles.size())]
       << ", " << angles[pick(angles.size())] << " : f64\n";
  return name;
}

void Generator::gate(const std::string &name, const std::vector<unsigned> &on,
                     const std::vector<std::string> &gateAngles) {
  std::vector<std::string> in = wireValues(on);
  std::string result = fresh();
  body << "    " << result;
  if (on.size() > 1)
    body << ":" << on.size();
  body << " = qru." << name;
  if (!gateAngles.empty()) {
    body << "(";
    for (size_t i = 0; i < gateAngles.size(); ++i)
      body << (i ? ", " : "") << gateAngles[i];
    body << ")";
  }
  for (size_t i = 0; i < in.size(); ++i)
    body << (i ? ", " : " ") << in[i];
  body << "\n";
  for (size_t i = 0; i < on.size(); ++i)
    wires[on[i]] = on.size() > 1 ? result + "#" + std::to_string(i) : result;
  ++numGates;
}

void Generator::randomGate(const std::vector<unsigned> &only) {
  const GateKind *k;
  do {
    k = &kGates[pick(std::size(kGates))];
  } while (!fits(k->qubits) || (!only.empty() && k->qubits > only.size()));
  std::vector<unsigned> on = distinctWires(k->qubits);
  if (!only.empty()) {
    on = only;
    std::shuffle(on.begin(), on.end(), rng);
    on.resize(k->qubits);
  }
  std::vector<std::string> gateAngles;
  for (unsigned i = 0; i < k->angles; ++i)
    gateAngles.push_back(angle());
  gate(k->name, on, gateAngles);
}

void Generator::inversePair() {
  // A self-inverse, adjoint or rotation gate, something that may or may not
  // commute with it, then its inverse, sometimes with symmetric operands
  // exchanged.
  const char *names[] = {"x",   "y",    "z",   "h",  "s",   "sdg", "t",
                         "tdg", "cx",   "cy",  "cz", "ch",  "swap", "ccx",
                         "cswap", "rx", "ry",  "rz", "p",   "crz", "cp",
                         "rzz", "rxx", "crx"};
  std::string name;
  do {
    name = names[pick(std::size(names))];
  } while (!fits(kind(name).qubits));
  const GateKind &k = kind(name);
  std::vector<unsigned> on = distinctWires(k.qubits);
  std::vector<std::string> first, second;
  if (k.angles) {
    std::string a = angle();
    first = {a};
    second = {pick(2) ? negated(a) : a};
    if (pick(4) == 0) {
      // Opposite constants.
      double value = 8 * uniform() - 4;
      first = {constant(value)};
      second = {constant(-value)};
    }
  }
  gate(name, on, first);
  unsigned between = pick(3);
  for (unsigned i = 0; i < between; ++i) {
    // A diagonal or X-type gate on one of the pair's wires, or any gate.
    const char *local[] = {"rz", "z", "t", "x", "rx", "h", "s"};
    std::string l = local[pick(std::size(local))];
    if (pick(3) == 0)
      randomGate();
    else
      gate(l, {on[pick(on.size())]},
           kind(l).angles ? std::vector<std::string>{angle()}
                          : std::vector<std::string>{});
  }
  std::vector<unsigned> back = on;
  if ((name == "cz" || name == "swap" || name == "cp" || name == "rzz" ||
       name == "rxx") &&
      pick(2))
    std::swap(back[0], back[1]);
  if (name == "ccx" && pick(2))
    std::swap(back[0], back[1]);
  if (name == "cswap" && pick(2))
    std::swap(back[1], back[2]);
  if (name == "cx" && pick(4) == 0)
    std::swap(back[0], back[1]); // not an inverse pair
  gate(inverseOf(name), back, second);
}

void Generator::rotationPair() {
  std::string name;
  do {
    name = kRotations[pick(std::size(kRotations))];
  } while (!fits(kind(name).qubits));
  std::vector<unsigned> on = distinctWires(kind(name).qubits);
  if (pick(3) == 0) {
    // Constants that add up to a multiple of 2π (or 4π).
    double a = 8 * uniform() - 4;
    double period = pick(2) ? 2 * M_PI : 4 * M_PI;
    gate(name, on, {constant(a)});
    gate(name, on, {constant(period * (1 + pick(2)) - a)});
    return;
  }
  gate(name, on, {angle()});
  if (pick(2) && on.size() == 1)
    gate(pick(2) ? "cx" : "cz",
         {on[0],
          (on[0] + 1 + pick(options.numQubits - 1)) % options.numQubits});
  gate(name, on, {angle()});
}

void Generator::singleQubitRun() {
  unsigned wire = pick(options.numQubits);
  unsigned length = 2 + pick(4);
  for (unsigned i = 0; i < length; ++i)
    randomGate({wire});
}

void Generator::permutationNetwork() {
  unsigned span = std::min<unsigned>(options.numQubits, 2 + pick(4));
  std::vector<unsigned> on = distinctWires(span);
  for (unsigned i = 0; i + 1 < span; ++i)
    gate("cx", {on[i], on[i + 1]});
  if (span > 2)
    gate("cx", {on[span - 1], on[0]});
  if (pick(2))
    gate("swap", {on[0], on[1]});
  if (pick(2))
    gate("x", {on[pick(span)]});
  if (span >= 3 && fits(3) && pick(2))
    gate(pick(2) ? "ccx" : "cswap", {on[0], on[1], on[2]});
}

void Generator::conditional() {
  std::vector<unsigned> on = distinctWires(2);
  // Fresh wires are allocated before the branch, which yields them back.
  std::string in0 = wire(on[0]), in1 = wire(on[1]);
  std::string result = fresh();
  std::string condition = pick(2) ? "%b0" : "%b1";
  body << "    " << result << ":2 = scf.if " << condition
       << " -> (!qru.qubit, !qru.qubit) {\n";
  unsigned count = 1 + pick(3);
  for (unsigned i = 0; i < count; ++i)
    randomGate(on);
  body << "      scf.yield " << wires[on[0]] << ", " << wires[on[1]]
       << " : !qru.qubit, !qru.qubit\n"
       << "    } else {\n"
       << "      scf.yield " << in0 << ", " << in1
       << " : !qru.qubit, !qru.qubit\n"
       << "    }\n";
  wires[on[0]] = result + "#0";
  wires[on[1]] = result + "#1";
}

void Generator::readout(bool used) {
  unsigned count = 1 + pick(std::min(2u, options.numQubits));
  std::vector<unsigned> on = distinctWires(count);
  std::string word;
  for (unsigned i = 0; i < count; ++i)
    word += "XYZ"[pick(3)];
  std::vector<std::string> in = wireValues(on);
  std::string value = fresh(), qubits = fresh();
  body << "    " << value << ", " << qubits;
  if (count > 1)
    body << ":" << count;
  body << " = qru.expval \"" << word << "\"";
  for (unsigned i = 0; i < count; ++i)
    body << (i ? ", " : " ") << in[i];
  body << "\n";
  for (unsigned i = 0; i < count; ++i)
    wires[on[i]] = count > 1 ? qubits + "#" + std::to_string(i) : qubits;
  if (used)
    outputs.push_back(value);
}

void Generator::measureOrReset() {
  unsigned w = pick(options.numQubits);
  std::string in = wire(w);
  if (pick(2)) {
    std::string bit = fresh(), qubit = fresh();
    body << "    " << bit << ", " << qubit << " = qru.measure " << in << "\n";
    wires[w] = qubit;
    bits[pick(2)] = bit;
  } else {
    std::string qubit = fresh();
    body << "    " << qubit << " = qru.reset " << in << "\n";
    wires[w] = qubit;
  }
}

/// The model's declarations, up to its step.
std::string Generator::modelHeader() const {
  std::ostringstream header;
  header << "qru.model @random {\n";
  if (options.twoRegisters)
    header << "  qru.qubits @a[2]\n"
           << "  qru.qubits @b[" << options.numQubits - 2 << "]\n";
  else
    header << "  qru.qubits @q[" << options.numQubits << "]\n";
  header << "  qru.bits @c[2]\n"
         << "  qru.input @x : tensor<4xf64>\n"
         << "  qru.param @p : tensor<8xf64> uniform [0.0, 6.2831853071795862]\n"
         << "  qru.output @o : tensor<" << outputs.size() << "xf64> at "
         << (options.outputAtEveryStep ? "every" : "last") << "\n";
  return header.str();
}

std::string Generator::run() {
  if (options.persistent)
    for (unsigned w = 0; w < options.numQubits; ++w)
      wires[w] = "%w" + std::to_string(w);
  for (int i = 0; i < 8; ++i)
    body << "    %i" << i << " = arith.constant " << i << " : index\n";
  for (int i = 0; i < 4; ++i) {
    body << "    %x" << i << " = tensor.extract %x[%i" << i
         << "] : tensor<4xf64>\n";
    angles.push_back("%x" + std::to_string(i));
  }
  for (int i = 0; i < 8; ++i) {
    body << "    %p" << i << " = tensor.extract %p[%i" << i
         << "] : tensor<8xf64>\n";
    angles.push_back("%p" + std::to_string(i));
  }
  body << "    %b0 = tensor.extract %c[%i0] : tensor<2xi1>\n"
       << "    %b1 = tensor.extract %c[%i1] : tensor<2xi1>\n";

  while (numGates < options.minGates) {
    unsigned choice = pick(100);
    if (choice < 40)
      randomGate();
    else if (choice < 55)
      inversePair();
    else if (choice < 67)
      rotationPair();
    else if (choice < 77)
      singleQubitRun();
    else if (choice < 87)
      permutationNetwork();
    else if (choice < 92 && options.numQubits >= 2)
      conditional();
    else if (choice < 97)
      readout(pick(3) != 0);
    else if (options.measurements)
      measureOrReset();
  }
  readout(true);

  std::string bitsValue = "%c";
  for (int j = 0; j < 2; ++j)
    if (!bits[j].empty()) {
      std::string updated = fresh();
      body << "    " << updated << " = tensor.insert " << bits[j] << " into "
           << bitsValue << "[%i" << j << "] : tensor<2xi1>\n";
      bitsValue = updated;
    }
  std::string outputVector = fresh();
  body << "    " << outputVector << " = tensor.from_elements ";
  for (size_t i = 0; i < outputs.size(); ++i)
    body << (i ? ", " : "") << outputs[i];
  body << " : tensor<" << outputs.size() << "xf64>\n";

  std::string operands = bitsValue + ", " + outputVector;
  std::string types =
      "tensor<2xi1>, tensor<" + std::to_string(outputs.size()) + "xf64>";
  std::string wireArguments;
  if (options.persistent)
    for (unsigned w = 0; w < options.numQubits; ++w) {
      wireArguments += ", %w" + std::to_string(w) + ": !qru.qubit";
      operands += ", " + wires[w];
      types += ", !qru.qubit";
    }
  std::ostringstream model;
  model << modelHeader() << "  qru.step "
        << (options.persistent ? "persistent" : "")
        << "(%x: tensor<4xf64>, %c: tensor<2xi1>, %p: tensor<8xf64>"
        << wireArguments << ") {\n"
        << body.str() << "    qru.yield " << operands << " : " << types
        << "\n  }\n}\n";
  return model.str();
}

} // namespace

std::string qruc::test::randomModel(uint64_t seed,
                                    const RandomModelOptions &options) {
  return Generator(seed, options).run();
}
