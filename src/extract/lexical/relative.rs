//! Relative dates read from tokens: "Thursday", "yesterday", "last month", "early next
//! month", "three days ago", worked out from the document's own date (the front matter's
//! `date`). A document without a date has no relative dates: "Thursday" alone says nothing a
//! reader could check. The reader knows nothing about what a date dates (that is the date
//! builder's, `extract::dating`); it imports only the tokens, the rules and the lexical date
//! reader below it.
//!
//! News writes of the past: a bare weekday is the latest such day on or before the document's
//! date ("police said Thursday" in a Friday paper is the day before). Dates told in words with
//! more than a weekday come from the date reader ([`date`]) and are worked out here: "next
//! Thursday" is the Thursday of next week (Monday to Sunday), "last Thursday" that of last
//! week, "this coming Thursday" the first one after the document's date. A day worked out
//! from a doubtful anchor is doubted: "today" and "yesterday" depend on the hour the words
//! were written, a plan told in the past on the week it was made, and every relative date of
//! a report whose web address carries another day.

use jiff::civil::{Date, Weekday};

use crate::extract::lexical::date::{self, KnownDate, Unsure, day_value};
use crate::extract::tokens::{Token, TokenKind};
use crate::model::DateValue;
use crate::rules::Rules;

/// A relative date found in the tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct Relative {
    pub first: usize,
    pub last: usize,
    pub value: DateValue,
    /// Why the day worked out may not be the day meant: "today" depends on the hour the words
    /// were written, a plan told in the past on which week it was made.
    pub doubt: Option<&'static str>,
}

/// The doubt of a deictic word ("today", "this morning", "yesterday", "last night"): live
/// updates, quoted posts and reports carried over to the next day's page keep words written
/// on an earlier day than the report's date.
pub const DEICTIC: &str = "'today' or 'yesterday' read against the report's date, which may be later than the day the words were written";

/// The doubt of a weekday planned in the past tense ("was due in court Monday"): the day
/// before the report or the one after it.
pub const PAST_PLAN: &str =
    "a weekday planned in the past tense: the one before the report or the next";

/// The doubt of every relative date of a report whose web address carries another date than
/// its front matter.
pub const ADDRESS_DATE: &str =
    "worked out from the report's date, which its web address contradicts";

/// The document's date from its front matter: "2014-02-21" or a timestamp starting with one.
pub fn document_date(meta_date: Option<&str>) -> Option<Date> {
    let s = meta_date?.trim().trim_matches(['"', '\'']);
    let day = s.get(..10)?;
    day.parse::<Date>().ok()
}

/// Every relative date in the document, resolved against `today`. `taken` tokens (inside
/// dates already read, `known` by tokens) are passed over, except that a date told in words
/// may take a whole known date in ("2 weeks from January 15", "13 Sept nineteen seventy two").
pub fn find_relative(
    toks: &[Token],
    rules: &Rules,
    today: Date,
    taken: &[bool],
    known: &[KnownDate],
) -> Vec<Relative> {
    let in_known = |j: usize| known.iter().any(|kd| (kd.first..=kd.last).contains(&j));
    let worded = date::read_dates(toks, rules, known);
    let mut by_first = worded.iter().peekable();
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        while by_first.peek().is_some_and(|m| m.first < k) {
            by_first.next();
        }
        if let Some(m) = by_first.peek().filter(|m| m.first == k)
            && (m.first..=m.last).all(|j| !taken[j] || in_known(j))
            && let Some((value, why)) = m.expr.resolve(today)
        {
            let doubt = match why {
                _ if m.hedged => Some(HEDGED),
                Some(Unsure::Deictic) => Some(DEICTIC),
                Some(Unsure::Narrative) => Some(NARRATIVE),
                Some(Unsure::HolidayYear) => Some(HOLIDAY_YEAR),
                None => None,
            };
            out.push(Relative {
                first: m.first,
                last: m.last,
                value,
                doubt,
            });
            k = m.last + 1;
            continue;
        }
        if taken[k] {
            k += 1;
            continue;
        }
        if let Some(r) = relative_at(toks, rules, k, today)
            && !(r.first..=r.last).any(|j| taken[j])
        {
            k = r.last + 1;
            out.push(r);
            continue;
        }
        k += 1;
    }
    out
}

/// The doubt of a day counted from an event told before ("a fortnight later", "the day
/// before"): it was counted from the report's date instead.
pub const NARRATIVE: &str =
    "counted from the report's date, though it may count from an event told before";

/// The doubt of a day counted by a hedged length ("a little over a month ago").
pub const HEDGED: &str = "counted by a length said to be only about right";

/// The doubt of a holiday whose year is not said ("two weeks before Christmas"): the next one
/// was taken.
pub const HOLIDAY_YEAR: &str = "a holiday without its year: the next one was taken";

fn month_value(d: Date) -> DateValue {
    DateValue {
        day: None,
        ..day_value(d)
    }
}

fn year_value(d: Date) -> DateValue {
    DateValue {
        month: None,
        day: None,
        ..day_value(d)
    }
}

/// A weekday written in full ("thursday"), by the rules' weekday names.
pub fn weekday(rules: &Rules, word: &str) -> Option<Weekday> {
    // Asked of every word: most are too short to be a weekday's full name.
    if word.len() < 6 {
        return None;
    }
    let n = *rules.dates.weekdays.get(word)?;
    Weekday::from_monday_one_offset(i8::try_from(n).ok()?).ok()
}

/// The relative date that starts at token `k`, if one does.
fn relative_at(toks: &[Token], rules: &Rules, k: usize, today: Date) -> Option<Relative> {
    let w = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    let one = |first: usize, last: usize, value: DateValue| {
        Some(Relative {
            first,
            last,
            value,
            doubt: None,
        })
    };
    let deictic = |first: usize, last: usize, value: DateValue| {
        Some(Relative {
            first,
            last,
            value,
            doubt: Some(DEICTIC),
        })
    };

    // "yesterday", "today", "tonight", "tomorrow", "last night", "this morning".
    match w(k) {
        "yesterday" => return deictic(k, k, day_value(today.yesterday().ok()?)),
        "today" | "tonight" => return deictic(k, k, day_value(today)),
        "tomorrow" => return deictic(k, k, day_value(today.tomorrow().ok()?)),
        _ => {}
    }
    let next = w(k + 1);
    if w(k) == "last" && next == "night" {
        return deictic(k, k + 1, day_value(today.yesterday().ok()?));
    }
    if w(k) == "this" && matches!(next, "morning" | "afternoon" | "evening") {
        return deictic(k, k + 1, day_value(today));
    }

    // "last month", "this year", "early next month", "later this month".
    let (lead, at) = if matches!(w(k), "early" | "late" | "later" | "earlier" | "mid") {
        (k, k + 1)
    } else {
        (k, k)
    };
    if matches!(w(at), "last" | "this" | "next") && matches!(w(at + 1), "month" | "year") {
        let step: i8 = match w(at) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let value = if w(at + 1) == "month" {
            month_value(today.checked_add(jiff::Span::new().months(step)).ok()?)
        } else {
            year_value(today.checked_add(jiff::Span::new().years(step)).ok()?)
        };
        return one(lead, at + 1, value);
    }

    // Weekdays: "Thursday", "on Thursday", "last Thursday", "next Thursday", "Thursday night".
    let (first, direction, day_tok) = match w(k) {
        "last" => (k, -1, k + 1),
        "next" => (k, 1, k + 1),
        _ => (k, 0, k),
    };
    let day = weekday(rules, w(day_tok))?;
    let tok = toks.get(day_tok)?;
    if !tok.capitalized || tok.kind != TokenKind::Word {
        return None;
    }
    // "Thursday, Feb. 20, 2014": the full date that follows is the claim.
    if toks.get(day_tok + 1).is_some_and(|t| t.is_punct(","))
        && toks
            .get(day_tok + 2)
            .is_some_and(|t| t.capitalized && t.kind == TokenKind::Word)
    {
        return None;
    }
    let mut last = day_tok;
    if matches!(
        w(day_tok + 1),
        "morning" | "afternoon" | "evening" | "night"
    ) {
        last += 1;
    }
    // "will appear before magistrates on Wednesday": a plan looks ahead. Only plain future
    // forms count: "would" is as often reported speech about the past.
    let sentence = tok.sentence;
    let plan_word = (first.saturating_sub(6)..first).find(|&j| {
        toks[j].sentence == sentence
            && matches!(
                w(j),
                "will" | "scheduled" | "plans" | "expected" | "due" | "set"
            )
    });
    let planned = plan_word.is_some();
    // "were due in court Monday": a plan told in the past may be for the day before the
    // report as well as for the next one.
    let past_plan = plan_word.is_some_and(|j| {
        j > 0 && toks[j - 1].sentence == sentence && matches!(w(j - 1), "was" | "were")
    });
    let direction = if direction == 0 && planned {
        2
    } else {
        direction
    };
    let date = match direction {
        1 => today.nth_weekday(1, day).ok()?,
        2 if today.weekday() == day => today,
        2 => today.nth_weekday(1, day).ok()?,
        -1 => today.nth_weekday(-1, day).ok()?,
        _ if today.weekday() == day => today,
        _ => today.nth_weekday(-1, day).ok()?,
    };
    Some(Relative {
        first,
        last,
        value: day_value(date),
        doubt: (past_plan && direction == 2).then_some(PAST_PLAN),
    })
}

/// The day a web address gives its page ("/2016/dec/18/", "/20130207/", "-20161123-",
/// "/2013-02-08/"), if it gives one.
pub fn address_date(url: &str) -> Option<Date> {
    static DAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i-u)(?:^|[/_-])((?:19|20)[0-9]{2})(?:[/-]([0-9]{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-]([0-9]{1,2})|([0-9]{2})([0-9]{2}))(?:[/_.?#-]|$)",
        )
        .expect("the address date pattern is valid")
    });
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    DAY.captures_iter(url).find_map(|c| {
        let year: i16 = c.get(1)?.as_str().parse().ok()?;
        let (month, day) = match (c.get(2), c.get(3), c.get(4), c.get(5)) {
            (Some(m), Some(d), _, _) => {
                let m = m.as_str().to_ascii_lowercase();
                let month = match MONTHS.iter().position(|n| *n == m) {
                    Some(i) => i8::try_from(i + 1).ok()?,
                    None => m.parse().ok()?,
                };
                (month, d.as_str().parse().ok()?)
            }
            (_, _, Some(m), Some(d)) => (m.as_str().parse().ok()?, d.as_str().parse().ok()?),
            _ => return None,
        };
        Date::new(year, month, day).ok()
    })
}

/// Whether a report's own date is in doubt as the anchor of its relative dates: its web
/// address carries another day.
pub fn anchor_in_doubt(url: Option<&str>, today: Date) -> bool {
    url.and_then(address_date).is_some_and(|d| d != today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use rustc_hash::FxHashSet as HashSet;

    /// The relative dates in `text` read against `today`, with the tokens of `skip` (a word of
    /// the text) taken: "words => y-m-d", with its doubt after it when there is one.
    fn read(text: &str, today: &str, skip: &str) -> Vec<String> {
        let rules = Rules::builtin().expect("built-in rules");
        let today: Date = today.parse().expect("a test date");
        let toks = tokenize(text, 0, text.len(), &HashSet::default()).tokens;
        let taken: Vec<bool> = toks.iter().map(|t| t.lower == skip).collect();
        find_relative(&toks, &rules, today, &taken, &[])
            .iter()
            .map(|r| {
                let words = &text[toks[r.first].start..toks[r.last].end];
                let v = r.value;
                let doubt = match r.doubt {
                    None => "",
                    Some(DEICTIC) => " (deictic)",
                    Some(PAST_PLAN) => " (past plan)",
                    Some(_) => " (other doubt)",
                };
                format!(
                    "{words} => {}-{:02}-{:02}{doubt}",
                    v.year.unwrap_or_default(),
                    v.month.unwrap_or_default(),
                    v.day.unwrap_or_default()
                )
            })
            .collect()
    }

    #[test]
    fn reads_weekdays_deictic_words_and_plans_from_tokens_alone() {
        // 2021-06-10 is a Thursday.
        let got = read(
            "Officers said Thursday that a van was stolen last night. The driver will face a \
             judge on Monday; his brother was due in court Friday. They met on Tuesday.",
            "2021-06-10",
            "",
        );
        assert_eq!(
            got,
            [
                "Thursday => 2021-06-10",
                "last night => 2021-06-09 (deictic)",
                "Monday => 2021-06-14",
                "Friday => 2021-06-11 (past plan)",
                "Tuesday => 2021-06-08",
            ]
        );
    }

    #[test]
    fn taken_tokens_and_lowercase_weekdays_are_passed_over() {
        let got = read(
            "Officers said Thursday that the march on monday was calm.",
            "2021-06-10",
            "thursday",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn the_document_date_is_read_from_the_front_matter_value() {
        let day = |y, m, d| Some(jiff::civil::date(y, m, d));
        assert_eq!(document_date(Some("2014-02-21")), day(2014, 2, 21));
        assert_eq!(
            document_date(Some("\"2014-02-21T10:00:00Z\"")),
            day(2014, 2, 21)
        );
        assert_eq!(document_date(Some("Feb 21")), None);
        assert_eq!(document_date(None), None);
        assert!(anchor_in_doubt(
            Some("http://a.com/2014/02/20/x"),
            jiff::civil::date(2014, 2, 21)
        ));
        assert!(!anchor_in_doubt(
            Some("http://a.com/2014/02/21/x"),
            jiff::civil::date(2014, 2, 21)
        ));
    }
}
