// RUN: qruc-opt %s -split-input-file -verify-diagnostics

// The diagnostics of the ops the simulator pipeline produces.

func.func @unitary_entries(%r: f64, %q0: !qru.qubit) {
  // expected-error @below {{'qru.unitary' op expects 8 angle operand(s), but got 4}}
  %q1 = qru.unitary(%r, %r, %r, %r) %q0
  return
}

// -----

func.func @unitary_qubits(%r: f64, %a: !qru.qubit, %b: !qru.qubit) {
  // expected-error @below {{'qru.unitary' op expects 1 qubit operand(s), but got 2}}
  %c, %d = qru.unitary(%r, %r, %r, %r, %r, %r, %r, %r) %a, %b
  return
}

// -----

func.func @permute_size(%a: !qru.qubit, %b: !qru.qubit) {
  // expected-error @below {{'qru.permute' op expects a table of 4 entries for 2 qubit(s), but got 2}}
  %c, %d = qru.permute [1, 0] %a, %b
  return
}

// -----

func.func @permute_range(%a: !qru.qubit) {
  // expected-error @below {{'qru.permute' op expects entries in [0, 2), but entry 1 is 2}}
  %b = qru.permute [0, 2] %a
  return
}

// -----

func.func @permute_repeat(%a: !qru.qubit, %b: !qru.qubit) {
  // expected-error @below {{'qru.permute' op expects a permutation, but 1 appears more than once}}
  %c, %d = qru.permute [0, 1, 1, 3] %a, %b
  return
}

// -----

func.func @permute_none() {
  // expected-error @below {{'qru.permute' op expects 1 to 16 qubits, but got 0}}
  qru.permute []
  return
}
