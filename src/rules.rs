//! Rules: the data the extractor and matcher read (number words, qualifiers, units, properties,
//! titles, aliases, events, thresholds).
//!
//! Every rules file, built in or the user's, has the same schema ([`RuleFile`]); any file may hold
//! any section. The built-in files in `rules/` are embedded in the binary; a user's `--rules DIR`
//! adds its `*.toml` files on top (lists are extended, maps and thresholds overridden). Files are
//! parsed with `deny_unknown_fields` and validated before any document is read; a mistake is a
//! [`RulesError`] that points at the line and column in that file.

use std::borrow::Cow;
use std::collections::BTreeMap;

// FxHash: these maps are looked up for every token of every document.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use miette::{Diagnostic, SourceSpan};
use serde::Deserialize;
use thiserror::Error;

/// The built-in rule files, in the order they are applied.
pub const BUILTIN: &[(&str, &str)] = &[
    ("numbers.toml", include_str!("../rules/numbers.toml")),
    ("qualifiers.toml", include_str!("../rules/qualifiers.toml")),
    ("units.toml", include_str!("../rules/units.toml")),
    ("properties.toml", include_str!("../rules/properties.toml")),
    ("titles.toml", include_str!("../rules/titles.toml")),
    ("aliases.toml", include_str!("../rules/aliases.toml")),
    ("lexicon.toml", include_str!("../rules/lexicon.toml")),
    ("thresholds.toml", include_str!("../rules/thresholds.toml")),
    ("places.toml", include_str!("../rules/places.toml")),
    ("dates.toml", include_str!("../rules/dates.toml")),
];

/// A rules file that could not be used.
#[derive(Debug, Error, Diagnostic)]
pub enum RulesError {
    #[error("cannot read rules file {path}: {message}")]
    #[diagnostic(code(crosscheck::rules::unreadable))]
    Unreadable { path: String, message: String },

    #[error("invalid rules file {path}: {message}")]
    #[diagnostic(code(crosscheck::rules::invalid))]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        src: crate::text::Excerpt,
        #[label("{label}")]
        span: Option<SourceSpan>,
        label: String,
    },
}

impl RulesError {
    fn invalid(
        path: &str,
        text: &str,
        message: String,
        span: Option<std::ops::Range<usize>>,
    ) -> Self {
        let site = crate::text::error_site(path, text, &message, span);
        RulesError::Invalid {
            path: path.to_string(),
            message,
            src: site.src,
            span: site.span,
            label: site.label,
        }
    }
}

/// The schema of one rules file. Every section is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    /// Cardinal number words: `one = 1`, `twenty = 20`.
    #[serde(default)]
    pub number_words: BTreeMap<String, f64>,
    /// Multipliers written as words after a number: `million = 1e6`.
    #[serde(default)]
    pub scales: BTreeMap<String, f64>,
    /// Multipliers abbreviated after digits, attached or spaced: `bn = 1e9` ("3bn", "$5m").
    #[serde(default)]
    pub scale_abbreviations: BTreeMap<String, f64>,
    /// Fractions as shares of a whole: `half = 0.5`, `third = 0.3333`, `thirds` for "two-thirds".
    #[serde(default)]
    pub fractions: BTreeMap<String, f64>,
    /// Words for a multiple that count the victims of an event noun after them: `double = 2`
    /// ("a double homicide" is two killed; see [`PropertyRule::counted_events`]).
    #[serde(default)]
    pub multiples: BTreeMap<String, f64>,
    /// Fixed phrases that state a number or a bound: "a dozen", "dozens of".
    #[serde(default)]
    pub number_phrase: Vec<NumberPhrase>,
    /// Ordinal words that are never counts ("first", "fourth").
    #[serde(default)]
    pub ordinals: Vec<String>,
    /// SI prefix symbols and their factors: `k = 1e3`, `"μ" = 1e-6`.
    #[serde(default)]
    pub si_prefixes: BTreeMap<String, f64>,
    /// Words that make the number after them negative: "minus five", "negative one".
    #[serde(default)]
    pub negative_words: Vec<String>,
    /// Words between the whole part and the digits of a decimal: "nine point zero four".
    #[serde(default)]
    pub point_words: Vec<String>,
    /// Nouns whose number after them is a label, not a quantity: "Figure 2", "phase 3".
    #[serde(default)]
    pub label_words: Vec<String>,
    #[serde(default)]
    pub qualifier: Vec<QualifierRule>,
    #[serde(default)]
    pub increment: Option<IncrementRule>,
    #[serde(default)]
    pub unit: Vec<UnitRule>,
    #[serde(default)]
    pub property: Vec<PropertyRule>,
    #[serde(default)]
    pub post: Vec<PostRule>,
    #[serde(default)]
    pub title_words: Option<TitleWords>,
    #[serde(default)]
    pub alias: Vec<AliasRule>,
    /// Regions a town is named with, each form to its name: `"Calif." = "California"`.
    #[serde(default)]
    pub regions: BTreeMap<String, String>,
    /// Spelling variants folded before comparing names: `defence = "defense"`.
    #[serde(default)]
    pub spelling: BTreeMap<String, String>,
    #[serde(default)]
    pub event: Vec<EventRule>,
    #[serde(default)]
    pub lexicon: Option<LexiconRule>,
    #[serde(default)]
    pub thresholds: Option<ThresholdRule>,
    /// The words of dates: months, weekdays, day ordinals, units of time, holidays.
    #[serde(default)]
    pub dates: Option<DateRule>,
}

/// The words the date reader knows (`[dates]`, in `rules/dates.toml`): another language's dates
/// are another file of these tables. Keys are matched in lowercase.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DateRule {
    /// Month names and abbreviations to their numbers: `january = 1`, `sept = 9`.
    #[serde(default)]
    pub months: BTreeMap<String, u32>,
    /// Weekday names to their numbers, Monday 1 to Sunday 7: `friday = 5`, `fri = 5`.
    #[serde(default)]
    pub weekdays: BTreeMap<String, u32>,
    /// Ordinal words for days of a month: `first = 1`, `thirtieth = 30` ("thirty first" is
    /// "thirty" and "first").
    #[serde(default)]
    pub day_ordinals: BTreeMap<String, u32>,
    /// Units of time to their length: `day = "1d"`, `fortnight = "14d"`, `year = "12m"`
    /// (a number of days or of months).
    #[serde(default)]
    pub units: BTreeMap<String, String>,
    /// Holidays to their day: `christmas = "12-25"`, or `easter`, `easter-2` (two days before
    /// Easter Sunday), `easter+1`.
    #[serde(default)]
    pub holidays: BTreeMap<String, String>,
    /// The words of relative dates, each list one role; see `rules/dates.toml`.
    #[serde(default)]
    pub words: BTreeMap<String, Vec<String>>,
}

/// A unit of time as [`DateRule::units`] gives it, settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Days(u32),
    Months(u32),
}

/// A holiday's day as [`DateRule::holidays`] gives it, settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayDay {
    Fixed {
        month: u32,
        day: u32,
    },
    /// Days after Easter Sunday (negative before it).
    Easter(i32),
}

/// The roles a word list of [`DateRule::words`] may have.
pub const DATE_WORD_ROLES: &[&str] = &[
    "ago", "later", "earlier", "ahead", "from", "before", "since", "now", "next", "last", "this",
    "coming", "past", "week", "month", "year", "day",
];

/// The date words, merged and checked.
#[derive(Debug, Clone, Default)]
pub struct DateRules {
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub day_ordinals: HashMap<String, u32>,
    pub units: HashMap<String, TimeUnit>,
    /// Holidays by their words (a holiday of several words is the words joined by spaces).
    pub holidays: HashMap<String, HolidayDay>,
    /// The longest holiday name, in words.
    pub holiday_words: usize,
    /// The first words of the holidays' names.
    pub holiday_starts: HashSet<String>,
    pub words: HashMap<String, HashSet<String>>,
    /// The written forms' patterns, built from the month names on first use by the date
    /// reader, held without naming their type so that the rules import nothing of the readers.
    pub forms: std::sync::OnceLock<std::sync::Arc<dyn std::any::Any + Send + Sync>>,
}

impl DateRules {
    /// Whether `word` (lowercase) has the role `role` (one of [`DATE_WORD_ROLES`]).
    pub fn is(&self, role: &str, word: &str) -> bool {
        self.words.get(role).is_some_and(|w| w.contains(word))
    }

    fn merge(&mut self, file: DateRule) -> Result<(), (String, String)> {
        self.forms = std::sync::OnceLock::new();
        for (name, n) in file.months {
            if !(1..=12).contains(&n) {
                return Err((format!("month `{name}` must be 1 to 12"), name));
            }
            self.months.insert(name.to_lowercase(), n);
        }
        for (name, n) in file.weekdays {
            if !(1..=7).contains(&n) {
                return Err((format!("weekday `{name}` must be 1 (Monday) to 7"), name));
            }
            self.weekdays.insert(name.to_lowercase(), n);
        }
        for (name, n) in file.day_ordinals {
            if !(1..=31).contains(&n) {
                return Err((format!("day ordinal `{name}` must be 1 to 31"), name));
            }
            self.day_ordinals.insert(name.to_lowercase(), n);
        }
        for (name, v) in file.units {
            let unit = v
                .strip_suffix('d')
                .and_then(|n| n.parse().ok())
                .map(TimeUnit::Days)
                .or_else(|| {
                    v.strip_suffix('m')
                        .and_then(|n| n.parse().ok())
                        .map(TimeUnit::Months)
                })
                .filter(|u| !matches!(u, TimeUnit::Days(0) | TimeUnit::Months(0)));
            let Some(unit) = unit else {
                return Err((
                    format!("unit `{name}` must be a number of days or months: \"7d\", \"12m\""),
                    name,
                ));
            };
            self.units.insert(name.to_lowercase(), unit);
        }
        for (name, v) in file.holidays {
            let Some(day) = holiday_day(&v) else {
                return Err((
                    format!("holiday `{name}` must be \"MM-DD\", \"easter\" or \"easter-N\""),
                    name,
                ));
            };
            // Possessives are matched without their "'s" ("new year's day", "new years day").
            let key = name
                .to_lowercase()
                .split_whitespace()
                .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
                .collect::<Vec<_>>()
                .join(" ");
            self.holiday_words = self.holiday_words.max(key.split(' ').count());
            if let Some(first) = key.split(' ').next() {
                self.holiday_starts.insert(first.to_string());
            }
            self.holidays.insert(key, day);
        }
        for (role, list) in file.words {
            if !DATE_WORD_ROLES.contains(&role.as_str()) {
                return Err((
                    format!(
                        "date word role `{role}` is none of {}",
                        DATE_WORD_ROLES.join(", ")
                    ),
                    role,
                ));
            }
            self.words
                .entry(role)
                .or_default()
                .extend(list.iter().map(|w| w.to_lowercase()));
        }
        Ok(())
    }
}

/// A holiday's day from its rules text: "12-25", "easter", "easter-2", "easter+1".
fn holiday_day(v: &str) -> Option<HolidayDay> {
    if let Some(rest) = v.strip_prefix("easter") {
        let shift = match rest {
            "" => 0,
            r => r.strip_prefix('+').unwrap_or(r).parse().ok()?,
        };
        return Some(HolidayDay::Easter(shift));
    }
    let (m, d) = v.split_once('-')?;
    let (month, day): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(HolidayDay::Fixed { month, day })
}

/// A fixed phrase that states a number or a bound.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NumberPhrase {
    pub text: String,
    /// Lower bound; absent means unbounded.
    pub low: Option<f64>,
    /// Upper bound; absent means unbounded.
    pub high: Option<f64>,
}

/// How a hedge turns a figure into an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IntervalShape {
    /// The figure is a lower bound: "more than 40", "at least 40".
    Above,
    /// The figure is an upper bound: "up to 700", "fewer than 10".
    Below,
    /// A band on both sides of the figure: "about 45".
    Around,
    /// A band just below the figure: "nearly 50", "almost 50".
    Nearly,
    /// A band just above the figure: "just over 50".
    JustOver,
    /// The figure itself: "exactly", "precisely".
    Exactly,
}

/// A hedge before a number ("more than", "around") and the interval it makes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QualifierRule {
    pub phrases: Vec<String>,
    pub interval: IntervalShape,
    /// How labels show the hedge: `>`, `≥`, `≤`, `<`, `~`. Defaults by shape.
    pub sign: Option<String>,
    /// `before` the figure ("more than 40", the default) or `after` it ("40 or more").
    #[serde(default)]
    pub position: QualifierPosition,
    /// Relative width of the band for `around`, `nearly` and `just-over`; defaults to the
    /// thresholds' `band`.
    pub band: Option<f64>,
}

/// Where a qualifier stands relative to its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QualifierPosition {
    #[default]
    Before,
    After,
}

/// Words that make a figure a change rather than a total.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct IncrementRule {
    /// Before the number: "another six", "an additional six".
    #[serde(default)]
    pub before: Vec<String>,
    /// Right after the number: "four more", "six additional".
    #[serde(default)]
    pub after: Vec<String>,
}

/// A unit of measure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnitRule {
    /// The code shown in claims: `mi`, `USD`, `%`.
    pub code: String,
    /// What it measures; values are compared only within one dimension.
    pub dimension: String,
    /// How many base units of the dimension one of this unit is.
    #[serde(default = "one")]
    pub factor: f64,
    /// Words or abbreviations after the number: "miles", "mi", "percent".
    #[serde(default)]
    pub names: Vec<String>,
    /// Symbols or codes before the number: "$", "US$".
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// How far one of this unit may stray from `factor` (relative): a month is 28 to 31 days.
    #[serde(default)]
    pub tolerance: f64,
    /// SI prefixes (keys of `si-prefixes`) this unit takes before its code: `["k", "M"]` on
    /// `Pa` makes `kPa` and `MPa`, each a unit of its own with its factor scaled.
    #[serde(default)]
    pub si_prefixes: Vec<String>,
    /// When not empty, a name of the unit is one only before one of these words: "times" is
    /// a multiple in "20 times higher" and a count of occasions in "won 20 times".
    #[serde(default)]
    pub only_before: Vec<String>,
}

fn one() -> f64 {
    1.0
}

/// A property a figure can state about its subject, recognised by trigger words near it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PropertyRule {
    pub name: String,
    /// Words (or phrases) that name the property near the figure.
    #[serde(default)]
    pub words: Vec<String>,
    /// Limits the property to figures of these dimensions (`count`, `length`, ...); empty is any.
    #[serde(default)]
    pub dimensions: Vec<String>,
    /// Makes this the property of every figure of these dimensions that no trigger names.
    #[serde(default)]
    pub default_for: Vec<String>,
    /// Nouns that name the property ("deaths", "injuries"): "two deaths" states it directly.
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Nouns for an event that a multiple before them counts in victims of this property:
    /// "a double homicide" (two killed), "a triple shooting" (three shot). Victim properties
    /// only.
    #[serde(default)]
    pub counted_events: Vec<String>,
    /// Says the property happens to people ("killed", "injured"): its figures are read with
    /// the victim grammar ("four people were killed", "killing two", "a man was killed", "no
    /// one was hurt") and are about the event the document reports.
    #[serde(default)]
    pub victims: bool,
    /// Whether claims whose subject is a plain common noun ("10 games") are compared. A
    /// plain count says too little about what was counted; "killed" says enough.
    #[serde(default = "yes")]
    pub compare_common_nouns: bool,
    /// A figure that changes as a story unfolds (casualties): a later report with another
    /// figure is an update, not a conflict.
    #[serde(default)]
    pub evolves: bool,
    /// Whether it happens where the event happens ("killed in Dayton"): a place right after it
    /// is the event's place. Arrests are made elsewhere ("arrested in Shelby").
    #[serde(default = "yes")]
    pub at_the_scene: bool,
}

fn yes() -> bool {
    true
}

/// A post (office) and the ways reports write it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PostRule {
    /// The post as shown: "Secretary of Defense".
    pub name: String,
    /// Written forms, matched case-insensitively after spelling folding.
    pub variants: Vec<String>,
    /// Broader descriptions that are compatible with this post ("NATO chief").
    #[serde(default)]
    pub broader: Vec<String>,
    /// Posts held one at a time: one person is never named with two posts of one group
    /// ("armed forces command").
    #[serde(default)]
    pub group: Option<String>,
    /// Posts (by name) or groups that one person cannot hold together with this one. Two
    /// known posts conflict only when one excludes the other or they share a group; any other
    /// two may be held at once ("Police Chief" and "Police Commissioner").
    #[serde(default)]
    pub excludes: Vec<String>,
}

/// Words that make up titles before names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TitleWords {
    /// Words that make a phrase a title ("secretary", "minister", "chairman").
    #[serde(default)]
    pub heads: Vec<String>,
    /// Military and police ranks: a title made only of these is a rank, not a post.
    #[serde(default)]
    pub ranks: Vec<String>,
    /// Courtesy words dropped before names ("Mr.", "Dr.").
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Countries and their adjectives, dropped from the front of a title ("US", "Ukrainian").
    #[serde(default)]
    pub jurisdictions: Vec<String>,
    /// Small words allowed inside a title ("of", "the", "for", "and").
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Words that make a different post of the same title ("deputy", "vice", "former").
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// Generic words for a leader ("chief", "head", "leader"): a title ending in one describes
    /// any post broadly and never conflicts with one.
    #[serde(default)]
    pub generic: Vec<String>,
    /// Jobs a person does beside a post or rank ("spokesman", "media relations"): a title
    /// holding one is never held against another title.
    #[serde(default)]
    pub jobs: Vec<String>,
    /// Words of a web page's furniture that can run into a title before a name ("Share").
    #[serde(default)]
    pub furniture: Vec<String>,
    /// Endings of an abbreviated department's name, in capitals, and the word they stand for
    /// in a post: `PD = "police"` ("HPD Chief" is a police chief).
    #[serde(default)]
    pub department_abbreviations: BTreeMap<String, String>,
}

/// Names that denote one subject.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AliasRule {
    /// The key every name maps to.
    pub key: String,
    pub names: Vec<String>,
}

/// An event that dates attach to, named by nouns or verbs ("invasion", "invaded").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EventRule {
    pub key: String,
    pub words: Vec<String>,
    /// An event a whole report can be about (a shooting, a crash, a fire): the subject of the
    /// report's casualty figures.
    #[serde(default)]
    pub incident: bool,
}

/// Word lists for reading sentences.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconRule {
    /// Nouns that stand for something named before ("units", "systems", "batch").
    #[serde(default)]
    pub generic_heads: Vec<String>,
    /// Kinds of equipment a product name before them already says ("NASAMS air defenses").
    #[serde(default)]
    pub product_kinds: Vec<String>,
    /// Phrases that rename what precedes them ("known as", "called").
    #[serde(default)]
    pub renaming: Vec<String>,
    /// Abbreviations whose period does not end a sentence ("Sept.", "Gen.", "U.S.").
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Words that end a counted noun phrase ("that", "of", "is", "to").
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Suffixes of personal names, never numbers ("Jr", "III").
    #[serde(default)]
    pub name_suffixes: Vec<String>,
    /// Lines of scraped pages that are not the article ("Please enter your comment!").
    #[serde(default)]
    pub boilerplate: Vec<String>,
    /// Capitalised words that are not names (sentence starters, weekdays, months).
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Words that end a street name: a figure before "West 1st Street" is an address.
    #[serde(default)]
    pub street_words: Vec<String>,
    /// Nouns for people ("people", "victims", "boy"): what casualty figures count.
    #[serde(default)]
    pub person_nouns: Vec<String>,
    /// Words that make a figure planned or expected rather than stated ("plans to", "will").
    #[serde(default)]
    pub planned: Vec<String>,
    /// Words that make a figure hypothetical or feared ("could", "might", "if").
    #[serde(default)]
    pub hypothetical: Vec<String>,
    /// Words that deny a figure ("not four but five").
    #[serde(default)]
    pub negations: Vec<String>,
    /// Phrases that take a statement back after "but" ("..., but that proved to be incorrect").
    #[serde(default)]
    pub retractions: Vec<String>,
    /// Words that mark victims casualty tallies do not count as people killed or hurt ("an
    /// unborn baby"): a figure about them is no casualty figure.
    #[serde(default)]
    pub uncounted_victims: Vec<String>,
    /// Phrases that make a casualty figure a tally of many events ("in seven separate
    /// shootings", "across the city"), not a figure of the event the report tells of.
    #[serde(default)]
    pub tallies: Vec<String>,
    /// Lines alone that head a list of links to other stories ("also", "related stories"):
    /// the lines after them without a full stop are links, not the article.
    #[serde(default)]
    pub link_labels: Vec<String>,
    /// Capitalised labels before a colon that make a line a teaser for another story
    /// ("WATCH:", "VIDEO:"), when the line does not end as a sentence does.
    #[serde(default)]
    pub teaser_labels: Vec<String>,
    /// Words that make a title a headline rather than the name of a topic ("shot", "dies"):
    /// only a title that names a thing is the subject of the figures that name none.
    #[serde(default)]
    pub headline_words: Vec<String>,
    /// Words that make a figure a part told apart from the whole ("15 other realms", "a
    /// further 25 million"): such a figure is not the topic's whole count.
    #[serde(default)]
    pub partial_modifiers: Vec<String>,
    /// Words before a counted noun that make it another thing ("positive reviews" are not
    /// "reviews"): kept in the property.
    #[serde(default)]
    pub contrast_modifiers: Vec<String>,
    /// Words that say where a figure holds, to the scope they name ("globally" is
    /// "worldwide"): "grossed $5 million worldwide" is not its gross in one country.
    #[serde(default)]
    pub scope_words: BTreeMap<String, String>,
    /// Other names of a thing a topic's title names ("COVID-19" for "coronavirus"): "1,200
    /// COVID-19 cases" on the page of a coronavirus pandemic are the page's own cases.
    #[serde(default)]
    pub name_aliases: BTreeMap<String, String>,
    /// Verbs of a topic's life that date it: "released on", "founded in", "born on".
    #[serde(default)]
    pub topic_events: Vec<String>,
    /// Words that name one property of a topic, under the property's name: `gross =
    /// ["grossed", "earned", "made"]` makes "earned $5 million" and "grossed $5 million" one
    /// figure. Matched on the word's stem, so a word's inflections come with it.
    #[serde(default)]
    pub property_synonyms: BTreeMap<String, Vec<String>>,
    /// Verbs whose past form does not end in -ed ("made", "sold", "won"), and words that
    /// link a figure as a verb does ("worth"): what a figure right after them states.
    #[serde(default)]
    pub figure_verbs: Vec<String>,
}

/// Numbers that tune matching.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ThresholdRule {
    /// Default relative half-width of "about" bands.
    pub band: Option<f64>,
    /// Normalised Damerau-Levenshtein similarity at or above which two one-word names are one subject.
    pub subject_similarity: Option<f64>,
    /// Jaro-Winkler similarity at or above which two surnames are one person.
    pub name_similarity: Option<f64>,
    /// Shortest key that fuzzy matching applies to.
    pub fuzzy_min_length: Option<usize>,
    /// How many sentences back a generic noun ("the units") looks for what it refers to.
    pub antecedent_sentences: Option<usize>,
}

/// A rules file as loaded: its name and text, kept for error messages and `crosscheck rules`.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub builtin: bool,
}

/// All rules, merged and compiled for lookup.
#[derive(Debug, Clone)]
pub struct Rules {
    pub sources: Vec<Source>,
    pub number_words: HashMap<String, f64>,
    pub scales: HashMap<String, f64>,
    pub scale_abbreviations: HashMap<String, f64>,
    pub fractions: HashMap<String, f64>,
    pub multiples: HashMap<String, f64>,
    pub number_phrases: Vec<NumberPhrase>,
    pub ordinals: HashSet<String>,
    pub negative_words: HashSet<String>,
    pub point_words: HashSet<String>,
    pub label_words: HashSet<String>,
    pub qualifiers: Vec<QualifierRule>,
    pub increment: IncrementRule,
    pub units: Vec<UnitRule>,
    pub properties: Vec<PropertyRule>,
    pub posts: Vec<PostRule>,
    pub title_words: TitleWords,
    pub aliases: HashMap<String, String>,
    pub spelling: HashMap<String, String>,
    /// Region forms to the region's name: lowercase, except forms written all in capitals
    /// ("CA", "IN", "OR"), which are kept as written and match only in capitals, so that "in"
    /// and "or" are never Indiana and Oregon.
    pub regions: HashMap<String, String>,
    pub events: HashMap<String, String>,
    /// Event keys that are incidents (see [`EventRule::incident`]).
    pub incidents: HashSet<String>,
    pub lexicon: LexiconRule,
    pub thresholds: Thresholds,
    pub dates: DateRules,
    /// Lookup tables a reader builds from these rules on first use and every document shares
    /// (the extractor's `Compiled`), held without naming their type so that the rules import
    /// nothing of the readers above them ([`Rules::cached`]).
    compiled: std::sync::OnceLock<std::sync::Arc<dyn std::any::Any + Send + Sync>>,
    /// Each unit name as written to the first unit that has it, built on first use
    /// ([`Rules::unit_named`]).
    unit_index: std::sync::OnceLock<HashMap<String, usize>>,
    /// The SI prefix symbols of `si-prefixes` ("k", "M", "μ"): a capital one ("M") is not
    /// folded to lowercase when a unit name is looked up.
    pub si_prefix_symbols: HashSet<String>,
}

/// Thresholds with every value settled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub band: f64,
    pub subject_similarity: f64,
    pub name_similarity: f64,
    pub fuzzy_min_length: usize,
    pub antecedent_sentences: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            band: 0.1,
            subject_similarity: 0.85,
            name_similarity: 0.92,
            fuzzy_min_length: 5,
            antecedent_sentences: 3,
        }
    }
}

impl Rules {
    /// The built-in rules alone.
    pub fn builtin() -> Result<Rules, RulesError> {
        Self::load(None)
    }

    /// The built-in rules with every `*.toml` file of `dir` (sorted by name) on top.
    pub fn load(dir: Option<&Path>) -> Result<Rules, RulesError> {
        Self::load_all(dir)
    }

    /// The built-in rules with the `*.toml` files of each folder on top, folder after folder,
    /// each folder's files sorted by name.
    pub fn load_all<'p>(dirs: impl IntoIterator<Item = &'p Path>) -> Result<Rules, RulesError> {
        let mut files = Vec::new();
        for (name, text) in BUILTIN {
            files.push((format!("rules/{name}"), (*text).to_string(), true));
        }
        for dir in dirs {
            let entries = std::fs::read_dir(dir).map_err(|e| RulesError::Unreadable {
                path: dir.display().to_string(),
                message: e.to_string(),
            })?;
            let mut paths: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(&path).map_err(|e| RulesError::Unreadable {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })?;
                files.push((path.display().to_string(), text, false));
            }
        }
        let mut rules = Rules::empty();
        for (name, text, builtin) in files {
            let file = parse_file(&name, &text)?;
            rules.merge(&name, &text, file)?;
            rules.sources.push(Source { name, builtin });
        }
        Ok(rules)
    }

    /// Parses one rules file from a string and merges it over the built-in rules.
    pub fn builtin_with(name: &str, text: &str) -> Result<Rules, RulesError> {
        let mut rules = Self::builtin()?;
        let file = parse_file(name, text)?;
        rules.merge(name, text, file)?;
        rules.sources.push(Source {
            name: name.to_string(),
            builtin: false,
        });
        Ok(rules)
    }

    fn empty() -> Rules {
        Rules {
            sources: Vec::new(),
            number_words: HashMap::default(),
            scales: HashMap::default(),
            scale_abbreviations: HashMap::default(),
            fractions: HashMap::default(),
            multiples: HashMap::default(),
            number_phrases: Vec::new(),
            ordinals: HashSet::default(),
            negative_words: HashSet::default(),
            point_words: HashSet::default(),
            label_words: HashSet::default(),
            qualifiers: Vec::new(),
            increment: IncrementRule::default(),
            units: Vec::new(),
            properties: Vec::new(),
            posts: Vec::new(),
            title_words: TitleWords::default(),
            aliases: HashMap::default(),
            spelling: HashMap::default(),
            regions: HashMap::default(),
            events: HashMap::default(),
            incidents: HashSet::default(),
            lexicon: LexiconRule::default(),
            thresholds: Thresholds::default(),
            dates: DateRules::default(),
            compiled: std::sync::OnceLock::new(),
            unit_index: std::sync::OnceLock::new(),
            si_prefix_symbols: HashSet::default(),
        }
    }

    fn merge(&mut self, name: &str, text: &str, file: RuleFile) -> Result<(), RulesError> {
        // Tables built from the rules before this file no longer hold.
        self.compiled = std::sync::OnceLock::new();
        self.unit_index = std::sync::OnceLock::new();
        let bad = |what: String, needle: &str| {
            let span = find_span(text, needle);
            RulesError::invalid(name, text, what, span)
        };
        // A value that failed validation, pointed at where the file sets it (the `n`th table of
        // `section`, key `key`), or at `needle` when it cannot be found.
        let bad_at = |what: String, at: (&str, Option<usize>, &str), needle: &str| {
            let span = locate(text, at.0, at.1, at.2).or_else(|| find_span(text, needle));
            RulesError::invalid(name, text, what, span)
        };
        let lower = |s: &String| s.to_lowercase();
        for (word, value) in file.number_words {
            if !value.is_finite() || value < 0.0 {
                return Err(bad(
                    format!("number word `{word}` must be a non-negative number"),
                    &word,
                ));
            }
            self.number_words.insert(word.to_lowercase(), value);
        }
        for (word, value) in file.scales {
            if !value.is_finite() || value <= 0.0 {
                return Err(bad(
                    format!("scale `{word}` must be a positive number"),
                    &word,
                ));
            }
            self.scales.insert(word.to_lowercase(), value);
        }
        for (word, value) in file.scale_abbreviations {
            if !value.is_finite() || value <= 0.0 {
                return Err(bad(
                    format!("scale abbreviation `{word}` must be a positive number"),
                    &word,
                ));
            }
            self.scale_abbreviations.insert(word.to_lowercase(), value);
        }
        for (word, value) in file.fractions {
            if !(value > 0.0 && value <= 1.0) {
                return Err(bad(
                    format!("fraction `{word}` must be above 0 and at most 1"),
                    &word,
                ));
            }
            self.fractions.insert(word.to_lowercase(), value);
        }
        for (word, value) in file.multiples {
            if !(value.is_finite() && value >= 2.0 && value.fract() == 0.0) {
                return Err(bad(
                    format!("multiple `{word}` must be a whole number of at least 2"),
                    &word,
                ));
            }
            self.multiples.insert(word.to_lowercase(), value);
        }
        for phrase in file.number_phrase {
            if phrase.low.is_none() && phrase.high.is_none() {
                return Err(bad(
                    format!(
                        "number phrase `{}` needs `low`, `high` or both",
                        phrase.text
                    ),
                    &phrase.text,
                ));
            }
            self.number_phrases.push(NumberPhrase {
                text: phrase.text.to_lowercase(),
                ..phrase
            });
        }
        self.ordinals.extend(file.ordinals.iter().map(lower));
        self.negative_words
            .extend(file.negative_words.iter().map(lower));
        self.point_words.extend(file.point_words.iter().map(lower));
        self.label_words.extend(file.label_words.iter().map(lower));
        for (i, q) in file.qualifier.into_iter().enumerate() {
            if let Some(b) = q.band
                && !(0.0..1.0).contains(&b)
            {
                return Err(bad_at(
                    format!("qualifier band {b} must be between 0 and 1"),
                    ("qualifier", Some(i), "band"),
                    q.phrases.first().map(String::as_str).unwrap_or("band"),
                ));
            }
            self.qualifiers.push(QualifierRule {
                phrases: q.phrases.iter().map(lower).collect(),
                ..q
            });
        }
        if let Some(inc) = file.increment {
            self.increment.before.extend(inc.before.iter().map(lower));
            self.increment.after.extend(inc.after.iter().map(lower));
        }
        self.si_prefix_symbols
            .extend(file.si_prefixes.keys().cloned());
        for (i, unit) in file.unit.into_iter().enumerate() {
            if !unit.factor.is_finite() || unit.factor <= 0.0 {
                return Err(bad_at(
                    format!(
                        "unit `{}` needs a positive factor (a finite number above 0), not {}",
                        unit.code, unit.factor
                    ),
                    ("unit", Some(i), "factor"),
                    &unit.code,
                ));
            }
            if !(0.0..0.5).contains(&unit.tolerance) {
                return Err(bad_at(
                    format!(
                        "unit `{}` tolerance must be at least 0 and below 0.5",
                        unit.code
                    ),
                    ("unit", Some(i), "tolerance"),
                    &unit.code,
                ));
            }
            if unit.names.is_empty() && unit.prefixes.is_empty() {
                return Err(bad(
                    format!("unit `{}` needs `names` or `prefixes`", unit.code),
                    &unit.code,
                ));
            }
            for p in &unit.si_prefixes {
                let Some(&f) = file.si_prefixes.get(p) else {
                    return Err(bad(
                        format!("unit `{}`: `{p}` is not in `si-prefixes`", unit.code),
                        &unit.code,
                    ));
                };
                let name = format!("{p}{}", unit.code);
                // "μm", "µm" and "um" are one unit: the first spelling names it. A unit of
                // another one's size from another base ("mbar", "hPa") keeps its own code.
                if let Some(same) = self.units.iter_mut().find(|u| {
                    u.dimension == unit.dimension
                        && (u.factor / (unit.factor * f) - 1.0).abs() < 1e-9
                        && u.code != unit.code
                        && u.code.ends_with(unit.code.as_str())
                }) {
                    if !same.names.contains(&name) {
                        same.names.push(name);
                    }
                    continue;
                }
                self.units.push(UnitRule {
                    code: name.clone(),
                    dimension: unit.dimension.clone(),
                    factor: unit.factor * f,
                    names: vec![name],
                    prefixes: Vec::new(),
                    tolerance: unit.tolerance,
                    si_prefixes: Vec::new(),
                    only_before: unit.only_before.clone(),
                });
            }
            self.units.push(unit);
        }
        for prop in file.property {
            if !prop.victims && !prop.counted_events.is_empty() {
                return Err(bad(
                    format!(
                        "property `{}` has `counted-events` but is not `victims = true`",
                        prop.name
                    ),
                    "counted-events",
                ));
            }
            self.properties.push(PropertyRule {
                words: prop.words.iter().map(lower).collect(),
                nouns: prop.nouns.iter().map(lower).collect(),
                counted_events: prop.counted_events.iter().map(lower).collect(),
                ..prop
            });
        }
        let posts_before = self.posts.len();
        for post in file.post {
            if post.variants.is_empty() {
                return Err(bad(
                    format!("post `{}` needs at least one variant", post.name),
                    &post.name,
                ));
            }
            if post.group.as_ref().is_some_and(|g| g.trim().is_empty()) {
                return Err(bad(
                    format!("post `{}` has an empty group", post.name),
                    &post.name,
                ));
            }
            self.posts.push(post);
        }
        // What this file's posts exclude must be a post or a group known by now.
        for post in &self.posts[posts_before..] {
            for x in &post.excludes {
                let known = self.posts.iter().any(|p| {
                    p.name.eq_ignore_ascii_case(x)
                        || p.group.as_ref().is_some_and(|g| g.eq_ignore_ascii_case(x))
                });
                if !known {
                    return Err(bad(
                        format!(
                            "post `{}` excludes `{x}`, which is neither a post nor a group",
                            post.name
                        ),
                        x,
                    ));
                }
            }
        }
        if let Some(t) = file.title_words {
            let tw = &mut self.title_words;
            tw.heads.extend(t.heads.iter().map(lower));
            tw.ranks.extend(t.ranks.iter().map(lower));
            tw.honorifics.extend(t.honorifics.iter().map(lower));
            tw.jurisdictions.extend(t.jurisdictions.iter().map(lower));
            tw.connectors.extend(t.connectors.iter().map(lower));
            tw.modifiers.extend(t.modifiers.iter().map(lower));
            tw.generic.extend(t.generic.iter().map(lower));
            tw.jobs.extend(t.jobs.iter().map(lower));
            tw.furniture.extend(t.furniture.iter().map(lower));
            for (ending, word) in t.department_abbreviations {
                if ending.is_empty() || ending.chars().any(|ch| !ch.is_ascii_uppercase()) {
                    return Err(bad(
                        format!("department abbreviation `{ending}` must be capital letters"),
                        &ending,
                    ));
                }
                tw.department_abbreviations
                    .insert(ending, word.to_lowercase());
            }
        }
        for alias in file.alias {
            for n in &alias.names {
                self.aliases
                    .insert(n.to_lowercase(), alias.key.to_lowercase());
            }
            self.aliases
                .insert(alias.key.to_lowercase(), alias.key.to_lowercase());
        }
        for (form, name) in file.regions {
            let capitals =
                form.chars().any(char::is_alphabetic) && !form.chars().any(char::is_lowercase);
            let key = if capitals { form } else { form.to_lowercase() };
            self.regions.insert(key, name);
        }
        for (from, to) in file.spelling {
            self.spelling.insert(from.to_lowercase(), to.to_lowercase());
        }
        for ev in file.event {
            if ev.incident {
                self.incidents.insert(ev.key.to_lowercase());
            }
            for w in &ev.words {
                self.events.insert(w.to_lowercase(), ev.key.to_lowercase());
            }
        }
        if let Some(lx) = file.lexicon {
            let l = &mut self.lexicon;
            l.generic_heads.extend(lx.generic_heads.iter().map(lower));
            l.product_kinds.extend(lx.product_kinds.iter().map(lower));
            l.renaming.extend(lx.renaming.iter().map(lower));
            l.abbreviations.extend(lx.abbreviations.iter().map(lower));
            l.stop_words.extend(lx.stop_words.iter().map(lower));
            l.name_suffixes.extend(lx.name_suffixes.iter().map(lower));
            l.boilerplate.extend(lx.boilerplate.iter().map(lower));
            l.not_names.extend(lx.not_names.iter().map(lower));
            l.street_words.extend(lx.street_words.iter().map(lower));
            l.person_nouns.extend(lx.person_nouns.iter().map(lower));
            l.planned.extend(lx.planned.iter().map(lower));
            l.hypothetical.extend(lx.hypothetical.iter().map(lower));
            l.negations.extend(lx.negations.iter().map(lower));
            l.retractions.extend(lx.retractions.iter().map(lower));
            l.uncounted_victims
                .extend(lx.uncounted_victims.iter().map(lower));
            l.tallies.extend(lx.tallies.iter().map(lower));
            l.link_labels.extend(lx.link_labels.iter().map(lower));
            l.teaser_labels.extend(lx.teaser_labels.iter().map(lower));
            l.headline_words.extend(lx.headline_words.iter().map(lower));
            l.partial_modifiers
                .extend(lx.partial_modifiers.iter().map(lower));
            l.contrast_modifiers
                .extend(lx.contrast_modifiers.iter().map(lower));
            l.topic_events.extend(lx.topic_events.iter().map(lower));
            l.figure_verbs.extend(lx.figure_verbs.iter().map(lower));
            for (name, words) in &lx.property_synonyms {
                l.property_synonyms
                    .entry(name.to_lowercase())
                    .or_default()
                    .extend(words.iter().map(lower));
            }
            l.scope_words.extend(
                lx.scope_words
                    .iter()
                    .map(|(k, v)| (k.to_lowercase(), v.to_lowercase())),
            );
            l.name_aliases.extend(
                lx.name_aliases
                    .iter()
                    .map(|(k, v)| (k.to_lowercase(), v.to_lowercase())),
            );
        }
        if let Some(t) = file.thresholds {
            let th = &mut self.thresholds;
            for (key, v) in [
                ("band", t.band),
                ("subject-similarity", t.subject_similarity),
                ("name-similarity", t.name_similarity),
            ] {
                if let Some(v) = v {
                    if let Err(what) = check_threshold(key, v) {
                        return Err(bad_at(what, ("thresholds", None, key), key));
                    }
                    match key {
                        "band" => th.band = v,
                        "subject-similarity" => th.subject_similarity = v,
                        _ => th.name_similarity = v,
                    }
                }
            }
            if let Some(v) = t.fuzzy_min_length {
                th.fuzzy_min_length = v;
            }
            if let Some(v) = t.antecedent_sentences {
                th.antecedent_sentences = v;
            }
        }
        if let Some(d) = file.dates {
            self.dates
                .merge(d)
                .map_err(|(what, needle)| bad(what, &needle))?;
        }
        Ok(())
    }

    /// The tables `build` makes of these rules, built once and shared: the extractor's lookup
    /// tables. One kind of table is kept; asked for another, it is built again each time.
    pub fn cached<T: std::any::Any + Send + Sync>(
        &self,
        build: impl Fn(&Rules) -> T,
    ) -> std::sync::Arc<T> {
        let kept = self
            .compiled
            .get_or_init(|| std::sync::Arc::new(build(self)))
            .clone();
        kept.downcast::<T>()
            .unwrap_or_else(|_| std::sync::Arc::new(build(self)))
    }

    /// The unit a name stands for, as written first ("nM" is nanomolar, "nm" nanometres, "K"
    /// kelvin), then in lowercase when the capitals say nothing: all capitals ("KM", "MG") or
    /// a capital first letter that is no SI prefix ("Kg"). "Mm" (megametres) is never "mm",
    /// and a single letter keeps its case ("k" is never "K", "D" never "d").
    pub fn unit_named(&self, word: &str) -> Option<&UnitRule> {
        let index = self.unit_index.get_or_init(|| {
            let mut index = HashMap::default();
            for (k, u) in self.units.iter().enumerate() {
                for n in &u.names {
                    index.entry(n.clone()).or_insert(k);
                }
            }
            index
        });
        if let Some(&k) = index.get(word) {
            return self.units.get(k);
        }
        // The litre may be written "L" ("5 L", "2 mL", "mmol/L").
        if let Some(stem) = word.strip_suffix('L')
            && let Some(&k) = index.get(&format!("{stem}l"))
        {
            return self.units.get(k);
        }
        // One letter keeps its case: "D" is no day, "K" no "k".
        if word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let first = letters.next()?;
        let rest_lower = letters.clone().all(|c| !c.is_uppercase());
        let all_upper = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let capital_first = first.is_uppercase()
            && rest_lower
            && !self
                .si_prefix_symbols
                .contains(first.encode_utf8(&mut [0; 4]) as &str);
        // A lowercase prefix before a capitalised symbol: "kW", "kHz", "mBar" are the units
        // named "kw", "khz", "mbar".
        let prefixed_symbol = first.is_lowercase()
            && self
                .si_prefix_symbols
                .contains(first.encode_utf8(&mut [0; 4]) as &str)
            && word
                .chars()
                .filter(|c| c.is_alphabetic())
                .nth(1)
                .is_some_and(char::is_uppercase);
        if !(all_upper || capital_first || prefixed_symbol) {
            return None;
        }
        index
            .get(&word.to_lowercase())
            .and_then(|&k| self.units.get(k))
    }

    /// Folds every word of a phrase: "Defence Secretary" -> "defense secretary".
    pub fn fold_phrase(&self, phrase: &str) -> String {
        let mut out = String::with_capacity(phrase.len());
        for (k, w) in phrase.split_whitespace().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&self.fold_word(w));
        }
        out
    }

    /// Folds British spellings and case: "Defence" -> "defense".
    pub fn fold_spelling(&self, word: &str) -> String {
        self.fold_word(word).into_owned()
    }

    /// [`Rules::fold_spelling`] without a new string when there is nothing to lowercase (a
    /// token's lowercase form, looked up for every word).
    pub fn fold_word<'a>(&'a self, word: &'a str) -> Cow<'a, str> {
        if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(self.spelling.get(word).map_or(word, String::as_str));
        }
        let lower = word.to_lowercase();
        match self.spelling.get(&lower) {
            Some(to) => Cow::Borrowed(to),
            None => Cow::Owned(lower),
        }
    }
}

/// Parses one file's TOML into the schema, turning serde's error into a labelled diagnostic.
fn parse_file(name: &str, text: &str) -> Result<RuleFile, RulesError> {
    toml::from_str::<RuleFile>(text)
        .map_err(|e| RulesError::invalid(name, text, e.message().to_string(), e.span()))
}

/// The one check of a fractional threshold (`band`, `subject-similarity`, `name-similarity`),
/// whichever file sets it: a rules file's `[thresholds]` or `crosscheck.toml`'s.
pub fn check_threshold(key: &str, value: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(format!(
            "threshold `{key}` must be between 0 and 1, not {value}"
        ))
    }
}

/// Where a TOML file sets `key` in section `section` (the `index`th `[[unit]]` or
/// `[[qualifier]]`, or `[thresholds]` with no index): the byte range of the value. Parses the
/// file again, keeping spans; only called for an error.
pub(crate) fn locate(
    text: &str,
    section: &str,
    index: Option<usize>,
    key: &str,
) -> Option<std::ops::Range<usize>> {
    type Spans = std::collections::BTreeMap<String, toml::Spanned<toml::Value>>;
    #[derive(Default, Deserialize)]
    #[serde(default)]
    struct Located {
        unit: Vec<Spans>,
        qualifier: Vec<Spans>,
        thresholds: Spans,
    }
    let located: Located = toml::from_str(text).ok()?;
    let table = match (section, index) {
        ("unit", Some(i)) => located.unit.get(i)?,
        ("qualifier", Some(i)) => located.qualifier.get(i)?,
        ("thresholds", None) => &located.thresholds,
        _ => return None,
    };
    Some(table.get(key)?.span())
}

/// The first place `needle` stands in `text`, for pointing at a value that failed validation.
fn find_span(text: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    text.find(needle).map(|i| i..i + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_file_loads() {
        for (name, text) in BUILTIN {
            if let Err(e) = parse_file(name, text) {
                panic!("{name}: {e:?}");
            }
        }
        let rules = Rules::builtin().expect("built-in rules load");
        assert_eq!(rules.sources.len(), BUILTIN.len());
        assert!(rules.number_words.contains_key("twelve"));
        assert!(rules.units.iter().any(|u| u.code == "USD"));
    }

    #[test]
    fn unit_names_fold_case_only_where_capitals_say_nothing() {
        let rules = Rules::builtin().expect("built-in rules load");
        let code = |w: &str| rules.unit_named(w).map(|u| u.code.as_str());
        assert_eq!(code("nm"), Some("nm"));
        assert_eq!(code("KM"), Some("km"));
        assert_eq!(code("Kg"), Some("kg"));
        assert_eq!(code("K"), Some("K"));
        assert_eq!(code("mL"), Some("ml"));
        // "Mm" would be megametres, never millimetres; one letter keeps its case.
        assert_eq!(code("Mm"), None);
        assert_eq!(code("D"), None);
        assert_eq!(code("k"), None);
        // A lowercase prefix before a capital: the unit named in lowercase.
        assert_eq!(code("kW"), Some("kW"));
        assert_eq!(code("kHz"), Some("kHz"));
        assert_eq!(code("mBar"), Some("mbar"));
        assert_eq!(code("hPa"), Some("hPa"));
        assert_eq!(code("µm"), Some("μm"));
        // A capital prefix stays what it says: "Mbps" is megabits a second, "Mg" a megagram.
        assert_eq!(code("Mbps"), Some("Mbps"));
        assert_eq!(code("Mg"), Some("Mg"));
        // A word that only starts like a prefixed unit is none.
        assert_eq!(code("kWords"), None);
    }

    #[test]
    fn an_unknown_field_points_at_its_line() {
        let text = "[[unit]]\ncode = \"ft\"\ndimension = \"length\"\nnamez = [\"feet\"]\n";
        let err = Rules::builtin_with("mine.toml", text).expect_err("unknown field");
        match err {
            RulesError::Invalid {
                message, span, src, ..
            } => {
                assert!(message.contains("namez"), "{message}");
                let span = span.expect("a span");
                assert_eq!(&src.text()[span.offset()..span.offset() + 5], "namez");
            }
            other => panic!("wrong error: {other:?}"),
        }
    }

    #[test]
    fn a_bad_factor_or_threshold_is_pointed_at_where_it_is_set() {
        let units = "[[unit]]\ncode = \"ft\"\nfactor = 0.3\nnames = [\"feet\"]\ndimension = \"length\"\n\n[[unit]]\ncode = \"fur\"\ndimension = \"length\"\nfactor = -201.0\nnames = [\"furlongs\"]\n";
        for (text, value) in [
            (units.to_string(), "-201.0"),
            (units.replace("-201.0", "nan"), "nan"),
            (units.replace("-201.0", "inf"), "inf"),
            (units.replace("-201.0", "0.0"), "0.0"),
            (
                "ordinals = [\"nth\"]\n[thresholds]\nname-similarity = 0.9\nband = -5.0\n"
                    .to_string(),
                "-5.0",
            ),
        ] {
            let err = Rules::builtin_with("mine.toml", &text).expect_err("a bad value");
            match err {
                RulesError::Invalid {
                    span, src, message, ..
                } => {
                    let span = span.expect("a span");
                    assert_eq!(
                        &src.text()[span.offset()..span.offset() + span.len()],
                        value,
                        "{message}"
                    );
                }
                other => panic!("wrong error: {other:?}"),
            }
        }
    }

    #[test]
    fn a_bad_value_is_pointed_at() {
        let text =
            "[[unit]]\ncode = \"ft\"\ndimension = \"length\"\nfactor = -1.0\nnames = [\"feet\"]\n";
        let err = Rules::builtin_with("mine.toml", text).expect_err("negative factor");
        assert!(err.to_string().contains("positive factor"), "{err}");
    }

    #[test]
    fn a_post_excluding_an_unknown_post_is_pointed_at() {
        let text = "[[post]]\nname = \"Harbour Master\"\nvariants = [\"harbour master\"]\nexcludes = [\"Lord of the Isles\"]\n";
        let err = Rules::builtin_with("mine.toml", text).expect_err("unknown post");
        match err {
            RulesError::Invalid {
                message, span, src, ..
            } => {
                assert!(message.contains("neither a post nor a group"), "{message}");
                let span = span.expect("a span");
                assert_eq!(
                    &src.text()[span.offset()..span.offset() + span.len()],
                    "Lord of the Isles"
                );
            }
            other => panic!("wrong error: {other:?}"),
        }
        let text = "[title-words]\ndepartment-abbreviations = { pd = \"police\" }\n";
        let err = Rules::builtin_with("mine.toml", text).expect_err("lowercase ending");
        assert!(err.to_string().contains("capital letters"), "{err}");
        let text = "[[post]]\nname = \"Harbour Master\"\nvariants = [\"harbour master\"]\nexcludes = [\"Mayor\", \"armed forces command\"]\n";
        assert!(Rules::builtin_with("mine.toml", text).is_ok());
    }

    #[test]
    fn user_rules_extend_the_builtin_ones() {
        let text = "[[alias]]\nkey = \"nasams\"\nnames = [\"national advanced surface-to-air missile system\"]\n";
        let rules = Rules::builtin_with("mine.toml", text).expect("loads");
        assert_eq!(
            rules
                .aliases
                .get("national advanced surface-to-air missile system")
                .map(String::as_str),
            Some("nasams")
        );
        assert!(rules.number_words.contains_key("one"));
    }
}
