#!/usr/bin/env bash
# Fuzzes what reads students' files (snapshot decoder, validator, journal reader and replay)
# with libFuzzer and AddressSanitizer. Same usage as scripts/fuzz.sh; see docs/fuzzing.md.
#
#   scripts/fuzz-records.sh -max_total_time=180
#   scripts/fuzz-records.sh --build-only     # compile the target, run nothing (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

out=.build/fuzz-records
mkdir -p "$out/corpus" "$out/artifacts"
core=Sources/SaferCore
echo "Building $out/record-fuzz…" >&2
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name SaferCore \
  "$core"/Records/*.swift "$core"/Support/*.swift "$core"/Review/*.swift "$core"/Model/AgeBand.swift Fuzz/RecordFuzz.swift -o "$out/record-fuzz" 2>&1 |
  { grep -v "Cannot export local symbol" || true; } >&2
[ "${1:-}" = "--build-only" ] && exit 0

if [ $# -gt 0 ] && [ -f "$1" ]; then
  exec "$out/record-fuzz" "$@"
fi
cp Tests/SaferCoreTests/Records/Corpus/* "$out/corpus/" 2>/dev/null || true
exec "$out/record-fuzz" "$out/corpus" -max_len=65536 -timeout=5 -artifact_prefix="$out/artifacts/" "$@"
