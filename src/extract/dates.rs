//! Dates and times of day for the extractor: the lexical layer's date mentions
//! ([`crate::extract::lexical::date`]), read once per document, as the claim builders take
//! them. The written forms ("Feb. 20, 2014", "2014-02-20", "3:30 p.m.") come by byte span; the
//! dates told in words ("in 2 weeks", "next week Wednesday") are read from tokens and worked out
//! against the document's date by `lexical::relative`. Also the days a date value covers
//! ([`days_of`]), which the builders compare with the report's date.

use jiff::civil::Date;

pub use crate::extract::lexical::date::forms::{DateMention, MentionKind, find_dates};
use crate::model::DateValue;

/// The dates among `mentions` by tokens, for the reader of dates told in words
/// ([`crate::extract::lexical::date`]), which counts from them and builds on them.
pub fn known_dates(
    tokens: &[crate::extract::tokens::Token],
    mentions: &[DateMention],
) -> Vec<crate::extract::lexical::date::KnownDate> {
    let mut known: Vec<_> = mentions
        .iter()
        .filter_map(|m| {
            let MentionKind::Date(value) = m.kind else {
                return None;
            };
            let first = tokens.partition_point(|t| t.end <= m.start);
            let last = tokens.partition_point(|t| t.start < m.end).checked_sub(1)?;
            (first <= last).then_some(crate::extract::lexical::date::KnownDate {
                first,
                last,
                value,
            })
        })
        .collect();
    known.sort_by_key(|k| k.first);
    known
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
