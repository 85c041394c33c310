//! Places: where the event a report covers happened, from a dateline ("ALTURAS, Calif. —",
//! "BROOKLYN —") or a town named with its region after "in" ("in Alturas, Calif."). Regions and
//! their forms come from the rules (`[regions]` in `rules/places.toml`). A place is about the
//! report's incident, like its casualty figures, so reports of one event align on it.

use super::document::{Context, Draft};
use super::tokens::TokenKind;
use crate::model::{ClaimKind, Modality, Value};

/// Every place the document gives for its event.
pub fn find_places(ctx: &Context) -> Vec<Draft> {
    let toks = ctx.tokens;
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let found = dateline_at(ctx, k).or_else(|| {
            (ctx.lower(k) == "in" && tells_of_the_event(ctx, k))
                .then(|| town_with_region(ctx, k + 1))
                .flatten()
        });
        match found {
            Some((first, last, city, region)) => {
                let mut draft = place_draft(ctx, first, last, city, region);
                if ctx.lower(k) == "in" && !follows_the_event(ctx, k) {
                    draft.doubts.push(crate::model::Doubt::new(
                        crate::model::Aspect::Scope,
                        "a place named in a sentence about the event but not tied to it",
                    ));
                }
                out.push(draft);
                k = last + 1;
            }
            None => k += 1,
        }
    }
    out
}

/// Whether the sentence of token `k` tells of the event: an incident word ("shooting", "fire")
/// or something that happened to people ("killed", "injured"). "He was born in Twin Falls,
/// Idaho" places no event.
fn tells_of_the_event(ctx: &Context, k: usize) -> bool {
    let toks = ctx.tokens;
    let range = ctx.sentences[toks[k].sentence].clone();
    range.into_iter().any(|j| {
        ctx.t.c.victim_words.at(toks, j).is_some()
            || ctx
                .t
                .c
                .events
                .at(toks, j)
                .is_some_and(|(_, key)| ctx.t.rules.incidents.contains(key))
    })
}

/// Whether the "in" at `k` places the event itself: it follows, within a few words of one
/// clause, an incident word or what happened to people ("the shooting early Sunday in", "was
/// killed in", "Five shot in"). "He was captured in", "a pawnshop in" and "an uncle in" place
/// something else.
fn follows_the_event(ctx: &Context, k: usize) -> bool {
    let toks = ctx.tokens;
    let sentence = toks[k].sentence;
    let mut j = k;
    for _ in 0..5 {
        if j == 0 {
            return false;
        }
        j -= 1;
        // "was captured in", "is based in": a verb of its own places its own action.
        if toks[j].sentence != sentence
            || toks[j].kind == TokenKind::Punct
            || matches!(ctx.lower(j), "was" | "were" | "is" | "are" | "be" | "been")
        {
            return false;
        }
        // A capitalised word inside a name is no event word ("Dylann Storm Roof").
        let in_name = toks[j].capitalized
            && !ctx.starts_sentence(j)
            && (toks.get(j + 1).is_some_and(|t| t.capitalized)
                || (j > 0 && toks[j - 1].capitalized));
        if in_name && !is_headline(ctx, sentence) {
            continue;
        }
        let event = ctx
            .t
            .c
            .events
            .ending_before(toks, j + 1)
            .is_some_and(|(_, key)| ctx.t.rules.incidents.contains(key));
        let at_the_scene =
            ctx.t
                .c
                .victim_words
                .ending_before(toks, j + 1)
                .is_some_and(|(_, &p)| {
                    ctx.t
                        .rules
                        .properties
                        .get(p)
                        .is_some_and(|p| p.at_the_scene)
                });
        if event || at_the_scene {
            return true;
        }
    }
    false
}

/// A sentence written as a headline: most of its words capitalised.
fn is_headline(ctx: &Context, sentence: usize) -> bool {
    let range = ctx.sentences[sentence].clone();
    let words: Vec<&super::tokens::Token> = ctx.tokens[range]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let capitals = words.iter().filter(|t| t.capitalized).count();
    !words.is_empty() && capitals * 10 >= words.len() * 7
}

fn place_draft(
    ctx: &Context,
    first: usize,
    last: usize,
    city: String,
    region: Option<String>,
) -> Draft {
    let toks = ctx.tokens;
    let shown = crate::model::place_name(&city, region.as_deref());
    Draft {
        noun_end: None,
        start: toks[first].start,
        end: toks[last].end,
        kind: ClaimKind::Place,
        subject: Some(super::subject::document_event(ctx)),
        property: "place".to_string(),
        increment: false,
        modality: Modality::Asserted,
        value: Value::Place { city, region },
        label: format!("place: {shown}"),
        definite: false,
        scope: crate::model::Scope::Total,
        doubts: Vec::new(),
    }
}

/// A region named by the tokens from `k` (one to three of them, "Calif.", "New York",
/// "W. Va."): its name and the last token.
fn region_at(ctx: &Context, k: usize) -> Option<(String, usize)> {
    let toks = ctx.tokens;
    let regions = &ctx.t.rules.regions;
    (1..=3).rev().find_map(|n| {
        let last = k + n - 1;
        if last >= toks.len()
            || toks[k..=last]
                .iter()
                .any(|t| t.kind != TokenKind::Word || t.sentence != toks[k].sentence)
        {
            return None;
        }
        let words: Vec<&str> = (k..=last).map(|j| toks[j].text(ctx.text)).collect();
        let spaced = words.join(" ");
        let joined = words.concat();
        // Capital forms ("CA") as written, every other form in any case.
        [
            &spaced,
            &joined,
            &spaced.to_lowercase(),
            &joined.to_lowercase(),
        ]
        .into_iter()
        .find_map(|form| regions.get(form.as_str()))
        .map(|name| (name.clone(), last))
    })
}

/// "Alturas, Calif.": one to three capitalised words, a comma and a region.
fn town_with_region(ctx: &Context, k: usize) -> Option<(usize, usize, String, Option<String>)> {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    let mut end = k;
    // One sentence, on one line: a headline ending "in Knightdale" does not run on into the
    // dateline below it.
    let joined = |a: usize, b: usize| {
        toks[a].sentence == toks[b].sentence && !ctx.text[toks[a].end..toks[b].start].contains('\n')
    };
    while end < toks.len()
        && end < k + 3
        && toks[end].kind == TokenKind::Word
        && toks[end].capitalized
        && !c.not_names.contains(&toks[end].lower)
        && (end == k || joined(end - 1, end))
    {
        end += 1;
    }
    if end == k || !toks.get(end).is_some_and(|t| t.is_punct(",")) || !joined(end - 1, end) {
        return None;
    }
    let (region, last) = region_at(ctx, end + 1)?;
    let city = ctx.text[toks[k].start..toks[end - 1].end].to_string();
    Some((k, last, city, Some(region)))
}

/// A dateline at the start of a paragraph: a town in capitals, perhaps its region, then a dash
/// or a bracketed station name ("ALTURAS, Calif. —", "BROOKLYN —", "INDIANAPOLIS (PIX11) —").
fn dateline_at(ctx: &Context, k: usize) -> Option<(usize, usize, String, Option<String>)> {
    let toks = ctx.tokens;
    let starts_paragraph = k == 0 || toks[k - 1].paragraph != toks[k].paragraph;
    if !starts_paragraph {
        return None;
    }
    let upper = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text(ctx.text)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    >= 2
                && t.text(ctx.text)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        })
    };
    let mut end = k;
    while end < k + 3 && upper(end) {
        end += 1;
    }
    // "UPDATE —", "CORRECTION (...)": labels in capitals, not towns.
    if end == k || (k..end).any(|j| ctx.t.c.not_names.contains(&toks[j].lower)) {
        return None;
    }
    let mut next = end;
    let mut region = None;
    let mut last = end - 1;
    if toks.get(next).is_some_and(|t| t.is_punct(",")) {
        let (name, r_last) = region_at(ctx, next + 1)?;
        region = Some(name);
        last = r_last;
        next = r_last + 1;
    }
    let dash = toks
        .get(next)
        .is_some_and(|t| matches!(t.lower.as_str(), "—" | "–" | "-" | "("));
    if !dash {
        return None;
    }
    let city = (k..end)
        .map(|j| title_case(toks[j].text(ctx.text)))
        .collect::<Vec<_>>()
        .join(" ");
    Some((k, last, city, region))
}

/// "ALTURAS" -> "Alturas", "MCALLEN" -> "Mcallen".
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, ch) in word.chars().enumerate() {
        if i == 0 {
            out.push(ch);
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{claims, rules};
    use crate::model::{ClaimKind, Value};

    #[track_caller]
    fn check(text: &str, expected: &[(&str, Option<&str>)]) {
        let rules = rules();
        let got: Vec<(String, Option<String>)> = claims(text, &rules)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Place)
            .map(|c| match c.value {
                Value::Place { city, region } => (city, region),
                _ => (String::new(), None),
            })
            .collect();
        let want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(c, r)| (c.to_string(), r.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn datelines_and_towns_with_their_region() {
        check(
            "ALTURAS, Calif. — Four people died on Thursday.",
            &[("Alturas", Some("California"))],
        );
        check("HOLLIN VALE — Two people died.", &[("Hollin Vale", None)]);
        check(
            "The shooting happened in Alturas, Calif., on Thursday.",
            &[("Alturas", Some("California"))],
        );
        check(
            "The attack in Kyiv, Ukraine, ended.",
            &[("Kyiv", Some("Ukraine"))],
        );
    }

    #[test]
    fn capitals_and_commas_that_are_not_places() {
        // A headline in capitals is no dateline without a dash; a town without a region after
        // "in" names no place.
        check("NEW RULES FOR FERRIES\nThe rules changed.", &[]);
        check("UPDATE (March 1): The victim was named.", &[]);
        check("He lived in Alturas for years.", &[]);
        // Postal codes count only in capitals: "in" and "or" are words, not Indiana and Oregon.
        check("The shooting in Dallas, in which two died, ended.", &[]);
        // A headline ending in a town does not run on into the next line.
        check(
            "Girl shot in Knightdale\n\nKNIGHTDALE, N.C. — A girl was shot.",
            &[("Knightdale", Some("North Carolina"))],
        );
        check(
            "The shooting in Gary, IN, left two dead.",
            &[("Gary", Some("Indiana"))],
        );
        // A town named in a sentence that tells of no event is biography, not the scene.
        check("He was born in Twin Falls, Idaho, in 1970.", &[]);
    }

    #[test]
    fn a_place_tied_to_something_else_is_doubted() {
        let rules = rules();
        let places = |text: &str| -> Vec<(String, bool)> {
            claims(text, &rules)
                .into_iter()
                .filter(|c| c.kind == ClaimKind::Place)
                .map(|c| match c.value {
                    Value::Place { city, .. } => (city, !c.doubts.is_empty()),
                    _ => (String::new(), false),
                })
                .collect()
        };
        let definite = |city: &str| vec![(city.to_string(), false)];
        let doubted = |city: &str| vec![(city.to_string(), true)];
        assert_eq!(
            places("Two people were killed in Alturas, Calif., on Sunday."),
            definite("Alturas")
        );
        assert_eq!(
            places("The shooting late Sunday in Alturas, Calif., left one dead."),
            definite("Alturas")
        );
        // An arrest, a purchase or a relative's home is placed, not the shooting.
        assert_eq!(
            places("The suspect in the shooting was arrested in Dorris, Calif., hours later."),
            doubted("Dorris")
        );
        assert_eq!(
            places("He bought the rifle at a store in Yreka, Calif., weeks before the shooting."),
            doubted("Yreka")
        );
        // A word of a name is no event word: "Storm" here is part of a man's name.
        assert_eq!(
            places("The shooting suspect Jon Storm Baker fled in Weed, Calif."),
            doubted("Weed")
        );
    }
}
