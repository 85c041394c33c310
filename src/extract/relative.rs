//! Relative dates: "Thursday", "yesterday", "last month", "early next month", "three days
//! ago", worked out from the document's own date (the front matter's `date`) and marked as
//! resolved. A document without a date gets no relative date claims: "Thursday" alone says
//! nothing a reader could check.
//!
//! News writes of the past: a bare weekday is the latest such day on or before the document's
//! date ("police said Thursday" in a Friday paper is the day before); "next Thursday" is the
//! first one after it.

use jiff::civil::{Date, Weekday};

use super::Context;
use super::tokens::TokenKind;
use crate::model::DateValue;

/// A relative date found in the tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct Relative {
    pub first: usize,
    pub last: usize,
    pub value: DateValue,
}

/// The document's date from its front matter: "2014-02-21" or a timestamp starting with one.
pub fn document_date(meta_date: Option<&str>) -> Option<Date> {
    let s = meta_date?.trim().trim_matches(['"', '\'']);
    let day = s.get(..10)?;
    day.parse::<Date>().ok()
}

/// Every relative date in the document, resolved against `today`. `taken` tokens (inside
/// dates already read) are passed over.
pub fn find_relative(ctx: &Context, today: Date, taken: &[bool]) -> Vec<Relative> {
    let toks = ctx.tokens;
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if taken[k] {
            k += 1;
            continue;
        }
        if let Some(r) = relative_at(ctx, k, today)
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

/// Where a stated date lies against the date of the report that states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recency {
    /// After the report's date: something planned or expected, never an incident the report
    /// tells of.
    Later,
    /// Within the year before the report (or on its day): the news the report is about.
    Recent,
    /// More than a year before the report: history ("convicted of murder in March 1992", "the
    /// 1989 earthquake"), another event than the one reported.
    Past,
}

/// The first and last day `value` covers: a date without a year is taken in `today`'s year,
/// a month or a year alone covers all its days. `None` for a date no calendar holds.
pub fn days_of(value: &DateValue, today: Date) -> Option<(Date, Date)> {
    let year = i16::try_from(value.year.unwrap_or(i32::from(today.year()))).ok()?;
    let month = value.month.and_then(|m| i8::try_from(m).ok());
    match (month, value.day.and_then(|d| i8::try_from(d).ok())) {
        (Some(m), Some(d)) => Date::new(year, m, d).ok().map(|day| (day, day)),
        (Some(m), None) => Date::new(year, m, 1)
            .ok()
            .map(|day| (day, day.last_of_month())),
        _ => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
    }
}

/// Where `value` lies against `today`, the report's date. A month or a year alone is `Later`
/// or `Past` only when every one of its days is.
pub fn recency(value: &DateValue, today: Date) -> Recency {
    let year = value.year.unwrap_or(i32::from(today.year()));
    if i16::try_from(year).is_err() {
        return if year > i32::from(today.year()) {
            Recency::Later
        } else {
            Recency::Past
        };
    }
    let Some((first, last)) = days_of(value, today) else {
        return Recency::Recent;
    };
    if first > today {
        return Recency::Later;
    }
    match today.checked_sub(jiff::Span::new().years(1)) {
        Ok(year_before) if last < year_before => Recency::Past,
        _ => Recency::Recent,
    }
}

/// Takes the event off date claims that cannot date it, given the report's date `today`:
/// history (more than a year before the report) dates no event the report tells of, and a
/// date after the report dates no incident (a shooting, a crash): "officials plan to address
/// the shooting Monday" dates the plan. The claims stay, without an event to compare them by.
pub fn detach_out_of_time(
    drafts: &mut [super::Draft],
    today: Date,
    incidents: &rustc_hash::FxHashSet<String>,
) {
    for d in drafts.iter_mut() {
        let (crate::model::Value::Date(value), Some(subject)) = (&d.value, &d.subject) else {
            continue;
        };
        let detach = match recency(value, today) {
            Recency::Past => true,
            Recency::Later => incidents.contains(&subject.key),
            Recency::Recent => false,
        };
        if detach {
            d.subject = None;
        }
    }
}

fn day_value(d: Date) -> DateValue {
    DateValue {
        year: Some(i32::from(d.year())),
        month: u32::try_from(d.month()).ok(),
        day: u32::try_from(d.day()).ok(),
        resolved: true,
    }
}

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

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The relative date that starts at token `k`, if one does.
fn relative_at(ctx: &Context, k: usize, today: Date) -> Option<Relative> {
    let toks = ctx.tokens;
    let w = |j: usize| ctx.lower(j);
    let one = |first: usize, last: usize, value: DateValue| Some(Relative { first, last, value });

    // "yesterday", "today", "tonight", "tomorrow", "last night", "this morning".
    match w(k) {
        "yesterday" => return one(k, k, day_value(today.yesterday().ok()?)),
        "today" | "tonight" => return one(k, k, day_value(today)),
        "tomorrow" => return one(k, k, day_value(today.tomorrow().ok()?)),
        _ => {}
    }
    let next = w(k + 1);
    if w(k) == "last" && next == "night" {
        return one(k, k + 1, day_value(today.yesterday().ok()?));
    }
    if w(k) == "this" && matches!(next, "morning" | "afternoon" | "evening") {
        return one(k, k + 1, day_value(today));
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
    let day = weekday(w(day_tok))?;
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
    let planned = (first.saturating_sub(6)..first).any(|j| {
        toks[j].sentence == sentence
            && matches!(
                ctx.lower(j),
                "will" | "scheduled" | "plans" | "expected" | "due" | "set"
            )
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
    one(first, last, day_value(date))
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::rules;
    use crate::model::{ClaimKind, Document, Value};

    /// The dates (text, "YYYY-MM-DD" with "?" for what is not stated) in a text dated `date`.
    #[track_caller]
    fn check(date: &str, text: &str, expected: &[(&str, &str)]) {
        let got: Vec<(String, String)> = date_claims(date, text)
            .into_iter()
            .map(|c| {
                let Value::Date(d) = c.value else {
                    panic!("not a date")
                };
                let f = |x: Option<u32>| x.map_or("?".to_string(), |v| format!("{v:02}"));
                (
                    c.text,
                    format!(
                        "{}-{}-{}",
                        d.year.map_or("?".into(), |y| y.to_string()),
                        f(d.month),
                        f(d.day)
                    ),
                )
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    /// The event each date in a text dated `date` is attached to.
    fn events(date: &str, text: &str) -> Vec<(String, Option<String>)> {
        date_claims(date, text)
            .into_iter()
            .map(|c| (c.text, c.subject.map(|s| s.key)))
            .collect()
    }

    /// The date claims of `text` in a document whose front matter dates it `date`.
    fn date_claims(date: &str, text: &str) -> Vec<crate::model::Claim> {
        crate::extract::tests_support::claims_dated(date, text, &rules())
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .collect()
    }

    #[test]
    fn dates_out_of_the_reports_time_date_no_incident() {
        // History: more than a year before the report.
        assert_eq!(
            events(
                "2021-06-10",
                "He was convicted of a shooting in March 2009."
            ),
            [("March 2009".to_string(), None)]
        );
        // Within the year: the news.
        assert_eq!(
            events("2021-06-10", "The shooting in March 2021 shocked the town."),
            [("March 2021".to_string(), Some("shooting".to_string()))]
        );
        // After the report: a plan, never an incident, but a hearing may be ahead.
        assert_eq!(
            events("2021-06-10", "The shooting on June 14 will be reviewed."),
            [("June 14".to_string(), None)]
        );
        assert_eq!(
            events("2021-06-10", "His hearing on June 14 was moved."),
            [("June 14".to_string(), Some("court".to_string()))]
        );
    }

    #[test]
    fn recency_compares_a_date_with_the_report() {
        use super::{Recency, recency};
        use crate::model::DateValue;
        let today = jiff::civil::date(2021, 6, 10);
        let at = |y, m, d| recency(&DateValue::new(y, m, d), today);
        assert_eq!(at(Some(2021), Some(6), Some(11)), Recency::Later);
        assert_eq!(at(Some(2021), Some(6), Some(10)), Recency::Recent);
        assert_eq!(at(None, Some(7), None), Recency::Later);
        assert_eq!(at(None, Some(6), None), Recency::Recent);
        assert_eq!(at(Some(2020), Some(6), Some(10)), Recency::Recent);
        assert_eq!(at(Some(2020), Some(5), None), Recency::Past);
        assert_eq!(at(Some(2019), None, None), Recency::Past);
        assert_eq!(at(Some(2020), None, None), Recency::Recent);
    }

    #[test]
    fn weekdays_are_the_latest_such_day() {
        // 2014-02-21 is a Friday.
        check(
            "2014-02-21",
            "Police said Thursday that the shooting happened.",
            &[("Thursday", "2014-02-20")],
        );
        check(
            "2014-02-21",
            "The council meets next Monday.",
            &[("next Monday", "2014-02-24")],
        );
        check(
            "2014-02-21",
            "It happened Friday night.",
            &[("Friday night", "2014-02-21")],
        );
        check(
            "2014-02-21",
            "He will appear in court on Wednesday.",
            &[("Wednesday", "2014-02-26")],
        );
        check(
            "2014-02-21",
            "On Thursday, Feb. 20, 2014, four died.",
            &[("Feb. 20, 2014", "2014-02-20")],
        );
    }

    #[test]
    fn days_months_and_years_around_the_document_date() {
        check(
            "2014-02-21",
            "The meeting was yesterday.",
            &[("yesterday", "2014-02-20")],
        );
        check(
            "2014-02-21",
            "Systems arrive early next month.",
            &[("early next month", "2014-03-?")],
        );
        check(
            "2014-01-10",
            "Sales fell last year.",
            &[("last year", "2013-?-?")],
        );
    }

    #[test]
    fn a_document_without_a_date_resolves_nothing() {
        let rules = rules();
        let doc = Document::from_text("t.txt", "Police said Thursday that it happened yesterday.");
        let dates = crate::extract::extract(0, &doc, &rules);
        assert!(dates.iter().all(|c| c.kind != ClaimKind::Date), "{dates:?}");
    }
}
