//===- HostDriver.cpp - the Python driver of per-step mode ----------------===//
//
// The driver is one self-contained Python file: the model's declarations as
// constants, the step function (PythonClassical), and a fixed part that
// reads samples, binds weights, and runs the time-step loop against an
// Estimator. The step circuit's text is embedded, so the driver runs even
// when moved away from the .qasm file it was written with.
//
//===----------------------------------------------------------------------===//

#include "HostDriver.h"

#include "CircuitWriter.h"
#include "PythonClassical.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace qruc;
using namespace qruc::openqasm3;

namespace {

std::string shapeTuple(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return "()";
  std::vector<std::string> dims;
  for (int64_t d : tensor.getShape())
    dims.push_back(std::to_string(d));
  return "(" + llvm::join(dims, ", ") + (dims.size() == 1 ? ",)" : ")");
}

std::string doubles(llvm::ArrayRef<double> values) {
  std::vector<std::string> items;
  for (double v : values)
    items.push_back(formatDouble(v));
  return "[" + llvm::join(items, ", ") + "]";
}

/// The fixed part of every driver.
constexpr const char *kDriverMain = R"PY(

def read_samples(path):
    """Rows of raw features: the experiment's CSV layout (its header rows
    and label column are skipped), or plain rows of features."""
    with open(path, newline="") as f:
        rows = [row for row in csv.reader(f) if row]
    rows = rows[DATA.get("header", 0):]
    label = DATA.get("label")
    samples = []
    for row in rows:
        if label is not None:
            row = row[:label % len(row)] + row[label % len(row) + 1:]
        samples.append(np.array([float(v) for v in row]))
    return samples


def load_checkpoint(path):
    with open(path) as f:
        checkpoint = json.load(f)
    if checkpoint.get("model") != MODEL:
        sys.exit(f"{path}: the parameters of model {checkpoint.get('model')!r}, not {MODEL!r}")
    return checkpoint


def unflatten(vector):
    """The checkpoint's parameter vector as the step's parameter arguments."""
    values, at = [], 0
    for _name, shape in PARAMS:
        size = int(np.prod(shape)) if shape else 1
        chunk = np.array(vector[at:at + size], dtype=float)
        values.append(float(chunk[0]) if not shape else chunk.reshape(shape))
        at += size
    if at != len(vector):
        sys.exit(f"the parameters hold {len(vector)} values; the model has {at}")
    return values


def ibm_backend(name):
    """An IBM device by name, or one of qiskit-ibm-runtime's fake devices
    (`fake_kolkata`): its local testing mode, which runs the same Estimator
    on Aer with the device's gates, coupling map and noise, without an
    account."""
    if name.startswith("fake_"):
        from qiskit_ibm_runtime import fake_provider
        device = "Fake" + name[len("fake_"):].title().replace("_", "")
        for class_name in (device, device + "V2"):
            if hasattr(fake_provider, class_name):
                return getattr(fake_provider, class_name)()
        sys.exit(f"qiskit-ibm-runtime has no fake backend {name!r}")
    from qiskit_ibm_runtime import QiskitRuntimeService
    return QiskitRuntimeService().backend(name)


class Estimation:
    """Estimates the step circuit's observables, one job per group."""

    def __init__(self, args):
        from qiskit import QuantumCircuit, qasm3
        from qiskit.quantum_info import SparsePauliOp

        self.circuit = qasm3.loads(STEP_CIRCUIT)
        if args.exact or args.local:
            # Aer runs the gates the program defines (rot, ...) expanded.
            from qiskit import transpile
            from qiskit_aer import AerSimulator
            self.circuit = transpile(self.circuit, backend=AerSimulator(), optimization_level=0)
        self.parameters = {p.name: p for p in self.circuit.parameters}
        width = self.circuit.num_qubits
        self.empty = QuantumCircuit(width)
        self.groups = {
            name: [SparsePauliOp.from_sparse_list([(pauli, qubits, 1.0)], num_qubits=width)
                   for pauli, qubits in observables]
            for name, observables in (("pre", PRE_OBSERVABLES), ("post", POST_OBSERVABLES))}
        self.jobs = 0
        if args.exact:
            from qiskit_aer.primitives import EstimatorV2
            self.estimator = EstimatorV2(options={"default_precision": 0.0})
            self.isa = lambda circuit, observables: (circuit, observables)
        elif args.local:
            from qiskit.primitives import BackendEstimatorV2
            from qiskit_aer import AerSimulator
            backend = AerSimulator(seed_simulator=args.seed)
            self.estimator = BackendEstimatorV2(
                backend=backend, options={"default_precision": 1.0 / math.sqrt(args.shots),
                                          "seed_simulator": args.seed})
            self.isa = lambda circuit, observables: (circuit, observables)
        else:
            from qiskit.transpiler import generate_preset_pass_manager
            from qiskit_ibm_runtime import EstimatorV2
            backend = ibm_backend(args.backend)
            self.estimator = EstimatorV2(mode=backend)
            self.estimator.options.default_shots = args.shots
            if args.backend.startswith("fake_"):
                self.estimator.options.simulator.seed_simulator = args.seed
            manager = generate_preset_pass_manager(optimization_level=1, backend=backend,
                                                   seed_transpiler=args.seed)

            def isa(circuit, observables):
                mapped = manager.run(circuit)
                return mapped, [o.apply_layout(mapped.layout) for o in observables]
            self.isa = isa

    def start(self):
        """A new sample: the qubits start in |0...0>."""
        self.prefix = self.empty

    def __call__(self, group, bindings):
        circuit = self.prefix
        if group == "post":
            bound = self.circuit.assign_parameters(
                {self.parameters[name]: value for name, value in bindings.items()
                 if name in self.parameters})
            circuit = self.prefix.compose(bound) if PERSISTENT else bound
            if PERSISTENT:
                self.prefix = circuit
        observables = self.groups[group]
        if not observables:
            return []
        circuit, observables = self.isa(circuit, observables)
        self.jobs += 1
        result = self.estimator.run([(circuit, observables)]).result()
        return [float(v) for v in np.ravel(result[0].data.evs)]


def run_sample(features, params, estimate):
    estimate.start()
    steps = [features[i:i + INPUT_WIDTH] for i in range(0, len(features), INPUT_WIDTH)]
    memory = [np.array(init, dtype=float).reshape(shape) if shape else float(init[0])
              for _name, shape, init in MEMORY]
    every, last = [], None
    for t, x in enumerate(steps):
        x = float(x[0]) if INPUT_SCALAR else np.array(x)
        memory, outputs = step(estimate, *([x] if HAS_INPUT else []), *memory, *params)
        every.append(outputs)
        last = outputs
    row = []
    for k, (_name, _width, is_every) in enumerate(OUTPUTS):
        picks = [o[k] for o in every] if is_every else [last[k]]
        for value in picks:
            row.extend(np.ravel(value).tolist())
    return row, len(steps)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="samples (see read_samples)")
    parser.add_argument("--params", help="a qruc checkpoint (weights and scaler)")
    parser.add_argument("--local", action="store_true", help="run on Qiskit Aer with shots")
    parser.add_argument("--exact", action="store_true",
                        help="run on Qiskit Aer's exact statevector estimator")
    parser.add_argument("--backend", help="an IBM backend, e.g. ibm_fez, or a fake "
                                           "one for local testing, e.g. fake_kolkata")
    parser.add_argument("--shots", type=int, default=8192, help="shots per estimate")
    parser.add_argument("--seed", type=int, default=1,
                        help="seed of the simulator (--local, a fake --backend) "
                             "and of the mapping to a device (--backend)")
    parser.add_argument("--samples", type=int, help="only the first N samples")
    parser.add_argument("-o", "--output", default="-", help="output CSV (default: stdout)")
    args = parser.parse_args()
    if not (args.local or args.exact or args.backend):
        parser.error("choose --local, --exact or --backend NAME")

    checkpoint = load_checkpoint(args.params) if args.params else None
    if BOUND_PARAMS is not None:
        params = unflatten(BOUND_PARAMS)
    elif checkpoint is not None:
        params = unflatten(checkpoint["params"])
    else:
        parser.error("the circuit's weights are inputs: give --params")
    arrays = (checkpoint or {}).get("arrays", {})
    factor = np.array(arrays.get("scale_factor", SCALE_FACTOR or []), dtype=float)
    offset = np.array(arrays.get("scale_offset", SCALE_OFFSET or []), dtype=float)

    samples = read_samples(args.data)[:args.samples]
    estimate = Estimation(args)
    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="")
    writer = csv.writer(out, lineterminator="\n")
    header = None
    for i, features in enumerate(samples):
        if factor.size:
            features = features * factor + offset
        row, steps = run_sample(features, params, estimate)
        if header is None:
            header = expand_header(steps)
            writer.writerow(header)
        writer.writerow([f"{v:.17g}" for v in row])
        print(f"sample {i + 1}/{len(samples)}: {estimate.jobs} jobs so far", file=sys.stderr)
    if out is not sys.stdout:
        out.close()


def expand_header(steps):
    names = []
    for name, width, every in OUTPUTS:
        cells = [name] if width == 1 else [f"{name}[{i}]" for i in range(width)]
        if every:
            names.extend(f"{c}@{t}" for t in range(1, steps + 1) for c in cells)
        else:
            names.extend(cells)
    return names


if __name__ == "__main__":
    main()
)PY";

} // namespace

std::string openqasm3::writeHostDriver(qru::ModelOp model,
                                       const HostDriverParts &parts) {
  std::string text;
  llvm::raw_string_ostream os(text);
  Block &decls = model.getBody().front();
  StringRef name = model.getSymName();

  os << "#!/usr/bin/env python3\n";
  os << "\"\"\"Runs the qruc model '" << name
     << "' on IBM hardware or Qiskit Aer, one Estimator job per time step.\n\n"
     << "Generated by `qruc --target ibm` (per-step mode); change the model, "
        "not this file.\nEach step binds the step circuit ("
     << parts.stepCircuitName
     << ") to the step's inputs, the values fed forward\nand the weights, "
        "estimates its observables, and computes the next memory and the\n"
        "outputs from them as `qruc --target sim` does.\n\n"
     << "  python3 " << name << "_host.py --data samples.csv --local "
     << "[--shots N] [--params checkpoint.json]\n"
     << "  python3 " << name << "_host.py --data samples.csv --exact\n"
     << "  python3 " << name
     << "_host.py --data samples.csv --backend ibm_fez --shots 8192\n\n"
     << "Output: one CSV row per sample, the columns of `qruc --target sim "
        "--predict`.\n\"\"\"\n\n";
  os << "import argparse\nimport csv\nimport json\nimport math\nimport "
        "sys\n\nimport numpy as np\n\n";
  os << "MODEL = \"" << name << "\"\n";
  os << "STEP_CIRCUIT = r\"\"\"" << parts.stepCircuit << "\"\"\"\n";
  os << "PERSISTENT = " << (parts.persistent ? "True" : "False") << "\n";
  os << "NUM_QUBITS = " << parts.numQubits << "\n";
  auto observables = [&](StringRef listName,
                         const std::vector<Observable> &list) {
    os << listName << " = [";
    for (const Observable &o : list) {
      // SparsePauliOp.from_sparse_list reads the word's letters in the
      // order of the qubit list.
      std::vector<std::string> qubits;
      for (unsigned q : o.qubits)
        qubits.push_back(std::to_string(q));
      os << "(\"" << o.pauli << "\", [" << llvm::join(qubits, ", ")
         << "]), ";
    }
    os << "]\n";
  };
  observables("PRE_OBSERVABLES", parts.pre);
  observables("POST_OBSERVABLES", parts.post);

  // Inputs: the driver supports one input per step (all the examples have
  // one); its width splits a sample's features into steps.
  int64_t inputWidth = 1;
  bool inputScalar = true, hasInput = false;
  for (auto input : decls.getOps<qru::InputOp>()) {
    hasInput = true;
    if (auto tensor = dyn_cast<RankedTensorType>(input.getType())) {
      inputWidth = tensor.getNumElements();
      inputScalar = false;
    }
  }
  os << "HAS_INPUT = " << (hasInput ? "True" : "False") << "\n";
  os << "INPUT_WIDTH = " << inputWidth << "\n";
  os << "INPUT_SCALAR = " << (inputScalar ? "True" : "False") << "\n";
  os << "MEMORY = [";
  for (auto memory : decls.getOps<qru::MemoryOp>()) {
    std::vector<double> init;
    if (auto dense = dyn_cast<DenseFPElementsAttr>(memory.getInit()))
      for (const APFloat &v : dense.getValues<APFloat>())
        init.push_back(v.convertToDouble());
    else
      init.push_back(cast<FloatAttr>(memory.getInit()).getValueAsDouble());
    os << "(\"" << memory.getSymName() << "\", "
       << shapeTuple(memory.getType()) << ", " << doubles(init) << "), ";
  }
  os << "]\n";
  os << "PARAMS = [";
  for (auto param : decls.getOps<qru::ParamOp>())
    os << "(\"" << param.getSymName() << "\", " << shapeTuple(param.getType())
       << "), ";
  os << "]\n";
  os << "BOUND_PARAMS = "
     << (parts.paramsBound ? doubles(parts.boundParams) : "None") << "\n";
  os << "OUTPUTS = [";
  for (auto output : decls.getOps<qru::OutputOp>()) {
    int64_t width = 1;
    if (auto tensor = dyn_cast<RankedTensorType>(output.getType()))
      width = tensor.getNumElements();
    os << "(\"" << output.getSymName() << "\", " << width << ", "
       << (output.getTiming() == qru::Timing::Every ? "True" : "False")
       << "), ";
  }
  os << "]\n";
  // The data layout of a csv experiment; other data come as plain rows.
  os << "DATA = {";
  for (auto experiment : decls.getOps<qru::ExperimentOp>()) {
    auto data = experiment.getSettings().getAs<DictionaryAttr>("data");
    if (!data || data.getAs<StringAttr>("kind").getValue() != "csv")
      continue;
    if (auto header = data.getAs<IntegerAttr>("header"))
      os << "\"header\": " << header.getInt() << ", ";
    if (auto label = data.getAs<IntegerAttr>("label"))
      os << "\"label\": " << label.getInt() << ", ";
  }
  os << "}\n";
  auto orNone = [&](llvm::ArrayRef<double> values) {
    return values.empty() ? std::string("None") : doubles(values);
  };
  os << "SCALE_FACTOR = " << orNone(parts.scaleFactor) << "\n";
  os << "SCALE_OFFSET = " << orNone(parts.scaleOffset) << "\n\n\n";
  os << PythonWriter::prelude() << "\n\n";
  os << parts.stepFunction;
  os << kDriverMain;
  return text;
}
