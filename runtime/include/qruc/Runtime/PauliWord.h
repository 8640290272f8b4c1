//===- PauliWord.h - Products of Pauli operators ----------------*- C++ -*-===//
//
// This file declares PauliWord, a tensor product of X, Y and Z on distinct
// wires (identity elsewhere), stored as two bit masks: the wires it flips
// (X or Y) and the wires whose bit contributes a sign (Z or Y). Acting on a
// basis state, P|i⟩ = i^{#Y} (−1)^{popcount(i & zMask)} |i ⊕ xMask⟩, which is
// all an expectation value needs.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_RUNTIME_PAULIWORD_H
#define QRUC_RUNTIME_PAULIWORD_H

#include <cstdint>
#include <initializer_list>
#include <utility>

namespace qruc::runtime {

enum class Pauli : std::uint8_t { I, X, Y, Z };

class PauliWord {
public:
  /// The identity word.
  PauliWord() = default;
  /// A word from (wire, Pauli) factors on distinct wires, e.g.
  /// {{0, Pauli::Z}, {3, Pauli::X}}.
  PauliWord(std::initializer_list<std::pair<unsigned, Pauli>> factors);

  /// Sets the factor on `wire`, replacing any factor already there.
  PauliWord &set(unsigned wire, Pauli p);
  Pauli on(unsigned wire) const;

  /// Wires carrying X or Y.
  std::uint64_t xMask() const { return x_; }
  /// Wires carrying Z or Y.
  std::uint64_t zMask() const { return z_; }
  /// The number of Y factors.
  unsigned numY() const;

private:
  std::uint64_t x_ = 0;
  std::uint64_t z_ = 0;
};

} // namespace qruc::runtime

#endif // QRUC_RUNTIME_PAULIWORD_H
