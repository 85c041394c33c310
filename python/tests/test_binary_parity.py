"""The package gives the findings the binary gives, on the repository's example corpus (always)
and on the shared seed corpus (when ../shared is checked out)."""

from __future__ import annotations

import json
import pathlib

import pytest

import crosscheck
from conftest import EXAMPLES, REPO, SEEDS, run_binary

CORPORA = [pytest.param(EXAMPLES, id="examples")]
if SEEDS.is_dir():
    CORPORA.append(pytest.param(SEEDS, id="seeds"))


def relative(corpus: pathlib.Path) -> str:
    """The corpus as both sides name it (a path relative to the working directory)."""
    return str(corpus.relative_to(REPO.parent)) if corpus == SEEDS else "examples"


def cwd_of(corpus: pathlib.Path) -> pathlib.Path:
    return REPO.parent if corpus == SEEDS else REPO


@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("group_by", ["all", "folder"])
def test_the_json_report_is_the_binarys(binary, corpus, group_by, monkeypatch):
    cwd = cwd_of(corpus)
    monkeypatch.chdir(cwd)
    name = relative(corpus)
    expected = json.loads(
        run_binary(binary, ["check", "--format", "json", "--group-by", group_by, name], cwd)
    )
    report = crosscheck.check([pathlib.Path(name)], group_by=group_by)
    got = json.loads(report.to_json())
    assert got == expected
    assert expected["findings"], "the corpus should give findings to compare"


@pytest.mark.parametrize("corpus", CORPORA)
def test_finding_objects_carry_the_contract_fields_with_spans_in_characters(
    binary, corpus, monkeypatch
):
    cwd = cwd_of(corpus)
    monkeypatch.chdir(cwd)
    name = relative(corpus)
    expected = json.loads(run_binary(binary, ["check", "--format", "json", name], cwd))
    report = crosscheck.check([pathlib.Path(name)])
    assert len(report.findings) == len(expected["findings"])
    texts = {}
    for finding, entry in zip(report.findings, expected["findings"]):
        for field in ("kind", "severity", "code", "subject", "property", "message", "grouped"):
            assert getattr(finding, field) == entry[field]
        assert finding.support == entry["support"]
        assert len(finding.claims) == len(entry["claims"])
        for claim, claim_entry in zip(finding.claims, entry["claims"]):
            assert claim.document == claim_entry["document"]
            assert claim.text == claim_entry["text"]
            assert claim.span.byte_start == claim_entry["span"]["start"]
            assert claim.span.byte_end == claim_entry["span"]["end"]
            assert claim.span.line == claim_entry["span"]["line"]
            assert claim.value == claim_entry["value"]
            if claim.document not in texts:
                texts[claim.document] = (cwd / claim.document).read_text(encoding="utf-8")
            text = texts[claim.document]
            assert text[claim.span.start : claim.span.end] == claim.text
    assert report.summary == expected["summary"]
    assert [d.path for d in report.documents] == [d["path"] for d in expected["documents"]]


def test_documents_in_memory_give_the_findings_of_the_same_json_lines_file(
    binary, tmp_path, monkeypatch
):
    records = [
        {"id": "a1", "group": "bridge", "date": "2025-03-02", "source": "Valley Post",
         "text": "The footbridge over the Tarn River collapsed on Saturday. Three people were "
                 "injured and one person was killed, the fire chief said."},
        {"id": "a2", "group": "bridge", "date": "2025-03-02", "source": "Evening Star",
         "text": "Five people were injured and one person was killed when the footbridge over "
                 "the Tarn River collapsed on Saturday."},
        {"id": "b1", "group": "budget",
         "text": "The council approved a budget of $4.2 million for road repairs."},
        {"id": "b2", "group": "budget",
         "text": "Road repairs will get $6 million under the budget the council approved."},
    ]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    expected = run_binary(binary, ["check", "--format", "json-lines", "--group-by", "folder",
                                   "news.jsonl"], tmp_path)
    assert expected.strip(), "the records should give findings"
    # The file through the package, then the same records in memory, named as the file's lines.
    from_file = crosscheck.check([pathlib.Path("news.jsonl")], group_by="folder")
    assert from_file.to_json_lines() == expected
    claims = [crosscheck.extract(r["text"], date=r.get("date"), source=r.get("source"))
              for r in records]
    in_memory = crosscheck.compare(records, claims, group_by="folder", corpus_name="news.jsonl")
    assert in_memory.to_json_lines() == expected
