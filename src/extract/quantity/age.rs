//! Ages read at their figure: "a 7-year-old girl", "Ann Lee, 34,", "was 52", "aged 40 to 50",
//! months for babies, each as an age claim of the person named beside it.

use super::person::{
    closes_apposition, comma_suffix, full_name_before, identified_as, name_after_noun,
    name_before_article, name_before_verb, person_before, short_last_name,
};
use crate::extract::document::{Context, Draft};
use crate::extract::labels::format_number;
use crate::extract::names::name_near_age;
use crate::extract::numbers::NumberMatch;
use crate::extract::tokens::{TokenKind, WordClass};
use crate::model::{ClaimKind, Subject, Value};
use crate::rules::IntervalShape;

pub(super) fn is_age_compound(compound: &str) -> bool {
    matches!(
        compound,
        "year-old" | "years-old" | "year-olds" | "month-old" | "months-old" | "yr-old"
    )
}

/// "44-year-old Sherie Lash": the age of the person named right after (no subject otherwise,
/// since "a 19-year-old woman" names nobody that other reports could be matched on).
pub(super) fn age_claim(ctx: &Context, m: &NumberMatch) -> Draft {
    bounded_age(ctx, m.first, age_as_stated(ctx, m))
}

/// A bound before an age is kept: "more than thirty years old" is at least 30, "under 18
/// years old" at most 18. Other hedges leave an age as stated.
fn bounded_age(ctx: &Context, first: usize, mut draft: Draft) -> Draft {
    let Some((len, &q)) = ctx.t.c.qualifiers_before.ending_before(ctx.tokens, first) else {
        return draft;
    };
    let Some(rule) = ctx.t.rules.qualifiers.get(q) else {
        return draft;
    };
    let start = ctx.tokens[first - len].start;
    let Value::Quantity { low, high, .. } = &mut draft.value else {
        return draft;
    };
    let sign = match rule.interval {
        IntervalShape::Above => {
            *high = None;
            ">"
        }
        IntervalShape::Below => {
            *low = None;
            "≤"
        }
        _ => return draft,
    };
    draft.start = draft.start.min(start);
    draft.label = format!("{sign} {}", draft.label);
    draft
}

fn age_as_stated(ctx: &Context, m: &NumberMatch) -> Draft {
    let toks = ctx.tokens;
    let value = m.low.unwrap_or(0.0);
    let mut start_tok = m.first;
    let mut end_tok = m.last;
    // "7-year-old South Dallas girl": capitals before a person noun name a place or a school,
    // not the person.
    // "15-year-old Sir Ann Lee", "32-year-old Officer Bo Chu": a title before the name is
    // no part of it.
    let titled = || {
        toks.get(m.last + 1)
            .filter(|t| t.capitalized && t.class.has(WordClass::TITLE))
            .and_then(|_| crate::extract::names::person_name_at(ctx, m.last + 2))
    };
    let name_after = name_near_age(ctx, m.last + 1)
        .or_else(titled)
        .filter(|(end, _)| {
            !toks
                .get(end + 1)
                .is_some_and(|t| !t.capitalized && ctx.t.c.person_nouns.contains(&t.lower))
        });
    let subject = if let Some((end, person)) = name_after {
        // "44-year-old Sherie Lash", "50-year-old Haywood Whichard, Jr."
        let (end, person) = short_last_name(ctx, end, person);
        let (end, person) = comma_suffix(ctx, end, person);
        end_tok = end;
        Some(person)
    } else if let Some((end, person)) = toks
        .get(m.last + 1)
        .filter(|t| t.kind == TokenKind::Word && t.capitalized)
        .and_then(|_| full_name_before(ctx, m.last + 1))
    {
        // "the 64-year-old Galde", the full name given earlier.
        end_tok = end;
        Some(person)
    } else if let Some((end, person)) = name_after_noun(ctx, m.last + 1) {
        // "a 3-year-old girl, Dalis Cox,", "his 16-year-old brother, Kenneth Guidry"
        end_tok = end;
        Some(person)
    } else if let Some((start, person)) = name_before_article(ctx, m.first) {
        // "Jesus Javier Paez, a 22-year-old Latino", "Stephon Harris, the 20-year-old man"
        start_tok = start;
        Some(person)
    } else if let Some((start, person)) = name_before_verb(ctx, m.first) {
        // "Deshaun Jones was 15 years old", "Ann Lee, who was a 25-year-old nurse"
        start_tok = start;
        Some(person)
    } else {
        // "Police identified the 29-year-old man killed as Seth Easley"
        identified_as(ctx, m.last + 1)
    };
    // "a 21-month-old boy": an age in months is given in whole years, as ages are compared.
    let months = m
        .compound
        .as_deref()
        .is_some_and(|c| c.starts_with("month"))
        || (m.compound.is_none() && matches!(ctx.lower(m.last - 1), "month" | "months"));
    if months {
        let draft = age_draft(
            toks[start_tok].start,
            toks[end_tok].end,
            subject,
            (value / 12.0).floor(),
        );
        return Draft {
            noun_end: None,
            label: format!("{} months old", format_number(value)),
            ..draft
        };
    }
    // "a 2 1/2 year-old": in whole years too.
    let draft = age_draft(
        toks[start_tok].start,
        toks[end_tok].end,
        subject,
        value.floor(),
    );
    if value.fract() != 0.0 {
        return Draft {
            noun_end: None,
            label: format!("{} years old", format_number(value)),
            ..draft
        };
    }
    draft
}

/// "Brandon Crawford was 15.", "Bournes, who was 59, shot ...": a bare figure ending a clause
/// after "was" or "is" and a name is the person's age.
pub(super) fn age_after_verb(ctx: &Context, m: &NumberMatch) -> Option<Draft> {
    let toks = ctx.tokens;
    if m.first != m.last || toks[m.first].kind != TokenKind::Number {
        return None;
    }
    let value = m
        .low
        .filter(|v| v.fract() == 0.0 && (0.0..=120.0).contains(v))?;
    let ends_clause = match toks.get(m.last + 1) {
        None => true,
        Some(t) => {
            t.sentence != toks[m.last].sentence
                || (t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "," | "." | ";"))
        }
    };
    let before = m.first.checked_sub(1).map_or("", |j| ctx.lower(j));
    if !ends_clause || matches!(before, "a" | "an") {
        return None;
    }
    let (first, person) = name_before_verb(ctx, m.first)?;
    Some(age_draft(
        toks[first].start,
        toks[m.last].end,
        Some(person),
        value,
    ))
}

/// An age claim: `years` old, spanning bytes `start..end`.
pub(super) fn age_draft(start: usize, end: usize, subject: Option<Subject>, years: f64) -> Draft {
    Draft {
        noun_end: None,
        start,
        end,
        kind: ClaimKind::Quantity,
        subject,
        property: "age".to_string(),
        increment: false,
        modality: crate::model::Modality::Asserted,
        value: Value::Quantity {
            low: Some(years),
            high: Some(years),
            unit: "yr".to_string(),
            approximate: false,
            band: None,
        },
        label: format!("{} years old", format_number(years)),
        definite: false,
        scope: crate::model::Scope::Total,
        doubts: Vec::new(),
    }
}

/// "Sherie Lash, 44," or "Lash (44)": a bare figure set off right after a person's name is the
/// person's age; so is one after "age" or "aged" ("Ann Lee, age 27"), and the one a list of
/// names shares ("Ann Lee and Bo Chu, both 22": here the last name's, see
/// [`ages_of_lists`](super::age_later::ages_of_lists)).
pub(super) fn apposed_age(ctx: &Context, m: &NumberMatch) -> Option<Draft> {
    let toks = ctx.tokens;
    if m.first != m.last || toks[m.first].kind != TokenKind::Number || m.first < 2 {
        return None;
    }
    let value = m
        .low
        .filter(|v| v.fract() == 0.0 && (0.0..=120.0).contains(v))?;
    // "He and Quamari McAllister, both 19,", "Ann Lee, aged 27": the name before the comma.
    let lead = matches!(ctx.lower(m.first - 1), "both" | "all" | "age" | "aged");
    let open = if lead { m.first - 2 } else { m.first - 1 };
    // "Ann Lee and Bo Chu, 25 and 30": one age each, read with the list (see `ages_of_lists`).
    if ctx.lower(m.last + 1) == "and"
        && toks
            .get(m.last + 2)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        return None;
    }
    // "Ann Lee, age 17 months,", "Bo Chu, aged 3 years": the unit after the figure, which
    // then closes the apposition; months are given in whole years.
    let unit = if matches!(ctx.lower(m.first - 1), "age" | "aged") {
        match ctx.lower(m.last + 1) {
            "months" | "month" => Some((12.0, 1)),
            "years" | "year" if ctx.lower(m.last + 2) == "old" => Some((1.0, 2)),
            "years" | "year" => Some((1.0, 1)),
            _ => None,
        }
    } else {
        None
    };
    if let Some((per_year, words)) = unit {
        let last = m.last + words;
        if !toks[open].is_punct(",") || open == 0 || !closes_apposition(ctx, last + 1) {
            return None;
        }
        let (first, person) = person_before(ctx, open - 1)?;
        let draft = age_draft(
            toks[first].start,
            toks[last].end,
            Some(person),
            (value / per_year).floor(),
        );
        if per_year == 12.0 {
            return Some(Draft {
                noun_end: None,
                label: format!("{} months old", format_number(value)),
                ..draft
            });
        }
        return Some(draft);
    }
    let set_off = if toks[open].is_punct("(") {
        toks.get(m.last + 1).is_some_and(|t| t.is_punct(")"))
    } else {
        toks[open].is_punct(",") && closes_apposition(ctx, m.last + 1)
    };
    if !set_off || open == 0 {
        return None;
    }
    let (first, person) = person_before(ctx, open - 1)?;
    Some(age_draft(
        toks[first].start,
        toks[m.last].end,
        Some(person),
        value,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ages_of, named};
    use crate::extract::tests_support::{claims, rules};
    use crate::model::Value;

    #[test]
    fn ages_belong_to_the_person_named_beside_them() {
        let rules = rules();
        let ages = |text: &str| -> Vec<(String, f64)> {
            claims(text, &rules)
                .into_iter()
                .filter(|c| c.property == "age")
                .map(|c| {
                    let Value::Quantity { low, .. } = c.value else {
                        panic!("not a quantity")
                    };
                    (
                        c.subject.map(|s| s.text).unwrap_or_default(),
                        low.unwrap_or(-1.0),
                    )
                })
                .collect()
        };
        assert_eq!(
            ages("Police said 44-year-old Ann Marsh was held."),
            [("Ann Marsh".to_string(), 44.0)]
        );
        assert_eq!(
            ages("Police named him as Tom Reid, 31, of Leeds."),
            [("Tom Reid".to_string(), 31.0)]
        );
        assert_eq!(
            ages("A 3-year-old girl, Dana Coe, was hurt."),
            [("Dana Coe".to_string(), 3.0)]
        );
        assert_eq!(
            ages("Officers found Jon Paul Vey, a 22-year-old student."),
            [("Jon Paul Vey".to_string(), 22.0)]
        );
        assert_eq!(
            ages("Police said 17 year old Ann Marsh was held."),
            [("Ann Marsh".to_string(), 17.0)]
        );
        assert_eq!(
            ages("He and Quamari Dell, both 19, were charged."),
            [("Quamari Dell".to_string(), 19.0)]
        );
        assert_eq!(
            ages("Police identified the 29-year-old man killed as Seth Ealy."),
            [("Seth Ealy".to_string(), 29.0)]
        );
        // A surname alone after the age, for the full name given before.
        assert_eq!(
            ages("Ann Galt was killed. The statement says the 64-year-old Galt was kind."),
            [("Ann Galt".to_string(), 64.0)]
        );
        // Nobody named: the age has no subject and is never compared.
        assert_eq!(
            ages("A 19-year-old woman was hurt."),
            [(String::new(), 19.0)]
        );
        // Capitals before a person noun are a place or a school, not the person's name.
        assert_eq!(
            ages("A 15-year-old Hollin Vale student was hurt."),
            [(String::new(), 15.0)]
        );
        // Described first, named later with the same noun.
        assert_eq!(
            ages("A 7-year-old girl was hurt. The little girl, Mara Quist, was riding home."),
            [(String::new(), 7.0), ("Mara Quist".to_string(), 7.0)]
        );
        // Another noun is another person; two ages could be either.
        assert_eq!(
            ages("A 7-year-old girl was hurt. The suspect, Tod Vane, was held."),
            [(String::new(), 7.0)]
        );
        assert_eq!(
            ages(
                "A 7-year-old girl and a 9-year-old girl were hurt. The girl, Mara Quist, was hit."
            ),
            [(String::new(), 7.0), (String::new(), 9.0)]
        );
    }

    #[test]
    fn ages_after_was_kin_nouns_and_identify() {
        assert_eq!(
            ages_of("The victim, Bram Kettle, was also 15."),
            named(&[("Bram Kettle", 15.0)])
        );
        assert_eq!(
            ages_of("Lio Brandt was 15 years old."),
            named(&[("Lio Brandt", 15.0)])
        );
        assert_eq!(
            ages_of("Ona Tiel, who was 42, led the choir."),
            named(&[("Ona Tiel", 42.0)])
        );
        // Not an age: the figure goes on ("was 15 feet away").
        assert_eq!(ages_of("Lio Brandt was 15 feet away."), named(&[]));
        assert_eq!(
            ages_of("He shot his 42-year-old wife Mai Luong at home."),
            named(&[("Mai Luong", 42.0)])
        );
        assert_eq!(
            ages_of("She was with her 8-year-old cousin Tam Rowe."),
            named(&[("Tam Rowe", 8.0)])
        );
        assert_eq!(
            ages_of("Police say the 3-year-old, who neighbors identify as Jai Penn, was hurt."),
            named(&[("Jai Penn", 3.0)])
        );
    }

    #[test]
    fn ages_in_months_and_half_hyphenated() {
        // Months are given in whole years, as the ages they are compared with.
        assert_eq!(
            ages_of("Police said 21-month-old Cal Epps was hurt."),
            named(&[("Cal Epps", 1.0)])
        );
        assert_eq!(
            ages_of("An 11-month-old boy was hurt."),
            named(&[("", 0.0)])
        );
        assert_eq!(
            ages_of("Police said 15 year-old Jo Penn was hurt."),
            named(&[("Jo Penn", 15.0)])
        );
        assert_eq!(
            ages_of("Police said a 32-year old man was hurt."),
            named(&[("", 32.0)])
        );
        // An age, not a count of people arrested.
        assert_eq!(
            ages_of("A 22 year-old man has been arrested."),
            named(&[("", 22.0)])
        );
        let rules = rules();
        let arrested: Vec<_> = claims("A 22 year-old man has been arrested.", &rules)
            .into_iter()
            .filter(|c| c.property == "arrested")
            .map(|c| c.value)
            .collect();
        assert!(
            arrested
                .iter()
                .all(|v| matches!(v, Value::Quantity { low: Some(1.0), .. })),
            "{arrested:?}"
        );
    }

    #[test]
    fn names_a_reader_takes_for_other_words_and_ages_set_off_otherwise() {
        // A surname that is also a word of direction: the age is hers, not a count of the shot.
        let text = "Lena Southern, 31, was shot in the leg, police said.";
        assert_eq!(ages_of(text), named(&[("Lena Southern", 31.0)]));
        let rules = rules();
        let shot: Vec<_> = claims(text, &rules)
            .into_iter()
            .filter(|c| c.property == "injured" || c.property == "shot")
            .map(|c| c.value)
            .collect();
        assert!(
            shot.iter()
                .all(|v| matches!(v, Value::Quantity { low: Some(1.0), .. })),
            "{shot:?}"
        );
        // A given name that is also a word for a nationality.
        assert_eq!(
            ages_of("German Pratt, a 41-year-old driver, was hurt."),
            named(&[("German Pratt", 41.0)])
        );
        // A stray accent mark at the end of the surname, before the suffix.
        assert_eq!(
            ages_of("Police said Ronald Fonte’ Jr., 62, was hurt."),
            named(&[("Ronald Fonte’ Jr.", 62.0)])
        );
        // A title before the name after the age is no part of the name.
        assert_eq!(
            ages_of("The boy was named as 12-year-old Sir Tam Oakes."),
            named(&[("Tam Oakes", 12.0)])
        );
        // The age set off by a dash after the name.
        assert_eq!(
            ages_of("Rina Walsh – only 16 years old – was hurt."),
            named(&[("Rina Walsh", 16.0)])
        );
        // A short last word of a name that would otherwise be a preposition.
        assert_eq!(
            ages_of("He shot his wife, 33-year-old Lan Thi On, and then himself."),
            named(&[("Lan Thi On", 33.0)])
        );
        assert_eq!(
            ages_of("The 33-year-old Lan Chu On the way home was hurt."),
            named(&[("Lan Chu", 33.0)])
        );
        // A dateline before a dash names no one.
        assert_eq!(
            ages_of("Ann Brandon said so.\nBRANDON — A 17-year-old was hurt."),
            named(&[("", 17.0)])
        );
        // A royal title that is the given name, not in a place's name.
        assert_eq!(
            ages_of("Six-year-old Prince Dunn is recovering."),
            named(&[("Prince Dunn", 6.0)])
        );
        assert_eq!(
            ages_of("A 15-year-old Prince Dunn County girl was hurt."),
            named(&[("", 15.0)])
        );
        // "age" with a unit after the figure.
        assert_eq!(
            ages_of("Doctors said Lia Vance, age 20 months, was hurt."),
            named(&[("Lia Vance", 1.0)])
        );
        assert_eq!(
            ages_of("Doctors said Lia Vance, aged 4 years, was hurt."),
            named(&[("Lia Vance", 4.0)])
        );
    }
}
