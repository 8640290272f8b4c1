//===- Passes.td - qru dialect passes ----------------------*- tablegen -*-===//
//
// This file declares the optimization passes on the qru dialect. Every pass
// runs on one qru.model and rewrites its step; the per-target pipelines that
// chain them live in compiler/lib/Pipeline.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_PASSES_TD
#define QRUC_DIALECT_QRU_PASSES_TD

include "mlir/Pass/PassBase.td"

def QRUCancelInverses : Pass<"qru-cancel-inverses", "::qruc::qru::ModelOp"> {
  let summary = "removes pairs of gates that undo each other";
  let description = [{
    Removes a gate together with the gate before it on the same wires when
    the two multiply to the identity: H·H, X·X, Y·Y, Z·Z, CX·CX, CY·CY, CZ·CZ,
    CH·CH, SWAP·SWAP, ECR·ECR, CCX·CCX, CSWAP·CSWAP, S·S†, S†·S, T·T†, T†·T, and
    a rotation (`rx`, `ry`, `rz`, `p`, `crx`, `cry`, `crz`, `cp`, `rxx`,
    `ryy`, `rzz`) followed by the same rotation by the opposite angle, when
    one angle is the `arith.negf` of the other or both are constants that
    sum to zero.

    The second gate must act on the same wires in the same roles: `cx a, b`
    then `cx b, a` is not a pair, while `cz a, b` then `cz b, a` is, because
    the two qubits of `cz` play the same role (likewise `swap`, `cp`, `rxx`,
    `ryy`, `rzz`, the controls of `ccx` and the targets of `cswap`).

    Gates between the two are allowed when the second gate commutes with
    them: on every wire they share, both act diagonally in the same Pauli
    basis (`rz` on the control of a `cx`, `x` on its target, a `cx` sharing
    only the control). Qubits are values, so "the gate before on the same
    wire" is the op that defines the operand; the search follows such
    definitions back through at most `lookback` commuting gates per wire,
    within one block.

    ```mlir
    %a1, %b1 = qru.cx %a0, %b0
    %a2 = qru.rz(%t) %a1
    %a3, %b2 = qru.cx %a2, %b1
    // becomes
    %a3 = qru.rz(%t) %a0
    ```
  }];
  let options = [
    Option<"lookback", "lookback", "unsigned", /*default=*/"32",
           "the most commuting gates the search passes on one wire">
  ];
}

def QRUMergeRotations : Pass<"qru-merge-rotations", "::qruc::qru::ModelOp"> {
  let summary = "adds the angles of consecutive rotations about one axis";
  let description = [{
    Replaces a rotation followed by the same rotation on the same wires
    (`rx`, `ry`, `rz`, `p`, and `crx`, `cry`, `crz`, `cp`, `rxx`, `ryy`,
    `rzz` in the same roles) with one rotation by the sum of the angles,
    computed by `arith.addf`. Commuting gates between the two are passed as
    in `qru-cancel-inverses`.

    Then drops every rotation whose angle is a constant equal to 0 modulo its
    period, to within 1e-12 rad:

    - `p` and `cp` are periodic in 2π exactly;
    - `rx`, `ry`, `rz`, `rxx`, `ryy` and `rzz` are periodic in 4π as
      matrices, but R(2π) = −I: a global phase, which no readout,
      measurement or condition can observe, so they are dropped at
      multiples of 2π;
    - `crx`, `cry` and `crz` are dropped only at multiples of 4π, since
      CR(2π) = Z ⊗ I on the control: the phase is no longer global.

    ```mlir
    %q1 = qru.rx(%a) %q0
    %q2 = qru.rx(%b) %q1
    // becomes
    %s = arith.addf %a, %b : f64
    %q2 = qru.rx(%s) %q0
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let options = [
    Option<"lookback", "lookback", "unsigned", /*default=*/"32",
           "the most commuting gates the search passes on one wire">
  ];
}

def QRUFoldConstants : Pass<"qru-fold-constants", "::qruc::qru::ModelOp"> {
  let summary = "folds constant angle expressions";
  let description = [{
    Folds the classical computation of the step as far as constants allow:
    the canonicalization patterns and folders of `arith`, `math` (`sin`,
    `asin`, `exp`, `powf`, …) and `tensor`, plus what they leave out:

    - `linalg.map` over constant tensors, with a body of foldable ops, folds
      to a constant tensor;
    - `tensor.extract` at constant indices looks through `tensor.concat`,
      `tensor.extract_slice` with static offsets and strides, and
      `tensor.insert` at another constant index;
    - `arith.addf %x, 0.0` folds to `%x` when every use is a gate angle (the
      sign of a zero angle makes no difference to a gate).

    ```mlir
    %pi = arith.constant 3.1415926535897931 : f64
    %c4 = arith.constant 4.0 : f64
    %a = arith.divf %pi, %c4 : f64
    %s = math.sin %a : f64
    // becomes
    %s = arith.constant 0.70710678118654746 : f64
    ```
  }];
}

def QRUFuseSingleQubit : Pass<"qru-fuse-single-qubit", "::qruc::qru::ModelOp"> {
  let summary = "fuses runs of single-qubit gates into qru.unitary";
  let description = [{
    Replaces every run of at least `min-run` single-qubit gates on one wire
    (consecutive in its SSA chain and in one block) with one `qru.unitary`
    holding the product of their matrices. The eight real entries are
    computed from the angles by `arith` and `math` ops, so the fused gate
    stays differentiable; entries that depend on parameters only are then
    hoisted by `qru-hoist-parameter-only` and computed once per optimizer
    step. Products of constants are computed at compile time.

    For the simulator only: OpenQASM has no matrix gate.

    ```mlir
    %q1 = qru.h %q0
    %q2 = qru.rz(%t) %q1
    // becomes
    %q2 = qru.unitary(...) %q0  // RZ(t) · H
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
  let options = [
    Option<"minRun", "min-run", "unsigned", /*default=*/"2",
           "the shortest run of gates worth fusing">
  ];
}

def QRUComposePermutations
    : Pass<"qru-compose-permutations", "::qruc::qru::ModelOp"> {
  let summary = "composes networks of CNOT, SWAP and X into qru.permute";
  let description = [{
    Collects the permutation gates of a block (`x`, `cx`, `swap`, `ccx`,
    `cswap`) into maximal groups in which each gate takes its qubits from
    the group or from outside it, and no op outside the group consumes a
    qubit between two of its gates; a group of at least `min-gates` gates on
    at most `max-qubits` wires becomes one `qru.permute` whose table is the
    product of the gates' basis permutations.

    A simulator applies a permutation of 2^k basis states in one pass over
    the state vector, where the gates would take one pass each: the ring of
    CNOTs of a QRU layer over eight wires becomes a single pass. A group
    smaller than `min-gates` is not worth a table.

    ```mlir
    %a1, %b1 = qru.cx %a0, %b0
    %b2, %c1 = qru.cx %b1, %c0
    %c2, %a2 = qru.cx %c1, %a1
    // becomes
    %a2, %b2, %c2 = qru.permute [0, 5, 7, 2, 3, 6, 4, 1] %a0, %b0, %c0
    ```
  }];
  let options = [
    Option<"minGates", "min-gates", "unsigned", /*default=*/"3",
           "the fewest gates worth composing">,
    Option<"maxQubits", "max-qubits", "unsigned", /*default=*/"10",
           "the most wires one permutation may act on">
  ];
}

def QRUHoistParameterOnly
    : Pass<"qru-hoist-parameter-only", "::qruc::qru::ModelOp"> {
  let summary = "moves parameter-only computation to the start of the step";
  let description = [{
    Moves every side-effect-free classical op of the step whose operands
    depend on parameters and constants only (not on inputs, memory, bits or
    measurement outcomes) to the start of the step, in its original order,
    and marks it with the unit attribute `qru.parameter_only`. Ops are also
    taken out of `scf.if` branches when they are speculatable.

    The step's parameter-only prefix is the part of the step that runs once
    per optimizer step rather than once per sample and time step: the
    matrices of the fused variational layers, for instance. The step keeps
    its signature, so the prefix needs no new op; a backend computes the
    marked ops once per parameter update (the simulator's program lowering
    keeps them in shared slots) and the per-sample code after them.

    ```mlir
    %y = arith.mulf %x, %x : f64          // depends on the input x
    %w2 = arith.mulf %w, %w : f64         // parameters only
    // becomes
    %w2 = arith.mulf %w, %w {qru.parameter_only} : f64
    %y = arith.mulf %x, %x : f64
    ```
  }];
}

def QRUDeadReadouts : Pass<"qru-dead-readouts", "::qruc::qru::ModelOp"> {
  let summary = "removes unused readouts and gates no readout can observe";
  let description = [{
    Removes every `qru.expval` whose value is unused, then every quantum op
    outside the backward light cone of what the step observes: the used
    readouts and measurement outcomes, the qubits a persistent step yields,
    and anything an unknown op does with a qubit. A gate, reset or
    measurement with an unused outcome stays when any qubit it produces
    reaches an observation, and then all its input qubits are observed too.
    Removing ops whose outputs no observation depends on leaves the
    statistics of every observation unchanged.

    A QRU's ancillas are never read, but they stay: the controlled swaps
    that move amplitude into them also produce the hidden qubits, which are
    read, so the swaps (and with them the ancillas) are in the light cone.
    Qubit allocations left without uses are removed as well.

    ```mlir
    %z, %q1 = qru.expval "Z" %q0      // %z unused: removed
    %a1 = qru.h %a0                   // %a1 never observed: removed
    ```
  }];
}

def QRUDecomposeMultiQubit
    : Pass<"qru-decompose-multi-qubit", "::qruc::qru::ModelOp"> {
  let summary = "decomposes three-qubit gates into one- and two-qubit gates";
  let description = [{
    Rewrites every `qru.ccx` into the textbook Toffoli circuit of six `cx`,
    two `h`, four `t` and three `tdg` (Nielsen & Chuang, fig. 4.9), and every
    `qru.cswap c, a, b` into `cx b, a`, `ccx c, a, b`, `cx b, a`, whose
    Toffoli is decomposed in turn. Gates inside `scf.if` branches are
    rewritten too; the result is exact, global phase included.

    Routing needs it first: a coupling map has no triangles, so a gate on
    three qubits can never have all its qubits adjacent.

    ```mlir
    %a1, %b1, %c1 = qru.cswap %a0, %b0, %c0
    // becomes
    %c2, %b2 = qru.cx %c0, %b0
    %a1, %b1, %c1 = ...  // ccx %a0, %b2, %c2 as 15 gates
    %c3, %b3 = qru.cx %c1, %b1
    ```
  }];
}

def QRUTranslateBasis : Pass<"qru-translate-basis", "::qruc::qru::ModelOp"> {
  let summary = "rewrites every gate into an IBM native gate set";
  let description = [{
    Rewrites every gate of the step, in `scf.if` branches too, into the
    native gates of an IBM processor family:

    - `basis=heron` (ibm_fez, ibm_marrakesh, …): `cz`, `rz`, `sx`, `x`;
    - `basis=eagle`: `ecr`, `rz`, `sx`, `x`.

    Three-qubit gates are decomposed first as by
    `qru-decompose-multi-qubit`. Diagonal one-qubit gates (`z`, `s`, `sdg`,
    `t`, `tdg`, `p`) become one `rz`, `h` becomes `rz(π/2) sx rz(π/2)`,
    `x`, `sx` and `rz` stay, and any other one-qubit gate becomes
    `rz sx rz sx rz` (`ry` and `y` need only `sx` and `x` with `rz`).
    Two-qubit gates become CNOTs and one-qubit gates (`cz` stays on Heron);
    a CNOT is `h cz h` on the target for Heron, and `rz(π/2) x` on the
    control and `sx` on the target before one `ecr` for Eagle. Rotations
    about Z that meet on a wire within one decomposition are merged, and a
    constant `rz` by a multiple of 2π is dropped.

    New angles are built from the old ones with `arith.addf`, `arith.mulf`
    and `arith.negf` and constants only, never `math` functions, so that an
    OpenQASM exporter can write them as expressions with `+ - * /`.

    The translation is exact up to a global phase, which is dropped: a
    phase of the whole step is unobservable, and a phase on the gates of
    one `scf.if` branch multiplies the state of one classical outcome of
    the condition only, where it is unobservable as well because the
    branches are never superposed.

    `qru.unitary` and `qru.permute` are simulator-only fused gates with no
    angle expression in these gates: the pass rejects them, since the IBM
    pipeline does not fuse.

    ```mlir
    %q1 = qru.h %q0
    // becomes (constants elided)
    %q2 = qru.rz(%pi_2) %q0
    %q3 = qru.sx %q2
    %q1 = qru.rz(%pi_2) %q3
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let options = [
    Option<"basis", "basis", "std::string", /*default=*/"\"heron\"",
           "the native gate set: heron (cz rz sx x) or eagle (ecr rz sx x)">
  ];
}

def QRURoute : Pass<"qru-route", "::qruc::qru::ModelOp"> {
  let summary = "places wires on a coupling map and inserts SWAPs";
  let description = [{
    Maps the logical wires of the model (the qubits of all registers, in
    declaration order) to physical qubits of the device described by
    `coupling-map`, a JSON file holding a list of edges between physical
    qubits numbered from 0, such as `[[0, 1], [1, 2], [1, 3]]`. Edges are
    undirected: `[0, 1]` lets a two-qubit gate act on 0 and 1 in either
    order. The device has as many qubits as the largest number plus one.

    The initial layout is recorded on the model as
    `qru.layout = array<i64: p0, p1, …>`, entry w being the physical qubit
    of wire w (`getLayout` in `qruc/Dialect/QRU/Layout.h`). It is a
    connected set of qubits grown by breadth-first search from each
    physical qubit in turn, with the wires placed greedily next to the
    wires they share gates with; the set whose placement leaves the fewest
    gates on uncoupled qubits, weighted by distance, wins.

    Then `qru.swap` gates are inserted before every two-qubit gate whose
    qubits are not coupled, moving its first qubit along a shortest path.
    A SWAP exchanges the states of two physical qubits: after
    `%a2, %b2 = qru.swap %a1, %b1`, `%a2` is on the qubit of `%a1` and
    holds the state of `%b1`, and later gates on `%b1`'s wire use `%a2`.
    Every quantum op keeps result k on the physical qubit of qubit operand
    k, and an `scf.if` result on that of the values its branches yield, so
    the physical qubit of any qubit value is found by following its SSA
    chain back to a `qru.alloc` or a qubit argument of the step, of wire w,
    on physical qubit `qru.layout[w]`. Readouts, measurements and resets
    need no coupling.

    A branch of an `scf.if` ends in the layout it started from (the
    `scf.if` then also returns the wires only SWAPs touched), and a
    persistent step ends in the initial layout, so that the next step finds
    its wires where the first one did; a fresh step may end in any layout.
    A fresh step allocates all its wires at its start.

    Gates on three or more qubits must be decomposed first
    (`qru-decompose-multi-qubit`). A missing or malformed map, a map with
    fewer qubits than the model has wires, or none with enough connected
    qubits, is an error at the model.

    ```mlir
    // coupling map [[0, 1], [1, 2]], layout [0, 1, 2]
    %a1, %c1 = qru.cx %a0, %c0
    // becomes
    %b1, %a1 = qru.swap %a0, %b0       // a now on qubit 1, b on 0
    %a2, %c1 = qru.cx %a1, %c0
    ```
  }];
  let options = [
    Option<"couplingMap", "coupling-map", "std::string", /*default=*/"",
           "the JSON file with the device's edge list, e.g. [[0,1],[1,2]]">
  ];
}

#endif // QRUC_DIALECT_QRU_PASSES_TD
