#!/usr/bin/env bash
# Bad files through `brief outline`: each must give one clear line (or a sensible article),
# never a crash, a hang or a backtrace. Usage: scripts/bad-files.sh [BRIEF_BINARY]
# Exits 1 on the first case that misbehaves; prints a line per case.
set -uo pipefail
cd "$(dirname "$0")/.."
brief=${1:-.build/release/brief}
[ -x "$brief" ] || { swift build -c release --product brief >/dev/null && brief=.build/release/brief; }
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
failures=0

# check NAME EXPECTED_STATUS STDERR_PATTERN -- COMMAND…
check() {
  local name=$1 want=$2 pattern=$3; shift 4
  local out="$dir/out" err="$dir/err" start end status
  start=$(date +%s.%N)
  timeout 60 "$@" >"$out" 2>"$err"; status=$?
  end=$(date +%s.%N)
  local lines; lines=$(wc -l <"$err")
  local ok=1
  [ "$status" = "$want" ] || ok=0
  if [ -n "$pattern" ]; then grep -qE "$pattern" "$err" && [ "$lines" -le 1 ] || ok=0; else [ "$lines" = 0 ] || ok=0; fi
  grep -qiE "fatal error|backtrace|stack dump|segmentation" "$err" && ok=0
  # No raw control characters in what reached the terminal or pipe.
  LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]' "$out" "$err" && ok=0
  printf '%-28s status %-3s %6.2fs  %s\n' "$name" "$status" "$(echo "$end - $start" | bc -l)" "$(head -c 100 "$err")"
  if [ "$ok" = 0 ]; then echo "  FAIL: expected status $want and stderr /$pattern/"; failures=$((failures + 1)); fi
}

check "missing" 1 "brief: $dir/nope.md: No such file or directory" -- "$brief" outline "$dir/nope.md"
mkdir "$dir/empty-dir"
check "directory without articles" 1 "no articles here" -- "$brief" outline "$dir/empty-dir"
: > "$dir/empty.txt"
check "empty file" 0 "" -- "$brief" outline "$dir/empty.txt"
check "binary (/bin/ls)" 0 "" -- "$brief" outline /bin/ls
printf 'Title\n\xff\xfe bad \xc0\xaf bytes and \xed\xa0\x80 a surrogate.\n' > "$dir/invalid.txt"
check "invalid UTF-8" 0 "" -- "$brief" outline "$dir/invalid.txt"
mkfifo "$dir/fifo.md"
check "FIFO" 1 "not a regular file" -- "$brief" outline "$dir/fifo.md"
ln -s "$dir/loop-b.md" "$dir/loop-a.md"; ln -s "$dir/loop-a.md" "$dir/loop-b.md"
check "symlink loop" 1 "Too many levels of symbolic links" -- "$brief" outline "$dir/loop-a.md"
check "device (/dev/zero)" 1 "not a regular file" -- "$brief" outline /dev/zero
echo 'Secret Title' > "$dir/secret.txt"; chmod 000 "$dir/secret.txt"
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then
    chmod 755 "$dir"
    check "permission denied" 1 "Permission denied" -- setpriv --reuid=65534 --regid=65534 --clear-groups "$(realpath "$brief")" outline "$dir/secret.txt"
  else
    echo "permission denied            SKIPPED: running as root without setpriv"
  fi
else
  check "permission denied" 1 "Permission denied" -- "$brief" outline "$dir/secret.txt"
fi
python3 - "$dir/big.txt" <<'PY'
import sys
para = ("The committee said the plan would cut costs by 3.5% over five years, a figure critics called optimistic. " * 8).strip()
with open(sys.argv[1], "w") as f:
    f.write("A Very Long Article\n")
    n = 0
    while n < 100 * 1024 * 1024:
        f.write(para + "\n"); n += len(para) + 1
PY
check "100 MB text file" 0 "" -- /usr/bin/time -f "%M" -o "$dir/rss" "$brief" outline --format json "$dir/big.txt"
echo "  peak RSS for 100 MB: $(( $(cat "$dir/rss") / 1024 )) MB"

if [ "$failures" -gt 0 ]; then echo "bad-files: $failures case(s) failed"; exit 1; fi
echo "bad-files: all cases behaved"
