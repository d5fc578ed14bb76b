#!/usr/bin/env bash
# Installs the Debian packages Brief needs that are missing; prints nothing when none is.
# Usage: scripts/setup.sh [--tests]   (--tests: also what the tests and scripts need)
# As root it installs them with apt-get; otherwise it names them and exits 1.
set -euo pipefail

# To build:
# libncurses-dev, libicu-dev: the reader's terminal and Unicode segmentation.
# libxml2-dev: libxml2, the system library for reading HTML and feeds.
# libcurl4-openssl-dev: libcurl, the HTTP client (Sources/CCurl).
needed=(libncurses-dev libicu-dev libxml2-dev libcurl4-openssl-dev)
if [ "${1:-}" = --tests ]; then
  # unicode-data: Unicode's conformance files for the segmentation tests.
  # tmux: end-to-end tests. cmark: the reference parser for scripts/cmark-agreement.py.
  # python3: the loopback HTTP server of the web and HTTP tests (Tests/BriefProcess/fault-server.py).
  # bc: timing arithmetic in scripts/pathological.sh.
  needed+=(unicode-data tmux cmark python3 bc)
elif [ $# -gt 0 ]; then
  echo "usage: scripts/setup.sh [--tests]" >&2
  exit 64
fi

missing=()
for package in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "brief setup: missing Debian packages: ${missing[*]} — run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "brief setup: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
