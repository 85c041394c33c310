"""A check split in stages, as examples/spark/ runs it (extract each document, learn what the
corpus teaches, compare one group at a time), gives the findings of one whole check."""

from __future__ import annotations

import json
from collections import defaultdict

import crosscheck

RECORDS = [
    # Group "aid" names the rocket systems in full in one report and by acronym in the other;
    # only a report of group "ports" says what the acronym stands for.
    {"id": "1", "group": "aid", "text": "The ministry sent four more high mobility artillery "
                                        "rocket systems to the front."},
    {"id": "2", "group": "aid", "text": "The ministry sent six more HIMARS to the front."},
    {"id": "3", "group": "ports", "text": "Two more high mobility artillery rocket systems "
                                          "(HIMARS) were unloaded at the port on Friday."},
    {"id": "4", "group": "ports", "text": "Dockers unloaded 300 containers at the port."},
    {"id": "5", "group": "ports", "text": "At the port, 450 containers were unloaded."},
    {"id": "6", "group": "fire", "text": "Über 20 Feuerwehrleute — “two firefighters were "
                                         "injured” in the warehouse fire, officials said."},
    {"id": "7", "group": "fire", "text": "Three firefighters were injured in the warehouse fire."},
]


def finding_keys(report: crosscheck.Report):
    return sorted(json.dumps(json.loads(line), sort_keys=True)
                  for line in report.to_json_lines().splitlines())


def test_groups_compared_apart_give_the_findings_of_the_whole_corpus():
    whole = crosscheck.compare(
        RECORDS, [crosscheck.extract(r["text"]) for r in RECORDS], group_by="folder"
    )
    # Stage 1, a map: extract each document and learn what it teaches; ship claims as strings.
    shipped = [crosscheck.dump_claims(crosscheck.extract(r["text"])) for r in RECORDS]
    learned = {}
    for wire in shipped:  # merged in corpus order
        learned.update(crosscheck.learn(wire))
    assert learned, "the corpus spells an acronym out"
    # Stage 2, a group-by: compare each group apart with what the whole corpus taught.
    by_group = defaultdict(list)
    for record, wire in zip(RECORDS, shipped):
        by_group[record["group"]].append((record, wire))
    split = []
    for members in by_group.values():
        report = crosscheck.compare(
            [r for r, _ in members], [w for _, w in members], group_by="folder", learned=learned
        )
        split.extend(finding_keys(report))
    assert sorted(split) == finding_keys(whole)
    aid = [k for k in split if '"HIMARS"' in k]
    assert aid, "group 'aid' is aligned through the acronym another group spelled out"


def test_without_what_the_corpus_teaches_a_group_misses_a_finding():
    members = [r for r in RECORDS if r["group"] == "aid"]
    alone = crosscheck.compare(members, [crosscheck.extract(r["text"]) for r in members],
                               group_by="folder")
    assert alone.findings == []


def test_shipped_claims_compare_like_the_claim_objects():
    claims = [crosscheck.extract(r["text"]) for r in RECORDS]
    shipped = [crosscheck.dump_claims(c) for c in claims]
    a = crosscheck.compare(RECORDS, claims)
    b = crosscheck.compare(RECORDS, shipped)
    assert a.to_json() == b.to_json()
    assert crosscheck.check(RECORDS).to_json() == a.to_json()
