// RUN: qruc-opt %s --split-input-file --qru-translate-basis --verify-diagnostics
// RUN: qruc-opt %s --split-input-file --qru-translate-basis=basis=eagle --verify-diagnostics
// RUN: not qruc-opt %s --split-input-file --qru-translate-basis=basis=falcon 2>&1 | FileCheck %s --check-prefix=BASIS

// The fused gates of the simulator pipeline have no IBM translation.

qru.model @unitary {
  qru.qubits @q[1]
  qru.output @z : f64 at last
  qru.step() {
    %one = arith.constant 1.0 : f64
    %zero = arith.constant 0.0 : f64
    %q0 = qru.alloc @q[0]
    // expected-error @below {{'qru.unitary' op is a simulator-only fused gate with no}}
    %q1 = qru.unitary(%one, %zero, %zero, %zero, %zero, %zero, %one, %zero) %q0
    %z, %q2 = qru.expval "Z" %q1
    qru.yield %z : f64
  }
}

// -----

qru.model @permute {
  qru.qubits @q[2]
  qru.output @z : f64 at last
  qru.step() {
    %a0 = qru.alloc @q[0]
    %b0 = qru.alloc @q[1]
    // expected-error @below {{translation; run the ibm pipeline, which does not fuse}}
    %a1, %b1 = qru.permute [0, 1, 3, 2] %a0, %b0
    %z, %a2, %b2 = qru.expval "ZZ" %a1, %b1
    qru.yield %z : f64
  }
}

// An unknown basis is named in the error.
// BASIS: error: expects basis heron or eagle, but got 'falcon'
