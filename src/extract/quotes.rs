//! Quotes: who a quoted sentence is attributed to.
//!
//! “The systems will be deployed as soon as we can,” US Secretary of Defense Lloyd Austin
//! said — a quote of five words or more, between quotation marks in one paragraph, and a
//! speaker named right after it ("…,” Austin said", "…,” said Police Chief Ken Barnes") or
//! right before it ("Austin said: “…”"). A surname alone is the person named in full earlier
//! in the document; a pronoun is no speaker. The quote's words are its subject, so the same
//! quote in two reports is aligned, and a different speaker is a conflict of attribution.

use super::document::{Context, Draft};
use super::tokens::TokenKind;
use crate::model::{ClaimKind, Modality, Subject, Value};

/// Fewer words than this between quotation marks is a phrase in scare quotes, not a quote.
const MIN_WORDS: usize = 5;

/// Verbs that attribute speech.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "explained",
    "wrote",
    "stated",
    "asked",
    "declared",
    "insisted",
    "warned",
    "noted",
    "recalled",
    "continued",
    "replied",
    "tweeted",
    "announced",
];

fn opens(s: &str) -> bool {
    matches!(s, "“" | "\"" | "«")
}

fn closes(s: &str) -> bool {
    matches!(s, "”" | "\"" | "»")
}

/// Every attributed quote in the document.
pub fn find_quotes(ctx: &Context) -> Vec<Draft> {
    let toks = ctx.tokens;
    // The people named in the document, found when the first quote needs a speaker.
    let mut known: Option<Vec<Subject>> = None;
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if t.kind != TokenKind::Punct || !opens(&t.lower) {
            k += 1;
            continue;
        }
        // The closing mark in the same paragraph.
        let Some(close) = (k + 1..toks.len())
            .take_while(|&j| toks[j].paragraph == t.paragraph)
            .find(|&j| toks[j].kind == TokenKind::Punct && closes(&toks[j].lower) && j > k + 1)
        else {
            k += 1;
            continue;
        };
        let words = (k + 1..close)
            .filter(|&j| toks[j].kind != TokenKind::Punct)
            .count();
        // "the 55-year-old said: “…”": a speech verb before the quote says who speaks, named
        // or not; only a quote without one looks after itself.
        let introduced = k >= 2
            && (toks[k - 1].is_punct(":") || toks[k - 1].is_punct(","))
            && SPEECH.contains(&ctx.lower(k - 2));
        if words >= MIN_WORDS {
            let known = known.get_or_insert_with(|| known_people(ctx));
            let speaker = if introduced {
                speaker_before(ctx, k, known)
            } else {
                speaker_after(ctx, close, known).or_else(|| speaker_before(ctx, k, known))
            };
            if let Some(speaker) = speaker {
                out.push(quote_draft(ctx, k, close, speaker));
            }
        }
        k = close + 1;
    }
    out
}

fn quote_draft(ctx: &Context, open: usize, close: usize, speaker: Subject) -> Draft {
    let toks = ctx.tokens;
    let inner = &ctx.text[toks[open].end..toks[close].start];
    let key = normal_quote(inner);
    let mut shown: String = inner.trim().chars().take(60).collect();
    if shown.len() < inner.trim().len() {
        shown.push('…');
    }
    Draft {
        noun_end: None,
        start: toks[open].start,
        end: toks[close].end,
        kind: ClaimKind::Quote,
        subject: Some(Subject { text: shown, key }),
        property: "speaker".to_string(),
        increment: false,
        modality: Modality::Asserted,
        label: format!("said by {}", speaker.text),
        value: Value::Quote {
            speaker: speaker.text,
            quote: inner.trim().to_string(),
        },
        definite: false,
        scope: crate::model::Scope::Total,
        doubts: Vec::new(),
    }
}

/// A quote as compared: lowercase words, punctuation dropped.
pub fn normal_quote(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Everyone named in full in the document.
fn known_people(ctx: &Context) -> Vec<Subject> {
    let mut out: Vec<Subject> = Vec::new();
    let mut k = 0;
    while k < ctx.tokens.len() {
        if let Some((end, person)) = super::names::person_name_at(ctx, k) {
            if !out.iter().any(|p| p.key == person.key) {
                out.push(person);
            }
            k = end + 1;
        } else {
            k += 1;
        }
    }
    out
}

/// A person named at token `k`: in full, or by a surname that one known person has.
fn person_at(ctx: &Context, k: usize, known: &[Subject]) -> Option<(usize, Subject)> {
    if let Some(found) = super::names::person_name_at(ctx, k) {
        return Some(found);
    }
    let t = ctx.tokens.get(k)?;
    if !t.capitalized || t.kind != TokenKind::Word || ctx.t.c.not_names.contains(&t.lower) {
        return None;
    }
    let surname = ctx.t.rules.fold_word(&t.lower);
    let mut hits = known
        .iter()
        .filter(|p| p.key.rsplit(' ').next() == Some(&*surname));
    let person = hits.next()?;
    hits.next().is_none().then(|| (k, person.clone()))
}

/// "…,” Austin said", "…,” said Police Chief Ken Barnes", "…,” the official said" (none).
fn speaker_after(ctx: &Context, close: usize, known: &[Subject]) -> Option<Subject> {
    let toks = ctx.tokens;
    let mut k = close + 1;
    if toks.get(k).is_some_and(|t| t.is_punct(",")) {
        k += 1;
    }
    // The attribution continues the quote's sentence: `…,” Austin said`, not the next line.
    let sentence = toks.get(close)?.sentence;
    let continues = toks.get(close + 1).is_some_and(|t| t.is_punct(","));
    let same = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.sentence == sentence || (continues && t.sentence == sentence + 1))
    };
    if !same(k) {
        return None;
    }
    if SPEECH.contains(&ctx.lower(k)) {
        // "said ABC Entertainment Group President Paul Lee": the name that ends the run of
        // capitalised and title words after the verb; the words before it are its title.
        let mut end = k;
        // A lowercase word inside the title is allowed when a capitalised word follows it
        // ("ABC Entertainment Group prexy Paul Lee").
        // Lowercase words of a title ("harbour master Piet Vandermeer") are allowed when a
        // capitalised word comes within two more words.
        let titled = |j: usize| {
            let t = &toks[j];
            t.kind == TokenKind::Word
                && (t.capitalized
                    || ctx.t.c.title_heads.contains(&t.lower)
                    || (!ctx.t.c.stop_words.contains(&t.lower)
                        && (j + 1..j + 3).any(|n| {
                            toks.get(n)
                                .is_some_and(|n| n.capitalized && n.kind == TokenKind::Word)
                        })))
        };
        while end + 1 < toks.len() && same(end + 1) && end - k < 10 && titled(end + 1) {
            end += 1;
        }
        let found: Vec<(usize, Subject)> = (k + 1..=end)
            .filter_map(|j| person_at(ctx, j, known))
            .collect();
        return found
            .iter()
            .find(|(e, _)| *e == end)
            .or(found.first())
            .map(|(_, p)| p.clone());
    }
    // "Austin said", "Lloyd Austin told reporters": a name, then a speech verb.
    for (j, t) in toks.iter().enumerate().skip(k).take(8) {
        if !same(j) || t.kind == TokenKind::Punct {
            break;
        }
        if let Some((end, person)) = person_at(ctx, j, known)
            && SPEECH.contains(&ctx.lower(end + 1))
        {
            return Some(person);
        }
    }
    None
}

/// "Austin said: “…”", "Lloyd Austin told reporters, “…”".
fn speaker_before(ctx: &Context, open: usize, known: &[Subject]) -> Option<Subject> {
    let toks = ctx.tokens;
    let mut k = open;
    if k > 0 && (toks[k - 1].is_punct(":") || toks[k - 1].is_punct(",")) {
        k -= 1;
    }
    // The speech verb, perhaps followed by "reporters".
    let verb = (k.saturating_sub(3)..k)
        .rev()
        .find(|&j| SPEECH.contains(&ctx.lower(j)))?;
    let name_end = verb.checked_sub(1)?;
    // The shortest name that ends there: "Producer Steven Moffat" is Steven Moffat.
    (name_end.saturating_sub(4)..=name_end).rev().find_map(|s| {
        let (e, person) = person_at(ctx, s, known)?;
        (e == name_end).then_some(person)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{claims, rules};
    use crate::model::{ClaimKind, Value};

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let rules = rules();
        let got: Vec<String> = claims(text, &rules)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quote)
            .map(|c| match c.value {
                Value::Quote { speaker, .. } => speaker,
                _ => String::new(),
            })
            .collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn speakers_after_and_before_the_quote() {
        check(
            "“We will rebuild the bridge this year,” Mayor Lena Voss said.",
            &["Lena Voss"],
        );
        check(
            "“We will rebuild the bridge this year,” said Police Chief Ken Barnes.",
            &["Ken Barnes"],
        );
        check(
            "“We will rebuild the bridge this year,” said Harbour Board Chairman Ken Barnes.",
            &["Ken Barnes"],
        );
        check(
            "Lena Voss said: “We will rebuild the bridge this year.”",
            &["Lena Voss"],
        );
        check(
            "Lena Voss arrived early. “We will rebuild the bridge this year,” Voss said.",
            &["Lena Voss"],
        );
    }

    #[test]
    fn the_speaker_of_an_introduced_quote_is_before_it() {
        // The next line's speaker is not this quote's.
        check(
            "In a statement, the actor said: “Being asked to play the part is a privilege.”\nProducer Steven Moffat added: “It is an incendiary combination of talents.”",
            &["Steven Moffat"],
        );
        check(
            "“It is an honor to welcome her back as host,” said ABC Entertainment Group prexy Paul Lee.",
            &["Paul Lee"],
        );
        check(
            "“We owe the families a full account of it,” said harbour master Piet Vandermeer.",
            &["Piet Vandermeer"],
        );
    }

    #[test]
    fn no_speaker_or_too_short_is_no_claim() {
        check("“We will rebuild the bridge this year,” she said.", &[]);
        check(
            "He called it “air defense systems” twice, Lena Voss said.",
            &[],
        );
    }
}
