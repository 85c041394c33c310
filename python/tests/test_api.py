"""The Python API: claims and findings as plain objects, spans in characters, every format."""

from __future__ import annotations

import json
import threading

import pytest

import crosscheck

TWO = [
    {"id": "north", "source": "North Gazette",
     "text": "Four people were killed in the explosion at the plant on Monday."},
    {"id": "south", "source": "South Courier",
     "text": "Six people were killed in the explosion at the plant on Monday."},
]


def test_extract_gives_claims_with_spans_in_characters_of_the_string():
    text = "Über 30 Anwohner — “the blast injured seven workers,” the mayor said; 12 homes burned."
    claims = crosscheck.extract(text)
    assert claims
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        encoded = text.encode("utf-8")
        assert encoded[claim.span.byte_start : claim.span.byte_end].decode() == claim.text
        assert claim.document is None
    # Offsets after the non-ASCII characters differ between characters and bytes.
    assert any(c.span.byte_start > c.span.start for c in claims)


def test_extract_resolves_relative_dates_against_the_date():
    claims = crosscheck.extract(
        "The bridge closed on Thursday.", title="Nine lanes shut", date="2025-05-10"
    )
    dates = [c for c in claims if c.kind == "date"]
    assert dates and dates[0].value == {"year": 2025, "month": 5, "day": 8, "resolved": True}
    # The title is metadata, as in a JSON Lines record: spans point into the text only.
    assert all(text_of(c) for c in claims)
    undated = crosscheck.extract("The bridge closed on Thursday.")
    assert [c.value.get("resolved") for c in undated if c.kind == "date"] != [True]


def text_of(claim):
    return "The bridge closed on Thursday."[claim.span.start : claim.span.end] == claim.text


def test_a_conflict_between_two_texts_names_both_sides():
    report = crosscheck.check(TWO)
    [finding] = report.findings
    assert finding.kind == "conflict" and finding.severity == "error"
    assert finding.code == "crosscheck::conflict::quantity"
    assert finding.property == "killed"
    assert [c.document for c in finding.claims] == ["north", "south"]
    assert [c.value["low"] for c in finding.claims] == [4.0, 6.0]
    assert {s["value"] for s in finding.support} == {"4", "6"}
    assert finding.claims[0] is report.claims[0]
    assert report.summary["conflicts"] == 1 and report.summary["documents"] == 2
    assert [d.path for d in report.documents] == ["north", "south"]
    assert report.documents[0].source == "North Gazette"
    assert "Finding(conflict" in repr(finding)


def test_texts_are_named_by_position_and_groups_separate_documents():
    report = crosscheck.check([TWO[0]["text"], TWO[1]["text"]])
    assert [d.path for d in report.documents] == ["1", "2"]
    grouped = [dict(d, group=g) for d, g in zip(TWO, ["x", "y"])]
    assert crosscheck.check(grouped, group_by="folder").findings == []
    assert len(crosscheck.check(grouped, group_by="all").findings) == 1


def test_every_format_renders():
    report = crosscheck.check(TWO)
    contract = json.loads(report.to_json())
    assert contract["version"] == crosscheck.CONTRACT_VERSION
    assert contract["findings"][0]["claims"][1]["document"] == "south"
    assert len(report.to_json_lines().splitlines()) == 1
    assert json.loads(report.to_sarif())["version"] == "2.1.0"
    assert "Six people were killed" in report.to_markdown()
    page = report.to_html()
    assert page.lstrip().lower().startswith("<!doctype html")
    framed = report._repr_html_()
    assert framed.startswith("<iframe srcdoc=") and "&lt;" in framed


def test_to_pandas_gives_findings_and_claims_frames():
    pd = pytest.importorskip("pandas")
    findings, claims = crosscheck.check(TWO).to_pandas()
    assert isinstance(findings, pd.DataFrame)
    assert list(findings["kind"]) == ["conflict"]
    assert findings["documents"][0] == ["north", "south"]
    assert list(claims["document"]) == ["north", "south"]
    assert list(claims["text"]) == [c.text for c in crosscheck.check(TWO).claims]


def test_claims_and_findings_convert_to_plain_dicts():
    claim = crosscheck.check(TWO).findings[0].claims[0]
    d = claim.to_dict()
    assert d["span"]["start"] == claim.span.start and d["subject"]["text"] == claim.subject.text
    json.dumps(d)
    json.dumps(crosscheck.check(TWO).findings[0].to_dict())


def test_a_baseline_marks_the_findings_it_records_as_known(tmp_path, binary):
    import subprocess

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in TWO), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    subprocess.run([str(binary), "check", "--write-baseline", str(baseline), str(corpus)],
                   check=False, capture_output=True)
    assert baseline.is_file()
    report = crosscheck.check([corpus], baseline=baseline)
    assert [f.known for f in report.findings] == [True]
    assert report.summary["known"] == 1


def test_checks_in_threads_run_together_and_agree():
    results = []

    def work():
        results.append(crosscheck.check(TWO * 20).to_json())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and len(set(results)) == 1


def test_custom_rules_are_loaded_from_a_folder(tmp_path):
    (tmp_path / "extra.toml").write_text(
        '[[unit]]\ncode = "fur"\ndimension = "length"\nfactor = 201.168\n'
        'names = ["furlongs", "furlong"]\n',
        encoding="utf-8",
    )
    rules = crosscheck.Rules.load(tmp_path)
    assert rules.folder == str(tmp_path)
    text = "The horses ran 8 furlongs."
    assert not any(c.value.get("unit") == "fur" for c in crosscheck.extract(text))
    claims = crosscheck.extract(text, rules=rules)
    assert [c.value.get("unit") for c in claims] == ["fur"]
    assert claims[0].base["unit"] == "m"


def test_extract_reads_the_web_address_as_the_binary_does():
    text = "A man was shot on Monday night, police said."
    plain = crosscheck.extract(text, date="2021-06-10")
    with_url = crosscheck.extract(
        text, date="2021-06-10", url="http://news.example/2021/06/07/man-shot/"
    )
    [day] = [c for c in plain if c.kind == "date"]
    [doubted] = [c for c in with_url if c.kind == "date"]
    assert day.doubts == []
    assert [d["about"] for d in doubted.doubts] == ["time"]
