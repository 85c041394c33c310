#!/usr/bin/env bash
# bench-corpus.sh: times `crosscheck check` end to end on a large corpus built by repeating the
# real corpora in ../shared/corpus (ecbplus and incidents-dev) up to a target size, and records
# wall time, throughput (MiB/s and MB/s) and peak memory (maximum resident set size, from
# `/usr/bin/time -v`).
#
# Usage:
#   scripts/bench-corpus.sh [--size 100M|1G|BYTES] [--mode auto|jsonl|folder]
#                           [--group-by folder|all] [--format F] [--jobs N] [--bin PATH] [--out DIR]
#                           [--shared DIR] [--build-only]
#
#   --size      target corpus size; suffixes K, M, G (powers of 1024). Default 100M.
#   --mode      jsonl:  one JSON Lines file, one article a line:
#                       {"id", "text", "group", "title", "date", "source", "url"}
#                       (front matter is moved out of `text` into the fields).
#               folder: a folder tree of the original .txt/.md files, one copy per
#                       repetition (r0001/ecbplus/..., r0002/...): many small files.
#               auto:   jsonl when the binary reads JSON Lines input, folder otherwise
#                       (the default). The mode that ran is printed and recorded.
#   --group-by  passed to crosscheck (default folder: each repetition of a story is its own
#               group, as in a newsroom corpus of many stories; `all` compares every copy
#               with every other, which measures alignment under heavy duplication).
#               With `folder` the JSON report is streamed a batch of folders at a time; with
#               `all` every claim (but no text) is held until the report (ARCHITECTURE.md,
#               "How a run holds memory").
#   --format F  the report format (default json): human, json, json-lines, sarif, github,
#               rdjsonl, markdown, html. Human output is written to the report file too.
#   --jobs N    passed as `--jobs N` when the binary has that flag.
#   --bin       the binary to time (default: target/release/crosscheck, built first).
#   --out       where the corpus and results go (default target/bench-corpus; never commit
#               it). Results are appended to OUT/results.tsv.
#   --shared    the folder holding corpus/ecbplus and corpus/incidents-dev (default
#               ../shared next to the repository).
#   The corpus is kept in OUT and reused by the next run of the same size and mode; delete OUT
#   to rebuild it.
#   --build-only  build the corpus and stop.
#
# Needs: bash, python3 (to write the corpus), /usr/bin/time (Debian: apt-get install time).
#
# Examples:
#   scripts/bench-corpus.sh                       # 100 MB, JSON Lines if supported
#   scripts/bench-corpus.sh --size 1G --mode jsonl
#   scripts/bench-corpus.sh --mode folder --jobs 1
#
# What is measured: one run of `crosscheck check --format json --group-by G INPUT` with its
# report written to OUT/report-*.json (so terminal rendering is not timed). The corpus is
# read once before timing (`cat > /dev/null`) so that the page cache is warm and the figure is
# the tool's, not the disk's.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="100M"
mode="auto"
group_by="folder"
format="json"
jobs=""
bin=""
out="$root/target/bench-corpus"
shared="$root/../shared"
build_only=false

die() {
    echo "bench-corpus: $*" >&2
    exit 2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
    --size) size="${2:?--size needs a value}"; shift 2 ;;
    --mode) mode="${2:?--mode needs a value}"; shift 2 ;;
    --group-by) group_by="${2:?--group-by needs a value}"; shift 2 ;;
    --format) format="${2:?--format needs a value}"; shift 2 ;;
    --jobs) jobs="${2:?--jobs needs a value}"; shift 2 ;;
    --bin) bin="${2:?--bin needs a value}"; shift 2 ;;
    --out) out="${2:?--out needs a value}"; shift 2 ;;
    --shared) shared="${2:?--shared needs a value}"; shift 2 ;;
    --build-only) build_only=true; shift ;;
    -h | --help) sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
    esac
done

case "$mode" in auto | jsonl | folder) ;; *) die "--mode is auto, jsonl or folder" ;; esac
case "$group_by" in folder | all) ;; *) die "--group-by is folder or all" ;; esac

# Size in bytes from 100M, 1G, 512K or a plain number.
bytes="$(python3 - "$size" <<'EOF'
import sys
s = sys.argv[1].strip().upper().removesuffix("B")
scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(s[-1:], 1)
digits = s[:-1] if s[-1:] in "KMG" else s
print(int(float(digits) * scale))
EOF
)" || die "bad --size: $size"

sources=("$shared/corpus/ecbplus" "$shared/corpus/incidents-dev")
for s in "${sources[@]}"; do
    [[ -d "$s" ]] || die "source corpus not found: $s (use --shared DIR)"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (Debian: apt-get install time)"

if [[ -z "$bin" ]]; then
    echo "+ cargo build --release" >&2
    (cd "$root" && cargo build --release --quiet)
    bin="$root/target/release/crosscheck"
fi
[[ -x "$bin" ]] || die "binary not found: $bin"
mkdir -p "$out"

# Does this binary read JSON Lines input? Ask it about a two-line file.
supports_jsonl() {
    local probe="$out/probe.jsonl"
    printf '%s\n' \
        '{"id": "a", "text": "The fire killed 3 people.", "group": "g"}' \
        '{"id": "b", "text": "The fire killed 4 people.", "group": "g"}' >"$probe"
    # Exit 1 (a conflict) is a finished run: with pipefail it must not fail the probe.
    { "$bin" check --format json "$probe" 2>/dev/null || true; } |
        python3 -c 'import json, sys; d = json.load(sys.stdin); sys.exit(0 if d["summary"]["documents"] == 2 else 1)' \
            2>/dev/null
}

if [[ "$mode" == auto ]]; then
    if supports_jsonl; then
        mode=jsonl
    else
        mode=folder
        echo "bench-corpus: this binary does not read JSON Lines input; falling back to folder mode" >&2
    fi
elif [[ "$mode" == jsonl ]] && ! supports_jsonl; then
    echo "bench-corpus: warning: this binary does not seem to read JSON Lines input" >&2
fi

# Builds the corpus (once per size and mode) with python3: whole repetitions of both source
# corpora, in sorted file order, until the target size is reached.
corpus="$out/corpus-$size-$mode"
[[ "$mode" == jsonl ]] && corpus="$corpus.jsonl"
if [[ ! -e "$corpus.done" ]]; then
    rm -rf "$corpus"
    echo "+ building $corpus ($bytes bytes, $mode)" >&2
    python3 - "$mode" "$bytes" "$corpus" "${sources[@]}" <<'EOF'
import json, os, sys

mode, target, dest, *sources = sys.argv[1:]
target = int(target)
files = []
for src in sources:
    base = os.path.basename(src.rstrip("/"))
    for folder, dirs, names in os.walk(src):
        dirs.sort()
        for name in sorted(names):
            if name.lower().endswith((".txt", ".md", ".markdown")):
                path = os.path.join(folder, name)
                rel = os.path.join(base, os.path.relpath(path, src))
                with open(path, "rb") as f:
                    files.append((rel, f.read()))

def split_front_matter(text):
    """(fields, body) of a Markdown file with a `---` front matter block."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    fields = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("title", "date", "source", "url"):
            fields[key.strip()] = value.strip().strip('"')
    return fields, text[end + 5:]

written = 0
rep = 0
out = open(dest, "w", encoding="utf-8") if mode == "jsonl" else None
while written < target:
    rep += 1
    for rel, data in files:
        if written >= target:
            break
        if mode == "jsonl":
            text = data.decode("utf-8", errors="replace")
            fields, body = split_front_matter(text)
            story = os.path.dirname(rel)
            record = {"id": f"r{rep:04d}/{rel}", "text": body, "group": f"r{rep:04d}/{story}"}
            record.update(fields)
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
        else:
            path = os.path.join(dest, f"r{rep:04d}", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            written += len(data)
if out:
    out.close()
print(f"{written} bytes in {rep} repetitions of {len(files)} articles", file=sys.stderr)
EOF
    touch "$corpus.done"
fi
$build_only && { echo "$corpus"; exit 0; }

# The bytes the tool reads, and a warm page cache.
if [[ "$mode" == jsonl ]]; then
    input_bytes=$(stat -c %s "$corpus")
    cat "$corpus" >/dev/null
    files=1
else
    input_bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
    files=$(find "$corpus" -type f | wc -l)
    find "$corpus" -type f -exec cat {} + >/dev/null
fi

args=(check --format "$format" --group-by "$group_by")
if [[ -n "$jobs" ]]; then
    if "$bin" check --help 2>/dev/null | grep -q -- '--jobs'; then
        args+=(--jobs "$jobs")
    else
        echo "bench-corpus: this binary has no --jobs flag; ignoring --jobs $jobs" >&2
        jobs=""
    fi
fi
report="$out/report-$size-$mode-$group_by-$format.out"
timing="$out/time-$size-$mode-$group_by-$format.txt"

echo "+ $bin ${args[*]} $corpus" >&2
set +e
/usr/bin/time -v -o "$timing" "$bin" "${args[@]}" "$corpus" >"$report" 2>"$out/stderr.txt"
status=$?
set -e
# 0 no conflicts, 1 conflicts: both are a finished run.
if [[ $status -gt 1 ]]; then
    echo "bench-corpus: crosscheck exited $status; see $out/stderr.txt" >&2
    tail -n 20 "$out/stderr.txt" >&2
fi

python3 - "$timing" "$report" "$input_bytes" "$mode" "$size" "$files" "$group_by" "${jobs:-default}" "$out/results.tsv" "$status" "$format" <<'EOF'
import json, os, sys, time

timing, report, input_bytes, mode, size, files, group_by, jobs, results, status, fmt = sys.argv[1:]
fields = {}
for line in open(timing):
    key, sep, value = line.strip().rpartition(": ")
    if sep:
        fields[key] = value

def seconds(clock):
    total = 0.0
    for part in clock.split(":"):
        total = total * 60 + float(part)
    return total

wall = seconds(fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"])
user = float(fields["User time (seconds)"])
system = float(fields["System time (seconds)"])
rss_mb = int(fields["Maximum resident set size (kbytes)"]) / 1024
mb = int(input_bytes) / (1 << 20)
summary = {}
try:
    summary = json.load(open(report)).get("summary", {})
except (OSError, ValueError):
    pass
rate = mb / wall if wall else float("inf")
print(f"mode:        {mode} ({'one JSON Lines file' if mode == 'jsonl' else files + ' files in a folder tree'})")
print(f"input:       {mb:.1f} MiB, group-by {group_by}, format {fmt}, jobs {jobs}, exit {status}")
print(f"wall:        {wall:.2f} s (user {user:.2f} s, system {system:.2f} s, CPU {fields.get('Percent of CPU this job got', '?')})")
# The issue's target is in MB (10^6 bytes); the corpus size is in MiB.
print(f"throughput:  {rate:.1f} MiB/s ({int(input_bytes) / 1e6 / wall if wall else float('inf'):.1f} MB/s)")
print(f"peak RSS:    {rss_mb:.0f} MiB")
if summary:
    print("summary:     " + ", ".join(f"{k} {v}" for k, v in summary.items()))
new = not os.path.exists(results)
with open(results, "a") as f:
    if new:
        f.write("when\tmode\tsize\tinput_mib\tgroup_by\tjobs\twall_s\tmib_per_s\tpeak_rss_mib\tdocuments\tclaims\texit\tformat\n")
    f.write(
        f"{time.strftime('%Y-%m-%dT%H:%M:%S')}\t{mode}\t{size}\t{mb:.1f}\t{group_by}\t{jobs}\t{wall:.2f}\t{rate:.1f}\t{rss_mb:.0f}"
        f"\t{summary.get('documents', '')}\t{summary.get('claims', '')}\t{status}\t{fmt}\n"
    )
print(f"recorded in  {results}")
EOF
