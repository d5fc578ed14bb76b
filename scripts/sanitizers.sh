#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own
# build folder. Usage: scripts/sanitizers.sh [address|thread]…  (default: both)
# CI runs it when BRIEF_SANITIZERS=1 is set (.ci/run), since each is a full rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
kinds=("$@"); [ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
for kind in "${kinds[@]}"; do
  echo "== swift test --sanitize=$kind"
  swift test --sanitize="$kind" --scratch-path ".build-$kind"
done
