// RUN: qruc-opt %s -allow-unregistered-dialect -verify-diagnostics

// A scalar memory's initial value must be a float. Only an attribute of an
// unregistered dialect can carry type f64 without being one, so this case
// lives apart from invalid.mlir, which allows no unregistered dialect.

qru.model @m {
  // expected-error @below {{'qru.memory' op expects a float initial value for a scalar memory}}
  qru.memory @m = #foo<"zero"> : f64
}
