#!/usr/bin/env bash
# The main job: installs what is missing, builds qruc, and trains the WDBC
# Quantum Recurrent Unit (35 parameters) on the bundled breast-cancer data
# with a stratified 80/20 holdout and the model file's fixed seed, then
# prints the held-out accuracy and confusion counts. Checkpoints and the
# metrics log go to runs/wdbc/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${QRUC_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" qruc
cd "$root"
"$build/bin/qruc" examples/qru/wdbc.qru --target sim --holdout 0.2
