//! Dates and times of day in running text: "Sept. 28", "Feb. 20, 2014", "20 February 2014",
//! "2014-02-20", "2/20/2014", "February 2022", "in February", "since 2014", "3:30 p.m.", "noon".
//!
//! The written forms of the lexical layer's date reader: a pure function of text,
//! [`find_dates`] returns every mention with its byte span and value. The extractor uses it
//! twice: a date mention becomes a date claim, and the digits inside any mention (dates and
//! times alike) are never read as counts.
//!
//! Case is handled explicitly, not with a blanket `(?i)`: month names must be Capitalised or
//! UPPER CASE ("may" is always the verb), and a month named without a day or year counts only
//! after a word that makes it a time ("in February", "since March", "early June", "mid-July"),
//! so "the March of Dimes" and "Theresa May said" are not dates.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::model::DateValue;
use crate::rules::Rules;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A date or time-of-day mention found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    Date(DateValue),
    /// "3:30 p.m.", "noon" — never a count, not a claim
    Time,
}

/// Words after which a bare month name ("in February") is a date.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "to",
    "between",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
];

/// Words after which a bare four-digit year ("since 2014") is a date.
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "circa",
];

/// Words after which a one-digit "H:MM" without a.m./p.m. is a time ("at 3:30", but not
/// "Gen. 3:16").
const CLOCK_CONTEXT: &[&str] = &[
    "at", "around", "about", "by", "until", "till", "before", "after", "from", "since", "to",
];

/// Years a date written in words may name. Outside it a number after a month is a figure.
const WORDY_YEARS: std::ops::RangeInclusive<i32> = 1800..=2099;
/// Years an all-digit date (`2014-02-20`, `2/20/2014`) may name; the shape is unambiguous.
const NUMERIC_YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

/// The month names of the rules (`[dates] months`), each month's longest its full name and
/// the others its abbreviations, with the patterns of the written forms that name a month.
#[derive(Debug)]
pub struct MonthForms {
    months: HashMap<String, u32>,
    /// The bits of every date word for [`super::read_dates`]: its roles
    /// ([`crate::rules::DATE_WORD_ROLES`], in order) and [`STARTS`] for every word a date
    /// told in words may start with (month, weekday, ordinal, holiday, relative and number
    /// words, and articles).
    pub word_bits: HashMap<String, u32>,
    month_day: Regex,
    day_month: Regex,
    month_year: Regex,
    month_alone: Regex,
    day_mon_year: Regex,
    year_mon_day: Regex,
    mon_day_year: Regex,
    mon_year_day: Regex,
}

impl MonthForms {
    pub fn new(rules: &Rules) -> MonthForms {
        let months = &rules.dates.months;
        let d = &rules.dates;
        let starts: HashSet<String> = ["the", "a", "an"]
            .into_iter()
            .map(str::to_string)
            .chain(d.months.keys().cloned())
            .chain(d.weekdays.keys().cloned())
            .chain(d.day_ordinals.keys().cloned())
            .chain(d.holiday_starts.iter().cloned())
            .chain(d.words.values().flatten().cloned())
            .chain(rules.number_words.keys().cloned())
            .collect();
        let mut word_bits: HashMap<String, u32> = starts.into_iter().map(|w| (w, STARTS)).collect();
        for (i, role) in crate::rules::DATE_WORD_ROLES.iter().enumerate() {
            for w in d.words.get(*role).into_iter().flatten() {
                *word_bits.entry(w.clone()).or_default() |= 1 << i;
            }
        }
        let mut full: BTreeMap<u32, &str> = BTreeMap::new();
        for (name, &n) in months {
            let longer = full
                .get(&n)
                .is_none_or(|f| (name.len(), name.as_str()) > (f.len(), *f));
            if longer {
                full.insert(n, name);
            }
        }
        let cased = |name: &str| {
            let mut c = name.chars();
            let first: String = c
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            [
                regex::escape(&format!("{first}{}", c.as_str())),
                regex::escape(&name.to_uppercase()),
            ]
        };
        let longest_first = |mut v: Vec<String>| {
            v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            v.dedup();
            v.join("|")
        };
        // Full month names, Capitalised and UPPER CASE, each ending at a word boundary.
        let full_names = format!(
            r"(?:{})\b",
            longest_first(full.values().flat_map(|n| cased(n)).collect())
        );
        // Any month: a full name, or an abbreviation with an optional period ("Sept" is tried
        // before "Sep").
        let abbrevs = longest_first(
            months
                .keys()
                .filter(|k| !full.values().any(|f| f == k))
                .flat_map(|k| cased(k))
                .collect(),
        );
        let any = if abbrevs.is_empty() {
            full_names.clone()
        } else {
            format!(r"(?:{full_names}|(?:{abbrevs})(?:\.|\b))")
        };
        // Any month name or abbreviation in any case ("aug", "NOV", "Sept"): only in the forms
        // that also give a day and a year, so that "may" the verb is never taken for May.
        let any_case = format!(
            r"(?i:{})\b",
            longest_first(months.keys().map(|k| regex::escape(k)).collect())
        );
        MonthForms {
            months: months.clone(),
            word_bits,
            // "Sept. 28", "February 20, 2014", "Jul 02 2013", "March 15th".
            month_day: compile(&format!(
                r"\b(?P<mon>{any})\s*(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>[0-9]{{4}})\b)?"
            )),
            // "20 February 2014", "20 Feb. 2014", "4th of July".
            day_month: compile(&format!(
                r"\b(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{any})(?:,?\s+(?P<year>[0-9]{{4}})\b)?"
            )),
            // "February 2022", "Feb. 2022".
            month_year: compile(&format!(r"\b(?P<mon>{any}),?\s*(?P<year>[0-9]{{4}})\b")),
            // A full month name on its own ("in February", "mid-July"); context is checked in
            // code.
            month_alone: compile(&format!(r"\b(?P<mid>[Mm]id-)?(?P<mon>{full_names})")),
            // "05-Aug-2016", "23/Sep/2020", "14 nov 2023", "14 nov. 2023".
            day_mon_year: compile(&format!(
                r"\b(?P<day>[0-9]{{1,2}})(?:[-/]|\s+)(?P<mon>{any_case})\.?(?:[-/]|,?\s+)(?P<year>[0-9]{{4}})\b"
            )),
            // "2019/aug/01", "2019-aug-1".
            year_mon_day: compile(&format!(
                r"\b(?P<year>[0-9]{{4}})[-/](?P<mon>{any_case})[-/](?P<day>[0-9]{{1,2}})\b"
            )),
            // "Sep-23-2020", "nov 14, 2023", "dec. 31, 1994".
            mon_day_year: compile(&format!(
                r"\b(?P<mon>{any_case})(?:[-/](?P<day>[0-9]{{1,2}})[-/]|\.?\s+(?P<sday>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+)(?P<year>[0-9]{{4}})\b"
            )),
            // "September-2020-23": the month, the year, then the day, joined by hyphens.
            mon_year_day: compile(&format!(
                r"\b(?P<mon>{any_case})-(?P<year>[0-9]{{4}})-(?P<day>[0-9]{{1,2}})\b"
            )),
        }
    }

    /// The number of a month name or abbreviation ("Sept." is 9), in any case.
    fn number(&self, word: &str) -> Option<u32> {
        let word = word.trim_end_matches('.').to_lowercase();
        self.months.get(&word).copied()
    }
}

/// The bit of [`MonthForms::word_bits`] for a word a date told in words may start with.
pub const STARTS: u32 = 1 << 31;

/// The month forms of `rules`, built once per rules.
pub fn month_forms(rules: &Rules) -> std::sync::Arc<MonthForms> {
    let kept = rules
        .dates
        .forms
        .get_or_init(|| std::sync::Arc::new(MonthForms::new(rules)))
        .clone();
    kept.downcast::<MonthForms>()
        .unwrap_or_else(|_| std::sync::Arc::new(MonthForms::new(rules)))
}

/// Compiles a date pattern with ASCII word boundaries: a Unicode `\b` makes the regex engine
/// give up its fast automaton on any text that is not ASCII (curly quotes and dashes are in
/// most news copy), and every pattern here begins and ends at ASCII digits or letters.
fn compile(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
        .expect("the date patterns are fixed and known to compile")
}

/// "2014-02-20" (the end is checked in code so "2014-02-20T10:00" counts).
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?P<year>[0-9]{4})-(?P<mon>[0-9]{2})-(?P<day>[0-9]{2})"));

/// "2/20/2014", month first as US copy writes it.
static US_DATE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?P<mon>[0-9]{1,2})/(?P<day>[0-9]{1,2})/(?P<year>[0-9]{4})\b"));

/// "2016 10 16": a year, a month and a day of two digits each, spaced.
static SPACED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<year>(?:19|20)[0-9]{2}) (?P<mon>0[1-9]|1[0-2]) (?P<day>0[1-9]|[12][0-9]|3[01])\b",
    )
});

/// Four digits standing alone: where the forms with a month in any case are looked for.
static FOUR_DIGITS: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[0-9]{4}\b"));

/// "20161016": eight digits that are a valid year, month and day, standing alone.
static COMPACT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?P<year>(?:19|20)[0-9]{2})(?P<mon>0[1-9]|1[0-2])(?P<day>0[1-9]|[12][0-9]|3[01])\b")
});

/// "since 2014", "mid-2014"; context is checked in code.
static YEAR_ALONE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?P<mid>[Mm]id-)?(?P<year>(?:18|19|20)[0-9]{2})\b"));

/// "3:30 p.m.", "3:30pm", "10 a.m.", "7.30 PM", "10 a. m.", "2: 09 am" (some copy spaces colons).
static CLOCK_MERIDIEM: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<hour>[0-9]{1,2})(?::\s?(?P<min>[0-9]{2})|\.(?P<dotmin>[0-9]{2}))?\s*(?:[aApP]\.\s?[mM]\.?|[aApP][mM]\b)",
    )
});

/// "14:30", "14:30:05", "14: 58 hrs", "3:30 GMT".
static CLOCK_24: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<hour>[0-9]{1,2}):(?P<gap> )?(?P<min>[0-9]{2})(?::[0-9]{2})?\b(?P<zone>\s*(?:hrs|hours|GMT|UTC|BST|CET|local time)\b)?",
    )
});

/// "0737 GMT", "1400 hrs".
static CLOCK_MILITARY: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?:[01][0-9]|2[0-3])[0-5][0-9]\s*(?:GMT|UTC|hrs)\b"));

/// "noon", "midnight", "3 o'clock".
/// (Two patterns: in one, the digits of the second would keep the regex engine from searching
/// for the words' letters first.)
static CLOCK_WORDS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?:[Nn]oon|NOON|[Mm]idnight|MIDNIGHT)\b"));
static O_CLOCK: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?P<hour>[0-9]{1,2})\s+o['’]clock\b"));

/// Every date and time-of-day mention in `text[start..end]`, offsets absolute into `text`, sorted, non-overlapping (longest match wins).
pub fn find_dates(text: &str, start: usize, end: usize, rules: &Rules) -> Vec<DateMention> {
    let f = month_forms(rules);
    let f = f.as_ref();
    let end = floor_char_boundary(text, end.min(text.len()));
    let start = ceil_char_boundary(text, start.min(end));
    if start >= end {
        return Vec::new();
    }
    let mut found = Vec::new();
    // Patterns see the text before the window (for word boundaries and the word before a
    // match) but nothing after it: the window's end is the end of the text for them.
    let window = Window {
        text: &text[..end],
        start,
    };
    window.scan(&f.month_day, &mut found, |t, c| month_day(t, c, f));
    window.scan(&f.day_month, &mut found, |t, c| month_day(t, c, f));
    window.scan(&f.month_year, &mut found, |t, c| month_year(t, c, f));
    window.scan(&f.month_alone, &mut found, |t, c| month_alone(t, c, f));
    window.scan(&ISO_DATE, &mut found, numeric_date);
    // A month in any case has no literal the regex engine could search for first: those
    // forms are tried only around a four-digit year, which every one of them holds.
    for year in FOUR_DIGITS.find_iter(&window.text[window.start..]) {
        let at = window.start + year.start();
        let from = ceil_char_boundary(window.text, at.saturating_sub(16).max(window.start));
        let to = floor_char_boundary(window.text, (at + 20).min(window.text.len()));
        // The slice ends at a space (or the window's end), so no word is cut in two.
        let to = window.text[to..]
            .find(char::is_whitespace)
            .map_or(window.text.len(), |k| to + k);
        let near = Window {
            text: &window.text[..to],
            start: from,
        };
        near.scan(&f.day_mon_year, &mut found, |t, c| full_date(t, c, f));
        near.scan(&f.year_mon_day, &mut found, |t, c| full_date(t, c, f));
        near.scan(&f.mon_day_year, &mut found, |t, c| full_date(t, c, f));
        near.scan(&f.mon_year_day, &mut found, |t, c| full_date(t, c, f));
    }
    window.scan(&COMPACT_DATE, &mut found, numeric_date);
    window.scan(&US_DATE, &mut found, numeric_date);
    window.scan(&SPACED_DATE, &mut found, spaced_date);
    window.scan(&YEAR_ALONE, &mut found, year_alone);
    window.scan(&CLOCK_MERIDIEM, &mut found, clock_meridiem);
    window.scan(&CLOCK_24, &mut found, clock_24);
    window.scan(&CLOCK_MILITARY, &mut found, |_, c| {
        Some(time(c.get(0)?.range()))
    });
    window.scan(&CLOCK_WORDS, &mut found, clock_words);
    window.scan(&O_CLOCK, &mut found, clock_words);
    longest_first(found)
}

/// The part of a text being searched: `text` ends where the window ends, and only matches
/// starting at or after `start` count.
struct Window<'t> {
    text: &'t str,
    start: usize,
}

impl Window<'_> {
    /// Runs one pattern over the window; `accept` validates a match and says what it is.
    fn scan(
        &self,
        pattern: &Regex,
        found: &mut Vec<DateMention>,
        accept: impl Fn(&str, &Captures) -> Option<DateMention>,
    ) {
        let mut at = self.start;
        while at < self.text.len() {
            let Some(caps) = pattern.captures_at(self.text, at) else {
                break;
            };
            let Some(whole) = caps.get(0) else { break };
            match accept(self.text, &caps) {
                Some(mention) => {
                    at = mention.end.max(whole.start() + 1);
                    found.push(mention);
                }
                None => at = whole.start() + 1,
            }
            at = ceil_char_boundary(self.text, at);
        }
    }
}

/// Keeps the longest mentions that do not overlap (earlier first among equals), by offset.
fn longest_first(mut found: Vec<DateMention>) -> Vec<DateMention> {
    found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    let mut kept: BTreeMap<usize, DateMention> = BTreeMap::new();
    for mention in found {
        let clashes_before = kept
            .range(..mention.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > mention.start);
        if !clashes_before {
            kept.insert(mention.start, mention);
        }
    }
    kept.into_values().collect()
}

/// Month-and-day forms, either order, with an optional year.
fn month_day(text: &str, caps: &Captures, f: &MonthForms) -> Option<DateMention> {
    let whole = caps.get(0)?;
    let month = f.number(caps.name("mon")?.as_str())?;
    let day: u32 = caps.name("day")?.as_str().parse().ok()?;
    let year = caps
        .name("year")
        .filter(|y| !number_continues(text, y.end()))
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| WORDY_YEARS.contains(y));
    let end = match (year, caps.name("year")) {
        (Some(_), _) | (None, None) => whole.end(),
        // A number after the date that is not a year ("March 3, 2500 people"): the date ends
        // before it.
        (None, Some(y)) => text[..y.start()]
            .trim_end_matches(|c: char| c == ',' || c.is_whitespace())
            .len(),
    };
    let end = if caps.name("day")?.start() > caps.name("mon")?.start() {
        end
    } else {
        // Day first: without a year the mention ends with the month.
        end.max(caps.name("mon")?.end())
    };
    if !valid_day(year, month, day) {
        return None;
    }
    Some(date(whole.start()..end, year, Some(month), Some(day)))
}

fn month_year(text: &str, caps: &Captures, f: &MonthForms) -> Option<DateMention> {
    let whole = caps.get(0)?;
    let year_match = caps.name("year")?;
    if number_continues(text, year_match.end()) {
        return None;
    }
    let year: i32 = year_match.as_str().parse().ok()?;
    if !WORDY_YEARS.contains(&year) {
        return None;
    }
    let month = f.number(caps.name("mon")?.as_str())?;
    Some(date(whole.range(), Some(year), Some(month), None))
}

fn month_alone(text: &str, caps: &Captures, f: &MonthForms) -> Option<DateMention> {
    let whole = caps.get(0)?;
    let month = f.number(caps.name("mon")?.as_str())?;
    if caps.name("mid").is_none() && !word_before_is(text, whole.start(), MONTH_CONTEXT) {
        return None;
    }
    Some(date(whole.range(), None, Some(month), None))
}

/// `2014-02-20` and `2/20/2014`.
fn numeric_date(text: &str, caps: &Captures) -> Option<DateMention> {
    let whole = caps.get(0)?;
    // "2/20/2014/5" or "2014-02-201" is something else.
    let next = text[whole.end()..].chars().next();
    if next.is_some_and(|c| c.is_ascii_digit() || c == '/') || joined_to_figure(text, whole.start())
    {
        return None;
    }
    let year: i32 = caps.name("year")?.as_str().parse().ok()?;
    let month: u32 = caps.name("mon")?.as_str().parse().ok()?;
    let day: u32 = caps.name("day")?.as_str().parse().ok()?;
    if !NUMERIC_YEARS.contains(&year)
        || !(1..=12).contains(&month)
        || !valid_day(Some(year), month, day)
    {
        return None;
    }
    Some(date(whole.range(), Some(year), Some(month), Some(day)))
}

/// Whether the text right before `at` joins a date to another figure: "2/20/2014" after a
/// slash, or after a hyphen that follows a digit ("12-2014-02-20"). A hyphen or an underscore
/// after a word ("report-2002-10-09") or standing alone ("-20200701-") leaves a date a date.
fn joined_to_figure(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if before.ends_with('/') {
        return true;
    }
    match before.strip_suffix('-') {
        Some(rest) => rest.ends_with(|c: char| c.is_ascii_digit() || c == '/' || c == '.'),
        None => false,
    }
}

/// "2016 10 16": only where nothing follows on the line but punctuation, so that "in 2016 10
/// 12-year-olds" stays a year and counts.
fn spaced_date(text: &str, caps: &Captures) -> Option<DateMention> {
    let whole = caps.get(0)?;
    let rest = &text[whole.end()..];
    let next = rest.chars().next();
    let line_ends = rest
        .trim_start_matches([' ', '\t'])
        .starts_with(['\n', '\r'])
        || rest.trim().is_empty();
    if !(next.is_none_or(|c| c.is_ascii_punctuation() && c != '-' && c != '/') || line_ends) {
        return None;
    }
    numeric_date(text, caps)
}

/// A date with a month named in any case, a day and a year ("05-Aug-2016", "14 nov 2023").
fn full_date(text: &str, caps: &Captures, f: &MonthForms) -> Option<DateMention> {
    let whole = caps.get(0)?;
    if number_continues(text, whole.end()) || joined_to_figure(text, whole.start()) {
        return None;
    }
    let month = f.number(caps.name("mon")?.as_str())?;
    let day: u32 = caps
        .name("day")
        .or_else(|| caps.name("sday"))?
        .as_str()
        .parse()
        .ok()?;
    let year: i32 = caps.name("year")?.as_str().parse().ok()?;
    if !WORDY_YEARS.contains(&year) || !valid_day(Some(year), month, day) {
        return None;
    }
    Some(date(whole.range(), Some(year), Some(month), Some(day)))
}

fn year_alone(text: &str, caps: &Captures) -> Option<DateMention> {
    let whole = caps.get(0)?;
    let year_match = caps.name("year")?;
    let after = &text[year_match.end()..];
    // "in 2014.5", "by 1,9001", "by 2000%" are figures, not years.
    if number_continues(text, year_match.end()) || after.starts_with('%') {
        return None;
    }
    let in_brackets = text[..whole.start()].ends_with('(') && after.starts_with(')');
    if caps.name("mid").is_none()
        && !in_brackets
        && !word_before_is(text, whole.start(), YEAR_CONTEXT)
        && !joined_to_year(text, whole.start(), 3)
    {
        return None;
    }
    let year: i32 = year_match.as_str().parse().ok()?;
    Some(date(whole.range(), Some(year), None, None))
}

fn clock_meridiem(_text: &str, caps: &Captures) -> Option<DateMention> {
    let hour: u32 = caps.name("hour")?.as_str().parse().ok()?;
    let minute: u32 = match caps.name("min").or_else(|| caps.name("dotmin")) {
        Some(m) => m.as_str().parse().ok()?,
        None => 0,
    };
    if !(1..=12).contains(&hour) || minute > 59 {
        return None;
    }
    Some(time(caps.get(0)?.range()))
}

fn clock_24(text: &str, caps: &Captures) -> Option<DateMention> {
    let whole = caps.get(0)?;
    let hour_text = caps.name("hour")?.as_str();
    let hour: u32 = hour_text.parse().ok()?;
    let minute: u32 = caps.name("min")?.as_str().parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    let zoned = caps.name("zone").is_some();
    // "14: 58" only with "hrs" or a zone after it; spaced colons are otherwise lists.
    if caps.name("gap").is_some() && !zoned {
        return None;
    }
    // "3:16" alone is as likely a verse or a score as a time.
    if hour_text.len() == 1 && !zoned && !word_before_is(text, whole.start(), CLOCK_CONTEXT) {
        return None;
    }
    Some(time(whole.range()))
}

fn clock_words(_text: &str, caps: &Captures) -> Option<DateMention> {
    if let Some(hour) = caps.name("hour") {
        let hour: u32 = hour.as_str().parse().ok()?;
        if !(1..=12).contains(&hour) {
            return None;
        }
    }
    Some(time(caps.get(0)?.range()))
}

fn date(
    range: std::ops::Range<usize>,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
) -> DateMention {
    DateMention {
        start: range.start,
        end: range.end,
        kind: MentionKind::Date(DateValue::new(year, month, day)),
    }
}

fn time(range: std::ops::Range<usize>) -> DateMention {
    DateMention {
        start: range.start,
        end: range.end,
        kind: MentionKind::Time,
    }
}

/// Whether `day` exists in `month` (of `year`, when known; February 29 needs a leap year).
fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    let last = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => return false,
    };
    (1..=last).contains(&day)
}

/// Whether the digits ending at `at` go on as a longer number ("2014,000", "2014.5").
fn number_continues(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars();
    matches!(
        (rest.next(), rest.next()),
        (Some(',' | '.'), Some(d)) if d.is_ascii_digit()
    )
}

/// Whether the word just before `at` (separated by whitespace) is one of `words`, in any case.
/// Words and marks that join a year to the year before it: "from 2004 to 2010", "in 2013 and
/// 2014", "1998–2002".
const YEAR_JOINERS: &[&str] = &["to", "and", "or", "through", "&", "-", "–", "—"];

/// Whether the year at `at` is joined ([`YEAR_JOINERS`]) to a year before it that is a date
/// itself: after a word of [`YEAR_CONTEXT`], or joined so in turn (`depth` years back at most).
fn joined_to_year(text: &str, at: usize, depth: usize) -> bool {
    let before = text[..at].trim_end();
    let Some(joiner) = YEAR_JOINERS.iter().find(|j| {
        before.len() >= j.len()
            && before.is_char_boundary(before.len() - j.len())
            && before[before.len() - j.len()..].eq_ignore_ascii_case(j)
            && (!j.chars().all(char::is_alphabetic)
                || !before[..before.len() - j.len()].ends_with(char::is_alphanumeric))
    }) else {
        return false;
    };
    let rest = before[..before.len() - joiner.len()].trim_end();
    let digits = rest.len().saturating_sub(4);
    if !rest.is_char_boundary(digits) {
        return false;
    }
    let (head, year) = rest.split_at(digits);
    let is_year = year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && matches!(&year[..2], "18" | "19" | "20")
        && !head.ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == '.');
    is_year
        && (word_before_is(text, digits, YEAR_CONTEXT)
            || (depth > 1 && joined_to_year(text, digits, depth - 1)))
}

fn word_before_is(text: &str, at: usize, words: &[&str]) -> bool {
    let before = &text[..at];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    let word = &trimmed[word_start..];
    !word.is_empty() && words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in rules, loaded once for every test here.
    fn rules() -> &'static Rules {
        static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::builtin().expect("built-in rules"));
        &RULES
    }

    /// Renders every mention in `sentence` as `text => y-m-d` (`?` where the text does not
    /// say) or `text => time`, and compares with `expected`.
    #[track_caller]
    fn check(sentence: &str, expected: &[&str]) {
        let got: Vec<String> = find_dates(sentence, 0, sentence.len(), rules())
            .iter()
            .map(|m| {
                let shown = match &m.kind {
                    MentionKind::Time => "time".to_string(),
                    MentionKind::Date(d) => format!(
                        "{}-{}-{}",
                        d.year.map_or("?".into(), |y| y.to_string()),
                        d.month.map_or("?".into(), |m| format!("{m:02}")),
                        d.day.map_or("?".into(), |d| format!("{d:02}")),
                    ),
                };
                format!("{} => {shown}", &sentence[m.start..m.end])
            })
            .collect();
        assert_eq!(got, expected, "in {sentence:?}");
    }

    #[test]
    fn month_and_day() {
        check(
            "The talks began on Sept. 28 in Geneva.",
            &["Sept. 28 => ?-09-28"],
        );
        check(
            "The talks began on Sept 28 in Geneva.",
            &["Sept 28 => ?-09-28"],
        );
        check("Filed Sep 28, the report says", &["Sep 28 => ?-09-28"]);
        check(
            "on September 28 the envoy left",
            &["September 28 => ?-09-28"],
        );
        check("as of March 15th, nobody", &["March 15th => ?-03-15"]);
        check("May 2 was the deadline.", &["May 2 => ?-05-02"]);
        check("ON DECEMBER 7 THE FLEET", &["DECEMBER 7 => ?-12-07"]);
    }

    #[test]
    fn month_day_year() {
        check(
            "It was signed Feb. 20, 2014, in Kyiv.",
            &["Feb. 20, 2014 => 2014-02-20"],
        );
        check(
            "It was signed February 20, 2014.",
            &["February 20, 2014 => 2014-02-20"],
        );
        check("Tue Jul 02 2013, a quake", &["Jul 02 2013 => 2013-07-02"]);
        // The weekday is left out of the span; the value is the same.
        check("Thursday, Feb. 20, 2014", &["Feb. 20, 2014 => 2014-02-20"]);
    }

    #[test]
    fn day_month_year() {
        check(
            "The ceasefire of 20 February 2014 held.",
            &["20 February 2014 => 2014-02-20"],
        );
        check(
            "The ceasefire of 20 Feb 2014 held.",
            &["20 Feb 2014 => 2014-02-20"],
        );
        check(
            "Celebrated on the 4th of July again",
            &["4th of July => ?-07-04"],
        );
        check("Elections on 6 May.", &["6 May => ?-05-06"]);
    }

    #[test]
    fn numeric_dates() {
        check(
            "Timestamp 2014-02-20 in the log",
            &["2014-02-20 => 2014-02-20"],
        );
        check("posted 2014-02-20T10:00Z", &["2014-02-20 => 2014-02-20"]);
        check("Dated 2/20/2014 on the memo", &["2/20/2014 => 2014-02-20"]);
        // A month 20 does not exist, and neither does February 30.
        check("Code 20/2/2014 and 2014-02-30", &[]);
        check("Stamped 20240307 on the box", &["20240307 => 2024-03-07"]);
        // Eight digits that are no date stay a figure.
        check("Order 20241399 shipped", &[]);
    }

    #[test]
    fn months_in_any_case_with_a_day_and_a_year() {
        check("filed on 07-Mar-2021 by", &["07-Mar-2021 => 2021-03-07"]);
        check("filed on 7/mar/2021 by", &["7/mar/2021 => 2021-03-07"]);
        check("filed 2021/mar/07 by", &["2021/mar/07 => 2021-03-07"]);
        check("filed Mar-7-2021 by", &["Mar-7-2021 => 2021-03-07"]);
        check("we meet 9 oct 2025 then", &["9 oct 2025 => 2025-10-09"]);
        check("we met oct 9, 2025 then", &["oct 9, 2025 => 2025-10-09"]);
        // Without a day and a year, "may" stays the verb.
        check("prices may 5 times rise", &[]);
    }

    #[test]
    fn month_and_year() {
        check(
            "Russia invaded Ukraine in February 2022.",
            &["February 2022 => 2022-02-?"],
        );
        check("since Feb. 2022 the aid", &["Feb. 2022 => 2022-02-?"]);
        check(
            "In February, 2022, troops",
            &["February, 2022 => 2022-02-?"],
        );
    }

    #[test]
    fn month_alone_needs_a_time_word_before_it() {
        check(
            "Russia invaded Ukraine in February.",
            &["February => ?-02-?"],
        );
        check("Prices rose since March.", &["March => ?-03-?"]);
        check("Deliveries start early June.", &["June => ?-06-?"]);
        check("He resigned last May.", &["May => ?-05-?"]);
        check("Expected by mid-July.", &["mid-July => ?-07-?"]);
        check("In April the plan changed", &["April => ?-04-?"]);
    }

    #[test]
    fn month_words_that_are_not_dates() {
        check("I may go to the March of Dimes.", &[]);
        check("They will March on the capital.", &[]);
        check("Theresa May said no.", &[]);
        check("MAY I ask?", &[]);
        check("Jan Novak arrived.", &[]);
        check("Mar-a-Lago was searched.", &[]);
    }

    #[test]
    fn years_after_a_preposition() {
        check("The dam was built in 1934.", &["1934 => 1934-?-?"]);
        check(
            "Sanctions in place since 2014 remain.",
            &["2014 => 2014-?-?"],
        );
        check("Due by mid-2025.", &["mid-2025 => 2025-?-?"]);
        check(
            "From 2014 until 2016 it grew.",
            &["2014 => 2014-?-?", "2016 => 2016-?-?"],
        );
        // A year needs its preposition; a figure that happens to look like one is not a date.
        check("It sent 2014 rifles.", &[]);
        check("a rise of 2014.5 tonnes", &[]);
        check("in 1700 and in 2150", &[]);
        // A year joined to a year that is a date is one too; in brackets after a name, also.
        check(
            "She sang with the choir from 1991 to 1996 and in 1999 and 2001.",
            &[
                "1991 => 1991-?-?",
                "1996 => 1996-?-?",
                "1999 => 1999-?-?",
                "2001 => 2001-?-?",
            ],
        );
        check("in 1998–2002", &["1998 => 1998-?-?", "2002 => 2002-?-?"]);
        check(
            "their first record, Low Tide (1988), sold well",
            &["1988 => 1988-?-?"],
        );
        check("It sent 2014 rifles and 2015 shells.", &[]);
    }

    #[test]
    fn times_of_day() {
        check("at 3:30 p.m. local time", &["3:30 p.m. => time"]);
        check("at 3:30pm", &["3:30pm => time"]);
        check("by 10 a.m. Friday", &["10 a.m. => time"]);
        check("The vote is at noon.", &["noon => time"]);
        check("Midnight passed quietly", &["Midnight => time"]);
        check("The curfew starts 14:30 daily", &["14:30 => time"]);
        check(
            "Tue Jul 02 2013, 14: 58 hrs",
            &["Jul 02 2013 => 2013-07-02", "14: 58 hrs => time"],
        );
        check("struck at 0737 GMT at a depth", &["0737 GMT => time"]);
        check("It ended at 3 o'clock.", &["3 o'clock => time"]);
        check("at 3:30", &["3:30 => time"]);
        check("shortly after 2: 09 am PST", &["2: 09 am => time"]);
        check("at 7.30 PM sharp", &["7.30 PM => time"]);
    }

    #[test]
    fn dates_and_times_together() {
        check(
            "On Feb. 20, 2014, at 3:30 p.m., shots were fired; by noon on Feb. 21 it was over.",
            &[
                "Feb. 20, 2014 => 2014-02-20",
                "3:30 p.m. => time",
                "noon => time",
                "Feb. 21 => ?-02-21",
            ],
        );
    }

    #[test]
    fn figures_that_are_not_dates_or_times() {
        check("Gen. 3:16 is a verse", &[]);
        check("version 2.0 shipped", &[]);
        check("1,400 Stinger missiles", &[]);
        check("two F-16 jets", &[]);
        check("a 24/7 watch and 1/2 of them", &[]);
        check("It won 3-2 after 90 minutes.", &[]);
        check("the afternoon session", &[]);
    }

    #[test]
    fn invalid_calendar_values_are_rejected() {
        check("on Feb. 30 and April 31", &[]);
        check("on Feb. 29, 2023", &[]);
        check("on Feb. 29, 2024", &["Feb. 29, 2024 => 2024-02-29"]);
        check("at 25:00 or 13 p.m.", &[]);
    }

    #[test]
    fn a_number_after_the_day_that_is_not_a_year_is_left_out() {
        check("On March 3, 2500 people marched", &["March 3 => ?-03-03"]);
        check(
            "By Sept. 28, 1,400 troops had left",
            &["Sept. 28 => ?-09-28"],
        );
    }

    #[test]
    fn offsets_are_absolute_and_limited_to_the_window() {
        let text = "Header Feb. 2022\n\nBody since March and Feb. 20, 2014.";
        let body = text.find("Body").expect("body is in the text");
        let got = find_dates(text, body, text.len(), rules());
        let spans: Vec<&str> = got.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(spans, ["March", "Feb. 20, 2014"]);
        // Nothing past the end of the window is read: a year cut in half is no year.
        let cut = text.find("2014.").expect("year is in the text") + 2;
        let got = find_dates(text, body, cut, rules());
        let spans: Vec<&str> = got.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(spans, ["March", "Feb. 20"]);
    }

    #[test]
    fn odd_windows_do_not_panic() {
        let text = "é in February ü";
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let _ = find_dates(text, start, end, rules());
            }
        }
        assert_eq!(find_dates(text, 0, text.len(), rules()).len(), 1);
    }

    #[test]
    fn non_breaking_spaces_and_unicode_around_dates() {
        check(
            "le 20\u{a0}February\u{a0}2014 — «in May»",
            &["20\u{a0}February\u{a0}2014 => 2014-02-20", "May => ?-05-?"],
        );
    }

    #[test]
    fn another_languages_months_are_a_rules_file() {
        let text = "Die Sitzung war am 14 März 2024 in Bonn.";
        assert!(find_dates(text, 0, text.len(), rules()).is_empty());
        let german = Rules::builtin_with("de.toml", "[dates]\nmonths = { \"märz\" = 3 }\n")
            .expect("a file of month names loads");
        let got = find_dates(text, 0, text.len(), &german);
        assert_eq!(got.len(), 1);
        assert_eq!(&text[got[0].start..got[0].end], "14 März 2024");
        assert_eq!(
            got[0].kind,
            MentionKind::Date(DateValue::new(Some(2024), Some(3), Some(14)))
        );
        let err = Rules::builtin_with("bad.toml", "[dates]\nmonths = { smarch = 13 }\n")
            .expect_err("a month past December");
        assert!(err.to_string().contains("bad.toml"), "{err}");
    }
}
