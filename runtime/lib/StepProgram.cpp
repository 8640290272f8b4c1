//===- StepProgram.cpp - one time step as a flat program ------------------===//
//
// This file implements the parameter count and the consistency check of a
// StepProgram. The check is what lets the executor index slots, wires and
// constants without bounds checks in its loops: every slot id in range,
// every size consistent with its operation, every slot defined exactly once
// and before it is read, and shared slots computed from shared slots only.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/StepProgram.h"

#include <algorithm>
#include <iterator>
#include <sstream>

using namespace qruc::runtime;

const char *qruc::runtime::opCodeName(OpCode op) {
  static const char *const names[] = {
      "const",   "neg",     "sin",   "cos",    "tan",    "asin",
      "acos",    "atan",    "tanh",  "exp",    "log",    "sqrt",
      "erf",     "sigmoid", "relu",  "gelu",   "add",    "sub",
      "mul",     "div",     "pow",   "max",    "extract", "slice",
      "insert",  "concat",  "matvec", "softmax", "gate",  "unitary",
      "permute", "expval",  "measure", "reset"};
  const auto index = static_cast<unsigned>(op);
  return index < std::size(names) ? names[index] : "unknown";
}

namespace {

bool isUnary(OpCode op) { return op >= OpCode::Neg && op <= OpCode::Gelu; }
bool isBinary(OpCode op) { return op >= OpCode::Add && op <= OpCode::Max; }

/// Accumulates the first problem found; later ones are ignored so that the
/// message describes the root cause.
class Checker {
public:
  explicit Checker(const StepProgram &p) : p(p), defined(p.slots.size()) {}

  std::string run();

private:
  template <class... Parts> bool fail(const Parts &...parts) {
    if (message.empty()) {
      std::ostringstream os;
      (os << ... << parts);
      message = os.str();
    }
    return false;
  }

  bool validSlot(SlotId s, const std::string &what) {
    if (s == kNoSlot)
      return fail(what, " has no slot");
    if (s >= p.slots.size())
      return fail(what, " is slot ", s, ", but there are only ",
                  p.slots.size(), " slots");
    return true;
  }
  bool define(SlotId s, const std::string &what) {
    if (!validSlot(s, what))
      return false;
    if (defined[s])
      return fail(what, " defines slot ", s, ", which is already defined");
    defined[s] = true;
    return true;
  }
  bool checkVariable(const VariableInfo &v, const char *kind, bool isState,
                     bool isOutput);
  bool checkInstr(std::size_t index, const Instr &in);
  bool checkWires(const std::string &what, const std::vector<unsigned> &wires,
                  std::size_t expected);
  bool checkPermutation(const std::string &what, const Instr &in);

  const StepProgram &p;
  std::vector<bool> defined;
  std::vector<bool> drawUsed;
  std::string message;
};

bool Checker::checkVariable(const VariableInfo &v, const char *kind,
                            bool isState, bool isOutput) {
  const std::string what = std::string(kind) + " '" + v.name + "'";
  if (!validSlot(v.slot, what))
    return false;
  const SlotInfo &slot = p.slots[v.slot];
  if (slot.size != v.size)
    return fail(what, " has size ", v.size, ", but its slot ", v.slot,
                " has size ", slot.size);
  if (!isOutput && !slot.batched)
    return fail(what, " must be in a batched slot, but slot ", v.slot,
                " is shared");
  if (!isState) {
    if (v.nextSlot != kNoSlot)
      return fail(what, " has a next slot, but only memory and bits do");
    return true;
  }
  if (!validSlot(v.nextSlot, what + " (next value)"))
    return false;
  if (p.slots[v.nextSlot].size != v.size)
    return fail(what, " has size ", v.size, ", but its next slot ",
                v.nextSlot, " has size ", p.slots[v.nextSlot].size);
  if (v.init.size() > 1 && v.init.size() != v.size)
    return fail(what, " has ", v.init.size(), " initial values, expected ",
                v.size, " (or one for all)");
  return true;
}

bool Checker::checkWires(const std::string &what,
                         const std::vector<unsigned> &wires,
                         std::size_t expected) {
  if (wires.size() != expected)
    return fail(what, " expects ", expected, " wires, but got ", wires.size());
  for (std::size_t i = 0; i < wires.size(); ++i) {
    if (wires[i] >= p.numQubits)
      return fail(what, " acts on wire ", wires[i], ", but there are only ",
                  p.numQubits, " qubits");
    for (std::size_t j = 0; j < i; ++j)
      if (wires[j] == wires[i])
        return fail(what, " repeats wire ", wires[i]);
  }
  return true;
}

bool Checker::checkPermutation(const std::string &what, const Instr &in) {
  const std::size_t dim = std::size_t(1) << in.wires.size();
  if (in.perm.size() != dim)
    return fail(what, " has a table of ", in.perm.size(), " entries, expected ",
                dim);
  std::vector<bool> seen(dim);
  for (std::uint32_t target : in.perm) {
    if (target >= dim)
      return fail(what, " maps a basis state to ", target, ", but there are ",
                  dim);
    if (seen[target])
      return fail(what, " maps two basis states to ", target);
    seen[target] = true;
  }
  return true;
}

bool Checker::checkInstr(std::size_t index, const Instr &in) {
  std::ostringstream os;
  os << "instruction " << index << " (" << opCodeName(in.op) << ")";
  const std::string what = os.str();
  const OpCode op = in.op;
  if (static_cast<unsigned>(op) > static_cast<unsigned>(OpCode::Reset))
    return fail(what, " has an unknown opcode");

  // Operands: in range and defined before this instruction.
  for (std::size_t k = 0; k < in.operands.size(); ++k) {
    const std::string operand = what + " operand " + std::to_string(k);
    if (!validSlot(in.operands[k], operand))
      return false;
    if (!defined[in.operands[k]])
      return fail(operand, " reads slot ", in.operands[k],
                  " before it is defined");
  }
  auto size = [&](std::size_t k) { return p.slots[in.operands[k]].size; };
  auto expectOperands = [&](std::size_t n) {
    return in.operands.size() == n ||
           fail(what, " expects ", n, " operands, but got ",
                in.operands.size());
  };

  const bool quantum = op >= OpCode::Gate;
  if (!quantum) {
    if (!in.wires.empty() || in.cond != kNoSlot || !in.pauli.empty())
      return fail(what, " is classical but has wires, a condition or a "
                        "Pauli word");
  }
  if (!isOperator(op) && in.cond != kNoSlot)
    return fail(what, " has a condition, but only gates, unitaries and "
                      "permutations do");
  if (op != OpCode::Expval && !in.pauli.empty())
    return fail(what, " has a Pauli word, but only expval does");
  if (op != OpCode::Permute && !in.perm.empty())
    return fail(what, " has a permutation table, but only permute does");
  if (in.cond != kNoSlot) {
    if (!validSlot(in.cond, what + " condition"))
      return false;
    if (!defined[in.cond])
      return fail(what, " condition reads slot ", in.cond,
                  " before it is defined");
    if (p.slots[in.cond].size != 1)
      return fail(what, " condition has size ", p.slots[in.cond].size);
  }

  const bool hasOut = !isOperator(op) && op != OpCode::Reset;
  if (!hasOut) {
    if (in.out != kNoSlot)
      return fail(what, " writes slot ", in.out, ", but it has no result");
  } else if (!validSlot(in.out, what + " result")) {
    return false;
  }
  const std::uint32_t outSize = hasOut ? p.slots[in.out].size : 0;
  const bool outBatched = hasOut && p.slots[in.out].batched;

  if (!quantum && !outBatched)
    for (SlotId s : in.operands)
      if (p.slots[s].batched)
        return fail(what, " writes shared slot ", in.out,
                    " from batched slot ", s);

  if (isUnary(op)) {
    if (!expectOperands(1))
      return false;
    if (size(0) != outSize)
      return fail(what, " maps size ", size(0), " to size ", outSize);
  } else if (isBinary(op)) {
    if (!expectOperands(2))
      return false;
    const std::uint32_t expected = std::max(size(0), size(1));
    if ((size(0) != 1 && size(0) != expected) ||
        (size(1) != 1 && size(1) != expected))
      return fail(what, " combines sizes ", size(0), " and ", size(1));
    if (outSize != expected)
      return fail(what, " has result size ", outSize, ", expected ",
                  expected);
  } else {
    switch (op) {
    case OpCode::Const:
      if (!expectOperands(0))
        return false;
      if (outBatched)
        return fail(what, " must write a shared slot");
      if (in.imm0 < 0 ||
          std::uint64_t(in.imm0) + outSize > p.constants.size())
        return fail(what, " reads constants [", in.imm0, ", ",
                    in.imm0 + std::int64_t(outSize), "), but there are ",
                    p.constants.size());
      break;
    case OpCode::Extract:
      if (!expectOperands(1))
        return false;
      if (in.imm0 < 0 || in.imm0 >= std::int64_t(size(0)))
        return fail(what, " extracts element ", in.imm0, " of size ",
                    size(0));
      if (outSize != 1)
        return fail(what, " has result size ", outSize, ", expected 1");
      break;
    case OpCode::Slice:
      if (!expectOperands(1))
        return false;
      if (in.imm0 < 0 || in.imm1 < 1 ||
          in.imm0 + in.imm1 > std::int64_t(size(0)))
        return fail(what, " slices [", in.imm0, ", ", in.imm0 + in.imm1,
                    ") of size ", size(0));
      if (outSize != in.imm1)
        return fail(what, " has result size ", outSize, ", expected ",
                    in.imm1);
      break;
    case OpCode::Insert:
      if (!expectOperands(2))
        return false;
      if (size(1) != 1)
        return fail(what, " inserts a value of size ", size(1));
      if (in.imm0 < 0 || in.imm0 >= std::int64_t(size(0)))
        return fail(what, " inserts at element ", in.imm0, " of size ",
                    size(0));
      if (outSize != size(0))
        return fail(what, " has result size ", outSize, ", expected ",
                    size(0));
      break;
    case OpCode::Concat: {
      if (in.operands.empty())
        return fail(what, " has no operands");
      std::uint64_t total = 0;
      for (std::size_t k = 0; k < in.operands.size(); ++k)
        total += size(k);
      if (outSize != total)
        return fail(what, " has result size ", outSize, ", expected ",
                    total);
      break;
    }
    case OpCode::MatVec:
      if (!expectOperands(2))
        return false;
      if (in.imm0 < 1 || in.imm1 < 1)
        return fail(what, " has shape ", in.imm0, "x", in.imm1);
      if (size(0) != in.imm0 * in.imm1 || size(1) != in.imm1)
        return fail(what, " multiplies sizes ", size(0), " and ", size(1),
                    " as a ", in.imm0, "x", in.imm1, " matrix and vector");
      if (outSize != in.imm0)
        return fail(what, " has result size ", outSize, ", expected ",
                    in.imm0);
      break;
    case OpCode::Softmax:
      if (!expectOperands(1))
        return false;
      if (outSize != size(0))
        return fail(what, " maps size ", size(0), " to size ", outSize);
      break;
    case OpCode::Gate: {
      const auto kind = static_cast<unsigned>(in.gate);
      if (kind >= kNumGateKinds)
        return fail(what, " has an unknown gate");
      const GateInfo &info = gateInfo(in.gate);
      if (!expectOperands(info.numAngles))
        return false;
      for (std::size_t k = 0; k < in.operands.size(); ++k)
        if (size(k) != 1)
          return fail(what, " angle ", k, " has size ", size(k));
      if (!checkWires(what + " " + info.name, in.wires, info.numQubits))
        return false;
      break;
    }
    case OpCode::Unitary:
      if (!expectOperands(8))
        return false;
      for (std::size_t k = 0; k < in.operands.size(); ++k)
        if (size(k) != 1)
          return fail(what, " entry ", k, " has size ", size(k));
      if (!checkWires(what, in.wires, 1))
        return false;
      break;
    case OpCode::Permute:
      if (!expectOperands(0))
        return false;
      if (in.wires.empty() || in.wires.size() > kMaxPermuteWires)
        return fail(what, " acts on ", in.wires.size(),
                    " wires, expected 1 to ", kMaxPermuteWires);
      if (!checkWires(what, in.wires, in.wires.size()) ||
          !checkPermutation(what, in))
        return false;
      break;
    case OpCode::Expval:
      if (!expectOperands(0))
        return false;
      if (in.pauli.empty())
        return fail(what, " has an empty Pauli word");
      for (char c : in.pauli)
        if (c != 'X' && c != 'Y' && c != 'Z')
          return fail(what, " has Pauli '", c, "', expected X, Y or Z");
      if (!checkWires(what, in.wires, in.pauli.size()))
        return false;
      if (!outBatched || outSize != 1)
        return fail(what, " must write a batched slot of size 1");
      break;
    case OpCode::Measure:
    case OpCode::Reset:
      if (!expectOperands(0))
        return false;
      if (!checkWires(what, in.wires, 1))
        return false;
      if (op == OpCode::Measure && (!outBatched || outSize != 1))
        return fail(what, " must write a batched slot of size 1");
      if (in.imm0 < 0 || in.imm0 >= (std::int64_t(1) << 32))
        return fail(what, " has draw number ", in.imm0);
      if (drawUsed.size() <= std::size_t(in.imm0))
        drawUsed.resize(in.imm0 + 1);
      if (drawUsed[in.imm0])
        return fail(what, " reuses draw number ", in.imm0);
      drawUsed[in.imm0] = true;
      break;
    default:
      break;
    }
  }
  return !hasOut || define(in.out, what);
}

std::string Checker::run() {
  if (p.numQubits > kMaxQubits)
    return fail("the program has ", p.numQubits, " qubits, at most ",
                kMaxQubits, " are supported"),
           message;
  for (std::size_t s = 0; s < p.slots.size(); ++s)
    if (p.slots[s].size == 0)
      return fail("slot ", s, " has size 0"), message;

  for (const ParamInfo &param : p.params) {
    const std::string what = "parameter '" + param.name + "'";
    if (!define(param.slot, what))
      return message;
    std::uint64_t count = 1;
    for (std::int64_t d : param.shape) {
      if (d < 1)
        return fail(what, " has a dimension of size ", d), message;
      count *= std::uint64_t(d);
    }
    if (param.shape.size() > 2)
      return fail(what, " has ", param.shape.size(),
                  " dimensions, at most 2 are supported"),
             message;
    if (p.slots[param.slot].batched)
      return fail(what, " must be in a shared slot"), message;
    if (count != p.slots[param.slot].size)
      return fail(what, " has ", count, " elements, but its slot ",
                  param.slot, " has size ", p.slots[param.slot].size),
             message;
    const std::size_t args = param.init == InitKind::Constant ? 1 : 2;
    if (param.initArgs.size() != args)
      return fail(what, " has ", param.initArgs.size(),
                  " initializer arguments, expected ", args),
             message;
  }
  for (const VariableInfo &v : p.inputs)
    if (!checkVariable(v, "input", false, false) || !define(v.slot, "input"))
      return message;
  for (const VariableInfo &v : p.memories)
    if (!checkVariable(v, "memory", true, false) ||
        !define(v.slot, "memory '" + v.name + "'"))
      return message;
  for (const VariableInfo &v : p.bits) {
    if (!checkVariable(v, "bits", true, false) ||
        !define(v.slot, "bits '" + v.name + "'"))
      return message;
    for (double x : v.init)
      if (x != 0.0 && x != 1.0)
        return fail("bits '", v.name, "' starts with value ", x,
                    ", expected 0 or 1"),
               message;
  }

  for (std::size_t i = 0; i < p.code.size(); ++i)
    if (!checkInstr(i, p.code[i]))
      return message;

  auto checkDefined = [&](SlotId s, const std::string &what) {
    return defined[s] || fail(what, " reads slot ", s, ", which is never "
                                    "defined");
  };
  for (const VariableInfo &v : p.memories)
    if (!checkDefined(v.nextSlot, "memory '" + v.name + "'"))
      return message;
  for (const VariableInfo &v : p.bits)
    if (!checkDefined(v.nextSlot, "bits '" + v.name + "'"))
      return message;
  for (const VariableInfo &v : p.outputs)
    if (!checkVariable(v, "output", false, true) ||
        !checkDefined(v.slot, "output '" + v.name + "'"))
      return message;
  for (const VariableInfo &v : p.targets)
    if (v.size == 0)
      return fail("target '", v.name, "' has size 0"), message;
  return message;
}

} // namespace

std::size_t StepProgram::numParameters() const {
  std::size_t total = 0;
  for (const ParamInfo &param : params) {
    std::size_t count = 1;
    for (std::int64_t d : param.shape)
      count *= static_cast<std::size_t>(d);
    total += count;
  }
  return total;
}

std::string StepProgram::validate() const { return Checker(*this).run(); }
