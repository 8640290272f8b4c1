// RUN: qruc-opt %s --split-input-file --qru-merge-rotations | FileCheck %s
// RUN: qruc-opt %s --split-input-file --qru-merge-rotations | FileCheck %s --check-prefix=SUM

// Consecutive rotations about one axis add their angles.

// CHECK-LABEL: qru.model @merge
// CHECK:         %[[Q:.+]] = qru.alloc @q[0]
// CHECK:         %[[Q1:.+]] = qru.rx(%{{.+}}) %[[Q]]
// CHECK-NOT:     qru.rx
// CHECK:         %[[Q2:.+]] = qru.ry(%{{.+}}) %[[Q1]]
// CHECK-NOT:     qru.ry
// CHECK:         %[[Q3:.+]] = qru.rz(%{{.+}}) %[[Q2]]
// CHECK-NOT:     qru.rz
// CHECK:         %[[Q4:.+]] = qru.p(%{{.+}}) %[[Q3]]
// CHECK-NOT:     qru.p
// CHECK:         qru.expval "Z" %[[Q4]]
// The angles: rx by a + b + a, the others by a + b.
// SUM-LABEL:     qru.model @merge
// SUM-COUNT-5:   arith.addf
// SUM-NOT:       arith.addf
// SUM:           qru.yield
qru.model @merge {
  qru.qubits @q[1]
  qru.input @a : f64
  qru.input @b : f64
  qru.output @z : f64 at last
  qru.step(%a: f64, %b: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.rx(%a) %q0
    %q2 = qru.rx(%b) %q1
    %q3 = qru.rx(%a) %q2
    %q4 = qru.ry(%b) %q3
    %q5 = qru.ry(%a) %q4
    %q6 = qru.rz(%a) %q5
    %q7 = qru.rz(%b) %q6
    %q8 = qru.p(%a) %q7
    %q9 = qru.p(%b) %q8
    %z, %q10 = qru.expval "Z" %q9
    qru.yield %z : f64
  }
}

// -----

// Two-qubit rotations merge on the same wires in the same roles; the
// symmetric ones (cp, rxx, ryy, rzz) in either order.

// CHECK-LABEL: qru.model @two_qubit
// CHECK-COUNT-1: qru.crx
// CHECK-NOT:     qru.crx
// CHECK-COUNT-1: qru.cry
// CHECK-NOT:     qru.cry
// CHECK-COUNT-1: qru.crz
// CHECK-NOT:     qru.crz
// CHECK-COUNT-1: qru.cp
// CHECK-NOT:     qru.cp
// CHECK-COUNT-1: qru.rxx
// CHECK-NOT:     qru.rxx
// CHECK-COUNT-1: qru.ryy
// CHECK-NOT:     qru.ryy
// CHECK-COUNT-1: qru.rzz
// CHECK-NOT:     qru.rzz
// CHECK:         qru.expval
qru.model @two_qubit {
  qru.qubits @q[2]
  qru.input @a : f64
  qru.input @b : f64
  qru.output @z : f64 at last
  qru.step(%a: f64, %b: f64) {
    %x0 = qru.alloc @q[0]
    %y0 = qru.alloc @q[1]
    %x1, %y1 = qru.crx(%a) %x0, %y0
    %x2, %y2 = qru.crx(%b) %x1, %y1
    %x3, %y3 = qru.cry(%a) %x2, %y2
    %x4, %y4 = qru.cry(%b) %x3, %y3
    %x5, %y5 = qru.crz(%a) %x4, %y4
    %x6, %y6 = qru.crz(%b) %x5, %y5
    %x7, %y7 = qru.cp(%a) %x6, %y6
    %y8, %x8 = qru.cp(%b) %y7, %x7
    %x9, %y9 = qru.rxx(%a) %x8, %y8
    %y10, %x10 = qru.rxx(%b) %y9, %x9
    %x11, %y11 = qru.ryy(%a) %x10, %y10
    %y12, %x12 = qru.ryy(%b) %y11, %x11
    %x13, %y13 = qru.rzz(%a) %x12, %y12
    %y14, %x14 = qru.rzz(%b) %y13, %x13
    %z, %x15, %y15 = qru.expval "ZZ" %x14, %y14
    qru.yield %z : f64
  }
}

// -----

// Negative: different axes, a controlled rotation with its control and target
// exchanged, and a non-commuting gate in between stay apart.

// CHECK-LABEL: qru.model @apart
// CHECK-NOT:     arith.addf
// CHECK:         qru.rx(%a)
// CHECK-NEXT:    qru.ry(%b)
// CHECK-NEXT:    qru.crz(%a)
// CHECK-NEXT:    qru.crz(%b)
// CHECK-NEXT:    qru.rz(%a)
// CHECK-NEXT:    qru.h
// CHECK-NEXT:    qru.rz(%b)
qru.model @apart {
  qru.qubits @q[2]
  qru.input @a : f64
  qru.input @b : f64
  qru.output @z : f64 at last
  qru.step(%a: f64, %b: f64) {
    %x0 = qru.alloc @q[0]
    %y0 = qru.alloc @q[1]
    %x1 = qru.rx(%a) %x0
    %x2 = qru.ry(%b) %x1
    %x3, %y3 = qru.crz(%a) %x2, %y0
    %y4, %x4 = qru.crz(%b) %y3, %x3
    %x5 = qru.rz(%a) %x4
    %x6 = qru.h %x5
    %x7 = qru.rz(%b) %x6
    %z, %x8, %y8 = qru.expval "ZZ" %x7, %y4
    qru.yield %z : f64
  }
}

// -----

// Rotations on the control of a cx merge across it; on the target they do not.

// CHECK-LABEL: qru.model @across
// CHECK:         qru.rx(%a)
// CHECK-NEXT:    qru.cx
// CHECK-NEXT:    %[[S:.+]] = arith.addf %a, %b : f64
// CHECK-NEXT:    qru.rz(%[[S]])
// CHECK-NEXT:    qru.rz(%b)
qru.model @across {
  qru.qubits @q[2]
  qru.input @a : f64
  qru.input @b : f64
  qru.output @z : f64 at last
  qru.step(%a: f64, %b: f64) {
    %x0 = qru.alloc @q[0]
    %y0 = qru.alloc @q[1]
    %x1 = qru.rz(%a) %x0
    %y1 = qru.rx(%a) %y0
    %x2, %y2 = qru.cx %x1, %y1
    %x3 = qru.rz(%b) %x2
    %y3 = qru.rz(%b) %y2
    %z, %x4, %y4 = qru.expval "ZZ" %x3, %y3
    qru.yield %z : f64
  }
}

// -----

// Constant angles add up at compile time; rotations by a multiple of the
// period go: 2π for rx, ry, rz, p, cp, rxx, ryy, rzz (up to the global phase
// −1 for the R gates), 4π for crx, cry, crz.

// CHECK-LABEL: qru.model @periods
// CHECK-DAG:     %[[TWO_PI:.+]] = arith.constant 6.2831853071795862 : f64
// CHECK-DAG:     %[[X:.+]] = qru.alloc @q[0]
// CHECK-DAG:     %[[Y:.+]] = qru.alloc @q[1]
// CHECK:         %[[C:.+]]:2 = qru.crx(%[[TWO_PI]]) %[[X]], %[[Y]]
// CHECK-NEXT:    qru.expval "ZZ" %[[C]]#0, %[[C]]#1
qru.model @periods {
  qru.qubits @q[2]
  qru.output @z : f64 at last
  qru.step() {
    %zero = arith.constant 0.0 : f64
    %pi = arith.constant 3.1415926535897931 : f64
    %two_pi = arith.constant 6.2831853071795862 : f64
    %four_pi = arith.constant 12.566370614359172 : f64
    %minus_two_pi = arith.constant -6.2831853071795862 : f64
    %x0 = qru.alloc @q[0]
    %y0 = qru.alloc @q[1]
    %x1 = qru.rx(%pi) %x0
    %x2 = qru.rx(%pi) %x1
    %x3 = qru.ry(%zero) %x2
    %x4 = qru.rz(%minus_two_pi) %x3
    %x5 = qru.p(%four_pi) %x4
    %x6, %y6 = qru.cp(%two_pi) %x5, %y0
    %x7, %y7 = qru.rxx(%two_pi) %x6, %y6
    %x8, %y8 = qru.ryy(%two_pi) %x7, %y7
    %x9, %y9 = qru.rzz(%two_pi) %x8, %y8
    %x10, %y10 = qru.crz(%four_pi) %x9, %y9
    %x11, %y11 = qru.crx(%two_pi) %x10, %y10
    %z, %x12, %y12 = qru.expval "ZZ" %x11, %y11
    qru.yield %z : f64
  }
}

// -----

// Negative: angles that are not multiples of the period, or not constant,
// stay.

// CHECK-LABEL: qru.model @kept
// CHECK:         qru.rx
// CHECK-NEXT:    qru.p
// CHECK-NEXT:    qru.ry
qru.model @kept {
  qru.qubits @q[1]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %pi = arith.constant 3.1415926535897931 : f64
    %almost = arith.constant 6.2831 : f64
    %q0 = qru.alloc @q[0]
    %q1 = qru.rx(%pi) %q0
    %q2 = qru.p(%almost) %q1
    %q3 = qru.ry(%t) %q2
    %z, %q4 = qru.expval "Z" %q3
    qru.yield %z : f64
  }
}
