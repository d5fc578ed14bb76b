#!/usr/bin/env bash
# Times `brief outline --format json` (release build) on every input that
# ../shared/tools/pathological.py writes: the inputs that made other Markdown
# parsers quadratic. Usage: scripts/pathological.sh [LIMIT_SECONDS]  (default 1.0)
# Exits 1 if any input takes longer than the limit or fails.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-1.0}
gen=../shared/tools/pathological.py
if [ ! -f "$gen" ]; then
  echo "pathological.sh: $gen not found (../shared is not beside this clone); nothing measured"
  exit 0
fi
swift build -c release --product brief >/dev/null
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
python3 "$gen" "$out" >/dev/null
status=0
slowest=0; slowest_name=""
printf '%-40s %10s %8s\n' input bytes seconds
for f in "$out"/*.md; do
  name=$(basename "$f")
  start=$(date +%s.%N)
  if ! .build/release/brief outline --format json "$f" >/dev/null; then
    echo "FAIL: $name exited non-zero"; status=1
  fi
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  printf '%-40s %10d %8.3f\n' "$name" "$(stat -c %s "$f")" "$t"
  if (( $(echo "$t > $slowest" | bc -l) )); then slowest=$t; slowest_name=$name; fi
  if (( $(echo "$t > $limit" | bc -l) )); then echo "SLOW: $name took ${t}s (limit ${limit}s)"; status=1; fi
done
printf 'slowest: %s %.3fs\n' "$slowest_name" "$slowest"
exit $status
