//! Quantities: turns each figure in a document into a claim with its hedge ("more than"), unit
//! ("miles", "$"), whether it is an increment ("four more"), what it counts or measures (its
//! subject) and what it states about that subject (its property).
//!
//! Figures that are not quantities are passed over: years, identifiers ("Boeing 737", "Route
//! 66"), house numbers, ordinals, and compounds that are not measures ("four-star").

use super::document::{Context, Draft};
use super::grammar::line_break_before;
use super::names::{is_quote_mark, name_ending_at, name_near_age};
use super::numbers::{self, NumberMatch};
use super::subject::{alias_of, subject_key};
use super::tokens::{TokenKind, WordClass};
use super::words::singular;
use crate::model::{ClaimKind, Interval, Subject, Value};
use crate::rules::{IntervalShape, QualifierRule, UnitRule};

// Named here by align and compare, which read them from this module before they moved down.
pub use super::labels::format_number;
pub use super::words::singular_phrase;

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
        subject = count_subject(ctx, m, &r, np.as_ref(), earlier);
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

/// A currency code with a scale letter glued before it, written in capitals: "MUSD" (millions
/// of dollars), "KEUR". The letters are the rules' scale abbreviations ("m", "k", "b").
fn scaled_currency<'r>(ctx: &Context<'r>, pos: usize) -> Option<(f64, &'r UnitRule)> {
    let tok = ctx.tokens.get(pos)?;
    if tok.kind != TokenKind::Word {
        return None;
    }
    let written = tok.text(ctx.text);
    let mut chars = written.chars();
    let first = chars.next()?;
    let code = chars.as_str();
    if code.chars().count() != 3 || !written.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let scale = *ctx
        .t
        .rules
        .scale_abbreviations
        .get(&first.to_ascii_lowercase().to_string())?;
    let unit = unit_by_name(ctx, code).filter(|u| u.dimension.starts_with("money"))?;
    Some((scale, unit))
}

/// The unit written once after a list of bare figures that starts with `m`: "ppm" for "22"
/// in "22 and 0.22 ppm", "months" for "9" in "9 or 4.8 months", "mm" for "5" in "5, 10 and
/// 20 mm", "ppm" for "9.4" in "9.4 to 14.1 to 66.8 ppm". Figures are joined by a comma,
/// "and", "or" or "to" in one sentence. None when the list ends in no unit, when a figure in
/// it has its own unit or a compound ("5 and 10-year"), or when the unit goes on into a rate
/// or a power ("2 and 5 mg cm−2", "3 and 4 mg/kg"): the figure's own part of it is unknown.
fn unit_after_list<'r>(ctx: &Context<'r>, m: &NumberMatch) -> Option<&'r UnitRule> {
    let toks = ctx.tokens;
    if m.attached_unit.is_some() || m.compound.is_some() {
        return None;
    }
    let sentence = toks[m.first].sentence;
    let in_sentence = |i: usize| toks.get(i).is_some_and(|t| t.sentence == sentence);
    let mut pos = m.last + 1;
    // A list of a few figures; a longer run of numbers is a table, not a list.
    for _ in 0..6 {
        // The joint: ",", "and", "or", "to", ", and", ", or".
        if !in_sentence(pos) {
            return None;
        }
        // A bare comma joins figures only before a later "and" or "or": "reached 402, 41%"
        // is two measures, "4, 8 and 16 mm" one list.
        let mut worded = true;
        if toks[pos].is_punct(",") {
            pos += 1;
            worded = matches!(ctx.lower(pos), "and" | "or");
            if worded {
                pos += 1;
            }
        } else if matches!(ctx.lower(pos), "and" | "or" | "to") {
            pos += 1;
        } else {
            return None;
        }
        if !in_sentence(pos) {
            return None;
        }
        let next = numbers::number_at(toks, pos, ctx.text, ctx.t)?;
        if next.compound.is_some() {
            return None;
        }
        if let Some(glued) = next.attached_unit.as_deref() {
            // "5 and 10mm"; not a rate glued to the digits ("3 and 4mg/kg").
            if glued.contains('/') || !worded {
                return None;
            }
            let u = unit_by_name(ctx, glued)?;
            return unit_ends_at(ctx, u, next.last + 1, next.last);
        }
        let after = next.last + 1;
        if !in_sentence(after) {
            return None;
        }
        let unit_follows =
            ctx.t.c.unit_names.at(toks, after).is_some() || toks[after].is_punct("%");
        if unit_follows && !worded {
            return None;
        }
        if let Some((len, &k)) = ctx.t.c.unit_names.at(toks, after)
            && !is_operator(ctx, after, len)
        {
            let u = if len == 1 {
                let written = toks[after].text(ctx.text);
                let table = ctx.t.rules.units.get(k);
                if written == toks[after].lower
                    && table.is_some_and(|x| x.names.contains(&toks[after].lower))
                {
                    table
                } else {
                    unit_by_name(ctx, written)
                }
            } else {
                ctx.t.rules.units.get(k)
            }?;
            return unit_ends_at(ctx, u, after + len, next.last);
        }
        if toks[after].is_punct("%") {
            let u = unit_by_name(ctx, "%")?;
            return unit_ends_at(ctx, u, after + 1, next.last);
        }
        pos = after;
    }
    None
}

/// `unit` when it ends before token `pos`: no rate ("/", "per") and no power after it.
fn unit_ends_at<'r>(
    ctx: &Context<'r>,
    unit: &'r UnitRule,
    pos: usize,
    figure_last: usize,
) -> Option<&'r UnitRule> {
    let toks = ctx.tokens;
    let rate = toks.get(pos).is_some_and(|t| t.is_punct("/")) || ctx.lower(pos) == "per";
    (!rate && powers_after(ctx, unit, pos, figure_last).is_none()).then_some(unit)
}

/// Words naming the hundredth part of a currency.
const MINOR_MONEY: &[&str] = &["cents", "cent", "pence", "penny", "p", "c"];

/// The smaller unit after a larger one: cents after dollars ("3 dollars 50 cents", "15 USD
/// 50") and inches after feet ("5 ft 2 in"). Gives what it adds in the larger unit and the
/// last token it takes. Only a whole figure below the larger unit's size counts, and one
/// without its unit word only where the clause ends after it ("costs 15 dollars 50.").
fn smaller_unit_after(
    ctx: &Context,
    m: &NumberMatch,
    unit: &UnitRule,
    pos: usize,
) -> Option<(f64, usize)> {
    let toks = ctx.tokens;
    if m.range || m.low != m.high || m.low.is_some_and(|v| v.fract() != 0.0) {
        return None;
    }
    let (parts, words): (f64, &[&str]) = if unit.dimension.starts_with("money") {
        (100.0, MINOR_MONEY)
    } else if unit.code == "ft" {
        (12.0, &["in", "inches", "inch", "\"", "″"])
    } else {
        return None;
    };
    let start = if ctx.lower(pos) == "and" {
        pos + 1
    } else {
        pos
    };
    let sentence = toks.get(start)?.sentence;
    if sentence != toks[m.first].sentence {
        return None;
    }
    let small = numbers::number_at(toks, start, ctx.text, ctx.t)?;
    let v = small.low?;
    if small.range
        || small.attached_unit.is_some()
        || small.compound.is_some()
        || small.low != small.high
        || v.fract() != 0.0
        || v <= 0.0
        || v >= parts
    {
        return None;
    }
    let after = small.last + 1;
    if words.contains(&ctx.lower(after)) {
        return Some((v / parts, after));
    }
    // Without the word: money only, and only where nothing follows that the figure could
    // count ("15 dollars 50 more" is fifteen and a half; "5 dollars and 20 people" is not).
    let clause_ends = toks
        .get(after)
        .is_none_or(|t| t.sentence != sentence || t.kind == TokenKind::Punct)
        || matches!(
            ctx.lower(after),
            "more" | "each" | "and" | "or" | "per" | "for"
        );
    (parts == 100.0 && clause_ends).then_some((v / parts, small.last))
}

/// Whether the `len` tokens at `pos` name no unit where they stand: one symbol before a figure
/// is an operator ("6 × 4 m", "1.5×10", where "100×" alone is a magnification), and a unit's
/// name is none away from the words it must come before (`only-before`).
fn is_operator(ctx: &Context, pos: usize, len: usize) -> bool {
    // A unit named only before some words ("20 times higher") is none before others.
    if let Some((_, &u)) = ctx.t.c.unit_names.at(ctx.tokens, pos)
        && let Some(unit) = ctx.t.rules.units.get(u)
        && !unit.only_before.is_empty()
        && !unit.only_before.iter().any(|w| w == ctx.lower(pos + len))
    {
        return true;
    }
    len == 1
        && ctx.tokens[pos].kind == TokenKind::Punct
        && ctx
            .tokens
            .get(pos + 1)
            .is_some_and(|n| n.kind == TokenKind::Number)
}

/// A negative power glued to a unit: "−1" in "s−1", "-3" in "cm-3", "⁻¹". Gives the power as
/// written with a minus sign and the last token it takes.
fn power_at(ctx: &Context, k: usize) -> Option<(String, usize)> {
    let toks = ctx.tokens;
    let t = toks.get(k)?;
    if t.space_before {
        return None;
    }
    let text = t.text(ctx.text);
    // Superscripts: "⁻¹", "⁻³".
    if let Some(rest) = text.strip_prefix('⁻') {
        let digits: String = rest
            .chars()
            .map_while(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c))
            .map(|d| char::from(b'0' + d as u8))
            .collect();
        return (!digits.is_empty()).then(|| (format!("−{digits}"), k));
    }
    if !matches!(text, "−" | "-" | "–") {
        return None;
    }
    // The digit may stand apart from its sign, as typesetting leaves it: "g− 1".
    let n = toks.get(k + 1)?;
    let digits = n.text(ctx.text);
    (n.kind == TokenKind::Number && digits.len() == 1 && digits != "0")
        .then(|| (format!("−{digits}"), k + 1))
}

/// Units with powers after a unit read at `pos - 1`: "m s−1", "cm−3", "g cm−3", "Mg ha−1
/// year−1". Gives the compound's code, the units as written joined by spaces with their
/// powers ("m s−1"), and the last token it takes; none without a power.
fn powers_after(
    ctx: &Context,
    unit: &UnitRule,
    pos: usize,
    figure_last: usize,
) -> Option<(String, usize)> {
    let toks = ctx.tokens;
    if unit.dimension.starts_with("money") || unit.code == "%" || pos <= figure_last + 1 {
        return None;
    }
    let sentence = toks[figure_last].sentence;
    let mut code = unit.code.clone();
    let mut last = pos - 1;
    let mut k = pos;
    let mut powers = 0;
    if let Some((p, end)) = power_at(ctx, k) {
        code.push_str(&p);
        last = end;
        k = end + 1;
        powers += 1;
    }
    // Further units, each with its power: "s−1", "cm−3".
    while let Some(t) = toks.get(k)
        && t.space_before
        && t.sentence == sentence
        && t.kind == TokenKind::Word
        && let Some(next) = unit_by_name(ctx, t.text(ctx.text))
        && let Some((p, end)) = power_at(ctx, k + 1)
    {
        code.push(' ');
        code.push_str(&next.code);
        code.push_str(&p);
        last = end;
        k = end + 1;
        powers += 1;
    }
    (powers > 0).then_some((code, last))
}

/// A unit joined by a hyphen to the way it measures, in the token at `pos`: "m-thick",
/// "km-long", "cm-wide". The unit and the length in bytes of its name.
fn unit_before_measure_adjective<'r>(
    ctx: &Context<'r>,
    pos: usize,
) -> Option<(&'r UnitRule, usize)> {
    let tok = ctx.tokens.get(pos)?;
    if tok.kind != TokenKind::Word || !tok.class.has(WordClass::HYPHENATED) {
        return None;
    }
    let (head, tail) = tok.text(ctx.text).split_once('-')?;
    if !MEASURE_ADJECTIVES[..6].contains(&tail.to_lowercase().as_str()) {
        return None;
    }
    Some((unit_by_name(ctx, head)?, head.len()))
}

/// Words after a measure that say which way it measures ("10 feet high", "44 years old"), not
/// what it measures.
const MEASURE_ADJECTIVES: &[&str] = &[
    "high", "tall", "long", "wide", "deep", "thick", "old", "away", "apart", "across", "north",
    "south", "east", "west", "off", "offshore", "inland", "behind", "ahead", "late", "early",
];

/// Years, identifiers, house numbers, times and lone pronoun "one" are not quantities.
fn is_not_a_quantity(ctx: &Context, m: &NumberMatch) -> bool {
    let toks = ctx.tokens;
    let first = &toks[m.first];
    let prev = m.first.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(m.last + 1);

    // "Figure 2", "Table 3", "phases 3, 5, 7 and 9": labels count nothing.
    if is_label(ctx, m.first) {
        return true;
    }
    // Citation markers: "[12]", "[3, 4]", "[5–7]", and "(22)" after running text.
    if is_citation(ctx, m) {
        return true;
    }
    // A subscript glued after a bracket: "Mg(ClO4)2", "Ca10(PO4)6(OH)2".
    if !first.space_before && prev.is_some_and(|p| p.is_punct(")") || p.is_punct("]")) {
        return true;
    }
    if first.kind == TokenKind::Number && !m.range {
        let raw = first.text(ctx.text);
        // Zero-padded digits are codes, clock times or dates: "09", "000", "05 / 02 / 07".
        if raw.len() > 1 && raw.starts_with('0') && !raw.starts_with("0.") {
            return true;
        }
        // Digits beside a slash are dates, fractions or ratios: "5/02/07", "24/7".
        if prev.is_some_and(|p| p.is_punct("/")) || next.is_some_and(|n| n.is_punct("/")) {
            return true;
        }
        // A four-digit year with no separator: "the 2022 invasion", "in 2014".
        if raw.len() == 4
            && !raw.contains([',', '.'])
            && m.low.is_some_and(|v| (1800.0..=2100.0).contains(&v))
            && !prev.is_some_and(|p| ctx.t.c.unit_prefixes.contains_key(&p.lower))
            && ctx.t.c.unit_names.at(toks, m.last + 1).is_none()
        {
            return true;
        }
        // A street address: "the 5700 block of Green Hill Road".
        if next.is_some_and(|n| n.lower == "block") && ctx.lower(m.last + 2) == "of" {
            return true;
        }
        // A calibre written apart: ".32 caliber revolver", "a 12 gauge shotgun".
        if next.is_some_and(|n| matches!(n.lower.as_str(), "caliber" | "calibre" | "gauge")) {
            return true;
        }
        // A time of day the date reader did not take: "3:30".
        if next.is_some_and(|n| n.is_punct(":"))
            && toks
                .get(m.last + 2)
                .is_some_and(|n| n.kind == TokenKind::Number && !n.space_before)
        {
            return true;
        }
        if prev.is_some_and(|p| p.is_punct(":") && !first.space_before) {
            return true;
        }
        // "No. 5", "#3", "number 5".
        if prev.is_some_and(|p| {
            matches!(
                p.lower.as_str(),
                "no." | "#" | "number" | "nos." | "version" | "v."
            )
        }) {
            return true;
        }
        // An identifier: "Boeing 737", "Route 66", "Article 5" (a name right before the digits).
        if let Some(p) = prev
            && p.kind == TokenKind::Word
            && p.capitalized
            && p.sentence == first.sentence
            && !ctx.starts_sentence(m.first - 1)
            && !ctx.t.c.not_names.contains(&p.lower)
            && ctx
                .t
                .c
                .qualifiers_before
                .ending_before(toks, m.first)
                .is_none()
            && ctx
                .t
                .c
                .increment_before
                .ending_before(toks, m.first)
                .is_none()
            && !ctx.t.c.unit_prefixes.contains_key(&p.lower)
        {
            return true;
        }
        // A house number: "300 West 1st Street".
        if is_address(ctx, m.last + 1) {
            return true;
        }
        // An area code: "(530) 233-4416".
        if prev.is_some_and(|p| p.is_punct("("))
            && next.is_some_and(|n| n.is_punct(")"))
            && toks
                .get(m.last + 2)
                .is_some_and(|n| n.kind == TokenKind::Number)
        {
            return true;
        }
        // Phone numbers and codes: digits glued to other digits with dashes or dots.
        if next.is_some_and(|n| n.is_punct("-") && !n.space_before)
            && toks
                .get(m.last + 2)
                .is_some_and(|n| n.kind == TokenKind::Number)
        {
            return true;
        }
    }
    // A time of day in words: "six o'clock".
    if next.is_some_and(|n| matches!(n.lower.as_str(), "o'clock" | "o’clock")) {
        return true;
    }
    if first.kind == TokenKind::Word && first.lower == "one" && m.first == m.last {
        // "one another", "the one who", "no one".
        if next.is_some_and(|n| matches!(n.lower.as_str(), "another" | "who" | "that" | "which"))
            || prev.is_some_and(|p| {
                matches!(
                    p.lower.as_str(),
                    "no" | "the" | "any" | "every" | "some" | "each"
                )
            })
        {
            return true;
        }
    }
    false
}

/// Words that make "pounds" a weight in their sentence: "the baby weighed seven pounds".
const WEIGHT_WORDS: &[&str] = &[
    "weigh",
    "weighs",
    "weighed",
    "weighing",
    "weight",
    "weights",
    "heavy",
    "heavier",
    "lighter",
    "baby",
    "babies",
    "newborn",
    "ounces",
    "oz",
    "lost",
    "gained",
    "obese",
    "overweight",
];

/// Whether "pound(s)" at `pos`, after the figure `m`, weighs rather than pays: the sentence
/// speaks of weight, or "pounds of" follows a figure with no scale ("500 pounds of cocaine").
fn is_weight_in_pounds(ctx: &Context, m: &NumberMatch, pos: usize) -> bool {
    let toks = ctx.tokens;
    if !matches!(ctx.lower(pos), "pound" | "pounds") {
        return false;
    }
    if ctx.lower(pos + 1) == "of" && m.high.is_some_and(|v| v < 100_000.0) && m.first == m.last {
        return true;
    }
    let sentence = toks[pos].sentence;
    let (a, b) = ctx
        .sentences
        .get(sentence)
        .map_or((0, 0), |r| (r.start, r.end));
    toks[a.min(toks.len())..b.min(toks.len())]
        .iter()
        .any(|t| WEIGHT_WORDS.contains(&t.lower.as_str()))
}

/// Whether the figure at `first` follows a label noun, directly or through a list of figures
/// ("Figure 2", "phases 3, 5, 7, and 9").
fn is_label(ctx: &Context, first: usize) -> bool {
    let toks = ctx.tokens;
    let mut k = first;
    for _ in 0..12 {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        let tk = &toks[p];
        // "Fig. 2": a label's abbreviation whose period the tokenizer took for a full stop.
        if tk.is_punct(".")
            && p > 0
            && !tk.space_before
            && ctx
                .t
                .rules
                .label_words
                .contains(&format!("{}.", toks[p - 1].lower))
        {
            return true;
        }
        if tk.sentence != toks[first].sentence {
            return false;
        }
        // The label's word is followed by a figure ("samples 3 and 4"); "in the samples and
        // 40 m in the wells" labels nothing.
        if ctx.t.rules.label_words.contains(&tk.lower) {
            return p + 1 == first
                || toks
                    .get(p + 1)
                    .is_some_and(|n| matches!(n.kind, TokenKind::Number | TokenKind::Mixed));
        }
        let in_list = matches!(tk.kind, TokenKind::Number | TokenKind::Mixed)
            || tk.is_punct(",")
            || tk.is_punct("–")
            || tk.is_punct("-")
            || matches!(tk.lower.as_str(), "and" | "or" | "to");
        if !in_list {
            return false;
        }
        k = p;
    }
    false
}

/// Whether the figure sits alone, or in a list of bare figures, between brackets: "[12]",
/// "[3, 4]", or between parentheses after a lowercase word or a full stop ("(22)").
fn is_citation(ctx: &Context, m: &NumberMatch) -> bool {
    let toks = ctx.tokens;
    let bare = |tk: &super::tokens::Token| {
        tk.kind == TokenKind::Number || tk.is_punct(",") || tk.is_punct("–") || tk.is_punct("-")
    };
    let mut open = m.first;
    while open > 0 && m.first - open < 12 && bare(&toks[open - 1]) {
        open -= 1;
    }
    let mut close = m.last;
    while close + 1 < toks.len() && close - m.last < 12 && bare(&toks[close + 1]) {
        close += 1;
    }
    let (Some(o), Some(c)) = (open.checked_sub(1).map(|k| &toks[k]), toks.get(close + 1)) else {
        return false;
    };
    if toks[open..=close].iter().any(|tk| tk.lower.contains('.')) {
        return false;
    }
    if o.is_punct("[") && c.is_punct("]") {
        return true;
    }
    o.is_punct("(") && c.is_punct(")") && open >= 2 && {
        let before = &toks[open - 2];
        before.kind == TokenKind::Word && !before.capitalized
    }
}

/// Whether the tokens from `i` name a street ("West 1st Street", "Main St.").
fn is_address(ctx: &Context, i: usize) -> bool {
    let toks = ctx.tokens;
    let sentence = toks.get(i).map(|t| t.sentence);
    for (k, t) in toks.iter().enumerate().skip(i).take(4) {
        if Some(t.sentence) != sentence || !(t.capitalized || t.kind == TokenKind::Mixed) {
            return false;
        }
        if ctx.t.c.street_words.contains(&t.lower) && k > i {
            return true;
        }
    }
    false
}

fn is_age_compound(compound: &str) -> bool {
    matches!(
        compound,
        "year-old" | "years-old" | "year-olds" | "month-old" | "months-old" | "yr-old"
    )
}

/// "44-year-old Sherie Lash": the age of the person named right after (no subject otherwise,
/// since "a 19-year-old woman" names nobody that other reports could be matched on).
fn age_claim(ctx: &Context, m: &NumberMatch) -> Draft {
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
            .and_then(|_| super::names::person_name_at(ctx, m.last + 2))
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

/// A short capitalised word that would be a preposition ("To", "On"), right after the name
/// that ends at `end` and before a comma or a stop, ends that name: "39-year-old Mai Thi To,".
fn short_last_name(ctx: &Context, end: usize, mut person: Subject) -> (usize, Subject) {
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
fn comma_suffix(ctx: &Context, end: usize, mut person: Subject) -> (usize, Subject) {
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
fn name_before_verb(ctx: &Context, age: usize) -> Option<(usize, Subject)> {
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

/// "Brandon Crawford was 15.", "Bournes, who was 59, shot ...": a bare figure ending a clause
/// after "was" or "is" and a name is the person's age.
fn age_after_verb(ctx: &Context, m: &NumberMatch) -> Option<Draft> {
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
fn age_draft(start: usize, end: usize, subject: Option<Subject>, years: f64) -> Draft {
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

/// The ages read once every figure is: those lists of names share ([`ages_of_lists`]), and
/// those of a person described first and named later, by the same noun or in the next
/// sentences ([`ages_named_next`]).
///
/// "A 7-year-old girl was shot ... The little girl, Adriana Espinoza, was riding ...". When every unnamed age the document gives before a
/// single person noun ("7-year-old girl", "7-year-old South Dallas girl") is one figure, no
/// named person already has that age, and exactly one person is named in apposition to the
/// same noun ("the girl, NAME"; "the suspect, NAME" is someone else), that person gets the age. The
/// claim spans the apposition; two different ages or two such names leave it unsaid.
pub(super) fn ages_named_later(ctx: &Context, drafts: &mut Vec<Draft>) {
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
        if let Some((end, person)) = super::names::person_name_at(ctx, noun + 2)
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
            super::names::person_name_at(ctx, k).is_some_and(|(_, p)| p.key == person.key)
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

/// Whether an age ending right before token `after` describes a person: a person noun follows
/// ("a 16-year-old Dallas boy"), or the age stands for the person ("a 16-year-old was shot").
fn describes_a_person(ctx: &Context, after: usize, sentence: usize) -> bool {
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
enum Role {
    Victim,
    Suspect,
    Either,
    Neither,
}

/// A person noun's sex and whether it is a child ('m'/'f'/'?', 'c'hild/'a'dult/'?'), and
/// whether it names a relative: "boy" is ('m', 'c'), "mother" ('f', 'a') and kin.
fn person_kind(word: &str) -> Option<(char, char, bool)> {
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

fn sentence_role(ctx: &Context, sentence: usize) -> Role {
    let (mut victim, mut suspect) = (false, false);
    for k in ctx.sentences[sentence].clone() {
        match ctx.lower(k) {
            // "was shot", "boy fatally shot" tell of a victim, "shot the teens" of a shooter.
            "shot"
                if !super::grammar::is_passive(ctx, k)
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
fn person_told_of(
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
        let Some((end, person)) = super::names::person_name_at(ctx, k) else {
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
fn identified_as(ctx: &Context, from: usize) -> Option<Subject> {
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
            if let Some((_, person)) = super::names::person_name_at(ctx, n) {
                return Some(person);
            }
        }
        k += 1;
    }
    None
}

/// "girl, Dalis Cox": a name set off by a comma after a short noun phrase that starts at `i`.
fn name_after_noun(ctx: &Context, i: usize) -> Option<(usize, Subject)> {
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
        return super::names::person_name_at(ctx, k + 1);
    }
    // "his 42-year-old wife Min Huang": a name right after the person noun.
    let noun = ctx.lower(k - 1);
    if ctx.t.c.person_nouns.contains(noun) || KIN_NOUNS.contains(&noun) {
        return super::names::person_name_at(ctx, k);
    }
    None
}

/// Kin and companions a person is described as, besides the lexicon's person nouns: "his
/// 8-year-old cousin Tristan Howard".
const KIN_NOUNS: &[&str] = &[
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
fn name_before_article(ctx: &Context, age: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    if age < 3 || !matches!(ctx.lower(age - 1), "a" | "an" | "the") || !toks[age - 2].is_punct(",")
    {
        return None;
    }
    let end = age - 3;
    let first = end.saturating_sub(4);
    (first..=end)
        .find_map(|s| {
            let (e, person) = super::names::person_name_at(ctx, s)?;
            (e == end).then_some((s, person))
        })
        .or_else(|| {
            (first..end).find_map(|s| {
                let (e, person) = name_near_age(ctx, s)?;
                (e == end).then_some((s, person))
            })
        })
}

/// "Sherie Lash, 44," or "Lash (44)": a bare figure set off right after a person's name is the
/// person's age; so is one after "age" or "aged" ("Ann Lee, age 27"), and the one a list of
/// names shares ("Ann Lee and Bo Chu, both 22": here the last name's, see [`ages_of_lists`]).
fn apposed_age(ctx: &Context, m: &NumberMatch) -> Option<Draft> {
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
    // "Ann Lee and Bo Chu, 25 and 30": one age each, read with the list (see [`ages_of_lists`]).
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

/// Whether token `k` may follow an age set off after a name: a comma, a stop, a dash, the end
/// of the sentence or line ("... and James Wallace, 28" closing a list), or a word that goes on
/// with the sentence ("Ann Lee, 26 was", "both 31 and of Jackson").
fn closes_apposition(ctx: &Context, k: usize) -> bool {
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
fn person_before(ctx: &Context, end: usize) -> Option<(usize, Subject)> {
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
            || super::names::person_name_at(ctx, w).is_some()
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
        if kin < at && (kin + 1..at).any(|k| super::names::person_name_at(ctx, k).is_some()) {
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
            if let Some((end, person)) = super::names::person_name_at(ctx, k)
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
/// 22". [`apposed_age`] gives the age to the last name; each name listed before it, joined by
/// "and" or commas, gets the same age.
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

/// [`surname_alone`] for a surname after an age ("the 64-year-old Galde"), where a capitalised
/// word could as well start something else: the earlier name must be written as names are, not
/// in capitals and not the end of a longer run of capitalised words ("Related Coverage Vernon").
fn full_name_before(ctx: &Context, k: usize) -> Option<(usize, Subject)> {
    let toks = ctx.tokens;
    let t = &toks[k];
    if !t.capitalized || t.kind != TokenKind::Word || ctx.t.c.not_names.contains(&t.lower) {
        return None;
    }
    (0..k).rev().find_map(|s| {
        let (e, person) = super::names::person_name_at(ctx, s)?;
        let lone = s == 0 || !(toks[s - 1].capitalized && toks[s - 1].is_word());
        let capitals = !person.text.chars().any(char::is_lowercase);
        let words = person.text.split_whitespace().count();
        (toks[e].lower == t.lower && e < k && lone && !capitals && words <= 4)
            .then_some((k, person))
    })
}

/// The unit named `word` ("mm", "month", "%").
fn unit_by_name<'r>(ctx: &Context<'r>, word: &str) -> Option<&'r UnitRule> {
    let rules: &'r crate::rules::Rules = ctx.t.rules;
    rules.unit_named(word)
}

/// A currency symbol or code right before token `i`: "$", "US$", "€", "USD".
fn unit_prefix_before<'r>(ctx: &Context<'r>, i: usize) -> Option<(usize, &'r UnitRule)> {
    let toks = ctx.tokens;
    if i == 0 || toks[i].space_before && toks[i - 1].kind == TokenKind::Punct {
        // "$ 5" is unusual but allowed below only for word codes.
    }
    let rules: &'r crate::rules::Rules = ctx.t.rules;
    let prev = &toks[i.checked_sub(1)?];
    if prev.sentence != toks[i].sentence {
        return None;
    }
    // Two tokens glued together: "US" + "$".
    if i >= 2 && !prev.space_before {
        let joined = format!("{}{}", toks[i - 2].lower, prev.lower);
        if let Some(&u) = ctx.t.c.unit_prefixes.get(&joined) {
            return rules.units.get(u).map(|u| (2, u));
        }
    }
    let &u = ctx.t.c.unit_prefixes.get(&prev.lower)?;
    // A word code ("USD 5") needs a space; a symbol ("$5") needs none.
    rules.units.get(u).map(|u| (1, u))
}

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
fn noun_phrase(ctx: &Context, i: usize) -> Option<NounPhrase> {
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
fn np_subject(ctx: &Context, np: &NounPhrase) -> Subject {
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
fn count_subject(
    ctx: &Context,
    m: &NumberMatch,
    r: &Reading,
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
    let anaphoric = r.definite || r.increment || container_before || np.is_some() || {
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
fn measured_subject(ctx: &Context, start_tok: usize, unit: Option<&UnitRule>) -> Option<Subject> {
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

/// The figure a hedge states, whether it is approximate and, if so, the interval its band
/// allows: "about 40" states 40 and allows 36–44, "nearly 40" 36–40, "just over 40" 40–44;
/// "more than 40" states the bound 40–∞ with no band.
fn interval(
    m: &NumberMatch,
    q: Option<&QualifierRule>,
    default_band: f64,
) -> (Option<f64>, Option<f64>, bool, Option<Interval>) {
    let (low, high) = (m.low, m.high);
    let Some(q) = q else {
        return (low, high, false, None);
    };
    let band = q.band.unwrap_or(default_band);
    let tidy = |v: f64| {
        // Keep bands free of binary noise: 45 * 1.1 is 49.5, not 49.50000000000001.
        let scale = 10f64.powi(9 - v.abs().log10().floor().max(0.0) as i32);
        (v * scale).round() / scale
    };
    let (stated_low, stated_high) = (low, high);
    let (low, high) = (low.map(tidy), high.map(tidy));
    match q.interval {
        IntervalShape::Above => (low, None, false, None),
        IntervalShape::Below => (None, high, false, None),
        IntervalShape::Around => (
            stated_low,
            stated_high,
            true,
            Some(Interval {
                low: low.map(|v| tidy(v * (1.0 - band))),
                high: high.map(|v| tidy(v * (1.0 + band))),
            }),
        ),
        IntervalShape::Nearly => (
            stated_low,
            stated_high,
            true,
            Some(Interval {
                low: low.map(|v| tidy(v * (1.0 - band))),
                high,
            }),
        ),
        IntervalShape::JustOver => (
            stated_low,
            stated_high,
            true,
            Some(Interval {
                low,
                high: high.map(|v| tidy(v * (1.0 + band))),
            }),
        ),
        IntervalShape::Exactly => (low, high, false, None),
    }
}

/// How a quantity reads to a person: "> 40 members", "≤ 190 mi", "1,200,000,000 USD".
fn label(
    m: &NumberMatch,
    q: Option<&QualifierRule>,
    unit: Option<&UnitRule>,
    noun: Option<&str>,
) -> String {
    let figure = match (m.low, m.high) {
        (Some(a), Some(b)) if a != b => format!("{}–{}", format_number(a), format_number(b)),
        (Some(a), _) => format_number(a),
        (None, Some(b)) => format_number(b),
        (None, None) => "?".to_string(),
    };
    let sign = match q {
        Some(q) => q.sign.clone().unwrap_or_else(|| match q.interval {
            IntervalShape::Above => ">".into(),
            IntervalShape::Below => "≤".into(),
            IntervalShape::Around => "~".into(),
            IntervalShape::Nearly => "almost".into(),
            IntervalShape::JustOver => "just over".into(),
            IntervalShape::Exactly => String::new(),
        }),
        None if m.low.is_some() && m.high.is_none() => ">".into(),
        None => String::new(),
    };
    let mut out = String::new();
    if !sign.is_empty() {
        out.push_str(&sign);
        out.push(' ');
    }
    out.push_str(&figure);
    match (unit, noun) {
        (Some(u), _) => {
            out.push(' ');
            out.push_str(&u.code);
        }
        (None, Some(n)) => {
            out.push(' ');
            out.push_str(n);
        }
        (None, None) => {}
    }
    out
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
    struct Expect<'a> {
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

    /// What must stay no quantity, or no quantity of that reading: labels, subscripts,
    /// dimensions of space and a lone capital letter that is no unit.
    #[test]
    fn labels_subscripts_and_letters_are_no_measures() {
        let rules = rules();
        for (sentence, not) in [
            ("The peak is clear in Fig. 3 of the paper.", "3"),
            ("We compare columns 2 and 4 of the survey.", "2"),
            ("The salt Ca(NO3)2 was used throughout.", "2"),
            ("The team built a 3D model of the bridge.", "3D"),
            ("Gifts of $2000 over 3 years were made.", "$2000 over 3"),
            (
                "Prices rose from 40 to 50 dollars.",
                "from 40 to 50 dollars",
            ),
        ] {
            let got = claims(sentence, &rules);
            assert!(
                !got.iter().any(|c| c.text == not),
                "{sentence:?} gave {not:?}: {:?}",
                got.iter().map(|c| (&c.text, &c.value)).collect::<Vec<_>>()
            );
        }
    }

    #[track_caller]
    fn check(sentence: &str, expected: &[Expect]) {
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

    fn q<'a>(
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

    fn inc(e: Expect) -> Expect {
        Expect {
            increment: true,
            ..e
        }
    }

    #[test]
    fn hedges_make_intervals() {
        check(
            "The club has more than 40 members.",
            &[q(
                "more than 40",
                Some(40.0),
                None,
                "count",
                Some("member"),
                "count",
            )],
        );
        check(
            "The drone flies up to 700 metres.",
            &[q("up to 700 metres", None, Some(700.0), "m", None, "range")],
        );
        check(
            "A group of around 50 countries met.",
            &[q(
                "around 50",
                Some(45.0),
                Some(55.0),
                "count",
                Some("country"),
                "count",
            )],
        );
        check(
            "Nearly 30 schools closed.",
            &[q(
                "Nearly 30",
                Some(27.0),
                Some(30.0),
                "count",
                Some("school"),
                "count",
            )],
        );
        check(
            "They hired at least 12 guards.",
            &[q(
                "at least 12",
                Some(12.0),
                None,
                "count",
                Some("guard"),
                "count",
            )],
        );
        check(
            "They hired 12 guards or more.",
            &[q("12", Some(12.0), None, "count", Some("guard"), "count")],
        );
    }

    /// A hedged figure keeps the figure the text states; the band of its hedge is beside it,
    /// for comparison.
    #[test]
    fn approximate_figures_state_their_figure_and_carry_their_band() {
        let rules = rules();
        for (sentence, stated, low, high) in [
            (
                "The firm reported about $14 million in sales.",
                14e6,
                Some(12.6e6),
                Some(15.4e6),
            ),
            (
                "The hills lie roughly 20 km from the coast.",
                20.0,
                Some(18.0),
                Some(22.0),
            ),
            ("Nearly 30 schools closed.", 30.0, Some(27.0), Some(30.0)),
            ("Just over 40 staff left.", 40.0, Some(40.0), Some(44.0)),
        ] {
            let got = claims(sentence, &rules);
            let c = got
                .iter()
                .find(|c| c.kind == crate::model::ClaimKind::Quantity)
                .unwrap_or_else(|| panic!("{sentence:?}: no quantity"));
            let Value::Quantity {
                low: l,
                high: h,
                approximate,
                band,
                ..
            } = &c.value
            else {
                panic!("not a quantity")
            };
            assert_eq!((*l, *h), (Some(stated), Some(stated)), "{sentence:?}");
            assert!(approximate, "{sentence:?}");
            let band = band.unwrap_or_else(|| panic!("{sentence:?}: no band"));
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                (a, b) => a == b,
            };
            assert!(
                close(band.low, low) && close(band.high, high),
                "{sentence:?}: {band:?}"
            );
            assert_eq!(c.value.interval(), Some(band), "{sentence:?}");
        }
        // A bound is no approximation and has no band.
        let got = claims("They hired at least 12 guards.", &rules);
        assert!(
            got.iter().any(|c| matches!(
                &c.value,
                Value::Quantity { low: Some(l), high: None, approximate: false, band: None, .. }
                    if *l == 12.0
            )),
            "{got:?}"
        );
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
    fn money_and_measures_take_units_and_scales() {
        check(
            "The city approved a $1.2 billion budget.",
            &[q(
                "$1.2 billion",
                Some(1.2e9),
                Some(1.2e9),
                "USD",
                Some("budget"),
                "amount",
            )],
        );
        check(
            "The fund raised €5m last year.",
            &[q("€5m", Some(5e6), Some(5e6), "EUR", None, "amount")],
        );
        check(
            "The rocket can strike targets about 45 miles away.",
            &[q(
                "about 45 miles",
                Some(40.5),
                Some(49.5),
                "mi",
                None,
                "range",
            )],
        );
        check(
            "Turnout reached 15% in the district.",
            &[q("15%", Some(15.0), Some(15.0), "%", None, "share")],
        );
        check(
            "The city's budget of $184 million was approved.",
            &[q(
                "$184 million",
                Some(184e6),
                Some(184e6),
                "USD",
                Some("budget"),
                "amount",
            )],
        );
        check(
            "The storm caused about $3.5 million in damage.",
            &[q(
                "about $3.5 million",
                Some(3.15e6),
                Some(3.85e6),
                "USD",
                Some("damage"),
                "amount",
            )],
        );
        check("The service ended at six o'clock.", &[]);
        check(
            "The road is 12 km long.",
            &[q("12 km", Some(12.0), Some(12.0), "km", None, "distance")],
        );
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

    #[test]
    fn years_identifiers_ordinals_addresses_and_suffixes_are_not_counts() {
        check("The 2022 season ended.", &[]);
        check("The plane on Flight 370 vanished.", &[]);
        check("The office at 300 West 1st Street closed.", &[]);
        check("The fourth meeting and the 16th package.", &[]);
        check("Lloyd J Austin III spoke.", &[]);
        check("The F-16 and the G7 summit.", &[]);
        check("He called 555-1234 twice.", &[]);
        check(
            "Deputies found a .38 caliber revolver and a 12 gauge shotgun.",
            &[],
        );
        check("It happened in the 4300 block of Elm Lane.", &[]);
    }

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

    /// The ages `text` gives: each claim's subject text (empty when unnamed) and years.
    fn ages_of(text: &str) -> Vec<(String, f64)> {
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

    fn named(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
        pairs.iter().map(|(n, a)| (n.to_string(), *a)).collect()
    }

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
