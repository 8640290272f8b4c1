//===- ExecutorTestSupport.cpp - Building and checking step programs ------===//
//
// This file implements the program builder, random data, the one-sample
// reference interpreter and the finite-difference gradient check. The
// interpreter is written from the StepProgram contract, not from the
// executor: its classical rules are direct formulas and its quantum state
// is a dense vector evolved by DenseReference.h's textbook matrices.
//
//===----------------------------------------------------------------------===//

#include "ExecutorTestSupport.h"

#include "DenseReference.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

ProgramBuilder::ProgramBuilder(unsigned numQubits, bool persistent) {
  program.modelName = "test";
  program.numQubits = numQubits;
  program.persistent = persistent;
}

SlotId ProgramBuilder::slot(std::uint32_t size, bool batched,
                            std::string name) {
  program.slots.push_back({size, batched, std::move(name)});
  return SlotId(program.slots.size() - 1);
}

SlotId ProgramBuilder::param(const std::string &name,
                             std::vector<std::int64_t> shape) {
  std::uint32_t count = 1;
  for (std::int64_t d : shape)
    count *= std::uint32_t(d);
  const SlotId s = slot(count, false, name);
  program.params.push_back(
      {name, std::move(shape), InitKind::Uniform, {-1.0, 1.0}, s});
  return s;
}

SlotId ProgramBuilder::input(const std::string &name, std::uint32_t size) {
  const SlotId s = slot(size, true, name);
  VariableInfo v;
  v.name = name;
  v.size = size;
  v.slot = s;
  program.inputs.push_back(v);
  return s;
}

SlotId ProgramBuilder::memory(const std::string &name, std::uint32_t size,
                              std::vector<double> init) {
  const SlotId s = slot(size, true, name);
  VariableInfo v;
  v.name = name;
  v.size = size;
  v.init = std::move(init);
  v.slot = s;
  program.memories.push_back(v);
  return s;
}

SlotId ProgramBuilder::bits(const std::string &name, std::vector<double> init) {
  const SlotId s = slot(1, true, name);
  VariableInfo v;
  v.name = name;
  v.init = std::move(init);
  v.slot = s;
  program.bits.push_back(v);
  return s;
}

void ProgramBuilder::next(SlotId memoryOrBits, SlotId value) {
  for (auto *vars : {&program.memories, &program.bits})
    for (VariableInfo &v : *vars)
      if (v.slot == memoryOrBits)
        v.nextSlot = value;
}

SlotId ProgramBuilder::constant(std::vector<double> values) {
  const SlotId s = slot(std::uint32_t(values.size()), false);
  Instr in;
  in.op = OpCode::Const;
  in.out = s;
  in.imm0 = std::int64_t(program.constants.size());
  program.constants.insert(program.constants.end(), values.begin(),
                           values.end());
  program.code.push_back(in);
  return s;
}

SlotId ProgramBuilder::result(OpCode op, const std::vector<SlotId> &operands,
                              std::int64_t imm0, std::int64_t imm1,
                              bool forceBatched) {
  bool batchedOut = forceBatched;
  std::uint32_t size = 0;
  for (SlotId s : operands)
    batchedOut = batchedOut || batched(s);
  switch (op) {
  case OpCode::Extract:
    size = 1;
    break;
  case OpCode::Slice:
    size = std::uint32_t(imm1);
    break;
  case OpCode::Concat:
    for (SlotId s : operands)
      size += this->size(s);
    break;
  case OpCode::MatVec:
    size = std::uint32_t(imm0);
    break;
  default:
    for (SlotId s : operands)
      size = std::max(size, this->size(s));
    break;
  }
  const SlotId out = slot(size, batchedOut);
  Instr in;
  in.op = op;
  in.out = out;
  in.operands = operands;
  in.imm0 = imm0;
  in.imm1 = imm1;
  program.code.push_back(in);
  return out;
}

SlotId ProgramBuilder::op(OpCode op, std::vector<SlotId> operands,
                          std::int64_t imm0, std::int64_t imm1) {
  return result(op, operands, imm0, imm1, false);
}

SlotId ProgramBuilder::opBatched(OpCode op, std::vector<SlotId> operands,
                                 std::int64_t imm0, std::int64_t imm1) {
  return result(op, operands, imm0, imm1, true);
}

void ProgramBuilder::gate(GateKind kind, std::vector<unsigned> wires,
                          std::vector<SlotId> angles, SlotId cond) {
  Instr in;
  in.op = OpCode::Gate;
  in.gate = kind;
  in.wires = std::move(wires);
  in.operands = std::move(angles);
  in.cond = cond;
  program.code.push_back(in);
}

void ProgramBuilder::unitary(unsigned wire, std::vector<SlotId> entries,
                             SlotId cond) {
  Instr in;
  in.op = OpCode::Unitary;
  in.wires = {wire};
  in.operands = std::move(entries);
  in.cond = cond;
  program.code.push_back(in);
}

void ProgramBuilder::permute(std::vector<unsigned> wires,
                             std::vector<std::uint32_t> perm, SlotId cond) {
  Instr in;
  in.op = OpCode::Permute;
  in.wires = std::move(wires);
  in.perm = std::move(perm);
  in.cond = cond;
  program.code.push_back(in);
}

SlotId ProgramBuilder::expval(const std::string &pauli,
                              std::vector<unsigned> wires) {
  Instr in;
  in.op = OpCode::Expval;
  in.out = slot(1, true);
  in.pauli = pauli;
  in.wires = std::move(wires);
  program.code.push_back(in);
  return in.out;
}

SlotId ProgramBuilder::measure(unsigned wire, std::int64_t draw) {
  Instr in;
  in.op = OpCode::Measure;
  in.out = slot(1, true);
  in.wires = {wire};
  in.imm0 = draw;
  program.code.push_back(in);
  return in.out;
}

void ProgramBuilder::reset(unsigned wire, std::int64_t draw) {
  Instr in;
  in.op = OpCode::Reset;
  in.wires = {wire};
  in.imm0 = draw;
  program.code.push_back(in);
}

void ProgramBuilder::output(const std::string &name, SlotId s,
                            bool everyStep) {
  VariableInfo v;
  v.name = name;
  v.size = size(s);
  v.everyStep = everyStep;
  v.slot = s;
  program.outputs.push_back(v);
}

SequenceBatch qruc::runtime::test::randomBatch(const StepProgram &program,
                                               std::size_t batch,
                                               std::size_t steps,
                                               std::mt19937_64 &rng, double lo,
                                               double hi) {
  std::uniform_real_distribution<double> u(lo, hi);
  SequenceBatch b;
  b.batch = batch;
  b.steps = steps;
  b.inputs.resize(steps);
  for (auto &step : b.inputs)
    for (const VariableInfo &v : program.inputs) {
      step.emplace_back(batch * v.size);
      for (double &x : step.back())
        x = u(rng);
    }
  return b;
}

ParamVector qruc::runtime::test::randomParams(const StepProgram &program,
                                              std::mt19937_64 &rng, double lo,
                                              double hi) {
  std::uniform_real_distribution<double> u(lo, hi);
  ParamVector p(program.numParameters());
  for (double &x : p)
    x = u(rng);
  return p;
}

OutputValues qruc::runtime::test::randomWeights(const OutputValues &outputs,
                                                std::mt19937_64 &rng) {
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  OutputValues w = outputs;
  for (auto &o : w.values)
    for (auto &step : o)
      for (double &x : step)
        x = u(rng);
  return w;
}

double qruc::runtime::test::dot(const OutputValues &a, const OutputValues &b) {
  double s = 0.0;
  for (std::size_t o = 0; o < a.values.size(); ++o)
    for (std::size_t t = 0; t < a.values[o].size(); ++t)
      for (std::size_t k = 0; k < a.values[o][t].size(); ++k)
        s += a.values[o][t][k] * b.values[o][t][k];
  return s;
}

namespace {

using Values = std::vector<double>;

double at(const Values &v, std::size_t e) { return v.size() == 1 ? v[0] : v[e]; }

double unary(OpCode op, double x) {
  switch (op) {
  case OpCode::Neg: return -x;
  case OpCode::Sin: return std::sin(x);
  case OpCode::Cos: return std::cos(x);
  case OpCode::Tan: return std::tan(x);
  case OpCode::Asin: return std::asin(x);
  case OpCode::Acos: return std::acos(x);
  case OpCode::Atan: return std::atan(x);
  case OpCode::Tanh: return std::tanh(x);
  case OpCode::Exp: return std::exp(x);
  case OpCode::Log: return std::log(x);
  case OpCode::Sqrt: return std::sqrt(x);
  case OpCode::Erf: return std::erf(x);
  case OpCode::Sigmoid: return 1.0 / (1.0 + std::exp(-x));
  case OpCode::Relu: return std::max(x, 0.0);
  case OpCode::Gelu: return x * 0.5 * std::erfc(-x / std::sqrt(2.0));
  default: assert(false); return 0.0;
  }
}

double binary(OpCode op, double a, double b) {
  switch (op) {
  case OpCode::Add: return a + b;
  case OpCode::Sub: return a - b;
  case OpCode::Mul: return a * b;
  case OpCode::Div: return a / b;
  case OpCode::Pow: return std::pow(a, b);
  case OpCode::Max: return std::max(a, b);
  default: assert(false); return 0.0;
  }
}

Values evalClassical(const StepProgram &p, const Instr &in,
                     const std::vector<Values> &slots) {
  const std::uint32_t size = p.slots[in.out].size;
  Values out(size);
  auto arg = [&](std::size_t k) -> const Values & {
    return slots[in.operands[k]];
  };
  if (in.op >= OpCode::Neg && in.op <= OpCode::Gelu) {
    for (std::size_t e = 0; e < size; ++e)
      out[e] = unary(in.op, arg(0)[e]);
    return out;
  }
  if (in.op >= OpCode::Add && in.op <= OpCode::Max) {
    for (std::size_t e = 0; e < size; ++e)
      out[e] = binary(in.op, at(arg(0), e), at(arg(1), e));
    return out;
  }
  switch (in.op) {
  case OpCode::Const:
    for (std::size_t e = 0; e < size; ++e)
      out[e] = p.constants[in.imm0 + e];
    break;
  case OpCode::Extract:
    out[0] = arg(0)[in.imm0];
    break;
  case OpCode::Slice:
    std::copy_n(arg(0).begin() + in.imm0, in.imm1, out.begin());
    break;
  case OpCode::Insert:
    out = arg(0);
    out[in.imm0] = arg(1)[0];
    break;
  case OpCode::Concat:
    out.clear();
    for (std::size_t k = 0; k < in.operands.size(); ++k)
      out.insert(out.end(), arg(k).begin(), arg(k).end());
    break;
  case OpCode::MatVec:
    for (std::int64_t r = 0; r < in.imm0; ++r) {
      double s = 0.0;
      for (std::int64_t c = 0; c < in.imm1; ++c)
        s += arg(0)[r * in.imm1 + c] * arg(1)[c];
      out[r] = s;
    }
    break;
  case OpCode::Softmax: {
    double sum = 0.0;
    for (double x : arg(0))
      sum += std::exp(x);
    for (std::size_t e = 0; e < size; ++e)
      out[e] = std::exp(arg(0)[e]) / sum;
    break;
  }
  default:
    assert(false && "not classical");
  }
  return out;
}

PauliWord wordOf(const Instr &in) {
  PauliWord w;
  for (std::size_t k = 0; k < in.wires.size(); ++k)
    w.set(in.wires[k], in.pauli[k] == 'X'   ? Pauli::X
                       : in.pauli[k] == 'Y' ? Pauli::Y
                                            : Pauli::Z);
  return w;
}

} // namespace

std::vector<std::vector<std::vector<double>>>
qruc::runtime::test::referenceRun(const StepProgram &p,
                                  const ParamVector &params,
                                  const SequenceBatch &batch,
                                  std::size_t sample) {
  std::vector<Values> slots(p.slots.size());
  std::size_t k = 0;
  for (const ParamInfo &param : p.params) {
    Values &v = slots[param.slot];
    v.assign(params.begin() + k, params.begin() + k + p.slots[param.slot].size);
    k += v.size();
  }
  const unsigned n = p.numQubits;
  const Eigen::Index dim = Eigen::Index(1) << n;
  CVector psi = CVector::Zero(dim);
  std::vector<std::vector<std::vector<double>>> outputs(p.outputs.size());
  std::vector<const VariableInfo *> state;
  for (const VariableInfo &v : p.memories)
    state.push_back(&v);
  for (const VariableInfo &v : p.bits)
    state.push_back(&v);
  std::vector<Values> nextValues(state.size());

  for (std::size_t t = 0; t < batch.steps; ++t) {
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
      const std::size_t size = p.inputs[i].size;
      const double *x = batch.inputs[t][i].data() + sample * size;
      slots[p.inputs[i].slot].assign(x, x + size);
    }
    for (std::size_t m = 0; m < state.size(); ++m)
      slots[state[m]->slot] =
          t == 0 ? (state[m]->init.size() == state[m]->size
                        ? state[m]->init
                        : Values(state[m]->size, state[m]->init.empty()
                                                     ? 0.0
                                                     : state[m]->init[0]))
                 : nextValues[m];
    if (t == 0 || !p.persistent) {
      psi.setZero();
      psi(0) = 1.0;
    }
    for (const Instr &in : p.code) {
      if (isOperator(in.op) && in.cond != kNoSlot &&
          slots[in.cond][0] == 0.0)
        continue;
      switch (in.op) {
      case OpCode::Gate: {
        std::vector<double> angles;
        for (SlotId s : in.operands)
          angles.push_back(slots[s][0]);
        psi = embed(textbookMatrix(in.gate, angles), in.wires, n) * psi;
        break;
      }
      case OpCode::Unitary: {
        CMatrix u(2, 2);
        for (int k = 0; k < 4; ++k)
          u(k / 2, k % 2) = {slots[in.operands[2 * k]][0],
                             slots[in.operands[2 * k + 1]][0]};
        psi = embed(u, in.wires, n) * psi;
        break;
      }
      case OpCode::Permute:
        psi = embed(permutationMatrix(in.perm), in.wires, n) * psi;
        break;
      case OpCode::Expval:
        slots[in.out] = {
            (psi.adjoint() * pauliMatrix(wordOf(in), n) * psi)(0).real()};
        break;
      case OpCode::Measure:
      case OpCode::Reset:
        assert(false && "the reference does not sample");
        break;
      default:
        slots[in.out] = evalClassical(p, in, slots);
        break;
      }
    }
    for (std::size_t o = 0; o < p.outputs.size(); ++o)
      if (p.outputs[o].everyStep || t + 1 == batch.steps)
        outputs[o].push_back(slots[p.outputs[o].slot]);
    for (std::size_t m = 0; m < state.size(); ++m)
      nextValues[m] = slots[state[m]->nextSlot];
  }
  return outputs;
}

double qruc::runtime::test::maxReferenceError(const StepProgram &program,
                                              const ParamVector &params,
                                              const SequenceBatch &batch,
                                              unsigned threads) {
  Executor executor(program, threads);
  OutputValues outputs;
  executor.forward(params, batch, outputs);
  double worst = 0.0;
  for (std::size_t b = 0; b < batch.batch; ++b) {
    const auto expected = referenceRun(program, params, batch, b);
    for (std::size_t o = 0; o < expected.size(); ++o) {
      const std::size_t size = program.outputs[o].size;
      assert(expected[o].size() == outputs.values[o].size());
      for (std::size_t k = 0; k < expected[o].size(); ++k)
        for (std::size_t e = 0; e < size; ++e)
          worst = std::max(worst,
                           std::abs(outputs.values[o][k][b * size + e] -
                                    expected[o][k][e]));
    }
  }
  return worst;
}

GradientCheck qruc::runtime::test::checkGradients(const StepProgram &program,
                                                  const ParamVector &params,
                                                  const SequenceBatch &batch,
                                                  std::mt19937_64 &rng,
                                                  unsigned threads, double h) {
  Executor executor(program, threads);
  OutputValues outputs;
  executor.forward(params, batch, outputs);
  const OutputValues weights = randomWeights(outputs, rng);
  GradientCheck check;
  const bool ok = executor.backward(weights, check.adjoint);
  assert(ok && "backward refused the program");
  (void)ok;
  check.uncomputeError = executor.stats().uncomputeError;

  auto loss = [&](std::size_t k, double delta) {
    ParamVector shifted = params;
    shifted[k] += delta;
    OutputValues out;
    executor.forward(shifted, batch, out);
    return dot(weights, out);
  };
  check.numeric.resize(params.size());
  double scale = 0.0;
  for (std::size_t k = 0; k < params.size(); ++k) {
    check.numeric[k] = (8.0 * (loss(k, h) - loss(k, -h)) -
                        (loss(k, 2 * h) - loss(k, -2 * h))) /
                       (12.0 * h);
    scale = std::max(scale, std::abs(check.numeric[k]));
  }
  for (std::size_t k = 0; k < params.size(); ++k) {
    const double denominator =
        std::max({std::abs(check.numeric[k]), 1e-2 * scale, 1e-300});
    check.maxRelError =
        std::max(check.maxRelError,
                 std::abs(check.adjoint[k] - check.numeric[k]) / denominator);
  }
  return check;
}
