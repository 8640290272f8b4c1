//===- ClassicalBackward.cpp - Reverse rules of classical slots -----------===//
//
// This file implements the chain rule through every classical instruction:
// the adjoint of the result, complete once every later reader has been
// reversed, is pushed to the operands. Operands the parameters do not reach
// have no adjoint (a null view) and are skipped. The derivatives reuse the
// stored result where that is cheaper or more accurate (tanh, sigmoid, exp,
// sqrt, softmax).
//
//===----------------------------------------------------------------------===//

#include "SlotSpace.h"

#include <cassert>
#include <cmath>

using namespace qruc::runtime;
using namespace qruc::runtime::detail;

namespace {

void reverseUnary(const Instr &in, const SlotSpace &v, const SlotSpace &adj) {
  const SlotId out = in.out, src = in.operands[0];
  const SlotView gx = adj.view(src);
  if (!gx)
    return;
  const SlotView go = adj.view(out), x = v.view(src), y = v.view(out);
  const std::size_t size = v.size(out), ns = v.samples(out);
  const OpCode op = in.op;
  if (gx.sample == go.sample) {
    for (std::size_t k = 0; k < size * ns; ++k)
      gx.p[k] += go.p[k] * unaryDerivative(op, x.p[k], y.p[k]);
    return;
  }
  for (std::size_t e = 0; e < size; ++e)
    for (std::size_t b = 0; b < ns; ++b)
      gx(e, b) += go(e, b) * unaryDerivative(op, x(e, b), y(e, b));
}

void reverseBinary(const Instr &in, const SlotSpace &v, const SlotSpace &adj) {
  const SlotId out = in.out, s0 = in.operands[0], s1 = in.operands[1];
  const SlotView ga = adj.view(s0, true), gc = adj.view(s1, true);
  if (!ga && !gc)
    return;
  const SlotView go = adj.view(out), a = v.view(s0, true),
                 c = v.view(s1, true), y = v.view(out);
  const std::size_t size = v.size(out), ns = v.samples(out);
  for (std::size_t e = 0; e < size; ++e)
    for (std::size_t b = 0; b < ns; ++b) {
      const double g = go(e, b), av = a(e, b), cv = c(e, b);
      double da = 0.0, dc = 0.0;
      switch (in.op) {
      case OpCode::Add:
        da = g;
        dc = g;
        break;
      case OpCode::Sub:
        da = g;
        dc = -g;
        break;
      case OpCode::Mul:
        da = g * cv;
        dc = g * av;
        break;
      case OpCode::Div:
        da = g / cv;
        dc = -g * y(e, b) / cv;
        break;
      case OpCode::Pow:
        da = g * cv * std::pow(av, cv - 1.0);
        // a^c = exp(c·log a) is differentiable in c only where a > 0.
        dc = av > 0 ? g * y(e, b) * std::log(av) : 0.0;
        break;
      case OpCode::Max:
        (av >= cv ? da : dc) = g;
        break;
      default:
        assert(false && "not a binary opcode");
      }
      // Both views may name the same slot (x·x): each adds its own part.
      if (ga)
        ga(e, b) += da;
      if (gc)
        gc(e, b) += dc;
    }
}

void reverseMatVec(const Instr &in, const SlotSpace &v, const SlotSpace &adj) {
  const std::size_t rows = in.imm0, cols = in.imm1, ns = v.samples(in.out);
  const SlotView gw = adj.view(in.operands[0]), gx = adj.view(in.operands[1]);
  if (!gw && !gx)
    return;
  const SlotView go = adj.view(in.out), w = v.view(in.operands[0]),
                 x = v.view(in.operands[1]);
  if (w.sample == 0 && x.sample == 1 && go.sample == 1) {
    // Shared matrix, batched vector (a dense layer): unit-stride loops
    // over the samples; dW sums over the tile's samples.
    if (gx)
      for (std::size_t r = 0; r < rows; ++r) {
        const double *gr = go.p + r * ns;
        for (std::size_t c = 0; c < cols; ++c) {
          const double wrc = w.p[r * cols + c];
          double *gxc = gx.p + c * ns;
          for (std::size_t b = 0; b < ns; ++b)
            gxc[b] += wrc * gr[b];
        }
      }
    if (gw)
      for (std::size_t r = 0; r < rows; ++r) {
        const double *gr = go.p + r * ns;
        for (std::size_t c = 0; c < cols; ++c) {
          const double *xc = x.p + c * ns;
          double s = 0.0;
          for (std::size_t b = 0; b < ns; ++b)
            s += gr[b] * xc[b];
          gw.p[r * cols + c] += s;
        }
      }
    return;
  }
  for (std::size_t b = 0; b < ns; ++b)
    for (std::size_t r = 0; r < rows; ++r) {
      const double g = go(r, b);
      for (std::size_t c = 0; c < cols; ++c) {
        if (gw)
          gw(r * cols + c, b) += g * x(c, b);
        if (gx)
          gx(c, b) += g * w(r * cols + c, b);
      }
    }
}

void reverseSoftmax(const Instr &in, const SlotSpace &v, const SlotSpace &adj) {
  const SlotView gx = adj.view(in.operands[0]);
  if (!gx)
    return;
  const SlotView go = adj.view(in.out), y = v.view(in.out);
  const std::size_t size = v.size(in.out), ns = v.samples(in.out);
  for (std::size_t b = 0; b < ns; ++b) {
    double dot = 0.0;
    for (std::size_t e = 0; e < size; ++e)
      dot += y(e, b) * go(e, b);
    for (std::size_t e = 0; e < size; ++e)
      gx(e, b) += y(e, b) * (go(e, b) - dot);
  }
}

} // namespace

void qruc::runtime::detail::reverseClassical(const Instr &in,
                                             const SlotSpace &v,
                                             const SlotSpace &adj) {
  const OpCode op = in.op;
  if (!adj.view(in.out))
    return;
  if (op >= OpCode::Neg && op <= OpCode::Gelu)
    return reverseUnary(in, v, adj);
  if (op >= OpCode::Add && op <= OpCode::Max)
    return reverseBinary(in, v, adj);
  const SlotView go = adj.view(in.out);
  const std::size_t ns = v.samples(in.out);
  switch (op) {
  case OpCode::Const:
    return;
  case OpCode::Extract:
    if (const SlotView gx = adj.view(in.operands[0]))
      for (std::size_t b = 0; b < ns; ++b)
        gx(in.imm0, b) += go(0, b);
    return;
  case OpCode::Slice:
    if (const SlotView gx = adj.view(in.operands[0]))
      for (std::int64_t k = 0; k < in.imm1; ++k)
        for (std::size_t b = 0; b < ns; ++b)
          gx(in.imm0 + k, b) += go(k, b);
    return;
  case OpCode::Insert:
    if (const SlotView gx = adj.view(in.operands[0]))
      for (std::size_t e = 0; e < v.size(in.out); ++e)
        if (std::int64_t(e) != in.imm0)
          for (std::size_t b = 0; b < ns; ++b)
            gx(e, b) += go(e, b);
    if (const SlotView gy = adj.view(in.operands[1]))
      for (std::size_t b = 0; b < ns; ++b)
        gy(0, b) += go(in.imm0, b);
    return;
  case OpCode::Concat: {
    std::size_t at = 0;
    for (SlotId s : in.operands) {
      if (const SlotView gx = adj.view(s))
        for (std::size_t e = 0; e < v.size(s); ++e)
          for (std::size_t b = 0; b < ns; ++b)
            gx(e, b) += go(at + e, b);
      at += v.size(s);
    }
    return;
  }
  case OpCode::MatVec:
    return reverseMatVec(in, v, adj);
  case OpCode::Softmax:
    return reverseSoftmax(in, v, adj);
  default:
    assert(false && "not a classical instruction");
    return;
  }
}
