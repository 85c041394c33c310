"""crosscheck on a Spark cluster: `crosscheck check --group-by folder|all` for a JSON Lines corpus.

    python crosscheck_spark.py --master spark://127.0.0.1:17077 \\
        --corpus /data/news.jsonl --out /data/findings

The corpus is one article a line, ``{"text", "id", "title", "date", "source", "url",
"group"}`` (as the binary reads a ``.jsonl`` file), one story a ``group``. The job has three
stages, each what Spark already does well:

1. a map (``mapInPandas``): every line becomes a document, and ``crosscheck.extract`` its
   claims, shipped on as a string (``crosscheck.dump_claims``), with what the document teaches
   the rest of the corpus (``crosscheck.learn``: acronyms it spells out);
2. a small collect: what the documents teach, merged in corpus order on the driver and
   broadcast (a group can be aligned through an acronym that another group spelled out);
3. a group-by (``groupBy("grp").applyInPandas``): each story is aligned and compared on its
   own (``crosscheck.compare`` with the broadcast), and its findings written as JSON Lines.

With ``--group-by all`` (every document compared with every other) stage 3 is replaced by
three, keyed by subject instead of by story:

3. a map (``mapInPandas``): each claim's slot (``crosscheck.slots``: its bucket, the kind,
   property, increment, standing and dimension claims must share to be compared, and its
   subject as written, with the document's folder), one row a claim;
4. the first pass, a group-by (``groupBy("bucket").applyInPandas``) over the first claim of
   each slot (``groupBy(bucket, slot).agg(min(...))``): the merges the whole corpus makes
   (``crosscheck.merge_map``: spelling variants and names taken as one, acronyms spelled out),
   a map from slot to cluster collected and broadcast;
5. a group-by (``groupBy("bucket", "part").applyInPandas``): each cluster (one subject and
   property) is aligned and compared on its own (``crosscheck.compare_cluster``) and its
   findings written as JSON Lines.

The findings are those of ``crosscheck check --group-by MODE --format json-lines CORPUS`` (in
another order: sort both to compare) when ``--name`` is the path as given to the binary.
See README.md here for the recipe and the measured times.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import sys
import time
from typing import Iterator

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

EXTRACTED = "n long, grp string, record string, claims string, taught string"
SLOTTED = "bucket string, slot string, general string, n long, i long, wire string, meta string"
FIRST = "bucket string, slot string, n long, i long, wire string"
MERGED = "slot string, part long, target string"
FIELDS = ("text", "id", "title", "date", "source", "url", "group")


def default_group(name: str) -> str:
    """The group of a line without one: the folder of the file, as the binary names it."""
    folder = name.rsplit("/", 1)[0] if "/" in name else ""
    parts = [p for p in folder.split("/") if p not in ("", ".")]
    if name.startswith("/"):
        return "/" + "/".join(parts)
    return "/".join(parts) if parts else "."


def extract_stage(name: str):
    """Stage 1: lines ``(n, line)`` to documents with their claims (a map, no shuffle)."""

    def extract(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import crosscheck

        fallback = default_group(name)
        for batch in batches:
            rows = {"n": [], "grp": [], "record": [], "claims": [], "taught": []}
            for n, line in zip(batch["n"], batch["line"]):
                line = line.lstrip("\ufeff").strip()
                if not line:
                    continue  # a blank line is no document, as in the binary
                try:
                    record = json.loads(line)
                    if not isinstance(record, dict):
                        raise ValueError("not an object")
                    record = {k: record[k] for k in FIELDS if k in record}
                    # An id-less line is named by its line number, as the binary names it.
                    record.setdefault("id", str(n))
                    claims = crosscheck.extract(
                        record["text"],
                        title=record.get("title"),
                        date=record.get("date"),
                        source=record.get("source"),
                        url=record.get("url"),
                    )
                except (ValueError, KeyError, TypeError) as e:
                    # The binary reports such a line as an error and checks the others.
                    print(f"{name}: line {n}: {e}", file=sys.stderr)
                    continue
                taught = crosscheck.learn(claims)
                rows["n"].append(int(n))
                rows["grp"].append(record.get("group") or fallback)
                rows["record"].append(json.dumps(record, ensure_ascii=False))
                rows["claims"].append(crosscheck.dump_claims(claims))
                rows["taught"].append(json.dumps(taught) if taught else "")
            # Explicit types: an empty column would be floats, which Arrow cannot make strings.
            yield pd.DataFrame(
                {k: pd.Series(v, dtype="int64" if k == "n" else object) for k, v in rows.items()}
            )

    return extract


def compare_stage(name: str, learned):
    """Stage 3: one story's documents to its findings (one JSON Lines FINDING a row)."""

    def compare(story: pd.DataFrame) -> pd.DataFrame:
        import crosscheck

        story = story.sort_values("n")  # corpus order, as in one process
        report = crosscheck.compare(
            [json.loads(r) for r in story["record"]],
            list(story["claims"]),
            group_by="folder",
            learned=learned.value,
            corpus_name=name,
        )
        lines = report.to_json_lines().splitlines()
        # Most stories have no finding: an empty column must still be one of strings.
        return pd.DataFrame({"finding": pd.Series(lines, dtype=object)})

    return compare


def skeleton(text: str) -> str:
    """What comparison reads of a text: only the lines of suppression comments (the others
    blanked, so that line numbers hold). A cluster's rows carry this, not the article."""
    if "crosscheck-ignore" not in text:
        return ""
    return "\n".join(l if "crosscheck-ignore" in l else "" for l in text.split("\n"))


def slot_stage(learned):
    """Stage 3 (all): documents to one row a claim that alignment keeps, with its slot."""

    def slot(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import crosscheck

        names = ("bucket", "slot", "general", "n", "i", "wire", "meta")
        for batch in batches:
            rows = {k: [] for k in names}
            for n, grp, record, claims in zip(
                batch["n"], batch["grp"], batch["record"], batch["claims"]
            ):
                wires = [w for w in claims.split("\n") if w]
                if not wires:
                    continue
                found = crosscheck.slots(claims, document=int(n), folder=grp,
                                         learned=learned.value)
                fields = json.loads(record)
                fields["text"] = skeleton(fields["text"])
                meta = json.dumps(fields, ensure_ascii=False)
                for i, (where, wire) in enumerate(zip(found, wires)):
                    if where is None:
                        continue
                    for k, v in zip(names, (*where, int(n), i, wire, meta)):
                        rows[k].append(v)
            yield pd.DataFrame(
                {k: pd.Series(v, dtype="int64" if k in ("n", "i") else object)
                 for k, v in rows.items()}
            )

    return slot


def merge_stage(learned):
    """Stage 4 (all): the first claim of each slot of one bucket to the bucket's clusters."""

    def merge(bucket: pd.DataFrame) -> pd.DataFrame:
        import crosscheck

        bucket = bucket.sort_values(["n", "i"])  # corpus order, as in one process
        merged = crosscheck.merge_map(
            list(zip(bucket["slot"], bucket["wire"])), learned=learned.value
        )
        return pd.DataFrame({
            "slot": pd.Series([m[0] for m in merged], dtype=object),
            "part": pd.Series([m[2] for m in merged], dtype="int64"),
            "target": pd.Series([m[3] for m in merged], dtype=object),
        })

    return merge


def cluster_stage(name: str, merged):
    """Stage 5 (all): the claims of one cluster to its findings (one JSON Lines FINDING a row)."""

    def compare(cluster: pd.DataFrame) -> pd.DataFrame:
        import crosscheck

        none = pd.DataFrame({"finding": pd.Series([], dtype=object)})
        if cluster["n"].nunique() < 2:
            return none  # one report alone is compared with nobody
        cluster = cluster.sort_values(["n", "i"])  # corpus order, as in one process
        table = merged.value
        first = cluster.iloc[0]
        target = (table.get(first["slot"]) or table[first["general"]])[1]
        metas, wires = [], []
        for _, doc in cluster.groupby("n", sort=True):
            metas.append(json.loads(doc["meta"].iloc[0]))
            wires.append("\n".join(doc["wire"]))
        report = crosscheck.compare_cluster(metas, wires, target, corpus_name=name)
        lines = report.to_json_lines().splitlines()
        return pd.DataFrame({"finding": pd.Series(lines, dtype=object)})

    return compare


def check_all(spark, extracted, shared, name: str):
    """Stages 3 to 5: ``--group-by all``, keyed by subject. Returns the findings and the times."""
    sc = spark.sparkContext
    started = time.monotonic()
    slotted = extracted.mapInPandas(slot_stage(shared), schema=SLOTTED).persist()
    # The first claim of each slot (min of (n, i): corpus order), then a bucket a task.
    firsts = (
        slotted.groupBy("bucket", "slot")
        .agg(F.min(F.struct("n", "i", "wire")).alias("first"))
        .select("bucket", "slot", "first.n", "first.i", "first.wire")
    )
    merged = firsts.groupBy("bucket").applyInPandas(merge_stage(shared), schema=MERGED)
    table = {r["slot"]: (int(r["part"]), r["target"]) for r in merged.collect()}
    broadcast = sc.broadcast(table)
    claims = slotted.count()
    mapped = time.monotonic()

    # Each claim's cluster from the broadcast map; a cluster is (bucket, part).
    def part_of(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        t = broadcast.value
        for batch in batches:
            batch["part"] = [
                (t.get(s) or t[g])[0] for s, g in zip(batch["slot"], batch["general"])
            ]
            yield batch

    parted = slotted.mapInPandas(part_of, schema=SLOTTED + ", part long")
    findings = parted.groupBy("bucket", "part").applyInPandas(
        cluster_stage(name, broadcast), schema="finding string"
    )
    return findings, slotted, {
        "claims": claims, "slots": len(table), "first pass": mapped - started,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--master", required=True, help="spark://HOST:PORT, or local[N]")
    parser.add_argument("--corpus", required=True, help="a JSON Lines file Spark can read")
    parser.add_argument(
        "--name", help="the corpus's path as given to the binary (default: --corpus)"
    )
    parser.add_argument("--out", required=True, help="folder for the findings (JSON Lines)")
    parser.add_argument("--partitions", type=int, default=8, help="input splits (default 8)")
    parser.add_argument(
        "--group-by", choices=("folder", "all"), default="folder",
        help="folder: each story apart (default); all: every document with every other",
    )
    args = parser.parse_args()
    name = args.name or args.corpus

    started = time.monotonic()
    spark = (
        SparkSession.builder.master(args.master)
        .appName("crosscheck")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(args.partitions))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    ready = time.monotonic()

    # Line numbers name id-less lines: zipWithIndex numbers lines in file order.
    lines = sc.textFile(args.corpus, minPartitions=args.partitions).zipWithIndex()
    numbered = spark.createDataFrame(lines.map(lambda t: (t[1] + 1, t[0])), "n long, line string")
    extracted = numbered.mapInPandas(extract_stage(name), schema=EXTRACTED).persist()

    # Stage 2: what the corpus teaches, merged in corpus order (a later document's entry wins,
    # as in one pass over the corpus), broadcast to every group.
    learned: dict = {}
    for row in sorted(extracted.where("taught != ''").select("n", "taught").collect()):
        learned.update(json.loads(row["taught"]))
    shared = sc.broadcast(learned)
    documents = extracted.count()
    extracted_at = time.monotonic()

    if args.group_by == "all":
        findings, slotted, figures = check_all(spark, extracted, shared, name)
    else:
        findings = extracted.groupBy("grp").applyInPandas(
            compare_stage(name, shared), schema="finding string"
        )
        slotted, figures = None, {}
    findings.write.mode("overwrite").text(args.out)
    done = time.monotonic()
    if slotted is not None:
        slotted.unpersist()
    extracted.unpersist()
    spark.stop()
    if args.group_by == "all":
        first = figures["first pass"]
        print(
            f"spark: {documents} documents, {len(learned)} acronyms taught, "
            f"{figures['claims']} claims aligned, {figures['slots']} slots broadcast; "
            f"session {ready - started:.1f} s, job {done - ready:.1f} s (extraction and what "
            f"the corpus teaches {extracted_at - ready:.1f} s, slots and the first pass "
            f"{first:.1f} s, comparison per cluster and writing "
            f"{done - extracted_at - first:.1f} s), total {done - started:.1f} s",
            flush=True,
        )
    else:
        print(
            f"spark: {documents} documents, {len(learned)} acronyms taught; "
            f"session {ready - started:.1f} s, job {done - ready:.1f} s (extraction and what "
            f"the corpus teaches {extracted_at - ready:.1f} s, comparison per story and "
            f"writing {done - extracted_at:.1f} s), total {done - started:.1f} s",
            flush=True,
        )
    print(f"spark: findings in {posixpath.join(args.out, 'part-*')}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
