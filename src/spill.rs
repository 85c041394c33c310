//! Claims kept on disk for a `--group-by all` run over a large corpus, compared one subject
//! cluster at a time.
//!
//! Every claim goes to a temporary file as its batch is extracted ([`ClaimFile`], a compact
//! encoding of our own), so memory holds no claim list. Then (ARCHITECTURE.md, "How a run holds
//! memory"): a first pass reads the file in order and gives each claim its slot
//! ([`crate::align::slot_of`], with the acronyms the whole corpus spells out, learned batch by
//! batch while extracting); the merges are computed a bucket at a time from one representative a
//! slot ([`crate::align::merge_map`]); the claims of each cluster are read back, aligned
//! ([`crate::align::align_cluster`]) and compared ([`crate::compare::compare_dated`]) on their
//! own; and the findings are put in the order of the whole run. The analysis keeps only the
//! claims that findings point to, and how many claims each document has.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use rayon::prelude::*;
use thiserror::Error;

use crate::align::{self, Slot, Target};
use crate::model::{
    Aspect, BaseValue, Claim, ClaimGroup, ClaimKind, DateBound, DateValue, Document, Doubt,
    Finding, Interval, Modality, Scope, Span, Subject, Value,
};
use crate::rules::Rules;

/// The environment variable that sets when a `--group-by all` run spills its claims.
pub const ENV: &str = "CROSSCHECK_SPILL_ABOVE";

/// The input size above which a `--group-by all` run spills its claims by default: below it,
/// the claims fit in memory and the in-memory run is faster.
pub const DEFAULT_ABOVE: u64 = 256 << 20;

/// When a run keeps its claims on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// Always in memory.
    Never,
    /// On disk once the input (ingest's total, or what was extracted so far) reaches this many
    /// bytes; `Above(0)` always.
    Above(u64),
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold::Above(DEFAULT_ABOVE)
    }
}

impl Threshold {
    /// Reads a setting: `never` (or `off`), or a size in bytes with an optional suffix `K`, `M`
    /// or `G` (powers of 1024): `0`, `64M`, `2G`.
    pub fn parse(text: &str) -> Result<Self, SpillError> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("never") || t.eq_ignore_ascii_case("off") {
            return Ok(Threshold::Never);
        }
        let (digits, shift) = match t.char_indices().last() {
            Some((i, 'k' | 'K')) => (&t[..i], 10),
            Some((i, 'm' | 'M')) => (&t[..i], 20),
            Some((i, 'g' | 'G')) => (&t[..i], 30),
            _ => (t, 0),
        };
        digits
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_mul(1 << shift))
            .map(Threshold::Above)
            .ok_or_else(|| SpillError::Setting {
                value: text.to_string(),
            })
    }

    /// The setting of [`ENV`], or the default when it is unset or empty.
    pub fn from_env() -> Result<Self, SpillError> {
        match std::env::var(ENV) {
            Ok(v) if !v.trim().is_empty() => Self::parse(&v),
            _ => Ok(Self::default()),
        }
    }

    /// Whether a run over `bytes` of input spills.
    pub fn spills(self, bytes: u64) -> bool {
        matches!(self, Threshold::Above(t) if bytes >= t)
    }
}

/// The claims of a run could not be kept on disk or read back.
#[derive(Debug, Error, Diagnostic)]
pub enum SpillError {
    #[error("cannot make a temporary folder for the claims of a large run in {dir}: {error}")]
    #[diagnostic(
        code(crosscheck::output),
        help(
            "a `--group-by all` run over a large corpus keeps its claims in the temporary folder; set TMPDIR to a folder with space, or {ENV}=never to keep them in memory"
        )
    )]
    Create { dir: String, error: io::Error },
    #[error("cannot write the claims of a large run to {path}: {error}")]
    #[diagnostic(
        code(crosscheck::output),
        help(
            "the temporary folder may be full: set TMPDIR to a folder with space, or {ENV}=never to keep the claims in memory"
        )
    )]
    Write { path: String, error: io::Error },
    #[error("cannot read back the claims of a large run from {path}: {error}")]
    #[diagnostic(code(crosscheck::output))]
    Read { path: String, error: io::Error },
    #[error("{ENV}={value:?} is not a size: give bytes (`0`, `64M`, `2G`) or `never`")]
    #[diagnostic(code(crosscheck::usage))]
    Setting { value: String },
}

/// Claims written to a temporary file in corpus order and read back by index. The folder is
/// removed when the file is dropped, also on an error.
#[derive(Debug)]
pub struct ClaimFile {
    dir: tempfile::TempDir,
    path: PathBuf,
    writer: Option<BufWriter<File>>,
    reader: Option<File>,
    /// Where each claim ends in the file (claim `i` starts where `i - 1` ends).
    ends: Vec<u64>,
    buf: Vec<u8>,
}

impl ClaimFile {
    /// A new file in a new folder inside `parent` (`None`: the system's temporary folder,
    /// `TMPDIR`).
    pub fn create(parent: Option<&Path>) -> Result<Self, SpillError> {
        let parent = parent.map_or_else(std::env::temp_dir, Path::to_path_buf);
        let created = tempfile::Builder::new()
            .prefix("crosscheck-claims-")
            .tempdir_in(&parent)
            .and_then(|dir| {
                let path = dir.path().join("claims.bin");
                File::create(&path).map(|file| (dir, path, file))
            });
        let (dir, path, file) = created.map_err(|error| SpillError::Create {
            dir: parent.display().to_string(),
            error,
        })?;
        Ok(Self {
            dir,
            path,
            writer: Some(BufWriter::with_capacity(1 << 20, file)),
            reader: None,
            ends: Vec::new(),
            buf: Vec::new(),
        })
    }

    /// How many claims the file holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The folder the file is in (removed with the file).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    fn write_error(&self, error: io::Error) -> SpillError {
        SpillError::Write {
            path: self.path.display().to_string(),
            error,
        }
    }

    fn read_error(&self, error: io::Error) -> SpillError {
        SpillError::Read {
            path: self.path.display().to_string(),
            error,
        }
    }

    /// Appends claims (the next in corpus order).
    pub fn push_all<'c>(
        &mut self,
        claims: impl IntoIterator<Item = &'c Claim>,
    ) -> Result<(), SpillError> {
        let Some(writer) = self.writer.as_mut() else {
            return Err(self.write_error(io::Error::other("the file is closed for writing")));
        };
        let mut end = self.ends.last().copied().unwrap_or(0);
        let mut failed = None;
        for claim in claims {
            self.buf.clear();
            encode(claim, &mut self.buf);
            if let Err(e) = writer.write_all(&self.buf) {
                failed = Some(e);
                break;
            }
            end += self.buf.len() as u64;
            self.ends.push(end);
        }
        match failed {
            Some(e) => Err(self.write_error(e)),
            None => Ok(()),
        }
    }

    /// Ends writing: everything is flushed to the file, which is opened for reading.
    pub fn close(&mut self) -> Result<(), SpillError> {
        if let Some(writer) = self.writer.take() {
            let file = writer
                .into_inner()
                .map_err(|e| self.write_error(e.into_error()))?;
            drop(file);
            let reader = File::open(&self.path).map_err(|e| self.read_error(e))?;
            self.reader = Some(reader);
        }
        Ok(())
    }

    fn start_of(&self, i: usize) -> u64 {
        if i == 0 { 0 } else { self.ends[i - 1] }
    }

    /// Claims `range` (consecutive), read in one go. The file must be closed for writing.
    pub fn read_range(&self, range: std::ops::Range<usize>) -> Result<Vec<Claim>, SpillError> {
        if range.is_empty() {
            return Ok(Vec::new());
        }
        let reader = self
            .reader
            .as_ref()
            .ok_or_else(|| self.read_error(io::Error::other("the file is still being written")))?;
        if range.end > self.ends.len() {
            return Err(self.read_error(io::Error::other("a claim past the end of the file")));
        }
        let start = self.start_of(range.start);
        let end = self.ends[range.end - 1];
        let mut bytes = vec![0u8; usize::try_from(end - start).unwrap_or(0)];
        read_exact_at(reader, &mut bytes, start).map_err(|e| self.read_error(e))?;
        let mut out = Vec::with_capacity(range.len());
        let mut at = 0usize;
        for i in range {
            let len = usize::try_from(self.ends[i] - self.start_of(i)).unwrap_or(0);
            let piece = bytes
                .get(at..at + len)
                .ok_or_else(|| self.read_error(corrupt()))?;
            out.push(decode(piece).map_err(|e| self.read_error(e))?);
            at += len;
        }
        Ok(out)
    }

    /// The claims at `indices` (ascending), runs of consecutive claims read in one go.
    pub fn read_many(&self, indices: &[usize]) -> Result<Vec<Claim>, SpillError> {
        let mut out = Vec::with_capacity(indices.len());
        let mut k = 0;
        while k < indices.len() {
            let first = indices[k];
            let mut next = k + 1;
            while next < indices.len() && indices[next] == indices[next - 1] + 1 {
                next += 1;
            }
            out.extend(self.read_range(first..indices[next - 1] + 1)?);
            k = next;
        }
        Ok(out)
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The encoding: every field in order, numbers as LEB128 varints, floats as their bits, strings
// as a length and UTF-8 bytes. Decoding reads exactly what encoding wrote; the claim is
// destructured whole, so that a field added to `Claim` fails to compile here until it is
// encoded.
// ---------------------------------------------------------------------------------------------

fn corrupt() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, "the claims file is damaged")
}

fn put_u(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_usize(out: &mut Vec<u8>, v: usize) {
    put_u(out, v as u64);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_usize(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put_bool(out: &mut Vec<u8>, b: bool) {
    out.push(u8::from(b));
}

fn put_f64(out: &mut Vec<u8>, v: Option<f64>) {
    match v {
        None => out.push(0),
        Some(x) => {
            out.push(1);
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
    }
}

fn put_opt_u(out: &mut Vec<u8>, v: Option<u64>) {
    match v {
        None => out.push(0),
        Some(x) => {
            out.push(1);
            put_u(out, x);
        }
    }
}

fn kind_code(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Quantity => 0,
        ClaimKind::Date => 1,
        ClaimKind::Role => 2,
        ClaimKind::Quote => 3,
        ClaimKind::Place => 4,
    }
}

fn modality_code(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Planned => 1,
        Modality::Hypothetical => 2,
        Modality::Negated => 3,
    }
}

fn scope_code(s: Scope) -> u8 {
    match s {
        Scope::Total => 0,
        Scope::Part => 1,
        Scope::Member => 2,
    }
}

fn aspect_code(a: Aspect) -> u8 {
    match a {
        Aspect::Subject => 0,
        Aspect::Scope => 1,
        Aspect::Time => 2,
        Aspect::Value => 3,
    }
}

fn bound_code(b: Option<DateBound>) -> u8 {
    match b {
        None => 0,
        Some(DateBound::Before) => 1,
        Some(DateBound::After) => 2,
        Some(DateBound::Until) => 3,
        Some(DateBound::Since) => 4,
    }
}

/// Appends the encoding of `claim` to `out`.
pub(crate) fn encode(claim: &Claim, out: &mut Vec<u8>) {
    let Claim {
        doc,
        span,
        text,
        kind,
        subject,
        property,
        increment,
        modality,
        scope,
        doubts,
        value,
        base,
        label,
        noun,
    } = claim;
    put_usize(out, *doc);
    let Span {
        start,
        end,
        line,
        column,
    } = span;
    for v in [start, end, line, column] {
        put_usize(out, *v);
    }
    put_str(out, text);
    out.push(kind_code(*kind));
    match subject {
        None => out.push(0),
        Some(Subject { text, key }) => {
            out.push(1);
            put_str(out, text);
            put_str(out, key);
        }
    }
    put_str(out, property);
    put_bool(out, *increment);
    out.push(modality_code(*modality));
    out.push(scope_code(*scope));
    put_usize(out, doubts.len());
    for Doubt { about, why } in doubts {
        out.push(aspect_code(*about));
        put_str(out, why);
    }
    match value {
        Value::Quantity {
            low,
            high,
            unit,
            approximate,
            band,
        } => {
            out.push(0);
            put_f64(out, *low);
            put_f64(out, *high);
            put_str(out, unit);
            put_bool(out, *approximate);
            match band {
                None => out.push(0),
                Some(Interval { low, high }) => {
                    out.push(1);
                    put_f64(out, *low);
                    put_f64(out, *high);
                }
            }
        }
        Value::Date(DateValue {
            year,
            month,
            day,
            resolved,
            bound,
        }) => {
            out.push(1);
            // Years are zigzag-coded: a year before the common era stays short.
            put_opt_u(
                out,
                year.map(|y| ((i64::from(y) << 1) ^ (i64::from(y) >> 63)) as u64),
            );
            put_opt_u(out, month.map(u64::from));
            put_opt_u(out, day.map(u64::from));
            put_bool(out, *resolved);
            out.push(bound_code(*bound));
        }
        Value::Role { person, title } => {
            out.push(2);
            put_str(out, person);
            put_str(out, title);
        }
        Value::Quote { speaker, quote } => {
            out.push(3);
            put_str(out, speaker);
            put_str(out, quote);
        }
        Value::Place { city, region } => {
            out.push(4);
            put_str(out, city);
            match region {
                None => out.push(0),
                Some(r) => {
                    out.push(1);
                    put_str(out, r);
                }
            }
        }
    }
    match base {
        None => out.push(0),
        Some(BaseValue { low, high, unit }) => {
            out.push(1);
            put_f64(out, *low);
            put_f64(out, *high);
            put_str(out, unit);
        }
    }
    put_str(out, label);
    match noun {
        None => out.push(0),
        Some(n) => {
            out.push(1);
            put_str(out, n);
        }
    }
}

/// Reads what [`encode`] wrote.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> io::Result<u8> {
        let b = *self.bytes.get(self.at).ok_or_else(corrupt)?;
        self.at += 1;
        Ok(b)
    }

    fn u(&mut self) -> io::Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(corrupt())
    }

    fn usize(&mut self) -> io::Result<usize> {
        usize::try_from(self.u()?).map_err(|_| corrupt())
    }

    fn u32(&mut self) -> io::Result<u32> {
        u32::try_from(self.u()?).map_err(|_| corrupt())
    }

    fn str(&mut self) -> io::Result<&str> {
        let len = self.usize()?;
        let end = self.at.checked_add(len).ok_or_else(corrupt)?;
        let bytes = self.bytes.get(self.at..end).ok_or_else(corrupt)?;
        self.at = end;
        std::str::from_utf8(bytes).map_err(|_| corrupt())
    }

    fn string(&mut self) -> io::Result<String> {
        self.str().map(str::to_string)
    }

    fn bool(&mut self) -> io::Result<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(corrupt()),
        }
    }

    /// Whether an optional field is there.
    fn some(&mut self) -> io::Result<bool> {
        self.bool()
    }

    fn f64(&mut self) -> io::Result<Option<f64>> {
        if !self.some()? {
            return Ok(None);
        }
        let end = self.at + 8;
        let bytes: [u8; 8] = self
            .bytes
            .get(self.at..end)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(corrupt)?;
        self.at = end;
        Ok(Some(f64::from_bits(u64::from_le_bytes(bytes))))
    }

    fn opt_u32(&mut self) -> io::Result<Option<u32>> {
        if self.some()? {
            self.u32().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// The claim that [`encode`] wrote into `bytes` (exactly).
pub(crate) fn decode(bytes: &[u8]) -> io::Result<Claim> {
    let mut r = Reader { bytes, at: 0 };
    let doc = r.usize()?;
    let span = Span {
        start: r.usize()?,
        end: r.usize()?,
        line: r.usize()?,
        column: r.usize()?,
    };
    let text = r.string()?;
    let kind = match r.byte()? {
        0 => ClaimKind::Quantity,
        1 => ClaimKind::Date,
        2 => ClaimKind::Role,
        3 => ClaimKind::Quote,
        4 => ClaimKind::Place,
        _ => return Err(corrupt()),
    };
    let subject = if r.some()? {
        Some(Subject {
            text: r.string()?,
            key: r.string()?,
        })
    } else {
        None
    };
    let property = r.string()?;
    let increment = r.bool()?;
    let modality = match r.byte()? {
        0 => Modality::Asserted,
        1 => Modality::Planned,
        2 => Modality::Hypothetical,
        3 => Modality::Negated,
        _ => return Err(corrupt()),
    };
    let scope = match r.byte()? {
        0 => Scope::Total,
        1 => Scope::Part,
        2 => Scope::Member,
        _ => return Err(corrupt()),
    };
    let n = r.usize()?;
    let mut doubts = Vec::with_capacity(n.min(16));
    for _ in 0..n {
        let about = match r.byte()? {
            0 => Aspect::Subject,
            1 => Aspect::Scope,
            2 => Aspect::Time,
            3 => Aspect::Value,
            _ => return Err(corrupt()),
        };
        let why = crate::model::interned_why(r.str()?);
        doubts.push(Doubt { about, why });
    }
    let value = match r.byte()? {
        0 => Value::Quantity {
            low: r.f64()?,
            high: r.f64()?,
            unit: r.string()?,
            approximate: r.bool()?,
            band: if r.some()? {
                Some(Interval {
                    low: r.f64()?,
                    high: r.f64()?,
                })
            } else {
                None
            },
        },
        1 => {
            let year = if r.some()? {
                let z = r.u()?;
                let y = ((z >> 1) as i64) ^ -((z & 1) as i64);
                Some(i32::try_from(y).map_err(|_| corrupt())?)
            } else {
                None
            };
            Value::Date(DateValue {
                year,
                month: r.opt_u32()?,
                day: r.opt_u32()?,
                resolved: r.bool()?,
                bound: match r.byte()? {
                    0 => None,
                    1 => Some(DateBound::Before),
                    2 => Some(DateBound::After),
                    3 => Some(DateBound::Until),
                    4 => Some(DateBound::Since),
                    _ => return Err(corrupt()),
                },
            })
        }
        2 => Value::Role {
            person: r.string()?,
            title: r.string()?,
        },
        3 => Value::Quote {
            speaker: r.string()?,
            quote: r.string()?,
        },
        4 => Value::Place {
            city: r.string()?,
            region: if r.some()? { Some(r.string()?) } else { None },
        },
        _ => return Err(corrupt()),
    };
    let base = if r.some()? {
        Some(BaseValue {
            low: r.f64()?,
            high: r.f64()?,
            unit: r.string()?,
        })
    } else {
        None
    };
    let label = r.string()?;
    let noun = if r.some()? {
        Some(r.str()?.into())
    } else {
        None
    };
    if r.at != bytes.len() {
        return Err(corrupt());
    }
    Ok(Claim {
        doc,
        span,
        text,
        kind,
        subject,
        property,
        increment,
        modality,
        scope,
        doubts,
        value,
        base,
        label,
        noun,
    })
}

// ---------------------------------------------------------------------------------------------
// The run over a claims file: slots, merges a bucket at a time, clusters compared apart.
// ---------------------------------------------------------------------------------------------

/// How many claims a run has, for an analysis that keeps only the claims its findings point to
/// ([`crate::Analysis::claim_count`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimCounts {
    pub total: usize,
    /// How many claims each document has, in the order of the analysis's documents.
    pub per_document: Vec<usize>,
}

/// Claims read from the file a chunk at a time.
const CHUNK: usize = 1 << 15;

/// No slot (alignment passes the claim over), or no cluster.
const NONE: u32 = u32::MAX;

fn id(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

/// What comes out of comparing one cluster: its groups and findings (indices into the corpus's
/// claims) and the claims the findings point to.
struct Compared {
    groups: Vec<ClaimGroup>,
    findings: Vec<Finding>,
    kept: Vec<(usize, Claim)>,
}

/// What [`analyse`] gives: the documents, the claims findings point to, the groups, the
/// findings, and the counts of every claim.
pub(crate) type Analysed = (
    Vec<Document>,
    Vec<Claim>,
    Vec<ClaimGroup>,
    Vec<Finding>,
    ClaimCounts,
);

/// Aligns and compares the claims of `file` as one `--group-by all` group: the analysis that
/// [`crate::check`] gives over the same documents, but holding only the claims that findings
/// point to (renumbered in corpus order; `groups` keep only those too) and the counts of all.
/// `per_document` is how many claims each document has (they are in the file in corpus
/// order); `learned` is what the whole corpus spells out ([`align::learn_acronyms`]).
pub(crate) fn analyse(
    mut file: ClaimFile,
    per_document: Vec<usize>,
    learned: &HashMap<String, String>,
    documents: Vec<Document>,
    rules: &Rules,
) -> Result<Analysed, SpillError> {
    file.close()?;
    let total = file.len();
    // The first claim of each document, to find a claim's document from its index.
    let mut doc_first = Vec::with_capacity(per_document.len());
    let mut at = 0usize;
    for &n in &per_document {
        doc_first.push(at);
        at += n;
    }
    let doc_of = |i: usize| doc_first.partition_point(|&f| f <= i).saturating_sub(1);
    // Documents' folders, by number.
    let mut folder_ids: HashMap<&str, u32> = HashMap::new();
    let folder_of_doc: Vec<u32> = documents
        .iter()
        .map(|d| {
            let next = id(folder_ids.len());
            *folder_ids.entry(d.group.as_str()).or_insert(next)
        })
        .collect();
    let folder_names: Vec<&str> = {
        let mut names = vec![""; folder_ids.len()];
        for (name, &i) in &folder_ids {
            names[i as usize] = name;
        }
        names
    };

    // Pass 1: every claim's slot without its folder (`general`), numbered in corpus order of
    // first appearance; the folder matters only where a report names no incident.
    let mut general_ids: HashMap<Slot, u32> = HashMap::new();
    let mut general_kind: Vec<ClaimKind> = Vec::new();
    let mut general_bucket: Vec<u32> = Vec::new();
    let mut bucket_ids: HashMap<String, u32> = HashMap::new();
    let mut bucket_folderful: Vec<bool> = Vec::new();
    let mut claim_general: Vec<u32> = Vec::with_capacity(total);
    // A bucket whose claims may be keyed as a report's unnamed incident is clustered with
    // every folder apart ([`align::merge_map`] reads folders there only).
    let event = crate::model::EVENT_KEY;
    let learned_event = learned.values().any(|v| v.starts_with(event));
    let mut start = 0;
    while start < total {
        let end = (start + CHUNK).min(total);
        let claims = file.read_range(start..end)?;
        let slots: Vec<Option<Slot>> = claims
            .par_iter()
            .enumerate()
            .map(|(k, claim)| {
                let i = start + k;
                let doc = claim.doc;
                let folder = documents.get(doc).map_or("", |d| d.group.as_str());
                let index = i - doc_first.get(doc).copied().unwrap_or(i);
                align::slot_of(claim, doc, index, folder, rules, learned).map(|s| Slot {
                    folder: String::new(),
                    ..s
                })
            })
            .collect();
        for (claim, slot) in claims.iter().zip(slots) {
            let Some(slot) = slot else {
                claim_general.push(NONE);
                continue;
            };
            if let Some(&g) = general_ids.get(&slot) {
                claim_general.push(g);
                continue;
            }
            let b = match bucket_ids.get(&slot.bucket) {
                Some(&b) => b,
                None => {
                    let b = id(bucket_ids.len());
                    bucket_ids.insert(slot.bucket.clone(), b);
                    bucket_folderful.push(false);
                    b
                }
            };
            if claim.kind != ClaimKind::Quote && (learned_event || slot.key.starts_with(event)) {
                bucket_folderful[b as usize] = true;
            }
            let g = id(general_kind.len());
            general_kind.push(claim.kind);
            general_bucket.push(b);
            general_ids.insert(slot, g);
            claim_general.push(g);
        }
        start = end;
    }
    let mut numbered: Vec<(u32, Slot)> = general_ids.into_iter().map(|(s, g)| (g, s)).collect();
    numbered.sort_unstable_by_key(|(g, _)| *g);
    let generals: Vec<Slot> = numbered.into_iter().map(|(_, s)| s).collect();

    // The representatives of each bucket, in corpus order: one a general slot, or in a bucket
    // where folders matter one a slot and folder.
    let mut reps: Vec<Vec<(u32, u32)>> = vec![Vec::new(); bucket_ids.len()];
    for (g, &b) in general_bucket.iter().enumerate() {
        if !bucket_folderful[b as usize] {
            reps[b as usize].push((id(g), NONE));
        }
    }
    let mut pair_seen: HashMap<(u32, u32), ()> = HashMap::new();
    for (i, &g) in claim_general.iter().enumerate() {
        if g == NONE || !bucket_folderful[general_bucket[g as usize] as usize] {
            continue;
        }
        let folder = folder_of_doc.get(doc_of(i)).copied().unwrap_or(0);
        if pair_seen.insert((g, folder), ()).is_none() {
            reps[general_bucket[g as usize] as usize].push((g, folder));
        }
    }
    drop(pair_seen);

    // The merges, a bucket at a time: each representative's cluster, numbered.
    let mut targets: Vec<Target> = Vec::new();
    let mut general_target: Vec<u32> = vec![NONE; generals.len()];
    let mut pair_target: HashMap<(u32, u32), u32> = HashMap::new();
    for members in &reps {
        if members.is_empty() {
            continue;
        }
        let representatives: Vec<(Slot, Claim)> = members
            .iter()
            .map(|&(g, folder)| {
                let general = &generals[g as usize];
                let slot = Slot {
                    folder: folder_names
                        .get(folder as usize)
                        .map_or_else(String::new, |f| (*f).to_string()),
                    ..general.clone()
                };
                (slot, representative(general, general_kind[g as usize]))
            })
            .collect();
        let map: HashMap<Slot, Target> = align::merge_map(&representatives, rules, learned)
            .into_iter()
            .collect();
        let mut parts: HashMap<usize, u32> = HashMap::new();
        for (&(g, folder), (slot, _)) in members.iter().zip(&representatives) {
            let Some(target) = align::target_of(&map, slot) else {
                continue;
            };
            let t = *parts.entry(target.part).or_insert_with(|| {
                targets.push(target.clone());
                id(targets.len() - 1)
            });
            if folder == NONE {
                general_target[g as usize] = t;
            } else {
                pair_target.insert((g, folder), t);
            }
        }
    }
    drop(reps);
    drop(generals);

    // Every cluster's claims, in corpus order (offsets into one list of claim numbers).
    let claim_target: Vec<u32> = claim_general
        .iter()
        .enumerate()
        .map(|(i, &g)| {
            if g == NONE {
                return NONE;
            }
            if bucket_folderful[general_bucket[g as usize] as usize] {
                let folder = folder_of_doc.get(doc_of(i)).copied().unwrap_or(0);
                pair_target.get(&(g, folder)).copied().unwrap_or(NONE)
            } else {
                general_target[g as usize]
            }
        })
        .collect();
    drop(claim_general);
    drop(pair_target);
    let mut starts = vec![0usize; targets.len() + 1];
    for &t in claim_target.iter().filter(|&&t| t != NONE) {
        starts[t as usize + 1] += 1;
    }
    for t in 0..targets.len() {
        starts[t + 1] += starts[t];
    }
    let mut fill = starts.clone();
    let mut members = vec![0u32; starts[targets.len()]];
    for (i, &t) in claim_target.iter().enumerate().filter(|(_, t)| **t != NONE) {
        members[fill[t as usize]] = id(i);
        fill[t as usize] += 1;
    }
    drop(claim_target);
    drop(fill);

    // The clusters with claims from two documents or more, compared a few at a time.
    let work: Vec<usize> = (0..targets.len())
        .filter(|&t| {
            let m = &members[starts[t]..starts[t + 1]];
            match (m.first(), m.last()) {
                (Some(&a), Some(&b)) => doc_of(a as usize) != doc_of(b as usize),
                _ => false,
            }
        })
        .collect();
    let dated = crate::compare::Dated::of(&documents);
    let (mut groups, mut findings) = (Vec::new(), Vec::new());
    // The claims kept and their numbers, in lists given room once for every claim of the
    // clusters compared (room not used is address space only): a list grown by doubling would
    // hold its old and its new buffer at once.
    let bound: usize = work.iter().map(|&t| starts[t + 1] - starts[t]).sum();
    let mut kept_at: Vec<usize> = Vec::with_capacity(bound);
    let mut claims: Vec<Claim> = Vec::with_capacity(bound);
    let mut next = 0;
    while next < work.len() {
        let mut end = next;
        let mut size = 0;
        while end < work.len() && (end == next || size < CHUNK) {
            size += starts[work[end] + 1] - starts[work[end]];
            end += 1;
        }
        let done: Vec<Result<Compared, SpillError>> = work[next..end]
            .par_iter()
            .map(|&t| {
                let global: Vec<usize> = members[starts[t]..starts[t + 1]]
                    .iter()
                    .map(|&i| i as usize)
                    .collect();
                let claims = file.read_many(&global)?;
                Ok(compare_one(
                    &global,
                    claims,
                    &targets[t],
                    &documents,
                    &dated,
                    rules,
                ))
            })
            .collect();
        for c in done {
            let c = c?;
            groups.extend(c.groups);
            findings.extend(c.findings);
            for (i, claim) in c.kept {
                kept_at.push(i);
                claims.push(claim);
            }
        }
        next = end;
    }
    // The order of the whole run ([`align::align`], [`crate::compare::compare`]).
    groups.sort_by(|a, b| {
        a.claims
            .first()
            .cmp(&b.claims.first())
            .then(a.subject_key.cmp(&b.subject_key))
    });
    findings.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| a.claims.first().cmp(&b.claims.first()))
            .then_with(|| a.subject.cmp(&b.subject))
    });
    // Put in corpus order in place (a claim is in one cluster only, so the numbers are
    // distinct): the claims are moved along the cycles of the sorting permutation, never
    // copied into a second list.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_unstable_by_key(|&k| kept_at[k]);
    permute(&mut claims, &order);
    let index: Vec<usize> = order.iter().map(|&k| kept_at[k]).collect();
    drop(kept_at);
    drop(order);
    let renumber = |i: usize| index.binary_search(&i).ok();
    for f in &mut findings {
        f.claims = f.claims.iter().filter_map(|&i| renumber(i)).collect();
        f.set_aside = std::mem::take(&mut f.set_aside)
            .into_iter()
            .filter_map(|(i, why)| renumber(i).map(|i| (i, why)))
            .collect();
    }
    for g in &mut groups {
        g.claims = g.claims.iter().filter_map(|&i| renumber(i)).collect();
    }
    groups.retain(|g| !g.claims.is_empty());
    let counts = ClaimCounts {
        total,
        per_document,
    };
    Ok((documents, claims, groups, findings, counts))
}

/// Reorders `items` in place so that the item at `p` is the one that was at `order[p]`
/// (`order` a permutation of the positions).
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len().min(order.len()) {
        if done[start] {
            continue;
        }
        let mut at = start;
        loop {
            done[at] = true;
            let from = order[at];
            if from == start || from >= items.len() || done[from] {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The stand-in claim of a slot for [`align::merge_map`], which reads of it only its kind and
/// subject.
fn representative(slot: &Slot, kind: ClaimKind) -> Claim {
    Claim {
        doc: 0,
        span: Span {
            start: 0,
            end: 0,
            line: 0,
            column: 0,
        },
        text: String::new(),
        kind,
        subject: Some(Subject {
            text: slot.text.clone(),
            key: slot.key.clone(),
        }),
        property: String::new(),
        increment: false,
        modality: Modality::Asserted,
        scope: Scope::Total,
        doubts: Vec::new(),
        value: Value::Quantity {
            low: None,
            high: None,
            unit: String::new(),
            approximate: false,
            band: None,
        },
        base: None,
        label: String::new(),
        noun: None,
    }
}

/// Aligns and compares one cluster (`claims`, corpus numbers `global`), the findings' and
/// groups' indices made the corpus's, and the claims the findings point to kept.
fn compare_one(
    global: &[usize],
    claims: Vec<Claim>,
    target: &Target,
    documents: &[Document],
    dated: &crate::compare::Dated,
    rules: &Rules,
) -> Compared {
    let groups = align::align_cluster(&claims, target);
    let mut findings = crate::compare::compare_dated(&groups, &claims, documents, dated, rules);
    let mut wanted = vec![false; claims.len()];
    let to_global = |i: usize| global.get(i).copied().unwrap_or(usize::MAX);
    for f in &mut findings {
        for &i in f.claims.iter().chain(f.set_aside.iter().map(|(i, _)| i)) {
            if let Some(w) = wanted.get_mut(i) {
                *w = true;
            }
        }
        f.claims = f.claims.iter().map(|&i| to_global(i)).collect();
        for (i, _) in &mut f.set_aside {
            *i = to_global(*i);
        }
    }
    let groups = groups
        .into_iter()
        .map(|mut g| {
            g.claims = g.claims.iter().map(|&i| to_global(i)).collect();
            g
        })
        .collect();
    let kept = claims
        .into_iter()
        .zip(wanted)
        .enumerate()
        .filter(|(_, (_, w))| *w)
        .map(|(i, (c, _))| (to_global(i), c))
        .collect();
    Compared {
        groups,
        findings,
        kept,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extractor, GroupBy};

    fn rules() -> Rules {
        Rules::builtin().expect("rules")
    }

    /// Every claim that the examples give, and claims with the rare fields set.
    fn claims() -> Vec<Claim> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = crate::ingest::read_paths(&[root.join("examples")]);
        let mut claims = crate::extract_all(&corpus.documents, &rules());
        assert!(claims.len() > 50, "{}", claims.len());
        let mut odd = claims[0].clone();
        odd.doc = usize::MAX >> 1;
        odd.text = "¾ of the “units”".into();
        odd.doubts = vec![Doubt::new(Aspect::Time, "a reason written for this test")];
        odd.value = Value::Quantity {
            low: Some(-0.0),
            high: Some(f64::INFINITY),
            unit: "km".into(),
            approximate: true,
            band: Some(Interval {
                low: Some(1e-300),
                high: None,
            }),
        };
        odd.base = Some(BaseValue {
            low: Some(0.1 + 0.2),
            high: None,
            unit: "m".into(),
        });
        odd.noun = Some(" tidal river acoustic monitors (TRAM)".into());
        claims.push(odd.clone());
        odd.value = Value::Date(DateValue {
            year: Some(-44),
            month: Some(3),
            day: None,
            resolved: true,
            bound: Some(DateBound::Since),
        });
        odd.subject = None;
        claims.push(odd.clone());
        odd.value = Value::Place {
            city: "Alturas".into(),
            region: Some("California".into()),
        };
        odd.modality = Modality::Hypothetical;
        odd.scope = Scope::Member;
        claims.push(odd);
        claims
    }

    #[test]
    fn claims_read_back_are_the_claims_written_field_for_field() {
        let claims = claims();
        let mut file = ClaimFile::create(None).expect("a temporary folder");
        let dir = file.dir().to_path_buf();
        file.push_all(&claims[..10]).expect("written");
        file.push_all(&claims[10..]).expect("written");
        file.close().expect("closed");
        assert_eq!(file.len(), claims.len());
        let back = file.read_range(0..claims.len()).expect("read back");
        // Debug tells -0.0 from 0.0, which equality does not.
        assert_eq!(format!("{back:?}"), format!("{claims:?}"));
        let picked = file
            .read_many(&[0, 1, 2, 7, claims.len() - 1])
            .expect("read");
        assert_eq!(picked[3], claims[7]);
        assert_eq!(picked[4], claims[claims.len() - 1]);
        assert!(file.read_range(0..claims.len() + 1).is_err());
        drop(file);
        assert!(!dir.exists(), "the folder goes with the file");
    }

    #[test]
    fn a_damaged_claim_is_an_error_never_a_panic() {
        for claim in claims().iter().rev().take(4) {
            let mut bytes = Vec::new();
            encode(claim, &mut bytes);
            for cut in 0..bytes.len() {
                assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
            }
            let mut longer = bytes.clone();
            longer.push(0);
            assert!(decode(&longer).is_err());
            for i in 0..bytes.len() {
                let mut flipped = bytes.clone();
                flipped[i] ^= 0xff;
                let _ = decode(&flipped);
            }
        }
    }

    #[test]
    fn a_permutation_is_applied_in_place() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        let order = [3, 0, 4, 1, 5, 2];
        permute(&mut items, &order);
        assert_eq!(items, vec!['d', 'a', 'e', 'b', 'f', 'c']);
        let mut items: Vec<usize> = (0..50).collect();
        let order: Vec<usize> = (0..50).map(|i| (i * 7) % 50).collect();
        permute(&mut items, &order);
        assert_eq!(items, order);
    }

    #[test]
    fn the_setting_reads_sizes_and_never() {
        assert_eq!(Threshold::parse("never").ok(), Some(Threshold::Never));
        assert_eq!(Threshold::parse(" OFF ").ok(), Some(Threshold::Never));
        assert_eq!(Threshold::parse("0").ok(), Some(Threshold::Above(0)));
        assert_eq!(
            Threshold::parse("64M").ok(),
            Some(Threshold::Above(64 << 20))
        );
        assert_eq!(Threshold::parse("2g").ok(), Some(Threshold::Above(2 << 30)));
        assert_eq!(
            Threshold::parse("10k").ok(),
            Some(Threshold::Above(10 << 10))
        );
        for bad in ["", "lots", "-1", "1.5G", "99999999999999999999G", "M"] {
            assert!(Threshold::parse(bad).is_err(), "{bad}");
        }
        assert!(Threshold::Above(10).spills(10));
        assert!(!Threshold::Above(10).spills(9));
        assert!(!Threshold::Never.spills(u64::MAX));
    }

    /// Reports in several folders and clusters, written to `dir`.
    fn write_corpus(dir: &Path) {
        let files = [
            (
                "aid/a.txt",
                "Water Minister Lorna J Keane III said the agency sent four more mobile water \
                 purification units. \"We will send the units as soon as we can,\" Keane said.",
            ),
            (
                "aid/b.txt",
                "Water Minister Lorna Keane said the agency sent six more MWPUs. \"We will send \
                 the units as soon as we possibly can,\" Keane said.",
            ),
            (
                "port/c.txt",
                "Two more mobile water purification units (MWPUs) were unloaded at the port.",
            ),
            (
                "fire/d.txt",
                "Two people were killed in the warehouse fire on Monday. 14 were injured.",
            ),
            (
                "fire/e.txt",
                "Three people were killed on Monday, police said.",
            ),
            (
                "fire2/f.txt",
                "The warehouse fire on Monday killed three people and injured 14.",
            ),
        ];
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
    }

    fn run(paths: &[std::path::PathBuf], spill: Threshold, dir: &Path) -> crate::Analysis {
        let rules = rules();
        let mut extractor = Extractor::new(&rules, Some(2))
            .with_spill(spill)
            .with_spill_dir(dir);
        let corpus = crate::ingest::stream_selected(
            paths,
            &crate::ingest::Selection::default(),
            &mut |_| {},
            &mut |doc| extractor.push(doc),
        );
        let mut analysis = extractor
            .check(corpus.warnings, GroupBy::All)
            .expect("the claims are kept and read back");
        crate::suppress::apply(&mut analysis);
        analysis
    }

    #[test]
    fn clusters_compared_from_disk_give_the_findings_of_the_run_in_memory() {
        use crate::report::{Context, json, json_lines, markdown};
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let tmp = tempfile::tempdir().expect("tempdir");
        write_corpus(tmp.path());
        let spill_dir = tempfile::tempdir().expect("tempdir");
        let mut corpora = vec![vec![tmp.path().to_path_buf()], vec![root.join("examples")]];
        let seeds = root.join("../shared/corpus/seeds");
        if seeds.is_dir() {
            corpora.push(vec![seeds, root.join("examples")]);
        }
        for paths in corpora {
            let memory = run(&paths, Threshold::Never, spill_dir.path());
            let disk = run(&paths, Threshold::Above(0), spill_dir.path());
            assert!(memory.counted.is_none());
            let counted = disk.counted.clone().expect("the claims went to disk");
            assert_eq!(counted.total, memory.claims.len(), "{paths:?}");
            assert_eq!(disk.claims_per_document(), memory.claims_per_document());
            assert!(
                disk.claims.len() < memory.claims.len(),
                "only what findings need"
            );
            assert!(
                memory.findings.len() >= 3,
                "{paths:?}: {:#?}",
                memory.findings
            );
            let context = Context::default();
            for render in [json::render, json_lines::render, markdown::render] {
                assert_eq!(
                    render(&disk, &context),
                    render(&memory, &context),
                    "{paths:?}"
                );
            }
            // The findings' claims and the groups that hold them, whatever they are numbered.
            let claims_of = |a: &crate::Analysis, f: &Finding| -> Vec<Claim> {
                f.claims.iter().map(|&i| a.claims[i].clone()).collect()
            };
            for (d, m) in disk.findings.iter().zip(&memory.findings) {
                assert_eq!(claims_of(&disk, d), claims_of(&memory, m));
                assert_eq!(d.message, m.message);
            }
            let keys = |a: &crate::Analysis| -> Vec<(String, String)> {
                a.groups
                    .iter()
                    .filter(|g| !g.claims.is_empty())
                    .map(|g| (g.subject_key.clone(), a.claims[g.claims[0]].text.clone()))
                    .collect()
            };
            let memory_keys: Vec<_> = keys(&memory);
            for key in keys(&disk) {
                assert!(memory_keys.contains(&key), "{key:?}");
            }
            assert_eq!(
                crate::baseline::Key::all(&disk),
                crate::baseline::Key::all(&memory),
                "{paths:?}"
            );
        }
        assert_eq!(
            std::fs::read_dir(spill_dir.path())
                .map(Iterator::count)
                .ok(),
            Some(0),
            "every temporary folder is removed"
        );
    }

    #[test]
    fn a_temporary_folder_that_cannot_be_made_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write_corpus(tmp.path());
        let missing = tmp.path().join("missing");
        let rules = rules();
        let mut extractor = Extractor::new(&rules, Some(1))
            .with_spill(Threshold::Above(0))
            .with_spill_dir(&missing);
        crate::ingest::stream_selected(
            &[tmp.path().to_path_buf()],
            &crate::ingest::Selection::default(),
            &mut |_| {},
            &mut |doc| extractor.push(doc),
        );
        let error = extractor
            .check(Vec::new(), GroupBy::All)
            .expect_err("no folder, no run");
        assert!(matches!(error, SpillError::Create { .. }), "{error:?}");
        let message = error.to_string();
        assert!(message.contains("missing"), "{message}");
        assert!(
            message.starts_with("cannot make a temporary folder"),
            "{message}"
        );
    }
}
