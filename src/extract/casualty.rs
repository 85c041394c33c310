//! Casualties and other things that happen to people: reads how many people were killed,
//! injured or arrested, the most common figures in news about events.
//!
//! The victim grammar: a trigger from a property with `victims = true` in the rules ("killed",
//! "dead", "wounded", "fatally shot"), and the people it happened to, counted:
//!
//! - before it: "Four people are dead", "two are injured", "A woman was killed" (1),
//!   "three other women and a man injured" (4), "Darin Booker, 13, was killed" (1);
//! - after it, as the object of a verb: "killed four people", "killing two";
//! - as a noun: "two deaths", "no injuries" (0), "the death toll rose to 5";
//! - nobody: "no one was hurt" (0), "no one else was hurt" (an increment of 0).
//!
//! Every such figure is about the event the document reports, so that reports of one event
//! align. When a document gives a figure of two or more, the "a man was killed" kind of
//! statement (one person, no figure) is taken as a detail of it and dropped.

use super::numbers;
use super::tokens::TokenKind;
use super::{Context, Draft};
use crate::model::{ClaimKind, Subject, Value};

/// Words that may stand between the people and what happened to them: "were", "was later
/// pronounced", "shot and".
const BETWEEN: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "also",
    "later",
    "both",
    "all",
    "critically",
    "seriously",
    "severely",
    "reportedly",
    "allegedly",
    "apparently",
    "found",
    "declared",
    "and",
    "shot",
    "stabbed",
    "who",
    "that",
    "which",
    "now",
    "initially",
    "eventually",
    "ultimately",
    "then",
    "each",
    "got",
    "left",
    "tragically",
    "sadly",
    "instantly",
    "immediately",
    "subsequently",
    "since",
    "discovered",
    "listed",
    "taken",
    "remains",
    "remain",
    "remained",
    "still",
    "being",
];

/// People counted, read from tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
struct Victims {
    first: usize,
    last: usize,
    low: Option<f64>,
    high: Option<f64>,
    /// A figure was written ("four people", "one man"); not just "a man" or a name.
    explicit: bool,
    increment: bool,
    /// The tokens of written figures, which the quantity reader must not read again.
    figures: Vec<usize>,
}

/// Every casualty-like figure in the document. Tokens of figures it reads are marked `taken`.
pub fn find_casualties(ctx: &Context, taken: &mut [bool]) -> Vec<Draft> {
    let toks = ctx.tokens;
    let rules = ctx.t.rules;
    let event = document_event(ctx);
    let mut found: Vec<(usize, Victims, usize, usize)> = Vec::new(); // (property, victims, trigger first, trigger last)
    let mut k = 0;
    while k < toks.len() {
        if taken[k] {
            k += 1;
            continue;
        }
        if let Some((len, &prop)) = ctx.t.c.victim_nouns.at(toks, k) {
            if let Some(v) = nominal(ctx, k, len) {
                found.push((prop, v, k, k + len - 1));
            } else if let Some(v) = hurt_with(ctx, k, prop) {
                // "A girl was hospitalized with injuries": the verb has counted her already.
                let counted = found
                    .iter()
                    .any(|(p, _, t, _)| *p == prop && (v.first..k).contains(t));
                if !counted {
                    found.push((prop, v, k, k + len - 1));
                }
            }
            k += len;
            continue;
        }
        let Some((len, &prop)) = ctx.t.c.victim_words.at(toks, k) else {
            k += 1;
            continue;
        };
        let last = k + len - 1;
        let passive = is_passive(ctx, k);
        let after = if passive {
            None
        } else {
            victims_after(ctx, last + 1)
        };
        // Before the trigger only when nothing after it is its object: "Four people are dead",
        // "two injured", but not "The gunman killed himself".
        let v = after.or_else(|| {
            (passive || !has_object(ctx, last + 1))
                .then(|| victims_before(ctx, k))
                .flatten()
                // "three of the victims were shot", "three of the people shot were
                // visitors": a part of those shot, so at least three.
                .map(|v| {
                    // "the remaining two victims were shot in the legs": the rest of a group.
                    let rest = (v.first..=v.last).any(|j| ctx.lower(j) == "remaining");
                    if rest || partitive(ctx, &v, k) {
                        Victims { high: None, ..v }
                    } else {
                        v
                    }
                })
        });
        if let Some(v) = v {
            found.push((prop, v, k, last));
        }
        k = last + 1;
    }

    // One person without a figure is a detail when the document counts two or more.
    let counted: Vec<usize> = found
        .iter()
        .filter(|(_, v, _, _)| v.explicit && v.low.is_some_and(|x| x >= 2.0))
        .map(|(p, ..)| *p)
        .collect();
    found.retain(|(p, v, _, _)| v.explicit || !counted.contains(p));

    // Per phrase: whether it counts no victims of this event (a tally over many events, or a
    // speaker's own relative: "'My brother got shot,' they yelled", "my father died of
    // cancer"), and how many uncounted victims it names ("her unborn baby").
    let marks: Vec<(bool, f64)> = found
        .iter()
        .map(|(_, v, t_first, _)| {
            let of_no_event = tallies_many_events(ctx, toks[*t_first].sentence)
                || (!v.explicit
                    && (v.first.saturating_sub(1)..=v.first)
                        .any(|j| matches!(ctx.lower(j), "my" | "our" | "your")));
            let unborn = (v.first..=v.last)
                .filter(|&k| ctx.t.c.uncounted_victims.contains(ctx.lower(k)))
                .count() as f64;
            (of_no_event, unborn)
        })
        .collect();
    // A bare figure ("the shooting that killed one", "two people died") does not say whom it
    // counts. When the report's only victims of that kind are uncounted ones ("her unborn baby
    // was killed"), the bare figure counts them too.
    let bare = |v: &Victims| {
        (v.first..=v.last)
            .all(|j| v.figures.contains(&j) || matches!(ctx.lower(j), "person" | "people"))
    };
    let mut uncounted: Vec<(usize, f64)> = Vec::new();
    let mut named: Vec<usize> = Vec::new();
    for ((prop, v, _, _), &(of_no_event, unborn)) in found.iter().zip(&marks) {
        if of_no_event {
            continue;
        }
        if unborn > 0.0 {
            match uncounted.iter_mut().find(|(p, _)| p == prop) {
                // The same child is named again and again: the most any phrase names.
                Some((_, n)) => *n = n.max(unborn),
                None => uncounted.push((*prop, unborn)),
            }
        }
        if !bare(v) && v.low.is_some_and(|x| x - unborn >= 1.0) {
            named.push(*prop);
        }
    }

    let mut out = Vec::new();
    for ((prop, mut v, t_first, t_last), (of_no_event, mut unborn)) in found.into_iter().zip(marks)
    {
        if v.figures.iter().any(|&f| taken[f]) {
            continue;
        }
        for &f in &v.figures {
            taken[f] = true;
        }
        // Read, so that no other reader takes the figure, but no figure of this event.
        if of_no_event {
            continue;
        }
        // "his pregnant girlfriend and her unborn baby": one person killed, not two.
        if unborn == 0.0 && bare(&v) && !named.contains(&prop) {
            unborn = uncounted
                .iter()
                .find(|(p, _)| *p == prop)
                .map_or(0.0, |(_, n)| *n);
        }
        if unborn > 0.0 {
            let less = |x: Option<f64>| x.map(|x| x - unborn).filter(|&x| x >= 1.0);
            match (less(v.low), less(v.high)) {
                (Some(low), Some(high)) => (v.low, v.high) = (Some(low), Some(high)),
                _ => continue,
            }
        }
        let Some(rule) = rules.properties.get(prop) else {
            continue;
        };
        let first = v.first.min(t_first);
        let last = v.last.max(t_last);
        let figure = match (v.low, v.high) {
            (Some(a), Some(b)) if a == b => super::quantity::format_number(a),
            (Some(a), Some(b)) => format!(
                "{}–{}",
                super::quantity::format_number(a),
                super::quantity::format_number(b)
            ),
            (Some(a), None) => format!("≥ {}", super::quantity::format_number(a)),
            (None, Some(b)) => format!("≤ {}", super::quantity::format_number(b)),
            (None, None) => "?".to_string(),
        };
        out.push(Draft {
            start: toks[first].start,
            end: toks[last].end,
            kind: ClaimKind::Quantity,
            subject: Some(event.clone()),
            property: rule.name.clone(),
            increment: v.increment,
            modality: crate::model::Modality::Asserted,
            value: Value::Quantity {
                low: v.low,
                high: v.high,
                unit: "count".to_string(),
                approximate: false,
            },
            label: format!("{figure} {}", rule.name),
            definite: false,
            scope: crate::model::Scope::Total,
            doubts: Vec::new(),
        });
    }
    if let Some(injured) = injured_from_shot(ctx, &out) {
        out.push(injured);
    }
    out
}

/// Drops the casualty figures of an earlier event the report recalls: a figure in a clause
/// that hangs off an event introduced as a new one ("there was a homicide in March 2015 where
/// his friend was killed", "an earlier shooting in which two died"), in a sentence with a date
/// more than a month before the report's date `today`. A report names its own event with "the"
/// ("the shooting that killed two") or dates it within days.
pub fn drop_earlier_events(ctx: &Context, drafts: &mut Vec<Draft>, today: jiff::civil::Date) {
    let toks = ctx.tokens;
    let token_at = |offset: usize| toks.partition_point(|t| t.end <= offset);
    let month_before = today.checked_sub(jiff::Span::new().days(31)).ok();
    let old_sentences: Vec<usize> = drafts
        .iter()
        .filter_map(|d| match &d.value {
            Value::Date(value) => {
                let (_, last) = super::relative::days_of(value, today)?;
                let sentence = toks.get(token_at(d.start))?.sentence;
                month_before.is_some_and(|m| last < m).then_some(sentence)
            }
            _ => None,
        })
        .collect();
    if old_sentences.is_empty() {
        return;
    }
    let victims = |property: &str| {
        ctx.t
            .rules
            .properties
            .iter()
            .any(|p| p.victims && p.name == property)
    };
    drafts.retain(|d| {
        if d.kind != ClaimKind::Quantity || !victims(&d.property) {
            return true;
        }
        let first = token_at(d.start);
        let Some(sentence) = toks.get(first).map(|t| t.sentence) else {
            return true;
        };
        !(old_sentences.contains(&sentence) && recalls_new_event(ctx, first))
    });
}

/// Whether the clause holding token `k` hangs off an event introduced as a new one: "a
/// homicide ... where", "another shooting in which", "an earlier crash, when".
fn recalls_new_event(ctx: &Context, k: usize) -> bool {
    let sentence_start = ctx.sentences[ctx.tokens[k].sentence].start;
    let Some(joint) = (sentence_start..k).rev().find(|&j| match ctx.lower(j) {
        "where" | "when" => true,
        "which" => matches!(ctx.lower(j.wrapping_sub(1)), "in" | "during"),
        _ => false,
    }) else {
        return false;
    };
    (joint.saturating_sub(10).max(sentence_start + 1)..joint).any(|e| {
        ctx.t.c.events.at(ctx.tokens, e).is_some()
            && (e.saturating_sub(2).max(sentence_start)..e)
                .any(|j| matches!(ctx.lower(j), "a" | "an" | "another"))
    })
}

/// Whether `v`, before the verb at `trigger`, is a part of a group: "three of the people
/// shot", "three of the victims were shot". Not with a verb that tells who of the group died:
/// "one of the victims died" counts the dead.
fn partitive(ctx: &Context, v: &Victims, trigger: usize) -> bool {
    v.figures.first() == Some(&v.first)
        && v.figures.last().is_some_and(|&f| {
            ctx.lower(f + 1) == "of" && matches!(ctx.lower(f + 2), "the" | "those" | "these")
        })
        && !matches!(ctx.lower(trigger), "died" | "dies" | "dead" | "perished")
}

/// Whether sentence `s` tallies many events: a phrase from the rules' `tallies` ("across the
/// city") or a figure of two or more before a plural event word ("in seven separate
/// shootings").
fn tallies_many_events(ctx: &Context, s: usize) -> bool {
    let Some(range) = ctx.sentences.get(s) else {
        return false;
    };
    let range = range.start..range.end.min(ctx.tokens.len());
    range.clone().any(|k| {
        if ctx.t.c.tallies.at(ctx.tokens, k).is_some() {
            return true;
        }
        let plural_event = ctx.t.c.events.at(ctx.tokens, k).is_some()
            && ctx.lower(k).ends_with('s')
            && !ctx.tok_text(k).ends_with(['\'', '’']);
        plural_event
            && (k.saturating_sub(2).max(range.start)..k).any(|j| {
                numbers::number_at(ctx.tokens, j, ctx.text, ctx.t)
                    // Not a year: "the 1967 slayings of two women".
                    .is_some_and(|m| {
                        m.last < k && m.low.is_some_and(|x| (2.0..1000.0).contains(&x))
                    })
            })
    })
}

/// The injured a report implies without saying: people shot less people killed ("He shot two
/// people, one of whom died": one injured). Only when the report gives one figure for each and
/// says nothing of the injured itself.
fn injured_from_shot(ctx: &Context, drafts: &[Draft]) -> Option<Draft> {
    let exact = |prop: &str| -> Vec<(f64, &Draft)> {
        drafts
            .iter()
            .filter(|d| d.property == prop && !d.increment)
            .filter_map(|d| match d.value {
                Value::Quantity {
                    low: Some(l),
                    high: Some(h),
                    ..
                } if l == h => Some((l, d)),
                _ => None,
            })
            .collect()
    };
    let distinct = |v: &[(f64, &Draft)]| {
        let mut xs: Vec<f64> = v.iter().map(|x| x.0).collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup();
        xs
    };
    let shot = exact("shot");
    let killed = exact("killed");
    if drafts.iter().any(|d| d.property == "injured")
        || distinct(&shot).len() != 1
        || distinct(&killed).len() > 1
    {
        return None;
    }
    // Without a killed figure, silence about deaths is too weak a sign that nobody died
    // ("Teen shot" over a report of a death the reader could not count).
    let dead = *distinct(&killed).first()?;
    // Only a positive difference says something: when as many were shot as killed, the
    // injured may simply not be counted in the same sentence.
    let (n, d) = shot[0];
    // "Man killed, 3 other shot": the figure leaves the dead out already.
    let other = |d: &Draft| {
        ctx.text[d.start..d.end]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("other") || w.eq_ignore_ascii_case("others"))
    };
    let (hurt, shot_label) = if shot.iter().all(|(_, d)| other(d)) {
        (n, "other shot")
    } else {
        (n - dead, "shot")
    };
    if hurt < 1.0 {
        return None;
    }
    let fmt = super::quantity::format_number;
    Some(Draft {
        property: "injured".to_string(),
        value: Value::Quantity {
            low: Some(hurt),
            high: Some(hurt),
            unit: "count".to_string(),
            approximate: false,
        },
        label: format!(
            "{} injured ({} {shot_label}, {} killed)",
            fmt(hurt),
            fmt(n),
            fmt(dead)
        ),
        ..d.clone()
    })
}

/// Whether the verb at `k` is a participle after a form of "be": "was shot", "was also shot",
/// "were reportedly killed".
pub(super) fn is_passive(ctx: &Context, k: usize) -> bool {
    (k.saturating_sub(3)..k)
        .rev()
        .find(|&j| !is_adverb(ctx.lower(j)))
        .is_some_and(|j| is_be(ctx.lower(j)))
}

/// Words that may stand between "was" and its participle: "was also shot".
fn is_adverb(word: &str) -> bool {
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

fn is_be(word: &str) -> bool {
    matches!(
        word,
        "was" | "were" | "is" | "are" | "been" | "being" | "be"
    )
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

/// "two deaths", "no injuries", "no other injuries", "the death toll rose to 5".
fn nominal(ctx: &Context, k: usize, len: usize) -> Option<Victims> {
    let toks = ctx.tokens;
    let sentence = toks[k].sentence;
    // A figure right before: "two deaths", "3 injuries", "no (other) injuries".
    let mut j = k;
    let mut increment = false;
    if j > 0
        && matches!(
            ctx.lower(j - 1),
            "other" | "more" | "further" | "additional"
        )
    {
        increment = true;
        j -= 1;
    }
    if j > 0 && toks[j - 1].sentence == sentence {
        if matches!(ctx.lower(j - 1), "no" | "zero") {
            return Some(Victims {
                first: j - 1,
                last: k + len - 1,
                low: Some(0.0),
                high: Some(0.0),
                explicit: true,
                increment,
                figures: vec![],
            });
        }
        if let Some(v) = figure_ending_at(ctx, j - 1) {
            return Some(Victims {
                last: k + len - 1,
                increment: increment || v.increment,
                ..v
            });
        }
    }
    // "the death toll rose to 5", "death toll of 12": only through a linking word.
    let mut p = k + len;
    while p < toks.len()
        && p < k + len + 4
        && toks[p].sentence == sentence
        && matches!(
            ctx.lower(p),
            "rose"
                | "climbed"
                | "increased"
                | "reached"
                | "stood"
                | "stands"
                | "is"
                | "was"
                | "to"
                | "at"
                | "of"
                | "now"
                | "has"
                | "had"
        )
    {
        p += 1;
    }
    if p > k + len
        && p < toks.len()
        && toks[p].sentence == sentence
        && let Some(m) = numbers::number_at(toks, p, ctx.text, ctx.t)
    {
        return Some(Victims {
            first: k,
            last: m.last,
            low: m.low,
            high: m.high,
            explicit: true,
            increment: false,
            figures: (m.first..=m.last).collect(),
        });
    }
    None
}

/// One person brought somewhere "with injuries": "She was taken to the hospital with
/// non-life-threatening injuries", "He was hospitalized with serious injuries". The person is
/// the sentence's subject before its first "was" (a pronoun, "a man", a name); the sentence
/// must tell of no death ("... with injuries, where he died" counts the dead elsewhere).
fn hurt_with(ctx: &Context, noun: usize, prop: usize) -> Option<Victims> {
    let toks = ctx.tokens;
    let rules = ctx.t.rules;
    if rules.properties.get(prop)?.name != "injured" {
        return None;
    }
    let sentence = toks[noun].sentence;
    let range = ctx.sentences.get(sentence)?.clone();
    // "with" and at most four words describing the injuries.
    let with = (noun.saturating_sub(5)..noun)
        .rev()
        .find(|&j| j >= range.start && ctx.lower(j) == "with")?;
    let describing_only =
        (with + 1..noun).all(|j| toks[j].kind == TokenKind::Word || toks[j].is_punct("-"));
    if !describing_only {
        return None;
    }
    // One person: "was", never "were" ("Ms Reed and her daughter were found with injuries").
    let be = (range.start..with).find(|&j| is_be(ctx.lower(j)))?;
    if be == range.start || !matches!(ctx.lower(be), "was" | "is") {
        return None;
    }
    let died = range.clone().any(|j| {
        let by_word = ctx.t.c.victim_words.at(toks, j);
        let by_noun = ctx.t.c.victim_nouns.at(toks, j);
        by_word
            .or(by_noun)
            .and_then(|(_, &p)| rules.properties.get(p))
            .is_some_and(|r| r.name == "killed")
    });
    if died {
        return None;
    }
    let one = Victims {
        first: range.start,
        last: noun,
        low: Some(1.0),
        high: Some(1.0),
        explicit: false,
        increment: false,
        figures: vec![],
    };
    if be == range.start + 1 && matches!(ctx.lower(range.start), "he" | "she") {
        return Some(one);
    }
    let v = count_people(ctx, range.start, be - 1)?;
    (v.low == Some(1.0) && v.high == Some(1.0)).then_some(Victims { last: noun, ..v })
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

/// A figure whose last token is `end`: "two", "at least 5".
fn figure_ending_at(ctx: &Context, end: usize) -> Option<Victims> {
    let toks = ctx.tokens;
    for start in end.saturating_sub(4)..=end {
        if let Some(m) = numbers::number_at(toks, start, ctx.text, ctx.t)
            && m.last == end
            && m.compound.is_none()
            && m.attached_unit.is_none()
        {
            let (first, low, high) = hedge(ctx, start, m.low, m.high);
            return Some(Victims {
                first,
                last: end,
                low,
                high,
                explicit: true,
                increment: false,
                figures: (m.first..=m.last).collect(),
            });
        }
    }
    None
}

/// A hedge before a figure ("at least 5", "more than 20") widens it.
fn hedge(
    ctx: &Context,
    start: usize,
    low: Option<f64>,
    high: Option<f64>,
) -> (usize, Option<f64>, Option<f64>) {
    use crate::rules::IntervalShape;
    if let Some((len, &q)) = ctx.t.c.qualifiers_before.ending_before(ctx.tokens, start)
        && let Some(rule) = ctx.t.rules.qualifiers.get(q)
    {
        let band = rule.band.unwrap_or(ctx.t.rules.thresholds.band);
        let shaped = match rule.interval {
            IntervalShape::Above => (low, None),
            IntervalShape::Below => (None, high),
            IntervalShape::Around => (
                low.map(|v| (v * (1.0 - band)).round()),
                high.map(|v| (v * (1.0 + band)).round()),
            ),
            IntervalShape::Nearly => (low.map(|v| (v * (1.0 - band)).round()), high),
            IntervalShape::JustOver => (low, high.map(|v| (v * (1.0 + band)).round())),
            IntervalShape::Exactly => (low, high),
        };
        return (start - len, shaped.0, shaped.1);
    }
    (start, low, high)
}

/// The people before a trigger: "Four people are dead", "A woman was killed", "three other
/// women and a man injured", "The four people who were killed".
fn victims_before(ctx: &Context, trigger: usize) -> Option<Victims> {
    let toks = ctx.tokens;
    let sentence = toks[trigger].sentence;
    let mut j = trigger;
    let mut skipped = 0;
    loop {
        while j > 0
            && toks[j - 1].sentence == sentence
            && skipped < 5
            && BETWEEN.contains(&ctx.lower(j - 1))
        {
            j -= 1;
            skipped += 1;
        }
        // A place between the people and the verb: "A baby in Indiana died".
        let mut p = j;
        while p > 0 && j - p < 3 && toks[p - 1].capitalized && toks[p - 1].kind == TokenKind::Word {
            p -= 1;
        }
        if p < j
            && p > 0
            && toks[p - 1].sentence == sentence
            && matches!(ctx.lower(p - 1), "in" | "at" | "from" | "near" | "of")
        {
            j = p - 1;
            continue;
        }
        break;
    }
    if j == 0 || toks[j - 1].sentence != sentence {
        return None;
    }
    let end = j - 1;
    // Walk back over the noun phrase (and coordinated ones).
    let mut start = end;
    let mut steps = 0;
    // It ends where another casualty phrase does: "a woman was shot to death and four others
    // were injured".
    while start > 0
        && toks[start - 1].sentence == sentence
        && steps < 16
        && np_token(ctx, start - 1)
        && ctx.t.c.victim_words.ending_before(toks, start).is_none()
        && !super::quantity::line_break_before(ctx, start)
    {
        start -= 1;
        steps += 1;
    }
    // Drop leading joiners.
    while start <= end && matches!(ctx.lower(start), "and" | "," | "of") {
        start += 1;
    }
    if start > end {
        return None;
    }
    // "two people, one of whom died": only the relative clause's people.
    if let Some(w) = (start..=end).rev().find(|&k| ctx.lower(k) == "whom") {
        start = (start..w)
            .rev()
            .find(|&k| toks[k].is_punct(","))
            .map_or(start, |c| c + 1);
    }
    // The words found are the object of a preposition ("A child under the age of 10 was
    // killed"): the people are further back, and are not read.
    if start > 0
        && toks[start - 1].sentence == sentence
        && matches!(
            ctx.lower(start - 1),
            "of" | "under"
                | "over"
                | "than"
                | "at"
                | "in"
                | "on"
                | "by"
                | "with"
                | "from"
                | "to"
                | "for"
                | "near"
                | "after"
                | "before"
                | "during"
                | "age"
                | "aged"
        )
    {
        return None;
    }
    count_people(ctx, start, end)
}

/// The people after a verb: "killed four people", "killing two", "injured a 9-month-old".
fn victims_after(ctx: &Context, from: usize) -> Option<Victims> {
    let toks = ctx.tokens;
    let sentence = toks.get(from.checked_sub(1)?)?.sentence;
    // The object comes right after the verb: "killed four", not "died and 16 were wounded".
    if toks
        .get(from)
        .is_none_or(|t| t.sentence != sentence || t.kind == TokenKind::Punct)
        || matches!(ctx.lower(from), "and" | "or" | "of" | "but")
    {
        return None;
    }
    let mut end = from;
    let mut steps = 0;
    // An object has no commas: "shot two people, one of whom died" ends at the comma. But
    // an age and a name set off after a person ("his wife, 31-year-old Lesly Paredes") name
    // that person.
    let apposition = |comma: usize| {
        ctx.t.c.person_nouns.contains(ctx.lower(comma - 1)) && age_and_name_at(ctx, comma + 1)
    };
    while end + 1 < toks.len()
        && toks[end + 1].sentence == sentence
        && steps < 16
        && np_token(ctx, end + 1)
        && (!toks[end + 1].is_punct(",") || apposition(end + 1))
        && !super::quantity::line_break_before(ctx, end + 1)
    {
        end += 1;
        steps += 1;
    }
    if !np_token(ctx, from) {
        return None;
    }
    // Trailing joiners belong to the next clause.
    while end > from && matches!(ctx.lower(end), "and" | "," | "of" | "the" | "a" | "an") {
        end -= 1;
    }
    // "shot five times" counts shots, not people.
    if (from..=end.min(from + 2)).any(|j| matches!(ctx.lower(j), "times" | "time")) {
        return None;
    }
    // Try the longest run of items first, then shorter ones ("killing two and injuring three"
    // stops at "injuring" anyway).
    count_people(ctx, from, end)
}

/// Whether token `k` can be part of a phrase naming people.
fn np_token(ctx: &Context, k: usize) -> bool {
    let t = &ctx.tokens[k];
    let c = &ctx.t.c;
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Mixed => true,
        TokenKind::Punct => t.lower == ",",
        TokenKind::Word => {
            let w = t.lower.as_str();
            if ctx.t.c.victim_words.at(ctx.tokens, k).is_some()
                || ctx.t.c.victim_nouns.at(ctx.tokens, k).is_some()
            {
                return false;
            }
            // Verbs before the people end them: "the collapse leaves two dead".
            if matches!(
                w,
                "leaves"
                    | "left"
                    | "leaving"
                    | "claimed"
                    | "claims"
                    | "said"
                    | "says"
                    | "reported"
                    | "reports"
            ) {
                return false;
            }
            // Times end the people: "injured three of her family members Thursday afternoon".
            if matches!(
                w,
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "overnight"
                    | "earlier"
                    | "later"
            ) {
                return false;
            }
            let next = ctx.lower(k + 1);
            if w == "at" {
                return next == "least" || next == "most";
            }
            if w == "of" {
                return matches!(
                    next,
                    "the" | "them" | "those" | "his" | "her" | "their" | "whom"
                );
            }
            if matches!(
                w,
                "a" | "an"
                    | "the"
                    | "and"
                    | "one"
                    | "another"
                    | "other"
                    | "others"
                    | "no"
                    | "least"
                    | "most"
                    | "more"
                    | "than"
                    | "about"
                    | "nearly"
                    | "some"
                    | "two"
                    | "both"
                    | "all"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "else"
                    | "nobody"
                    | "none"
            ) {
                return true;
            }
            if c.stop_words.contains(w) {
                return false;
            }
            if !t.capitalized
                && (w.ends_with("ed") || w.ends_with("ing"))
                && !c.person_nouns.contains(w)
            {
                return false;
            }
            true
        }
    }
}

/// Counts the people named in tokens `first..=last`: items joined by "and" and commas, each a
/// figure with or without a noun for people ("four people", "two"), one person ("a man", "the
/// victim", "Darin Booker, 13"), or nobody ("no one").
fn count_people(ctx: &Context, first: usize, last: usize) -> Option<Victims> {
    let toks = ctx.tokens;
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut s = first;
    let mut k = first;
    while k <= last + 1 {
        // An age between commas ("Darin Booker, 13, was") belongs to the name before it.
        if k <= last && toks[k].is_punct(",") && age_apposition(ctx, k) {
            if s < k {
                items.push((s, k - 1));
            }
            k += 3;
            s = k;
            continue;
        }
        let boundary = k > last || ctx.lower(k) == "and" || toks[k].is_punct(",");
        if boundary {
            if s < k {
                items.push((s, k - 1));
            }
            s = k + 1;
        }
        k += 1;
    }
    if items.is_empty() {
        return None;
    }
    let mut total = Victims {
        first: items[0].0,
        last: items[items.len() - 1].1,
        low: Some(0.0),
        high: Some(0.0),
        explicit: false,
        increment: false,
        figures: Vec::new(),
    };
    // "A 3-year-old girl, Dalis Cox, was killed": a name after a comma names the person just
    // described; it is not another person.
    // Names set off after people name those people; they are not more people: "their two
    // daughters, 4-year-old Kaleigh Green and 6-year-old Koi Green", "his wife, 31-year-old
    // Lesly Paredes and 36-year-old Maria Paredes-Paz" (his wife is Lesly; Maria is another).
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut namable = 0usize;
    for &(a, b) in &items {
        let start = if age_and_name_at(ctx, a) { a + 1 } else { a };
        let set_off =
            start > 0 && (toks[start - 1].is_punct(",") || age_and_name_at(ctx, start - 1));
        let name = (start..=b).all(|k| {
            toks[k].capitalized
                && !ctx.t.c.person_nouns.contains(ctx.lower(k))
                && !ctx.t.rules.number_words.contains_key(ctx.lower(k))
                && ctx.lower(k) != "one"
        });
        if set_off && name && namable > 0 {
            namable -= 1;
            continue;
        }
        namable = if ctx.t.c.person_nouns.contains(ctx.lower(b)) {
            count_item(ctx, a, b)
                .and_then(|v| v.low)
                .map_or(0, |n| n.max(0.0) as usize)
        } else {
            0
        };
        kept.push((a, b));
    }
    let items = kept;
    let n_items = items.len();
    let mut counted = 0;
    for (pos, &(a, b)) in items.iter().enumerate() {
        let Some(v) = count_item(ctx, a, b) else {
            // Words before the people ("Police said the ...") may be read as an item: only a
            // failure after the first item that counts is fatal.
            if counted == 0 && pos + 1 < n_items {
                total.first = b + 1;
                continue;
            }
            return None;
        };
        counted += 1;
        total.low = match (total.low, v.low) {
            (Some(x), Some(y)) => Some(x + y),
            _ => None,
        };
        total.high = match (total.high, v.high) {
            (Some(x), Some(y)) => Some(x + y),
            _ => None,
        };
        total.explicit |= v.explicit;
        total.increment |= v.increment;
        total.figures.extend(v.figures);
    }
    // Victims named one by one ("killing Carlos Garcia-Cerna and Alexy Garcia") are those the
    // report names, not a count of all: at least that many.
    let named = |&(a, b): &(usize, usize)| {
        (a..=b).all(|k| toks[k].capitalized || toks[k].kind != TokenKind::Word)
            && !ctx.t.c.person_nouns.contains(ctx.lower(b))
    };
    if counted >= 2 && !total.explicit && items.iter().all(named) {
        total.high = None;
    }
    // A skipped leading item leaves its joiner behind: ", and nine people" starts at "nine".
    while total.first < total.last
        && (toks[total.first].kind == TokenKind::Punct || ctx.lower(total.first) == "and")
    {
        total.first += 1;
    }
    (counted > 0).then_some(total)
}

/// "31-year-old Lesly Paredes" at token `k`: an age compound, then a capitalised word.
fn age_and_name_at(ctx: &Context, k: usize) -> bool {
    ctx.lower(k).ends_with("-old")
        && ctx
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.capitalized && t.kind == TokenKind::Word)
}

/// ", 13," after a name.
fn age_apposition(ctx: &Context, comma: usize) -> bool {
    let toks = ctx.tokens;
    toks.get(comma + 1)
        .is_some_and(|t| t.kind == TokenKind::Number)
        && toks.get(comma + 2).is_some_and(|t| t.is_punct(","))
        && comma > 0
        && (toks[comma - 1].capitalized || ctx.t.c.person_nouns.contains(&toks[comma - 1].lower))
}

/// One item of a list of people.
fn count_item(ctx: &Context, a: usize, b: usize) -> Option<Victims> {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    let words: Vec<&str> = (a..=b).map(|k| ctx.lower(k)).collect();
    // "The fourth person injured" is one of them, not a count.
    if words.iter().any(|w| c.ordinals.contains(*w)) {
        return None;
    }
    let head = ctx.lower(b);
    // "a 9-month-old", "an eighth-grader": ages and school grades stand for people.
    let person_head =
        c.person_nouns.contains(head) || head.ends_with("-old") || head.ends_with("grader");
    let single = |explicit: bool, increment: bool| Victims {
        first: a,
        last: b,
        low: Some(1.0),
        high: Some(1.0),
        explicit,
        increment,
        figures: vec![],
    };
    // Nobody: "no one", "nobody", "none", "no one else".
    if matches!(
        words.as_slice(),
        ["no", "one"] | ["nobody"] | ["none"] | ["no", "one", "else"] | ["nobody", "else"]
    ) {
        return Some(Victims {
            first: a,
            last: b,
            low: Some(0.0),
            high: Some(0.0),
            explicit: true,
            increment: words.contains(&"else"),
            figures: vec![],
        });
    }
    // A figure: "four people", "two", "at least 5 others", "three of the victims".
    let mut k = a;
    while k <= b {
        // "aged 91", "both 51": an age, not a count of people.
        if k > 0
            && matches!(ctx.lower(k - 1), "aged" | "age" | "ages" | "both" | "all")
            && toks[k].kind == TokenKind::Number
        {
            return None;
        }
        // "the 17 year old male": an age written apart, not a count; the person is one.
        if matches!(ctx.lower(k + 1), "year" | "years" | "month" | "months")
            && ctx.lower(k + 2) == "old"
        {
            k += 3;
            continue;
        }
        // "a 22 year-old man": half hyphenated, the same.
        if matches!(
            ctx.lower(k + 1),
            "year-old" | "years-old" | "month-old" | "months-old"
        ) {
            k += 2;
            continue;
        }
        if let Some(m) = numbers::number_at(toks, k, ctx.text, ctx.t)
            && m.last <= b
            && m.compound.is_none()
            && m.attached_unit.is_none()
        {
            let rest_ok = (m.last + 1..=b).all(|r| {
                let w = ctx.lower(r);
                matches!(
                    w,
                    "other"
                        | "others"
                        | "more"
                        | "of"
                        | "the"
                        | "them"
                        | "those"
                        | "whom"
                        | "additional"
                        | "her"
                        | "his"
                        | "their"
                        | "its"
                ) || c.person_nouns.contains(w)
                    || (!c.stop_words.contains(w) && toks[r].kind != TokenKind::Number)
            });
            let nounless = m.last == b || matches!(ctx.lower(b), "them" | "those" | "whom");
            if rest_ok && (person_head || nounless) {
                let (first, low, high) = hedge(ctx, m.first, m.low, m.high);
                let increment = (a..m.first).any(|r| matches!(ctx.lower(r), "another"))
                    || (m.last + 1..=b).any(|r| matches!(ctx.lower(r), "more" | "additional"));
                return Some(Victims {
                    first: first.min(a),
                    last: b,
                    low,
                    high,
                    explicit: true,
                    increment,
                    figures: (m.first..=m.last).collect(),
                });
            }
            return None;
        }
        k += 1;
    }
    // One person: "a man", "the victim", "another man", "a 15-year-old boy", an unborn baby.
    if person_head && !is_plural(head) {
        let det = words[0];
        if matches!(
            det,
            "a" | "an" | "the" | "another" | "one" | "his" | "her" | "their"
        ) || toks[a].capitalized
            || a == b
            // A headline drops the article: "shooting that wounded 5, killing unborn baby".
            || c.uncounted_victims.contains(det)
        {
            return Some(single(det == "one", det == "another"));
        }
        return None;
    }
    // A name: "Amiracle Williams", "Darin Booker"; not a name in the possessive, which only
    // introduces the victim ("killed Special-Caijae Houston's (l.) unborn baby").
    let last = ctx.tok_text(b);
    if last.ends_with("'s") || last.ends_with("’s") || last.ends_with(['\'', '’']) {
        return None;
    }
    let capitalized = (a..=b)
        .filter(|&k| toks[k].capitalized && toks[k].kind == TokenKind::Word)
        .count();
    if capitalized >= 2
        && (a..=b).all(|k| toks[k].capitalized || toks[k].kind == TokenKind::Mixed)
        && !(a..=b)
            .any(|k| c.not_names.contains(ctx.lower(k)) || c.jurisdictions.contains(ctx.lower(k)))
    {
        return Some(single(false, false));
    }
    None
}

fn is_plural(word: &str) -> bool {
    matches!(
        word,
        "people" | "men" | "women" | "children" | "others" | "persons" | "kids" | "police"
    ) || (word.ends_with('s') && !word.ends_with("ss") && word.len() > 3)
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{claims, rules};
    use crate::model::Value;

    /// The (property, low, high, increment, text) of every casualty claim in a passage.
    #[track_caller]
    fn check(text: &str, expected: &[(&str, f64, &str)]) {
        let rules = rules();
        let got: Vec<(String, f64, String)> = claims(text, &rules)
            .into_iter()
            .filter(|c| matches!(c.property.as_str(), "killed" | "injured" | "arrested"))
            .filter(|c| !c.increment)
            .map(|c| {
                let Value::Quantity { low, .. } = c.value else {
                    panic!("not a quantity")
                };
                (c.property.clone(), low.unwrap_or(-1.0), c.text.clone())
            })
            .collect();
        let want: Vec<(String, f64, String)> = expected
            .iter()
            .map(|(p, v, t)| (p.to_string(), *v, t.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn people_before_what_happened_to_them() {
        check(
            "Four people are dead and two are injured after the shooting.",
            &[
                ("killed", 4.0, "Four people are dead"),
                ("injured", 2.0, "two are injured"),
            ],
        );
        check(
            "One man is dead and three others injured.",
            &[
                ("killed", 1.0, "One man is dead"),
                ("injured", 3.0, "three others injured"),
            ],
        );
        check(
            "1 dead, 3 critically injured after the shooting",
            &[
                ("killed", 1.0, "1 dead"),
                ("injured", 3.0, "3 critically injured"),
            ],
        );
        check(
            "A woman was killed and three other women and a man injured in the shooting.",
            &[
                ("killed", 1.0, "A woman was killed"),
                ("injured", 4.0, "three other women and a man injured"),
            ],
        );
        check(
            "The four people who were killed lived nearby.",
            &[("killed", 4.0, "The four people who were killed")],
        );
    }

    #[test]
    fn people_after_a_verb() {
        check(
            "The gunman shot and killed four people at the office.",
            &[("killed", 4.0, "shot and killed four people")],
        );
        check(
            "A fight ended killing two and injuring three.",
            &[
                ("killed", 2.0, "killing two"),
                ("injured", 3.0, "injuring three"),
            ],
        );
        check(
            "Police arrested two men on Friday.",
            &[("arrested", 2.0, "arrested two men")],
        );
    }

    #[test]
    fn one_person_without_a_figure() {
        check(
            "Amiracle Williams was killed when gunfire broke out.",
            &[("killed", 1.0, "Amiracle Williams was killed")],
        );
        check(
            "Darin Booker, 13, was killed Sunday night.",
            &[("killed", 1.0, "Darin Booker, 13, was killed")],
        );
        check(
            "A 3-year-old girl was shot and killed in her home.",
            &[("killed", 1.0, "A 3-year-old girl was shot and killed")],
        );
        check(
            "The victim was fatally shot outside a bar.",
            &[("killed", 1.0, "The victim was fatally shot")],
        );
    }

    #[test]
    fn ages_grades_and_places_between() {
        check(
            "A 9-month-old baby in Indiana died Thursday.",
            &[("killed", 1.0, "A 9-month-old baby in Indiana died")],
        );
        check(
            "A 9-month-old was injured in a double shooting.",
            &[("injured", 1.0, "A 9-month-old was injured")],
        );
        check(
            "A Lodi eighth-grader died Friday.",
            &[("killed", 1.0, "A Lodi eighth-grader died")],
        );
    }

    #[test]
    fn a_name_in_apposition_is_the_same_person() {
        check(
            "A 3-year-old girl, Dalis Cox, was shot and killed Wednesday.",
            &[(
                "killed",
                1.0,
                "A 3-year-old girl, Dalis Cox, was shot and killed",
            )],
        );
    }

    #[test]
    fn the_span_starts_at_the_people() {
        check(
            "Two people died after the bridge collapsed, and nine people were injured.",
            &[
                ("killed", 2.0, "Two people died"),
                ("injured", 9.0, "nine people were injured"),
            ],
        );
    }

    #[test]
    fn a_link_to_another_story_inside_the_body_states_nothing() {
        check(
            "Three people were killed in the shooting on Monday, police said.\n86 Sick, 7 Dead in Largest Outbreak of Legionnaires\nThe gunman fled.",
            &[("killed", 3.0, "Three people were killed")],
        );
    }

    #[test]
    fn an_age_written_apart_is_no_count() {
        check(
            "Police said the 17 year old male had been killed.",
            &[("killed", 1.0, "the 17 year old male had been killed")],
        );
    }

    #[test]
    fn nobody_and_nouns() {
        check(
            "No one was hurt in the blast.",
            &[("injured", 0.0, "No one was hurt")],
        );
        check(
            "The crash caused two deaths.",
            &[("killed", 2.0, "two deaths")],
        );
        check(
            "No injuries were reported.",
            &[("injured", 0.0, "No injuries")],
        );
    }

    #[test]
    fn a_single_person_is_a_detail_when_the_report_counts_more() {
        check(
            "Three people were killed on Friday. Among them, Ann Lee was killed in the doorway.",
            &[("killed", 3.0, "Three people were killed")],
        );
    }

    #[test]
    fn the_injured_are_those_shot_who_did_not_die() {
        check(
            "He shot two people, one of whom died.",
            &[
                ("injured", 1.0, "shot two people"),
                ("killed", 1.0, "one of whom died"),
            ],
        );
        // Without a killed figure, the injured are not inferred: the report may tell of a
        // death in words the reader does not count.
        check("A woman was shot in the leg on Tuesday.", &[]);
        check(
            "The gunman killed a girl and injured three of her family members Thursday afternoon.",
            &[
                ("killed", 1.0, "killed a girl"),
                ("injured", 3.0, "injured three of her family members"),
            ],
        );
        // A death the reader could not count leaves the injured unknown.
        check(
            "A man was shot on Tuesday and later died at the hospital.",
            &[],
        );
    }

    #[test]
    fn those_shot_besides_the_dead_are_the_injured() {
        // "other" leaves the dead out already: four shot and one dead is four injured here.
        check(
            "Police said one woman is dead and four other people were shot near the depot.",
            &[
                ("killed", 1.0, "one woman is dead"),
                ("injured", 4.0, "four other people were shot"),
            ],
        );
    }

    #[test]
    fn a_part_of_those_shot_and_shots_fired_count_no_victims() {
        check(
            "Two people died. Officers said two of the people shot were cousins.",
            &[("killed", 2.0, "Two people died")],
        );
        // The verb without a participle still counts: "one of the victims died".
        check(
            "Five people were shot at the rink. One of the victims died on Friday.",
            &[
                ("injured", 4.0, "Five people were shot"),
                ("killed", 1.0, "One of the victims died"),
            ],
        );
        check(
            "One man was killed. A teenager was also shot three times in the arm.",
            &[("killed", 1.0, "One man was killed")],
        );
    }

    #[test]
    fn tallies_of_many_events_are_not_the_reports_figures() {
        check(
            "Four died and 11 were wounded in nine separate shootings over the holiday.",
            &[],
        );
        check(
            "The killing capped a spate of violence that left six people dead this month.",
            &[],
        );
        // A year before a plural event word is no tally: "the 1988 slayings".
        check(
            "Detectives arrested a man in the 1988 slayings of two clerks.",
            &[("arrested", 1.0, "arrested a man")],
        );
    }

    #[test]
    fn an_unborn_child_is_not_counted_among_the_dead() {
        check(
            "The crash killed a pregnant cyclist and her unborn baby.",
            &[(
                "killed",
                1.0,
                "killed a pregnant cyclist and her unborn baby",
            )],
        );
        check("The attack left an unborn child dead.", &[]);
        // A name in the possessive only introduces the victim.
        check("The blast killed Mara Quint's unborn son.", &[]);
        // A bare figure in a report whose only dead are unborn counts them.
        check(
            "Three people were hurt and a woman's unborn child was killed. The crash that killed \
             one and injured three closed the road.",
            &[
                ("injured", 3.0, "Three people were hurt"),
                ("injured", 3.0, "injured three"),
            ],
        );
        // Not when the report names a death of someone born.
        check(
            "One passenger was killed and the driver's unborn child was killed. The crash that \
             killed one closed the road.",
            &[
                ("killed", 1.0, "One passenger was killed"),
                ("killed", 1.0, "killed one"),
            ],
        );
    }

    #[test]
    fn a_figure_of_an_earlier_event_the_report_recalls_is_not_its_own() {
        let casualties = |text: &str| -> Vec<(String, String)> {
            super::super::tests_support::claims_dated("2024-09-06", text, &rules())
                .into_iter()
                .filter(|c| c.property == "killed")
                .map(|c| (c.text, c.label))
                .collect()
        };
        let recalled = "He said there was a stabbing in March 2024 where his cousin was killed.";
        assert_eq!(casualties(recalled), []);
        // The report's own event, dated within the month or named with "the".
        assert_eq!(
            casualties("He said there was a stabbing on Sept. 2 where his cousin was killed."),
            [("his cousin was killed".to_string(), "1 killed".to_string())]
        );
        assert_eq!(
            casualties("He is charged in the March 2024 stabbing in which two people died."),
            [("two people died".to_string(), "2 killed".to_string())]
        );
    }

    #[test]
    fn names_set_off_after_people_are_those_people() {
        check(
            "He injured his brother, 40-year-old Teo Varga and 52-year-old Ilse Marr.",
            &[(
                "injured",
                2.0,
                "injured his brother, 40-year-old Teo Varga and 52-year-old Ilse Marr",
            )],
        );
        check(
            "She killed her two sons, 9-year-old Abel Kerr and 7-year-old Noam Kerr, at home.",
            &[(
                "killed",
                2.0,
                "killed her two sons, 9-year-old Abel Kerr and 7-year-old Noam Kerr",
            )],
        );
        // Victims named one by one are at least that many; the report may count others.
        let rules = rules();
        let named = claims("The gunman killed Abel Kerr and Noam Kerr.", &rules);
        assert!(
            named.iter().any(|c| c.property == "killed"
                && c.value
                    == Value::Quantity {
                        low: Some(2.0),
                        high: None,
                        unit: "count".into(),
                        approximate: false
                    }),
            "{named:?}"
        );
    }

    #[test]
    fn one_casualty_phrase_ends_where_another_begins() {
        check(
            "A clerk was shot to death and three others were injured in the gunfire.",
            &[
                ("killed", 1.0, "A clerk was shot to death"),
                ("injured", 3.0, "three others were injured"),
            ],
        );
    }

    #[test]
    fn a_speakers_own_relative_is_no_count() {
        check(
            "Three people were killed. \"My cousin got shot,\" a neighbour said.",
            &[("killed", 3.0, "Three people were killed")],
        );
    }

    #[test]
    fn one_person_taken_away_with_injuries_is_one_injured() {
        check(
            "She was taken to Mercy Hospital with non-life-threatening injuries.",
            &[(
                "injured",
                1.0,
                "She was taken to Mercy Hospital with non-life-threatening injuries",
            )],
        );
        check(
            "A girl was hospitalized with serious injuries.",
            &[("injured", 1.0, "A girl was hospitalized")],
        );
        // Two people, a death in the sentence, or no one named: no figure.
        check(
            "Ms Reed and her daughter were found with head injuries.",
            &[],
        );
        check(
            "He was taken to the hospital with injuries, where he died.",
            &[],
        );
        check("They were treated with care for injuries.", &[]);
    }

    #[test]
    fn the_killer_is_not_a_victim() {
        check("The gunman killed himself.", &[]);
        check("The fourth person injured is in custody.", &[]);
    }
}
