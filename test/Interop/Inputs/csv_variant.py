"""Writes a model whose experiment reads a CSV file, and that file, so that
`qruc --predict` and the host driver can both run an example whose own data
they cannot read (IDX images, a generated series). The model's declarations
and step are the example's, unchanged: only the experiment block is
replaced, so its step circuit is the example's (the test checks that).
The CSV holds random features in [0, 1], `per_step` to a time step, and a
label column."""

import argparse
import pathlib
import re

import numpy as np

from interop import fail

parser = argparse.ArgumentParser()
parser.add_argument("model", help="the example's .qru file")
parser.add_argument("--per-step", type=int, required=True,
                    help="features per time step (the model's input width)")
parser.add_argument("--steps", type=int, required=True)
parser.add_argument("--samples", type=int, default=3)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--out", required=True, help="directory for <model>.qru and rows.csv")
args = parser.parse_args()

source = pathlib.Path(args.model).read_text()
declarations, found = re.subn(r"^experiment\s*\{.*\}\s*\Z", "", source,
                              flags=re.S | re.M)
if found != 1:
    fail(f"{args.model}: no experiment block at the end of the file")
out = pathlib.Path(args.out)
out.mkdir(parents=True, exist_ok=True)
(out / pathlib.Path(args.model).name).write_text(
    declarations +
    "experiment {\n"
    '  data = csv("rows.csv", header = 0, label = -1);\n'
    f"  sequence = features(per_step = {args.per_step});\n"
    "}\n")

rng = np.random.default_rng(args.seed)
with open(out / "rows.csv", "w") as f:
    for _ in range(args.samples):
        features = rng.uniform(0, 1, args.per_step * args.steps)
        f.write(",".join(f"{v:.17g}" for v in features) + ",1\n")
