//===- IBMRules.h - IBM's rules for dynamic circuits -----------*- C++ -*-===//
//
// This file declares the checks that keep a dynamic circuit within what IBM
// hardware runs (../docs/ibm-target.md lists them): `if` only, never nested,
// with no measurement or reset inside a branch; a condition tests one bit,
// or one register of at most 32 bits against a value; measured bits only
// choose branches (no run-time arithmetic); and a job's conditions fit the
// control electronics' broadcast budget. Each failed check is an error at
// the op that breaks the rule, naming the rule.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_TARGET_OPENQASM3_IBMRULES_H
#define QRUC_TARGET_OPENQASM3_IBMRULES_H

#include "qruc/Dialect/QRU/QRUOps.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

#include <cstdint>
#include <optional>
#include <string>

namespace qruc::openqasm3 {

/// The most bits one `if` condition may test.
inline constexpr unsigned kMaxConditionBits = 32;
/// Broadcasts per job: this many one-bit ones, or kMaxWideBroadcasts of up
/// to 60 bits; a mix spends the budget in proportion.
inline constexpr unsigned kMaxOneBitBroadcasts = 2400;
inline constexpr unsigned kMaxWideBroadcasts = 300;

/// An `if` condition in the form OpenQASM 3 and Qiskit's importer accept.
struct Condition {
  std::string reg;             ///< the bit register
  unsigned regSize = 0;
  std::optional<unsigned> bit; ///< one bit of it, or the whole register
  uint64_t value = 0;          ///< the bit's (0/1) or the register's value
  bool negated = false;        ///< the branches swap: `else` holds `then`
  unsigned bitsTested() const { return bit ? 1 : regSize; }
};

/// Reads `ifOp`'s condition, built by the front end from bit extracts,
/// `andi` and `xori true`. Anything else, or a register wider than
/// kMaxConditionBits, is an error naming the rule.
mlir::FailureOr<Condition> matchCondition(mlir::scf::IfOp ifOp);

/// The register a bit tensor value belongs to, following tensor.insert
/// back to the step's block argument; null when it does not trace there.
qru::BitsOp bitRegisterOf(mlir::Value bits);

/// No nested `if`, no measure, reset or expectation value inside a branch.
mlir::LogicalResult checkBranches(mlir::scf::IfOp ifOp);

/// Measured bits may only choose branches and be carried to the next step:
/// any other use is run-time arithmetic, an error at the user.
mlir::LogicalResult checkNoRuntimeArithmetic(qru::StepOp step);

/// The conditions of a whole job.
struct BroadcastCount {
  uint64_t oneBit = 0, wide = 0;
  void add(const Condition &condition) {
    (condition.bitsTested() == 1 ? oneBit : wide) += 1;
  }
  /// Whether the job fits the budget (a mix spends it in proportion).
  bool fits() const {
    return oneBit * kMaxWideBroadcasts + wide * kMaxOneBitBroadcasts <=
           uint64_t(kMaxOneBitBroadcasts) * kMaxWideBroadcasts;
  }
};

} // namespace qruc::openqasm3

#endif // QRUC_TARGET_OPENQASM3_IBMRULES_H
