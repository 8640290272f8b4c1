"""Shared helpers of the interop checks: load qruc's OpenQASM 3 with Qiskit's
importer, simulate it with Qiskit Aer, and compare with qruc's numbers."""

import csv
import json
import math
import sys

import numpy as np
from qiskit import qasm3
from qiskit.circuit import ControlFlowOp
from scipy.stats import chi2


def load(path):
    with open(path) as f:
        return qasm3.loads(f.read())


def for_aer(circuit):
    """`circuit` with the gates the program defines (rot, ...) expanded,
    as Aer runs them."""
    from qiskit import transpile
    from qiskit_aer import AerSimulator
    return transpile(circuit, backend=AerSimulator(), optimization_level=0)


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def instructions(circuit):
    """Every instruction, inside if/else blocks too, with qubit indices of
    the outer circuit."""
    def walk(circ, qubit_map):
        for inst in circ.data:
            qubits = [qubit_map[circ.find_bit(q).index] for q in inst.qubits]
            if isinstance(inst.operation, ControlFlowOp):
                for block in inst.operation.blocks:
                    yield from walk(block, qubits)
            else:
                yield inst.operation, qubits
    yield from walk(circuit, list(range(circuit.num_qubits)))


def read_rows(path, header=1, label=-1):
    """Feature rows of a CSV in the experiment's layout."""
    with open(path, newline="") as f:
        rows = [row for row in csv.reader(f) if row][header:]
    out = []
    for row in rows:
        if label is not None:
            del row[label % len(row)]
        out.append([float(v) for v in row])
    return out


def read_predictions(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], np.array([[float(v) for v in row] for row in rows[1:]])


def qruc_counts(path, sample=0):
    """The counts and output means of one sample of `qruc --shots`."""
    with open(path) as f:
        lines = [json.loads(line) for line in f if line.strip()]
    return lines[sample]


def registers_of(counts_key, cregs):
    """A Qiskit counts key as {register: bits, bit 0 first}: Qiskit writes
    the registers last-declared first, each register's highest bit first."""
    parts = counts_key.split()
    values = {}
    for reg, part in zip(reversed(cregs), parts):
        values[reg.name] = part[::-1]
    return values


def chi_square_two_sample(a, b):
    """Chi-square test that two count dictionaries come from one
    distribution; cells with too few counts in both are pooled."""
    keys = sorted(set(a) | set(b))
    na, nb = sum(a.values()), sum(b.values())
    rows, pooled_a, pooled_b = [], 0, 0
    for k in keys:
        ca, cb = a.get(k, 0), b.get(k, 0)
        if ca + cb < 10:
            pooled_a, pooled_b = pooled_a + ca, pooled_b + cb
        else:
            rows.append((ca, cb))
    if pooled_a + pooled_b > 0:
        rows.append((pooled_a, pooled_b))
    stat = 0.0
    for ca, cb in rows:
        total = ca + cb
        ea, eb = total * na / (na + nb), total * nb / (na + nb)
        stat += (ca - ea) ** 2 / ea + (cb - eb) ** 2 / eb
    dof = max(len(rows) - 1, 1)
    return stat, dof, float(chi2.sf(stat, dof))
