//! Dates and times of day for the extractor: the lexical layer's date mentions
//! ([`crate::extract::lexical::date`]), read once per document, as the claim builders take
//! them. The written forms ("Feb. 20, 2014", "2014-02-20", "3:30 p.m.") come by byte span; the
//! dates told in words ("in 2 weeks", "next week Wednesday") are read from tokens and worked out
//! against the document's date by `relative`.

pub use crate::extract::lexical::date::forms::{DateMention, MentionKind, find_dates};

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
