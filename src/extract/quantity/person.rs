//! The person an age is of, found from the words around it: names before and after the figure,
//! kin nouns, appositions, "identified as", and the role a sentence gives the people it names.

use crate::extract::document::Context;
use crate::extract::grammar::line_break_before;
use crate::extract::names::{is_quote_mark, name_ending_at, name_near_age};
use crate::extract::tokens::{TokenKind, WordClass};
use crate::model::Subject;

/// A short capitalised word that would be a preposition ("To", "On"), right after the name
/// that ends at `end` and before a comma or a stop, ends that name: "39-year-old Mai Thi To,".
pub(super) fn short_last_name(ctx: &Context, end: usize, mut person: Subject) -> (usize, Subject) {
    let toks = ctx.tokens;
    let short = toks.get(end + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && t.capitalized
            && t.sentence == toks[end].sentence
            && t.lower.len() <= 3
            && ctx.t.c.not_names.contains(&t.lower)
    });
    let closed = toks
        .get(end + 2)
        .is_some_and(|t| t.is_punct(",") || t.is_punct("."));
    if short && closed {
        let first = toks[end].end.saturating_sub(person.text.len());
        if let Some(text) = ctx.text.get(first..toks[end + 1].end) {
            person.text = text.to_string();
            person.key = format!(
                "{} {}",
                person.key,
                ctx.t.rules.fold_word(&toks[end + 1].lower)
            );
            return (end + 1, person);
        }
    }
    (end, person)
}

/// A name suffix set off by a comma after the name that ends at `end` is part of it:
/// "Haywood Whichard, Jr.". Returns the new last token and the person with that text.
pub(super) fn comma_suffix(ctx: &Context, end: usize, mut person: Subject) -> (usize, Subject) {
    let toks = ctx.tokens;
    if toks.get(end + 1).is_some_and(|t| t.is_punct(","))
        && toks
            .get(end + 2)
            .is_some_and(|t| t.class.has(WordClass::NAME_SUFFIX) && t.capitalized)
    {
        let first = toks[end].end.saturating_sub(person.text.len());
        if let Some(text) = ctx.text.get(first..toks[end + 2].end) {
            person.text = text.to_string();
            return (end + 2, person);
        }
    }
    (end, person)
}

/// "Brandon Crawford was 15", "Ann Lee, who is 25,", "The victim, Bo Chu, was also a
/// 15-year-old": the person named right before "was" or "is" in front of the age at token
/// `age`. Returns the token where the name starts.
pub(super) fn name_before_verb(ctx: &Context, age: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let mut k = age.checked_sub(1)?;
    let article = matches!(ctx.lower(k), "a" | "an");
    if article {
        k = k.checked_sub(1)?;
    }
    while matches!(ctx.lower(k), "also" | "only" | "just" | "then") {
        k = k.checked_sub(1)?;
    }
    // "Ann Lee – just 15 years old – was shot": the age set off by a dash after the name.
    let dash = matches!(ctx.lower(k), "—" | "–") || (toks[k].is_punct("-") && toks[k].space_before);
    // Not a dateline: "BOSTON — A 17-year-old".
    let dateline = k >= 1 && !toks[k - 1].text(ctx.text).chars().any(|c| c.is_lowercase());
    if dash && !article && !dateline && k >= 1 && toks[k].sentence == toks[age].sentence {
        return person_before(ctx, k - 1);
    }
    if !matches!(ctx.lower(k), "was" | "is") || k < 2 || toks[k].sentence != toks[age].sentence {
        return None;
    }
    if ctx.lower(k - 1) == "who" && toks[k - 2].is_punct(",") && k >= 3 {
        return person_before(ctx, k - 3);
    }
    if toks[k - 1].is_punct(",") {
        // "The victim, Bo Chu, was 15": the name set off before the verb.
        let (first, person) = person_before(ctx, k - 2)?;
        return (first > 0 && toks[first - 1].is_punct(",")).then_some((first, person));
    }
    person_before(ctx, k - 1)
}

/// Whether an age ending right before token `after` describes a person: a person noun follows
/// ("a 16-year-old Dallas boy"), or the age stands for the person ("a 16-year-old was shot").
pub(super) fn describes_a_person(ctx: &Context, after: usize, sentence: usize) -> bool {
    let toks = ctx.tokens;
    let noun = (after..after + 3).any(|k| {
        toks.get(k).is_some_and(|t| {
            t.sentence == sentence
                && (ctx.t.c.person_nouns.contains(&t.lower)
                    || KIN_NOUNS.contains(&t.lower.as_str()))
                && !t.lower.ends_with('s')
                && !matches!(t.lower.as_str(), "children" | "men" | "women" | "people")
        })
    });
    noun || toks.get(after).is_none_or(|t| {
        t.sentence != sentence
            || matches!(
                t.lower.as_str(),
                "was" | "is" | "who" | "has" | "had" | "died" | "," | "."
            )
    })
}

/// What a sentence tells of a person: being hurt, being held, both, or neither.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Role {
    Victim,
    Suspect,
    Either,
    Neither,
}

/// A person noun's sex and whether it is a child ('m'/'f'/'?', 'c'hild/'a'dult/'?'), and
/// whether it names a relative: "boy" is ('m', 'c'), "mother" ('f', 'a') and kin.
pub(super) fn person_kind(word: &str) -> Option<(char, char, bool)> {
    Some(match word {
        "boy" | "schoolboy" => ('m', 'c', false),
        "girl" | "schoolgirl" => ('f', 'c', false),
        "man" | "gentleman" => ('m', 'a', false),
        "woman" | "lady" => ('f', 'a', false),
        "male" | "he" | "him" => ('m', '?', false),
        "female" | "she" => ('f', '?', false),
        "son" | "stepson" | "grandson" | "nephew" | "brother" | "half-brother" => ('m', '?', true),
        "daughter" | "stepdaughter" | "granddaughter" | "niece" | "sister" | "half-sister" => {
            ('f', '?', true)
        }
        "father" | "stepfather" | "grandfather" | "uncle" | "husband" | "boyfriend" => {
            ('m', 'a', true)
        }
        "mother" | "stepmother" | "grandmother" | "aunt" | "wife" | "girlfriend" => {
            ('f', 'a', true)
        }
        "child" | "kid" | "toddler" | "infant" | "baby" | "teen" | "teenager" | "juvenile"
        | "youth" | "student" => ('?', 'c', false),
        "cousin" | "relative" => ('?', '?', true),
        "victim" | "person" | "individual" | "resident" => ('?', '?', false),
        _ => return None,
    })
}

/// Whether two person nouns can be the same person: "boy" and "teen" can, "boy" and "girl",
/// "girl" and "woman", or "son" and "father" cannot.
fn same_kind(a: (char, char, bool), b: (char, char, bool)) -> bool {
    let fits = |x: char, y: char| x == '?' || y == '?' || x == y;
    fits(a.0, b.0) && fits(a.1, b.1) && !(a.2 && b.2 && a != b)
}

pub(super) fn sentence_role(ctx: &Context, sentence: usize) -> Role {
    let (mut victim, mut suspect) = (false, false);
    for k in ctx.sentences[sentence].clone() {
        match ctx.lower(k) {
            // "was shot", "boy fatally shot" tell of a victim, "shot the teens" of a shooter.
            "shot"
                if !crate::extract::grammar::is_passive(ctx, k)
                    && ctx
                        .tokens
                        .get(k + 1)
                        .is_some_and(|t| t.sentence == sentence)
                    && matches!(
                        ctx.lower(k + 1),
                        "the" | "a" | "an" | "his" | "her" | "their" | "him" | "them" | "at"
                    ) =>
            {
                suspect = true
            }
            "shot" => victim = true,
            "killed" | "died" | "dead" | "wounded" | "injured" | "hurt" | "struck" | "victim"
            | "death" | "slain" | "hospitalized" | "hospital" | "wound" | "wounds" | "gunshot"
            | "surgery" | "condition" | "recovering" | "crossfire" | "pronounced" => victim = true,
            "arrested" | "charged" | "booked" | "accused" | "suspect" | "custody" | "jailed"
            | "indicted" | "sentenced" | "pleaded" | "convicted" | "gunman" | "shooter"
            | "held" | "bond" | "tried" | "court" | "jail" | "suspected" | "charges" => {
                suspect = true
            }
            _ => {}
        }
    }
    match (victim, suspect) {
        (true, false) => Role::Victim,
        (false, true) => Role::Suspect,
        (true, true) => Role::Either,
        (false, false) => Role::Neither,
    }
}

/// The one person sentence `s` tells of, as its subject ("Dale Ruiz was shot", "Police said
/// Dale Ruiz, of Ames, died") or as the name it gives ("identified him as Dale Ruiz", "his name
/// is Dale Ruiz"), when the sentence fits `role`. None when it names no such person or two.
pub(super) fn person_told_of(
    ctx: &Context,
    s: usize,
    role: Role,
    noun: Option<&str>,
) -> Option<(usize, usize, Subject)> {
    let toks = ctx.tokens;
    let range = ctx.sentences.get(s)?.clone();
    // A sentence telling of nobody hurt or held names the person only in so many words
    // ("identified as ...").
    let here = sentence_role(ctx, s);
    if matches!(
        (role, here),
        (Role::Victim, Role::Suspect) | (Role::Suspect, Role::Victim)
    ) {
        return None;
    }
    // Nobody else, and nobody of another kind, told of before the name: "The father,
    // identified as ...", "One of the victims was identified as ...".
    let described = noun.and_then(person_kind);
    let other = |k: usize| {
        let t = &toks[k];
        if t.kind != TokenKind::Word {
            return false;
        }
        if ctx.t.c.person_nouns.contains(&t.lower) && person_kind(&t.lower).is_none() {
            // Many people, or someone on the other side: "victims", "officers", "suspect".
            let many = t.lower.ends_with('s') || matches!(t.lower.as_str(), "men" | "women");
            let side = matches!(
                t.lower.as_str(),
                "suspect" | "gunman" | "shooter" | "officer" | "deputy" | "driver"
            );
            return (many || side) && Some(t.lower.as_str()) != noun;
        }
        match (described, person_kind(&t.lower)) {
            (Some(a), Some(b)) => !same_kind(a, b),
            _ => false,
        }
    };
    let mut told: Option<(usize, usize, Subject)> = None;
    let mut k = range.start;
    while k < range.end {
        let Some((end, person)) = crate::extract::names::person_name_at(ctx, k) else {
            k += 1;
            continue;
        };
        let before = k.checked_sub(1).filter(|&b| b >= range.start);
        let titled = before.is_some_and(|b| {
            toks[b].class.has(WordClass::TITLE) || (toks[b].capitalized && toks[b].is_word())
        });
        let named = before.is_some_and(|b| {
            ctx.lower(b) == "as"
                && (range.start..b).any(|j| {
                    matches!(
                        ctx.lower(j),
                        "identified" | "identifies" | "identify" | "named"
                    )
                })
                || (matches!(ctx.lower(b), "is" | "was")
                    && (range.start..b).any(|j| ctx.lower(j) == "name"))
        });
        // "The coroner says the infant, NAME, was shot": the person set off after a noun for
        // the one described.
        let apposed = before.is_some_and(|b| {
            toks[b].is_punct(",")
                && b > range.start
                && match (described, person_kind(ctx.lower(b - 1))) {
                    (Some(a), Some(p)) => same_kind(a, p),
                    (_, Some(_)) => true,
                    // "The employee, NAME,": a noun for what the person was doing there.
                    (_, None) => matches!(
                        ctx.lower(b - 1),
                        "employee"
                            | "worker"
                            | "customer"
                            | "passenger"
                            | "patient"
                            | "pedestrian"
                            | "bystander"
                            | "occupant"
                    ),
                }
        });
        let opens = before.is_none_or(|b| {
            matches!(
                ctx.lower(b),
                "said" | "say" | "says" | "that" | "against" | "\"" | "“" | ","
            ) || toks[b].kind == TokenKind::Punct && b == range.start
        });
        // Past an apposition: "Dale Ruiz, of Ames, was ...", "Dale Ruiz of Ames underwent ...".
        let mut v = end + 1;
        if toks.get(v).is_some_and(|t| t.is_punct(",")) {
            if let Some(close) = (v + 1..(v + 16).min(range.end)).find(|&j| toks[j].is_punct(",")) {
                v = close + 1;
            }
        } else if ctx.lower(v) == "of" {
            v += 1;
            while toks
                .get(v)
                .is_some_and(|t| t.capitalized && t.sentence == s)
            {
                v += 1;
            }
        }
        while matches!(ctx.lower(v), "allegedly" | "reportedly" | "also" | "then") {
            v += 1;
        }
        let acts = matches!(
            ctx.lower(v),
            "was"
                | "is"
                | "has"
                | "had"
                | "remains"
                | "remained"
                | "died"
                | "faces"
                | "will"
                | "underwent"
                | "suffered"
                | "sustained"
                | "shot"
                | "fired"
                | "killed"
        );
        if (range.start..k).any(other) {
            return None;
        }
        if !titled && (named || apposed || (opens && acts && here != Role::Neither)) {
            if told.as_ref().is_some_and(|(_, _, p)| p.key != person.key) {
                return None;
            }
            told.get_or_insert((k, end, person));
        }
        k = end + 1;
    }
    told
}

/// "... identified as Seth Easley", "... was named as Ann Lee": the person a described figure
/// turns out to be, named later in the same sentence. (The next sentence may name another
/// person: "... the 23-year-old security guard fired. The man killed was identified as ...")
pub(super) fn identified_as(ctx: &Context, from: usize) -> Option<Subject> {
    let toks = ctx.tokens;
    let sentence = toks.get(from)?.sentence;
    let begin = ctx.sentences[sentence].start;
    // "identified" or "named" earlier in the sentence, or after the figure.
    let naming_word = |k: usize| {
        matches!(
            ctx.lower(k),
            "identified" | "named" | "identify" | "identifies"
        )
    };
    let mut naming = (begin..from).any(naming_word);
    let mut k = from;
    while k + 1 < toks.len() && k < from + 25 && toks[k].sentence == sentence {
        if naming_word(k) {
            naming = true;
        }
        if naming && ctx.lower(k) == "as" {
            let mut n = k + 1;
            while matches!(ctx.lower(n), "the" | "victim") {
                n += 1;
            }
            if let Some((_, person)) = crate::extract::names::person_name_at(ctx, n) {
                return Some(person);
            }
        }
        k += 1;
    }
    None
}

/// "girl, Dalis Cox": a name set off by a comma after a short noun phrase that starts at `i`.
pub(super) fn name_after_noun(ctx: &Context, i: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let sentence = toks.get(i)?.sentence;
    let mut k = i;
    while k < i + 3
        && toks
            .get(k)
            .is_some_and(|t| t.sentence == sentence && t.kind == TokenKind::Word && !t.capitalized)
    {
        k += 1;
    }
    if k == i {
        return None;
    }
    if toks.get(k).is_some_and(|t| t.is_punct(",")) {
        return crate::extract::names::person_name_at(ctx, k + 1);
    }
    // "his 42-year-old wife Min Huang": a name right after the person noun.
    let noun = ctx.lower(k - 1);
    if ctx.t.c.person_nouns.contains(noun) || KIN_NOUNS.contains(&noun) {
        return crate::extract::names::person_name_at(ctx, k);
    }
    None
}

/// Kin and companions a person is described as, besides the lexicon's person nouns: "his
/// 8-year-old cousin Tristan Howard".
pub(super) const KIN_NOUNS: &[&str] = &[
    "cousin",
    "nephew",
    "niece",
    "stepson",
    "stepdaughter",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "girlfriend",
    "boyfriend",
    "fiance",
    "fiancee",
    "fiancé",
    "fiancée",
    "uncle",
    "aunt",
    "stepfather",
    "stepmother",
    "half-brother",
    "half-sister",
    "sibling",
    "classmate",
    "roommate",
    "partner",
];

/// "Jesus Javier Paez, a 22-year-old": a name ending right before ", a" or ", the" in front of
/// the age. Returns the token where the name starts.
pub(super) fn name_before_article(ctx: &Context, age: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    if age < 3 || !matches!(ctx.lower(age - 1), "a" | "an" | "the") || !toks[age - 2].is_punct(",")
    {
        return None;
    }
    let end = age - 3;
    let first = end.saturating_sub(4);
    (first..=end)
        .find_map(|s| {
            let (e, person) = crate::extract::names::person_name_at(ctx, s)?;
            (e == end).then_some((s, person))
        })
        .or_else(|| {
            (first..end).find_map(|s| {
                let (e, person) = name_near_age(ctx, s)?;
                (e == end).then_some((s, person))
            })
        })
}

/// Whether token `k` may follow an age set off after a name: a comma, a stop, a dash, the end
/// of the sentence or line ("... and James Wallace, 28" closing a list), or a word that goes on
/// with the sentence ("Ann Lee, 26 was", "both 31 and of Jackson").
pub(super) fn closes_apposition(ctx: &Context, k: usize) -> bool {
    let toks = ctx.tokens;
    let Some(t) = toks.get(k) else { return true };
    if k == 0 || t.sentence != toks[k - 1].sentence || line_break_before(ctx, k) {
        return true;
    }
    match t.kind {
        TokenKind::Punct => {
            matches!(
                t.lower.as_str(),
                "," | "." | ";" | ":" | "—" | "–" | "(" | ")"
            ) || (t.lower == "-" && t.space_before)
        }
        TokenKind::Word => matches!(
            t.lower.as_str(),
            "and" | "was" | "is" | "of" | "who" | "had" | "has"
        ),
        _ => false,
    }
}

/// The person named by the words ending at token `end`, with what may follow a name there: an
/// alias ("Tony Coburn, aka Blue") or a suffix after a comma ("Haywood Whichard, Jr."). Returns
/// the token where the name starts.
pub(super) fn person_before(ctx: &Context, end: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    // "Tony Coburn, aka Blue": the name is the one before the alias.
    let mut k = end;
    while k > 0 && end - k < 5 && (toks[k].capitalized || is_quote_mark(&toks[k])) {
        k -= 1;
    }
    if k < end && k >= 2 && matches!(ctx.lower(k), "aka" | "a.k.a." | "alias") {
        if toks[k - 1].is_punct(",") {
            return name_with_suffix(ctx, k - 2);
        }
        return name_with_suffix(ctx, k - 1);
    }
    name_with_suffix(ctx, end)
}

/// [`name_ending_at`], taking in a suffix set off by a comma: "Haywood Whichard, Jr.".
fn name_with_suffix(ctx: &Context, end: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let suffix = toks.get(end)?.class.has(WordClass::NAME_SUFFIX);
    // "Ken Baque’ Jr.": a stray mark of an accent at the end of the surname, before the suffix.
    if suffix
        && end >= 2
        && matches!(toks[end - 1].lower.as_str(), "’" | "'")
        && !toks[end - 1].space_before
        && toks[end - 2].kind == TokenKind::Word
    {
        let (first, mut person) = name_ending_at(ctx, end - 2)?;
        if ctx.text.get(toks[first].start..toks[end - 2].end) == Some(person.text.as_str()) {
            person.text = ctx.text[toks[first].start..toks[end].end].to_string();
        }
        return Some((first, person));
    }
    if suffix && end >= 2 && toks[end - 1].is_punct(",") {
        let (first, mut person) = name_ending_at(ctx, end - 2)?;
        if ctx.text.get(toks[first].start..toks[end - 2].end) == Some(person.text.as_str()) {
            person.text = ctx.text[toks[first].start..toks[end].end].to_string();
        }
        return Some((first, person));
    }
    name_ending_at(ctx, end)
}

/// [`surname_alone`] for a surname after an age ("the 64-year-old Galde"), where a capitalised
/// word could as well start something else: the earlier name must be written as names are, not
/// in capitals and not the end of a longer run of capitalised words ("Related Coverage Vernon").
pub(super) fn full_name_before(ctx: &Context, k: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let t = &toks[k];
    if !t.capitalized || t.kind != TokenKind::Word || ctx.t.c.not_names.contains(&t.lower) {
        return None;
    }
    (0..k).rev().find_map(|s| {
        let (e, person) = crate::extract::names::person_name_at(ctx, s)?;
        let lone = s == 0 || !(toks[s - 1].capitalized && toks[s - 1].is_word());
        let capitals = !person.text.chars().any(char::is_lowercase);
        let words = person.text.split_whitespace().count();
        (toks[e].lower == t.lower && e < k && lone && !capitals && words <= 4)
            .then_some((k, person))
    })
}
