// RUN: qruc-opt %s | qruc-opt | FileCheck %s
// RUN: %mlir_tblgen -gen-dialect-doc -dialect=qru -I %qruc_src/dialect/include -I %mlir_include %qruc_src/dialect/include/qruc/Dialect/QRU/QRUOps.td -o %t.md
// RUN: %PYTHON %S/Inputs/dialect_doc.py examples %t.md %s
// RUN: %PYTHON %S/Inputs/dialect_doc.py examples %qruc_src/docs/dialect.md %s

// Every MLIR example of the dialect reference, in a context that makes it
// parse and verify: the examples in the op descriptions (which mlir-tblgen
// copies into docs/dialect.md) and those of the hand-written introduction.
// The last two RUN lines fail when an example is missing here; each example
// appears line for line, indentation aside.

//===----------------------------------------------------------------------===//
// docs/dialect.md, the introduction
//===----------------------------------------------------------------------===//

// CHECK-LABEL: qru.model @conditional {
// CHECK:         scf.if %{{.+}} -> (!qru.qubit) {
// CHECK-NEXT:      qru.x
qru.model @conditional {
  qru.qubits @q[1]
  qru.bits @c[1]
  qru.step(%c: tensor<1xi1>) {
    %i0 = arith.constant 0 : index
    %flip = tensor.extract %c[%i0] : tensor<1xi1>
    %q0 = qru.alloc @q[0]
    %q1 = scf.if %flip -> (!qru.qubit) {
      %x = qru.x %q0
      scf.yield %x : !qru.qubit
    } else {
      scf.yield %q0 : !qru.qubit
    }
    %bit, %q2 = qru.measure %q1
    %bits = tensor.from_elements %bit : tensor<1xi1>
    qru.yield %bits : tensor<1xi1>
  }
}

// CHECK-LABEL: qru.model @persistent {
// CHECK:         qru.param @w : tensor<2xf64> uniform [0.000000e+00, 6.2831853071795862]
// CHECK:         qru.step persistent(%x: f64, %h: f64, %w: tensor<2xf64>, %q0: !qru.qubit, %q1: !qru.qubit) {
// CHECK:           qru.yield %{{.+}}, %{{.+}}, %{{.+}}#0, %{{.+}}#1 : f64, f64, !qru.qubit, !qru.qubit
qru.model @persistent {
  qru.qubits @q[2]
  qru.input @x : f64
  qru.memory @h = 0.0 : f64
  qru.param @w : tensor<2xf64> uniform [0.0, 6.2831853071795862]
  qru.output @y : f64 at last
  qru.target @label : f64 at last
  qru.step persistent(%x: f64, %h: f64, %w: tensor<2xf64>,
                      %q0: !qru.qubit, %q1: !qru.qubit) {
    %i0 = arith.constant 0 : index
    %w0 = tensor.extract %w[%i0] : tensor<2xf64>
    %xw = arith.mulf %x, %w0 : f64
    %angle = arith.addf %xw, %h : f64
    %a = qru.ry(%angle) %q0
    %b, %c = qru.cx %a, %q1
    %z, %d, %e = qru.expval "ZZ" %b, %c
    qru.yield %z, %z, %d, %e : f64, f64, !qru.qubit, !qru.qubit
  }
}

// CHECK-LABEL: qru.model @routed attributes {qru.layout = array<i64: 0, 1, 2>} {
// CHECK:         qru.swap
qru.model @routed attributes {qru.layout = array<i64: 0, 1, 2>} {
  qru.qubits @q[3]
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    %c0 = qru.alloc @q[2]
    %b1, %a1 = qru.swap %a0, %b0
    %a2, %c1 = qru.cx %a1, %c0
    qru.yield
  }
}

//===----------------------------------------------------------------------===//
// The model and its declarations
//===----------------------------------------------------------------------===//

// qru.model, and qru.alloc, qru.rx and qru.expval in its step.
// CHECK-LABEL: qru.model @tiny {
// CHECK:         qru.step(%x: f64, %w: f64) {
// CHECK:           qru.yield %{{.+}} : f64
qru.model @tiny {
  qru.qubits @q[1]
  qru.input @x : f64
  qru.param @w : f64 uniform [0.0, 1.0]
  qru.output @y : f64 at last
  qru.step(%x: f64, %w: f64) {
    %a = arith.mulf %x, %w : f64
    %q0 = qru.alloc @q[0]
    %q1 = qru.rx(%a) %q0
    %z, %q2 = qru.expval "Z" %q1
    qru.yield %z : f64
  }
}

// Every declaration, qru.alloc and qru.measure, and the !qru.qubit example.
// CHECK-LABEL: qru.model @declarations {
// CHECK-NEXT:    qru.qubits @hidden[4]
// CHECK-NEXT:    qru.qubits @h[1]
// CHECK-NEXT:    qru.bits @c[4]
// CHECK-NEXT:    qru.input @x : tensor<8xf64>
// CHECK-NEXT:    qru.memory @m = dense<0.000000e+00> : tensor<8xf64>
// CHECK-NEXT:    qru.param @p : tensor<34xf64> uniform [0.000000e+00, 6.2831853071795862]
// CHECK-NEXT:    qru.output @logits : tensor<2xf64> at last
// CHECK-NEXT:    qru.target @label : f64 at last
// CHECK-NEXT:    qru.experiment {batch = 20 : i64, epochs = 100 : i64, optimizer = {kind = "adam", lr = 1.000000e-02 : f64}}
// CHECK-NEXT:    qru.step(%x: tensor<8xf64>, %m: tensor<8xf64>, %c: tensor<4xi1>, %p: tensor<34xf64>) {
// CHECK-NEXT:      qru.alloc @hidden[2]
// CHECK-NEXT:      qru.alloc @h[0]
// CHECK-NEXT:      qru.h
// CHECK-NEXT:      qru.measure
qru.model @declarations {
  qru.qubits @hidden[4]
  qru.qubits @h[1]
  qru.bits @c[4]
  qru.input @x : tensor<8xf64>
  qru.memory @m = dense<0.0> : tensor<8xf64>
  qru.param @p : tensor<34xf64> uniform [0.0, 6.2831853071795862]
  qru.output @logits : tensor<2xf64> at last
  qru.target @label : f64 at last
  qru.experiment {batch = 20 : i64, epochs = 100 : i64,
                  optimizer = {kind = "adam", lr = 1.000000e-02 : f64}}
  qru.step(%x: tensor<8xf64>, %m: tensor<8xf64>, %c: tensor<4xi1>,
           %p: tensor<34xf64>) {
    %q = qru.alloc @hidden[2]
    %q0 = qru.alloc @h[0]
    %q1 = qru.h %q0
    %bit, %q2 = qru.measure %q1
    %logits = tensor.extract_slice %x[0] [2] [1]
        : tensor<8xf64> to tensor<2xf64>
    qru.yield %m, %c, %logits : tensor<8xf64>, tensor<4xi1>, tensor<2xf64>
  }
}

//===----------------------------------------------------------------------===//
// The step body and its terminator
//===----------------------------------------------------------------------===//

// CHECK-LABEL: qru.model @step {
// CHECK:         qru.step(%x: f64, %m: f64, %w: f64) {
// CHECK:           qru.yield %{{.+}}, %{{.+}} : f64, f64
qru.model @step {
  qru.qubits @q[1]
  qru.input @x : f64
  qru.memory @m = 0.0 : f64
  qru.param @w : f64 normal [0.0, 1.0]
  qru.output @y : f64 at every
  qru.step(%x: f64, %m: f64, %w: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.rx(%x) %q0
    %z, %q2 = qru.expval "Z" %q1
    qru.yield %z, %z : f64, f64
  }
}

// CHECK-LABEL: qru.model @yield {
// CHECK:         qru.yield %{{.+}}, %{{.+}} : tensor<8xf64>, f64
qru.model @yield {
  qru.memory @m = dense<0.0> : tensor<8xf64>
  qru.output @logit : f64 at last
  qru.step(%m: tensor<8xf64>) {
    %m1 = arith.addf %m, %m : tensor<8xf64>
    %logit = arith.constant 0.0 : f64
    qru.yield %m1, %logit : tensor<8xf64>, f64
  }
}

//===----------------------------------------------------------------------===//
// Readouts and gates, one function each: their examples reuse SSA names
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @ccx(
// CHECK-NEXT:    %{{.+}}:3 = qru.ccx %arg0, %arg1, %arg2
func.func @ccx(%a0: !qru.qubit, %b0: !qru.qubit, %c0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit, !qru.qubit) {
  %a1, %b1, %c1 = qru.ccx %a0, %b0, %c0
  return %a1, %b1, %c1 : !qru.qubit, !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @ch(
// CHECK-NEXT:    %{{.+}}:2 = qru.ch %arg0, %arg1
func.func @ch(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.ch %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @cp(
// CHECK-NEXT:    %{{.+}}:2 = qru.cp(%arg0) %arg1, %arg2
func.func @cp(%lambda: f64, %a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.cp(%lambda) %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @crx(
// CHECK-NEXT:    %{{.+}}:2 = qru.crx(%arg0) %arg1, %arg2
func.func @crx(%theta: f64, %a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.crx(%theta) %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @cry(
// CHECK-NEXT:    %{{.+}}:2 = qru.cry(%arg0) %arg1, %arg2
func.func @cry(%theta: f64, %a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.cry(%theta) %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @crz(
// CHECK-NEXT:    %{{.+}}:2 = qru.crz(%arg0) %arg1, %arg2
func.func @crz(%theta: f64, %a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.crz(%theta) %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @cswap(
// CHECK-NEXT:    %{{.+}}:3 = qru.cswap %arg0, %arg1, %arg2
func.func @cswap(%a0: !qru.qubit, %b0: !qru.qubit, %c0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit, !qru.qubit) {
  %a1, %b1, %c1 = qru.cswap %a0, %b0, %c0
  return %a1, %b1, %c1 : !qru.qubit, !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @cx(
// CHECK-NEXT:    %{{.+}}:2 = qru.cx %arg0, %arg1
func.func @cx(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.cx %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @cy(
// CHECK-NEXT:    %{{.+}}:2 = qru.cy %arg0, %arg1
func.func @cy(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.cy %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @cz(
// CHECK-NEXT:    %{{.+}}:2 = qru.cz %arg0, %arg1
func.func @cz(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.cz %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @ecr(
// CHECK-NEXT:    %{{.+}}:2 = qru.ecr %arg0, %arg1
func.func @ecr(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.ecr %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @expval(
// CHECK-NEXT:    %{{.+}}, %{{.+}}:2 = qru.expval "ZX" %arg0, %arg1
func.func @expval(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (f64, !qru.qubit, !qru.qubit) {
  %zx, %a1, %b1 = qru.expval "ZX" %a0, %b0
  return %zx, %a1, %b1 : f64, !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @h(
// CHECK-NEXT:    %{{.+}} = qru.h %arg0
func.func @h(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.h %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @measure(
// CHECK-NEXT:    %{{.+}}, %{{.+}} = qru.measure %arg0
func.func @measure(%q0: !qru.qubit)
    -> (i1, !qru.qubit) {
  %bit, %q1 = qru.measure %q0
  return %bit, %q1 : i1, !qru.qubit
}

// CHECK-LABEL: func.func @p(
// CHECK-NEXT:    %{{.+}} = qru.p(%arg0) %arg1
func.func @p(%lambda: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.p(%lambda) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @permute(
// CHECK-NEXT:    %{{.+}}:2 = qru.permute [0, 1, 3, 2] %arg0, %arg1
func.func @permute(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.permute [0, 1, 3, 2] %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @reset(
// CHECK-NEXT:    %{{.+}} = qru.reset %arg0
func.func @reset(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.reset %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @rot(
// CHECK-NEXT:    %{{.+}} = qru.rot(%arg0, %arg1, %arg2) %arg3
func.func @rot(%phi: f64, %theta: f64, %omega: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.rot(%phi, %theta, %omega) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @rx(
// CHECK-NEXT:    %{{.+}} = qru.rx(%arg0) %arg1
func.func @rx(%theta: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.rx(%theta) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @rxx(
// CHECK-NEXT:    %{{.+}}:2 = qru.rxx(%arg0) %arg1, %arg2
func.func @rxx(%theta: f64, %a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.rxx(%theta) %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @ry(
// CHECK-NEXT:    %{{.+}} = qru.ry(%arg0) %arg1
func.func @ry(%theta: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.ry(%theta) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @ryy(
// CHECK-NEXT:    %{{.+}}:2 = qru.ryy(%arg0) %arg1, %arg2
func.func @ryy(%theta: f64, %a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.ryy(%theta) %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @rz(
// CHECK-NEXT:    %{{.+}} = qru.rz(%arg0) %arg1
func.func @rz(%theta: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.rz(%theta) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @rzz(
// CHECK-NEXT:    %{{.+}}:2 = qru.rzz(%arg0) %arg1, %arg2
func.func @rzz(%theta: f64, %a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.rzz(%theta) %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @s(
// CHECK-NEXT:    %{{.+}} = qru.s %arg0
func.func @s(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.s %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @sdg(
// CHECK-NEXT:    %{{.+}} = qru.sdg %arg0
func.func @sdg(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.sdg %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @swap(
// CHECK-NEXT:    %{{.+}}:2 = qru.swap %arg0, %arg1
func.func @swap(%a0: !qru.qubit, %b0: !qru.qubit)
    -> (!qru.qubit, !qru.qubit) {
  %a1, %b1 = qru.swap %a0, %b0
  return %a1, %b1 : !qru.qubit, !qru.qubit
}

// CHECK-LABEL: func.func @sx(
// CHECK-NEXT:    %{{.+}} = qru.sx %arg0
func.func @sx(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.sx %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @t(
// CHECK-NEXT:    %{{.+}} = qru.t %arg0
func.func @t(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.t %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @tdg(
// CHECK-NEXT:    %{{.+}} = qru.tdg %arg0
func.func @tdg(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.tdg %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @u2(
// CHECK-NEXT:    %{{.+}} = qru.u2(%arg0, %arg1) %arg2
func.func @u2(%phi: f64, %lambda: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.u2(%phi, %lambda) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @u3(
// CHECK-NEXT:    %{{.+}} = qru.u3(%arg0, %arg1, %arg2) %arg3
func.func @u3(%theta: f64, %phi: f64, %lambda: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.u3(%theta, %phi, %lambda) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @unitary(
// CHECK-NEXT:    %{{.+}} = qru.unitary(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7) %arg8
func.func @unitary(%r00: f64, %i00: f64, %r01: f64, %i01: f64, %r10: f64,
                   %i10: f64, %r11: f64, %i11: f64, %q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.unitary(%r00, %i00, %r01, %i01, %r10, %i10, %r11, %i11) %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @x(
// CHECK-NEXT:    %{{.+}} = qru.x %arg0
func.func @x(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.x %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @y(
// CHECK-NEXT:    %{{.+}} = qru.y %arg0
func.func @y(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.y %q0
  return %q1 : !qru.qubit
}

// CHECK-LABEL: func.func @z(
// CHECK-NEXT:    %{{.+}} = qru.z %arg0
func.func @z(%q0: !qru.qubit)
    -> (!qru.qubit) {
  %q1 = qru.z %q0
  return %q1 : !qru.qubit
}
