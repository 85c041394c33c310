#!/usr/bin/env python3
"""scaling.py: shows how crosscheck's time grows with its input, stage by stage.

For each case it writes an input of size n and one of size 10 n (sentences and documents of our
own, never corpus text), times one run of the release binary on each with /usr/bin/time, and
prints the time and peak memory of both and the ratio of the times. A stage that is linear
shows a ratio near 10; issue 15 asks for at most 12.

Cases:
  figures-in-a-sentence   one sentence of n figures separated by spaces (`claims --format json`)
  claims-in-a-document    one document of n short sentences, each with a figure (`check --format json`)
  document-size-FORMAT    examples/ plus one document of n lines about the examples' bridge
                          collapse, so every line joins a finding (`check --format FORMAT`)
  group-by-all            n documents of three sentences each, many stories, in one JSON Lines
                          file (`check`, the default: group-by all, human output)
  one-story               n reports of one story (one fire, its toll, the chief's post, the
                          day, a quote), a few values each, so that every claim of a property
                          falls in one group of n claims (`check`, the default)
  one-story-json          the same input as JSON (`check --format json`)
  bench-repeated          the shared corpora repeated to n and 10 n MiB as JSON Lines
                          (scripts/bench-corpus.sh; n = 10 by default), the default `check`;
                          only with --bench, as it reads ../shared and takes minutes

Usage:
  scripts/scaling.py [--bin PATH] [--scale N] [--only CASE-PREFIX] [--out DIR] [--bench]

  --scale   multiplies every case's n (default 1; 0.1 for a quick look).
  --out     where inputs are written (default target/scaling; never commit it).

Needs python3 and /usr/bin/time (Debian: apt-get install time). Timings vary by about 10% from
run to run on a shared machine; run twice before believing a ratio near the limit. The CPU
time (user + system) is printed beside the wall time, with its own ratio: on a machine other
people load, it is the steadier of the two.
"""

import argparse
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ""
FORMATS = ["human", "json", "json-lines", "sarif", "github", "rdjsonl", "markdown", "html"]


def figures_in_a_sentence(path, n):
    path.write_text(" ".join(str(7 + i % 90) for i in range(n)) + "\n")
    return ["claims", "--format", "json", str(path)]


def claims_in_a_document(path, n):
    towns = ["Arden", "Belmont", "Corry", "Dunmore", "Easton", "Fenwick", "Galt", "Hollis"]
    with path.open("w") as f:
        for i in range(n):
            town = towns[i % len(towns)]
            f.write(f"The storm in {town} damaged {10 + i % 83} homes and {2 + i % 9} schools. ")
            if i % 20 == 19:
                f.write("\n\n")
    return ["check", "--format", "json", str(path)]


def document_size(fmt):
    def build(path, n):
        folder = path.with_suffix("")
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "big.txt").open("w") as f:
            for i in range(n):
                f.write(
                    f"Witness {i} said {5 + i % 30} people were injured in the collapse of "
                    f"the Old Quarry Bridge, and the span was {150 + i % 120} metres long.\n\n"
                )
        return ["check", "--format", fmt, str(ROOT / "examples"), str(folder)]

    return build


def group_by_all(path, n):
    import json

    places = ["Arden", "Belmont", "Corry", "Dunmore", "Easton", "Fenwick", "Galt", "Hollis"]
    with path.open("w") as f:
        for i in range(n):
            story = i // 4
            town = places[story % len(places)]
            text = (
                f"A fire at the {town} mill number {story} killed {1 + (i + story) % 4} people "
                f"on Tuesday, Chief Ana Roe{story} said. The mill employed {40 + story % 60} "
                f"workers. Repairs will cost about ${1 + story % 9} million, the owner said."
            )
            f.write(json.dumps({"id": str(i), "text": text, "group": f"s{story}"}) + "\n")
    return ["check", str(path)]


def one_story(fmt):
    def build(path, n):
        import json

        titles = ["fire chief", "Fire Chief", "chief of the fire department"]
        days = ["Tuesday", "on Tuesday, March 4", "March 4"]
        with path.open("w") as f:
            for i in range(n):
                text = (
                    f"A fire at the Arden mill killed {3 + i % 2} people {days[i % 3]}, "
                    f"{titles[i % 3]} Ana Roe said. About {40 + i % 5} workers were hurt. "
                    f"\u201cWe lost the whole east wing to the flames,\u201d Roe said."
                )
                record = {"id": f"r{i}", "text": text, "group": f"g{i % 7}"}
                if i % 2:
                    record["date"] = f"2024-03-0{4 + i % 3}"
                f.write(json.dumps(record) + "\n")
        args = ["check", str(path)]
        return args if fmt == "human" else ["check", "--format", fmt, str(path)]

    return build


def bench_repeated(path, n):
    """The corpus scripts/bench-corpus.sh builds at n MiB (made once, kept in target/)."""
    proc = subprocess.run(
        [str(ROOT / "scripts/bench-corpus.sh"), "--size", f"{n}M", "--mode", "jsonl",
         "--build-only", "--bin", BIN],
        capture_output=True,
        text=True,
        check=True,
    )
    return ["check", proc.stdout.strip().splitlines()[-1]]


def cases(bench):
    out = [
        ("figures-in-a-sentence", figures_in_a_sentence, 20_000),
        ("claims-in-a-document", claims_in_a_document, 5_000),
    ]
    out += [(f"document-size-{f}", document_size(f), 2_000) for f in FORMATS]
    out.append(("group-by-all", group_by_all, 10_000))
    out.append(("one-story", one_story("human"), 5_000))
    out.append(("one-story-json", one_story("json"), 5_000))
    if bench:
        out.append(("bench-repeated", bench_repeated, 10))
    return out


def timed(binary, args, log):
    with open(log, "w") as err:
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "TIME %e %M %U %S", binary, *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    last = [l for l in open(log).read().splitlines() if l.startswith("TIME ")]
    if not last:
        sys.exit(f"no timing in {log}")
    _, wall, rss, user, system = last[-1].split()
    return proc.returncode, float(wall), int(rss) / 1024, float(user) + float(system)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/crosscheck"))
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default="")
    ap.add_argument("--out", default=str(ROOT / "target/scaling"))
    ap.add_argument("--bench", action="store_true", help="add the bench-repeated case")
    a = ap.parse_args()
    global BIN
    BIN = a.bin
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    print("case\tn\twall s\tcpu s\tpeak MiB\t10n\twall s\tcpu s\tpeak MiB\tratio\tcpu ratio")
    for name, build, n in cases(a.bench):
        if not name.startswith(a.only):
            continue
        n = max(1, int(n * a.scale))
        rows = []
        for size in (n, 10 * n):
            path = out / f"{name}-{size}.txt"
            if name == "group-by-all" or name.startswith("one-story"):
                path = path.with_suffix(".jsonl")
            args = build(path, size)
            code, wall, rss, cpu = timed(a.bin, args, out / f"{name}-{size}.log")
            if code not in (0, 1):
                sys.exit(f"{name} n={size}: exit {code}, see {out / (name + '-' + str(size) + '.log')}")
            rows.append((size, wall, rss, cpu))
        (n1, w1, m1, c1), (n2, w2, m2, c2) = rows
        ratio = w2 / w1 if w1 > 0 else float("inf")
        cpu_ratio = c2 / c1 if c1 > 0 else float("inf")
        print(
            f"{name}\t{n1}\t{w1:.2f}\t{c1:.2f}\t{m1:.0f}\t{n2}\t{w2:.2f}\t{c2:.2f}\t{m2:.0f}"
            f"\t{ratio:.1f}\t{cpu_ratio:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    os.environ.pop("COLUMNS", None)
    main()
