// RUN: qruc-opt %s -split-input-file -verify-diagnostics

// One case per diagnostic of the qru dialect: the verifiers in
// dialect/lib/IR, the GateArity trait, and the ODS constraints a .qru front
// end can violate.

//===----------------------------------------------------------------------===//
// The model
//===----------------------------------------------------------------------===//

qru.model @two_steps {
  qru.step() {
  }
  // expected-error @below {{'qru.step' op a model has at most one step body}}
  qru.step() {
  }
}

// -----

qru.model @two_experiments {
  qru.experiment {epochs = 1 : i64}
  // expected-error @below {{'qru.experiment' op a model has at most one experiment}}
  qru.experiment {epochs = 2 : i64}
}

// -----

qru.model @duplicate {
  // expected-note @below {{see existing symbol definition here}}
  qru.qubits @q[1]
  // expected-error @below {{redefinition of symbol named 'q'}}
  qru.bits @q[1]
}

// -----

// expected-error @below {{'qru.qubits' op expects parent op 'qru.model'}}
qru.qubits @q[1]

// -----

func.func @step_outside_model() {
  // expected-error @below {{'qru.step' op expects parent op 'qru.model'}}
  qru.step() {
  }
  return
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

// -----

qru.model @m {
  // expected-error @below {{'qru.qubits' op attribute 'size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  qru.qubits @q[0]
}

// -----

qru.model @m {
  // expected-error @below {{'qru.bits' op attribute 'size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  qru.bits @c[-1]
}

// -----

qru.model @m {
  // expected-error @below {{'qru.input' op expects f64 or a statically shaped tensor of f64, but got 'f32'}}
  qru.input @x : f32
}

// -----

qru.model @m {
  // expected-error @below {{'qru.input' op expects f64 or a statically shaped tensor of f64, but got 'tensor<?xf64>'}}
  qru.input @x : tensor<?xf64>
}

// -----

qru.model @m {
  // expected-error @below {{'qru.output' op expects f64 or a statically shaped tensor of f64, but got 'tensor<2xf32>'}}
  qru.output @y : tensor<2xf32> at last
}

// -----

qru.model @m {
  // expected-error @below {{'qru.target' op expects f64 or a statically shaped tensor of f64, but got 'i64'}}
  qru.target @t : i64 at every
}

// -----

qru.model @m {
  // expected-error @below {{expected string or keyword containing one of the following enum values for attribute 'timing' [last, every]}}
  qru.output @y : f64 at first
}

// -----

qru.model @m {
  // expected-error @below {{'qru.memory' op expects f64 or a statically shaped tensor of f64, but got 'f32'}}
  qru.memory @m = 0.0 : f32
}

// -----

qru.model @m {
  // expected-error @below {{'qru.memory' op expects f64 or a statically shaped tensor of f64, but got 'tensor<2xi64>'}}
  qru.memory @m = dense<0> : tensor<2xi64>
}

// -----

qru.model @m {
  // expected-error @below {{'qru.memory' op expects a dense f64 initial value for a tensor memory}}
  qru.memory @m = sparse<[[0]], [1.0]> : tensor<2xf64>
}

// -----

qru.model @m {
  // expected-error @below {{'qru.param' op expects f64 or a statically shaped tensor of f64, but got 'tensor<?x2xf64>'}}
  qru.param @p : tensor<?x2xf64> uniform [0.0, 1.0]
}

// -----

qru.model @m {
  // expected-error @below {{'qru.param' op expects 1 argument(s) for a constant initializer, but got 2}}
  qru.param @p : f64 constant [0.0, 1.0]
}

// -----

qru.model @m {
  // expected-error @below {{'qru.param' op expects 2 argument(s) for a uniform initializer, but got 1}}
  qru.param @p : f64 uniform [1.0]
}

// -----

qru.model @m {
  // expected-error @below {{'qru.param' op expects 2 argument(s) for a normal initializer, but got 0}}
  qru.param @p : f64 normal []
}

// -----

qru.model @m {
  // expected-error @below {{'qru.param' op expects low <= high for a uniform initializer, but got [1.000000e+00, 0.000000e+00]}}
  qru.param @p : f64 uniform [1.0, 0.0]
}

// -----

qru.model @m {
  // expected-error @below {{'qru.param' op expects a non-negative standard deviation, but got -1.000000e-01}}
  qru.param @p : tensor<3xf64> normal [0.0, -0.1]
}

// -----

qru.model @m {
  // expected-error @below {{expected string or keyword containing one of the following enum values for attribute 'init' [constant, uniform, normal]}}
  qru.param @p : f64 gaussian [0.0, 1.0]
}

//===----------------------------------------------------------------------===//
// The step signature
//===----------------------------------------------------------------------===//

// -----

qru.model @m {
  qru.input @x : f64
  qru.param @w : f64 constant [1.0]
  // expected-error @below {{'qru.step' op expects 2 block argument(s) from the model's declarations, but got 1}}
  qru.step(%x: f64) {
  }
}

// -----

qru.model @m {
  qru.input @x : tensor<4xf64>
  qru.memory @m = 0.0 : f64
  // expected-error @below {{'qru.step' op expects block argument #0 to have type 'tensor<4xf64>', but got 'f64'}}
  qru.step(%m: f64, %x: tensor<4xf64>) {
  }
}

// -----

// A bit register is a tensor of i1 even when it holds one bit.
qru.model @m {
  qru.bits @c[1]
  // expected-error @below {{'qru.step' op expects block argument #0 to have type 'tensor<1xi1>', but got 'i1'}}
  qru.step(%c: i1) {
    qru.yield %c : i1
  }
}

// -----

qru.model @m {
  qru.qubits @q[2]
  qru.input @x : f64
  // expected-error @below {{'qru.step' op expects 3 block argument(s) from the model's declarations, but got 2}}
  qru.step persistent(%x: f64, %w: !qru.qubit) {
    qru.yield %w : !qru.qubit
  }
}

// -----

qru.model @m {
  qru.memory @m = 0.0 : f64
  qru.output @y : f64 at last
  qru.step(%m: f64) {
    // expected-error @below {{'qru.yield' op expects 2 value(s) (memory, bits, outputs), but got 1}}
    qru.yield %m : f64
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step persistent(%w: !qru.qubit) {
    // expected-error @below {{'qru.yield' op expects 1 value(s) (memory, bits, outputs, qubits), but got 0}}
    qru.yield
  }
}

// -----

qru.model @m {
  qru.memory @m = dense<0.0> : tensor<2xf64>
  qru.output @y : f64 at last
  qru.step(%m: tensor<2xf64>) {
    // expected-error @below {{'qru.yield' op expects value #1 to have type 'f64', but got 'tensor<2xf64>'}}
    qru.yield %m, %m : tensor<2xf64>, tensor<2xf64>
  }
}

// -----

func.func @yield_outside_step() {
  // expected-error @below {{'qru.yield' op expects parent op 'qru.step'}}
  qru.yield
}

//===----------------------------------------------------------------------===//
// Allocation
//===----------------------------------------------------------------------===//

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    // expected-error @below {{'qru.alloc' op expects 'r' to name a qru.qubits register}}
    %q = qru.alloc @r[0]
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.bits @c[1]
  qru.step(%c: tensor<1xi1>) {
    // expected-error @below {{'qru.alloc' op expects 'c' to name a qru.qubits register}}
    %q = qru.alloc @c[0]
    qru.yield %c : tensor<1xi1>
  }
}

// -----

qru.model @m {
  qru.qubits @q[2]
  qru.step() {
    // expected-error @below {{'qru.alloc' op expects an index below the register size 2, but got 2}}
    %q = qru.alloc @q[2]
  }
}

// -----

qru.model @m {
  qru.qubits @q[2]
  qru.step() {
    // expected-error @below {{'qru.alloc' op attribute 'index' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
    %q = qru.alloc @q[-1]
  }
}

// -----

func.func @alloc_outside_model() {
  // expected-error @below {{'qru.alloc' op expects to be nested in a qru.model}}
  %q = qru.alloc @q[0]
  return
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step persistent(%w: !qru.qubit) {
    // expected-error @below {{'qru.alloc' op is not allowed in a persistent step: its qubits are block arguments}}
    %q = qru.alloc @q[0]
    qru.yield %q : !qru.qubit
  }
}

// -----

// The check looks into nested regions too.
qru.model @m {
  qru.qubits @q[1]
  qru.step persistent(%w: !qru.qubit) {
    %t = arith.constant true
    %r = scf.if %t -> !qru.qubit {
      // expected-error @below {{'qru.alloc' op is not allowed in a persistent step: its qubits are block arguments}}
      %q = qru.alloc @q[0]
      scf.yield %q : !qru.qubit
    } else {
      scf.yield %w : !qru.qubit
    }
    qru.yield %r : !qru.qubit
  }
}

//===----------------------------------------------------------------------===//
// Qubit values are used at most once
//===----------------------------------------------------------------------===//

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %q0 = qru.alloc @q[0]
    // expected-error @below {{'qru.cx' op uses the same qubit value more than once}}
    %a, %b = qru.cx %q0, %q0
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %q0 = qru.alloc @q[0]
    // expected-note @below {{first use here}}
    %q1 = qru.h %q0
    // expected-error @below {{'qru.x' op uses a qubit value that is already consumed}}
    %q2 = qru.x %q0
  }
}

// -----

// A readout consumes its qubits like a gate: read the qubit it returns.
qru.model @m {
  qru.qubits @q[1]
  qru.output @y : f64 at last
  qru.step() {
    %q0 = qru.alloc @q[0]
    // expected-note @below {{first use here}}
    %z, %q1 = qru.expval "Z" %q0
    // expected-error @below {{'qru.measure' op uses a qubit value that is already consumed}}
    %b, %q2 = qru.measure %q0
    qru.yield %z : f64
  }
}

// -----

// A persistent step's wires are consumed like any other qubit.
qru.model @m {
  qru.qubits @q[1]
  qru.step persistent(%w: !qru.qubit) {
    // expected-note @below {{first use here}}
    %q = qru.reset %w
    // expected-error @below {{'qru.yield' op uses a qubit value that is already consumed}}
    qru.yield %w : !qru.qubit
  }
}

// -----

// The two branches of an scf.if may each consume a qubit, but a use inside
// one branch and another after the scf.if are on the same path.
qru.model @m {
  qru.qubits @q[1]
  qru.bits @c[1]
  qru.step(%c: tensor<1xi1>) {
    %i = arith.constant 0 : index
    %bit = tensor.extract %c[%i] : tensor<1xi1>
    %q0 = qru.alloc @q[0]
    %q1 = scf.if %bit -> !qru.qubit {
      // expected-note @below {{first use here}}
      %x = qru.x %q0
      scf.yield %x : !qru.qubit
    } else {
      scf.yield %q0 : !qru.qubit
    }
    // expected-error @below {{'qru.h' op uses a qubit value that is already consumed}}
    %q2 = qru.h %q0
    qru.yield %c : tensor<1xi1>
  }
}

// -----

// A loop body that consumes a qubit from outside the loop would consume it
// once per iteration; the qubit has to go through iter_args.
qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %lb = arith.constant 0 : index
    %ub = arith.constant 2 : index
    %st = arith.constant 1 : index
    %q0 = qru.alloc @q[0]
    // expected-note @below {{loop here}}
    scf.for %i = %lb to %ub step %st {
      // expected-error @below {{'qru.x' op uses a qubit value defined outside the loop it is in; pass the qubit through the loop's iteration arguments}}
      %q1 = qru.x %q0
    }
  }
}

//===----------------------------------------------------------------------===//
// Gates
//===----------------------------------------------------------------------===//

// -----

qru.model @m {
  qru.qubits @q[2]
  qru.step() {
    %a = qru.alloc @q[0]
    %b = qru.alloc @q[1]
    // expected-error @below {{'qru.x' op expects 1 qubit operand(s), but got 2}}
    %c:2 = "qru.x"(%a, %b) <{operandSegmentSizes = array<i32: 0, 2>}> : (!qru.qubit, !qru.qubit) -> (!qru.qubit, !qru.qubit)
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %a = qru.alloc @q[0]
    // expected-error @below {{'qru.cx' op expects 2 qubit operand(s), but got 1}}
    %c = "qru.cx"(%a) <{operandSegmentSizes = array<i32: 0, 1>}> : (!qru.qubit) -> !qru.qubit
  }
}

// -----

qru.model @m {
  qru.qubits @q[3]
  qru.step() {
    %a = qru.alloc @q[0]
    %b = qru.alloc @q[1]
    // expected-error @below {{'qru.ccx' op expects 3 qubit operand(s), but got 2}}
    %c:2 = qru.ccx %a, %b
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %a = qru.alloc @q[0]
    // expected-error @below {{'qru.rx' op expects 1 angle operand(s), but got 0}}
    %c = "qru.rx"(%a) <{operandSegmentSizes = array<i32: 0, 1>}> : (!qru.qubit) -> !qru.qubit
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %t = arith.constant 0.5 : f64
    %a = qru.alloc @q[0]
    // expected-error @below {{'qru.h' op expects 0 angle operand(s), but got 1}}
    %c = qru.h(%t) %a
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %t = arith.constant 0.5 : f64
    %a = qru.alloc @q[0]
    // expected-error @below {{'qru.u3' op expects 3 angle operand(s), but got 2}}
    %c = qru.u3(%t, %t) %a
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %t = arith.constant 0.5 : f32
    %a = qru.alloc @q[0]
    // expected-error @below {{'qru.rz' op operand #0 must be variadic of 64-bit float, but got 'f32'}}
    %c = "qru.rz"(%t, %a) <{operandSegmentSizes = array<i32: 1, 1>}> : (f32, !qru.qubit) -> !qru.qubit
  }
}

//===----------------------------------------------------------------------===//
// Readouts
//===----------------------------------------------------------------------===//

// -----

qru.model @m {
  qru.step() {
    // expected-error @below {{'qru.expval' op expects a non-empty Pauli word}}
    %e = qru.expval ""
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %a = qru.alloc @q[0]
    // expected-error @below {{'qru.expval' op expects one Pauli letter per qubit, but got 2 letter(s) for 1 qubit(s)}}
    %e, %b = qru.expval "ZZ" %a
  }
}

// -----

qru.model @m {
  qru.qubits @q[2]
  qru.step() {
    %a = qru.alloc @q[0]
    %b = qru.alloc @q[1]
    // expected-error @below {{'qru.expval' op expects Pauli letters X, Y or Z, but got 'I'}}
    %e, %c, %d = qru.expval "ZI" %a, %b
  }
}

// -----

qru.model @m {
  qru.qubits @q[1]
  qru.step() {
    %a = qru.alloc @q[0]
    // expected-error @below {{'qru.expval' op expects Pauli letters X, Y or Z, but got 'z'}}
    %e, %b = qru.expval "z" %a
  }
}
