"""Writes a minimal qruc parameters file (a checkpoint without optimizer
state or scaler) with parameters drawn uniformly from [0, 2 pi), or from
--range LOW HIGH."""

import argparse
import json
import math

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--model", required=True)
parser.add_argument("--count", type=int, required=True)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--set", action="append", default=[],
                    help="INDEX=VALUE: a fixed value")
parser.add_argument("--range", type=float, nargs=2, default=[0, 2 * math.pi],
                    metavar=("LOW", "HIGH"),
                    help="dense layers want small weights: large ones make the "
                         "outputs chaotic in rounding errors")
parser.add_argument("-o", "--output", required=True)
args = parser.parse_args()

params = np.random.default_rng(args.seed).uniform(*args.range, args.count).tolist()
for item in args.set:
    index, value = item.split("=")
    params[int(index)] = float(value)
with open(args.output, "w") as f:
    json.dump({"format": "qruc-checkpoint", "version": 1, "model": args.model,
               "epoch": 0, "seed": args.seed, "params": params}, f)
