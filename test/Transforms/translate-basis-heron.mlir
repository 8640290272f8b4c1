// RUN: qruc-opt %s --split-input-file --qru-translate-basis=basis=heron | FileCheck %s
// RUN: qruc-opt %s --split-input-file --qru-translate-basis | FileCheck %s --check-prefix=NATIVE

// Heron's gates are cz, rz, sx and x (heron is the default basis). H is
// rz(π/2) sx rz(π/2); diagonal gates become one rz; x, sx and rz stay.

// CHECK-LABEL: qru.model @one_qubit
// CHECK:         %[[Q:.+]] = qru.alloc @q[0]
// CHECK-NEXT:    %[[HALF:.+]] = arith.constant 1.5707963267948966 : f64
// CHECK-NEXT:    %[[Q1:.+]] = qru.rz(%[[HALF]]) %[[Q]]
// CHECK-NEXT:    %[[Q2:.+]] = qru.sx %[[Q1]]
// CHECK-NEXT:    %[[HALF2:.+]] = arith.constant 1.5707963267948966 : f64
// CHECK-NEXT:    %[[Q3:.+]] = qru.rz(%[[HALF2]]) %[[Q2]]
// CHECK-NEXT:    %[[QUARTER:.+]] = arith.constant 0.78539816339744828 : f64
// CHECK-NEXT:    %[[Q4:.+]] = qru.rz(%[[QUARTER]]) %[[Q3]]
// CHECK-NEXT:    %[[Q5:.+]] = qru.rz(%[[T:.+]]) %[[Q4]]
// CHECK-NEXT:    %[[Q6:.+]] = qru.x %[[Q5]]
// CHECK-NEXT:    %[[Q7:.+]] = qru.sx %[[Q6]]
// CHECK-NEXT:    %[[Q8:.+]] = qru.rz(%[[T]]) %[[Q7]]
// CHECK-NEXT:    qru.expval "Z" %[[Q8]]
qru.model @one_qubit {
  qru.qubits @q[1]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.h %q0
    %q2 = qru.t %q1
    %q3 = qru.p(%t) %q2
    %q4 = qru.x %q3
    %q5 = qru.sx %q4
    %q6 = qru.rz(%t) %q5
    %z, %q7 = qru.expval "Z" %q6
    qru.yield %z : f64
  }
}

// -----

// A rotation about X: rz(π/2) sx rz(θ + π) sx rz(π/2), the new angle built
// with arith.addf; a general gate: rz sx rz sx rz with arith only, never
// math functions.

// CHECK-LABEL: qru.model @angles
// CHECK:         %[[Q:.+]] = qru.alloc @q[0]
// CHECK:         %[[Q1:.+]] = qru.rz(%{{.+}}) %[[Q]]
// CHECK-NEXT:    %[[Q2:.+]] = qru.sx %[[Q1]]
// CHECK-NEXT:    %[[PI:.+]] = arith.constant 3.1415926535897931 : f64
// CHECK-NEXT:    %[[A:.+]] = arith.addf %[[T:.+]], %[[PI]] : f64
// CHECK-NEXT:    %[[Q3:.+]] = qru.rz(%[[A]]) %[[Q2]]
// CHECK-NEXT:    %[[Q4:.+]] = qru.sx %[[Q3]]
// CHECK-NEXT:    %[[HALF:.+]] = arith.constant 1.5707963267948966 : f64
// CHECK-NEXT:    %[[Q5:.+]] = qru.rz(%[[HALF]]) %[[Q4]]
// CHECK-NEXT:    %[[Q6:.+]] = qru.rz(%[[T]]) %[[Q5]]
// CHECK-NEXT:    %[[Q7:.+]] = qru.sx %[[Q6]]
// CHECK-NEXT:    %[[PI2:.+]] = arith.constant 3.1415926535897931 : f64
// CHECK-NEXT:    %[[B:.+]] = arith.addf %[[W:.+]], %[[PI2]] : f64
// CHECK-NEXT:    %[[Q8:.+]] = qru.rz(%[[B]]) %[[Q7]]
// CHECK-NEXT:    %[[Q9:.+]] = qru.sx %[[Q8]]
// CHECK-NEXT:    %[[PI3:.+]] = arith.constant 3.1415926535897931 : f64
// CHECK-NEXT:    %[[C:.+]] = arith.addf %[[W]], %[[PI3]] : f64
// CHECK-NEXT:    %[[Q10:.+]] = qru.rz(%[[C]]) %[[Q9]]
// CHECK-NEXT:    qru.expval "Z" %[[Q10]]
// CHECK-NOT:     math.
// CHECK:         qru.yield
qru.model @angles {
  qru.qubits @q[1]
  qru.input @t : f64
  qru.input @w : f64
  qru.output @z : f64 at last
  qru.step(%t: f64, %w: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.rx(%t) %q0
    %q2 = qru.u3(%w, %w, %t) %q1
    %z, %q3 = qru.expval "Z" %q2
    qru.yield %z : f64
  }
}

// -----

// CX is h cz h on the target, and cz stays. Inside an scf.if branch too.

// CHECK-LABEL: qru.model @cx_in_branch
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK:         %[[B:.+]] = qru.alloc @q[1]
// CHECK:         scf.if
// CHECK-NEXT:      arith.constant 1.5707963267948966
// CHECK-NEXT:      %[[B1:.+]] = qru.rz(%{{.+}}) %[[B]]
// CHECK-NEXT:      %[[B2:.+]] = qru.sx %[[B1]]
// CHECK-NEXT:      arith.constant 1.5707963267948966
// CHECK-NEXT:      %[[B3:.+]] = qru.rz(%{{.+}}) %[[B2]]
// CHECK-NEXT:      %[[G1:[^ :]+]]:2 = qru.cz %[[A]], %[[B3]]
// CHECK-NEXT:      arith.constant 1.5707963267948966
// CHECK-NEXT:      %[[B5:.+]] = qru.rz(%{{.+}}) %[[G1]]#1
// CHECK-NEXT:      %[[B6:.+]] = qru.sx %[[B5]]
// CHECK-NEXT:      arith.constant 1.5707963267948966
// CHECK-NEXT:      %[[B7:.+]] = qru.rz(%{{.+}}) %[[B6]]
// CHECK-NEXT:      %[[G2:[^ :]+]]:2 = qru.cz %[[G1]]#0, %[[B7]]
// CHECK-NEXT:      scf.yield %[[G2]]#0, %[[G2]]#1
// CHECK:         } else {
// CHECK-NEXT:      scf.yield %[[A]], %[[B]]
qru.model @cx_in_branch {
  qru.qubits @q[2]
  qru.bits @m[1]
  qru.output @z : f64 at last
  qru.step(%m: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %m[%i0] : tensor<1xi1>
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %a2, %b2 = scf.if %flag -> (!qru.qubit, !qru.qubit) {
      %a1, %b1 = qru.cx %a0, %b0
      %a3, %b3 = qru.cz %a1, %b1
      scf.yield %a3, %b3 : !qru.qubit, !qru.qubit
    } else {
      scf.yield %a0, %b0 : !qru.qubit, !qru.qubit
    }
    %z, %a4, %b4 = qru.expval "ZZ" %a2, %b2
    qru.yield %m, %z : tensor<1xi1>, f64
  }
}

// -----

// Every gate of the dialect translates: only cz, rz, sx and x remain, and
// their angles use no math function.

// NATIVE-LABEL: qru.model @every_gate
// NATIVE-NOT:   qru.{{(y|z|h|s|sdg|t|tdg|rx|ry|p|u2|u3|rot|cx|cy|ch|swap|ecr|crx|cry|crz|cp|rxx|ryy|rzz|ccx|cswap)}} %
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
