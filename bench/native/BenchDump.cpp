//===- BenchDump.cpp - the benchmark's numbers as JSON --------------------===//
//
// This file writes the dump with the training library's JSON writer (whose
// numbers read back bit-identical), turning the executor's step-major,
// sample-major layouts into per-sample sequences, the natural layout of a
// per-sample reference implementation.
//
//===----------------------------------------------------------------------===//

#include "BenchDump.h"

#include "qruc/Runtime/FileIO.h"
#include "qruc/Runtime/Json.h"


using namespace qruc;
using namespace qruc::runtime;

namespace {

/// [batch][entries][size] from entries × (batch × size, sample-major).
JsonValue perSample(const std::vector<std::vector<double>> &entries,
                    std::size_t batch, std::size_t size) {
  JsonValue samples = JsonValue::array();
  for (std::size_t b = 0; b < batch; ++b) {
    JsonValue sequence = JsonValue::array();
    for (const std::vector<double> &entry : entries)
      sequence.push(JsonValue::numbers(std::vector<double>(
          entry.begin() + b * size, entry.begin() + (b + 1) * size)));
    samples.push(std::move(sequence));
  }
  return samples;
}

} // namespace

bool bench::writeDump(const std::string &path, const StepProgram &program,
                      const BenchProblem &problem,
                      const OutputValues &outputs, double loss,
                      const ParamVector &gradient, std::string &error) {
  const std::size_t batch = problem.inputs.batch;
  JsonValue root = JsonValue::object();
  root.set("model", program.modelName);
  root.set("qubits", double(program.numQubits));
  root.set("batch", double(batch));
  root.set("steps", double(problem.inputs.steps));

  JsonValue shapes = JsonValue::array();
  for (const ParamInfo &param : program.params) {
    JsonValue entry = JsonValue::object();
    entry.set("name", param.name);
    JsonValue shape = JsonValue::array();
    for (std::int64_t extent : param.shape)
      shape.push(double(extent));
    entry.set("shape", std::move(shape));
    shapes.push(std::move(entry));
  }
  root.set("param_shapes", std::move(shapes));
  root.set("params", JsonValue::numbers(problem.params));

  JsonValue inputs = JsonValue::object();
  for (std::size_t i = 0; i < program.inputs.size(); ++i) {
    std::vector<std::vector<double>> steps;
    for (const auto &step : problem.inputs.inputs)
      steps.push_back(step[i]);
    inputs.set(program.inputs[i].name,
               perSample(steps, batch, program.inputs[i].size));
  }
  root.set("inputs", std::move(inputs));

  JsonValue targets = JsonValue::object();
  for (std::size_t k = 0; k < program.targets.size(); ++k)
    targets.set(program.targets[k].name,
                perSample(problem.targets[k], batch,
                          program.targets[k].size));
  root.set("targets", std::move(targets));
  JsonValue outs = JsonValue::object();
  for (std::size_t o = 0; o < program.outputs.size(); ++o)
    outs.set(program.outputs[o].name,
             perSample(outputs.values[o], batch, program.outputs[o].size));
  root.set("outputs", std::move(outs));

  root.set("loss_output", program.outputs[problem.lossOutput].name);
  root.set("loss_target", program.targets[problem.lossTarget].name);
  root.set("loss", loss);
  root.set("gradient", JsonValue::numbers(gradient));

  if (DataStatus failed = writeFileAtomically(path, writeJson(root))) {
    error = failed->message;
    return false;
  }
  return true;
}
