// RUN: qruc-opt %s | qruc-opt | FileCheck %s
// RUN: qruc-opt %s --mlir-print-op-generic | qruc-opt | FileCheck %s
// RUN: qruc-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Round-trip of every gate: the angles come first, in parentheses, and the
// results are the new qubit values in operand order.

// CHECK-LABEL: qru.model @gates {
// CHECK:         qru.step(%theta: f64, %phi: f64, %lambda: f64) {
// CHECK-NEXT:      %[[A0:.+]] = qru.alloc @q[0]
// CHECK-NEXT:      %[[B0:.+]] = qru.alloc @q[1]
// CHECK-NEXT:      %[[C0:.+]] = qru.alloc @q[2]
// CHECK-NEXT:      %[[G1:.+]] = qru.x %[[A0]]
// CHECK-NEXT:      %[[G2:.+]] = qru.y %[[G1]]
// CHECK-NEXT:      %[[G3:.+]] = qru.z %[[G2]]
// CHECK-NEXT:      %[[G4:.+]] = qru.h %[[G3]]
// CHECK-NEXT:      %[[G5:.+]] = qru.s %[[G4]]
// CHECK-NEXT:      %[[G6:.+]] = qru.sdg %[[G5]]
// CHECK-NEXT:      %[[G7:.+]] = qru.t %[[G6]]
// CHECK-NEXT:      %[[G8:.+]] = qru.tdg %[[G7]]
// CHECK-NEXT:      %[[G9:.+]] = qru.sx %[[G8]]
// CHECK-NEXT:      %[[G10:.+]] = qru.rx(%theta) %[[G9]]
// CHECK-NEXT:      %[[G11:.+]] = qru.ry(%theta) %[[G10]]
// CHECK-NEXT:      %[[G12:.+]] = qru.rz(%theta) %[[G11]]
// CHECK-NEXT:      %[[G13:.+]] = qru.p(%theta) %[[G12]]
// CHECK-NEXT:      %[[G14:.+]] = qru.u2(%phi, %lambda) %[[G13]]
// CHECK-NEXT:      %[[G15:.+]] = qru.u3(%theta, %phi, %lambda) %[[G14]]
// CHECK-NEXT:      %[[G16:.+]] = qru.rot(%phi, %theta, %lambda) %[[G15]]
// CHECK-NEXT:      %[[G17:.+]]:2 = qru.cx %[[G16]], %[[B0]]
// CHECK-NEXT:      %[[G18:.+]]:2 = qru.cy %[[G17]]#0, %[[G17]]#1
// CHECK-NEXT:      %[[G19:.+]]:2 = qru.cz %[[G18]]#0, %[[G18]]#1
// CHECK-NEXT:      %[[G20:.+]]:2 = qru.ch %[[G19]]#0, %[[G19]]#1
// CHECK-NEXT:      %[[G21:.+]]:2 = qru.swap %[[G20]]#0, %[[G20]]#1
// CHECK-NEXT:      %[[G22:.+]]:2 = qru.crx(%theta) %[[G21]]#1, %[[C0]]
// CHECK-NEXT:      %[[G23:.+]]:2 = qru.cry(%theta) %[[G22]]#0, %[[G22]]#1
// CHECK-NEXT:      %[[G24:.+]]:2 = qru.crz(%theta) %[[G23]]#0, %[[G23]]#1
// CHECK-NEXT:      %[[G25:.+]]:2 = qru.cp(%theta) %[[G24]]#0, %[[G24]]#1
// CHECK-NEXT:      %[[G26:.+]]:2 = qru.rxx(%theta) %[[G25]]#0, %[[G25]]#1
// CHECK-NEXT:      %[[G27:.+]]:2 = qru.ryy(%theta) %[[G26]]#0, %[[G26]]#1
// CHECK-NEXT:      %[[G28:.+]]:2 = qru.rzz(%theta) %[[G27]]#0, %[[G27]]#1
// CHECK-NEXT:      %[[G29:.+]]:3 = qru.ccx %[[G21]]#0, %[[G28]]#0, %[[G28]]#1
// CHECK-NEXT:      %[[G30:.+]]:3 = qru.cswap %[[G29]]#2, %[[G29]]#0, %[[G29]]#1
// CHECK-NEXT:      %[[E:.+]], %{{.+}}:3 = qru.expval "ZZZ" %[[G30]]#1, %[[G30]]#2, %[[G30]]#0
// CHECK-NEXT:      qru.yield %[[E]] : f64
// CHECK-NEXT:    }

// The generic form spells out the operand segments: angles, then qubits.

// GENERIC:      "qru.x"(%{{.+}}) <{operandSegmentSizes = array<i32: 0, 1>}> : (!qru.qubit) -> !qru.qubit
// GENERIC:      "qru.u3"(%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}) <{operandSegmentSizes = array<i32: 3, 1>}> : (f64, f64, f64, !qru.qubit) -> !qru.qubit
// GENERIC:      "qru.cx"(%{{.+}}, %{{.+}}) <{operandSegmentSizes = array<i32: 0, 2>}> : (!qru.qubit, !qru.qubit) -> (!qru.qubit, !qru.qubit)
// GENERIC:      "qru.crx"(%{{.+}}, %{{.+}}, %{{.+}}) <{operandSegmentSizes = array<i32: 1, 2>}> : (f64, !qru.qubit, !qru.qubit) -> (!qru.qubit, !qru.qubit)
// GENERIC:      "qru.ccx"(%{{.+}}, %{{.+}}, %{{.+}}) <{operandSegmentSizes = array<i32: 0, 3>}> : (!qru.qubit, !qru.qubit, !qru.qubit) -> (!qru.qubit, !qru.qubit, !qru.qubit)

qru.model @gates {
  qru.qubits @q[3]
  qru.param @theta : f64 uniform [0.0, 1.0]
  qru.param @phi : f64 uniform [0.0, 1.0]
  qru.param @lambda : f64 uniform [0.0, 1.0]
  qru.output @e : f64 at last
  qru.step(%theta: f64, %phi: f64, %lambda: f64) {
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
    %a10 = qru.rx(%theta) %a9
    %a11 = qru.ry(%theta) %a10
    %a12 = qru.rz(%theta) %a11
    %a13 = qru.p(%theta) %a12
    %a14 = qru.u2(%phi, %lambda) %a13
    %a15 = qru.u3(%theta, %phi, %lambda) %a14
    %a16 = qru.rot(%phi, %theta, %lambda) %a15
    %a17, %b17 = qru.cx %a16, %b0
    %a18, %b18 = qru.cy %a17, %b17
    %a19, %b19 = qru.cz %a18, %b18
    %a20, %b20 = qru.ch %a19, %b19
    %a21, %b21 = qru.swap %a20, %b20
    %b22, %c22 = qru.crx(%theta) %b21, %c0
    %b23, %c23 = qru.cry(%theta) %b22, %c22
    %b24, %c24 = qru.crz(%theta) %b23, %c23
    %b25, %c25 = qru.cp(%theta) %b24, %c24
    %b26, %c26 = qru.rxx(%theta) %b25, %c25
    %b27, %c27 = qru.ryy(%theta) %b26, %c26
    %b28, %c28 = qru.rzz(%theta) %b27, %c27
    %a29, %b29, %c29 = qru.ccx %a21, %b28, %c28
    %c30, %a30, %b30 = qru.cswap %c29, %a29, %b29
    %e, %a, %b, %c = qru.expval "ZZZ" %a30, %b30, %c30
    qru.yield %e : f64
  }
}
