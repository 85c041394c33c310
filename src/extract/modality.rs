//! Modality: whether a figure is stated as fact, or as planned, possible or denied.
//!
//! "The US plans to send six additional NASAMS" plans six; "delivery of another six units
//! could take much longer" makes them hypothetical; "not four but five" denies the four. The
//! words come from the rules (`planned`, `hypothetical`, `negations` in the lexicon): in the
//! figure's clause before it (up to a clause boundary), or right after the phrase it heads
//! ("a first batch of two is expected", "six units could take").

use super::document::Context;
use super::tables::Compiled;
use crate::model::Modality;

/// How many tokens before the figure a planning word may stand ("plans to send six").
const BEFORE: usize = 6;
/// How many tokens after the figure's phrase its verb may stand ("two is expected").
const AFTER: usize = 3;

/// The standing of the figure in tokens `first..=last`.
pub fn modality_of(ctx: &Context, first: usize, last: usize) -> Modality {
    let toks = ctx.tokens;
    let lx = &ctx.t.c;
    let sentence = toks[first].sentence;
    // Denied: "not four but five", "not 40".
    if first > 0 && lx.negations.ending_before(toks, first).is_some() {
        return Modality::Negated;
    }
    // Before, within the clause.
    let mut k = first;
    let mut seen = 0;
    while k > 0 && seen < BEFORE {
        k -= 1;
        let t = &toks[k];
        if t.sentence != sentence
            || matches!(t.lower.as_str(), "," | ";" | ":" | "—" | "–" | "(" | ")")
        {
            break;
        }
        if let Some(m) = word_at(ctx, k) {
            return m;
        }
        seen += 1;
    }
    // Right after the phrase: "is expected", "could take", "that would be delivered".
    let mut k = last + 1;
    let mut seen = 0;
    while k < toks.len() && seen < AFTER {
        let t = &toks[k];
        if t.sentence != sentence || matches!(t.lower.as_str(), "," | ";" | ":" | "." | "(" | ")") {
            break;
        }
        if let Some(m) = word_at(ctx, k) {
            return m;
        }
        seen += 1;
        k += 1;
    }
    // Taken back later in the sentence: "..., but that proved to be incorrect". The "but"s
    // that take something back are found once per document (`ctx.retracting`), so a sentence
    // of many figures costs its length once, not once per figure.
    let end = ctx.sentences[sentence].end.min(toks.len());
    let next = ctx.retracting.partition_point(|&b| b <= last);
    if ctx.retracting.get(next).is_some_and(|&b| b < end) {
        return Modality::Negated;
    }
    Modality::Asserted
}

/// The tokens "but" followed within four tokens of their sentence by a retraction ("but that
/// proved to be incorrect"), in order: what [`modality_of`] reads as taking a figure back.
pub fn retracting_buts(
    toks: &[super::tokens::Token],
    sentences: &[std::ops::Range<usize>],
    lx: &Compiled,
) -> Vec<usize> {
    (0..toks.len())
        .filter(|&b| toks[b].lower == "but")
        .filter(|&b| {
            let end = sentences
                .get(toks[b].sentence)
                .map_or(toks.len(), |s| s.end.min(toks.len()));
            (b + 1..(b + 5).min(end)).any(|j| lx.retractions.at(toks, j).is_some())
        })
        .collect()
}

/// A planning or hypothetical word starting at token `k`.
fn word_at(ctx: &Context, k: usize) -> Option<Modality> {
    let c = &ctx.t.c;
    if c.hypothetical.at(ctx.tokens, k).is_some() {
        return Some(Modality::Hypothetical);
    }
    if c.planned.at(ctx.tokens, k).is_some() {
        return Some(Modality::Planned);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{claims, rules};
    use crate::model::{ClaimKind, Modality};

    #[track_caller]
    fn check(text: &str, expected: &[(&str, Modality)]) {
        let rules = rules();
        let got: Vec<(String, Modality)> = claims(text, &rules)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .map(|c| (c.text, c.modality))
            .collect();
        let want: Vec<(String, Modality)> =
            expected.iter().map(|(t, m)| (t.to_string(), *m)).collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn plans_and_possibilities_are_not_facts() {
        check(
            "The city plans to buy six additional ZORB ferries.",
            &[("six additional", Modality::Planned)],
        );
        check(
            "Delivery of another six ZORB ferries could take years.",
            &[("another six", Modality::Hypothetical)],
        );
        check(
            "The port bought 12 ZORB ferries last year.",
            &[("12", Modality::Asserted)],
        );
    }

    /// The modality of the quantity `figure` in `text`, read before denied figures are dropped.
    #[track_caller]
    fn modality(text: &str, figure: &str) -> Modality {
        let rules = rules();
        let tables = super::super::Tables::new(&rules);
        let mut toks = super::super::tokens::Tokens::default();
        tables.tokenize_into(&mut toks, text, std::slice::from_ref(&(0..text.len())));
        let retracting = super::retracting_buts(&toks.tokens, &toks.sentences, &tables.c);
        let ctx = super::super::Context {
            text,
            tokens: &toks.tokens,
            sentences: &toks.sentences,
            t: &tables,
            retracting: &retracting,
        };
        let at = text.find(figure).expect("figure in text");
        let first = toks.tokens.partition_point(|t| t.end <= at);
        let last = toks.tokens.partition_point(|t| t.start < at + figure.len()) - 1;
        super::modality_of(&ctx, first, last)
    }

    #[test]
    fn a_denied_figure_is_negated_and_dropped() {
        let text = "The port bought not four but five ZORB ferries.";
        assert_eq!(modality(text, "four"), Modality::Negated);
        check(text, &[("five", Modality::Asserted)]);
    }

    #[test]
    fn a_figure_taken_back_is_negated_and_dropped() {
        let text = "Early reports said one person had died, but that proved to be incorrect.";
        assert_eq!(modality(text, "one person"), Modality::Negated);
        check(text, &[]);
        // "but" alone takes nothing back.
        check(
            "Two people were injured, but both are expected to recover.",
            &[("Two people were injured", Modality::Asserted)],
        );
    }
}
