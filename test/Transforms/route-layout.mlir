// RUN: qruc-opt %s --qru-route=coupling-map=%S/Inputs/route-tee.json | FileCheck %s

// The layout follows the gates: on the T-shaped map 0 - 1 - 2 with 3 also
// coupled to 1 (Inputs/route-tee.json), the wire that meets all others
// goes on qubit 1, and no SWAP is needed.

// CHECK-LABEL: qru.model @star attributes {qru.layout = array<i64: 0, 2, 3, 1>}
// CHECK-NOT:   qru.swap
qru.model @star {
  qru.qubits @q[4]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %h0 = qru.alloc @q[3]
    %h1, %a1 = qru.cx %h0, %a0
    %h2, %b1 = qru.cx %h1, %b0
    %h3, %c1 = qru.cx %h2, %c0
    %z, %h4 = qru.expval "Z" %h3
    qru.yield %z : f64
  }
}
