"""examples/qrnn/mnist_rows.qru in PennyLane: the 8-qubit hybrid QRNN.

The 8-qubit state persists from step to step. Each step reads <X_i>, <Y_i>,
<Z_i> of every qubit from the state left by the previous step (24 values,
non-destructively), feeds them with an embedding of the image row to an MLP
controller (dense, exact GELU, dense) whose 32 outputs are the step's
angles: RY and RZ on every qubit, a CNOT ring, RY and RZ, a CNOT ring. The
logits are a linear head on the readouts after the last step; the loss is
softmax cross-entropy.

PennyLane has no mid-circuit expectation value that leaves the state
intact, so the recurrence is written the two exact ways its devices allow:

* default.qubit + JAX: the circuit of all steps, cut at the step
  boundaries and glued by the exact state: each step's circuit starts with
  StatePrep(psi_{t-1}) and returns qml.state(); the controller's readouts
  are computed from that state vector (<P> = psi^dagger P psi). JAX
  backpropagates through the whole chain. Nothing collapses: this is
  one coherent 28-step circuit.
* lightning.qubit + adjoint: the adjoint method differentiates expectation
  values of a circuit that starts in |0...0> (it can neither return the
  state nor differentiate a StatePrep). The readouts at step t are
  therefore the expectation values of the prefix circuit of steps 1..t,
  run with the angles the controller computed for those steps; autograd
  chains the prefixes' gradients through the controller. That is exact too,
  but re-simulates the prefix: T(T+1)/2 step circuits for T steps.

Parameters, as declared: E[16,28] be[16] W1[64,40] b1[64] W2[32,64] b2[32]
Wo[2,24] bo[2].
"""
import pennylane as qml

NQ = 8


def step_gates(theta):
    """The step's ansatz; theta[k] is a scalar or a batch of angles."""
    for layer in range(2):
        for i in range(NQ):
            qml.RY(theta[2 * NQ * layer + i], i)
        for i in range(NQ):
            qml.RZ(theta[2 * NQ * layer + NQ + i], i)
        for i in range(NQ):
            qml.CNOT([i, (i + 1) % NQ])


def jax_value_and_grad(batch, unroll=1):
    """jit(value_and_grad) on default.qubit with JAX backpropagation (the
    state-glued formulation), the steps under lax.scan (`unroll` steps per
    iteration), the sequence vmapped over the samples."""
    import jax
    import jax.numpy as jnp
    from .common import cross_entropy, split_params

    dev = qml.device("default.qubit", wires=NQ)

    @qml.qnode(dev, interface="jax", diff_method="backprop")
    def step(state, theta):
        qml.StatePrep(state, wires=range(NQ))
        step_gates(theta)
        return qml.state()

    def readouts(state):
        """[<X_i>..., <Y_i>..., <Z_i>...] of a state vector (wire 0 is the
        most significant bit, as PennyLane orders it)."""
        psi = jnp.reshape(state, (2,) * NQ)
        xs, ys, zs = [], [], []
        for i in range(NQ):
            a = jnp.moveaxis(psi, i, 0)
            cross = jnp.sum(jnp.conj(a[0]) * a[1])
            xs.append(2 * jnp.real(cross))
            ys.append(2 * jnp.imag(cross))
            zs.append(jnp.sum(jnp.abs(a[0]) ** 2 - jnp.abs(a[1]) ** 2))
        return jnp.stack(xs + ys + zs)

    def logits_of(flat, xs):  # one sample: xs [T, 28]
        w = split_params(flat, batch.shapes, jnp)

        def body(state, x):
            z = readouts(state)
            e = w["E"] @ x + w["be"]
            hidden = jax.nn.gelu(w["W1"] @ jnp.concatenate([e, z]) + w["b1"],
                                 approximate=False)
            theta = w["W2"] @ hidden + w["b2"]
            return step(state, theta), None

        zero = jnp.zeros(2 ** NQ, dtype=jnp.complex128).at[0].set(1.0)
        state, _ = jax.lax.scan(body, zero, xs, unroll=unroll)
        return w["Wo"] @ readouts(state) + w["bo"]

    def loss(flat, xs):
        logits = jax.vmap(logits_of, in_axes=(None, 0))(flat, xs)
        return cross_entropy(logits, batch.labels, jnp)

    f = jax.jit(jax.value_and_grad(loss))
    xs = jnp.asarray(batch.inputs)

    def run(params):
        value, grad = f(jnp.asarray(params), xs)
        return float(value), jax.device_get(grad)

    return run


def lightning_value_and_grad(batch):
    """value_and_grad with autograd, each prefix circuit differentiated by
    lightning.qubit's adjoint method (device VJPs); the samples go through
    as broadcast circuits."""
    import autograd
    from autograd.scipy.special import erf
    from pennylane import numpy as np
    from .common import cross_entropy, split_params

    dev = qml.device("lightning.qubit", wires=NQ)

    @qml.qnode(dev, diff_method="adjoint", device_vjp=True)
    def prefix(thetas):
        for theta in thetas:
            step_gates(theta)
        return ([qml.expval(qml.PauliX(i)) for i in range(NQ)] +
                [qml.expval(qml.PauliY(i)) for i in range(NQ)] +
                [qml.expval(qml.PauliZ(i)) for i in range(NQ)])

    def gelu(x):
        return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))

    xs = batch.inputs.transpose(1, 2, 0)  # [T][28][B]
    B = batch.batch

    def loss(flat):
        w = split_params(flat, batch.shapes, np)
        # the readouts of |0...0>: <X> = <Y> = 0, <Z> = 1
        z = np.concatenate([np.zeros((2 * NQ, B)), np.ones((NQ, B))])
        thetas = []
        for t in range(xs.shape[0]):
            e = w["E"] @ xs[t] + w["be"][:, None]
            hidden = gelu(w["W1"] @ np.concatenate([e, z]) + w["b1"][:, None])
            thetas.append(w["W2"] @ hidden + w["b2"][:, None])  # [32][B]
            z = np.stack(prefix(thetas))
        logits = (w["Wo"] @ z + w["bo"][:, None]).T
        return cross_entropy(logits, batch.labels, np)

    f = autograd.value_and_grad(loss)

    def run(params):
        value, grad = f(np.array(params, requires_grad=True))
        return float(value), np.asarray(grad)

    return run
