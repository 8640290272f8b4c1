//===- qruc-translate.cpp - translations out of the qru dialect -----------===//
//
// An mlir-translate for qruc: `qruc-translate --qru-to-openqasm3 model.mlir`
// writes the OpenQASM 3 program of a qru model printed by
// `qruc --emit=mlir-opt --pipeline=ibm`.
//
//===----------------------------------------------------------------------===//

#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  qruc::openqasm3::registerToOpenQASM3Translation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "qruc translation driver"));
}
