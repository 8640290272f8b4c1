//===- AST.cpp - printing the AST ------------------------------------------===//
//
// This file implements the indented tree printer behind `qruc --emit=ast`.
// Each node prints its kind, its payload and its line:column.
//
//===----------------------------------------------------------------------===//

#include "qruc/Frontend/AST.h"

#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

using namespace qruc::ast;

namespace {

class Dumper {
public:
  explicit Dumper(llvm::raw_ostream &os) : os(os) {}

  void dump(const Module &module) {
    line(module.getLoc()) << "Model " << module.getName() << "\n";
    Indent in(*this);
    for (const DeclPtr &decl : module.getDecls())
      dump(*decl);
  }

private:
  struct Indent {
    explicit Indent(Dumper &d) : d(d) { d.depth += 2; }
    ~Indent() { d.depth -= 2; }
    Dumper &d;
  };

  llvm::raw_ostream &line(Location loc) {
    os.indent(depth);
    return os << llvm::formatv("@{0}:{1} ", loc.line, loc.column);
  }

  static llvm::StringRef declKeyword(Decl::Kind kind) {
    switch (kind) {
    case Decl::Kind::Qubit:
      return "Qubit";
    case Decl::Kind::Bit:
      return "Bit";
    case Decl::Kind::Input:
      return "Input";
    case Decl::Kind::Memory:
      return "Memory";
    case Decl::Kind::Param:
      return "Param";
    case Decl::Kind::Output:
      return "Output";
    case Decl::Kind::Target:
      return "Target";
    default:
      return "Decl";
    }
  }

  void dump(const Decl &decl) {
    llvm::TypeSwitch<const Decl *>(&decl)
        .Case([&](const ConstDecl *d) {
          line(d->getLoc()) << "Const " << d->getName() << "\n";
          Indent in(*this);
          dump(d->getValue());
        })
        .Case([&](const ShapedDecl *d) {
          line(d->getLoc()) << declKeyword(d->getKind()) << " "
                            << d->getName();
          if (d->getTiming() == ShapedDecl::Timing::Last)
            os << " at last";
          if (d->getTiming() == ShapedDecl::Timing::Every)
            os << " at every";
          os << "\n";
          Indent in(*this);
          for (const ExprPtr &dim : d->getShape()) {
            os.indent(depth) << "Dim\n";
            Indent in2(*this);
            dump(*dim);
          }
          if (const Expr *init = d->getInit()) {
            os.indent(depth)
                << (d->getInitStyle() == ShapedDecl::InitStyle::Distribution
                        ? "Init ~\n"
                        : "Init =\n");
            Indent in2(*this);
            dump(*init);
          }
        })
        .Case([&](const GateDecl *d) {
          line(d->getLoc()) << "Gate " << d->getName() << " (";
          llvm::interleaveComma(d->getParams(), os,
                                [&](const Formal &f) { os << f.name; });
          os << ") ";
          llvm::interleaveComma(d->getQubits(), os,
                                [&](const Formal &f) { os << f.name; });
          os << "\n";
          Indent in(*this);
          dump(d->getBody());
        })
        .Case([&](const StepDecl *d) {
          line(d->getLoc()) << "Step "
                            << (d->isPersistent() ? "persistent" : "fresh")
                            << "\n";
          Indent in(*this);
          dump(d->getBody());
        })
        .Case([&](const ExperimentDecl *d) {
          line(d->getLoc()) << "Experiment\n";
          Indent in(*this);
          for (const Setting &s : d->getSettings()) {
            line(s.loc) << "Setting " << s.key << "\n";
            Indent in2(*this);
            dump(*s.value);
          }
        });
  }

  void dump(const Operand &operand) {
    line(operand.loc) << "Operand " << operand.name
                      << (operand.sliceEnd ? " slice" : "") << "\n";
    Indent in(*this);
    if (operand.index)
      dump(*operand.index);
    if (operand.sliceEnd)
      dump(*operand.sliceEnd);
  }

  void dump(const Stmt &stmt) {
    llvm::TypeSwitch<const Stmt *>(&stmt)
        .Case([&](const BlockStmt *s) {
          line(s->getLoc()) << "Block\n";
          Indent in(*this);
          for (const StmtPtr &child : s->getBody())
            dump(*child);
        })
        .Case([&](const ForStmt *s) {
          line(s->getLoc()) << "For " << s->getVar() << "\n";
          Indent in(*this);
          dump(s->getLo());
          dump(s->getHi());
          dump(s->getBody());
        })
        .Case([&](const LetStmt *s) {
          line(s->getLoc()) << "Let " << s->getName() << "\n";
          Indent in(*this);
          dump(s->getValue());
        })
        .Case([&](const AssignStmt *s) {
          line(s->getLoc()) << "Assign " << s->getTarget() << "\n";
          Indent in(*this);
          if (s->getIndex())
            dump(*s->getIndex());
          dump(s->getValue());
        })
        .Case([&](const MeasureStmt *s) {
          line(s->getLoc()) << "Measure into " << s->getTarget() << "\n";
          Indent in(*this);
          if (s->getIndex())
            dump(*s->getIndex());
          dump(s->getQubit());
        })
        .Case([&](const ResetStmt *s) {
          line(s->getLoc()) << "Reset\n";
          Indent in(*this);
          for (const Operand &q : s->getQubits())
            dump(q);
        })
        .Case([&](const IfStmt *s) {
          line(s->getLoc()) << "If\n";
          Indent in(*this);
          dump(s->getCond());
          dump(s->getThen());
          if (s->getElse())
            dump(*s->getElse());
        })
        .Case([&](const EntangleStmt *s) {
          line(s->getLoc())
              << (s->getPattern() == EntangleStmt::Pattern::Ring ? "Ring "
                                                                 : "Ladder ")
              << s->getGate() << "\n";
          Indent in(*this);
          for (const Operand &q : s->getWires())
            dump(q);
        })
        .Case([&](const GateStmt *s) {
          line(s->getLoc()) << "Apply " << s->getGate() << "\n";
          Indent in(*this);
          for (const ExprPtr &arg : s->getArgs())
            dump(*arg);
          for (const Operand &q : s->getQubits())
            dump(q);
        });
  }

  static char binaryOp(BinaryExpr::Op op) {
    switch (op) {
    case BinaryExpr::Op::Add:
      return '+';
    case BinaryExpr::Op::Sub:
      return '-';
    case BinaryExpr::Op::Mul:
      return '*';
    case BinaryExpr::Op::Div:
      return '/';
    case BinaryExpr::Op::Pow:
      return '^';
    case BinaryExpr::Op::Eq:
      return '=';
    case BinaryExpr::Op::Ne:
      return '!';
    }
    return '?';
  }

  void dump(const Expr &expr) {
    llvm::TypeSwitch<const Expr *>(&expr)
        .Case([&](const NumberExpr *e) {
          line(e->getLoc()) << "Number " << e->getValue() << "\n";
        })
        .Case([&](const StringExpr *e) {
          line(e->getLoc()) << "String \"" << e->getValue() << "\"\n";
        })
        .Case([&](const NameExpr *e) {
          line(e->getLoc()) << "Name " << e->getName() << "\n";
        })
        .Case([&](const IndexExpr *e) {
          line(e->getLoc()) << (e->isSlice() ? "Slice\n" : "Index\n");
          Indent in(*this);
          dump(e->getBase());
          dump(e->getIndex());
          if (e->getSliceEnd())
            dump(*e->getSliceEnd());
        })
        .Case([&](const VectorExpr *e) {
          line(e->getLoc()) << "Vector\n";
          Indent in(*this);
          for (const ExprPtr &element : e->getElements())
            dump(*element);
        })
        .Case([&](const UnaryExpr *e) {
          line(e->getLoc()) << "Unary " << e->getOp() << "\n";
          Indent in(*this);
          dump(e->getOperand());
        })
        .Case([&](const BinaryExpr *e) {
          line(e->getLoc()) << "Binary " << binaryOp(e->getOp())
                            << (e->getOp() == BinaryExpr::Op::Eq ||
                                        e->getOp() == BinaryExpr::Op::Ne
                                    ? "="
                                    : "")
                            << "\n";
          Indent in(*this);
          dump(e->getLHS());
          dump(e->getRHS());
        })
        .Case([&](const CallExpr *e) {
          line(e->getLoc()) << "Call " << e->getCallee() << "\n";
          Indent in(*this);
          for (const Argument &arg : e->getArgs()) {
            if (!arg.name.empty()) {
              line(arg.loc) << "Named " << arg.name << "\n";
              Indent in2(*this);
              dump(*arg.value);
            } else {
              dump(*arg.value);
            }
          }
        });
  }

  llvm::raw_ostream &os;
  unsigned depth = 0;
};

} // namespace

void qruc::ast::dump(const Module &module, llvm::raw_ostream &os) {
  Dumper(os).dump(module);
}
