//===- Parser.cpp - ANTLR parse tree to AST --------------------------------===//
//
// This file runs the ANTLR-generated lexer and parser over a .qru buffer and
// turns the parse tree into the AST. It is one of the two translation units
// built with exceptions and RTTI; no exception leaves it.
//
// Hostile input is handled before the parser sees it: text that is not UTF-8
// is rejected with the position of the first bad byte, and nesting and
// statement length beyond ParserLimits are rejected on the token stream. That
// bounds the recursion of the parser and of the later passes over the AST;
// the bound fits the large stack qruc runs the front end on (see Parser.h).
//
//===----------------------------------------------------------------------===//

#include "qruc/Frontend/Parser.h"

#include "QRULexer.h"
#include "QRUParser.h"
#include "antlr4-runtime.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

#include <cmath>

using namespace qruc;
using namespace qruc::ast;
using qruc::grammar::QRULexer;
using qruc::grammar::QRUParser;

namespace {

/// Reports diagnostics at 1-based positions of one file.
class Reporter {
public:
  Reporter(mlir::MLIRContext &context, llvm::StringRef filename,
           unsigned maxErrors)
      : context(context), filename(filename), maxErrors(maxErrors) {}

  void error(unsigned line, unsigned column, const llvm::Twine &message) {
    ++errors;
    if (errors > maxErrors)
      return;
    mlir::emitError(mlir::FileLineColLoc::get(&context, filename, line, column))
        << message;
    if (errors == maxErrors)
      mlir::emitRemark(
          mlir::FileLineColLoc::get(&context, filename, line, column))
          << "too many syntax errors; stopping here";
  }

  unsigned getErrorCount() const { return errors; }

private:
  mlir::MLIRContext &context;
  std::string filename;
  unsigned maxErrors;
  unsigned errors = 0;
};

/// Forwards ANTLR's syntax errors to the Reporter.
class ErrorListener : public antlr4::BaseErrorListener {
public:
  explicit ErrorListener(Reporter &reporter) : reporter(reporter) {}

  void syntaxError(antlr4::Recognizer *, antlr4::Token *, size_t line,
                   size_t charPositionInLine, const std::string &message,
                   std::exception_ptr) override {
    reporter.error(line, charPositionInLine + 1, reword(message));
  }

  /// Rewords ANTLR's messages in the style of qruc's other diagnostics:
  /// "mismatched input 'x' expecting ';'" becomes "unexpected 'x'; expected
  /// ';'", and the end of the file is called that rather than '<EOF>'.
  static std::string reword(llvm::StringRef message) {
    std::string text = message.str();
    auto replace = [&](llvm::StringRef from, llvm::StringRef to) {
      for (size_t at = text.find(from.str()); at != std::string::npos;
           at = text.find(from.str(), at + to.size()))
        text.replace(at, from.size(), to.str());
    };
    replace("'<EOF>'", "end of file");
    replace("<EOF>", "end of file");
    replace("mismatched input ", "unexpected ");
    replace("extraneous input ", "unexpected ");
    replace("no viable alternative at input ", "cannot parse ");
    replace(" expecting ", "; expected ");
    if (llvm::StringRef(text).starts_with("missing "))
      replace(" at ", " before ");
    // Token kinds in the expected set read as what they are.
    size_t expected = text.find("; expected ");
    if (llvm::StringRef(text).starts_with("missing "))
      expected = 0;
    if (expected == std::string::npos)
      return text;
    std::string head = text.substr(0, expected), tail = text.substr(expected);
    for (auto [kind, words] : {std::pair{"ID", "a name"},
                               std::pair{"NUMBER", "a number"},
                               std::pair{"STRING", "a string"}}) {
      llvm::StringRef k(kind);
      for (size_t at = tail.find(kind); at != std::string::npos;
           at = tail.find(kind, at + 1)) {
        bool before = at == 0 || (!isalnum(tail[at - 1]) &&
                                  tail[at - 1] != '\'');
        bool after = at + k.size() >= tail.size() ||
                     !isalnum(tail[at + k.size()]);
        if (before && after)
          tail.replace(at, k.size(), words);
      }
    }
    return head + tail;
  }

private:
  Reporter &reporter;
};

/// The offset of the first byte at or after `from` that is not UTF-8 text
/// (an invalid sequence, NUL or another control character), or npos.
size_t findNonTextByte(llvm::StringRef source, size_t from) {
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(source.data());
  const auto *end = begin + source.size();
  for (const auto *bytes = begin + from; bytes < end;) {
    unsigned length = llvm::getNumBytesForUTF8(*bytes);
    bool legal = bytes + length <= end &&
                 llvm::isLegalUTF8Sequence(bytes, bytes + length);
    bool control = length == 1 && *bytes < 0x20 && *bytes != '\n' &&
                   *bytes != '\r' && *bytes != '\t';
    if (!legal || control)
      return bytes - begin;
    bytes += length;
  }
  return llvm::StringRef::npos;
}

/// Rejects text that is not UTF-8: reports the first bad byte and returns
/// false.
bool checkText(llvm::StringRef source, Reporter &reporter) {
  size_t bad = findNonTextByte(source, 0);
  if (bad == llvm::StringRef::npos)
    return true;
  llvm::StringRef before = source.take_front(bad);
  unsigned line = 1 + before.count('\n');
  llvm::StringRef lineStart = before.substr(before.rfind('\n') + 1);
  // Columns count characters: every byte but UTF-8 continuation bytes.
  unsigned column = 1 + llvm::count_if(lineStart, [](char c) {
                      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                    });
  reporter.error(line, column,
                 "the file is not UTF-8 text: unexpected byte 0x" +
                     llvm::utohexstr(static_cast<unsigned char>(source[bad]),
                                     /*LowerCase=*/true, 2));
  return false;
}

/// Rejects nesting deeper than the limit and statements longer than the
/// limit, on the token stream, before the parser recurses into them.
bool checkNesting(antlr4::CommonTokenStream &tokens, const ParserLimits &limits,
                  Reporter &reporter) {
  unsigned depth = 0, signRun = 0, statementTokens = 0;
  for (antlr4::Token *token : tokens.getTokens()) {
    std::string text = token->getText();
    auto report = [&](const llvm::Twine &what) {
      reporter.error(token->getLine(), token->getCharPositionInLine() + 1,
                     what);
      return false;
    };
    if (text == "(" || text == "[" || text == "{") {
      if (++depth > limits.maxNesting)
        return report("nesting is deeper than the limit of " +
                      llvm::Twine(limits.maxNesting));
    } else if ((text == ")" || text == "]" || text == "}") && depth > 0) {
      --depth;
    }
    if (text == "-" || text == "+") {
      if (++signRun > limits.maxNesting)
        return report("more than " + llvm::Twine(limits.maxNesting) +
                      " consecutive signs");
    } else {
      signRun = 0;
    }
    if (text == ";" || text == "{" || text == "}")
      statementTokens = 0;
    else if (++statementTokens > limits.maxStatementTokens)
      return report("statement is longer than the limit of " +
                    llvm::Twine(limits.maxStatementTokens) + " tokens");
  }
  return true;
}

/// Builds the AST from a parse tree that has no syntax errors.
class Builder {
public:
  explicit Builder(Reporter &reporter) : reporter(reporter) {}

  std::unique_ptr<Module> build(QRUParser::ProgramContext *program) {
    auto *header = program->modelHeader();
    std::vector<DeclPtr> decls;
    for (auto *decl : program->declaration())
      decls.push_back(buildDecl(decl));
    return std::make_unique<Module>(loc(header), header->ID()->getText(),
                                    std::move(decls));
  }

private:
  static Location loc(antlr4::Token *token) {
    return {static_cast<unsigned>(token->getLine()),
            static_cast<unsigned>(token->getCharPositionInLine() + 1)};
  }
  static Location loc(antlr4::ParserRuleContext *ctx) {
    return loc(ctx->getStart());
  }
  static Location loc(antlr4::tree::TerminalNode *node) {
    return loc(node->getSymbol());
  }

  //===--------------------------------------------------------------------===//
  // Declarations

  DeclPtr buildDecl(QRUParser::DeclarationContext *ctx) {
    if (auto *c = ctx->constDecl())
      return std::make_unique<ConstDecl>(loc(c->ID()), c->ID()->getText(),
                                         buildExpr(c->expr()));
    if (auto *c = ctx->qubitDecl())
      return shaped(Decl::Kind::Qubit, c->ID(), c->shape());
    if (auto *c = ctx->bitDecl())
      return shaped(Decl::Kind::Bit, c->ID(), c->shape());
    if (auto *c = ctx->inputDecl())
      return shaped(Decl::Kind::Input, c->ID(), c->shape());
    if (auto *c = ctx->memoryDecl())
      return shaped(Decl::Kind::Memory, c->ID(), c->shape(),
                    c->expr() ? ShapedDecl::InitStyle::Assign
                              : ShapedDecl::InitStyle::None,
                    c->expr());
    if (auto *c = ctx->paramDecl()) {
      auto style = ShapedDecl::InitStyle::None;
      if (c->initKind)
        style = c->initKind->getText() == "~"
                    ? ShapedDecl::InitStyle::Distribution
                    : ShapedDecl::InitStyle::Assign;
      return shaped(Decl::Kind::Param, c->ID(), c->shape(), style,
                    c->expr());
    }
    if (auto *c = ctx->outputDecl())
      return shaped(Decl::Kind::Output, c->ID(), c->shape(),
                    ShapedDecl::InitStyle::None, nullptr, c->timing());
    if (auto *c = ctx->targetDecl())
      return shaped(Decl::Kind::Target, c->ID(), c->shape(),
                    ShapedDecl::InitStyle::None, nullptr, c->timing());
    if (auto *c = ctx->gateDecl())
      return std::make_unique<GateDecl>(
          loc(c->name), c->name->getText(), formals(c->params), formals(c->qubits),
          buildBlock(c->block()));
    if (auto *c = ctx->stepDecl())
      return std::make_unique<StepDecl>(loc(c), c->PERSISTENT != nullptr,
                                        buildBlock(c->block()));
    auto *c = ctx->experimentDecl();
    std::vector<Setting> settings;
    for (auto *s : c->setting())
      settings.push_back(
          Setting{loc(s), s->ID()->getText(), buildExpr(s->expr())});
    return std::make_unique<ExperimentDecl>(loc(c), std::move(settings));
  }

  /// Named declarations are located at their name, where a redefinition
  /// or a misuse is best shown.
  DeclPtr shaped(Decl::Kind kind, antlr4::tree::TerminalNode *name,
                 QRUParser::ShapeContext *shape,
                 ShapedDecl::InitStyle style = ShapedDecl::InitStyle::None,
                 QRUParser::ExprContext *init = nullptr,
                 QRUParser::TimingContext *timing = nullptr) {
    std::vector<ExprPtr> dims;
    if (shape)
      for (auto *dim : shape->expr())
        dims.push_back(buildExpr(dim));
    auto when = ShapedDecl::Timing::Default;
    if (timing)
      when = timing->LAST ? ShapedDecl::Timing::Last
                          : ShapedDecl::Timing::Every;
    return std::make_unique<ShapedDecl>(kind, loc(name), name->getText(),
                                        std::move(dims), style,
                                        init ? buildExpr(init) : nullptr, when);
  }

  static std::vector<Formal> formals(QRUParser::IdListContext *list) {
    std::vector<Formal> result;
    if (list)
      for (auto *id : list->ID())
        result.push_back(Formal{loc(id), id->getText()});
    return result;
  }

  //===--------------------------------------------------------------------===//
  // Statements

  std::unique_ptr<BlockStmt> buildBlock(QRUParser::BlockContext *ctx) {
    std::vector<StmtPtr> body;
    for (auto *stmt : ctx->statement())
      body.push_back(buildStmt(stmt));
    return std::make_unique<BlockStmt>(loc(ctx), std::move(body));
  }

  StmtPtr buildStmt(QRUParser::StatementContext *ctx) {
    if (auto *c = dynamic_cast<QRUParser::BlockStmtContext *>(ctx))
      return buildBlock(c->block());
    if (auto *c = dynamic_cast<QRUParser::ForStmtContext *>(ctx))
      return std::make_unique<ForStmt>(loc(c), c->ID()->getText(),
                                       buildExpr(c->expr(0)),
                                       buildExpr(c->expr(1)),
                                       buildBlock(c->block()));
    if (auto *c = dynamic_cast<QRUParser::LetStmtContext *>(ctx))
      return std::make_unique<LetStmt>(loc(c->ID()), c->ID()->getText(),
                                       buildExpr(c->expr()));
    if (auto *c = dynamic_cast<QRUParser::MeasureStmtContext *>(ctx))
      return std::make_unique<MeasureStmt>(
          loc(c), c->ID()->getText(),
          c->expr() ? buildExpr(c->expr()) : nullptr,
          buildOperand(c->operand()));
    if (auto *c = dynamic_cast<QRUParser::AssignStmtContext *>(ctx)) {
      auto exprs = c->expr();
      ExprPtr index = exprs.size() == 2 ? buildExpr(exprs[0]) : nullptr;
      return std::make_unique<AssignStmt>(loc(c), c->ID()->getText(),
                                          std::move(index),
                                          buildExpr(exprs.back()));
    }
    if (auto *c = dynamic_cast<QRUParser::ResetStmtContext *>(ctx))
      return std::make_unique<ResetStmt>(loc(c), buildOperands(c->operand()));
    if (auto *c = dynamic_cast<QRUParser::IfStmtContext *>(ctx))
      return std::make_unique<IfStmt>(
          loc(c), buildExpr(c->expr()), buildStmt(c->body),
          c->orelse ? buildStmt(c->orelse) : nullptr);
    if (auto *c = dynamic_cast<QRUParser::EntangleStmtContext *>(ctx))
      return std::make_unique<EntangleStmt>(
          loc(c),
          c->pattern->getText() == "ring" ? EntangleStmt::Pattern::Ring
                                          : EntangleStmt::Pattern::Ladder,
          loc(c->gate), c->gate->getText(), buildOperands(c->operand()));
    auto *c = dynamic_cast<QRUParser::GateStmtContext *>(ctx);
    std::vector<ExprPtr> args;
    if (auto *list = c->exprList())
      for (auto *e : list->expr())
        args.push_back(buildExpr(e));
    return std::make_unique<GateStmt>(loc(c), c->ID()->getText(),
                                      std::move(args),
                                      buildOperands(c->operand()));
  }

  Operand buildOperand(QRUParser::OperandContext *ctx) {
    Operand operand{loc(ctx), ctx->ID()->getText(), nullptr, nullptr};
    if (auto *index = ctx->index())
      std::tie(operand.index, operand.sliceEnd) = buildIndex(index);
    return operand;
  }

  std::vector<Operand>
  buildOperands(const std::vector<QRUParser::OperandContext *> &ctxs) {
    std::vector<Operand> result;
    for (auto *ctx : ctxs)
      result.push_back(buildOperand(ctx));
    return result;
  }

  std::pair<ExprPtr, ExprPtr> buildIndex(QRUParser::IndexContext *ctx) {
    if (auto *range = dynamic_cast<QRUParser::RangeIndexContext *>(ctx))
      return {buildExpr(range->expr(0)), buildExpr(range->expr(1))};
    auto *single = dynamic_cast<QRUParser::SingleIndexContext *>(ctx);
    return {buildExpr(single->expr()), nullptr};
  }

  //===--------------------------------------------------------------------===//
  // Expressions

  ExprPtr buildExpr(QRUParser::ExprContext *ctx) {
    Location at = loc(ctx);
    if (auto *c = dynamic_cast<QRUParser::ParenExprContext *>(ctx))
      return buildExpr(c->expr());
    if (auto *c = dynamic_cast<QRUParser::NumberExprContext *>(ctx))
      return buildNumber(c->NUMBER());
    if (auto *c = dynamic_cast<QRUParser::StringExprContext *>(ctx))
      return std::make_unique<StringExpr>(at, unquote(c->STRING()->getText()));
    if (auto *c = dynamic_cast<QRUParser::NameExprContext *>(ctx))
      return std::make_unique<NameExpr>(at, c->ID()->getText());
    if (auto *c = dynamic_cast<QRUParser::CallExprContext *>(ctx)) {
      std::vector<Argument> args;
      if (auto *list = c->argList())
        for (auto *arg : list->arg())
          args.push_back(Argument{loc(arg),
                                  arg->ID() ? arg->ID()->getText() : "",
                                  buildExpr(arg->expr())});
      return std::make_unique<CallExpr>(at, c->ID()->getText(),
                                        std::move(args));
    }
    if (auto *c = dynamic_cast<QRUParser::IndexExprContext *>(ctx)) {
      auto [lo, hi] = buildIndex(c->index());
      return std::make_unique<IndexExpr>(at, buildExpr(c->expr()),
                                         std::move(lo), std::move(hi));
    }
    if (auto *c = dynamic_cast<QRUParser::VectorExprContext *>(ctx)) {
      std::vector<ExprPtr> elements;
      if (auto *list = c->exprList())
        for (auto *e : list->expr())
          elements.push_back(buildExpr(e));
      return std::make_unique<VectorExpr>(at, std::move(elements));
    }
    if (auto *c = dynamic_cast<QRUParser::UnaryExprContext *>(ctx))
      return std::make_unique<UnaryExpr>(at, c->op->getText()[0],
                                         buildExpr(c->expr()));
    if (auto *c = dynamic_cast<QRUParser::PowerExprContext *>(ctx))
      return binary(c, BinaryExpr::Op::Pow, c->expr(0), c->expr(1));
    if (auto *c = dynamic_cast<QRUParser::MulExprContext *>(ctx))
      return binary(c, c->op->getText() == "*" ? BinaryExpr::Op::Mul
                                               : BinaryExpr::Op::Div,
                    c->expr(0), c->expr(1));
    if (auto *c = dynamic_cast<QRUParser::AddExprContext *>(ctx))
      return binary(c, c->op->getText() == "+" ? BinaryExpr::Op::Add
                                               : BinaryExpr::Op::Sub,
                    c->expr(0), c->expr(1));
    auto *c = dynamic_cast<QRUParser::CompareExprContext *>(ctx);
    return binary(c, c->op->getText() == "==" ? BinaryExpr::Op::Eq
                                              : BinaryExpr::Op::Ne,
                  c->expr(0), c->expr(1));
  }

  /// Binary nodes point at their operator, where a reader looks first.
  ExprPtr binary(antlr4::ParserRuleContext *ctx, BinaryExpr::Op op,
                 QRUParser::ExprContext *lhs, QRUParser::ExprContext *rhs) {
    auto *opToken = dynamic_cast<antlr4::tree::TerminalNode *>(ctx->children[1]);
    Location at = opToken ? loc(opToken) : loc(ctx);
    return std::make_unique<BinaryExpr>(at, op, buildExpr(lhs),
                                        buildExpr(rhs));
  }

  ExprPtr buildNumber(antlr4::tree::TerminalNode *node) {
    std::string text = node->getText();
    double value = 0;
    if (llvm::StringRef(text).getAsDouble(value) || !std::isfinite(value)) {
      Location at = loc(node);
      reporter.error(at.line, at.column,
                     "number '" + text + "' is out of range");
      value = 0;
    }
    bool integer = text.find_first_of(".eE") == std::string::npos;
    return std::make_unique<NumberExpr>(loc(node), value, integer);
  }

  static std::string unquote(const std::string &quoted) {
    std::string result;
    for (size_t i = 1; i + 1 < quoted.size(); ++i) {
      char ch = quoted[i];
      if (ch == '\\' && i + 2 < quoted.size()) {
        char next = quoted[++i];
        result += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        continue;
      }
      result += ch;
    }
    return result;
  }

  Reporter &reporter;
};

} // namespace

std::string qruc::printableSource(llvm::StringRef source) {
  std::string result;
  result.reserve(source.size());
  size_t bad = findNonTextByte(source, 0);
  for (size_t i = 0; i < source.size();) {
    unsigned char byte = source[i];
    if (i == bad) {
      result += '?';
      bad = findNonTextByte(source, ++i);
      continue;
    }
    unsigned length = byte < 0x80 ? 1 : llvm::getNumBytesForUTF8(byte);
    result += length == 1 ? static_cast<char>(byte) : '?';
    i += length;
  }
  return result;
}

std::unique_ptr<Module> qruc::parseModule(llvm::StringRef source,
                                          llvm::StringRef filename,
                                          mlir::MLIRContext &context,
                                          const ParserLimits &limits) {
  Reporter reporter(context, filename, limits.maxErrors);
  if (!checkText(source, reporter))
    return nullptr;
  try {
    antlr4::ANTLRInputStream input(source.str());
    QRULexer lexer(&input);
    ErrorListener listener(reporter);
    lexer.removeErrorListeners();
    lexer.addErrorListener(&listener);
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    if (!checkNesting(tokens, limits, reporter))
      return nullptr;

    QRUParser parser(&tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(&listener);
    QRUParser::ProgramContext *program = parser.program();
    if (reporter.getErrorCount() != 0)
      return nullptr;
    std::unique_ptr<Module> module = Builder(reporter).build(program);
    if (reporter.getErrorCount() != 0)
      return nullptr;
    return module;
  } catch (const std::exception &e) {
    reporter.error(1, 1, llvm::Twine("cannot parse the file: ") + e.what());
    return nullptr;
  }
}
