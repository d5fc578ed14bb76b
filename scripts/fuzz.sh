#!/usr/bin/env bash
# Fuzzes the parser (Markdown, plain text, HTML through libxml2), outline, renderings, the
# extract formats and note anchoring with libFuzzer + AddressSanitizer.
# Usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags…]   (default 600 seconds)
# The corpus starts from Articles/ and grows in .fuzz/corpus; crashes land in .fuzz/crashes.
# Every crash found becomes a regression test in Tests/BriefCoreTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds=${1:-600}; shift || true
work=.fuzz; mkdir -p "$work/build" "$work/corpus" "$work/crashes"
cp -n Articles/* "$work/corpus/" 2>/dev/null || true
# Web pages to start from: a few tags, entities and charsets (the first byte "\x02" picks HTML).
printf '\x02<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>T - S</title></head><body><nav><a href="/">Home</a></nav><article><h2>S</h2><p>A &amp; b, c&eacute;. <a href="x">l</a></p><ul><li>i</li></ul><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><pre><code>x</code></pre></article></body></html>' > "$work/corpus/seed-page.html"
printf '\x02<html><body><div class="content"><p>One, two.<p>Three<blockquote>q</blockquote><img alt="a"><br></div>' > "$work/corpus/seed-broken.html"

# CICU as a C library with the sanitizers, and a module map so Swift can import it.
for c in Sources/CICU/*.c; do
  clang -c -O1 -g -fsanitize=fuzzer-no-link,address -ISources/CICU/include "$c" -o "$work/build/$(basename "$c" .c).o"
done
mkdir -p "$work/build/modules/CICU"
cat > "$work/build/modules/CICU/module.modulemap" <<MAP
module CICU {
  umbrella "$(pwd)/Sources/CICU/include"
  export *
}
MAP
# Analysis and Notes import FoundationEssentials, which swiftc links by name; CXML is
# libxml2's module map, used as it is.
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name BriefFuzz \
  -I "$work/build/modules" -I Sources/CXML -Xcc -I/usr/include/libxml2 \
  $(find Sources/BriefCore -name '*.swift' | sort) Fuzz/FuzzArticle.swift \
  "$work"/build/*.o -licuuc -licudata -licui18n -lxml2 -lFoundationEssentials -o "$work/build/fuzz-article" 2>&1 \
  | { grep -v "Cannot export local symbol" || true; }
echo "fuzz: running for ${seconds}s"
"$work/build/fuzz-article" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -artifact_prefix="$work/crashes/" -print_final_stats=1 "$@"
