//! The plain data that flows through the pipeline:
//! `Document -> Claim -> ClaimGroup -> Finding`.
//!
//! Nothing here does I/O or knows about rendering; every stage takes and returns these types.
//! Byte offsets are always into [`Document::text`], which is the file as stored (or, for a file
//! that was not UTF-8, its decoded text). A document's text is let go once its claims are
//! extracted ([`Document::release_text`]); its [`Origin`] says where to read it again, and its
//! [`TextStamp`] tells whether what is read again is still the text the claims point into.

use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize};

/// The subject key of a figure about a report's incident when the report names none.
pub const EVENT_KEY: &str = "event";

/// Index of a document in the corpus, in the order the documents were read.
pub type DocId = usize;

/// Metadata from a document's front matter (Markdown `---` block) when it has one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub title: Option<String>,
    /// What the document is about, when its front matter says so (`topic:`): the subject of
    /// the figures that name none ([`crate::extract::topic`]).
    pub topic: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Where a document's text can be read again after it was let go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Origin {
    /// Built in memory (tests, library callers): there is nothing to read again.
    #[default]
    Memory,
    /// A whole file: where it is, and its path as shown (the document's `path`).
    File { path: PathBuf, shown: String },
    /// One line of a JSON Lines file: the object whose `text` field is the document.
    JsonLine {
        /// The file, shared by all its lines.
        file: Arc<Path>,
        /// The file's path as shown (documents are `shown#id`).
        shown: Arc<str>,
        /// Byte offset of the line in the file (in its decoded text when `decoded`).
        offset: u64,
        /// Length of the line in bytes, without its line break.
        len: u64,
        /// 1-based line number, for messages.
        line: usize,
        /// The file was not UTF-8 and was decoded as a whole; offsets are into that text.
        decoded: bool,
    },
}

/// The length and a hash of a text that was let go, to tell whether it changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStamp {
    pub len: usize,
    pub hash: u64,
}

impl TextStamp {
    pub fn of(text: &str) -> Self {
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(text.as_bytes());
        Self {
            len: text.len(),
            hash: hasher.finish(),
        }
    }
}

/// One article of the corpus: metadata, and its text while its claims are extracted.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (joined with the walked file name).
    pub path: String,
    /// The folder that `--group-by folder` groups by.
    pub group: String,
    /// The full text as stored (front matter included, so offsets match the file). Empty
    /// once released ([`Document::release_text`]) until it is read again for a report.
    pub text: String,
    /// Byte offset where the body starts (after any front matter).
    pub body_start: usize,
    pub meta: Metadata,
    /// Set when the file was not valid UTF-8 and was decoded with a fallback encoding.
    pub decoded_from: Option<String>,
    /// Where the text can be read again.
    pub origin: Origin,
    /// Set when the text was let go: what it was, to check a text read again against.
    pub released: Option<TextStamp>,
}

impl Document {
    /// A document made from a string, for tests and library callers.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            group: String::new(),
            text: text.into(),
            body_start: 0,
            meta: Metadata::default(),
            decoded_from: None,
            origin: Origin::Memory,
            released: None,
        }
    }

    /// Lets the text go (its claims are extracted), keeping its stamp. A document built in
    /// memory keeps its text: there would be nothing to read it again from.
    pub fn release_text(&mut self) {
        if self.origin == Origin::Memory || self.released.is_some() {
            return;
        }
        self.released = Some(TextStamp::of(&self.text));
        self.text = String::new();
    }

    /// Whether the text is in memory (never released, or read again).
    pub fn has_text(&self) -> bool {
        self.released.is_none()
    }
}

/// A byte range in a document, with the 1-based line and column of its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    /// 1-based, counted in characters (Unicode scalar values) from the start of the line.
    pub column: usize,
}

/// What sort of value a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quantity,
    Date,
    Role,
    /// A quoted sentence and who said it.
    Quote,
    /// Where the event a report covers happened.
    Place,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Date => "date",
            ClaimKind::Role => "role",
            ClaimKind::Quote => "quote",
            ClaimKind::Place => "place",
        }
    }
}

/// What a claim is about, as written and as a normalised key used for alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    pub text: String,
    pub key: String,
}

impl Subject {
    /// One common noun ("games", "people"), not a name or a described thing.
    pub fn is_common_noun(&self) -> bool {
        !self.key.contains(' ') && !self.text.chars().any(char::is_uppercase)
    }
}

/// A numeric interval; `None` is unbounded on that side. Exact figures have `low == high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl Interval {
    pub fn exact(x: f64) -> Self {
        Self {
            low: Some(x),
            high: Some(x),
        }
    }

    /// Whether the two intervals share at least one point (closed on both sides).
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = matches!((self.high, other.low), (Some(h), Some(l)) if h < l);
        let above = matches!((self.low, other.high), (Some(l), Some(h)) if l > h);
        !below && !above
    }

    pub fn is_exact(&self) -> bool {
        matches!((self.low, self.high), (Some(l), Some(h)) if l == h)
    }

    pub fn scaled(&self, factor: f64) -> Self {
        Self {
            low: self.low.map(|v| v * factor),
            high: self.high.map(|v| v * factor),
        }
    }
}

/// A calendar date as far as the text states it.
// Unknown fields are refused so that, read back inside the untagged `Value`, a role, quote or
// place is never taken for a date that states nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The text named the date relative to the document's own date ("Thursday", "last
    /// month"), and it was worked out from the front matter's `date`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
    /// The text bounds the date rather than stating it: "born before 1944", "released after
    /// 2 May". None for a date stated as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<DateBound>,
}

/// How a date that is a bound holds: strictly before or after the date written, or on it or
/// before ("until", "by") or after ("since").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateBound {
    Before,
    After,
    Until,
    Since,
}

impl DateBound {
    pub fn as_str(self) -> &'static str {
        match self {
            DateBound::Before => "before",
            DateBound::After => "after",
            DateBound::Until => "until",
            DateBound::Since => "since",
        }
    }
}

impl DateValue {
    /// A date as written in full or in part.
    pub fn new(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Self {
        Self {
            year,
            month,
            day,
            resolved: false,
            bound: None,
        }
    }
}

/// A day as (year, month, day), ordered as the calendar is; months and days run to 12 and 31
/// whatever the month, which orders them right without knowing month lengths.
type Day = (i32, u32, u32);

impl DateValue {
    /// Two dates agree when every field both of them state is the same. A bound ("before
    /// 1944") agrees with a date or a bound that can fall inside it: the days each can be
    /// overlap. Without a year on both sides a bound is not held against anything.
    pub fn compatible(&self, other: &DateValue) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        if self.bound.is_some() || other.bound.is_some() {
            return match (self.days(), other.days()) {
                (Some((a_lo, a_hi)), Some((b_lo, b_hi))) => a_lo <= b_hi && b_lo <= a_hi,
                _ => true,
            };
        }
        same(self.year, other.year) && same(self.month, other.month) && same(self.day, other.day)
    }

    /// The first and last day the date can be, as a bound makes it; none without a year.
    fn days(&self) -> Option<(Day, Day)> {
        const FIRST: Day = (i32::MIN, 0, 0);
        const LAST: Day = (i32::MAX, 13, 32);
        let year = self.year?;
        let lo = (year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        let hi = (year, self.month.unwrap_or(12), self.day.unwrap_or(31));
        let before = |d: Day| match d {
            (y, 1, 1) => (y - 1, 12, 31),
            (y, m, 1) => (y, m - 1, 31),
            (y, m, day) => (y, m, day - 1),
        };
        let after = |d: Day| match d {
            (y, 12, 31) => (y + 1, 1, 1),
            (y, m, 31) => (y, m + 1, 1),
            (y, m, day) => (y, m, day + 1),
        };
        Some(match self.bound {
            None => (lo, hi),
            Some(DateBound::Before) => (FIRST, before(lo)),
            Some(DateBound::Until) => (FIRST, hi),
            Some(DateBound::After) => (after(hi), LAST),
            Some(DateBound::Since) => (lo, LAST),
        })
    }
}

/// The value a claim states; its variant matches the claim's [`ClaimKind`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Quantity {
        low: Option<f64>,
        high: Option<f64>,
        /// Unit code from the rules (`USD`, `mi`, `%`), or `count` for counted things.
        unit: String,
        /// True when a hedge ("about", "nearly", "just over") says the figure is not exact.
        /// `low` and `high` stay the figure as stated ("about $14 million" is 14 M–14 M).
        approximate: bool,
        /// For an approximate figure, the interval its hedge allows (the stated figure widened
        /// by the band of `rules/thresholds.toml` or of its qualifier rule, on one side for
        /// "nearly" and "just over"): what comparison reads, through [`Value::interval`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        band: Option<Interval>,
    },
    Date(DateValue),
    Role {
        person: String,
        title: String,
    },
    /// Who a quoted sentence is attributed to.
    Quote {
        speaker: String,
        quote: String,
    },
    /// A place: a city or town and, when the text gives it, its region (state, province).
    Place {
        city: String,
        region: Option<String>,
    },
}

impl Value {
    /// The interval a quantity allows, as comparison reads it: the band of an approximate
    /// figure, else the figure as stated.
    pub fn interval(&self) -> Option<Interval> {
        match self {
            Value::Quantity {
                band: Some(band), ..
            } => Some(*band),
            _ => self.stated(),
        }
    }

    /// The figure a quantity states, before any hedge band: "about 40" is 40.
    pub fn stated(&self) -> Option<Interval> {
        match self {
            Value::Quantity { low, high, .. } => Some(Interval {
                low: *low,
                high: *high,
            }),
            _ => None,
        }
    }
}

/// A place as shown to the reader: "Alturas, California", or the city alone.
pub fn place_name(city: &str, region: Option<&str>) -> String {
    match region {
        Some(r) => format!("{city}, {r}"),
        None => city.to_string(),
    }
}

/// Whether a document states a figure as fact, or as planned, possible or denied.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Planned, expected or promised: "plans to send six", "is expected to reach 40".
    Planned,
    /// Possible, feared or conditional: "could take years", "might reach 50".
    Hypothetical,
    /// Denied: "not four but five" (the four).
    Negated,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// How much of its subject's property a figure states.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole count or value: "four people were shot", "Hardmon, 25", "on March 7".
    #[default]
    Total,
    /// Some of them, named as a part: "two of them critically", "including three children",
    /// "four others were also shot". At least the figure, in total.
    Part,
    /// One member described on their own: "a man was shot in the chest", "the senator was
    /// killed". At least one, in total.
    Member,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Total => "total",
            Scope::Part => "part",
            Scope::Member => "member",
        }
    }
}

/// What a doubt is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aspect {
    /// Whom or what the claim is about: "the sentence" without the person it was passed on.
    Subject,
    /// What the figure covers: a place named in passing, a post as written but not known.
    Scope,
    /// When: a weekday worked out from a doubtful anchor, a date whose clause is not the
    /// event's.
    Time,
    /// The value itself: a title that is not a known post.
    Value,
}

impl Aspect {
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Subject => "subject",
            Aspect::Scope => "scope",
            Aspect::Time => "time",
            Aspect::Value => "value",
        }
    }
}

/// Why the extractor is not sure of one aspect of a claim. A claim with a doubt is still
/// reported and may agree with others, but it is never held against another claim as a
/// conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Doubt {
    pub about: Aspect,
    /// One phrase a reviewer reads: "weekday worked out from 'today' in the report".
    pub why: &'static str,
}

// By hand: derived, serde would borrow `why` from the input, which then must live forever.
impl<'de> Deserialize<'de> for Doubt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Read {
            about: Aspect,
            why: String,
        }
        let read = Read::deserialize(deserializer)?;
        Ok(Doubt {
            about: read.about,
            why: interned_why(&read.why),
        })
    }
}

/// Reads a doubt's reason back (claims serialised by this library and shipped to another
/// process, as the Python bindings do between the stages of a distributed run). The reasons are
/// the extractor's constant phrases, so each distinct text is kept once for the life of the
/// process: memory grows with the number of distinct reasons, never with the number of claims.
pub(crate) fn interned_why(text: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{LazyLock, Mutex};
    static SEEN: LazyLock<Mutex<HashSet<&'static str>>> =
        LazyLock::new(|| Mutex::new(HashSet::new()));
    let mut seen = SEEN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&known) = seen.get(text) {
        return known;
    }
    let kept: &'static str = Box::leak(text.to_string().into_boxed_str());
    seen.insert(kept);
    kept
}

impl Doubt {
    pub fn new(about: Aspect, why: &'static str) -> Self {
        Self { about, why }
    }
}

/// One statement extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub doc: DocId,
    pub span: Span,
    /// Exactly `document.text[span.start..span.end]`.
    pub text: String,
    pub kind: ClaimKind,
    pub subject: Option<Subject>,
    /// What is stated about the subject: `count`, `killed`, `range`, `date`, `title`, ...
    pub property: String,
    /// A change ("four more", "another six") rather than a total.
    pub increment: bool,
    /// Stated as fact, planned, possible or denied; only claims of the same standing are
    /// compared, and denied ones never are.
    pub modality: Modality,
    /// The whole of what the property counts, or a part or one member of it (a lower bound).
    pub scope: Scope,
    /// What the extractor is unsure of; empty when the claim is definite.
    pub doubts: Vec<Doubt>,
    pub value: Value,
    /// A measure converted to the base unit of its dimension (`190 mi` is 305,775 `m`), kept
    /// beside the value as written; `None` for counts, dates, roles and quotes.
    pub base: Option<BaseValue>,
    /// How the value reads to a person: `2 units`, `> 40 members`, `title: Supreme General`.
    pub label: String,
    /// The words after the span that name what a count counts, kept only when they spell out
    /// an acronym ("portable lake oil washers (PLOW)" after "three"): the span ends at the
    /// figure, and `align::learn_acronyms` reads these words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<Box<str>>,
}

impl Claim {
    /// Definite about its subject, scope, time and value: only such claims conflict.
    pub fn is_definite(&self) -> bool {
        self.doubts.is_empty()
    }

    /// The value's interval as a bound on the whole: a part or a member states at least its
    /// figure.
    pub fn total_interval(&self) -> Option<Interval> {
        let v = self.value.interval()?;
        Some(match self.scope {
            Scope::Total => v,
            Scope::Part | Scope::Member => Interval {
                low: v.low,
                high: None,
            },
        })
    }
}

/// A quantity in the base unit of its dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseValue {
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The code of the dimension's base unit (`m`, `kg`, `s`, `USD`).
    pub unit: String,
}

/// Claims from several documents that are about the same subject and property and so are
/// compared with one another.
#[derive(Debug, Clone)]
pub struct ClaimGroup {
    pub kind: ClaimKind,
    /// The subject as shown to people (the most common spelling in the group).
    pub subject: String,
    pub subject_key: String,
    pub property: String,
    pub increment: bool,
    /// Indices into the corpus-wide claim list, sorted by document then offset.
    pub claims: Vec<usize>,
    /// Why claims with different spellings were taken as one subject, if any were.
    pub merges: Vec<String>,
}

/// Whether the sources agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    /// Reports of the same time disagree.
    Conflict,
    /// A figure that evolves (casualties, totals) differs, and the later report gives the
    /// later figure: "killed: 1 on 20 February, 2 on 22 February". A warning, not an error.
    Update,
    Agreement,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Conflict => "conflict",
            FindingKind::Update => "update",
            FindingKind::Agreement => "agreement",
        }
    }
}

/// One distinct value of a finding and the documents that state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    /// The value as shown to people ("2 killed", "title: Mayor").
    pub value: String,
    /// Indices into the corpus's documents, ascending.
    pub documents: Vec<DocId>,
}

/// How much a finding matters to a gate: a conflict between definite claims is an error, an
/// update a warning, an agreement a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// The severity a finding of this kind has.
    pub fn of(kind: FindingKind) -> Self {
        match kind {
            FindingKind::Conflict => Severity::Error,
            FindingKind::Update => Severity::Warning,
            FindingKind::Agreement => Severity::Note,
        }
    }
}

/// The verdict on one group of claims.
#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// Stable code, e.g. `crosscheck::conflict::quantity`.
    pub code: String,
    pub subject: String,
    pub property: String,
    /// One line that says why: "2 and 6 do not overlap".
    pub message: String,
    /// Why the claims were put together: "the same subject 'shooting' and property 'killed',
    /// both totals".
    pub grouped: String,
    /// Indices into the corpus-wide claim list.
    pub claims: Vec<usize>,
    /// The claims of `claims` that were not held against the others (a doubt, or a part of the
    /// total), each with the reason.
    pub set_aside: Vec<(usize, String)>,
    /// Each distinct value and the documents that state it, the most supported first.
    pub support: Vec<Support>,
}

/// A problem with one input that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

/// Builders for tests of the later stages, which need claims and documents but not text.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;

    /// A count claim about `subject` (keyed `key`) in document `doc`, from `low` to `high`.
    pub fn quantity(
        doc: DocId,
        subject: &str,
        key: &str,
        low: Option<f64>,
        high: Option<f64>,
        unit: &str,
        label: &str,
    ) -> Claim {
        Claim {
            doc,
            span: Span {
                start: 0,
                end: 1,
                line: 1,
                column: 1,
            },
            text: "x".into(),
            kind: ClaimKind::Quantity,
            subject: Some(Subject {
                text: subject.into(),
                key: key.into(),
            }),
            property: "count".into(),
            increment: false,
            modality: Modality::Asserted,
            scope: Scope::Total,
            doubts: Vec::new(),
            value: Value::Quantity {
                low,
                high,
                unit: unit.into(),
                approximate: false,
                band: None,
            },
            base: None,
            label: label.into(),
            noun: None,
        }
    }

    /// `n` empty documents named `d0.txt`, `d1.txt`, ...
    pub fn documents(n: usize) -> Vec<Document> {
        (0..n)
            .map(|i| Document::from_text(format!("d{i}.txt"), ""))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounded(year: i32, month: Option<u32>, day: Option<u32>, b: DateBound) -> DateValue {
        DateValue {
            bound: Some(b),
            ..DateValue::new(Some(year), month, day)
        }
    }

    #[test]
    fn a_date_bound_holds_the_days_on_its_side_of_the_date() {
        let day = DateValue::new(Some(1997), Some(7), Some(22));
        let before = |m, d| bounded(1997, Some(m), Some(d), DateBound::Before);
        assert!(!before(7, 15).compatible(&day));
        assert!(before(7, 23).compatible(&day));
        // Strictly before: the day itself is not before itself; "until" takes it in.
        assert!(!before(7, 22).compatible(&day));
        assert!(bounded(1997, Some(7), Some(22), DateBound::Until).compatible(&day));
        // A year bounds the whole year: "after 1996" starts on 1 January 1997.
        assert!(bounded(1996, None, None, DateBound::After).compatible(&day));
        assert!(!bounded(1997, None, None, DateBound::After).compatible(&day));
        assert!(bounded(1997, None, None, DateBound::Since).compatible(&day));
        // The first of a month and of a year step back across the boundary.
        assert!(!before(1, 1).compatible(&DateValue::new(Some(1997), Some(1), Some(1))));
        assert!(before(1, 1).compatible(&DateValue::new(Some(1996), Some(12), Some(31))));
        // Two bounds agree when some day lies within both.
        assert!(
            bounded(2000, None, None, DateBound::Before).compatible(&bounded(
                1990,
                None,
                None,
                DateBound::After
            ))
        );
        assert!(
            !bounded(1990, None, None, DateBound::Before).compatible(&bounded(
                2000,
                None,
                None,
                DateBound::After
            ))
        );
        // Without a year on both sides nothing is held.
        assert!(before(7, 15).compatible(&DateValue::new(None, Some(7), Some(30))));
    }
}
