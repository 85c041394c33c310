"""crosscheck: cross-reference numeric and factual claims across a corpus of articles.

The same engine as the ``crosscheck`` command (the Rust library, not the binary)::

    import crosscheck
    report = crosscheck.check([
        {"id": "a", "text": "Four people were killed in the blast on Monday."},
        {"id": "b", "text": "Six people were killed in the blast on Monday."},
    ])
    for finding in report.findings:
        print(finding.kind, finding.subject, finding.property, finding.message)

:func:`extract` lists the claims of one text; :func:`check` compares documents and returns a
:class:`Report`, whose findings, claims and documents carry the field names of the JSON
contract (README, "JSON contract"). One difference: a :class:`Span`'s ``start`` and ``end``
are **character** offsets into the document's text as a Python string (``text[start:end] ==
claim.text``), where the JSON contract's are bytes; the byte offsets are kept as
``byte_start`` and ``byte_end``.

The Rust work runs with the GIL released, on every core (set ``RAYON_NUM_THREADS`` to use
fewer). Errors are raised as :class:`CrosscheckError` subclasses; nothing here aborts the
interpreter.

:func:`compare`, :func:`learn` and :func:`dump_claims` split a check into its stages, so that
extraction can run on one machine and comparison on another (``examples/spark/``);
:func:`slots`, :func:`merge_map` and :func:`compare_cluster` split a ``group_by="all"`` check
by subject instead of by story.
"""

from __future__ import annotations

import html as _html
import json as _json
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from ._errors import BaselineError, CrosscheckError, InputError, RulesError

__all__ = [
    "extract",
    "check",
    "compare",
    "learn",
    "dump_claims",
    "slots",
    "merge_map",
    "compare_cluster",
    "Rules",
    "Report",
    "Claim",
    "Finding",
    "Document",
    "Span",
    "Subject",
    "CrosscheckError",
    "RulesError",
    "InputError",
    "BaselineError",
    "CONTRACT_VERSION",
]

#: The version of the JSON contract that :meth:`Report.to_json` follows.
CONTRACT_VERSION: int = _native.contract_version()

#: The fields a document given as a mapping may have (those of a JSON Lines line).
DOCUMENT_FIELDS = ("text", "id", "title", "topic", "date", "source", "url", "group")

DocumentInput = Union[str, Mapping[str, Any], "os.PathLike[str]"]


class Rules:
    """The rules in effect: the built-in ones, and optionally a folder of ``*.toml`` files on
    top (as ``crosscheck --rules DIR``)."""

    __slots__ = ("_native",)

    def __init__(self, native: Any = None) -> None:
        self._native = native if native is not None else _native.Rules.builtin()

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Rules":
        """The built-in rules with the ``*.toml`` files of folder ``path`` on top.

        Raises :class:`RulesError` (with ``file``, ``line`` and ``column`` of the mistake) when
        the folder is missing or a file in it is invalid.
        """
        return cls(_native.Rules.load(os.fspath(path)))

    @classmethod
    def builtin(cls) -> "Rules":
        """The built-in rules only."""
        return cls(_native.Rules.builtin())

    @property
    def folder(self) -> Optional[str]:
        """The folder loaded on top of the built-in rules, if any."""
        folder = self._native.folder
        return None if folder is None else os.fspath(folder)

    def __repr__(self) -> str:
        return f"Rules(folder={self.folder!r})"


def _rules(rules: Optional[Rules]) -> Any:
    if rules is None:
        return None
    if not isinstance(rules, Rules):
        raise TypeError(f"rules must be a crosscheck.Rules, not {type(rules).__name__}")
    return rules._native


class _Record:
    """A plain object whose attributes are the fields of one JSON contract entry."""

    def __init__(self, fields: Mapping[str, Any]) -> None:
        self.__dict__.update(fields)

    def to_dict(self) -> Dict[str, Any]:
        """The fields as a dict (nested objects as dicts too)."""
        return {k: _plain(v) for k, v in self.__dict__.items() if not k.startswith("_")}

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.to_dict() == other.to_dict()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(_json.dumps(self.to_dict(), sort_keys=True))


def _plain(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Span(_Record):
    """Where a claim is: ``start`` and ``end`` in characters of the document's text (a Python
    string), ``line`` and ``column`` 1-based (the column in characters), ``byte_start`` and
    ``byte_end`` in UTF-8 bytes (the JSON contract's ``start`` and ``end``)."""

    start: int
    end: int
    line: int
    column: int
    byte_start: int
    byte_end: int

    def __init__(self, fields: Mapping[str, Any]) -> None:
        fields = dict(fields)
        fields["byte_start"] = fields.pop("start")
        fields["byte_end"] = fields.pop("end")
        fields["start"] = fields.pop("char_start")
        fields["end"] = fields.pop("char_end")
        super().__init__(fields)

    def __repr__(self) -> str:
        return f"Span({self.start}..{self.end}, line {self.line}, column {self.column})"


class Subject(_Record):
    """What a claim is about: ``text`` as written and ``key``, the form claims are aligned on."""

    text: str
    key: str

    def __repr__(self) -> str:
        return f"Subject({self.text!r})"


class Claim(_Record):
    """One statement of one document, with the JSON contract's CLAIM fields.

    ``document`` (the document's path or id; ``None`` from :func:`extract`), ``span``
    (:class:`Span`, in characters), ``text``, ``kind`` (``quantity``, ``date``, ``role``,
    ``quote``, ``place``), ``subject`` (:class:`Subject` or ``None``), ``property``,
    ``increment``, ``modality``, ``scope``, ``doubts`` (a list of ``{"about", "why"}``; empty
    when definite), ``value`` (a dict whose fields depend on ``kind``) and ``base`` (the value
    in its dimension's base unit, or ``None``). Fields added to the contract later appear as
    attributes too.
    """

    document: Optional[str]
    span: Span
    text: str
    kind: str
    subject: Optional[Subject]
    property: str
    increment: bool
    modality: str
    scope: str
    doubts: List[Dict[str, str]]
    value: Dict[str, Any]
    base: Optional[Dict[str, Any]]

    def __init__(self, fields: Mapping[str, Any], wire: Optional[str] = None) -> None:
        fields = dict(fields)
        fields["span"] = Span(fields["span"])
        subject = fields.get("subject")
        fields["subject"] = None if subject is None else Subject(subject)
        fields.setdefault("doubts", [])
        fields.setdefault("base", None)
        if fields.get("document") == "":
            fields["document"] = None
        super().__init__(fields)
        self._wire = wire

    def __repr__(self) -> str:
        return (
            f"Claim({self.kind} {self.property} {self.text!r} in {self.document!r} "
            f"at {self.span.start}..{self.span.end})"
        )


class Finding(_Record):
    """An agreement, a conflict or an update, with the JSON contract's FINDING fields.

    ``kind`` (``conflict``, ``update``, ``agreement``), ``severity`` (``error``, ``warning``,
    ``note``), ``code``, ``subject``, ``property``, ``message`` (why the claims were judged as
    they were), ``grouped`` (why they were put together), ``claims`` (:class:`Claim` objects,
    the same objects as in :attr:`Report.claims`), ``set_aside`` (``{"document", "text",
    "why"}`` of the claims not held against the others), ``support`` (``{"value",
    "documents"}``, the most supported first) and ``known`` (recorded in the baseline).
    """

    kind: str
    severity: str
    code: str
    subject: str
    property: str
    message: str
    grouped: str
    claims: List[Claim]
    set_aside: List[Dict[str, str]]
    support: List[Dict[str, Any]]
    known: bool

    def __init__(self, fields: Mapping[str, Any], claims: Sequence[Claim]) -> None:
        fields = dict(fields)
        fields["claims"] = [claims[i] for i in fields["claims"]]
        fields.setdefault("set_aside", [])
        fields.setdefault("known", False)
        super().__init__(fields)

    def __repr__(self) -> str:
        return f"Finding({self.kind} {self.subject!r} {self.property}: {self.message})"


class Document(_Record):
    """A document that was read: ``path`` (its path, ``FILE#id`` for a JSON Lines line, or its
    id when given in memory), ``claims`` (how many it gave), and ``title``, ``date``,
    ``source``, ``url`` (``None`` when absent)."""

    path: str
    claims: int
    title: Optional[str]
    date: Optional[str]
    source: Optional[str]
    url: Optional[str]

    def __init__(self, fields: Mapping[str, Any]) -> None:
        fields = dict(fields)
        for name in ("title", "date", "source", "url"):
            fields.setdefault(name, None)
        super().__init__(fields)

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {self.claims} claims)"


class Report:
    """The result of :func:`check`: findings, claims, documents and reports in every format.

    In Jupyter a report shows itself as the HTML review page (:meth:`to_html`).
    """

    __slots__ = ("_native", "_data", "_findings", "_claims", "_documents")

    def __init__(self, native: Any) -> None:
        self._native = native
        self._data: Optional[Dict[str, Any]] = None
        self._findings: Optional[List[Finding]] = None
        self._claims: Optional[List[Claim]] = None
        self._documents: Optional[List[Document]] = None

    def _loaded(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = _json.loads(self._native.data())
        return self._data

    @property
    def claims(self) -> List[Claim]:
        """Every claim of every document, by document then offset."""
        if self._claims is None:
            self._claims = [Claim(c) for c in self._loaded()["claims"]]
        return self._claims

    @property
    def findings(self) -> List[Finding]:
        """Conflicts first, then updates, then agreements; each by its first claim."""
        if self._findings is None:
            claims = self.claims
            self._findings = [Finding(f, claims) for f in self._loaded()["findings"]]
        return self._findings

    @property
    def documents(self) -> List[Document]:
        """The documents in the order read."""
        if self._documents is None:
            self._documents = [Document(d) for d in self._loaded()["documents"]]
        return self._documents

    @property
    def summary(self) -> Dict[str, int]:
        """Counts: documents, claims, agreements, conflicts, updates, skipped, warnings (and
        known, suppressed when not zero)."""
        return dict(self._loaded()["summary"])

    @property
    def warnings(self) -> List[Dict[str, str]]:
        """Inputs read with trouble (``{"path", "message"}``): empty texts, other encodings,
        stale baseline entries."""
        return list(self._loaded()["warnings"])

    @property
    def conflicts(self) -> List[Finding]:
        """The findings whose kind is ``conflict``."""
        return [f for f in self.findings if f.kind == "conflict"]

    def to_json(self) -> str:
        """The JSON contract, as ``crosscheck check --format json`` prints it (byte offsets)."""
        return self._native.render("json")

    def to_json_lines(self) -> str:
        """One FINDING a line, as ``crosscheck check --format json-lines`` prints it."""
        return self._native.render("json-lines")

    def to_sarif(self) -> str:
        """SARIF 2.1.0, as ``--format sarif``."""
        return self._native.render("sarif")

    def to_markdown(self) -> str:
        """A pull-request comment, as ``--format markdown``."""
        return self._native.render("markdown")

    def to_html(self) -> str:
        """The self-contained review page, as ``--format html``."""
        return self._native.render("html")

    def _repr_html_(self) -> str:
        # The page is a whole document with its own styles and script: framed, so that it
        # neither restyles the notebook nor is restyled by it.
        page = _html.escape(self.to_html(), quote=True)
        return (
            f'<iframe srcdoc="{page}" style="width: 100%; height: 640px; border: 1px solid #ccc"'
            ' sandbox="allow-scripts"></iframe>'
        )

    def to_pandas(self) -> Tuple[Any, Any]:
        """``(findings, claims)`` as two pandas DataFrames, one row a finding and one row a
        claim (spans in characters). Needs pandas, which crosscheck does not install."""
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("Report.to_pandas() needs pandas: pip install pandas") from e
        findings = pd.DataFrame(
            [
                {
                    "kind": f.kind,
                    "severity": f.severity,
                    "code": f.code,
                    "subject": f.subject,
                    "property": f.property,
                    "message": f.message,
                    "documents": sorted({c.document for c in f.claims if c.document}),
                    "values": [s["value"] for s in f.support],
                    "known": f.known,
                }
                for f in self.findings
            ],
            columns=["kind", "severity", "code", "subject", "property", "message",
                     "documents", "values", "known"],
        )
        claims = pd.DataFrame(
            [
                {
                    "document": c.document,
                    "start": c.span.start,
                    "end": c.span.end,
                    "line": c.span.line,
                    "column": c.span.column,
                    "text": c.text,
                    "kind": c.kind,
                    "subject": None if c.subject is None else c.subject.text,
                    "subject_key": None if c.subject is None else c.subject.key,
                    "property": c.property,
                    "increment": c.increment,
                    "modality": c.modality,
                    "scope": c.scope,
                    "definite": not c.doubts,
                    "value": c.value,
                }
                for c in self.claims
            ],
            columns=["document", "start", "end", "line", "column", "text", "kind", "subject",
                     "subject_key", "property", "increment", "modality", "scope", "definite",
                     "value"],
        )
        return findings, claims

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"<crosscheck.Report: {s['documents']} documents, {s['claims']} claims, "
            f"{s['conflicts']} conflicts, {s['updates']} updates, {s['agreements']} agreements>"
        )


def _optional_str(name: str, value: Any) -> Optional[str]:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    return value


def _group_by(value: Any) -> str:
    if value not in ("all", "folder"):
        raise ValueError(f"group_by must be 'all' or 'folder', not {value!r}")
    return value


def _records_and_wires(documents: Any, claims: Any, caller: str) -> Tuple[List[str], List[List[str]]]:
    """The documents as records and their claims as wires, for `caller` (its name, in errors)."""
    if isinstance(documents, (str, Mapping)) or isinstance(claims, (str, Mapping)):
        raise TypeError("documents and claims must be sequences, one entry a document")
    records = []
    for n, item in enumerate(documents, start=1):
        if isinstance(item, os.PathLike):
            raise TypeError(f"document {n}: {caller} takes texts or mappings, not paths")
        records.append(_record(item, n))
    return records, [_wires(c) for c in claims]


def _record(item: Any, n: int) -> str:
    """One document as a JSON Lines record."""
    if isinstance(item, str):
        return _json.dumps({"text": item})
    if isinstance(item, Mapping):
        if not isinstance(item.get("text"), str):
            raise InputError(
                f"document {n}: a document given as a mapping needs a 'text' string",
                "<documents>",
                n,
            )
        try:
            return _json.dumps({k: item[k] for k in DOCUMENT_FIELDS if k in item})
        except (TypeError, ValueError) as e:
            raise InputError(f"document {n}: {e}", "<documents>", n) from e
    raise TypeError(
        f"document {n}: expected a str (the text), a mapping with a 'text' field, or a path "
        f"(os.PathLike), not {type(item).__name__}"
    )


def _documents(documents: Any) -> Iterable[Any]:
    if isinstance(documents, (str, bytes, Mapping)) or isinstance(documents, os.PathLike):
        raise TypeError(
            "documents must be an iterable of documents (wrap a single one in a list)"
        )
    try:
        return iter(documents)
    except TypeError:
        raise TypeError(
            f"documents must be an iterable, not {type(documents).__name__}"
        ) from None


def extract(
    text: str,
    *,
    title: Optional[str] = None,
    date: Optional[str] = None,
    rules: Optional[Rules] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
) -> List[Claim]:
    """The claims of one text, by offset, as :func:`check` would extract them from a document
    with that text and metadata.

    ``date`` (``YYYY-MM-DD``) anchors relative dates ("Thursday", "last month"); ``title`` is
    the document's metadata, as in a JSON Lines record (claims are read from ``text`` only, so
    that every span points into it; a Markdown text's own front matter ``title:`` is read).
    ``url`` matters too: a weekday in a report whose web address carries another day is doubted.
    To ship the claims to :func:`compare`, extract with all the metadata the document has. Spans are character offsets into ``text``; each claim's
    ``document`` is ``None``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    entries, wires = _native.extract(
        text,
        _optional_str("title", title),
        _optional_str("date", date),
        _rules(rules),
        _optional_str("source", source),
        _optional_str("url", url),
    )
    return [Claim(c, w) for c, w in zip(_json.loads(entries), wires)]


def check(
    documents: Iterable[DocumentInput],
    *,
    group_by: str = "all",
    rules: Optional[Rules] = None,
    baseline: Optional[Union[str, "os.PathLike[str]"]] = None,
) -> Report:
    """Extracts, aligns and compares ``documents`` and returns the :class:`Report`.

    Each document is a ``str`` (its text), a mapping with the fields of a JSON Lines line
    (``text`` required; ``id``, ``title``, ``date``, ``source``, ``url``, ``group``), or a path
    (``pathlib.Path`` or another ``os.PathLike``: a file or a folder, read as the binary reads
    it, ``.jsonl`` files included). A ``str`` is always a text, never a path. Documents given
    in memory are named by their ``id``, or by their position from 1 when they have none.

    ``group_by="all"`` compares every document with every other; ``"folder"`` only documents
    of the same ``group`` (the folder, for files). ``baseline`` is a file written by
    ``crosscheck check --write-baseline``: the findings it records are marked ``known``.

    Raises :class:`InputError` for a document that cannot be read (a missing path, a broken
    JSON Lines line, a mapping without text), :class:`BaselineError`, ``TypeError`` and
    ``ValueError`` for arguments of the wrong kind.
    """
    items: List[Tuple[str, str]] = []
    for n, item in enumerate(_documents(documents), start=1):
        if isinstance(item, os.PathLike):
            items.append(("path", os.fspath(item)))
        else:
            items.append(("record", _record(item, n)))
    baseline_path = None if baseline is None else os.fspath(baseline)
    return Report(_native.check(items, _group_by(group_by), _rules(rules), baseline_path))


def dump_claims(claims: Iterable[Claim]) -> str:
    """The claims of one document (from :func:`extract`) as one string, to ship to another
    process (a Spark column) and give back to :func:`compare` or :func:`learn`. The string is
    crosscheck's own serialisation of its claims, not the JSON contract."""
    wires = []
    for claim in claims:
        wire = getattr(claim, "_wire", None)
        if wire is None:
            raise ValueError("only claims from crosscheck.extract can be shipped")
        wires.append(wire)
    return "\n".join(wires)


def _wires(claims: Union[str, Iterable[Claim]]) -> List[str]:
    if isinstance(claims, str):
        return [w for w in claims.split("\n") if w]
    return dump_claims(claims).split("\n") if claims else []


def learn(claims: Union[str, Iterable[Claim]]) -> Dict[str, str]:
    """What claims teach about the whole corpus they come from: the acronyms they spell out
    (``{"high mobility artillery rocket system": "himars"}``, keys as aligned). Merged over a
    corpus in document order (a later document's entry replacing an earlier one's), this is what
    :func:`compare` takes as ``learned``."""
    return _native.learn(_wires(claims))


def compare(
    documents: Sequence[Union[str, Mapping[str, Any]]],
    claims: Sequence[Union[str, Iterable[Claim]]],
    *,
    group_by: str = "all",
    rules: Optional[Rules] = None,
    learned: Optional[Mapping[str, str]] = None,
    corpus_name: Optional[str] = None,
) -> Report:
    """Aligns and compares documents whose claims were extracted already.

    ``documents`` are texts or mappings as in :func:`check` (not paths); ``claims[i]`` are the
    claims of ``documents[i]``, as :func:`extract` returned them (with the same title and date)
    or as :func:`dump_claims` shipped them. ``learned`` is what the whole corpus teaches
    (:func:`learn`); without it, what these claims teach. ``corpus_name`` names documents as
    the binary names the lines of a JSON Lines file of that name (``NAME#id``; ungrouped lines
    in the file's folder). With the corpus's ``learned``, one group of documents gets with
    ``group_by="folder"`` exactly the findings a check of the whole corpus gives it.
    """
    records, wires = _records_and_wires(documents, claims, "compare")
    return Report(
        _native.compare(
            records,
            wires,
            _group_by(group_by),
            _rules(rules),
            None if learned is None else dict(learned),
            _optional_str("corpus_name", corpus_name),
        )
    )


def slots(
    claims: Union[str, Iterable[Claim]],
    *,
    document: int,
    folder: str,
    learned: Mapping[str, str],
    rules: Optional[Rules] = None,
) -> List[Optional[Tuple[str, str, str]]]:
    """Where each claim of one document goes in a ``group_by="all"`` check split by subject:
    ``(bucket, slot, general)`` (strings), or ``None`` for a claim that alignment passes over.
    ``general`` is the slot without the document's folder: :func:`merge_map` gives a subject
    whose folder does not matter once, under it, so look a claim up by ``slot``, then by
    ``general``.

    ``document`` is the document's place in the corpus (quotes are clustered one claim at a
    time, and named by it), ``folder`` its ``group``, ``learned`` what the whole corpus teaches
    (:func:`learn`, merged in corpus order). The bucket is what claims must share to be compared
    at all (kind, property, increment, standing, dimension); claims with one slot always end in
    one cluster. Give the first claim of every slot, in corpus order, to :func:`merge_map`.
    """
    return _native.slots(_wires(claims), int(document), str(folder), dict(learned), _rules(rules))


def merge_map(
    representatives: Sequence[Tuple[str, Union[str, Claim]]],
    *,
    learned: Mapping[str, str],
    rules: Optional[Rules] = None,
) -> List[Tuple[str, str, int, str]]:
    """The first pass of a ``group_by="all"`` check split by subject: the merges the whole
    corpus makes (spelling variants and names taken as one, acronyms spelled out).

    ``representatives`` are ``(slot, claim)`` pairs: for every slot of one or more whole
    buckets (from :func:`slots`), the first claim of the corpus with that slot (a claim from
    :func:`extract` or its :func:`dump_claims` string), in corpus order. Returns ``(slot,
    cluster, part, target)`` for each slot, or once for all the slots of a subject whose folder
    does not matter (under its general slot): the cluster's subject key, its number among its
    bucket's clusters (``(bucket, part)`` names one cluster), and what :func:`compare_cluster`
    takes. Buckets are independent: the pass can run one bucket a task.
    """
    pairs = []
    for slot, claim in representatives:
        wire = claim if isinstance(claim, str) else dump_claims([claim])
        pairs.append((str(slot), wire))
    return _native.merge_map(pairs, dict(learned), _rules(rules))


def compare_cluster(
    documents: Sequence[Union[str, Mapping[str, Any]]],
    claims: Sequence[Union[str, Iterable[Claim]]],
    target: str,
    *,
    rules: Optional[Rules] = None,
    corpus_name: Optional[str] = None,
) -> Report:
    """Compares one cluster of a ``group_by="all"`` check split by subject.

    ``documents`` are the documents of the cluster's claims, in corpus order (texts or
    mappings as in :func:`compare`; the text is read only for suppression comments, so a text
    that keeps just those lines, and blanks the others, will do); ``claims[i]`` are the
    cluster's claims of ``documents[i]`` in document order; ``target`` is what
    :func:`merge_map` said of the cluster. The report holds the findings a ``check(...,
    group_by="all")`` of the whole corpus gives about this cluster.
    """
    records, wires = _records_and_wires(documents, claims, "compare_cluster")
    return Report(
        _native.compare_cluster(
            records,
            wires,
            str(target),
            _rules(rules),
            _optional_str("corpus_name", corpus_name),
        )
    )
