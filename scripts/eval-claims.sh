#!/usr/bin/env bash
# Reproduces Brief's key-claim figures (issue 3) on the labelled development set in
# ../shared/eval (outside the repository; the data is never copied into it):
# precision@3, ROUGE@1 and hit@3 for `brief claims --format json --limit 3`,
# next to the scorer's own baselines (lead-3 and TextRank) from the same run.
#
#   scripts/eval-claims.sh            # build release, score, print the table
#   BRIEF=.build/debug/brief scripts/eval-claims.sh   # score an existing binary
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
eval_dir="${BRIEF_EVAL_DIR:-$repo/../shared/eval}"
articles="$eval_dir/editorials-dev/articles"
labels="$eval_dir/editorials-dev/labels.jsonl"
scorer="$eval_dir/score-claims.py"

if [[ ! -f "$labels" || ! -f "$scorer" || ! -d "$articles" ]]; then
    echo "eval-claims: no evaluation data at $eval_dir (expected editorials-dev/ and score-claims.py);"
    echo "eval-claims: nothing to measure here, so nothing was run."
    exit 0
fi

cd "$repo"
if [[ -z "${BRIEF:-}" ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
    swift build -c release --product brief >&2
    BRIEF="$repo/.build/release/brief"
fi

picks="$(mktemp "${TMPDIR:-/tmp}/brief-claims.XXXXXX")"
trap 'rm -f "$picks"' EXIT
"$BRIEF" claims --format json --limit 3 "$articles"/*.txt > "$picks"

brief_line="$(python3 "$scorer" "$labels" "$picks")"
baseline_lines="$(python3 "$scorer" "$labels" --baselines)"

python3 - "$brief_line" "$baseline_lines" <<'PY'
import json, sys
rows = [("brief", json.loads(sys.argv[1]))]
for line in sys.argv[2].splitlines():
    name, _, data = line.partition(" ")
    rows.append((name, json.loads(data)))
print(f"{'':12} {'precision@3':>11} {'R1@1':>6} {'R2@1':>6} {'RL@1':>6} {'hit@3':>6} {'located':>8}")
for name, r in rows:
    print(f"{name:12} {r['precision@3']:>11} {r['R1@1']:>6} {r['R2@1']:>6} {r['RL@1']:>6} {r['hit@3']:>6} {r['located']:>8}")
b = rows[0][1]
print(f"articles: {b['articles']}, anchored (hit@3 base): {b['anchored']}, "
      f"without predictions: {b.get('articles without predictions', 0)}")
print("targets: precision@3 >= 80, R1@1 >= 21.8, hit@3 >= 45")
PY
