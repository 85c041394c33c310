//! Stream: runs the pipeline over a large corpus a batch of folders at a time and writes the
//! report (JSON, JSON Lines, human, SARIF, GitHub, reviewdog, Markdown or HTML:
//! [`Report`]) without holding the corpus, its claims or (but for Markdown's shown findings)
//! its findings in memory.
//!
//! With `--group-by folder` only documents of one folder are compared, so documents are taken
//! in corpus order and cut into batches at a change of folder once a batch holds
//! [`crate::BATCH_BYTES`] of text. Each batch is extracted on all cores, then aligned and
//! compared on its own on one core while the next batch is extracted on the others (so that the
//! one-threaded stages do not leave the other cores idle). Its document entries and its
//! findings are rendered into two temporary files (the report's order is restored at the
//! end), and all that is kept in memory is a small
//! record per document (where to read it again), a sort key per finding and the counts. A
//! folder larger than a batch is extracted a batch of text at a time: until it ends its claims
//! are held, never its texts (a JSON Lines file without `group`s is one such folder).
//!
//! Two things make a batch's result depend on more than its own documents, and both are made
//! good at the end by running the affected folders again from their sources:
//!
//! - acronyms the corpus spells out anywhere apply everywhere (`align::learn_acronyms`): each
//!   batch is aligned with every spelling claim found so far, and a batch that ran before the
//!   last change to what is learned runs again with all of them;
//! - a folder whose documents do not come together in corpus order (a JSON Lines file whose
//!   `group`s interleave) runs again with all its documents.
//!
//! The report is byte for byte what [`crate::report`] renders for the whole analysis, and it
//! does not depend on the number of threads. The formats that quote or locate claims read
//! again each batch's documents that its findings point into before rendering them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use miette::Diagnostic;
use rayon::prelude::*;
use serde::Serialize;
use thiserror::Error;

use crate::baseline::{Key, Verdict, Verdicts};
use crate::model::{Claim, Document, Finding, FindingKind, Origin, TextStamp, Warning};
use crate::report::json::{DocumentEntry, VERSION, finding_entry};
use crate::report::markdown::Entry;
use crate::report::{Context, Summary, html};
use crate::rules::Rules;
use crate::{Analysis, BATCH_BYTES, GroupBy, align, compare, extract, ingest, suppress};

/// The report a streamed run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The JSON contract (`--format json`).
    Json,
    /// One finding a line (`--format json-lines`).
    JsonLines,
}

/// The report a streamed `check` writes: the JSON contract, or a format of one entry per
/// finding (human diagnostics, GitHub commands, reviewdog lines), each rendered with its batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// `--format json`.
    Json,
    /// `--format json-lines`.
    JsonLines,
    /// `--format human`: a diagnostic per finding shown; the summary line is the caller's.
    #[cfg(feature = "cli")]
    Human {
        /// Colour (miette's unicode theme) or not.
        colour: bool,
        /// The terminal's width, which long source lines are cut to fit.
        columns: Option<usize>,
        show_agreements: bool,
    },
    /// `--format github`: workflow commands, then the input warnings and the summary.
    Github { show_agreements: bool },
    /// `--format rdjsonl`.
    Rdjsonl { show_agreements: bool },
    /// `--format sarif`: the log's envelope (which holds nothing found) around a result per
    /// finding shown.
    Sarif { show_agreements: bool },
    /// `--format markdown`: the report is cut to a comment's size from a ranking of every
    /// finding shown, so it is put together at the end; what is kept until then is each shown
    /// finding's table row and excerpts ([`crate::report::markdown::Entry`]), rendered with
    /// its batch (the agreements not shown are only counted).
    Markdown { show_agreements: bool },
    /// `--format html`: the page's header and overview count every story before the first
    /// story's section, so each batch's sections are written to a temporary file (their
    /// findings' numbers, known at the end, left out and marked) and the page is put
    /// together at the end from the counts kept of each story. The page shows every finding,
    /// those suppressions removed too, marked.
    Html,
}

impl From<Output> for Report {
    fn from(output: Output) -> Self {
        match output {
            Output::Json => Report::Json,
            Output::JsonLines => Report::JsonLines,
        }
    }
}

impl Report {
    /// Whether findings quote or locate their claims, so that the documents they point into
    /// are read again before they are rendered.
    fn needs_text(self) -> bool {
        !matches!(self, Report::Json | Report::JsonLines)
    }

    /// Whether a finding of `kind` is rendered (agreements are counted only, unless asked).
    fn shows(self, kind: FindingKind) -> bool {
        match self {
            Report::Json | Report::JsonLines | Report::Html => true,
            #[cfg(feature = "cli")]
            Report::Human {
                show_agreements, ..
            } => show_agreements || kind != FindingKind::Agreement,
            Report::Github { show_agreements }
            | Report::Rdjsonl { show_agreements }
            | Report::Sarif { show_agreements }
            | Report::Markdown { show_agreements } => {
                show_agreements || kind != FindingKind::Agreement
            }
        }
    }
}

/// A temporary file could not be written or read back.
#[derive(Debug, Error, Diagnostic)]
#[error("cannot use a temporary file for the report: {0}")]
#[diagnostic(
    code(crosscheck::output),
    help(
        "the report of a large corpus is put together in the temporary folder; set TMPDIR to a folder with space"
    )
)]
pub struct SpillError(#[from] io::Error);

/// What is kept of a document once its batch has run.
#[derive(Debug)]
struct DocRecord {
    origin: Origin,
    stamp: TextStamp,
    group: u32,
    /// Index of its first claim in the corpus-wide claim list.
    claim_start: usize,
}

/// What is kept of a batch: its folders, and how many spelling claims it was aligned with.
#[derive(Debug)]
struct BatchRecord {
    groups: Vec<u32>,
    ghosts_seen: usize,
}

/// A batch extracted and recorded, waiting to be aligned, compared and rendered while the
/// next batch is extracted: with two cores, the one-threaded stages of one batch and the
/// parallel extraction of the next overlap.
struct Waiting {
    batch: Vec<Document>,
    ids: Vec<usize>,
    per_document: Vec<Vec<Claim>>,
    directives: Vec<suppress::Directive>,
    /// How many spelling claims (from the start of the corpus) it is aligned with.
    ghosts_seen: usize,
}

/// A batch's findings rendered, and what suppression said, before they are written.
struct Compared {
    /// Findings hidden by suppression comments, per folder.
    suppressed: Vec<(u32, usize)>,
    /// Suppression comments that hid nothing, by document and order in it.
    unused: Vec<((usize, usize), Warning)>,
    /// Each finding's key (its offset not yet known) and its text in the report; for a report
    /// put together at the end, its entry instead.
    rendered: Vec<Rendered>,
    /// Documents that could not be read again to render their findings, by corpus index.
    lost: Vec<(usize, Warning)>,
    /// The HTML page's story sections of the batch: the story, its section without its
    /// opening, and where its findings' numbers go with the index in `rendered` of each.
    sections: Vec<BatchSection>,
    /// The verdicts read (`--verdicts`) on findings of the batch: the index in `rendered`,
    /// and the verdict's in the file.
    earlier: Vec<(usize, usize)>,
}

/// A story's section of a batch on the HTML page: the story, its section without its
/// opening, and where its findings' numbers go, each with the finding's index in the batch's
/// rendered findings.
type BatchSection = (u32, String, Vec<(usize, usize)>);

/// One finding of a compared batch.
struct Rendered {
    /// Its key (its offset not yet known).
    key: FindingKey,
    /// Its text in the report (for the HTML page, its key in the page's data).
    text: String,
    /// For a report put together at the end, its entry instead.
    kept: Option<Entry>,
    /// For the HTML page: its property.
    property: Option<String>,
    /// For the HTML page: whether a suppression removed it.
    suppressed: bool,
}

/// Where a rendered finding is, and what orders it.
#[derive(Debug, Clone, Copy)]
struct FindingKey {
    kind: FindingKind,
    /// Corpus-wide index of its first claim.
    first: usize,
    group: u32,
    offset: u64,
    len: u64,
    /// For a report put together at the end: the index of its entry in [`Streamer::kept`].
    kept: Option<usize>,
    /// Its number in the order findings were rendered, the runs again included.
    serial: u32,
    /// For the HTML page: its property, by index in [`Streamer::properties`].
    property: u32,
}

/// A temporary file written in order and read back in any order.
struct Spill {
    writer: BufWriter<File>,
    written: u64,
}

impl Spill {
    fn new() -> io::Result<Self> {
        Ok(Self {
            writer: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            written: 0,
        })
    }

    /// Appends `bytes`, returning their offset.
    fn write(&mut self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.written;
        self.writer.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(at)
    }

    fn into_reader(self) -> io::Result<BufReader<File>> {
        let mut file = self.writer.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        Ok(BufReader::with_capacity(1 << 20, file))
    }
}

/// Runs the pipeline batch by batch as documents arrive (see the module documentation).
pub struct Streamer<'r> {
    rules: &'r Rules,
    report: Report,
    pool: Option<rayon::ThreadPool>,
    /// Text a batch holds before it runs at the next change of folder.
    batch_bytes: usize,
    pending: Vec<Document>,
    /// Text of the pending batch, extracted or not.
    pending_bytes: usize,
    /// The claims of the pending documents extracted so far (the first ones).
    pending_claims: Vec<Vec<Claim>>,
    /// Their suppression comments, numbered by place in the batch.
    pending_scan: suppress::Scan,
    /// The last batch run, compared while the next is extracted.
    waiting: Option<Waiting>,
    /// Text of the pending documents not extracted yet.
    unextracted_bytes: usize,
    group_ids: HashMap<String, u32>,
    /// Per folder: whether a batch already ran with some of its documents.
    group_ran: Vec<bool>,
    /// Folders whose documents came in more than one batch.
    split: BTreeSet<u32>,
    docs: Vec<DocRecord>,
    claims: usize,
    /// Claims that spell out an acronym, in corpus order, without their subject (so that they
    /// teach alignment the acronym and are never grouped themselves).
    ghosts: Vec<Claim>,
    batches: Vec<BatchRecord>,
    documents: Spill,
    findings: Spill,
    keys: Vec<FindingKey>,
    /// The entries of the findings a report put together at the end shows (Markdown).
    kept: Vec<Entry>,
    suppressed: HashMap<u32, usize>,
    /// Malformed suppression blocks, in document order.
    suppression_warnings: Vec<Warning>,
    /// Suppression comments that hide nothing, by document and order in it.
    unused: BTreeMap<(usize, usize), Warning>,
    /// Documents whose findings are rendered without their text, by corpus index.
    lost: BTreeMap<usize, Warning>,
    /// Findings rendered so far (each finding's [`FindingKey::serial`]).
    serials: u32,
    /// The HTML page's: see [`Page`].
    page: Page<'r>,
    error: Option<io::Error>,
}

/// What the HTML page keeps until it is put together: its story sections (in a temporary
/// file), the findings suppressions removed, the properties and the verdicts read.
struct Page<'r> {
    /// Verdicts read with `--verdicts`, and which of them is in force for each key (the last).
    verdicts: Option<&'r Verdicts>,
    in_force: HashMap<Key, usize>,
    /// Each section as written: framed text (see [`Page::write_section`]).
    sections: Spill,
    /// Each section's story, and where it is in `sections`, in the order written.
    section_at: Vec<(u32, u64, u64)>,
    /// The keys of the findings suppressions removed (the page shows them last).
    hidden: Vec<FindingKey>,
    properties: Vec<String>,
    property_ids: HashMap<String, u32>,
    /// The findings with a verdict read: serial, and the verdict's index.
    earlier: Vec<(u32, usize)>,
}

impl Page<'_> {
    fn new() -> io::Result<Self> {
        Ok(Self {
            verdicts: None,
            in_force: HashMap::new(),
            sections: Spill::new()?,
            section_at: Vec::new(),
            hidden: Vec::new(),
            properties: Vec::new(),
            property_ids: HashMap::new(),
            earlier: Vec::new(),
        })
    }

    fn property_id(&mut self, property: &str) -> u32 {
        if let Some(&id) = self.property_ids.get(property) {
            return id;
        }
        let id = u32::try_from(self.properties.len()).unwrap_or(u32::MAX);
        self.property_ids.insert(property.to_string(), id);
        self.properties.push(property.to_string());
        id
    }

    /// Writes a section as pieces of text each followed by the serial of the finding whose
    /// number comes next (`u32::MAX` after the last): a piece is its length (4 bytes, little
    /// endian), its bytes, and the serial (4 bytes).
    fn write_section(&mut self, story: u32, text: &str, marks: &[(usize, u32)]) -> io::Result<()> {
        let mut framed = Vec::with_capacity(text.len() + 8 * (marks.len() + 1));
        let mut from = 0;
        let pieces = marks
            .iter()
            .map(|&(at, serial)| (at, serial))
            .chain(std::iter::once((text.len(), u32::MAX)));
        for (at, serial) in pieces {
            let piece = text.get(from..at).unwrap_or("").as_bytes();
            let len = u32::try_from(piece.len()).map_err(|_| {
                io::Error::new(io::ErrorKind::InvalidData, "a story's section over 4 GiB")
            })?;
            framed.extend_from_slice(&len.to_le_bytes());
            framed.extend_from_slice(piece);
            framed.extend_from_slice(&serial.to_le_bytes());
            from = at;
        }
        let at = self.sections.write(&framed)?;
        self.section_at.push((story, at, framed.len() as u64));
        Ok(())
    }
}

/// A streamed run after its last batch: the counts and warnings, and the report to write.
pub struct Finished {
    report: Report,
    pub summary: Summary,
    /// Every warning, as the report lists them (inputs first, then suppressions).
    pub warnings: Vec<Warning>,
    documents: Spill,
    findings: Spill,
    keys: Vec<FindingKey>,
    /// For a report put together at the end: the entries of the findings it shows, in the
    /// report's order.
    kept: Vec<Entry>,
    /// For the HTML page: what puts it together.
    page: Option<FinishedPage>,
}

/// The HTML page of a streamed run, to put together: see [`Report::Html`].
struct FinishedPage {
    outline: html::Outline,
    /// The properties of the findings on the page.
    properties: BTreeSet<String>,
    sections: Spill,
    /// Where each story's sections are in `sections`, by story, in the order written.
    section_at: HashMap<u32, Vec<(u64, u64)>>,
    /// The findings suppressions removed, in the page's order (after `keys`).
    hidden: Vec<FindingKey>,
    /// Each finding's number on the page (its index, from 0) by serial (`u32::MAX`: not on it).
    numbers: Vec<u32>,
    /// The verdicts read on findings of the page, by index on it.
    earlier: Vec<(usize, Verdict)>,
    /// The verdicts read on findings not on the page.
    other: Vec<Verdict>,
}

impl<'r> Streamer<'r> {
    /// A streamed run extracting on `jobs` threads (`None`: rayon's default).
    pub fn new(
        rules: &'r Rules,
        report: impl Into<Report>,
        jobs: Option<usize>,
    ) -> Result<Self, SpillError> {
        Ok(Self {
            rules,
            report: report.into(),
            pool: crate::pool(jobs),
            batch_bytes: BATCH_BYTES,
            pending: Vec::new(),
            pending_bytes: 0,
            pending_claims: Vec::new(),
            pending_scan: suppress::Scan::default(),
            waiting: None,
            unextracted_bytes: 0,
            group_ids: HashMap::new(),
            group_ran: Vec::new(),
            split: BTreeSet::new(),
            docs: Vec::new(),
            claims: 0,
            ghosts: Vec::new(),
            batches: Vec::new(),
            documents: Spill::new()?,
            findings: Spill::new()?,
            keys: Vec::new(),
            kept: Vec::new(),
            suppressed: HashMap::new(),
            suppression_warnings: Vec::new(),
            unused: BTreeMap::new(),
            lost: BTreeMap::new(),
            serials: 0,
            page: Page::new()?,
            error: None,
        })
    }

    /// The verdicts of an earlier review, shown on the HTML page's cards (`--verdicts`).
    pub fn with_verdicts(mut self, verdicts: Option<&'r Verdicts>) -> Self {
        self.page.verdicts = verdicts;
        self.page.in_force = verdicts
            .map(|v| {
                v.verdicts
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (v.key(), i))
                    .collect()
            })
            .unwrap_or_default();
        self
    }

    /// Sets the text a batch holds before it runs (at the next change of folder); the report
    /// is the same whatever it is, only memory and time change.
    pub fn with_batch_bytes(mut self, bytes: usize) -> Self {
        self.batch_bytes = bytes;
        self
    }

    fn group_id(&mut self, group: &str) -> u32 {
        if let Some(&id) = self.group_ids.get(group) {
            return id;
        }
        let id = u32::try_from(self.group_ran.len()).unwrap_or(u32::MAX);
        self.group_ids.insert(group.to_string(), id);
        self.group_ran.push(false);
        id
    }

    /// Takes the next document of the corpus.
    pub fn push(&mut self, doc: Document) {
        if self.error.is_some() {
            return;
        }
        let group = self.group_id(&doc.group);
        let last = self
            .pending
            .last()
            .and_then(|d| self.group_ids.get(&d.group).copied());
        if last.is_some_and(|l| l != group) && self.pending_bytes >= self.batch_bytes {
            self.flush();
        }
        if self.group_ran.get(group as usize).copied().unwrap_or(false) {
            self.split.insert(group);
        }
        self.pending_bytes += doc.text.len();
        self.unextracted_bytes += doc.text.len();
        self.pending.push(doc);
        // A folder larger than a batch keeps its claims until it ends, but not its texts.
        if self.unextracted_bytes >= self.batch_bytes
            && let Err(e) = self.extract_pending()
        {
            self.error = Some(e);
        }
    }

    /// Extracts the pending documents not extracted yet, records them, renders their entries
    /// and lets their texts go.
    fn extract_pending(&mut self) -> io::Result<()> {
        let from = self.pending_claims.len();
        self.unextracted_bytes = 0;
        if from >= self.pending.len() {
            return Ok(());
        }
        let mut docs = std::mem::take(&mut self.pending);
        let waiting = self.waiting.take();
        let (compared, per_document) = {
            let this = &*self;
            crate::in_pool(self.pool.as_ref(), || {
                rayon::join(
                    || waiting.map(|w| this.compared(w)),
                    || this.extract_here(&docs[from..], from),
                )
            })
        };
        if let Some(compared) = compared {
            self.write_compared(compared)?;
        }
        let result = self.record(&mut docs[from..], from, &per_document);
        self.pending = docs;
        self.pending_claims.extend(per_document);
        result
    }

    /// Records newly extracted documents (at `from` in the pending batch): suppression
    /// comments, spelling claims, their entries in the report, where to read them again.
    fn record(
        &mut self,
        docs: &mut [Document],
        from: usize,
        per_document: &[Vec<Claim>],
    ) -> io::Result<()> {
        for (k, (doc, claims)) in docs.iter_mut().zip(per_document).enumerate() {
            let group = self.group_id(&doc.group);
            suppress::scan_document(from + k, doc, &mut self.pending_scan);
            let stamp = TextStamp::of(&doc.text);
            doc.release_text();
            for claim in claims
                .iter()
                .filter(|c| c.text.contains('(') || c.noun.is_some())
            {
                if !align::learn_acronyms(std::slice::from_ref(claim)).is_empty() {
                    self.ghosts.push(Claim {
                        subject: None,
                        doc: 0,
                        ..claim.clone()
                    });
                }
            }
            let entry = DocumentEntry {
                path: &doc.path,
                claims: claims.len(),
                title: doc.meta.title.as_deref(),
                date: doc.meta.date.as_deref(),
                source: doc.meta.source.as_deref(),
                url: doc.meta.url.as_deref(),
                decoded_from: doc.decoded_from.as_deref(),
            };
            let mut text = if self.docs.is_empty() {
                String::new()
            } else {
                ",\n".to_string()
            };
            text.push_str(&item(&entry, "    "));
            self.documents.write(text.as_bytes())?;
            self.docs.push(DocRecord {
                origin: doc.origin.clone(),
                stamp,
                group,
                claim_start: self.claims,
            });
            self.claims += claims.len();
        }
        Ok(())
    }

    fn flush(&mut self) {
        if self.pending.is_empty() || self.error.is_some() {
            return;
        }
        if let Err(e) = self.run_batch() {
            self.error = Some(e);
        }
    }

    /// Aligns, compares and renders the pending batch (extracting what is left of it first).
    fn run_batch(&mut self) -> io::Result<()> {
        self.extract_pending()?;
        // Nothing was left to extract when the batch's documents were all extracted already.
        self.finish_waiting()?;
        let batch = std::mem::take(&mut self.pending);
        let per_document = std::mem::take(&mut self.pending_claims);
        let mut scan = std::mem::take(&mut self.pending_scan);
        self.pending_bytes = 0;
        let first_id = self.docs.len() - batch.len();
        let mut groups: Vec<u32> = Vec::new();
        for doc in &batch {
            let group = self.group_id(&doc.group);
            if groups.last() != Some(&group) {
                groups.push(group);
            }
        }
        for &g in &groups {
            if let Some(ran) = self.group_ran.get_mut(g as usize) {
                *ran = true;
            }
        }
        self.suppression_warnings.append(&mut scan.warnings);
        self.batches.push(BatchRecord {
            groups,
            ghosts_seen: self.ghosts.len(),
        });
        let ids: Vec<usize> = (first_id..first_id + batch.len()).collect();
        self.waiting = Some(Waiting {
            batch,
            ids,
            per_document,
            directives: scan.directives,
            ghosts_seen: self.ghosts.len(),
        });
        Ok(())
    }

    /// Compares and writes the batch left waiting, if any.
    fn finish_waiting(&mut self) -> io::Result<()> {
        if let Some(w) = self.waiting.take() {
            let compared = crate::in_pool(self.pool.as_ref(), || self.compared(w));
            self.write_compared(compared)?;
        }
        Ok(())
    }

    /// The claims of `docs`, numbered from `first` (their place in their batch).
    fn extract(&self, docs: &[Document], first: usize) -> Vec<Vec<Claim>> {
        crate::in_pool(self.pool.as_ref(), || self.extract_here(docs, first))
    }

    /// [`Self::extract`] in the current thread pool.
    fn extract_here(&self, docs: &[Document], first: usize) -> Vec<Vec<Claim>> {
        let rules = self.rules;
        docs.par_iter()
            .enumerate()
            .map(|(i, doc)| extract::extract(first + i, doc, rules))
            .collect()
    }

    /// Aligns, compares and renders a batch that is not waiting: a folder run again.
    fn compare_batch(
        &mut self,
        batch: Vec<Document>,
        ids: Vec<usize>,
        per_document: Vec<Vec<Claim>>,
        directives: Vec<suppress::Directive>,
    ) -> io::Result<()> {
        let waiting = Waiting {
            batch,
            ids,
            per_document,
            directives,
            ghosts_seen: self.ghosts.len(),
        };
        let compared = self.compared(waiting);
        self.write_compared(compared)
    }

    /// Aligns and compares the claims of a batch's documents (extracted with their positions
    /// in the batch as document numbers) with the spelling claims it was run with, applies the
    /// suppressions, and renders the findings.
    fn compared(&self, w: Waiting) -> Compared {
        let Waiting {
            batch,
            ids,
            per_document,
            directives,
            ghosts_seen,
        } = w;
        // Corpus-wide index and folder of each local claim.
        let local: usize = per_document.iter().map(Vec::len).sum();
        let mut global = Vec::with_capacity(local);
        let mut folder = Vec::with_capacity(local);
        let mut claims: Vec<Claim> = Vec::with_capacity(local + ghosts_seen);
        for (&id, doc_claims) in ids.iter().zip(per_document) {
            let (start, group) = self
                .docs
                .get(id)
                .map_or((0, u32::MAX), |r| (r.claim_start, r.group));
            global.extend((0..doc_claims.len()).map(|k| start + k));
            folder.extend(std::iter::repeat_n(group, doc_claims.len()));
            claims.extend(doc_claims);
        }
        claims.extend(self.ghosts.iter().take(ghosts_seen).cloned());
        let groups = align::align(&claims, &batch, self.rules, GroupBy::Folder);
        let mut findings = compare::compare(&groups, &claims, &batch, self.rules);
        let group_of = |f: &Finding| -> u32 {
            f.claims
                .first()
                .and_then(|&i| folder.get(i))
                .copied()
                .unwrap_or(u32::MAX)
        };
        let mut before: HashMap<u32, usize> = HashMap::new();
        for f in &findings {
            *before.entry(group_of(f)).or_default() += 1;
        }
        let mut applied = suppress::apply_directives(&directives, &mut findings, &claims, &batch);
        for f in &findings {
            *before.entry(group_of(f)).or_default() -= 1;
        }
        // The HTML page shows the findings suppressions removed too, last, marked.
        let html = self.report == Report::Html;
        let shown_findings = findings.len();
        if html {
            findings.append(&mut applied.hidden);
        }
        let suppressed = before.into_iter().filter(|&(_, n)| n > 0).collect();
        let mut seq: HashMap<usize, usize> = HashMap::new();
        let mut unused = Vec::new();
        for (warning, doc) in applied.warnings.into_iter().zip(applied.unused_in) {
            let Some(&id) = ids.get(doc) else { continue };
            let n = seq.entry(id).or_default();
            unused.push(((id, *n), warning));
            *n += 1;
        }
        // The groups too: a SARIF result's fingerprint keys on its group's subject.
        let mut analysis = Analysis {
            documents: batch,
            claims,
            groups,
            findings,
            ..Analysis::default()
        };
        let lost = if self.report.needs_text() {
            crate::restore_texts_of(&mut analysis)
                .into_iter()
                .filter_map(|(doc, w)| Some((*ids.get(doc)?, w)))
                .collect()
        } else {
            Vec::new()
        };
        let at_end = matches!(self.report, Report::Markdown { .. });
        let page_keys = if html {
            Key::all(&analysis)
        } else {
            Vec::new()
        };
        let mut render = self.renderer(&analysis);
        let mut rendered = Vec::new();
        // For the HTML page: each finding's index in `rendered`.
        let mut position: Vec<Option<usize>> = Vec::new();
        for (i, finding) in analysis.findings.iter().enumerate() {
            let Some(&first) = finding.claims.first().filter(|&&i| i < local) else {
                position.push(None);
                continue;
            };
            position.push(Some(rendered.len()));
            let shown = self.report.shows(finding.kind);
            let text = if let Some(key) = page_keys.get(i) {
                html::key_json(key)
            } else if shown && !at_end {
                render(finding)
            } else {
                String::new()
            };
            let kept = (shown && at_end).then(|| Entry::of(&analysis, finding, false));
            let key = FindingKey {
                kind: finding.kind,
                first: global[first],
                group: group_of(finding),
                offset: 0,
                len: text.len() as u64,
                kept: None,
                serial: 0,
                property: 0,
            };
            rendered.push(Rendered {
                key,
                text,
                kept,
                property: html.then(|| finding.property.clone()),
                suppressed: html && i >= shown_findings,
            });
        }
        drop(render);
        let (sections, earlier) = if html {
            self.page_sections(&analysis, shown_findings, &page_keys, &position)
        } else {
            (Vec::new(), Vec::new())
        };
        Compared {
            suppressed,
            unused,
            rendered,
            lost,
            sections,
            earlier,
        }
    }

    /// The HTML page's story sections of a compared batch (`analysis`, its first
    /// `shown_findings` findings those not suppressed; `keys` theirs), their findings' numbers
    /// marked by index in the batch's rendered findings (`position`), and the verdicts read on
    /// them.
    fn page_sections(
        &self,
        analysis: &Analysis,
        shown_findings: usize,
        keys: &[Key],
        position: &[Option<usize>],
    ) -> (Vec<BatchSection>, Vec<(usize, usize)>) {
        let context = Context {
            suppressed_from: Some(shown_findings),
            ..Context::default()
        };
        let verdict = |k: &Key| -> Option<usize> { self.page.in_force.get(k).copied() };
        let found: Vec<Option<usize>> = keys.iter().map(verdict).collect();
        let earlier: Vec<Option<&Verdict>> = found
            .iter()
            .map(|v| v.and_then(|v| self.page.verdicts.and_then(|all| all.verdicts.get(v))))
            .collect();
        let number = |name: &str| self.group_ids.get(name).map_or(usize::MAX, |&g| g as usize);
        let sections = html::bodies(analysis, &context, &earlier, number)
            .into_iter()
            .map(|body| {
                let group = self.group_ids.get(&body.story).copied().unwrap_or(u32::MAX);
                let marks = body
                    .marks
                    .into_iter()
                    .filter_map(|(at, i)| Some((at, (*position.get(i)?)?)))
                    .collect();
                (group, body.text, marks)
            })
            .collect();
        let earlier = found
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some(((*position.get(i)?)?, (*v)?)))
            .collect();
        (sections, earlier)
    }

    /// What renders one finding of `analysis` (a batch) in the report's format.
    fn renderer<'a>(&self, analysis: &'a Analysis) -> Box<dyn FnMut(&Finding) -> String + 'a> {
        match self.report {
            Report::Json => Box::new(|f| item(&finding_entry(analysis, f, false), "    ")),
            Report::JsonLines => Box::new(|f| line(&finding_entry(analysis, f, false))),
            #[cfg(feature = "cli")]
            Report::Human {
                colour, columns, ..
            } => {
                use crate::report::human;
                let handler = if colour {
                    human::colour_handler()
                } else {
                    human::plain_handler()
                };
                let mut sources = human::Sources::new(analysis, columns);
                Box::new(move |f| {
                    let diagnostic = human::finding_diagnostic(analysis, f, &mut sources);
                    human::render(std::iter::once(&diagnostic as &dyn Diagnostic), &handler)
                })
            }
            Report::Github { .. } => Box::new(|f| {
                let mut out = String::new();
                crate::report::github::push_finding(&mut out, analysis, f);
                out
            }),
            Report::Rdjsonl { .. } => Box::new(|f| {
                let mut out = String::new();
                crate::report::rdjsonl::push_finding(&mut out, analysis, f);
                out
            }),
            Report::Sarif { .. } => Box::new(|f| {
                let mut out = String::new();
                crate::report::sarif::push_result(&mut out, analysis, f);
                out
            }),
            // Rendered at the end, from the findings kept.
            Report::Markdown { .. } => Box::new(|_| String::new()),
            // Rendered in `compared` (the page's sections, the findings' keys).
            Report::Html => Box::new(|_| String::new()),
        }
    }

    /// Writes a compared batch's findings and keeps what suppression said.
    fn write_compared(&mut self, compared: Compared) -> io::Result<()> {
        for (g, n) in compared.suppressed {
            *self.suppressed.entry(g).or_default() += n;
        }
        self.unused.extend(compared.unused);
        self.lost.extend(compared.lost);
        let first_serial = self.serials;
        let serial_of =
            |k: usize| first_serial.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
        for (k, r) in compared.rendered.into_iter().enumerate() {
            let offset = self.findings.write(r.text.as_bytes())?;
            let kept = r.kept.map(|k| {
                self.kept.push(k);
                self.kept.len() - 1
            });
            let property = r.property.map_or(0, |p| self.page.property_id(&p));
            let key = FindingKey {
                offset,
                kept,
                serial: serial_of(k),
                property,
                ..r.key
            };
            if r.suppressed {
                self.page.hidden.push(key);
            } else {
                self.keys.push(key);
            }
            self.serials = serial_of(k + 1);
        }
        for (group, text, marks) in compared.sections {
            let marks: Vec<(usize, u32)> = marks
                .into_iter()
                .map(|(at, k)| (at, serial_of(k)))
                .collect();
            self.page.write_section(group, &text, &marks)?;
        }
        self.page
            .earlier
            .extend(compared.earlier.into_iter().map(|(k, v)| (serial_of(k), v)));
        Ok(())
    }

    /// Runs the last batch, runs again the folders that need it, and puts the findings in the
    /// report's order. `warnings` are those of ingest; `skipped` the files it passed over.
    pub fn finish(
        mut self,
        warnings: Vec<Warning>,
        skipped: usize,
    ) -> Result<Finished, SpillError> {
        self.flush();
        if self.error.is_none()
            && let Err(e) = self.finish_waiting()
        {
            self.error = Some(e);
        }
        if let Some(e) = self.error.take() {
            return Err(SpillError(e));
        }
        let mut warnings = warnings;
        let again = self.to_run_again();
        if !again.is_empty() {
            self.run_again(&again, &mut warnings)?;
        }
        self.keys
            .sort_by(|a, b| a.kind.cmp(&b.kind).then(a.first.cmp(&b.first)));
        warnings.append(&mut self.suppression_warnings);
        warnings.extend(std::mem::take(&mut self.unused).into_values());
        warnings.extend(std::mem::take(&mut self.lost).into_values());
        let mut entries: Vec<Option<Entry>> = std::mem::take(&mut self.kept)
            .into_iter()
            .map(Some)
            .collect();
        let kept: Vec<Entry> = self
            .keys
            .iter()
            .filter_map(|k| entries.get_mut(k.kept?)?.take())
            .collect();
        let page = if self.report == Report::Html {
            let names = self.group_ran.len();
            Some(finish_page(
                self.page,
                &self.keys,
                &self.docs,
                &self.group_ids,
                names,
                self.serials,
            ))
        } else {
            None
        };
        let count = |kind| self.keys.iter().filter(|k| k.kind == kind).count();
        let summary = Summary {
            documents: self.docs.len(),
            claims: self.claims,
            agreements: count(FindingKind::Agreement),
            conflicts: count(FindingKind::Conflict),
            updates: count(FindingKind::Update),
            skipped,
            warnings: warnings.len(),
            known: 0,
            suppressed: self.suppressed.values().sum(),
        };
        Ok(Finished {
            report: self.report,
            summary,
            warnings,
            documents: self.documents,
            findings: self.findings,
            keys: self.keys,
            kept,
            page,
        })
    }
}

/// Counts the page's stories (`stories` of them, named in `group_ids`), numbers its findings
/// (`keys` sorted, then those suppressions removed) and sorts out the verdicts read.
fn finish_page(
    mut page: Page<'_>,
    keys: &[FindingKey],
    docs: &[DocRecord],
    group_ids: &HashMap<String, u32>,
    stories: usize,
    serials: u32,
) -> FinishedPage {
    page.hidden
        .sort_by(|a, b| a.kind.cmp(&b.kind).then(a.first.cmp(&b.first)));
    let mut stories: Vec<html::Story> = vec![html::Story::default(); stories];
    for (name, &g) in group_ids {
        if let Some(story) = stories.get_mut(g as usize) {
            story.name.clone_from(name);
        }
    }
    for record in docs {
        if let Some(story) = stories.get_mut(record.group as usize) {
            story.documents += 1;
        }
    }
    let mut numbers = vec![u32::MAX; serials as usize];
    let mut used: BTreeSet<u32> = BTreeSet::new();
    let all = keys.iter().map(|k| (k, false));
    let hidden = page.hidden.iter().map(|k| (k, true));
    for (n, (key, suppressed)) in all.chain(hidden).enumerate() {
        if let Some(number) = numbers.get_mut(key.serial as usize) {
            *number = u32::try_from(n).unwrap_or(u32::MAX);
        }
        used.insert(key.property);
        let Some(story) = stories.get_mut(key.group as usize) else {
            continue;
        };
        story.findings += 1;
        match key.kind {
            _ if suppressed => story.suppressed += 1,
            FindingKind::Conflict => story.conflicts += 1,
            FindingKind::Update => story.updates += 1,
            FindingKind::Agreement => story.agreements += 1,
        }
    }
    let properties = used
        .into_iter()
        .filter_map(|p| page.properties.get(p as usize).cloned())
        .collect();
    let mut section_at: HashMap<u32, Vec<(u64, u64)>> = HashMap::new();
    for &(group, at, len) in &page.section_at {
        section_at.entry(group).or_default().push((at, len));
    }
    let verdicts = page.verdicts.map_or(&[][..], |v| v.verdicts.as_slice());
    let mut earlier: Vec<(usize, Verdict)> = Vec::new();
    let mut on_page: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for &(serial, v) in &page.earlier {
        let Some(&n) = numbers.get(serial as usize).filter(|&&n| n != u32::MAX) else {
            continue;
        };
        if let Some(verdict) = verdicts.get(v) {
            earlier.push((n as usize, verdict.clone()));
            on_page.insert(v);
        }
    }
    earlier.sort_by_key(|(n, _)| *n);
    let other = verdicts
        .iter()
        .enumerate()
        .filter(|(i, v)| page.in_force.get(&v.key()) == Some(i) && !on_page.contains(i))
        .map(|(_, v)| v.clone())
        .collect();
    FinishedPage {
        outline: html::Outline::new(stories),
        properties,
        sections: page.sections,
        section_at,
        hidden: page.hidden,
        numbers,
        earlier,
        other,
    }
}

impl<'r> Streamer<'r> {
    /// The folders whose batch result may differ from the whole corpus's: split folders, and
    /// those of batches aligned before what the corpus's spelled-out acronyms teach settled.
    fn to_run_again(&self) -> BTreeSet<u32> {
        let mut again = self.split.clone();
        let settled = self.settled_at();
        for batch in &self.batches {
            if batch.ghosts_seen < settled {
                again.extend(batch.groups.iter().copied());
            }
        }
        again
    }

    /// The fewest spelling claims after which what they teach is what all of them teach.
    fn settled_at(&self) -> usize {
        let pairs: Vec<HashMap<String, String>> = self
            .ghosts
            .iter()
            .map(|g| align::learn_acronyms(std::slice::from_ref(g)))
            .collect();
        let mut last: HashMap<&str, &str> = HashMap::new();
        for p in &pairs {
            for (k, v) in p {
                last.insert(k, v);
            }
        }
        let mut running: HashMap<&str, &str> = HashMap::new();
        // Keys whose running value is not their final one (every key, before any claim).
        let mut differ = last.len();
        let mut settled = 0;
        for (n, p) in pairs.iter().enumerate() {
            for (k, v) in p {
                let was = running.get(k.as_str()) == last.get(k.as_str());
                running.insert(k, v);
                let is = running.get(k.as_str()) == last.get(k.as_str());
                match (was, is) {
                    (true, false) => differ += 1,
                    (false, true) => differ -= 1,
                    _ => {}
                }
            }
            if differ > 0 {
                settled = n + 2;
            }
        }
        if !last.is_empty() {
            settled = settled.max(1);
        }
        settled.min(pairs.len())
    }

    /// Runs `groups` again over all their documents, read again from their sources, with every
    /// spelling claim of the corpus, replacing their findings. A folder with a document that
    /// cannot be read again keeps its findings, with a warning.
    fn run_again(
        &mut self,
        groups: &BTreeSet<u32>,
        warnings: &mut Vec<Warning>,
    ) -> Result<(), SpillError> {
        let mut members: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (id, record) in self.docs.iter().enumerate() {
            if groups.contains(&record.group) {
                members.entry(record.group).or_default().push(id);
            }
        }
        let old_keys = self.keys.len();
        let old_hidden = self.page.hidden.len();
        let old_sections = self.page.section_at.len();
        let mut replaced: BTreeSet<u32> = BTreeSet::new();
        let mut batch: Vec<Document> = Vec::new();
        let mut ids: Vec<usize> = Vec::new();
        let mut bytes = 0;
        for (group, doc_ids) in members {
            let mut read: Vec<Document> = Vec::new();
            let mut failed = None;
            for &id in &doc_ids {
                let Some(record) = self.docs.get(id) else {
                    continue;
                };
                match ingest::read_again(&record.origin) {
                    Ok(doc) if TextStamp::of(&doc.text) == record.stamp => read.push(doc),
                    Ok(doc) => {
                        failed = Some((doc.path, ingest::ReadAgainError::Changed));
                        break;
                    }
                    Err(e) => {
                        failed = Some((origin_name(&record.origin), e));
                        break;
                    }
                }
            }
            if let Some((path, e)) = failed {
                warnings.push(Warning {
                    path,
                    message: format!(
                        "{e}; the findings of its folder were compared without the documents or spelled-out acronyms read after it"
                    ),
                });
                continue;
            }
            bytes += read.iter().map(|d| d.text.len()).sum::<usize>();
            batch.extend(read);
            ids.extend(doc_ids);
            replaced.insert(group);
            if bytes >= self.batch_bytes {
                self.rerun_batch(
                    std::mem::take(&mut batch),
                    std::mem::take(&mut ids),
                    &replaced,
                )?;
                bytes = 0;
            }
        }
        self.rerun_batch(batch, ids, &replaced)?;
        let mut n = 0;
        self.keys.retain(|k| {
            n += 1;
            n > old_keys || !replaced.contains(&k.group)
        });
        let mut n = 0;
        self.page.hidden.retain(|k| {
            n += 1;
            n > old_hidden || !replaced.contains(&k.group)
        });
        let mut n = 0;
        self.page.section_at.retain(|&(group, _, _)| {
            n += 1;
            n > old_sections || !replaced.contains(&group)
        });
        Ok(())
    }

    fn rerun_batch(
        &mut self,
        mut batch: Vec<Document>,
        ids: Vec<usize>,
        replaced: &BTreeSet<u32>,
    ) -> Result<(), SpillError> {
        if batch.is_empty() {
            return Ok(());
        }
        let per_document = self.extract(&batch, 0);
        let mut scan = suppress::Scan::default();
        for (i, doc) in batch.iter_mut().enumerate() {
            suppress::scan_document(i, doc, &mut scan);
            doc.release_text();
        }
        // What suppression said about these folders before is said again.
        for &id in &ids {
            if let Some(record) = self.docs.get(id)
                && replaced.contains(&record.group)
            {
                self.suppressed.remove(&record.group);
                let stale: Vec<(usize, usize)> = self
                    .unused
                    .range((id, 0)..(id + 1, 0))
                    .map(|(k, _)| *k)
                    .collect();
                for k in stale {
                    self.unused.remove(&k);
                }
            }
        }
        self.compare_batch(batch, ids, per_document, scan.directives)?;
        Ok(())
    }
}

/// `crosscheck claims` in JSON or JSON Lines, written as the documents are extracted, a batch
/// at a time: nothing but the batch is held. The text is what
/// [`crate::report::json::render_claims`] (with a final line break) or
/// [`crate::report::json_lines::render_claims`] renders for the whole corpus.
pub struct ClaimLister<'r, 'w> {
    rules: &'r Rules,
    output: Output,
    pool: Option<rayon::ThreadPool>,
    out: &'w mut dyn Write,
    pending: Vec<Document>,
    pending_bytes: usize,
    /// Claims written so far.
    written: usize,
    error: Option<io::Error>,
}

impl<'r, 'w> ClaimLister<'r, 'w> {
    /// A listing written to `out`, extracting on `jobs` threads (`None`: rayon's default).
    pub fn new(
        rules: &'r Rules,
        output: Output,
        jobs: Option<usize>,
        out: &'w mut dyn Write,
    ) -> Self {
        Self {
            rules,
            output,
            pool: crate::pool(jobs),
            out,
            pending: Vec::new(),
            pending_bytes: 0,
            written: 0,
            error: None,
        }
    }

    /// Takes the next document of the corpus.
    pub fn push(&mut self, doc: Document) {
        if self.error.is_some() {
            return;
        }
        self.pending_bytes += doc.text.len();
        self.pending.push(doc);
        if self.pending_bytes >= BATCH_BYTES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.pending.is_empty() || self.error.is_some() {
            return;
        }
        let batch = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        let rules = self.rules;
        let per_document: Vec<Vec<Claim>> = crate::in_pool(self.pool.as_ref(), || {
            batch
                .par_iter()
                .enumerate()
                .map(|(i, doc)| extract::extract(i, doc, rules))
                .collect()
        });
        if let Err(e) = self.write_claims(&batch, &per_document) {
            self.error = Some(e);
        }
    }

    fn write_claims(&mut self, batch: &[Document], per_document: &[Vec<Claim>]) -> io::Result<()> {
        for (doc, claims) in batch.iter().zip(per_document) {
            for claim in claims {
                let entry = crate::report::json::ClaimEntry::new(claim, doc);
                let text = match self.output {
                    Output::JsonLines => line(&entry),
                    Output::Json => {
                        let lead = if self.written == 0 {
                            format!("{{\n  \"version\": {VERSION},\n  \"claims\": [\n")
                        } else {
                            ",\n".to_string()
                        };
                        lead + &item(&entry, "    ")
                    }
                };
                self.out.write_all(text.as_bytes())?;
                self.written += 1;
            }
        }
        Ok(())
    }

    /// Extracts and writes what is left, and ends the report.
    pub fn finish(mut self) -> io::Result<()> {
        self.flush();
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        if self.output == Output::Json {
            let tail = if self.written == 0 {
                format!("{{\n  \"version\": {VERSION},\n  \"claims\": []\n}}\n")
            } else {
                "\n  ]\n}\n".to_string()
            };
            self.out.write_all(tail.as_bytes())?;
        }
        self.out.flush()
    }
}

/// The name of a document for a warning, from where it came from.
fn origin_name(origin: &Origin) -> String {
    match origin {
        Origin::Memory => "(in memory)".to_string(),
        Origin::File { shown, .. } => shown.clone(),
        Origin::JsonLine { shown, line, .. } => format!("{shown}: line {line}"),
    }
}

impl Finished {
    /// Whether any finding of `kind`s that `fails` is reported.
    pub fn any(&self, fails: impl Fn(FindingKind) -> bool) -> bool {
        self.keys.iter().any(|k| fails(k.kind))
    }

    /// Writes the report.
    pub fn write(self, out: &mut dyn Write) -> Result<(), WriteError> {
        let spill = |e: io::Error| WriteError::Spill(SpillError(e));
        let Finished {
            report,
            summary,
            warnings,
            documents,
            findings,
            keys,
            kept,
            page,
        } = self;
        if let Some(page) = page {
            return write_page(page, &summary, &warnings, findings, &keys, out);
        }
        if let Report::Markdown { .. } = report {
            let text = crate::report::markdown::render_entries(&kept, &summary, &warnings);
            return out.write_all(text.as_bytes()).map_err(WriteError::Output);
        }
        let mut findings = findings.into_reader().map_err(spill)?;
        match report {
            Report::Json => {}
            Report::Github { .. } => {
                copy_findings(&mut findings, &keys, "", out)?;
                let tail = crate::report::github::tail(&warnings, &summary);
                return out.write_all(tail.as_bytes()).map_err(WriteError::Output);
            }
            Report::Sarif { .. } => {
                use crate::report::sarif;
                // An agreement not shown is an empty entry: there are results when any is not.
                let empty = keys.iter().all(|k| k.len == 0);
                let ends = sarif::Ends::new();
                out.write_all(ends.head(empty).as_bytes())
                    .map_err(WriteError::Output)?;
                copy_findings(&mut findings, &keys, sarif::RESULT_SEPARATOR, out)?;
                return out
                    .write_all(ends.tail(empty).as_bytes())
                    .map_err(WriteError::Output);
            }
            _ => return copy_findings(&mut findings, &keys, "", out),
        }
        let none = documents.written == 0;
        let mut documents = documents.into_reader().map_err(spill)?;
        let head = format!("{{\n  \"version\": {VERSION},\n  \"documents\": ");
        out.write_all(head.as_bytes()).map_err(WriteError::Output)?;
        if none {
            out.write_all(b"[]").map_err(WriteError::Output)?;
        } else {
            out.write_all(b"[\n").map_err(WriteError::Output)?;
            copy(&mut documents, out)?;
            out.write_all(b"\n  ]").map_err(WriteError::Output)?;
        }
        out.write_all(b",\n  \"findings\": ")
            .map_err(WriteError::Output)?;
        if keys.is_empty() {
            out.write_all(b"[]").map_err(WriteError::Output)?;
        } else {
            out.write_all(b"[\n").map_err(WriteError::Output)?;
            copy_findings(&mut findings, &keys, ",\n", out)?;
            out.write_all(b"\n  ]").map_err(WriteError::Output)?;
        }
        let tail = format!(
            ",\n  \"summary\": {},\n  \"warnings\": {}\n}}\n",
            nested(&summary, "  "),
            nested(&warnings, "  ")
        );
        out.write_all(tail.as_bytes()).map_err(WriteError::Output)
    }
}

/// Puts the HTML page together: its head (from the stories counted), the story sections in
/// the page's order read back with their findings' numbers put in, and its end with the
/// findings' keys read back in the page's order.
fn write_page(
    page: FinishedPage,
    summary: &Summary,
    warnings: &[Warning],
    findings: Spill,
    keys: &[FindingKey],
    out: &mut dyn Write,
) -> Result<(), WriteError> {
    let spill = |e: io::Error| WriteError::Spill(SpillError(e));
    let output = |e: io::Error| WriteError::Output(e);
    let FinishedPage {
        outline,
        properties,
        sections,
        section_at,
        hidden,
        numbers,
        earlier,
        other,
    } = page;
    let properties: BTreeSet<&str> = properties.iter().map(String::as_str).collect();
    out.write_all(outline.head(summary, &properties).as_bytes())
        .map_err(output)?;
    let mut sections = sections.into_reader().map_err(spill)?;
    let mut framed = Vec::new();
    let mut text = String::new();
    for s in outline.sections() {
        let Some(at) = u32::try_from(s).ok().and_then(|g| section_at.get(&g)) else {
            continue;
        };
        for &(offset, len) in at {
            text.clear();
            text.push_str(&outline.section_opening(s));
            sections.seek(SeekFrom::Start(offset)).map_err(spill)?;
            framed.clear();
            sections
                .by_ref()
                .take(len)
                .read_to_end(&mut framed)
                .map_err(spill)?;
            unframe(&framed, &numbers, &mut text).map_err(spill)?;
            out.write_all(text.as_bytes()).map_err(output)?;
        }
    }
    let earlier: Vec<(usize, &Verdict)> = earlier.iter().map(|(n, v)| (*n, v)).collect();
    out.write_all(outline.until_keys(warnings, &earlier).as_bytes())
        .map_err(output)?;
    let mut findings = findings.into_reader().map_err(spill)?;
    copy_findings(&mut findings, keys, ",", out)?;
    // Every key is written (none is empty): a comma between the two lists when both are.
    if !keys.is_empty() && !hidden.is_empty() {
        out.write_all(b",").map_err(output)?;
    }
    copy_findings(&mut findings, &hidden, ",", out)?;
    let other: Vec<&Verdict> = other.iter().collect();
    out.write_all(outline.after_keys(&other).as_bytes())
        .map_err(output)
}

/// A section written by [`Page::write_section`], its findings' numbers put in (from their
/// serials), appended to `out`.
fn unframe(framed: &[u8], numbers: &[u32], out: &mut String) -> io::Result<()> {
    let short = || {
        io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "a temporary file is cut short",
        )
    };
    let word = |at: usize| -> io::Result<u32> {
        let bytes = framed.get(at..at + 4).ok_or_else(short)?;
        let mut word = [0u8; 4];
        word.copy_from_slice(bytes);
        Ok(u32::from_le_bytes(word))
    };
    let mut at = 0;
    while at < framed.len() {
        let len = word(at)? as usize;
        let piece = framed.get(at + 4..at + 4 + len).ok_or_else(short)?;
        out.push_str(
            std::str::from_utf8(piece)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?,
        );
        at += 4 + len;
        let serial = word(at)?;
        at += 4;
        if serial != u32::MAX {
            let n = numbers.get(serial as usize).copied().unwrap_or(u32::MAX);
            // A finding not on the page (cannot be: its section would have been replaced).
            let n = if n == u32::MAX { 0 } else { n as usize + 1 };
            let _ = write!(out, "{n}");
        }
    }
    Ok(())
}

/// Writing a streamed report failed: its temporary files, or the output itself.
#[derive(Debug, Error, Diagnostic)]
pub enum WriteError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Spill(SpillError),
    #[error("cannot write the report: {0}")]
    #[diagnostic(code(crosscheck::output))]
    Output(io::Error),
}

fn copy(from: &mut impl Read, out: &mut dyn Write) -> Result<(), WriteError> {
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = from
            .read(&mut buf)
            .map_err(|e| WriteError::Spill(SpillError(e)))?;
        if n == 0 {
            return Ok(());
        }
        out.write_all(&buf[..n]).map_err(WriteError::Output)?;
    }
}

/// Copies the rendered findings in the order of `keys`, `separator` between them (empty
/// entries, the agreements a format does not show, are no entry).
fn copy_findings(
    from: &mut BufReader<File>,
    keys: &[FindingKey],
    separator: &str,
    out: &mut dyn Write,
) -> Result<(), WriteError> {
    let spill = |e: io::Error| WriteError::Spill(SpillError(e));
    // Where the reader is is not known (it may have been read from already): the first key
    // seeks.
    let mut at = u64::MAX;
    let mut buf = Vec::new();
    let mut written = false;
    for key in keys {
        if key.offset != at {
            from.seek(SeekFrom::Start(key.offset)).map_err(spill)?;
        }
        buf.clear();
        from.by_ref()
            .take(key.len)
            .read_to_end(&mut buf)
            .map_err(spill)?;
        if buf.len() as u64 != key.len {
            return Err(spill(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "a temporary file is shorter than written",
            )));
        }
        at = key.offset + key.len;
        if key.len == 0 {
            continue;
        }
        if written {
            out.write_all(separator.as_bytes())
                .map_err(WriteError::Output)?;
        }
        written = true;
        out.write_all(&buf).map_err(WriteError::Output)?;
    }
    Ok(())
}

/// A value as pretty JSON nested at `indent` (its first line not indented).
fn nested(value: &impl Serialize, indent: &str) -> String {
    crate::report::json::to_json(value).replace('\n', &format!("\n{indent}"))
}

/// An element of an array nested at `indent`: as [`nested`], first line indented too.
fn item(value: &impl Serialize, indent: &str) -> String {
    format!("{indent}{}", nested(value, indent))
}

/// A value as one compact JSON line.
fn line(value: &impl Serialize) -> String {
    // String keys only, and serde_json writes non-finite floats as null: cannot fail.
    serde_json::to_string(value).expect("report structs always serialise") + "\n"
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::baseline::Verdicts;
    use crate::ingest::{Selection, read_paths, stream_selected};
    use crate::report::{Context, github, human, json, json_lines, markdown, rdjsonl, sarif};

    fn write(dir: &Path, relative: &str, text: &str) {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create test folder");
        }
        fs::write(path, text).expect("write test file");
    }

    /// The report of the whole analysis in memory, as `check --format F` renders it.
    fn in_memory(paths: &[PathBuf], rules: &Rules, report: Report) -> String {
        in_memory_with(paths, rules, report, None)
    }

    /// [`in_memory`], with the verdicts of an earlier review for the HTML page.
    fn in_memory_with(
        paths: &[PathBuf],
        rules: &Rules,
        report: Report,
        verdicts: Option<&Verdicts>,
    ) -> String {
        let corpus = read_paths(paths);
        let mut analysis = crate::check(corpus.documents, corpus.warnings, rules, GroupBy::Folder);
        let suppress::Outcome {
            suppressed,
            mut hidden,
        } = suppress::apply(&mut analysis);
        let mut context = Context {
            skipped: corpus.skipped,
            suppressed,
            ..Context::default()
        };
        match report {
            Report::Json => json::render(&analysis, &context),
            Report::JsonLines => json_lines::render(&analysis, &context),
            Report::Human {
                colour,
                columns,
                show_agreements,
            } => {
                context.columns = columns;
                context.show_agreements = show_agreements;
                let handler = if colour {
                    human::colour_handler()
                } else {
                    human::plain_handler()
                };
                let diagnostics = human::diagnostics_in(&analysis, &context);
                human::render_findings(&diagnostics, &handler)
                    + &format!("{}\n", context.summary(&analysis))
            }
            Report::Github { show_agreements } => {
                context.show_agreements = show_agreements;
                github::render(&analysis, &context)
            }
            Report::Rdjsonl { show_agreements } => {
                context.show_agreements = show_agreements;
                rdjsonl::render(&analysis, &context)
            }
            Report::Sarif { show_agreements } => {
                context.show_agreements = show_agreements;
                sarif::render(&analysis, &context)
            }
            Report::Markdown { show_agreements } => {
                context.show_agreements = show_agreements;
                markdown::render(&analysis, &context)
            }
            Report::Html => {
                // As the binary does: what comments hid is shown too, after the rest.
                context.suppressed_from = Some(analysis.findings.len());
                analysis.findings.append(&mut hidden);
                html::render_with(&analysis, &context, verdicts)
            }
        }
    }

    /// Every report a streamed run writes, with agreements shown and not.
    fn reports() -> Vec<Report> {
        let mut all = vec![Report::Json, Report::JsonLines, Report::Html];
        for show_agreements in [false, true] {
            all.push(Report::Human {
                colour: show_agreements,
                columns: (!show_agreements).then_some(60),
                show_agreements,
            });
            all.push(Report::Github { show_agreements });
            all.push(Report::Rdjsonl { show_agreements });
            all.push(Report::Sarif { show_agreements });
            all.push(Report::Markdown { show_agreements });
        }
        all
    }

    /// The streamed report with batches of `batch_bytes` (for human output, with the summary
    /// line the binary adds).
    fn streamed(
        paths: &[PathBuf],
        rules: &Rules,
        output: impl Into<Report>,
        batch_bytes: usize,
    ) -> String {
        streamed_with(paths, rules, output, batch_bytes, None)
    }

    /// [`streamed`], with the verdicts of an earlier review for the HTML page.
    fn streamed_with(
        paths: &[PathBuf],
        rules: &Rules,
        output: impl Into<Report>,
        batch_bytes: usize,
        verdicts: Option<&Verdicts>,
    ) -> String {
        let output = output.into();
        let mut streamer = Streamer::new(rules, output, Some(2))
            .expect("temporary files")
            .with_batch_bytes(batch_bytes)
            .with_verdicts(verdicts);
        let corpus = stream_selected(paths, &Selection::default(), &mut |_| {}, &mut |doc| {
            streamer.push(doc)
        });
        let finished = streamer
            .finish(corpus.warnings, corpus.skipped)
            .expect("temporary files");
        let summary = finished.summary;
        let mut out = Vec::new();
        finished.write(&mut out).expect("written");
        if matches!(output, Report::Human { .. }) {
            out.extend(format!("{summary}\n").into_bytes());
        }
        String::from_utf8(out).expect("UTF-8")
    }

    fn same_both_ways(paths: &[PathBuf]) -> String {
        let rules = Rules::builtin().expect("rules");
        for output in reports() {
            let expected = in_memory(paths, &rules, output);
            for batch_bytes in [0, 1, 200, usize::MAX] {
                assert_eq!(
                    streamed(paths, &rules, output, batch_bytes),
                    expected,
                    "{output:?}, batches of {batch_bytes} bytes"
                );
            }
        }
        in_memory(paths, &rules, Report::Json)
    }

    #[test]
    fn an_acronym_spelled_out_in_a_later_folder_applies_to_earlier_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(
            dir.path(),
            "a/x.txt",
            "Ukraine has received four high mobility artillery rocket systems so far.\n",
        );
        write(
            dir.path(),
            "a/y.txt",
            "Ukraine has received six HIMARS so far, officials said.\n",
        );
        write(
            dir.path(),
            "b/z.txt",
            "The Pentagon is sending four more high mobility artillery rocket systems (HIMARS).\n",
        );
        write(dir.path(), "b/w.txt", "Four more HIMARS are on the way.\n");
        let report = same_both_ways(&[dir.path().to_path_buf()]);
        assert!(report.contains("\"conflict\""), "{report}");
    }

    #[test]
    fn folders_that_interleave_in_a_json_lines_file_are_compared_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let lines = [
            r#"{"id": "1", "group": "g1", "text": "The fire killed three people on Monday."}"#,
            r#"{"id": "2", "group": "g2", "text": "The storm injured 12 people."}"#,
            r#"{"id": "3", "group": "g1", "text": "The fire killed four people on Monday."}"#,
            r#"{"id": "4", "group": "g2", "text": "The storm injured 12 people, police said."}"#,
            "not json",
            r#"{"id": "5", "group": "g1", "text": "<!-- crosscheck-ignore -->\nNobody was hurt."}"#,
        ];
        write(dir.path(), "c.jsonl", &(lines.join("\n") + "\n"));
        let report = same_both_ways(&[dir.path().join("c.jsonl")]);
        assert!(report.contains("\"conflict\""), "{report}");
        assert!(report.contains("\"agreement\""), "{report}");
    }

    #[test]
    fn a_markdown_report_cut_to_a_comments_size_streams_as_in_memory() {
        // Enough conflicts that the report is cut, some between three sources (shown first).
        let dir = tempfile::tempdir().expect("temp dir");
        for n in 0..160 {
            let folder = format!("story{n:03}");
            write(
                dir.path(),
                &format!("{folder}/a.txt"),
                &format!("The fire killed {} people on Monday.\n", n + 2),
            );
            write(
                dir.path(),
                &format!("{folder}/b.txt"),
                &format!("The fire killed {} people on Monday, police said.\n", n + 3),
            );
            if n % 7 == 0 {
                write(
                    dir.path(),
                    &format!("{folder}/c.txt"),
                    &format!("Officials said the fire killed {} people.\n", n + 5),
                );
            }
        }
        let rules = Rules::builtin().expect("rules");
        let paths = [dir.path().to_path_buf()];
        let report = Report::Markdown {
            show_agreements: false,
        };
        let expected = in_memory(&paths, &rules, report);
        assert!(expected.contains("Not shown here"), "{expected}");
        for batch_bytes in [0, 200, 5_000, usize::MAX] {
            assert_eq!(
                streamed(&paths, &rules, report, batch_bytes),
                expected,
                "batches of {batch_bytes} bytes"
            );
        }
    }

    #[test]
    fn an_html_page_of_many_stories_streams_as_in_memory() {
        // Stories with conflicts, updates-free agreements and nothing found, a suppressed
        // finding, and files at the top folder: the overview orders them by what they hold,
        // and every finding is numbered across the page.
        let dir = tempfile::tempdir().expect("temp dir");
        for n in 0..40 {
            let folder = format!("desk/story{n:02}");
            let killed = if n % 3 == 0 { n + 3 } else { n + 2 };
            write(
                dir.path(),
                &format!("{folder}/a.txt"),
                &format!(
                    "The flood killed {} people in the valley.
",
                    n + 2
                ),
            );
            write(
                dir.path(),
                &format!("{folder}/b.txt"),
                &format!(
                    "The flood killed {killed} people in the valley, a mayor said.
"
                ),
            );
            if n % 5 == 0 {
                write(
                    dir.path(),
                    &format!("{folder}/c.txt"),
                    &format!(
                        "<!-- crosscheck-ignore -->\nThe flood killed {} people in the valley.\n",
                        n + 9
                    ),
                );
            }
            if n % 4 == 0 {
                write(
                    dir.path(),
                    &format!("{folder}/d.txt"),
                    "Rain is expected to ease by the weekend.\n",
                );
            }
        }
        write(dir.path(), "desk/note.txt", "The desk meets at nine.\n");
        let rules = Rules::builtin().expect("rules");
        let paths = [dir.path().to_path_buf()];
        let expected = in_memory(&paths, &rules, Report::Html);
        assert!(
            expected.contains("class=\"f conflict"),
            "no conflict on the page"
        );
        assert!(
            expected.contains("class=\"f agreement"),
            "no agreement on the page"
        );
        assert!(
            expected.contains("data-kind=\"suppressed\""),
            "no suppressed finding"
        );
        assert!(
            expected.contains("id=\"finding-40\""),
            "findings are numbered page-wide"
        );
        // A verdict on a finding of a later story, and one on no finding of the page.
        let key_of = |page: &str| -> String {
            let data = page
                .split("id=\"cc-data\">")
                .nth(1)
                .and_then(|rest| rest.split("</script>").next())
                .expect("the data element");
            let data: serde_json::Value = serde_json::from_str(data).expect("JSON");
            let key = &data["keys"][7];
            format!(
                "{{\"code\": {}, \"subject\": {}, \"property\": {}, \"values\": {}, \"verdict\": \"real\", \"note\": \"checked\"}}",
                key[0], key[1], key[2], key[3]
            )
        };
        let file = format!(
            "{{\"version\": 1, \"verdicts\": [{}, {{\"code\": \"x\", \"subject\": \"y\", \"property\": \"z\", \"values\": [], \"verdict\": \"real\"}}]}}",
            key_of(&expected)
        );
        let verdicts = Verdicts::parse("v.json", &file).expect("a verdicts file");
        let judged = in_memory_with(&paths, &rules, Report::Html, Some(&verdicts));
        assert_eq!(judged.matches("Earlier verdict").count(), 1, "{judged}");
        assert!(judged.contains("\"other\":[{\"code\":\"x\""), "{judged}");
        for batch_bytes in [0, 60, 300, 5_000, usize::MAX] {
            assert_eq!(
                streamed(&paths, &rules, Report::Html, batch_bytes),
                expected,
                "batches of {batch_bytes} bytes"
            );
            assert_eq!(
                streamed_with(&paths, &rules, Report::Html, batch_bytes, Some(&verdicts)),
                judged,
                "with verdicts, batches of {batch_bytes} bytes"
            );
        }
    }

    #[test]
    fn claims_are_listed_as_in_memory() {
        let rules = Rules::builtin().expect("rules");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let empty = tempfile::tempdir().expect("temp dir");
        for paths in [
            vec![root.join("examples")],
            vec![empty.path().to_path_buf()],
        ] {
            let corpus = read_paths(&paths);
            let claims = crate::extract_all(&corpus.documents, &rules);
            let analysis = Analysis {
                documents: corpus.documents,
                claims,
                ..Analysis::default()
            };
            for output in [Output::Json, Output::JsonLines] {
                let expected = match output {
                    Output::Json => json::render_claims(&analysis) + "\n",
                    Output::JsonLines => json_lines::render_claims(&analysis),
                };
                let mut out = Vec::new();
                let mut lister = ClaimLister::new(&rules, output, Some(2), &mut out);
                stream_selected(&paths, &Selection::default(), &mut |_| {}, &mut |doc| {
                    lister.push(doc)
                });
                lister.finish().expect("written");
                assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
            }
        }
    }

    #[test]
    fn suppressions_and_empty_corpora_stream_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        same_both_ways(&[root.join("tests/fixtures/suppress")]);
        same_both_ways(&[root.join("examples")]);
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "empty.txt", "");
        same_both_ways(&[dir.path().to_path_buf()]);
        same_both_ways(&[dir.path().join("missing")]);
    }
}
