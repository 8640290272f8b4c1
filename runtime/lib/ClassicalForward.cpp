//===- ClassicalForward.cpp - Forward rules of classical slots ------------===//
//
// This file implements the slot layout and the forward rule of every
// classical instruction. The common case, all operands batched and of the
// result's size, runs as one flat loop over the contiguous rows; broadcasts
// (a shared or size-1 operand) go through strided views. Each sample's
// value depends only on that sample's operands, in a fixed order, so a
// batch and its samples one at a time give bit-identical results.
//
//===----------------------------------------------------------------------===//

#include "SlotSpace.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

SlotLayout::SlotLayout(const StepProgram &program) {
  offset.resize(program.slots.size());
  for (std::size_t s = 0; s < program.slots.size(); ++s) {
    const SlotInfo &slot = program.slots[s];
    std::size_t &next = slot.batched ? batchedRows : sharedSize;
    offset[s] = next;
    next += slot.size;
  }
}

double qruc::runtime::detail::unaryValue(OpCode op, double x) {
  switch (op) {
  case OpCode::Neg:
    return -x;
  case OpCode::Sin:
    return std::sin(x);
  case OpCode::Cos:
    return std::cos(x);
  case OpCode::Tan:
    return std::tan(x);
  case OpCode::Asin:
    return std::asin(x);
  case OpCode::Acos:
    return std::acos(x);
  case OpCode::Atan:
    return std::atan(x);
  case OpCode::Tanh:
    return std::tanh(x);
  case OpCode::Exp:
    return std::exp(x);
  case OpCode::Log:
    return std::log(x);
  case OpCode::Sqrt:
    return std::sqrt(x);
  case OpCode::Erf:
    return std::erf(x);
  case OpCode::Sigmoid:
    // Written so that exp never overflows.
    if (x >= 0)
      return 1.0 / (1.0 + std::exp(-x));
    else {
      const double e = std::exp(x);
      return e / (1.0 + e);
    }
  case OpCode::Relu:
    return x > 0 ? x : 0.0;
  case OpCode::Gelu:
    // The exact form x·Φ(x), as PyTorch's default.
    return 0.5 * x * (1.0 + std::erf(x * M_SQRT1_2));
  default:
    assert(false && "not an elementwise opcode");
    return 0.0;
  }
}

double qruc::runtime::detail::unaryDerivative(OpCode op, double x, double y) {
  switch (op) {
  case OpCode::Neg:
    return -1.0;
  case OpCode::Sin:
    return std::cos(x);
  case OpCode::Cos:
    return -std::sin(x);
  case OpCode::Tan:
    return 1.0 + y * y;
  case OpCode::Asin:
    return 1.0 / std::sqrt(1.0 - x * x);
  case OpCode::Acos:
    return -1.0 / std::sqrt(1.0 - x * x);
  case OpCode::Atan:
    return 1.0 / (1.0 + x * x);
  case OpCode::Tanh:
    return 1.0 - y * y;
  case OpCode::Exp:
    return y;
  case OpCode::Log:
    return 1.0 / x;
  case OpCode::Sqrt:
    return 0.5 / y;
  case OpCode::Erf:
    return M_2_SQRTPI * std::exp(-x * x);
  case OpCode::Sigmoid:
    return y * (1.0 - y);
  case OpCode::Relu:
    return x > 0 ? 1.0 : 0.0;
  case OpCode::Gelu:
    // Φ(x) + x·φ(x).
    return 0.5 * (1.0 + std::erf(x * M_SQRT1_2)) +
           x * std::exp(-0.5 * x * x) * (0.5 * M_2_SQRTPI * M_SQRT1_2);
  default:
    assert(false && "not an elementwise opcode");
    return 0.0;
  }
}

namespace {

double binaryValue(OpCode op, double a, double b) {
  switch (op) {
  case OpCode::Add:
    return a + b;
  case OpCode::Sub:
    return a - b;
  case OpCode::Mul:
    return a * b;
  case OpCode::Div:
    return a / b;
  case OpCode::Pow:
    return std::pow(a, b);
  case OpCode::Max:
    return a >= b ? a : b;
  default:
    assert(false && "not a binary opcode");
    return 0.0;
  }
}

template <class F>
void elementwise1(const SlotSpace &v, SlotId out, SlotId in, F f) {
  const SlotView o = v.view(out), x = v.view(in);
  const std::size_t size = v.size(out), ns = v.samples(out);
  if (o.sample == x.sample) {
    // Same layout: one contiguous run of size · ns values.
    for (std::size_t k = 0; k < size * ns; ++k)
      o.p[k] = f(x.p[k]);
    return;
  }
  for (std::size_t e = 0; e < size; ++e) {
    const double y = f(x(e, 0));
    for (std::size_t b = 0; b < ns; ++b)
      o(e, b) = y;
  }
}

template <class F>
void elementwise2(const SlotSpace &v, SlotId out, SlotId in0, SlotId in1,
                  F f) {
  const SlotView o = v.view(out), a = v.view(in0, true), c = v.view(in1, true);
  const std::size_t size = v.size(out), ns = v.samples(out);
  if (o.sample == a.sample && o.sample == c.sample && o.elem == a.elem &&
      o.elem == c.elem) {
    for (std::size_t k = 0; k < size * ns; ++k)
      o.p[k] = f(a.p[k], c.p[k]);
    return;
  }
  for (std::size_t e = 0; e < size; ++e)
    for (std::size_t b = 0; b < ns; ++b)
      o(e, b) = f(a(e, b), c(e, b));
}

void matVec(const Instr &in, const SlotSpace &v) {
  const std::size_t rows = in.imm0, cols = in.imm1, ns = v.samples(in.out);
  const SlotView o = v.view(in.out), w = v.view(in.operands[0]),
                 x = v.view(in.operands[1]);
  if (w.sample == 0 && x.sample == 1 && o.sample == 1) {
    // A shared matrix times one vector per sample: rows of the batch, so
    // the inner loop runs over the samples with unit stride. The sum over c
    // runs in the same order as the generic loop below.
    for (std::size_t r = 0; r < rows; ++r) {
      double *y = o.p + r * ns;
      std::fill(y, y + ns, 0.0);
      for (std::size_t c = 0; c < cols; ++c) {
        const double wrc = w.p[r * cols + c];
        const double *xc = x.p + c * ns;
        for (std::size_t b = 0; b < ns; ++b)
          y[b] += wrc * xc[b];
      }
    }
    return;
  }
  for (std::size_t b = 0; b < ns; ++b)
    for (std::size_t r = 0; r < rows; ++r) {
      double s = 0.0;
      for (std::size_t c = 0; c < cols; ++c)
        s += w(r * cols + c, b) * x(c, b);
      o(r, b) = s;
    }
}

void softmax(const Instr &in, const SlotSpace &v) {
  const SlotView o = v.view(in.out), x = v.view(in.operands[0]);
  const std::size_t size = v.size(in.out), ns = v.samples(in.out);
  for (std::size_t b = 0; b < ns; ++b) {
    double m = x(0, b);
    for (std::size_t e = 1; e < size; ++e)
      m = std::max(m, x(e, b));
    double sum = 0.0;
    for (std::size_t e = 0; e < size; ++e)
      sum += o(e, b) = std::exp(x(e, b) - m);
    for (std::size_t e = 0; e < size; ++e)
      o(e, b) /= sum;
  }
}

} // namespace

void qruc::runtime::detail::runClassical(const Instr &in, const SlotSpace &v,
                                         const std::vector<double> &constants) {
  const OpCode op = in.op;
  if (op >= OpCode::Neg && op <= OpCode::Gelu) {
    elementwise1(v, in.out, in.operands[0],
                 [op](double x) { return unaryValue(op, x); });
    return;
  }
  if (op >= OpCode::Add && op <= OpCode::Max) {
    elementwise2(v, in.out, in.operands[0], in.operands[1],
                 [op](double a, double b) { return binaryValue(op, a, b); });
    return;
  }
  const SlotView o = v.view(in.out);
  const std::size_t ns = v.samples(in.out);
  switch (op) {
  case OpCode::Const:
    for (std::size_t e = 0; e < v.size(in.out); ++e)
      for (std::size_t b = 0; b < ns; ++b)
        o(e, b) = constants[in.imm0 + e];
    return;
  case OpCode::Extract: {
    const SlotView x = v.view(in.operands[0]);
    for (std::size_t b = 0; b < ns; ++b)
      o(0, b) = x(in.imm0, b);
    return;
  }
  case OpCode::Slice: {
    const SlotView x = v.view(in.operands[0]);
    for (std::int64_t k = 0; k < in.imm1; ++k)
      for (std::size_t b = 0; b < ns; ++b)
        o(k, b) = x(in.imm0 + k, b);
    return;
  }
  case OpCode::Insert: {
    const SlotView x = v.view(in.operands[0]), y = v.view(in.operands[1]);
    for (std::size_t e = 0; e < v.size(in.out); ++e)
      for (std::size_t b = 0; b < ns; ++b)
        o(e, b) = std::int64_t(e) == in.imm0 ? y(0, b) : x(e, b);
    return;
  }
  case OpCode::Concat: {
    std::size_t at = 0;
    for (SlotId s : in.operands) {
      const SlotView x = v.view(s);
      for (std::size_t e = 0; e < v.size(s); ++e)
        for (std::size_t b = 0; b < ns; ++b)
          o(at + e, b) = x(e, b);
      at += v.size(s);
    }
    return;
  }
  case OpCode::MatVec:
    matVec(in, v);
    return;
  case OpCode::Softmax:
    softmax(in, v);
    return;
  default:
    assert(false && "not a classical instruction");
    return;
  }
}
