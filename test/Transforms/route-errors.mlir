// RUN: not qruc-opt %s --split-input-file --qru-route 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not qruc-opt %s --split-input-file --qru-route=coupling-map=%S/Inputs/no-such-map.json 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not qruc-opt %s --split-input-file --qru-route=coupling-map=%S/Inputs/route-bad.json 2>&1 | FileCheck %s --check-prefix=JSON
// RUN: not qruc-opt %s --split-input-file --qru-route=coupling-map=%S/Inputs/route-not-pairs.json 2>&1 | FileCheck %s --check-prefix=PAIRS
// RUN: not qruc-opt %s --split-input-file --qru-route=coupling-map=%S/Inputs/route-tee.json 2>&1 | FileCheck %s --check-prefix=SMALL
// RUN: not qruc-opt %s --split-input-file --qru-route=coupling-map=%S/Inputs/route-split.json 2>&1 | FileCheck %s --check-prefix=SPLIT
// RUN: not qruc-opt %s --split-input-file --qru-route=coupling-map=%S/Inputs/route-line4.json 2>&1 | FileCheck %s --check-prefix=GATE

// Every problem with the map is reported at the model; a three-qubit gate
// at the gate.

// NONE:    route-errors.mlir:[[@LINE+6]]:1: error: qru-route needs a coupling map: pass coupling-map=FILE
// MISSING: route-errors.mlir:[[@LINE+5]]:1: error: cannot read coupling map '{{.*}}no-such-map.json': {{[Nn]}}o such file or directory
// JSON:    route-errors.mlir:[[@LINE+4]]:1: error: coupling map '{{.*}}route-bad.json' is not valid JSON: [3:2, byte={{[0-9]+}}]: Expected , or ] after array element
// PAIRS:   route-errors.mlir:[[@LINE+3]]:1: error: coupling map '{{.*}}route-not-pairs.json': edge 1 must be a pair of qubit numbers in [0, 65536), but got [1,-2]
// SMALL:   route-errors.mlir:[[@LINE+2]]:1: error: coupling map '{{.*}}route-tee.json' has 4 physical qubits, but the model has 5 wires
// SPLIT:   route-errors.mlir:[[@LINE+1]]:1: error: coupling map '{{.*}}route-split.json' has no 5 connected physical qubits: the largest connected set has 3
qru.model @wide {
  qru.qubits @q[3]
  qru.qubits @r[2]
  qru.step() {
  }
}
// -----
qru.model @four {
  qru.qubits @q[4]
  qru.step() {
  }
}

// -----

// GATE:    route-errors.mlir:[[@LINE+7]]:21: error: 'qru.ccx' op acts on 3 qubits: decompose multi-qubit gates first (qru-decompose-multi-qubit)
qru.model @toffoli {
  qru.qubits @q[3]
  qru.step() {
    %a = qru.alloc @q[0]
    %b = qru.alloc @q[1]
    %c = qru.alloc @q[2]
    %a1, %b1, %c1 = qru.ccx %a, %b, %c
  }
}
