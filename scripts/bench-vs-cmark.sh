#!/usr/bin/env bash
# Brief vs cmark, side by side (issue 7, item 1): `brief outline --format json` over the corpus
# that ../shared/tools/make-corpus.sh gathers (one invocation for all files) against
# `cmark --to xml` over the same files (one invocation), alternating runs; reports each tool's
# median time and MB/s and the median of the per-round ratios (absolute times drift here).
# Usage: scripts/bench-vs-cmark.sh [ROUNDS] [CORPUS_DIR]   (default 7 rounds, /tmp/brief-corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
corpus=${2:-/tmp/brief-corpus}
export PATH="/opt/swift/usr/bin:$PATH"
if [ ! -d "$corpus/files" ]; then
  if [ ! -x ../shared/tools/make-corpus.sh ] && [ ! -f ../shared/tools/make-corpus.sh ]; then
    echo "bench-vs-cmark: no corpus at $corpus and ../shared/tools/make-corpus.sh is not here; nothing measured"
    exit 0
  fi
  bash ../shared/tools/make-corpus.sh "$corpus" >/dev/null
fi
command -v cmark >/dev/null || { echo "bench-vs-cmark: cmark is not installed (apt-get install cmark)"; exit 1; }
swift build -c release --product brief >/dev/null
bytes=$(cat "$corpus"/files/* | wc -c)
files=("$corpus"/files/*)
python3 - "$rounds" "$bytes" "$corpus/files" "${files[@]}" <<'PY'
import subprocess, sys, time, statistics
rounds, size, folder, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
def timed(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t
brief, cmark, ratios = [], [], []
for r in range(rounds):
    # alternate which goes first
    if r % 2 == 0:
        b = timed([".build/release/brief", "outline", "--format", "json", folder]); c = timed(["cmark", "--to", "xml", *files])
    else:
        c = timed(["cmark", "--to", "xml", *files]); b = timed([".build/release/brief", "outline", "--format", "json", folder])
    brief.append(b); cmark.append(c); ratios.append(b / c)
mb = size / 1e6
print(f"corpus: {len(files)} files, {mb:.1f} MB, {rounds} alternating rounds")
print(f"brief outline --format json: median {statistics.median(brief):.3f} s = {mb / statistics.median(brief):.1f} MB/s")
print(f"cmark --to xml:              median {statistics.median(cmark):.3f} s = {mb / statistics.median(cmark):.1f} MB/s")
print(f"median of ratios brief/cmark: {statistics.median(ratios):.2f}  (target <= 1.0)")
PY
