// RUN: qruc-opt %s --split-input-file --qru-fuse-single-qubit | FileCheck %s
// RUN: qruc-opt %s --split-input-file --qru-fuse-single-qubit="min-run=3" | FileCheck %s --check-prefix=MIN3

// A run of constant gates becomes one qru.unitary with constant entries:
// S · H = [[1, 1], [i, −i]] / √2.

// CHECK-LABEL: qru.model @constant_run
// CHECK-DAG:     %[[R:.+]] = arith.constant 0.70710678118654746 : f64
// CHECK-DAG:     %[[MR:.+]] = arith.constant -0.70710678118654746 : f64
// CHECK-DAG:     %[[Z:.+]] = arith.constant 0.000000e+00 : f64
// CHECK-DAG:     %[[Q:.+]] = qru.alloc @q[0]
// CHECK:         %[[U:.+]] = qru.unitary(%[[R]], %[[Z]], %[[R]], %[[Z]], %[[Z]], %[[R]], %[[Z]], %[[MR]]) %[[Q]]
// CHECK-NEXT:    qru.expval "Z" %[[U]]
// MIN3-LABEL:  qru.model @constant_run
// MIN3:          qru.h
// MIN3-NEXT:     qru.s
qru.model @constant_run {
  qru.qubits @q[1]
  qru.output @z : f64 at last
  qru.step() {
    %q0 = qru.alloc @q[0]
    %q1 = qru.h %q0
    %q2 = qru.s %q1
    %z, %q3 = qru.expval "Z" %q2
    qru.yield %z : f64
  }
}

// -----

// Angles that are only known at run time become arith and math ops:
// RY(t) · RX(t) = [[c², −s² − i c s] ... ] with c = cos(t/2), s = sin(t/2).

// CHECK-LABEL: qru.model @runtime_angles
// CHECK:         %[[H:.+]] = arith.mulf %t, %{{.+}} : f64
// CHECK-DAG:     math.cos %[[H]]
// CHECK-DAG:     math.sin %[[H]]
// CHECK:         %[[U:.+]] = qru.unitary({{.+}}) %q0
// CHECK-NEXT:    qru.expval "Z" %[[U]]
qru.model @runtime_angles {
  qru.qubits @q[1]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.rx(%t) %q0
    %q2 = qru.ry(%t) %q1
    %z, %q3 = qru.expval "Z" %q2
    qru.yield %z : f64
  }
}

// -----

// Runs end at multi-qubit gates and readouts; each wire fuses its own runs, a
// single gate is left alone, and an existing qru.unitary joins a run.

// CHECK-LABEL: qru.model @runs
// CHECK:         %[[U1:.+]] = qru.unitary({{.+}}) %q0
// CHECK:         %[[CX:.+]]:2 = qru.cx %[[U1]], %q1
// CHECK:         %[[U2:.+]] = qru.unitary({{.+}}) %[[CX]]#0
// CHECK:         %[[X:.+]] = qru.x %[[CX]]#1
// CHECK:         %{{.+}}, %[[R:.+]]:2 = qru.expval "ZZ" %[[U2]], %[[X]]
// CHECK:         %[[U3:.+]] = qru.unitary({{.+}}) %[[R]]#0
// CHECK-NEXT:    qru.expval "Z" %[[U3]]
// MIN3-LABEL:  qru.model @runs
// MIN3:          qru.unitary
// MIN3-NEXT:     qru.cx
// MIN3-NEXT:     qru.u3
// MIN3-NEXT:     qru.rot
// MIN3:          qru.unitary
// MIN3-NEXT:     qru.u2
qru.model @runs {
  qru.qubits @q[2]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.output @y : f64 at last
  qru.step(%t: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.alloc @q[1]
    %a1 = qru.rz(%t) %q0
    %a2 = qru.sx %a1
    %a3 = qru.rz(%t) %a2
    %a4, %b4 = qru.cx %a3, %q1
    %a5 = qru.u3(%t, %t, %t) %a4
    %a6 = qru.rot(%t, %t, %t) %a5
    %b5 = qru.x %b4
    %z, %a7, %b7 = qru.expval "ZZ" %a6, %b5
    %one = arith.constant 1.0 : f64
    %zero = arith.constant 0.0 : f64
    %a8 = qru.unitary(%zero, %zero, %one, %zero, %one, %zero, %zero, %zero) %a7
    %a9 = qru.u2(%t, %t) %a8
    %y, %a10 = qru.expval "Z" %a9
    qru.yield %z, %y : f64, f64
  }
}

// -----

// Negative: gates in different blocks are not fused, and two-qubit gates are
// never fused.

// CHECK-LABEL: qru.model @blocks
// CHECK-NOT:     qru.unitary
// CHECK:         qru.h
// CHECK:         scf.if
// CHECK-NEXT:      qru.x
// CHECK:         qru.cz
// CHECK-NEXT:    qru.cz
qru.model @blocks {
  qru.qubits @q[2]
  qru.bits @c[1]
  qru.output @z : f64 at last
  qru.step(%c: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %c[%i0] : tensor<1xi1>
    %q0 = qru.alloc @q[0]
    %r0 = qru.alloc @q[1]
    %q1 = qru.h %q0
    %q2 = scf.if %flag -> (!qru.qubit) {
      %x = qru.x %q1
      scf.yield %x : !qru.qubit
    } else {
      scf.yield %q1 : !qru.qubit
    }
    %q3, %r3 = qru.cz %q2, %r0
    %q4, %r4 = qru.cz %q3, %r3
    %z, %q5, %r5 = qru.expval "ZZ" %q4, %r4
    qru.yield %c, %z : tensor<1xi1>, f64
  }
}
