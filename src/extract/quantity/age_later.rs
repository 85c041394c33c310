//! Ages whose person is named after the figure has been read: lists of names sharing ages
//! ("Ann Lee and Bo Chu, both 22"), children by given name, and a person described first and
//! named later by the same noun or in the next sentences.

use super::age::age_draft;
use super::person::{
    KIN_NOUNS, closes_apposition, describes_a_person, person_before, person_kind, person_told_of,
    sentence_role,
};
use crate::extract::document::{Context, Draft};
use crate::extract::labels::format_number;
use crate::extract::tokens::{TokenKind, WordClass};
use crate::model::{Interval, Subject};

/// The ages read once every figure is: those lists of names share ([`ages_of_lists`]), and
/// those of a person described first and named later, by the same noun or in the next
/// sentences ([`ages_named_next`]).
///
/// "A 7-year-old girl was shot ... The little girl, Adriana Espinoza, was riding ...". When every unnamed age the document gives before a
/// single person noun ("7-year-old girl", "7-year-old South Dallas girl") is one figure, no
/// named person already has that age, and exactly one person is named in apposition to the
/// same noun ("the girl, NAME"; "the suspect, NAME" is someone else), that person gets the age. The
/// claim spans the apposition; two different ages or two such names leave it unsaid.
pub(crate) fn ages_named_later(ctx: &Context, drafts: &mut Vec<Draft>) {
    ages_of_lists(ctx, drafts);
    ages_of_given_names(ctx, drafts);
    ages_by_the_same_noun(ctx, drafts);
    ages_named_next(ctx, drafts);
}

/// The apposition case of [`ages_named_later`]: "the (little) girl, NAME".
fn ages_by_the_same_noun(ctx: &Context, drafts: &mut Vec<Draft>) {
    let toks = ctx.tokens;
    let c = &ctx.t.c;
    let singular_person = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && c.person_nouns.contains(&t.lower)
                && !t.lower.ends_with('s')
                && !matches!(
                    t.lower.as_str(),
                    "children" | "men" | "women" | "people" | "other"
                )
        })
    };
    // An age as comparison reads it: a hedged one ("about 40 years") is no exact age.
    let age_of = |d: &Draft| match d.value.interval() {
        Some(Interval {
            low: Some(l),
            high: Some(h),
        }) if d.property == "age" && l == h => Some(l),
        _ => None,
    };
    let mut unnamed: Vec<f64> = Vec::new();
    let mut nouns: Vec<&str> = Vec::new();
    for d in drafts.iter().filter(|d| d.subject.is_none()) {
        let Some(age) = age_of(d) else { continue };
        let after = toks.partition_point(|t| t.start < d.end);
        let sentence = toks.get(after).map(|t| t.sentence);
        let noun = (after..after + 3).find(|&k| {
            toks.get(k).is_some_and(|t| Some(t.sentence) == sentence) && singular_person(k)
        });
        if let Some(noun) = noun {
            unnamed.push(age);
            nouns.push(&toks[noun].lower);
        }
    }
    unnamed.sort_by(f64::total_cmp);
    unnamed.dedup();
    let [age] = unnamed[..] else { return };
    if drafts
        .iter()
        .any(|d| d.subject.is_some() && age_of(d) == Some(age))
    {
        return;
    }
    // "the (little) girl, NAME" / "The victim, NAME".
    let mut named: Vec<(usize, usize, Subject)> = Vec::new();
    for k in 0..toks.len() {
        if ctx.lower(k) != "the" {
            continue;
        }
        // The same noun: "a 7-year-old girl" is "the girl", not "the suspect".
        let Some(noun) =
            (k + 1..k + 4).find(|&j| singular_person(j) && nouns.contains(&toks[j].lower.as_str()))
        else {
            continue;
        };
        let plain = (k + 1..noun).all(|j| toks[j].kind == TokenKind::Word && !toks[j].capitalized);
        let same_sentence = toks[k].sentence == toks[noun].sentence;
        if !plain || !same_sentence || !toks.get(noun + 1).is_some_and(|t| t.is_punct(",")) {
            continue;
        }
        if let Some((end, person)) = crate::extract::names::person_name_at(ctx, noun + 2)
            && toks[end].sentence == toks[k].sentence
            && !named.iter().any(|(_, _, p)| p.key == person.key)
        {
            named.push((k, end, person));
        }
    }
    let [(first, last, person)] = &named[..] else {
        return;
    };
    if drafts
        .iter()
        .any(|d| d.property == "age" && d.subject.as_ref().is_some_and(|s| s.key == person.key))
    {
        return;
    }
    let draft = age_draft(
        toks[*first].start,
        toks[*last].end,
        Some(person.clone()),
        age,
    );
    drafts.push(Draft {
        noun_end: None,
        label: format!(
            "{} (the {}-year-old described earlier)",
            draft.label,
            format_number(age)
        ),
        ..draft
    });
}

/// Ages of a person described first and named in one of the next three sentences: "A 16-year-old
/// boy was shot Monday. Police said Dale Ruiz was shot at noon." A sentence giving one unnamed
/// person's age (and no other age) is followed by one that names, as the one it tells of,
/// exactly one person not named before and given no age anywhere: "NAME was/has/died ...",
/// "... identified him as NAME", "the boy's name is NAME". A report of a victim is not taken
/// to name a suspect, nor the other way round. The reading is a guess a reviewer can check, so
/// the claim carries a doubt about its subject: it agrees, but is never held as a conflict.
fn ages_named_next(ctx: &Context, drafts: &mut Vec<Draft>) {
    let toks = ctx.tokens;
    let first_tok = |d: &Draft| toks.partition_point(|t| t.end <= d.start);
    let exact_age = |d: &Draft| match d.value.interval() {
        Some(Interval {
            low: Some(l),
            high: Some(h),
        }) if d.property == "age" && l == h => Some(l),
        _ => None,
    };
    let mut found = Vec::new();
    for d in drafts.iter().filter(|d| d.subject.is_none()) {
        let Some(age) = exact_age(d) else { continue };
        // Already given to a child named by the given name only.
        if drafts
            .iter()
            .any(|o| o.start == d.start && o.subject.is_some())
        {
            continue;
        }
        let at = first_tok(d);
        let Some(sentence) = toks.get(at).map(|t| t.sentence) else {
            continue;
        };
        let after = toks.partition_point(|t| t.start < d.end);
        // "the mother of a 4-year-old": told in passing, the sentence is about someone else.
        let in_passing = at >= 3
            && ctx.lower(at - 2) == "of"
            && matches!(ctx.lower(at - 1), "a" | "an" | "the")
            && (ctx.t.c.person_nouns.contains(ctx.lower(at - 3))
                || KIN_NOUNS.contains(&ctx.lower(at - 3)));
        // "Kerrigan's 1-year-old daughter": a relative of someone named, named nowhere.
        let possessed = at >= 1 && {
            let raw = ctx.tok_text(at - 1);
            toks[at - 1].capitalized && (raw.ends_with("'s") || raw.ends_with("’s"))
        };
        if in_passing || possessed || !describes_a_person(ctx, after, sentence) {
            continue;
        }
        let noun = (after..after + 3)
            .find(|&k| {
                toks.get(k)
                    .is_some_and(|t| t.sentence == sentence && t.kind == TokenKind::Word)
                    && person_kind(ctx.lower(k)).is_some()
            })
            .map(|k| ctx.lower(k));
        // The only age in its sentence, and nobody named has it.
        let alone = drafts.iter().filter(|o| exact_age(o).is_some()).all(|o| {
            std::ptr::eq(o, d)
                || toks.get(first_tok(o)).map(|t| t.sentence) != Some(sentence)
                    && !(o.subject.is_some() && exact_age(o) == Some(age))
        });
        if !alone {
            continue;
        }
        let role = sentence_role(ctx, sentence);
        // The next three sentences, up to one describing someone by age again.
        let mut told = None;
        for s in sentence + 1..(sentence + 4).min(ctx.sentences.len()) {
            let aged = drafts.iter().any(|o| {
                exact_age(o).is_some() && toks[first_tok(o).min(toks.len() - 1)].sentence == s
            });
            if aged {
                break;
            }
            told = person_told_of(ctx, s, role, noun);
            if told.is_some() {
                break;
            }
        }
        let Some((_, end, person)) = told else {
            continue;
        };
        let begin = ctx.sentences[sentence].start;
        let named_before = (0..begin).any(|k| {
            crate::extract::names::person_name_at(ctx, k).is_some_and(|(_, p)| p.key == person.key)
        });
        let has_age = drafts.iter().any(|o| {
            o.property == "age" && o.subject.as_ref().is_some_and(|s| s.key == person.key)
        });
        if named_before || has_age {
            continue;
        }
        // The claim spans the description and the name, for a reviewer to read both.
        let draft = age_draft(d.start, toks[end].end, Some(person), age);
        found.push(Draft {
            noun_end: None,
            label: format!(
                "{} (the {}-year-old described just before)",
                draft.label,
                format_number(age)
            ),
            doubts: vec![crate::model::Doubt::new(
                crate::model::Aspect::Subject,
                "the person named next taken to be the one described by age",
            )],
            ..draft
        });
    }
    // Two ages for one person: neither is read.
    let keys: Vec<String> = found
        .iter()
        .filter_map(|d| d.subject.as_ref().map(|s| s.key.clone()))
        .collect();
    found.retain(|d| {
        d.subject
            .as_ref()
            .is_some_and(|s| keys.iter().filter(|k| **k == s.key).count() == 1)
    });
    drafts.extend(found);
}

/// Children named by their given name only, after a parent named in full: "Ann Lee and her two
/// sons, 3-year-old Adam and 5-year-old Eli", "Bo Chu and his six-year-old brother Sam". The
/// child is taken to bear the family name of the last person named in full before the word
/// for the children (in the sentence, or the one before: "... Ann Lee. Her two sons, ..."), a
/// name of a person and not of a street or a school. The surname is a guess, so the claim
/// carries a doubt about its subject.
fn ages_of_given_names(ctx: &Context, drafts: &mut Vec<Draft>) {
    const FAMILY: &[&str] = &[
        "children",
        "sons",
        "daughters",
        "kids",
        "son",
        "daughter",
        "brother",
        "sister",
        "brothers",
        "sisters",
        "stepson",
        "stepdaughter",
        "grandson",
        "granddaughter",
        "grandchildren",
        "nephew",
        "niece",
        "twins",
        "siblings",
    ];
    let toks = ctx.tokens;
    let mut found = Vec::new();
    for d in drafts
        .iter()
        .filter(|d| d.subject.is_none() && d.property == "age")
    {
        let Some(Interval {
            low: Some(age),
            high: Some(high),
        }) = d.value.interval()
        else {
            continue;
        };
        let at = toks.partition_point(|t| t.end <= d.start);
        let mut w = toks.partition_point(|t| t.start < d.end);
        // "his six-year-old brother Sam": the word for the child between age and name.
        let kin_after = FAMILY.contains(&ctx.lower(w)).then_some(w);
        if kin_after.is_some() {
            w += 1;
            // "her 17-year-old son, Manny,".
            if toks.get(w).is_some_and(|t| t.is_punct(",")) {
                w += 1;
            }
        }
        let Some(given) = toks.get(w) else { continue };
        if age != high
            || at >= toks.len()
            || given.sentence != toks[at].sentence
            || given.kind != TokenKind::Word
            || !given.capitalized
            || given.class.has(WordClass::NOT_IN_NAME)
            || given.class.has(WordClass::TITLE)
            || crate::extract::names::person_name_at(ctx, w).is_some()
        {
            continue;
        }
        // "Mark Jr.": a suffix after the given name.
        let suffix = toks
            .get(w + 1)
            .filter(|t| t.class.has(WordClass::NAME_SUFFIX) && t.capitalized)
            .map(|_| w + 1);
        let after = suffix.map_or(w + 1, |k| k + 1);
        let ends = toks.get(after).is_none_or(|t| {
            t.sentence != given.sentence
                || t.kind == TokenKind::Punct
                || (!t.capitalized
                    && !ctx.t.c.person_nouns.contains(&t.lower)
                    && !KIN_NOUNS.contains(&t.lower.as_str()))
        });
        if !ends {
            continue;
        }
        // The word for the children, close before the age, with nobody named in between.
        let sentence = toks[at].sentence;
        let begin = ctx.sentences[sentence].start;
        let Some(kin) = kin_after.or_else(|| {
            (at.saturating_sub(12).max(begin)..at)
                .rev()
                .find(|&k| FAMILY.contains(&ctx.lower(k)))
        }) else {
            continue;
        };
        if kin < at
            && (kin + 1..at).any(|k| crate::extract::names::person_name_at(ctx, k).is_some())
        {
            continue;
        }
        // The family: the last name given in full before that word.
        let from = if sentence > 0 {
            ctx.sentences[sentence - 1].start
        } else {
            begin
        };
        let mut family: Option<(usize, Subject)> = None;
        let mut k = from;
        let upto = kin.min(at);
        while k < upto {
            if let Some((end, person)) = crate::extract::names::person_name_at(ctx, k)
                && end < upto
            {
                family = Some((end, person));
                k = end + 1;
            } else {
                k += 1;
            }
        }
        let Some((end, _)) = family else { continue };
        // "Oak Lane", "Reed School": not a family.
        let institution = |w: &str| {
            ctx.t.c.street_words.contains(w)
                || matches!(
                    w,
                    "school"
                        | "hospital"
                        | "church"
                        | "center"
                        | "centre"
                        | "department"
                        | "office"
                        | "academy"
                        | "college"
                        | "university"
                        | "store"
                        | "cleaners"
                        | "park"
                        | "county"
                        | "city"
                )
        };
        if institution(ctx.lower(end)) {
            continue;
        }
        // The surname: the last word of the name, before any suffix.
        let mut last = end;
        while last > 0 && toks[last].class.has(WordClass::NAME_SUFFIX) {
            last -= 1;
        }
        let raw = ctx.tok_text(last);
        // "Zina Bowser's son": the name without the possessive.
        let surname = ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|p| raw.strip_suffix(p))
            .unwrap_or(raw);
        let mut text = format!("{} {}", given.text(ctx.text), surname);
        let mut key = format!(
            "{} {}",
            ctx.t.rules.fold_word(&given.lower),
            ctx.t.rules.fold_word(&toks[last].lower)
        );
        if let Some(k) = suffix {
            text.push(' ');
            text.push_str(ctx.tok_text(k));
        }
        key = key.trim().to_string();
        let span_end = toks[suffix.unwrap_or(w)].end;
        let draft = age_draft(d.start, span_end, Some(Subject { text, key }), age);
        found.push(Draft {
            noun_end: None,
            label: d.label.clone(),
            doubts: vec![crate::model::Doubt::new(
                crate::model::Aspect::Subject,
                "family name taken from the parent named before",
            )],
            ..draft
        });
    }
    drafts.extend(found);
}

/// Figures some names share: "Ann Lee, Bo Chu and Cy Dunn, all 23", "Ann Lee and Bo Chu, both
/// 22". [`apposed_age`](super::age::apposed_age) gives the age to the last name; each name
/// listed before it, joined by "and" or commas, gets the same age.
fn ages_of_lists(ctx: &Context, drafts: &mut Vec<Draft>) {
    let toks = ctx.tokens;
    let mut found = Vec::new();
    let years = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Number)
            .and_then(|t| t.lower.parse::<u32>().ok())
            .filter(|v| *v <= 120)
            .map(f64::from)
    };
    // "Ann Lee and Bo Chu, 25 and 30(, respectively)": the ages in the order of the names.
    for k in 3..toks.len().saturating_sub(2) {
        let (Some(one), Some(two)) = (years(k), years(k + 2)) else {
            continue;
        };
        if ctx.lower(k + 1) != "and" || !toks[k - 1].is_punct(",") || !closes_apposition(ctx, k + 3)
        {
            continue;
        }
        let Some((second_at, second)) = person_before(ctx, k - 2) else {
            continue;
        };
        if second_at < 2 || ctx.lower(second_at - 1) != "and" {
            continue;
        }
        let Some((first_at, first)) = person_before(ctx, second_at - 2) else {
            continue;
        };
        found.push(age_draft(
            toks[first_at].start,
            toks[k].end,
            Some(first),
            one,
        ));
        found.push(age_draft(
            toks[second_at].start,
            toks[k + 2].end,
            Some(second),
            two,
        ));
    }
    for k in 2..toks.len().saturating_sub(1) {
        if !matches!(ctx.lower(k), "both" | "all")
            || toks[k + 1].kind != TokenKind::Number
            || !toks[k - 1].is_punct(",")
            || !closes_apposition(ctx, k + 2)
        {
            continue;
        }
        let Some(value) = toks[k + 1]
            .lower
            .parse::<u32>()
            .ok()
            .filter(|v| *v <= 120)
            .map(f64::from)
        else {
            continue;
        };
        let Some((mut first, _)) = person_before(ctx, k - 2) else {
            continue;
        };
        let mut joined = false;
        while first >= 2 {
            let end = if ctx.lower(first - 1) == "and" {
                joined = true;
                // "Ann Lee, Bo Chu, and Cy Dunn": the serial comma.
                if toks[first - 2].is_punct(",") {
                    first.saturating_sub(3)
                } else {
                    first - 2
                }
            } else if joined && toks[first - 1].is_punct(",") {
                first - 2
            } else {
                break;
            };
            let Some((start, person)) = person_before(ctx, end) else {
                break;
            };
            found.push(age_draft(
                toks[start].start,
                toks[k + 1].end,
                Some(person),
                value,
            ));
            first = start;
        }
    }
    drafts.extend(found);
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ages_of, named};
    use crate::extract::tests_support::{claims, rules};
    use crate::model::Value;

    #[test]
    fn ages_set_off_after_names_in_lists_nicknames_and_aliases() {
        // A list closing a line without a stop, and a dash after the age.
        assert_eq!(
            ages_of("Held were Omar Tull, 28, and Ves Pardo, 31\nNobody else was held today."),
            named(&[("Omar Tull", 28.0), ("Ves Pardo", 31.0)])
        );
        assert_eq!(
            ages_of("It killed Cal Ruiz Jr., 16 — a junior — and hurt two."),
            named(&[("Cal Ruiz Jr.", 16.0)])
        );
        // Names sharing an age: each of them has it.
        assert_eq!(
            ages_of("Deputies found Ola Brant and Tev Marsh, both 31 and of Ames, hurt."),
            named(&[("Ola Brant", 31.0), ("Tev Marsh", 31.0)])
        );
        assert_eq!(
            ages_of("Ira Kell, Jo Pettit, and Lum Faro, all 23, face charges."),
            named(&[("Ira Kell", 23.0), ("Jo Pettit", 23.0), ("Lum Faro", 23.0)])
        );
        // "and" after an age belongs to the next name only.
        assert_eq!(
            ages_of("Ira Kell, 25, and Jo Pettit were hurt."),
            named(&[("Ira Kell", 25.0)])
        );
        // Two names, two ages, in order.
        assert_eq!(
            ages_of("Police named Ira Kell and Jo Pettit, 25 and 30, as the victims."),
            named(&[("Ira Kell", 25.0), ("Jo Pettit", 30.0)])
        );
        // A surname the name reader keeps out of names as a title, but not a place or an
        // office.
        assert_eq!(
            ages_of("Hurt were Ada Moss, 24; Jon King, 24; and 15 year old Tate County pupils."),
            named(&[("Ada Moss", 24.0), ("Jon King", 24.0), ("", 15.0)])
        );
        // A list item under the running text reads like a headline but is the report's.
        assert_eq!(
            ages_of(
                "Five people were hurt in the shooting on Friday night.\n\n\
                 — Ada Moss, 24, of Elm Street in Ames\n"
            ),
            named(&[("Ada Moss", 24.0)])
        );
        // A nickname in quotes, straight or curly, and an alias.
        assert_eq!(
            ages_of("Police seek Dray \"Sly\" Hobbs, 22; and Nell “Bee” Oakes, 19."),
            named(&[("Dray \"Sly\" Hobbs", 22.0), ("Nell “Bee” Oakes", 19.0)])
        );
        assert_eq!(
            ages_of("Tad Vinson, aka Red, 26, was charged."),
            named(&[("Tad Vinson", 26.0)])
        );
        // "age 27", and a suffix after a comma kept in the name.
        assert_eq!(
            ages_of("Court papers name Reg Lusk, age 27 (then), as the gunman."),
            named(&[("Reg Lusk", 27.0)])
        );
        assert_eq!(
            ages_of("Police said Wes Odom, Jr., 50, was hurt."),
            named(&[("Wes Odom, Jr.", 50.0)])
        );
        assert_eq!(
            ages_of("Hurt was 50-year-old Wes Odom, Jr., of Ames."),
            named(&[("Wes Odom, Jr.", 50.0)])
        );
    }

    #[test]
    fn an_age_described_first_goes_to_the_person_named_next() {
        let rules = rules();
        let doubted = |text: &str| -> Vec<(String, f64)> {
            claims(text, &rules)
                .into_iter()
                .filter(|c| c.property == "age" && !c.doubts.is_empty())
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
            doubted("A 16-year-old boy was shot Monday. Police said Dale Ruiz was shot at noon."),
            named(&[("Dale Ruiz", 16.0)])
        );
        assert_eq!(
            doubted("A 3-year-old boy was shot at home. The toddler was identified as Ben Oduya."),
            named(&[("Ben Oduya", 3.0)])
        );
        // Another kind of person, a victim for a suspect, someone told of in passing, a
        // second age, or a name with no part in what happened: nobody gets the age.
        assert_eq!(
            doubted("His 11-year-old son was shot. The father, identified as Vic Poole, wept."),
            named(&[])
        );
        assert_eq!(
            doubted("A 16-year-old boy was shot. Ray Lund was arrested later."),
            named(&[])
        );
        assert_eq!(
            doubted("Police mourned the death of a 10-year-old. Ray Lund was charged."),
            named(&[])
        );
        assert_eq!(
            doubted("A 16-year-old boy was shot. Ray Lund, 30, was hurt too."),
            named(&[])
        );
        assert_eq!(
            doubted("A 16-year-old boy was shot. Ray Lund has more on the story."),
            named(&[])
        );
        // Set off after a noun for the same person, or after an opening phrase, or past a
        // clause after the name.
        assert_eq!(
            doubted("A 1-year-old boy was shot. The coroner says the infant, Ty Marr, was hit."),
            named(&[("Ty Marr", 1.0)])
        );
        assert_eq!(
            doubted(
                "A 15-year-old boy was hurt. When police came, Dov Arant was treated for a wound."
            ),
            named(&[("Dov Arant", 15.0)])
        );
        assert_eq!(
            doubted(
                "A 48-year-old man was arrested. Police said Kip Hamm, who lives there, \
                 allegedly shot the teens."
            ),
            named(&[("Kip Hamm", 48.0)])
        );
        // A shooter is not the one shot; a relative of someone named is not the next name.
        assert_eq!(
            doubted("A 9-year-old girl was shot. Police said Kip Hamm shot the girl."),
            named(&[])
        );
        assert_eq!(
            doubted("Police said Lee's 1-year-old daughter was unhurt. Rae Lee was wounded."),
            named(&[])
        );
    }

    #[test]
    fn children_named_by_given_name_bear_the_family_name() {
        let rules = rules();
        let doubted = |text: &str| -> Vec<(String, f64)> {
            claims(text, &rules)
                .into_iter()
                .filter(|c| c.property == "age" && !c.doubts.is_empty())
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
            doubted("Police found Ann Vale and her two sons, 3-year-old Adam and 5-year-old Eli."),
            named(&[("Adam Vale", 3.0), ("Eli Vale", 5.0)])
        );
        assert_eq!(
            doubted("Bo Chu and his six-year-old brother Sam were hurt."),
            named(&[("Sam Chu", 6.0)])
        );
        assert_eq!(
            doubted("Pat Mill's 8-year-old son Cody was shot."),
            named(&[("Cody Mill", 8.0)])
        );
        assert_eq!(
            doubted("Ann Vale said her 17-year-old son, Manny, was hurt."),
            named(&[("Manny Vale", 17.0)])
        );
        // A street is no family.
        assert_eq!(
            doubted("He lives on Ash Lane with his 4-year-old son, Rory."),
            named(&[])
        );
        // No word for the children: the given name is anyone's.
        assert_eq!(doubted("Ann Vale saw 3-year-old Adam fall."), named(&[]));
    }
}
