//! Dates told in words, read from tokens: a length of time counted from a day ("in 2 weeks",
//! "two days ago", "3 days after January 12th"), a weekday of a named week ("next week
//! Wednesday", "Tuesday of last week"), holidays ("easter 2018"), and dates whose day or year
//! is spelled ("twenty five January nineteen eighty six", "4th of July of 1995").
//!
//! The reader knows nothing of the document it reads: it returns [`DateMention`]s holding a
//! [`DateExpr`], which says how to find the day, and the relative reader above it
//! (`lexical::relative`) works the day out from the document's date. It imports only the
//! tokens, the number reader and the rule tables (`[dates]` in `rules/dates.toml`), so another
//! language's dates are another rules file.

pub mod forms;

use jiff::civil::{Date, Weekday};

use crate::extract::lexical::number;
use crate::extract::tokens::{Token, TokenKind};
use crate::model::DateValue;
use crate::rules::{DateRules, HolidayDay, Rules, TimeUnit};

/// The roles of [`crate::rules::DATE_WORD_ROLES`] as bits, in that order.
pub mod role {
    pub const AGO: u32 = 1 << 0;
    pub const LATER: u32 = 1 << 1;
    pub const EARLIER: u32 = 1 << 2;
    pub const AHEAD: u32 = 1 << 3;
    pub const FROM: u32 = 1 << 4;
    pub const BEFORE: u32 = 1 << 5;
    pub const SINCE: u32 = 1 << 6;
    pub const NOW: u32 = 1 << 7;
    pub const NEXT: u32 = 1 << 8;
    pub const LAST: u32 = 1 << 9;
    pub const THIS: u32 = 1 << 10;
    pub const COMING: u32 = 1 << 11;
    pub const PAST: u32 = 1 << 12;
    pub const WEEK: u32 = 1 << 13;
    pub const MONTH: u32 = 1 << 14;
    pub const YEAR: u32 = 1 << 15;
    pub const DAY: u32 = 1 << 16;
}

/// A date the text's written forms already gave ("January 15", "01/02/2018"), by tokens: the
/// reader counts from them ("2 weeks from January 15") and builds on them ("13 Sept nineteen
/// seventy two").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KnownDate {
    pub first: usize,
    pub last: usize,
    pub value: DateValue,
}

/// The day a length of time is counted from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// The document's date: "two days ago", "in 2 weeks", "3 days from now".
    Report,
    /// A day counted from the document's date by a word: "tomorrow" is 1, "yesterday" -1.
    Deictic(i32),
    /// An event told before, which the reader does not know: "a fortnight later", "the day
    /// before". Counted from the document's date, and doubted.
    Narrative,
    /// A date the text gives; a missing year is the document's, a missing month or day the
    /// first ("two years since 2011" counts from January 1).
    Date(DateValue),
    /// A holiday, in a given year or the next one on or after the document's date.
    Holiday(HolidayDay, HolidayYear),
}

/// Which year's holiday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayYear {
    /// "easter 2018".
    Given(i32),
    /// "this Easter": in the document's year.
    This,
    /// "Christmas" counted from ("2 weeks before Christmas"): the next one on or after the
    /// document's date.
    Upcoming,
    /// "the following Easter": the first one after the document's date.
    Next,
    /// "the previous Easter": the last one before the document's date.
    Previous,
}

/// A length of time, signed: negative counts back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub count: i32,
    pub unit: TimeUnit,
}

/// How to find the day a mention names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DateExpr {
    /// The anchor, shifted, then (when a weekday is named) that weekday of the week (Monday to
    /// Sunday) the shifted day falls in: "in 3 days on Friday", "Saturday 3 days from now".
    Shifted {
        anchor: Anchor,
        shift: Option<Shift>,
        weekday: Option<u32>,
    },
    /// A weekday (Monday 1 to Sunday 7) of the week `week` weeks from the document's: "next
    /// week Monday" (1), "Tuesday of last week" (-1), "next Friday" (1).
    WeekOf { week: i32, weekday: u32 },
    /// The nearest such weekday after (1) or before (-1) the document's date, never the day
    /// itself: "this coming Friday", "this past Wednesday".
    Nearest { direction: i32, weekday: u32 },
    /// A day of the month `months` months from the document's: "the 21st this month",
    /// "Wednesday the thirty first".
    DayOfMonth { day: u32, months: i32 },
}

/// A date found in the tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateMention {
    pub first: usize,
    pub last: usize,
    pub expr: DateExpr,
    /// A hedge stands before the length ("a little over a month ago", "about two weeks
    /// later"): the day is only about right.
    pub hedged: bool,
}

impl DateMention {
    /// A date the mention states in full, needing no document date.
    pub fn absolute(&self) -> Option<DateValue> {
        match self.expr {
            DateExpr::Shifted {
                anchor: Anchor::Date(value),
                shift: None,
                weekday: None,
            } if value.year.is_some() => Some(value),
            _ => None,
        }
    }
}

/// Every date told in words in `tokens`, in order, not overlapping. `known` are the dates the
/// written forms gave, sorted by token; a mention may take one in (it is then the longer
/// mention), but never cuts one in two.
pub fn read_dates(tokens: &[Token], rules: &Rules, known: &[KnownDate]) -> Vec<DateMention> {
    let forms = forms::month_forms(rules);
    // The roles of every token's word, looked up once.
    let bits: Vec<u32> = tokens
        .iter()
        .map(|t| {
            let w = t.lower.strip_suffix('.').unwrap_or(&t.lower);
            forms.word_bits.get(w).copied().unwrap_or(0)
        })
        .collect();
    let r = Reader {
        tokens,
        rules,
        d: &rules.dates,
        known,
        bits: &bits,
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        match r.at(k) {
            // A written date read again word by word is no new mention.
            Some(m)
                if r.known
                    .iter()
                    .any(|d| d.first == m.first && d.last == m.last) =>
            {
                k = m.last + 1;
            }
            Some(m) if r.whole(m.first, m.last) => {
                k = m.last + 1;
                out.push(m);
            }
            _ => k += 1,
        }
    }
    out
}

struct Reader<'a> {
    tokens: &'a [Token],
    rules: &'a Rules,
    d: &'a DateRules,
    known: &'a [KnownDate],
    bits: &'a [u32],
}

impl Reader<'_> {
    /// The lowercase word at `i` without a final period ("sept." is "sept"), or "".
    fn w(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| t.lower.strip_suffix('.').unwrap_or(&t.lower))
    }

    /// Whether the word at `i` has the role `bit` (one of [`role`]'s).
    fn is(&self, bit: u32, i: usize) -> bool {
        self.bits.get(i).is_some_and(|b| b & bit != 0)
    }

    /// Whether tokens `a..=b` are in one sentence.
    fn together(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.sentence == y.sentence,
            _ => false,
        }
    }

    /// Whether `first..=last` cuts no known date in two: each known date is inside or outside.
    fn whole(&self, first: usize, last: usize) -> bool {
        // Known dates do not overlap each other: only the one before `first` and those that
        // start inside the mention can cross its edges.
        let from = self
            .known
            .partition_point(|k| k.first < first)
            .saturating_sub(1);
        self.known[from..]
            .iter()
            .take_while(|k| k.first <= last)
            .all(|k| k.last < first || (k.first >= first && k.last <= last))
    }

    fn known_at(&self, i: usize) -> Option<&KnownDate> {
        let at = self.known.partition_point(|k| k.first < i);
        self.known.get(at).filter(|k| k.first == i)
    }

    /// Whether a date could start at token `k`: a figure, or a word of the date tables. Most
    /// tokens are neither, and are passed over without trying every form.
    fn may_start(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        if t.kind != TokenKind::Word {
            return t.kind != TokenKind::Punct;
        }
        let w = self.w(k);
        self.bits[k] & forms::STARTS != 0
            || w.split_once('-')
                .is_some_and(|(a, _)| self.rules.number_words.contains_key(a))
    }

    /// The longest mention starting at token `k`.
    fn at(&self, k: usize) -> Option<DateMention> {
        if !self.may_start(k) {
            return None;
        }
        let found = [
            self.spelled_date(k),
            self.offset(k),
            self.day_word(k),
            self.week(k),
            self.weekday_with_day(k),
            self.day_of_month(k),
            self.holiday_named(k),
        ];
        found
            .into_iter()
            .flatten()
            .filter(|m| self.together(m.first, m.last))
            .max_by_key(|m| (m.last, std::cmp::Reverse(m.first)))
    }

    /// A whole number of things at `i`: digits, "a", "an", or spelled ("two", "twenty one").
    fn amount(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind == TokenKind::Number {
            let n: i32 = t.lower.parse().ok()?;
            return (0..=10_000).contains(&n).then_some((n, i));
        }
        if matches!(t.lower.as_str(), "a" | "an") {
            return Some((1, i));
        }
        let first_word = t.lower.split('-').next().unwrap_or_default();
        if t.kind != TokenKind::Word || !super::may_start_figure(self.rules, first_word) {
            return None;
        }
        let f = number::spelled_at(self.tokens, i, self.rules).or_else(|| {
            let v = *self.rules.number_words.get(t.lower.as_str())?;
            Some(number::Figure {
                first: i,
                last: i,
                value: v,
            })
        })?;
        (f.value.fract() == 0.0 && (0.0..=10_000.0).contains(&f.value))
            .then_some((f.value as i32, f.last))
    }

    /// Whether a hedge ("over", "about", "more than") ends right before token `i`.
    fn hedge_before(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1) else {
            return false;
        };
        let w = self.w(before);
        self.rules.qualifiers.iter().any(|q| {
            q.position == crate::rules::QualifierPosition::Before
                && q.phrases
                    .iter()
                    .any(|p| p.rsplit(' ').next().is_some_and(|last| last == w))
        })
    }

    fn unit(&self, i: usize) -> Option<TimeUnit> {
        self.d.units.get(self.w(i)).copied()
    }

    /// A weekday written in full ("Friday", "friday"): abbreviations ("sat", "sun") are
    /// weekdays only next to a week.
    fn weekday_full(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        let n = *self.d.weekdays.get(w)?;
        (w.len() >= 6 && self.tokens.get(i)?.kind == TokenKind::Word).then_some(n)
    }

    fn weekday_any(&self, i: usize) -> Option<u32> {
        self.d.weekdays.get(self.w(i)).copied()
    }

    fn month(&self, i: usize) -> Option<u32> {
        self.d.months.get(self.w(i)).copied()
    }

    /// A day of a month at `i`: "16", "16th", "first", "thirty first", "twenty-first",
    /// "twenty five".
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tokens.get(i)?;
        let ok = |d: u32| (1..=31).contains(&d);
        match t.kind {
            TokenKind::Number => {
                let d: u32 = t.lower.parse().ok()?;
                return (t.lower.len() <= 2 && ok(d)).then_some((d, i));
            }
            TokenKind::Mixed => {
                let digits = t.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &t.lower[digits.len()..];
                let d: u32 = digits.parse().ok()?;
                return (matches!(suffix, "st" | "nd" | "rd" | "th") && digits.len() <= 2 && ok(d))
                    .then_some((d, i));
            }
            _ => {}
        }
        if let Some(&d) = self.d.day_ordinals.get(t.lower.as_str()) {
            return Some((d, i));
        }
        // "twenty-first"
        if let Some((tens, unit)) = t.lower.split_once('-')
            && let (Some(&tv), Some(&uv)) = (
                self.rules.number_words.get(tens),
                self.d.day_ordinals.get(unit),
            )
            && uv < 10
            && ok(tv as u32 + uv)
        {
            return Some((tv as u32 + uv, i));
        }
        // "thirty first"
        if let Some(&tv) = self.rules.number_words.get(t.lower.as_str())
            && (tv == 20.0 || tv == 30.0)
            && let Some(&uv) = self.d.day_ordinals.get(self.w(i + 1))
            && uv < 10
            && ok(tv as u32 + uv)
        {
            return Some((tv as u32 + uv, i + 1));
        }
        let (n, last) = self.amount(i)?;
        (t.kind == TokenKind::Word && t.lower != "a" && t.lower != "an" && ok(n as u32))
            .then_some((n as u32, last))
    }

    /// A year at `i`: four digits, or spelled ("nineteen eighty six", "nineteen hundred
    /// ninety three", "two thousand and five").
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tokens.get(i)?;
        if t.kind == TokenKind::Number {
            let y: i32 = t.lower.parse().ok()?;
            return (t.lower.len() == 4 && (1000..=2999).contains(&y)).then_some((y, i));
        }
        if t.kind != TokenKind::Word {
            return None;
        }
        let (first, last) = self.amount(i)?;
        if (1000..=2999).contains(&first) {
            return Some((first, last));
        }
        // "nineteen eighty six": the century, then the year in it.
        if (10..=29).contains(&first)
            && self.tokens.get(last + 1)?.kind == TokenKind::Word
            && let Some((rest, end)) = self.amount(last + 1)
            && (10..=99).contains(&rest)
        {
            return Some((first * 100 + rest, end));
        }
        None
    }

    /// "twenty five January nineteen eighty six", "4th of July of 1995", "28 June in 2020",
    /// "January first 2000", "Dec31, 1994": a day, a month in any case and a year, one of
    /// them at least not in the written forms' digits.
    fn spelled_date(&self, k: usize) -> Option<DateMention> {
        let date = |first: usize, last: usize, y: i32, m: u32, d: u32| {
            valid(y, m, d).then_some(DateMention {
                first,
                last,
                expr: DateExpr::Shifted {
                    anchor: Anchor::Date(DateValue::new(Some(y), Some(m), Some(d))),
                    shift: None,
                    weekday: None,
                },
                hedged: false,
            })
        };
        let year_after = |i: usize| {
            let i = if matches!(self.w(i), "," | "of" | "in") {
                i + 1
            } else {
                i
            };
            self.year(i)
        };
        // A day, then the month.
        if let Some((day, dl)) = self.day(k) {
            let m_at = if self.w(dl + 1) == "of" {
                dl + 2
            } else {
                dl + 1
            };
            if let Some(month) = self.month(m_at)
                && let Some((year, yl)) = year_after(m_at + 1)
            {
                return date(k, yl, year, month, day);
            }
        }
        // A month, then the day.
        if let Some(month) = self.month(k) {
            let d_at = if self.w(k + 1) == "the" { k + 2 } else { k + 1 };
            if let Some((day, dl)) = self.day(d_at)
                && let Some((year, yl)) = year_after(dl + 1)
            {
                return date(k, yl, year, month, day);
            }
        }
        // "Dec31, 1994": the month and the day in one token.
        let t = self.tokens.get(k)?;
        if t.kind == TokenKind::Mixed {
            let letters = t.lower.trim_end_matches(|c: char| c.is_ascii_digit());
            let digits = &t.lower[letters.len()..];
            let letters = letters.trim_end_matches('.');
            if let (Some(&month), Ok(day)) = (self.d.months.get(letters), digits.parse::<u32>())
                && digits.len() <= 2
                && let Some((year, yl)) = year_after(k + 1)
            {
                return date(k, yl, year, month, day);
            }
        }
        None
    }

    /// A length of time counted from a day: "[in] AMOUNT UNIT (ago | later | from ANCHOR |
    /// before ANCHOR | since ANCHOR | from now)", with a weekday of that week before it or
    /// after it ("Saturday 3 days from now", "in 3 days on Friday").
    fn offset(&self, k: usize) -> Option<DateMention> {
        // A weekday before: "Thursday, two year from now".
        let (lead_weekday, mut i) = match self.weekday_full(k) {
            Some(wd) if self.w(k + 1) == "," => (Some(wd), k + 2),
            Some(wd) => (Some(wd), k + 1),
            None => (None, k),
        };
        let mut ahead = self.is(role::AHEAD, i);
        if ahead {
            i += 1;
        }
        // "in 3 weeks before June 30": the length counts from the day, and "in" is not its.
        if ahead
            && let Some((_, al)) = self.amount(i)
            && self.is(role::BEFORE, al + 2)
            && self.anchor(al + 3).is_some()
        {
            ahead = false;
        }
        let (count, al) = self.amount(i)?;
        let unit = self.unit(al + 1)?;
        let mut last = al + 1;
        // "in a fortnight's time"
        let tail = last + 1;
        let (anchor, sign, end) = if self.is(role::AGO, tail) && !ahead {
            (Anchor::Report, -1, tail)
        } else if self.is(role::FROM, tail) && self.is(role::NOW, tail + 1) {
            (Anchor::Report, 1, tail + 1)
        } else if (self.is(role::FROM, tail) || (ahead && self.is(role::SINCE, tail)))
            && let Some((anchor, al)) = self.anchor(tail + 1)
        {
            (anchor, 1, al)
        } else if self.is(role::BEFORE, tail)
            && !ahead
            && let Some((anchor, al)) = self.anchor(tail + 1)
        {
            (anchor, -1, al)
        } else if !ahead && (self.is(role::LATER, tail) || self.is(role::EARLIER, tail)) {
            // "two days after" with nothing after it; "two days after the attack" counts from
            // a day the reader does not know, and is no date of its own.
            let preposition = self.is(role::FROM, tail) || self.is(role::BEFORE, tail);
            let ends = self
                .tokens
                .get(tail + 1)
                .is_none_or(|t| t.kind == TokenKind::Punct || !self.together(tail, tail + 1));
            if preposition && !ends {
                return None;
            }
            let sign = if self.is(role::LATER, tail) { 1 } else { -1 };
            (Anchor::Narrative, sign, tail)
        } else if ahead {
            // "in 2 weeks", but not "in 2 weeks of talks" or "in 2 weeks time" read twice.
            if self.w(tail) == "time" {
                last = tail;
            } else if matches!(self.w(tail), "of" | "to" | "and" | "or" | "-") {
                return None;
            }
            (Anchor::Report, 1, last)
        } else {
            return None;
        };
        let mut end = end;
        // A weekday after: "in 3 days on Friday", "3 weeks after Christmas on Friday".
        let trailing = if self.w(end + 1) == "on"
            && let Some(wd) = self.weekday_full(end + 2)
        {
            end += 2;
            Some(wd)
        } else {
            None
        };
        let first = if lead_weekday.is_none() && !ahead {
            i
        } else {
            k
        };
        Some(DateMention {
            first,
            last: end,
            expr: DateExpr::Shifted {
                anchor,
                shift: Some(Shift {
                    count: sign * count,
                    unit,
                }),
                weekday: trailing.or(lead_weekday),
            },
            hedged: self.hedge_before(i),
        })
    }

    /// The day a length is counted from, at `i`: a known date, a year ("2011", "the year
    /// 2011"), "today", "tomorrow", "yesterday", or a holiday.
    fn anchor(&self, i: usize) -> Option<(Anchor, usize)> {
        if let Some(k) = self.known_at(i) {
            return Some((Anchor::Date(k.value), k.last));
        }
        if let Some(n) = self.deictic(i) {
            return Some((Anchor::Deictic(n), i));
        }
        let y_at = if self.w(i) == "the" && self.is(role::YEAR, i + 1) {
            i + 2
        } else {
            i
        };
        if let Some(t) = self.tokens.get(y_at)
            && t.kind == TokenKind::Number
            && let Some((y, yl)) = self.year(y_at)
        {
            return Some((Anchor::Date(DateValue::new(Some(y), None, None)), yl));
        }
        let (day, hl) = self.holiday(i)?;
        match self.year(hl + 1) {
            Some((y, yl)) => Some((Anchor::Holiday(day, HolidayYear::Given(y)), yl)),
            None => Some((Anchor::Holiday(day, HolidayYear::Upcoming), hl)),
        }
    }

    fn deictic(&self, i: usize) -> Option<i32> {
        match self.w(i) {
            "today" => Some(0),
            "tomorrow" => Some(1),
            "yesterday" => Some(-1),
            _ => None,
        }
    }

    /// A holiday's name at `i`, longest first.
    fn holiday(&self, i: usize) -> Option<(HolidayDay, usize)> {
        if !self.d.holiday_starts.contains(self.w(i)) {
            return None;
        }
        let mut name = String::new();
        let mut best = None;
        for j in i..i + self.d.holiday_words.max(1) {
            let Some(t) = self.tokens.get(j) else { break };
            if t.kind != TokenKind::Word || (j > i && !self.together(i, j)) {
                break;
            }
            if j > i {
                name.push(' ');
            }
            name.push_str(t.lower.trim_end_matches("'s").trim_end_matches("’s"));
            if let Some(&day) = self.d.holidays.get(&name) {
                best = Some((day, j));
            }
        }
        best
    }

    /// "the day before", "the day after", "the next day", "the following day", "the previous
    /// day", "the day before yesterday".
    fn day_word(&self, k: usize) -> Option<DateMention> {
        if self.w(k) != "the" {
            return None;
        }
        let (sign, last) = if self.is(role::DAY, k + 1) {
            let sign = if self.is(role::LATER, k + 2) && !self.is(role::EARLIER, k + 2) {
                1
            } else if self.is(role::EARLIER, k + 2) {
                -1
            } else {
                return None;
            };
            (sign, k + 2)
        } else if self.is(role::DAY, k + 2) && self.is(role::NEXT, k + 1) {
            (1, k + 2)
        } else if self.is(role::DAY, k + 2) && self.w(k + 1) == "previous" {
            (-1, k + 2)
        } else {
            return None;
        };
        let (anchor, last) = match self.deictic(last + 1) {
            Some(n) => (Anchor::Deictic(n), last + 1),
            None => {
                // "the day before the vote" counts from a day the reader does not know.
                let next = self.tokens.get(last + 1);
                if next.is_some_and(|t| {
                    t.kind != TokenKind::Punct && t.sentence == self.tokens[last].sentence
                }) && self.is(role::FROM, last) | self.is(role::BEFORE, last)
                {
                    return None;
                }
                (Anchor::Narrative, last)
            }
        };
        Some(DateMention {
            first: k,
            last,
            expr: DateExpr::Shifted {
                anchor,
                shift: Some(Shift {
                    count: sign,
                    unit: TimeUnit::Days(1),
                }),
                weekday: None,
            },
            hedged: false,
        })
    }

    /// Which week a word names: 1 for "next" and "following", -1 for "last" and "previous", 0
    /// for "this".
    fn week_step(&self, i: usize) -> Option<i32> {
        if self.is(role::NEXT, i) {
            Some(1)
        } else if self.is(role::LAST, i) {
            Some(-1)
        } else if self.is(role::THIS, i) {
            Some(0)
        } else {
            None
        }
    }

    /// "next week Monday", "previous week - Monday", "Tuesday of next week", "Monday of the
    /// following week", "next Friday", "last Wednesday", "this coming Friday", "past
    /// Wednesday".
    fn week(&self, k: usize) -> Option<DateMention> {
        let week_of = |first, last, week, weekday| {
            Some(DateMention {
                first,
                last,
                expr: DateExpr::WeekOf { week, weekday },
                hedged: false,
            })
        };
        // "next week Monday"
        if let Some(step) = self.week_step(k)
            && self.is(role::WEEK, k + 1)
        {
            let at = if matches!(self.w(k + 2), "-" | "," | "on") {
                k + 3
            } else {
                k + 2
            };
            if let Some(wd) = self.weekday_any(at) {
                return week_of(k, at, step, wd);
            }
        }
        // "Tuesday of next week", "Monday of the following week"
        if let Some(wd) = self.weekday_full(k)
            && self.w(k + 1) == "of"
        {
            let at = if self.w(k + 2) == "the" { k + 3 } else { k + 2 };
            if let Some(step) = self.week_step(at)
                && self.is(role::WEEK, at + 1)
            {
                return week_of(k, at + 1, step, wd);
            }
        }
        // "this coming Friday", "this past Wednesday", "coming Thursday"
        let (lead, at) = if self.is(role::THIS, k) {
            (k, k + 1)
        } else {
            (k, k)
        };
        let direction = if self.is(role::COMING, at) {
            Some(1)
        } else if self.is(role::PAST, at) {
            Some(-1)
        } else {
            None
        };
        if let Some(direction) = direction
            && let Some(weekday) = self.weekday_full(at + 1)
        {
            return Some(DateMention {
                first: lead,
                last: at + 1,
                expr: DateExpr::Nearest { direction, weekday },
                hedged: false,
            });
        }
        // "next Friday", "last Wednesday": the Friday of next week, the Wednesday of last.
        if let Some(step) = self.week_step(k)
            && step != 0
            && let Some(wd) = self.weekday_full(k + 1)
        {
            return week_of(k, k + 1, step, wd);
        }
        None
    }

    /// "[this] Friday 5/12": a weekday with a month and day in digits, in the document's year.
    fn weekday_with_day(&self, k: usize) -> Option<DateMention> {
        let at = if self.is(role::THIS, k) || self.is(role::NEXT, k) || self.is(role::LAST, k) {
            k + 1
        } else {
            k
        };
        self.weekday_full(at)?;
        let (m, slash, d) = (
            self.tokens.get(at + 1)?,
            self.tokens.get(at + 2)?,
            self.tokens.get(at + 3)?,
        );
        if m.kind != TokenKind::Number
            || !slash.is_punct("/")
            || d.kind != TokenKind::Number
            || self.tokens.get(at + 4).is_some_and(|t| t.is_punct("/"))
        {
            return None;
        }
        let (month, day): (u32, u32) = (m.lower.parse().ok()?, d.lower.parse().ok()?);
        if !(1..=12).contains(&month) || !valid(2000, month, day) {
            return None;
        }
        Some(DateMention {
            first: k,
            last: at + 3,
            expr: DateExpr::Shifted {
                anchor: Anchor::Date(DateValue::new(None, Some(month), Some(day))),
                shift: None,
                weekday: None,
            },
            hedged: false,
        })
    }

    /// "the 21st this month", "the 3rd of next month", "Wednesday the thirty first".
    fn day_of_month(&self, k: usize) -> Option<DateMention> {
        let (first, the) = match self.weekday_full(k) {
            Some(_) if self.w(k + 1) == "the" => (k, k + 1),
            Some(_) => return None,
            None if self.w(k) == "the" => (k, k),
            None => return None,
        };
        let (day, dl) = self.day(the + 1)?;
        // A day named by a cardinal ("the 21 ...") is a count; only ordinals are days here.
        let t = &self.tokens[the + 1];
        if t.kind == TokenKind::Number {
            return None;
        }
        if t.kind == TokenKind::Word && !self.d.day_ordinals.contains_key(self.w(dl)) {
            return None;
        }
        let at = if self.w(dl + 1) == "of" {
            dl + 2
        } else {
            dl + 1
        };
        if let Some(step) = self.week_step(at)
            && self.is(role::MONTH, at + 1)
        {
            return Some(DateMention {
                first,
                last: at + 1,
                expr: DateExpr::DayOfMonth { day, months: step },
                hedged: false,
            });
        }
        // "Wednesday the thirty first": the weekday says it is a day of this month.
        (first < the).then_some(DateMention {
            first,
            last: dl,
            expr: DateExpr::DayOfMonth { day, months: 0 },
            hedged: false,
        })
    }

    /// "easter 2018", "the previous Easter", "following Easter", "this Christmas". A holiday
    /// named alone is no date: which year's is not said.
    fn holiday_named(&self, k: usize) -> Option<DateMention> {
        let step = self.week_step(k);
        let at = if step.is_some() { k + 1 } else { k };
        let (day, hl) = self.holiday(at)?;
        let (which, last) = match (self.year(hl + 1), step) {
            (Some((y, yl)), None) => (HolidayYear::Given(y), yl),
            (_, Some(1)) => (HolidayYear::Next, hl),
            (_, Some(-1)) => (HolidayYear::Previous, hl),
            (_, Some(_)) => (HolidayYear::This, hl),
            (None, None) => return None,
        };
        Some(DateMention {
            first: k,
            last,
            expr: DateExpr::Shifted {
                anchor: Anchor::Holiday(day, which),
                shift: None,
                weekday: None,
            },
            hedged: false,
        })
    }
}

/// Why a day worked out may not be the day meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsure {
    /// Counted from "today", "tomorrow" or "yesterday", which depend on the hour the words were
    /// written.
    Deictic,
    /// Counted from an event told before, taken as the document's date.
    Narrative,
    /// A holiday without its year: the next one was taken.
    HolidayYear,
}

impl DateExpr {
    /// The day this names, worked out from `today` (the document's date), and what makes it
    /// unsure. A date stated in full is not marked resolved; every other is.
    pub fn resolve(&self, today: Date) -> Option<(DateValue, Option<Unsure>)> {
        let weekday_of_week = |day: Date, weekday: u32| -> Option<Date> {
            let from_monday = i64::from(day.weekday().to_monday_one_offset()) - 1;
            let monday = day.checked_sub(jiff::Span::new().days(from_monday)).ok()?;
            monday
                .checked_add(jiff::Span::new().days(i64::from(weekday) - 1))
                .ok()
        };
        match *self {
            DateExpr::Shifted {
                anchor,
                shift,
                weekday,
            } => {
                let mut doubt = None;
                let base = match anchor {
                    Anchor::Report => today,
                    Anchor::Deictic(n) => {
                        doubt = Some(Unsure::Deictic);
                        today
                            .checked_add(jiff::Span::new().days(i64::from(n)))
                            .ok()?
                    }
                    Anchor::Narrative => {
                        doubt = Some(Unsure::Narrative);
                        today
                    }
                    Anchor::Date(v) => {
                        if shift.is_none() && weekday.is_none() {
                            let resolved = v.year.is_none();
                            let year = v.year.or(Some(i32::from(today.year())));
                            days_of(&DateValue::new(year, v.month, v.day), today)?;
                            return Some((
                                DateValue {
                                    year,
                                    resolved,
                                    ..v
                                },
                                None,
                            ));
                        }
                        let year = i16::try_from(v.year.unwrap_or(i32::from(today.year()))).ok()?;
                        let month = i8::try_from(v.month.unwrap_or(1)).ok()?;
                        let day = i8::try_from(v.day.unwrap_or(1)).ok()?;
                        Date::new(year, month, day).ok()?
                    }
                    Anchor::Holiday(day, which) => {
                        if which == HolidayYear::Upcoming {
                            doubt = Some(Unsure::HolidayYear);
                        }
                        holiday(day, which, today)?
                    }
                };
                let shifted = match shift {
                    None => base,
                    Some(s) => {
                        let span = match s.unit {
                            TimeUnit::Days(n) => {
                                jiff::Span::new().days(i64::from(s.count) * i64::from(n))
                            }
                            TimeUnit::Months(n) => {
                                jiff::Span::new().months(i64::from(s.count) * i64::from(n))
                            }
                        };
                        base.checked_add(span).ok()?
                    }
                };
                let day = match weekday {
                    Some(wd) => weekday_of_week(shifted, wd)?,
                    None => shifted,
                };
                Some((day_value(day), doubt))
            }
            DateExpr::WeekOf { week, weekday } => {
                let in_week = today
                    .checked_add(jiff::Span::new().weeks(i64::from(week)))
                    .ok()?;
                Some((day_value(weekday_of_week(in_week, weekday)?), None))
            }
            DateExpr::Nearest { direction, weekday } => {
                let wd = Weekday::from_monday_one_offset(i8::try_from(weekday).ok()?).ok()?;
                let n = if direction < 0 { -1 } else { 1 };
                Some((day_value(today.nth_weekday(n, wd).ok()?), None))
            }
            DateExpr::DayOfMonth { day, months } => {
                let month = today
                    .first_of_month()
                    .checked_add(jiff::Span::new().months(i64::from(months)))
                    .ok()?;
                let date = Date::new(month.year(), month.month(), i8::try_from(day).ok()?).ok()?;
                Some((day_value(date), None))
            }
        }
    }
}

/// The day of a holiday in the year `which` names, against `today`.
fn holiday(day: HolidayDay, which: HolidayYear, today: Date) -> Option<Date> {
    let in_year = |year: i32| -> Option<Date> {
        let y = i16::try_from(year).ok()?;
        match day {
            HolidayDay::Fixed { month, day } => {
                Date::new(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
            }
            HolidayDay::Easter(shift) => {
                let (m, d) = easter(year);
                Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
                    .ok()?
                    .checked_add(jiff::Span::new().days(i64::from(shift)))
                    .ok()
            }
        }
    };
    let this_year = i32::from(today.year());
    match which {
        HolidayYear::Given(y) => in_year(y),
        HolidayYear::This => in_year(this_year),
        HolidayYear::Upcoming => {
            let d = in_year(this_year)?;
            if d >= today {
                Some(d)
            } else {
                in_year(this_year + 1)
            }
        }
        HolidayYear::Next => {
            let d = in_year(this_year)?;
            if d > today {
                Some(d)
            } else {
                in_year(this_year + 1)
            }
        }
        HolidayYear::Previous => {
            let d = in_year(this_year)?;
            if d < today {
                Some(d)
            } else {
                in_year(this_year - 1)
            }
        }
    }
}

/// A day as a date value, marked resolved.
pub fn day_value(d: Date) -> DateValue {
    DateValue {
        year: Some(i32::from(d.year())),
        month: u32::try_from(d.month()).ok(),
        day: u32::try_from(d.day()).ok(),
        resolved: true,
        bound: None,
    }
}

/// The first and last day of a date value, a missing year taken from `today`.
fn days_of(value: &DateValue, today: Date) -> Option<(Date, Date)> {
    let year = i16::try_from(value.year.unwrap_or(i32::from(today.year()))).ok()?;
    let month = i8::try_from(value.month?).ok()?;
    let day = i8::try_from(value.day?).ok()?;
    let d = Date::new(year, month, day).ok()?;
    Some((d, d))
}

/// Whether `day` exists in `month` of `year`.
fn valid(year: i32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let last = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=last).contains(&day)
}

/// Easter Sunday of `year` (Gregorian), as (month, day): the anonymous Gregorian computus.
pub fn easter(year: i32) -> (u32, u32) {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use rustc_hash::FxHashSet as HashSet;

    /// Every date `text` tells, as this layer reads it against `today`: "words => y-m-d", with
    /// "~" after the day when it is unsure.
    fn dates_in(text: &str, today: &str, rules: &Rules) -> Vec<String> {
        let today: Date = today.parse().expect("a test date");
        let toks = tokenize(text, 0, text.len(), &HashSet::default()).tokens;
        let mut known = Vec::new();
        for m in forms::find_dates(text, 0, text.len(), rules) {
            let forms::MentionKind::Date(value) = m.kind else {
                continue;
            };
            let first = toks.partition_point(|t| t.end <= m.start);
            let last = toks.partition_point(|t| t.start < m.end) - 1;
            known.push(KnownDate { first, last, value });
        }
        read_dates(&toks, rules, &known)
            .iter()
            .filter_map(|m| {
                let (v, unsure) = m.expr.resolve(today)?;
                let words = &text[toks[m.first].start..toks[m.last].end];
                let mark = if unsure.is_some() || m.hedged {
                    "~"
                } else {
                    ""
                };
                Some(format!(
                    "{words} => {}-{:02}-{:02}{mark}",
                    v.year?, v.month?, v.day?
                ))
            })
            .collect()
    }

    #[test]
    fn table_of_dates_told_in_words() {
        let rules = Rules::builtin().expect("built-in rules");
        // (sentence, the document's date, what is read). 2024-03-14 is a Thursday.
        let table: &[(&str, &str, &[&str])] = &[
            // Lengths counted from the document's date.
            (
                "The library reopens in 3 weeks.",
                "2024-03-14",
                &["in 3 weeks => 2024-04-04"],
            ),
            (
                "The bridge closed four days ago.",
                "2024-03-14",
                &["four days ago => 2024-03-10"],
            ),
            (
                "Rent rises in six months.",
                "2024-03-14",
                &["in six months => 2024-09-14"],
            ),
            (
                "She retired a year ago.",
                "2024-03-14",
                &["a year ago => 2023-03-14"],
            ),
            (
                "We sail in a fortnight.",
                "2024-03-14",
                &["in a fortnight => 2024-03-28"],
            ),
            (
                "It ends 10 days from now.",
                "2024-03-14",
                &["10 days from now => 2024-03-24"],
            ),
            // Lengths counted from a day the text names.
            (
                "The audit closes 5 days after March 2nd.",
                "2024-03-14",
                &["5 days after March 2nd => 2024-03-07"],
            ),
            (
                "Seeds went in 3 weeks before June 30 2022.",
                "2024-03-14",
                &["3 weeks before June 30 2022 => 2022-06-09"],
            ),
            (
                "The vote is two days after tomorrow.",
                "2024-03-14",
                &["two days after tomorrow => 2024-03-17~"],
            ),
            (
                "Work began in three years since 2015.",
                "2024-03-14",
                &["in three years since 2015 => 2018-01-01"],
            ),
            // Holidays: with a year, or counted from the next one (unsure of the year).
            (
                "We met on easter 2021.",
                "2024-03-14",
                &["easter 2021 => 2021-04-04"],
            ),
            (
                "Shops open 3 days before Christmas.",
                "2024-03-14",
                &["3 days before Christmas => 2024-12-22~"],
            ),
            (
                "the previous Easter",
                "2024-03-14",
                &["previous Easter => 2023-04-09"],
            ),
            (
                "the following Easter",
                "2024-03-14",
                &["following Easter => 2024-03-31"],
            ),
            // Weeks: "next Friday" is the Friday of next week.
            (
                "Call me next week Tue please.",
                "2024-03-14",
                &["next week Tue => 2024-03-19"],
            ),
            (
                "It starts on Monday of the following week.",
                "2024-03-14",
                &["Monday of the following week => 2024-03-18"],
            ),
            (
                "We spoke Friday of last week.",
                "2024-03-14",
                &["Friday of last week => 2024-03-08"],
            ),
            (
                "Lunch next Friday?",
                "2024-03-14",
                &["next Friday => 2024-03-22"],
            ),
            (
                "Lunch last Tuesday.",
                "2024-03-14",
                &["last Tuesday => 2024-03-05"],
            ),
            (
                "Lunch this coming Friday.",
                "2024-03-14",
                &["this coming Friday => 2024-03-15"],
            ),
            (
                "Lunch coming Thursday.",
                "2024-03-14",
                &["coming Thursday => 2024-03-21"],
            ),
            (
                "Lunch this past Monday.",
                "2024-03-14",
                &["this past Monday => 2024-03-11"],
            ),
            // A weekday with a day of the month, a day of a named month.
            (
                "Due this Friday 3/15.",
                "2024-03-14",
                &["this Friday 3/15 => 2024-03-15"],
            ),
            (
                "Dinner on Friday the twenty second.",
                "2024-03-14",
                &["Friday the twenty second => 2024-03-22"],
            ),
            (
                "Pay by the 5th of next month.",
                "2024-03-14",
                &["the 5th of next month => 2024-04-05"],
            ),
            // A weekday moved to the week a length lands in.
            (
                "I fly in 4 days on Monday.",
                "2024-03-14",
                &["in 4 days on Monday => 2024-03-18"],
            ),
            (
                "Sunday, one year from now.",
                "2024-03-14",
                &["Sunday, one year from now => 2025-03-16"],
            ),
            // Days told in words: spelled days and years, "of", a month in any case.
            (
                "Born on nine March nineteen seventy one.",
                "2024-03-14",
                &["nine March nineteen seventy one => 1971-03-09"],
            ),
            (
                "the 2nd of may of 1988",
                "2024-03-14",
                &["2nd of may of 1988 => 1988-05-02"],
            ),
            (
                "second of may 1988",
                "2024-03-14",
                &["second of may 1988 => 1988-05-02"],
            ),
            (
                "from 7 october in 2019",
                "2024-03-14",
                &["7 october in 2019 => 2019-10-07"],
            ),
            (
                "March twelfth 2001 it rained",
                "2024-03-14",
                &["March twelfth 2001 => 2001-03-12"],
            ),
            (
                "Paid on Oct7, 2011.",
                "2024-03-14",
                &["Oct7, 2011 => 2011-10-07"],
            ),
            // Counted from an event told before: read, and unsure.
            (
                "Two weeks later the bridge fell.",
                "2024-03-14",
                &["Two weeks later => 2024-03-28~"],
            ),
            (
                "What about the day after?",
                "2024-03-14",
                &["the day after => 2024-03-15~"],
            ),
            (
                "He left about two weeks ago.",
                "2024-03-14",
                &["two weeks ago => 2024-02-29~"],
            ),
            // No date: a length of something else, a length counted from a day not given, a
            // count in a span, a holiday without a year or a modifier, a cardinal after "the".
            ("He served 3 years in prison.", "2024-03-14", &[]),
            (
                "Two days after the flood, roads reopened.",
                "2024-03-14",
                &[],
            ),
            ("The strike ended in 2 days of talks.", "2024-03-14", &[]),
            ("Christmas lights went up.", "2024-03-14", &[]),
            ("the 21 members of the board", "2024-03-14", &[]),
            ("The sun rose on a quiet week.", "2024-03-14", &[]),
        ];
        for (text, today, expected) in table {
            assert_eq!(&dates_in(text, today, &rules), expected, "{text:?}");
        }
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2018), (4, 1));
        assert_eq!(easter(2019), (4, 21));
        assert_eq!(easter(2024), (3, 31));
        assert_eq!(easter(2038), (4, 25));
    }
}
