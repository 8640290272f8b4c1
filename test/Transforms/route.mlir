// RUN: qruc-opt %s --split-input-file --qru-route=coupling-map=%S/Inputs/route-line4.json | FileCheck %s

// Routing to the line 0 - 1 - 2 - 3 (Inputs/route-line4.json).

// The three wires meet pairwise, which no placement on a line allows: the
// layout puts the busiest pair side by side, and the cx between the ends
// gets one SWAP. The SWAP's results change places: the first stays on the
// qubit of the first operand and now holds the other wire.

// CHECK-LABEL: qru.model @fresh_line attributes {qru.layout = array<i64: 0, 1, 2>}
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    %[[B:.+]] = qru.alloc @q[1]
// CHECK-NEXT:    %[[C:.+]] = qru.alloc @r[0]
// CHECK-NEXT:    %[[G1:.+]]:2 = qru.cx %[[A]], %[[B]]
// CHECK-NEXT:    %[[G2:.+]]:2 = qru.cx %[[G1]]#1, %[[C]]
// CHECK-NEXT:    %[[G3:.+]]:2 = qru.cz %[[G1]]#0, %[[G2]]#0
// CHECK-NEXT:    %[[S:.+]]:2 = qru.swap %[[G3]]#0, %[[G3]]#1
// CHECK-NEXT:    %[[G4:.+]]:2 = qru.cx %[[S]]#1, %[[G2]]#1
// CHECK-NEXT:    qru.expval "ZZ" %[[G4]]#0, %[[S]]#0
// CHECK-NOT:     qru.swap
qru.model @fresh_line {
  qru.qubits @q[2]
  qru.qubits @r[1]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @r[0]
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %c1 = qru.cx %b1, %c0
    %a2, %b3 = qru.cz %a1, %b2
    %a3, %c2 = qru.cx %a2, %c1
    %z, %a4, %b4 = qru.expval "ZZ" %a3, %b3
    qru.yield %z : f64
  }
}

// -----

// A persistent step ends in the layout it started from: the SWAP the
// distant cx needs is undone before qru.yield.

// CHECK-LABEL: qru.model @persistent_line attributes {qru.layout = array<i64: 0, 1, 2>}
// CHECK:         %[[G1:.+]]:2 = qru.cx %q0, %q1
// CHECK-NEXT:    %[[G2:.+]]:2 = qru.cx %[[G1]]#1, %q2
// CHECK-NEXT:    %[[G3:.+]]:2 = qru.cx %[[G2]]#0, %[[G1]]#0
// CHECK-NEXT:    %[[S1:.+]]:2 = qru.swap %[[G3]]#1, %[[G3]]#0
// CHECK-NEXT:    %[[G4:.+]]:2 = qru.cx %[[S1]]#1, %[[G2]]#1
// CHECK-NEXT:    %[[Z:.+]], %[[B:.+]] = qru.expval "Z" %[[S1]]#0
// CHECK-NEXT:    %[[S2:.+]]:2 = qru.swap %[[B]], %[[G4]]#0
// CHECK-NEXT:    qru.yield %[[Z]], %[[S2]]#0, %[[S2]]#1, %[[G4]]#1 :
qru.model @persistent_line {
  qru.qubits @q[3]
  qru.output @z : f64 at last
  qru.step persistent(%a0: !qru.qubit, %b0: !qru.qubit, %c0: !qru.qubit) {
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %c1 = qru.cx %b1, %c0
    %b3, %a2 = qru.cx %b2, %a1
    %a3, %c2 = qru.cx %a2, %c1
    %z, %b4 = qru.expval "Z" %b3
    qru.yield %z, %a3, %b4, %c2 : f64, !qru.qubit, !qru.qubit, !qru.qubit
  }
}

// -----

// A gate under a condition is routed inside its branch, and the branch
// swaps back before scf.yield; the wire the SWAPs borrowed is returned by
// the scf.if too. Readouts on distant qubits need no SWAP.

// CHECK-LABEL: qru.model @branch attributes {qru.layout = array<i64: 0, 1, 2>}
// CHECK:         %[[G1:.+]]:2 = qru.cx %q0, %q1
// CHECK-NEXT:    %[[G2:.+]]:2 = qru.cx %[[G1]]#1, %q2
// CHECK-NEXT:    %[[IF:.+]]:3 = scf.if %{{.+}} -> (!qru.qubit, !qru.qubit, !qru.qubit) {
// CHECK-NEXT:      %[[S1:.+]]:2 = qru.swap %[[G1]]#0, %[[G2]]#0
// CHECK-NEXT:      %[[CZ:.+]]:2 = qru.cz %[[S1]]#1, %[[G2]]#1
// CHECK-NEXT:      %[[S2:.+]]:2 = qru.swap %[[S1]]#0, %[[CZ]]#0
// CHECK-NEXT:      scf.yield %[[S2]]#0, %[[CZ]]#1, %[[S2]]#1 :
// CHECK-NEXT:    } else {
// CHECK-NEXT:      scf.yield %[[G1]]#0, %[[G2]]#1, %[[G2]]#0 :
// CHECK-NEXT:    }
// CHECK-NEXT:    qru.expval "ZZ" %[[IF]]#0, %[[IF]]#1
// CHECK-NEXT:    qru.measure %[[IF]]#2
// CHECK-NOT:     qru.swap
qru.model @branch {
  qru.qubits @q[3]
  qru.bits @c[1]
  qru.output @z : f64 at last
  qru.step persistent(%c: tensor<1xi1>, %a0: !qru.qubit, %b0: !qru.qubit, %c0: !qru.qubit) {
    %i0 = arith.constant 0 : index
    %bit = tensor.extract %c[%i0] : tensor<1xi1>
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %c1 = qru.cx %b1, %c0
    %r:2 = scf.if %bit -> (!qru.qubit, !qru.qubit) {
      %x, %y = qru.cz %a1, %c1
      scf.yield %x, %y : !qru.qubit, !qru.qubit
    } else {
      scf.yield %a1, %c1 : !qru.qubit, !qru.qubit
    }
    %z, %a2, %c2 = qru.expval "ZZ" %r#0, %r#1
    %m, %b3 = qru.measure %b2
    %bits = tensor.from_elements %m : tensor<1xi1>
    qru.yield %bits, %z, %a2, %b3, %c2 : tensor<1xi1>, f64, !qru.qubit, !qru.qubit, !qru.qubit
  }
}
