// RUN: qruc-opt %s --split-input-file --qru-hoist-parameter-only | FileCheck %s

// Computation on parameters and constants moves to the start of the step, in
// order, marked qru.parameter_only; computation on inputs, memory and bits
// stays where it was, and so do the quantum ops.

// CHECK-LABEL: qru.model @mixed
// CHECK:         qru.step(%x: f64, %m: f64, %w: tensor<2xf64>, %s: f64) {
// CHECK-NEXT:      %[[C0:.+]] = arith.constant {qru.parameter_only} 0 : index
// CHECK-NEXT:      %[[W0:.+]] = tensor.extract %w[%[[C0]]] {qru.parameter_only} : tensor<2xf64>
// CHECK-NEXT:      %[[C1:.+]] = arith.constant {qru.parameter_only} 1 : index
// CHECK-NEXT:      %[[W1:.+]] = tensor.extract %w[%[[C1]]] {qru.parameter_only} : tensor<2xf64>
// CHECK-NEXT:      %[[WW:.+]] = arith.mulf %[[W0]], %[[W1]] {qru.parameter_only} : f64
// CHECK-NEXT:      %[[SIN:.+]] = math.sin %[[WW]] {qru.parameter_only} : f64
// CHECK-NEXT:      %[[HALF:.+]] = arith.constant {qru.parameter_only} 5.000000e-01 : f64
// CHECK-NEXT:      %[[SH:.+]] = arith.mulf %s, %[[HALF]] {qru.parameter_only} : f64
// CHECK-NEXT:      %[[Q:.+]] = qru.alloc @q[0]
// CHECK-NEXT:      %[[XW:.+]] = arith.mulf %x, %[[W0]] : f64
// CHECK-NOT:       qru.parameter_only
// CHECK:           %[[MS:.+]] = arith.addf %m, %[[SH]] : f64
qru.model @mixed {
  qru.qubits @q[1]
  qru.input @x : f64
  qru.memory @m = 0.0 : f64
  qru.param @w : tensor<2xf64> uniform [0.0, 1.0]
  qru.param @s : f64 constant [2.0]
  qru.output @z : f64 at last
  qru.step(%x: f64, %m: f64, %w: tensor<2xf64>, %s: f64) {
    %q0 = qru.alloc @q[0]
    %c0 = arith.constant 0 : index
    %w0 = tensor.extract %w[%c0] : tensor<2xf64>
    %xw = arith.mulf %x, %w0 : f64
    %q1 = qru.rx(%xw) %q0
    %c1 = arith.constant 1 : index
    %w1 = tensor.extract %w[%c1] : tensor<2xf64>
    %ww = arith.mulf %w0, %w1 : f64
    %sin = math.sin %ww : f64
    %q2 = qru.ry(%sin) %q1
    %half = arith.constant 0.5 : f64
    %sh = arith.mulf %s, %half : f64
    %ms = arith.addf %m, %sh : f64
    %q3 = qru.rz(%ms) %q2
    %z, %q4 = qru.expval "Z" %q3
    %zm = arith.mulf %z, %sh : f64
    qru.yield %ms, %zm : f64, f64
  }
}

// -----

// Parameter-only ops leave scf.if branches (they are speculatable); ops on
// bits stay, and the readout, the gates and the branch itself stay.

// CHECK-LABEL: qru.model @branches
// CHECK:         qru.step(%c: tensor<1xi1>, %w: f64) {
// CHECK-NEXT:      %[[I0:.+]] = arith.constant {qru.parameter_only} 0 : index
// CHECK-NEXT:      %[[W2:.+]] = arith.mulf %w, %w {qru.parameter_only} : f64
// CHECK-NEXT:      %[[FLAG:.+]] = tensor.extract %c[%[[I0]]] : tensor<1xi1>
// CHECK:           scf.if %[[FLAG]]
// CHECK-NEXT:        qru.rx(%[[W2]])
qru.model @branches {
  qru.qubits @q[1]
  qru.bits @c[1]
  qru.param @w : f64 uniform [0.0, 1.0]
  qru.output @z : f64 at last
  qru.step(%c: tensor<1xi1>, %w: f64) {
    %i0 = arith.constant 0 : index
    %flag = tensor.extract %c[%i0] : tensor<1xi1>
    %q0 = qru.alloc @q[0]
    %q1 = scf.if %flag -> (!qru.qubit) {
      %w2 = arith.mulf %w, %w : f64
      %r = qru.rx(%w2) %q0
      scf.yield %r : !qru.qubit
    } else {
      scf.yield %q0 : !qru.qubit
    }
    %z, %q2 = qru.expval "Z" %q1
    qru.yield %c, %z : tensor<1xi1>, f64
  }
}

// -----

// Negative: a step without parameters moves only its constants; ops on the
// persistent qubits' readouts never move.

// CHECK-LABEL: qru.model @no_params
// CHECK:         qru.step persistent(%x: f64, %q0: !qru.qubit) {
// CHECK-NEXT:      %[[K:.+]] = arith.constant {qru.parameter_only} 2.000000e+00 : f64
// CHECK-NEXT:      %[[Q1:.+]] = qru.rx(%x) %q0
// CHECK-NEXT:      %[[Z:.+]], %[[Q2:.+]] = qru.expval "Z" %[[Q1]]
// CHECK-NEXT:      %[[Y:.+]] = arith.mulf %[[Z]], %[[K]] : f64
qru.model @no_params {
  qru.qubits @q[1]
  qru.input @x : f64
  qru.output @y : f64 at last
  qru.step persistent(%x: f64, %q0: !qru.qubit) {
    %q1 = qru.rx(%x) %q0
    %z, %q2 = qru.expval "Z" %q1
    %k = arith.constant 2.0 : f64
    %y = arith.mulf %z, %k : f64
    qru.yield %y, %q2 : f64, !qru.qubit
  }
}
