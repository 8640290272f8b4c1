//===- Pipelines.cpp - the optimization pipeline of each target ------------===//
//
// This file assembles the per-target pipelines from the qru passes. Every pass
// runs on each qru.model. Cancellation runs again after rotation merging,
// since a merged rotation by 0 that is dropped can bring two inverse gates
// together; folding runs again after each step that creates angle
// arithmetic, and CSE removes the duplicate sines and cosines of fused
// matrices before the parameter-only prefix is formed.
//
//===----------------------------------------------------------------------===//

#include "qruc/Pipeline/Pipelines.h"

#include "qruc/Dialect/QRU/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace qruc;

llvm::StringRef qruc::targetName(Target target) {
  return target == Target::Sim ? "sim" : "ibm";
}

std::optional<Target> qruc::parseTarget(llvm::StringRef name) {
  if (name == "sim")
    return Target::Sim;
  if (name == "ibm")
    return Target::IBM;
  return std::nullopt;
}

/// Adds the passes of the pipeline of `target` to `model`, a pass manager on
/// qru.model.
static void addModelPasses(OpPassManager &model, Target target) {
  model.addPass(qru::createQRUFoldConstants());
  model.addPass(qru::createQRUDeadReadouts());
  model.addPass(qru::createQRUCancelInverses());
  model.addPass(qru::createQRUMergeRotations());
  model.addPass(qru::createQRUCancelInverses());
  model.addPass(qru::createQRUFoldConstants());
  if (target == Target::Sim) {
    model.addPass(qru::createQRUFuseSingleQubit());
    model.addPass(qru::createQRUComposePermutations());
    model.addPass(qru::createQRUFoldConstants());
  }
  model.addPass(createCSEPass());
  if (target == Target::Sim)
    model.addPass(qru::createQRUHoistParameterOnly());
}

void qruc::buildSimPipeline(OpPassManager &pm) {
  addModelPasses(pm.nest<qru::ModelOp>(), Target::Sim);
}

void qruc::buildIBMPipeline(OpPassManager &pm) {
  addModelPasses(pm.nest<qru::ModelOp>(), Target::IBM);
}

void qruc::buildIBMPipeline(OpPassManager &pm,
                            const IBMPipelineOptions &options) {
  OpPassManager &model = pm.nest<qru::ModelOp>();
  addModelPasses(model, Target::IBM);
  if (!options.couplingMap.empty()) {
    // A coupling map has no triangles: route 1- and 2-qubit gates only.
    model.addPass(qru::createQRUDecomposeMultiQubit());
    qru::QRURouteOptions route;
    route.couplingMap = options.couplingMap;
    model.addPass(qru::createQRURoute(route));
  }
  if (options.basis != "none") {
    qru::QRUTranslateBasisOptions translate;
    translate.basis = options.basis;
    model.addPass(qru::createQRUTranslateBasis(translate));
    model.addPass(qru::createQRUFoldConstants());
    model.addPass(createCSEPass());
  }
}

void qruc::buildPipeline(OpPassManager &pm, Target target) {
  addModelPasses(pm.nest<qru::ModelOp>(), target);
}

std::vector<std::string> qruc::pipelinePassArguments(Target target) {
  OpPassManager model(qru::ModelOp::getOperationName());
  addModelPasses(model, target);
  std::vector<std::string> arguments;
  llvm::StringSet<> seen;
  for (Pass &pass : model.getPasses())
    if (seen.insert(pass.getArgument()).second)
      arguments.push_back(pass.getArgument().str());
  return arguments;
}

void qruc::registerQRUPipelines() {
  PassPipelineRegistration<>(
      "qru-sim-pipeline",
      "the optimization pipeline of the simulator target (fuses gates into "
      "qru.unitary and qru.permute)",
      buildSimPipeline);
  PassPipelineRegistration<>(
      "qru-ibm-pipeline",
      "the optimization pipeline of the IBM target (keeps OpenQASM gates)",
      [](OpPassManager &pm) { buildIBMPipeline(pm); });
}
