//===- qruc.cpp - the qruc compiler driver ---------------------------------===//
//
// This file implements `qruc`, the command-line compiler for .qru models. It
// parses, checks and lowers a model and prints the stage the user asks for.
// The work runs on a thread with a large stack so that deeply nested (but
// legal) input cannot exhaust it.
//
//===----------------------------------------------------------------------===//

#include "qruc/Analysis/Circuit.h"
#include "qruc/Analysis/Summary.h"
#include "qruc/Dialect/QRU/Passes.h"
#include "qruc/Dialect/QRU/QRUDialect.h"
#include "qruc/Dialect/QRU/QRUOps.h"
#include "qruc/Driver/IBMTarget.h"
#include "qruc/Driver/SimTarget.h"
#include "qruc/Frontend/MLIRGen.h"
#include "qruc/Frontend/Parser.h"
#include "qruc/Frontend/Sema.h"
#include "qruc/Pipeline/Pipelines.h"
#include "qruc/Target/Sim/LowerToStepProgram.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/thread.h"

#include <thread>

using namespace qruc;

namespace {

enum class Emit { AST, MLIR, Program, Summary, MLIROpt, Circuit, SVG };

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
        clEnumValN(Emit::Program, "program",
                   "the step program the simulator runs"),
        clEnumValN(Emit::Summary, "summary",
                   "qubits, parameters, gates and depth per step"),
        clEnumValN(Emit::MLIROpt, "mlir-opt",
                   "the qru dialect after the --pipeline passes"),
        clEnumValN(Emit::Circuit, "circuit", "one time step, drawn as text"),
        clEnumValN(Emit::SVG, "svg", "one time step, drawn as SVG")),
    llvm::cl::cat(qrucCategory));

// Optimization: --emit=mlir-opt, --emit=program and the summary run the
// pipeline of --pipeline; the circuit drawings show the step as generated
// unless --pipeline is given.
llvm::cl::opt<Target> pipelineTarget(
    "pipeline",
    llvm::cl::desc("The target whose optimization pipeline runs (default: "
                   "sim)"),
    llvm::cl::init(Target::Sim),
    llvm::cl::values(
        clEnumValN(Target::Sim, "sim",
                   "the simulator: fuses gates into matrices, permutations"),
        clEnumValN(Target::IBM, "ibm", "IBM devices: keeps OpenQASM gates")),
    llvm::cl::cat(qrucCategory));

llvm::cl::opt<bool> printIRAfterAll(
    "print-ir-after-all",
    llvm::cl::desc("Print the IR after every pass of the pipeline (to "
                   "standard error)"),
    llvm::cl::cat(qrucCategory));

llvm::cl::list<std::string> printIRAfter(
    "print-ir-after",
    llvm::cl::desc("Print the IR after each pass named here (to standard "
                   "error)"),
    llvm::cl::value_desc("pass"), llvm::cl::CommaSeparated,
    llvm::cl::cat(qrucCategory));

llvm::cl::opt<std::string> outputFile("o",
                                      llvm::cl::desc("Output file (default: "
                                                     "standard output)"),
                                      llvm::cl::value_desc("file"),
                                      llvm::cl::init("-"),
                                      llvm::cl::cat(qrucCategory));

// --target sim: training, testing and prediction.
llvm::cl::OptionCategory simCategory("--target sim options");

enum class RunTarget { None, Sim, IBM };

llvm::cl::opt<RunTarget> runTarget(
    "target", llvm::cl::desc("Run the model instead of printing a stage"),
    llvm::cl::init(RunTarget::None),
    llvm::cl::values(clEnumValN(RunTarget::Sim, "sim",
                                "train and test it on the simulator as its "
                                "experiment says"),
                     clEnumValN(RunTarget::IBM, "ibm",
                                "compile it to OpenQASM 3 for IBM hardware "
                                "(files in ibm/<model>)")),
    llvm::cl::cat(qrucCategory));

// --target ibm: OpenQASM 3.
llvm::cl::OptionCategory ibmCategory("--target ibm options");

llvm::cl::opt<std::string> basisOption(
    "basis",
    llvm::cl::desc("Native gates: heron (cz rz sx x), eagle (ecr rz sx x) "
                   "or none (stdgates.inc; the default)"),
    llvm::cl::value_desc("heron|eagle|none"), llvm::cl::init("none"),
    llvm::cl::cat(ibmCategory));

llvm::cl::opt<std::string> couplingMapFile(
    "coupling-map",
    llvm::cl::desc("Lay out and route to the physical qubits of this JSON "
                   "edge list, e.g. [[0,1],[1,2]]"),
    llvm::cl::value_desc("file"), llvm::cl::cat(ibmCategory));

llvm::cl::opt<unsigned> stepsOption(
    "steps",
    llvm::cl::desc("Time steps a dynamic circuit unrolls (default: the "
                   "experiment's sequence length)"),
    llvm::cl::value_desc("n"), llvm::cl::cat(ibmCategory));

llvm::cl::opt<std::string> outputDir(
    "out",
    llvm::cl::desc("Directory of checkpoints and metrics.csv (default: "
                   "runs/<model name>); with --target ibm, of the OpenQASM "
                   "files (default: ibm/<model name>)"),
    llvm::cl::value_desc("dir"), llvm::cl::cat(simCategory));

llvm::cl::opt<std::string> resumeFrom(
    "resume",
    llvm::cl::desc("Continue the experiment that wrote this checkpoint"),
    llvm::cl::value_desc("checkpoint"), llvm::cl::cat(simCategory));

llvm::cl::opt<std::string> paramsFile(
    "params",
    llvm::cl::desc("Trained parameters (a checkpoint) for --predict; with "
                   "--target ibm, bound into the program"),
    llvm::cl::value_desc("file"), llvm::cl::cat(simCategory));

llvm::cl::opt<std::string> predictData(
    "predict",
    llvm::cl::desc("Write one CSV row of model outputs per sample of this "
                   "data file (to -o)"),
    llvm::cl::value_desc("data"), llvm::cl::cat(simCategory));

llvm::cl::opt<std::uint64_t> shotCount(
    "shots",
    llvm::cl::desc("Run each --predict sample this many times through a "
                   "measuring model; write the final bits' counts and the "
                   "outputs' means as JSON lines (to -o)"),
    llvm::cl::value_desc("n"), llvm::cl::cat(simCategory));

llvm::cl::opt<unsigned> epochsOverride(
    "epochs", llvm::cl::desc("Maximum epochs (overrides the model file)"),
    llvm::cl::value_desc("n"), llvm::cl::cat(simCategory));

llvm::cl::opt<unsigned> batchOverride(
    "batch", llvm::cl::desc("Mini-batch size (overrides the model file)"),
    llvm::cl::value_desc("n"), llvm::cl::cat(simCategory));

llvm::cl::opt<std::uint64_t> seedOverride(
    "seed", llvm::cl::desc("Random seed (overrides the model file)"),
    llvm::cl::value_desc("n"), llvm::cl::cat(simCategory));

/// --threads. libLLVM registers a hidden --threads of its own (ThinLTO's,
/// which qruc never runs), so this option is created only after
/// takeOverOptionName("threads") has released the name.
llvm::cl::opt<unsigned> &threadCount() {
  static llvm::cl::opt<unsigned> option(
      "threads",
      llvm::cl::desc(
          "Worker threads (default: the machine's hardware threads)"),
      llvm::cl::value_desc("n"), llvm::cl::cat(simCategory));
  return option;
}

/// Unregisters a library's option called `name` so that qruc can define
/// its own.
void takeOverOptionName(llvm::StringRef name) {
  auto options = llvm::cl::getRegisteredOptions();
  auto found = options.find(name);
  if (found != options.end())
    found->second->removeArgument();
}

llvm::cl::opt<double> holdoutFraction(
    "holdout",
    llvm::cl::desc("Replace the file's split by a stratified holdout with "
                   "this test fraction, e.g. 0.2"),
    llvm::cl::value_desc("fraction"), llvm::cl::cat(simCategory));

llvm::cl::opt<unsigned> maxRuns(
    "max-runs",
    llvm::cl::desc("Train only this many of the runs (folds x restarts), "
                   "drawn at random with the seed"),
    llvm::cl::value_desc("n"), llvm::cl::cat(simCategory));

/// Checks the --target sim options that the option parser cannot; prints
/// the first problem and returns false.
bool checkSimOptions() {
  auto problem = [](llvm::StringRef message) {
    llvm::errs() << "qruc: error: " << message << "\n";
    return false;
  };
  bool sim = runTarget == RunTarget::Sim;
  std::initializer_list<const llvm::cl::Option *> simOnly = {
      &outputDir,      &resumeFrom,    &paramsFile,     &predictData,
      &shotCount,      &epochsOverride, &batchOverride, &seedOverride,
      &threadCount(),  &holdoutFraction, &maxRuns};
  bool ibm = runTarget == RunTarget::IBM;
  auto usableWithIBM = [](const llvm::cl::Option *option) {
    return option == &outputDir || option == &paramsFile;
  };
  for (const llvm::cl::Option *option : simOnly)
    if (!sim && option->getNumOccurrences() > 0 &&
        !(ibm && usableWithIBM(option)))
      return problem(("--" + option->ArgStr + " needs --target sim").str());
  std::initializer_list<const llvm::cl::Option *> ibmOnly = {
      &basisOption, &couplingMapFile, &stepsOption};
  for (const llvm::cl::Option *option : ibmOnly)
    if (!ibm && option->getNumOccurrences() > 0)
      return problem(("--" + option->ArgStr + " needs --target ibm").str());
  if (ibm && !llvm::is_contained({"heron", "eagle", "none"},
                                 basisOption.getValue()))
    return problem("--basis is heron, eagle or none, not '" +
                   basisOption.getValue() + "'");
  if (ibm && stepsOption.getNumOccurrences() > 0 && stepsOption == 0)
    return problem("--steps must be at least 1");
  if (ibm && emitAction.getNumOccurrences() > 0)
    return problem("--emit and --target exclude each other");
  if (batchOverride.getNumOccurrences() > 0 && batchOverride == 0)
    return problem("--batch must be at least 1");
  if (epochsOverride.getNumOccurrences() > 0 && epochsOverride == 0)
    return problem("--epochs must be at least 1");
  if (threadCount().getNumOccurrences() > 0 && threadCount() == 0)
    return problem("--threads must be at least 1");
  if (maxRuns.getNumOccurrences() > 0 && maxRuns == 0)
    return problem("--max-runs must be at least 1");
  if (holdoutFraction.getNumOccurrences() > 0 &&
      !(holdoutFraction > 0 && holdoutFraction < 1))
    return problem("--holdout must lie strictly between 0 and 1");
  bool shots = shotCount.getNumOccurrences() > 0;
  if (shots && shotCount == 0)
    return problem("--shots must be at least 1");
  if (shots && predictData.empty())
    return problem("--shots needs --predict DATA (the samples to run)");
  if (predictData.getNumOccurrences() > 0 && paramsFile.empty() && !shots)
    return problem("--predict needs --params FILE (a checkpoint), or "
                   "--shots N for a measuring model");
  if (sim && paramsFile.getNumOccurrences() > 0 && predictData.empty())
    return problem("--params is read by --predict DATA");
  if (!predictData.empty() && !resumeFrom.empty())
    return problem("--predict and --resume exclude each other");
  if (sim && emitAction.getNumOccurrences() > 0)
    return problem("--emit and --target exclude each other");
  return true;
}

/// The --target sim options as the driver library takes them.
SimTargetOptions simOptions(llvm::StringRef filename) {
  SimTargetOptions options;
  options.modelFile = filename.str();
  options.outputDir = outputDir;
  options.resumeFrom = resumeFrom;
  options.paramsFile = paramsFile;
  options.predictData = predictData;
  options.predictOutput = outputFile;
  if (shotCount.getNumOccurrences() > 0)
    options.shots = shotCount;
  if (epochsOverride.getNumOccurrences() > 0)
    options.epochs = epochsOverride;
  if (batchOverride.getNumOccurrences() > 0)
    options.batch = batchOverride;
  if (seedOverride.getNumOccurrences() > 0)
    options.seed = seedOverride;
  if (holdoutFraction.getNumOccurrences() > 0)
    options.holdout = holdoutFraction;
  if (maxRuns.getNumOccurrences() > 0)
    options.maxRuns = maxRuns;
  options.threads = threadCount().getNumOccurrences() > 0
                        ? threadCount().getValue()
                        : std::max(1u, std::thread::hardware_concurrency());
  return options;
}

/// The --target ibm options as the driver library takes them.
IBMTargetOptions ibmOptions(llvm::StringRef filename) {
  IBMTargetOptions options;
  options.modelFile = filename.str();
  options.outputDir = outputDir;
  options.paramsFile = paramsFile;
  options.basis = basisOption;
  options.couplingMap = couplingMapFile;
  if (stepsOption.getNumOccurrences() > 0)
    options.steps = stepsOption;
  if (outputFile.getNumOccurrences() > 0)
    options.programFile = outputFile;
  return options;
}

/// Runs the --pipeline passes on `ir`, with the IR printing and timing the
/// command line asks for.
mlir::LogicalResult optimize(mlir::ModuleOp ir, mlir::TimingScope &timing) {
  PipelineRunOptions options;
  options.printIRAfterAll = printIRAfterAll;
  options.printIRAfter.assign(printIRAfter.begin(), printIRAfter.end());
  std::string problem =
      checkPassArguments(pipelineTarget, options.printIRAfter);
  if (!problem.empty()) {
    llvm::errs() << "qruc: error: --print-ir-after: " << problem << "\n";
    return mlir::failure();
  }
  options.applyCommandLineOptions = true;
  options.timing = &timing;
  return runPipeline(ir, pipelineTarget, options);
}

/// Prints what --emit=summary, mlir-opt, circuit or svg asks for.
int emitModel(mlir::ModuleOp ir, mlir::TimingScope &timing,
              llvm::raw_ostream &os) {
  auto model = [](mlir::ModuleOp module) {
    return *module.getBody()->getOps<qru::ModelOp>().begin();
  };
  if (emitAction == Emit::Summary) {
    ModelSummary before = summarize(model(ir));
    printSummary(before, os);
    mlir::OwningOpRef<mlir::ModuleOp> optimized = ir.clone();
    if (failed(optimize(*optimized, timing)))
      return 1;
    printOptimizationSummary(before, summarize(model(*optimized)),
                             targetName(pipelineTarget), os);
    return 0;
  }
  bool drawing = emitAction == Emit::Circuit || emitAction == Emit::SVG;
  if ((!drawing || pipelineTarget.getNumOccurrences() > 0) &&
      failed(optimize(ir, timing)))
    return 1;
  if (emitAction == Emit::MLIROpt) {
    ir.print(os, mlir::OpPrintingFlags());
    os << "\n";
  } else if (emitAction == Emit::Circuit) {
    printCircuitText(extractCircuit(model(ir)), os, /*maxWidth=*/120);
  } else {
    printCircuitSvg(extractCircuit(model(ir)), os);
  }
  return 0;
}

/// The most stack the front end may use on hostile input.
constexpr unsigned kFrontendStackBytes = 512u << 20;

int compile() {
  mlir::MLIRContext context;
  context.disableMultithreading();
  context.getOrLoadDialect<qru::QRUDialect>();
  context.printOpOnDiagnostic(false);

  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  mlir::DefaultTimingManager timingManager;
  mlir::applyDefaultTimingManagerCLOptions(timingManager);
  mlir::TimingScope timing = timingManager.getRootScope();
  mlir::TimingScope frontEndTiming = timing.nest("front end");

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

  if (runTarget != RunTarget::None) {
    std::unique_ptr<hir::Model> model = analyze(*module, filename, context);
    if (!model)
      return 1;
    mlir::OwningOpRef<mlir::ModuleOp> ir =
        generateMLIR(*model, filename, context);
    if (!ir)
      return 1;
    if (runTarget == RunTarget::IBM)
      return runIBMTarget(*model, *ir, ibmOptions(filename), context);
    return runSimTarget(*model, *ir, simOptions(filename), context);
  }

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
  frontEndTiming.stop();

  auto modelOp = *ir->getBody()->getOps<qru::ModelOp>().begin();
  if (emitAction == Emit::MLIR) {
    ir->print(output->os(), mlir::OpPrintingFlags());
    output->os() << "\n";
  } else if (emitAction == Emit::Program) {
    if (failed(optimize(*ir, timing)))
      return 1;
    mlir::FailureOr<runtime::StepProgram> program = lowerToStepProgram(modelOp);
    if (failed(program))
      return 1;
    printStepProgram(*program, output->os());
  } else if (int status = emitModel(*ir, timing, output->os())) {
    return status;
  }
  output->keep();
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  // MLIR's --mlir-print-ir-after=PASS takes the passes registered before it.
  qru::registerQRUPasses();
  mlir::registerTransformsPasses();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  takeOverOptionName("threads");
  threadCount();
  llvm::cl::HideUnrelatedOptions({&qrucCategory, &simCategory, &ibmCategory});
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "qruc - the compiler for quantum recurrent neural networks\n\n"
      "  qruc model.qru                  check the model, print its summary\n"
      "  qruc model.qru --emit=ast       print the abstract syntax tree\n"
      "  qruc model.qru --emit=mlir      print the qru dialect\n"
      "  qruc model.qru --emit=mlir-opt  print it optimized for --pipeline\n"
      "  qruc model.qru --emit=circuit   draw one time step (--emit=svg)\n"
      "  qruc model.qru --emit=program   print the simulator's step program\n"
      "  qruc - < model.qru              read the model from standard input\n"
      "  qruc model.qru --target sim     train and test it as its experiment\n"
      "                                  says (checkpoints in runs/<model>)\n"
      "  qruc model.qru --target sim --params runs/m/checkpoint.json\n"
      "       --predict data.csv         one row of outputs per sample\n"
      "  qruc model.qru --target sim --shots 1000 [--params FILE] [--seed S]\n"
      "       --predict data.csv         sample a measuring model: per sample,\n"
      "                                  a JSON line of the final bits' counts\n"
      "                                  (registers in declaration order, each\n"
      "                                  bit 0 first) and the outputs' means\n"
      "  qruc model.qru --target ibm     OpenQASM 3 for IBM hardware in\n"
      "                                  ibm/<model>: one dynamic circuit, or a\n"
      "                                  step circuit and its Python host\n"
      "                                  driver (it says which, and why)\n"
      "  qruc model.qru --target ibm -o -  print the program instead\n\n"
      "  MLIR's printing options apply to --emit=mlir, e.g.\n"
      "  --mlir-print-debuginfo (source locations) and\n"
      "  --mlir-print-op-generic; --help-hidden lists them all, and\n"
      "  MLIR's pass manager options (--mlir-timing, --mlir-print-ir-*).\n");
  if (!checkSimOptions())
    return 1;
  int status = 1;
  llvm::thread worker(std::optional<unsigned>(kFrontendStackBytes), [&] { status = compile(); });
  worker.join();
  return status;
}
