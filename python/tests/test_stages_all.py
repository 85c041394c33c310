"""A ``group_by="all"`` check split by subject, as examples/spark/ runs it with ``--group-by
all`` (extract each document; learn what the corpus teaches; each claim's slot; the first pass,
one bucket at a time, over the first claim of each slot; each cluster compared apart), gives
the findings of one whole check."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

import crosscheck

RECORDS = [
    # Story "aid" writes the filters out in one report and abbreviates them in the other; only
    # story "dock" says what the letters stand for. One engineer spelled two ways; a report
    # that names no fire; a quote given twice, once with a word more.
    {"id": "1", "group": "aid", "text": "Chief Engineer Tomas R Varga Jr said the town got four "
     "more solar brine filtration kits. \"Every household will have clean water by June,\" "
     "Varga said."},
    {"id": "2", "group": "aid", "text": "Chief Engineer Tomas Varga said the town got seven "
     "more SBFKs. \"Every household will have clean water by the end of June,\" Varga said."},
    {"id": "3", "group": "dock", "text": "Three more solar brine filtration kits (SBFKs) were "
     "unloaded at the dock on Tuesday."},
    {"id": "4", "group": "mill", "text": "Two workers were injured in the mill fire on Sunday."},
    {"id": "5", "group": "mill", "text": "Four workers were injured on Sunday, the owner said."},
    {"id": "6", "group": "mill", "text": "The mill fire on Sunday injured four workers. "
     "<!-- crosscheck-ignore -->\nThe mill employs 90 workers."},
    {"id": "7", "group": "port", "text": "The port handled 310 ships in March."},
    {"id": "8", "group": "port", "text": "In March the port handled 290 ships."},
]


def lines(report: crosscheck.Report):
    return sorted(report.to_json_lines().splitlines())


def skeleton(text: str) -> str:
    """What compare_cluster reads of a text: only the lines of suppression comments."""
    if "crosscheck-ignore" not in text:
        return ""
    return "\n".join(l if "crosscheck-ignore" in l else "" for l in text.split("\n"))


def split_check(records, *, first_pass=True):
    """The stages of examples/spark/ in one process; the findings as sorted JSON Lines."""
    shipped = [crosscheck.dump_claims(crosscheck.extract(r["text"])) for r in records]
    learned = {}
    for wire in shipped:
        learned.update(crosscheck.learn(wire))
    slotted = []  # (bucket, slot, general slot, document, wire), in corpus order
    for n, (record, wire) in enumerate(zip(records, shipped)):
        wires = [w for w in wire.split("\n") if w]
        found = crosscheck.slots(wire, document=n, folder=record["group"], learned=learned)
        assert len(found) == len(wires)
        slotted.extend((*f, n, w) for f, w in zip(found, wires) if f is not None)
    firsts = defaultdict(dict)  # bucket -> slot -> wire of its first claim
    for bucket, slot, _, _, wire in slotted:
        firsts[bucket].setdefault(slot, wire)
    target_of = {}
    for bucket, reps in firsts.items():  # a bucket a task
        if first_pass:
            for slot, _cluster, part, target in crosscheck.merge_map(
                list(reps.items()), learned=learned
            ):
                target_of[slot] = (part, target)
        else:  # every slot its own cluster: no merging
            for part, slot in enumerate(reps):
                only = crosscheck.merge_map([(slot, reps[slot])], learned=learned)
                target_of[slot] = (part, only[0][3])
                target_of[only[0][0]] = (part, only[0][3])
    clusters = defaultdict(list)
    for bucket, slot, general, n, wire in slotted:
        part, target = target_of[slot] if slot in target_of else target_of[general]
        clusters[(bucket, part)].append((n, wire, target))
    out = []
    for members in clusters.values():
        by_doc = defaultdict(list)
        for n, wire, _ in members:
            by_doc[n].append(wire)
        docs = sorted(by_doc)
        meta = [dict(records[n], text=skeleton(records[n]["text"])) for n in docs]
        report = crosscheck.compare_cluster(meta, ["\n".join(by_doc[n]) for n in docs],
                                            members[0][2])
        out.extend(report.to_json_lines().splitlines())
    return sorted(out), len(clusters)


def test_a_check_split_by_subject_gives_the_findings_of_the_whole_check():
    whole = lines(crosscheck.check(RECORDS, group_by="all"))
    split, clusters = split_check(RECORDS)
    assert clusters > 3
    assert split == whole
    text = "\n".join(split)
    for merged in ("taken as SBFK", "taken as one person", "name no incident"):
        assert merged in text, merged
    # The suppression comment in document 6 hid its finding in both.
    assert not any('"90 workers"' in l for l in split)


def test_without_the_first_pass_merges_across_stories_are_missed():
    whole = lines(crosscheck.check(RECORDS, group_by="all"))
    alone, _ = split_check(RECORDS, first_pass=False)
    assert alone != whole
    assert "taken as one person" not in "\n".join(alone)


def test_a_slot_or_target_not_from_crosscheck_raises():
    wire = crosscheck.dump_claims(crosscheck.extract(RECORDS[6]["text"]))
    with pytest.raises(crosscheck.InputError):
        crosscheck.merge_map([("{}", wire)], learned={})
    with pytest.raises(crosscheck.InputError):
        crosscheck.compare_cluster([RECORDS[6]], [wire], "not a target")
    with pytest.raises(TypeError):
        crosscheck.compare_cluster(RECORDS[6], [wire], "{}")
