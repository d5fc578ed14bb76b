#!/usr/bin/env bash
# Start-up, side by side (issue 7, item 5): `brief outline` on the user's example against a
# minimal Swift program that imports Foundation, built with `swift build -c release` (and, for
# reference, the same program linked with --static-swift-stdlib as Brief's release build is).
# Each round times a batch of runs of each (perf stat), alternating which goes first; reports
# the medians and the median of the per-round ratios.
#
#   scripts/bench-startup.sh [ROUNDS] [RUNS_PER_BATCH]      (default 7 rounds of 20 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
runs=${2:-20}
export PATH="/opt/swift/usr/bin:$PATH"
command -v perf >/dev/null || { echo "bench-startup: perf is not installed (apt-get install linux-perf)"; exit 1; }
swift build -c release --product brief >/dev/null
brief=$PWD/.build/release/brief
example=$PWD/Articles/microsoft-openai-non-exclusive.txt

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/minimal/Sources/minimal"
cat > "$work/minimal/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(name: "minimal", targets: [.executableTarget(name: "minimal")])
SWIFT
printf 'import Foundation\nprint("hello")\n' > "$work/minimal/Sources/minimal/main.swift"
(cd "$work/minimal" && swift build -c release >/dev/null && swift build -c release --static-swift-stdlib \
    --scratch-path "$work/static" >/dev/null)
minimal=$work/minimal/.build/release/minimal
static=$work/static/release/minimal

python3 - "$rounds" "$runs" "$brief" "$example" "$minimal" "$static" <<'PY'
import re, statistics, subprocess, sys
rounds, runs, brief, example, minimal, static = int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:]
commands = {"brief": [brief, "outline", example], "minimal": [minimal], "static": [static]}
def batch(name):
    done = subprocess.run(["perf", "stat", "-r", str(runs), *commands[name]], text=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return float(re.search(r"([0-9.]+) \+- [0-9.]+ seconds time elapsed", done.stderr).group(1))
times = {name: [] for name in commands}
ratios = {"minimal": [], "static": []}
for r in range(rounds):
    order = list(commands) if r % 2 == 0 else list(reversed(commands))
    got = {name: batch(name) for name in order}
    for name in order: times[name].append(got[name])
    for other in ratios: ratios[other].append(got["brief"] / got[other])
ms = lambda xs: statistics.median(xs) * 1000
print(f"{rounds} alternating rounds of {runs} runs each")
print(f"brief outline (user's example):          median {ms(times['brief']):6.2f} ms")
print(f"minimal Foundation program:              median {ms(times['minimal']):6.2f} ms")
print(f"same, --static-swift-stdlib:             median {ms(times['static']):6.2f} ms")
print(f"median of ratios: brief/minimal {statistics.median(ratios['minimal']):.2f} (target <= 2.0), "
      f"brief/static minimal {statistics.median(ratios['static']):.2f}")
PY
