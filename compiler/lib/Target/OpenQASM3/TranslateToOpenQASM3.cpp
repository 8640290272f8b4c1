//===- TranslateToOpenQASM3.cpp - the exporter as an MLIR translation -----===//
//
// `qruc-translate --qru-to-openqasm3` reads a module holding one qru.model
// (as printed by `qruc --emit=mlir-opt --pipeline=ibm`) and writes its
// OpenQASM 3 program in the mode the model calls for.
//
//===----------------------------------------------------------------------===//

#include "qruc/Target/OpenQASM3/ExportOpenQASM3.h"

#include "qruc/Dialect/QRU/QRUDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;
using namespace qruc;
using namespace qruc::openqasm3;

FailureOr<qru::ModelOp> openqasm3::getSingleModel(ModuleOp module) {
  auto models = module.getOps<qru::ModelOp>();
  if (models.empty())
    return module.emitError("the module holds no qru.model"), failure();
  if (std::next(models.begin()) != models.end())
    return module.emitError("the module holds more than one qru.model"),
           failure();
  return *models.begin();
}

LogicalResult openqasm3::translateToOpenQASM3(ModuleOp module,
                                              const ExportOptions &options,
                                              raw_ostream &os) {
  FailureOr<qru::ModelOp> model = getSingleModel(module);
  if (failed(model))
    return failure();
  FailureOr<ModeChoice> choice = chooseMode(*model);
  if (failed(choice))
    return failure();
  if (choice->mode == Mode::Dynamic)
    return emitDynamicCircuit(*model, options, os);
  FailureOr<PerStepProgram> program = emitPerStep(*model, options);
  if (failed(program))
    return failure();
  os << program->stepCircuit;
  return success();
}

void openqasm3::registerToOpenQASM3Translation() {
  static llvm::cl::opt<unsigned> steps(
      "qasm-steps",
      llvm::cl::desc("Time steps a dynamic circuit unrolls (default 1)"),
      llvm::cl::init(1));
  TranslateFromMLIRRegistration registration(
      "qru-to-openqasm3", "translate a qru model to OpenQASM 3",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expected a builtin.module");
        ExportOptions options;
        options.steps = steps;
        return translateToOpenQASM3(module, options, os);
      },
      [](DialectRegistry &registry) {
        registry.insert<qru::QRUDialect, arith::ArithDialect,
                        linalg::LinalgDialect, math::MathDialect,
                        scf::SCFDialect, tensor::TensorDialect>();
      });
}
