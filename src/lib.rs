//! crosscheck: cross-reference numeric and factual claims across a corpus of articles.
//!
//! The library is a pipeline of plain data, one module a stage:
//!
//! ```text
//! ingest (paths -> Document) -> extract (Document -> Claim) -> align (Claim -> ClaimGroup)
//!        -> compare (ClaimGroup -> Finding) -> report (Finding -> text / JSON / diagnostics)
//! ```
//!
//! Only `ingest` reads files; the library never prints. [`check`] runs the whole pipeline over
//! documents in memory; [`Extractor`] extracts documents as ingest hands them over and lets
//! their texts go, and [`stream`] runs the pipeline one batch of folders at a time, so that a
//! large corpus is never held in memory whole.

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
pub mod spill;
pub mod stream;
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
    /// The suppression comments, found while the texts were in memory; `None`: read them from
    /// the texts ([`suppress::apply`]).
    pub suppressions: Option<suppress::Scan>,
    /// The texts of released documents, read again a few at a time as reports render
    /// ([`report::texts`]).
    pub texts: report::texts::Texts,
    /// For a run whose claims were kept on disk ([`spill`]): how many claims there are in all
    /// and in each document. `claims` then holds only the claims that findings point to, in
    /// corpus order, and `groups` only those of their claims. `None`: `claims` is every claim.
    pub counted: Option<spill::ClaimCounts>,
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

    /// How many claims the run extracted (more than `claims` holds after a spilled run).
    pub fn claim_count(&self) -> usize {
        self.counted.as_ref().map_or(self.claims.len(), |c| c.total)
    }

    /// How many claims each document has, in the order of `documents`.
    pub fn claims_per_document(&self) -> Vec<usize> {
        if let Some(c) = &self.counted {
            return c.per_document.clone();
        }
        let mut claims = vec![0usize; self.documents.len()];
        for claim in &self.claims {
            if let Some(n) = claims.get_mut(claim.doc) {
                *n += 1;
            }
        }
        claims
    }

    /// The claims of one document (of those `claims` holds).
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
        analyse(documents, claims, warnings, None, rules, (group_by, None))
    })
}

/// Aligns and compares claims extracted elsewhere (by [`extract::extract`], perhaps in another
/// process): each claim's `doc` is an index into `documents`, and claims are sorted by document
/// then offset. `learned` is what a larger corpus teaches ([`align::learn_acronyms`] over all
/// its claims; `None`: what these claims teach). Given the whole corpus's acronyms, the
/// documents of one group (`Document::group`) get with [`GroupBy::Folder`] exactly the findings
/// they get in a run over the whole corpus: how a corpus is checked one group at a time on
/// several machines.
pub fn check_extracted(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    warnings: Vec<Warning>,
    rules: &Rules,
    group_by: GroupBy,
    learned: Option<&std::collections::HashMap<String, String>>,
) -> Analysis {
    analyse(
        documents,
        claims,
        warnings,
        None,
        rules,
        (group_by, learned),
    )
}

/// How much document text a batch of extraction holds before it is extracted.
pub(crate) const BATCH_BYTES: usize = 4 << 20;

/// Extracts documents as they are read, a batch at a time on all cores, then lets their texts
/// go (keeping what reports need: claims, metadata, suppression comments, where to read the
/// text again). The result is the same as [`extract_all`] over all the documents.
///
/// With [`Extractor::with_spill`], a large input's claims go to a temporary file as they are
/// extracted instead of memory ([`spill`]), and a `--group-by all` check compares them one
/// subject cluster at a time: the same findings, in the same order.
pub struct Extractor<'r> {
    rules: &'r Rules,
    pool: Option<rayon::ThreadPool>,
    pending: Vec<Document>,
    pending_bytes: usize,
    documents: Vec<Document>,
    claims: Vec<Claim>,
    suppressions: suppress::Scan,
    /// How much ingest has to read in all, to size the claim list from what is seen so far.
    meter: Option<std::sync::Arc<ingest::ReadMeter>>,
    /// Bytes of document text extracted so far.
    extracted: u64,
    /// When claims go to disk, and in which folder (`None`: the system's temporary folder).
    spill: spill::Threshold,
    spill_dir: Option<std::path::PathBuf>,
    spilled: Option<Spilled>,
    /// The first failure to keep claims on disk: the run stops extracting and reports it.
    spill_error: Option<spill::SpillError>,
}

/// What an extractor whose claims are on disk keeps in memory.
struct Spilled {
    file: spill::ClaimFile,
    /// How many claims each document has.
    per_document: Vec<usize>,
    /// The acronyms spelled out so far ([`align::learn_acronyms`], merged in corpus order).
    learned: std::collections::HashMap<String, String>,
}

impl<'r> Extractor<'r> {
    /// An extractor on `jobs` threads (`None`: rayon's default), keeping claims in memory.
    pub fn new(rules: &'r Rules, jobs: Option<usize>) -> Self {
        Self {
            rules,
            pool: pool(jobs),
            pending: Vec::new(),
            pending_bytes: 0,
            documents: Vec::new(),
            claims: Vec::new(),
            suppressions: suppress::Scan::default(),
            meter: None,
            extracted: 0,
            spill: spill::Threshold::Never,
            spill_dir: None,
            spilled: None,
            spill_error: None,
        }
    }

    /// Keeps the claims in a temporary file once the input reaches `threshold` (the meter's
    /// total, or the text extracted so far): memory then holds no claim list, and
    /// [`Extractor::check`] with [`GroupBy::All`] reads the claims back one subject cluster at
    /// a time. The findings are the same.
    pub fn with_spill(mut self, threshold: spill::Threshold) -> Self {
        self.spill = threshold;
        self
    }

    /// Puts the temporary file of [`Extractor::with_spill`] in a new folder inside `dir`
    /// instead of the system's temporary folder.
    pub fn with_spill_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.spill_dir = Some(dir.into());
        self
    }

    /// Sizes the claim list for the whole input that `meter` counts. A list grown by doubling
    /// holds, while it grows, its old buffer and the new one: with millions of claims that is
    /// the run's peak. So once a batch shows how many claims a byte of text gives, the list is
    /// given room for the whole input at that rate (and a quarter more) in one step, while it
    /// is still small. Room not used is address space, not memory; when the estimate falls
    /// short, or the system refuses the room, the list grows as usual. The claims are the same.
    pub fn with_meter(mut self, meter: std::sync::Arc<ingest::ReadMeter>) -> Self {
        self.meter = Some(meter);
        self
    }

    /// Makes room for `more` claims, for the whole input when the meter can tell how many.
    fn reserve(&mut self, more: usize) {
        let needed = self.claims.len() + more;
        if needed <= self.claims.capacity() {
            return;
        }
        let (_, total) = self.meter.as_ref().map_or((0, 0), |m| m.get());
        if self.extracted > 0 && total > self.extracted {
            let per_byte = needed as f64 / self.extracted as f64;
            let expected = (per_byte * total as f64 * 1.25) as usize;
            if expected > needed
                && self
                    .claims
                    .try_reserve_exact(expected - self.claims.len())
                    .is_ok()
            {
                return;
            }
        }
        self.claims.reserve(more);
    }

    /// Takes one more document (the next in corpus order).
    pub fn push(&mut self, doc: Document) {
        self.pending_bytes += doc.text.len();
        self.pending.push(doc);
        if self.pending_bytes >= BATCH_BYTES {
            self.flush();
        }
    }

    /// Starts keeping claims on disk when the input is large enough: the claims so far go to
    /// the file first.
    fn start_spilling(&mut self) {
        let (_, total) = self.meter.as_ref().map_or((0, 0), |m| m.get());
        let seen = self.extracted + self.pending_bytes as u64;
        if self.spilled.is_some()
            || self.spill_error.is_some()
            || !self.spill.spills(total.max(seen))
        {
            return;
        }
        let started = spill::ClaimFile::create(self.spill_dir.as_deref()).and_then(|mut file| {
            file.push_all(&self.claims)?;
            Ok(file)
        });
        match started {
            Ok(file) => {
                let mut per_document = vec![0usize; self.documents.len()];
                for claim in &self.claims {
                    if let Some(n) = per_document.get_mut(claim.doc) {
                        *n += 1;
                    }
                }
                self.spilled = Some(Spilled {
                    file,
                    per_document,
                    learned: align::learn_acronyms(&self.claims),
                });
                self.claims = Vec::new();
            }
            Err(e) => self.spill_error = Some(e),
        }
    }

    fn flush(&mut self) {
        self.start_spilling();
        let first = self.documents.len();
        let mut batch = std::mem::take(&mut self.pending);
        self.extracted += self.pending_bytes as u64;
        self.pending_bytes = 0;
        if self.spill_error.is_some() {
            // The run has failed: its documents are kept only to be counted.
            for doc in &mut batch {
                doc.release_text();
            }
            self.documents.append(&mut batch);
            return;
        }
        let rules = self.rules;
        let per_document = in_pool(self.pool.as_ref(), || {
            batch
                .par_iter()
                .enumerate()
                .map(|(i, doc)| extract::extract(first + i, doc, rules))
                .collect::<Vec<_>>()
        });
        if self.spilled.is_none() {
            self.reserve(per_document.iter().map(Vec::len).sum());
        }
        for (i, (doc, claims)) in batch.iter_mut().zip(per_document).enumerate() {
            suppress::scan_document(first + i, doc, &mut self.suppressions);
            doc.release_text();
            match self.spilled.as_mut() {
                Some(spilled) if self.spill_error.is_none() => {
                    spilled.per_document.push(claims.len());
                    spilled.learned.extend(align::learn_acronyms(&claims));
                    if let Err(e) = spilled.file.push_all(&claims) {
                        self.spill_error = Some(e);
                    }
                }
                Some(_) => {}
                None => self.claims.extend(claims),
            }
        }
        self.documents.append(&mut batch);
    }

    /// The documents (texts let go), every claim (read back from disk when they were kept
    /// there), and the suppression comments; an error when claims could not be kept on disk or
    /// read back.
    #[allow(clippy::type_complexity)]
    pub fn finish(
        mut self,
    ) -> Result<(Vec<Document>, Vec<Claim>, suppress::Scan), spill::SpillError> {
        self.flush();
        if let Some(e) = self.spill_error {
            return Err(e);
        }
        let claims = match self.spilled {
            Some(mut spilled) => {
                spilled.file.close()?;
                spilled.file.read_range(0..spilled.file.len())?
            }
            None => self.claims,
        };
        Ok((self.documents, claims, self.suppressions))
    }

    /// Extracts what is left, then aligns and compares every claim: the same analysis as
    /// [`check`] over the same documents, but with the texts let go. Comparison runs on the
    /// extractor's threads too. With claims on disk and [`GroupBy::All`], the analysis holds
    /// only the claims that findings point to ([`Analysis::counted`]); an error when the claims
    /// could not be kept on disk or read back.
    pub fn check(
        mut self,
        warnings: Vec<Warning>,
        group_by: GroupBy,
    ) -> Result<Analysis, spill::SpillError> {
        let rules = self.rules;
        let pool = self.pool.take();
        in_pool(pool.as_ref(), || self.flush());
        if let Some(e) = self.spill_error.take() {
            return Err(e);
        }
        if group_by == GroupBy::All
            && let Some(spilled) = self.spilled.take()
        {
            let (documents, suppressions) = (self.documents, self.suppressions);
            let done = in_pool(pool.as_ref(), move || {
                spill::analyse(
                    spilled.file,
                    spilled.per_document,
                    &spilled.learned,
                    documents,
                    rules,
                )
            })?;
            let (documents, claims, groups, findings, counts) = done;
            return Ok(Analysis {
                documents,
                claims,
                groups,
                findings,
                warnings,
                suppressions: Some(suppressions),
                texts: report::texts::Texts::default(),
                counted: Some(counts),
            });
        }
        let (documents, claims, suppressions) = self.finish()?;
        Ok(in_pool(pool.as_ref(), move || {
            analyse(
                documents,
                claims,
                warnings,
                Some(suppressions),
                rules,
                (group_by, None),
            )
        }))
    }
}

/// Reads again the texts of the documents that findings point into (reports that quote or
/// locate claims need them). A document that cannot be read again, or that changed since it was
/// read, keeps no text and gets a warning; its findings are still reported.
pub fn restore_texts(analysis: &mut Analysis) -> Vec<Warning> {
    restore_texts_of(analysis)
        .into_iter()
        .map(|(_, w)| w)
        .collect()
}

/// As [`restore_texts`], each warning with the index of its document.
pub(crate) fn restore_texts_of(analysis: &mut Analysis) -> Vec<(usize, Warning)> {
    let wanted = wanted_texts(analysis);
    let mut warnings = Vec::new();
    for (i, (doc, _)) in analysis
        .documents
        .iter_mut()
        .zip(wanted)
        .enumerate()
        .filter(|(_, (d, w))| *w && !d.has_text())
    {
        if let Err(e) = ingest::restore_text(doc) {
            warnings.push((i, lost_text(doc, &e)));
        }
    }
    warnings
}

/// Checks that the documents findings point into can still be read again, as
/// [`restore_texts`] does, but keeps none of their texts: the reporters read them again a few at
/// a time as they render ([`report::texts`]), so a report never holds the corpus. A document
/// that cannot be read again, or changed since, gets the same warning and is shown without its
/// text.
pub fn check_texts(analysis: &mut Analysis) -> Vec<Warning> {
    let wanted = wanted_texts(analysis);
    let lost: Vec<(usize, Warning)> = analysis
        .documents
        .par_iter()
        .zip(wanted)
        .enumerate()
        .filter_map(|(i, (doc, wanted))| {
            let stamp = doc.released.filter(|_| wanted)?;
            let same = ingest::read_again(&doc.origin).and_then(|again| {
                if model::TextStamp::of(&again.text) == stamp {
                    Ok(())
                } else {
                    Err(ingest::ReadAgainError::Changed)
                }
            });
            same.err().map(|e| (i, lost_text(doc, &e)))
        })
        .collect();
    lost.into_iter()
        .map(|(i, warning)| {
            analysis.texts.lose(i);
            warning
        })
        .collect()
}

/// Which documents the findings point into.
fn wanted_texts(analysis: &Analysis) -> Vec<bool> {
    let mut wanted = vec![false; analysis.documents.len()];
    for finding in &analysis.findings {
        for claim in finding
            .claims
            .iter()
            .filter_map(|&i| analysis.claims.get(i))
        {
            if let Some(w) = wanted.get_mut(claim.doc) {
                *w = true;
            }
        }
    }
    wanted
}

/// The warning for a document whose text cannot be read again for a report.
fn lost_text(doc: &Document, error: &ingest::ReadAgainError) -> Warning {
    Warning {
        path: doc.path.clone(),
        message: format!("{error}; its findings are shown without its text"),
    }
}

/// A pool of `jobs` threads, or none (rayon's global pool) for `None`, `Some(0)`, or when the
/// system refuses threads.
pub(crate) fn pool(jobs: Option<usize>) -> Option<rayon::ThreadPool> {
    jobs.filter(|&n| n > 0)
        .and_then(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().ok())
}

/// Runs `work` in `pool`, or in the current pool.
pub(crate) fn in_pool<T: Send>(
    pool: Option<&rayon::ThreadPool>,
    work: impl FnOnce() -> T + Send,
) -> T {
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// Aligns and compares the claims of `documents`: the stages after extraction, shared by
/// every way of running the pipeline over a whole corpus. `grouping` is how documents are
/// grouped and, when given, the acronyms a larger corpus teaches (else these claims teach them).
fn analyse(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    warnings: Vec<Warning>,
    suppressions: Option<suppress::Scan>,
    rules: &Rules,
    grouping: (GroupBy, Option<&std::collections::HashMap<String, String>>),
) -> Analysis {
    let groups = match grouping {
        (group_by, Some(learned)) => {
            align::align_taught(&claims, &documents, rules, group_by, learned)
        }
        (group_by, None) => align::align(&claims, &documents, rules, group_by),
    };
    judged(documents, claims, groups, warnings, suppressions, rules)
}

/// The analysis of aligned `groups`: their findings, with what they were found in.
fn judged(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    groups: Vec<ClaimGroup>,
    warnings: Vec<Warning>,
    suppressions: Option<suppress::Scan>,
    rules: &Rules,
) -> Analysis {
    let findings = compare::compare(&groups, &claims, &documents, rules);
    Analysis {
        documents,
        claims,
        groups,
        findings,
        warnings,
        suppressions,
        texts: report::texts::Texts::default(),
        counted: None,
    }
}

/// Runs `work` inside a local thread pool of `jobs` threads, or in the current (by default the
/// global) pool when `jobs` is `None` or `Some(0)`. A pool that cannot be built (the system
/// refuses threads) leaves the work to the current pool: fewer threads, same output.
fn with_jobs<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> T {
    in_pool(pool(jobs).as_ref(), work)
}

// =============================================================================================
// Distributed `--group-by all` (issue 14, `examples/spark/`): new functions only. See
// `align::slot_of`, `align::merge_map` and `align::align_cluster` for the passes.
// =============================================================================================

/// Compares one cluster of a `--group-by all` run split by subject: `claims` are every claim
/// that [`align::merge_map`] sent to `target` (one bucket's), in corpus order, each claim's
/// `doc` an index into `documents` (their documents, in corpus order). The analysis holds the
/// findings that a one-process run over the whole corpus gives about this cluster: how a
/// corpus checked as one group is compared one subject at a time on several machines.
pub fn compare_cluster(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    warnings: Vec<Warning>,
    rules: &Rules,
    target: &align::Target,
) -> Analysis {
    let groups = align::align_cluster(&claims, target);
    judged(documents, claims, groups, warnings, None, rules)
}

#[cfg(all(test, feature = "cli"))]
mod tests {
    use super::*;
    use crate::report::{Context, github, html, human, markdown, rdjsonl, sarif};

    #[test]
    fn a_source_gone_before_the_report_is_a_warning_and_every_format_still_renders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixture =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bridge");
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&fixture).expect("fixture") {
            let path = entry.expect("entry").path();
            let name = path.file_name().expect("name").to_owned();
            std::fs::copy(&path, dir.path().join(&name)).expect("copy");
            names.push(name);
        }
        names.sort();
        let rules = Rules::builtin().expect("rules");
        let mut extractor = Extractor::new(&rules, Some(2));
        let corpus = ingest::stream_selected(
            &[dir.path().to_path_buf()],
            &ingest::Selection::default(),
            &mut |_| {},
            &mut |doc| extractor.push(doc),
        );
        let mut analysis = extractor
            .check(corpus.warnings, GroupBy::All)
            .expect("claims in memory");
        assert!(!analysis.findings.is_empty());
        assert!(analysis.documents.iter().all(|d| d.text.is_empty()));
        // One source changes, the other disappears, between extraction and the report.
        std::fs::write(dir.path().join(&names[0]), "Rewritten since.\n").expect("write");
        std::fs::remove_file(dir.path().join(&names[1])).expect("remove");
        let warnings = restore_texts(&mut analysis);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].message.starts_with("changed since it was read"));
        assert!(warnings[1].message.starts_with("cannot read it again"));
        let context = Context {
            show_agreements: true,
            ..Context::default()
        };
        let outputs = [
            human::render_check(&analysis, 0, true, &human::plain_handler()),
            sarif::render(&analysis, &context),
            html::render(&analysis, &context),
            markdown::render(&analysis, &context),
            rdjsonl::render(&analysis, &context),
            github::render(&analysis, &context),
        ];
        assert!(outputs.iter().all(|o| !o.is_empty()));
    }
}

#[cfg(test)]
mod split_tests {
    //! A check split in stages (claims serialised and read back, groups compared apart with
    //! what the whole corpus teaches) gives the findings of the whole check.
    use super::*;

    fn corpus() -> Vec<Document> {
        // Group "one" spells HIMARS out in one report and not in the other; only group "two"
        // says what the long form abbreviates.
        let texts = [
            (
                "a",
                "one",
                "The army sent four more high mobility artillery rocket systems.",
            ),
            ("b", "one", "The army sent six more HIMARS."),
            ("c", "two", "Two people were killed in the blast on Monday."),
            (
                "d",
                "two",
                "Three people were killed in the blast on Monday.",
            ),
            (
                "e",
                "two",
                "Über 40 Menschen: two more high mobility artillery rocket systems (HIMARS) arrived.",
            ),
        ];
        documents_of(&texts)
    }

    #[test]
    fn claims_read_back_from_json_are_the_claims_extracted() {
        let rules = Rules::builtin().expect("rules");
        let claims = extract_all(&corpus(), &rules);
        assert!(
            claims
                .iter()
                .any(|c| !c.doubts.is_empty() || c.base.is_some())
                || !claims.is_empty()
        );
        let wire = serde_json::to_string(&claims).expect("serialise");
        let back: Vec<Claim> = serde_json::from_str(&wire).expect("read back");
        assert_eq!(back, claims);
    }

    #[test]
    fn groups_compared_apart_with_the_corpus_acronyms_give_the_whole_checks_findings() {
        let rules = Rules::builtin().expect("rules");
        let documents = corpus();
        let whole = check(documents.clone(), Vec::new(), &rules, GroupBy::Folder);
        let learned = align::learn_acronyms(&whole.claims);
        let mut split = Vec::new();
        for group in ["one", "two", "stadium"] {
            let docs: Vec<Document> = documents
                .iter()
                .filter(|d| d.group == group)
                .cloned()
                .collect();
            let claims = extract_all(&docs, &rules);
            let part = check_extracted(
                docs,
                claims,
                Vec::new(),
                &rules,
                GroupBy::Folder,
                Some(&learned),
            );
            split.extend(
                part.findings
                    .iter()
                    .map(|f| (f.code.clone(), f.subject.clone(), f.message.clone())),
            );
        }
        let mut expected: Vec<_> = whole
            .findings
            .iter()
            .map(|f| (f.code.clone(), f.subject.clone(), f.message.clone()))
            .collect();
        expected.sort();
        split.sort();
        assert!(!expected.is_empty());
        assert_eq!(split, expected);
    }
}

#[cfg(test)]
mod split_all_tests {
    //! A `--group-by all` check split by subject (claims extracted a document at a time, the
    //! merges computed in a first pass a bucket at a time, each cluster compared apart) gives
    //! the findings of the whole check, line for line.
    use std::collections::{BTreeMap, HashMap, HashSet};

    use super::*;
    use crate::align::{Slot, Target};
    use crate::report::{Context, json_lines};

    /// The JSON Lines findings of a whole check, sorted, suppression comments applied.
    fn whole(documents: &[Document], rules: &Rules) -> Vec<String> {
        let mut analysis = check(documents.to_vec(), Vec::new(), rules, GroupBy::All);
        suppress::apply(&mut analysis);
        let mut lines: Vec<String> = json_lines::render(&analysis, &Context::default())
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    }

    /// The same, through the stages a distributed run takes; also how many clusters it made.
    fn split(documents: &[Document], rules: &Rules) -> (Vec<String>, usize) {
        // A map: every document extracted on its own; what each teaches, merged in order.
        let per_doc: Vec<Vec<Claim>> = documents
            .iter()
            .enumerate()
            .map(|(d, doc)| extract::extract(d, doc, rules))
            .collect();
        let mut learned = HashMap::new();
        for claims in &per_doc {
            learned.extend(align::learn_acronyms(claims));
        }
        let mut slotted: Vec<(Slot, usize, usize)> = Vec::new();
        for (d, claims) in per_doc.iter().enumerate() {
            for (i, claim) in claims.iter().enumerate() {
                let folder = &documents[d].group;
                if let Some(slot) = align::slot_of(claim, d, i, folder, rules, &learned) {
                    slotted.push((slot, d, i));
                }
            }
        }
        // The first pass, a bucket at a time: the first claim of each slot.
        let mut seen = HashSet::new();
        let mut by_bucket: BTreeMap<String, Vec<(Slot, Claim)>> = BTreeMap::new();
        for (slot, d, i) in &slotted {
            if seen.insert(slot.clone()) {
                by_bucket
                    .entry(slot.bucket.clone())
                    .or_default()
                    .push((slot.clone(), per_doc[*d][*i].clone()));
            }
        }
        let map: HashMap<Slot, Target> = by_bucket
            .values()
            .flat_map(|reps| align::merge_map(reps, rules, &learned))
            .collect();
        assert!(map.len() <= seen.len());
        // The second pass: the claims of each cluster, in corpus order, compared apart.
        let mut clusters: BTreeMap<(String, usize), Vec<(usize, usize)>> = BTreeMap::new();
        for (slot, d, i) in &slotted {
            let target = align::target_of(&map, slot).expect("every slot has its cluster");
            clusters
                .entry((slot.bucket.clone(), target.part))
                .or_default()
                .push((*d, *i));
        }
        let mut lines = Vec::new();
        for ((bucket, part), members) in &clusters {
            let target = map
                .iter()
                .find(|(s, t)| &s.bucket == bucket && t.part == *part)
                .map(|(_, t)| t.clone())
                .expect("a cluster has a target");
            let mut docs: Vec<usize> = members.iter().map(|&(d, _)| d).collect();
            docs.dedup();
            let claims: Vec<Claim> = members
                .iter()
                .map(|&(d, i)| {
                    let mut claim = per_doc[d][i].clone();
                    claim.doc = docs.iter().position(|&x| x == d).unwrap_or(0);
                    claim
                })
                .collect();
            let subset: Vec<Document> = docs.iter().map(|&d| documents[d].clone()).collect();
            let mut analysis = compare_cluster(subset, claims, Vec::new(), rules, &target);
            suppress::apply(&mut analysis);
            lines.extend(
                json_lines::render(&analysis, &Context::default())
                    .lines()
                    .map(str::to_string),
            );
        }
        lines.sort();
        (lines, clusters.len())
    }

    fn corpus_at(path: &std::path::Path) -> Vec<Document> {
        let corpus = ingest::read_paths(&[path.to_path_buf()]);
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        corpus.documents
    }

    fn small() -> Vec<Document> {
        // Folder "aid" writes the purification units out in one report and abbreviates them in
        // the other; only folder "port" says what the letters stand for. Two spellings of one
        // minister; a report naming no incident; a quote twice, in part.
        let texts = [
            (
                "a",
                "aid",
                "Water Minister Lorna J Keane III said the agency sent four more mobile water \
                 purification units. \"We will send the units as soon as we can,\" Keane said.",
            ),
            (
                "b",
                "aid",
                "Water Minister Lorna Keane said the agency sent six more MWPUs. \"We will \
                 send the units as soon as we possibly can,\" Keane said.",
            ),
            (
                "f",
                "port",
                "Two more mobile water purification units (MWPUs) were unloaded at the port.",
            ),
            (
                "c",
                "fire",
                "Two people were killed in the warehouse fire on Monday.",
            ),
            (
                "d",
                "fire",
                "Three people were killed on Monday, police said.",
            ),
            (
                "e",
                "fire",
                "The warehouse fire on Monday killed three people.",
            ),
        ];
        documents_of(&texts)
    }

    #[test]
    fn a_check_split_by_subject_gives_the_findings_of_the_whole_check() {
        let rules = Rules::builtin().expect("rules");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut corpora = vec![
            ("small", small()),
            ("examples", corpus_at(&root.join("examples"))),
        ];
        let seeds = root.join("../shared/corpus/seeds");
        if seeds.is_dir() {
            corpora.push(("seeds", corpus_at(&seeds)));
        }
        for (name, documents) in corpora {
            let expected = whole(&documents, &rules);
            let (got, clusters) = split(&documents, &rules);
            assert!(!expected.is_empty(), "{name}: the corpus has findings");
            assert!(clusters > 1, "{name}: the run is split");
            assert_eq!(got, expected, "{name}");
            if name == "small" {
                for what in [
                    "taken as MWPU",
                    "taken as one person",
                    "name no incident",
                    "Lantern Bay Stadium",
                ] {
                    assert!(got.iter().any(|l| l.contains(what)), "{what}: {got:#?}");
                }
            }
        }
    }

    #[test]
    fn the_first_pass_sends_a_long_form_to_the_acronym_that_another_folder_spells_out() {
        let rules = Rules::builtin().expect("rules");
        let documents = small();
        let per_doc: Vec<Vec<Claim>> = documents
            .iter()
            .enumerate()
            .map(|(d, doc)| extract::extract(d, doc, &rules))
            .collect();
        let learned = align::learn_acronyms(&per_doc.concat());
        let units = |d: usize| -> (Slot, Claim) {
            let (i, claim) = per_doc[d]
                .iter()
                .enumerate()
                .find(|(_, c)| {
                    // A count's span is its figure: the units are its subject.
                    c.subject
                        .as_ref()
                        .is_some_and(|s| s.text.contains("purification") || s.text.contains("MWPU"))
                })
                .expect("a claim about the units");
            let slot = align::slot_of(claim, d, i, &documents[d].group, &rules, &learned)
                .expect("aligned");
            (slot, claim.clone())
        };
        let (a, b) = (units(0), units(1));
        assert_ne!(a.0, b.0, "two slots: two spellings");
        let map: HashMap<Slot, Target> =
            align::merge_map(&[a.clone(), b.clone()], &rules, &learned)
                .into_iter()
                .collect();
        let target = |m: &HashMap<Slot, Target>, s: &Slot| align::target_of(m, s).cloned();
        assert_eq!(
            target(&map, &a.0).map(|t| t.cluster).as_deref(),
            Some("mwpu")
        );
        assert_eq!(target(&map, &a.0), target(&map, &b.0), "one cluster");
        // Without what the corpus teaches, the long form is a cluster of its own.
        let alone: HashMap<Slot, Target> =
            align::merge_map(std::slice::from_ref(&a), &rules, &HashMap::new())
                .into_iter()
                .collect();
        let alone = target(&alone, &a.0).expect("a target");
        assert_ne!(alone.cluster, "mwpu");
    }
}

/// Test documents: `(path, group, text)` each, then two undated pages about one topic (one of
/// them with figures for two times), in their own folder.
#[cfg(test)]
fn documents_of(texts: &[(&str, &str, &str)]) -> Vec<Document> {
    let mut docs: Vec<Document> = texts
        .iter()
        .map(|(path, group, text)| {
            let mut doc = Document::from_text(*path, *text);
            doc.group = group.to_string();
            doc
        })
        .collect();
    for (path, body) in [
        (
            "g",
            "Lantern Bay Stadium has a capacity of under 30,000. As of May 2021, it had hosted \
             210 matches; as of June 2021, 216 matches.",
        ),
        (
            "h",
            "The stadium has a capacity of 41,500. As of May 2021, it had hosted 204 matches.",
        ),
    ] {
        let front = "---\ntitle: \"Lantern Bay Stadium\"\n---\n\n";
        let mut doc = Document::from_text(path, format!("{front}{body}"));
        doc.body_start = front.len();
        doc.meta.title = Some("Lantern Bay Stadium".into());
        doc.group = "stadium".into();
        docs.push(doc);
    }
    docs
}
