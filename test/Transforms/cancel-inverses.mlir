// RUN: qruc-opt %s --split-input-file --qru-cancel-inverses | FileCheck %s
// RUN: qruc-opt %s --split-input-file --qru-cancel-inverses="lookback=0" | FileCheck %s --check-prefix=NEAR

// Self-inverse pairs and adjoint pairs on one wire cancel; an odd count
// leaves one gate.

// CHECK-LABEL: qru.model @one_wire
// CHECK:         %[[Q:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    %[[X:.+]] = qru.x %[[Q]]
// CHECK-NEXT:    %{{.+}}, %{{.+}} = qru.expval "Z" %[[X]]
qru.model @one_wire {
  qru.qubits @q[1]
  qru.output @z : f64 at last
  qru.step() {
    %q0 = qru.alloc @q[0]
    %q1 = qru.h %q0
    %q2 = qru.h %q1
    %q3 = qru.s %q2
    %q4 = qru.sdg %q3
    %q5 = qru.tdg %q4
    %q6 = qru.t %q5
    %q7 = qru.y %q6
    %q8 = qru.y %q7
    %q9 = qru.z %q8
    %q10 = qru.z %q9
    %q11 = qru.sdg %q10
    %q12 = qru.s %q11
    %q13 = qru.t %q12
    %q14 = qru.tdg %q13
    %q15 = qru.x %q14
    %q16 = qru.x %q15
    %q17 = qru.x %q16
    %z, %q18 = qru.expval "Z" %q17
    qru.yield %z : f64
  }
}

// -----

// Nested pairs cancel from the inside out: H X X H is the identity.

// CHECK-LABEL: qru.model @nested
// CHECK:         %[[Q:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    qru.expval "Z" %[[Q]]
qru.model @nested {
  qru.qubits @q[1]
  qru.output @z : f64 at last
  qru.step() {
    %q0 = qru.alloc @q[0]
    %q1 = qru.h %q0
    %q2 = qru.x %q1
    %q3 = qru.x %q2
    %q4 = qru.h %q3
    %z, %q5 = qru.expval "Z" %q4
    qru.yield %z : f64
  }
}

// -----

// Multi-qubit self-inverse gates cancel when the operands keep their roles.

// CHECK-LABEL: qru.model @roles
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    %[[B:.+]] = qru.alloc @q[1]
// CHECK-NEXT:    %[[C:.+]] = qru.alloc @q[2]
// CHECK-NEXT:    qru.expval "ZZZ" %[[A]], %[[B]], %[[C]]
qru.model @roles {
  qru.qubits @q[3]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1 = qru.cx %a0, %b0
    %a2, %b2 = qru.cx %a1, %b1
    %a3, %b3 = qru.cy %a2, %b2
    %a4, %b4 = qru.cy %a3, %b3
    %a5, %b5 = qru.ch %a4, %b4
    %a6, %b6 = qru.ch %a5, %b5
    %a7, %b7, %c7 = qru.ccx %a6, %b6, %c0
    %a8, %b8, %c8 = qru.ccx %a7, %b7, %c7
    %a9, %b9, %c9 = qru.cswap %a8, %b8, %c8
    %a10, %b10, %c10 = qru.cswap %a9, %b9, %c9
    %z, %a11, %b11, %c11 = qru.expval "ZZZ" %a10, %b10, %c10
    qru.yield %z : f64
  }
}

// -----

// Symmetric operands may come back in the other order: cz, swap, the controls
// of ccx and the targets of cswap.

// CHECK-LABEL: qru.model @symmetric
// CHECK-NOT:     qru.cz
// CHECK-NOT:     qru.swap
// CHECK-NOT:     qru.ccx
// CHECK-NOT:     qru.cswap
// CHECK:         qru.expval
qru.model @symmetric {
  qru.qubits @q[3]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1 = qru.cz %a0, %b0
    %b2, %a2 = qru.cz %b1, %a1
    %a3, %b3 = qru.swap %a2, %b2
    %b4, %a4 = qru.swap %b3, %a3
    %a5, %b5, %c5 = qru.ccx %a4, %b4, %c0
    %b6, %a6, %c6 = qru.ccx %b5, %a5, %c5
    %a7, %b7, %c7 = qru.cswap %a6, %b6, %c6
    %a8, %c8, %b8 = qru.cswap %a7, %c7, %b7
    %z, %a9, %b9, %c9 = qru.expval "ZZZ" %a8, %b8, %c8
    qru.yield %z : f64
  }
}

// -----

// Negative: cx a, b then cx b, a is not a pair, nor is a ccx with a control
// and the target exchanged, nor a cswap with the control moved.

// CHECK-LABEL: qru.model @wrong_roles
// CHECK-COUNT-2: qru.cx
// CHECK-COUNT-2: qru.ccx
// CHECK-COUNT-2: qru.cswap
qru.model @wrong_roles {
  qru.qubits @q[3]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %a2 = qru.cx %b1, %a1
    %a3, %b3, %c3 = qru.ccx %a2, %b2, %c0
    %a4, %c4, %b4 = qru.ccx %a3, %c3, %b3
    %a5, %b5, %c5 = qru.cswap %a4, %b4, %c4
    %b6, %a6, %c6 = qru.cswap %b5, %a5, %c5
    %z, %a7, %b7, %c7 = qru.expval "ZZZ" %a6, %b6, %c6
    qru.yield %z : f64
  }
}

// -----

// Commuting gates in between: rz on the control and x on the target of a cx,
// and a cx that shares only the control. NEAR (lookback=0) cancels nothing.

// CHECK-LABEL: qru.model @commuting
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    %[[B:.+]] = qru.alloc @q[1]
// CHECK-NEXT:    %[[C:.+]] = qru.alloc @q[2]
// CHECK-NEXT:    %[[A1:.+]] = qru.rz(%t) %[[A]]
// CHECK-NEXT:    %[[B1:.+]] = qru.x %[[B]]
// CHECK-NEXT:    %[[AC:.+]]:2 = qru.cx %[[A1]], %[[C]]
// CHECK-NEXT:    qru.expval "ZZZ" %[[AC]]#0, %[[B1]], %[[AC]]#1
// NEAR-LABEL:  qru.model @commuting
// NEAR-COUNT-3:  qru.cx
qru.model @commuting {
  qru.qubits @q[3]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1 = qru.cx %a0, %b0
    %a2 = qru.rz(%t) %a1
    %b2 = qru.x %b1
    %a3, %c3 = qru.cx %a2, %c0
    %a4, %b4 = qru.cx %a3, %b2
    %z, %a5, %b5, %c5 = qru.expval "ZZZ" %a4, %b4, %c3
    qru.yield %z : f64
  }
}

// -----

// Negative: gates that do not commute block the pair: rx on the control and
// rz on the target of a cx, h between two x, a cx with the other orientation.

// CHECK-LABEL: qru.model @blocked
// CHECK-COUNT-4: qru.cx
// CHECK:         qru.x
// CHECK:         qru.h
// CHECK:         qru.x
qru.model @blocked {
  qru.qubits @q[2]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a1, %b1 = qru.cx %a0, %b0
    %a2 = qru.rx(%t) %a1
    %a3, %b3 = qru.cx %a2, %b1
    %b4 = qru.rz(%t) %b3
    %a5, %b5 = qru.cx %a3, %b4
    %b6, %a6 = qru.cx %b5, %a5
    %z, %a9, %b9 = qru.expval "ZZ" %a6, %b6
    %a10 = qru.x %a9
    %a11 = qru.h %a10
    %a12 = qru.x %a11
    %y, %a13 = qru.expval "Z" %a12
    qru.yield %y : f64
  }
}

// -----

// Rotations cancel with the opposite angle, proved by arith.negf or by
// constants; other angles stay.

// CHECK-LABEL: qru.model @rotations
// CHECK-DAG:     %[[K:.+]] = arith.constant 5.000000e-01
// CHECK-DAG:     %[[L:.+]] = arith.constant -2.500000e-01
// CHECK-DAG:     %[[Q:.+]] = qru.alloc @q[0]
// CHECK-DAG:     %[[R:.+]] = qru.alloc @r[0]
// CHECK-NOT:     qru.rx
// CHECK-NOT:     qru.crz
// CHECK-NOT:     qru.rzz
// CHECK:         %[[Q1:.+]] = qru.ry(%[[K]]) %[[Q]]
// CHECK-NEXT:    %[[Q2:.+]] = qru.ry(%[[L]]) %[[Q1]]
// CHECK-NEXT:    %[[Q3:.+]] = qru.rz(%t) %[[Q2]]
// CHECK-NEXT:    %[[Q4:.+]] = qru.rx(%t) %[[Q3]]
// CHECK-NEXT:    qru.expval "ZZ" %[[Q4]], %[[R]]
qru.model @rotations {
  qru.qubits @q[1]
  qru.qubits @r[1]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %q0 = qru.alloc @q[0]
    %r0 = qru.alloc @r[0]
    %m = arith.negf %t : f64
    %k = arith.constant 0.5 : f64
    %mk = arith.constant -0.5 : f64
    %l = arith.constant -0.25 : f64
    %q1 = qru.rx(%t) %q0
    %q2 = qru.rx(%m) %q1
    %q3, %r3 = qru.crz(%m) %q2, %r0
    %q4, %r4 = qru.crz(%t) %q3, %r3
    %q5, %r5 = qru.rzz(%k) %q4, %r4
    %r6, %q6 = qru.rzz(%mk) %r5, %q5
    %q7 = qru.ry(%k) %q6
    %q8 = qru.ry(%l) %q7
    %q9 = qru.rz(%t) %q8
    %q10 = qru.rx(%t) %q9
    %z, %q11, %r11 = qru.expval "ZZ" %q10, %r6
    qru.yield %z : f64
  }
}

// -----

// Negative: gates in different blocks never pair, and a readout in between is
// a barrier.

// CHECK-LABEL: qru.model @barriers
// CHECK:         qru.h
// CHECK:         scf.if
// CHECK-NEXT:      qru.h
// CHECK:         qru.x
// CHECK-NEXT:    qru.expval
// CHECK-NEXT:    qru.x
qru.model @barriers {
  qru.qubits @q[1]
  qru.bits @c[1]
  qru.output @z : f64 at last
  qru.step(%c: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %c[%i0] : tensor<1xi1>
    %q0 = qru.alloc @q[0]
    %q1 = qru.h %q0
    %q2 = scf.if %flag -> (!qru.qubit) {
      %h = qru.h %q1
      scf.yield %h : !qru.qubit
    } else {
      scf.yield %q1 : !qru.qubit
    }
    %q3 = qru.x %q2
    %y, %q4 = qru.expval "Z" %q3
    %q5 = qru.x %q4
    %z, %q6 = qru.expval "Z" %q5
    qru.yield %c, %z : tensor<1xi1>, f64
  }
}
