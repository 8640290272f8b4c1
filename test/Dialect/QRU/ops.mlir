// RUN: qruc-opt %s | qruc-opt | FileCheck %s
// RUN: qruc-opt %s --mlir-print-op-generic | qruc-opt | FileCheck %s

// Round-trip of the model, its declarations, the step body and the readouts.
// The gates have their own file, gates.mlir.

// Every declaration, each initializer kind and each timing. The step takes,
// in order: the inputs, the memories, the bit registers and the parameters,
// and yields the memories, the bit registers and the outputs.

// CHECK-LABEL: qru.model @declarations attributes {qru.note = "all of them"} {
// CHECK-NEXT:    qru.qubits @q[2]
// CHECK-NEXT:    qru.qubits @r[1]
// CHECK-NEXT:    qru.bits @c[2]
// CHECK-NEXT:    qru.input @x : f64
// CHECK-NEXT:    qru.input @v : tensor<3xf64>
// CHECK-NEXT:    qru.memory @m = 0.000000e+00 : f64
// CHECK-NEXT:    qru.memory @mv = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf64>
// CHECK-NEXT:    qru.param @w : f64 constant [5.000000e-01]
// CHECK-NEXT:    qru.param @u : tensor<4xf64> uniform [0.000000e+00, 6.2831853071795862]
// CHECK-NEXT:    qru.param @n : tensor<2x3xf64> normal [0.000000e+00, 1.000000e-01]
// CHECK-NEXT:    qru.param @z : f64 uniform [-1.000000e+00, -1.000000e+00]
// CHECK-NEXT:    qru.output @y : f64 at last
// CHECK-NEXT:    qru.output @ys : tensor<2xf64> at every
// CHECK-NEXT:    qru.target @label : f64 at last
// CHECK-NEXT:    qru.target @labels : tensor<2xf64> at every
// CHECK-NEXT:    qru.experiment {batch = 20 : i64, epochs = 100 : i64, optimizer = {kind = "adam", lr = 1.000000e-02 : f64}}
// CHECK-NEXT:    qru.step(%x: f64, %v: tensor<3xf64>, %m: f64, %mv: tensor<2xf64>, %c: tensor<2xi1>, %w: f64, %u: tensor<4xf64>, %n: tensor<2x3xf64>, %z: f64) {
// CHECK-NEXT:      qru.yield %m, %mv, %c, %w, %mv : f64, tensor<2xf64>, tensor<2xi1>, f64, tensor<2xf64>
// CHECK-NEXT:    }
// CHECK-NEXT:  }
qru.model @declarations attributes {qru.note = "all of them"} {
  qru.qubits @q[2]
  qru.qubits @r[1]
  qru.bits @c[2]
  qru.input @x : f64
  qru.input @v : tensor<3xf64>
  qru.memory @m = 0.0 : f64
  qru.memory @mv = dense<[1.0, 2.0]> : tensor<2xf64>
  qru.param @w : f64 constant [0.5]
  qru.param @u : tensor<4xf64> uniform [0.0, 6.2831853071795862]
  qru.param @n : tensor<2x3xf64> normal [0.0, 0.1]
  qru.param @z : f64 uniform [-1.0, -1.0]
  qru.output @y : f64 at last
  qru.output @ys : tensor<2xf64> at every
  qru.target @label : f64 at last
  qru.target @labels : tensor<2xf64> at every
  qru.experiment {batch = 20 : i64, epochs = 100 : i64,
                  optimizer = {kind = "adam", lr = 1.000000e-02 : f64}}
  qru.step(%x: f64, %v: tensor<3xf64>, %m: f64, %mv: tensor<2xf64>,
           %c: tensor<2xi1>, %w: f64, %u: tensor<4xf64>,
           %n: tensor<2x3xf64>, %z: f64) {
    qru.yield %m, %mv, %c, %w, %mv
        : f64, tensor<2xf64>, tensor<2xi1>, f64, tensor<2xf64>
  }
}

// A model may declare nothing but registers, and a step may take and yield
// nothing; the empty yield is printed explicitly.

// CHECK-LABEL: qru.model @empty {
// CHECK-NEXT:    qru.qubits @q[1]
// CHECK-NEXT:    qru.step() attributes {qru.note = 1 : i64} {
// CHECK-NEXT:      qru.yield{{$}}
// CHECK-NEXT:    }
// CHECK-NEXT:  }
qru.model @empty {
  qru.qubits @q[1]
  qru.step() attributes {qru.note = 1 : i64} {
  }
}

// A fresh step allocates its qubits in |0>, and the readouts consume and
// return the qubits they read.

// CHECK-LABEL: qru.model @fresh {
// CHECK:         qru.step(%x: f64, %m: tensor<2xf64>, %c: tensor<1xi1>, %theta: f64) {
// CHECK-NEXT:      %[[A0:.+]] = qru.alloc @a[0]
// CHECK-NEXT:      %[[A1:.+]] = qru.alloc @a[1]
// CHECK-NEXT:      %[[B0:.+]] = qru.alloc @b[0]
// CHECK-NEXT:      %[[ANGLE:.+]] = arith.mulf %x, %theta : f64
// CHECK-NEXT:      %[[A0_1:.+]] = qru.ry(%[[ANGLE]]) %[[A0]]
// CHECK-NEXT:      %[[Z:.+]], %[[A0_2:.+]] = qru.expval "Z" %[[A0_1]]
// CHECK-NEXT:      %[[ZXY:.+]], %[[Q:.+]]:3 = qru.expval "ZXY" %[[A0_2]], %[[A1]], %[[B0]]
// CHECK-NEXT:      %[[BIT:.+]], %[[B0_1:.+]] = qru.measure %[[Q]]#2
// CHECK-NEXT:      %[[B0_2:.+]] = qru.reset %[[B0_1]]
// CHECK-NEXT:      %[[MEM:.+]] = tensor.from_elements %[[Z]], %[[ZXY]] : tensor<2xf64>
// CHECK-NEXT:      %[[BITS:.+]] = tensor.from_elements %[[BIT]] : tensor<1xi1>
// CHECK-NEXT:      qru.yield %[[MEM]], %[[BITS]], %[[Z]] : tensor<2xf64>, tensor<1xi1>, f64
// CHECK-NEXT:    }
qru.model @fresh {
  qru.qubits @a[2]
  qru.qubits @b[1]
  qru.bits @c[1]
  qru.input @x : f64
  qru.memory @m = dense<0.0> : tensor<2xf64>
  qru.param @theta : f64 normal [0.0, 1.0]
  qru.output @y : f64 at every
  qru.step(%x: f64, %m: tensor<2xf64>, %c: tensor<1xi1>, %theta: f64) {
    %a0 = qru.alloc @a[0]
    %a1 = qru.alloc @a[1]
    %b0 = qru.alloc @b[0]
    %angle = arith.mulf %x, %theta : f64
    %a0_1 = qru.ry(%angle) %a0
    %z, %a0_2 = qru.expval "Z" %a0_1
    %zxy, %a0_3, %a1_1, %b0_1 = qru.expval "ZXY" %a0_2, %a1, %b0
    %bit, %b0_2 = qru.measure %b0_1
    %b0_3 = qru.reset %b0_2
    %mem = tensor.from_elements %z, %zxy : tensor<2xf64>
    %bits = tensor.from_elements %bit : tensor<1xi1>
    qru.yield %mem, %bits, %z : tensor<2xf64>, tensor<1xi1>, f64
  }
}

// Gates conditioned on a bit measured in the previous step: scf.if returns
// the qubits, and each branch consumes them at most once.

// CHECK-LABEL: qru.model @conditional {
// CHECK:         qru.step(%c: tensor<2xi1>) {
// CHECK-NEXT:      %[[I0:.+]] = arith.constant 0 : index
// CHECK-NEXT:      %[[C0:.+]] = tensor.extract %c[%[[I0]]] : tensor<2xi1>
// CHECK-NEXT:      %[[Q0:.+]] = qru.alloc @q[0]
// CHECK-NEXT:      %[[R0:.+]] = qru.alloc @q[1]
// CHECK-NEXT:      %[[IF:.+]]:2 = scf.if %[[C0]] -> (!qru.qubit, !qru.qubit) {
// CHECK-NEXT:        %[[X:.+]] = qru.x %[[Q0]]
// CHECK-NEXT:        %[[CX:.+]]:2 = qru.cx %[[X]], %[[R0]]
// CHECK-NEXT:        scf.yield %[[CX]]#0, %[[CX]]#1 : !qru.qubit, !qru.qubit
// CHECK-NEXT:      } else {
// CHECK-NEXT:        scf.yield %[[Q0]], %[[R0]] : !qru.qubit, !qru.qubit
// CHECK-NEXT:      }
// CHECK-NEXT:      %[[Z:.+]] = scf.if %[[C0]] -> (!qru.qubit) {
// CHECK-NEXT:        %[[ZG:.+]] = qru.z %[[IF]]#1
// CHECK-NEXT:        scf.yield %[[ZG]] : !qru.qubit
// CHECK-NEXT:      } else {
// CHECK-NEXT:        scf.yield %[[IF]]#1 : !qru.qubit
// CHECK-NEXT:      }
// CHECK-NEXT:      %[[B0:.+]], %{{.+}} = qru.measure %[[IF]]#0
// CHECK-NEXT:      %[[B1:.+]], %{{.+}} = qru.measure %[[Z]]
// CHECK-NEXT:      %[[BITS:.+]] = tensor.from_elements %[[B0]], %[[B1]] : tensor<2xi1>
// CHECK-NEXT:      qru.yield %[[BITS]] : tensor<2xi1>
// CHECK-NEXT:    }
qru.model @conditional {
  qru.qubits @q[2]
  qru.bits @c[2]
  qru.step(%c: tensor<2xi1>) {
    %i0 = arith.constant 0 : index
    %c0 = tensor.extract %c[%i0] : tensor<2xi1>
    %q0 = qru.alloc @q[0]
    %r0 = qru.alloc @q[1]
    %q1, %r1 = scf.if %c0 -> (!qru.qubit, !qru.qubit) {
      %x = qru.x %q0
      %cq, %cr = qru.cx %x, %r0
      scf.yield %cq, %cr : !qru.qubit, !qru.qubit
    } else {
      scf.yield %q0, %r0 : !qru.qubit, !qru.qubit
    }
    %r2 = scf.if %c0 -> (!qru.qubit) {
      %z = qru.z %r1
      scf.yield %z : !qru.qubit
    } else {
      scf.yield %r1 : !qru.qubit
    }
    %b0, %q2 = qru.measure %q1
    %b1, %r3 = qru.measure %r2
    %bits = tensor.from_elements %b0, %b1 : tensor<2xi1>
    qru.yield %bits : tensor<2xi1>
  }
}

// A persistent step takes one qubit per wire, in declaration order, after the
// other arguments, and yields them after the outputs. A loop threads qubits
// through its iteration arguments.

// CHECK-LABEL: qru.model @persistent {
// CHECK:         qru.step persistent(%x: f64, %a0: !qru.qubit, %a1: !qru.qubit, %b0: !qru.qubit) {
// CHECK-NEXT:      %[[H:.+]] = qru.h %a0
// CHECK-NEXT:      %[[LB:.+]] = arith.constant 0 : index
// CHECK-NEXT:      %[[UB:.+]] = arith.constant 3 : index
// CHECK-NEXT:      %[[ST:.+]] = arith.constant 1 : index
// CHECK-NEXT:      %[[FOR:.+]]:2 = scf.for %{{.+}} = %[[LB]] to %[[UB]] step %[[ST]] iter_args(%[[A:.+]] = %[[H]], %[[B:.+]] = %a1) -> (!qru.qubit, !qru.qubit) {
// CHECK-NEXT:        %[[RZZ:.+]]:2 = qru.rzz(%x) %[[A]], %[[B]]
// CHECK-NEXT:        scf.yield %[[RZZ]]#0, %[[RZZ]]#1 : !qru.qubit, !qru.qubit
// CHECK-NEXT:      }
// CHECK-NEXT:      %[[E:.+]], %[[Q:.+]]:2 = qru.expval "ZZ" %[[FOR]]#0, %[[FOR]]#1
// CHECK-NEXT:      qru.yield %[[E]], %[[Q]]#0, %[[Q]]#1, %b0 : f64, !qru.qubit, !qru.qubit, !qru.qubit
// CHECK-NEXT:    }
qru.model @persistent {
  qru.qubits @a[2]
  qru.qubits @b[1]
  qru.input @x : f64
  qru.output @y : f64 at every
  qru.step persistent(%x: f64, %a0: !qru.qubit, %a1: !qru.qubit,
                      %b0: !qru.qubit) {
    %h = qru.h %a0
    %lb = arith.constant 0 : index
    %ub = arith.constant 3 : index
    %st = arith.constant 1 : index
    %p, %q = scf.for %i = %lb to %ub step %st
        iter_args(%pi = %h, %qi = %a1) -> (!qru.qubit, !qru.qubit) {
      %pn, %qn = qru.rzz(%x) %pi, %qi
      scf.yield %pn, %qn : !qru.qubit, !qru.qubit
    }
    %e, %p1, %q1 = qru.expval "ZZ" %p, %q
    qru.yield %e, %p1, %q1, %b0 : f64, !qru.qubit, !qru.qubit, !qru.qubit
  }
}
