//===- PauliWord.cpp - Products of Pauli operators ------------------------===//
//
// This file implements the construction of Pauli words from factors.
//
//===----------------------------------------------------------------------===//

#include "qruc/Runtime/PauliWord.h"

#include <bitset>
#include <cassert>

using namespace qruc::runtime;

PauliWord::PauliWord(std::initializer_list<std::pair<unsigned, Pauli>> factors) {
  for (const auto &[wire, p] : factors) {
    assert(on(wire) == Pauli::I && "a Pauli word has one factor per wire");
    set(wire, p);
  }
}

PauliWord &PauliWord::set(unsigned wire, Pauli p) {
  assert(wire < 64);
  const std::uint64_t bit = std::uint64_t(1) << wire;
  x_ &= ~bit;
  z_ &= ~bit;
  if (p == Pauli::X || p == Pauli::Y)
    x_ |= bit;
  if (p == Pauli::Z || p == Pauli::Y)
    z_ |= bit;
  return *this;
}

Pauli PauliWord::on(unsigned wire) const {
  const bool x = x_ >> wire & 1u, z = z_ >> wire & 1u;
  return x ? (z ? Pauli::Y : Pauli::X) : (z ? Pauli::Z : Pauli::I);
}

unsigned PauliWord::numY() const {
  return static_cast<unsigned>(std::bitset<64>(x_ & z_).count());
}
