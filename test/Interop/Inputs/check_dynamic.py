"""Runs a dynamic circuit of qruc on Qiskit Aer with one sample's inputs
bound and checks it against `qruc --target sim --shots`: the final values of
the model's bit registers by a chi-square test, and the expectation value
measured into `readout` against the simulator's output mean."""

import argparse
import math

import numpy as np
from qiskit_aer import AerSimulator

from interop import chi_square_two_sample, fail, load, qruc_counts, read_rows, registers_of

parser = argparse.ArgumentParser()
parser.add_argument("--qasm", required=True)
parser.add_argument("--sim", required=True, help="JSON lines of qruc --shots")
parser.add_argument("--data", required=True, help="the sample (experiment CSV layout)")
parser.add_argument("--shots", type=int, required=True)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--output", help="an output read into `readout`: name")
parser.add_argument("--scale", type=float, default=1.0,
                    help="the output is scale * <readout>")
args = parser.parse_args()

circuit = load(args.qasm)
features = read_rows(args.data)[0]
bindings = {}
for parameter in circuit.parameters:
    name = parameter.name
    if not name.startswith("x_t"):
        fail(f"unbound input {name}: bind the weights with --params")
    bindings[parameter] = features[int(name[3:])]
bound = circuit.assign_parameters(bindings)

result = AerSimulator(seed_simulator=args.seed).run(bound, shots=args.shots).result()
aer = result.get_counts()
sim = qruc_counts(args.sim)
model_registers = [reg.name for reg in circuit.cregs if reg.name != "readout"]

# qruc's key: the model's registers in declaration order, bit 0 first.
aer_model, readout_ones = {}, 0
for key, count in aer.items():
    values = registers_of(key, circuit.cregs)
    model_key = " ".join(values[name] for name in model_registers)
    aer_model[model_key] = aer_model.get(model_key, 0) + count
    if "readout" in values and values["readout"][0] == "1":
        readout_ones += count
sim_counts = sim["counts"]
if sum(sim_counts.values()) != args.shots:
    fail("qruc's counts do not add up to the shots")
stat, dof, p = chi_square_two_sample(aer_model, sim_counts)
print(f"chi-square {stat:.2f} on {dof} degrees of freedom, p = {p:.4f} "
      f"({len(aer_model)} outcomes on Aer, {len(sim_counts)} in qruc)")
if p <= 0.001:
    fail("the outcome distributions differ")

if args.output:
    z_aer = 1.0 - 2.0 * readout_ones / args.shots
    z_sim = sim["outputs"][args.output] / args.scale
    sigma = math.sqrt(max(1.0 - z_aer ** 2, 1e-12) / args.shots)
    print(f"<Z> on Aer {z_aer:.4f}, in qruc {z_sim:.4f}, sigma {sigma:.4f}")
    if abs(z_aer - z_sim) > 5 * sigma + 1e-9:
        fail("the readout's expectation value differs by more than 5 sigma")
print("ok")
