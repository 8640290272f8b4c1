#!/usr/bin/env bash
# Peak resident memory of one training step of the 14-qubit hybrid QRNN on
# pixel-by-pixel MNIST (examples/qrnn/mnist_pixels.qru: 784 steps), batch
# 50, measured with GNU time (/usr/bin/time -v), against the 2 GB budget of
# issue 3. The step is forward + loss + backward over all 784 steps; the
# adjoint method uncomputes the persistent state instead of storing one
# state per step (10 GB at this size), so only the classical activations
# grow with the sequence.
#
# Usage: bench/memory_pixels.sh [--threads N] [--no-build]
#   (default 2 threads: each thread's tile holds its own states, so this is
#   the larger footprint). The build directory is $QRUC_BUILD_DIR or build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${QRUC_BUILD_DIR:-$root/build}
threads=2
do_build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --no-build) do_build=0; shift ;;
    *) echo "usage: $0 [--threads N] [--no-build]" >&2; exit 2 ;;
  esac
done
if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing: run bench/install-deps.sh" >&2
  exit 1
fi
[ "$do_build" = 1 ] && QRUC_BUILD_DIR=$build "$root/scripts/build.sh" qruc-train-bench

limit_kb=$((2 * 1000 * 1000))  # 2 GB
report=$(mktemp)
trap 'rm -f "$report"' EXIT
/usr/bin/time -v -o "$report" "$build/bin/qruc-train-bench" \
  "$root/examples/qrnn/mnist_pixels.qru" --steps 784 --batch 50 \
  --threads "$threads" --repeat 1 --warmup 0
rss_kb=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$report")
wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
echo "maximum resident set size: $((rss_kb / 1000)) MB" \
     "(limit $((limit_kb / 1000)) MB), wall time $wall"
if [ "$rss_kb" -ge "$limit_kb" ]; then
  echo "over the 2 GB limit" >&2
  exit 1
fi
echo "within the 2 GB limit"
