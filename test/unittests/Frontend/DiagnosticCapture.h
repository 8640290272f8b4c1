//===- DiagnosticCapture.h - diagnostics collected by a test ----*- C++ -*-===//
//
// This file declares a helper for the front-end unit tests: while it lives,
// every diagnostic emitted through an MLIRContext is recorded (message,
// severity, file:line:col and attached notes) instead of printed, so tests
// can check what the parser and semantic analysis report and where.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_UNITTESTS_FRONTEND_DIAGNOSTICCAPTURE_H
#define QRUC_UNITTESTS_FRONTEND_DIAGNOSTICCAPTURE_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

#include <ostream>
#include <string>
#include <vector>

namespace qruc::test {

/// One recorded diagnostic. `line` and `column` are 0 when the location was
/// not a FileLineColLoc.
struct CapturedDiagnostic {
  mlir::DiagnosticSeverity severity = mlir::DiagnosticSeverity::Error;
  std::string message;
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::vector<CapturedDiagnostic> notes;

  bool isError() const {
    return severity == mlir::DiagnosticSeverity::Error;
  }
};

/// Prints `file:line:col: message` in gtest failure messages.
inline void PrintTo(const CapturedDiagnostic &diag, std::ostream *os) {
  *os << diag.file << ":" << diag.line << ":" << diag.column << ": "
      << diag.message;
}

/// Succeeds when `diag` is an error at `line`:`column` whose message
/// contains `text`; otherwise says what was found.
inline ::testing::AssertionResult isErrorAt(const CapturedDiagnostic &diag,
                                            unsigned line, unsigned column,
                                            const std::string &text) {
  if (diag.isError() && diag.line == line && diag.column == column &&
      diag.message.find(text) != std::string::npos)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected an error at " << line << ":" << column
         << " containing \"" << text << "\", but got "
         << (diag.isError() ? "an error" : "a non-error") << " at "
         << diag.file << ":" << diag.line << ":" << diag.column << ": \""
         << diag.message << "\"";
}

/// Records every diagnostic of `context` while it lives.
class DiagnosticCapture {
public:
  explicit DiagnosticCapture(mlir::MLIRContext &context)
      : handler(&context, [this](mlir::Diagnostic &diag) {
          diagnostics.push_back(convert(diag));
          return mlir::success();
        }) {}

  const std::vector<CapturedDiagnostic> &all() const { return diagnostics; }

  std::vector<CapturedDiagnostic> errors() const {
    std::vector<CapturedDiagnostic> result;
    for (const CapturedDiagnostic &diag : diagnostics)
      if (diag.isError())
        result.push_back(diag);
    return result;
  }

  void clear() { diagnostics.clear(); }

  /// Every recorded diagnostic, one per line, for failure messages.
  std::string str() const {
    std::string text;
    for (const CapturedDiagnostic &diag : diagnostics)
      text += ::testing::PrintToString(diag) + "\n";
    return text;
  }

private:
  static CapturedDiagnostic convert(mlir::Diagnostic &diag) {
    CapturedDiagnostic result;
    result.severity = diag.getSeverity();
    result.message = diag.str();
    if (auto loc = llvm::dyn_cast<mlir::FileLineColLoc>(diag.getLocation())) {
      result.file = loc.getFilename().str();
      result.line = loc.getLine();
      result.column = loc.getColumn();
    }
    for (mlir::Diagnostic &note : diag.getNotes())
      result.notes.push_back(convert(note));
    return result;
  }

  std::vector<CapturedDiagnostic> diagnostics;
  mlir::ScopedDiagnosticHandler handler;
};

} // namespace qruc::test

#endif // QRUC_UNITTESTS_FRONTEND_DIAGNOSTICCAPTURE_H
