#!/bin/sh
# Benchmark of the interactive reader on a 20 MB article (issue 4): time to the first
# screen and time to handle each key, from the reader's own BRIEF_TIMING log, while
# tmux plays the person. Not part of `swift test`.
#
#   scripts/bench-reader.sh [--no-build] [SIZE_MB]
set -eu
cd "$(dirname "$0")/.."
build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
size_mb=${1:-20}
command -v tmux >/dev/null || { echo "bench-reader: tmux not installed" >&2; exit 1; }
[ $build = 1 ] && swift build -c release --product brief >&2
binary=$PWD/.build/release/brief

work=$(mktemp -d)
socket=brief-bench-$$
trap 'tmux -L $socket kill-server 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM

python3 scripts/make-long-article.py "$size_mb" "$work/huge.md"
bytes=$(wc -c < "$work/huge.md")

log=$work/timing.log
tmux -L $socket -f /dev/null new-session -d -x 100 -y 30 \
    "env TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$work/state BRIEF_TIMING=$log $binary $work/huge.md; sleep 600"

wait_for() {  # label in the timing log, seconds
    i=0
    while ! grep -q "^$1	" "$log" 2>/dev/null; do
        i=$((i + 1)); [ $i -gt $(($2 * 20)) ] && { echo "bench-reader: no $1 after $2 s" >&2; exit 1; }
        sleep 0.05
    done
}
wait_for first-screen 120
wait_for analysis-shown 600

handled() {  # waits until the log has more than $1 key lines; $2 says what for the error
    i=0
    while [ "$(grep -c '^key' "$log" || true)" -le "$1" ]; do
        i=$((i + 1)); [ $i -gt 2000 ] && { echo "bench-reader: $2 not handled" >&2; exit 1; }
        sleep 0.01
    done
}
keys() {  # send keys one at a time, waiting for each to be handled
    for k in "$@"; do
        before=$(grep -c '^key' "$log" || true)
        tmux -L $socket send-keys -t 0 "$k"
        handled "$before" "key $k"
    done
}
# Moves everywhere in the text: lines, pages, the end and back, sections, key points,
# the outline pane, a search and its matches, resize-free.
keys j j j j j Space Space Space b G g G k k '}' '}' '{' ']' ']' ']' '[' o o Tab j j j Enter Tab
keys / s e a Enter n n N
keys G Space b g
# Resizes: each arrives as a key and re-wraps the text at the new width.
for size in "80 24" "120 40" "60 20" "100 30"; do
    before=$(grep -c '^key' "$log" || true)
    tmux -L $socket resize-window -t 0 -x ${size% *} -y ${size#* }
    handled "$before" "resize to $size"
done
keys G '}' ']' g
tmux -L $socket send-keys -t 0 q

printf 'article: %s bytes (%s MB requested)\n' "$bytes" "$size_mb"
grep -v '^key' "$log" | awk -F'\t' '{ printf "%-16s %8.1f ms after start\n", $1, $2 / 1000 }'
echo "slowest keys:"
grep '^key' "$log" | sort -t "$(printf '\t')" -k2,2nr | head -5 | awk -F'\t' '{ printf "  %-8s %8.2f ms\n", $3, $2 / 1000 }'
grep '^key' "$log" | cut -f2 | sort -n | awk '
    { v[NR] = $1; sum += $1 }
    END {
        if (NR == 0) exit
        printf "keys handled:    %d\n", NR
        printf "per key median:  %.2f ms\n", v[int((NR + 1) / 2)] / 1000
        printf "per key p95:     %.2f ms\n", v[int(NR * 0.95 + 0.5)] / 1000
        printf "per key max:     %.2f ms\n", v[NR] / 1000
    }'
