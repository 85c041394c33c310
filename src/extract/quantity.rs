//! Quantities: turns each figure in a document into a claim with its hedge ("more than"), unit
//! ("miles", "$"), whether it is an increment ("four more"), what it counts or measures (its
//! subject) and what it states about that subject (its property).
//!
//! Figures that are not quantities are passed over: years, identifiers ("Boeing 737", "Route
//! 66"), house numbers, ordinals, and compounds that are not measures ("four-star").
//!
//! This file is the builder: it reads each figure with the readers below it and puts the
//! claim together. Its files, each one job: `unit` (the unit a figure is read with), `exclude`
//! (figures that are no quantity), `noun` (what a figure counts or measures), `value` (the
//! figure, band and label a hedge gives), `person` (the person named beside an age), `age`
//! (ages read at their figure) and `age_later` (ages whose person is named later).

mod age;
mod age_later;
mod exclude;
mod noun;
mod person;
mod unit;
mod value;

use super::document::{Context, Draft};
use super::numbers::{self, NumberMatch};
use super::tokens::TokenKind;
use crate::model::{ClaimKind, Value};
use crate::rules::{IntervalShape, QualifierRule, UnitRule};
use age::{age_after_verb, age_claim, apposed_age, is_age_compound};
use exclude::{is_not_a_quantity, is_weight_in_pounds};
use noun::{count_subject, measured_subject, noun_phrase, np_subject};
use unit::{
    MEASURE_ADJECTIVES, is_operator, powers_after, scaled_currency, smaller_unit_after,
    unit_after_list, unit_before_measure_adjective, unit_by_name, unit_prefix_before,
};
use value::{interval, label};

// Named here by align and compare, which read them from this module before they moved down.
pub use super::labels::format_number;
pub use super::words::singular_phrase;

pub(super) use age_later::ages_named_later;

/// Reads every figure not already `taken` (by dates) and returns the quantity claims.
pub fn find_quantities(ctx: &Context, taken: &mut [bool]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let mut i = 0;
    while i < ctx.tokens.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let Some(m) = numbers::number_at(ctx.tokens, i, ctx.text, ctx.t) else {
            i += 1;
            continue;
        };
        if (m.first..=m.last).any(|k| taken[k]) {
            i += 1;
            continue;
        }
        for flag in &mut taken[m.first..=m.last] {
            *flag = true;
        }
        let mut next = m.last + 1;
        if let Some(d) = read_quantity(ctx, &m, &out) {
            // The unit's tokens are the quantity's too: "3" in "2 g cm−3" and "50" in "15
            // dollars 50" start no figure of their own.
            // A count's span holds the noun it counts, which may hold a figure of its own
            // ("five of the three-ton satellites").
            if !matches!(&d.value, Value::Quantity { unit, .. } if unit == "count") {
                next = next.max(ctx.tokens.partition_point(|t| t.start < d.end));
            }
            out.push(d);
        }
        i = next;
    }
    join_bounds(ctx, &mut out);
    out
}

/// Two bounds joined by "and" make one range: "greater than 100 and smaller than 300", "at
/// most 100 and at least 20". Only a lower and an upper bound of one unit, with nothing but
/// "and" between them, and the lower below the upper.
fn join_bounds(ctx: &Context, drafts: &mut Vec<Draft>) {
    let mut k = 0;
    while k + 1 < drafts.len() {
        let (a, b) = (&drafts[k], &drafts[k + 1]);
        let between = ctx.text.get(a.phrase_end()..b.start).unwrap_or("");
        let bounds = match (&a.value, &b.value) {
            (
                Value::Quantity {
                    low: la,
                    high: ha,
                    unit: ua,
                    ..
                },
                Value::Quantity {
                    low: lb,
                    high: hb,
                    unit: ub,
                    ..
                },
            ) if ua == ub && between.trim() == "and" && between.len() <= 7 => {
                match (la, ha, lb, hb) {
                    (Some(lo), None, None, Some(hi)) | (None, Some(hi), Some(lo), None)
                        if lo < hi =>
                    {
                        Some((*lo, *hi, ua.clone()))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let Some((lo, hi, unit)) = bounds else {
            k += 1;
            continue;
        };
        let b = drafts.remove(k + 1);
        let a = &mut drafts[k];
        a.end = b.end;
        a.noun_end = b.noun_end;
        a.label = format!("{} and {}", a.label, b.label);
        a.value = Value::Quantity {
            low: Some(lo),
            high: Some(hi),
            unit,
            approximate: false,
            band: None,
        };
        if a.subject.is_none() {
            a.subject = b.subject;
        }
        k += 1;
    }
}

/// How a figure reads once its neighbours are taken into account.
struct Reading<'r> {
    start_tok: usize,
    end_tok: usize,
    qualifier: Option<&'r QualifierRule>,
    unit: Option<&'r UnitRule>,
    increment: bool,
    definite: bool,
    /// A rate's code when a second unit divides the first: "mg/kg", "mmol/l", "km per h".
    rate: Option<String>,
    /// Where the span ends when the unit is the head of its token ("m" of "m-thick").
    end_byte: Option<usize>,
}

fn read_quantity(ctx: &Context, m: &NumberMatch, earlier: &[Draft]) -> Option<Draft> {
    let toks = ctx.tokens;
    let rules = ctx.t.rules;
    if is_not_a_quantity(ctx, m) {
        return None;
    }

    // Ages: "44-year-old".
    if let Some(compound) = &m.compound
        && is_age_compound(compound)
    {
        return Some(age_claim(ctx, m));
    }
    // Ages written apart: "the 17 year old male", "a 9 month old".
    if matches!(ctx.lower(m.last + 1), "year" | "years" | "month" | "months")
        && ctx.lower(m.last + 2) == "old"
        && m.compound.is_none()
        && !m.range
    {
        let whole = NumberMatch {
            last: m.last + 2,
            ..m.clone()
        };
        return Some(age_claim(ctx, &whole));
    }
    // Half hyphenated: "15 year-old Jo Penn", "a 32-year old man".
    let half = match m.compound.as_deref() {
        None => is_age_compound(ctx.lower(m.last + 1)).then_some(1),
        Some("year" | "years" | "month" | "months") => {
            (ctx.lower(m.last + 1) == "old").then_some(1)
        }
        Some(_) => None,
    };
    if let Some(more) = half {
        let whole = NumberMatch {
            last: m.last + more,
            compound: m
                .compound
                .clone()
                .or_else(|| Some(ctx.lower(m.last + 1).to_string())),
            ..m.clone()
        };
        return Some(age_claim(ctx, &whole));
    }
    // Ages after names: "Sherie Lash, 44, was arrested", "Queric Richardson, 17".
    if let Some(person) = apposed_age(ctx, m) {
        return Some(person);
    }
    // "Brandon Crawford was 15."
    if let Some(person) = age_after_verb(ctx, m) {
        return Some(person);
    }

    // What the words after the figure do to its value: "75 USD million" scales it, "3 dollars
    // 50 cents" adds to it.
    let mut value = Adjust {
        scale: 1.0,
        add: 0.0,
    };
    let mut r = Reading {
        start_tok: m.first,
        end_tok: m.last,
        qualifier: None,
        unit: None,
        increment: false,
        definite: false,
        rate: None,
        end_byte: None,
    };

    // A currency symbol or code before the figure: "$1.2 billion", "US$5m".
    if let Some((len, unit)) = unit_prefix_before(ctx, m.first) {
        r.unit = Some(unit);
        r.start_tok -= len;
    }
    // Hedges and increment words before: "more than 40", "another six", "an additional $5m".
    // A bound before a band outweighs it, as after the figure: "up to around 650 K" and
    // "above ∼500 K" are bounds.
    for _ in 0..3 {
        if let Some((len, &q)) = ctx.t.c.qualifiers_before.ending_before(toks, r.start_tok)
            && toks[r.start_tok - len].sentence == toks[m.first].sentence
            && r.qualifier.is_none_or(|band| {
                band.interval == IntervalShape::Around
                    && rules.qualifiers.get(q).is_some_and(|bound| {
                        matches!(bound.interval, IntervalShape::Above | IntervalShape::Below)
                    })
            })
        {
            r.qualifier = rules.qualifiers.get(q);
            r.start_tok -= len;
            continue;
        }
        if !r.increment
            && let Some((len, _)) = ctx.t.c.increment_before.ending_before(toks, r.start_tok)
            && toks[r.start_tok - len].sentence == toks[m.first].sentence
        {
            r.increment = true;
            r.start_tok -= len;
            continue;
        }
        break;
    }
    // A measure's symbol before its hedge: "pH ∼2" (money keeps its symbol by the figure).
    if r.unit.is_none()
        && r.start_tok < m.first
        && let Some((len, unit)) = unit_prefix_before(ctx, r.start_tok)
        && !unit.dimension.starts_with("money")
    {
        r.unit = Some(unit);
        r.start_tok -= len;
    }
    r.definite = r.start_tok > 0 && matches!(ctx.lower(r.start_tok - 1), "the" | "these" | "those");

    // Unit glued to the digits ("155mm"), in a compound ("seven-month") or after the figure.
    let mut pos = m.last + 1;
    if r.unit.is_none() {
        let glued = m.attached_unit.as_deref().or(m.compound.as_deref());
        if let Some(word) = glued {
            // "5mg/kg": a rate glued to the digits.
            if let Some((a, b)) = word.split_once('/')
                && let (Some(ua), Some(ub)) = (unit_by_name(ctx, a), unit_by_name(ctx, b))
            {
                r.unit = Some(ua);
                r.rate = Some(format!("{}/{}", ua.code, ub.code));
            } else {
                // "four-star", "two-way": a compound that is not a measure is no quantity.
                r.unit = Some(unit_by_name(ctx, word)?);
            }
        } else if let Some((len, &u)) = ctx.t.c.unit_names.at(toks, pos)
            && !is_operator(ctx, pos, len)
        {
            // A one-word name is read as written: "5 K" is kelvin, "5 k" no unit.
            let unit = if len == 1 {
                let written = toks[pos].text(ctx.text);
                let table = rules.units.get(u);
                // Written in lowercase, the table's unit is the one (a name with capitals never
                // equals a lowercase word); otherwise the case decides.
                if written == toks[pos].lower
                    && table.is_some_and(|x| x.names.contains(&toks[pos].lower))
                {
                    table
                } else {
                    unit_by_name(ctx, written)
                }
            } else {
                rules.units.get(u)
            };
            // "pounds" is money or weight: weight where the sentence weighs something.
            let unit = match unit {
                Some(u) if u.dimension == "money-GBP" && is_weight_in_pounds(ctx, m, pos) => {
                    unit_by_name(ctx, "lb").or(Some(u))
                }
                other => other,
            };
            if let Some(unit) = unit {
                r.unit = Some(unit);
                r.end_tok = pos + len - 1;
                pos += len;
            }
        } else if toks.get(pos).is_some_and(|t| t.is_punct("%")) {
            r.unit = unit_by_name(ctx, "%");
            r.end_tok = pos;
            pos += 1;
        } else if let Some(u) = toks
            .get(pos)
            .filter(|t| t.kind == TokenKind::Punct && !is_operator(ctx, pos, 1))
            .and_then(|t| unit_by_name(ctx, t.text(ctx.text)))
        {
            // A symbol: "0.4‰", "5 Å", "100×".
            r.unit = Some(u);
            r.end_tok = pos;
            pos += 1;
        } else if let Some((u, len)) = unit_before_measure_adjective(ctx, pos) {
            // "a 17.7 m-thick section": the unit is the word's head, its span ends there.
            r.unit = Some(u);
            r.end_tok = pos;
            r.end_byte = Some(toks[pos].start + len);
            pos += 1;
        } else if let Some((scale, u)) = scaled_currency(ctx, pos) {
            // "30 MUSD": a currency code with a scale letter before it.
            r.unit = Some(u);
            r.end_tok = pos;
            pos += 1;
            value.scale *= scale;
        }
    } else if let Some((len, &u)) = ctx.t.c.unit_names.at(toks, pos)
        && rules.units.get(u).map(|x| &x.dimension) == r.unit.map(|x| &x.dimension)
    {
        // "$5 million dollars": the name repeats the symbol.
        r.end_tok = pos + len - 1;
        pos += len;
    }
    if let Some(u) = r.unit
        && r.end_tok + 1 == pos
        && pos > m.last + 1
    {
        // "75 USD million": a scale after a currency's name.
        if u.dimension.starts_with("money")
            && toks
                .get(pos)
                .is_some_and(|t| t.sentence == toks[m.first].sentence)
            && let Some(&scale) = rules.scales.get(ctx.lower(pos))
            && !m.range
        {
            value.scale *= scale;
            r.end_tok = pos;
            pos += 1;
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 USD 50", and
        // "5 ft 2 in": the smaller unit after the larger.
        if let Some((add, last)) = smaller_unit_after(ctx, m, u, pos) {
            value.add = add;
            r.end_tok = last;
            pos = last + 1;
        }
    }
    // "1 m s−1", "1065 cm−1", "2 g cm−3": units raised to powers, as science writes a rate.
    if let Some(u) = r.unit
        && r.rate.is_none()
        && let Some((code, last)) = powers_after(ctx, u, pos, m.last)
    {
        r.rate = Some(code);
        r.end_tok = last;
        pos = last + 1;
    }
    // Hedges and increment words after: "40 or more", "four more", "six additional". A bound
    // after the figure outweighs a band before it: "about 500 or more" is at least 500.
    if let Some((len, &q)) = ctx.t.c.qualifiers_after.at(toks, pos)
        && r.qualifier.is_none_or(|before| {
            before.interval == IntervalShape::Around
                && rules.qualifiers.get(q).is_some_and(|after| {
                    matches!(after.interval, IntervalShape::Above | IntervalShape::Below)
                })
        })
    {
        r.qualifier = rules.qualifiers.get(q);
        r.end_tok = pos + len - 1;
        pos += len;
    }
    if let Some((len, _)) = ctx.t.c.increment_after.at(toks, pos)
        && !(ctx.lower(pos + len) == "than" && r.unit.is_some())
    {
        r.increment = true;
        r.end_tok = pos + len - 1;
        pos += len;
    }

    // A rate: "7.0 mmol/L", "25 mg / kg", "12 km per h".
    if let Some(u) = r.unit
        && r.rate.is_none()
        && (toks.get(pos).is_some_and(|t| t.is_punct("/")) || ctx.lower(pos) == "per")
        && let Some(next) = toks.get(pos + 1)
        && next.sentence == toks[m.first].sentence
        && let Some(per) = unit_by_name(ctx, next.text(ctx.text))
        && !u.dimension.starts_with("money")
    {
        r.rate = Some(format!("{}/{}", u.code, per.code));
        r.end_tok = pos + 1;
        pos += 2;
    }
    // "20% by weight", "<1 ppm by mass", "1% (w/v)": the basis a share is taken on belongs to
    // its span (the unit stays the share's).
    if r.unit
        .is_some_and(|u| matches!(u.dimension.as_str(), "percent" | "ratio"))
        && r.rate.is_none()
        && toks
            .get(pos)
            .is_some_and(|t| t.sentence == toks[m.first].sentence)
    {
        if ctx.lower(pos) == "by" && matches!(ctx.lower(pos + 1), "mass" | "weight" | "volume") {
            r.end_tok = pos + 1;
            pos += 2;
        } else if ctx.lower(pos) == "("
            && let Some(close) = (pos + 2..pos + 6).find(|&k| ctx.lower(k) == ")")
            && close < toks.len()
        {
            let basis: String = ctx.text[toks[pos].end..toks[close].start]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if matches!(basis.as_str(), "w/w" | "v/v" | "w/v" | "wt/wt" | "vol/vol") {
                r.end_tok = close;
                pos = close + 1;
            }
        }
    }
    // "22 and 0.22 ppm", "9 or 4.8 months", "5, 10 and 20 mm": a figure in a list takes the
    // unit written once after the list's last figure.
    if r.unit.is_none()
        && pos == m.last + 1
        && let Some(u) = unit_after_list(ctx, m)
    {
        r.unit = Some(u);
    }
    let dimension = r.unit.map_or("count", |u| u.dimension.as_str());

    // What the figure counts or measures. A measure's span is the figure with its hedges and
    // unit ("100 ms", not "100 ms of activity"); the noun phrase it describes only ends the
    // phrase a hedge after it may follow.
    let mut phrase_end = r.end_tok;
    let mut subject = None;
    let mut head_text = None;
    let mut noun_end = None;
    if r.unit.is_none() {
        let np = noun_phrase(ctx, pos);
        if let Some(np) = &np {
            // A count's span is the figure ("12", not "12 samples"); the noun it counts ends
            // the claim's phrase (`Draft::noun_end`), after which what the report says of it
            // (its modality, "is expected") is read, and which the topic reader
            // (`topic::attach`) and the acronyms the aligner learns ("three portable lake oil
            // washers (PLOW)") read.
            phrase_end = phrase_end.max(np.end_tok);
            noun_end = (np.end_tok > r.end_tok).then(|| toks[np.end_tok].end);
            head_text = Some(ctx.text[toks[np.head].start..toks[np.head].end].to_string());
        }
        subject = count_subject(ctx, m, r.definite || r.increment, np.as_ref(), earlier);
    } else if m.compound.is_some() {
        // "a seven-month invasion": the noun after the compound is what lasts.
        if let Some(np) = noun_phrase(ctx, pos) {
            subject = Some(np_subject(ctx, &np));
        }
    } else if let Some(np) = noun_phrase(ctx, pos)
        .filter(|np| np.start_tok == pos && !MEASURE_ADJECTIVES.contains(&ctx.lower(pos)))
    {
        // "$1.2 billion security assistance package", "155 mm artillery rounds": the measure
        // describes the noun after it.
        phrase_end = phrase_end.max(np.end_tok);
        subject = Some(np_subject(ctx, &np));
    } else if r.unit.is_some_and(|u| u.dimension.starts_with("money"))
        && ctx.lower(pos) == "in"
        && let Some(np) = noun_phrase(ctx, pos + 1).filter(|np| np.start_tok == pos + 1)
    {
        // "$3.5 million in damage", "$5 billion in aid".
        phrase_end = phrase_end.max(np.end_tok);
        subject = Some(np_subject(ctx, &np));
    } else {
        subject = measured_subject(ctx, r.start_tok, r.unit);
    }

    // A hedge after the counted noun: "12 guards or more"; after "equal to", "equal to 5000
    // or less" is a bound.
    // "equal to 5000 or less than 6000" is no bound of the 5000: "less than" hedges the next.
    if r.qualifier
        .is_none_or(|q| q.interval == IntervalShape::Exactly)
        && let Some((len, &q)) = ctx.t.c.qualifiers_after.at(toks, phrase_end + 1)
        && ctx.lower(phrase_end + 1 + len) != "than"
    {
        r.qualifier = rules.qualifiers.get(q);
        if phrase_end == r.end_tok {
            r.end_tok += len;
        }
    }
    // "between 40 and 50", "is from 200 to 300": the range's first word is part of it; after
    // a verb that names the range ("ranges from 4 to 88", "varies from 1 to 3") the range is
    // its figures, as the verb is what the sentence says of them.
    if m.range
        && r.start_tok > 0
        && (ctx.lower(r.start_tok - 1) == "between"
            || (ctx.lower(r.start_tok - 1) == "from"
                && !(r.start_tok > 1 && numbers::names_a_range(ctx.lower(r.start_tok - 2)))))
    {
        r.start_tok -= 1;
    }

    let adjusted;
    let m = if value.scale != 1.0 || value.add != 0.0 {
        adjusted = NumberMatch {
            low: m.low.map(|v| v * value.scale + value.add),
            high: m.high.map(|v| v * value.scale + value.add),
            ..m.clone()
        };
        &adjusted
    } else {
        m
    };
    let property = property_of(ctx, m, &r, dimension);
    let (low, high, approximate, band) = interval(m, r.qualifier, ctx.t.rules.thresholds.band);
    let unit_code = match (&r.rate, r.unit) {
        (Some(rate), _) => rate.clone(),
        (None, Some(u)) => u.code.clone(),
        (None, None) => "count".to_string(),
    };
    let label = label(m, r.qualifier, r.unit, head_text.as_deref());

    Some(Draft {
        noun_end,
        start: toks[r.start_tok].start,
        end: r
            .end_byte
            .filter(|_| r.end_tok == m.last + 1)
            .unwrap_or(toks[r.end_tok].end),
        kind: ClaimKind::Quantity,
        subject,
        property,
        increment: r.increment,
        modality: crate::model::Modality::Asserted,
        value: Value::Quantity {
            low,
            high,
            unit: unit_code,
            approximate,
            band,
        },
        label,
        definite: r.definite,
        scope: crate::model::Scope::Total,
        doubts: Vec::new(),
    })
}

/// What words after a figure do to its value: multiply it, then add to it.
struct Adjust {
    scale: f64,
    add: f64,
}

/// The property a figure states: the nearest trigger word in its sentence whose dimensions
/// fit, else the default property of its dimension.
fn property_of(ctx: &Context, m: &NumberMatch, r: &Reading, dimension: &str) -> String {
    let toks = ctx.tokens;
    let rules = ctx.t.rules;
    let sentence = toks[m.first].sentence;
    // Properties read with the victim grammar are the casualty reader's: a figure it did not
    // take is not a casualty count ("13 shootings this year", "the 40 killed last year").
    let fits = |idx: usize| {
        rules.properties.get(idx).is_some_and(|p| {
            !p.victims
                && (p.dimensions.is_empty()
                    || p.dimensions.iter().any(|d| dimension_matches(d, dimension)))
        })
    };
    for d in 1..=7 {
        let after = m.last + d;
        if toks.get(after).is_some_and(|t| t.sentence == sentence)
            && let Some((_, &idx)) = ctx.t.c.property_words.at(toks, after)
            && fits(idx)
        {
            return rules.properties[idx].name.clone();
        }
        if let Some(before) = r.start_tok.checked_sub(d)
            && d <= 5
            && toks[before].sentence == sentence
            && let Some((_, &idx)) = ctx.t.c.property_words.at(toks, before)
            && fits(idx)
        {
            return rules.properties[idx].name.clone();
        }
    }
    rules
        .properties
        .iter()
        .find(|p| {
            p.default_for
                .iter()
                .any(|d| dimension_matches(d, dimension))
        })
        .map_or_else(|| dimension.to_string(), |p| p.name.clone())
}

/// `money` in the rules stands for every currency's dimension (`money-USD`, ...).
fn dimension_matches(rule: &str, dimension: &str) -> bool {
    rule == dimension || (rule == "money" && dimension.starts_with("money-"))
}

/// A figure restated with "the" ("the four HIMARS systems") after an increment of the same
/// figure and subject ("four more HIMARS") is that increment again.
pub fn inherit_increments(drafts: &mut [Draft]) {
    for k in 0..drafts.len() {
        if !drafts[k].definite || drafts[k].increment || drafts[k].kind != ClaimKind::Quantity {
            continue;
        }
        let (head, tail) = drafts.split_at_mut(k);
        let d = &mut tail[0];
        let key = d.subject.as_ref().map(|s| s.key.clone());
        if key.is_none() {
            continue;
        }
        let same = head.iter().rev().any(|e| {
            e.increment
                && e.kind == ClaimKind::Quantity
                && e.subject.as_ref().map(|s| &s.key) == key.as_ref()
                && e.value.interval() == d.value.interval()
        });
        if same {
            d.increment = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{claims, rules};
    use crate::model::Value;

    /// One quantity claim expected in a sentence: its text, interval, unit, subject key,
    /// property and whether it is an increment.
    pub(super) struct Expect<'a> {
        text: &'a str,
        low: Option<f64>,
        high: Option<f64>,
        unit: &'a str,
        subject: Option<&'a str>,
        property: &'a str,
        increment: bool,
    }

    /// The measures, money and ranges the lexical reading gives (issue 13), each as the text
    /// of the claim, its interval and its unit; sentences of our own.
    #[test]
    fn measures_money_and_ranges_of_every_shape() {
        let rules = rules();
        // The sentence, the claim's text, its low and high ends and its unit.
        type Row<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, &'a str);
        let table: &[Row] = &[
            (
                "The ticket was thirteen dollars and forty-five cents.",
                "thirteen dollars and forty-five cents",
                Some(13.45),
                Some(13.45),
                "USD",
            ),
            (
                "Lunch came to 15 dollars 50.",
                "15 dollars 50",
                Some(15.5),
                Some(15.5),
                "USD",
            ),
            (
                "The fund lost 75 USD million last year.",
                "75 USD million",
                Some(75e6),
                Some(75e6),
                "USD",
            ),
            (
                "Grants reached 30 MUSD in total.",
                "30 MUSD",
                Some(30e6),
                Some(30e6),
                "USD",
            ),
            (
                "The bill was USD115.5 in the end.",
                "USD115.5",
                Some(115.5),
                Some(115.5),
                "USD",
            ),
            (
                "The debt stood at $2.174T that year.",
                "$2.174T",
                Some(2.174e12),
                Some(2.174e12),
                "USD",
            ),
            (
                "The guard is 6 ft 3 in and strong.",
                "6 ft 3 in",
                Some(6.25),
                Some(6.25),
                "ft",
            ),
            (
                "The total is 12,34,567.89 rupees.",
                "12,34,567.89 rupees",
                Some(1234567.89),
                Some(1234567.89),
                "INR",
            ),
            (
                "Only .75 of the budget was spent.",
                ".75",
                Some(0.75),
                Some(0.75),
                "count",
            ),
            (
                "The race had 10 k entrants.",
                "10 k",
                Some(1e4),
                Some(1e4),
                "count",
            ),
            (
                "Salaries run 5k-20k here.",
                "5k-20k",
                Some(5e3),
                Some(2e4),
                "count",
            ),
            (
                "The ratio was one over four, as planned.",
                "one over four",
                Some(0.25),
                Some(0.25),
                "count",
            ),
            (
                "The strain was 2.5 ± 0.5 GPa at the peak.",
                "2.5 ± 0.5 GPa",
                Some(2.0),
                Some(3.0),
                "GPa",
            ),
            (
                "Scores are greater than 10 and smaller than 40 now.",
                "greater than 10 and smaller than 40",
                Some(10.0),
                Some(40.0),
                "count",
            ),
            (
                // After a verb that names the range, the range is its figures.
                "Stays ranged from 3 to 9 days in the ward.",
                "3 to 9 days",
                Some(3.0),
                Some(9.0),
                "d",
            ),
            (
                "The gas moved at 12 m s−1 through the pipe.",
                "12 m s−1",
                Some(12.0),
                Some(12.0),
                "m s−1",
            ),
            (
                "The resin held 4 wt.% of filler.",
                "4 wt.%",
                Some(4.0),
                Some(4.0),
                "wt%",
            ),
            (
                "The shells gave 0.7‰ on average.",
                "0.7‰",
                Some(0.7),
                Some(0.7),
                "‰",
            ),
            (
                "The oven was held at 900 K. It then cooled.",
                "900 K",
                Some(900.0),
                Some(900.0),
                "K",
            ),
            (
                "The layer formed about 48 Ma in the east.",
                "about 48 Ma",
                Some(43.2),
                Some(52.8),
                "Ma",
            ),
            (
                "The flask took 250 mL of water.",
                "250 mL",
                Some(250.0),
                Some(250.0),
                "ml",
            ),
            (
                "Each crate held 12-ounce jars.",
                "12-ounce",
                Some(12.0),
                Some(12.0),
                "oz",
            ),
            (
                "The farm covers 3200m2 of land.",
                "3200m2",
                Some(3200.0),
                Some(3200.0),
                "m2",
            ),
            (
                "There were about 300 or more at the rally.",
                "about 300 or more",
                Some(300.0),
                None,
                "count",
            ),
        ];
        for &(sentence, text, low, high, unit) in table {
            let got = claims(sentence, &rules);
            let found = got.iter().find(|c| c.text == text);
            let shown: Vec<_> = got.iter().map(|c| (&c.text, &c.value)).collect();
            let Some(c) = found else {
                panic!("{sentence:?}: no claim {text:?} in {shown:?}")
            };
            // The interval comparison reads: a hedge's band, else the figure as stated.
            let (Value::Quantity { unit: u, .. }, Some(allowed)) = (&c.value, c.value.interval())
            else {
                panic!("{sentence:?}: {text:?} is no quantity")
            };
            let (l, h) = (allowed.low, allowed.high);
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                (None, None) => true,
                _ => false,
            };
            assert!(
                close(l, low) && close(h, high),
                "{sentence:?}: {text:?} is {l:?}..{h:?}"
            );
            assert_eq!(u, unit, "{sentence:?}: {text:?}");
        }
    }

    #[track_caller]
    pub(super) fn check(sentence: &str, expected: &[Expect]) {
        let rules = rules();
        let got: Vec<_> = claims(sentence, &rules)
            .into_iter()
            .filter(|c| c.kind == crate::model::ClaimKind::Quantity)
            .collect();
        let show = || {
            got.iter()
                .map(|c| {
                    format!(
                        "{:?} {:?} {:?} {} inc={}",
                        c.text,
                        c.value,
                        c.subject.as_ref().map(|s| &s.key),
                        c.property,
                        c.increment
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(got.len(), expected.len(), "{sentence:?}\n{}", show());
        for (c, e) in got.iter().zip(expected) {
            let (Value::Quantity { unit, .. }, Some(allowed)) = (&c.value, c.value.interval())
            else {
                panic!("not a quantity")
            };
            assert_eq!(c.text, e.text, "{sentence:?}\n{}", show());
            // The interval comparison reads: a hedge's band, else the figure as stated.
            assert_eq!(
                (allowed.low, allowed.high),
                (e.low, e.high),
                "{sentence:?}\n{}",
                show()
            );
            assert_eq!(unit, e.unit, "{sentence:?}\n{}", show());
            assert_eq!(
                c.subject.as_ref().map(|s| s.key.as_str()),
                e.subject,
                "{sentence:?}\n{}",
                show()
            );
            assert_eq!(c.property, e.property, "{sentence:?}\n{}", show());
            assert_eq!(c.increment, e.increment, "{sentence:?}\n{}", show());
        }
    }

    pub(super) fn q<'a>(
        text: &'a str,
        low: Option<f64>,
        high: Option<f64>,
        unit: &'a str,
        subject: Option<&'a str>,
        property: &'a str,
    ) -> Expect<'a> {
        Expect {
            text,
            low,
            high,
            unit,
            subject,
            property,
            increment: false,
        }
    }

    pub(super) fn inc(e: Expect) -> Expect {
        Expect {
            increment: true,
            ..e
        }
    }

    /// A bound is kept where an age is read, and "or less" after "equal to" makes one.
    #[test]
    fn bounds_survive_ages_and_equal_to() {
        let rules = rules();
        let values = |sentence: &str, property: &str| -> Vec<(Option<f64>, Option<f64>)> {
            claims(sentence, &rules)
                .into_iter()
                .filter(|c| c.property == property || property.is_empty())
                .filter_map(|c| c.value.stated().map(|v| (v.low, v.high)))
                .collect()
        };
        assert_eq!(
            values("Mo Reyes is more than forty years old.", "age"),
            [(Some(40.0), None)]
        );
        assert_eq!(
            values("Mo Reyes is under 18 years old.", "age"),
            [(None, Some(18.0))]
        );
        assert_eq!(
            values("Mo Reyes is about 40 years old.", "age"),
            [(Some(40.0), Some(40.0))]
        );
        assert_eq!(
            values("The fee is equal to 300 dollars or less.", ""),
            [(None, Some(300.0))]
        );
        assert!(
            values(
                "The fee is equal to 300 dollars or less than 400 dollars.",
                ""
            )
            .contains(&(Some(300.0), Some(300.0)))
        );
    }

    /// Ranges and bounds as papers write them (issue 13): the unit on both ends, "between" in
    /// either order, signed ends, a bound before a band, a unit hyphened to its direction;
    /// each as the claim's text, interval and unit. Sentences of our own.
    #[test]
    fn ranges_and_bounds_as_papers_write_them() {
        let rules = rules();
        type Row<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, &'a str);
        let table: &[Row] = &[
            (
                "The kiln was held at −40 °C to 120 °C for a week.",
                "−40 °C to 120 °C",
                Some(-40.0),
                Some(120.0),
                "°C",
            ),
            (
                "The scan angles ranged from 10° to 70° in steps.",
                "10° to 70°",
                Some(10.0),
                Some(70.0),
                "°",
            ),
            (
                "Yields lay between 12% and 31% on the farms.",
                "between 12% and 31%",
                Some(12.0),
                Some(31.0),
                "%",
            ),
            (
                "The offset fell between −3 and −9‰ in the cores.",
                "between −3 and −9‰",
                Some(-9.0),
                Some(-3.0),
                "‰",
            ),
            (
                "The water table sat between 8.4 m and 8.1 m below us.",
                "between 8.4 m and 8.1 m",
                Some(8.1),
                Some(8.4),
                "m",
            ),
            (
                "The cores show a shift of −31.2 to −28.1‰ at the base.",
                "−31.2 to −28.1‰",
                Some(-31.2),
                Some(-28.1),
                "‰",
            ),
            (
                "Crowd sizes ranging from 40 to 90% of capacity were seen.",
                "40 to 90%",
                Some(40.0),
                Some(90.0),
                "%",
            ),
            (
                "The gas reached 2 to 500 ppt in the samples.",
                "2 to 500 ppt",
                Some(2.0),
                Some(500.0),
                "ppt",
            ),
            (
                "Heating lifts the shell above ∼300 K in the model.",
                "above ∼300 K",
                Some(300.0),
                None,
                "K",
            ),
            (
                "Peaks reach up to around 900 K in the belt.",
                "up to around 900 K",
                None,
                Some(900.0),
                "K",
            ),
            (
                "The probe came as low as 40 km above the ice.",
                "as low as 40 km",
                Some(40.0),
                None,
                "km",
            ),
            (
                "The glow was of the order of 350 K at the top.",
                "of the order of 350 K",
                Some(350.0),
                Some(350.0),
                "K",
            ),
            (
                "They cut a 12.5 m-thick slab of basalt.",
                "12.5 m",
                Some(12.5),
                Some(12.5),
                "m",
            ),
            (
                "Cover was 12.5% ± 2.5% in the plots.",
                "12.5% ± 2.5%",
                Some(10.0),
                Some(15.0),
                "%",
            ),
            (
                "The spacing is (0.25–0.5)×10-10m in the grid.",
                "(0.25–0.5)×10-10m",
                Some(0.25e-10),
                Some(0.5e-10),
                "m",
            ),
            (
                "Mix the salts in a 1:4 molar ratio.",
                "1:4",
                Some(0.25),
                Some(0.25),
                "ratio",
            ),
            (
                "The ring lies near 2.5Rp from the planet.",
                "2.5Rp",
                Some(2.5),
                Some(2.5),
                "Rp",
            ),
            (
                "The rod reached 2 m in the samples and 40 m in the wells.",
                "40 m",
                Some(40.0),
                Some(40.0),
                "m",
            ),
        ];
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1e-300),
            (a, b) => a == b,
        };
        for &(sentence, text, low, high, unit) in table {
            let got = claims(sentence, &rules);
            let shown: Vec<_> = got.iter().map(|c| (&c.text, &c.value)).collect();
            let Some(found) = got.iter().find(|c| c.text == text) else {
                panic!("{sentence:?}: no claim {text:?} in {shown:?}")
            };
            let Value::Quantity {
                low: l,
                high: h,
                unit: u,
                ..
            } = &found.value
            else {
                panic!("{sentence:?}: {text:?} is no quantity")
            };
            assert!(
                close(*l, low) && close(*h, high) && u == unit,
                "{sentence:?}: {:?}",
                found.value
            );
        }
        // A colon between figures is no ratio unless the sentence names one: "1:10" may be a
        // time or a score.
        let got = claims("They met at 1:10 in the hall and won 3:1.", &rules);
        assert!(
            !got.iter()
                .any(|c| matches!(&c.value, Value::Quantity { unit, .. } if unit == "ratio")),
            "{:?}",
            got.iter().map(|c| (&c.text, &c.value)).collect::<Vec<_>>()
        );
        // A change states two figures, and two figures falling without a range's word are no
        // range: each stays a figure of its own.
        for (sentence, first, second) in [
            (
                "The oven warmed from 20 °C to 90 °C in an hour.",
                "20 °C",
                "90 °C",
            ),
            ("The readings went 9 m to 4 m overnight.", "9 m", "4 m"),
        ] {
            let got = claims(sentence, &rules);
            let texts: Vec<_> = got.iter().map(|c| c.text.as_str()).collect();
            assert!(
                texts.contains(&first) && texts.contains(&second),
                "{sentence:?}: {texts:?}"
            );
        }
    }

    /// Spans cover the figure, its hedge and its unit, never the words after them (issue 13):
    /// a count's noun is the claim's phrase (`Draft::noun_end`), not its span; sentences of our
    /// own.
    #[test]
    fn spans_end_at_the_figure_and_its_unit() {
        let rules = rules();
        // The sentence, the claim's text, its unit.
        let table: &[(&str, &str, &str)] = &[
            (
                "The crew drilled 14 boreholes near the lake.",
                "14",
                "count",
            ),
            (
                "Nearly 40 volunteers sorted the mail.",
                "Nearly 40",
                "count",
            ),
            ("We sampled three shallow ponds twice.", "three", "count"),
            (
                "The pump ran for 45 min before it stopped.",
                "45 min",
                "min",
            ),
            ("The probe logged 300 ms bursts of noise.", "300 ms", "ms"),
            ("The film was 120 nm thick at the edge.", "120 nm", "nm"),
            ("A 90 kW heater warmed the hall.", "90 kW", "kW"),
            ("The beacon pulses at 433 MHz every hour.", "433 MHz", "MHz"),
            (
                "The relay sent 2.5 Mbps over the old line.",
                "2.5 Mbps",
                "Mbps",
            ),
            ("The dose was 0.3 mg/L. Later it fell.", "0.3 mg/L", "mg/l"),
            // The basis of a share; a power of ten flattened into its digits.
            (
                "The glaze held 12% by weight of lead.",
                "12% by weight",
                "%",
            ),
            (
                "Ash made up 3 ppm by mass of the dust.",
                "3 ppm by mass",
                "ppm",
            ),
            ("The gel was 2% (w/v) agar in water.", "2% (w/v)", "%"),
            ("Ten of them, 40% by noon, had left.", "40%", "%"),
            (
                "The pump moved 4 × 107 kg s−1 at its peak.",
                "4 × 107 kg s−1",
                "kg s−1",
            ),
            ("The drift was ≈ − 12 mdeg overall.", "≈ − 12 mdeg", "mdeg"),
            ("The lowest layer is ca. 1.2 ka old.", "ca. 1.2 ka", "ka"),
            ("The arc glowed at ~40kR for an hour.", "~40kR", "kR"),
            ("The low was ∼–4 °C at night.", "∼–4 °C", "°C"),
            ("The kiln reached upto 900 °C once.", "upto 900 °C", "°C"),
            (
                "Turnout fell 3.5 percentage points in the city.",
                "3.5 percentage points",
                "percentage points",
            ),
            (
                "The signal spans four orders of magnitude here.",
                "four orders of magnitude",
                "orders of magnitude",
            ),
            ("A wind of 12 m/s. It eased at noon.", "12 m/s", "m/s"),
            ("Each vial held 50 U/ml of the enzyme.", "50 U/ml", "U/ml"),
            ("The camp sits at 61°N on the ridge.", "61°N", "°N"),
            ("The station lies near 12 °S today.", "12 °S", "°S"),
            ("The image was taken at 4000× by the team.", "4000×", "×"),
            ("Output rose 2.5 fold in a year.", "2.5 fold", "fold"),
            (
                "The field yields 8 Mg ha−1 of grain.",
                "8 Mg ha−1",
                "Mg ha−1",
            ),
            ("Plots of 20 ha were fenced.", "20 ha", "ha"),
            ("The plant stores 3 Mt of carbon dioxide.", "3 Mt", "Mt"),
            ("The chamber held 4 mbar of argon.", "4 mbar", "mbar"),
            (
                "The new lamp is 30 times brighter than the old.",
                "30 times",
                "times",
            ),
            ("The dust settles 8 times faster here.", "8 times", "times"),
            (
                "The cell charged at 15 mA g− 1 for an hour.",
                "15 mA g− 1",
                "mA g−1",
            ),
            ("The pond water was near pH 6.5 all summer.", "pH 6.5", "pH"),
            ("The brine stayed at pH ∼3 for weeks.", "pH ∼3", "pH"),
            ("The core ends at 850 mbsl in clay.", "850 mbsl", "mbsl"),
            ("The signal dipped to 12 mdeg at noon.", "12 mdeg", "mdeg"),
            (
                "The films reached 2.1 cm2/Vs after curing.",
                "2.1 cm2/Vs",
                "cm2/Vs",
            ),
            // A list of figures takes the unit written once after its last figure.
            ("The two wells held 14 and 0.5 ppm of lead.", "14", "ppm"),
            (
                "The two wells held 14 and 0.5 ppm of lead.",
                "0.5 ppm",
                "ppm",
            ),
            ("The seeds rested for 6 or 2.5 weeks.", "6", "wk"),
            ("The pipes were 4, 8 and 16 mm wide.", "4", "mm"),
            ("The pipes were 4, 8 and 16 mm wide.", "8", "mm"),
            (
                "The salt rose from 3.1 to 7.2 to 9.9 g at the weir.",
                "3.1",
                "g",
            ),
            ("Shares of 12 and 30% were sold.", "12", "%"),
            ("Sales reached 402, 12% of them abroad.", "402", "count"),
            ("The rods were 3 and 7cm long.", "3", "cm"),
            // A list that ends in no unit counts; a unit that goes on into a rate or a power
            // says nothing of the figures before it.
            ("We saw 12 and 30 birds on the shore.", "12", "count"),
            ("Doses of 2 and 5 mg/kg were given.", "2", "count"),
            ("Layers of 2 and 5 mg cm−2 were cast.", "2", "count"),
            ("In 12 of 30 cases the bridge held 5 t.", "12", "count"),
        ];
        for &(sentence, text, unit) in table {
            let got: Vec<_> = claims(sentence, &rules)
                .into_iter()
                .filter(|c| c.kind == crate::model::ClaimKind::Quantity)
                .collect();
            let shown: Vec<_> = got.iter().map(|c| (&c.text, &c.value)).collect();
            let found = got.iter().find(|c| c.text == text);
            let Some(Value::Quantity { unit: u, .. }) = found.map(|c| &c.value) else {
                panic!("{sentence:?}: no quantity {text:?} in {shown:?}")
            };
            assert_eq!(u, unit, "{sentence:?}: {text:?}");
        }
        // A multiplication sign between figures is no unit: "6 × 4" is no "6×".
        let got = claims("The slab measured 6 × 4 m in plan.", &rules);
        assert!(
            !got.iter()
                .any(|c| matches!(&c.value, Value::Quantity { unit, .. } if unit == "×")),
            "{:?}",
            got.iter().map(|c| (&c.text, &c.value)).collect::<Vec<_>>()
        );
        // "Times" counts occasions away from a comparative.
        let got = claims(
            "The striker scored 20 times as the club won the cup.",
            &rules,
        );
        assert!(
            got.iter()
                .any(|c| matches!(&c.value, Value::Quantity { unit, .. } if unit == "count")),
            "{:?}",
            got.iter().map(|c| (&c.text, &c.value)).collect::<Vec<_>>()
        );
        // The noun stays the count's subject, and its acronym is kept beside the span.
        let got = claims(
            "The agency bought five tidal river acoustic monitors (TRAM).",
            &rules,
        );
        let five = got.iter().find(|c| c.text == "five").expect("the count");
        assert_eq!(
            five.noun.as_deref(),
            Some(" tidal river acoustic monitors (TRAM)")
        );
        assert_eq!(five.subject.as_ref().map(|s| s.key.as_str()), Some("tram"));
    }

    #[test]
    fn increments_are_marked() {
        check(
            "The navy will buy four more Osprey tiltrotors.",
            &[inc(q(
                "four more",
                Some(4.0),
                Some(4.0),
                "count",
                Some("osprey tiltrotor"),
                "count",
            ))],
        );
        check(
            "Officials plan to add six additional ZORB ferries.",
            &[inc(q(
                "six additional",
                Some(6.0),
                Some(6.0),
                "count",
                Some("zorb ferry"),
                "count",
            ))],
        );
        check(
            "The first two ZORB ferries arrive soon. Another six units follow next year.",
            &[
                q(
                    "two",
                    Some(2.0),
                    Some(2.0),
                    "count",
                    Some("zorb ferry"),
                    "count",
                ),
                inc(q(
                    "Another six",
                    Some(6.0),
                    Some(6.0),
                    "count",
                    Some("zorb ferry"),
                    "count",
                )),
            ],
        );
    }

    #[test]
    fn properties_come_from_nearby_words() {
        check(
            "As many as 200 nurses have been trained on the new system.",
            &[q(
                "As many as 200",
                None,
                Some(200.0),
                "count",
                Some("nurse"),
                "trained",
            )],
        );
        check(
            "The ferry's range is 300 miles.",
            &[q(
                "300 miles",
                Some(300.0),
                Some(300.0),
                "mi",
                None,
                "range",
            )],
        );
    }

    /// The ages `text` gives: each claim's subject text (empty when unnamed) and years.
    pub(super) fn ages_of(text: &str) -> Vec<(String, f64)> {
        let rules = rules();
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
    }

    pub(super) fn named(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
        pairs.iter().map(|(n, a)| (n.to_string(), *a)).collect()
    }

    #[test]
    fn dozens_multiply() {
        check(
            "Nearly two dozen people were at the party, and three dozen chairs.",
            &[
                q(
                    "Nearly two dozen",
                    Some(21.6),
                    Some(24.0),
                    "count",
                    Some("people"),
                    "count",
                ),
                q(
                    "three dozen",
                    Some(36.0),
                    Some(36.0),
                    "count",
                    Some("chair"),
                    "count",
                ),
            ],
        );
    }

    #[test]
    fn a_restated_figure_keeps_its_increment() {
        check(
            "The city will buy four more MAXI buses. Besides the 12 bought earlier, the four MAXI buses will serve the airport.",
            &[
                inc(q(
                    "four more",
                    Some(4.0),
                    Some(4.0),
                    "count",
                    Some("maxi"),
                    "count",
                )),
                q("12", Some(12.0), Some(12.0), "count", Some("maxi"), "count"),
                inc(q(
                    "four",
                    Some(4.0),
                    Some(4.0),
                    "count",
                    Some("maxi"),
                    "count",
                )),
            ],
        );
    }
}
