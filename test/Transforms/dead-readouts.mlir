// RUN: qruc-opt %s --split-input-file --qru-dead-readouts | FileCheck %s

// An unused readout goes, and with it every gate whose qubits nothing reads
// afterwards, back to the allocation; a readout in use keeps the gates before
// it on its wires.

// CHECK-LABEL: qru.model @unread
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK-NOT:     qru.alloc
// CHECK:         %[[A1:.+]] = qru.h %[[A]]
// CHECK-NEXT:    %[[Z:.+]], %{{.+}} = qru.expval "Z" %[[A1]]
// CHECK-NOT:     qru.
// CHECK:         qru.yield %[[Z]] : f64
qru.model @unread {
  qru.qubits @q[2]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a1 = qru.h %a0
    %b1 = qru.x %b0
    %y, %b2 = qru.expval "Z" %b1
    %z, %a2 = qru.expval "Z" %a1
    %a3 = qru.rx(%z) %a2
    qru.yield %z : f64
  }
}

// -----

// The light cone grows backwards through two-qubit gates: the cx that writes
// the read target keeps its control's history, while a gate on the control
// after the cx goes.

// CHECK-LABEL: qru.model @cone
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    %[[B:.+]] = qru.alloc @q[1]
// CHECK-NEXT:    %[[A1:.+]] = qru.h %[[A]]
// CHECK-NEXT:    %[[CX:.+]]:2 = qru.cx %[[A1]], %[[B]]
// CHECK-NEXT:    %{{.+}}, %{{.+}} = qru.expval "Z" %[[CX]]#1
// CHECK-NOT:     qru.h
qru.model @cone {
  qru.qubits @q[2]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a1 = qru.h %a0
    %a2, %b2 = qru.cx %a1, %b0
    %a3 = qru.h %a2
    %z, %b3 = qru.expval "Z" %b2
    qru.yield %z : f64
  }
}

// -----

// The QRU's update/reset block: the ancilla a0 only ever receives the
// amplitudes the controlled swap moves into it and is never read, but the
// swap also produces h0 and h1, which are read, so the swap and the ancilla
// stay. Only the gate on the ancilla after the swap goes.

// CHECK-LABEL: qru.model @ancilla
// CHECK:         %[[H0:.+]] = qru.alloc @h[0]
// CHECK-NEXT:    %[[H1:.+]] = qru.alloc @h[1]
// CHECK-NEXT:    %[[A0:.+]] = qru.alloc @a[0]
// CHECK-NEXT:    %[[R:.+]] = qru.ry(%t) %[[H0]]
// CHECK-NEXT:    %[[S:.+]]:3 = qru.cswap %[[R]], %[[H1]], %[[A0]]
// CHECK-NEXT:    %{{.+}}, %{{.+}}:2 = qru.expval "ZX" %[[S]]#0, %[[S]]#1
// CHECK-NOT:     qru.h
qru.model @ancilla {
  qru.qubits @h[2]
  qru.qubits @a[1]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %h0 = qru.alloc @h[0]
    %h1 = qru.alloc @h[1]
    %a0 = qru.alloc @a[0]
    %r = qru.ry(%t) %h0
    %s0, %s1, %s2 = qru.cswap %r, %h1, %a0
    %x = qru.h %s2
    %z, %o0, %o1 = qru.expval "ZX" %s0, %s1
    qru.yield %z : f64
  }
}

// -----

// A measurement whose bit is used is an observation; one whose bit is unused
// is kept only while its qubit is read later, and likewise a reset.

// CHECK-LABEL: qru.model @measurements
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    %[[B:.+]] = qru.alloc @q[1]
// CHECK-NEXT:    %[[A1:.+]] = qru.h %[[A]]
// CHECK-NEXT:    %[[BIT:.+]], %{{.+}} = qru.measure %[[A1]]
// CHECK-NEXT:    %[[B1:.+]] = qru.h %[[B]]
// CHECK-NEXT:    %{{.+}}, %[[B2:.+]] = qru.measure %[[B1]]
// CHECK-NEXT:    %[[B3:.+]] = qru.reset %[[B2]]
// CHECK-NEXT:    %[[B4:.+]] = qru.h %[[B3]]
// CHECK-NEXT:    qru.expval "X" %[[B4]]
// CHECK-NOT:     qru.measure
// CHECK-NOT:     qru.reset
qru.model @measurements {
  qru.qubits @q[2]
  qru.bits @c[1]
  qru.output @z : f64 at last
  qru.step(%c: tensor<1xi1>) {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a1 = qru.h %a0
    %bit, %a2 = qru.measure %a1
    %b1 = qru.h %b0
    %unused, %b2 = qru.measure %b1
    %b3 = qru.reset %b2
    %b4 = qru.h %b3
    %z, %b5 = qru.expval "X" %b4
    %a3 = qru.reset %a2
    %gone, %a4 = qru.measure %a3
    %i0 = arith.constant 0 : index
    %bits = tensor.insert %bit into %c[%i0] : tensor<1xi1>
    qru.yield %bits, %z : tensor<1xi1>, f64
  }
}

// -----

// Inside an scf.if, a gate on a wire nothing reads afterwards goes; the
// branch op stays.

// CHECK-LABEL: qru.model @branch
// CHECK:         scf.if
// CHECK-NEXT:      %[[X:.+]] = qru.x
// CHECK-NEXT:      scf.yield %[[X]], %{{.+}} :
// CHECK-NOT:     qru.h
qru.model @branch {
  qru.qubits @q[2]
  qru.bits @c[1]
  qru.output @z : f64 at last
  qru.step(%c: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %c[%i0] : tensor<1xi1>
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a1, %b1 = scf.if %flag -> (!qru.qubit, !qru.qubit) {
      %x = qru.x %a0
      %h = qru.h %b0
      scf.yield %x, %h : !qru.qubit, !qru.qubit
    } else {
      scf.yield %a0, %b0 : !qru.qubit, !qru.qubit
    }
    %z, %a2 = qru.expval "Z" %a1
    qru.yield %c, %z : tensor<1xi1>, f64
  }
}

// -----

// Negative: a persistent step yields its qubits, so every gate is observed;
// only the unused readout goes.

// CHECK-LABEL: qru.model @persistent
// CHECK:         %[[A1:.+]] = qru.h %q0
// CHECK-NEXT:    %[[B1:.+]] = qru.x %q1
// CHECK-NEXT:    %[[CX:.+]]:2 = qru.cx %[[A1]], %[[B1]]
// CHECK-NEXT:    %[[Z:.+]], %[[Q:.+]] = qru.expval "Z" %[[CX]]#0
// CHECK-NEXT:    %[[B2:.+]] = qru.h %[[CX]]#1
// CHECK-NEXT:    qru.yield %[[Z]], %[[Q]], %[[B2]]
qru.model @persistent {
  qru.qubits @q[2]
  qru.output @z : f64 at last
  qru.step persistent(%q0: !qru.qubit, %q1: !qru.qubit) {
    %a1 = qru.h %q0
    %b1 = qru.x %q1
    %a2, %b2 = qru.cx %a1, %b1
    %z, %a3 = qru.expval "Z" %a2
    %y, %b3 = qru.expval "Z" %b2
    %b4 = qru.h %b3
    qru.yield %z, %a3, %b4 : f64, !qru.qubit, !qru.qubit
  }
}
