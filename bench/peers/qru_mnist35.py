"""examples/qru/mnist35.qru in PennyLane: the MNIST 3-vs-5 QRU of Wu & Goan.

10 wires in register order: data d0..d3 (0-3), hidden h0..h3 (4-7),
ancillas a0, a1 (8, 9). Every step is a fresh circuit: the 8 pixels of a row
and the memory m (the previous step's <Z_hj>, <X_hj>, through arcsin) are
encoded, the update block and 4 Rot layers with CNOT rings follow, and the
step returns <Z_hj>, <X_hj> (the next memory) and <Z_d0>, <Z_d1>. The
logits after the last step are s * [<Z_d0>, <Z_d1>]; the loss is softmax
cross-entropy, as in the model's experiment section.

Parameters: p[131] then s, as in the .qru file.
"""
import pennylane as qml

D, H, A = [0, 1, 2, 3], [4, 5, 6, 7], [8, 9]
WIRES = 10


def ring(wires):
    for i, w in enumerate(wires):
        qml.CNOT([w, wires[(i + 1) % len(wires)]])


def step_gates(x, m_asin, p):
    """One time step; x[k] and m_asin[j] are scalars or batches."""
    # 1. data encoding: pixel 2k -> RX, pixel 2k+1 -> RY on d[k]
    for k in range(4):
        qml.RX(x[2 * k] * p[4 * k] + p[4 * k + 1], D[k])
        qml.RY(x[2 * k + 1] * p[4 * k + 2] + p[4 * k + 3], D[k])
    ring(D)
    # 2. hidden encoding of asin(m)
    for j in range(4):
        qml.RX(m_asin[2 * j] * p[16 + 4 * j] + p[17 + 4 * j], H[j])
        qml.RY(m_asin[2 * j + 1] * p[18 + 4 * j] + p[19 + 4 * j], H[j])
    ring(H)
    # 3. update/reset block
    qml.CNOT([D[0], H[0]])
    qml.CSWAP([H[0], H[1], A[0]])
    qml.Rot(p[32], p[33], p[34], H[0])
    qml.CSWAP([H[0], H[3], A[1]])
    # 4. variational layers over data + hidden wires
    for l in range(4):
        for k in range(4):
            b = 35 + 24 * l + 3 * k
            qml.Rot(p[b], p[b + 1], p[b + 2], D[k])
        for k in range(4):
            b = 47 + 24 * l + 3 * k
            qml.Rot(p[b], p[b + 1], p[b + 2], H[k])
        ring(D + H)
    # 5. readouts: the next memory, then the two logits' expectation values
    out = []
    for j in range(4):
        out.append(qml.expval(qml.PauliZ(H[j])))
        out.append(qml.expval(qml.PauliX(H[j])))
    out.append(qml.expval(qml.PauliZ(D[0])))
    out.append(qml.expval(qml.PauliZ(D[1])))
    return out


def jax_value_and_grad(batch, unroll=2):
    """jit(value_and_grad) of the loss over the batch on default.qubit with
    JAX backpropagation. The samples go through as one broadcast circuit
    per step (faster here than jax.vmap over samples); the steps run under
    lax.scan, two steps per iteration. Measured on the 2-core development
    machine: one step per iteration compiles in 80 s and runs 1.2-1.6 s per
    batch, two in 90 s and 0.8-0.9 s, all eight in 820 s and 0.44-0.50 s."""
    import jax
    import jax.numpy as jnp
    from .common import cross_entropy

    dev = qml.device("default.qubit", wires=WIRES)

    @qml.qnode(dev, interface="jax", diff_method="backprop")
    def step(x, m_asin, p):
        return step_gates(x, m_asin, p)

    def loss(params, xs):  # xs [T][8][B]
        p, s = params[:131], params[131]

        def body(carry, x):
            return jnp.stack(step(x, jnp.arcsin(carry[:8]), p)), None

        r, _ = jax.lax.scan(body, jnp.zeros((10, xs.shape[2])), xs,
                            unroll=unroll)
        return cross_entropy((s * r[8:]).T, batch.labels, jnp)

    f = jax.jit(jax.value_and_grad(loss))
    xs = jnp.asarray(batch.inputs.transpose(1, 2, 0))

    def run(params):
        value, grad = f(jnp.asarray(params), xs)
        return float(value), jax.device_get(grad)

    return run


def lightning_value_and_grad(batch):
    """value_and_grad of the loss with autograd, every step circuit
    differentiated by lightning.qubit's adjoint method; the samples of the
    batch go through as one broadcast circuit per step."""
    import autograd
    from pennylane import numpy as np
    from .common import cross_entropy

    dev = qml.device("lightning.qubit", wires=WIRES)

    @qml.qnode(dev, diff_method="adjoint", device_vjp=True)
    def step(x, m_asin, p):
        return step_gates(x, m_asin, p)

    xs = batch.inputs.transpose(1, 2, 0)  # [T][8][B]: angles broadcast

    def loss(params):
        p, s = params[:131], params[131]
        m = np.zeros((8, batch.batch))
        for t in range(xs.shape[0]):
            r = step(xs[t], np.arcsin(m), p)
            m = np.stack(r[:8])
        logits = s * np.stack(r[8:]).T
        return cross_entropy(logits, batch.labels, np)

    f = autograd.value_and_grad(loss)

    def run(params):
        value, grad = f(np.array(params, requires_grad=True))
        return float(value), np.asarray(grad)

    return run
