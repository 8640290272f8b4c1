#!/usr/bin/env bash
# Configures and builds qruc with CMake and Ninja in ./build (or $QRUC_BUILD_DIR).
#
# Usage: scripts/build.sh [ninja targets...]   (default: every tool and test)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${QRUC_BUILD_DIR:-$root/build}

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
ninja -C "$build" "$@"
