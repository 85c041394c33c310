//! What a figure counts or measures: the noun phrase after a count, with its renaming, and the
//! subject it gives; for a measure or a generic noun, the thing named before it.

use crate::extract::document::{Context, Draft};
use crate::extract::grammar::line_break_before;
use crate::extract::numbers::NumberMatch;
use crate::extract::subject::{alias_of, subject_key};
use crate::extract::tokens::TokenKind;
use crate::extract::words::singular;
use crate::model::{ClaimKind, Subject};
use crate::rules::UnitRule;

/// A counted noun phrase after a figure.
pub struct NounPhrase {
    pub start_tok: usize,
    pub end_tok: usize,
    pub head: usize,
    /// A name the phrase is given right after it: "(HIMARS)", "known as NASAMS".
    pub renamed: Option<(usize, usize)>,
}

/// Reads the noun phrase starting at token `i`: "Stinger anti-aircraft systems",
/// "powerful midrange surface-to-air missile systems known as NASAMS". Partitives ("two of the
/// victims") read the phrase after "of".
pub(super) fn noun_phrase(ctx: &Context, i: usize) -> Option<NounPhrase> {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    // The phrase belongs to the figure's sentence (the token before it) and line.
    let sentence = toks.get(i.checked_sub(1)?)?.sentence;
    if toks.get(i)?.sentence != sentence || line_break_before(ctx, i) {
        return None;
    }
    let mut k = i;
    if ctx.lower(k) == "of" {
        k += 1;
        if matches!(
            ctx.lower(k),
            "the" | "those" | "these" | "its" | "their" | "his" | "her"
        ) {
            k += 1;
        }
    }
    let mut start = k;
    let mut end = None;
    while k < toks.len() && k < start + 6 {
        let t = &toks[k];
        if t.sentence != sentence || !matches!(t.kind, TokenKind::Word | TokenKind::Mixed) {
            break;
        }
        if c.stop_words.contains(&t.lower)
            || c.ordinals.contains(&t.lower)
            || c.renaming.at(toks, k).is_some()
            || (t.capitalized && c.not_names.contains(&t.lower))
        {
            break;
        }
        if ctx.t.rules.number_words.contains_key(&t.lower) {
            break;
        }
        // A participle right after the figure is its verb ("12 delivered earlier"), unless a
        // noun follows it ("two injured people").
        if !t.capitalized && (t.lower.ends_with("ed") || t.lower.ends_with("ing")) {
            let next_is_noun = toks.get(k + 1).is_some_and(|n| {
                n.sentence == sentence
                    && n.kind == TokenKind::Word
                    && !c.stop_words.contains(&n.lower)
                    && !n.lower.ends_with("ed")
            });
            if !next_is_noun {
                break;
            }
        }
        let possessive = t.text(ctx.text).ends_with("'s") || t.text(ctx.text).ends_with("’s");
        if possessive
            && end.is_none()
            && toks.get(k + 1).is_some_and(|n| {
                n.sentence == sentence
                    && n.kind == TokenKind::Word
                    && !c.stop_words.contains(&n.lower)
            })
        {
            // "one of Kyiv's key demands": the possessor is a determiner; the phrase goes on.
            k += 1;
            start = k;
            continue;
        }
        // A plural-looking word followed by an article or a particle is a verb: "The $184
        // million budget sets aside", "three units arrive".
        if end.is_some()
            && t.lower.ends_with('s')
            && matches!(
                ctx.lower(k + 1),
                "a" | "an"
                    | "the"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "aside"
                    | "up"
                    | "out"
                    | "off"
                    | "down"
            )
        {
            break;
        }
        end = Some(k);
        // A possessive ends the phrase ("two Ukraine's"), and so does a plural noun: what
        // follows it is most often the verb ("two systems arrive"), and a capitalised plural
        // ("Two Kestrels pumped").
        let capitalized_plural =
            t.capitalized && !t.is_acronym(ctx.text) && t.lower.ends_with('s') && t.lower.len() > 3;
        if t.text(ctx.text).ends_with("'s")
            || t.text(ctx.text).ends_with("’s")
            || is_plural_noun(ctx, k)
            || capitalized_plural
        {
            break;
        }
        k += 1;
    }
    let end = end?;
    let mut renamed = None;
    let after = end + 1;
    // "(HIMARS)"
    if toks.get(after).is_some_and(|t| t.is_punct("("))
        && toks
            .get(after + 1)
            .is_some_and(|t| t.is_acronym(ctx.text) || t.capitalized)
        && toks.get(after + 2).is_some_and(|t| t.is_punct(")"))
    {
        renamed = Some((after + 1, after + 1));
    } else if let Some((len, _)) = c.renaming.at(toks, after) {
        // "known as NASAMS"
        let n = after + len;
        if toks
            .get(n)
            .is_some_and(|t| t.sentence == sentence && (t.is_acronym(ctx.text) || t.capitalized))
        {
            let mut e = n;
            while toks.get(e + 1).is_some_and(|t| {
                t.sentence == sentence && t.capitalized && t.kind == TokenKind::Word
            }) {
                e += 1;
            }
            renamed = Some((n, e));
        }
    }
    Some(NounPhrase {
        start_tok: start,
        end_tok: renamed.map_or(end, |(_, e)| {
            e + usize::from(toks.get(e + 1).is_some_and(|t| t.is_punct(")")))
        }),
        head: end,
        renamed,
    })
}

/// A lowercase word that reads as a plural noun ("systems", "people"); acronyms ending in S
/// ("NASAMS") are names, not plurals.
fn is_plural_noun(ctx: &Context, k: usize) -> bool {
    let t = &ctx.tokens[k];
    if t.is_acronym(ctx.text) || t.kind != TokenKind::Word {
        return false;
    }
    let w = t.lower.as_str();
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "aircraft"
            | "troops"
            | "crew"
            | "cattle"
    ) || (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !t.capitalized)
}

/// The subject a noun phrase names by itself, without looking elsewhere.
pub(super) fn np_subject(ctx: &Context, np: &NounPhrase) -> Subject {
    let toks = ctx.tokens;
    if let Some((a, b)) = np.renamed {
        let text = ctx.text[toks[a].start..toks[b].end].to_string();
        return Subject {
            key: subject_key(ctx, &text),
            text,
        };
    }
    let whole = ctx.text[toks[np.start_tok].start..toks[np.head].end].to_string();
    if let Some(key) = alias_of(ctx, &whole) {
        return Subject { text: whole, key };
    }
    // A proper name inside the phrase is what it counts: "Javelin anti-armour systems",
    // "Cold War-era Hawk systems". Demonyms ("Russian tanks") are modifiers, not names.
    let mut best: Option<(usize, usize)> = None;
    let mut k = np.start_tok;
    while k <= np.head {
        let t = &toks[k];
        let proper = (t.capitalized || t.is_acronym(ctx.text))
            && !ctx.t.c.jurisdictions.contains(&singular(&t.lower))
            && !ctx.t.c.jurisdictions.contains(&t.lower);
        if proper {
            let s = k;
            while k < np.head && toks[k + 1].capitalized {
                k += 1;
            }
            best = Some((s, k));
        }
        k += 1;
    }
    if let Some((a, b)) = best {
        // A product or an acronym names the thing itself ("Javelin anti-armour systems",
        // "NASAMS air defenses"); a name before a specific noun only narrows it ("Hamas
        // militants" are not "Hamas gunmen").
        let name = ctx.text[toks[a].start..toks[b].end].to_string();
        let head = &toks[np.head];
        let name_is_head = b == np.head;
        // "200 Ukrainians", "12 Somalis": people named by where they are from are counted
        // like any common noun.
        if name_is_head && a == b && is_demonym(&head.lower) {
            let text = head.text(ctx.text).to_lowercase();
            return Subject {
                key: subject_key(ctx, &text),
                text,
            };
        }
        if name_is_head
            || ctx.t.c.generic_heads.contains(&head.lower)
            || ctx.t.c.product_kinds.contains(&head.lower)
        {
            return Subject {
                key: subject_key(ctx, &name),
                text: name,
            };
        }
        let text = format!("{name} {}", head.text(ctx.text));
        return Subject {
            key: subject_key(ctx, &text),
            text,
        };
    }
    let head = toks[np.head].text(ctx.text).to_string();
    Subject {
        key: subject_key(ctx, &head),
        text: whole,
    }
}

/// A plural that names people by where they are from: "Ukrainians", "Somalis", "Gazans".
fn is_demonym(word: &str) -> bool {
    ["ians", "ans", "is", "ese", "ites", "ers"]
        .iter()
        .any(|s| word.ends_with(s) && word.len() > s.len() + 2)
}

/// The subject of a count: the noun phrase after it, or, when that is a generic word ("units")
/// or missing ("12 delivered"), the thing named just before.
pub(super) fn count_subject(
    ctx: &Context,
    m: &NumberMatch,
    marked: bool,
    np: Option<&NounPhrase>,
    earlier: &[Draft],
) -> Option<Subject> {
    let generic = match np {
        None => true,
        Some(np) => {
            np.renamed.is_none()
                && np.start_tok == np.head
                && ctx.t.c.generic_heads.contains(&ctx.tokens[np.head].lower)
        }
    };
    // "a first batch of two": a generic container before the figure.
    let container_before = m.first >= 2
        && ctx.lower(m.first - 1) == "of"
        && ctx.t.c.generic_heads.contains(ctx.lower(m.first - 2));
    // A figure with no noun at all refers back only when something marks it as anaphoric:
    // "the 12 delivered earlier", "another six", "four of them". A bare "20" in a score line
    // or a time stamp refers to nothing.
    let anaphoric = marked || container_before || np.is_some() || {
        let after = ctx.lower(m.last + 1);
        after == "of" && ctx.lower(m.last + 2) == "them"
    };
    if (generic || container_before) && anaphoric {
        if let Some(s) = antecedent(ctx, m.first, earlier) {
            return Some(s);
        }
        // A generic head with nothing to refer to still counts something.
        return np.map(|np| np_subject(ctx, np));
    }
    np.map(|np| np_subject(ctx, np))
}

/// The subject of a measure ("190 miles", "$1.2 billion"): the name nearest before it in its
/// sentence ("ATACMS, which can fire missiles up to 190 miles"), or none.
pub(super) fn measured_subject(
    ctx: &Context,
    start_tok: usize,
    unit: Option<&UnitRule>,
) -> Option<Subject> {
    let toks = ctx.tokens;
    // A sum of money is rarely about the name before it ("AMD will take a charge of $334
    // million"): it gets a subject only from the noun it describes, "budget of $184 million".
    if unit.is_some_and(|u| u.dimension.starts_with("money")) {
        let of = start_tok.checked_sub(1).filter(|&k| ctx.lower(k) == "of")?;
        let noun = of.checked_sub(1)?;
        let t = &toks[noun];
        if t.kind != TokenKind::Word
            || ctx.t.c.stop_words.contains(&t.lower)
            || t.sentence != toks[start_tok].sentence
        {
            return None;
        }
        let text = t.text(ctx.text).to_string();
        return Some(Subject {
            key: subject_key(ctx, &text),
            text,
        });
    }
    let sentence = toks[start_tok].sentence;
    let begin = ctx.sentences[sentence].start;
    (begin..start_tok)
        .rev()
        .find_map(|k| entity_at(ctx, k, true))
}

/// A named thing at token `k` that a later generic word can refer to. `strong` candidates are
/// acronyms ("NASAMS"); weak ones are capitalised words before a lowercase noun ("Javelin
/// missiles"). Returns None for anything else.
fn entity_at(ctx: &Context, k: usize, acronyms_only: bool) -> Option<Subject> {
    let toks = ctx.tokens;
    let t = &toks[k];
    if t.kind != TokenKind::Word || !t.capitalized {
        return None;
    }
    let c = &ctx.t.c;
    if c.jurisdictions.contains(&t.lower)
        || c.jurisdictions.contains(&singular(&t.lower))
        || c.not_names.contains(&t.lower)
        || c.name_suffixes.contains(&t.lower)
        || ctx.starts_sentence(k)
    {
        return None;
    }
    if t.is_acronym(ctx.text) {
        let text = t.text(ctx.text).to_string();
        return Some(Subject {
            key: subject_key(ctx, &text),
            text,
        });
    }
    if acronyms_only {
        return None;
    }
    // A capitalised modifier directly before a lowercase noun: "Hawk systems".
    let next = toks.get(k + 1)?;
    let modifies = next.kind == TokenKind::Word
        && !next.capitalized
        && next.sentence == t.sentence
        && !c.stop_words.contains(&next.lower)
        && !next.lower.ends_with("ed");
    if !modifies {
        return None;
    }
    let text = t.text(ctx.text).to_string();
    Some(Subject {
        key: subject_key(ctx, &text),
        text,
    })
}

/// What a generic word at token `at` refers to: the nearest acronym or named thing before it,
/// within a few sentences; failing that, an acronym later in the same sentence.
fn antecedent(ctx: &Context, at: usize, earlier: &[Draft]) -> Option<Subject> {
    let toks = ctx.tokens;
    let sentence = toks[at].sentence;
    let window = ctx.t.rules.thresholds.antecedent_sentences;
    let first_sentence = sentence.saturating_sub(window);
    let begin = ctx.sentences[first_sentence].start;
    let at_byte = toks[at].start;

    // Strong: an acronym or an earlier claim's named subject; the nearest wins.
    let acronym = (begin..at)
        .rev()
        .find_map(|k| entity_at(ctx, k, true).map(|s| (toks[k].start, s)));
    let claimed = earlier
        .iter()
        .rev()
        .filter(|d| {
            d.start < at_byte && d.start >= toks[begin].start && d.kind == ClaimKind::Quantity
        })
        .find_map(|d| {
            d.subject
                .as_ref()
                .filter(|s| s.text.chars().next().is_some_and(char::is_uppercase))
                .map(|s| (d.start, d.phrase_end(), s.clone()))
        });
    // The nearest wins; an acronym inside the earlier claim ("two ZORB ferries") is that
    // claim's subject.
    let strong = match (acronym, claimed) {
        (Some(a), Some(c)) => Some(if a.0 >= c.1 { a.1 } else { c.2 }),
        (a, c) => a.map(|x| x.1).or(c.map(|x| x.2)),
    };
    if strong.is_some() {
        return strong;
    }
    // Later in the same sentence: "the 12 delivered earlier, the four HIMARS systems".
    let end = ctx.sentences[sentence].end;
    if let Some(s) = (at + 1..end).find_map(|k| entity_at(ctx, k, true)) {
        return Some(s);
    }
    (begin..at).rev().find_map(|k| entity_at(ctx, k, false))
}

#[cfg(test)]
mod tests {

    use super::super::tests::{check, q};

    #[test]
    fn names_in_the_phrase_and_renamings_are_subjects() {
        check(
            "The state bought three heavy amphibious rescue vehicles known as ARGOs.",
            &[q(
                "three",
                Some(3.0),
                Some(3.0),
                "count",
                Some("argo"),
                "count",
            )],
        );
        check(
            "It sent 10 long-range patrol aircraft (LRPA) north.",
            &[q(
                "10",
                Some(10.0),
                Some(10.0),
                "count",
                Some("lrpa"),
                "count",
            )],
        );
        check(
            "The army ordered 300 Ajax armoured vehicles.",
            &[q(
                "300",
                Some(300.0),
                Some(300.0),
                "count",
                Some("ajax"),
                "count",
            )],
        );
    }

    #[test]
    fn generic_words_refer_back_to_the_named_thing() {
        check(
            "The port ordered KALMAR cranes last spring. The two systems arrive in May.",
            &[q(
                "two",
                Some(2.0),
                Some(2.0),
                "count",
                Some("kalmar"),
                "count",
            )],
        );
        check(
            "The agency will expedite its LIDAR scanners, and a first batch of two is due soon.",
            &[q(
                "two",
                Some(2.0),
                Some(2.0),
                "count",
                Some("lidar"),
                "count",
            )],
        );
    }
}
