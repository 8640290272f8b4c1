"""Checks that a routed program acts on physical qubits only through the
edges of its coupling map."""

import argparse
import json

from interop import fail, instructions, load

parser = argparse.ArgumentParser()
parser.add_argument("--qasm", required=True)
parser.add_argument("--map", required=True)
args = parser.parse_args()

with open(args.map) as f:
    edges = {frozenset(edge) for edge in json.load(f)}
circuit = load(args.qasm)
two_qubit = 0
for operation, qubits in instructions(circuit):
    if len(qubits) > 2:
        fail(f"'{operation.name}' acts on {len(qubits)} qubits")
    if len(qubits) == 2:
        two_qubit += 1
        if frozenset(qubits) not in edges:
            fail(f"'{operation.name}' on qubits {qubits}, not an edge of the map")
if two_qubit == 0:
    fail("no 2-qubit gate: nothing was checked")
print(f"ok: {two_qubit} two-qubit gates, all on edges of the map")
