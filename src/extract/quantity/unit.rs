//! The unit a figure is read with: a unit written before or after it, a scale on a currency
//! ("$1.2 billion"), a unit shared by a list, powers and divided units ("m s−1", "mg/kg"), a
//! smaller unit after the first ("3 dollars 50 cents") and a unit before a measure adjective.

use crate::extract::document::Context;
use crate::extract::numbers::{self, NumberMatch};
use crate::extract::tokens::{TokenKind, WordClass};
use crate::rules::UnitRule;

/// A currency code with a scale letter glued before it, written in capitals: "MUSD" (millions
/// of dollars), "KEUR". The letters are the rules' scale abbreviations ("m", "k", "b").
pub(super) fn scaled_currency<'r>(ctx: &Context<'r>, pos: usize) -> Option<(f64, &'r UnitRule)> {
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
pub(super) fn unit_after_list<'r>(ctx: &Context<'r>, m: &NumberMatch) -> Option<&'r UnitRule> {
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
pub(super) fn smaller_unit_after(
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
pub(super) fn is_operator(ctx: &Context, pos: usize, len: usize) -> bool {
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
pub(super) fn powers_after(
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
pub(super) fn unit_before_measure_adjective<'r>(
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
pub(super) const MEASURE_ADJECTIVES: &[&str] = &[
    "high", "tall", "long", "wide", "deep", "thick", "old", "away", "apart", "across", "north",
    "south", "east", "west", "off", "offshore", "inland", "behind", "ahead", "late", "early",
];

/// The unit named `word` ("mm", "month", "%").
pub(super) fn unit_by_name<'r>(ctx: &Context<'r>, word: &str) -> Option<&'r UnitRule> {
    let rules: &'r crate::rules::Rules = ctx.t.rules;
    rules.unit_named(word)
}

/// A currency symbol or code right before token `i`: "$", "US$", "€", "USD".
pub(super) fn unit_prefix_before<'r>(ctx: &Context<'r>, i: usize) -> Option<(usize, &'r UnitRule)> {
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

#[cfg(test)]
mod tests {

    use super::super::tests::{check, q};

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
}
