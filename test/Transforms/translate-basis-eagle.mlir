// RUN: qruc-opt %s --split-input-file --qru-translate-basis=basis=eagle | FileCheck %s
// RUN: qruc-opt %s --split-input-file --qru-translate-basis=basis=eagle | FileCheck %s --check-prefix=NATIVE

// Eagle's gates are ecr, rz, sx and x. CX(a, b) is rz(π/2) x on a and sx on
// b before one ecr; ecr itself stays; swap takes three.

// CHECK-LABEL: qru.model @cx
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK:         %[[B:.+]] = qru.alloc @q[1]
// CHECK-NEXT:    %[[HALF:.+]] = arith.constant 1.5707963267948966 : f64
// CHECK-NEXT:    %[[A1:.+]] = qru.rz(%[[HALF]]) %[[A]]
// CHECK-NEXT:    %[[A2:.+]] = qru.x %[[A1]]
// CHECK-NEXT:    %[[B1:.+]] = qru.sx %[[B]]
// CHECK-NEXT:    %[[E1:[^ :]+]]:2 = qru.ecr %[[A2]], %[[B1]]
// CHECK-NEXT:    %[[E2:[^ :]+]]:2 = qru.ecr %[[E1]]#0, %[[E1]]#1
// CHECK-COUNT-3: qru.ecr
// CHECK-NOT:     qru.ecr
// CHECK:         qru.expval "ZZ"
qru.model @cx {
  qru.qubits @q[2]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a1, %b1 = qru.cx %a0, %b0
    %a2, %b2 = qru.ecr %a1, %b1
    %a3, %b3 = qru.swap %a2, %b2
    %z, %a4, %b4 = qru.expval "ZZ" %a3, %b3
    qru.yield %z : f64
  }
}

// -----

// CZ is h cx h on the target, inside an scf.if branch as well; the angles
// of crz are ±θ/2, built with arith.mulf.

// CHECK-LABEL: qru.model @branch
// CHECK:         scf.if
// CHECK-NOT:       qru.cz
// CHECK:           qru.ecr
// CHECK-NOT:       qru.cz
// CHECK:           arith.constant 5.000000e-01 : f64
// CHECK-NEXT:      arith.mulf %{{.+}}, %{{.+}} : f64
// CHECK-NEXT:      qru.rz
// CHECK:           qru.ecr
// CHECK:           arith.constant -5.000000e-01 : f64
// CHECK-NEXT:      arith.mulf %{{.+}}, %{{.+}} : f64
// CHECK-NEXT:      qru.rz
// CHECK:           qru.ecr
// CHECK:           scf.yield
// CHECK:         } else {
qru.model @branch {
  qru.qubits @q[2]
  qru.bits @m[1]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64, %m: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %m[%i0] : tensor<1xi1>
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a2, %b2 = scf.if %flag -> (!qru.qubit, !qru.qubit) {
      %a1, %b1 = qru.cz %a0, %b0
      %a3, %b3 = qru.crz(%t) %a1, %b1
      scf.yield %a3, %b3 : !qru.qubit, !qru.qubit
    } else {
      scf.yield %a0, %b0 : !qru.qubit, !qru.qubit
    }
    %z, %a4, %b4 = qru.expval "ZZ" %a2, %b2
    qru.yield %m, %z : tensor<1xi1>, f64
  }
}

// -----

// Every gate of the dialect translates: only ecr, rz, sx and x remain, and
// their angles use no math function.

// NATIVE-LABEL: qru.model @every_gate
// NATIVE-NOT:   qru.{{(y|z|h|s|sdg|t|tdg|rx|ry|p|u2|u3|rot|cx|cy|cz|ch|swap|crx|cry|crz|cp|rxx|ryy|rzz|ccx|cswap)}} %
// NATIVE-NOT:   qru.{{(rx|ry|p|u2|u3|rot|crx|cry|crz|cp|rxx|ryy|rzz)}}(
// NATIVE-NOT:   math.
// NATIVE:       qru.expval
qru.model @every_gate {
  qru.qubits @q[3]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1 = qru.x %a0
    %a2 = qru.y %a1
    %a3 = qru.z %a2
    %a4 = qru.h %a3
    %a5 = qru.s %a4
    %a6 = qru.sdg %a5
    %a7 = qru.t %a6
    %a8 = qru.tdg %a7
    %a9 = qru.sx %a8
    %a10 = qru.rx(%t) %a9
    %a11 = qru.ry(%t) %a10
    %a12 = qru.rz(%t) %a11
    %a13 = qru.p(%t) %a12
    %a14 = qru.u2(%t, %t) %a13
    %a15 = qru.u3(%t, %t, %t) %a14
    %a16 = qru.rot(%t, %t, %t) %a15
    %a17, %b1 = qru.cx %a16, %b0
    %a18, %b2 = qru.cy %a17, %b1
    %a19, %b3 = qru.cz %a18, %b2
    %a20, %b4 = qru.ch %a19, %b3
    %a21, %b5 = qru.swap %a20, %b4
    %a22, %b6 = qru.crx(%t) %a21, %b5
    %a23, %b7 = qru.cry(%t) %a22, %b6
    %a24, %b8 = qru.crz(%t) %a23, %b7
    %a25, %b9 = qru.cp(%t) %a24, %b8
    %a26, %b10 = qru.rxx(%t) %a25, %b9
    %a27, %b11 = qru.ryy(%t) %a26, %b10
    %a28, %b12 = qru.rzz(%t) %a27, %b11
    %a29, %b13 = qru.ecr %a28, %b12
    %a30, %b14, %c1 = qru.ccx %a29, %b13, %c0
    %a31, %b15, %c2 = qru.cswap %a30, %b14, %c1
    %z, %a32, %b16, %c3 = qru.expval "ZZZ" %a31, %b15, %c2
    qru.yield %z : f64
  }
}
