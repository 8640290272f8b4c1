//===- Gates.cpp - the built-in gates of the .qru language -----------------===//
//
// This file holds the table of built-in gates: the OpenQASM stdgates.inc set
// plus u2, rot (PennyLane's RZ·RY·RZ) and the two-qubit Pauli rotations.
//
//===----------------------------------------------------------------------===//

#include "qruc/Frontend/Gates.h"

using namespace qruc;

static const GateInfo kGates[] = {
    {"x", GateKind::X, 1, 0},       {"y", GateKind::Y, 1, 0},
    {"z", GateKind::Z, 1, 0},       {"h", GateKind::H, 1, 0},
    {"s", GateKind::S, 1, 0},       {"sdg", GateKind::Sdg, 1, 0},
    {"t", GateKind::T, 1, 0},       {"tdg", GateKind::Tdg, 1, 0},
    {"sx", GateKind::SX, 1, 0},     {"rx", GateKind::RX, 1, 1},
    {"ry", GateKind::RY, 1, 1},     {"rz", GateKind::RZ, 1, 1},
    {"p", GateKind::P, 1, 1},       {"u2", GateKind::U2, 1, 2},
    {"u3", GateKind::U3, 1, 3},     {"rot", GateKind::Rot, 1, 3},
    {"cx", GateKind::CX, 2, 0},     {"cy", GateKind::CY, 2, 0},
    {"cz", GateKind::CZ, 2, 0},     {"ch", GateKind::CH, 2, 0},
    {"swap", GateKind::Swap, 2, 0}, {"crx", GateKind::CRX, 2, 1},
    {"cry", GateKind::CRY, 2, 1},   {"crz", GateKind::CRZ, 2, 1},
    {"cp", GateKind::CP, 2, 1},     {"rxx", GateKind::RXX, 2, 1},
    {"ryy", GateKind::RYY, 2, 1},   {"rzz", GateKind::RZZ, 2, 1},
    {"ccx", GateKind::CCX, 3, 0},   {"cswap", GateKind::CSwap, 3, 0},
};

const GateInfo *qruc::lookupGate(llvm::StringRef name) {
  // OpenQASM spells u3 as `u`; both names are accepted.
  if (name == "u")
    name = "u3";
  for (const GateInfo &gate : kGates)
    if (gate.name == name)
      return &gate;
  return nullptr;
}

llvm::ArrayRef<GateInfo> qruc::getGates() { return kGates; }
