//===- qruc-opt.cpp - the qru optimizer driver -----------------------------===//
//
// This file implements qruc-opt, an mlir-opt style driver over the qru
// dialect and the upstream dialects qruc uses, for testing passes with lit.
//
//===----------------------------------------------------------------------===//

#include "qruc/Dialect/QRU/QRUDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::registerTransformsPasses();
  mlir::DialectRegistry registry;
  registry.insert<qruc::qru::QRUDialect, mlir::arith::ArithDialect,
                  mlir::func::FuncDialect, mlir::linalg::LinalgDialect,
                  mlir::math::MathDialect, mlir::scf::SCFDialect,
                  mlir::tensor::TensorDialect>();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "qru optimizer driver\n", registry));
}
