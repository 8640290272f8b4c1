//===- HIR.h - the checked, elaborated model --------------------*- C++ -*-===//
//
// This file declares the high-level IR that semantic analysis produces from
// the AST: every name is resolved, every shape is known, loops are unrolled,
// user gates are inlined and qubits are wire numbers. MLIRGen translates it
// one to one into the qru dialect, so everything that can be wrong in a
// .qru file is caught before MLIR is built.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_FRONTEND_HIR_H
#define QRUC_FRONTEND_HIR_H

#include "qruc/Frontend/AST.h"
#include "qruc/Frontend/Gates.h"

#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace qruc::hir {

using ast::Location;

/// Dimensions of a classical value: {} scalar, {n} vector, {rows, cols}.
using Shape = llvm::SmallVector<int64_t, 2>;

//===----------------------------------------------------------------------===//
// Declarations

struct QubitRegister {
  std::string name;
  Location loc;
  int64_t size;
  unsigned firstWire;
  bool single = false; ///< declared without a shape: `qubit q;`
};

struct BitRegister {
  std::string name;
  Location loc;
  int64_t size;
};

/// An input, output or target.
struct Variable {
  std::string name;
  Location loc;
  Shape shape;
  bool everyStep = false; ///< outputs and targets: read at every step
};

struct Memory {
  std::string name;
  Location loc;
  Shape shape;
  std::vector<double> init; ///< one value per element
};

struct Param {
  enum class Init { Constant, Uniform, Normal };
  std::string name;
  Location loc;
  Shape shape;
  Init init;
  llvm::SmallVector<double, 2> initArgs;
};

/// A checked experiment setting value.
struct SettingValue {
  enum class Kind { Integer, Real, String, Name, List, Call };
  Kind kind;
  Location loc;
  double number = 0;
  std::string text; ///< string, name or the called constructor
  std::vector<SettingValue> items;
  std::vector<std::pair<std::string, SettingValue>> fields; ///< call args
};

struct Setting {
  std::string key;
  Location loc;
  SettingValue value;
};

//===----------------------------------------------------------------------===//
// Expressions

/// What a VarRef refers to. Memory reads see the latest assignment.
enum class VarKind { Input, Memory, Param, Let };

enum class Func {
  Neg, Sin, Cos, Tan, Asin, Acos, Atan, Tanh, Exp, Log, Sqrt, Sigmoid, Relu,
  Gelu
};

enum class BinaryOp { Add, Sub, Mul, Div, Pow };

class Expr {
public:
  enum class Kind {
    Constant, VarRef, Extract, Slice, Vector, Unary, Binary, Dense, Concat,
    Softmax, Expval
  };
  Expr(Kind kind, Location loc, Shape shape)
      : kind(kind), loc(loc), shape(std::move(shape)) {}
  virtual ~Expr() = default;
  Kind getKind() const { return kind; }
  Location getLoc() const { return loc; }
  const Shape &getShape() const { return shape; }
  bool isScalar() const { return shape.empty(); }

private:
  Kind kind;
  Location loc;
  Shape shape;
};

using ExprPtr = std::unique_ptr<Expr>;

struct ConstantExpr : Expr {
  ConstantExpr(Location loc, double value)
      : Expr(Kind::Constant, loc, {}), value(value) {}
  double value;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Constant; }
};

struct VarRefExpr : Expr {
  VarRefExpr(Location loc, Shape shape, VarKind var, unsigned id)
      : Expr(Kind::VarRef, loc, std::move(shape)), var(var), id(id) {}
  VarKind var;
  unsigned id; ///< index into the model's inputs/memories/params, or let id
  static bool classof(const Expr *e) { return e->getKind() == Kind::VarRef; }
};

/// `base[index]`: an element of a vector or a row of a matrix.
struct ExtractExpr : Expr {
  ExtractExpr(Location loc, Shape shape, ExprPtr base, int64_t index)
      : Expr(Kind::Extract, loc, std::move(shape)), base(std::move(base)),
        index(index) {}
  ExprPtr base;
  int64_t index;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Extract; }
};

/// `base[lo..hi]` of a vector.
struct SliceExpr : Expr {
  SliceExpr(Location loc, ExprPtr base, int64_t lo, int64_t hi)
      : Expr(Kind::Slice, loc, {hi - lo}), base(std::move(base)), lo(lo),
        hi(hi) {}
  ExprPtr base;
  int64_t lo, hi;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Slice; }
};

/// A vector built from scalars.
struct VectorExpr : Expr {
  VectorExpr(Location loc, std::vector<ExprPtr> elements)
      : Expr(Kind::Vector, loc, {static_cast<int64_t>(elements.size())}),
        elements(std::move(elements)) {}
  std::vector<ExprPtr> elements;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Vector; }
};

/// An elementwise function.
struct UnaryExpr : Expr {
  UnaryExpr(Location loc, Func func, ExprPtr arg)
      : Expr(Kind::Unary, loc, arg->getShape()), func(func),
        arg(std::move(arg)) {}
  Func func;
  ExprPtr arg;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Unary; }
};

/// An elementwise binary operation; a scalar operand is broadcast.
struct BinaryExpr : Expr {
  BinaryExpr(Location loc, Shape shape, BinaryOp op, ExprPtr lhs, ExprPtr rhs)
      : Expr(Kind::Binary, loc, std::move(shape)), op(op), lhs(std::move(lhs)),
        rhs(std::move(rhs)) {}
  BinaryOp op;
  ExprPtr lhs, rhs;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Binary; }
};

/// `weights · input + bias`; `bias` may be null.
struct DenseExpr : Expr {
  DenseExpr(Location loc, ExprPtr weights, ExprPtr input, ExprPtr bias)
      : Expr(Kind::Dense, loc, {weights->getShape()[0]}),
        weights(std::move(weights)), input(std::move(input)),
        bias(std::move(bias)) {}
  ExprPtr weights, input, bias;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Dense; }
};

/// Scalars and vectors joined into one vector.
struct ConcatExpr : Expr {
  ConcatExpr(Location loc, int64_t size, std::vector<ExprPtr> parts)
      : Expr(Kind::Concat, loc, {size}), parts(std::move(parts)) {}
  std::vector<ExprPtr> parts;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Concat; }
};

struct SoftmaxExpr : Expr {
  SoftmaxExpr(Location loc, ExprPtr arg)
      : Expr(Kind::Softmax, loc, arg->getShape()), arg(std::move(arg)) {}
  ExprPtr arg;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Softmax; }
};

/// ⟨P⟩ for the Pauli word `pauli` on `wires` (one letter per wire).
struct ExpvalExpr : Expr {
  ExpvalExpr(Location loc, std::string pauli, std::vector<unsigned> wires)
      : Expr(Kind::Expval, loc, {}), pauli(std::move(pauli)),
        wires(std::move(wires)) {}
  std::string pauli;
  std::vector<unsigned> wires;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Expval; }
};

//===----------------------------------------------------------------------===//
// Statements

class Stmt {
public:
  enum class Kind { Gate, Measure, Reset, Let, Assign, If };
  Stmt(Kind kind, Location loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;
  Kind getKind() const { return kind; }
  Location getLoc() const { return loc; }

private:
  Kind kind;
  Location loc;
};

using StmtPtr = std::unique_ptr<Stmt>;

struct GateStmt : Stmt {
  GateStmt(Location loc, GateKind gate, std::vector<ExprPtr> angles,
           std::vector<unsigned> wires)
      : Stmt(Kind::Gate, loc), gate(gate), angles(std::move(angles)),
        wires(std::move(wires)) {}
  GateKind gate;
  std::vector<ExprPtr> angles; ///< scalars
  std::vector<unsigned> wires;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Gate; }
};

struct MeasureStmt : Stmt {
  MeasureStmt(Location loc, unsigned wire, unsigned bits, int64_t bit)
      : Stmt(Kind::Measure, loc), wire(wire), bits(bits), bit(bit) {}
  unsigned wire;
  unsigned bits; ///< index of the bit register
  int64_t bit;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Measure; }
};

struct ResetStmt : Stmt {
  ResetStmt(Location loc, unsigned wire) : Stmt(Kind::Reset, loc), wire(wire) {}
  unsigned wire;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Reset; }
};

/// Binds let `id` to `value`; later VarRefs of kind Let read it.
struct LetStmt : Stmt {
  LetStmt(Location loc, unsigned id, ExprPtr value)
      : Stmt(Kind::Let, loc), id(id), value(std::move(value)) {}
  unsigned id;
  ExprPtr value;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Let; }
};

/// Writes a memory or an output, whole or one element.
struct AssignStmt : Stmt {
  enum class Target { Memory, Output };
  AssignStmt(Location loc, Target target, unsigned id,
             std::optional<int64_t> index, ExprPtr value)
      : Stmt(Kind::Assign, loc), target(target), id(id), index(index),
        value(std::move(value)) {}
  Target target;
  unsigned id;
  std::optional<int64_t> index;
  ExprPtr value;
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Assign; }
};

/// Gates applied when bits of a register satisfy a condition: bit `bit` is
/// set, or (without `bit`) the register read as an unsigned integer (bit 0
/// least significant) equals `value`; `negate` inverts either test.
struct Condition {
  unsigned bits;
  std::optional<int64_t> bit;
  uint64_t value = 0;
  bool negate = false;
};

struct IfStmt : Stmt {
  IfStmt(Location loc, Condition cond, std::vector<StmtPtr> then,
         std::vector<StmtPtr> orelse)
      : Stmt(Kind::If, loc), cond(cond), then(std::move(then)),
        orelse(std::move(orelse)) {}
  Condition cond;
  std::vector<StmtPtr> then, orelse; ///< gate statements only
  static bool classof(const Stmt *s) { return s->getKind() == Kind::If; }
};

//===----------------------------------------------------------------------===//
// The model

struct Model {
  std::string name;
  Location loc;
  std::vector<QubitRegister> qubits;
  std::vector<BitRegister> bits;
  std::vector<Variable> inputs;
  std::vector<Memory> memories;
  std::vector<Param> params;
  std::vector<Variable> outputs;
  std::vector<Variable> targets;

  bool persistent = false;
  Location stepLoc;
  std::vector<StmtPtr> step;
  unsigned numLets = 0;

  std::optional<Location> experimentLoc;
  std::vector<Setting> experiment;

  unsigned getNumWires() const {
    return qubits.empty() ? 0 : qubits.back().firstWire + qubits.back().size;
  }
};

} // namespace qruc::hir

#endif // QRUC_FRONTEND_HIR_H
