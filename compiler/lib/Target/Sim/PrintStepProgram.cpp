//===- PrintStepProgram.cpp - listing a StepProgram ------------------------===//
//
// This file prints a StepProgram for `qruc --emit=program`: the interface
// (parameters, inputs, memory, outputs), then one line per instruction with
// slots as %N (named after a declaration where they hold one), shared slots
// marked, wires as q0, q1, ..., and the start of a permutation's table.
//
//===----------------------------------------------------------------------===//

#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "llvm/ADT/STLExtras.h"

using namespace qruc;
using namespace qruc::runtime;

void qruc::printStepProgram(const StepProgram &program,
                            llvm::raw_ostream &os) {
  auto slot = [&](SlotId id) -> std::string {
    if (id == kNoSlot)
      return "-";
    const SlotInfo &info = program.slots[id];
    return "%" + std::to_string(id) + (info.name.empty() ? "" : ":" + info.name);
  };
  auto wireList = [&](const std::vector<unsigned> &wires) {
    std::string text;
    for (auto [i, w] : llvm::enumerate(wires))
      text += (i ? ", q" : "q") + std::to_string(w);
    return text;
  };

  os << "program @" << program.modelName << " qubits " << program.numQubits
     << (program.persistent ? " persistent" : " fresh") << "\n";
  for (const ParamInfo &p : program.params)
    os << "  param " << slot(p.slot) << " size "
       << program.slots[p.slot].size << "\n";
  for (const VariableInfo &v : program.inputs)
    os << "  input " << slot(v.slot) << " size " << v.size << "\n";
  for (const VariableInfo &v : program.memories)
    os << "  memory " << slot(v.slot) << " size " << v.size << " next "
       << slot(v.nextSlot) << "\n";
  for (const VariableInfo &v : program.bits)
    os << "  bits " << slot(v.slot) << " size " << v.size << " next "
       << slot(v.nextSlot) << "\n";
  for (const VariableInfo &v : program.outputs)
    os << "  output " << v.name << " = " << slot(v.slot)
       << (v.everyStep ? " every" : " last") << "\n";

  for (const Instr &instr : program.code) {
    os << "  ";
    if (instr.out != kNoSlot)
      os << slot(instr.out) << (program.slots[instr.out].batched ? "" : "s")
         << " = ";
    os << opCodeName(instr.op);
    if (instr.op == OpCode::Gate)
      os << " " << gateInfo(instr.gate).name;
    if (instr.op == OpCode::Expval)
      os << " " << instr.pauli;
    if (!instr.operands.empty()) {
      os << "(";
      llvm::interleaveComma(instr.operands, os,
                            [&](SlotId id) { os << slot(id); });
      os << ")";
    }
    if (!instr.wires.empty())
      os << " " << wireList(instr.wires);
    if (instr.cond != kNoSlot)
      os << " if " << slot(instr.cond);
    switch (instr.op) {
    case OpCode::Const: {
      os << " [";
      uint32_t size = program.slots[instr.out].size;
      for (uint32_t i = 0; i < size && i < 4; ++i)
        os << (i ? ", " : "") << program.constants[instr.imm0 + i];
      os << (size > 4 ? ", ...]" : "]");
      break;
    }
    case OpCode::Extract:
    case OpCode::Insert:
      os << " [" << instr.imm0 << "]";
      break;
    case OpCode::Slice:
      os << " [" << instr.imm0 << ".." << instr.imm0 + instr.imm1 << "]";
      break;
    case OpCode::MatVec:
      os << " " << instr.imm0 << "x" << instr.imm1;
      break;
    case OpCode::Permute: {
      // Where |0⟩, |1⟩, … go; long tables are cut like constants.
      os << " [";
      for (size_t i = 0; i < instr.perm.size() && i < 8; ++i)
        os << (i ? ", " : "") << instr.perm[i];
      os << (instr.perm.size() > 8 ? ", ...]" : "]");
      break;
    }
    default:
      break;
    }
    os << "\n";
  }
}
