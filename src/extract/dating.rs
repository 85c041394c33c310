//! What a date dates, for every date claim: [`date_subject`] reads the sentence around a date
//! and the event it was attached to (a statement's date, a charge's, a page's stamp, a
//! period's start are no incident's), [`detach_out_of_time`] takes the event off dates out of
//! the report's time, and [`settle_dates`] reads the whole report (dates of other incidents
//! and of round-ups are doubted; court and arrest dates are one named procedure's for one
//! named person). The dates themselves are read below: written ones and dates in words by
//! [`crate::extract::lexical::date`], relative ones by [`crate::extract::lexical::relative`].

use jiff::civil::Date;

use super::dates::days_of;
use super::document::{Context, Draft};
use super::lexical::relative::weekday;
use super::tokens::TokenKind;
use crate::model::DateValue;

/// Where a stated date lies against the date of the report that states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recency {
    /// After the report's date: something planned or expected, never an incident the report
    /// tells of.
    Later,
    /// Within the year before the report (or on its day): the news the report is about.
    Recent,
    /// More than a year before the report: history ("convicted of murder in March 1992", "the
    /// 1989 earthquake"), another event than the one reported.
    Past,
}

/// Where `value` lies against `today`, the report's date. A month or a year alone is `Later`
/// or `Past` only when every one of its days is.
pub fn recency(value: &DateValue, today: Date) -> Recency {
    let year = value.year.unwrap_or(i32::from(today.year()));
    if i16::try_from(year).is_err() {
        return if year > i32::from(today.year()) {
            Recency::Later
        } else {
            Recency::Past
        };
    }
    let Some((first, last)) = days_of(value, today) else {
        return Recency::Recent;
    };
    if first > today {
        return Recency::Later;
    }
    match today.checked_sub(jiff::Span::new().years(1)) {
        Ok(year_before) if last < year_before => Recency::Past,
        _ => Recency::Recent,
    }
}

/// Takes the event off date claims that cannot date it, given the report's date `today`:
/// history (more than a year before the report) dates no event the report tells of, and a
/// date after the report dates no incident (a shooting, a crash): "officials plan to address
/// the shooting Monday" dates the plan. The claims stay, without an event to compare them by.
pub fn detach_out_of_time(
    drafts: &mut [Draft],
    today: Date,
    incidents: &rustc_hash::FxHashSet<String>,
) {
    for d in drafts.iter_mut() {
        let (crate::model::Value::Date(value), Some(subject)) = (&d.value, &d.subject) else {
            continue;
        };
        let detach = match recency(value, today) {
            Recency::Past => true,
            Recency::Later => incidents.contains(&subject.key),
            Recency::Recent => false,
        };
        // A hearing or a meeting after the report is planned: it is compared with other
        // plans, not with what reports say took place.
        if !detach && recency(value, today) == Recency::Later {
            d.modality = crate::model::Modality::Planned;
        }
        if detach {
            d.subject = None;
        }
    }
}

// What a date dates. The extractor (`extract::date_draft`) hands [`date_subject`] the event
// that quantity's event reader (`event_near`) finds nearest the date in its clause; the
// sentence around the two may show the date is another event's: a statement's ("police on Tuesday said a shooting ..."), a court's
// ("charged with murder Wednesday"), or another incident's ("a separate shooting on Oct. 30").

/// Words between a date and an event named after it that take the date: a preposition that
/// opens another complement, or a verb of saying or finding.
const TAKES_THE_DATE: &[&str] = &[
    "on",
    "of",
    "concerning",
    "regarding",
    "surrounding",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "shows",
    "showed",
    "found",
    "indicates",
];

/// Words that make a date the time of something else than the event before them.
const TIME_OF_ANOTHER: &[&str] = &[
    "after",
    "before",
    "following",
    "when",
    "during",
    "since",
    "while",
    "until",
];

/// Words for the people or the acts a charge or an arrest is about, besides the court and
/// arrest event words: "suspect in the shooting", "accused of murder".
const PROCEDURE_WORDS: &[&str] = &[
    "accused",
    "suspected",
    "suspect",
    "suspects",
    "charges",
    "guilty",
    "indictment",
    "warrant",
];

/// The event word the event reader chose for the date at `at`: the nearest phrase of the
/// sentence with the subject's key and text, as (first token, length).
fn event_word(ctx: &Context, at: usize, subject: &crate::model::Subject) -> Option<(usize, usize)> {
    let toks = ctx.tokens;
    let range = ctx.sentences.get(toks.get(at)?.sentence)?.clone();
    range
        .filter_map(|k| {
            let (len, key) = ctx.t.c.events.at(toks, k)?;
            let text = ctx.text.get(toks[k].start..toks[k + len - 1].end)?;
            (*key == subject.key && text == subject.text).then_some((k, len))
        })
        .min_by_key(|&(k, _)| k.abs_diff(at))
}

/// Whether the word before the date at `first` (past "on", "early", "late", ...) tells what
/// happened to a victim: "was wounded late Sunday in a shooting".
fn victim_verb_right_before(ctx: &Context, first: usize) -> bool {
    let sentence = ctx.tokens[first].sentence;
    ctx.victim_verb_before(first, ctx.sentences[sentence].start)
}

/// A verb in the past ("indicated", "remained"), not a victim's or an event's.
fn past_verb(ctx: &Context, j: usize) -> bool {
    let w = ctx.lower(j);
    w.len() > 4
        && w.ends_with("ed")
        && ctx.t.c.victim_words.at(ctx.tokens, j).is_none()
        && ctx.t.c.events.at(ctx.tokens, j).is_none()
}

/// Whether token `j` ends a clause.
fn clause_break(ctx: &Context, j: usize) -> bool {
    matches!(ctx.lower(j), "," | ";" | ":" | "—" | "–" | "(" | ")")
}

/// A date written in full in a line of capitalised words: a page's header or a byline
/// ("Charges Dropped Against Teen August 12th, 2016 Jane Roe"), the day of publication.
fn in_a_stamp(ctx: &Context, first: usize) -> bool {
    let toks = ctx.tokens;
    let Some(range) = ctx.sentences.get(toks[first].sentence) else {
        return false;
    };
    let words = || {
        range
            .clone()
            .filter(|&j| toks[j].kind == TokenKind::Word && ctx.lower(j).chars().count() > 3)
    };
    words().count() >= 6 && words().all(|j| toks[j].capitalized)
}

/// Whether the date at tokens `first..=last` is a page's stamp, not an event's: a line of its
/// own ("February 5, 2009", perhaps with the hour), after "posted", "updated" or "published",
/// or inside a web address ("/2009-02-03-williams-arrested").
fn publication_stamp(ctx: &Context, first: usize, last: usize) -> bool {
    let toks = ctx.tokens;
    let (start, end) = (toks[first].start, toks[last].end);
    let text = ctx.text;
    if text[end..].starts_with(['-', '_']) || text[..start].ends_with('/') {
        return true;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = text[line_start..start].trim();
    let after = text[end..line_end].trim();
    // "6: 22AM", "1: 28PM GMT", "14: 58 hrs".
    let hour_only = after.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| c.is_ascii_punctuation())
            .to_ascii_lowercase();
        let digits = w
            .strip_suffix("am")
            .or_else(|| w.strip_suffix("pm"))
            .unwrap_or(&w);
        digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
            || matches!(
                w.as_str(),
                "a.m"
                    | "p.m"
                    | "hrs"
                    | "gmt"
                    | "utc"
                    | "est"
                    | "edt"
                    | "cst"
                    | "cdt"
                    | "pst"
                    | "pdt"
                    | "et"
            )
    });
    // "Tue", "WEDNESDAY": the weekday of the stamp.
    let weekday_only = before.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| c.is_ascii_punctuation())
            .to_ascii_lowercase();
        weekday(ctx.t.rules, &w).is_some()
            || matches!(
                w.as_str(),
                "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
            )
            || !w.chars().any(char::is_alphanumeric)
    });
    let stamp_word = (first.saturating_sub(3)..first).any(|j| {
        matches!(
            ctx.lower(j),
            "posted" | "updated" | "published" | "modified"
        )
    });
    stamp_word || (hour_only && weekday_only)
}

/// The incident whose noun phrase the date at tokens `first..=last` stands in: an article
/// before the date and the incident word after it, with at most two words between ("the
/// June 20, 2005 attempted murder", "a Saturday night shooting").
fn incident_after_article(
    ctx: &Context,
    first: usize,
    last: usize,
) -> Option<crate::model::Subject> {
    let toks = ctx.tokens;
    if first == 0 || !matches!(ctx.lower(first - 1), "the" | "a" | "an") {
        return None;
    }
    let sentence = toks[first].sentence;
    (last + 1..(last + 4).min(toks.len()))
        .take_while(|&j| toks[j].sentence == sentence && toks[j].is_word())
        .find_map(|j| {
            let (len, key) = ctx.t.c.events.at(toks, j)?;
            ctx.t
                .rules
                .incidents
                .contains(key)
                .then(|| crate::model::Subject {
                    text: ctx.text[toks[j].start..toks[j + len - 1].end].to_string(),
                    key: key.clone(),
                })
        })
}

/// Whether the incident word at `k` names an offence, without an article: "charged with
/// second-degree murder", not "charged for a drive-by shooting" (which is one event).
fn offence_named(ctx: &Context, k: usize) -> bool {
    let sentence = ctx.tokens[k].sentence;
    let mut j = k;
    for _ in 0..3 {
        if j == 0 || ctx.tokens[j - 1].sentence != sentence {
            return true;
        }
        j -= 1;
        match ctx.lower(j) {
            "a" | "an" | "the" | "this" | "that" | "his" | "her" | "their" | "its" => {
                return false;
            }
            "with" | "to" | "of" | "for" | "in" => return true,
            _ => {}
        }
    }
    true
}

/// The subject a date at tokens `first..=last` dates, given the event the event reader
/// attached it to: none when the sentence shows the date is not the event's, or the court
/// or arrest event that takes it from an incident the charge names.
pub fn date_subject(
    ctx: &Context,
    first: usize,
    last: usize,
    value: &DateValue,
    subject: Option<crate::model::Subject>,
) -> Option<crate::model::Subject> {
    let subject = subject?;
    let toks = ctx.tokens;
    if subject.key.starts_with("death of") || last >= toks.len() || first > last {
        return Some(subject);
    }
    // "No one was in custody as of Tuesday morning": the time of a state of affairs.
    if first >= 2 && ctx.lower(first - 1) == "of" && ctx.lower(first - 2) == "as" {
        return None;
    }
    if value.year.is_some() && !value.resolved && in_a_stamp(ctx, first) {
        return None;
    }
    if publication_stamp(ctx, first, last) {
        return None;
    }
    // "met from June 19, 1972 -- two days after the break-in -- to November 1973": the start
    // of a period, however far its end.
    if first > 0 && ctx.lower(first - 1) == "from" {
        let sentence = ctx.sentences[toks[first].sentence].clone();
        if (last + 1..sentence.end).any(|j| matches!(ctx.lower(j), "to" | "until" | "through")) {
            return None;
        }
    }
    // "the June 20 attempted murder", "a Jan. 7 shooting": a date inside an incident's noun
    // phrase is the incident's, whatever event word is nearer.
    if let Some(incident) = incident_after_article(ctx, first, last) {
        return Some(incident);
    }
    let Some((k, len)) = event_word(ctx, first, &subject) else {
        return Some(subject);
    };
    // "Pershing Court Manor": an event word inside a name.
    let capital_word = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.capitalized && t.kind == TokenKind::Word)
    };
    if len == 1
        && k > 0
        && !ctx.starts_sentence(k)
        && capital_word(k)
        && capital_word(k - 1)
        && capital_word(k + 1)
    {
        return None;
    }
    let possessive = (first..=(last + 1).min(toks.len() - 1)).any(|j| {
        let t = ctx.tok_text(j);
        t.ends_with("'s") || t.ends_with("’s")
    });
    // An event named after the date across a verb or a complement: "remained mum on Monday
    // concerning the shooting", "police on Tuesday said a shooting was accidental", "an
    // autopsy performed Saturday indicated the shooting".
    if k > last
        && !possessive
        && (last + 1..k).any(|j| TAKES_THE_DATE.contains(&ctx.lower(j)) || past_verb(ctx, j))
        && !victim_verb_right_before(ctx, first)
    {
        return None;
    }
    // An incident the charge or the arrest names, with the date right after it: "charged
    // with murder Wednesday" dates the charge. ("Charged with murder for a homicide that
    // happened on March 7" and "charged after a shooting early Tuesday" date the incident.)
    let right_after = k + len <= first
        && (k + len..first).all(|j| matches!(ctx.lower(j), "on" | "early" | "late" | "last"));
    if right_after && ctx.t.rules.incidents.contains(&subject.key) && offence_named(ctx, k) {
        let start = ctx.sentences[toks[k].sentence]
            .start
            .max(k.saturating_sub(14));
        let mut j = k;
        while j > start {
            j -= 1;
            let w = ctx.lower(j);
            if clause_break(ctx, j) {
                break;
            }
            // "accessory after the fact" is a charge, not a time.
            let charge_name =
                w == "after" && ctx.lower(j + 1) == "the" && ctx.lower(j + 2) == "fact";
            if TIME_OF_ANOTHER.contains(&w) && !charge_name {
                break;
            }
            if let Some((plen, key)) = ctx.t.c.events.at(toks, j)
                && matches!(key.as_str(), "court" | "arrest")
            {
                return Some(crate::model::Subject {
                    text: ctx.text[toks[j].start..toks[j + plen - 1].end].to_string(),
                    key: key.clone(),
                });
            }
            if PROCEDURE_WORDS.contains(&w) {
                return None;
            }
        }
    }
    Some(subject)
}

/// Words that set an incident apart from the report's own: "a separate shooting", "an
/// earlier homicide", "another capital murder charge for the Nov. 7 shooting".
const ANOTHER_INCIDENT: &[&str] = &[
    "another",
    "separate",
    "earlier",
    "previous",
    "prior",
    "similar",
    "unrelated",
];

/// The doubt of a date of an incident the report tells of besides its own.
pub const OTHER_INCIDENT: &str = "the date of another incident than the report's";
/// The doubt of a date several incidents share.
pub const SEVERAL_INCIDENTS: &str = "the date of several incidents told together";
/// The doubt of a date of a court event or an arrest no named person is given for.
pub const NOBODY_NAMED: &str =
    "a court or arrest date without the person it is for: a story tells of several";

/// Whether the incident word at `k` is set apart from the report's incident by a word before
/// it: "a separate shooting", "the earlier homicide", or "another" earlier in its clause.
fn set_apart(ctx: &Context, k: usize) -> bool {
    let sentence = ctx.tokens[k].sentence;
    let start = ctx.sentences[sentence].start.max(k.saturating_sub(10));
    let mut j = k;
    while j > start {
        j -= 1;
        if clause_break(ctx, j) {
            return false;
        }
        let w = ctx.lower(j);
        if k - j <= 4 && ANOTHER_INCIDENT.contains(&w) {
            return true;
        }
        // "faces another murder charge for the Nov. 7 shooting" (but "another man was hurt
        // in the shooting" is one more victim of it).
        if w == "another"
            && (j + 1..(j + 4).min(k)).any(|m| {
                matches!(
                    ctx.lower(m),
                    "charge" | "charges" | "count" | "counts" | "case" | "cases"
                )
            })
        {
            return true;
        }
        // "in retaliation for a shooting on Saturday": the shooting avenged is an earlier one.
        if w == "retaliation" && matches!(ctx.lower(j + 1), "for" | "over") {
            return true;
        }
    }
    false
}

/// Whether the incident word at `k` (of `len` tokens) is named by a victim the report names
/// nowhere else: "the feud followed the shooting of John Roe on March 19" tells of an
/// earlier incident in passing; the report's own victim is named again.
fn named_by_victim(ctx: &Context, k: usize, len: usize) -> bool {
    let mut j = k + len;
    if matches!(ctx.lower(j), "death" | "deaths") {
        j += 1;
    }
    if ctx.lower(j) != "of" {
        return false;
    }
    j += 1;
    if ctx.lower(j).ends_with("-old") {
        j += 1;
    }
    let Some((_, person)) = super::names::person_name_at(ctx, j) else {
        return false;
    };
    let Some(surname) = person.key.rsplit(' ').next() else {
        return false;
    };
    let here = ctx.tokens[k].sentence;
    !ctx.tokens
        .iter()
        .any(|t| t.sentence != here && t.capitalized && ctx.t.rules.fold_word(&t.lower) == surname)
}

/// Whether the incident word at `k` is brought in with an indefinite article ("a shooting",
/// "a Nov. 22 shooting", "a homicide"), past any words and dates that qualify it.
fn indefinite(ctx: &Context, k: usize) -> bool {
    let sentence = ctx.tokens[k].sentence;
    let mut j = k;
    for _ in 0..5 {
        if j == 0 || ctx.tokens[j - 1].sentence != sentence {
            return false;
        }
        j -= 1;
        match ctx.lower(j) {
            "a" | "an" => return true,
            "the" | "this" | "that" | "his" | "her" | "their" | "its" | "our" => return false,
            _ if clause_break(ctx, j) => return false,
            _ => {}
        }
    }
    false
}

/// Whether the incident word at `k` is brought in as another one than the report's: by
/// "there was a ..." ("There was a homicide there in late September"; a report tells its own
/// incident as news), or as the time of the report's ("The killing comes weeks after a Nov.
/// 22 shooting").
fn introduced_as_another(ctx: &Context, k: usize) -> bool {
    let sentence = ctx.tokens[k].sentence;
    let start = ctx.sentences[sentence].start.max(k.saturating_sub(8));
    let open = |j: usize| (j..k).all(|m| !clause_break(ctx, m));
    let there_was = (start..k).any(|j| {
        ctx.lower(j) == "there" && matches!(ctx.lower(j + 1), "was" | "were" | "had") && open(j)
    });
    let weeks_after = (start..k).any(|j| {
        matches!(ctx.lower(j), "days" | "weeks" | "months" | "years")
            && matches!(ctx.lower(j + 1), "after" | "before" | "since")
            && open(j)
    });
    (there_was || weeks_after) && indefinite(ctx, k)
}

/// A person named in the sentence of the event word at `k` (of `len` tokens), by a surname
/// the document gives a full name for: the name after "of" or right after an active event
/// word ("the arrest of John Roe", "arrested Roe"), else the nearest name before the event
/// ("Roe was arraigned", "Roe's arrest"). Returns the surname as written and its key.
fn person_of(
    ctx: &Context,
    k: usize,
    len: usize,
    surnames: &rustc_hash::FxHashSet<String>,
) -> Option<(String, String)> {
    let toks = ctx.tokens;
    let sentence = toks[k].sentence;
    let range = ctx.sentences[sentence].clone();
    let name = |j: usize| -> Option<(String, String)> {
        let t = toks.get(j)?;
        if t.sentence != sentence || !t.capitalized || t.kind != TokenKind::Word {
            return None;
        }
        let key = ctx.t.rules.fold_word(&t.lower).to_string();
        if !surnames.contains(&key) {
            return None;
        }
        let text = ctx.tok_text(j);
        let text = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .unwrap_or(text);
        Some((text.to_string(), key))
    };
    let next = k + len;
    let object = ctx.lower(next) == "of"
        || (toks
            .get(next)
            .is_some_and(|t| t.capitalized && t.kind == TokenKind::Word)
            && !super::grammar::is_passive(ctx, k));
    if object
        && let Some(found) = (next..(next + 5).min(range.end))
            .take_while(|&j| !clause_break(ctx, j))
            .find_map(name)
    {
        return Some(found);
    }
    (range.start..k).rev().find_map(name)
}

/// What a court event is called, by its event word: "arraigned" and "arraignment" are one
/// procedure. A hearing keeps the word that says which one ("preliminary hearing").
fn procedure(ctx: &Context, k: usize, len: usize, key: &str) -> String {
    if key == "arrest" {
        return "arrest".to_string();
    }
    let word = ctx.lower(k + len - 1);
    let name = match word {
        "arraigned" | "arraignment" => "arraignment",
        "charged" => "charge",
        "indicted" => "indictment",
        "sentenced" | "sentencing" => "sentencing",
        "trial" => "trial",
        "convicted" => "conviction",
        "pleaded" => "plea",
        "hearing" => {
            let before = k.checked_sub(1).map_or("", |j| ctx.lower(j));
            let plain = before.is_empty()
                || !ctx.tokens[k - 1].is_word()
                || ctx.tokens[k - 1].capitalized
                || ctx.t.c.stop_words.contains(before)
                || matches!(
                    before,
                    "next" | "first" | "second" | "new" | "another" | "court" | "scheduled"
                );
            return if plain {
                "hearing".to_string()
            } else {
                format!("{before} hearing")
            };
        }
        _ => "court appearance",
    };
    name.to_string()
}

/// Settles the subjects of a document's date claims once all are read (`drafts` holds the
/// date claims only, `today` the report's date):
///
/// - an incident date is doubted as to its subject when it dates several incidents ("two
///   separate shootings Monday night", "Thursday night's shootings"), an incident the report
///   sets apart from its own ("a separate shooting", "another murder charge for the Nov. 7
///   shooting") or names by a victim it names nowhere else ("the shooting of John Roe"), an
///   incident it brings in as another ("There was a homicide there in late September", "weeks
///   after a Nov. 22 shooting"), when the report gives the same day to a set-apart incident
///   anywhere, dates a victim's death before it, or dates incidents on three days or more (a
///   round-up);
/// - a court or arrest date is one named procedure's for one named person ("arraignment of
///   roe", "arrest of roe"): a story tells of several hearings and arrests, and only the same
///   one dated twice contradicts. Without a named person the date is doubted.
pub fn settle_dates(ctx: &Context, drafts: &mut [Draft], today: Option<Date>) {
    use crate::model::{Aspect, Doubt, Subject, Value};
    let toks = ctx.tokens;
    let incidents = &ctx.t.rules.incidents;
    let token_of = |start: usize| toks.partition_point(|t| t.end <= start);
    let mut other_days: Vec<DateValue> = Vec::new();
    let mut earliest_death: Option<(i32, u32, u32)> = None;
    // The days of the dates in sentences that name an incident: a report that names incidents
    // on three days or more is a round-up of several.
    let mut incident_days: Vec<(u32, u32)> = Vec::new();
    let year_of = |v: &DateValue| v.year.or(today.map(|t| i32::from(t.year())));
    for d in drafts.iter() {
        let Value::Date(v) = &d.value else { continue };
        if let (Some(y), Some(m), Some(day)) = (year_of(v), v.month, v.day)
            && d.subject
                .as_ref()
                .is_some_and(|s| s.key.starts_with("death of"))
            && earliest_death.is_none_or(|e| (y, m, day) < e)
        {
            earliest_death = Some((y, m, day));
        }
        // A set-apart incident before the date in its sentence, whatever the date was
        // attached to: "a separate shooting, one that occurred Oct. 30".
        let at = token_of(d.start);
        let Some(tok) = toks.get(at) else { continue };
        let apart = (ctx.sentences[tok.sentence].start..at).any(|k| {
            ctx.t
                .c
                .events
                .at(toks, k)
                .is_some_and(|(_, key)| incidents.contains(key))
                && set_apart(ctx, k)
        });
        if apart && v.day.is_some() {
            other_days.push(*v);
        }
        // Dates attached to an incident, or to nothing in a sentence that names an incident
        // and no hearing or arrest ("a man was hurt in Richfield on Jan. 3 in a shooting"): a
        // story's court dates are no incidents'.
        let keys = || {
            ctx.sentences[tok.sentence]
                .clone()
                .filter_map(|k| ctx.t.c.events.at(toks, k).map(|(_, key)| key))
        };
        let names_incident = match &d.subject {
            Some(s) => incidents.contains(&s.key),
            None => {
                keys().any(|key| incidents.contains(key))
                    && !keys().any(|key| matches!(key.as_str(), "court" | "arrest"))
            }
        };
        if let (true, Some(m), Some(day)) = (names_incident, v.month, v.day)
            && !incident_days.contains(&(m, day))
        {
            incident_days.push((m, day));
        }
    }
    let round_up = incident_days.len() >= 3;
    let mut surnames: Option<rustc_hash::FxHashSet<String>> = None;
    for d in drafts.iter_mut() {
        let (Value::Date(v), Some(subject)) = (&d.value, &d.subject) else {
            continue;
        };
        let at = token_of(d.start);
        let Some((k, len)) = event_word(ctx, at, subject) else {
            continue;
        };
        let last = ctx.lower(k + len - 1);
        let plural = last.ends_with('s') && !last.ends_with("ss");
        if incidents.contains(&subject.key) {
            let sentence = toks[k].sentence;
            let tally = ctx.sentences[sentence]
                .clone()
                .any(|j| ctx.t.c.tallies.at(toks, j).is_some() || ctx.lower(j) == "separate");
            let later_than_death = earliest_death.is_some_and(|e| {
                matches!((year_of(v), v.month, v.day), (Some(y), Some(m), Some(day)) if (y, m, day) > e)
            });
            let other = set_apart(ctx, k)
                || named_by_victim(ctx, k, len)
                || introduced_as_another(ctx, k)
                || other_days.iter().any(|o| o.compatible(v))
                || later_than_death;
            // A tally phrase that sets one incident apart ("retaliation for a shooting") tells
            // of another incident, not of several.
            let several = round_up || plural || (tally && !other);
            if several {
                d.doubts
                    .push(Doubt::new(Aspect::Subject, SEVERAL_INCIDENTS));
            } else if other {
                d.doubts.push(Doubt::new(Aspect::Subject, OTHER_INCIDENT));
            }
            continue;
        }
        if !matches!(subject.key.as_str(), "court" | "arrest") {
            continue;
        }
        let surnames = surnames.get_or_insert_with(|| {
            let mut set = rustc_hash::FxHashSet::default();
            let mut j = 0;
            while j < toks.len() {
                if toks[j].capitalized
                    && let Some((end, person)) = super::names::person_name_at(ctx, j)
                {
                    // "Corran Quay", "Elm Street": a place, not a person.
                    if let Some(surname) = person.key.rsplit(' ').next()
                        && !ctx.t.c.street_words.contains(surname)
                    {
                        set.insert(surname.to_string());
                    }
                    j = end + 1;
                } else {
                    j += 1;
                }
            }
            set
        });
        let name = procedure(ctx, k, len, &subject.key);
        match person_of(ctx, k, len, surnames) {
            Some((text, key)) => {
                d.subject = Some(Subject {
                    text: format!("{name} of {text}"),
                    key: format!("{name} of {key}"),
                });
            }
            None => d.doubts.push(Doubt::new(Aspect::Subject, NOBODY_NAMED)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::rules;
    use crate::model::{ClaimKind, Document, Value};

    /// The dates (text, "YYYY-MM-DD" with "?" for what is not stated) in a text dated `date`.
    #[track_caller]
    fn check(date: &str, text: &str, expected: &[(&str, &str)]) {
        let got: Vec<(String, String)> = date_claims(date, text)
            .into_iter()
            .map(|c| {
                let Value::Date(d) = c.value else {
                    panic!("not a date")
                };
                let f = |x: Option<u32>| x.map_or("?".to_string(), |v| format!("{v:02}"));
                (
                    c.text,
                    format!(
                        "{}-{}-{}",
                        d.year.map_or("?".into(), |y| y.to_string()),
                        f(d.month),
                        f(d.day)
                    ),
                )
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    /// The event each date in a text dated `date` is attached to.
    fn events(date: &str, text: &str) -> Vec<(String, Option<String>)> {
        date_claims(date, text)
            .into_iter()
            .map(|c| (c.text, c.subject.map(|s| s.key)))
            .collect()
    }

    /// The date claims of `text` in a document whose front matter dates it `date`.
    fn date_claims(date: &str, text: &str) -> Vec<crate::model::Claim> {
        crate::extract::tests_support::claims_dated(date, text, &rules())
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .collect()
    }

    #[test]
    fn dates_out_of_the_reports_time_date_no_incident() {
        // History: more than a year before the report.
        assert_eq!(
            events(
                "2021-06-10",
                "He was convicted of a shooting in March 2009."
            ),
            [("March 2009".to_string(), None)]
        );
        // Within the year: the news.
        assert_eq!(
            events("2021-06-10", "The shooting in March 2021 shocked the town."),
            [("March 2021".to_string(), Some("shooting".to_string()))]
        );
        // After the report: a plan, never an incident, but a hearing may be ahead.
        assert_eq!(
            events("2021-06-10", "The shooting on June 14 will be reviewed."),
            [("June 14".to_string(), None)]
        );
        assert_eq!(
            events("2021-06-10", "His hearing on June 14 was moved."),
            [("June 14".to_string(), Some("court".to_string()))]
        );
    }

    #[test]
    fn recency_compares_a_date_with_the_report() {
        use super::{Recency, recency};
        use crate::model::DateValue;
        let today = jiff::civil::date(2021, 6, 10);
        let at = |y, m, d| recency(&DateValue::new(y, m, d), today);
        assert_eq!(at(Some(2021), Some(6), Some(11)), Recency::Later);
        assert_eq!(at(Some(2021), Some(6), Some(10)), Recency::Recent);
        assert_eq!(at(None, Some(7), None), Recency::Later);
        assert_eq!(at(None, Some(6), None), Recency::Recent);
        assert_eq!(at(Some(2020), Some(6), Some(10)), Recency::Recent);
        assert_eq!(at(Some(2020), Some(5), None), Recency::Past);
        assert_eq!(at(Some(2019), None, None), Recency::Past);
        assert_eq!(at(Some(2020), None, None), Recency::Recent);
    }

    #[test]
    fn weekdays_are_the_latest_such_day() {
        // 2014-02-21 is a Friday.
        check(
            "2014-02-21",
            "Police said Thursday that the shooting happened.",
            &[("Thursday", "2014-02-20")],
        );
        check(
            "2014-02-21",
            "The council meets next Monday.",
            &[("next Monday", "2014-02-24")],
        );
        check(
            "2014-02-21",
            "It happened Friday night.",
            &[("Friday night", "2014-02-21")],
        );
        check(
            "2014-02-21",
            "He will appear in court on Wednesday.",
            &[("Wednesday", "2014-02-26")],
        );
        check(
            "2014-02-21",
            "On Thursday, Feb. 20, 2014, four died.",
            &[("Feb. 20, 2014", "2014-02-20")],
        );
    }

    #[test]
    fn days_months_and_years_around_the_document_date() {
        check(
            "2014-02-21",
            "The meeting was yesterday.",
            &[("yesterday", "2014-02-20")],
        );
        check(
            "2014-02-21",
            "Systems arrive early next month.",
            &[("early next month", "2014-03-?")],
        );
        check(
            "2014-01-10",
            "Sales fell last year.",
            &[("last year", "2013-?-?")],
        );
    }

    #[test]
    fn a_document_without_a_date_resolves_nothing() {
        let rules = rules();
        let doc = Document::from_text("t.txt", "Police said Thursday that it happened yesterday.");
        let dates = crate::extract::extract(0, &doc, &rules);
        assert!(dates.iter().all(|c| c.kind != ClaimKind::Date), "{dates:?}");
    }

    /// The date claims of `text` dated `date`: (text, subject key, doubt phrases).
    fn dated(date: &str, text: &str) -> Vec<(String, Option<String>, Vec<&'static str>)> {
        date_claims(date, text)
            .into_iter()
            .map(|c| {
                let why = c.doubts.iter().map(|d| d.why).collect();
                (c.text, c.subject.map(|s| s.key), why)
            })
            .collect()
    }

    /// The one date claim of `text` whose text is `what`.
    #[track_caller]
    fn one(date: &str, text: &str, what: &str) -> (Option<String>, Vec<&'static str>) {
        let found: Vec<_> = dated(date, text)
            .into_iter()
            .filter(|(t, ..)| t == what)
            .collect();
        assert_eq!(found.len(), 1, "{what:?} in {text:?}: {found:?}");
        let (_, key, why) = found.into_iter().next().expect("one claim");
        (key, why)
    }

    #[test]
    fn deictic_words_and_past_plans_are_doubted() {
        use crate::extract::lexical::relative::{DEICTIC, PAST_PLAN};
        // 2021-06-10 is a Thursday.
        let (_, why) = one(
            "2021-06-10",
            "The man hurt in today's shooting is stable.",
            "today's",
        );
        assert_eq!(why, [DEICTIC]);
        let (_, why) = one(
            "2021-06-10",
            "A man was shot last night near the mall.",
            "last night",
        );
        assert_eq!(why, [DEICTIC]);
        let (_, why) = one(
            "2021-06-10",
            "Both were due in court Monday for a hearing.",
            "Monday",
        );
        assert!(why.contains(&PAST_PLAN), "{why:?}");
        let (_, why) = one(
            "2021-06-10",
            "Both are due in court Monday for a hearing.",
            "Monday",
        );
        assert!(!why.contains(&PAST_PLAN), "{why:?}");
        let (_, why) = one(
            "2021-06-10",
            "A man was shot Tuesday near the mall.",
            "Tuesday",
        );
        assert!(why.is_empty(), "{why:?}");
    }

    #[test]
    fn a_web_address_with_another_day_makes_relative_dates_doubtful() {
        use crate::extract::lexical::relative::{ADDRESS_DATE, address_date};
        let day = |y, m, d| Some(jiff::civil::date(y, m, d));
        assert_eq!(
            address_date("http://a.com/news/2016/dec/18/story/"),
            day(2016, 12, 18)
        );
        assert_eq!(
            address_date("http://a.com/chicago/20130207/x/y"),
            day(2013, 2, 7)
        );
        assert_eq!(
            address_date("http://a.com/x-1124-20161123-story.html"),
            day(2016, 11, 23)
        );
        assert_eq!(
            address_date("http://a.com/2013-02-08/news/x"),
            day(2013, 2, 8)
        );
        assert_eq!(address_date("http://a.com/story/410864695.html"), None);
        let rules = rules();
        let text = "A man was shot Saturday near the mall. The shooting on June 5 shocked many.";
        let front = "---\ndate: 2021-06-10\nurl: http://a.com/2021/06/07/man-shot/\n---\n";
        let mut doc = Document::from_text("t.md", format!("{front}{text}"));
        doc.body_start = front.len();
        doc.meta.date = Some("2021-06-10".into());
        doc.meta.url = Some("http://a.com/2021/06/07/man-shot/".into());
        let claims = crate::extract::extract(0, &doc, &rules);
        let why = |t: &str| {
            claims
                .iter()
                .find(|c| c.text == t)
                .map(|c| c.doubts.iter().map(|d| d.why).collect::<Vec<_>>())
        };
        assert_eq!(why("Saturday"), Some(vec![ADDRESS_DATE]));
        assert_eq!(why("June 5"), Some(vec![]));
    }

    #[test]
    fn a_date_across_a_verb_or_a_complement_dates_no_event_after_it() {
        let d = "2021-06-10";
        let none = |text: &str, what: &str| assert_eq!(one(d, text, what).0, None, "{text}");
        none(
            "Police on Tuesday said a shooting at the park was accidental.",
            "Tuesday",
        );
        none(
            "An autopsy performed Saturday indicated the shooting was accidental.",
            "Saturday",
        );
        none(
            "Officers stayed silent on Monday concerning the fatal shooting.",
            "Monday",
        );
        none(
            "Ann Roe was held without bail Tuesday on charges of murder.",
            "Tuesday",
        );
        none(
            "No one was in custody in the shooting as of Tuesday morning.",
            "Tuesday morning",
        );
        // Still the incident's: the date's own phrase, or a victim's verb before it.
        let shooting = Some("shooting".to_string());
        assert_eq!(
            one(d, "Police are looking into a Tuesday shooting.", "Tuesday").0,
            shooting
        );
        assert_eq!(
            one(d, "He was wounded Tuesday in a shooting.", "Tuesday").0,
            shooting
        );
    }

    #[test]
    fn an_offence_charged_gives_its_date_to_the_charge() {
        let d = "2021-06-10";
        let (key, _) = one(
            d,
            "Ann Roe is charged with second-degree murder Wednesday.",
            "Wednesday",
        );
        assert_eq!(key.as_deref(), Some("charge of roe"));
        // The incident itself: a relative clause, "after", or an article.
        let text = "Ann Roe was charged with murder for a homicide that happened on June 7.";
        assert_eq!(one(d, text, "June 7").0.as_deref(), Some("shooting"));
        let text = "Ann Roe was charged with murder after a shooting early Tuesday.";
        assert_eq!(one(d, text, "Tuesday").0.as_deref(), Some("shooting"));
        let text = "Ann Roe was charged for a drive-by shooting Tuesday at the park.";
        assert_eq!(one(d, text, "Tuesday").0.as_deref(), Some("shooting"));
        // A date inside an incident's noun phrase is that incident's.
        let text = "Ann Roe was also convicted of the May 2, 2021 attempted murder of a clerk.";
        assert_eq!(one(d, text, "May 2, 2021").0.as_deref(), Some("shooting"));
    }

    #[test]
    fn names_stamps_and_periods_are_no_events() {
        let d = "2021-06-10";
        let text = "Shots were heard at a shooting at Maple Court Apartments on Thursday.";
        assert_eq!(one(d, text, "Thursday").0, None);
        let text = "Home News Charges Dropped Against Teen Accused Of Attempted Murder June 3rd, 2021 Jane Doe Springfield\n\nThe charges were dropped.";
        assert_eq!(one(d, text, "June 3rd, 2021").0, None);
        let text = "Teen charged in the shooting\nJune 3, 2021 6: 22AM\nA teen was charged in the shooting.";
        assert_eq!(one(d, text, "June 3, 2021").0, None);
        let text = "A teen was charged in the shooting, posted June 3, 2021 by the paper.";
        assert_eq!(one(d, text, "June 3, 2021").0, None);
        let text = "See www. a. com / 2021-06-03-teen-charged-in-shooting for the story.";
        assert!(
            dated(d, text).iter().all(|(_, key, _)| key.is_none()),
            "{text}"
        );
        let text = "The two met from June 1, 2021 -- a day after the vote -- to the end of July.";
        assert_eq!(one(d, text, "June 1, 2021").0, None);
    }

    #[test]
    fn dates_of_other_incidents_are_doubted() {
        use super::{OTHER_INCIDENT, SEVERAL_INCIDENTS};
        let d = "2021-06-10";
        let doubt = |text: &str, what: &str| one(d, text, what).1;
        let text = "Police are investigating two separate shootings Monday night.";
        assert_eq!(doubt(text, "Monday night"), [SEVERAL_INCIDENTS]);
        let text = "There is no link to Thursday night's shootings downtown.";
        assert_eq!(doubt(text, "Thursday night's"), [SEVERAL_INCIDENTS]);
        let text = "Roe faces another murder charge for the May 7 shooting of a clerk.";
        assert_eq!(doubt(text, "May 7"), [OTHER_INCIDENT]);
        let text = "The feud grew after the shooting of John Roe in Springfield on May 19.";
        assert_eq!(doubt(text, "May 19"), [OTHER_INCIDENT]);
        let text =
            "Police said the shooting was a dispute. There was a homicide there in late May.";
        assert_eq!(doubt(text, "May"), [OTHER_INCIDENT]);
        let text = "The shooting left one hurt. It came weeks after a May 22 shooting nearby.";
        assert_eq!(doubt(text, "May 22"), [OTHER_INCIDENT]);
        let text = "The attack was retaliation for a shooting on Saturday.";
        assert_eq!(doubt(text, "Saturday"), [OTHER_INCIDENT]);
        // The same day given to a set-apart incident elsewhere in the report.
        let text = "A warrant was served for a separate shooting, one that occurred May 30. \
                    Roe was charged with assault in the May 30 shooting.";
        let claims = dated(d, text);
        let attached: Vec<_> = claims.iter().filter(|(_, key, _)| key.is_some()).collect();
        assert_eq!(attached.len(), 1, "{claims:?}");
        assert_eq!(attached[0].2, [OTHER_INCIDENT], "{claims:?}");
        // One more victim of the report's incident, and its own victim named again.
        let text = "Another man was hurt in the shooting Sunday.";
        assert!(doubt(text, "Sunday").is_empty());
        let text = "Police spoke about the shooting of John Roe on May 19. Roe was 20.";
        assert!(doubt(text, "May 19").is_empty());
        // A report's own incident brought in with "a" is no other incident.
        let text = "Deputies are investigating a Saturday shooting that left a boy hurt.";
        assert!(doubt(text, "Saturday").is_empty());
    }

    #[test]
    fn a_story_with_court_dates_is_no_round_up() {
        let text = "The shooting happened on June 1. Ann Roe was charged in the shooting on \
                    June 3. Roe will appear in court for the shooting on June 20.";
        let (key, why) = one("2021-06-10", text, "June 1");
        assert_eq!(key.as_deref(), Some("shooting"));
        assert!(why.is_empty(), "{why:?}");
    }

    #[test]
    fn a_report_that_dates_incidents_on_three_days_is_a_round_up() {
        use super::SEVERAL_INCIDENTS;
        let text = "A man was hurt in the shooting on June 1. A woman was hurt in the shooting \
                    on June 3. A boy was hurt in the shooting on June 5.";
        let claims = dated("2021-06-10", text);
        assert_eq!(claims.len(), 3, "{claims:?}");
        assert!(
            claims.iter().all(|(.., why)| why == &[SEVERAL_INCIDENTS]),
            "{claims:?}"
        );
    }

    #[test]
    fn an_incident_dated_after_a_death_the_report_dates_is_another() {
        use super::OTHER_INCIDENT;
        let text = "Ann Roe was shot and killed on June 1. Her brother was hurt in \
                    Tuesday's shooting.";
        assert_eq!(one("2021-06-10", text, "Tuesday's").1, [OTHER_INCIDENT]);
    }

    #[test]
    fn court_and_arrest_dates_are_a_named_procedure_of_a_named_person() {
        use super::NOBODY_NAMED;
        let d = "2021-06-10";
        let text = "Ann Roe was arraigned Monday. Roe waived a preliminary hearing Tuesday.";
        assert_eq!(
            one(d, text, "Monday").0.as_deref(),
            Some("arraignment of roe")
        );
        assert_eq!(
            one(d, text, "Tuesday").0.as_deref(),
            Some("preliminary hearing of roe")
        );
        let text = "Ann Roe was hurt. After Roe's arrest on Tuesday morning, police spoke.";
        assert_eq!(
            one(d, text, "Tuesday morning").0.as_deref(),
            Some("arrest of roe")
        );
        let text = "Police arrested Ann Roe Monday near the park.";
        assert_eq!(one(d, text, "Monday").0.as_deref(), Some("arrest of roe"));
        let text = "He was arraigned Monday in the shooting.";
        assert_eq!(
            one(d, text, "Monday"),
            (Some("court".to_string()), vec![NOBODY_NAMED])
        );
    }

    #[test]
    fn a_court_date_after_the_report_is_planned() {
        let claims = date_claims("2021-06-10", "Ann Roe will be sentenced on June 20.");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].modality, crate::model::Modality::Planned);
        let claims = date_claims("2021-06-10", "Ann Roe was sentenced on June 2.");
        assert_eq!(claims[0].modality, crate::model::Modality::Asserted);
    }
}
