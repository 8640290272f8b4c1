#!/usr/bin/env bash
# Installs what the benchmarks in bench/ need beyond the build
# (scripts/install-deps.sh): python3-venv for the PennyLane peers' venv
# (train_throughput.py) and GNU time for the memory benchmark
# (memory_pixels.sh). Debian 12, as root or with sudo.
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
missing=()
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
