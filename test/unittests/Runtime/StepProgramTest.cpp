//===- StepProgramTest.cpp - The step program's consistency check ---------===//
//
// This file tests StepProgram::numParameters and validate(): well-formed
// programs pass, and each kind of inconsistency the executor relies on
// being absent is reported with the instruction or variable at fault.
//
//===----------------------------------------------------------------------===//

#include "ExecutorTestModels.h"
#include "ExecutorTestSupport.h"

#include <gtest/gtest.h>

#include <functional>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

namespace {

TEST(StepProgram, CountsParametersOverShapes) {
  ProgramBuilder b;
  b.param("s");
  b.param("v", {5});
  b.param("m", {3, 4});
  EXPECT_EQ(b.program.numParameters(), 1u + 5u + 12u);
  EXPECT_EQ(StepProgram().numParameters(), 0u);
}

TEST(StepProgram, TestModelsAreValid) {
  EXPECT_EQ(everyGateModel(false).validate(), "");
  EXPECT_EQ(everyGateModel(true).validate(), "");
  EXPECT_EQ(conditionalModel(false).validate(), "");
  EXPECT_EQ(hybridQrnn(4, 3, 5).validate(), "");
  EXPECT_EQ(StepProgram().validate(), "");
}

/// A small valid program the cases below break one way each.
struct Small {
  ProgramBuilder b{2, false};
  SlotId x, m, w, y, r;
  Small() {
    x = b.input("x", 2);
    m = b.memory("m", 1);
    w = b.param("w", {2});
    y = b.op(OpCode::Mul, {x, w});
    b.gate(GateKind::RX, {0}, {b.op(OpCode::Extract, {y}, 0)});
    r = b.expval("Z", {0});
    b.next(m, r);
    b.output("r", r, true);
  }
};

void expectProblem(const std::function<void(Small &)> &breakIt,
                   const std::string &expected) {
  Small s;
  ASSERT_EQ(s.b.program.validate(), "");
  breakIt(s);
  const std::string problem = s.b.program.validate();
  EXPECT_NE(problem.find(expected), std::string::npos)
      << "got '" << problem << "', expected '" << expected << "'";
}

TEST(StepProgram, ReportsSlotAndDefinitionErrors) {
  expectProblem([](Small &s) { s.b.program.code[0].operands[1] = 99; },
                "instruction 0 (mul) operand 1 is slot 99, but there are only");
  expectProblem(
      [](Small &s) {
        std::swap(s.b.program.code[0], s.b.program.code[1]);
      },
      "instruction 0 (extract) operand 0 reads slot");
  expectProblem(
      [](Small &s) {
        s.b.op(OpCode::Neg, {s.r});
        s.b.program.code.back().out = s.r;
      },
      "instruction 4 (neg) defines slot 5, which is already defined");
  expectProblem([](Small &s) { s.b.program.code[0].out = s.x; },
                "already defined");
  expectProblem([](Small &s) { s.b.program.slots[s.y].batched = false; },
                "writes shared slot");
  expectProblem([](Small &s) { s.b.program.outputs[0].slot = s.b.slot(1, true); },
                "output 'r' reads slot");
  expectProblem([](Small &s) { s.b.program.memories[0].nextSlot = kNoSlot; },
                "memory 'm' (next value) has no slot");
  expectProblem([](Small &s) { s.b.program.memories[0].nextSlot = s.y; },
                "next slot");
  expectProblem([](Small &s) { s.b.program.memories[0].init = {1, 2, 3}; },
                "3 initial values");
  expectProblem([](Small &s) { s.b.program.inputs[0].size = 3; },
                "input 'x' has size 3");
  expectProblem([](Small &s) { s.b.program.slots[s.x].batched = false; },
                "must be in a batched slot");
}

TEST(StepProgram, ReportsParameterErrors) {
  expectProblem([](Small &s) { s.b.program.params[0].shape = {3}; },
                "parameter 'w' has 3 elements");
  expectProblem([](Small &s) { s.b.program.params[0].shape = {0, 2}; },
                "dimension of size 0");
  expectProblem([](Small &s) { s.b.program.slots[s.w].batched = true; },
                "must be in a shared slot");
  expectProblem([](Small &s) { s.b.program.params[0].initArgs = {1.0}; },
                "1 initializer arguments, expected 2");
}

TEST(StepProgram, ReportsShapeErrors) {
  expectProblem(
      [](Small &s) { s.b.op(OpCode::Add, {s.x, s.b.param("v", {3})}); },
      "combines sizes 2 and 3");
  expectProblem([](Small &s) { s.b.op(OpCode::Extract, {s.x}, 2); },
                "extracts element 2 of size 2");
  expectProblem([](Small &s) { s.b.op(OpCode::Slice, {s.x}, 1, 2); },
                "slices [1, 3) of size 2");
  expectProblem([](Small &s) { s.b.op(OpCode::MatVec, {s.w, s.x}, 2, 2); },
                "multiplies sizes 2 and 2 as a 2x2 matrix and vector");
  expectProblem([](Small &s) { s.b.op(OpCode::Insert, {s.x, s.x}, 0); },
                "inserts a value of size 2");
  expectProblem(
      [](Small &s) { s.b.program.code.push_back(s.b.program.code[0]); },
      "already defined");
  expectProblem(
      [](Small &s) {
        s.b.op(OpCode::Sin, {s.x});
        s.b.program.slots.back().size = 5;
      },
      "maps size 2 to size 5");
  expectProblem(
      [](Small &s) {
        s.b.constant({1.0});
        s.b.program.code.back().imm0 = 7;
      },
      "reads constants [7, 8), but there are 1");
}

TEST(StepProgram, ReportsQuantumErrors) {
  expectProblem([](Small &s) { s.b.gate(GateKind::CX, {0, 2}); },
                "acts on wire 2, but there are only 2 qubits");
  expectProblem([](Small &s) { s.b.gate(GateKind::CX, {1, 1}); },
                "repeats wire 1");
  expectProblem([](Small &s) { s.b.gate(GateKind::RY, {0}); },
                "expects 1 operands, but got 0");
  expectProblem([](Small &s) { s.b.gate(GateKind::RY, {0}, {s.x}); },
                "angle 0 has size 2");
  expectProblem([](Small &s) { s.b.gate(GateKind::X, {0}, {}, s.x); },
                "condition has size 2");
  expectProblem([](Small &s) { s.b.expval("ZQ", {0, 1}); },
                "has Pauli 'Q'");
  expectProblem([](Small &s) { s.b.expval("ZX", {0}); },
                "expects 2 wires, but got 1");
  expectProblem(
      [](Small &s) {
        s.b.measure(0, 3);
        s.b.reset(1, 3);
      },
      "reuses draw number 3");
  expectProblem(
      [](Small &s) {
        s.b.measure(0, 0);
        s.b.program.slots.back().batched = false;
      },
      "must write a batched slot of size 1");
  expectProblem([](Small &s) { s.b.program.code[0].wires = {0}; },
                "is classical but has wires");
  expectProblem([](Small &s) { s.b.program.numQubits = 40; },
                "40 qubits");
}

TEST(StepProgram, ReportsUnitaryAndPermutationErrors) {
  auto entries = [](Small &s, std::size_t count) {
    std::vector<SlotId> e;
    for (std::size_t k = 0; k < count; ++k)
      e.push_back(s.b.op(OpCode::Extract, {s.w}, k % 2));
    return e;
  };
  expectProblem([&](Small &s) { s.b.unitary(0, entries(s, 7)); },
                "(unitary) expects 8 operands, but got 7");
  expectProblem(
      [&](Small &s) {
        std::vector<SlotId> e = entries(s, 8);
        e[5] = s.x;
        s.b.unitary(1, e);
      },
      "entry 5 has size 2");
  expectProblem([&](Small &s) { s.b.unitary(2, entries(s, 8)); },
                "acts on wire 2, but there are only 2 qubits");
  expectProblem([](Small &s) { s.b.permute({0, 1}, {0, 1, 2}); },
                "(permute) has a table of 3 entries, expected 4");
  expectProblem([](Small &s) { s.b.permute({1, 0}, {0, 1, 1, 3}); },
                "maps two basis states to 1");
  expectProblem([](Small &s) { s.b.permute({1}, {0, 2}); },
                "maps a basis state to 2, but there are 2");
  expectProblem([](Small &s) { s.b.permute({}, {0}); },
                "acts on 0 wires, expected 1 to 16");
  expectProblem([](Small &s) { s.b.permute({0, 0}, {0, 1, 2, 3}); },
                "repeats wire 0");
  expectProblem([](Small &s) { s.b.permute({0}, {1, 0}, s.x); },
                "(permute) condition has size 2");
  expectProblem([](Small &s) { s.b.program.code[0].perm = {0}; },
                "(mul) has a permutation table, but only permute does");
  expectProblem(
      [](Small &s) { s.b.program.code[3].cond = s.b.constant({1.0}); },
      "(expval) has a condition, but only gates, unitaries and "
      "permutations do");
}

} // namespace
