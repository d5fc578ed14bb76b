#!/usr/bin/env bash
# Peak resident memory for a large article (issue 7, item 2): `brief outline --format json`
# (parse, outline, claims, JSON) and the reader in tmux (opened, whole parse and analysis
# shown, then G), each against the article's size. The article is news-like Markdown from
# scripts/make-long-article.py.
#
#   scripts/bench-memory.sh [SIZE_MB]      (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-100}
export PATH="/opt/swift/usr/bin:$PATH"
command -v tmux >/dev/null || { echo "bench-memory: tmux is not installed (apt-get install tmux)"; exit 1; }
swift build -c release --product brief >/dev/null
brief=$PWD/.build/release/brief
work=$(mktemp -d)
socket=brief-memory-$$
trap 'tmux -L $socket kill-server 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
python3 scripts/make-long-article.py "$size_mb" "$work/long.md"
bytes=$(stat -c %s "$work/long.md")
mb() { echo "scale=1; $1 / 1000000" | bc; }
ratio() { echo "scale=2; $1 / $bytes" | bc; }

/usr/bin/time -f "%M" -o "$work/rss" "$brief" outline --format json "$work/long.md" >/dev/null
outline=$(( $(cat "$work/rss") * 1024 ))
echo "article: $(mb "$bytes") MB"
echo "brief outline --format json: peak RSS $(mb $outline) MB = $(ratio $outline)x the article"

tmux -L $socket -f /dev/null new-session -d -x 100 -y 30 \
    "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data $brief $work/long.md"
pid=$(tmux -L $socket display -p '#{pane_pid}')
# Wait until the analysis is shown: the status line stops saying "reading…"/"analysing…".
for _ in $(seq 1200); do
    sleep 0.25
    screen=$(tmux -L $socket capture-pane -p)
    if echo "$screen" | grep -q "key points" && ! echo "$screen" | grep -qE "reading…|analysing…"; then break; fi
done
tmux -L $socket send-keys G
sleep 0.5
reader=$(( $(awk '/VmHWM/ { print $2 }' "/proc/$pid/status") * 1024 ))
tmux -L $socket send-keys q
echo "reader (opened, analysed, G): peak RSS $(mb $reader) MB = $(ratio $reader)x the article"
