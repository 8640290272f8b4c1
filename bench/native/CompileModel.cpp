//===- CompileModel.cpp - a .qru file to a step program -------------------===//
//
// This file chains the front end and the simulator lowering for the
// benchmarks, as qruc's --emit=program does, and converts the checked
// experiment settings for the training library.
//
//===----------------------------------------------------------------------===//

#include "CompileModel.h"

#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace qruc;

namespace {

// ExperimentValue mirrors hir::SettingValue kind for kind.
static_assert(static_cast<int>(hir::SettingValue::Kind::Call) ==
                  static_cast<int>(runtime::ExperimentValue::Kind::Call),
              "the setting kinds must line up");

runtime::ExperimentValue convert(const hir::SettingValue &value) {
  runtime::ExperimentValue out;
  out.kind = static_cast<runtime::ExperimentValue::Kind>(value.kind);
  out.number = value.number;
  out.text = value.text;
  for (const hir::SettingValue &item : value.items)
    out.items.push_back(convert(item));
  for (const auto &[name, field] : value.fields)
    out.fields.emplace_back(name, convert(field));
  return out;
}

} // namespace

std::optional<bench::CompiledModel>
bench::compileModel(const std::string &path) {
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
  // As qruc --emit=program: from the IR as generated.
  auto modelOp = *ir->getBody()->getOps<qru::ModelOp>().begin();
  mlir::FailureOr<runtime::StepProgram> program = lowerToStepProgram(modelOp);
  if (failed(program))
    return std::nullopt;

  CompiledModel compiled{std::move(*program), {}};
  std::vector<runtime::ExperimentSetting> settings;
  for (const hir::Setting &setting : model->experiment)
    settings.push_back({setting.key, convert(setting.value)});
  if (auto error = runtime::parseExperiment(settings, compiled.experiment)) {
    llvm::errs() << path << ": error: experiment setting '"
                 << settings[error->setting].key << "': " << error->message
                 << "\n";
    return std::nullopt;
  }
  return compiled;
}
