//===- SemaImpl.h - the semantic analyzer's internals -----------*- C++ -*-===//
//
// This file declares the Sema class shared by the Sema*.cpp files: the scoped
// symbol table, compile-time evaluation, and the checks for declarations,
// statements, expressions and experiment settings.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_LIB_FRONTEND_SEMAIMPL_H
#define QRUC_LIB_FRONTEND_SEMAIMPL_H

#include "qruc/Frontend/Sema.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"

#include <map>
#include <set>

namespace qruc::sema {

using ast::Location;

/// What a name stands for.
struct Symbol {
  enum class Kind {
    Const, LoopVar, QubitRegister, BitRegister, Input, Memory, Param, Output,
    Target, Gate, Let, GateQubit
  };
  Kind kind;
  Location loc;
  double value = 0;       ///< Const, LoopVar
  bool isInteger = false; ///< Const, LoopVar
  unsigned id = 0;        ///< index into the model's lists; let id; wire
  hir::Shape shape;       ///< Let
  const ast::GateDecl *gate = nullptr;
  /// Its declaration had an error: uses stay silent instead of cascading.
  bool invalid = false;
};

/// A list of wires a qubit operand denotes, with the text that named it.
struct WireList {
  std::vector<unsigned> wires;
  bool isRegister = false; ///< a whole register or slice (broadcasts)
};

/// How many qubits and angles a gate takes.
struct GateArity {
  unsigned numQubits;
  unsigned numAngles;
};

class Sema {
public:
  Sema(llvm::StringRef filename, mlir::MLIRContext &context,
       const SemaLimits &limits)
      : filename(filename), context(context), limits(limits) {}

  std::unique_ptr<hir::Model> run(const ast::Module &module);

  //===--- diagnostics
  mlir::Location toLoc(Location loc) const;
  /// Reports an error once per location and message.
  void error(Location loc, const llvm::Twine &message);
  void errorWithNote(Location loc, const llvm::Twine &message,
                     Location noteLoc, const llvm::Twine &note);
  bool hadErrors() const { return errorCount != 0; }

  //===--- symbols (Sema.cpp)
  const Symbol *lookup(llvm::StringRef name) const;
  /// Declares `name` in the innermost scope; reports a redefinition.
  bool declare(llvm::StringRef name, Symbol symbol);
  void pushScope() { scopes.emplace_back(); }
  void popScope() { scopes.pop_back(); }

  //===--- compile-time evaluation (SemaConst.cpp)
  /// Evaluates a constant expression; reports an error and returns nullopt
  /// when `expr` is not one. `what` names the context for the message.
  std::optional<double> evalConstant(const ast::Expr &expr,
                                     llvm::StringRef what);
  std::optional<int64_t> evalInteger(const ast::Expr &expr,
                                     llvm::StringRef what);
  /// Like evalConstant, without reporting anything.
  std::optional<double> evalConstantQuietly(const ast::Expr &expr) const;

  //===--- declarations (Sema.cpp)
  void checkDecl(const ast::Decl &decl);
  std::optional<hir::Shape> checkShape(const ast::ShapedDecl &decl,
                                       unsigned maxRank);
  void checkParamInit(const ast::ShapedDecl &decl, hir::Param &param);
  void checkMemoryInit(const ast::ShapedDecl &decl, hir::Memory &memory);
  /// Checks a user gate's body where it is declared, so that mistakes in a
  /// gate nobody uses are reported too; uses report nothing new.
  void checkGateBody(const ast::GateDecl &gate);

  //===--- statements (SemaStmt.cpp)
  void elaborateStep(const ast::StepDecl &step);
  void elaborate(const ast::Stmt &stmt, std::vector<hir::StmtPtr> &out);
  void elaborateBlock(const ast::BlockStmt &block,
                      std::vector<hir::StmtPtr> &out);
  void elaborateGate(const ast::GateStmt &stmt, std::vector<hir::StmtPtr> &out);
  void elaborateEntangle(const ast::EntangleStmt &stmt,
                         std::vector<hir::StmtPtr> &out);
  void elaborateIf(const ast::IfStmt &stmt, std::vector<hir::StmtPtr> &out);
  void elaborateAssign(const ast::AssignStmt &stmt,
                       std::vector<hir::StmtPtr> &out);
  void elaborateMeasure(const ast::MeasureStmt &stmt,
                        std::vector<hir::StmtPtr> &out);
  /// Applies gate `name` (built-in or user) to `wires` with scalar `angles`.
  void applyGate(Location loc, llvm::StringRef name,
                 std::vector<hir::ExprPtr> angles,
                 const std::vector<unsigned> &wires,
                 std::vector<hir::StmtPtr> &out);
  /// The arity of the built-in or user gate `name`; reports an unknown one.
  std::optional<GateArity> lookupGateArity(Location loc, llvm::StringRef name);
  std::optional<WireList> resolveOperand(const ast::Operand &operand);
  std::optional<WireList> resolveQubits(Location loc, llvm::StringRef name,
                                        const ast::Expr *index,
                                        const ast::Expr *sliceEnd);
  std::optional<hir::Condition> checkCondition(const ast::Expr &cond);
  /// Returns an expression that can be used `uses` times: `value` itself,
  /// copies of a constant or reference, or references to a new let.
  std::vector<hir::ExprPtr> share(hir::ExprPtr value, unsigned uses,
                                  std::vector<hir::StmtPtr> &out);
  std::string wireName(unsigned wire) const;
  bool countStatement(Location loc);

  //===--- expressions (SemaExpr.cpp)
  hir::ExprPtr checkExpr(const ast::Expr &expr);
  hir::ExprPtr checkName(const ast::NameExpr &expr);
  hir::ExprPtr checkIndex(const ast::IndexExpr &expr);
  hir::ExprPtr checkBinary(const ast::BinaryExpr &expr);
  hir::ExprPtr checkCall(const ast::CallExpr &expr);
  hir::ExprPtr checkExpval(const ast::CallExpr &expr);
  bool collectPauli(const ast::Expr &factor, std::string &pauli,
                    std::vector<unsigned> &wires, bool &isRegister);

  //===--- experiment (SemaExperiment.cpp)
  void checkExperiment(const ast::ExperimentDecl &decl);

  std::string filename;
  mlir::MLIRContext &context;
  SemaLimits limits;
  unsigned errorCount = 0;
  std::set<std::tuple<unsigned, unsigned, std::string>> reported;

  std::vector<llvm::StringMap<Symbol>> scopes;
  std::unique_ptr<hir::Model> model;
  const ast::StepDecl *stepDecl = nullptr;
  /// Whether any qubit register was declared, even one with an error.
  bool sawQubits = false;
  const ast::ExperimentDecl *experimentDecl = nullptr;
  /// User gates being inlined, innermost last, to reject recursion.
  std::vector<const ast::GateDecl *> inlining;
  /// Nesting of if branches: only gates are allowed inside.
  unsigned ifDepth = 0;
  uint64_t statementCount = 0;
  bool statementLimitReported = false;
  /// Names for the placeholder wires a gate body is checked with.
  std::map<unsigned, std::string> wireAliases;
  /// User gates whose body has errors: their uses add no more reports.
  std::set<const ast::GateDecl *> badGates;
  /// Output elements assigned so far, per output.
  std::vector<std::vector<bool>> outputAssigned;
};

/// Formats a shape as `scalar`, `[n]` or `[r, c]`.
std::string formatShape(const hir::Shape &shape);

/// Formats a number the way a user would write it: 2, 0.5, 1e-08.
std::string formatNumber(double value);

} // namespace qruc::sema

#endif // QRUC_LIB_FRONTEND_SEMAIMPL_H
