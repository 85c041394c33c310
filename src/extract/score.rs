//! Scores on a scale: "an average rating of 7.9/10", "3.8 out of 10", "4/5 stars", read as a
//! figure in the unit of the scale ("/10") whose property is the rating it gives, with the
//! bound a hedge of the rules puts on it ("less than 6.2/10" excludes 6.2).
//!
//! Only the scales reviews are given on (5, 10, 100) are read, and only a score no larger than
//! its scale: "7 out of 10 people" counts people (a noun follows), "24/7" is no score.

use super::document::{Context, Draft};
use super::tokens::TokenKind;
use crate::model::{ClaimKind, Modality, Scope, Value};

/// The property of a score.
pub const RATING: &str = "rating";

/// The scales a score may be out of.
const SCALES: &[u32] = &[5, 10, 100];

/// Words after "out of N" that keep it a score: the points or stars it is counted in.
const SCORE_NOUNS: &[&str] = &["stars", "star", "points", "point"];

/// Whether a unit is a score's scale ("/10").
pub fn is_scale(unit: &str) -> bool {
    unit.strip_prefix('/')
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| SCALES.contains(&n))
}

/// Every score in the document, as drafts with no subject whose property is the rating; the
/// tokens they read are marked taken, so no other reader counts them.
pub fn find_scores(ctx: &Context, taken: &mut [bool]) -> Vec<Draft> {
    let mut out = Vec::new();
    for k in 0..ctx.tokens.len() {
        if taken.get(k).copied().unwrap_or(true) {
            continue;
        }
        let Some((value, scale, last)) = score_at(ctx, k) else {
            continue;
        };
        if (k..=last).any(|j| taken.get(j).copied().unwrap_or(true)) {
            continue;
        }
        for flag in &mut taken[k..=last] {
            *flag = true;
        }
        out.push(draft(ctx, k, last, value, scale));
    }
    out
}

fn number(ctx: &Context, k: usize) -> Option<f64> {
    let tok = ctx.tokens.get(k)?;
    if tok.kind != TokenKind::Number {
        return None;
    }
    let v: f64 = ctx.tok_text(k).replace(',', "").parse().ok()?;
    v.is_finite().then_some(v)
}

fn whole(ctx: &Context, k: usize) -> Option<u32> {
    let t = ctx.tokens.get(k)?;
    (t.kind == TokenKind::Number && ctx.tok_text(k).bytes().all(|b| b.is_ascii_digit()))
        .then(|| ctx.tok_text(k).parse().ok())
        .flatten()
}

/// A score starting at token `k`: its value, its scale and its last token.
fn score_at(ctx: &Context, k: usize) -> Option<(f64, u32, usize)> {
    let value = number(ctx, k)?;
    let glued = |j: usize| ctx.tokens.get(j).is_some_and(|t| !t.space_before);
    // "of6.4/10" glued: the digits after the point are no score of their own.
    if glued(k)
        && k.checked_sub(1)
            .is_some_and(|p| ctx.tokens[p].is_punct(".") || ctx.tokens[p].kind != TokenKind::Punct)
    {
        return None;
    }
    let same = |j: usize| {
        ctx.tokens
            .get(j)
            .is_some_and(|t| t.sentence == ctx.tokens[k].sentence)
    };
    let slash = |j: usize| ctx.tokens.get(j).is_some_and(|t| t.is_punct("/"));
    // "7.9/10", never "1/2/2020" nor "3/10/12".
    if slash(k + 1) && glued(k + 1) && glued(k + 2) {
        let scale = whole(ctx, k + 2)?;
        let before_slash = k.checked_sub(1).is_some_and(slash);
        if before_slash || slash(k + 3) || !SCALES.contains(&scale) {
            return None;
        }
        return (value <= f64::from(scale)).then_some((value, scale, k + 2));
    }
    // "3.8 out of 10", "4 out of 5 stars"; "7 out of 10 people" counts people.
    if same(k + 3) && ctx.lower(k + 1) == "out" && ctx.lower(k + 2) == "of" {
        let scale = whole(ctx, k + 3)?;
        if !SCALES.contains(&scale) || value > f64::from(scale) {
            return None;
        }
        let next = k + 4;
        let noun = same(next) && ctx.tokens[next].kind == TokenKind::Word;
        if noun && SCORE_NOUNS.contains(&ctx.lower(next)) {
            return Some((value, scale, next));
        }
        // A plural noun after the whole is what the part counts: "7 out of 10 people",
        // "16 out of 28 provinces"; "61 out of 100 based on ..." is a score.
        let w = ctx.lower(next);
        let counted = w.ends_with('s') && !w.ends_with("ss") || ctx.t.c.person_nouns.contains(w);
        if noun && counted {
            return None;
        }
        return Some((value, scale, k + 3));
    }
    None
}

fn draft(ctx: &Context, first: usize, last: usize, value: f64, scale: u32) -> Draft {
    let (mut low, mut high) = (Some(value), Some(value));
    let mut start_tok = first;
    let mut sign = "";
    let bound = ctx
        .t
        .bound_before(ctx.tokens, first)
        .filter(|b| ctx.tokens[first - b.len].sentence == ctx.tokens[first].sentence);
    if let Some(super::tables::Bound {
        len,
        lower: above,
        strict,
    }) = bound
    {
        // A strict bound leaves out the score as written, to its last written digit: "less
        // than 6.2/10" is at most 6.19.
        let text = ctx.tok_text(first);
        let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
        let step = 10f64.powi(-(decimals as i32) - 1);
        let tidy = |x: f64| (x * 1e9).round() / 1e9;
        if above {
            high = None;
            low = Some(if strict { tidy(value + step) } else { value });
            sign = if strict { "> " } else { "≥ " };
        } else {
            low = None;
            high = Some(if strict { tidy(value - step) } else { value });
            sign = if strict { "< " } else { "≤ " };
        }
        start_tok = first - len;
    }
    let (start, end) = (ctx.tokens[start_tok].start, ctx.tokens[last].end);
    let figure = ctx.text[ctx.tokens[first].start..end].to_string();
    Draft {
        start,
        end,
        kind: ClaimKind::Quantity,
        subject: None,
        property: RATING.to_string(),
        increment: false,
        modality: Modality::Asserted,
        value: Value::Quantity {
            low,
            high,
            unit: format!("/{scale}"),
            approximate: false,
            band: None,
        },
        label: format!("{sign}{figure}"),
        definite: false,
        scope: Scope::Total,
        doubts: Vec::new(),
        noun_end: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests_support::rules;
    use crate::model::{Claim, Document, FindingKind, Value};

    fn page(body: &str) -> Document {
        let front = "---\ntitle: \"The Glass Orchard\"\n---\n\n";
        let mut doc = Document::from_text("orchard.md".to_string(), format!("{front}{body}\n"));
        doc.body_start = front.len();
        doc.meta.title = Some("The Glass Orchard".to_string());
        doc
    }

    /// The (property, low, high, unit) of every score a page titled "The Glass Orchard" states.
    fn scores(body: &str) -> Vec<(String, Option<f64>, Option<f64>, String)> {
        crate::extract::extract(0, &page(body), &rules())
            .into_iter()
            .filter_map(|c: Claim| match &c.value {
                Value::Quantity {
                    low, high, unit, ..
                } if super::is_scale(unit) => Some((c.property.clone(), *low, *high, unit.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_score_on_a_scale_is_the_topic_s_rating() {
        let got = scores("Critics gave the film an average rating of 6.4/10.");
        assert_eq!(
            got,
            vec![(
                "rating".to_string(),
                Some(6.4),
                Some(6.4),
                "/10".to_string()
            )]
        );
        let got = scores("It scored 61 out of 100 based on twelve reviews.");
        assert_eq!(
            got,
            vec![(
                "rating".to_string(),
                Some(61.0),
                Some(61.0),
                "/100".to_string()
            )]
        );
        let got = scores("Readers scored it 4 out of 5 stars.");
        assert_eq!(
            got,
            vec![("rating".to_string(), Some(4.0), Some(4.0), "/5".to_string())]
        );
    }

    #[test]
    fn a_comparison_bounds_a_score_and_excludes_it_when_strict() {
        let got = scores("It holds an average rating of less than 6.2/10.");
        assert_eq!(
            got,
            vec![("rating".to_string(), None, Some(6.19), "/10".to_string())]
        );
        let got = scores("It holds an average rating of at least 7 out of 10.");
        assert_eq!(
            got,
            vec![("rating".to_string(), Some(7.0), None, "/10".to_string())]
        );
    }

    #[test]
    fn parts_of_people_dates_and_other_slashes_are_no_scores() {
        assert!(
            scores("Seven out of 10 visitors liked it, and 7 out of 10 people came back.")
                .is_empty()
        );
        assert!(scores("The shop is open 24/7 and the sale ended on 3/10/2021.").is_empty());
        assert!(scores("It scored 12/10 in a joke poll.").is_empty());
        // Glued to a word, the point and its digits are no score of their own.
        let got = scores("It holds an average rating of7.5/10 there.");
        assert!(got.iter().all(|s| s.1 != Some(5.0)), "{got:?}");
    }

    #[test]
    fn two_pages_giving_different_scores_conflict() {
        let rules = rules();
        let mut docs: Vec<Document> = vec![
            page("The film has an average rating of 6.1/10."),
            page("Its average rating is 7.3/10 on one site."),
        ];
        docs[1].path = "orchard-2.md".to_string();
        let analysis = crate::check(docs, Vec::new(), &rules, crate::GroupBy::All);
        let kinds: Vec<FindingKind> = analysis.findings.iter().map(|f| f.kind).collect();
        assert!(kinds.contains(&FindingKind::Conflict), "{kinds:?}");
    }
}
