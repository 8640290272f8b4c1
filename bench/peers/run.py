"""Runs one PennyLane peer on a dumped batch: checks, then times it.

    python -m peers.run --model qru|qrnn --peer jax|lightning \
        --dump batch.json [--repeat 3] [--unroll N]

(from bench/, with the venv's Python). The first call (tracing and XLA
compilation for JAX) is timed on its own and gives the loss and gradient
that are compared with qruc's in the dump: the relative error of the loss,
and the largest gradient difference relative to the largest gradient
entry. Then --repeat calls are timed. Prints one JSON object.
"""
import argparse
import json
import statistics
import time

import numpy as onp


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, choices=["qru", "qrnn"])
    parser.add_argument("--peer", required=True, choices=["jax", "lightning"])
    parser.add_argument("--dump", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--unroll", type=int, default=0,
                        help="JAX: steps per lax.scan iteration (0: the "
                             "peer's default)")
    args = parser.parse_args()

    import jax
    jax.config.update("jax_enable_x64", True)  # qruc computes in double
    import pennylane as qml
    from importlib.metadata import version
    from . import qrnn_rows, qru_mnist35
    from .common import Batch

    module = {"qru": qru_mnist35, "qrnn": qrnn_rows}[args.model]
    batch = Batch(args.dump)
    start = time.perf_counter()
    make = getattr(module, f"{args.peer}_value_and_grad")
    run = make(batch, args.unroll) if args.unroll else make(batch)
    loss, grad = run(batch.params)
    first = time.perf_counter() - start
    grad = onp.asarray(grad)

    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        run(batch.params)
        times.append(time.perf_counter() - start)
    median = statistics.median(times) if times else first
    print(json.dumps({
        "model": batch.model,
        "peer": args.peer,
        "batch": batch.batch,
        "steps": batch.steps,
        "loss": loss,
        "qruc_loss": batch.loss,
        "loss_rel_err": abs(loss - batch.loss) / abs(batch.loss),
        "grad_rel_err": float(onp.max(onp.abs(grad - batch.gradient)) /
                              onp.max(onp.abs(batch.gradient))),
        "first_call_s": first,
        "times_s": times,
        "median_s": median,
        "sample_steps_per_s": batch.batch * batch.steps / median,
        "versions": {"pennylane": qml.__version__,
                     "pennylane_lightning": version("pennylane_lightning"),
                     "jax": jax.__version__},
    }))


if __name__ == "__main__":
    main()
