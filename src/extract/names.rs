//! People's names as every builder reads them: a full name starting at a token ("Lloyd J
//! Austin III"), the name ending at a token with its nickname and suffix, a name next to an
//! age ("Ayanna Northern, 22"), and a surname standing alone for the full name given before.

use super::document::Context;
use super::tokens::{Token, TokenKind, WordClass};
use crate::model::Subject;

/// A person's name starting at token `i`: two to four capitalised words, with middle initials,
/// a quoted nickname and a suffix allowed ("Lloyd J Austin III", "Charles ‘CQ’ Brown").
/// Returns the last token of the name and the person as a subject.
pub fn person_name_at(ctx: &Context, i: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let first = toks.get(i)?;
    let sentence = first.sentence;
    let is_name_word = |k: usize| {
        let t = &toks[k];
        t.kind == TokenKind::Word
            && t.capitalized
            && t.sentence == sentence
            && !t.class.has(WordClass::NOT_IN_NAME)
    };
    if !is_name_word(i) || is_initial(ctx, i) || first.class.has(WordClass::NAME_SUFFIX) {
        return None;
    }
    // The name's words (five at most), in an array: this runs for every capitalised word.
    let mut parts = [i; 5];
    let mut n_parts = 1;
    let mut k = i + 1;
    let mut end = i;
    while k < toks.len() && n_parts < parts.len() {
        let t = &toks[k];
        if t.sentence != sentence {
            break;
        }
        // A quoted nickname: ‘CQ’, "Bud".
        if t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "‘" | "'" | "\"" | "“") {
            let close = (k + 1..(k + 4).min(toks.len())).find(|&j| {
                toks[j].kind == TokenKind::Punct
                    && matches!(toks[j].lower.as_str(), "’" | "'" | "\"" | "”")
            });
            match close {
                Some(j) if toks.get(j + 1).is_some_and(|_| is_name_word(j + 1)) => {
                    k = j + 1;
                    continue;
                }
                _ => break,
            }
        }
        if is_name_word(k) || is_initial(ctx, k) {
            parts[n_parts] = k;
            n_parts += 1;
            end = k;
            k += 1;
            continue;
        }
        break;
    }
    // Drop initials and suffixes for the key; a name needs a given name and a surname.
    let mut core = parts;
    let mut n_core = 0;
    for &p in &parts[..n_parts] {
        if !is_initial(ctx, p) && !toks[p].class.has(WordClass::NAME_SUFFIX) {
            core[n_core] = p;
            n_core += 1;
        }
    }
    if n_core < 2 {
        return None;
    }
    // Trailing initials are not part of a name ("Mark Milley S" is not a name).
    while end > i && is_initial(ctx, end) && !toks[end].class.has(WordClass::NAME_SUFFIX) {
        end -= 1;
    }
    let text = ctx.text[toks[i].start..toks[end].end].to_string();
    let mut key = String::new();
    for (n, &p) in core[..n_core].iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(&ctx.t.rules.fold_word(&toks[p].lower));
    }
    Some((end, Subject { text, key }))
}

/// "J", "J." or a name suffix like "III" or "Jr.".
pub fn is_initial(ctx: &Context, k: usize) -> bool {
    let t = &ctx.tokens[k];
    let raw = t.text(ctx.text);
    let mut letters = raw.trim_end_matches('.').chars();
    let one_capital =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    one_capital || t.class.has(WordClass::NAME_SUFFIX)
}

/// Quote marks that set off a nickname inside a name: "Bud", ‘CQ’, “Suki”.
pub fn is_quote_mark(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "\"" | "'" | "‘" | "’" | "“" | "”")
}

/// Whether token `k` ends a person's name followed by an age between commas ("Ayanna
/// Northern, 22,"): the word is the name's, whatever else it may be.
pub(super) fn ends_name_before_age(ctx: &Context, k: usize) -> bool {
    let toks = ctx.tokens;
    toks[k].capitalized
        && toks.get(k + 1).is_some_and(|t| t.is_punct(","))
        && toks.get(k + 2).is_some_and(|t| t.kind == TokenKind::Number)
        && toks.get(k + 3).is_some_and(|t| t.is_punct(","))
        && name_ending_at(ctx, k).is_some()
}

/// The name starting at token `i`, read as [`person_name_at`] reads names or, next
/// to an age, also when a later word of it is one that reader keeps out of names as a place or
/// a title ("Justin King, 24", "Ayanna Northern, 22"): a given name followed by such words
/// there is a surname. Titles of office ("Dallas Officer") and words of places ("Caldwell
/// County") are not surnames.
pub fn name_near_age(ctx: &Context, i: usize) -> Option<(usize, Subject)> {
    if let Some(found) = person_name_at(ctx, i) {
        return Some(found);
    }
    let toks = ctx.tokens;
    let first = toks.get(i)?;
    let plain = |t: &Token| {
        t.kind == TokenKind::Word
            && t.capitalized
            && t.sentence == first.sentence
            && t.lower.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !t.class.has(WordClass::NAME_SUFFIX)
    };
    // "German Lee, 25": a given name that is also a word for a nationality.
    let nationality = ctx.t.c.jurisdictions.contains(&first.lower)
        && ["an", "ish", "ese"]
            .iter()
            .any(|s| first.lower.ends_with(s))
        && !first.class.has(WordClass::TITLE_HEAD);
    // "5-year-old Prince Lee": a royal title that is the given name.
    let royal = matches!(
        first.lower.as_str(),
        "prince" | "princess" | "king" | "queen"
    );
    if !plain(first) || (first.class.has(WordClass::NOT_IN_NAME) && !nationality && !royal) {
        return None;
    }
    let mut end = i;
    while end + 1 < toks.len() && end - i < 3 {
        let t = &toks[end + 1];
        let office = t.class.has(WordClass::TITLE_HEAD) && t.lower != "king";
        let place = ctx.t.c.jurisdictions.contains(&t.lower);
        if !plain(t) || ctx.t.c.not_names.contains(&t.lower) || office || place {
            break;
        }
        end += 1;
    }
    if end == i
        || !(nationality
            || royal
            || (i + 1..=end).any(|k| toks[k].class.has(WordClass::NOT_IN_NAME)))
    {
        return None;
    }
    // Not a place named after one: "Prince Lee County", "Prince Lee's".
    let possessive = |k: usize| {
        let raw = toks[k].text(ctx.text);
        raw.ends_with("'s") || raw.ends_with("’s")
    };
    if royal
        && (toks
            .get(end + 1)
            .is_some_and(|t| t.capitalized && t.sentence == first.sentence)
            || (i..=end).any(possessive))
    {
        return None;
    }
    let text = ctx.text.get(toks[i].start..toks[end].end)?.to_string();
    let key = (i..=end)
        .map(|k| ctx.t.rules.fold_word(&toks[k].lower).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Some((end, Subject { text, key }))
}

/// The person whose name ends at token `end`, nickname in quotes, initials and suffix included
/// ("Shawn "Shooter" Ruffin", "Gerod T. Ward", "Ralph Davis Jr."), or the full name given
/// earlier in the document for a surname standing alone. Returns the token where the name
/// starts.
pub fn name_ending_at(ctx: &Context, end: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let last = toks.get(end)?;
    if last.kind != TokenKind::Word || !last.capitalized {
        return None;
    }
    // Walk back over capitalised words and quote marks: five name words and a nickname.
    let mut start = end;
    while start > 0 && end - start < 7 {
        let p = &toks[start - 1];
        if p.sentence != last.sentence
            || !((p.kind != TokenKind::Punct && p.capitalized) || is_quote_mark(p))
        {
            break;
        }
        start -= 1;
    }
    (start..=end)
        .find_map(|s| {
            let (e, person) = person_name_at(ctx, s)?;
            (e == end).then_some((s, person))
        })
        .or_else(|| surname_alone(ctx, end))
        .or_else(|| {
            (start..end).find_map(|s| {
                let (e, person) = name_near_age(ctx, s)?;
                (e == end).then_some((s, person))
            })
        })
}

/// A surname standing alone ("Lash, 44,") after the full name was given earlier in the
/// document: the person is the earlier full name.
fn surname_alone(ctx: &Context, k: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let t = &toks[k];
    if !t.capitalized || t.kind != TokenKind::Word || ctx.t.c.not_names.contains(&t.lower) {
        return None;
    }
    // Find an earlier full name ending with this surname.
    (0..k).rev().find_map(|s| {
        let (e, person) = person_name_at(ctx, s)?;
        (toks[e].lower == t.lower && e < k).then_some((k, person))
    })
}
