#!/usr/bin/env bash
# bench-matrix.sh: runs scripts/bench-corpus.sh for every mode and format on one corpus size,
# so that the README's speed section can give a figure for each, not only the fastest.
#
# Usage:
#   scripts/bench-matrix.sh [--size 100M] [--out DIR] [--formats "json human ..."]
#                           [--group-by "folder all"]
#
# Each run appends a line to OUT/results.tsv (wall, MiB/s, peak RSS, exit, format) and prints
# bench-corpus.sh's summary. `--group-by folder` with json, json-lines, human, sarif, github or
# rdjsonl is the streamed run (one batch of folders at a time); every other pair holds the run's
# claims (but no text) in memory (ARCHITECTURE.md, "How a run holds memory").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="100M"
out="$root/target/bench-corpus"
formats="json json-lines human sarif github rdjsonl markdown html"
groupings="folder all"
while [[ $# -gt 0 ]]; do
    case "$1" in
    --size) size="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --formats) formats="$2"; shift 2 ;;
    --group-by) groupings="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-matrix: unknown argument: $1" >&2; exit 2 ;;
    esac
done
for g in $groupings; do
    for f in $formats; do
        "$root/scripts/bench-corpus.sh" --size "$size" --mode jsonl --group-by "$g" --format "$f" \
            --out "$out" --bin "$root/target/release/crosscheck" | grep -E '^(input|wall|peak)'
        rm -f "$out"/report-*.out
    done
done
