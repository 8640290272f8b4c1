// RUN: qruc-opt %s | qruc-opt | FileCheck %s
// RUN: qruc-opt %s --mlir-print-op-generic | qruc-opt | FileCheck %s

// Round trip of the ops the simulator pipeline produces: qru.unitary takes
// its matrix as eight reals, qru.permute its table as a dense array.

// CHECK-LABEL: qru.model @fused
// CHECK:         %[[U:.+]] = qru.unitary(%r, %i, %i, %i, %i, %i, %i, %r) %q0
// CHECK-NEXT:    %[[P:.+]]:3 = qru.permute [0, 1, 2, 3, 4, 5, 7, 6] %[[U]], %q1, %q2
// CHECK-NEXT:    %{{.+}} = qru.permute [1, 0] %[[P]]#2
// CHECK-NEXT:    %{{.+}}, %{{.+}}:2 = qru.expval "ZZ" %[[P]]#0, %[[P]]#1
qru.model @fused {
  qru.qubits @q[3]
  qru.input @r : f64
  qru.input @i : f64
  qru.output @z : f64 at last
  qru.step(%r: f64, %i: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.alloc @q[1]
    %q2 = qru.alloc @q[2]
    %u = qru.unitary(%r, %i, %i, %i, %i, %i, %i, %r) %q0
    %a, %b, %c = qru.permute [0, 1, 2, 3, 4, 5, 7, 6] %u, %q1, %q2
    %d = qru.permute [1, 0] %c
    %z, %e, %f = qru.expval "ZZ" %a, %b
    qru.yield %z : f64
  }
}
