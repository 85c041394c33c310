"""Bad input raises the documented exceptions (never aborts the interpreter)."""

from __future__ import annotations

import json
import pathlib

import pytest

import crosscheck
from conftest import REPO


def test_an_invalid_rules_file_raises_rules_error_at_its_line_and_column():
    with pytest.raises(crosscheck.RulesError) as caught:
        crosscheck.Rules.load(REPO / "tests" / "fixtures" / "rules-bad")
    e = caught.value
    assert isinstance(e, crosscheck.CrosscheckError)
    assert e.file.endswith("units.toml")
    text = pathlib.Path(e.file).read_text(encoding="utf-8")
    assert e.line is not None and e.column is not None
    assert text.splitlines()[e.line - 1][e.column - 1 :].startswith("namez")
    assert "namez" in str(e)


def test_a_missing_rules_folder_raises_rules_error(tmp_path):
    with pytest.raises(crosscheck.RulesError) as caught:
        crosscheck.Rules.load(tmp_path / "absent")
    assert caught.value.file == str(tmp_path / "absent")


def test_a_missing_path_raises_input_error(tmp_path):
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.check([tmp_path / "absent.md"])
    assert caught.value.file == str(tmp_path / "absent.md")


def test_a_broken_json_lines_line_raises_input_error_with_its_number(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "Four were hurt."}\n{"text": 12}\n', encoding="utf-8")
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.check([corpus])
    assert caught.value.file == str(corpus)
    assert caught.value.line == 2


def test_a_mapping_without_text_raises_input_error():
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.check([{"text": "Two were hurt."}, {"title": "no text"}])
    assert caught.value.line == 2


def test_a_value_json_cannot_hold_raises_input_error():
    with pytest.raises(crosscheck.InputError):
        crosscheck.check([{"text": "Two were hurt.", "id": object()}])


def test_a_bad_baseline_raises_baseline_error_where_it_is_broken(tmp_path):
    baseline = tmp_path / "b.json"
    baseline.write_text('{"version": 1,\n  "findings": [}\n', encoding="utf-8")
    with pytest.raises(crosscheck.BaselineError) as caught:
        crosscheck.check(["Two were hurt."], baseline=baseline)
    assert caught.value.file == str(baseline)
    assert caught.value.line == 2
    with pytest.raises(crosscheck.BaselineError):
        crosscheck.check(["Two were hurt."], baseline=tmp_path / "absent.json")


@pytest.mark.parametrize(
    "call",
    [
        lambda: crosscheck.extract(b"bytes are not text"),
        lambda: crosscheck.extract("text", title=3),
        lambda: crosscheck.check("a single string is not a list of documents"),
        lambda: crosscheck.check([3.5]),
        lambda: crosscheck.check(["text"], rules="rules/"),
        lambda: crosscheck.compare(["text"], "not per document"),
    ],
)
def test_arguments_of_the_wrong_type_raise_type_error(call):
    with pytest.raises(TypeError):
        call()


def test_an_unknown_group_by_raises_value_error():
    with pytest.raises(ValueError):
        crosscheck.check(["text"], group_by="story")


def test_claims_for_another_number_of_documents_raise_value_error():
    with pytest.raises(ValueError):
        crosscheck.compare(["One was hurt.", "Two were hurt."], [[]])


def test_a_shipped_claim_that_was_tampered_with_raises_input_error():
    wire = crosscheck.dump_claims(crosscheck.extract("Four people were hurt."))
    with pytest.raises(crosscheck.InputError):
        crosscheck.compare(["Four people were hurt."], [wire.replace('"kind"', '"kinds"')])
    with pytest.raises(crosscheck.InputError):
        crosscheck.learn("not json")


def test_a_string_python_cannot_encode_raises_and_the_interpreter_goes_on():
    with pytest.raises(UnicodeEncodeError):
        crosscheck.extract("half a surrogate \ud800 here")
    assert crosscheck.extract("Three were hurt.")


@pytest.mark.parametrize(
    "text",
    ["", "\x00" * 1000, "9" * 5000, "(" * 3000 + "HIMARS)", "—\u200b\ufeff" * 500,
     "1,2,3,4,5,6,7,8,9" * 200, "\n" * 10000 + "Two were killed."],
)
def test_odd_texts_give_claims_or_none_but_never_crash(text):
    claims = crosscheck.extract(text)
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.text
    report = crosscheck.check([text, text])
    json.loads(report.to_json())
