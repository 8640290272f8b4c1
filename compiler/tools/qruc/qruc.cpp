//===- qruc.cpp - the qruc compiler driver ---------------------------------===//
//
// This file implements `qruc`, the command-line compiler for .qru models. It
// parses, checks and lowers a model and prints the stage the user asks for.
// The work runs on a thread with a large stack so that deeply nested (but
// legal) input cannot exhaust it.
//
//===----------------------------------------------------------------------===//

#include "qruc/Analysis/Summary.h"
#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/thread.h"

using namespace qruc;

namespace {

enum class Emit { AST, MLIR, Summary };

llvm::cl::OptionCategory qrucCategory("qruc options");

llvm::cl::opt<std::string> inputFile(llvm::cl::Positional, llvm::cl::Required,
                                     llvm::cl::desc("<model.qru | ->"),
                                     llvm::cl::cat(qrucCategory));

llvm::cl::opt<Emit> emitAction(
    "emit", llvm::cl::desc("The stage to print (default: summary)"),
    llvm::cl::init(Emit::Summary),
    llvm::cl::values(
        clEnumValN(Emit::AST, "ast", "the abstract syntax tree"),
        clEnumValN(Emit::MLIR, "mlir", "the qru dialect, as generated"),
        clEnumValN(Emit::Summary, "summary",
                   "qubits, parameters, gates and depth per step")),
    llvm::cl::cat(qrucCategory));

llvm::cl::opt<std::string> outputFile("o",
                                      llvm::cl::desc("Output file (default: "
                                                     "standard output)"),
                                      llvm::cl::value_desc("file"),
                                      llvm::cl::init("-"),
                                      llvm::cl::cat(qrucCategory));

/// The most stack the front end may use on hostile input.
constexpr unsigned kFrontendStackBytes = 512u << 20;

int compile() {
  mlir::MLIRContext context;
  context.disableMultithreading();
  context.getOrLoadDialect<qru::QRUDialect>();
  context.printOpOnDiagnostic(false);

  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      mlir::openInputFile(inputFile, &error);
  if (!buffer) {
    llvm::errs() << "qruc: error: " << error << "\n";
    return 1;
  }
  std::string filename =
      inputFile == "-" ? std::string("<stdin>") : inputFile.getValue();
  llvm::StringRef source = buffer->getBuffer();
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(printableSource(source), filename),
      llvm::SMLoc());

  std::unique_ptr<ast::Module> module = parseModule(source, filename, context);
  if (!module)
    return 1;

  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFile, &error);
  if (!output) {
    llvm::errs() << "qruc: error: " << error << "\n";
    return 1;
  }
  if (emitAction == Emit::AST) {
    ast::dump(*module, output->os());
    output->keep();
    return 0;
  }

  std::unique_ptr<hir::Model> model = analyze(*module, filename, context);
  if (!model)
    return 1;
  mlir::OwningOpRef<mlir::ModuleOp> ir = generateMLIR(*model, filename,
                                                      context);
  if (!ir)
    return 1;

  if (emitAction == Emit::MLIR) {
    ir->print(output->os(), mlir::OpPrintingFlags());
    output->os() << "\n";
  } else {
    auto modelOp = *ir->getBody()->getOps<qru::ModelOp>().begin();
    printSummary(summarize(modelOp), output->os());
  }
  output->keep();
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  llvm::cl::HideUnrelatedOptions(qrucCategory);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "qruc - the compiler for quantum recurrent neural networks\n\n"
      "  qruc model.qru                  check the model, print its summary\n"
      "  qruc model.qru --emit=ast       print the abstract syntax tree\n"
      "  qruc model.qru --emit=mlir      print the qru dialect\n"
      "  qruc - < model.qru              read the model from standard input\n\n"
      "  MLIR's printing options apply to --emit=mlir, e.g.\n"
      "  --mlir-print-debuginfo (source locations) and\n"
      "  --mlir-print-op-generic; --help-hidden lists them all.\n");
  int status = 1;
  llvm::thread worker(std::optional<unsigned>(kFrontendStackBytes), [&] { status = compile(); });
  worker.join();
  return status;
}
