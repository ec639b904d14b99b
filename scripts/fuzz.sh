#!/usr/bin/env bash
# Fuzzes the question-bank parsers (GIFT and Aiken) with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh                          # run until stopped (Ctrl-C)
#   scripts/fuzz.sh -max_total_time=180      # any libFuzzer option can follow
#   scripts/fuzz.sh path/to/crash-…          # replay one input
#   scripts/fuzz.sh --build-only             # compile the target, run nothing (CI)
#
# The target is Fuzz/GIFTFuzz.swift compiled with the SaferCore sources the parsers need
# (not Yams, so no package build is involved). Seeds come from the GIFT test corpus; new
# inputs libFuzzer finds are kept in .build/fuzz/corpus. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

out=.build/fuzz
mkdir -p "$out/corpus" "$out/artifacts"
core=Sources/SaferCore
sources=(
  "$core"/Model/*.swift "$core"/Formats/GIFT/*.swift "$core"/Formats/Aiken/*.swift
  "$core"/Formats/QuestionBank.swift "$core"/Formats/IdentifierRules.swift "$core"/Support/*.swift
  "$core"/Scoring/Grader.swift "$core"/Scoring/Grade.swift "$core"/Scoring/ResponseProblem.swift
  "$core"/Scoring/TextMatcher.swift
  "$core"/Formats/Export/GIFTWriter*.swift "$core"/Formats/Export/ShortAnswerPattern.swift
  "$core"/Formats/Export/YAMLWriter.swift "$core"/Formats/Export/YAMLText.swift
)
echo "Building $out/gift-fuzz…" >&2
# (ld.gold's notes about AddressSanitizer's local symbols are noise.)
swiftc -sanitize=fuzzer,address -parse-as-library -enable-bare-slash-regex -O -g -module-name SaferCore \
  "${sources[@]}" Fuzz/GIFTFuzz.swift -o "$out/gift-fuzz" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2
[ "${1:-}" = "--build-only" ] && exit 0

if [ $# -gt 0 ] && [ -f "$1" ]; then
  exec "$out/gift-fuzz" "$@"
fi
cp Tests/SaferCoreTests/Formats/GIFT/Corpus/*.gift "$out/corpus/"
exec "$out/gift-fuzz" "$out/corpus" -dict=Fuzz/gift.dict -max_len=4096 -timeout=5 \
  -artifact_prefix="$out/artifacts/" "$@"
