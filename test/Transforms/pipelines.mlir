// RUN: qruc-opt %s --qru-sim-pipeline | FileCheck %s --check-prefix=SIM
// RUN: qruc-opt %s --qru-ibm-pipeline | FileCheck %s --check-prefix=IBM
// RUN: qruc-opt %s --qru-sim-pipeline --print-ir-after-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: qruc-opt %s --qru-sim-pipeline --print-ir-after=qru-fuse-single-qubit -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER

// Both pipelines fold the constant angle 2π and drop rz(2π), cancel h·h
// and x·x, merge the two rx, and remove the gate on q4, which nothing reads.
// The simulator pipeline then fuses the single-qubit run on q3 into a
// qru.unitary whose entries depend on the parameter alone, so they are
// hoisted, and the CNOT ring into a qru.permute; the IBM pipeline keeps
// standard gates.

// SIM-LABEL: qru.model @demo
// SIM:         qru.step(%x: f64, %w: f64) {
// SIM:           %[[H:.+]] = arith.mulf %w, %{{.+}} {qru.parameter_only} : f64
// SIM:           math.cos %[[H]] {qru.parameter_only} : f64
// SIM-NOT:       qru.h
// SIM-NOT:       qru.rz
// SIM:           %[[S:.+]] = arith.addf %x, %x : f64
// SIM-NEXT:      %[[R:.+]] = qru.rx(%[[S]]) %q0
// SIM-NEXT:      %[[P:.+]]:3 = qru.permute [0, 5, 7, 2, 3, 6, 4, 1] %[[R]], %q1, %q2
// SIM-NEXT:      %[[U:.+]] = qru.unitary({{.+}}) %q3
// SIM-NEXT:      qru.expval "ZZZZ" %[[P]]#0, %[[P]]#1, %[[P]]#2, %[[U]]
// SIM-NOT:       qru.x

// IBM-LABEL: qru.model @demo
// IBM-NOT:       parameter_only
// IBM-NOT:       qru.h
// IBM:           %[[S:.+]] = arith.addf %x, %x : f64
// IBM-NEXT:      %[[R:.+]] = qru.rx(%[[S]]) %q0
// IBM-NEXT:      %[[C1:.+]]:2 = qru.cx %[[R]], %q1
// IBM-NEXT:      %[[C2:.+]]:2 = qru.cx %[[C1]]#1, %q2
// IBM-NEXT:      %[[C3:.+]]:2 = qru.cx %[[C2]]#1, %[[C1]]#0
// IBM-NEXT:      %[[Y:.+]] = qru.ry(%w) %q3
// IBM-NEXT:      %[[Z:.+]] = qru.rz(%w) %[[Y]]
// IBM-NEXT:      qru.expval "ZZZZ" %[[C3]]#1, %[[C2]]#0, %[[C3]]#0, %[[Z]]
// IBM-NOT:       qru.unitary
// IBM-NOT:       qru.permute

// ALL:       IR Dump After QRUFoldConstants (qru-fold-constants)
// ALL:       IR Dump After QRUDeadReadouts (qru-dead-readouts)
// ALL:       IR Dump After QRUCancelInverses (qru-cancel-inverses)
// ALL:       IR Dump After QRUMergeRotations (qru-merge-rotations)
// ALL:       IR Dump After QRUFuseSingleQubit (qru-fuse-single-qubit)
// ALL:       IR Dump After QRUComposePermutations (qru-compose-permutations)
// ALL:       IR Dump After CSE (cse)
// ALL:       IR Dump After QRUHoistParameterOnly (qru-hoist-parameter-only)

// AFTER-NOT: IR Dump After QRUFoldConstants
// AFTER:     IR Dump After QRUFuseSingleQubit (qru-fuse-single-qubit)
// AFTER:     qru.unitary
// AFTER-NOT: IR Dump After

qru.model @demo {
  qru.qubits @q[5]
  qru.input @x : f64
  qru.param @w : f64 uniform [0.0, 1.0]
  qru.output @z : f64 at last
  qru.step(%x: f64, %w: f64) {
    %q0 = qru.alloc @q[0]
    %q1 = qru.alloc @q[1]
    %q2 = qru.alloc @q[2]
    %q3 = qru.alloc @q[3]
    %q4 = qru.alloc @q[4]
    %pi = arith.constant 3.1415926535897931 : f64
    %two = arith.constant 2.0 : f64
    %two_pi = arith.mulf %two, %pi : f64
    %a1 = qru.h %q0
    %a2 = qru.h %a1
    %a3 = qru.rx(%x) %a2
    %a4 = qru.rz(%two_pi) %a3
    %a5 = qru.rx(%x) %a4
    %a6 = qru.x %a5
    %a7 = qru.x %a6
    %a8, %b8 = qru.cx %a7, %q1
    %b9, %c9 = qru.cx %b8, %q2
    %c10, %a10 = qru.cx %c9, %a8
    %d1 = qru.ry(%w) %q3
    %d2 = qru.rz(%w) %d1
    %e1 = qru.h %q4
    %z, %a11, %b11, %c11, %d3 = qru.expval "ZZZZ" %a10, %b9, %c10, %d2
    qru.yield %z : f64
  }
}
