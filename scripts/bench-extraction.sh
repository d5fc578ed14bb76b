#!/usr/bin/env bash
# Article extraction, quality and speed: Brief beside trafilatura 2.3.1 and readability-lxml
# on ../shared/eval/extraction-dev (when present), then a 5 MB page: time and peak memory.
#   scripts/bench-extraction.sh [ROUNDS]
# The Python peers go into a virtual environment ($BRIEF_BENCH_VENV, default /tmp/brief-bench-venv)
# from PyPI on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
rounds="${1:-3}"
swift build -c release --product brief >/dev/null
brief="$PWD/.build/release/brief"

eval_dir="../shared/eval/extraction-dev"
if [ -d "$eval_dir" ]; then
  venv="${BRIEF_BENCH_VENV:-/tmp/brief-bench-venv}"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura, readability" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip   # venv's pip 23.2 fails on trafilatura's lxml extra
    "$venv/bin/pip" install -q trafilatura==2.3.1 readability-lxml
  fi
  "$venv/bin/python" scripts/bench-extraction.py "$brief" "$eval_dir/pages" "$eval_dir/truth.jsonl" \
    ../shared/eval/score-extraction.py --rounds "$rounds"
else
  echo "bench-extraction: $eval_dir is not here; skipping the quality and peer comparison"
fi

# A 5 MB page: a news page's shell around 5 MB of article paragraphs and boilerplate.
page="$(mktemp --suffix=.html)"
small="$(mktemp --suffix=.html)"
trap 'rm -f "$page" "$small"' EXIT
python3 - "$page" <<'PY'
import sys
out = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long report | Site</title></head><body>',
       '<nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav><article class="post-content"><h1>A long report</h1>']
i, size = 0, 0
while size < 5_000_000:
    p = (f'<p>Paragraph {i}: the council said on Tuesday that spending on roads, schools and clinics would rise '
         f'by {i % 97} percent, and critics, who had warned of delays, said the plan came too late.</p>\n')
    if i % 25 == 0:
        p += f'<h2>Section {i // 25}</h2><div class="share-tools"><a href="/s?{i}">Share</a></div>\n'
    out.append(p); size += len(p); i += 1
out.append('</article><footer class="footer"><a href="/about">About</a></footer></body></html>')
open(sys.argv[1], "w").write("".join(out))
PY
bytes=$(stat -c %s "$page")
best=""
for _ in $(seq "$rounds"); do
  /usr/bin/time -f "%e %M" -o /tmp/bench-extraction.time "$brief" extract --format json "$page" >/dev/null
  read -r seconds kb < /tmp/bench-extraction.time
  if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc)" = 1 ]; then best=$seconds; peak=$kb; fi
done
# What the program costs before any page (its code, Swift's runtime, ICU, libxml2, libcurl):
# the same command on a page of a few hundred bytes. The page's own cost is the rest.
printf '<!doctype html><html><head><title>Small</title></head><body><article><p>%s</p></article></body></html>' \
  "A short page: the council said on Tuesday that spending would rise." > "$small"
/usr/bin/time -f "%M" -o /tmp/bench-extraction.time "$brief" extract --format json "$small" >/dev/null
base=$(cat /tmp/bench-extraction.time)
echo "5 MB page ($bytes bytes): ${best} s, peak memory $((peak / 1024)) MB = $(echo "scale=2; $peak * 1024 / $bytes" | bc)x the page;" \
  "less the $((base / 1024)) MB brief takes for a small page: $(((peak - base) / 1024)) MB = $(echo "scale=2; ($peak - $base) * 1024 / $bytes" | bc)x the page"
