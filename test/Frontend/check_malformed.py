#!/usr/bin/env python3
"""Runs qruc over every malformed input and checks its diagnostic.

The expected location of each file's error is read from the list in
Inputs/malformed/README.md (lines of the form "- `FILE` — LINE:COL — ...").
For every file, qruc must exit with status 1 (not crash, not hang), print
"FILE:LINE:COL: error: ..." with that location first, and show the source
line with a caret under the column.
"""
import pathlib
import re
import subprocess
import sys


def main():
    qruc, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
    expected = {}
    for line in (corpus / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"- `([^`]+\.qru)` — (\d+):(\d+)\b", line)
        if m:
            expected[m.group(1)] = (int(m.group(2)), int(m.group(3)))

    files = sorted(corpus.glob("*.qru"))
    failures = []
    for path in files:
        if path.name not in expected:
            failures.append(f"{path.name}: no expected location in README.md")
            continue
        line, col = expected[path.name]
        try:
            run = subprocess.run([qruc, str(path)], capture_output=True,
                                 timeout=60)
        except subprocess.TimeoutExpired:
            failures.append(f"{path.name}: qruc did not finish in 60 s")
            continue
        err = run.stderr.decode("utf-8", errors="replace")
        if run.returncode != 1:
            failures.append(f"{path.name}: exit status {run.returncode}, "
                            f"expected 1\n{err}")
            continue
        first = next((l for l in err.splitlines() if ": error: " in l), "")
        want = f"{path}:{line}:{col}: error: "
        if not first.startswith(want):
            failures.append(f"{path.name}: expected '{want}...', got "
                            f"'{first}'")
            continue
        caret_lines = [l for l in err.splitlines() if l.strip() == "^"]
        if not caret_lines or len(caret_lines[0]) != col:
            failures.append(f"{path.name}: no caret under column {col}\n{err}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(files) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or len(files) < 50 else 0


if __name__ == "__main__":
    sys.exit(main())
