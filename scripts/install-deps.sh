#!/usr/bin/env bash
# Installs every system package qruc needs to build and test on Debian 12.
#
# Runs as root, or through sudo when it is available. Python-side tools
# (Qiskit, PennyLane) are not installed here: the scripts that need them
# create their own virtual environment inside the build tree.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools
  antlr4 libantlr4-runtime-dev default-jre-headless
  libeigen3-dev libgtest-dev zlib1g-dev
  python3 python3-venv
  librsvg2-bin
)

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-deps: run as root or install sudo" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
