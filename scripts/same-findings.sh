#!/usr/bin/env bash
# same-findings.sh: checks that a build gives byte-identical JSON reports to a saved set, on
# the shared corpora and the examples (a refactoring of comparison or alignment must not
# change findings).
#
# Usage:
#   scripts/same-findings.sh save DIR [BIN]    # writes DIR/*.json with BIN (default release)
#   scripts/same-findings.sh check DIR [BIN]   # compares BIN's reports with DIR/*.json
#
# The 10 MiB bench corpus (scripts/bench-corpus.sh --size 10M --mode jsonl --build-only) is
# included when it has been built. FORMATS="json human sarif ..." compares those formats too
# (default: json); human output is compared without colour.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:?save or check}"
dir="${2:?a folder for the reports}"
bin="${3:-$root/target/release/crosscheck}"
shared="$root/../shared/corpus"
[[ -d "$shared" ]] || shared=/work/shared/corpus
bench="$root/target/bench-corpus/corpus-10M-jsonl.jsonl"
mkdir -p "$dir"
runs=(
    "train-folder|--group-by folder $shared/incidents-train"
    "ecb-folder|--group-by folder $shared/ecbplus"
    "ecb-all|--group-by all $shared/ecbplus"
    "seeds|$shared/seeds"
    "examples|$root/examples"
)
[[ -f "$bench" ]] && runs+=("bench10-all|--group-by all $bench" "bench10-folder|--group-by folder $bench")
status=0
for format in ${FORMATS:-json}; do
    for run in "${runs[@]}"; do
        name="${run%%|*}"
        [[ "$format" != json ]] && name="$name.$format"
        read -r -a args <<<"${run#*|}"
        out="$dir/$name.json"
        [[ "$what" == check ]] && out="$dir/$name.new.json"
        (cd "$root" && "$bin" check --color never --format "$format" "${args[@]}" >"$out" 2>/dev/null) || true
        if [[ "$what" == check ]]; then
            if cmp -s "$dir/$name.json" "$out"; then
                echo "same:      $name"
            else
                echo "DIFFERENT: $name (diff $dir/$name.json $out)"
                status=1
            fi
        fi
    done
done
exit $status
