"""Compares two prediction CSVs (qruc --predict and a host driver): same
columns, every value within a tolerance of the other: --abs, or the shot
noise of an output s·<Z> estimated with --shots shots, --sigmas standard
deviations wide, s read from a checkpoint's parameters (--scale-from)."""

import argparse
import json
import math

import numpy as np

from interop import fail, read_predictions

parser = argparse.ArgumentParser()
parser.add_argument("expected")
parser.add_argument("actual")
parser.add_argument("--abs", type=float, help="tolerance")
parser.add_argument("--shots", type=int)
parser.add_argument("--sigmas", type=float, default=5.0)
parser.add_argument("--scale-from", help="CHECKPOINT:INDEX of the output scale s")
args = parser.parse_args()

if args.abs is not None:
    tolerance = args.abs
else:
    path, index = args.scale_from.rsplit(":", 1)
    with open(path) as f:
        scale = json.load(f)["params"][int(index)]
    tolerance = args.sigmas * abs(scale) / math.sqrt(args.shots)

header_e, expected = read_predictions(args.expected)
header_a, actual = read_predictions(args.actual)
if header_e != header_a:
    fail(f"columns differ: {header_e} vs {header_a}")
if expected.shape != actual.shape:
    fail(f"shapes differ: {expected.shape} vs {actual.shape}")
worst = float(np.max(np.abs(expected - actual)))
if worst > tolerance:
    fail(f"largest difference {worst:.3g} exceeds {tolerance:.3g}")
print(f"ok: {expected.shape[0]} samples, largest difference {worst:.3g} "
      f"(tolerance {tolerance:.3g})")
