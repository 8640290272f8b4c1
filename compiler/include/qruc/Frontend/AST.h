//===- AST.h - the .qru abstract syntax tree --------------------*- C++ -*-===//
//
// This file declares the abstract syntax tree of a .qru file. It mirrors the
// source: names are unresolved, loops are not unrolled and user gates are not
// inlined; semantic analysis does all of that. Every node keeps the location
// of the token that starts it, so diagnostics point at the source.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_FRONTEND_AST_H
#define QRUC_FRONTEND_AST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qruc::ast {

/// A 1-based line and column in the parsed file.
struct Location {
  unsigned line = 0;
  unsigned column = 0;
};

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

class Expr {
public:
  enum class Kind { Number, String, Name, Index, Vector, Unary, Binary, Call };

  Expr(Kind kind, Location loc) : kind(kind), loc(loc) {}
  virtual ~Expr() = default;

  Kind getKind() const { return kind; }
  Location getLoc() const { return loc; }

private:
  Kind kind;
  Location loc;
};

using ExprPtr = std::unique_ptr<Expr>;

/// A numeric literal; `isInteger` is set when it has no fraction or exponent.
class NumberExpr : public Expr {
public:
  NumberExpr(Location loc, double value, bool isInteger)
      : Expr(Kind::Number, loc), value(value), integer(isInteger) {}
  double getValue() const { return value; }
  bool isInteger() const { return integer; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Number; }

private:
  double value;
  bool integer;
};

/// A string literal, without its quotes and with escapes resolved.
class StringExpr : public Expr {
public:
  StringExpr(Location loc, std::string value)
      : Expr(Kind::String, loc), value(std::move(value)) {}
  llvm::StringRef getValue() const { return value; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::String; }

private:
  std::string value;
};

/// A reference to a declared name: constant, register, parameter, loop
/// variable, `pi`, ...
class NameExpr : public Expr {
public:
  NameExpr(Location loc, std::string name)
      : Expr(Kind::Name, loc), name(std::move(name)) {}
  llvm::StringRef getName() const { return name; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Name; }

private:
  std::string name;
};

/// `base[index]` or the half-open slice `base[lo..hi]`.
class IndexExpr : public Expr {
public:
  IndexExpr(Location loc, ExprPtr base, ExprPtr lo, ExprPtr hi)
      : Expr(Kind::Index, loc), base(std::move(base)), lo(std::move(lo)),
        hi(std::move(hi)) {}
  const Expr &getBase() const { return *base; }
  const Expr &getIndex() const { return *lo; }
  /// The end of a slice; null for a single index.
  const Expr *getSliceEnd() const { return hi.get(); }
  bool isSlice() const { return hi != nullptr; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Index; }

private:
  ExprPtr base, lo, hi;
};

/// `[e1, e2, ...]`.
class VectorExpr : public Expr {
public:
  VectorExpr(Location loc, std::vector<ExprPtr> elements)
      : Expr(Kind::Vector, loc), elements(std::move(elements)) {}
  const std::vector<ExprPtr> &getElements() const { return elements; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Vector; }

private:
  std::vector<ExprPtr> elements;
};

/// `-e` or `+e`.
class UnaryExpr : public Expr {
public:
  UnaryExpr(Location loc, char op, ExprPtr operand)
      : Expr(Kind::Unary, loc), op(op), operand(std::move(operand)) {}
  char getOp() const { return op; }
  const Expr &getOperand() const { return *operand; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Unary; }

private:
  char op;
  ExprPtr operand;
};

/// A binary operation.
class BinaryExpr : public Expr {
public:
  enum class Op { Add, Sub, Mul, Div, Pow, Eq, Ne };
  BinaryExpr(Location loc, Op op, ExprPtr lhs, ExprPtr rhs)
      : Expr(Kind::Binary, loc), op(op), lhs(std::move(lhs)),
        rhs(std::move(rhs)) {}
  Op getOp() const { return op; }
  const Expr &getLHS() const { return *lhs; }
  const Expr &getRHS() const { return *rhs; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Binary; }

private:
  Op op;
  ExprPtr lhs, rhs;
};

/// One argument of a call, optionally named (`lr = 0.01`).
struct Argument {
  Location loc;
  std::string name; ///< empty for a positional argument
  ExprPtr value;
};

/// `callee(args...)`: a builtin function, a readout, a Pauli factor or an
/// experiment setting constructor; semantic analysis tells them apart.
class CallExpr : public Expr {
public:
  CallExpr(Location loc, std::string callee, std::vector<Argument> args)
      : Expr(Kind::Call, loc), callee(std::move(callee)),
        args(std::move(args)) {}
  llvm::StringRef getCallee() const { return callee; }
  const std::vector<Argument> &getArgs() const { return args; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Call; }

private:
  std::string callee;
  std::vector<Argument> args;
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

/// A qubit operand: `q`, `q[i]` or `q[lo..hi]`.
struct Operand {
  Location loc;
  std::string name;
  ExprPtr index;    ///< null for a whole register
  ExprPtr sliceEnd; ///< non-null for a slice
};

class Stmt {
public:
  enum class Kind { Block, For, Let, Assign, Measure, Reset, If, Entangle, Gate };

  Stmt(Kind kind, Location loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;
  Kind getKind() const { return kind; }
  Location getLoc() const { return loc; }

private:
  Kind kind;
  Location loc;
};

using StmtPtr = std::unique_ptr<Stmt>;

class BlockStmt : public Stmt {
public:
  BlockStmt(Location loc, std::vector<StmtPtr> body)
      : Stmt(Kind::Block, loc), body(std::move(body)) {}
  const std::vector<StmtPtr> &getBody() const { return body; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Block; }

private:
  std::vector<StmtPtr> body;
};

/// `for var in lo..hi { body }`, unrolled at compile time.
class ForStmt : public Stmt {
public:
  ForStmt(Location loc, std::string var, ExprPtr lo, ExprPtr hi,
          std::unique_ptr<BlockStmt> body)
      : Stmt(Kind::For, loc), var(std::move(var)), lo(std::move(lo)),
        hi(std::move(hi)), body(std::move(body)) {}
  llvm::StringRef getVar() const { return var; }
  const Expr &getLo() const { return *lo; }
  const Expr &getHi() const { return *hi; }
  const BlockStmt &getBody() const { return *body; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::For; }

private:
  std::string var;
  ExprPtr lo, hi;
  std::unique_ptr<BlockStmt> body;
};

/// `let name = value;`
class LetStmt : public Stmt {
public:
  LetStmt(Location loc, std::string name, ExprPtr value)
      : Stmt(Kind::Let, loc), name(std::move(name)), value(std::move(value)) {}
  llvm::StringRef getName() const { return name; }
  const Expr &getValue() const { return *value; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Let; }

private:
  std::string name;
  ExprPtr value;
};

/// `target = value;` or `target[index] = value;`
class AssignStmt : public Stmt {
public:
  AssignStmt(Location loc, std::string target, ExprPtr index, ExprPtr value)
      : Stmt(Kind::Assign, loc), target(std::move(target)),
        index(std::move(index)), value(std::move(value)) {}
  llvm::StringRef getTarget() const { return target; }
  const Expr *getIndex() const { return index.get(); }
  const Expr &getValue() const { return *value; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Assign; }

private:
  std::string target;
  ExprPtr index, value;
};

/// `bits = measure qubits;` or `bits[index] = measure qubit;`
class MeasureStmt : public Stmt {
public:
  MeasureStmt(Location loc, std::string target, ExprPtr index, Operand qubit)
      : Stmt(Kind::Measure, loc), target(std::move(target)),
        index(std::move(index)), qubit(std::move(qubit)) {}
  llvm::StringRef getTarget() const { return target; }
  const Expr *getIndex() const { return index.get(); }
  const Operand &getQubit() const { return qubit; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Measure; }

private:
  std::string target;
  ExprPtr index;
  Operand qubit;
};

/// `reset q, ...;`
class ResetStmt : public Stmt {
public:
  ResetStmt(Location loc, std::vector<Operand> qubits)
      : Stmt(Kind::Reset, loc), qubits(std::move(qubits)) {}
  const std::vector<Operand> &getQubits() const { return qubits; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Reset; }

private:
  std::vector<Operand> qubits;
};

/// `if (cond) then else orelse`.
class IfStmt : public Stmt {
public:
  IfStmt(Location loc, ExprPtr cond, StmtPtr then, StmtPtr orelse)
      : Stmt(Kind::If, loc), cond(std::move(cond)), then(std::move(then)),
        orelse(std::move(orelse)) {}
  const Expr &getCond() const { return *cond; }
  const Stmt &getThen() const { return *then; }
  const Stmt *getElse() const { return orelse.get(); }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::If; }

private:
  ExprPtr cond;
  StmtPtr then, orelse;
};

/// `ring gate wires...;` or `ladder gate wires...;`
class EntangleStmt : public Stmt {
public:
  enum class Pattern { Ring, Ladder };
  EntangleStmt(Location loc, Pattern pattern, Location gateLoc,
               std::string gate, std::vector<Operand> wires)
      : Stmt(Kind::Entangle, loc), pattern(pattern), gateLoc(gateLoc),
        gate(std::move(gate)), wires(std::move(wires)) {}
  Pattern getPattern() const { return pattern; }
  Location getGateLoc() const { return gateLoc; }
  llvm::StringRef getGate() const { return gate; }
  const std::vector<Operand> &getWires() const { return wires; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Entangle; }

private:
  Pattern pattern;
  Location gateLoc;
  std::string gate;
  std::vector<Operand> wires;
};

/// `gate(args...) qubits...;`
class GateStmt : public Stmt {
public:
  GateStmt(Location loc, std::string gate, std::vector<ExprPtr> args,
           std::vector<Operand> qubits)
      : Stmt(Kind::Gate, loc), gate(std::move(gate)), args(std::move(args)),
        qubits(std::move(qubits)) {}
  llvm::StringRef getGate() const { return gate; }
  const std::vector<ExprPtr> &getArgs() const { return args; }
  const std::vector<Operand> &getQubits() const { return qubits; }
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Gate; }

private:
  std::string gate;
  std::vector<ExprPtr> args;
  std::vector<Operand> qubits;
};

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

class Decl {
public:
  enum class Kind {
    Const, Qubit, Bit, Input, Memory, Param, Output, Target, Gate, Step,
    Experiment
  };

  Decl(Kind kind, Location loc, std::string name)
      : kind(kind), loc(loc), name(std::move(name)) {}
  virtual ~Decl() = default;
  Kind getKind() const { return kind; }
  Location getLoc() const { return loc; }
  /// The declared name; empty for steps and experiments.
  llvm::StringRef getName() const { return name; }

private:
  Kind kind;
  Location loc;
  std::string name;
};

using DeclPtr = std::unique_ptr<Decl>;

/// `const name = value;`
class ConstDecl : public Decl {
public:
  ConstDecl(Location loc, std::string name, ExprPtr value)
      : Decl(Kind::Const, loc, std::move(name)), value(std::move(value)) {}
  const Expr &getValue() const { return *value; }
  static bool classof(const Decl *d) { return d->getKind() == Kind::Const; }

private:
  ExprPtr value;
};

/// The declarations of the form `keyword name[shape] ...;`: qubit, bit,
/// input, memory, param, output and target.
class ShapedDecl : public Decl {
public:
  enum class Timing { Default, Last, Every };
  enum class InitStyle { None, Assign, Distribution };

  ShapedDecl(Kind kind, Location loc, std::string name,
             std::vector<ExprPtr> shape, InitStyle initStyle, ExprPtr init,
             Timing timing)
      : Decl(kind, loc, std::move(name)), shape(std::move(shape)),
        initStyle(initStyle), init(std::move(init)), timing(timing) {}
  /// The dimension expressions; empty for a scalar.
  const std::vector<ExprPtr> &getShape() const { return shape; }
  InitStyle getInitStyle() const { return initStyle; }
  /// `= value` or `~ distribution(...)`; null when absent.
  const Expr *getInit() const { return init.get(); }
  Timing getTiming() const { return timing; }
  static bool classof(const Decl *d) {
    switch (d->getKind()) {
    case Kind::Qubit:
    case Kind::Bit:
    case Kind::Input:
    case Kind::Memory:
    case Kind::Param:
    case Kind::Output:
    case Kind::Target:
      return true;
    default:
      return false;
    }
  }

private:
  std::vector<ExprPtr> shape;
  InitStyle initStyle;
  ExprPtr init;
  Timing timing;
};

/// A formal name of a user gate.
struct Formal {
  Location loc;
  std::string name;
};

/// `gate name(params...) qubits... { body }`
class GateDecl : public Decl {
public:
  GateDecl(Location loc, std::string name, std::vector<Formal> params,
           std::vector<Formal> qubits, std::unique_ptr<BlockStmt> body)
      : Decl(Kind::Gate, loc, std::move(name)), params(std::move(params)),
        qubits(std::move(qubits)), body(std::move(body)) {}
  const std::vector<Formal> &getParams() const { return params; }
  const std::vector<Formal> &getQubits() const { return qubits; }
  const BlockStmt &getBody() const { return *body; }
  static bool classof(const Decl *d) { return d->getKind() == Kind::Gate; }

private:
  std::vector<Formal> params, qubits;
  std::unique_ptr<BlockStmt> body;
};

/// `step [fresh|persistent] { body }`
class StepDecl : public Decl {
public:
  StepDecl(Location loc, bool persistent, std::unique_ptr<BlockStmt> body)
      : Decl(Kind::Step, loc, ""), persistent(persistent),
        body(std::move(body)) {}
  bool isPersistent() const { return persistent; }
  const BlockStmt &getBody() const { return *body; }
  static bool classof(const Decl *d) { return d->getKind() == Kind::Step; }

private:
  bool persistent;
  std::unique_ptr<BlockStmt> body;
};

/// `key = value;` inside an experiment.
struct Setting {
  Location loc;
  std::string key;
  ExprPtr value;
};

/// `experiment { settings }`
class ExperimentDecl : public Decl {
public:
  ExperimentDecl(Location loc, std::vector<Setting> settings)
      : Decl(Kind::Experiment, loc, ""), settings(std::move(settings)) {}
  const std::vector<Setting> &getSettings() const { return settings; }
  static bool classof(const Decl *d) {
    return d->getKind() == Kind::Experiment;
  }

private:
  std::vector<Setting> settings;
};

/// A whole .qru file.
class Module {
public:
  Module(Location loc, std::string name, std::vector<DeclPtr> decls)
      : loc(loc), name(std::move(name)), decls(std::move(decls)) {}
  Location getLoc() const { return loc; }
  llvm::StringRef getName() const { return name; }
  const std::vector<DeclPtr> &getDecls() const { return decls; }

private:
  Location loc;
  std::string name;
  std::vector<DeclPtr> decls;
};

/// Prints `module` as an indented tree, for `qruc --emit=ast`.
void dump(const Module &module, llvm::raw_ostream &os);

} // namespace qruc::ast

#endif // QRUC_FRONTEND_AST_H
