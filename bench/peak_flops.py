"""This machine's peak double-precision FLOP rate, from lscpu.

peak = cores x GHz x FLOPs per cycle per core, where FLOPs per cycle =
FMA units x doubles per vector x 2 (a fused multiply-add is two FLOPs).
lscpu gives the cores, the clock and the instruction-set flags; the number
of FMA units and their width are assumptions (printed with the result):
two per core, as on Intel server cores since Skylake-SP and on AMD Zen 4,
whose AVX-512 runs on 256-bit units.
"""
import re
import subprocess


def lscpu():
    out = subprocess.run(["lscpu"], capture_output=True, text=True,
                         check=True, env={"LC_ALL": "C"}).stdout
    fields = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def clock_ghz(fields):
    """The highest clock lscpu reports; a VM often shows none, then the
    kernel's cpu MHz (the nominal clock)."""
    for key in ("CPU max MHz", "CPU MHz"):
        if fields.get(key):
            return float(fields[key]) / 1000, key
    with open("/proc/cpuinfo") as f:
        mhz = re.findall(r"cpu MHz\s*:\s*([\d.]+)", f.read())
    return max(float(m) for m in mhz) / 1000, "/proc/cpuinfo cpu MHz"


def peak():
    """A dict: per-core and machine peaks, for the widest vectors the CPU
    has and for AVX2 (what the runtime is compiled for), and the
    assumptions behind them."""
    fields = lscpu()
    flags = set(fields.get("Flags", "").split())
    cores = (int(fields.get("Core(s) per socket", 1)) *
             int(fields.get("Socket(s)", 1)))
    ghz, clock_source = clock_ghz(fields)
    fma = 2 if "fma" in flags else 1  # FLOPs per vector lane per unit
    units = 2
    amd = fields.get("Vendor ID") == "AuthenticAMD"
    if "avx512f" in flags:
        lanes, isa = (4 if amd else 8), "AVX-512"
    elif "avx2" in flags:
        lanes, isa = 4, "AVX2"
    else:
        lanes, isa = 2, "SSE2"
    avx2_lanes = 4 if "avx2" in flags else lanes
    per_cycle = units * lanes * fma
    per_cycle_avx2 = units * avx2_lanes * fma
    return {
        "model": fields.get("Model name", "?"),
        "cores": cores,
        "ghz": ghz,
        "isa": isa,
        "flops_per_cycle": per_cycle,
        "core_gflops": ghz * per_cycle,
        "machine_gflops": cores * ghz * per_cycle,
        "core_gflops_avx2": ghz * per_cycle_avx2,
        "assumptions": (
            f"{fields.get('Model name', '?')}: {cores} cores x {ghz:.2f} GHz "
            f"({clock_source}) x {per_cycle} FLOP/cycle ({units} FMA units x "
            f"{lanes} doubles ({isa}{', 256-bit units' if amd and lanes == 4 and isa == 'AVX-512' else ''})"
            f" x {fma} for FMA); the runtime is built for AVX2 "
            f"(x86-64-v3): {per_cycle_avx2} FLOP/cycle, "
            f"{ghz * per_cycle_avx2:.0f} GFLOP/s per core"),
    }


if __name__ == "__main__":
    p = peak()
    print(f"peak {p['machine_gflops']:.0f} GFLOP/s "
          f"({p['core_gflops']:.0f} per core): {p['assumptions']}")
