//===- qruc-opt.cpp - the qru optimizer driver -----------------------------===//
//
// This file implements qruc-opt, an mlir-opt style driver over the qru
// dialect and the upstream dialects qruc uses, for testing passes with lit.
// It registers the qru passes and the per-target pipelines, and accepts
// qruc's spelling of MLIR's IR printing options (--print-ir-after-all,
// --print-ir-after=PASS) next to MLIR's own (--mlir-print-ir-after-all, …).
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Pipeline/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

/// Rewrites qruc's IR printing options to MLIR's: --print-ir-before-all,
/// --print-ir-after-all, --print-ir-before=PASS and --print-ir-after=PASS
/// (with one dash or two) gain the "mlir-" prefix.
static std::vector<std::string> withMlirPrintOptions(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (std::string &arg : llvm::MutableArrayRef(args).drop_front()) {
    llvm::StringRef ref(arg);
    llvm::StringRef dashes = ref.starts_with("--") ? "--" : "-";
    llvm::StringRef name = ref.drop_front(dashes.size());
    if (name.starts_with("print-ir-"))
      arg = (dashes + "mlir-" + name).str();
    if (ref == "--")
      break;
  }
  return args;
}

int main(int argc, char **argv) {
  mlir::registerTransformsPasses();
  qruc::qru::registerQRUPasses();
  qruc::registerQRUPipelines();
  mlir::DialectRegistry registry;
  registry.insert<qruc::qru::QRUDialect, mlir::arith::ArithDialect,
                  mlir::func::FuncDialect, mlir::linalg::LinalgDialect,
                  mlir::math::MathDialect, mlir::scf::SCFDialect,
                  mlir::tensor::TensorDialect>();

  std::vector<std::string> args = withMlirPrintOptions(argc, argv);
  std::vector<char *> rewritten;
  for (std::string &arg : args)
    rewritten.push_back(arg.data());
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      static_cast<int>(rewritten.size()), rewritten.data(),
      "qru optimizer driver\n", registry));
}
