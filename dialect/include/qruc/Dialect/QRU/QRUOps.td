//===- QRUOps.td - qru dialect operations ------------------*- tablegen -*-===//
//
// This file declares the operations of the qru dialect: the model and its
// declarations, the step body and its terminator, qubit allocation, every gate
// of the .qru language, and the readouts.
//
//===----------------------------------------------------------------------===//

#ifndef QRUC_DIALECT_QRU_QRUOPS_TD
#define QRUC_DIALECT_QRU_QRUOPS_TD

include "qruc/Dialect/QRU/QRUDialect.td"
include "qruc/Dialect/QRU/QRUEnums.td"
include "qruc/Dialect/QRU/QRUInterfaces.td"
include "qruc/Dialect/QRU/QRUTypes.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

//===----------------------------------------------------------------------===//
// The model and its declarations
//===----------------------------------------------------------------------===//

def QRU_ModelOp : QRU_Op<"model", [
    IsolatedFromAbove, NoTerminator, SingleBlock, NoRegionArguments,
    Symbol, SymbolTable]> {
  let summary = "a quantum recurrent model";
  let description = [{
    Holds everything one `.qru` file declares: qubit and bit registers,
    inputs, memory, parameters, outputs, targets, the step body and the
    experiment settings. The step body runs once per element of the input
    sequence; parameters are shared by all steps.

    ```mlir
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
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// The step body, or null when the model declares none yet.
    StepOp getStep();

    /// The number of qubits over all registers: the circuit's wire count.
    int64_t getNumWires();

    /// The types a step body takes and yields, derived from the declarations
    /// in order (see qru.step). `argumentNames`, when given, receives the
    /// declared name of each argument ("" for qubits).
    void getStepSignature(bool persistent,
                          ::llvm::SmallVectorImpl<::mlir::Type> &arguments,
                          ::llvm::SmallVectorImpl<::mlir::Type> &results,
                          ::llvm::SmallVectorImpl<::llvm::StringRef>
                              *argumentNames = nullptr);
  }];
}

class QRU_DeclOp<string mnemonic, list<Trait> traits = []>
    : QRU_Op<mnemonic, !listconcat(traits, [HasParent<"ModelOp">, Symbol])>;

def QRU_QubitsOp : QRU_DeclOp<"qubits"> {
  let summary = "declares a qubit register";
  let description = [{
    Declares a register of `size` qubits. Wires are numbered in declaration
    order: the first register's qubits come first.

    ```mlir
    qru.qubits @hidden[4]
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       ConfinedAttr<I64Attr, [IntPositive]>:$size);
  let assemblyFormat = "$sym_name `[` $size `]` attr-dict";
}

def QRU_BitsOp : QRU_DeclOp<"bits"> {
  let summary = "declares a classical bit register carried between steps";
  let description = [{
    Declares `size` classical bits written by `qru.measure` results. Their
    values are carried from one step to the next (they start at 0), so a step
    can condition gates on bits measured in the previous step.

    ```mlir
    qru.bits @c[4]
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       ConfinedAttr<I64Attr, [IntPositive]>:$size);
  let assemblyFormat = "$sym_name `[` $size `]` attr-dict";
}

def QRU_InputOp : QRU_DeclOp<"input"> {
  let summary = "declares the input read at every step";
  let description = [{
    One element of the input sequence, a scalar (`f64`) or a vector
    (`tensor<Nxf64>`).

    ```mlir
    qru.input @x : tensor<8xf64>
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TypeAttr:$type);
  let assemblyFormat = "$sym_name `:` $type attr-dict";
  let hasVerifier = 1;
}

def QRU_MemoryOp : QRU_DeclOp<"memory"> {
  let summary = "declares classical memory carried between steps";
  let description = [{
    Real values that a step writes and the next step reads: the QRU's
    fed-forward readouts. `init` is the value before the first step.

    ```mlir
    qru.memory @m = dense<0.0> : tensor<8xf64>
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TypedAttrInterface:$init);
  let assemblyFormat = "$sym_name `=` $init attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Type getType() { return getInit().getType(); }
  }];
}

def QRU_ParamOp : QRU_DeclOp<"param"> {
  let summary = "declares a trainable parameter";
  let description = [{
    A trainable scalar (`f64`), vector or matrix (`tensor<…xf64>`), shared by
    every step. `init` names the distribution of the initial values and
    `init_args` its arguments: `constant [v]`, `uniform [low, high]` or
    `normal [mean, stddev]`.

    ```mlir
    qru.param @p : tensor<34xf64> uniform [0.0, 6.2831853071795862]
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TypeAttr:$type,
                       QRU_InitKind:$init, DenseF64ArrayAttr:$init_args);
  // The custom directive prints the arguments exactly: the builtin printer of
  // dense f64 arrays keeps only six significant digits.
  let assemblyFormat =
      "$sym_name `:` $type $init custom<InitArgs>($init_args) attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The number of trainable scalars this parameter holds.
    int64_t getNumElements();
  }];
}

def QRU_OutputOp : QRU_DeclOp<"output"> {
  let summary = "declares a model output";
  let description = [{
    A value the step writes, read after the last step (`at last`) or after
    every step (`at every`).

    ```mlir
    qru.output @logits : tensor<2xf64> at last
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TypeAttr:$type,
                       QRU_Timing:$timing);
  let assemblyFormat = "$sym_name `:` $type `at` $timing attr-dict";
  let hasVerifier = 1;
}

def QRU_TargetOp : QRU_DeclOp<"target"> {
  let summary = "declares the training target of an output";
  let description = [{
    The label the loss compares an output with: one per sequence (`at last`)
    or one per step (`at every`).

    ```mlir
    qru.target @label : f64 at last
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TypeAttr:$type,
                       QRU_Timing:$timing);
  let assemblyFormat = "$sym_name `:` $type `at` $timing attr-dict";
  let hasVerifier = 1;
}

def QRU_ExperimentOp : QRU_Op<"experiment", [HasParent<"ModelOp">]> {
  let summary = "the experiment settings of a model";
  let description = [{
    Data set, preprocessing, split, loss, optimizer and training settings, as
    a dictionary checked by the front end.

    ```mlir
    qru.experiment {batch = 20 : i64, epochs = 100 : i64,
                    optimizer = {kind = "adam", lr = 1.000000e-02 : f64}}
    ```
  }];
  let arguments = (ins DictionaryAttr:$settings);
  let assemblyFormat = "$settings attr-dict";
}

//===----------------------------------------------------------------------===//
// The step body
//===----------------------------------------------------------------------===//

def QRU_StepOp : QRU_Op<"step", [
    HasParent<"ModelOp">, IsolatedFromAbove, SingleBlockImplicitTerminator<"YieldOp">,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmBlockArgumentNames"]>]> {
  let summary = "the body of one time step";
  let description = [{
    The entry block's arguments are, in declaration order: every input, every
    memory, every bit register (as `tensor<Nxi1>`), every parameter and,
    when `persistent` is set, one `!qru.qubit` per wire holding the state left
    by the previous step. The body ends in `qru.yield` with the new memory
    values, the new bit values, the outputs and, when persistent, the qubits.

    Without `persistent`, every qubit starts in |0⟩ at every step and the body
    allocates it with `qru.alloc`.

    ```mlir
    qru.step(%x: f64, %m: f64, %w: f64) {
      %q0 = qru.alloc @q[0]
      %q1 = qru.rx(%x) %q0
      %z, %q2 = qru.expval "Z" %q1
      qru.yield %z, %z : f64, f64
    }
    ```
  }];
  let arguments = (ins UnitAttr:$persistent);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasRegionVerifier = 1;
}

def QRU_YieldOp : QRU_Op<"yield", [
    HasParent<"StepOp">, Pure, Terminator, ReturnLike]> {
  let summary = "ends a step and hands on the values that outlive it";
  let description = [{
    Operands, in order: the new value of every memory, of every bit register,
    every output and, for a persistent step, every qubit in wire order.

    ```mlir
    qru.yield %m1, %logit : tensor<8xf64>, f64
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let builders = [OpBuilder<(ins), [{ /* no values */ }]>];
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

//===----------------------------------------------------------------------===//
// Qubits and readouts
//===----------------------------------------------------------------------===//

def QRU_AllocOp : QRU_Op<"alloc", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "a fresh qubit in |0⟩";
  let description = [{
    The qubit `index` of register `reg`, in state |0⟩ at the start of a
    step.

    ```mlir
    %q = qru.alloc @hidden[2]
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$reg,
                       ConfinedAttr<I64Attr, [IntNonNegative]>:$index);
  let results = (outs QRU_QubitType:$result);
  let assemblyFormat = "$reg `[` $index `]` attr-dict";
}

def QRU_ExpvalOp : QRU_Op<"expval", [
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "expectation value of a Pauli word";
  let description = [{
    ⟨ψ|P|ψ⟩ for the Pauli word `pauli` (one of `X`, `Y`, `Z` per qubit, in
    operand order) on the current state, without disturbing it: the qubits are
    returned unchanged, which orders the readout among the gates.

    ```mlir
    %zx, %a1, %b1 = qru.expval "ZX" %a0, %b0
    ```
  }];
  let arguments = (ins StrAttr:$pauli, Variadic<QRU_QubitType>:$qubits);
  let results = (outs F64:$value, Variadic<QRU_QubitType>:$out_qubits);
  let assemblyFormat = "$pauli $qubits attr-dict";
  let hasVerifier = 1;
}

def QRU_MeasureOp : QRU_Op<"measure"> {
  let summary = "projective measurement in the computational basis";
  let description = [{
    Measures one qubit, collapsing the state; returns the outcome bit and the
    collapsed qubit.

    ```mlir
    %bit, %q1 = qru.measure %q0
    ```
  }];
  let arguments = (ins QRU_QubitType:$qubit);
  let results = (outs I1:$bit, QRU_QubitType:$out_qubit);
  let assemblyFormat = "$qubit attr-dict";
}

def QRU_ResetOp : QRU_Op<"reset"> {
  let summary = "resets a qubit to |0⟩";
  let description = [{
    Measures the qubit and flips it to |0⟩ when the outcome is 1.

    ```mlir
    %q1 = qru.reset %q0
    ```
  }];
  let arguments = (ins QRU_QubitType:$qubit);
  let results = (outs QRU_QubitType:$out_qubit);
  let assemblyFormat = "$qubit attr-dict";
}

//===----------------------------------------------------------------------===//
// Gates
//===----------------------------------------------------------------------===//

/// A gate on `numQubits` qubits with `numParams` real angles. The angles come
/// first, in parentheses; results are the new qubit values in operand order.
/// `gateSummary` and `action` document the gate; the rest of the description,
/// an example included, is derived from the counts. A gate whose angles are
/// not conventionally named θ, φ, λ sets `angles` to the names its example
/// uses.
class QRU_GateOp<string mnemonic, int numQubits, int numParams,
                 string gateSummary, string action, list<Trait> traits = []>
    : QRU_Op<mnemonic, !listconcat(traits, [
        Pure, AttrSizedOperandSegments,
        DeclareOpInterfaceMethods<InferTypeOpInterface>,
        DeclareOpInterfaceMethods<QRU_GateOpInterface>,
        ParamNativeOpTrait<"GateArity", numQubits # ", " # numParams>])> {
  let summary = gateSummary;

  /// The SSA names of the angles in the description's example.
  string angles = !cond(!eq(numParams, 0): "",
                        !eq(numParams, 1): "%theta",
                        !eq(numParams, 2): "%phi, %lambda",
                        true: "%theta, %phi, %lambda");

  let description = action # "\n\n"
    # "Consumes " # numQubits # !if(!eq(numQubits, 1), " qubit", " qubits")
    # !if(!eq(numParams, 0), "",
          " and " # numParams # !if(!eq(numParams, 1), " angle", " angles")
          # " (`f64`, in radians)")
    # " and returns "
    # !if(!eq(numQubits, 1), "the new qubit value",
          "the " # numQubits # " new qubit values in operand order")
    # ".\n\n```mlir\n"
    # !cond(!eq(numQubits, 1): "%q1", !eq(numQubits, 2): "%a1, %b1",
            true: "%a1, %b1, %c1")
    # " = qru." # mnemonic # !if(!eq(numParams, 0), "", "(" # angles # ")")
    # !cond(!eq(numQubits, 1): " %q0", !eq(numQubits, 2): " %a0, %b0",
            true: " %a0, %b0, %c0")
    # "\n```\n";

  let arguments = (ins Variadic<F64>:$params, Variadic<QRU_QubitType>:$qubits);
  let results = (outs Variadic<QRU_QubitType>:$out_qubits);
  let assemblyFormat = "(`(` $params^ `)`)? $qubits attr-dict";
}

def QRU_XOp : QRU_GateOp<"x", 1, 0, "Pauli X gate",
  "Pauli X, the bit flip: `[[0, 1], [1, 0]]`.">;
def QRU_YOp : QRU_GateOp<"y", 1, 0, "Pauli Y gate",
  "Pauli Y: `[[0, -i], [i, 0]]`.">;
def QRU_ZOp : QRU_GateOp<"z", 1, 0, "Pauli Z gate",
  "Pauli Z, the phase flip: `diag(1, -1)`.">;
def QRU_HOp : QRU_GateOp<"h", 1, 0, "Hadamard gate",
  "Hadamard: `[[1, 1], [1, -1]] / √2`.">;
def QRU_SOp : QRU_GateOp<"s", 1, 0, "S gate",
  "S, the square root of Z: `diag(1, i)`.">;
def QRU_SdgOp : QRU_GateOp<"sdg", 1, 0, "S-dagger gate",
  "S†, the inverse of S: `diag(1, -i)`.">;
def QRU_TOp : QRU_GateOp<"t", 1, 0, "T gate",
  "T, the square root of S: `diag(1, e^(iπ/4))`.">;
def QRU_TdgOp : QRU_GateOp<"tdg", 1, 0, "T-dagger gate",
  "T†, the inverse of T: `diag(1, e^(-iπ/4))`.">;
def QRU_SXOp : QRU_GateOp<"sx", 1, 0, "square root of X gate",
  "√X: `[[1+i, 1-i], [1-i, 1+i]] / 2`.">;
def QRU_RXOp : QRU_GateOp<"rx", 1, 1, "rotation about the X axis",
  "`RX(θ) = exp(-iθX/2)`.">;
def QRU_RYOp : QRU_GateOp<"ry", 1, 1, "rotation about the Y axis",
  "`RY(θ) = exp(-iθY/2)`.">;
def QRU_RZOp : QRU_GateOp<"rz", 1, 1, "rotation about the Z axis",
  "`RZ(θ) = exp(-iθZ/2)`.">;
def QRU_POp : QRU_GateOp<"p", 1, 1, "phase gate",
  "`P(λ) = diag(1, e^(iλ))`, equal to RZ(λ) up to a global phase."> {
  let angles = "%lambda";
}
def QRU_U2Op : QRU_GateOp<"u2", 1, 2, "U2 gate",
  "`U2(φ, λ) = [[1, -e^(iλ)], [e^(iφ), e^(i(φ+λ))]] / √2`.">;
def QRU_U3Op : QRU_GateOp<"u3", 1, 3, "general single-qubit gate",
  "`U(θ, φ, λ) = [[cos(θ/2), -e^(iλ) sin(θ/2)], "
  "[e^(iφ) sin(θ/2), e^(i(φ+λ)) cos(θ/2)]]`, OpenQASM's `u`.">;
def QRU_RotOp : QRU_GateOp<"rot", 1, 3, "PennyLane's Rot gate",
  "`Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ)`: RZ(φ) acts first, as in PennyLane."> {
  let angles = "%phi, %theta, %omega";
}
def QRU_CXOp : QRU_GateOp<"cx", 2, 0, "controlled X (CNOT) gate",
  "Flips the second qubit (the target) when the first (the control) is 1.">;
def QRU_CYOp : QRU_GateOp<"cy", 2, 0, "controlled Y gate",
  "Applies Y to the second qubit when the first is 1.">;
def QRU_CZOp : QRU_GateOp<"cz", 2, 0, "controlled Z gate",
  "`diag(1, 1, 1, -1)`: flips the phase when both qubits are 1, so the two "
  "qubits play the same role.">;
def QRU_CHOp : QRU_GateOp<"ch", 2, 0, "controlled Hadamard gate",
  "Applies H to the second qubit when the first is 1.">;
def QRU_SwapOp : QRU_GateOp<"swap", 2, 0, "swap gate",
  "Exchanges the states of the two qubits.">;
def QRU_CRXOp : QRU_GateOp<"crx", 2, 1, "controlled X rotation",
  "Applies RX(θ) to the second qubit when the first is 1.">;
def QRU_CRYOp : QRU_GateOp<"cry", 2, 1, "controlled Y rotation",
  "Applies RY(θ) to the second qubit when the first is 1.">;
def QRU_CRZOp : QRU_GateOp<"crz", 2, 1, "controlled Z rotation",
  "Applies RZ(θ) to the second qubit when the first is 1.">;
def QRU_CPOp : QRU_GateOp<"cp", 2, 1, "controlled phase gate",
  "`diag(1, 1, 1, e^(iλ))`: shifts the phase when both qubits are 1, so the "
  "two qubits play the same role."> {
  let angles = "%lambda";
}
def QRU_RXXOp : QRU_GateOp<"rxx", 2, 1, "XX interaction",
  "`RXX(θ) = exp(-iθ X⊗X/2)`.">;
def QRU_RYYOp : QRU_GateOp<"ryy", 2, 1, "YY interaction",
  "`RYY(θ) = exp(-iθ Y⊗Y/2)`.">;
def QRU_RZZOp : QRU_GateOp<"rzz", 2, 1, "ZZ interaction",
  "`RZZ(θ) = exp(-iθ Z⊗Z/2)`.">;
def QRU_ECROp : QRU_GateOp<"ecr", 2, 0, "echoed cross-resonance gate",
  "IBM Eagle's native two-qubit gate, Qiskit's `ECRGate`: "
  "`ECR = (X⊗I − Y⊗X)/√2`, the first qubit most significant, that is "
  "`[[0, 0, 1, i], [0, 0, i, 1], [1, −i, 0, 0], [−i, 1, 0, 0]] / √2`. It "
  "equals RZX(π/4)·X·RZX(−π/4) in circuit order, X on the first qubit. "
  "Produced by `qru-translate-basis{basis=eagle}`; it is not in OpenQASM's "
  "`stdgates.inc`, and the simulator does not run it.">;
def QRU_CCXOp : QRU_GateOp<"ccx", 3, 0, "Toffoli gate",
  "Flips the third qubit when the first two are 1.">;
def QRU_CSwapOp : QRU_GateOp<"cswap", 3, 0, "Fredkin gate",
  "Exchanges the second and third qubits when the first is 1.">;

//===----------------------------------------------------------------------===//
// Fused gates, produced by the simulator pipeline
//===----------------------------------------------------------------------===//

def QRU_UnitaryOp : QRU_GateOp<"unitary", 1, 8,
    "a single-qubit gate given by its matrix", ""> {
  let angles = "%r00, %i00, %r01, %i01, %r10, %i10, %r11, %i11";
  let description = [{
    Applies the 2×2 unitary

    ```
    U = [[r00 + i·i00, r01 + i·i01],
         [r10 + i·i10, r11 + i·i11]]
    ```

    whose eight real entries are the operands, real and imaginary part of
    each entry in row-major order: |0⟩ becomes U[0][0]|0⟩ + U[1][0]|1⟩. The
    entries must form a unitary matrix; the verifier cannot check values.

    `qru-fuse-single-qubit` replaces a run of single-qubit gates on a wire
    with one `qru.unitary` whose entries are computed from the gates' angles
    by `arith` and `math` ops, so the matrix stays differentiable in the
    angles, and a matrix that depends on parameters only is computed once per
    optimizer step. OpenQASM has no such gate: the IBM pipeline never fuses.

    ```mlir
    %q1 = qru.unitary(%r00, %i00, %r01, %i01, %r10, %i10, %r11, %i11) %q0
    ```
  }];
}

def QRU_PermuteOp : QRU_Op<"permute", [
    Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>,
    DeclareOpInterfaceMethods<QRU_GateOpInterface, ["getAngles"]>]> {
  let summary = "a permutation of the computational basis";
  let description = [{
    Permutes the basis states of its N qubits. Number the basis states of
    the operands k = b₀·2^(N−1) + b₁·2^(N−2) + … + b_(N−1), where bᵢ is the
    value of operand i (the first operand is the most significant bit, as in
    the textbook matrices of the other gates); the op maps |k⟩ to
    |perm[k]⟩, that is, its matrix P has P[perm[k]][k] = 1. `perm` holds 2^N
    distinct indices; the results are the new qubit values in operand order.

    `qru-compose-permutations` replaces runs of `qru.x`, `qru.cx`,
    `qru.swap`, `qru.ccx` and `qru.cswap` gates (a ring of CNOTs, say) with
    one `qru.permute`. In the example, `perm` is the table of
    `qru.cx %a0, %b0`: |10⟩ ↔ |11⟩.

    ```mlir
    %a1, %b1 = qru.permute [0, 1, 3, 2] %a0, %b0
    ```
  }];
  let arguments = (ins DenseI64ArrayAttr:$perm,
                       Variadic<QRU_QubitType>:$qubits);
  let results = (outs Variadic<QRU_QubitType>:$out_qubits);
  let assemblyFormat = "$perm $qubits attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The most qubits a permutation may act on: its table has 2^N entries.
    static constexpr unsigned kMaxQubits = 16;
  }];
}

#endif // QRUC_DIALECT_QRU_QRUOPS_TD
