// RUN: qruc-opt %s --split-input-file --qru-fold-constants | FileCheck %s

// Arithmetic and math on constants fold (upstream folders): the angle
// 2π/3 + sin(π/4) of a .qru source becomes one constant.

// CHECK-LABEL: qru.model @scalar
// CHECK:         %[[A:.+]] = arith.constant 2.8015018835797427 : f64
// CHECK-NOT:     math.
// CHECK-NOT:     arith.divf
// CHECK:         qru.rx(%[[A]])
qru.model @scalar {
  qru.qubits @q[1]
  qru.output @z : f64 at last
  qru.step() {
    %q0 = qru.alloc @q[0]
    %two = arith.constant 2.0 : f64
    %pi = arith.constant 3.1415926535897931 : f64
    %0 = arith.mulf %two, %pi : f64
    %three = arith.constant 3.0 : f64
    %1 = arith.divf %0, %three : f64
    %four = arith.constant 4.0 : f64
    %2 = arith.divf %pi, %four : f64
    %3 = math.sin %2 : f64
    %4 = arith.addf %1, %3 : f64
    %q1 = qru.rx(%4) %q0
    %z, %q2 = qru.expval "Z" %q1
    qru.yield %z : f64
  }
}

// -----

// A vector angle built from constants: tensor.from_elements and
// tensor.extract fold upstream; linalg.map over constants and extract through
// concat and extract_slice fold here.

// CHECK-LABEL: qru.model @vectors
// CHECK-DAG:     %[[S0:.+]] = arith.constant 0.19866933079506122 : f64
// CHECK-DAG:     %[[S1:.+]] = arith.constant 0.38941834230865052 : f64
// CHECK-DAG:     %[[W0:.+]] = arith.constant 5.000000e-01 : f64
// CHECK-NOT:     linalg.map
// CHECK-NOT:     tensor.
// CHECK:         qru.ry(%[[S0]])
// CHECK-NEXT:    qru.ry(%[[S1]])
// CHECK-NEXT:    qru.rz(%[[W0]])
// CHECK-NEXT:    qru.rz(%[[S1]])
qru.model @vectors {
  qru.qubits @q[2]
  qru.output @z : f64 at last
  qru.step() {
    %q0 = qru.alloc @q[0]
    %q1 = qru.alloc @q[1]
    %a = arith.constant 0.1 : f64
    %b = arith.constant 0.2 : f64
    %v = tensor.from_elements %a, %b : tensor<2xf64>
    %init = tensor.empty() : tensor<2xf64>
    %two = arith.constant 2.0 : f64
    %s = linalg.map ins(%v : tensor<2xf64>) outs(%init : tensor<2xf64>)
      (%in: f64, %out: f64) {
        %d = arith.mulf %in, %two : f64
        %e = math.sin %d : f64
        linalg.yield %e : f64
      }
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %s0 = tensor.extract %s[%c0] : tensor<2xf64>
    %s1 = tensor.extract %s[%c1] : tensor<2xf64>
    %q2 = qru.ry(%s0) %q0
    %q3 = qru.ry(%s1) %q1
    %w = arith.constant dense<[0.25, 0.5]> : tensor<2xf64>
    %cat = tensor.concat dim(0) %w, %s : (tensor<2xf64>, tensor<2xf64>) -> tensor<4xf64>
    %slice = tensor.extract_slice %cat[1] [2] [2] : tensor<4xf64> to tensor<2xf64>
    %t0 = tensor.extract %slice[%c0] : tensor<2xf64>
    %t1 = tensor.extract %slice[%c1] : tensor<2xf64>
    %q4 = qru.rz(%t0) %q2
    %q5 = qru.rz(%t1) %q3
    %z, %q6, %q7 = qru.expval "ZZ" %q4, %q5
    qru.yield %z : f64
  }
}

// -----

// An extract past an insert at another index reads the tensor inserted into;
// adding +0.0 to a value used only as gate angles is the value.

// CHECK-LABEL: qru.model @insert_and_zero
// CHECK:         %[[T:.+]] = tensor.extract %w[%{{.+}}] : tensor<2xf64>
// CHECK-NEXT:    qru.rx(%[[T]])
// CHECK-NOT:     arith.addf
// CHECK:         qru.ry(%x)
qru.model @insert_and_zero {
  qru.qubits @q[1]
  qru.input @x : f64
  qru.param @w : tensor<2xf64> uniform [0.0, 1.0]
  qru.output @z : f64 at last
  qru.step(%x: f64, %w: tensor<2xf64>) {
    %q0 = qru.alloc @q[0]
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %ins = tensor.insert %x into %w[%c0] : tensor<2xf64>
    %e = tensor.extract %ins[%c1] : tensor<2xf64>
    %q1 = qru.rx(%e) %q0
    %zero = arith.constant 0.0 : f64
    %y = arith.addf %x, %zero : f64
    %q2 = qru.ry(%y) %q1
    %z, %q3 = qru.expval "Z" %q2
    qru.yield %z : f64
  }
}

// -----

// Negative: values that depend on inputs stay; x + 0.0 stays when it is also
// an output (x could be −0.0), and a map over a non-constant tensor stays.

// CHECK-LABEL: qru.model @kept
// CHECK:         math.sin %x
// CHECK:         %[[Y:.+]] = arith.addf %x, %{{.+}} : f64
// CHECK:         linalg.map
// CHECK:         qru.yield %{{.+}}, %[[Y]], %{{.+}} : f64, f64, tensor<2xf64>
qru.model @kept {
  qru.qubits @q[1]
  qru.input @x : f64
  qru.input @v : tensor<2xf64>
  qru.output @z : f64 at last
  qru.output @y : f64 at last
  qru.output @w : tensor<2xf64> at last
  qru.step(%x: f64, %v: tensor<2xf64>) {
    %q0 = qru.alloc @q[0]
    %s = math.sin %x : f64
    %q1 = qru.rx(%s) %q0
    %zero = arith.constant 0.0 : f64
    %y = arith.addf %x, %zero : f64
    %q2 = qru.ry(%y) %q1
    %init = tensor.empty() : tensor<2xf64>
    %m = linalg.map ins(%v : tensor<2xf64>) outs(%init : tensor<2xf64>)
      (%in: f64, %out: f64) {
        %e = math.cos %in : f64
        linalg.yield %e : f64
      }
    %z, %q3 = qru.expval "Z" %q2
    qru.yield %z, %y, %m : f64, f64, tensor<2xf64>
  }
}
