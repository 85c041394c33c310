//! The lexical layer: reads figures from tokens with exact token spans and values, knowing
//! nothing about what they count. It imports only the tokens and the rule tables (never the
//! claim builders or the extractor's context), so it can be tested on its own.
//!
//! Today it holds the number reader ([`number`]: spelled numbers of any size, fractions,
//! decimals said aloud, signs and scientific notation), the date reader ([`date`]: written
//! dates, lengths counted from a day, weeks, holidays, dates in words, from `rules/dates.toml`),
//! which `dates` above it reads, and the relative-date reader ([`relative`]: weekdays,
//! "yesterday", "three days ago" worked out against the document's date). Units, money and
//! ranges are still read by the older readers above it (`numbers`, `quantity`).

pub mod date;
pub mod number;
pub mod relative;

use crate::rules::Rules;

/// Whether a lowercase word may start a figure the number reader reads: a number word, a
/// scale ("hundred thousand"), a fraction, a sign word ("minus"), or "a" ("a hundred", "a fifth").
pub fn may_start_figure(rules: &Rules, lower: &str) -> bool {
    rules.number_words.contains_key(lower)
        || rules.negative_words.contains(lower)
        || rules.fractions.contains_key(lower)
        || rules.scales.contains_key(lower)
        || matches!(lower, "a" | "one" | "half")
}

/// The words [`may_start_figure`] accepts, for the tables that classify words once.
pub fn figure_words(rules: &Rules) -> impl Iterator<Item = &str> {
    rules
        .number_words
        .keys()
        .chain(rules.negative_words.iter())
        .chain(rules.fractions.keys())
        .chain(rules.scales.keys())
        .map(String::as_str)
}
