//===- RunPipeline.cpp - run a target's pipeline with instrumentation ------===//
//
// This file implements runPipeline, which qruc uses to optimize a model: it
// builds the pipeline of a target on a pass manager, checks and applies the
// IR printing requests (qruc's own and MLIR's command-line options) and the
// timing scope, and runs it.
//
//===----------------------------------------------------------------------===//

#include "qruc/Pipeline/Pipelines.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace qruc;

std::string qruc::checkPassArguments(Target target,
                                     llvm::ArrayRef<std::string> names) {
  std::vector<std::string> known = pipelinePassArguments(target);
  for (const std::string &name : names)
    if (!llvm::is_contained(known, name)) {
      std::string message;
      llvm::raw_string_ostream os(message);
      os << "the " << targetName(target) << " pipeline has no pass '" << name
         << "'; it runs ";
      llvm::interleaveComma(known, os);
      return message;
    }
  return "";
}

LogicalResult qruc::runPipeline(ModuleOp module, Target target,
                                const PipelineRunOptions &options) {
  std::string problem = checkPassArguments(target, options.printIRAfter);
  if (!problem.empty())
    return emitError(UnknownLoc::get(module.getContext())) << problem;

  PassManager pm(module.getContext());
  if (options.applyCommandLineOptions &&
      failed(applyPassManagerCLOptions(pm)))
    return failure();
  if (options.printIRAfterAll || !options.printIRAfter.empty()) {
    std::vector<std::string> after = options.printIRAfter;
    bool all = options.printIRAfterAll;
    // Print the whole module, as --mlir-print-ir-module-scope does, when the
    // context is single-threaded (qruc's is), which that requires.
    bool moduleScope = !module.getContext()->isMultithreadingEnabled();
    pm.enableIRPrinting(
        /*shouldPrintBeforePass=*/[](Pass *, Operation *) { return false; },
        /*shouldPrintAfterPass=*/
        [after, all](Pass *pass, Operation *) {
          return all || llvm::is_contained(after, pass->getArgument());
        },
        moduleScope,
        /*printAfterOnlyOnChange=*/false);
  }
  if (options.timing)
    pm.enableTiming(*options.timing);
  buildPipeline(pm, target);
  return pm.run(module);
}

LogicalResult qruc::runIBMPipeline(ModuleOp module,
                                   const IBMPipelineOptions &options) {
  PassManager pm(module.getContext());
  buildIBMPipeline(pm, options);
  return pm.run(module);
}
