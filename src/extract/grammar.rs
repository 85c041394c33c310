//! Grammar of a clause that several builders read: a passive verb ("was shot"), an active
//! verb with its own object ("killed his wife"), a line that ends before a capitalised one.

use super::document::Context;
use super::tokens::TokenKind;

/// Whether the verb at `k` is a participle after a form of "be": "was shot", "was also shot",
/// "were reportedly killed".
pub(super) fn is_passive(ctx: &Context, k: usize) -> bool {
    (k.saturating_sub(3)..k)
        .rev()
        .find(|&j| !is_adverb(ctx.lower(j)))
        .is_some_and(|j| is_be(ctx.lower(j)))
}

/// Words that may stand between "was" and its participle: "was also shot".
pub fn is_adverb(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "reportedly"
            | "allegedly"
            | "apparently"
            | "then"
            | "later"
            | "all"
            | "both"
            | "each"
            | "not"
            | "just"
            | "initially"
            | "previously"
    )
}

pub fn is_be(word: &str) -> bool {
    matches!(
        word,
        "was" | "were" | "is" | "are" | "been" | "being" | "be"
    )
}

/// Whether the word after a trigger shows it is an active verb with its own object ("killed
/// himself", "killed his wife", "wounded the officer"): then the words before it name who did
/// it, not who it happened to.
pub(super) fn has_object(ctx: &Context, after: usize) -> bool {
    let toks = ctx.tokens;
    let Some(t) = toks.get(after) else {
        return false;
    };
    if t.sentence != toks[after - 1].sentence {
        return false;
    }
    matches!(
        t.lower.as_str(),
        "himself"
            | "herself"
            | "themselves"
            | "him"
            | "her"
            | "them"
            | "his"
            | "their"
            | "a"
            | "an"
            | "the"
            | "my"
            | "your"
            | "our"
            | "its"
            | "another"
            | "one"
    ) || (t.capitalized && t.kind == TokenKind::Word && !ctx.t.c.not_names.contains(&t.lower))
        || t.kind == TokenKind::Number
}

/// Whether a line ends between token `k - 1` and token `k` and the next line starts with a
/// capital: a figure ending a line before a headline ("...article-1. 1456300" over "Queens
/// grandmother killed") is an identifier, not a count. Prose wrapped at a fixed width ("killed
/// four\npeople") still reads across the break.
pub(super) fn line_break_before(ctx: &Context, k: usize) -> bool {
    let toks = ctx.tokens;
    k > 0
        && toks.get(k).is_some_and(|t| {
            t.capitalized
                && ctx
                    .text
                    .get(toks[k - 1].end..t.start)
                    .is_some_and(|gap| gap.contains('\n'))
        })
}
