//! Compare: decides whether each group of claims agrees or conflicts.
//!
//! Quantities are intervals converted to the base unit of their dimension: overlapping
//! intervals agree, disjoint ones conflict. Dates agree when every field both state is the
//! same. Titles agree when they name the same post, or one is a broader description of the
//! other's post in the rules. Only claims from different documents are held against each
//! other.
//!
//! Every stage is linear in a group's claims or n log n: each claim is normalised once, into
//! a class of claims that [`agree`] cannot tell apart, and pairs of classes are compared, not
//! pairs of claims (a story repeated a hundred times has a hundred times the claims and the
//! same classes).

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use jiff::civil::Date;

use crate::extract::date_label;
use crate::extract::dating::{Recency, recency};
use crate::extract::lexical::relative::document_date;
use crate::extract::roles::normal_title;
use crate::model::{
    Claim, ClaimGroup, ClaimKind, DateValue, Document, Finding, FindingKind, Interval, Scope,
    Severity, Support, Value,
};
use crate::rules::Rules;

/// One finding per group, conflicts first, then updates, then agreements, each in the order
/// of their first claim.
pub fn compare(
    groups: &[ClaimGroup],
    claims: &[Claim],
    docs: &[Document],
    rules: &Rules,
) -> Vec<Finding> {
    compare_dated(groups, claims, docs, &Dated::of(docs), rules)
}

/// What comparison reads of the whole corpus besides a group's claims: each document's date,
/// and today's (the date of a report that gives none). Worked out once for a run that compares
/// its groups a few at a time ([`compare_dated`]).
#[derive(Debug, Clone)]
pub struct Dated {
    dates: Vec<Option<Date>>,
    today: Date,
}

impl Dated {
    /// The dates of `docs` (claims' `doc` indices into them), and today's.
    pub fn of(docs: &[Document]) -> Self {
        Self {
            dates: docs
                .iter()
                .map(|d| document_date(d.meta.date.as_deref()))
                .collect(),
            today: today(),
        }
    }
}

/// [`compare`] with the documents' dates worked out already: `groups` index into `claims`, whose
/// `doc` indexes into `docs` and `dated` (made by [`Dated::of`] from the same documents).
pub fn compare_dated(
    groups: &[ClaimGroup],
    claims: &[Claim],
    docs: &[Document],
    dated: &Dated,
    rules: &Rules,
) -> Vec<Finding> {
    let (dates, today) = (&dated.dates, dated.today);
    // Groups are judged apart, on the current thread pool; the order is that of `groups`.
    let mut findings: Vec<Finding> = groups
        .par_iter()
        .filter_map(|g| judge(g, claims, docs, dates, today, rules))
        .collect();
    findings.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| a.claims.first().cmp(&b.claims.first()))
            .then_with(|| a.subject.cmp(&b.subject))
    });
    findings
}

/// Today's date (UTC): the date of a report that gives none.
fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

fn judge(
    group: &ClaimGroup,
    claims: &[Claim],
    docs: &[Document],
    dates: &[Option<Date>],
    today: Date,
    rules: &Rules,
) -> Option<Finding> {
    let members: Vec<&Claim> = group.claims.iter().map(|&i| &claims[i]).collect();
    let classes = Classes::new(&members, rules);
    // Only definite claims are held against each other; a claim the extractor doubts (a
    // weekday from a doubtful anchor, a title that is no known post) may still agree.
    let held: Vec<&Claim> = members
        .iter()
        .copied()
        .filter(|c| c.is_definite())
        .collect();
    // A report that itself gives the subject two values that cannot both hold (the 15-inch
    // and the 17-inch model, two suspects' arrest dates) tells of several things under one
    // name: another report's value matching neither is no contradiction.
    // Figures that change as a story unfolds are excepted: a report may give the earlier
    // figure beside the latest.
    let evolving = rules
        .properties
        .iter()
        .any(|p| p.name == group.property && p.evolves);
    let several = !evolving && several_in_one_report(&held, &classes);
    let clash = if several {
        None
    } else {
        first_clash(&held, &classes)
    };
    let set_aside: Vec<(usize, String)> = group
        .claims
        .iter()
        .map(|&i| (i, &claims[i]))
        .filter_map(|(i, c)| set_aside_reason(c).map(|why| (i, why)))
        .collect();
    let all_agree = first_clash(&members, &classes).is_none();
    // Only doubted claims disagree, and reports of different days disagree: a figure that
    // changed between them (a reward raised), never a conflict.
    let doubted_update = if clash.is_none() && !all_agree {
        update_between_doubted(group, &members, &classes, dates, today)
    } else {
        None
    };
    if clash.is_none() && !all_agree && doubted_update.is_none() {
        // Only doubted claims disagree, or one report tells of several things: no conflict,
        // and an agreement only among the definite claims of two documents or more.
        let mut held_docs: Vec<usize> = held.iter().map(|c| c.doc).collect();
        held_docs.dedup();
        if several || held_docs.len() < 2 {
            return None;
        }
    }
    let support = support_of(&members, rules);
    // Figures that change as a story unfolds, and the dates of events that recur in one story
    // (hearings, arrests, meetings) when each later report dates one after the earlier report
    // was written: it tells of the next hearing. Only an incident (a shooting, a crash) has
    // one date for good.
    let evolves = evolving
        || (group.kind == ClaimKind::Date
            && !rules.incidents.contains(&group.subject_key)
            && each_report_dates_a_later_occurrence(&held, dates));
    let (kind, mut message) = match clash {
        None if let Some(history) = doubted_update => (FindingKind::Update, history),
        Some(_) if evolves && let Some(history) = update_history(&held, dates, today) => {
            (FindingKind::Update, history)
        }
        Some(_) if let Some(history) = aged_between_reports(&held, dates) => {
            (FindingKind::Update, history)
        }
        Some((a, b)) => (
            FindingKind::Conflict,
            consensus(&support_of(&held, rules), docs)
                .unwrap_or_else(|| disagreement(&named_in_conflict(&held, a, b, &classes))),
        ),
        None if all_agree => (FindingKind::Agreement, agreement(&members)),
        None => (FindingKind::Agreement, agreement(&held)),
    };
    let mut code = format!("crosscheck::{}::{}", kind.as_str(), code_name(group.kind));
    if kind == FindingKind::Agreement
        && let Some(bounds) = one_way_bounds(if all_agree { &members } else { &held })
    {
        code = BOUNDS_CODE.to_string();
        message = bounds;
    }
    if group.increment {
        message.push_str(" (both state an increment, not a total)");
    }
    if let Some(first) = members.first()
        && first.modality != crate::model::Modality::Asserted
    {
        message.push_str(&format!(
            " (figures stated as {}, not as fact)",
            first.modality.as_str()
        ));
    }
    if let Some(unit_note) = conversion_note(&members, rules) {
        message.push_str("; ");
        message.push_str(&unit_note);
    }
    Some(Finding {
        kind,
        severity: Severity::of(kind),
        code,
        subject: group.subject.clone(),
        property: group.property.clone(),
        message,
        grouped: grouped_because(group, &members),
        claims: group.claims.clone(),
        set_aside,
        support,
    })
}

/// Whether one report's own definite claims of the group include two that cannot both hold:
/// a claim and a later one of the same report that do not agree. Found class by class: for
/// each report, the first and last place of each of its classes.
fn several_in_one_report(held: &[&Claim], classes: &Classes) -> bool {
    // Each report's classes with the first and last position they hold in `held`.
    let mut spans: BTreeMap<usize, BTreeMap<usize, (usize, usize)>> = BTreeMap::new();
    for (pos, c) in held.iter().enumerate() {
        let span = spans
            .entry(c.doc)
            .or_default()
            .entry(classes.class(c))
            .or_insert((pos, pos));
        span.1 = pos;
    }
    spans.values().any(|of_doc| {
        of_doc.iter().any(|(&x, &(first_x, last_x))| {
            of_doc.iter().any(|(&y, &(_, last_y))| {
                let pair_exists = if x == y {
                    first_x < last_x
                } else {
                    first_x < last_y
                };
                pair_exists && !classes.agree_classes(x, y)
            })
        })
    })
}

/// Why a claim was not held against the others as a total, if it was not: its doubts, or
/// the part of the whole it states.
fn set_aside_reason(c: &Claim) -> Option<String> {
    let mut why: Vec<String> = c
        .doubts
        .iter()
        .map(|d| format!("{}: {}", d.about.as_str(), d.why))
        .collect();
    match c.scope {
        Scope::Total => {}
        Scope::Part => why.push("a part of the whole, so a lower bound".to_string()),
        Scope::Member => why.push("one member described alone, so a lower bound".to_string()),
    }
    (!why.is_empty()).then(|| why.join("; "))
}

/// "the same subject 'shooting' and property 'killed'", with the spelling merges that
/// brought the claims together.
fn grouped_because(group: &ClaimGroup, members: &[&Claim]) -> String {
    let mut docs: Vec<usize> = members.iter().map(|c| c.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let mut out = format!(
        "{} claims from {} documents about '{}' stating '{}'",
        members.len(),
        docs.len(),
        group.subject,
        group.property
    );
    if group.increment {
        out.push_str(" as increments");
    }
    if !group.merges.is_empty() {
        out.push_str("; ");
        out.push_str(&group.merges.join("; "));
    }
    out
}

/// A person's age one year or more higher in a report written long enough after the other
/// that a birthday falls between: "35" in April and "36" in September. A lower age later, or a
/// higher one within days, stays a conflict.
fn aged_between_reports(members: &[&Claim], dates: &[Option<Date>]) -> Option<String> {
    if members.iter().any(|c| c.property != "age") {
        return None;
    }
    let date_of = |c: &Claim| dates.get(c.doc).copied().flatten();
    let years = |c: &Claim| {
        c.value
            .interval()
            .and_then(|v| v.low.filter(|_| v.is_exact()))
    };
    let mut seen: Vec<(Date, f64)> = Vec::new();
    for c in members {
        seen.push((date_of(c)?, years(c)?));
    }
    seen.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    seen.dedup();
    let ok = seen.windows(2).all(|w| {
        let ((d0, a0), (d1, a1)) = (w[0], w[1]);
        let days = (d1 - d0).get_days();
        if a1 == a0 {
            return true;
        }
        // One birthday a year at most, and a month apart at least before one is likely.
        let rise = a1 - a0;
        d1 > d0 && days >= 30 && rise > 0.0 && rise <= (f64::from(days) / 365.0).ceil()
    });
    if !ok || seen.len() < 2 {
        return None;
    }
    let steps: Vec<String> = seen
        .iter()
        .map(|(d, a)| {
            let dv = DateValue::new(
                Some(i32::from(d.year())),
                u32::try_from(d.month()).ok(),
                u32::try_from(d.day()).ok(),
            );
            format!(
                "{} on {}",
                crate::extract::quantity::format_number(*a),
                date_label(&dv)
            )
        })
        .collect();
    Some(format!(
        "older by a birthday between reports: {}",
        steps.join(", ")
    ))
}

/// The value of a claim as a reader compares it, without the words around it: "2", "> 40",
/// "190 mi", "20 February 2014", "Secretary of Defense".
fn value_text(c: &Claim) -> String {
    match &c.value {
        Value::Quantity {
            low,
            high,
            unit,
            band,
            ..
        } => {
            let fmt = crate::extract::quantity::format_number;
            // The interval compared: an approximate figure's band.
            let (low, high) = band.as_ref().map_or((low, high), |b| (&b.low, &b.high));
            let figure = match (low, high) {
                (Some(a), Some(b)) if a == b => fmt(*a),
                (Some(a), Some(b)) => format!("{}–{}", fmt(*a), fmt(*b)),
                (Some(a), None) => format!("≥ {}", fmt(*a)),
                (None, Some(b)) => format!("≤ {}", fmt(*b)),
                (None, None) => "?".to_string(),
            };
            if unit == "count" {
                figure
            } else {
                format!("{figure} {unit}")
            }
        }
        Value::Date(d) => date_label(d),
        Value::Role { title, .. } => title.clone(),
        Value::Quote { speaker, .. } => speaker.clone(),
        Value::Place { city, region } => crate::model::place_name(city, region.as_deref()),
    }
}

/// Each distinct value in the group and the documents that state it, the most supported first.
/// Values that are compatible with each other but written differently ("about 50", "50") stay
/// apart: support says what each source wrote.
fn support_of(members: &[&Claim], rules: &Rules) -> Vec<Support> {
    let mut out: Vec<Support> = Vec::new();
    // Each value's place in `out`, by its folded form.
    let mut place: HashMap<String, usize> = HashMap::new();
    let mut stated: HashSet<(usize, usize)> = HashSet::new();
    for c in members {
        let value = value_text(c);
        // "Transport Minister" and "transport minister" are one value, shown as first written.
        let folded = rules.fold_phrase(&value);
        match place.get(&folded) {
            Some(&i) => {
                if stated.insert((i, c.doc)) {
                    out[i].documents.push(c.doc);
                }
            }
            None => {
                stated.insert((out.len(), c.doc));
                place.insert(folded, out.len());
                out.push(Support {
                    value,
                    documents: vec![c.doc],
                });
            }
        }
    }
    for s in &mut out {
        s.documents.sort_unstable();
    }
    out.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then(a.documents.cmp(&b.documents))
    });
    out
}

/// With three or more sources and one value most of them state: "3 sources say 2; news10.net
/// says 3".
fn consensus(support: &[Support], docs: &[Document]) -> Option<String> {
    let mut all: Vec<usize> = support
        .iter()
        .flat_map(|s| s.documents.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    let top = support.first()?;
    let runner = support.get(1)?;
    if all.len() < 3 || top.documents.len() < 2 || top.documents.len() == runner.documents.len() {
        return None;
    }
    let others: Vec<String> = support[1..]
        .iter()
        .map(|s| {
            let names: Vec<String> = s.documents.iter().map(|&d| source_name(docs, d)).collect();
            let verb = if names.len() == 1 { "says" } else { "say" };
            format!("{} {verb} {}", names.join(", "), s.value)
        })
        .collect();
    Some(format!(
        "{} sources say {}; {}",
        top.documents.len(),
        top.value,
        others.join("; ")
    ))
}

/// A document as people name it: its `source` from the front matter, else its file name.
fn source_name(docs: &[Document], d: usize) -> String {
    let Some(doc) = docs.get(d) else {
        return format!("document {d}");
    };
    if let Some(source) = &doc.meta.source {
        return source.clone();
    }
    doc.path.rsplit('/').next().unwrap_or(&doc.path).to_string()
}

/// The history of a figure that changes as a story unfolds: "1 on 20 February 2014, 2 on 22
/// February 2014". Reports of one day that differ are a figure that changed during the day
/// (a count of the injured as victims reach hospitals, "no arrests" in the morning and an
/// arrest by the evening): an update whose order the dates cannot tell. A report with no date
/// is taken as written today, the latest; when no report has a date, nothing tells of a
/// change and the figures conflict.
fn update_history(members: &[&Claim], dates: &[Option<Date>], today: Date) -> Option<String> {
    let date_of = |c: &Claim| dates.get(c.doc).copied().flatten();
    let mut days: Vec<Option<Date>> = members.iter().map(|c| date_of(c)).collect();
    days.sort_by_key(|d| (d.unwrap_or(today), d.is_none()));
    days.dedup();
    // Each day's distinct values, in the order the claims give them.
    let mut on_day: HashMap<Option<Date>, (Vec<String>, HashSet<String>)> = HashMap::new();
    for c in members {
        let v = value_text(c);
        let (values, seen) = on_day.entry(date_of(c)).or_default();
        if seen.insert(v.clone()) {
            values.push(v);
        }
    }
    let steps: Vec<String> = days
        .iter()
        .map(|day| {
            let values = on_day.get(day).map(|(v, _)| v.as_slice()).unwrap_or(&[]);
            match day {
                Some(day) => {
                    let d = DateValue::new(
                        Some(i32::from(day.year())),
                        u32::try_from(day.month()).ok(),
                        u32::try_from(day.day()).ok(),
                    );
                    format!("{} on {}", values.join(" and "), date_label(&d))
                }
                None => format!(
                    "{} in an undated report (taken as the latest)",
                    values.join(" and ")
                ),
            }
        })
        .collect();
    // Undated reports say nothing of when their figures were true.
    if days.iter().all(Option::is_none) {
        return None;
    }
    if days.len() < 2 {
        return Some(format!(
            "changed during the day, in an order the reports' dates do not tell: {}",
            steps.join(", ")
        ));
    }
    Some(format!("changed over time: {}", steps.join(", ")))
}

/// An update between reports of different days where only claims the extractor doubts of
/// their subject disagree: "a $20,000 reward" on 18 December and "a $40,000 reward" on 23
/// December may be two rewards, so they are never a conflict, but a reviewer is told that the
/// figure changed between the reports, and why it is doubted. Only quantities, and not ages
/// (an age changes by a birthday only, [`aged_between_reports`]). A claim doubted for another
/// reason (its time, scope or value) is left out; a report that itself gives two values of
/// the subject tells of several things, and so does a disagreement only within one day.
fn update_between_doubted(
    group: &ClaimGroup,
    members: &[&Claim],
    classes: &Classes,
    dates: &[Option<Date>],
    today: Date,
) -> Option<String> {
    if group.kind != ClaimKind::Quantity || group.property == "age" {
        return None;
    }
    let of_subject = |c: &&Claim| {
        c.doubts
            .iter()
            .all(|d| d.about == crate::model::Aspect::Subject)
    };
    let candidates: Vec<&Claim> = members.iter().copied().filter(of_subject).collect();
    if candidates.iter().all(|c| c.is_definite()) || several_in_one_report(&candidates, classes) {
        return None;
    }
    let date_of = |d: usize| dates.get(d).copied().flatten();
    let (a, b) = first_clash_between_days(&candidates, classes, &date_of)?;
    let history = update_history(&candidates, dates, today)?;
    let mut why: Vec<String> = Vec::new();
    for c in [a, b] {
        for d in &c.doubts {
            let line = format!("'{}': {}", c.text, d.why);
            if !why.contains(&line) {
                why.push(line);
            }
        }
    }
    Some(format!(
        "{history}; not a conflict, as the extractor doubts the subject of {}",
        why.join("; ")
    ))
}

/// The first two documents of different days (both dated) that share no compatible value,
/// one of them stating the figure without a doubt, as one claim of each: [`first_clash`] for
/// reports written on different days. A report that states the figure without a doubt takes
/// the subject as one thing ("offers $20,000 reward"); two doubted figures alone ("a two-year
/// sentence", "a five-year sentence") are as likely two things as one that changed.
fn first_clash_between_days<'c>(
    members: &[&'c Claim],
    classes: &Classes,
    date_of: &dyn Fn(usize) -> Option<Date>,
) -> Option<(&'c Claim, &'c Claim)> {
    let by_doc = held_per_document(members);
    // The documents of each set of classes, and those of them that state a definite claim.
    let mut set_of: HashMap<Vec<usize>, usize> = HashMap::new();
    let mut sets: Vec<(Vec<usize>, Vec<usize>, Vec<usize>)> = Vec::new();
    for (&doc, claims) in &by_doc {
        if date_of(doc).is_none() {
            continue;
        }
        let mut set: Vec<usize> = claims.iter().map(|c| classes.class(c)).collect();
        set.sort_unstable();
        set.dedup();
        let i = *set_of.entry(set.clone()).or_insert_with(|| {
            sets.push((set, vec![], vec![]));
            sets.len() - 1
        });
        sets[i].1.push(doc);
        if claims.iter().any(|c| c.is_definite()) {
            sets[i].2.push(doc);
        }
    }
    // A document of each list, of different days: one of the second list's days differs from
    // the first document's, or all are that day and one of the first list's differs.
    let apart = |xs: &[usize], ys: &[usize]| -> Option<(usize, usize)> {
        let (&x0, &y0) = (xs.first()?, ys.first()?);
        match ys.iter().find(|&&y| date_of(y) != date_of(x0)) {
            Some(&y) => Some((x0, y)),
            None => xs
                .iter()
                .find(|&&x| date_of(x) != date_of(y0))
                .map(|&x| (x, y0)),
        }
    };
    for (i, (sa, docs_a, definite_a)) in sets.iter().enumerate() {
        for (sb, docs_b, definite_b) in &sets[i + 1..] {
            let compatible = sa
                .iter()
                .any(|&x| sb.iter().any(|&y| classes.agree_classes(x, y)));
            if compatible {
                continue;
            }
            let pair = apart(definite_a, docs_b).or_else(|| apart(docs_a, definite_b));
            if let Some((da, db)) = pair {
                let (da, db) = (da.min(db), da.max(db));
                let first = |d: usize| by_doc.get(&d).and_then(|c| c.first().copied());
                return Some((first(da)?, first(db)?));
            }
        }
    }
    None
}

/// Whether the dates of a recurring event, read report by report in the order the reports
/// were written, each lie after the date of the report before: "arraigned Thursday" in a
/// report of 22 September and "a hearing on Wednesday" in one of 30 September that means the
/// 28th tell of two hearings. A date the earlier report could have told of ("the meeting on
/// March 3" and "the council met on March 4", written on the 4th and the 5th) is the same
/// meeting dated twice, a conflict. A date without a year is taken in its report's year.
fn each_report_dates_a_later_occurrence(members: &[&Claim], dates: &[Option<Date>]) -> bool {
    let date_of = |c: &Claim| dates.get(c.doc).copied().flatten();
    // The claims of each report date, found once.
    let mut on_day: BTreeMap<Date, Vec<&Claim>> = BTreeMap::new();
    for c in members {
        match date_of(c) {
            Some(day) => on_day.entry(day).or_default().push(c),
            None => return false,
        }
    }
    let days: Vec<Date> = on_day.keys().copied().collect();
    if days.len() < 2 {
        return false;
    }
    days.windows(2).all(|pair| {
        let (before, day) = (pair[0], pair[1]);
        on_day
            .get(&day)
            .into_iter()
            .flatten()
            .all(|c| match &c.value {
                Value::Date(v) => {
                    let v = DateValue {
                        year: v.year.or(Some(i32::from(day.year()))),
                        ..*v
                    };
                    recency(&v, before) == Recency::Later
                }
                _ => false,
            })
    })
}

fn code_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Quantity => "quantity",
        ClaimKind::Date => "date",
        ClaimKind::Role => "title",
        ClaimKind::Quote => "attribution",
        ClaimKind::Place => "place",
    }
}

/// Each document's claims that are held against other documents: all of them, or only its
/// totals when it states one. A report that states the whole is held to it: its parts ("two
/// others are in the hospital") say less than its total and would agree with almost any other
/// figure.
fn held_per_document<'c>(members: &[&'c Claim]) -> BTreeMap<usize, Vec<&'c Claim>> {
    let mut by_doc: BTreeMap<usize, Vec<&'c Claim>> = BTreeMap::new();
    for &c in members {
        by_doc.entry(c.doc).or_default().push(c);
    }
    for claims in by_doc.values_mut() {
        if claims.iter().any(|c| c.scope == Scope::Total) {
            claims.retain(|c| c.scope == Scope::Total);
        }
    }
    by_doc
}

/// The first two documents that share no compatible value, as one claim of each.
///
/// A report often states several figures for one subject in different contexts ("seven
/// bullets ... four of them hit"), so two documents conflict only when nothing one states is
/// compatible with anything the other states. Titles are reconciled by a third report too: when
/// some claim is compatible with both titles ("president and general manager"), the two are
/// two posts of one person, not a contradiction.
///
/// Documents that state the same classes of values agree or clash alike, so the pairs compared
/// are pairs of such sets, each represented by its documents in order: the first clashing pair
/// of documents is the least pair over the clashing pairs of sets.
fn first_clash<'c>(members: &[&'c Claim], classes: &Classes) -> Option<(&'c Claim, &'c Claim)> {
    let by_doc = held_per_document(members);
    // The documents of each set of classes, in order; the sets in the order of their first
    // document.
    let mut set_of: HashMap<Vec<usize>, usize> = HashMap::new();
    let mut sets: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (&doc, claims) in &by_doc {
        let mut set: Vec<usize> = claims.iter().map(|c| classes.class(c)).collect();
        set.sort_unstable();
        set.dedup();
        match set_of.get(&set) {
            Some(&i) => sets[i].1.push(doc),
            None => {
                set_of.insert(set.clone(), sets.len());
                sets.push((set, vec![doc]));
            }
        }
    }
    let mut member_classes: Vec<usize> = members.iter().map(|c| classes.class(c)).collect();
    member_classes.sort_unstable();
    member_classes.dedup();
    let first_of = |d: usize| by_doc.get(&d).and_then(|claims| claims.first().copied());
    let mut best: Option<(usize, usize)> = None;
    for (sa, docs_a) in &sets {
        for (sb, docs_b) in &sets {
            // The least pair of an earlier document of `sa` and a later one of `sb`.
            let Some(&da) = docs_a.first() else { continue };
            let Some(&db) = docs_b.get(docs_b.partition_point(|&d| d <= da)) else {
                continue;
            };
            if best.is_some_and(|b| b <= (da, db)) {
                continue;
            }
            let compatible = sa
                .iter()
                .any(|&x| sb.iter().any(|&y| classes.agree_classes(x, y)));
            if compatible {
                continue;
            }
            let is_role = first_of(da).is_some_and(|a| a.kind == ClaimKind::Role);
            let bridged = is_role
                && member_classes.iter().any(|&m| {
                    sa.iter().any(|&x| classes.agree_classes(m, x))
                        && sb.iter().any(|&y| classes.agree_classes(m, y))
                });
            if !bridged {
                best = Some((da, db));
            }
        }
    }
    let (da, db) = best?;
    Some((first_of(da)?, first_of(db)?))
}

/// What [`agree`] reads of a claim: two claims with one key agree with exactly the same claims.
#[derive(PartialEq, Eq, Hash)]
enum ClassKey {
    /// The unit and the bits of the interval held to (a part's has no upper end).
    Quantity(String, Option<u64>, Option<u64>),
    /// The date's fields, whether it was worked out, and whether its text names a weekday.
    Date(Option<i32>, Option<u32>, Option<u32>, bool, bool),
    /// The title folded as [`same_post`] folds it.
    Role(String),
    Quote(String),
    /// The region in ASCII lower case.
    Place(Option<String>),
}

impl ClassKey {
    fn of(c: &Claim, rules: &Rules) -> ClassKey {
        match &c.value {
            Value::Quantity { unit, .. } => {
                let held = c.total_interval();
                ClassKey::Quantity(
                    unit.clone(),
                    held.and_then(|i| i.low).map(f64::to_bits),
                    held.and_then(|i| i.high).map(f64::to_bits),
                )
            }
            Value::Date(d) => ClassKey::Date(d.year, d.month, d.day, d.resolved, names_weekday(c)),
            Value::Role { title, .. } => ClassKey::Role(normal_title(rules, title)),
            Value::Quote { speaker, .. } => ClassKey::Quote(speaker.clone()),
            Value::Place { region, .. } => {
                ClassKey::Place(region.as_ref().map(|r| r.to_ascii_lowercase()))
            }
        }
    }
}

/// A group's claims sorted into classes by [`ClassKey`], each claim normalised once, and
/// whether one class agrees with another, worked out once for each ordered pair of classes
/// asked about.
struct Classes<'a> {
    rules: &'a Rules,
    /// Each claim's class, by the claim's address (the claims outlive the classes).
    class: HashMap<*const Claim, usize>,
    /// One claim of each class.
    reps: Vec<&'a Claim>,
    agrees: RefCell<HashMap<(usize, usize), bool>>,
}

impl<'a> Classes<'a> {
    fn new(members: &[&'a Claim], rules: &'a Rules) -> Self {
        let mut index: HashMap<ClassKey, usize> = HashMap::new();
        let mut class = HashMap::with_capacity(members.len());
        let mut reps = Vec::new();
        for &c in members {
            let next = reps.len();
            let k = *index.entry(ClassKey::of(c, rules)).or_insert(next);
            if k == next {
                reps.push(c);
            }
            class.insert(std::ptr::from_ref(c), k);
        }
        Classes {
            rules,
            class,
            reps,
            agrees: RefCell::new(HashMap::new()),
        }
    }

    /// The class of a claim of the group.
    fn class(&self, c: &Claim) -> usize {
        match self.class.get(&std::ptr::from_ref(c)) {
            Some(&k) => k,
            // Every claim asked about is a member; were one not, it would be compared alone.
            None => usize::MAX,
        }
    }

    /// [`agree`] for a claim of class `x` and one of class `y`.
    fn agree_classes(&self, x: usize, y: usize) -> bool {
        if let Some(&known) = self.agrees.borrow().get(&(x, y)) {
            return known;
        }
        let (Some(a), Some(b)) = (self.reps.get(x), self.reps.get(y)) else {
            return true;
        };
        let answer = agree(a, b, self.rules);
        self.agrees.borrow_mut().insert((x, y), answer);
        answer
    }

    /// [`agree`] for two claims of the group.
    fn agree(&self, a: &Claim, b: &Claim) -> bool {
        match (
            self.class.get(&std::ptr::from_ref(a)),
            self.class.get(&std::ptr::from_ref(b)),
        ) {
            (Some(&x), Some(&y)) => self.agree_classes(x, y),
            _ => agree(a, b, self.rules),
        }
    }
}

/// Whether two claims of one group are compatible.
pub fn agree(a: &Claim, b: &Claim, rules: &Rules) -> bool {
    match (&a.value, &b.value) {
        (Value::Quantity { .. }, Value::Quantity { .. }) => {
            if opposite_bounds_at_one_figure(a, b) {
                return false;
            }
            if rounds_to(a, b) || rounds_to(b, a) {
                return true;
            }
            match (base_interval(a, rules), base_interval(b, rules)) {
                (Some(x), Some(y)) => x.overlaps(&y),
                _ => true,
            }
        }
        (Value::Date(x), Value::Date(y)) => x.compatible(y) || a_week_guess_apart(a, b),
        (Value::Role { title: x, .. }, Value::Role { title: y, .. }) => same_post(x, y, rules),
        (Value::Quote { speaker: x, .. }, Value::Quote { speaker: y, .. }) => {
            same_speaker(x, y, rules)
        }
        (Value::Place { region: ra, .. }, Value::Place { region: rb, .. }) => {
            // Reports name an event's place at different grains (the dateline's city, the
            // suburb it happened in, the county), so only different regions contradict.
            match (ra, rb) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            }
        }
        _ => true,
    }
}

/// Whether one claim bounds a figure from below and the other bounds the same figure from
/// above, one of them strictly: "less than 1.6 billion" and "over 1.6 billion" cannot both
/// hold, though a round figure's bound is kept as written (so "over 24 million" still meets
/// a plain "24 million", which may be rounded).
fn opposite_bounds_at_one_figure(a: &Claim, b: &Claim) -> bool {
    let (Value::Quantity { unit: ua, .. }, Value::Quantity { unit: ub, .. }) = (&a.value, &b.value)
    else {
        return false;
    };
    let (Some(ia), Some(ib)) = (a.total_interval(), b.total_interval()) else {
        return false;
    };
    let strict = |c: &Claim| c.label.starts_with("> ") || c.label.starts_with("< ");
    // A precise figure's strict bound was moved past it already ("under 110" is at most
    // 109); a round one's was kept as written, and its bounds touch.
    let touching = match ((ia.low, ia.high), (ib.low, ib.high)) {
        ((None, Some(x)), (Some(y), None)) | ((Some(y), None), (None, Some(x))) => {
            x == y && crate::extract::labels::last_digit_step(x).is_none()
        }
        _ => false,
    };
    ua == ub && touching && (strict(a) || strict(b))
}

/// Whether the exact figure of `short`, written with one decimal or more, is the exact figure of
/// `long` rounded to as many decimals: "0.01%" is "0.0114955%" as a source rounds it.
fn rounds_to(short: &Claim, long: &Claim) -> bool {
    let (
        Value::Quantity {
            low: Some(s),
            high: Some(sh),
            unit: us,
            approximate: false,
            ..
        },
        Value::Quantity {
            low: Some(l),
            high: Some(lh),
            unit: ul,
            approximate: false,
            ..
        },
    ) = (&short.value, &long.value)
    else {
        return false;
    };
    let decimals = |v: f64| {
        let text = format!("{v}");
        text.split_once('.').map_or(0, |(_, d)| d.len())
    };
    let d = decimals(*s);
    if us != ul || s != sh || l != lh || d == 0 || decimals(*l) <= d || d > 9 {
        return false;
    }
    let scale = 10f64.powi(d as i32);
    ((l * scale).round() - s * scale).abs() < 1e-6
}

/// Two speakers are one person when their names share a surname and any given name they both
/// give ("Lloyd Austin", "Austin", "Lloyd J. Austin"), a given name misspelt by one letter
/// included ("Rosalind Ortega", "Rosalnid Ortega").
fn same_speaker(a: &str, b: &str, rules: &Rules) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| rules.fold_spelling(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .filter(|w| w.chars().count() > 1 && !rules.lexicon.name_suffixes.contains(w))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    // Same surname, and every name the shorter form gives is in the longer one: "Ken
    // Salazar" and "Interior Secretary Ken Salazar", "Boone Isaacs" and "Cheryl Boone Isaacs".
    let min = rules.thresholds.fuzzy_min_length;
    wa.last().is_some()
        && wa.last() == wb.last()
        && short
            .iter()
            .all(|w| long.iter().any(|v| v == w || near_spelling(w, v, min)))
}

/// A quantity's interval in the base unit of its dimension.
fn base_interval(c: &Claim, rules: &Rules) -> Option<Interval> {
    let Value::Quantity { unit, .. } = &c.value else {
        return None;
    };
    let interval = c.total_interval()?;
    let Some(rule) = rules.units.iter().find(|u| &u.code == unit) else {
        return Some(interval);
    };
    let scaled = interval.scaled(rule.factor);
    Some(Interval {
        low: scaled.low.map(|v| v * (1.0 - rule.tolerance)),
        high: scaled.high.map(|v| v * (1.0 + rule.tolerance)),
    })
}

/// Titles name one post when they normalise to the same text; when both are posts known to the
/// rules that one person can hold at once (the rules say which exclude each other); when one is
/// a broader description of the other in the rules ("NATO chief" of "Secretary General of
/// NATO"); when the words of one are all in the other ("coach" and "head coach", "CEO" and
/// "Apple CEO"); or when they have the same head word ("CHP Officer", "California Highway
/// Patrol Officer"). Modifiers that make another post ("deputy", "vice") must be the same on
/// both sides.
pub fn same_post(a: &str, b: &str, rules: &Rules) -> bool {
    let (fa, fb) = (normal_title(rules, a), normal_title(rules, b));
    // "president and general manager" holds two posts: either may be the one meant.
    if fa.contains(" and ") || fb.contains(" and ") {
        return fa
            .split(" and ")
            .any(|x| fb.split(" and ").any(|y| one_post(x, y, rules)));
    }
    one_post(&fa, &fb, rules)
}

/// [`same_post`] for two titles already folded, each naming one post.
fn one_post(fa: &str, fb: &str, rules: &Rules) -> bool {
    let (fa, fb) = (fa.trim().to_string(), fb.trim().to_string());
    if fa == fb {
        return true;
    }
    // Two known posts: one person holds both unless one excludes the other.
    if let (Some(pa), Some(pb)) = (known_post(&fa, rules), known_post(&fb, rules)) {
        return pa.name == pb.name || !posts_exclude(pa, pb);
    }
    // A generic word for a leader describes a post broadly: "IMF chief" and "IMF head" are one
    // post; a bare "leader" fits any post; "council leader" is not "mayor".
    let generic = |t: &str| rules.title_words.generic.iter().any(|g| g == head_word(t));
    let qualifier = |t: &str| -> String {
        let head = head_word(t);
        t.split_whitespace()
            .filter(|w| *w != head)
            .collect::<Vec<_>>()
            .join(" ")
    };
    match (generic(&fa), generic(&fb)) {
        (true, true) => {
            let (qa, qb) = (qualifier(&fa), qualifier(&fb));
            return qa.is_empty() || qb.is_empty() || qa == qb;
        }
        (true, false) if qualifier(&fa).is_empty() => return true,
        (false, true) if qualifier(&fb).is_empty() => return true,
        _ => {}
    }
    let broader = rules.posts.iter().any(|p| {
        let name = normal_title(rules, &p.name);
        let broader = |x: &str| p.broader.iter().any(|w| normal_title(rules, w) == x);
        (name == fa && broader(&fb)) || (name == fb && broader(&fa))
    });
    if broader {
        return true;
    }
    let tw = &rules.title_words;
    let words = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .filter(|w| {
                !tw.connectors.iter().any(|c| c == w) && !tw.jurisdictions.iter().any(|j| j == w)
            })
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(&fa), words(&fb));
    let modifiers = |ws: &[String]| -> Vec<String> {
        let mut m: Vec<String> = ws
            .iter()
            .filter(|w| tw.modifiers.contains(w))
            .cloned()
            .collect();
        m.sort();
        m
    };
    if modifiers(&wa) != modifiers(&wb) || wa.is_empty() || wb.is_empty() {
        return false;
    }
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    subset(&wa, &wb) || subset(&wb, &wa) || head_word(&fa) == head_word(&fb) || {
        // "New York attorney" and "Lawyer": both end in a variant of one post.
        let (pa, pb) = (post_by_ending(&fa, rules), post_by_ending(&fb, rules));
        pa.is_some() && pa == pb
    }
}

/// The post whose variant a title is, or its part before "of" or "for" ends with, or the whole
/// title ends with, in that order: "hp ceo" -> Chief Executive Officer, "spokesman for the
/// district attorney" -> Spokesperson (the post of whoever speaks for the office, not its own).
fn post_by_ending<'r>(title: &str, rules: &'r Rules) -> Option<&'r str> {
    let cut = [" of ", " for "]
        .iter()
        .filter_map(|c| title.find(c))
        .min()
        .map_or(title, |i| &title[..i]);
    let find = |hit: &dyn Fn(&str) -> bool| {
        rules.posts.iter().find_map(|p| {
            std::iter::once(&p.name)
                .chain(&p.variants)
                .any(|v| hit(&normal_title(rules, v)))
                .then_some(p.name.as_str())
        })
    };
    let ends = |t: &str, v: &str| t == v || t.ends_with(&format!(" {v}"));
    find(&|v| v == title)
        .or_else(|| find(&|v| ends(cut, v)))
        .or_else(|| find(&|v| ends(title, v)))
}

/// The word a title is about: the last word before "of" ("secretary of defense"), else the
/// last word ("defense secretary").
fn head_word(title: &str) -> &str {
    let cut = [" of ", " for "]
        .iter()
        .filter_map(|c| title.find(c))
        .min()
        .unwrap_or(title.len());
    let before_of = &title[..cut];
    before_of.split_whitespace().last().unwrap_or(before_of)
}

/// The known post a folded title names: its name or one of its variants.
fn known_post<'r>(title: &str, rules: &'r Rules) -> Option<&'r crate::rules::PostRule> {
    rules.posts.iter().find(|p| {
        std::iter::once(&p.name)
            .chain(&p.variants)
            .any(|v| normal_title(rules, v) == title)
    })
}

/// Whether one person cannot hold posts `a` and `b` at once: they share a group, or one
/// excludes the other by name or by group.
fn posts_exclude(a: &crate::rules::PostRule, b: &crate::rules::PostRule) -> bool {
    let same_group =
        matches!((&a.group, &b.group), (Some(x), Some(y)) if x.eq_ignore_ascii_case(y));
    let excludes = |p: &crate::rules::PostRule, q: &crate::rules::PostRule| {
        p.excludes.iter().any(|x| {
            x.eq_ignore_ascii_case(&q.name)
                || q.group.as_ref().is_some_and(|g| g.eq_ignore_ascii_case(x))
        })
    };
    same_group || excludes(a, b) || excludes(b, a)
}

/// Two spellings of one name: the same first letter, at most one letter changed, added,
/// dropped or swapped, in names of `min` letters or more ("Katharine", "Katherine").
fn near_spelling(a: &str, b: &str, min: usize) -> bool {
    a.chars().count() >= min
        && b.chars().count() >= min
        && a.chars().next() == b.chars().next()
        && strsim::osa_distance(a, b) <= 1
}

/// "2 and 6 do not overlap", "'Chairman of the Joint Chiefs of Staff' and 'Supreme General' are
/// different posts", "20 February 2014 and 22 February 2014 are different dates"; three values
/// that cannot hold together are all named: "2 killed, 4 killed and 6 killed do not overlap".
fn disagreement(named: &[&Claim]) -> String {
    let list = |items: Vec<String>| match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    let Some(first) = named.first() else {
        return String::new();
    };
    let of = |f: &dyn Fn(&Claim) -> Option<String>| -> Option<Vec<String>> {
        named.iter().map(|c| f(c)).collect()
    };
    let shown = match &first.value {
        Value::Role { .. } => of(&|c| match &c.value {
            Value::Role { title, .. } => Some(format!("'{title}'")),
            _ => None,
        })
        .map(|t| format!("{} are different posts", list(t))),
        Value::Date(_) => of(&|c| match &c.value {
            Value::Date(d) => Some(date_label(d)),
            _ => None,
        })
        .map(|d| {
            // A bound is not a date: "before 2000 and 12 September 2010 cannot both hold".
            let bounded = named
                .iter()
                .any(|c| matches!(&c.value, Value::Date(v) if v.bound.is_some()));
            let verdict = if bounded {
                "cannot both hold"
            } else {
                "are different dates"
            };
            format!("{} {verdict}", list(d))
        }),
        Value::Quote { .. } => of(&|c| match &c.value {
            Value::Quote { speaker, .. } => Some(speaker.clone()),
            _ => None,
        })
        .map(|s| format!("the same words are put in the mouths of {}", list(s))),
        Value::Place { .. } => of(&|c| match &c.value {
            Value::Place { city, region } => {
                Some(crate::model::place_name(city, region.as_deref()))
            }
            _ => None,
        })
        .map(|p| format!("{} are different places", list(p))),
        _ => None,
    };
    shown.unwrap_or_else(|| {
        let labels = named.iter().map(|c| c.label.clone()).collect();
        format!("{} do not overlap", list(labels))
    })
}

/// The claims a conflict's message names: the clashing pair `a` and `b`, then every other
/// definite claim whose value agrees with none named so far (three values that cannot hold
/// together are all named, not two of them).
fn named_in_conflict<'c>(
    held: &[&'c Claim],
    a: &'c Claim,
    b: &'c Claim,
    classes: &Classes,
) -> Vec<&'c Claim> {
    let mut named = vec![a, b];
    for &c in held {
        if named
            .iter()
            .all(|n| n.label != c.label && !classes.agree(n, c))
        {
            named.push(c);
        }
    }
    named
}

/// "3 sources agree: 2 units, 2 systems" or "more than 40 and around 50 overlap".
/// The code of an agreement between bounds of one direction and different sizes.
pub const BOUNDS_CODE: &str = "crosscheck::agreement::bounds";

/// When every figure is a bound in one direction and they are not all the same ("over 6
/// million", "over 7.5 million"), the message that says so: both can hold, and together they
/// say the tighter one. None otherwise.
fn one_way_bounds(members: &[&Claim]) -> Option<String> {
    let intervals: Vec<Interval> = members
        .iter()
        .map(|c| c.value.interval())
        .collect::<Option<_>>()?;
    let lower = intervals
        .iter()
        .all(|i| i.low.is_some() && i.high.is_none());
    let upper = intervals
        .iter()
        .all(|i| i.high.is_some() && i.low.is_none());
    if !(lower || upper) {
        return None;
    }
    let edge = |i: &Interval| if lower { i.low } else { i.high };
    let first = edge(intervals.first()?)?;
    if intervals.iter().all(|i| edge(i) == Some(first)) {
        return None;
    }
    // The tightest bound: the highest floor, the lowest ceiling.
    let tight = members
        .iter()
        .zip(&intervals)
        .filter_map(|(c, i)| edge(i).map(|e| (e, c)))
        .reduce(|a, b| {
            if (lower && b.0 > a.0) || (!lower && b.0 < a.0) {
                b
            } else {
                a
            }
        })?;
    let mut labels: Vec<&str> = Vec::new();
    for c in members {
        if !labels.contains(&c.label.as_str()) {
            labels.push(&c.label);
        }
    }
    let direction = if lower { "lower" } else { "upper" };
    Some(format!(
        "only {direction} bounds of different sizes: {}; all can hold, and together they say {}",
        labels.join(", "),
        tight.1.label
    ))
}

fn agreement(members: &[&Claim]) -> String {
    // A part or a member reads as what it says of the whole: "1 arrested (at least, one of
    // them)".
    let shown: Vec<String> = members
        .iter()
        .map(|c| match c.scope {
            Scope::Total => c.label.clone(),
            Scope::Part => format!("{} (a part)", c.label),
            Scope::Member => format!("{} (one of them)", c.label),
        })
        .collect();
    let mut labels: Vec<&str> = shown.iter().map(String::as_str).collect();
    labels.dedup();
    let mut docs: Vec<usize> = members.iter().map(|c| c.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let kind = members.first().map(|c| c.kind);
    match kind {
        Some(ClaimKind::Role) => {
            let titles: Vec<String> = members
                .iter()
                .filter_map(|c| match &c.value {
                    Value::Role { title, .. } => Some(title.clone()),
                    _ => None,
                })
                .collect();
            let mut distinct = titles.clone();
            distinct.sort();
            distinct.dedup();
            format!(
                "{} sources agree on the post: {}",
                docs.len(),
                distinct.join(", ")
            )
        }
        _ => {
            let mut seen: HashSet<&str> = HashSet::new();
            let distinct: Vec<&str> = labels.into_iter().filter(|l| seen.insert(l)).collect();
            let values: Vec<Option<Interval>> =
                members.iter().map(|c| c.value.interval()).collect();
            let same_value = values.windows(2).all(|w| w[0] == w[1]);
            if distinct.len() == 1 {
                format!("{} sources agree: {}", docs.len(), distinct[0])
            } else if same_value {
                format!("{} sources agree: {}", docs.len(), distinct.join(", "))
            } else {
                format!(
                    "{} sources agree: {} overlap",
                    docs.len(),
                    distinct.join(", ")
                )
            }
        }
    }
}

/// Says so when claims in different units were compared ("mi and km compared in m").
fn conversion_note(members: &[&Claim], rules: &Rules) -> Option<String> {
    let mut units: Vec<&str> = members
        .iter()
        .filter_map(|c| match &c.value {
            Value::Quantity { unit, .. } => Some(unit.as_str()),
            _ => None,
        })
        .collect();
    units.sort_unstable();
    units.dedup();
    if units.len() < 2 {
        return None;
    }
    let dimension = rules
        .units
        .iter()
        .find(|u| u.code == units[0])
        .map(|u| u.dimension.clone())?;
    Some(format!(
        "{} converted to one {dimension} scale",
        units.join(" and ")
    ))
}

/// Whether two dates are a whole number of weeks apart and one of them is a weekday worked out
/// from its report's date ("Saturday" in a report dated a week after it was written): the
/// weekday says which day of the week, and the report's date only guesses the week (a week
/// or two off at most). A stated date without a year is taken in the weekday's year.
fn a_week_guess_apart(a: &Claim, b: &Claim) -> bool {
    fn weekday_day(c: &Claim) -> Option<Date> {
        let Value::Date(v) = &c.value else {
            return None;
        };
        if !v.resolved || !names_weekday(c) {
            return None;
        }
        day_of(v, None)
    }
    fn day_of(v: &DateValue, year: Option<i16>) -> Option<Date> {
        let y = v.year.and_then(|y| i16::try_from(y).ok()).or(year)?;
        let m = i8::try_from(v.month?).ok()?;
        let d = i8::try_from(v.day?).ok()?;
        Date::new(y, m, d).ok()
    }
    let apart = |w: &Claim, other: &Claim| {
        let (Some(day), Value::Date(v)) = (weekday_day(w), &other.value) else {
            return false;
        };
        // A week or two: a report is not dated further from its writing than that.
        day_of(v, Some(day.year()))
            .and_then(|o| o.until(day).ok())
            .is_some_and(|span| {
                let days = span.get_days();
                days != 0 && days % 7 == 0 && days.abs() <= 14
            })
    };
    apart(a, b) || apart(b, a)
}

/// Whether a claim's text names a day of the week ("Saturday").
fn names_weekday(c: &Claim) -> bool {
    let lower = c.text.to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateValue;

    #[test]
    fn a_figure_rounded_to_its_written_decimals_agrees() {
        let rules = Rules::builtin().expect("rules");
        let short = q(0, Some(0.02), Some(0.02), "%", "0.02%");
        let long = q(1, Some(0.0154), Some(0.0154), "%", "0.0154%");
        assert!(agree(&short, &long, &rules));
        assert!(agree(&long, &short, &rules));
        // Not to another figure, and never a whole number against decimals.
        let other = q(1, Some(0.0254), Some(0.0254), "%", "0.0254%");
        assert!(!agree(&short, &other, &rules));
        let whole = q(0, Some(4.0), Some(4.0), "count", "4 tanks");
        let near = q(1, Some(3.8), Some(3.8), "count", "3.8 tanks");
        assert!(!agree(&whole, &near, &rules));
    }

    #[test]
    fn opposite_bounds_of_one_round_figure_disagree_when_one_is_strict() {
        let rules = Rules::builtin().expect("rules");
        let below = q(0, None, Some(4e6), "count", "< 4,000,000 tanks");
        // A precise figure's strict bound is moved past it by the reader: "< 110" holds 109.
        let under = q(0, None, Some(109.0), "count", "< 110 tanks");
        let from = q(1, Some(109.0), None, "count", "≥ 109 tanks");
        assert!(agree(&under, &from, &rules));
        let above = q(1, Some(4e6), None, "count", "> 4,000,000 tanks");
        assert!(!agree(&below, &above, &rules));
        let up_to = q(0, None, Some(4e6), "count", "≤ 4,000,000 tanks");
        assert!(!agree(&up_to, &above, &rules));
        // "up to" and "at least" one figure both hold at it; a plain figure meets either bound.
        let at_least = q(1, Some(4e6), None, "count", "≥ 4,000,000 tanks");
        assert!(agree(&up_to, &at_least, &rules));
        let plain = q(1, Some(4e6), Some(4e6), "count", "4,000,000 tanks");
        assert!(agree(&below, &plain, &rules));
        assert!(agree(&above, &plain, &rules));
    }

    fn q(doc: usize, low: Option<f64>, high: Option<f64>, unit: &str, label: &str) -> Claim {
        crate::model::fixture::quantity(doc, "tanks", "tank", low, high, unit, label)
    }

    fn docs(n: usize) -> Vec<Document> {
        crate::model::fixture::documents(n)
    }

    /// The verdict on claims 0..n of one group, in documents of no date.
    fn verdict(claims: &[Claim], kind: ClaimKind) -> Finding {
        let rules = Rules::builtin().expect("rules");
        let mut findings = compare(
            &[group(claims.len(), kind)],
            claims,
            &docs(claims.len()),
            &rules,
        );
        findings.remove(0)
    }

    fn group(n: usize, kind: ClaimKind) -> ClaimGroup {
        ClaimGroup {
            kind,
            subject: "tanks".into(),
            subject_key: "tank".into(),
            property: "count".into(),
            increment: false,
            claims: (0..n).collect(),
            merges: vec![],
        }
    }

    /// The first clash as the claims define it: every pair of documents in order, every pair
    /// of their claims.
    fn first_clash_pair_by_pair<'c>(
        members: &[&'c Claim],
        rules: &Rules,
    ) -> Option<(&'c Claim, &'c Claim)> {
        let by_doc = held_per_document(members);
        let docs: Vec<&Vec<&'c Claim>> = by_doc.values().collect();
        for (i, a) in docs.iter().enumerate() {
            for b in &docs[i + 1..] {
                if !a.iter().any(|x| b.iter().any(|y| agree(x, y, rules))) {
                    return Some((a[0], b[0]));
                }
            }
        }
        None
    }

    #[test]
    fn documents_compared_by_their_sets_of_values_clash_first_where_pairs_of_claims_do() {
        let rules = Rules::builtin().expect("rules");
        // A small generator of our own: the same figures over and over, as a story repeated.
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for round in 0..200 {
            let mut claims = Vec::new();
            let documents = 2 + next(12) as usize;
            for doc in 0..documents {
                for _ in 0..1 + next(3) {
                    let low = 2.0 + next(4) as f64;
                    let high = if next(3) == 0 { low + 1.0 } else { low };
                    let mut c = q(doc, Some(low), Some(high), "count", &format!("{low} tanks"));
                    if next(5) == 0 {
                        c.scope = Scope::Part;
                    }
                    claims.push(c);
                }
            }
            let members: Vec<&Claim> = claims.iter().collect();
            let classes = Classes::new(&members, &rules);
            let ours =
                first_clash(&members, &classes).map(|(a, b)| (a.doc, a.label.clone(), b.doc));
            let pairwise = first_clash_pair_by_pair(&members, &rules)
                .map(|(a, b)| (a.doc, a.label.clone(), b.doc));
            assert_eq!(ours, pairwise, "round {round}");
            let several = several_in_one_report(&members, &classes);
            let several_pairwise = members.iter().enumerate().any(|(i, a)| {
                members[i + 1..]
                    .iter()
                    .any(|b| b.doc == a.doc && !agree(a, b, &rules))
            });
            assert_eq!(several, several_pairwise, "round {round}");
        }
    }

    #[test]
    fn disjoint_intervals_conflict_and_overlapping_ones_agree() {
        let claims = vec![
            q(0, Some(2.0), Some(2.0), "count", "2 units"),
            q(1, Some(6.0), Some(6.0), "count", "6 units"),
        ];
        let f = [verdict(&claims, ClaimKind::Quantity)];
        assert_eq!(f[0].kind, FindingKind::Conflict);
        assert_eq!(f[0].code, "crosscheck::conflict::quantity");
        assert_eq!(f[0].message, "2 units and 6 units do not overlap");

        let claims = vec![
            q(0, Some(40.0), None, "count", "> 40 members"),
            q(1, Some(45.0), Some(55.0), "count", "~ 50 countries"),
        ];
        let f = [verdict(&claims, ClaimKind::Quantity)];
        assert_eq!(f[0].kind, FindingKind::Agreement);
    }

    #[test]
    fn units_are_converted_before_comparing() {
        // 190 miles is about 306 km.
        let claims = vec![
            q(0, Some(190.0), Some(190.0), "mi", "190 mi"),
            q(1, Some(300.0), Some(310.0), "km", "300–310 km"),
        ];
        let f = [verdict(&claims, ClaimKind::Quantity)];
        assert_eq!(f[0].kind, FindingKind::Agreement, "{}", f[0].message);
        assert!(f[0].message.contains("converted"), "{}", f[0].message);
        // 90 days is three months: a month is 28 to 31 days.
        let claims = vec![
            q(0, Some(90.0), Some(90.0), "d", "90 d"),
            q(1, Some(3.0), Some(3.0), "mo", "3 mo"),
        ];
        let f = [verdict(&claims, ClaimKind::Quantity)];
        assert_eq!(f[0].kind, FindingKind::Agreement, "{}", f[0].message);
    }

    #[test]
    fn claims_of_one_document_are_not_held_against_each_other() {
        let claims = vec![
            q(0, Some(2.0), Some(2.0), "count", "2"),
            q(0, Some(6.0), Some(6.0), "count", "6"),
            q(1, Some(2.0), Some(6.0), "count", "2–6"),
        ];
        let f = [verdict(&claims, ClaimKind::Quantity)];
        assert_eq!(f[0].kind, FindingKind::Agreement);
    }

    #[test]
    fn a_weekday_a_week_off_a_stated_date_is_a_guess_of_the_week() {
        let rules = Rules::builtin().expect("rules");
        let date = |doc, text: &str, year, day, resolved| {
            let mut c = q(doc, None, None, "count", "");
            c.kind = ClaimKind::Date;
            c.text = text.into();
            c.value = Value::Date(DateValue {
                resolved,
                ..DateValue::new(year, Some(3), Some(day))
            });
            c
        };
        // "Saturday" worked out as the 13th in a report dated too late; another says the 6th.
        let weekday = date(0, "Saturday", Some(2021), 13, true);
        assert!(agree(&weekday, &date(1, "March 6", None, 6, false), &rules));
        assert!(agree(&date(1, "March 6", None, 6, false), &weekday, &rules));
        // A day apart is another day; a stated date is no guess; four weeks is too far.
        assert!(!agree(
            &weekday,
            &date(1, "March 12", None, 12, false),
            &rules
        ));
        assert!(!agree(
            &date(0, "March 13", Some(2021), 13, false),
            &date(1, "March 6", None, 6, false),
            &rules
        ));
        let far = date(0, "Saturday", Some(2021), 31, true);
        assert!(!agree(&far, &date(1, "March 3", None, 3, false), &rules));
    }

    #[test]
    fn dates_agree_on_the_fields_both_state() {
        let date = |doc, year, month, day| {
            let mut c = q(doc, None, None, "count", "");
            c.kind = ClaimKind::Date;
            c.value = Value::Date(DateValue::new(year, month, day));
            c
        };
        let claims = vec![
            date(0, Some(2022), Some(2), None),
            date(1, None, Some(2), None),
        ];
        assert_eq!(
            verdict(&claims, ClaimKind::Date).kind,
            FindingKind::Agreement
        );
        let claims = vec![
            date(0, Some(2022), Some(2), Some(24)),
            date(1, None, Some(2), Some(25)),
        ];
        let f = [verdict(&claims, ClaimKind::Date)];
        assert_eq!(f[0].kind, FindingKind::Conflict);
        assert_eq!(
            f[0].message,
            "24 February 2022 and 25 February are different dates"
        );
    }

    #[test]
    fn places_conflict_only_on_different_regions() {
        let place = |doc, city: &str, region: Option<&str>| {
            let mut c = q(doc, None, None, "count", "");
            c.kind = ClaimKind::Place;
            c.value = Value::Place {
                city: city.to_string(),
                region: region.map(str::to_string),
            };
            c
        };
        // A city and its suburb, or a town given without its state, are the same scene.
        let claims = vec![
            place(0, "Alturas", Some("California")),
            place(1, "Likely", Some("California")),
            place(2, "Alturas", None),
        ];
        assert_eq!(
            verdict(&claims, ClaimKind::Place).kind,
            FindingKind::Agreement
        );
        let claims = vec![
            place(0, "Alturas", Some("California")),
            place(1, "Alturas", Some("Oregon")),
        ];
        let f = verdict(&claims, ClaimKind::Place);
        assert_eq!(f.kind, FindingKind::Conflict);
        assert_eq!(
            f.message,
            "Alturas, California and Alturas, Oregon are different places"
        );
    }

    #[test]
    fn titles_agree_on_one_post_or_a_broader_description() {
        let rules = Rules::builtin().expect("rules");
        assert!(same_post(
            "Secretary of Defense",
            "Secretary of Defense",
            &rules
        ));
        assert!(same_post("Secretary General of NATO", "NATO chief", &rules));
        assert!(!same_post(
            "Chairman of the Joint Chiefs of Staff",
            "Supreme General",
            &rules
        ));
        assert!(same_post("coach", "head coach", &rules));
        assert!(same_post("CEO", "Apple CEO", &rules));
        assert!(same_post(
            "CHP Officer",
            "California Highway Patrol Officer",
            &rules
        ));
        assert!(!same_post(
            "Secretary of Defense",
            "Deputy Secretary of Defense",
            &rules
        ));
        assert!(!same_post("President", "general manager", &rules));
        assert!(same_post("New York attorney", "Lawyer", &rules));
        assert!(same_post("HP CEO", "Chief Executive Officer", &rules));
        assert!(same_post(
            "president and general manager",
            "Team president",
            &rules
        ));
        assert!(same_post("IMF chief", "IMF head", &rules));
        assert!(same_post("Mississippi Sen.", "Senator", &rules));
        assert!(same_post(
            "DA spokesman",
            "spokesman for the Bristol district attorney",
            &rules
        ));
        // What the words before "for" name is the post, not the office after it.
        assert!(same_post(
            "Spokesperson",
            "spokesman for the Bristol district attorney",
            &rules
        ));
        assert!(!same_post("Police Chief", "Mayor", &rules));
        assert!(!same_post("Council leader", "Mayor", &rules));
        assert!(same_post("leader", "President", &rules));
    }

    #[test]
    fn known_posts_conflict_only_when_one_person_cannot_hold_both() {
        let rules = Rules::builtin().expect("rules");
        // Posts of one group are held one at a time.
        assert!(!same_post(
            "Chairman of the Joint Chiefs of Staff",
            "Chief of Staff of the Air Force",
            &rules
        ));
        // A post excludes another by its group or by its name, either way round.
        assert!(!same_post(
            "Secretary of Defense",
            "Chairman of the Joint Chiefs of Staff",
            &rules
        ));
        assert!(!same_post("Vice President", "President", &rules));
        assert!(!same_post("Prosecutor", "Judge", &rules));
        // Two known posts the rules do not keep apart may be one person's.
        assert!(same_post("Police Chief", "Police Commissioner", &rules));
        assert!(same_post("Lawyer", "Attorney General", &rules));
    }

    #[test]
    fn a_speaker_with_a_given_name_misspelt_is_the_same_speaker() {
        let rules = Rules::builtin().expect("rules");
        assert!(same_speaker("Rosalind Ortega", "Rosalnid Ortega", &rules));
        assert!(same_speaker("Katharine Bell", "Katherine Bell", &rules));
        assert!(same_speaker("Katharine Bell", "Bell", &rules));
        // Another surname, a name spelt two letters apart, another first letter or a short name
        // is another person.
        assert!(!same_speaker("Rosalind Ortega", "Rosalind Ortiz", &rules));
        assert!(!same_speaker("Katharine Bell", "Kathleen Bell", &rules));
        assert!(!same_speaker("Jason Bell", "Mason Bell", &rules));
        assert!(!same_speaker("Ann Bell", "Anne Bell", &rules));
    }

    #[test]
    fn a_later_report_of_an_evolving_figure_is_an_update() {
        let rules = Rules::builtin().expect("rules");
        let mut d = docs(3);
        d[0].meta.date = Some("2014-02-20".into());
        d[1].meta.date = Some("2014-02-22".into());
        d[2].meta.date = Some("2014-02-22".into());
        let killed = |doc, v| {
            let mut c = q(doc, Some(v), Some(v), "count", &format!("{v} killed"));
            c.property = "killed".into();
            c
        };
        let mut g = group(3, ClaimKind::Quantity);
        g.property = "killed".into();
        let claims = vec![killed(0, 1.0), killed(1, 2.0), killed(2, 2.0)];
        let f = &compare(&[g.clone()], &claims, &d, &rules)[0];
        assert_eq!(f.kind, FindingKind::Update);
        assert_eq!(f.code, "crosscheck::update::quantity");
        assert_eq!(
            f.message,
            "changed over time: 1 on 20 February 2014, 2 on 22 February 2014"
        );
        // Two reports of the same day that differ tell of a figure that changed that day.
        let claims = vec![killed(0, 1.0), killed(1, 2.0), killed(2, 3.0)];
        let f = &compare(&[g.clone()], &claims, &d, &rules)[0];
        assert_eq!(f.kind, FindingKind::Update);
        assert_eq!(
            f.message,
            "changed over time: 1 on 20 February 2014, 2 and 3 on 22 February 2014"
        );
        // A figure that does not evolve stays a conflict.
        g.property = "count".into();
        let counts: Vec<Claim> = claims
            .into_iter()
            .map(|mut c| {
                c.property = "count".into();
                c
            })
            .collect();
        assert_eq!(
            compare(&[g], &counts, &d, &rules)[0].kind,
            FindingKind::Conflict
        );
    }

    #[test]
    fn doubted_figures_that_differ_between_days_are_an_update_never_a_conflict() {
        let rules = Rules::builtin().expect("rules");
        let mut d = docs(3);
        d[0].meta.date = Some("2021-03-02".into());
        d[1].meta.date = Some("2021-03-02".into());
        d[2].meta.date = Some("2021-03-09".into());
        let common_noun = |mut c: Claim| {
            c.doubts.push(crate::model::Doubt::new(
                crate::model::Aspect::Subject,
                "a common noun, which may stand for any of several of its kind in one story",
            ));
            c
        };
        let bounty = |doc, v: f64| {
            let mut c = q(doc, Some(v), Some(v), "count", &format!("{v} bounty"));
            c.text = format!("{v} bounty");
            c
        };
        // "The county posted 5,000 bounty" and "a 5,000 bounty" on the 2nd, "a 9,000 bounty"
        // a week later: the bounty was raised, or there are two; an update that says so.
        let claims = vec![
            bounty(0, 5000.0),
            common_noun(bounty(1, 5000.0)),
            common_noun(bounty(2, 9000.0)),
        ];
        let f = &compare(&[group(3, ClaimKind::Quantity)], &claims, &d, &rules)[0];
        assert_eq!(
            (f.kind, f.severity, f.code.as_str()),
            (
                FindingKind::Update,
                Severity::Warning,
                "crosscheck::update::quantity"
            )
        );
        assert_eq!(
            f.message,
            "changed over time: 5,000 on 2 March 2021, 9,000 on 9 March 2021; not a conflict, \
             as the extractor doubts the subject of '9000 bounty': a common noun, which may \
             stand for any of several of its kind in one story"
        );
        // Only doubted figures on either side ("a two-year term", "a five-year term"): as
        // likely two things as one that changed, so no finding.
        let claims = vec![
            common_noun(bounty(0, 5000.0)),
            common_noun(bounty(2, 9000.0)),
        ];
        let g = ClaimGroup {
            claims: vec![0, 1],
            ..group(2, ClaimKind::Quantity)
        };
        let mut two = vec![d[0].clone(), d[2].clone()];
        assert!(compare(std::slice::from_ref(&g), &claims, &two, &rules).is_empty());
        // A definite figure and a doubted one of the same day: nothing tells of a change.
        let claims = vec![bounty(0, 5000.0), common_noun(bounty(1, 9000.0))];
        two[1].meta.date = d[0].meta.date.clone();
        assert!(compare(std::slice::from_ref(&g), &claims, &two, &rules).is_empty());
        // A figure doubted for another reason than its subject is not taken as the same thing.
        two[1].meta.date = d[2].meta.date.clone();
        let mut late = bounty(1, 9000.0);
        late.doubts.push(crate::model::Doubt::new(
            crate::model::Aspect::Time,
            "worked out from a doubtful anchor",
        ));
        assert!(
            compare(
                std::slice::from_ref(&g),
                &[bounty(0, 5000.0), late],
                &two,
                &rules
            )
            .is_empty()
        );
        // Nor is an age, which changes only by a birthday.
        let mut ages = vec![bounty(0, 30.0), common_noun(bounty(1, 34.0))];
        for c in &mut ages {
            c.property = "age".into();
        }
        let g = ClaimGroup {
            property: "age".into(),
            ..g
        };
        assert!(compare(&[g], &ages, &two, &rules).is_empty());
    }

    #[test]
    fn a_recurring_event_dated_after_the_earlier_report_is_the_next_one() {
        let rules = Rules::builtin().expect("rules");
        let mut d = docs(2);
        d[0].meta.date = Some("2019-05-02".into());
        d[1].meta.date = Some("2019-05-09".into());
        let date = |doc, day, property_key: &str| {
            let mut c = q(doc, None, None, "count", "");
            c.kind = ClaimKind::Date;
            c.property = "date".into();
            c.subject = Some(crate::model::Subject {
                text: property_key.into(),
                key: property_key.into(),
            });
            c.value = Value::Date(DateValue::new(Some(2019), Some(5), Some(day)));
            c
        };
        let group_of = |key: &str| ClaimGroup {
            subject: key.into(),
            subject_key: key.into(),
            property: "date".into(),
            ..group(2, ClaimKind::Date)
        };
        // Arraigned on the 1st, reported on the 2nd; a hearing on the 8th, reported on the
        // 9th: two hearings.
        let claims = vec![date(0, 1, "court"), date(1, 8, "court")];
        let f = &compare(&[group_of("court")], &claims, &d, &rules)[0];
        assert_eq!(f.kind, FindingKind::Update, "{}", f.message);
        // A meeting the first report could have told of is the same meeting, dated twice.
        let claims = vec![date(0, 1, "meeting"), date(1, 2, "meeting")];
        let f = &compare(&[group_of("meeting")], &claims, &d, &rules)[0];
        assert_eq!(f.kind, FindingKind::Conflict, "{}", f.message);
        // An incident has one date for good.
        let claims = vec![date(0, 1, "shooting"), date(1, 8, "shooting")];
        let f = &compare(&[group_of("shooting")], &claims, &d, &rules)[0];
        assert_eq!(f.kind, FindingKind::Conflict, "{}", f.message);
    }

    #[test]
    fn the_outlier_against_a_consensus_is_named() {
        let rules = Rules::builtin().expect("rules");
        let mut d = docs(4);
        for (i, s) in ["a.test", "b.test", "c.test", "news10.net"]
            .iter()
            .enumerate()
        {
            d[i].meta.source = Some(s.to_string());
        }
        let claims = vec![
            q(0, Some(2.0), Some(2.0), "count", "2"),
            q(1, Some(2.0), Some(2.0), "count", "2"),
            q(2, Some(2.0), Some(2.0), "count", "2"),
            q(3, Some(3.0), Some(3.0), "count", "3"),
        ];
        let f = &compare(&[group(4, ClaimKind::Quantity)], &claims, &d, &rules)[0];
        assert_eq!(f.kind, FindingKind::Conflict);
        assert_eq!(f.message, "3 sources say 2; news10.net says 3");
        assert_eq!(f.support[0].value, "2");
        assert_eq!(f.support[0].documents, vec![0, 1, 2]);
        assert_eq!(f.support[1].documents, vec![3]);
    }

    #[test]
    fn a_third_report_reconciles_two_posts_of_one_person() {
        let role = |doc, title: &str| {
            let mut c = q(doc, None, None, "count", "");
            c.kind = ClaimKind::Role;
            c.value = Value::Role {
                person: "Ed Stefanski".into(),
                title: title.into(),
            };
            c
        };
        let claims = vec![role(0, "President"), role(1, "general manager")];
        assert_eq!(
            verdict(&claims, ClaimKind::Role).kind,
            FindingKind::Conflict
        );
        let claims = vec![
            role(0, "President"),
            role(1, "general manager"),
            role(2, "president and general manager"),
        ];
        assert_eq!(
            verdict(&claims, ClaimKind::Role).kind,
            FindingKind::Agreement
        );
    }

    #[test]
    fn only_definite_claims_conflict() {
        let rules = Rules::builtin().expect("rules");
        let doubted = |mut c: Claim| {
            c.doubts.push(crate::model::Doubt::new(
                crate::model::Aspect::Time,
                "worked out from a doubtful anchor",
            ));
            c
        };
        // One definite claim against a doubted one: no finding at all.
        let claims = vec![
            q(0, Some(2.0), Some(2.0), "count", "2 units"),
            doubted(q(1, Some(6.0), Some(6.0), "count", "6 units")),
        ];
        assert!(compare(&[group(2, ClaimKind::Quantity)], &claims, &docs(2), &rules).is_empty());
        // Two definite claims that agree stay an agreement; the doubted one is set aside with
        // its reason.
        let claims = vec![
            q(0, Some(2.0), Some(2.0), "count", "2 units"),
            q(1, Some(2.0), Some(2.0), "count", "2 units"),
            doubted(q(2, Some(6.0), Some(6.0), "count", "6 units")),
        ];
        let f = verdict(&claims, ClaimKind::Quantity);
        assert_eq!(f.kind, FindingKind::Agreement);
        assert_eq!(f.severity, Severity::Note);
        assert_eq!(
            f.set_aside,
            vec![(2, "time: worked out from a doubtful anchor".to_string())]
        );
        // Two definite claims that disagree are a conflict, an error.
        let claims = vec![
            q(0, Some(2.0), Some(2.0), "count", "2 units"),
            q(1, Some(6.0), Some(6.0), "count", "6 units"),
        ];
        let f = verdict(&claims, ClaimKind::Quantity);
        assert_eq!(
            (f.kind, f.severity),
            (FindingKind::Conflict, Severity::Error)
        );
        assert_eq!(
            f.grouped,
            "2 claims from 2 documents about 'tanks' stating 'count'"
        );
    }

    #[test]
    fn a_part_or_a_member_is_a_lower_bound_of_the_total() {
        let part = |doc, v: f64, scope| {
            let mut c = q(doc, Some(v), Some(v), "count", &format!("{v} units"));
            c.scope = scope;
            c
        };
        // "One man was shot in the chest" and "four people were shot" agree.
        let claims = vec![part(0, 1.0, Scope::Member), part(1, 4.0, Scope::Total)];
        assert_eq!(
            verdict(&claims, ClaimKind::Quantity).kind,
            FindingKind::Agreement
        );
        // "Five of them were hurt" is more than a total of four.
        let claims = vec![part(0, 5.0, Scope::Part), part(1, 4.0, Scope::Total)];
        assert_eq!(
            verdict(&claims, ClaimKind::Quantity).kind,
            FindingKind::Conflict
        );
    }

    #[test]
    fn an_age_a_birthday_higher_months_later_is_an_update() {
        let rules = Rules::builtin().expect("rules");
        let age = |doc, years: f64| {
            let mut c = q(doc, Some(years), Some(years), "yr", &format!("{years} yr"));
            c.property = "age".into();
            c
        };
        let mut g = group(2, ClaimKind::Quantity);
        g.property = "age".into();
        let dated = |a: &str, b: &str| {
            let mut d = docs(2);
            d[0].meta.date = Some(a.into());
            d[1].meta.date = Some(b.into());
            d
        };
        let months_apart = dated("2021-03-01", "2021-09-20");
        let f = &compare(
            &[g.clone()],
            &[age(0, 30.0), age(1, 31.0)],
            &months_apart,
            &rules,
        )[0];
        assert_eq!(f.kind, FindingKind::Update);
        assert_eq!(
            f.message,
            "older by a birthday between reports: 30 on 1 March 2021, 31 on 20 September 2021"
        );
        // Younger later, two years more in six months, or a year more the next day: conflicts.
        for (a, b, d) in [
            (31.0, 30.0, months_apart.clone()),
            (30.0, 32.0, months_apart.clone()),
            (30.0, 31.0, dated("2021-03-01", "2021-03-02")),
        ] {
            let f = &compare(&[g.clone()], &[age(0, a), age(1, b)], &d, &rules)[0];
            assert_eq!(f.kind, FindingKind::Conflict, "{a} then {b}");
        }
    }

    #[test]
    fn a_report_that_states_the_total_is_held_to_it_not_to_its_parts() {
        let with = |doc, v: f64, scope| {
            let mut c = q(doc, Some(v), Some(v), "count", &format!("{v} units"));
            c.scope = scope;
            c
        };
        // "Five were hurt; two others are in the hospital" against "four were hurt": the
        // part agrees with four, the total does not.
        let claims = vec![
            with(0, 5.0, Scope::Total),
            with(0, 2.0, Scope::Part),
            with(1, 4.0, Scope::Total),
        ];
        assert_eq!(
            verdict(&claims, ClaimKind::Quantity).kind,
            FindingKind::Conflict
        );
    }

    #[test]
    fn a_report_that_gives_a_subject_two_values_tells_of_several_things() {
        // "the 15-inch and the 17-inch model" in one report, "the 13-inch one" in another.
        let claims = vec![
            q(0, Some(15.0), Some(15.0), "in", "15 in"),
            q(0, Some(17.0), Some(17.0), "in", "17 in"),
            q(1, Some(13.0), Some(13.0), "in", "13 in"),
        ];
        let rules = Rules::builtin().expect("rules");
        let found = compare(&[group(3, ClaimKind::Quantity)], &claims, &docs(2), &rules);
        assert!(
            found.iter().all(|f| f.kind != FindingKind::Conflict),
            "{found:?}"
        );
        // Without the second value, the two reports conflict.
        let claims = vec![
            q(0, Some(15.0), Some(15.0), "in", "15 in"),
            q(1, Some(13.0), Some(13.0), "in", "13 in"),
        ];
        assert_eq!(
            verdict(&claims, ClaimKind::Quantity).kind,
            FindingKind::Conflict
        );
    }
}
