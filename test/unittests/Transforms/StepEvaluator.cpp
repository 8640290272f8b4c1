//===- StepEvaluator.cpp - Dense reference evaluator of qru.step -----------===//
//
// This file implements the reference evaluator: a walk over the step's ops
// in order, keeping every classical SSA value as a Tensor and every qubit
// value as the wire it is on, and applying each quantum op to the full
// 2^n state vector through an explicitly embedded gate matrix.
//
//===----------------------------------------------------------------------===//

#include "StepEvaluator.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <cmath>
#include <complex>

using namespace mlir;
using namespace qruc;
using namespace qruc::test;
using Complex = std::complex<double>;
using Eigen::MatrixXcd;

namespace {

const Complex I(0, 1);

MatrixXcd matrix2(Complex a, Complex b, Complex c, Complex d) {
  MatrixXcd m(2, 2);
  m << a, b, c, d;
  return m;
}

MatrixXcd kron(const MatrixXcd &a, const MatrixXcd &b) {
  MatrixXcd m(a.rows() * b.rows(), a.cols() * b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < a.cols(); ++j)
      m.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = a(i, j) * b;
  return m;
}

/// |0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ u: u controlled by the first (most
/// significant) qubit.
MatrixXcd controlled(const MatrixXcd &u) {
  MatrixXcd m = MatrixXcd::Zero(2 * u.rows(), 2 * u.cols());
  m.topLeftCorner(u.rows(), u.cols()) = MatrixXcd::Identity(u.rows(), u.cols());
  m.bottomRightCorner(u.rows(), u.cols()) = u;
  return m;
}

/// exp(−iθ/2 · P) for P with P² = I.
MatrixXcd pauliRotation(const MatrixXcd &p, double theta) {
  return std::cos(theta / 2) * MatrixXcd::Identity(p.rows(), p.cols()) -
         I * std::sin(theta / 2) * p;
}

const MatrixXcd &pauli(char which) {
  static const MatrixXcd x = matrix2(0, 1, 1, 0), y = matrix2(0, -I, I, 0),
                         z = matrix2(1, 0, 0, -1);
  return which == 'X' ? x : which == 'Y' ? y : z;
}

} // namespace

MatrixXcd qruc::test::textbookGate(const std::string &name,
                                   const std::vector<double> &a) {
  const double r = 1 / std::sqrt(2.0);
  const MatrixXcd &X = pauli('X'), &Y = pauli('Y'), &Z = pauli('Z');
  MatrixXcd H = r * matrix2(1, 1, 1, -1);
  auto rz = [&](double t) {
    return matrix2(std::exp(-I * t / 2.0), 0, 0, std::exp(I * t / 2.0));
  };
  if (name == "x")
    return X;
  if (name == "y")
    return Y;
  if (name == "z")
    return Z;
  if (name == "h")
    return H;
  if (name == "s")
    return matrix2(1, 0, 0, I);
  if (name == "sdg")
    return matrix2(1, 0, 0, -I);
  if (name == "t")
    return matrix2(1, 0, 0, std::exp(I * M_PI / 4.0));
  if (name == "tdg")
    return matrix2(1, 0, 0, std::exp(-I * M_PI / 4.0));
  if (name == "sx")
    return 0.5 * matrix2(1.0 + I, 1.0 - I, 1.0 - I, 1.0 + I);
  if (name == "rx")
    return pauliRotation(X, a[0]);
  if (name == "ry")
    return pauliRotation(Y, a[0]);
  if (name == "rz")
    return rz(a[0]);
  if (name == "p")
    return matrix2(1, 0, 0, std::exp(I * a[0]));
  if (name == "u2")
    return r * matrix2(1, -std::exp(I * a[1]), std::exp(I * a[0]),
                       std::exp(I * (a[0] + a[1])));
  if (name == "u3")
    return matrix2(std::cos(a[0] / 2), -std::exp(I * a[2]) * std::sin(a[0] / 2),
                   std::exp(I * a[1]) * std::sin(a[0] / 2),
                   std::exp(I * (a[1] + a[2])) * std::cos(a[0] / 2));
  if (name == "rot")
    return rz(a[2]) * pauliRotation(Y, a[1]) * rz(a[0]);
  if (name == "cx")
    return controlled(X);
  if (name == "cy")
    return controlled(Y);
  if (name == "cz")
    return controlled(Z);
  if (name == "ch")
    return controlled(H);
  if (name == "swap") {
    MatrixXcd m = MatrixXcd::Zero(4, 4);
    m(0, 0) = m(1, 2) = m(2, 1) = m(3, 3) = 1;
    return m;
  }
  if (name == "crx")
    return controlled(pauliRotation(X, a[0]));
  if (name == "cry")
    return controlled(pauliRotation(Y, a[0]));
  if (name == "crz")
    return controlled(rz(a[0]));
  if (name == "cp")
    return controlled(matrix2(1, 0, 0, std::exp(I * a[0])));
  if (name == "rxx")
    return pauliRotation(kron(X, X), a[0]);
  if (name == "ryy")
    return pauliRotation(kron(Y, Y), a[0]);
  if (name == "rzz")
    return pauliRotation(kron(Z, Z), a[0]);
  if (name == "ecr") // Qiskit's ECRGate: (X⊗I − Y⊗X)/√2.
    return r * (kron(X, MatrixXcd::Identity(2, 2)) - kron(Y, X));
  if (name == "ccx")
    return controlled(controlled(X));
  if (name == "cswap")
    return controlled(textbookGate("swap", {}));
  return MatrixXcd();
}

namespace {

class Evaluator {
public:
  Evaluator(qru::ModelOp model, const std::function<double()> &uniform)
      : model(model), uniform(uniform) {}

  bool run(const std::vector<Tensor> &arguments,
           const Eigen::VectorXcd &initial, StepResult &result,
           std::string &error);

private:
  bool runBlock(Block &block);
  bool runOp(Operation &op);
  bool classical(Operation &op);
  bool quantum(Operation &op);
  bool fail(Operation &op, const std::string &why) {
    error = why + ": " + op.getName().getStringRef().str();
    return false;
  }

  /// Applies `m` (first operand most significant) to `wires`.
  void apply(const MatrixXcd &m, const std::vector<unsigned> &wires);
  /// ⟨ψ|P|ψ⟩ for the Pauli word `word` on `wires`.
  double expectation(llvm::StringRef word, const std::vector<unsigned> &wires);
  /// Measures `wire`: the outcome, with the state collapsed.
  bool measure(unsigned wire);

  double scalar(Value value) { return values[value].data.at(0); }

  qru::ModelOp model;
  std::function<double()> uniform;
  llvm::DenseMap<Value, Tensor> values;
  llvm::DenseMap<Value, unsigned> wireOf;
  llvm::StringMap<unsigned> firstWire;
  Eigen::VectorXcd psi;
  unsigned numWires = 0;
  std::vector<Tensor> yielded;
  std::vector<Value> yieldedQubits;
  std::string error;
};

bool Evaluator::run(const std::vector<Tensor> &arguments,
                    const Eigen::VectorXcd &initial, StepResult &result,
                    std::string &errorOut) {
  qru::StepOp step = model.getStep();
  for (auto reg : model.getBody().front().getOps<qru::QubitsOp>()) {
    firstWire[reg.getSymName()] = numWires;
    numWires += reg.getSize();
  }
  psi = Eigen::VectorXcd::Zero(Eigen::Index(1) << numWires);
  if (step.getPersistent())
    psi = initial;
  else
    psi(0) = 1;
  Block &body = step.getBody().front();
  unsigned next = 0, wire = 0;
  for (BlockArgument arg : body.getArguments()) {
    if (isa<qru::QubitType>(arg.getType()))
      wireOf[arg] = wire++;
    else
      values[arg] = arguments.at(next++);
  }
  bool ok = runBlock(body);
  errorOut = error;
  if (!ok)
    return false;
  result.values = yielded;
  result.state = psi;
  return true;
}

bool Evaluator::runBlock(Block &block) {
  for (Operation &op : block)
    if (!runOp(op))
      return false;
  return true;
}

bool Evaluator::runOp(Operation &op) {
  if (auto yield = dyn_cast<qru::YieldOp>(op)) {
    for (Value value : yield.getValues())
      if (!isa<qru::QubitType>(value.getType()))
        yielded.push_back(values[value]);
    return true;
  }
  if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
    Block *branch = scalar(ifOp.getCondition()) != 0 ? ifOp.thenBlock()
                                                      : ifOp.elseBlock();
    if (!branch)
      return true;
    if (!runBlock(*branch))
      return false;
    auto yield = cast<scf::YieldOp>(branch->getTerminator());
    for (auto [result, value] :
         llvm::zip(ifOp.getResults(), yield.getOperands())) {
      if (isa<qru::QubitType>(result.getType()))
        wireOf[result] = wireOf.lookup(value);
      else
        values[result] = values[value];
    }
    return true;
  }
  if (isa<scf::YieldOp>(op))
    return true;
  if (isa<qru::QRUDialect>(op.getDialect()))
    return quantum(op);
  return classical(op);
}

bool Evaluator::quantum(Operation &op) {
  auto wiresOf = [&](ValueRange qubits) {
    std::vector<unsigned> wires;
    for (Value qubit : qubits)
      wires.push_back(wireOf.lookup(qubit));
    return wires;
  };
  auto follow = [&](ValueRange in, ValueRange out) {
    for (auto [a, b] : llvm::zip(in, out))
      wireOf[b] = wireOf.lookup(a);
  };
  if (auto alloc = dyn_cast<qru::AllocOp>(op)) {
    wireOf[alloc] = firstWire.lookup(alloc.getReg()) + alloc.getIndex();
    return true;
  }
  if (auto expval = dyn_cast<qru::ExpvalOp>(op)) {
    values[expval.getValue()] = Tensor::scalar(
        expectation(expval.getPauli(), wiresOf(expval.getQubits())));
    follow(expval.getQubits(), expval.getOutQubits());
    return true;
  }
  if (auto measure = dyn_cast<qru::MeasureOp>(op)) {
    unsigned wire = wireOf.lookup(measure.getQubit());
    values[measure.getBit()] = Tensor::scalar(this->measure(wire));
    wireOf[measure.getOutQubit()] = wire;
    return true;
  }
  if (auto reset = dyn_cast<qru::ResetOp>(op)) {
    unsigned wire = wireOf.lookup(reset.getQubit());
    if (this->measure(wire))
      apply(pauli('X'), {wire});
    wireOf[reset.getOutQubit()] = wire;
    return true;
  }
  auto gate = dyn_cast<qru::GateOpInterface>(op);
  if (!gate)
    return fail(op, "unknown quantum op");
  std::vector<double> angles;
  for (Value angle : gate.getAngles())
    angles.push_back(scalar(angle));
  std::vector<unsigned> wires = wiresOf(gate.getInQubits());
  MatrixXcd m;
  if (auto permute = dyn_cast<qru::PermuteOp>(op)) {
    int64_t dim = permute.getPerm().size();
    m = MatrixXcd::Zero(dim, dim);
    for (int64_t k = 0; k < dim; ++k)
      m(permute.getPerm()[k], k) = 1;
  } else if (isa<qru::UnitaryOp>(op)) {
    m = matrix2(Complex(angles[0], angles[1]), Complex(angles[2], angles[3]),
                Complex(angles[4], angles[5]), Complex(angles[6], angles[7]));
  } else {
    m = textbookGate(gate.getGateName().str(), angles);
  }
  if (m.rows() != (Eigen::Index(1) << wires.size()))
    return fail(op, "no matrix for gate");
  apply(m, wires);
  follow(gate.getInQubits(), gate.getOutQubits());
  return true;
}

void Evaluator::apply(const MatrixXcd &m, const std::vector<unsigned> &wires) {
  unsigned k = wires.size();
  Eigen::Index dim = psi.size(), sub = Eigen::Index(1) << k;
  uint64_t mask = 0;
  for (unsigned w : wires)
    mask |= uint64_t(1) << w;
  Eigen::VectorXcd in(sub);
  std::vector<uint64_t> index(sub);
  for (Eigen::Index base = 0; base < dim; ++base) {
    if (base & mask)
      continue;
    for (Eigen::Index s = 0; s < sub; ++s) {
      uint64_t i = base;
      // Operand j is bit k−1−j of the sub-index: the first is most
      // significant.
      for (unsigned j = 0; j < k; ++j)
        if ((s >> (k - 1 - j)) & 1)
          i |= uint64_t(1) << wires[j];
      index[s] = i;
      in(s) = psi(i);
    }
    Eigen::VectorXcd out = m * in;
    for (Eigen::Index s = 0; s < sub; ++s)
      psi(index[s]) = out(s);
  }
}

double Evaluator::expectation(llvm::StringRef word,
                              const std::vector<unsigned> &wires) {
  Eigen::VectorXcd saved = psi;
  for (auto [letter, wire] : llvm::zip(word, wires))
    apply(pauli(letter), {wire});
  double value = saved.dot(psi).real();
  psi = saved;
  return value;
}

bool Evaluator::measure(unsigned wire) {
  double one = 0;
  for (Eigen::Index i = 0; i < psi.size(); ++i)
    if ((i >> wire) & 1)
      one += std::norm(psi(i));
  bool outcome = uniform() < one;
  for (Eigen::Index i = 0; i < psi.size(); ++i)
    if (bool((i >> wire) & 1) != outcome)
      psi(i) = 0;
  psi /= psi.norm();
  return outcome;
}

bool Evaluator::classical(Operation &op) {
  auto in = [&](unsigned i) -> Tensor & { return values[op.getOperand(i)]; };
  auto setScalar = [&](double v) {
    values[op.getResult(0)] = Tensor::scalar(v);
    return true;
  };
  auto shapeOf = [](Type type) {
    std::vector<int64_t> shape;
    if (auto tensor = dyn_cast<RankedTensorType>(type))
      shape.assign(tensor.getShape().begin(), tensor.getShape().end());
    return shape;
  };
  auto flatIndex = [&](const Tensor &t, ValueRange indices) {
    int64_t flat = 0;
    for (auto [index, size] : llvm::zip(indices, t.shape))
      flat = flat * size + static_cast<int64_t>(scalar(index));
    return flat;
  };
  // Elementwise over the broadcast of size-1 operands.
  auto elementwise = [&](auto f) {
    Tensor out;
    out.shape = shapeOf(op.getResult(0).getType());
    size_t n = 1;
    for (Value operand : op.getOperands())
      n = std::max(n, values[operand].data.size());
    for (size_t e = 0; e < n; ++e) {
      std::vector<double> args;
      for (Value operand : op.getOperands()) {
        const Tensor &t = values[operand];
        args.push_back(t.data.size() == 1 ? t.data[0] : t.data[e]);
      }
      out.data.push_back(f(args));
    }
    values[op.getResult(0)] = out;
    return true;
  };

  if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
    Attribute value = constant.getValue();
    Tensor t;
    t.shape = shapeOf(constant.getType());
    if (auto f = dyn_cast<FloatAttr>(value))
      t.data = {f.getValueAsDouble()};
    else if (auto i = dyn_cast<IntegerAttr>(value))
      t.data = {double(i.getValue().getSExtValue() & (i.getType().isInteger(1)
                                                          ? 1
                                                          : ~int64_t(0)))};
    else if (auto dense = dyn_cast<DenseFPElementsAttr>(value))
      for (APFloat v : dense.getValues<APFloat>())
        t.data.push_back(v.convertToDouble());
    else if (auto dense = dyn_cast<DenseIntElementsAttr>(value))
      for (APInt v : dense.getValues<APInt>())
        t.data.push_back(v.getBitWidth() == 1 ? double(v.getZExtValue())
                                              : double(v.getSExtValue()));
    else
      return fail(op, "unknown constant");
    values[constant.getResult()] = t;
    return true;
  }
  using Args = const std::vector<double> &;
  if (isa<arith::AddFOp>(op))
    return elementwise([](Args a) { return a[0] + a[1]; });
  if (isa<arith::SubFOp>(op))
    return elementwise([](Args a) { return a[0] - a[1]; });
  if (isa<arith::MulFOp>(op))
    return elementwise([](Args a) { return a[0] * a[1]; });
  if (isa<arith::DivFOp>(op))
    return elementwise([](Args a) { return a[0] / a[1]; });
  if (isa<arith::NegFOp>(op))
    return elementwise([](Args a) { return -a[0]; });
  if (isa<arith::MaximumFOp>(op))
    return elementwise([](Args a) { return std::max(a[0], a[1]); });
  if (isa<arith::AndIOp>(op))
    return elementwise([](Args a) { return double(a[0] != 0 && a[1] != 0); });
  if (isa<arith::OrIOp>(op))
    return elementwise([](Args a) { return double(a[0] != 0 || a[1] != 0); });
  if (isa<arith::XOrIOp>(op))
    return elementwise(
        [](Args a) { return double((a[0] != 0) != (a[1] != 0)); });
  if (isa<math::SinOp>(op))
    return elementwise([](Args a) { return std::sin(a[0]); });
  if (isa<math::CosOp>(op))
    return elementwise([](Args a) { return std::cos(a[0]); });
  if (isa<math::TanOp>(op))
    return elementwise([](Args a) { return std::tan(a[0]); });
  if (isa<math::AsinOp>(op))
    return elementwise([](Args a) { return std::asin(a[0]); });
  if (isa<math::AcosOp>(op))
    return elementwise([](Args a) { return std::acos(a[0]); });
  if (isa<math::AtanOp>(op))
    return elementwise([](Args a) { return std::atan(a[0]); });
  if (isa<math::TanhOp>(op))
    return elementwise([](Args a) { return std::tanh(a[0]); });
  if (isa<math::ExpOp>(op))
    return elementwise([](Args a) { return std::exp(a[0]); });
  if (isa<math::LogOp>(op))
    return elementwise([](Args a) { return std::log(a[0]); });
  if (isa<math::SqrtOp>(op))
    return elementwise([](Args a) { return std::sqrt(a[0]); });
  if (isa<math::ErfOp>(op))
    return elementwise([](Args a) { return std::erf(a[0]); });
  if (isa<math::PowFOp>(op))
    return elementwise([](Args a) { return std::pow(a[0], a[1]); });

  if (auto extract = dyn_cast<tensor::ExtractOp>(op)) {
    const Tensor &t = in(0);
    return setScalar(t.data.at(flatIndex(t, extract.getIndices())));
  }
  if (auto insert = dyn_cast<tensor::InsertOp>(op)) {
    Tensor t = values[insert.getDest()];
    t.data.at(flatIndex(t, insert.getIndices())) = scalar(insert.getScalar());
    values[insert.getResult()] = t;
    return true;
  }
  if (auto elements = dyn_cast<tensor::FromElementsOp>(op)) {
    Tensor t;
    t.shape = shapeOf(elements.getType());
    for (Value element : elements.getElements())
      t.data.push_back(scalar(element));
    values[elements.getResult()] = t;
    return true;
  }
  if (auto empty = dyn_cast<tensor::EmptyOp>(op)) {
    Tensor t;
    t.shape = shapeOf(empty.getType());
    int64_t n = 1;
    for (int64_t size : t.shape)
      n *= size;
    t.data.assign(n, 0.0);
    values[empty.getResult()] = t;
    return true;
  }
  if (auto slice = dyn_cast<tensor::ExtractSliceOp>(op)) {
    const Tensor &source = in(0);
    ArrayRef<int64_t> offsets = slice.getStaticOffsets(),
                      sizes = slice.getStaticSizes(),
                      strides = slice.getStaticStrides();
    Tensor t;
    t.shape = shapeOf(slice.getType());
    size_t rank = source.shape.size();
    std::vector<int64_t> counter(rank, 0);
    int64_t total = 1;
    for (int64_t size : sizes)
      total *= size;
    for (int64_t e = 0; e < total; ++e) {
      int64_t flat = 0;
      for (size_t d = 0; d < rank; ++d)
        flat = flat * source.shape[d] + offsets[d] + counter[d] * strides[d];
      t.data.push_back(source.data.at(flat));
      for (size_t d = rank; d-- > 0;) {
        if (++counter[d] < sizes[d])
          break;
        counter[d] = 0;
      }
    }
    values[slice.getResult()] = t;
    return true;
  }
  if (auto concat = dyn_cast<tensor::ConcatOp>(op)) {
    Tensor t;
    t.shape = shapeOf(concat.getType());
    for (Value input : concat.getInputs())
      llvm::append_range(t.data, values[input].data);
    values[concat.getResult()] = t;
    return true;
  }
  if (auto map = dyn_cast<linalg::MapOp>(op)) {
    Block &body = map.getMapper().front();
    Tensor out = values[map.getInit()];
    for (size_t e = 0; e < out.data.size(); ++e) {
      for (auto [arg, input] : llvm::zip(body.getArguments(), map.getInputs()))
        values[arg] = Tensor::scalar(values[input].data.at(e));
      for (Operation &inner : body) {
        if (inner.hasTrait<OpTrait::IsTerminator>()) {
          out.data[e] = scalar(inner.getOperand(0));
          break;
        }
        if (!runOp(inner))
          return false;
      }
    }
    values[map->getResult(0)] = out;
    return true;
  }
  if (auto matvec = dyn_cast<linalg::MatvecOp>(op)) {
    const Tensor &m = values[matvec.getInputs()[0]];
    const Tensor &v = values[matvec.getInputs()[1]];
    Tensor out = values[matvec.getOutputs()[0]];
    int64_t rows = m.shape[0], cols = m.shape[1];
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        out.data[r] += m.data[r * cols + c] * v.data[c];
    values[matvec->getResult(0)] = out;
    return true;
  }
  if (auto softmax = dyn_cast<linalg::SoftmaxOp>(op)) {
    Tensor out = in(0);
    double top = *std::max_element(out.data.begin(), out.data.end());
    double sum = 0;
    for (double &v : out.data)
      sum += (v = std::exp(v - top));
    for (double &v : out.data)
      v /= sum;
    values[softmax->getResult(0)] = out;
    return true;
  }
  return fail(op, "unknown classical op");
}

} // namespace

bool StepEvaluator::run(qru::ModelOp model,
                        const std::vector<Tensor> &arguments,
                        const Eigen::VectorXcd &initial,
                        const std::function<double()> &uniform,
                        StepResult &result, std::string &error) {
  return Evaluator(model, uniform).run(arguments, initial, result, error);
}
