#!/usr/bin/env bash
# Key points of the shipped model on the labelled development sets in ../shared/eval (outside the
# repository; never copied into it), beside the sets' own baselines in the same run:
#   editorials-dev, essays-dev: precision@3, R1@1, hit@3 (score-claims.py), lead-3 and TextRank;
#   news-dev: top-3 ROUGE-1/2/Lsum against the highlights (score-news.py), lead-3;
#   the kind decided for each set, and for the bundled Articles/.
# These are in-sample figures (the model was fitted on these sets); the held-out figures that
# count come from scripts/fit-key-points.py, which fits each fold without its articles.
#
#   scripts/eval-key-points.sh                       # build release, score, print the tables
#   BRIEF=.build/debug/brief scripts/eval-key-points.sh
#   PYTHON=/path/to/venv/bin/python scripts/eval-key-points.sh   # a Python with rouge-score
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
eval_dir="${BRIEF_EVAL_DIR:-$repo/../shared/eval}"
python="${PYTHON:-python3}"
if [[ ! -f "$eval_dir/score-claims.py" || ! -d "$eval_dir/editorials-dev" ]]; then
    echo "eval-key-points: no evaluation data at $eval_dir (expected editorials-dev/, essays-dev/, news-dev/);"
    echo "eval-key-points: nothing to measure here, so nothing was run."
    exit 0
fi

cd "$repo"
if [[ -z "${BRIEF:-}" ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
    swift build -c release --product brief >&2
    BRIEF="$repo/.build/release/brief"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/brief-eval.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for set in editorials-dev essays-dev news-dev; do
    "$BRIEF" claims --format json --limit 3 "$eval_dir/$set/articles"/*.txt > "$work/$set.jsonl"
done

for set in editorials-dev essays-dev; do
    echo "$set"
    brief_line="$("$python" "$eval_dir/score-claims.py" "$eval_dir/$set/labels.jsonl" "$work/$set.jsonl")"
    baselines="$("$python" "$eval_dir/score-claims.py" "$eval_dir/$set/labels.jsonl" --baselines)"
    "$python" - "$brief_line" "$baselines" <<'PY'
import json, sys
rows = [("brief", json.loads(sys.argv[1]))]
for line in sys.argv[2].splitlines():
    name, _, data = line.partition(" ")
    rows.append((name, json.loads(data)))
print(f"  {'':12} {'precision@3':>11} {'R1@1':>6} {'hit@3':>6}")
for name, r in rows:
    print(f"  {name:12} {r['precision@3']:>11} {r['R1@1']:>6} {r['hit@3']:>6}")
PY
done

echo "news-dev"
if "$python" -c "import rouge_score" 2>/dev/null; then
    for run in "$work/news-dev.jsonl" "--lead 3"; do
        # shellcheck disable=SC2086
        "$python" "$eval_dir/score-news.py" "$eval_dir/news-dev/labels.jsonl" $run
    done | "$python" -c '
import json, sys
print("  %-12s %7s %7s %10s" % ("", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum"))
for line in sys.stdin:
    r = json.loads(line)
    print("  %-12s %7s %7s %10s" % (r["system"], r["rouge1"], r["rouge2"], r["rougeLsum"]))'
else
    echo "  (skipped: $python has no rouge-score; pip install rouge-score==0.1.2, or set PYTHON)"
fi

echo "kind decided"
for set in editorials-dev essays-dev news-dev; do
    "$python" - "$set" "$work/$set.jsonl" <<'PY'
import collections, json, sys
kinds = collections.Counter(json.loads(l)["kind"] for l in open(sys.argv[2]) if l.strip())
want = "news" if sys.argv[1] == "news-dev" else "argued"
right = sum(n for k, n in kinds.items() if (k == "news") == (want == "news"))
print(f"  {sys.argv[1]:16} {right}/{sum(kinds.values())} right ({want}): " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
PY
done
for f in "$repo"/Articles/*; do
    "$BRIEF" claims --format json --limit 1 "$f" | "$python" -c 'import json, sys; r = json.load(sys.stdin); print("  %-10s %s" % (r["kind"], r["source"].split("/")[-1]))'
done
