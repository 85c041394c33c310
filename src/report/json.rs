//! The JSON contract (`--format json`), as serde structs so the field order is stable.
//!
//! `check`: `{"version", "documents", "findings", "summary", "warnings"}`; `claims`:
//! `{"version", "claims"}`. A claim names its document by the path as given and its span by byte
//! offsets into the document text, so `text[start..end]` is exactly the claim's `text`. Bump
//! [`VERSION`] on any change a consumer could notice.

use std::io;

use serde::Serialize;

use crate::Analysis;
use crate::model::{
    Claim, ClaimKind, Document, Doubt, FindingKind, Modality, Scope, Severity, Span, Subject,
    Value, Warning,
};
use crate::report::{Context, Summary, claim_with_document};

/// The version of the JSON contract.
pub const VERSION: u32 = 3;

/// The output of `crosscheck check --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport<'a> {
    pub version: u32,
    pub documents: Vec<DocumentEntry<'a>>,
    /// Every finding (conflicts first, then agreements), whatever `--show-agreements` says.
    pub findings: Vec<FindingEntry<'a>>,
    pub summary: Summary,
    pub warnings: &'a [Warning],
}

/// The output of `crosscheck claims --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimsReport<'a> {
    pub version: u32,
    pub claims: Vec<ClaimEntry<'a>>,
}

/// One document read: its path, how many claims it gave, and its metadata when it has any.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentEntry<'a> {
    pub path: &'a str,
    pub claims: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// The encoding the file was decoded from when it was not UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded_from: Option<&'a str>,
}

/// One agreement or conflict and the claims it is about.
#[derive(Debug, Clone, Serialize)]
pub struct FindingEntry<'a> {
    pub kind: FindingKind,
    /// `error` for a conflict between definite claims, `warning` for an update, `note` for an
    /// agreement.
    pub severity: Severity,
    pub code: &'a str,
    pub subject: &'a str,
    pub property: &'a str,
    pub message: &'a str,
    /// Why these claims were put together.
    pub grouped: &'a str,
    pub claims: Vec<ClaimEntry<'a>>,
    /// The claims that were not held against the others (a doubt, or a part of the whole),
    /// each with the reason. Absent when none was.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAsideEntry<'a>>,
    /// Each distinct value and the documents (paths) that state it, the most supported first.
    pub support: Vec<SupportEntry<'a>>,
    /// Recorded in the baseline: reported, but it does not fail the run. Absent when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub known: bool,
}

/// A claim of a finding that was not held against the others, and why.
#[derive(Debug, Clone, Serialize)]
pub struct SetAsideEntry<'a> {
    pub document: &'a str,
    pub text: &'a str,
    pub why: &'a str,
}

/// One distinct value of a finding and the documents that state it.
#[derive(Debug, Clone, Serialize)]
pub struct SupportEntry<'a> {
    pub value: &'a str,
    pub documents: Vec<&'a str>,
}

/// One claim, naming its document by path.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimEntry<'a> {
    pub document: &'a str,
    pub span: Span,
    pub text: &'a str,
    pub kind: ClaimKind,
    pub subject: Option<&'a Subject>,
    pub property: &'a str,
    pub increment: bool,
    pub modality: Modality,
    /// `total`, or `part` / `member` when the figure is a lower bound of the whole.
    pub scope: Scope,
    /// What the extractor is unsure of; absent when the claim is definite.
    #[serde(skip_serializing_if = "<[Doubt]>::is_empty")]
    pub doubts: &'a [Doubt],
    pub value: &'a Value,
    /// A measure in the base unit of its dimension, beside the value as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<&'a crate::model::BaseValue>,
}

impl<'a> ClaimEntry<'a> {
    pub fn new(claim: &'a Claim, document: &'a Document) -> Self {
        Self {
            document: &document.path,
            span: claim.span,
            text: &claim.text,
            kind: claim.kind,
            subject: claim.subject.as_ref(),
            property: &claim.property,
            increment: claim.increment,
            modality: claim.modality,
            scope: claim.scope,
            doubts: &claim.doubts,
            value: &claim.value,
            base: claim.base.as_ref(),
        }
    }
}

/// Builds the `check` report; `skipped` is the number of files ingest passed over.
pub fn check_report(analysis: &Analysis, skipped: usize) -> CheckReport<'_> {
    check_report_in(analysis, &Context::with_skipped(skipped))
}

/// One finding of the contract; `known` when the baseline records it.
pub fn finding_entry<'a>(
    analysis: &'a Analysis,
    finding: &'a crate::model::Finding,
    known: bool,
) -> FindingEntry<'a> {
    FindingEntry {
        kind: finding.kind,
        severity: finding.severity,
        code: &finding.code,
        subject: &finding.subject,
        property: &finding.property,
        message: &finding.message,
        grouped: &finding.grouped,
        set_aside: finding
            .set_aside
            .iter()
            .filter_map(|(i, why)| {
                claim_with_document(analysis, *i).map(|(c, d)| SetAsideEntry {
                    document: &d.path,
                    text: &c.text,
                    why,
                })
            })
            .collect(),
        claims: finding
            .claims
            .iter()
            .filter_map(|&i| claim_with_document(analysis, i))
            .map(|(c, d)| ClaimEntry::new(c, d))
            .collect(),
        support: finding
            .support
            .iter()
            .map(|s| SupportEntry {
                value: &s.value,
                documents: s
                    .documents
                    .iter()
                    .filter_map(|&d| analysis.documents.get(d).map(|doc| doc.path.as_str()))
                    .collect(),
            })
            .collect(),
        known,
    }
}

/// Builds the `check` report of a run.
pub fn check_report_in<'a>(analysis: &'a Analysis, context: &Context) -> CheckReport<'a> {
    let documents = analysis
        .documents
        .iter()
        .zip(analysis.claims_per_document())
        .map(|(doc, claims)| document_entry(doc, claims))
        .collect();
    let findings = analysis
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| finding_entry(analysis, f, context.is_known(i)))
        .collect();
    CheckReport {
        version: VERSION,
        documents,
        findings,
        summary: context.summary(analysis),
        warnings: &analysis.warnings,
    }
}

fn document_entry(doc: &Document, claims: usize) -> DocumentEntry<'_> {
    DocumentEntry {
        path: &doc.path,
        claims,
        title: doc.meta.title.as_deref(),
        date: doc.meta.date.as_deref(),
        source: doc.meta.source.as_deref(),
        url: doc.meta.url.as_deref(),
        decoded_from: doc.decoded_from.as_deref(),
    }
}

/// Builds the `claims` report: every claim of every document, in order.
pub fn claims_report(analysis: &Analysis) -> ClaimsReport<'_> {
    ClaimsReport {
        version: VERSION,
        claims: (0..analysis.claims.len())
            .filter_map(|i| claim_with_document(analysis, i))
            .map(|(c, d)| ClaimEntry::new(c, d))
            .collect(),
    }
}

/// The `check` report as pretty-printed JSON (no trailing newline).
pub fn render_check(analysis: &Analysis, skipped: usize) -> String {
    to_json(&check_report(analysis, skipped))
}

/// The `check` report of a run as pretty-printed JSON, with a trailing newline.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    to_json(&check_report_in(analysis, context)) + "\n"
}

/// Writes what [`render`] returns into `out`, each document and finding entry built as it is
/// written: memory holds one entry, not the report.
pub fn write(analysis: &Analysis, context: &Context, out: &mut dyn io::Write) -> io::Result<()> {
    let report = Streamed {
        version: VERSION,
        documents: Documents(analysis),
        findings: Findings(analysis, context),
        summary: context.summary(analysis),
        warnings: &analysis.warnings,
    };
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    report.serialize(&mut serializer).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// [`CheckReport`] with its lists serialised from the analysis as they are written.
#[derive(Serialize)]
struct Streamed<'a> {
    version: u32,
    documents: Documents<'a>,
    findings: Findings<'a>,
    summary: Summary,
    warnings: &'a [Warning],
}

struct Documents<'a>(&'a Analysis);

impl Serialize for Documents<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let analysis = self.0;
        let claims = analysis.claims_per_document();
        serializer.collect_seq(
            analysis
                .documents
                .iter()
                .zip(claims)
                .map(|(doc, claims)| document_entry(doc, claims)),
        )
    }
}

struct Findings<'a>(&'a Analysis, &'a Context);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Findings(analysis, context) = *self;
        serializer.collect_seq(
            analysis
                .findings
                .iter()
                .enumerate()
                .map(|(i, f)| finding_entry(analysis, f, context.is_known(i))),
        )
    }
}

/// The `claims` report as pretty-printed JSON (no trailing newline).
pub fn render_claims(analysis: &Analysis) -> String {
    to_json(&claims_report(analysis))
}

pub(crate) fn to_json(value: &impl Serialize) -> String {
    // These structs have string keys only and serde_json writes non-finite floats as null, so
    // serialising them cannot fail.
    serde_json::to_string_pretty(value).expect("report structs always serialise")
}

#[cfg(test)]
mod tests {
    use serde_json::{Value as Json, json};

    use super::*;
    use crate::report::fixture;

    fn parse(s: &str) -> Json {
        serde_json::from_str(s).expect("valid JSON")
    }

    #[test]
    fn a_claim_names_its_document_by_path() {
        let analysis = fixture::analysis();
        let out = parse(&render_claims(&analysis));
        assert_eq!(out["version"], 3);
        let claims = out["claims"].as_array().expect("claims array");
        assert_eq!(claims.len(), 3);
        assert_eq!(
            claims[1],
            json!({
                "document": "news/b.txt",
                "span": {"start": 25, "end": 41, "line": 1, "column": 26},
                "text": "six NASAMS units",
                "kind": "quantity",
                "subject": {"text": "NASAMS", "key": "nasams"},
                "property": "count",
                "increment": false,
                "modality": "asserted",
                "scope": "total",
                "value": {"low": 6.0, "high": 6.0, "unit": "count", "approximate": false},
            })
        );
    }

    #[test]
    fn fields_keep_the_contract_order() {
        let analysis = fixture::analysis();
        let out = render_check(&analysis, 0);
        let keys = [
            "\"version\"",
            "\"documents\"",
            "\"findings\"",
            "\"summary\"",
            "\"warnings\"",
        ];
        let at: Vec<usize> = keys.iter().map(|k| out.find(k).expect(k)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{out}");
        let claim = &out[out.find("\"document\":").expect("a claim")..];
        let keys = [
            "\"span\"",
            "\"text\"",
            "\"kind\"",
            "\"subject\"",
            "\"property\"",
            "\"increment\"",
            "\"modality\"",
            "\"value\"",
        ];
        let at: Vec<usize> = keys.iter().map(|k| claim.find(k).expect(k)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{claim}");
    }

    #[test]
    fn the_check_report_has_documents_findings_and_summary() {
        let analysis = fixture::analysis();
        let out = parse(&render_check(&analysis, 4));
        assert_eq!(
            out["documents"],
            json!([
                {"path": "news/a.md", "claims": 1, "title": "Air defence", "source": "Wire"},
                {"path": "news/b.txt", "claims": 1},
                {"path": "other/c.txt", "claims": 1, "decoded_from": "windows-1252"},
            ])
        );
        assert_eq!(
            out["summary"],
            json!({"documents": 3, "claims": 3, "agreements": 1, "conflicts": 1, "updates": 0, "skipped": 4, "warnings": 1})
        );
        let findings = out["findings"].as_array().expect("findings");
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0]["kind"], "conflict");
        assert_eq!(findings[0]["code"], "crosscheck::conflict::quantity");
        assert_eq!(findings[0]["subject"], "NASAMS");
        assert_eq!(findings[0]["property"], "count");
        assert_eq!(findings[0]["message"], "2 and 6 do not overlap");
        let docs: Vec<&Json> = findings[0]["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| &c["document"])
            .collect();
        assert_eq!(docs, [&json!("news/a.md"), &json!("news/b.txt")]);
        assert_eq!(findings[1]["kind"], "agreement");
        assert_eq!(
            out["warnings"],
            json!([{"path": "other/c.txt", "message": "not UTF-8; decoded as windows-1252"}])
        );
    }

    #[test]
    fn spans_are_byte_offsets_of_the_claim_text() {
        let analysis = fixture::analysis();
        let out = parse(&render_claims(&analysis));
        for (claim, doc) in out["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .zip(&analysis.documents)
        {
            let start = claim["span"]["start"].as_u64().expect("start") as usize;
            let end = claim["span"]["end"].as_u64().expect("end") as usize;
            assert_eq!(Some(&doc.text[start..end]), claim["text"].as_str());
        }
    }

    #[test]
    fn unbounded_ends_dates_and_roles_have_their_shapes() {
        let mut analysis = fixture::analysis();
        analysis.claims[0].value = Value::Quantity {
            low: Some(40.0),
            high: None,
            unit: "count".into(),
            approximate: false,
            band: None,
        };
        analysis.claims[1].value =
            Value::Date(crate::model::DateValue::new(Some(2022), Some(2), None));
        analysis.claims[1].kind = ClaimKind::Date;
        analysis.claims[2].value = Value::Role {
            person: "Mark Milley".into(),
            title: "Chairman of the Joint Chiefs of Staff".into(),
        };
        analysis.claims[2].kind = ClaimKind::Role;
        analysis.claims[2].subject = None;
        let out = parse(&render_claims(&analysis));
        assert_eq!(
            out["claims"][0]["value"],
            json!({"low": 40.0, "high": null, "unit": "count", "approximate": false})
        );
        assert_eq!(out["claims"][1]["kind"], "date");
        assert_eq!(
            out["claims"][1]["value"],
            json!({"year": 2022, "month": 2, "day": null})
        );
        assert_eq!(out["claims"][2]["kind"], "role");
        assert_eq!(out["claims"][2]["subject"], Json::Null);
        assert_eq!(
            out["claims"][2]["value"],
            json!({"person": "Mark Milley", "title": "Chairman of the Joint Chiefs of Staff"})
        );
    }

    #[test]
    fn a_finding_pointing_at_a_missing_claim_is_rendered_without_it() {
        let mut analysis = fixture::analysis();
        analysis.findings[0].claims.push(99);
        let out = parse(&render_check(&analysis, 0));
        assert_eq!(
            out["findings"][0]["claims"].as_array().map(Vec::len),
            Some(2)
        );
    }
}
