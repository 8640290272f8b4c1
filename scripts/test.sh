#!/usr/bin/env bash
# Installs what is missing, builds qruc and runs every test: the lit suites
# (compiler stages, diagnostics, examples, the malformed-input corpus, the
# OpenQASM interop checks in Qiskit and Aer) and the GoogleTest unit tests.
# Exits non-zero if anything fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/install-interop.sh"
"$root/scripts/build.sh" check-qruc
