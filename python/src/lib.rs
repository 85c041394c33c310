//! `crosscheck._native`: the Rust side of the Python package, kept thin.
//!
//! Every function here turns Python arguments into the library's types, runs the library with
//! the GIL released (`Python::detach`) and under `catch_unwind` (a bug is a Python exception,
//! never an abort of the interpreter), and hands results back as the JSON contract's entries
//! (`crosscheck::report::json`), which the Python side (`crosscheck/__init__.py`) wraps in
//! plain objects. A change to the claim or finding types therefore reaches Python through the
//! contract's serde structs, with no field copied by hand here. The one addition to the
//! contract is the span in characters (`char_start`, `char_end`) beside the byte offsets, since
//! Python strings are indexed by code point.
//!
//! Claims shipped between processes (the stages of a distributed run) travel as the library's
//! own `Claim` serialised with serde ("wire" strings), not as the contract, so that a claim read
//! back is the claim that was extracted.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crosscheck::baseline::{Baseline, BaselineError};
use crosscheck::ingest::{self, IngestError};
use crosscheck::model::{Claim, Document, Warning};
use crosscheck::report::json::{ClaimEntry, check_report_in, finding_entry};
use crosscheck::report::{Context, html, json, json_lines, markdown, sarif};
use crosscheck::rules::RulesError;
use crosscheck::{GroupBy, suppress};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// An error for Python: the exception class (in `crosscheck._errors`) and its arguments
/// (message, file, line, column), raised once the GIL is held again.
struct Raised {
    class: &'static str,
    message: String,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
}

impl Raised {
    fn new(class: &'static str, message: impl Into<String>) -> Self {
        Self {
            class,
            message: message.into(),
            file: None,
            line: None,
            column: None,
        }
    }

    fn at(mut self, file: &str, line: Option<usize>, column: Option<usize>) -> Self {
        self.file = Some(file.to_string());
        self.line = line;
        self.column = column;
        self
    }

    fn into_py(self, py: Python<'_>) -> PyErr {
        let class = match py
            .import("crosscheck._errors")
            .and_then(|m| m.getattr(self.class))
        {
            Ok(class) => class,
            Err(e) => return e,
        };
        let args = (self.message, self.file, self.line, self.column);
        match class.call1(args) {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    }
}

impl From<RulesError> for Raised {
    fn from(e: RulesError) -> Self {
        let message = e.to_string();
        match &e {
            RulesError::Unreadable { path, .. } => {
                Raised::new("RulesError", message).at(path, None, None)
            }
            RulesError::Invalid {
                path, src, span, ..
            } => {
                let (line, column) = span.map(|_| src.position()).unzip();
                Raised::new("RulesError", message).at(path, line, column)
            }
        }
    }
}

impl From<BaselineError> for Raised {
    fn from(e: BaselineError) -> Self {
        let message = e.to_string();
        match &e {
            BaselineError::Invalid {
                path, src, span, ..
            } => {
                let (line, column) = span.map(|_| src.position()).unzip();
                Raised::new("BaselineError", message).at(path, line, column)
            }
            BaselineError::Unreadable { path, .. } | BaselineError::Version { path, .. } => {
                Raised::new("BaselineError", message).at(path, None, None)
            }
        }
    }
}

impl From<&IngestError> for Raised {
    fn from(e: &IngestError) -> Self {
        let line = match e {
            IngestError::BadJsonLine { line, .. } => Some(*line),
            _ => None,
        };
        Raised::new("InputError", e.to_string()).at(e.path(), line, None)
    }
}

/// Runs `work` without the GIL and with panics caught, then raises what it returned.
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> Result<T, Raised> + Send) -> PyResult<T> {
    let outcome = py.detach(|| catch_unwind(AssertUnwindSafe(work)));
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(raised)) => Err(raised.into_py(py)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            Err(Raised::new(
                "CrosscheckError",
                format!("internal error in crosscheck (please report it): {what}"),
            )
            .into_py(py))
        }
    }
}

fn group_by(name: &str) -> PyResult<GroupBy> {
    match name {
        "all" => Ok(GroupBy::All),
        "folder" | "group" => Ok(GroupBy::Folder),
        other => Err(PyValueError::new_err(format!(
            "group_by must be 'all' or 'folder', not {other:?}"
        ))),
    }
}

fn json_string(value: &impl serde::Serialize) -> Result<String, Raised> {
    serde_json::to_string(value)
        .map_err(|e| Raised::new("CrosscheckError", format!("cannot serialise: {e}")))
}

/// The rules in effect: the built-in ones, with a folder of `*.toml` files on top.
#[pyclass(frozen, module = "crosscheck._native")]
struct Rules {
    inner: Arc<crosscheck::rules::Rules>,
    folder: Option<PathBuf>,
}

#[pymethods]
impl Rules {
    #[staticmethod]
    fn builtin(py: Python<'_>) -> PyResult<Self> {
        Ok(Self {
            inner: rules_or_builtin(py, None)?,
            folder: None,
        })
    }

    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let folder = path.clone();
        let inner = run(py, move || {
            if !path.is_dir() {
                let shown = path.display().to_string();
                let message = if path.exists() {
                    format!("{shown}: not a folder (rules are a folder of *.toml files)")
                } else {
                    format!("{shown}: no such folder")
                };
                return Err(Raised::new("RulesError", message).at(&shown, None, None));
            }
            Ok(crosscheck::rules::Rules::load(Some(&path))?)
        })?;
        Ok(Self {
            inner: Arc::new(inner),
            folder: Some(folder),
        })
    }

    #[getter]
    fn folder(&self) -> Option<PathBuf> {
        self.folder.clone()
    }
}

/// An error unless there is one list of claims for every document.
fn same_length<D, C>(records: &[D], claims: &[C]) -> PyResult<()> {
    if records.len() != claims.len() {
        return Err(PyValueError::new_err(format!(
            "{} documents but claims for {}",
            records.len(),
            claims.len()
        )));
    }
    Ok(())
}

/// The rules a call gives, or the built-in ones, loaded once a process: building rules
/// compiles the extractor's lookup tables, which must not happen once a document.
fn rules_or_builtin(
    py: Python<'_>,
    rules: Option<&Rules>,
) -> PyResult<Arc<crosscheck::rules::Rules>> {
    static BUILTIN: OnceLock<Arc<crosscheck::rules::Rules>> = OnceLock::new();
    if let Some(r) = rules {
        return Ok(r.inner.clone());
    }
    if let Some(builtin) = BUILTIN.get() {
        return Ok(builtin.clone());
    }
    let loaded = Arc::new(run(py, || Ok(crosscheck::rules::Rules::builtin()?))?);
    Ok(BUILTIN.get_or_init(|| loaded).clone())
}

/// Builds a document from one JSON Lines record; `name`: the file the binary would read it from
/// (documents are then `name#id`), or none (documents are named by their id alone).
fn record_document(
    name: Option<&str>,
    n: usize,
    record: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Option<Document>, Raised> {
    let shown = name.unwrap_or("");
    let doc = ingest::json_record_document(shown, n, record).map_err(|(column, message)| {
        Raised::new("InputError", format!("document {n}: {message}")).at(
            name.unwrap_or("<documents>"),
            Some(n),
            Some(column),
        )
    })?;
    let Some(mut doc) = doc else {
        return Ok(None);
    };
    if name.is_none()
        && let Some(id) = doc.path.strip_prefix('#')
    {
        doc.path = id.to_string();
    }
    if doc.text.trim().is_empty() {
        warnings.push(Warning {
            path: doc.path.clone(),
            message: "empty text; it states no claims".to_string(),
        });
    }
    Ok(Some(doc))
}

/// Claim `index` with its document, or none when either is missing (as the reporters skip it).
fn claim_with_document(
    analysis: &crosscheck::Analysis,
    index: usize,
) -> Option<(&Claim, &Document)> {
    let claim = analysis.claims.get(index)?;
    Some((claim, analysis.documents.get(claim.doc)?))
}

/// The claim entries of an analysis as JSON values, with the span in characters beside bytes.
fn claim_values(analysis: &crosscheck::Analysis) -> Result<Vec<serde_json::Value>, Raised> {
    let mut out = Vec::with_capacity(analysis.claims.len());
    // Claims come by document then offset: count characters from the previous claim's start.
    let mut cursor: Option<(usize, usize, usize)> = None; // (doc, byte, chars)
    for i in 0..analysis.claims.len() {
        let Some((claim, doc)) = claim_with_document(analysis, i) else {
            continue;
        };
        let chars_to = |from: (usize, usize), to: usize| -> Option<usize> {
            doc.text.get(from.0..to).map(|t| from.1 + t.chars().count())
        };
        let from = match cursor {
            Some((d, byte, chars)) if d == claim.doc && byte <= claim.span.start => (byte, chars),
            _ => (0, 0),
        };
        let start = chars_to(from, claim.span.start);
        let end = start.and_then(|s| chars_to((claim.span.start, s), claim.span.end));
        if let Some(s) = start {
            cursor = Some((claim.doc, claim.span.start, s));
        }
        let mut value = serde_json::to_value(ClaimEntry::new(claim, doc))
            .map_err(|e| Raised::new("CrosscheckError", format!("cannot serialise: {e}")))?;
        if let Some(span) = value.get_mut("span").and_then(|s| s.as_object_mut()) {
            span.insert("char_start".into(), start.into());
            span.insert("char_end".into(), end.into());
        }
        out.push(value);
    }
    Ok(out)
}

/// A finished analysis and what its reports need (suppressions and baseline applied).
#[pyclass(frozen, module = "crosscheck._native")]
struct Analysis {
    inner: crosscheck::Analysis,
    context: Context,
}

#[pymethods]
impl Analysis {
    /// `{"documents", "claims", "findings", "summary", "warnings"}`: the JSON contract's
    /// entries, each claim with its span in characters too, each finding's claims as indices
    /// into `claims`.
    fn data(&self, py: Python<'_>) -> PyResult<String> {
        run(py, || {
            let analysis = &self.inner;
            let report = check_report_in(analysis, &self.context);
            let claims = claim_values(analysis)?;
            // The index of each claim among those listed (claims of a missing document are
            // not listed).
            let mut listed = vec![None; analysis.claims.len()];
            let mut next = 0usize;
            for (i, slot) in listed.iter_mut().enumerate() {
                if claim_with_document(analysis, i).is_some() {
                    *slot = Some(next);
                    next += 1;
                }
            }
            let mut findings = Vec::with_capacity(analysis.findings.len());
            for (i, finding) in analysis.findings.iter().enumerate() {
                let entry = finding_entry(analysis, finding, self.context.is_known(i));
                let mut value = serde_json::to_value(&entry).map_err(|e| {
                    Raised::new("CrosscheckError", format!("cannot serialise: {e}"))
                })?;
                let indices: Vec<usize> = finding
                    .claims
                    .iter()
                    .filter_map(|&c| listed.get(c).copied().flatten())
                    .collect();
                if let Some(object) = value.as_object_mut() {
                    object.insert("claims".into(), indices.into());
                }
                findings.push(value);
            }
            json_string(&serde_json::json!({
                "documents": report.documents,
                "claims": claims,
                "findings": findings,
                "summary": report.summary,
                "warnings": report.warnings,
            }))
        })
    }

    /// The report in one of the binary's machine and page formats.
    fn render(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let render: fn(&crosscheck::Analysis, &Context) -> String = match format {
            "json" => json::render,
            "json-lines" => json_lines::render,
            "sarif" => sarif::render,
            "markdown" => markdown::render,
            "html" => html::render,
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown format {other:?} (json, json-lines, sarif, markdown, html)"
                )));
            }
        };
        run(py, || Ok(render(&self.inner, &self.context)))
    }
}

/// Applies the documents' suppression comments and the baseline, as the binary does.
fn finish(
    mut analysis: crosscheck::Analysis,
    skipped: usize,
    baseline: Option<&PathBuf>,
) -> Result<Analysis, Raised> {
    let suppressed = suppress::apply(&mut analysis).suppressed;
    let mut context = Context {
        skipped,
        show_agreements: true,
        suppressed,
        ..Context::default()
    };
    if let Some(path) = baseline {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Raised::from(BaselineError::Unreadable {
                path: shown.clone(),
                message: e.to_string(),
            })
        })?;
        let recorded = Baseline::parse(&shown, &text)?;
        let matches = recorded.matches(&analysis);
        analysis.warnings.extend(matches.stale_warnings(&shown));
        context.baseline = true;
        context.known = matches.known;
    }
    Ok(Analysis {
        inner: analysis,
        context,
    })
}

/// One item of `check`'s documents: `("path", PATH)` or `("record", JSON_OBJECT)`.
type Item = (String, String);

/// Runs the whole pipeline over documents given as JSON records or paths, in order.
#[pyfunction]
#[pyo3(signature = (items, group_by_name, rules=None, baseline=None))]
fn check(
    py: Python<'_>,
    items: Vec<Item>,
    group_by_name: &str,
    rules: Option<&Rules>,
    baseline: Option<PathBuf>,
) -> PyResult<Analysis> {
    let group_by = group_by(group_by_name)?;
    let rules = rules_or_builtin(py, rules)?;
    run(py, move || {
        let mut documents = Vec::new();
        let mut warnings = Vec::new();
        let mut skipped = 0;
        for (n, (kind, value)) in items.iter().enumerate() {
            match kind.as_str() {
                "record" => {
                    if let Some(doc) = record_document(None, n + 1, value, &mut warnings)? {
                        documents.push(doc);
                    }
                }
                "path" => {
                    let corpus = ingest::read_paths(&[PathBuf::from(value)]);
                    if let Some(error) = corpus.errors.first() {
                        return Err(Raised::from(error));
                    }
                    documents.extend(corpus.documents);
                    warnings.extend(corpus.warnings);
                    skipped += corpus.skipped;
                }
                other => {
                    return Err(Raised::new(
                        "CrosscheckError",
                        format!("internal: unknown document kind {other:?}"),
                    ));
                }
            }
        }
        let analysis = crosscheck::check(documents, warnings, &rules, group_by);
        finish(analysis, skipped, baseline.as_ref())
    })
}

/// Extracts the claims of one text and its metadata: `(claims as JSON entries, each claim's
/// wire string)`.
#[pyfunction]
#[pyo3(signature = (text, title=None, date=None, rules=None, source=None, url=None))]
fn extract(
    py: Python<'_>,
    text: String,
    title: Option<String>,
    date: Option<String>,
    rules: Option<&Rules>,
    source: Option<String>,
    url: Option<String>,
) -> PyResult<(String, Vec<String>)> {
    let rules = rules_or_builtin(py, rules)?;
    run(py, move || {
        let record = serde_json::json!({
            "text": text, "title": title, "date": date, "source": source, "url": url,
        })
        .to_string();
        let mut warnings = Vec::new();
        let Some(doc) = record_document(None, 1, &record, &mut warnings)? else {
            return Ok(("[]".to_string(), Vec::new()));
        };
        let mut doc = doc;
        doc.path = String::new();
        let claims = crosscheck::extract::extract(0, &doc, &rules);
        let wires = claims
            .iter()
            .map(json_string)
            .collect::<Result<Vec<_>, _>>()?;
        let analysis = crosscheck::Analysis {
            documents: vec![doc],
            claims,
            ..crosscheck::Analysis::default()
        };
        Ok((json_string(&claim_values(&analysis)?)?, wires))
    })
}

/// Reads back the claims of one document from their wire strings (as `extract` gave them).
fn read_wire(wires: &[String], doc: usize) -> Result<Vec<Claim>, Raised> {
    wires
        .iter()
        .map(|w| {
            let mut claim: Claim = serde_json::from_str(w).map_err(|e| {
                Raised::new(
                    "InputError",
                    format!(
                        "document {}: not a claim from crosscheck.extract: {e}",
                        doc + 1
                    ),
                )
            })?;
            claim.doc = doc;
            Ok(claim)
        })
        .collect()
}

/// Aligns and compares documents whose claims were extracted already (perhaps elsewhere):
/// `records` are JSON Lines records, `claims[i]` the wire strings of record `i`'s claims,
/// `learned` the acronyms the whole corpus teaches, `name` the file the binary would have read
/// the records from.
#[pyfunction]
#[pyo3(signature = (records, claims, group_by_name, rules=None, learned=None, name=None))]
fn compare(
    py: Python<'_>,
    records: Vec<String>,
    claims: Vec<Vec<String>>,
    group_by_name: &str,
    rules: Option<&Rules>,
    learned: Option<HashMap<String, String>>,
    name: Option<String>,
) -> PyResult<Analysis> {
    let group_by = group_by(group_by_name)?;
    same_length(&records, &claims)?;
    let rules = rules_or_builtin(py, rules)?;
    run(py, move || {
        let mut documents = Vec::new();
        let mut all = Vec::new();
        let mut warnings = Vec::new();
        for (n, (record, wires)) in records.iter().zip(&claims).enumerate() {
            if let Some(doc) = record_document(name.as_deref(), n + 1, record, &mut warnings)? {
                all.extend(read_wire(wires, documents.len())?);
                documents.push(doc);
            }
        }
        let analysis = crosscheck::check_extracted(
            documents,
            all,
            warnings,
            &rules,
            group_by,
            learned.as_ref(),
        );
        finish(analysis, 0, None)
    })
}

/// The acronyms that claims spell out: `{long form key: acronym key}`.
#[pyfunction]
fn learn(py: Python<'_>, claims: Vec<String>) -> PyResult<HashMap<String, String>> {
    run(py, move || {
        let claims = read_wire(&claims, 0)?;
        Ok(crosscheck::align::learn_acronyms(&claims))
    })
}

// Distributed `--group-by all` (issue 14): a claim's slot, the first pass (the merges of the
// whole corpus, a bucket at a time) and the comparison of one cluster. Slots and targets
// travel as the library's serde JSON (`crosscheck::align::Slot`, `Target`).

/// The slots of one document's claims (`wires` as `extract` gave them) in a `--group-by all`
/// run: `(bucket, slot, general slot)` for each claim (the general slot without the folder,
/// under which `merge_map` gives a subject whose folder does not matter), or `None` for a claim
/// alignment passes over. `doc` is the document's place in the corpus, `folder` its group,
/// `learned` the corpus's acronyms.
#[pyfunction]
#[pyo3(signature = (wires, doc, folder, learned, rules=None))]
fn slots(
    py: Python<'_>,
    wires: Vec<String>,
    doc: usize,
    folder: String,
    learned: HashMap<String, String>,
    rules: Option<&Rules>,
) -> PyResult<Vec<Option<(String, String, String)>>> {
    let rules = rules_or_builtin(py, rules)?;
    run(py, move || {
        let claims = read_wire(&wires, doc)?;
        claims
            .iter()
            .enumerate()
            .map(|(i, claim)| {
                crosscheck::align::slot_of(claim, doc, i, &folder, &rules, &learned)
                    .map(|slot| {
                        Ok((
                            slot.bucket.clone(),
                            json_string(&slot)?,
                            json_string(&slot.general())?,
                        ))
                    })
                    .transpose()
            })
            .collect()
    })
}

fn read_slot(text: &str) -> Result<crosscheck::align::Slot, Raised> {
    serde_json::from_str(text).map_err(|e| {
        Raised::new(
            "InputError",
            format!("not a slot from crosscheck.slots: {e}"),
        )
    })
}

/// The first pass: `representatives` are `(slot, wire)`, the first claim of the corpus with
/// each slot of one or more whole buckets, in corpus order. Returns `(slot, cluster key, part,
/// target)`, the target as `compare_cluster` takes it: one entry a slot, or one for all the
/// slots of a subject whose folder does not matter, under its general slot.
#[pyfunction]
#[pyo3(signature = (representatives, learned, rules=None))]
fn merge_map(
    py: Python<'_>,
    representatives: Vec<(String, String)>,
    learned: HashMap<String, String>,
    rules: Option<&Rules>,
) -> PyResult<Vec<(String, String, usize, String)>> {
    let rules = rules_or_builtin(py, rules)?;
    run(py, move || {
        let mut reps = Vec::with_capacity(representatives.len());
        for (slot, wire) in &representatives {
            let claim = read_wire(std::slice::from_ref(wire), 0)?
                .pop()
                .ok_or_else(|| Raised::new("InputError", "a representative without its claim"))?;
            reps.push((read_slot(slot)?, claim));
        }
        crosscheck::align::merge_map(&reps, &rules, &learned)
            .into_iter()
            .map(|(slot, target)| {
                Ok((
                    json_string(&slot)?,
                    target.cluster.clone(),
                    target.part,
                    json_string(&target)?,
                ))
            })
            .collect()
    })
}

/// Compares one cluster of a `--group-by all` run: `records` are the JSON Lines records of its
/// claims' documents in corpus order, `claims[i]` the wire strings of record `i`'s claims in
/// the cluster, `target` what `merge_map` said of the cluster.
#[pyfunction]
#[pyo3(signature = (records, claims, target, rules=None, name=None))]
fn compare_cluster(
    py: Python<'_>,
    records: Vec<String>,
    claims: Vec<Vec<String>>,
    target: String,
    rules: Option<&Rules>,
    name: Option<String>,
) -> PyResult<Analysis> {
    same_length(&records, &claims)?;
    let rules = rules_or_builtin(py, rules)?;
    run(py, move || {
        let target: crosscheck::align::Target = serde_json::from_str(&target).map_err(|e| {
            Raised::new(
                "InputError",
                format!("not a target from crosscheck.merge_map: {e}"),
            )
        })?;
        let mut documents = Vec::new();
        let mut all = Vec::new();
        let mut warnings = Vec::new();
        for (n, (record, wires)) in records.iter().zip(&claims).enumerate() {
            if let Some(doc) = record_document(name.as_deref(), n + 1, record, &mut warnings)? {
                all.extend(read_wire(wires, documents.len())?);
                documents.push(doc);
            }
        }
        let analysis = crosscheck::compare_cluster(documents, all, warnings, &rules, &target);
        finish(analysis, 0, None)
    })
}

/// The version of the JSON contract the reports follow.
#[pyfunction]
fn contract_version() -> u32 {
    json::VERSION
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Rules>()?;
    m.add_class::<Analysis>()?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(learn, m)?)?;
    m.add_function(wrap_pyfunction!(slots, m)?)?;
    m.add_function(wrap_pyfunction!(merge_map, m)?)?;
    m.add_function(wrap_pyfunction!(compare_cluster, m)?)?;
    m.add_function(wrap_pyfunction!(contract_version, m)?)?;
    Ok(())
}
