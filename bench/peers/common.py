"""What the peers share: the dumped batch, parameter shapes, the loss.

The dump written by `qruc-train-bench --dump` holds the parameters (flat,
in the order the model declares them, row-major within each), the inputs
as [batch][steps][size], the targets as [batch][entries][size], and qruc's
loss and gradient. Both peers read their numbers from it, so any difference
from qruc is a difference in what is computed.
"""
import json

import numpy as onp


class Batch:
    """The dumped mini-batch and qruc's results on it."""

    def __init__(self, path):
        with open(path) as f:
            dump = json.load(f)
        self.model = dump["model"]
        self.batch = int(dump["batch"])
        self.steps = int(dump["steps"])
        self.shapes = [(p["name"], tuple(int(d) for d in p["shape"]))
                       for p in dump["param_shapes"]]
        self.params = onp.array(dump["params"], dtype=onp.float64)
        (self.input_name, inputs), = dump["inputs"].items()
        self.inputs = onp.array(inputs, dtype=onp.float64)  # [B][T][size]
        labels = dump["targets"][dump["loss_target"]]
        self.labels = onp.array(labels, dtype=onp.int64)[:, -1, 0]  # [B]
        self.loss = float(dump["loss"])
        self.gradient = onp.array(dump["gradient"], dtype=onp.float64)


def split_params(flat, shapes, np):
    """The flat parameter vector as a dict of arrays of the declared shapes
    (`np` is jax.numpy or autograd's numpy, so that it stays traced)."""
    out, at = {}, 0
    for name, shape in shapes:
        size = int(onp.prod(shape)) if shape else 1
        piece = flat[at:at + size]
        out[name] = np.reshape(piece, shape) if shape else piece[0]
        at += size
    return out


def cross_entropy(logits, labels, np):
    """Mean softmax cross-entropy of [B, C] logits against class indices
    (a NumPy array: constants, not traced),
    as qruc's cross_entropy: logsumexp(z) - z[y], averaged over samples."""
    top = np.max(logits, axis=1, keepdims=True)
    lse = np.log(np.sum(np.exp(logits - top), axis=1)) + top[:, 0]
    picked = np.sum(logits * onp.eye(logits.shape[1])[labels], axis=1)
    return np.mean(lse - picked)
