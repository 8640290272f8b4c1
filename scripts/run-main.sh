#!/usr/bin/env bash
# The main job: installs what is missing, builds the qruc compiler, and
# compiles the seed models in examples/, printing each one's summary (qubits,
# trainable parameters, gates and depth per step).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${QRUC_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" qruc
for model in "$root"/examples/qru/*.qru "$root"/examples/qrnn/*.qru; do
  echo "== ${model#"$root"/}"
  "$build/bin/qruc" "$model"
done
