// RUN: qruc-opt %s --split-input-file --qru-decompose-multi-qubit | FileCheck %s

// The Toffoli becomes the textbook circuit of six CNOTs, two H, four T and
// three T† (Nielsen & Chuang, fig. 4.9), wire by wire.

// CHECK-LABEL: qru.model @ccx
// CHECK:         %[[A:.+]] = qru.alloc @q[0]
// CHECK:         %[[B:.+]] = qru.alloc @q[1]
// CHECK:         %[[C:.+]] = qru.alloc @q[2]
// CHECK-NOT:     qru.ccx
// CHECK:         %[[C1:.+]] = qru.h %[[C]]
// CHECK-NEXT:    %[[G1:[^ :]+]]:2 = qru.cx %[[B]], %[[C1]]
// CHECK-NEXT:    %[[C3:.+]] = qru.tdg %[[G1]]#1
// CHECK-NEXT:    %[[G2:[^ :]+]]:2 = qru.cx %[[A]], %[[C3]]
// CHECK-NEXT:    %[[C5:.+]] = qru.t %[[G2]]#1
// CHECK-NEXT:    %[[G3:[^ :]+]]:2 = qru.cx %[[G1]]#0, %[[C5]]
// CHECK-NEXT:    %[[C7:.+]] = qru.tdg %[[G3]]#1
// CHECK-NEXT:    %[[G4:[^ :]+]]:2 = qru.cx %[[G2]]#0, %[[C7]]
// CHECK-NEXT:    %[[B3:.+]] = qru.t %[[G3]]#0
// CHECK-NEXT:    %[[C9:.+]] = qru.t %[[G4]]#1
// CHECK-NEXT:    %[[C10:.+]] = qru.h %[[C9]]
// CHECK-NEXT:    %[[G5:[^ :]+]]:2 = qru.cx %[[G4]]#0, %[[B3]]
// CHECK-NEXT:    %[[A4:.+]] = qru.t %[[G5]]#0
// CHECK-NEXT:    %[[B5:.+]] = qru.tdg %[[G5]]#1
// CHECK-NEXT:    %[[G6:[^ :]+]]:2 = qru.cx %[[A4]], %[[B5]]
// CHECK-NEXT:    qru.expval "ZZZ" %[[G6]]#0, %[[G6]]#1, %[[C10]]
qru.model @ccx {
  qru.qubits @q[3]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1, %c1 = qru.ccx %a0, %b0, %c0
    %z, %a2, %b2, %c2 = qru.expval "ZZZ" %a1, %b1, %c1
    qru.yield %z : f64
  }
}

// -----

// cswap c, a, b = cx b, a; ccx c, a, b; cx b, a. Two-qubit and one-qubit
// gates, also in an scf.if branch, are left alone, and so is everything in
// the branch but the three-qubit gate.

// CHECK-LABEL: qru.model @cswap
// CHECK:         %[[C:.+]] = qru.alloc @q[0]
// CHECK:         %[[A:.+]] = qru.alloc @q[1]
// CHECK:         %[[B:.+]] = qru.alloc @q[2]
// CHECK:         %[[G:[^ :]+]]:2 = qru.cx %[[B]], %[[A]]
// CHECK-NEXT:    qru.h %[[G]]#0
// CHECK-COUNT-6: qru.cx
// CHECK-NOT:     qru.cswap
// CHECK:         %{{.+}}:2 = qru.cx %{{.+}}, %{{.+}}
// CHECK-NEXT:    %[[R:.+]]:3 = scf.if
// CHECK-NEXT:      qru.h
// CHECK-NEXT:      qru.cx
// CHECK-COUNT-13:  qru.{{(cx|t|tdg|h)}} %
// CHECK-NEXT:      qru.crz
// CHECK-NEXT:      scf.yield
// CHECK-NOT:     qru.ccx
// CHECK:         qru.expval
qru.model @cswap {
  qru.qubits @q[3]
  qru.bits @m[1]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64, %m: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %m[%i0] : tensor<1xi1>
    %c0 = qru.alloc @q[0]
    %a0 = qru.alloc @q[1]
    %b0 = qru.alloc @q[2]
    %c1, %a1, %b1 = qru.cswap %c0, %a0, %b0
    %c2, %a2, %b2 = scf.if %flag -> (!qru.qubit, !qru.qubit, !qru.qubit) {
      %x, %y, %w = qru.ccx %c1, %a1, %b1
      %x1, %y1 = qru.crz(%t) %x, %y
      scf.yield %x1, %y1, %w : !qru.qubit, !qru.qubit, !qru.qubit
    } else {
      scf.yield %c1, %a1, %b1 : !qru.qubit, !qru.qubit, !qru.qubit
    }
    %z, %c3, %a3, %b3 = qru.expval "ZZZ" %c2, %a2, %b2
    qru.yield %m, %z : tensor<1xi1>, f64
  }
}
