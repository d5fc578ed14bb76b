#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own
# build folder. Usage: scripts/sanitizers.sh [address|thread]…  (default: both)
# CI runs it when BRIEF_SANITIZERS=1 is set (.ci/run), since each is a full rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
kinds=("$@"); [ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
# Leaks inside the toolchain's own test runner and Foundation's Process, not in Brief.
export LSAN_OPTIONS="suppressions=$(pwd)/.ci/lsan-suppressions.txt:print_suppressions=0"
for kind in "${kinds[@]}"; do
  echo "== swift test --sanitize=$kind"
  # The end-to-end tests run the sanitized binary too.
  swift build --sanitize="$kind" --scratch-path ".build-$kind" --product brief
  # A sanitized binary is several times slower: the tmux tests' deadlines stretch with it.
  BRIEF_TEST_TIME_SCALE=8 BRIEF_BINARY="$(pwd)/.build-$kind/debug/brief" \
    swift test --sanitize="$kind" --scratch-path ".build-$kind"
done
