#!/usr/bin/env python3
"""Measures how long qruc takes to compile a model through a pipeline.

Runs `qruc --emit=mlir-opt --pipeline=PIPELINE MODEL -o /dev/null` many
times and reports the wall time per compilation (minimum, median, 90th
percentile, maximum), then one --mlir-timing report, which splits a run into
the front end and each pass. Exits with status 1 when the median exceeds the
budget (100 ms by default), so it can gate a change; it is a benchmark, not
a test, and timings depend on the machine.

  bench/compile_time.py [--qruc build/bin/qruc] [--pipeline sim] [--runs 50]
                        [--model examples/qru/mnist35.qru] [--budget-ms 100]

With --target ibm it times instead the `qruc --target ibm` cases of the
OpenQASM 3 export, against a budget of 1 s each (--runs 10 by default): the
30-step WDBC QRU in per-step mode (standard gates; Heron basis routed on a
27-qubit heavy-hex map), the WDBC QRU with measured hidden bits unrolled to
784 steps (rejected by IBM's broadcast budget: the time to say so) and to
600 (2400 conditions, the budget's edge), and a 784-step pixel-by-pixel
dynamic circuit with one condition a step and bound weights.

  bench/compile_time.py --target ibm [--runs 10] [--budget-ms 1000]

The default qruc is $QRUC_BUILD_DIR/bin/qruc, or build/bin/qruc.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ibm_cases(out_dir):
    """(label, arguments, expected exit status) of the --target ibm cases."""
    heavy_hex = os.path.join("bench", "Inputs", "heavy_hex_27.json")
    pixels = os.path.join("bench", "Inputs", "pixels_native.qru")
    pixels_params = os.path.join("bench", "Inputs", "pixels_native.params.json")
    return [
        ("WDBC QRU, per-step mode (30-step model, one step circuit + host driver)",
         ["examples/qru/wdbc.qru", "--target", "ibm", "--out", out_dir], 0),
        ("WDBC QRU, per-step mode, Heron basis, routed on 27-qubit heavy-hex",
         ["examples/qru/wdbc.qru", "--target", "ibm", "--out", out_dir,
          "--basis=heron", "--coupling-map", heavy_hex], 0),
        ("WDBC native, 784 steps: rejected (3136 one-bit conditions > 2400)",
         ["examples/qru/wdbc_native.qru", "--target", "ibm", "--steps", "784",
          "--out", out_dir], 1),
        ("WDBC native, 600 steps: dynamic circuit, 2400 one-bit conditions",
         ["examples/qru/wdbc_native.qru", "--target", "ibm", "--steps", "600",
          "--out", out_dir], 0),
        ("pixels native, 784 steps: dynamic circuit, 784 conditions, --params bound",
         [pixels, "--target", "ibm", "--steps", "784", "--params", pixels_params,
          "--out", out_dir], 0),
    ]


def time_command(command, runs, expected):
    """Wall times in ms of `runs` runs of `command`, after one warm-up run
    whose exit status must be `expected`."""
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if first.returncode != expected:
        sys.exit(f"{' '.join(command)}: exit status {first.returncode}, "
                 f"expected {expected}\n{first.stderr}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def summary(times):
    median = statistics.median(times)
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    return median, (f"  min {times[0]:.1f} ms, median {median:.1f} ms, "
                    f"p90 {p90:.1f} ms, max {times[-1]:.1f} ms")


def main_ibm(args):
    runs = args.runs if args.runs is not None else 10
    budget = args.budget_ms if args.budget_ms is not None else 1000.0
    out_dir = tempfile.mkdtemp(prefix="qruc-bench-ibm-")
    over = []
    try:
        for label, arguments, expected in ibm_cases(out_dir):
            command = [args.qruc] + arguments
            times = time_command(command, runs, expected)
            median, line = summary(times)
            shown = " ".join(["qruc"] + ["DIR" if a == out_dir else a
                                         for a in arguments])
            print(f"{label}\n  {shown}\n  {runs} runs, wall time per "
                  f"compilation (process start included)")
            print(line)
            if median > budget:
                over.append(label)
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    if over:
        print(f"\nover the budget of {budget:.0f} ms: " + "; ".join(over),
              file=sys.stderr)
        return 1
    print(f"\nevery median within the budget of {budget:.0f} ms")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    build = os.environ.get("QRUC_BUILD_DIR", os.path.join(ROOT, "build"))
    parser.add_argument("--qruc", default=os.path.join(build, "bin", "qruc"))
    parser.add_argument("--model", default=os.path.join(ROOT, "examples", "qru", "mnist35.qru"))
    parser.add_argument("--pipeline", default="sim", choices=["sim", "ibm"])
    parser.add_argument("--target", choices=["ibm"],
                        help="time the qruc --target ibm cases instead")
    parser.add_argument("--runs", type=int, default=None,
                        help="50, or 10 with --target ibm")
    parser.add_argument("--budget-ms", type=float, default=None,
                        help="100, or 1000 with --target ibm")
    args = parser.parse_args()
    if args.target == "ibm":
        return main_ibm(args)
    if args.runs is None:
        args.runs = 50
    if args.budget_ms is None:
        args.budget_ms = 100.0

    command = [args.qruc, "--emit=mlir-opt", f"--pipeline={args.pipeline}",
               args.model, "-o", os.devnull]
    subprocess.run(command, check=True)  # warm the file cache
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    median = statistics.median(times)
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    print(f"qruc --emit=mlir-opt --pipeline={args.pipeline} "
          f"{os.path.relpath(args.model, ROOT)}: {args.runs} runs, wall time per "
          f"compilation (process start included)")
    print(f"  min {times[0]:.1f} ms, median {median:.1f} ms, "
          f"p90 {p90:.1f} ms, max {times[-1]:.1f} ms")

    report = subprocess.run(command + ["--mlir-timing"], check=True,
                            capture_output=True, text=True).stderr
    print("\none run with --mlir-timing:")
    print(report.rstrip())

    if median > args.budget_ms:
        print(f"\nthe median {median:.1f} ms exceeds the budget of "
              f"{args.budget_ms:.0f} ms", file=sys.stderr)
        return 1
    print(f"\nwithin the budget of {args.budget_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
