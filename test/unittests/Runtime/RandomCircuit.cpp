//===- RandomCircuit.cpp - Random circuits for engine-level tests ---------===//
//
// This file implements the random circuit generator and its runner.
//
//===----------------------------------------------------------------------===//

#include "RandomCircuit.h"

#include "qruc/Runtime/Measurement.h"

#include <algorithm>
#include <cassert>
#include <numeric>

using namespace qruc::runtime;
using namespace qruc::runtime::test;

RandomCircuit qruc::runtime::test::makeRandomCircuit(unsigned numQubits,
                                                     std::size_t batch,
                                                     unsigned numOps,
                                                     double measureRate,
                                                     std::mt19937_64 &rng) {
  RandomCircuit c;
  c.numQubits = numQubits;
  c.batch = batch;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_real_distribution<double> angle(-M_PI, M_PI);
  std::uniform_int_distribution<unsigned> kind(0, kNumGateKinds - 1);
  std::vector<unsigned> wires(numQubits);
  std::iota(wires.begin(), wires.end(), 0u);
  for (unsigned i = 0; i < numOps; ++i) {
    CircuitOp op;
    std::shuffle(wires.begin(), wires.end(), rng);
    if (unit(rng) < measureRate) {
      op.type = unit(rng) < 0.5 ? CircuitOp::Type::Measure
                                : CircuitOp::Type::Reset;
      op.wires = {wires[0]};
      c.ops.push_back(op);
      continue;
    }
    op.kind = static_cast<GateKind>(kind(rng));
    const GateInfo &info = gateInfo(op.kind);
    op.wires.assign(wires.begin(), wires.begin() + info.numQubits);
    for (unsigned j = 0; j < info.numAngles; ++j) {
      const std::size_t count = unit(rng) < 0.7 ? batch : 1;
      std::vector<double> values(count);
      for (double &v : values)
        v = angle(rng);
      op.angles.push_back(values);
    }
    c.ops.push_back(op);
  }
  return c;
}

void qruc::runtime::test::runCircuit(const RandomCircuit &circuit,
                                     BatchedState &state,
                                     std::size_t firstSample,
                                     const CounterRng &rng,
                                     std::vector<std::uint8_t> &outcomes,
                                     bool asShared) {
  assert(!asShared || state.batch() == 1);
  for (std::size_t i = 0; i < circuit.ops.size(); ++i) {
    const CircuitOp &op = circuit.ops[i];
    if (op.type != CircuitOp::Type::Gate) {
      std::vector<std::uint8_t> out(state.batch());
      const MeasurementDraw draw{rng, i, firstSample};
      if (op.type == CircuitOp::Type::Measure)
        measure(state, op.wires[0], draw, out.data());
      else
        reset(state, op.wires[0], draw, out.data());
      outcomes.insert(outcomes.end(), out.begin(), out.end());
      continue;
    }
    std::vector<Angle> angles;
    for (const std::vector<double> &values : op.angles) {
      if (values.size() == 1)
        angles.push_back(Angle::shared(values[0]));
      else if (asShared)
        angles.push_back(Angle::shared(values[firstSample]));
      else
        angles.push_back(Angle::perSample(values.data() + firstSample));
    }
    applyGate(state, op.kind, op.wires.data(), angles.data());
  }
}
