//! The subjects the builders share: the alignment key of a subject as written (aliases,
//! spelling, singular) and the event the document reports, keyed as one event.

use super::document::Context;
use super::tokens::TokenKind;
use super::words::singular_phrase;
use crate::model::Subject;

/// The alignment key of a subject as written: aliases applied, spelling folded, singular.
pub fn subject_key(ctx: &Context, text: &str) -> String {
    if let Some(key) = alias_of(ctx, text) {
        return key;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            ctx.t
                .rules
                .fold_spelling(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        })
        .collect();
    let acronym = text
        .strip_suffix('s')
        .unwrap_or(text)
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let mut key = words.join(" ");
    if !acronym || text.ends_with('s') {
        // "systems" -> "system"; an acronym's lowercase plural too: "ARGOs" -> "argo".
        key = singular_phrase(&key);
    }
    ctx.t.rules.aliases.get(&key).cloned().unwrap_or(key)
}

/// The alias key for a phrase, trying it as written and in the singular.
pub fn alias_of(ctx: &Context, text: &str) -> Option<String> {
    let folded = ctx.t.rules.fold_phrase(text);
    let aliases = &ctx.t.rules.aliases;
    aliases
        .get(&folded)
        .or_else(|| aliases.get(&singular_phrase(&folded)))
        .cloned()
}

/// The event the document reports: the first event word of the rules in it ("shooting"),
/// keyed as one event so that the reports of a story align.
pub(super) fn document_event(ctx: &Context) -> Subject {
    let toks = ctx.tokens;
    let incidents = &ctx.t.rules.incidents;
    let found = (0..toks.len()).find_map(|k| {
        let (len, key) = ctx.t.c.events.at(toks, k)?;
        // Inside a name ("Fire Chief", "Fire Department") the word names no event.
        let in_name = toks[k].capitalized
            && !ctx.starts_sentence(k)
            && toks
                .get(k + len)
                .is_some_and(|n| n.capitalized && n.kind == TokenKind::Word);
        (incidents.contains(key) && !in_name).then(|| {
            (
                ctx.text[toks[k].start..toks[k + len - 1].end].to_lowercase(),
                key.clone(),
            )
        })
    });
    // Keyed by the kind of incident, so that reports of a shooting and of a fire are not held
    // against each other even when all documents are compared.
    match found {
        Some((text, key)) => Subject { text, key },
        None => Subject {
            text: "the reported event".to_string(),
            key: crate::model::EVENT_KEY.to_string(),
        },
    }
}
