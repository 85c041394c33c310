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

Usage:
  scripts/scaling.py [--bin PATH] [--scale N] [--only CASE-PREFIX] [--out DIR]

  --scale   multiplies every case's n (default 1; 0.1 for a quick look).
  --out     where inputs are written (default target/scaling; never commit it).

Needs python3 and /usr/bin/time (Debian: apt-get install time). Timings vary by about 10% from
run to run on a shared machine; run twice before believing a ratio near the limit.
"""

import argparse
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
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


def cases():
    out = [
        ("figures-in-a-sentence", figures_in_a_sentence, 20_000),
        ("claims-in-a-document", claims_in_a_document, 5_000),
    ]
    out += [(f"document-size-{f}", document_size(f), 2_000) for f in FORMATS]
    out.append(("group-by-all", group_by_all, 10_000))
    return out


def timed(binary, args, log):
    with open(log, "w") as err:
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "TIME %e %M", binary, *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    last = [l for l in open(log).read().splitlines() if l.startswith("TIME ")]
    if not last:
        sys.exit(f"no timing in {log}")
    _, wall, rss = last[-1].split()
    return proc.returncode, float(wall), int(rss) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/crosscheck"))
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default="")
    ap.add_argument("--out", default=str(ROOT / "target/scaling"))
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    print("case\tn\twall s\tpeak MiB\t10n\twall s\tpeak MiB\tratio")
    for name, build, n in cases():
        if not name.startswith(a.only):
            continue
        n = max(1, int(n * a.scale))
        rows = []
        for size in (n, 10 * n):
            path = out / f"{name}-{size}.txt"
            if name == "group-by-all":
                path = path.with_suffix(".jsonl")
            args = build(path, size)
            code, wall, rss = timed(a.bin, args, out / f"{name}-{size}.log")
            if code not in (0, 1):
                sys.exit(f"{name} n={size}: exit {code}, see {out / (name + '-' + str(size) + '.log')}")
            rows.append((size, wall, rss))
        (n1, w1, m1), (n2, w2, m2) = rows
        ratio = w2 / w1 if w1 > 0 else float("inf")
        print(f"{name}\t{n1}\t{w1:.2f}\t{m1:.0f}\t{n2}\t{w2:.2f}\t{m2:.0f}\t{ratio:.1f}", flush=True)


if __name__ == "__main__":
    os.environ.pop("COLUMNS", None)
    main()
