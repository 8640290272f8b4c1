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

The default qruc is $QRUC_BUILD_DIR/bin/qruc, or build/bin/qruc.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    build = os.environ.get("QRUC_BUILD_DIR", os.path.join(ROOT, "build"))
    parser.add_argument("--qruc", default=os.path.join(build, "bin", "qruc"))
    parser.add_argument("--model", default=os.path.join(ROOT, "examples", "qru", "mnist35.qru"))
    parser.add_argument("--pipeline", default="sim", choices=["sim", "ibm"])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--budget-ms", type=float, default=100.0)
    args = parser.parse_args()

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
