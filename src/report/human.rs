//! Human output: one miette diagnostic per finding, a summary line, and the `claims` listing.
//!
//! A diagnostic has one source, so a finding's first claim is the main diagnostic (its document as
//! a `NamedSource`, a label on the claim reading the value as understood) and every further claim
//! is a `#[related]` diagnostic with its own document and label. Miette prints `path:line:col`
//! for each labelled span. Building diagnostics needs no terminal; rendering them to text
//! ([`render`]) uses miette's graphical handler, which only the `cli` feature enables.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};

use crate::Analysis;
use crate::model::{Claim, Document, Finding, FindingKind};
use crate::report::texts::Texts;
use crate::report::{Context, Summary, claim_with_document};
use crate::text::{DEFAULT_EXCERPT_WIDTH, Excerpt, LineIndex};

/// Columns of a terminal that miette's gutter (line numbers, bars, the indent of a related
/// diagnostic) takes before a source line.
const GUTTER: usize = 12;

/// One finding as a diagnostic: the first claim, with the others as related diagnostics.
#[derive(Debug)]
pub struct FindingDiagnostic {
    code: String,
    severity: Severity,
    message: String,
    /// Why the claims were put together, and which were set aside.
    help: String,
    /// `None` only when the finding has no claim that resolves (a malformed analysis).
    claim: Option<ClaimSource>,
    related: Vec<RelatedClaim>,
}

/// A further claim of a finding, shown with its own document.
#[derive(Debug)]
pub struct RelatedClaim {
    severity: Severity,
    message: String,
    claim: ClaimSource,
}

/// An excerpt of a claim's document around the claim, and the labelled span of the claim in it.
#[derive(Debug)]
struct ClaimSource {
    source: Excerpt,
    label: LabeledSpan,
}

impl FindingDiagnostic {
    pub fn kind(&self) -> FindingKind {
        match self.severity {
            Severity::Error => FindingKind::Conflict,
            Severity::Warning => FindingKind::Update,
            Severity::Advice => FindingKind::Agreement,
        }
    }
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.help.is_empty()).then(|| Box::new(&self.help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.claim.as_ref().map(|c| &c.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = self.claim.as_ref()?.label.clone();
        Some(Box::new(std::iter::once(label)))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

impl fmt::Display for RelatedClaim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RelatedClaim {}

impl Diagnostic for RelatedClaim {
    fn severity(&self) -> Option<Severity> {
        Some(self.severity)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.claim.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.claim.label.clone())))
    }
}

/// The line starts of the documents that diagnostics show, each worked out once, and the width
/// of the excerpts.
pub(crate) struct Sources<'a> {
    documents: &'a [Document],
    /// The texts of released documents, read again as excerpts need them.
    texts: &'a Texts,
    /// The line starts of the documents that hold their text.
    lines: Vec<Option<Arc<LineIndex>>>,
    width: usize,
}

impl<'a> Sources<'a> {
    /// `columns`: the terminal's width, `None` for none known.
    pub(crate) fn new(analysis: &'a Analysis, columns: Option<usize>) -> Self {
        Self {
            documents: &analysis.documents,
            texts: &analysis.texts,
            lines: vec![None; analysis.documents.len()],
            width: columns.map_or(DEFAULT_EXCERPT_WIDTH, |c| c.saturating_sub(GUTTER)),
        }
    }

    fn claim(&mut self, claim: &Claim) -> Option<ClaimSource> {
        let doc = self.documents.get(claim.doc)?;
        let text = self.texts.text(claim.doc, doc);
        let index = match text.lines() {
            Some(index) => index,
            None => self
                .lines
                .get_mut(claim.doc)?
                .get_or_insert_with(|| Arc::new(LineIndex::new(&doc.text)))
                .clone(),
        };
        // The excerpt keeps the span inside the text even if a library caller built a bad one.
        let source = Excerpt::new(
            &doc.path,
            &text,
            &index,
            claim.span.start..claim.span.end,
            claim.span.column,
            self.width,
        );
        let label = LabeledSpan::new_with_span(Some(claim.label.clone()), source.span());
        Some(ClaimSource { source, label })
    }
}

/// The diagnostics of an analysis: every conflict, then every agreement if `show_agreements`.
pub fn diagnostics(analysis: &Analysis, show_agreements: bool) -> Vec<FindingDiagnostic> {
    let mut sources = Sources::new(analysis, None);
    analysis
        .findings
        .iter()
        .filter(|f| show_agreements || f.kind != FindingKind::Agreement)
        .map(|f| finding_diagnostic(analysis, f, &mut sources))
        .collect()
}

/// The diagnostics of a run: as [`diagnostics`], less the findings the baseline records (the
/// summary line counts them), with source lines cut to fit `context.columns`.
pub fn diagnostics_in(analysis: &Analysis, context: &Context) -> Vec<FindingDiagnostic> {
    let mut sources = Sources::new(analysis, context.columns);
    context
        .shown(analysis)
        .filter(|(i, _)| !context.is_known(*i))
        .map(|(_, f)| finding_diagnostic(analysis, f, &mut sources))
        .collect()
}

pub(crate) fn finding_diagnostic(
    analysis: &Analysis,
    finding: &Finding,
    sources: &mut Sources<'_>,
) -> FindingDiagnostic {
    let severity = match finding.severity {
        crate::model::Severity::Error => Severity::Error,
        crate::model::Severity::Warning => Severity::Warning,
        crate::model::Severity::Note => Severity::Advice,
    };
    let mut help: Vec<String> = Vec::new();
    if !finding.grouped.is_empty() {
        help.push(format!("grouped: {}", finding.grouped));
    }
    for (i, why) in &finding.set_aside {
        if let Some((claim, doc)) = claim_with_document(analysis, *i) {
            help.push(format!(
                "set aside: {}:{}:{} \"{}\" ({why})",
                doc.path, claim.span.line, claim.span.column, claim.text
            ));
        }
    }
    let help = help.join("\n");
    let mut claims = finding
        .claims
        .iter()
        .filter_map(|&i| claim_with_document(analysis, i));
    let first = claims.next();
    let related = claims
        .filter_map(|(claim, doc)| {
            Some(RelatedClaim {
                severity,
                message: format!("{} {} in {}", finding.subject, finding.property, doc.path),
                claim: sources.claim(claim)?,
            })
        })
        .collect();
    FindingDiagnostic {
        code: finding.code.clone(),
        severity,
        message: format!(
            "{} {}: {}",
            finding.subject, finding.property, finding.message
        ),
        claim: first.and_then(|(claim, _)| sources.claim(claim)),
        related,
        help,
    }
}

/// The `claims` listing: one line per claim, `path:line:col  kind  property  subject  label
/// "text"`, columns aligned; a document without claims gets a line saying so. Ends with the
/// counts of documents and claims.
pub fn render_claims(analysis: &Analysis) -> String {
    struct Row {
        at: String,
        kind: &'static str,
        property: String,
        subject: String,
        label: String,
        text: String,
    }
    let mut rows_by_doc: Vec<Vec<Row>> = analysis.documents.iter().map(|_| Vec::new()).collect();
    for claim in &analysis.claims {
        let Some(doc) = analysis.documents.get(claim.doc) else {
            continue;
        };
        let property = if claim.increment {
            format!("{} (increment)", claim.property)
        } else {
            claim.property.clone()
        };
        rows_by_doc[claim.doc].push(Row {
            at: format!("{}:{}:{}", doc.path, claim.span.line, claim.span.column),
            kind: claim.kind.as_str(),
            property,
            subject: claim
                .subject
                .as_ref()
                .map_or_else(|| "(no subject)".to_string(), |s| s.text.clone()),
            label: claim.label.clone(),
            text: claim.text.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    let rows = rows_by_doc.iter().flatten();
    let width = |f: fn(&Row) -> usize| rows.clone().map(f).max().unwrap_or(0);
    let w_at = width(|r| r.at.chars().count());
    let w_kind = width(|r| r.kind.len());
    let w_property = width(|r| r.property.chars().count());
    let w_subject = width(|r| r.subject.chars().count());
    let w_label = width(|r| r.label.chars().count());

    let mut out = String::new();
    for (doc, rows) in analysis.documents.iter().zip(&rows_by_doc) {
        if rows.is_empty() {
            out.push_str(&format!("{}: no claims\n", doc.path));
        }
        for r in rows {
            out.push_str(&format!(
                "{:w_at$}  {:w_kind$}  {:w_property$}  {:w_subject$}  {:w_label$}  \"{}\"\n",
                r.at, r.kind, r.property, r.subject, r.label, r.text
            ));
        }
    }
    let docs = analysis.documents.len();
    let claims = analysis.claims.len();
    out.push_str(&format!(
        "{docs} {}, {claims} {}\n",
        if docs == 1 { "document" } else { "documents" },
        if claims == 1 { "claim" } else { "claims" },
    ));
    out
}

/// The summary line of `check`, with a newline.
pub fn render_summary(analysis: &Analysis, skipped: usize) -> String {
    format!("{}\n", Summary::of(analysis, skipped))
}

/// The handler for text without colour: stable output for tests, pipes and `--color never`.
#[cfg(feature = "cli")]
pub fn plain_handler() -> miette::GraphicalReportHandler {
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .with_wrap_lines(false)
        .with_show_related_as_nested(true)
}

/// The handler for a terminal: the same layout as [`plain_handler`], in colour.
#[cfg(feature = "cli")]
pub fn colour_handler() -> miette::GraphicalReportHandler {
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode())
        .with_width(100)
        .with_wrap_lines(false)
        .with_show_related_as_nested(true)
}

/// [`render`] for the findings of a run, rendered a slice at a time on the current thread
/// pool, each diagnostic on its own and joined in order: the same text on any number of
/// threads.
#[cfg(feature = "cli")]
pub fn render_findings(
    diagnostics: &[FindingDiagnostic],
    handler: &miette::GraphicalReportHandler,
) -> String {
    use rayon::prelude::*;
    let mut out = String::new();
    // Slices keep what is rendered but not yet joined small.
    for slice in diagnostics.chunks(1024) {
        let parts: Vec<String> = slice
            .par_iter()
            .map(|d| render(std::iter::once(d as &dyn Diagnostic), handler))
            .collect();
        for part in parts {
            out.push_str(&part);
        }
    }
    out
}

/// Writes the diagnostics of a run (as [`diagnostics_in`] builds them, rendered as
/// [`render_findings`] renders them) into `out`, a slice of findings at a time: memory holds
/// the diagnostics and text of one slice, not of the report.
#[cfg(feature = "cli")]
pub fn write_findings(
    analysis: &Analysis,
    context: &Context,
    handler: &miette::GraphicalReportHandler,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let mut sources = Sources::new(analysis, context.columns);
    let shown: Vec<&Finding> = context
        .shown(analysis)
        .filter(|(i, _)| !context.is_known(*i))
        .map(|(_, f)| f)
        .collect();
    for slice in Slices::of(&shown) {
        let diagnostics: Vec<FindingDiagnostic> = slice
            .iter()
            .map(|f| finding_diagnostic(analysis, f, &mut sources))
            .collect();
        let parts: Vec<String> = diagnostics
            .par_iter()
            .map(|d| render(std::iter::once(d as &dyn Diagnostic), handler))
            .collect();
        for part in parts {
            out.write_all(part.as_bytes())?;
        }
    }
    Ok(())
}

/// Findings in slices of at most 1,024 findings and [`SLICE_CLAIMS`] claims (a finding with
/// more is a slice of its own): a diagnostic holds an excerpt per claim, and with
/// `--group-by all` on a corpus of repeated stories a finding can hold thousands of claims.
#[cfg(feature = "cli")]
struct Slices<'s, 'a> {
    rest: &'s [&'a Finding],
}

/// The claims whose excerpts a slice of diagnostics holds at most (with its first finding's).
#[cfg(feature = "cli")]
const SLICE_CLAIMS: usize = 8192;

#[cfg(feature = "cli")]
impl<'s, 'a> Slices<'s, 'a> {
    fn of(findings: &'s [&'a Finding]) -> Self {
        Self { rest: findings }
    }
}

#[cfg(feature = "cli")]
impl<'s, 'a> Iterator for Slices<'s, 'a> {
    type Item = &'s [&'a Finding];

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let mut claims = 0;
        let mut n = 0;
        for f in self.rest.iter().take(1024) {
            if n > 0 && claims + f.claims.len() > SLICE_CLAIMS {
                break;
            }
            claims += f.claims.len();
            n += 1;
        }
        let (slice, rest) = self.rest.split_at(n);
        self.rest = rest;
        Some(slice)
    }
}

/// Renders diagnostics into a string, each followed by a blank line.
#[cfg(feature = "cli")]
pub fn render<'a>(
    diagnostics: impl IntoIterator<Item = &'a dyn Diagnostic>,
    handler: &miette::GraphicalReportHandler,
) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        // Writing into a String cannot fail; a failing Display impl would only cut this
        // diagnostic short.
        let _ = handler.render_report(&mut out, diagnostic);
        out.push('\n');
    }
    out
}

/// The whole human `check` report: the diagnostics, then the summary line.
#[cfg(feature = "cli")]
pub fn render_check(
    analysis: &Analysis,
    skipped: usize,
    show_agreements: bool,
    handler: &miette::GraphicalReportHandler,
) -> String {
    let diagnostics = diagnostics(analysis, show_agreements);
    let mut out = render(diagnostics.iter().map(|d| d as &dyn Diagnostic), handler);
    out.push_str(&render_summary(analysis, skipped));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn a_conflict_is_an_error_with_the_first_claim_and_the_others_related() {
        let analysis = fixture::analysis();
        let diags = diagnostics(&analysis, false);
        assert_eq!(diags.len(), 1, "agreements are only counted");
        let d = &diags[0];
        assert_eq!(d.severity(), Some(Severity::Error));
        assert_eq!(
            d.code().map(|c| c.to_string()).as_deref(),
            Some("crosscheck::conflict::quantity")
        );
        assert_eq!(d.to_string(), "NASAMS count: 2 and 6 do not overlap");
        let labels: Vec<LabeledSpan> = d.labels().expect("labels").collect();
        assert_eq!(labels.len(), 1);
        assert_eq!(labels[0].label(), Some("2 units"));
        assert_eq!(
            labelled_text(d, &labels[0]),
            ("two NASAMS units".into(), 5, 0)
        );
        let related: Vec<&dyn Diagnostic> = d.related().expect("related").collect();
        assert_eq!(related.len(), 1);
        let label = related[0]
            .labels()
            .expect("label")
            .next()
            .expect("one label");
        assert_eq!(label.label(), Some("6 units"));
        assert_eq!(
            labelled_text(related[0], &label),
            ("six NASAMS units".into(), 0, 25)
        );
    }

    /// The text a label covers in its diagnostic's source, with its 0-based line and column.
    fn labelled_text(d: &dyn Diagnostic, label: &LabeledSpan) -> (String, usize, usize) {
        let source = d.source_code().expect("a source");
        let contents = source.read_span(label.inner(), 0, 0).expect("readable");
        let text = String::from_utf8_lossy(contents.data()).into_owned();
        (text, contents.line(), contents.column())
    }

    #[cfg(feature = "cli")]
    #[test]
    fn findings_are_rendered_in_slices_bounded_by_their_claims() {
        let finding = |claims: usize| Finding {
            claims: (0..claims).collect(),
            ..fixture::analysis().findings[0].clone()
        };
        let findings: Vec<Finding> = [5000, 5000, 9000, 1, 1, 8190]
            .into_iter()
            .map(finding)
            .collect();
        let refs: Vec<&Finding> = findings.iter().collect();
        let sizes: Vec<Vec<usize>> = Slices::of(&refs)
            .map(|s| s.iter().map(|f| f.claims.len()).collect())
            .collect();
        // Every finding once, in order; a slice passes the bound only with its first finding.
        assert_eq!(
            sizes,
            vec![vec![5000], vec![5000], vec![9000], vec![1, 1, 8190]]
        );
        let many: Vec<Finding> = (0..2050).map(|_| finding(1)).collect();
        let refs: Vec<&Finding> = many.iter().collect();
        let lens: Vec<usize> = Slices::of(&refs).map(<[_]>::len).collect();
        assert_eq!(lens, vec![1024, 1024, 2]);
    }

    #[test]
    fn agreements_are_advice_when_shown() {
        let analysis = fixture::analysis();
        let diags = diagnostics(&analysis, true);
        assert_eq!(diags.len(), 2);
        assert_eq!(diags[1].severity(), Some(Severity::Advice));
        assert_eq!(diags[1].kind(), FindingKind::Agreement);
    }

    #[test]
    fn known_findings_are_not_listed() {
        let analysis = fixture::analysis();
        let mut context = Context {
            show_agreements: true,
            ..Context::default()
        };
        assert_eq!(diagnostics_in(&analysis, &context).len(), 2);
        context.known.insert(0);
        let diags = diagnostics_in(&analysis, &context);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].kind(), FindingKind::Agreement);
    }

    #[test]
    fn a_finding_without_resolvable_claims_has_no_source() {
        let mut analysis = fixture::analysis();
        analysis.findings[0].claims = vec![42];
        let diags = diagnostics(&analysis, false);
        assert!(diags[0].source_code().is_none());
        assert!(diags[0].labels().is_none());
        assert!(diags[0].related().is_none());
    }

    #[cfg(feature = "cli")]
    #[test]
    fn a_conflict_renders_each_document_at_its_line_and_column() {
        let analysis = fixture::analysis();
        let out = render_check(&analysis, 0, false, &plain_handler());
        // "two NASAMS units" is on line 6 of a.md (after four lines of front matter), column 1.
        assert!(out.contains("[news/a.md:6:1]"), "{out}");
        assert!(out.contains("[news/b.txt:1:26]"), "{out}");
        assert!(out.contains("2 units"), "{out}");
        assert!(out.contains("6 units"), "{out}");
        assert!(out.contains("crosscheck::conflict::quantity"), "{out}");
        assert!(
            out.ends_with("3 documents, 3 claims, 1 agreement, 1 conflict, 1 warning\n"),
            "{out}"
        );
        assert!(
            !out.contains("other/c.txt"),
            "agreements are not shown: {out}"
        );
    }

    /// Runs `f` with insta writing to the crate's `snapshots/` folder.
    #[cfg(feature = "cli")]
    fn in_snapshots(f: impl FnOnce()) {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
        settings.bind(f);
    }

    #[cfg(feature = "cli")]
    #[test]
    fn a_conflict_and_an_agreement_across_three_documents() {
        let analysis = fixture::analysis();
        let out = render_check(&analysis, 2, true, &plain_handler());
        in_snapshots(|| insta::assert_snapshot!(out));
    }

    #[test]
    fn the_claims_listing_has_one_aligned_line_per_claim() {
        let mut analysis = fixture::analysis();
        analysis.claims[2].subject = None;
        analysis.claims[2].increment = true;
        analysis
            .documents
            .push(Document::from_text("empty.txt", ""));
        let out = render_claims(&analysis);
        let expected = "\
news/a.md:6:1     quantity  count              NASAMS        2 units  \"two NASAMS units\"
news/b.txt:1:26   quantity  count              NASAMS        6 units  \"six NASAMS units\"
other/c.txt:1:13  quantity  count (increment)  (no subject)  2 units  \"two NASAMS systems\"
empty.txt: no claims
4 documents, 3 claims
";
        assert_eq!(out, expected);
    }
}
