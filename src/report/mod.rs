//! Report: renders an [`crate::Analysis`] for people and machines.
//!
//! The library never prints. [`json`] builds the stable JSON contract as serde structs (and
//! strings); [`human`] builds miette diagnostics, one per finding, and the one-line summary. The
//! binary picks one by `--format` and writes the result.

pub mod human;
pub mod json;

use serde::Serialize;

use crate::Analysis;
use crate::model::{Claim, Document};

/// Counts shown at the end of a human report and in the JSON `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub documents: usize,
    pub claims: usize,
    pub agreements: usize,
    pub conflicts: usize,
    /// Files found in folders but not read because of their extension.
    pub skipped: usize,
    pub warnings: usize,
}

impl Summary {
    /// The counts of one analysis; `skipped` comes from ingest, which the analysis does not see.
    pub fn of(analysis: &Analysis, skipped: usize) -> Self {
        Self {
            documents: analysis.documents.len(),
            claims: analysis.claims.len(),
            agreements: analysis.agreements(),
            conflicts: analysis.conflicts(),
            skipped,
            warnings: analysis.warnings.len(),
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
        Ok(())
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A claim of a finding together with its document, skipping indices that point nowhere (a
/// reporter must not panic on a malformed analysis built by a library caller).
fn claim_with_document(analysis: &Analysis, index: usize) -> Option<(&Claim, &Document)> {
    let claim = analysis.claims.get(index)?;
    let doc = analysis.documents.get(claim.doc)?;
    Some((claim, doc))
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
            value,
            label: label.into(),
        }
    }

    pub fn count(n: f64) -> Value {
        Value::Quantity {
            low: Some(n),
            high: Some(n),
            unit: "count".into(),
            approximate: false,
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
                code: "crosscheck::conflict::quantity".into(),
                subject: "NASAMS".into(),
                property: "count".into(),
                message: "2 and 6 do not overlap".into(),
                claims: vec![0, 1],
            },
            Finding {
                kind: FindingKind::Agreement,
                code: "crosscheck::agreement::quantity".into(),
                subject: "NASAMS".into(),
                property: "count".into(),
                message: "2 and 2 overlap".into(),
                claims: vec![0, 2],
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
}
