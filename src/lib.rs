//! crosscheck: cross-reference numeric and factual claims across a corpus of articles.
//!
//! The library is a pipeline of plain data, one module a stage:
//!
//! ```text
//! ingest (paths -> Document) -> extract (Document -> Claim) -> align (Claim -> ClaimGroup)
//!        -> compare (ClaimGroup -> Finding) -> report (Finding -> text / JSON / diagnostics)
//! ```
//!
//! Only `ingest` reads files; the library never prints. [`check`] runs the whole pipeline.

// Errors carry the rules file text for miette to point into; they are built once per run and
// never on a hot path, so their size does not matter.
#![allow(clippy::result_large_err)]

pub mod align;
pub mod baseline;
pub mod compare;
pub mod config;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod text;

use model::{Claim, ClaimGroup, Document, Finding, Warning};
use rules::Rules;

/// Which documents are compared with which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// Every document with every other.
    #[default]
    All,
    /// Only documents in the same folder (one folder per story).
    Folder,
}

/// The result of running the pipeline over a corpus: everything a reporter needs.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub documents: Vec<Document>,
    /// Every claim of every document, sorted by document then offset.
    pub claims: Vec<Claim>,
    pub groups: Vec<ClaimGroup>,
    /// Conflicts first, then agreements; each sorted by its first claim.
    pub findings: Vec<Finding>,
    /// Inputs that were read with trouble (decoded from another encoding, empty, ...).
    pub warnings: Vec<Warning>,
}

impl Analysis {
    pub fn conflicts(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.kind == model::FindingKind::Conflict)
            .count()
    }

    pub fn agreements(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.kind == model::FindingKind::Agreement)
            .count()
    }

    /// The claims of one document.
    pub fn claims_of(&self, doc: model::DocId) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(move |c| c.doc == doc)
    }
}

/// Extracts claims from every document (in order) without comparing them.
pub fn extract_all(documents: &[Document], rules: &Rules) -> Vec<Claim> {
    documents
        .iter()
        .enumerate()
        .flat_map(|(id, doc)| extract::extract(id, doc, rules))
        .collect()
}

/// Runs extraction, alignment and comparison over documents already read.
pub fn check(
    documents: Vec<Document>,
    warnings: Vec<Warning>,
    rules: &Rules,
    group_by: GroupBy,
) -> Analysis {
    let claims = extract_all(&documents, rules);
    let groups = align::align(&claims, &documents, rules, group_by);
    let findings = compare::compare(&groups, &claims, rules);
    Analysis {
        documents,
        claims,
        groups,
        findings,
        warnings,
    }
}
