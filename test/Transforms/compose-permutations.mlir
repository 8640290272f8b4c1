// RUN: qruc-opt %s --split-input-file --qru-compose-permutations | FileCheck %s
// RUN: qruc-opt %s --split-input-file --qru-compose-permutations="min-gates=2 max-qubits=2" | FileCheck %s --check-prefix=SMALL

// A ring of CNOTs over three wires becomes one permutation of the eight basis
// states, the first operand most significant: |abc⟩ → |perm[abc]⟩.

// CHECK-LABEL: qru.model @ring
// CHECK:         %[[P:.+]]:3 = qru.permute [0, 5, 7, 2, 3, 6, 4, 1] %q0, %q1, %q2
// CHECK-NEXT:    qru.expval "ZZZ" %[[P]]#0, %[[P]]#1, %[[P]]#2
// SMALL-LABEL: qru.model @ring
// SMALL-COUNT-3: qru.cx
qru.model @ring {
  qru.qubits @q[3]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %c1 = qru.cx %b1, %c0
    %c2, %a2 = qru.cx %c1, %a1
    %z, %a3, %b3, %c3 = qru.expval "ZZZ" %a2, %b2, %c2
    qru.yield %z : f64
  }
}

// -----

// x, swap, ccx and cswap compose too; wires join in the order the gates
// first take them. Gates on other wires and classical ops in between do not
// end the group.

// CHECK-LABEL: qru.model @mixed
// CHECK:         qru.h %q3
// CHECK:         %[[P:.+]]:3 = qru.permute [2, 5, 7, 6, 0, 1, 4, 3] %q1, %q0, %q2
// CHECK-NEXT:    qru.expval "ZZZ" %[[P]]#1, %[[P]]#0, %[[P]]#2
// SMALL-LABEL: qru.model @mixed
// SMALL:         %[[P:.+]]:2 = qru.permute [1, 3, 0, 2] %q1, %q0
// SMALL:         qru.ccx
// SMALL:         qru.cswap
qru.model @mixed {
  qru.qubits @q[4]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %d0 = qru.alloc @q[3]
    %b1 = qru.x %b0
    %d1 = qru.h %d0
    %b2, %a1 = qru.swap %b1, %a0
    %k = arith.constant 1.0 : f64
    %a2, %b3, %c1 = qru.ccx %a1, %b2, %c0
    %c2, %a3, %b4 = qru.cswap %c1, %a2, %b3
    %z, %a4, %b5, %c3 = qru.expval "ZZZ" %a3, %b4, %c2
    %y, %d2 = qru.expval "X" %d1
    qru.yield %z : f64
  }
}

// -----

// Negative: a non-permutation gate on a wire of the group ends it; groups
// shorter than min-gates stay as gates; a rotation is not a permutation.

// CHECK-LABEL: qru.model @broken
// CHECK-NOT:     qru.permute
// CHECK:         qru.cx
// CHECK-NEXT:    qru.cx
// CHECK-NEXT:    qru.rz
// CHECK-NEXT:    qru.cx
// CHECK-NEXT:    qru.cx
qru.model @broken {
  qru.qubits @q[3]
  qru.input @t : f64
  qru.output @z : f64 at last
  qru.step(%t: f64) {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %c1 = qru.cx %b1, %c0
    %c2 = qru.rz(%t) %c1
    %c3, %a2 = qru.cx %c2, %a1
    %a3, %b3 = qru.cx %a2, %b2
    %z, %a4, %b4, %c4 = qru.expval "ZZZ" %a3, %b3, %c3
    qru.yield %z : f64
  }
}

// -----

// A readout between gates ends the group; in an scf.if branch, the gates of
// the branch form their own group.

// CHECK-LABEL: qru.model @regions
// CHECK:         qru.cx
// CHECK-NEXT:    qru.cx
// CHECK-NEXT:    qru.expval
// CHECK:         scf.if
// CHECK-NEXT:      qru.permute [0, 4, 6, 2, 7, 3, 1, 5]
// CHECK-NEXT:      scf.yield
qru.model @regions {
  qru.qubits @q[3]
  qru.bits @c[1]
  qru.output @z : f64 at last
  qru.step(%c: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %c[%i0] : tensor<1xi1>
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %c1 = qru.cx %b1, %c0
    %y, %c2 = qru.expval "Z" %c1
    %a3, %b3, %c3 = scf.if %flag -> (!qru.qubit, !qru.qubit, !qru.qubit) {
      %a4, %b4 = qru.cx %a1, %b2
      %b5, %c5 = qru.cx %b4, %c2
      %c6, %a6 = qru.swap %c5, %a4
      scf.yield %a6, %b5, %c6 : !qru.qubit, !qru.qubit, !qru.qubit
    } else {
      scf.yield %a1, %b2, %c2 : !qru.qubit, !qru.qubit, !qru.qubit
    }
    %z, %a7, %b7, %c7 = qru.expval "ZZZ" %a3, %b3, %c3
    qru.yield %c, %z : tensor<1xi1>, f64
  }
}
