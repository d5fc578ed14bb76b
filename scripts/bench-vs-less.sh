#!/usr/bin/env bash
# The reader against less, side by side (issue 7, item 3): in a tmux pane of 100×30, the
# time from launch until the first screen of a 22 MB article shows, and the time from
# pressing G until its last line shows, for `brief FILE` and `less FILE`, alternating
# which goes first. Reports each tool's medians and the median of the per-round ratios
# (absolute times drift on shared machines). Polls `tmux capture-pane` every ~2 ms, so
# figures carry a few milliseconds of polling granularity, the same for both tools.
#
#   scripts/bench-vs-less.sh [ROUNDS] [SIZE_MB]      (default 7 rounds, 22 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
size_mb=${2:-22}
export PATH="/opt/swift/usr/bin:$PATH"
command -v tmux >/dev/null || { echo "bench-vs-less: tmux is not installed (apt-get install tmux)"; exit 1; }
command -v less >/dev/null || { echo "bench-vs-less: less is not installed (apt-get install less)"; exit 1; }
swift build -c release --product brief >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/make-long-article.py "$size_mb" "$work/long.md"
python3 - "$rounds" "$PWD/.build/release/brief" "$work" <<'PY'
import os, statistics, subprocess, sys, time
rounds, brief, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
article = os.path.join(work, "long.md")
socket_base = f"brief-vs-less-{os.getpid()}"
socket = socket_base
# Both tools: no remembered state, no notes, plain terminal settings.
env = (f"env TERM=xterm-256color LANG=C.UTF-8 LESS= LESSHISTFILE=- XDG_STATE_HOME={work}/state "
       f"XDG_DATA_HOME={work}/data")
commands = {"brief": f"{env} {brief} {article}", "less": f"{env} less {article}"}
first_marker, last_marker = "A Very Long Read About Everything", "Finis coronat opus."

def tmux(*args, capture=False):
    done = subprocess.run(["tmux", "-L", socket, *args], text=True, stderr=subprocess.PIPE,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    if done.returncode != 0:
        raise SystemExit(f"bench-vs-less: tmux {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout

def wait_for(marker, limit=30.0):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if marker in tmux("capture-pane", "-p", "-t", "bench", capture=True):
            return time.perf_counter()
        time.sleep(0.002)
    raise SystemExit(f"bench-vs-less: '{marker}' did not show within {limit} s")

def run(tool):
    global socket
    socket = f"{socket_base}-{len(results['brief']) + len(results['less'])}-{tool}"  # a fresh server each run
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "keep", "-x", "100", "-y", "30", "sleep 3600")
    try:
        launched = time.perf_counter()
        tmux("new-window", "-d", "-t", "keep", "-n", "bench", commands[tool])
        # the window is addressed by name; the first screen is the title line
        first = wait_for(first_marker) - launched
        time.sleep(0.3)  # a person looks at the first screen before pressing G
        pressed = time.perf_counter()
        tmux("send-keys", "-t", "bench", "G")
        end = wait_for(last_marker) - pressed
        return first, end
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)

results = {"brief": [], "less": []}
ratios = {"first": [], "end": []}
for r in range(rounds):
    order = ["brief", "less"] if r % 2 == 0 else ["less", "brief"]
    got = {tool: run(tool) for tool in order}
    for tool in order: results[tool].append(got[tool])
    ratios["first"].append(got["brief"][0] / got["less"][0])
    ratios["end"].append(got["brief"][1] / got["less"][1])
ms = lambda xs: statistics.median(xs) * 1000
size = os.path.getsize(article)
print(f"article: {size / 1e6:.1f} MB, pane 100x30, {rounds} alternating rounds")
for tool in ("brief", "less"):
    print(f"{tool:6} first screen median {ms([f for f, _ in results[tool]]):7.1f} ms   "
          f"end after G median {ms([e for _, e in results[tool]]):7.1f} ms")
print(f"median of ratios brief/less: first screen {statistics.median(ratios['first']):.2f}, "
      f"end after G {statistics.median(ratios['end']):.2f}  (target <= 2.0)")
PY
