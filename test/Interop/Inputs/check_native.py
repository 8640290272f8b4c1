"""Checks a basis-translated program against the untranslated one: only the
native gates of the basis, and the same state up to a global phase for the
same inputs, simulated with Aer's statevector method."""

import argparse

import numpy as np
from qiskit_aer import AerSimulator

from interop import fail, for_aer, instructions, load

NATIVE = {"heron": {"cz", "rz", "sx", "x"}, "eagle": {"ecr", "rz", "sx", "x"}}
ALWAYS = {"measure", "reset", "barrier", "delay", "id"}

parser = argparse.ArgumentParser()
parser.add_argument("--reference", required=True)
parser.add_argument("--translated", required=True)
parser.add_argument("--basis", choices=NATIVE, required=True)
parser.add_argument("--seed", type=int, default=3)
parser.add_argument("--no-state", action="store_true",
                    help="check the gate set only (programs that measure)")
args = parser.parse_args()

reference, translated = load(args.reference), load(args.translated)
used = set()
for operation, _qubits in instructions(translated):
    name = operation.name
    if name not in NATIVE[args.basis] | ALWAYS:
        fail(f"'{name}' is not a native {args.basis} gate")
    used.add(name)
print(f"gates used: {' '.join(sorted(used))}")

# `ecr` is not in stdgates.inc: the program defines it, and the definition
# must be Qiskit's ECRGate (which Aer and the hardware run natively).
for operation, _qubits in instructions(translated):
    if operation.name == "ecr":
        from qiskit.circuit.library import ECRGate
        from qiskit.quantum_info import Operator
        if not Operator(operation.definition).equiv(Operator(ECRGate())):
            fail("the program's ecr definition is not Qiskit's ECRGate")
        print("ecr definition: Qiskit's ECRGate")
        break
if args.no_state:
    print("ok")
    raise SystemExit

names = sorted(p.name for p in reference.parameters)
if names != sorted(p.name for p in translated.parameters):
    fail("the two programs take different inputs")
rng = np.random.default_rng(args.seed)
values = {name: rng.uniform(-np.pi, np.pi) for name in names}


def state(circuit):
    bound = for_aer(circuit.assign_parameters(
        {p: values[p.name] for p in circuit.parameters}))
    bound.save_statevector()
    result = AerSimulator(method="statevector").run(bound).result()
    return np.asarray(result.get_statevector())


a, b = state(reference), state(translated)
overlap = abs(np.vdot(a, b))
print(f"|<reference|translated>| = {overlap:.12f}")
if abs(overlap - 1.0) > 1e-9:
    fail("the translated program prepares another state")
print("ok")
