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
use rayon::prelude::*;
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

    pub fn updates(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.kind == model::FindingKind::Update)
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

/// Extracts claims from every document without comparing them, on rayon's global thread pool.
///
/// Documents are read in parallel, but the result is the same whatever the number of threads:
/// claims are sorted by document (in the order given) then offset.
pub fn extract_all(documents: &[Document], rules: &Rules) -> Vec<Claim> {
    let per_document: Vec<Vec<Claim>> = documents
        .par_iter()
        .enumerate()
        .map(|(id, doc)| extract::extract(id, doc, rules))
        .collect();
    per_document.into_iter().flatten().collect()
}

/// [`extract_all`] on `jobs` threads (`None`: rayon's default, one a core or
/// `RAYON_NUM_THREADS`). The output does not depend on `jobs`.
pub fn extract_all_with_jobs(
    documents: &[Document],
    rules: &Rules,
    jobs: Option<usize>,
) -> Vec<Claim> {
    with_jobs(jobs, || extract_all(documents, rules))
}

/// Runs extraction, alignment and comparison over documents already read, on rayon's default
/// thread pool. The same as [`check_with_jobs`] with `jobs = None`.
pub fn check(
    documents: Vec<Document>,
    warnings: Vec<Warning>,
    rules: &Rules,
    group_by: GroupBy,
) -> Analysis {
    check_with_jobs(documents, warnings, rules, group_by, None)
}

/// Runs extraction, alignment and comparison over documents already read, extracting on
/// `jobs` threads (`None`: rayon's default). The analysis is identical whatever `jobs` is.
pub fn check_with_jobs(
    documents: Vec<Document>,
    warnings: Vec<Warning>,
    rules: &Rules,
    group_by: GroupBy,
    jobs: Option<usize>,
) -> Analysis {
    with_jobs(jobs, move || {
        let claims = extract_all(&documents, rules);
        let groups = align::align(&claims, &documents, rules, group_by);
        let findings = compare::compare(&groups, &claims, &documents, rules);
        Analysis {
            documents,
            claims,
            groups,
            findings,
            warnings,
        }
    })
}

/// Runs `work` inside a local thread pool of `jobs` threads, or in the current (by default the
/// global) pool when `jobs` is `None` or `Some(0)`. A pool that cannot be built (the system
/// refuses threads) leaves the work to the current pool: fewer threads, same output.
fn with_jobs<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> T {
    let pool = jobs
        .filter(|&n| n > 0)
        .and_then(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().ok());
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}
