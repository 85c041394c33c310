//! The event a date or figure belongs to: the nearest event word of its sentence, sharing its
//! clause, or the death of the person named beside it; a date that bounds a period dates none.

use super::document::Context;
use crate::model::Subject;

/// The event a date or figure belongs to: an event word in the same sentence, the nearest.
pub fn event_near(ctx: &Context, at: usize) -> Option<Subject> {
    let toks = ctx.tokens;
    let sentence = toks.get(at)?.sentence;
    let range = &ctx.sentences[sentence];
    if bounds_a_period(ctx, at, range.start) {
        return None;
    }
    // A date in the possessive ("Sunday's", "Tuesday night's") belongs to the noun after it,
    // never to a verb before it: "arrested in Sunday's homicide investigation".
    let possessive = (at..(at + 3).min(range.end))
        .any(|j| ctx.tok_text(j).ends_with("'s") || ctx.tok_text(j).ends_with("’s"));
    let mut best: Option<(usize, usize, usize, &String)> = None;
    for k in range.clone() {
        if possessive && k < at {
            continue;
        }
        if let Some((len, key)) = ctx.t.c.events.at(toks, k) {
            let dist = k.abs_diff(at);
            // The event and the date share a clause: "Two people were killed, the coroner
            // confirmed on Friday" dates the confirmation, not the deaths.
            let (a, b) = (k.min(at), k.max(at));
            let same_clause = !(a..b).any(|j| {
                matches!(
                    toks[j].lower.as_str(),
                    "," | ";" | "—" | "–" | "(" | ")" | ":"
                )
            });
            // An event named after the date across a preposition or a new clause is dated by
            // it only when a victim's verb comes right before the date ("wounded Sunday in a
            // shooting"); "a third was sought late Tuesday in the shooting" and "police said
            // Tuesday that the shooting ..." date the search and the statement.
            let across = k > at
                && (at + 1..k).any(|j| {
                    matches!(
                        ctx.lower(j),
                        "in" | "for"
                            | "over"
                            | "after"
                            | "during"
                            | "following"
                            | "that"
                            | "which"
                            | "near"
                            | "at"
                            | "into"
                            | "with"
                            | "by"
                            | "about"
                    )
                });
            if across && !ctx.victim_verb_before(at, range.start) {
                continue;
            }
            // The event word only modifies another noun: "Sunday's homicide investigation",
            // "Monday's shooting hearing" date the investigation and the hearing.
            if matches!(
                ctx.lower(k + len),
                "investigation"
                    | "investigations"
                    | "probe"
                    | "inquiry"
                    | "case"
                    | "trial"
                    | "hearing"
                    | "suspect"
                    | "suspects"
                    | "charge"
                    | "charges"
                    | "arrest"
                    | "arrests"
                    | "arraignment"
                    | "sentencing"
                    | "conviction"
                    | "investigators"
                    | "detectives"
            ) {
                continue;
            }
            // A verb between the event and the date takes the date: "the victim of the
            // shooting remained in critical condition Friday night", "the shooting was reported
            // Friday". Verbs that tell the event itself ("happened", "occurred") do not.
            let verb_between = k < at
                && (k + len..at).any(|j| {
                    let w = ctx.lower(j);
                    w.len() > 4
                        && w.ends_with("ed")
                        && !matches!(
                            w,
                            "happened" | "occurred" | "erupted" | "unfolded" | "started"
                        )
                        && ctx.t.c.victim_words.at(toks, j).is_none()
                        && ctx.t.c.events.at(toks, j).is_none()
                });
            if dist <= 8
                && same_clause
                && !verb_between
                && best.as_ref().is_none_or(|&(d, ..)| dist < d)
            {
                best = Some((dist, k, len, key));
            }
        }
    }
    let (_, k, len, key) = best?;
    let subject = if key == DEATH {
        // A death is someone's: "Darin Booker, 13, died Sunday night". Deaths of people the
        // sentence does not name may be anyone's, and are not compared.
        let person = dead_person(ctx, k, len, range.start)?;
        Subject {
            text: format!("death of {}", person.text),
            key: format!("death of {}", person.key),
        }
    } else {
        Subject {
            text: ctx.text[toks[k].start..toks[k + len - 1].end].to_string(),
            key: key.clone(),
        }
    };
    // An incident is not planned: "officials plan to address the shooting Monday" dates the
    // plan.
    (!ctx.t.rules.incidents.contains(&subject.key)
        || super::modality::modality_of(ctx, at, at) == crate::model::Modality::Asserted)
        .then_some(subject)
}

/// The event key of a death, whose date belongs to the person who died.
const DEATH: &str = "death";

/// The person whose death the event word at `k` (of `len` tokens) tells: the last name before
/// it in its sentence ("Sungaya Fleming, 38, died Monday") or the name after "of" ("the death
/// of Ann Lee").
fn dead_person(ctx: &Context, k: usize, len: usize, sentence_start: usize) -> Option<Subject> {
    if ctx.lower(k + len) == "of"
        && let Some((_, person)) = super::names::person_name_at(ctx, k + len + 1)
    {
        return Some(person);
    }
    // "Ray Doe is wanted for the shooting that killed one", "Ray Doe killed Ann Lee": an
    // active verb with an object tells who died after it; a name before it is the killer.
    if !super::grammar::is_passive(ctx, k) && super::grammar::has_object(ctx, k + len) {
        return super::names::person_name_at(ctx, k + len).map(|(_, person)| person);
    }
    let mut found = None;
    let mut j = sentence_start.max(k.saturating_sub(15));
    while j < k {
        match super::names::person_name_at(ctx, j) {
            Some((end, person)) if end < k => {
                // "Coroner Tony Hendrick confirmed one person was killed": the speaker.
                let speaks = matches!(
                    ctx.lower(end + 1),
                    "said" | "says" | "confirmed" | "told" | "announced" | "reported" | "stated"
                );
                // "HOLLIN VALE — Two people died": a dateline, then another clause.
                let dateline = ctx.tok_text(j).chars().all(|c| !c.is_lowercase());
                let apart =
                    (end + 1..k).any(|m| matches!(ctx.lower(m), "—" | "–" | ";" | ":" | "(" | ")"));
                found = (!speaks && !dateline && !apart).then_some(person);
                j = end + 1;
            }
            _ => j += 1,
        }
    }
    found
}

/// Whether the date at `at` is an end of a period ("between February 2015 and July", "since
/// 2019", "from March to May"): a period is no event's date, so it is not attached to one.
fn bounds_a_period(ctx: &Context, at: usize, sentence_start: usize) -> bool {
    let Some(before) = at.checked_sub(1).filter(|&b| b >= sentence_start) else {
        return false;
    };
    let opened_by = |words: &[&str]| {
        (before.saturating_sub(6).max(sentence_start)..before)
            .any(|j| words.contains(&ctx.lower(j)))
    };
    match ctx.lower(before) {
        "between" | "since" | "until" | "till" => true,
        "and" => opened_by(&["between"]),
        "to" | "through" => opened_by(&["from"]),
        "from" => {
            let end = (at + 7).min(ctx.tokens.len());
            (at + 1..end).any(|j| matches!(ctx.lower(j), "to" | "until" | "through"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests_support::{claims, rules};

    #[test]
    fn a_date_bounding_a_period_dates_no_event() {
        let rules = rules();
        let dated = |text: &str| -> Vec<(String, Option<String>)> {
            claims(text, &rules)
                .into_iter()
                .filter(|c| c.kind == crate::model::ClaimKind::Date)
                .map(|c| (c.text, c.subject.map(|s| s.text)))
                .collect()
        };
        assert_eq!(
            dated("He was arrested on March 3, 2015."),
            [("March 3, 2015".to_string(), Some("arrested".to_string()))]
        );
        assert_eq!(
            dated("He was arrested four times between February 2015 and July 2016."),
            [
                ("February 2015".to_string(), None),
                ("July 2016".to_string(), None)
            ]
        );
        assert_eq!(
            dated("He had been arrested three times since October 2016."),
            [("October 2016".to_string(), None)]
        );
    }

    #[test]
    fn a_date_of_something_else_dates_no_incident() {
        let rules = rules();
        let dated = |text: &str| -> Vec<(String, Option<String>)> {
            claims(text, &rules)
                .into_iter()
                .filter(|c| c.kind == crate::model::ClaimKind::Date)
                .map(|c| (c.text, c.subject.map(|s| s.key)))
                .collect()
        };
        // The date modifies the verb before it, not the event after a preposition.
        assert_eq!(
            dated("A third man was still being sought on May 4 in the shooting."),
            [("May 4".to_string(), None)]
        );
        assert_eq!(
            dated("The sheriff said on May 4 that the shooting was gang-related."),
            [("May 4".to_string(), None)]
        );
        // ... unless a victim's verb stands before it.
        assert_eq!(
            dated("A clerk was wounded on May 4 in a shooting."),
            [("May 4".to_string(), Some("shooting".to_string()))]
        );
        // An incident is not planned.
        assert_eq!(
            dated("The school board plans to discuss the shooting on May 4."),
            [("May 4".to_string(), None)]
        );
        assert_eq!(
            dated("The shooting happened on May 4."),
            [("May 4".to_string(), Some("shooting".to_string()))]
        );
        // The event word modifies another noun; a possessive date belongs to what follows.
        assert_eq!(
            dated("He was arrested in May 4's homicide investigation."),
            [("May 4".to_string(), None)]
        );
        // A death is someone's: dated for the person named, not compared unnamed.
        assert_eq!(
            dated("Oren Blaylock, 31, died on May 4 at the hospital."),
            [(
                "May 4".to_string(),
                Some("death of oren blaylock".to_string())
            )]
        );
        assert_eq!(
            dated("A 31-year-old man died on May 4 at the hospital."),
            [("May 4".to_string(), None)]
        );
        assert_eq!(
            dated("Sheriff Ada Munro said a man died on May 4."),
            [("May 4".to_string(), None)]
        );
        // The name before an active verb with an object is the killer's.
        assert_eq!(
            dated("Ray Tull, 19, is sought for the shooting that killed one on May 4."),
            [("May 4".to_string(), None)]
        );
        assert_eq!(
            dated("Ray Tull killed Ann Lee on May 4."),
            [("May 4".to_string(), Some("death of ann lee".to_string()))]
        );
    }
}
