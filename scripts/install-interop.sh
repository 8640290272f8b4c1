#!/usr/bin/env bash
# Creates the Python venv the interop tests (test/Interop) run in: Qiskit,
# its OpenQASM 3 importer, Qiskit Aer and qiskit-ibm-runtime, pinned in
# test/Interop/requirements.txt, from PyPI. Usage: install-interop.sh [VENV]
# (default: build/interop-venv, where the lit configuration looks). Does
# nothing when the venv already holds the pinned versions.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${1:-${QRUC_BUILD_DIR:-$root/build}/interop-venv}
requirements=$root/test/Interop/requirements.txt
stamp=$venv/.requirements

if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$requirements"
cp "$requirements" "$stamp"
echo "interop venv ready: $venv"
