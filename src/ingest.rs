//! Ingest: turns the paths a user gives into [`Document`]s. The only module that reads files.
//!
//! Folders are walked recursively in sorted order (so runs are deterministic) with the `ignore`
//! crate, skipping hidden entries, what `.gitignore` and `.ignore` files list, and anything
//! already visited through a symbolic link. `.txt`, `.md` and `.markdown` files in folders are
//! read (or what a [`Selection`]'s include globs say, less its exclude globs); a file named
//! explicitly is read whatever its extension, and excluded only with `force_exclude`.
//!
//! Nothing here stops the run: a missing or unreadable input is an [`IngestError`] and a file
//! read with trouble (not UTF-8, empty, binary, huge, unclosed front matter) is a [`Warning`];
//! every other input is still read.
//!
//! Policies:
//! - Text that is valid UTF-8 is kept exactly as stored, byte-order mark and front matter
//!   included, so offsets are offsets into the file.
//! - A file starting with a UTF-16 byte-order mark is decoded from UTF-16; any other file that
//!   is not UTF-8 is decoded as windows-1252 (which maps every byte). Both carry a warning and
//!   `decoded_from`; offsets then refer to the decoded text.
//! - A NUL byte in the first 8 KiB (and no UTF-16 byte-order mark) marks a binary file: it is
//!   skipped with a warning.
//! - A document larger than the selection's `max_document_size` (by default
//!   [`DEFAULT_MAX_DOCUMENT_SIZE`], 64 MiB, far more than any article) is skipped with a
//!   warning naming it, and never read whole: a file by its size (and reads stop at the limit if
//!   it grows), a JSON Lines line as it is read. A JSON Lines file is a corpus, not a document:
//!   the limit is per line.
//! - Only regular files are read: a named pipe, a device or a socket, named or found in a
//!   folder, is skipped with a warning and never opened (opening a pipe blocks until someone
//!   writes to it; a device like `/dev/zero` never ends).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use miette::Diagnostic;
use thiserror::Error;

use crate::model::{Document, Metadata, Origin, Warning};

/// The largest document read by default (a file, or a line of a JSON Lines file): 64 MiB.
pub const DEFAULT_MAX_DOCUMENT_SIZE: u64 = 64 * 1024 * 1024;

/// How much of the start of a file is searched for NUL bytes to tell binary files.
const BINARY_SNIFF: usize = 8 * 1024;

/// Extensions read when found in a folder, compared case-insensitively.
const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "jsonl"];

/// An input that could not be read at all.
#[derive(Debug, Error, Diagnostic)]
pub enum IngestError {
    #[error("{path}: no such file or folder")]
    #[diagnostic(
        code(crosscheck::input::missing),
        help("check the path; relative paths start from the current folder")
    )]
    Missing { path: String },

    #[error("{path}: cannot read file: {message}")]
    #[diagnostic(
        code(crosscheck::input::unreadable),
        help(
            "check that the file exists and that you may read it; the rest of the corpus was still checked"
        )
    )]
    Unreadable { path: String, message: String },

    #[error("{path}: cannot read folder: {message}")]
    #[diagnostic(
        code(crosscheck::input::unreadable_folder),
        help("check that you may list this folder; the rest of the corpus was still checked")
    )]
    UnreadableFolder { path: String, message: String },

    #[error("{path}:{line}:{column}: {message}")]
    #[diagnostic(
        code(crosscheck::input::bad_json_line),
        help(
            "each line of a JSON Lines corpus is one JSON object with a \"text\" string (and optional id, title, date, source, url, group); the other lines were still checked"
        )
    )]
    BadJsonLine {
        path: String,
        line: usize,
        /// 1-based, in characters of the line.
        column: usize,
        message: String,
    },
}

impl IngestError {
    /// The path as the user gave it (joined with the walked part).
    pub fn path(&self) -> &str {
        match self {
            IngestError::Missing { path }
            | IngestError::Unreadable { path, .. }
            | IngestError::UnreadableFolder { path, .. }
            | IngestError::BadJsonLine { path, .. } => path,
        }
    }
}

/// What reading the inputs produced.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<IngestError>,
    /// Files found in folders but not read because of their extension (or the include globs).
    /// Hidden files are ignored without being counted.
    pub skipped: usize,
}

/// Which files are read: include and exclude globs, and whether ignore files count.
///
/// A glob without `/` matches a file or folder name anywhere (`drafts`, `*.bak`); a glob with
/// `/` matches the path as shown (`corpus/drafts/*.md`) or the path inside the folder given
/// (`drafts/**`); `*` does not cross `/`, `**` does. An excluded folder is not entered.
#[derive(Debug, Clone)]
pub struct Selection {
    include: Option<Globs>,
    exclude: Option<Globs>,
    /// Apply `exclude` to files and folders given explicitly too.
    pub force_exclude: bool,
    /// Skip what `.gitignore`, `.ignore` and `.git/info/exclude` files list (even outside a
    /// Git repository).
    pub respect_ignore_files: bool,
    /// Documents larger than this many bytes are skipped with a warning.
    pub max_document_size: u64,
    /// Where reading reports how far it is, for a progress line.
    pub meter: Option<Arc<ReadMeter>>,
}

/// How far reading is, in bytes: `total` is known once the inputs are listed (before the first
/// document), `read` grows as files and JSON Lines lines are read. Shared with the thread that
/// shows progress.
#[derive(Debug, Default)]
pub struct ReadMeter {
    read: std::sync::atomic::AtomicU64,
    total: std::sync::atomic::AtomicU64,
}

impl ReadMeter {
    /// Bytes read so far and bytes to read in all.
    pub fn get(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.read.load(Relaxed), self.total.load(Relaxed))
    }

    fn add_read(&self, bytes: u64) {
        self.read
            .fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
    }

    fn add_total(&self, bytes: u64) {
        self.total
            .fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Default for Selection {
    fn default() -> Self {
        Self {
            include: None,
            exclude: None,
            force_exclude: false,
            respect_ignore_files: true,
            max_document_size: DEFAULT_MAX_DOCUMENT_SIZE,
            meter: None,
        }
    }
}

/// Compiled globs, split by what they match against.
#[derive(Debug, Clone)]
struct Globs {
    /// Globs without `/`: matched against each name.
    names: globset::GlobSet,
    /// Globs with `/`: matched against whole paths.
    paths: globset::GlobSet,
}

impl Globs {
    fn new(patterns: &[String]) -> Result<Option<Globs>, SelectionError> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let mut names = globset::GlobSetBuilder::new();
        let mut paths = globset::GlobSetBuilder::new();
        for pattern in patterns {
            let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
            let glob = globset::GlobBuilder::new(trimmed)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| SelectionError {
                    glob: pattern.clone(),
                    message: e.kind().to_string(),
                })?;
            if trimmed.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let build = |b: globset::GlobSetBuilder| {
            b.build().map_err(|e| SelectionError {
                glob: patterns.join(", "),
                message: e.to_string(),
            })
        };
        Ok(Some(Globs {
            names: build(names)?,
            paths: build(paths)?,
        }))
    }

    /// Whether the entry named `name`, shown as `shown` and at `inside` within the folder
    /// given, matches.
    fn matches(&self, name: &str, shown: &str, inside: &str) -> bool {
        let shown = shown.trim_start_matches("./");
        self.names.is_match(name) || self.paths.is_match(shown) || self.paths.is_match(inside)
    }

    /// Whether any component of a path given explicitly matches.
    fn matches_given(&self, shown: &str) -> bool {
        let trimmed = shown.trim_start_matches("./").trim_end_matches('/');
        trimmed
            .split('/')
            .any(|part| !part.is_empty() && self.names.is_match(part))
            || self.paths.is_match(trimmed)
    }
}

/// A glob that does not parse.
#[derive(Debug, Error, Diagnostic)]
#[error("invalid glob `{glob}`: {message}")]
#[diagnostic(
    code(crosscheck::config::invalid),
    help("globs use `*`, `?`, `[abc]`, `{{a,b}}` and `**` (across folders)")
)]
pub struct SelectionError {
    pub glob: String,
    pub message: String,
}

impl Selection {
    /// A selection from globs; `include` empty means the text extensions.
    pub fn new(
        include: &[String],
        exclude: &[String],
        force_exclude: bool,
        respect_ignore_files: bool,
    ) -> Result<Selection, SelectionError> {
        Ok(Selection {
            include: Globs::new(include)?,
            exclude: Globs::new(exclude)?,
            force_exclude,
            respect_ignore_files,
            max_document_size: DEFAULT_MAX_DOCUMENT_SIZE,
            meter: None,
        })
    }

    /// The same selection, reporting how far reading is to `meter`.
    pub fn with_meter(mut self, meter: Arc<ReadMeter>) -> Selection {
        self.meter = Some(meter);
        self
    }

    fn metered(&self, read: u64) {
        if let Some(m) = &self.meter {
            m.add_read(read);
        }
    }

    /// The same selection with another limit on the size of a document.
    pub fn with_max_document_size(mut self, bytes: u64) -> Selection {
        self.max_document_size = bytes;
        self
    }

    fn excluded(&self, name: &str, shown: &str, inside: &str) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|g| g.matches(name, shown, inside))
    }

    fn included(&self, path: &Path, name: &str, shown: &str, inside: &str) -> bool {
        match &self.include {
            Some(globs) => globs.matches(name, shown, inside),
            None => has_text_extension(path),
        }
    }
}

/// Reads files and folders (recursively). Never fails as a whole: each problem is recorded.
pub fn read_paths(paths: &[PathBuf]) -> Corpus {
    read_selected(paths, &Selection::default(), &mut |_| {})
}

/// Reads files and folders with a [`Selection`], calling `progress` with the number of
/// documents read so far after each one.
pub fn read_selected(
    paths: &[PathBuf],
    selection: &Selection,
    progress: &mut dyn FnMut(usize),
) -> Corpus {
    let mut documents = Vec::new();
    let mut corpus = stream_selected(paths, selection, progress, &mut |doc| documents.push(doc));
    corpus.documents = documents;
    corpus
}

/// [`stream_selected`] with the reading (walking, decoding, parsing JSON Lines) on a thread of
/// its own, ahead of `sink`, so that reading overlaps with what `sink` does (extraction waits
/// for no file). Documents cross in bundles of about [`AHEAD_BUNDLE`] bytes of text, at most
/// [`AHEAD_BUNDLES`] of them in flight, so memory stays bounded. `sink` and `progress` are
/// called on the calling thread, in the order [`stream_selected`] calls them, and the corpus
/// returned is the same.
pub fn stream_selected_ahead(
    paths: &[PathBuf],
    selection: &Selection,
    progress: &mut dyn FnMut(usize),
    sink: &mut dyn FnMut(Document),
) -> Corpus {
    // (documents, documents read so far)
    let (tx, rx) = std::sync::mpsc::sync_channel::<(Vec<Document>, usize)>(AHEAD_BUNDLES);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut bundle = Vec::new();
            let mut bytes = 0;
            let read = std::cell::Cell::new(0);
            // A send fails only when the receiver is gone, which it is not before the end.
            let corpus = stream_selected(paths, selection, &mut |n| read.set(n), &mut |doc| {
                bytes += doc.text.len();
                bundle.push(doc);
                if bytes >= AHEAD_BUNDLE {
                    let _ = tx.send((std::mem::take(&mut bundle), read.get()));
                    bytes = 0;
                }
            });
            let _ = tx.send((bundle, read.get()));
            corpus
        });
        let mut shown = 0;
        for (documents, read) in rx {
            for doc in documents {
                sink(doc);
            }
            if read > shown {
                shown = read;
                progress(read);
            }
        }
        match reader.join() {
            Ok(corpus) => corpus,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Text in one bundle of documents read ahead ([`stream_selected_ahead`]).
pub const AHEAD_BUNDLE: usize = 1 << 20;
/// Bundles in flight between the reading thread and the caller.
pub const AHEAD_BUNDLES: usize = 4;

/// Reads files and folders with a [`Selection`] and hands each document to `sink` as soon as
/// it is read, in the order [`read_selected`] would list them; the corpus returned holds the
/// warnings, errors and skipped count but no documents. Only a window of files is held at a
/// time, and a JSON Lines file is read line by line, so memory does not grow with the corpus.
pub fn stream_selected(
    paths: &[PathBuf],
    selection: &Selection,
    progress: &mut dyn FnMut(usize),
    sink: &mut dyn FnMut(Document),
) -> Corpus {
    // First a walk that only lists the files to read, then the walk that builds the corpus in
    // order, reading ahead a window of the listed files in parallel (the cost of many small
    // files is mostly waiting on the disk): the result is the same as one sequential walk.
    let mut noop = |_: usize| {};
    let mut drop_all = |_: Document| {};
    let mut lister = Reader {
        selection,
        progress: &mut noop,
        sink: &mut drop_all,
        read_count: 0,
        corpus: Corpus::default(),
        visited: Arc::new(Mutex::new(HashSet::new())),
        read: HashSet::new(),
        listed: Some(Vec::new()),
        ahead: ReadAhead::default(),
        ids: HashMap::new(),
    };
    for path in paths {
        lister.read_given(path);
    }
    let listed = lister.listed.take().unwrap_or_default();
    let mut reader = Reader {
        selection,
        progress,
        sink,
        read_count: 0,
        corpus: Corpus::default(),
        visited: Arc::new(Mutex::new(HashSet::new())),
        read: HashSet::new(),
        listed: None,
        ids: HashMap::new(),
        ahead: ReadAhead {
            listed,
            limit: selection.max_document_size,
            ..ReadAhead::default()
        },
    };
    for path in paths {
        reader.read_given(path);
    }
    reader.corpus
}

/// How many listed files are read ahead of the walk at a time.
const READ_AHEAD: usize = 256;

/// Files read ahead of the walk, a window at a time, in the order they were listed.
#[derive(Default)]
struct ReadAhead {
    /// Files larger than this are not read whole: [`read_bounded`].
    limit: u64,
    listed: Vec<PathBuf>,
    /// The next listed file not yet read ahead.
    next: usize,
    window: HashMap<PathBuf, io::Result<Bounded>>,
}

impl ReadAhead {
    /// The bytes of `path`: from the window, which is refilled with the next listed files
    /// when it is empty (the walk reaches files in the order they were listed), or read now.
    fn take(&mut self, path: &Path) -> io::Result<Bounded> {
        let limit = self.limit;
        if self.window.is_empty() && self.next < self.listed.len() {
            let end = (self.next + READ_AHEAD).min(self.listed.len());
            let read: Vec<(PathBuf, io::Result<Bounded>)> = self.listed[self.next..end]
                .par_iter()
                .map(|p| (p.clone(), read_bounded(p, limit)))
                .collect();
            self.window.extend(read);
            self.next = end;
        }
        self.window
            .remove(path)
            .unwrap_or_else(|| read_bounded(path, limit))
    }
}

/// The bytes of a file, or how far past the limit it went.
enum Bounded {
    Read(Vec<u8>),
    /// The file had more bytes than the limit.
    TooLarge,
}

/// Reads a regular file, but never more than `limit` bytes and one: a file that grew past its
/// size since it was listed is cut off, not read to the end.
fn read_bounded(path: &Path, limit: u64) -> io::Result<Bounded> {
    use io::Read;
    let file = fs::File::open(path)?;
    let hint = file.metadata().map_or(0, |m| m.len()).min(limit);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Bounded::TooLarge);
    }
    Ok(Bounded::Read(bytes))
}

/// What a file is, for a warning about a file that is not a regular one.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a regular file"
}

/// The warning for a document over the limit, with its size when it is known.
fn too_large(size: Option<u64>, limit: u64) -> String {
    let size = size.map_or_else(String::new, |s| format!(" ({s} bytes)"));
    format!(
        "document larger than max-document-size ({}){size}; skipped (raise the limit with --max-document-size or in crosscheck.toml)",
        show_size(limit)
    )
}

/// A size in bytes as people read it: `67108865 bytes`, `64 MiB`.
pub fn show_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads a list of paths, one a line (as `find` or `git ls-files` print them): blank lines are
/// skipped and a line's trailing carriage return dropped.
pub fn read_path_list(input: impl io::BufRead) -> io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for line in input.lines() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        if !line.trim().is_empty() {
            paths.push(PathBuf::from(line));
        }
    }
    Ok(paths)
}

/// Walks the inputs, remembering the folders it has been in.
struct Reader<'s> {
    selection: &'s Selection,
    progress: &'s mut dyn FnMut(usize),
    /// Where each document goes once read.
    sink: &'s mut dyn FnMut(Document),
    /// Documents handed to the sink so far.
    read_count: usize,
    corpus: Corpus,
    /// Canonical paths of the folders already walked, so links cannot make it loop. Shared with
    /// the walker's filter.
    visited: Arc<Mutex<HashSet<PathBuf>>>,
    /// Canonical paths of the files already read, so a file given twice (or reached through a
    /// link) is not compared with itself.
    read: HashSet<PathBuf>,
    /// When set, the walk only lists the files it would read, here.
    listed: Option<Vec<PathBuf>>,
    /// Files read ahead of the walk, taken out as it reaches them.
    ahead: ReadAhead,
    /// The documents of the JSON Lines file being read, by name, with the line that named each
    /// first: a second line of the same `id` is a warning.
    ids: HashMap<String, usize>,
}

/// The message for a folder reached a second time.
const LOOP: &str = "folder already read (a link leads back to it); skipped";

impl Reader<'_> {
    fn read_given(&mut self, path: &Path) {
        let shown = given_path(path);
        if self.selection.force_exclude
            && self
                .selection
                .exclude
                .as_ref()
                .is_some_and(|g| g.matches_given(&shown))
        {
            return;
        }
        match fs::metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.corpus
                    .errors
                    .push(IngestError::Missing { path: shown });
            }
            Err(e) => self.corpus.errors.push(IngestError::Unreadable {
                path: shown,
                message: e.to_string(),
            }),
            Ok(meta) if meta.is_dir() => self.walk(path, &shown),
            Ok(meta) if meta.is_file() => self.read_file(path, shown, meta.len()),
            Ok(meta) => self.not_regular(&shown, &meta),
        }
    }

    /// Reads every selected file under `dir`, in sorted order (the `ignore` crate's walker,
    /// following links, skipping hidden entries and, when asked, what ignore files list).
    fn walk(&mut self, dir: &Path, shown: &str) {
        match fs::canonicalize(dir) {
            Ok(canonical) => {
                if !lock(&self.visited).insert(canonical) {
                    self.warn(shown, LOOP);
                    return;
                }
            }
            Err(e) => {
                self.corpus.errors.push(IngestError::UnreadableFolder {
                    path: shown.to_string(),
                    message: e.to_string(),
                });
                return;
            }
        }
        let ignore_files = self.selection.respect_ignore_files;
        let mut builder = ignore::WalkBuilder::new(dir);
        builder
            .follow_links(true)
            .hidden(true)
            .parents(ignore_files)
            .ignore(ignore_files)
            .git_ignore(ignore_files)
            .git_exclude(ignore_files)
            .git_global(false)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b));
        // Folders: pruned when excluded or already walked (a link to a folder seen before).
        // Files are decided below, where skipped ones can be counted.
        let root = dir.to_path_buf();
        let shown_root = shown.to_string();
        let selection = self.selection.clone();
        let visited = Arc::clone(&self.visited);
        let revisits: Arc<Mutex<Vec<String>>> = Arc::default();
        let revisited = Arc::clone(&revisits);
        builder.filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            // With links followed, the type is the target's.
            if !entry.file_type().is_some_and(|t| t.is_dir()) {
                return true;
            }
            let (child, inside) = shown_child(&root, &shown_root, entry.path());
            let name = entry.file_name().to_string_lossy();
            if selection.excluded(&name, &child, &inside) {
                return false;
            }
            let seen = fs::canonicalize(entry.path())
                .is_ok_and(|canonical| !lock(&visited).insert(canonical));
            if seen {
                lock(&revisited).push(child);
            }
            !seen
        });
        for item in builder.build() {
            let revisited: Vec<String> = std::mem::take(&mut *lock(&revisits));
            for child in revisited {
                self.warn(&child, LOOP);
            }
            match item {
                Ok(entry) if entry.depth() == 0 => {}
                Ok(entry) => self.visit(dir, shown, entry.path()),
                Err(error) => self.walk_error(dir, shown, &error),
            }
        }
        let revisited: Vec<String> = std::mem::take(&mut *lock(&revisits));
        for child in revisited {
            self.warn(&child, LOOP);
        }
    }

    /// One entry the walker yielded below the folder given.
    fn visit(&mut self, dir: &Path, shown: &str, path: &Path) {
        let (child, inside) = shown_child(dir, shown, path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Follows links: a link to a file is read as that file, a link to a folder is walked.
        match fs::metadata(path) {
            Err(e) => self.metadata_error(path, child, e),
            Ok(meta) if meta.is_dir() => {}
            Ok(_) if self.selection.excluded(&name, &child, &inside) => {}
            Ok(meta) if !self.selection.included(path, &name, &child, &inside) => {
                let _ = meta;
                self.corpus.skipped += 1;
            }
            Ok(meta) if meta.is_file() => self.read_file(path, child, meta.len()),
            Ok(meta) => self.not_regular(&child, &meta),
        }
    }

    /// A named pipe, a device or a socket: never opened.
    fn not_regular(&mut self, shown: &str, meta: &fs::Metadata) {
        if self.listed.is_some() {
            return;
        }
        let kind = kind_of(meta);
        self.warn(
            shown,
            &format!("{kind}, not a regular file; skipped (only files and folders are read)"),
        );
    }

    fn metadata_error(&mut self, path: &Path, child: String, e: io::Error) {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && e.kind() == io::ErrorKind::NotFound {
            self.warn(&child, "broken symbolic link; skipped");
        } else {
            self.corpus.errors.push(IngestError::Unreadable {
                path: child,
                message: e.to_string(),
            });
        }
    }

    /// An error from the walker: a folder that cannot be listed, a broken link, a loop, or an
    /// ignore file that does not parse.
    fn walk_error(&mut self, dir: &Path, shown: &str, error: &ignore::Error) {
        if let ignore::Error::Partial(errors) = error {
            for e in errors {
                self.walk_error(dir, shown, e);
            }
            return;
        }
        // Unwrap the layers of context down to the error itself, keeping the first path.
        let mut path: Option<&Path> = None;
        let mut inner = error;
        loop {
            match inner {
                ignore::Error::WithDepth { err, .. }
                | ignore::Error::WithLineNumber { err, .. } => {
                    inner = err;
                }
                ignore::Error::WithPath { path: p, err } => {
                    path.get_or_insert(p);
                    inner = err;
                }
                _ => break,
            }
        }
        let child = path.map_or_else(|| shown.to_string(), |p| shown_child(dir, shown, p).0);
        match (inner, path) {
            (ignore::Error::Loop { child: looped, .. }, _) => {
                let (looped, _) = shown_child(dir, shown, looped);
                self.warn(&looped, LOOP);
            }
            (ignore::Error::Io(io), Some(path)) => {
                let io = io::Error::new(io.kind(), io.to_string());
                if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
                    self.corpus.errors.push(IngestError::UnreadableFolder {
                        path: child,
                        message: io.to_string(),
                    });
                } else {
                    self.metadata_error(path, child, io);
                }
            }
            // An ignore file that does not parse: its other lines still apply.
            (other, _) => self.warn(&child, &format!("ignore file: {other}")),
        }
    }

    fn read_file(&mut self, path: &Path, shown: String, len: u64) {
        let seen = fs::canonicalize(path).is_ok_and(|canonical| !self.read.insert(canonical));
        if seen {
            self.warn(&shown, "file already read under another path; skipped");
            return;
        }
        let json_lines = is_json_lines(path);
        let limit = self.selection.max_document_size;
        if len > limit && !json_lines {
            if self.listed.is_none() {
                self.warn(&shown, &too_large(Some(len), limit));
            }
            return;
        }
        if self.listed.is_some()
            && let Some(m) = &self.selection.meter
        {
            m.add_total(len);
        }
        if let Some(listed) = &mut self.listed {
            // A JSON Lines file is streamed when its turn comes, never read ahead whole.
            if !json_lines {
                listed.push(path.to_path_buf());
            }
            return;
        }
        if json_lines {
            self.stream_json_lines(path, &shown);
            return;
        }
        self.selection.metered(len);
        let bytes = match self.ahead.take(path) {
            Ok(Bounded::Read(bytes)) => bytes,
            Ok(Bounded::TooLarge) => {
                self.warn(&shown, &too_large(None, limit));
                return;
            }
            Err(e) => {
                self.corpus.errors.push(unreadable(shown, &e));
                return;
            }
        };
        let (doc, warnings) = file_document(path, shown.clone(), bytes);
        for message in warnings {
            self.warn(&shown, &message);
        }
        if let Some(doc) = doc {
            self.emit(doc);
        }
    }

    /// Hands a document to the sink.
    fn emit(&mut self, doc: Document) {
        (self.sink)(doc);
        self.read_count += 1;
        (self.progress)(self.read_count);
    }

    /// A JSON Lines corpus, read line by line: see [`json_line_document`]. A file that is not
    /// UTF-8 (or is UTF-16) is decoded whole first, as any other text file.
    fn stream_json_lines(&mut self, path: &Path, shown: &str) {
        self.ids.clear();
        let limit = self.selection.max_document_size;
        match sniff(path, limit) {
            Err(e) => self.corpus.errors.push(unreadable(shown.to_string(), &e)),
            Ok(Sniffed::Binary) => {
                self.warn(shown, "binary file (NUL bytes near the start); skipped");
            }
            Ok(Sniffed::Utf8) => {
                let file: Arc<Path> = Arc::from(path);
                let shown_file: Arc<str> = Arc::from(shown);
                let result = for_each_line(path, limit, &mut |n, offset, line| {
                    let line = match line {
                        Line::Text(line) => {
                            self.selection.metered(line.len() as u64 + 1);
                            line
                        }
                        Line::TooLong(size) => {
                            self.selection.metered(size + 1);
                            self.warn(&format!("{shown}:{n}"), &too_large(Some(size), limit));
                            return;
                        }
                    };
                    let origin = Origin::JsonLine {
                        file: Arc::clone(&file),
                        shown: Arc::clone(&shown_file),
                        offset,
                        len: line.len() as u64,
                        line: n,
                        decoded: false,
                    };
                    match std::str::from_utf8(line) {
                        Ok(line) => self.json_line(shown, n, line, origin),
                        // Checked before: the file changed while it was read.
                        Err(e) => {
                            let valid = &line[..e.valid_up_to()];
                            let column =
                                std::str::from_utf8(valid).map_or(1, |v| v.chars().count() + 1);
                            self.corpus.errors.push(IngestError::BadJsonLine {
                                path: shown.to_string(),
                                line: n,
                                column,
                                message: "not UTF-8".to_string(),
                            });
                        }
                    }
                });
                if let Err(e) = result {
                    self.corpus.errors.push(unreadable(shown.to_string(), &e));
                }
            }
            Ok(Sniffed::Other) => {
                // Decoded whole: bounded as one document.
                let bytes = match read_bounded(path, limit) {
                    Ok(Bounded::Read(bytes)) => {
                        self.selection.metered(bytes.len() as u64);
                        bytes
                    }
                    Ok(Bounded::TooLarge) => {
                        self.warn(shown, &too_large(None, limit));
                        return;
                    }
                    Err(e) => {
                        self.corpus.errors.push(unreadable(shown.to_string(), &e));
                        return;
                    }
                };
                let text = match decode(bytes) {
                    Decoded::Text(text) => text,
                    Decoded::Converted { text, from, bom } => {
                        self.warn(shown, &converted_message(from, bom));
                        text
                    }
                    Decoded::Binary => {
                        self.warn(shown, "binary file (NUL bytes near the start); skipped");
                        return;
                    }
                };
                let file: Arc<Path> = Arc::from(path);
                let shown_file: Arc<str> = Arc::from(shown);
                let mut offset = 0;
                for (i, line) in text.split('\n').enumerate() {
                    let start = offset;
                    offset += line.len() + 1;
                    if start >= text.len() {
                        break;
                    }
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    let origin = Origin::JsonLine {
                        file: Arc::clone(&file),
                        shown: Arc::clone(&shown_file),
                        offset: start as u64,
                        len: line.len() as u64,
                        line: i + 1,
                        decoded: true,
                    };
                    self.json_line(shown, i + 1, line, origin);
                }
            }
        }
    }

    /// One line of a JSON Lines file: a document, an error naming the line, or nothing (blank).
    fn json_line(&mut self, shown: &str, n: usize, line: &str, origin: Origin) {
        match json_line_document(shown, n, line, origin) {
            Ok(None) => {}
            Ok(Some(doc)) => {
                if doc.text.trim().is_empty() {
                    let path = doc.path.clone();
                    self.warn(&path, "empty text; it states no claims");
                }
                if let Some(first) = self.ids.insert(doc.path.clone(), n) {
                    self.warn(
                        &format!("{shown}:{n}"),
                        &format!(
                            "`{}` is already the name of line {first}: two documents of one name (give each line its own `id`)",
                            doc.path
                        ),
                    );
                }
                self.emit(doc);
            }
            Err((column, message)) => self.corpus.errors.push(IngestError::BadJsonLine {
                path: shown.to_string(),
                line: n,
                column,
                message,
            }),
        }
    }

    fn warn(&mut self, path: &str, message: &str) {
        self.corpus.warnings.push(Warning {
            path: path.to_string(),
            message: message.to_string(),
        });
    }
}

/// The error for a file that cannot be read.
fn unreadable(shown: String, e: &io::Error) -> IngestError {
    if e.kind() == io::ErrorKind::IsADirectory {
        IngestError::UnreadableFolder {
            path: shown,
            message: e.to_string(),
        }
    } else {
        IngestError::Unreadable {
            path: shown,
            message: e.to_string(),
        }
    }
}

fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

fn converted_message(from: &str, bom: bool) -> String {
    if from.starts_with("UTF-16") && bom {
        format!("UTF-16 (byte-order mark); decoded as {from}, offsets refer to the decoded text")
    } else if from.starts_with("UTF-16") {
        format!(
            "UTF-16 without a byte-order mark (told by its bytes); decoded as {from}, offsets refer to the decoded text"
        )
    } else {
        format!("not UTF-8; decoded as {from}, offsets refer to the decoded text")
    }
}

/// A document from the bytes of a whole (non JSON Lines) file, or none for a binary file, and
/// the warnings about it.
fn file_document(path: &Path, shown: String, bytes: Vec<u8>) -> (Option<Document>, Vec<String>) {
    let mut warnings = Vec::new();
    let (text, decoded_from) = match decode(bytes) {
        Decoded::Text(text) => (text, None),
        Decoded::Converted { text, from, bom } => {
            warnings.push(converted_message(from, bom));
            (text, Some(from.to_string()))
        }
        Decoded::Binary => {
            warnings.push("binary file (NUL bytes near the start); skipped".to_string());
            return (None, warnings);
        }
    };
    let front = front_matter(&text);
    if front.unclosed {
        warnings.push("front matter opened with `---` is never closed; read as body text".into());
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        warnings.push("empty file; it states no claims".into());
    } else if text[front.body_start..].trim().is_empty() {
        warnings.push("front matter but no body text; it states no claims".into());
    }
    let doc = Document {
        group: group_of(&shown),
        origin: Origin::File {
            path: path.to_path_buf(),
            shown: shown.clone(),
        },
        path: shown,
        text,
        body_start: front.body_start,
        meta: front.meta,
        decoded_from,
        released: None,
    };
    (Some(doc), warnings)
}

/// A document held in memory from one JSON Lines record (the same fields and names as a line of
/// a `.jsonl` file named `shown`, `n` its 1-based line number): how library callers (the
/// Python bindings) build documents that the binary would read from such a file. `None` for a
/// blank record; an error is the column where the parser stopped and its message.
pub fn json_record_document(
    shown: &str,
    n: usize,
    record: &str,
) -> Result<Option<Document>, (usize, String)> {
    json_line_document(shown, n, record, Origin::Memory)
}

/// One line of a JSON Lines corpus: one article, `{"text", "id", "title", "topic", "date",
/// "source", "url", "group"}`, only `text` required. It becomes a document named `FILE#id` (the line
/// number `n` when there is no id) whose text is the `text` field, so spans refer to it;
/// `group` is what `--group-by folder` groups by (the file's folder when absent). A blank line
/// is no document; a line that is not such an object is the parser's message.
fn json_line_document(
    shown: &str,
    n: usize,
    line: &str,
    origin: Origin,
) -> Result<Option<Document>, (usize, String)> {
    #[derive(serde::Deserialize)]
    struct Article {
        text: String,
        #[serde(default)]
        id: Option<serde_json::Value>,
        title: Option<String>,
        topic: Option<String>,
        date: Option<String>,
        source: Option<String>,
        url: Option<String>,
        group: Option<String>,
    }
    let whole = line;
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Ok(None);
    }
    let article: Article = serde_json::from_str(line).map_err(|e| {
        // serde_json counts in the trimmed line, in bytes, and says where in its message.
        let at = format!(" at line {} column {}", e.line(), e.column());
        let message = e.to_string();
        let message = message.strip_suffix(&at).unwrap_or(&message).to_string();
        let offset = (whole.len() - line.len() - (whole.len() - whole.trim_end().len()))
            + e.column().saturating_sub(1);
        let column = whole
            .get(..offset.min(whole.len()))
            .map_or(1, |before| before.chars().count() + 1);
        (column, message)
    })?;
    let id = match article.id {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => n.to_string(),
    };
    Ok(Some(Document {
        group: article.group.unwrap_or_else(|| group_of(shown)),
        path: format!("{shown}#{id}"),
        text: article.text,
        body_start: 0,
        meta: Metadata {
            title: article.title,
            topic: article.topic,
            date: article.date,
            source: article.source,
            url: article.url,
        },
        decoded_from: None,
        origin,
        released: None,
    }))
}

/// What the start of a JSON Lines file says about how to read it.
enum Sniffed {
    /// Valid UTF-8 throughout (checked in one streaming pass): read line by line.
    Utf8,
    /// A byte-order mark of another encoding, or bytes that are not UTF-8: decoded whole.
    Other,
    /// NUL bytes near the start.
    Binary,
}

fn sniff(path: &Path, limit: u64) -> io::Result<Sniffed> {
    use io::Read;
    let mut file = fs::File::open(path)?;
    let mut head = Vec::with_capacity(BINARY_SNIFF);
    file.by_ref()
        .take(BINARY_SNIFF as u64)
        .read_to_end(&mut head)?;
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(&head)
        && encoding != encoding_rs::UTF_8
    {
        return Ok(Sniffed::Other);
    }
    if head.contains(&0) {
        // UTF-16 without a byte-order mark is decoded whole; anything else is binary.
        let even = head.len() - head.len() % 2;
        if utf16_without_bom(&head[..even]).is_some() {
            return Ok(Sniffed::Other);
        }
        return Ok(Sniffed::Binary);
    }
    let mut valid = true;
    for_each_line(path, limit, &mut |_, _, line| {
        if let Line::Text(line) = line {
            valid = valid && std::str::from_utf8(line).is_ok();
        }
    })?;
    Ok(if valid { Sniffed::Utf8 } else { Sniffed::Other })
}

/// A line of a JSON Lines file as [`for_each_line`] hands it over.
enum Line<'a> {
    /// Its bytes, without the line break and a carriage return before it.
    Text(&'a [u8]),
    /// A line longer than the limit, not kept: its length in bytes.
    TooLong(u64),
}

/// Calls `each` with the 1-based number, byte offset and bytes of every line of a file,
/// reading it a buffer at a time; a line longer than `limit` bytes is skipped over without
/// being kept ([`Line::TooLong`]).
fn for_each_line(
    path: &Path,
    limit: u64,
    each: &mut dyn FnMut(usize, u64, Line<'_>),
) -> io::Result<()> {
    use io::BufRead;
    let mut reader = io::BufReader::with_capacity(1 << 20, fs::File::open(path)?);
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut line = Vec::new();
    let mut offset = 0u64;
    let mut n = 0;
    loop {
        line.clear();
        // The line's bytes up to its break (kept only up to the limit) and whether it ended.
        let mut read = 0usize;
        let mut ended = false;
        while !ended {
            let buf = reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let (take, found) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if read <= limit {
                let room = limit.saturating_add(2).saturating_sub(line.len()).min(take);
                line.extend_from_slice(&buf[..room]);
            }
            read += take;
            ended = found;
            reader.consume(take);
        }
        if read == 0 {
            return Ok(());
        }
        n += 1;
        let mut body = line.as_slice();
        if let Some(rest) = body.strip_suffix(b"\n") {
            body = rest;
        }
        if let Some(rest) = body.strip_suffix(b"\r") {
            body = rest;
        }
        let length = read - usize::from(ended);
        if body.len() > limit || length > limit + 1 {
            each(n, offset, Line::TooLong(length as u64));
        } else {
            each(n, offset, Line::Text(body));
        }
        offset += read as u64;
    }
}

/// Why a document's text could not be read again.
#[derive(Debug, Error, Diagnostic)]
pub enum ReadAgainError {
    #[error("built in memory; there is no file to read it again from")]
    InMemory,
    #[error("cannot read it again: {0}")]
    Unreadable(String),
    #[error("changed since it was read")]
    Changed,
}

/// Reads a document again from where it came from (after its text was let go): the whole
/// document, metadata included, as ingest first read it. Warnings are not repeated.
pub fn read_again(origin: &Origin) -> Result<Document, ReadAgainError> {
    let failed = |e: &dyn std::fmt::Display| ReadAgainError::Unreadable(e.to_string());
    match origin {
        Origin::Memory => Err(ReadAgainError::InMemory),
        Origin::File { path, shown } => {
            let bytes = fs::read(path).map_err(|e| failed(&e))?;
            file_document(path, shown.clone(), bytes)
                .0
                .ok_or(ReadAgainError::Changed)
        }
        Origin::JsonLine {
            file,
            shown,
            offset,
            len,
            line,
            decoded,
        } => {
            let text = if *decoded {
                let bytes = fs::read(file).map_err(|e| failed(&e))?;
                let text = match decode(bytes) {
                    Decoded::Text(text) | Decoded::Converted { text, .. } => text,
                    Decoded::Binary => return Err(ReadAgainError::Changed),
                };
                let start = usize::try_from(*offset).map_err(|e| failed(&e))?;
                let end = usize::try_from(offset + len).map_err(|e| failed(&e))?;
                text.get(start..end)
                    .ok_or(ReadAgainError::Changed)?
                    .to_string()
            } else {
                use io::{Read, Seek};
                let mut f = fs::File::open(file).map_err(|e| failed(&e))?;
                f.seek(io::SeekFrom::Start(*offset))
                    .map_err(|e| failed(&e))?;
                let mut bytes = Vec::new();
                f.take(*len)
                    .read_to_end(&mut bytes)
                    .map_err(|e| failed(&e))?;
                String::from_utf8(bytes).map_err(|_| ReadAgainError::Changed)?
            };
            json_line_document(shown, *line, &text, origin.clone())
                .ok()
                .flatten()
                .ok_or(ReadAgainError::Changed)
        }
    }
}

/// Puts back the text of a document whose text was let go, checking that it is the text its
/// claims point into.
pub fn restore_text(doc: &mut Document) -> Result<(), ReadAgainError> {
    let Some(stamp) = doc.released else {
        return Ok(());
    };
    let again = read_again(&doc.origin)?;
    if crate::model::TextStamp::of(&again.text) != stamp {
        return Err(ReadAgainError::Changed);
    }
    doc.text = again.text;
    doc.released = None;
    Ok(())
}

/// A path as the user gave it, with `/` separators.
fn given_path(path: &Path) -> String {
    let shown = path.to_string_lossy();
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown.into_owned()
    }
}

/// Locks a mutex, going on with the data if another thread panicked while holding it (the sets
/// and lists it guards stay valid whatever happened).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The shown path of `path` under the folder `root` shown as `shown`, and its path inside
/// `root`, both with `/` separators.
fn shown_child(root: &Path, shown: &str, path: &Path) -> (String, String) {
    let inside = path.strip_prefix(root).unwrap_or(path);
    let inside: Vec<String> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let inside = inside.join("/");
    (join_shown(shown, &inside), inside)
}

/// `corpus/` + `a` is `corpus/a`; `/` + `a` is `/a`.
fn join_shown(parent: &str, name: &str) -> String {
    let parent = parent.trim_end_matches('/');
    format!("{parent}/{name}")
}

/// The folder of a shown path, without `.` segments: `./corpus/a/b.md` is in `corpus/a`, and a
/// bare `b.md` is in `.`.
fn group_of(shown: &str) -> String {
    let folder = shown.rsplit_once('/').map_or("", |(folder, _)| folder);
    let absolute = shown.starts_with('/');
    let parts: Vec<&str> = folder
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    match (absolute, parts.is_empty()) {
        (true, _) => format!("/{}", parts.join("/")),
        (false, true) => ".".to_string(),
        (false, false) => parts.join("/"),
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// What the bytes of a file turned out to be.
#[derive(Debug, PartialEq)]
enum Decoded {
    /// Valid UTF-8, kept as stored.
    Text(String),
    /// Decoded from another encoding.
    Converted {
        text: String,
        from: &'static str,
        /// UTF-16 told by its byte-order mark (`false`: by the pattern of its bytes).
        bom: bool,
    },
    Binary,
}

fn decode(bytes: Vec<u8>) -> Decoded {
    match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, bom_len)) if encoding != encoding_rs::UTF_8 => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            return Decoded::Converted {
                text: text.into_owned(),
                from: encoding.name(),
                bom: true,
            };
        }
        _ => {}
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if head.contains(&0) {
        if let Some(encoding) = utf16_without_bom(head)
            && let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(&bytes)
        {
            return Decoded::Converted {
                text: text.into_owned(),
                from: encoding.name(),
                bom: false,
            };
        }
        return Decoded::Binary;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text),
        Err(e) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
            Decoded::Converted {
                text: text.into_owned(),
                from: encoding_rs::WINDOWS_1252.name(),
                bom: false,
            }
        }
    }
}

/// UTF-16 without a byte-order mark, told by the start of a file: text in a Latin script has a
/// NUL byte in most pairs, always on the same side (the high byte: after the character in
/// little-endian, before it in big-endian), and no pair of two NULs (U+0000 is no text).
fn utf16_without_bom(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs: Vec<&[u8]> = head.chunks_exact(2).collect();
    if pairs.len() < 2 {
        return None;
    }
    let count = |f: fn(u8, u8) -> bool| pairs.iter().filter(|p| f(p[0], p[1])).count();
    let (high_second, high_first) = (
        count(|a, b| a != 0 && b == 0),
        count(|a, b| a == 0 && b != 0),
    );
    if count(|a, b| a == 0 && b == 0) > 0 {
        return None;
    }
    let most = pairs.len() / 2;
    if high_second > most && high_first == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if high_first > most && high_second == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The front matter of a text, if it has one.
#[derive(Debug, Default, PartialEq)]
struct FrontMatter {
    meta: Metadata,
    /// Byte offset just after the closing `---` line, or 0 without front matter.
    body_start: usize,
    /// The text opened front matter but never closed it.
    unclosed: bool,
}

/// Reads a `---` block at the very start of a text (after a byte-order mark) whose simple
/// `key: value` lines give the title, date, source and url. Other keys and lines are ignored.
fn front_matter(text: &str) -> FrontMatter {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = LinesWithEnds { text, at: bom };
    let Some((_, first)) = lines.next() else {
        return FrontMatter::default();
    };
    if !is_fence(first) {
        return FrontMatter::default();
    }
    let mut meta = Metadata::default();
    for (end, line) in lines {
        if is_fence(line) {
            return FrontMatter {
                meta,
                body_start: end,
                unclosed: false,
            };
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        // Indented lines belong to a nested value we do not read.
        if key.starts_with([' ', '\t']) {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut meta.title,
            "topic" => &mut meta.topic,
            "date" => &mut meta.date,
            "source" => &mut meta.source,
            "url" => &mut meta.url,
            _ => continue,
        };
        *slot = scalar(value);
    }
    FrontMatter {
        meta: Metadata::default(),
        body_start: 0,
        unclosed: true,
    }
}

/// A line that opens or closes front matter: `---` and nothing else but trailing blanks.
fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "---"
}

/// A simple scalar value: trimmed, quotes removed (`''` inside single quotes is `'`), a
/// ` # comment` after an unquoted value dropped. Empty is `None`.
fn scalar(raw: &str) -> Option<String> {
    let value = raw.trim();
    let unquoted = if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        inner.replace("\\\"", "\"").replace("\\\\", "\\")
    } else if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        inner.replace("''", "'")
    } else {
        let value = value.split_once(" #").map_or(value, |(v, _)| v).trim_end();
        value.to_string()
    };
    (!unquoted.is_empty()).then_some(unquoted)
}

/// The lines of a text from an offset, each with its line ending, paired with the offset just
/// after it.
struct LinesWithEnds<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for LinesWithEnds<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.at..).filter(|r| !r.is_empty())?;
        let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        self.at += len;
        Some((self.at, &rest[..len]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::fs::File;
    use std::io::Write;

    fn write(dir: &Path, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create test folder");
        }
        File::create(&path)
            .and_then(|mut f| f.write_all(bytes))
            .expect("write test file");
        path
    }

    /// Reads `dir` given as `shown` relative to it, by running from the temporary folder's
    /// parent: paths in the result are then exactly as a user in that folder would see them.
    fn read_in(base: &Path, given: &[&str]) -> Corpus {
        let paths: Vec<PathBuf> = given.iter().map(|g| base.join(g)).collect();
        let mut corpus = read_paths(&paths);
        let prefix = format!("{}/", given_path(base));
        let strip = |p: &mut String| {
            if let Some(rest) = p.strip_prefix(&prefix) {
                *p = rest.to_string();
            }
        };
        for doc in &mut corpus.documents {
            strip(&mut doc.path);
            strip(&mut doc.group);
        }
        for warning in &mut corpus.warnings {
            strip(&mut warning.path);
        }
        corpus
    }

    fn paths(corpus: &Corpus) -> Vec<&str> {
        corpus.documents.iter().map(|d| d.path.as_str()).collect()
    }

    fn warnings(corpus: &Corpus) -> Vec<String> {
        corpus
            .warnings
            .iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .collect()
    }

    #[test]
    fn folders_are_walked_in_sorted_order_with_paths_joined_to_the_given_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let base = dir.path();
        write(base, "corpus/b.md", b"b");
        write(base, "corpus/a/z.txt", b"z");
        write(base, "corpus/a/y.MARKDOWN", b"y");
        write(base, "corpus/C.Md", b"c");
        write(base, "corpus/notes.json", b"{}");
        write(base, "corpus/a/image.png", b"png");
        write(base, "corpus/.hidden.md", b"h");
        write(base, "corpus/.git/HEAD.txt", b"h");
        for given in ["corpus", "corpus/", "corpus//"] {
            let corpus = read_in(base, &[given]);
            assert_eq!(
                paths(&corpus),
                [
                    "corpus/C.Md",
                    "corpus/a/y.MARKDOWN",
                    "corpus/a/z.txt",
                    "corpus/b.md"
                ],
                "given {given:?}"
            );
            assert_eq!(
                corpus.skipped, 2,
                "notes.json and image.png; hidden files are not counted"
            );
            assert!(corpus.errors.is_empty() && corpus.warnings.is_empty());
        }
        let corpus = read_in(base, &["corpus"]);
        let groups: Vec<&str> = corpus.documents.iter().map(|d| d.group.as_str()).collect();
        assert_eq!(groups, ["corpus", "corpus/a", "corpus/a", "corpus"]);
    }

    #[test]
    fn the_order_is_the_same_on_every_run() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in (0..40).rev() {
            write(dir.path(), &format!("d{}/f{i:02}.txt", i % 3), b"x");
        }
        let first = read_paths(&[dir.path().to_path_buf()]);
        let second = read_paths(&[dir.path().to_path_buf()]);
        assert_eq!(paths(&first), paths(&second));
        let mut sorted = paths(&first);
        sorted.sort();
        assert_eq!(paths(&first), sorted);
        assert_eq!(first.documents.len(), 40);
    }

    #[test]
    fn a_file_named_explicitly_is_read_whatever_its_extension() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "story.html", b"<p>Four were hurt.</p>");
        let corpus = read_in(dir.path(), &["story.html"]);
        assert_eq!(paths(&corpus), ["story.html"]);
        assert_eq!(corpus.documents[0].text, "<p>Four were hurt.</p>");
        assert_eq!(corpus.skipped, 0);
    }

    #[test]
    fn a_file_given_twice_is_read_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/a.md", b"text");
        let corpus = read_in(dir.path(), &["c", "c/a.md", "c/../c/a.md"]);
        assert_eq!(paths(&corpus), ["c/a.md"]);
        assert_eq!(
            warnings(&corpus),
            [
                "c/a.md: file already read under another path; skipped",
                "c/../c/a.md: file already read under another path; skipped",
            ]
        );
    }

    #[test]
    fn a_bare_file_name_is_in_the_current_folder_group() {
        assert_eq!(group_of("a.md"), ".");
        assert_eq!(group_of("./a.md"), ".");
        assert_eq!(group_of("./corpus/x/a.md"), "corpus/x");
        assert_eq!(group_of("/data/x/a.md"), "/data/x");
        assert_eq!(join_shown("corpus/", "a.md"), "corpus/a.md");
        assert_eq!(join_shown("/", "a.md"), "/a.md");
    }

    #[test]
    fn a_missing_path_is_an_error_and_the_rest_is_still_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "ok.md", b"fine");
        let corpus = read_in(dir.path(), &["nope.md", "ok.md"]);
        assert_eq!(paths(&corpus), ["ok.md"]);
        assert_eq!(corpus.errors.len(), 1);
        assert!(
            matches!(&corpus.errors[0], IngestError::Missing { path } if path.ends_with("nope.md"))
        );
        let code = corpus.errors[0].code().map(|c| c.to_string());
        assert_eq!(code.as_deref(), Some("crosscheck::input::missing"));
        assert!(corpus.errors[0].help().is_some());
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_file_is_an_error_with_the_os_message() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "a.md", b"fine");
        let locked = write(dir.path(), "b.md", b"secret");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        if fs::read(&locked).is_ok() {
            // Running as root (or with CAP_DAC_OVERRIDE): permissions do not stop reads, so
            // this case cannot be produced here. Nothing is asserted rather than something
            // that would pass without testing anything.
            return;
        }
        let corpus = read_paths(&[dir.path().to_path_buf()]);
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.errors.len(), 1);
        match &corpus.errors[0] {
            IngestError::Unreadable { path, message } => {
                assert!(path.ends_with("/b.md"));
                assert!(message.contains("ermission denied"), "{message}");
            }
            other => panic!("expected Unreadable, got {other:?}"),
        }
        let code = corpus.errors[0].code().map(|c| c.to_string());
        assert_eq!(code.as_deref(), Some("crosscheck::input::unreadable"));
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_folder_is_an_error_and_its_siblings_are_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "a/x.md", b"fine");
        write(dir.path(), "b/y.md", b"hidden");
        let locked = dir.path().join("b");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        let listable = fs::read_dir(&locked).is_ok();
        let corpus = read_paths(&[dir.path().to_path_buf()]);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
        if listable {
            // Running as root: see an_unreadable_file_is_an_error_with_the_os_message.
            return;
        }
        assert_eq!(corpus.documents.len(), 1);
        assert!(
            matches!(&corpus.errors[..], [IngestError::UnreadableFolder { path, .. }] if path.ends_with("/b"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_end_and_broken_links_warn() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/a.md", b"text");
        std::os::unix::fs::symlink("..", dir.path().join("c/up")).expect("symlink");
        std::os::unix::fs::symlink("nowhere.md", dir.path().join("c/gone.md")).expect("symlink");
        let corpus = read_in(dir.path(), &["c"]);
        assert_eq!(paths(&corpus), ["c/a.md"]);
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        assert_eq!(
            warnings(&corpus),
            [
                "c/gone.md: broken symbolic link; skipped",
                "c/up/c: folder already read (a link leads back to it); skipped",
            ]
        );
    }

    #[test]
    fn front_matter_becomes_metadata_and_the_body_starts_after_it() {
        let text = "---\ntitle: \"Aid: the second package\"\ndate: 2022-09-28\nsource: 'Reuters'\nurl: https://example.com/a#b\nauthor: Someone\ntags:\n  - x\n---\nBody here.\n";
        let front = front_matter(text);
        assert_eq!(
            front.meta,
            Metadata {
                title: Some("Aid: the second package".into()),
                topic: None,
                date: Some("2022-09-28".into()),
                source: Some("Reuters".into()),
                url: Some("https://example.com/a#b".into()),
            }
        );
        assert_eq!(&text[front.body_start..], "Body here.\n");
        assert!(!front.unclosed);
    }

    #[test]
    fn front_matter_values_are_unquoted_and_trimmed() {
        assert_eq!(scalar("  plain  "), Some("plain".into()));
        assert_eq!(scalar(" 'it''s' "), Some("it's".into()));
        assert_eq!(scalar(r#" "say \"hi\"" "#), Some("say \"hi\"".into()));
        assert_eq!(scalar(" value # a comment"), Some("value".into()));
        assert_eq!(scalar(" \"\" "), None);
        assert_eq!(scalar(""), None);
    }

    #[test]
    fn front_matter_with_crlf_and_a_bom() {
        let text = "\u{feff}---\r\nTitle: Crlf\r\n---\r\nBody\r\n";
        let front = front_matter(text);
        assert_eq!(front.meta.title.as_deref(), Some("Crlf"));
        assert_eq!(&text[front.body_start..], "Body\r\n");
    }

    #[test]
    fn front_matter_closed_at_the_end_of_the_file() {
        let text = "---\ntitle: Only\n---";
        let front = front_matter(text);
        assert_eq!(front.body_start, text.len());
        assert_eq!(front.meta.title.as_deref(), Some("Only"));
    }

    #[test]
    fn no_front_matter_without_an_opening_line() {
        for text in [
            "Title: no\n---\n",
            "",
            " ---\nx\n---\n",
            "----\nx\n----\n",
            "text ---\n",
        ] {
            assert_eq!(front_matter(text), FrontMatter::default(), "{text:?}");
        }
    }

    #[test]
    fn unclosed_front_matter_is_body_text_with_a_warning() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(
            dir.path(),
            "open.md",
            b"---\ntitle: Never closed\nFour were hurt.\n",
        );
        let corpus = read_in(dir.path(), &["open.md"]);
        let doc = &corpus.documents[0];
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.meta, Metadata::default());
        assert_eq!(
            warnings(&corpus),
            ["open.md: front matter opened with `---` is never closed; read as body text"]
        );
    }

    #[test]
    fn front_matter_in_files_keeps_offsets_into_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bytes = "\u{feff}---\r\ntitle: T\r\n---\r\nSix more.\r\n".as_bytes();
        write(dir.path(), "a.txt", bytes);
        let corpus = read_in(dir.path(), &["a.txt"]);
        let doc = &corpus.documents[0];
        assert_eq!(doc.text.as_bytes(), bytes, "the text is the file as stored");
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(&doc.text[doc.body_start..], "Six more.\r\n");
        assert_eq!(doc.decoded_from, None);
        assert!(corpus.warnings.is_empty());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let dir = tempfile::tempdir().expect("temp dir");
        // "café – 5 €" in windows-1252.
        write(dir.path(), "old.txt", b"caf\xe9 \x96 5 \x80");
        let corpus = read_in(dir.path(), &["old.txt"]);
        let doc = &corpus.documents[0];
        assert_eq!(doc.text, "café – 5 €");
        assert_eq!(doc.decoded_from.as_deref(), Some("windows-1252"));
        assert_eq!(
            warnings(&corpus),
            ["old.txt: not UTF-8; decoded as windows-1252, offsets refer to the decoded text"]
        );
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_not_called_binary() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Six NASAMS".encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xfe, 0xff];
        be.extend("Two more".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(
            decode(le.clone()),
            Decoded::Converted {
                text: "Six NASAMS".into(),
                from: "UTF-16LE",
                bom: true
            }
        );
        assert_eq!(
            decode(be),
            Decoded::Converted {
                text: "Two more".into(),
                from: "UTF-16BE",
                bom: true
            }
        );
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "wide.txt", &le);
        let corpus = read_in(dir.path(), &["wide.txt"]);
        assert_eq!(
            corpus.documents[0].decoded_from.as_deref(),
            Some("UTF-16LE")
        );
        assert_eq!(corpus.warnings.len(), 1);
    }

    #[test]
    fn utf16_without_a_bom_is_told_by_its_bytes_and_decoded() {
        let text = "The storm killed 4 people in Harlow, the mayor said.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, from) in [(le.clone(), "UTF-16LE"), (be, "UTF-16BE")] {
            assert_eq!(
                decode(bytes),
                Decoded::Converted {
                    text: text.into(),
                    from,
                    bom: false
                }
            );
        }
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "wide.txt", &le);
        let mut lines: Vec<u8> = "{\"text\": \"The storm killed 4 people.\"}\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        lines.extend(lines.clone());
        write(dir.path(), "wide.jsonl", &lines);
        let corpus = read_in(dir.path(), &["wide.txt", "wide.jsonl"]);
        assert_eq!(corpus.documents.len(), 3, "{:?}", corpus.warnings);
        assert_eq!(corpus.documents[0].text, text);
        assert_eq!(
            warnings(&corpus)[0],
            "wide.txt: UTF-16 without a byte-order mark (told by its bytes); decoded as UTF-16LE, offsets refer to the decoded text"
        );
        // Binary data with NUL bytes on both sides, or pairs of them, is still binary.
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00binary".to_vec()),
            Decoded::Binary
        );
        assert_eq!(decode(vec![0x41, 0, 0, 0x41, 0x42, 0]), Decoded::Binary);
    }

    #[test]
    fn binary_files_are_skipped_with_a_warning() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "d/blob.txt", b"PK\x03\x04\x00\x00binary");
        write(dir.path(), "d/fine.txt", b"text");
        let corpus = read_in(dir.path(), &["d"]);
        assert_eq!(paths(&corpus), ["d/fine.txt"]);
        assert_eq!(
            warnings(&corpus),
            ["d/blob.txt: binary file (NUL bytes near the start); skipped"]
        );
        // A NUL byte after the first 8 KiB does not make a file binary.
        let mut late = vec![b'a'; BINARY_SNIFF];
        late.push(0);
        assert!(matches!(decode(late), Decoded::Text(_)));
    }

    #[test]
    fn empty_and_blank_files_are_documents_with_a_warning() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "e/blank.md", b" \n\t\r\n");
        write(dir.path(), "e/empty.txt", b"");
        write(dir.path(), "e/only-front.md", b"---\ntitle: T\n---\n\n");
        let corpus = read_in(dir.path(), &["e"]);
        assert_eq!(
            paths(&corpus),
            ["e/blank.md", "e/empty.txt", "e/only-front.md"]
        );
        assert_eq!(
            warnings(&corpus),
            [
                "e/blank.md: empty file; it states no claims",
                "e/empty.txt: empty file; it states no claims",
                "e/only-front.md: front matter but no body text; it states no claims",
            ]
        );
    }

    #[test]
    fn a_document_over_the_limit_is_skipped_with_a_warning_and_the_rest_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/big.txt", &vec![b'a'; 2048]);
        write(dir.path(), "c/small.txt", b"The fire killed 3 people.\n");
        let mut lines = b"{\"text\": \"The fire killed 3 people.\"}\n".to_vec();
        lines.extend(format!("{{\"text\": \"{}\"}}\r\n", "b".repeat(3000)).bytes());
        lines.extend(b"{\"text\": \"The fire killed 4 people.\"}\n");
        write(dir.path(), "c/lines.jsonl", &lines);
        let selection = Selection::default().with_max_document_size(1024);
        let corpus = read_selected(&[dir.path().join("c")], &selection, &mut |_| {});
        let prefix = format!("{}/", given_path(dir.path()));
        let names: Vec<&str> = corpus
            .documents
            .iter()
            .map(|d| d.path.strip_prefix(&prefix).unwrap_or(&d.path))
            .collect();
        assert_eq!(names, ["c/lines.jsonl#1", "c/lines.jsonl#3", "c/small.txt"]);
        let warnings: Vec<String> = corpus
            .warnings
            .iter()
            .map(|w| {
                format!(
                    "{}: {}",
                    w.path.strip_prefix(&prefix).unwrap_or(&w.path),
                    w.message
                )
            })
            .collect();
        let advice = "skipped (raise the limit with --max-document-size or in crosscheck.toml)";
        assert_eq!(
            warnings,
            [
                format!(
                    "c/big.txt: document larger than max-document-size (1 KiB) (2048 bytes); {advice}"
                ),
                format!(
                    "c/lines.jsonl:2: document larger than max-document-size (1 KiB) (3013 bytes); {advice}"
                ),
            ]
        );
        // The third line's offset is still right: it is read again from there.
        let third = &corpus.documents[1];
        assert_eq!(
            read_again(&third.origin).expect("read again").text,
            third.text
        );
    }

    #[test]
    fn a_file_that_grows_past_the_limit_is_not_read_to_its_end() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = write(dir.path(), "a.txt", &[b'a'; 100]);
        assert!(matches!(read_bounded(&path, 99), Ok(Bounded::TooLarge)));
        assert!(matches!(read_bounded(&path, 100), Ok(Bounded::Read(b)) if b.len() == 100));
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_skipped_with_a_warning_named_or_in_a_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/a.txt", b"The fire killed 3 people.\n");
        for fifo in ["c/p.txt", "q.txt"] {
            let made = std::process::Command::new("mkfifo")
                .arg(dir.path().join(fifo))
                .status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        }
        let paths = [
            dir.path().join("c"),
            dir.path().join("q.txt"),
            PathBuf::from("/dev/zero"),
        ];
        let corpus = read_selected(&paths, &Selection::default(), &mut |_| {});
        assert_eq!(corpus.documents.len(), 1);
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        let warnings: Vec<&str> = corpus.warnings.iter().map(|w| w.message.as_str()).collect();
        let pipe = "a named pipe, not a regular file; skipped (only files and folders are read)";
        let device = "a device, not a regular file; skipped (only files and folders are read)";
        assert_eq!(warnings, [pipe, pipe, device]);
        assert!(corpus.warnings[0].path.ends_with("c/p.txt"));
        assert!(corpus.warnings[1].path.ends_with("q.txt"));
        assert_eq!(corpus.warnings[2].path, "/dev/zero");
    }

    fn read_with(base: &Path, given: &[&str], selection: &Selection) -> Vec<String> {
        let paths: Vec<PathBuf> = given.iter().map(|g| base.join(g)).collect();
        let prefix = format!("{}/", given_path(base));
        read_selected(&paths, selection, &mut |_| {})
            .documents
            .iter()
            .map(|d| d.path.strip_prefix(&prefix).unwrap_or(&d.path).to_string())
            .collect()
    }

    #[test]
    fn gitignore_files_are_respected_outside_a_repository_unless_turned_off() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/.gitignore", b"drafts/\n*.tmp.md\n");
        write(dir.path(), "c/a.md", b"a");
        write(dir.path(), "c/b.tmp.md", b"b");
        write(dir.path(), "c/drafts/d.md", b"d");
        let corpus = read_in(dir.path(), &["c"]);
        assert_eq!(paths(&corpus), ["c/a.md"]);
        assert_eq!(
            corpus.skipped, 0,
            "ignored files are not counted as skipped"
        );
        let all = Selection::new(&[], &[], false, false).expect("no globs");
        assert_eq!(
            read_with(dir.path(), &["c"], &all),
            ["c/a.md", "c/b.tmp.md", "c/drafts/d.md"]
        );
    }

    #[test]
    fn excludes_match_names_anywhere_or_paths_and_prune_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/a.md", b"a");
        write(dir.path(), "c/old/x.md", b"x");
        write(dir.path(), "c/sub/old/y.md", b"y");
        write(dir.path(), "c/sub/z.md", b"z");
        write(dir.path(), "c/sub/z.bak.md", b"z");
        let by_name =
            Selection::new(&[], &["old".into(), "*.bak.md".into()], false, true).expect("globs");
        assert_eq!(
            read_with(dir.path(), &["c"], &by_name),
            ["c/a.md", "c/sub/z.md"]
        );
        let by_path = Selection::new(&[], &["sub/**".into()], false, true).expect("globs");
        assert_eq!(
            read_with(dir.path(), &["c"], &by_path),
            ["c/a.md", "c/old/x.md"]
        );
        // `*` does not cross folders.
        let shallow = Selection::new(&[], &["sub/*.md".into()], false, true).expect("globs");
        assert_eq!(
            read_with(dir.path(), &["c"], &shallow),
            ["c/a.md", "c/old/x.md", "c/sub/old/y.md"]
        );
    }

    #[test]
    fn explicit_files_are_excluded_only_when_forced() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "drafts/a.md", b"a");
        write(dir.path(), "b.md", b"b");
        let given = ["drafts/a.md", "b.md"];
        let soft = Selection::new(&[], &["drafts".into()], false, true).expect("globs");
        assert_eq!(
            read_with(dir.path(), &given, &soft),
            ["drafts/a.md", "b.md"]
        );
        let forced = Selection::new(&[], &["drafts".into()], true, true).expect("globs");
        assert_eq!(read_with(dir.path(), &given, &forced), ["b.md"]);
    }

    #[test]
    fn include_globs_replace_the_text_extensions() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/a.md", b"a");
        write(dir.path(), "c/b.html", b"b");
        let html = Selection::new(&["*.html".into()], &[], false, true).expect("globs");
        let paths: Vec<PathBuf> = vec![dir.path().join("c")];
        let corpus = read_selected(&paths, &html, &mut |_| {});
        assert_eq!(corpus.documents.len(), 1);
        assert!(corpus.documents[0].path.ends_with("c/b.html"));
        assert_eq!(corpus.skipped, 1, "a.md is not included");
    }

    #[test]
    fn a_bad_glob_is_an_error_naming_it() {
        let err = Selection::new(&[], &["a[".into()], false, true).expect_err("unclosed class");
        assert_eq!(err.glob, "a[");
    }

    #[test]
    fn a_path_list_is_one_path_a_line() {
        let list = "a.md\r\n\n  \nfolder/b.txt\n";
        let paths = read_path_list(list.as_bytes()).expect("read");
        assert_eq!(
            paths,
            [PathBuf::from("a.md"), PathBuf::from("folder/b.txt")]
        );
    }

    #[test]
    fn the_meter_knows_the_bytes_to_read_before_the_first_document_and_reaches_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "c/a.txt", b"The fire killed 3 people.\n");
        write(dir.path(), "c/b.md", b"Four were hurt.\n");
        let lines = b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n";
        write(dir.path(), "c/d.jsonl", lines);
        let meter = Arc::new(ReadMeter::default());
        let selection = Selection::default().with_meter(Arc::clone(&meter));
        let total = (26 + 16 + lines.len()) as u64;
        let mut seen = Vec::new();
        let corpus = stream_selected(
            &[dir.path().join("c")],
            &selection,
            &mut |_| {
                seen.push(meter.get());
            },
            &mut |_| {},
        );
        assert!(corpus.errors.is_empty());
        assert_eq!(seen.len(), 4);
        assert!(seen.iter().all(|&(_, t)| t == total), "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
        assert_eq!(meter.get(), (total, total));
    }

    #[test]
    fn progress_is_called_once_a_document() {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..5 {
            write(dir.path(), &format!("c/{i}.md"), b"x");
        }
        let mut seen = Vec::new();
        read_selected(&[dir.path().join("c")], &Selection::default(), &mut |n| {
            seen.push(n)
        });
        assert_eq!(seen, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_released_text_is_read_again_from_a_file_or_a_json_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(
            dir.path(),
            "c/a.md",
            b"---\ntitle: T\n---\nSix were hurt.\n",
        );
        write(
            dir.path(),
            "c/b.jsonl",
            "{\"id\": \"x\", \"text\": \"Two died.\"}\r\n\n{\"text\": \"Caf\u{e9} \u{2013} three\"}\n"
                .as_bytes(),
        );
        let corpus = read_paths(&[dir.path().join("c")]);
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        assert_eq!(corpus.documents.len(), 3);
        for doc in corpus.documents {
            let mut released = doc.clone();
            released.release_text();
            assert!(released.text.is_empty() && !released.has_text());
            restore_text(&mut released).expect("the file is unchanged");
            assert_eq!(released.text, doc.text);
            assert_eq!(released.path, doc.path);
            let again = read_again(&doc.origin).expect("read again");
            assert_eq!(
                (again.path, again.group, again.meta),
                (doc.path, doc.group, doc.meta)
            );
        }
    }

    #[test]
    fn a_text_changed_or_deleted_since_it_was_read_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = write(dir.path(), "c/a.md", b"Six were hurt.\n");
        let b = write(dir.path(), "c/b.jsonl", b"{\"text\": \"Two died.\"}\n");
        let corpus = read_paths(&[dir.path().join("c")]);
        let mut docs = corpus.documents;
        for doc in &mut docs {
            doc.release_text();
        }
        write(dir.path(), "c/a.md", b"Seven were hurt.\n");
        fs::remove_file(&b).expect("remove");
        assert!(matches!(
            restore_text(&mut docs[0]),
            Err(ReadAgainError::Changed)
        ));
        assert!(matches!(
            restore_text(&mut docs[1]),
            Err(ReadAgainError::Unreadable(_))
        ));
        fs::remove_file(&a).expect("remove");
        assert!(restore_text(&mut docs[0]).is_err());
        assert!(docs.iter().all(|d| d.text.is_empty()));
        let mut memory = Document::from_text("m.txt", "kept");
        memory.release_text();
        assert_eq!(memory.text, "kept", "nothing to read it again from: kept");
    }

    #[test]
    fn json_lines_are_streamed_with_line_numbers_and_offsets() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = "{\"text\": \"one\"}\nnot json\n\n{\"text\": \"four\", \"id\": 4}";
        write(dir.path(), "c.jsonl", text.as_bytes());
        let corpus = read_paths(&[dir.path().join("c.jsonl")]);
        let lines: Vec<usize> = corpus
            .errors
            .iter()
            .map(|e| match e {
                IngestError::BadJsonLine { line, .. } => *line,
                _ => 0,
            })
            .collect();
        assert_eq!(lines, [2]);
        let origins: Vec<(u64, u64, usize)> = corpus
            .documents
            .iter()
            .map(|d| match &d.origin {
                Origin::JsonLine {
                    offset, len, line, ..
                } => (*offset, *len, *line),
                _ => (0, 0, 0),
            })
            .collect();
        assert_eq!(origins, [(0, 15, 1), (26, 25, 4)]);
        assert!(corpus.documents[1].path.ends_with("c.jsonl#4"));
    }

    #[test]
    fn reading_ahead_hands_over_what_reading_in_place_does() {
        let dir = tempfile::tempdir().expect("temp dir");
        // More text than one bundle, so that several cross between the threads.
        let body = "Four people were hurt. ".repeat(2_000);
        for i in 0..60 {
            write(dir.path(), &format!("f{i:02}.md"), body.as_bytes());
        }
        write(dir.path(), "bin.txt", b"abc\0def");
        write(dir.path(), "c.jsonl", b"{\"text\": \"one\"}\nnot json\n");
        let paths = [dir.path().to_path_buf()];
        let selection = Selection::default();
        let mut in_place = Vec::new();
        let mut counted = Vec::new();
        let expected = stream_selected(&paths, &selection, &mut |n| counted.push(n), &mut |d| {
            in_place.push(d.path);
        });
        let mut ahead = Vec::new();
        let mut shown = Vec::new();
        let corpus = stream_selected_ahead(&paths, &selection, &mut |n| shown.push(n), &mut |d| {
            ahead.push(d.path);
        });
        assert_eq!(in_place.len(), 61);
        assert_eq!(ahead, in_place);
        assert_eq!(corpus.warnings, expected.warnings);
        assert_eq!(corpus.errors.len(), 1);
        assert_eq!(corpus.skipped, expected.skipped);
        // Progress rises to the same count, a bundle at a time.
        assert!(shown.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(shown.last(), counted.last());
        assert!(shown.len() > 1);
    }
}
