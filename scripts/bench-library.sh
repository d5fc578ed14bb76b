#!/usr/bin/env bash
# The library's first screen on a large folder (issue 16, point 8), release build, in a tmux
# pane of 100×30: the time from launch until the list shows its rows, until the rows in view
# are filled in (counts instead of file sizes), until every row is filled (no "analysing"
# left in the footer), and the resident memory then (VmRSS, and the peak VmHWM). For reference, `ls -l DIR | less` in the same pane: the time until
# its first screen shows. Polls `tmux capture-pane` every ~2 ms (figures carry that much
# polling granularity). A benchmark, not a test.
#
#   scripts/bench-library.sh [DIR] [RUNS]     (default /tmp/corpus/files, 3 runs)
#
# Make the 1,788-file corpus with `bash /work/shared/tools/make-corpus.sh /tmp/corpus`.
# BRIEF_BINARY=PATH measures another build (an older commit's, for a before/after);
# BENCH_ENV="BRIEF_JOBS=2" passes settings to it.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/corpus/files}
runs=${2:-3}
[ -d "$dir" ] || { echo "bench-library: $dir is not a folder (see the header for the corpus)"; exit 1; }
command -v tmux >/dev/null || { echo "bench-library: tmux is not installed (apt-get install tmux)"; exit 1; }
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${BRIEF_BINARY:-}" ]; then
    swift build -c release --product brief >/dev/null
    BRIEF_BINARY=$PWD/.build/release/brief
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$runs" "$BRIEF_BINARY" "$dir" "$work" <<'PY'
import os, statistics, subprocess, sys, time
runs, brief, folder, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
count = len([n for n in os.listdir(folder) if not n.startswith(".")
             and n.rsplit(".", 1)[-1].lower() in ("md", "markdown", "txt", "html", "htm")])
socket_base = f"brief-library-{os.getpid()}"
socket = socket_base
serial = 0
env = (f"env {os.environ.get('BENCH_ENV', '')} TERM=xterm-256color LANG=C.UTF-8 LESS= LESSHISTFILE=- XDG_STATE_HOME={work}/state "
       f"XDG_DATA_HOME={work}/data")

def tmux(*args, capture=False):
    done = subprocess.run(["tmux", "-L", socket, *args], text=True, stderr=subprocess.PIPE,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    if done.returncode != 0:
        raise SystemExit(f"bench-library: tmux {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout

def screen():
    return tmux("capture-pane", "-p", "-t", "bench", capture=True)

def wait_until(predicate, limit=120.0):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        text = screen()
        if predicate(text):
            return time.perf_counter(), text
        time.sleep(0.002)
    raise SystemExit(f"bench-library: the screen did not show what was awaited within {limit} s:\n{screen()}")

def rows_shown(text):
    lines = text.split("\n")
    return len(lines) > 2 and f"{count} articles" in lines[0] and lines[1].strip() != ""

def view_filled(text):
    rows = [r for r in text.split("\n")[1:-2] if r.strip()]
    return rows_shown(text) and all(" min · " in r for r in rows)  # filled: minutes, not the file size

def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

def run(command, done=None):
    global socket, serial
    serial += 1
    socket = f"{socket_base}-{serial}"  # a fresh server each run
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "keep", "-x", "100", "-y", "30", "sleep 3600")
    try:
        launched = time.perf_counter()
        tmux("new-window", "-d", "-t", "keep", "-n", "bench", command)
        first, _ = wait_until(done[0])
        if len(done) > 2:
            view, _ = wait_until(done[2])
            views.append(view - launched)
        filled, _ = wait_until(done[1])
        pid = tmux("display-message", "-p", "-t", "bench", "#{pane_pid}", capture=True).strip()
        time.sleep(0.2)  # the last batch's memory is released
        return first - launched, filled - launched, memory(pid)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], stderr=subprocess.DEVNULL)

results = []
views = []
for r in range(runs):
    subprocess.run(["rm", "-rf", f"{work}/state", f"{work}/data"])
    results.append(run(f"exec {env} {brief} {folder}",
                       done=(rows_shown, lambda t: rows_shown(t) and "analysing" not in t, view_filled)))
    first, filled, (rss, peak) = results[-1]
    print(f"run {r + 1}: first screen {first * 1000:7.1f} ms   rows in view filled {views[-1] * 1000:7.1f} ms   all filled {filled * 1000:7.1f} ms   "
          f"RSS {rss:6.1f} MB (peak {peak:6.1f} MB)")
listing = os.path.join(work, "listing.txt")
with open(listing, "w") as out:
    subprocess.run(["ls", "-l", folder], stdout=out, check=True)
first_name = sorted(n for n in os.listdir(folder) if not n.startswith("."))[0]
less = [run(f"exec {env} sh -c 'ls -l {folder} | less'",
            done=(lambda t: first_name in t, lambda t: True))[0] for _ in range(runs)]
ms = lambda xs: statistics.median(xs) * 1000
print(f"{count} articles in {folder}, pane 100x30, {runs} runs")
print(f"brief: first screen median {ms([r[0] for r in results]):7.1f} ms, rows in view filled median "
      f"{ms(views):7.1f} ms, all filled median "
      f"{ms([r[1] for r in results]):7.1f} ms, RSS median {statistics.median([r[2][0] for r in results]):.1f} MB")
print(f"ls -l | less: first screen median {ms(less):7.1f} ms")
PY
