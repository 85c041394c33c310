//! Report: renders an [`crate::Analysis`] for people and machines.
//!
//! The library never prints. Every format is a pure function of the analysis and a [`Context`]
//! (what the run knows besides the analysis: skipped files, the baseline, suppressions) that
//! returns the text to print; the binary picks one by `--format` and writes it:
//!
//! - [`human`]: miette diagnostics, one per finding, and the one-line summary;
//! - [`json`]: the stable JSON contract; [`json_lines`]: one finding of that contract a line;
//! - [`sarif`]: SARIF 2.1.0 for code-scanning tools; [`github`]: GitHub workflow commands;
//!   [`rdjsonl`]: reviewdog's diagnostic format;
//! - [`markdown`]: a pull-request comment; [`html`]: one self-contained page for review.
//!
//! [`codes`] documents every code the tool emits (`crosscheck explain`), and [`listing`] says
//! what each rules file contributes (`crosscheck rules`).

pub mod codes;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod listing;
pub mod markdown;
pub mod rdjsonl;
pub mod sarif;
pub mod texts;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::Analysis;
use crate::model::{Claim, Document, Finding, FindingKind};
use crate::text::LineIndex;

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Diagnostics for people.
    #[default]
    Human,
    /// The JSON contract (see the README).
    Json,
    /// One finding of the JSON contract a line.
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// reviewdog's diagnostic format, one JSON object a line.
    Rdjsonl,
    /// A Markdown report for a pull-request comment.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

impl Format {
    /// Whether the format is read by programs (so nothing decorative may reach stdout).
    pub fn is_machine(self) -> bool {
        !matches!(self, Format::Human | Format::Markdown | Format::Html)
    }
}

/// What a reporter needs besides the analysis: facts about the run the analysis does not hold.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Files found in folders but not read because of their extension.
    pub skipped: usize,
    /// List agreements in full (human, SARIF, GitHub, reviewdog, Markdown); JSON and the HTML
    /// page always list every finding.
    pub show_agreements: bool,
    /// Whether a baseline was given, so that a finding is either new or known.
    pub baseline: bool,
    /// Indices into `analysis.findings` of the findings recorded in the baseline.
    pub known: BTreeSet<usize>,
    /// Findings removed by in-document suppressions (`<!-- crosscheck-ignore -->`).
    pub suppressed: usize,
    /// For the review page: the findings from this index of `analysis.findings` on are those
    /// suppressions removed, put back to be shown marked. They count in no total.
    pub suppressed_from: Option<usize>,
    /// The width of the terminal human output goes to (`COLUMNS`), which long source lines are
    /// cut to fit; `None` when none is known (lines are cut to
    /// [`crate::text::DEFAULT_EXCERPT_WIDTH`] characters).
    pub columns: Option<usize>,
}

impl Context {
    /// A context with only the count of skipped files.
    pub fn with_skipped(skipped: usize) -> Self {
        Self {
            skipped,
            ..Self::default()
        }
    }

    /// Whether finding `index` is recorded in the baseline.
    pub fn is_known(&self, index: usize) -> bool {
        self.known.contains(&index)
    }

    /// The counts of a run.
    pub fn summary(&self, analysis: &Analysis) -> Summary {
        let mut summary = Summary {
            known: self.known.len(),
            suppressed: self.suppressed,
            ..Summary::of(analysis, self.skipped)
        };
        for f in analysis
            .findings
            .iter()
            .skip(self.suppressed_from.unwrap_or(usize::MAX))
        {
            match f.kind {
                FindingKind::Conflict => summary.conflicts -= 1,
                FindingKind::Update => summary.updates -= 1,
                FindingKind::Agreement => summary.agreements -= 1,
            }
        }
        summary
    }

    /// Whether finding `index` is one a suppression removed, shown on the review page.
    pub fn is_suppressed(&self, index: usize) -> bool {
        self.suppressed_from.is_some_and(|from| index >= from)
    }

    /// The findings to list in full: every conflict, and agreements when asked, with their
    /// index in `analysis.findings`.
    pub fn shown<'a>(
        &'a self,
        analysis: &'a Analysis,
    ) -> impl Iterator<Item = (usize, &'a Finding)> + 'a {
        analysis
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.show_agreements || f.kind != FindingKind::Agreement)
    }
}

/// Counts shown at the end of a human report and in the JSON `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub claims: usize,
    pub agreements: usize,
    pub conflicts: usize,
    /// Evolving figures that later reports revised (warnings, not conflicts).
    pub updates: usize,
    /// Files found in folders but not read because of their extension.
    pub skipped: usize,
    pub warnings: usize,
    /// Findings recorded in the baseline (reported as known; they do not fail the run).
    #[serde(skip_serializing_if = "is_zero")]
    pub known: usize,
    /// Findings removed by in-document suppressions.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// The counts of one analysis; `skipped` comes from ingest, which the analysis does not see.
    pub fn of(analysis: &Analysis, skipped: usize) -> Self {
        Self {
            documents: analysis.documents.len(),
            claims: analysis.claim_count(),
            agreements: analysis.agreements(),
            conflicts: analysis.conflicts(),
            updates: analysis.updates(),
            skipped,
            warnings: analysis.warnings.len(),
            known: 0,
            suppressed: 0,
        }
    }
}

impl std::fmt::Display for Summary {
    /// `3 documents, 12 claims, 2 agreements, 1 conflict`, then skipped files and warnings when
    /// there are any.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, {}, {}, {}",
            counted(self.documents, "document", "documents"),
            counted(self.claims, "claim", "claims"),
            counted(self.agreements, "agreement", "agreements"),
            counted(self.conflicts, "conflict", "conflicts"),
        )?;
        if self.updates > 0 {
            write!(f, ", {}", counted(self.updates, "update", "updates"))?;
        }
        if self.skipped > 0 {
            write!(
                f,
                ", {}",
                counted(self.skipped, "skipped file", "skipped files")
            )?;
        }
        if self.warnings > 0 {
            write!(f, ", {}", counted(self.warnings, "warning", "warnings"))?;
        }
        if self.known > 0 {
            write!(f, ", {} known (in the baseline)", self.known)?;
        }
        if self.suppressed > 0 {
            write!(f, ", {} suppressed", self.suppressed)?;
        }
        Ok(())
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A claim of a finding together with its document, skipping indices that point nowhere (a
/// reporter must not panic on a malformed analysis built by a library caller).
pub(crate) fn claim_with_document(
    analysis: &Analysis,
    index: usize,
) -> Option<(&Claim, &Document)> {
    let claim = analysis.claims.get(index)?;
    let doc = analysis.documents.get(claim.doc)?;
    Some((claim, doc))
}

/// Where a claim is, for formats that need both ends of its span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Located<'a> {
    pub claim: &'a Claim,
    pub doc: &'a Document,
    /// 1-based line and column (in characters) of the first character.
    pub start: (usize, usize),
    /// 1-based line and column (in characters) just after the last character.
    pub end: (usize, usize),
    /// 1-based columns of the start and just after the end, counted in bytes.
    byte_columns: (usize, usize),
}

impl Located<'_> {
    /// `path:line:column`.
    pub fn at(&self) -> String {
        format!("{}:{}:{}", self.doc.path, self.start.0, self.start.1)
    }

    /// 1-based column of the start counted in bytes (reviewdog counts in bytes).
    pub fn start_byte_column(&self) -> usize {
        self.byte_columns.0
    }

    /// 1-based column just after the end, counted in bytes.
    pub fn end_byte_column(&self) -> usize {
        self.byte_columns.1
    }
}

/// The byte columns of a located claim whose start's line begins at `line_start` (see
/// [`Located::start_byte_column`]).
fn byte_columns(claim: &Claim, text: &str, line_start: usize) -> (usize, usize) {
    let start = claim.span.start.min(text.len());
    let end = claim.span.end.min(text.len()).max(start);
    // The end's line starts after the span's last line break, or at the start's line.
    let end_line_start = text
        .get(start..end)
        .and_then(|span| span.rfind('\n'))
        .map_or(line_start, |i| start + i + 1);
    (
        start.saturating_sub(line_start) + 1,
        end - end_line_start + 1,
    )
}

/// The start's line and column from the claim's span (counted when the claim was extracted),
/// the end's from the span's own text, and where the start's line begins by walking back over
/// the column's characters: what a claim costs to locate depends on it, not on its document.
fn locate<'a>(claim: &'a Claim, doc: &'a Document, text: &str) -> Located<'a> {
    let start = claim.span.start.min(text.len());
    let end = claim.span.end.min(text.len()).max(start);
    let (start, end) = match (text.get(start..end), text.get(..start)) {
        (Some(_), Some(_)) => (start, end),
        // Not on character boundaries (a span a library caller built): counted the slow way.
        _ => {
            let index = LineIndex::new(text);
            let (line, column) = index.line_col(text, start);
            return Located {
                claim,
                doc,
                start: (line, column),
                end: index.line_col(text, end),
                byte_columns: byte_columns(claim, text, 0),
            };
        }
    };
    let before = &text[..start];
    let mut line_start = before
        .char_indices()
        .rev()
        .nth(claim.span.column.saturating_sub(2))
        .map_or(0, |(i, _)| i);
    if claim.span.column <= 1 {
        line_start = start;
    }
    // A byte-order mark at the start of the text is no column, but a byte.
    if line_start == '\u{feff}'.len_utf8() && text.starts_with('\u{feff}') {
        line_start = 0;
    }
    let span = &text[start..end];
    let end_pos = match span.rfind('\n') {
        None => (claim.span.line, claim.span.column + span.chars().count()),
        Some(i) => (
            claim.span.line + span.matches('\n').count(),
            span[i + 1..].chars().count() + 1,
        ),
    };
    Located {
        claim,
        doc,
        start: (claim.span.line, claim.span.column),
        end: end_pos,
        byte_columns: byte_columns(claim, text, line_start),
    }
}

/// The claims of a finding with both ends located, skipping indices that point nowhere.
pub(crate) fn located<'a>(analysis: &'a Analysis, finding: &Finding) -> Vec<Located<'a>> {
    finding
        .claims
        .iter()
        .filter_map(|&i| claim_with_document(analysis, i))
        .map(|(claim, doc)| locate(claim, doc, &analysis.texts.text(claim.doc, doc)))
        .collect()
}

// Excerpts (the text around a claim, read from a bounded window of its line) are
// `html::clip_with`, shared by the HTML page and the Markdown report.

/// A short name for a document: its `source` from the front matter, else its file name.
pub(crate) fn short_name(doc: &Document) -> &str {
    doc.meta
        .source
        .as_deref()
        .unwrap_or_else(|| doc.path.rsplit('/').next().unwrap_or(&doc.path))
}

/// `1 conflict`, `2 conflicts`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    counted(n, one, many)
}

/// Writes into `out`, a finding at a time, what `push` renders of each finding the context
/// shows and does not already know: the line-per-finding formats (GitHub, reviewdog).
pub(crate) fn write_each(
    analysis: &Analysis,
    context: &Context,
    out: &mut dyn std::io::Write,
    push: fn(&mut String, &Analysis, &Finding),
) -> std::io::Result<()> {
    let mut text = String::new();
    for (index, finding) in context.shown(analysis) {
        if !context.is_known(index) {
            text.clear();
            push(&mut text, analysis, finding);
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A hand-built analysis, so rendering is tested independently of extraction.

    use crate::Analysis;
    use crate::model::{
        Claim, ClaimKind, Document, Finding, FindingKind, Metadata, Subject, Value, Warning,
    };
    use crate::text::LineIndex;

    /// A claim on the first occurrence of `needle` in `doc`.
    pub fn claim(docs: &[Document], doc: usize, needle: &str, value: Value, label: &str) -> Claim {
        let text = &docs[doc].text;
        let start = text.find(needle).expect("needle is in the fixture text");
        let span = LineIndex::new(text).span(text, start, start + needle.len());
        let kind = match value {
            Value::Quantity { .. } => ClaimKind::Quantity,
            Value::Date(_) => ClaimKind::Date,
            Value::Role { .. } => ClaimKind::Role,
            Value::Quote { .. } => ClaimKind::Quote,
            Value::Place { .. } => ClaimKind::Place,
        };
        Claim {
            doc,
            span,
            text: needle.to_string(),
            kind,
            subject: Some(Subject {
                text: "NASAMS".into(),
                key: "nasams".into(),
            }),
            property: "count".into(),
            increment: false,
            modality: crate::model::Modality::Asserted,
            scope: crate::model::Scope::Total,
            doubts: Vec::new(),
            value,
            base: None,
            label: label.into(),
            noun: None,
        }
    }

    pub fn count(n: f64) -> Value {
        Value::Quantity {
            low: Some(n),
            high: Some(n),
            unit: "count".into(),
            approximate: false,
            band: None,
        }
    }

    /// Two reports that disagree on a count, and a third that agrees with the first.
    pub fn analysis() -> Analysis {
        let mut a = Document::from_text(
            "news/a.md",
            "---\ntitle: Air defence\nsource: Wire\n---\nKyiv said on Monday it had received\ntwo NASAMS units so far.\n",
        );
        a.body_start = a.text.find("Kyiv").expect("body in fixture");
        a.meta = Metadata {
            title: Some("Air defence".into()),
            topic: None,
            date: None,
            source: Some("Wire".into()),
            url: None,
        };
        let b = Document::from_text(
            "news/b.txt",
            "Officials confirmed that six NASAMS units\nwere already operating.\n",
        );
        let mut c = Document::from_text("other/c.txt", "Ukraine has two NASAMS systems.\n");
        c.decoded_from = Some("windows-1252".into());
        let documents = vec![a, b, c];
        let claims = vec![
            claim(&documents, 0, "two NASAMS units", count(2.0), "2 units"),
            claim(&documents, 1, "six NASAMS units", count(6.0), "6 units"),
            claim(&documents, 2, "two NASAMS systems", count(2.0), "2 units"),
        ];
        let findings = vec![
            Finding {
                kind: FindingKind::Conflict,
                severity: crate::model::Severity::of(FindingKind::Conflict),
                grouped: "2 claims from 2 documents about 'NASAMS' stating 'count'".into(),
                set_aside: Vec::new(),
                code: "crosscheck::conflict::quantity".into(),
                subject: "NASAMS".into(),
                property: "count".into(),
                message: "2 and 6 do not overlap".into(),
                claims: vec![0, 1],
                support: Vec::new(),
            },
            Finding {
                kind: FindingKind::Agreement,
                severity: crate::model::Severity::of(FindingKind::Agreement),
                grouped: "2 claims from 2 documents about 'NASAMS' stating 'count'".into(),
                set_aside: Vec::new(),
                code: "crosscheck::agreement::quantity".into(),
                subject: "NASAMS".into(),
                property: "count".into(),
                message: "2 and 2 overlap".into(),
                claims: vec![0, 2],
                support: Vec::new(),
            },
        ];
        Analysis {
            documents,
            claims,
            groups: Vec::new(),
            findings,
            warnings: vec![Warning {
                path: "other/c.txt".into(),
                message: "not UTF-8; decoded as windows-1252".into(),
            }],
            suppressions: None,
            texts: Default::default(),
            counted: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_and_pluralises() {
        let s = Summary::of(&fixture::analysis(), 0);
        assert_eq!(
            s.to_string(),
            "3 documents, 3 claims, 1 agreement, 1 conflict, 1 warning"
        );
        let s = Summary {
            skipped: 2,
            ..Summary::default()
        };
        assert_eq!(
            s.to_string(),
            "0 documents, 0 claims, 0 agreements, 0 conflicts, 2 skipped files"
        );
    }

    /// Each format written into a stream as its findings come gives the text of its report.
    #[test]
    fn every_format_writes_what_it_renders() {
        type Render = fn(&Analysis, &Context) -> String;
        type Write = fn(&Analysis, &Context, &mut dyn std::io::Write) -> std::io::Result<()>;
        let formats: [(&str, Render, Write); 5] = [
            ("json", json::render, json::write),
            ("json-lines", json_lines::render, json_lines::write),
            ("sarif", sarif::render, sarif::write),
            ("github", github::render, github::write),
            ("rdjsonl", rdjsonl::render, rdjsonl::write),
        ];
        let full = fixture::analysis();
        let empty = Analysis::default();
        for analysis in [&full, &empty] {
            for (show_agreements, known) in [(false, vec![]), (true, vec![0]), (true, vec![1])] {
                let context = Context {
                    show_agreements,
                    baseline: !known.is_empty(),
                    known: known.into_iter().collect(),
                    ..Context::default()
                };
                for (name, render, write) in formats {
                    let mut out = Vec::new();
                    write(analysis, &context, &mut out).expect("written");
                    let expected = render(analysis, &context);
                    assert!(!expected.is_empty() || name != "json", "{name}");
                    assert_eq!(String::from_utf8(out).expect("UTF-8"), expected, "{name}");
                }
                #[cfg(feature = "cli")]
                {
                    let handler = human::plain_handler();
                    let mut out = Vec::new();
                    human::write_findings(analysis, &context, &handler, &mut out).expect("written");
                    let diagnostics = human::diagnostics_in(analysis, &context);
                    let expected = human::render_findings(&diagnostics, &handler);
                    assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
                }
            }
        }
    }

    #[test]
    fn a_claim_is_located_as_counting_the_whole_text_would() {
        let text = "\u{feff}ab çd ef\r\ngh\nij kl\n\u{e9}\u{e9} mn op";
        let doc = Document::from_text("t.txt", text);
        let index = LineIndex::new(text);
        // "ab", "çd ef\r\ngh" over a CRLF, "gh\nij" over a line break, "mn" after two-byte
        // characters, "ab" after the byte-order mark.
        let spans = ["ab", "çd ef\r\ngh", "gh\nij", "kl", "mn op", "\u{e9} mn"];
        for needle in spans {
            let start = text.find(needle).expect("in the text");
            let end = start + needle.len();
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{start}"
            );
            let mut claim = fixture::claim(
                std::slice::from_ref(&doc),
                0,
                &text[start..end],
                fixture::count(1.0),
                "1",
            );
            claim.span = index.span(text, start, end);
            let at = locate(&claim, &doc, &doc.text);
            assert_eq!(at.start, index.line_col(text, start), "{start}..{end}");
            assert_eq!(at.end, index.line_col(text, end), "{start}..{end}");
            let byte_column =
                |offset: usize| offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
            assert_eq!(at.start_byte_column(), byte_column(start), "{start}");
            assert_eq!(at.end_byte_column(), byte_column(end), "{end}");
        }
    }
}
