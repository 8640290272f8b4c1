#!/usr/bin/env python3
"""Training throughput of qruc against PennyLane, on the same circuits and batch.

One command builds qruc-train-bench, creates bench/.venv with the pinned
PennyLane peers (requirements-peers.txt), and for each model

  * dumps a mini-batch (parameters from the model's initializers, random
    inputs and labels, fixed seed) with qruc's loss and gradient on it;
  * checks that each peer (bench/peers/) computes the same loss and
    gradient (relative error <= 1e-6) from the dumped numbers;
  * times one training step's work (forward, loss, backward; no optimizer
    update) on qruc with 1 and 2 threads and on the peers:
    default.qubit + JAX (jit(value_and_grad)) and lightning.qubit
    (adjoint method), and reports sample-steps per second, the ratios, and
    the fraction of the machine's peak FLOP rate qruc reaches.

Models: the MNIST 3-vs-5 QRU (examples/qru/mnist35.qru: 10 qubits, 8 steps)
and the 8-qubit hybrid QRNN (examples/qrnn/mnist_rows.qru: 28 steps), batch
50. lightning.qubit is slow on these (one circuit per sample and step, and
O(T^2) prefix circuits for the QRNN, see peers/qrnn_rows.py), so it runs a
smaller batch (--lightning-batch), checked against a qruc dump of that same
smaller batch; its throughput is per sample-step either way, because it
simulates the samples one after another.

  bench/train_throughput.py [--repeat 5] [--peer-repeat 2]
                            [--lightning-batch 4] [--jax-unroll N]
                            [--no-build] [--no-peers]

The build directory is $QRUC_BUILD_DIR or build/. Results also go to
bench/out/train_throughput.json.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from peak_flops import peak  # noqa: E402

MODELS = [
    # key, title, model file, steps
    ("qru", "MNIST 3-vs-5 QRU (10 qubits, 8 steps)",
     "examples/qru/mnist35.qru", 8),
    ("qrnn", "hybrid QRNN (8 qubits, 28 steps)",
     "examples/qrnn/mnist_rows.qru", 28),
]
TOLERANCE = 1e-6


def log(message):
    print(message, flush=True)


def build(build_dir):
    env = dict(os.environ, QRUC_BUILD_DIR=build_dir)
    subprocess.run([os.path.join(ROOT, "scripts", "build.sh"),
                    "qruc-train-bench"], check=True, env=env)


def ensure_venv():
    """bench/.venv with the pinned peers; returns its python."""
    venv = os.path.join(HERE, ".venv")
    python = os.path.join(venv, "bin", "python")
    requirements = os.path.join(HERE, "requirements-peers.txt")
    stamp = os.path.join(venv, "requirements-peers.txt")
    wanted = open(requirements).read()
    if os.path.exists(stamp) and open(stamp).read() == wanted:
        return python
    log(f"creating {os.path.relpath(venv, ROOT)} (pip install -r "
        f"{os.path.relpath(requirements, ROOT)})")
    try:
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    except subprocess.CalledProcessError:
        sys.exit("cannot create the venv: run bench/install-deps.sh "
                 "(python3-venv) first")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "-r",
                    requirements], check=True)
    with open(stamp, "w") as f:
        f.write(wanted)
    return python


def qruc_bench(tool, model, steps, batch, *extra):
    out = subprocess.run([tool, os.path.join(ROOT, model), "--steps",
                          str(steps), "--batch", str(batch), "--json",
                          *extra], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def peer(python, key, name, dump, repeat, unroll):
    env = dict(os.environ)
    if name == "lightning":
        # Lightning's OpenMP gains nothing on 8-10 qubits, and its threads'
        # spinning costs it 3x on a shared 2-core machine.
        env["OMP_NUM_THREADS"] = "1"
    out = subprocess.run([python, "-m", "peers.run", "--model", key,
                          "--peer", name, "--dump", dump, "--repeat",
                          str(repeat), *(["--unroll", str(unroll)]
                                         if unroll and name == "jax"
                                         else [])],
                         capture_output=True, text=True, cwd=HERE, env=env)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        sys.exit(f"the {name} peer of {key} failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.environ.get(
        "QRUC_BUILD_DIR", os.path.join(ROOT, "build")))
    parser.add_argument("--repeat", type=int, default=5,
                        help="timed qruc training steps per configuration")
    parser.add_argument("--peer-repeat", type=int, default=2,
                        help="timed peer calls after the checked first one")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--lightning-batch", type=int, default=4)
    parser.add_argument("--jax-unroll", type=int, default=0,
                        help="steps per lax.scan iteration in the JAX peers "
                             "(default: theirs; more compiles much longer)")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()

    if not args.no_build:
        build(args.build_dir)
    tool = os.path.join(args.build_dir, "bin", "qruc-train-bench")
    python = None if args.no_peers else ensure_venv()
    out_dir = os.path.join(HERE, "out")
    os.makedirs(out_dir, exist_ok=True)
    machine = peak()
    log(f"peak: {machine['assumptions']}")
    log(f"  = {machine['core_gflops']:.0f} GFLOP/s per core, "
        f"{machine['machine_gflops']:.0f} GFLOP/s for the machine")

    results = {"peak": machine, "models": {}}
    ok = True
    for key, title, model, steps in MODELS:
        log(f"\n== {title}: {model}, batch {args.batch}")
        result = {"model": model, "steps": steps, "batch": args.batch}
        dump = os.path.join(out_dir, f"{key}-batch{args.batch}.json")
        qruc_bench(tool, model, steps, args.batch, "--repeat", "0",
                   "--dump", dump)
        for threads in (1, 2):
            r = qruc_bench(tool, model, steps, args.batch, "--threads",
                           str(threads), "--repeat", str(args.repeat))
            cores = min(threads, machine["cores"])
            r["peak_fraction"] = (r["gflops_per_s"] /
                                  (cores * machine["core_gflops"]))
            r["peak_fraction_avx2"] = (r["gflops_per_s"] /
                                       (cores * machine["core_gflops_avx2"]))
            result[f"qruc_{threads}t"] = r
            log(f"qruc, {threads} thread{'s' if threads > 1 else ''}: "
                f"{r['sample_steps_per_s']:9.0f} sample-steps/s "
                f"(step {r['step_ms']:.1f} ms: forward {r['forward_ms']:.1f}, "
                f"backward {r['backward_ms']:.1f}); "
                f"{r['flops_per_sample_step'] / 1e6:.2f} MFLOP/sample-step "
                f"-> {r['gflops_per_s']:.1f} GFLOP/s = "
                f"{100 * r['peak_fraction']:.1f}% of the peak of {cores} "
                f"core{'s' if cores > 1 else ''} "
                f"({100 * r['peak_fraction_avx2']:.1f}% of the AVX2 peak)")
        if python:
            for name, batch in (("jax", args.batch),
                                ("lightning", args.lightning_batch)):
                peer_dump = dump
                if batch != args.batch:
                    peer_dump = os.path.join(out_dir,
                                             f"{key}-batch{batch}.json")
                    qruc_bench(tool, model, steps, batch, "--repeat", "0",
                               "--dump", peer_dump)
                log(f"{name}: checking and timing on batch {batch} ...")
                p = peer(python, key, name, peer_dump, args.peer_repeat,
                         args.jax_unroll)
                p["matches"] = (p["loss_rel_err"] <= TOLERANCE and
                                p["grad_rel_err"] <= TOLERANCE)
                ok = ok and p["matches"]
                result[name] = p
                log(f"{name}: loss {p['loss']:.12g} vs qruc "
                    f"{p['qruc_loss']:.12g} (rel. error "
                    f"{p['loss_rel_err']:.1e}), gradient max error "
                    f"{p['grad_rel_err']:.1e} of its largest entry: "
                    f"{'MATCH' if p['matches'] else 'MISMATCH'}")
                log(f"{name}: {p['sample_steps_per_s']:9.1f} sample-steps/s "
                    f"(median of {len(p['times_s'])} calls of batch "
                    f"{p['batch']}: {p['median_s']:.2f} s; first call with "
                    f"tracing/compilation {p['first_call_s']:.1f} s)")
            for name in ("jax", "lightning"):
                rate = result[name]["sample_steps_per_s"]
                log(f"qruc / {name}: "
                    f"{result['qruc_1t']['sample_steps_per_s'] / rate:.1f}x "
                    f"(1 thread), "
                    f"{result['qruc_2t']['sample_steps_per_s'] / rate:.1f}x "
                    f"(2 threads)")
        results["models"][key] = result

    qru = results["models"]["qru"]
    if "jax" in qru:
        ratio = qru["qruc_2t"]["sample_steps_per_s"] / \
            qru["jax"]["sample_steps_per_s"]
        log(f"\ntarget: qruc >= 50x PennyLane+JAX on the MNIST QRU: "
            f"{ratio:.1f}x on 2 threads -> "
            f"{'met' if ratio >= 50 else 'NOT met'}")
    with open(os.path.join(out_dir, "train_throughput.json"), "w") as f:
        json.dump(results, f, indent=1)
    if not ok:
        log("a peer's loss or gradient differs from qruc's")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
