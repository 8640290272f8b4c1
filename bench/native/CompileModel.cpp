//===- CompileModel.cpp - a .qru file to a step program -------------------===//
//
// This file chains the front end, the sim pipeline and the simulator
// lowering for the benchmarks, as qruc's --emit=program and --target sim do,
// and reads the experiment with the driver's bridge.
//
//===----------------------------------------------------------------------===//

#include "CompileModel.h"

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Driver/ExperimentSettings.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Pipeline/Pipelines.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace qruc;

std::optional<bench::CompiledModel>
bench::compileModel(const std::string &path, bool optimize) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    llvm::errs() << path << ": error: " << buffer.getError().message()
                 << "\n";
    return std::nullopt;
  }
  mlir::MLIRContext context;
  context.disableMultithreading();
  context.getOrLoadDialect<qru::QRUDialect>();
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(
          printableSource((*buffer)->getBuffer()), path),
      llvm::SMLoc());
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  auto module = parseModule((*buffer)->getBuffer(), path, context);
  if (!module)
    return std::nullopt;
  auto model = analyze(*module, path, context);
  if (!model)
    return std::nullopt;
  auto ir = generateMLIR(*model, path, context);
  if (!ir)
    return std::nullopt;
  if (optimize && failed(runPipeline(*ir, Target::Sim)))
    return std::nullopt;
  auto modelOp = *ir->getBody()->getOps<qru::ModelOp>().begin();
  mlir::FailureOr<runtime::StepProgram> program = lowerToStepProgram(modelOp);
  if (failed(program))
    return std::nullopt;
  CompiledModel compiled{std::move(*program), {}};
  if (failed(buildExperimentSpec(*model, path, context, compiled.experiment)))
    return std::nullopt;
  return compiled;
}
