#!/usr/bin/env python3
"""Compiles every complete model in docs/language.md with qruc.

A block fenced as ```qru is a complete model: it must compile without a
diagnostic. Other blocks are fragments or output and are not compiled.
"""
import pathlib
import re
import subprocess
import sys
import tempfile


def main():
    qruc, doc = sys.argv[1], pathlib.Path(sys.argv[2])
    blocks = re.findall(r"^```qru\n(.*?)^```", doc.read_text(), re.S | re.M)
    models = failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, block in enumerate(blocks):
            models += 1
            path = pathlib.Path(tmp) / f"block{i}.qru"
            path.write_text(block)
            run = subprocess.run([qruc, str(path)], capture_output=True,
                                 text=True)
            if run.returncode != 0 or run.stderr:
                failures += 1
                print(f"FAIL: model block {i} of {doc.name}:\n{block}\n"
                      f"{run.stderr}")
    print(f"{models - failures} passed, {failures} failed")
    return 1 if failures or models == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
