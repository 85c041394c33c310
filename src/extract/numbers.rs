//! Numbers: reads the figure that starts at a token, in digits ("1,400", "1.2 billion", "3bn")
//! or in words ("four", "twenty-three", "one hundred and five", "a dozen", "dozens of"), and
//! ranges ("between 40 and 50", "40 to 50", "40-50").
//!
//! It says nothing about what the figure counts; that is the quantity reader's job.

use super::tables::Tables;
use super::tokens::{Token, TokenKind, WordClass};

/// A figure read from the tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub first: usize,
    pub last: usize,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Letters glued to the digits that are not a scale ("mm" in "155mm"): a unit to look up.
    pub attached_unit: Option<String>,
    /// For a hyphenated compound ("44-year-old", "seven-month"), the words after the figure.
    pub compound: Option<String>,
    /// A range ("40 to 50") rather than one figure.
    pub range: bool,
}

impl NumberMatch {
    fn single(first: usize, last: usize, value: f64) -> Self {
        Self {
            first,
            last,
            low: Some(value),
            high: Some(value),
            attached_unit: None,
            compound: None,
            range: false,
        }
    }
}

use super::lexical::number as lex;
pub use super::lexical::number::parse_digits;

/// The figure that starts at token `i`, if one does.
#[inline]
pub fn number_at(tokens: &[Token], i: usize, text: &str, t: &Tables) -> Option<NumberMatch> {
    // Asked at every token: the test that most words fail is inlined into the callers.
    if !may_start_figure(tokens.get(i)?) {
        return None;
    }
    let single = single_number_at(tokens, i, text, t)?;
    let single = colon_ratio(tokens, single, text, t);
    let single = over_fraction(tokens, single, text, t);
    let single = plus_minus(tokens, single, text, t);
    Some(times_ten_after(
        tokens,
        extend_range(tokens, single, text, t),
        text,
    ))
}

/// A figure times a power of ten written with a hyphen for its minus and the unit glued on,
/// as some papers print it: "0.64×10-10m", and a range in brackets before it,
/// "(0.28–0.42)×10-10m" (the brackets are the figure's: the power scales both ends).
fn times_ten_after(tokens: &[Token], m: NumberMatch, text: &str) -> NumberMatch {
    if m.compound.is_some() || m.attached_unit.is_some() {
        return m;
    }
    let bracketed = m.range
        && m.first > 0
        && tokens[m.first - 1].is_punct("(")
        && tokens.get(m.last + 1).is_some_and(|c| c.is_punct(")"));
    let times = m.last + 1 + usize::from(bracketed);
    if !tokens.get(times).is_some_and(|x| x.is_punct("×")) {
        return m;
    }
    let Some(power) = tokens.get(times + 1).filter(|p| p.kind == TokenKind::Mixed) else {
        return m;
    };
    let Some((exponent, unit)) = hyphened_power_of_ten(power.text(text)) else {
        return m;
    };
    let factor = 10f64.powi(exponent);
    NumberMatch {
        first: m.first - usize::from(bracketed),
        last: times + 1,
        low: m.low.map(|v| v * factor),
        high: m.high.map(|v| v * factor),
        attached_unit: Some(unit.to_string()),
        compound: None,
        range: m.range,
    }
}

/// "10-10m": ten to the minus tenth, in metres. The exponent, negative, and the unit's name.
fn hyphened_power_of_ten(raw: &str) -> Option<(i32, &str)> {
    let rest = raw.strip_prefix("10-")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let (e, unit) = rest.split_at(digits);
    let e: i32 = e.parse().ok().filter(|e| (1..=300).contains(e))?;
    (!unit.is_empty() && unit.chars().all(char::is_alphabetic)).then_some((-e, unit))
}

/// Words that lead a range written "from 4 to 88" ("ranges from", "is from"), where "from"
/// does not start a change ("rose from 40 to 50" states two figures).
/// The first `RANGE_VERBS` of them are verbs that name the range.
const RANGE_LEADS: &[&str] = &[
    "ranged", "ranging", "vary", "varies", "varied", "varying", "spans", "spanning", "spanned",
    "range", "ranges", "span", "anywhere", "is", "are", "was", "were", "be",
];
const RANGE_VERBS: usize = 9;

/// Whether `word` is a verb that names a range ("ranging from", "varies from"), as "is from"
/// does not. "Range" and "ranges" are left out: they are as often the noun ("a range from").
pub fn names_a_range(word: &str) -> bool {
    RANGE_LEADS[..RANGE_VERBS].contains(&word)
}

/// A ratio written with a colon where the sentence names a ratio or a slope near it: "1:3 and
/// 1:1 molar ratios", "a ratio of ∼1:60", "the 1:10 slope" (the value is the first over the
/// second). Without such a word "1:10" may be a time or a score, and stays unread here.
fn colon_ratio(tokens: &[Token], m: NumberMatch, text: &str, t: &Tables) -> NumberMatch {
    let plain = |n: &NumberMatch| {
        !n.range && n.attached_unit.is_none() && n.compound.is_none() && n.low == n.high
    };
    if !plain(&m)
        || !tokens
            .get(m.last + 1)
            .is_some_and(|c| c.is_punct(":") && !c.space_before)
        || tokens.get(m.last + 2).is_none_or(|d| d.space_before)
    {
        return m;
    }
    let Some(den) = single_number_at(tokens, m.last + 2, text, t) else {
        return m;
    };
    let (Some(a), Some(b)) = (m.low, den.low) else {
        return m;
    };
    if !plain(&den)
        || b <= 0.0
        || a < 0.0
        || tokens.get(den.last + 1).is_some_and(|c| c.is_punct(":"))
    {
        return m;
    }
    let sentence = tokens[m.first].sentence;
    let names_ratio = |k: usize| {
        tokens.get(k).is_some_and(|w| {
            w.sentence == sentence
                && matches!(w.lower.as_str(), "ratio" | "ratios" | "slope" | "slopes")
        })
    };
    let near = (m.first.saturating_sub(4)..m.first).any(names_ratio)
        || (den.last + 1..den.last + 6).any(names_ratio);
    if !near {
        return m;
    }
    let mut r = NumberMatch::single(m.first, den.last, a / b);
    r.attached_unit = Some("ratio".to_string());
    r
}

/// A fraction said with "over": "one over three", "1 over 20". Only a whole figure over a
/// whole figure with nothing it could count after it ("$2000 over 3 years" is no fraction).
/// "16 out of 28 provinces" and "a rating of 70 out of 100" state 16 and 70, not a ratio.
fn over_fraction(tokens: &[Token], m: NumberMatch, text: &str, t: &Tables) -> NumberMatch {
    let plain = |n: &NumberMatch| {
        !n.range
            && n.attached_unit.is_none()
            && n.compound.is_none()
            && n.low == n.high
            && n.low.is_some_and(|v| v.fract() == 0.0 && v >= 0.0)
    };
    if !plain(&m) || tokens.get(m.last + 1).is_none_or(|o| o.lower != "over") {
        return m;
    }
    // "over 3" after a currency sign or a unit word is a hedge of what follows.
    if m.first > 0 && tokens[m.first - 1].kind == TokenKind::Punct && !tokens[m.first].space_before
    {
        return m;
    }
    let Some(den) = single_number_at(tokens, m.last + 2, text, t) else {
        return m;
    };
    let sentence = tokens[m.first].sentence;
    let ends = tokens
        .get(den.last + 1)
        .is_none_or(|n| n.sentence != sentence || n.kind == TokenKind::Punct)
        || matches!(
            tokens[den.last + 1].lower.as_str(),
            "is" | "was" | "and" | "or" | "equals" | "of"
        );
    match (m.low, den.low) {
        (Some(a), Some(b))
            if plain(&den) && b > 0.0 && ends && tokens[m.last + 2].sentence == sentence =>
        {
            NumberMatch::single(m.first, den.last, a / b)
        }
        _ => m,
    }
}

/// A figure with its uncertainty: "1.3 ± 0.5", "69 ± 3", "3.4 +/- 0.1" read as the interval
/// they span; the unit after the second figure is the first's too.
fn plus_minus(tokens: &[Token], m: NumberMatch, text: &str, t: &Tables) -> NumberMatch {
    if m.range || m.compound.is_some() || m.low != m.high {
        return m;
    }
    let Some(v) = m.low else { return m };
    // "46.8% ± 1.6%", "12 mm ± 2 mm": the unit written on the figure and its tolerance.
    let unit = unit_len_at(tokens, m.last + 1, text, t)
        .filter(|&len| {
            tokens
                .get(m.last + 1 + len)
                .is_some_and(|x| x.lower == "±" || x.lower == "+")
        })
        .map(|len| (m.last + 1, len));
    let k = m.last + 1 + unit.map_or(0, |(_, len)| len);
    let start = match tokens.get(k).map(|x| x.lower.as_str()) {
        Some("±") => k + 1,
        Some("+")
            if tokens.get(k + 1).is_some_and(|x| x.lower == "/")
                && tokens.get(k + 2).is_some_and(|x| x.lower == "-") =>
        {
            k + 3
        }
        _ => return m,
    };
    let Some(e) = single_number_at(tokens, start, text, t) else {
        return m;
    };
    // "+/-0.1": the minus sign belongs to the tolerance, not to its figure.
    let Some(err) = e.low.map(f64::abs).filter(|_| !e.range && e.low == e.high) else {
        return m;
    };
    if tokens[e.first].sentence != tokens[m.first].sentence {
        return m;
    }
    if let Some(unit) = unit
        && !unit_repeated(tokens, text, unit, e.last + 1)
    {
        return m;
    }
    NumberMatch {
        first: m.first,
        last: e.last,
        low: Some(v - err),
        high: Some(v + err),
        attached_unit: e.attached_unit.or(m.attached_unit),
        compound: None,
        range: true,
    }
}

/// Reads "40 to 50", "40-50" and "between 40 and 50" around a figure.
fn extend_range(tokens: &[Token], m: NumberMatch, text: &str, t: &Tables) -> NumberMatch {
    if m.range || m.compound.is_some() {
        return m;
    }
    let Some(low) = m.low else { return m };
    let between = m.first > 0 && tokens[m.first - 1].lower == "between";
    let from = m.first > 0 && tokens[m.first - 1].lower == "from";
    // "ranges from 4 to 88", "is from 200 to 3000000": a range, not a change.
    let from_range = from
        && m.first > 1
        && RANGE_LEADS.contains(&tokens[m.first - 2].lower.as_str())
        && tokens[m.first - 2].sentence == tokens[m.first].sentence;
    let mut after = m.last + 1;
    // "44 mg to 50 mg", "1.4%–3.1%", "−100 °C to 200 °C", "5° to 85°", "between 6% and 13%":
    // the unit written on both figures.
    let unit_len = unit_len_at(tokens, after, text, t);
    let mut repeated_unit = None;
    if let Some(len) = unit_len
        && tokens.get(after + len).is_some_and(|j| {
            matches!(j.lower.as_str(), "to" | "-" | "–" | "through")
                || (between && j.lower == "and")
        })
        && (!from || from_range)
    {
        repeated_unit = Some((after, len));
        after += len;
    }
    let joiner = tokens.get(after).map(|tk| tk.lower.as_str());
    let joins = match joiner {
        Some("and") => between,
        Some("to") | Some("-") | Some("–") => !from || from_range,
        // "20 through 100", "20~100".
        Some("through") | Some("thru") | Some("~") => true,
        _ => false,
    };
    if !joins {
        return m;
    }
    // "−27.2 to −23.1": the second figure may carry its own sign.
    let second_at = if tokens
        .get(after + 1)
        .is_some_and(|s| s.is_punct("−") || s.is_punct("-"))
        && lex::sign_before(tokens, after + 2) == Some(after + 1)
    {
        after + 2
    } else {
        after + 1
    };
    let Some(second) = single_number_at(tokens, second_at, text, t) else {
        return m;
    };
    if let Some(unit) = repeated_unit
        && !unit_repeated(tokens, text, unit, second.last + 1)
    {
        return m;
    }
    let Some(high) = second.high else { return m };
    // "between −2 and −7‰", "ranges from 11.4% to 2.4%": a range named as one may give its
    // ends in either order; "5 to 3" alone is no range (a score, a change).
    let either_order = between || from_range;
    let (low, high, swapped) = match second.low {
        Some(second_low) if either_order && second_low < low && m.low == m.high => {
            (second_low, low, true)
        }
        _ => (low, high, false),
    };
    if second.compound.is_some()
        || high <= low
        || tokens[after + 1].sentence != tokens[m.first].sentence
    {
        return m;
    }
    if swapped {
        return NumberMatch {
            first: m.first,
            last: second.last,
            low: Some(low),
            high: Some(high),
            attached_unit: second.attached_unit.or(m.attached_unit),
            compound: None,
            range: true,
        };
    }
    // "40 to 50 million": a scale on the second figure applies to the first too.
    let scale_ratio = if second.low == second.high {
        high / raw_value(tokens, after + 1, text)
    } else {
        1.0
    };
    let low = if scale_ratio.is_finite() && scale_ratio > 1.0 && low < high / scale_ratio * 10.0 {
        low * scale_ratio
    } else {
        low
    };
    NumberMatch {
        first: m.first,
        last: second.last,
        low: Some(low),
        high: Some(high),
        attached_unit: second.attached_unit.or(m.attached_unit),
        compound: None,
        range: true,
    }
}

/// Thousands grouped by spaces, as many countries print them: "1 234 567", "391 721.5", with a
/// plain, no-break or thin space between groups of three. Returns the value and the last
/// group's token. A group of four digits or more ("2019 250") starts no such figure.
fn spaced_groups(tokens: &[Token], i: usize, text: &str) -> Option<(f64, usize)> {
    let head = tokens[i].text(text);
    if head.is_empty() || head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = head.to_string();
    let mut last = i;
    while let Some(next) = tokens.get(last + 1) {
        let gap = &text[tokens[last].end..next.start];
        let raw = next.text(text);
        let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
        let spaced = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
        if !spaced
            || next.kind != TokenKind::Number
            || next.sentence != tokens[i].sentence
            || whole.len() != 3
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            break;
        }
        digits.push_str(raw);
        last += 1;
        if !fraction.is_empty() {
            break;
        }
    }
    if last == i {
        return None;
    }
    // A run of digit groups that goes on past the thousands on either side, or after a "+",
    // is a telephone number or a code: "+1 877 268 9324", "0800 555 111".
    let spaced_digits = |a: &Token, b: &Token| {
        a.kind == TokenKind::Number
            && b.kind == TokenKind::Number
            && text[a.end..b.start].chars().all(char::is_whitespace)
            && a.end < b.start
    };
    let before = i.checked_sub(1).map(|k| &tokens[k]);
    if before.is_some_and(|b| spaced_digits(b, &tokens[i]) || b.lower == "+")
        || tokens
            .get(last + 1)
            .is_some_and(|n| spaced_digits(&tokens[last], n))
    {
        return None;
    }
    digits.parse::<f64>().ok().map(|v| (v, last))
}

/// Whether the unit at `(at, len)` (token index, token count) is written again from token
/// `from`: "46.8% ± 1.6%", "−100 °C to 200 °C".
fn unit_repeated(tokens: &[Token], text: &str, (at, len): (usize, usize), from: usize) -> bool {
    (0..len).all(|k| {
        tokens
            .get(from + k)
            .is_some_and(|n| n.text(text) == tokens[at + k].text(text))
    })
}

/// How many tokens the unit name at `i` takes ("mg", "°C", "%", "‰"), if one starts there.
fn unit_len_at(tokens: &[Token], i: usize, text: &str, t: &Tables) -> Option<usize> {
    let u = tokens.get(i)?;
    if u.is_punct("%") {
        return Some(1);
    }
    match u.kind {
        TokenKind::Word | TokenKind::Punct => {
            if let Some((len, _)) = t.c.unit_names.at(tokens, i) {
                return Some(len);
            }
            (u.kind == TokenKind::Punct && t.rules.unit_named(u.text(text)).is_some()).then_some(1)
        }
        _ => None,
    }
}

/// The unscaled value of the token at `i` (1 when it is not a plain figure).
fn raw_value(tokens: &[Token], i: usize, text: &str) -> f64 {
    tokens
        .get(i)
        .filter(|tk| tk.kind == TokenKind::Number)
        .and_then(|tk| parse_digits(tk.text(text)))
        .unwrap_or(1.0)
}

fn single_number_at(tokens: &[Token], i: usize, text: &str, t: &Tables) -> Option<NumberMatch> {
    let tok = tokens.get(i)?;
    if !may_start_figure(tok) {
        return None;
    }
    if let Some(share) = share_at(tokens, i, text, t) {
        return Some(share);
    }
    // Fixed phrases first: "a dozen", "dozens of", "a couple of".
    if let Some((len, low, high)) = t.number_phrase_at(tokens, i) {
        return Some(NumberMatch {
            first: i,
            last: i + len - 1,
            low,
            high,
            attached_unit: None,
            compound: None,
            range: false,
        });
    }
    // "1e10", "1.3x10^6", "2.48×10−5"; "1/2", "2 1/4"; "½".
    if let Some(f) = lex::scientific_at(tokens, i).or_else(|| lex::slash_fraction_at(tokens, i)) {
        return Some(signed(
            tokens,
            NumberMatch::single(f.first, f.last, f.value),
        ));
    }
    match tok.kind {
        TokenKind::Number => {
            let raw = tok.text(text);
            if let Some(m) = decimal_comma(tokens, i, text) {
                return Some(signed(tokens, m));
            }
            if let Some((v, groups_end)) = spaced_groups(tokens, i, text) {
                let (value, last) = apply_scale(tokens, groups_end, v, text, t);
                return Some(signed(tokens, NumberMatch::single(i, last, value)));
            }
            if let Some(v) = parse_digits(raw) {
                // "3 hundred and 21", "4 thousand 3 hundred", "3 dozen".
                if let Some(f) = lex::spelled_at(tokens, i, t.rules) {
                    return Some(signed(
                        tokens,
                        NumberMatch::single(f.first, f.last, f.value),
                    ));
                }
                let (value, last) = apply_scale(tokens, i, v, text, t);
                return Some(signed(tokens, NumberMatch::single(i, last, value)));
            }
            if let Some(v) = lex::vulgar(raw) {
                return Some(signed(tokens, NumberMatch::single(i, i, v)));
            }
            // "40-50" scanned as one token; "555-1234" and "2-3-4" are codes, not ranges.
            let (a, b) = raw.split_once('-')?;
            if b.contains('-')
                || (a.len() == 3 && b.len() == 4)
                || a.starts_with('0')
                || b.starts_with('0')
            {
                return None;
            }
            let (a, b) = (parse_digits(a)?, parse_digits(b)?);
            if a < b && !raw.contains(',') {
                let mut m = NumberMatch::single(i, i, a);
                m.high = Some(b);
                m.range = true;
                return Some(m);
            }
            None
        }
        TokenKind::Mixed => mixed_number(tokens, i, text, t).map(|m| signed(tokens, m)),
        TokenKind::Word => word_number(tokens, i, t),
        TokenKind::Punct => None,
    }
}

/// A figure written with dots between its thousands and a decimal comma: "1.111,11",
/// "12.500,5". Only where no English reading exists: groups of three digits after each dot,
/// one or two digits after the comma, all glued, and no list going on after them. "1,3" stays
/// two figures (a list or a citation), and "1,234" a thousand and more.
fn decimal_comma(tokens: &[Token], i: usize, text: &str) -> Option<NumberMatch> {
    let comma = tokens.get(i + 1)?;
    if !comma.is_punct(",") || comma.space_before {
        return None;
    }
    let raw = tokens[i].text(text);
    let mut groups = raw.split('.');
    let head = groups.next()?;
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    let mut n = 0;
    for g in groups {
        if !(digits(g) && g.len() == 3) {
            return None;
        }
        n += 1;
    }
    if n == 0 || !digits(head) || head.len() > 3 {
        return None;
    }
    let frac = tokens.get(i + 2)?;
    let frac_raw = frac.text(text);
    if frac.space_before || !digits(frac_raw) || frac_raw.len() > 2 {
        return None;
    }
    // "1.111,11,5" is a list of something else.
    if tokens.get(i + 3).is_some_and(|t| {
        t.is_punct(",") && !t.space_before && tokens.get(i + 4).is_some_and(|d| !d.space_before)
    }) {
        return None;
    }
    let value: f64 = format!("{}.{frac_raw}", raw.replace('.', ""))
        .parse()
        .ok()?;
    Some(NumberMatch::single(i, i + 2, value))
}

/// A minus sign glued before the figure makes it negative and starts it: "-1", "−273.15".
fn signed(tokens: &[Token], mut m: NumberMatch) -> NumberMatch {
    if let Some(k) = lex::sign_before(tokens, m.first) {
        m.first = k;
        m.low = m.low.map(|v| -v);
        m.high = m.high.map(|v| -v);
    }
    m
}

/// Most words start no figure: only number words, "a", "one", "half", the first words of
/// number phrases and hyphenated words ("twenty-three", "two-thirds") may, besides digits.
#[inline]
fn may_start_figure(tok: &Token) -> bool {
    !matches!(tok.kind, TokenKind::Word | TokenKind::Punct)
        || tok.class.has(WordClass::NUMBER)
        || tok.class.has(WordClass::HYPHENATED)
}

/// A share of a whole, as a percentage: "one in five" (20%), "1 in 4", and fractions before
/// "of" ("half of", "a third of", "two-thirds of").
fn share_at(tokens: &[Token], i: usize, text: &str, t: &Tables) -> Option<NumberMatch> {
    let tok = tokens.get(i)?;
    let percent = |first: usize, last: usize, v: f64| {
        let v = (v * 1000.0).round() / 10.0;
        let mut m = NumberMatch::single(first, last, v);
        m.attached_unit = Some("%".to_string());
        Some(m)
    };
    let of_follows = |k: usize| tokens.get(k).is_some_and(|n| n.lower == "of");
    // "half of", "a third of", "one quarter of", "two-thirds of".
    if let Some(&f) = t.rules.fractions.get(&tok.lower)
        && of_follows(i + 1)
        && tok.lower == "half"
    {
        return percent(i, i, f);
    }
    if matches!(tok.lower.as_str(), "a" | "one")
        && let Some(next) = tokens.get(i + 1)
        && let Some(&f) = t.rules.fractions.get(&next.lower)
        && of_follows(i + 2)
    {
        return percent(i, i + 1, f);
    }
    if let Some((count, frac)) = tok.lower.split_once('-')
        && let (Some(n), Some(&f)) = (t.rules.number_words.get(count), t.rules.fractions.get(frac))
        && of_follows(i + 1)
        && *n >= 1.0
    {
        return percent(i, i, n * f);
    }
    // "one in five", "1 in 4": only with a simple figure on each side.
    if tokens.get(i + 1).is_some_and(|n| n.lower == "in") {
        let value = |k: usize| -> Option<f64> {
            let tk = tokens.get(k)?;
            match tk.kind {
                TokenKind::Number => parse_digits(tk.text(text)),
                TokenKind::Word => t.rules.number_words.get(&tk.lower).copied(),
                _ => None,
            }
        };
        // "one in 2014" is a year, not a share.
        let year_like = tokens.get(i + 2).is_some_and(|n| {
            n.kind == TokenKind::Number && n.text(text).len() == 4 && !n.text(text).contains(',')
        });
        if let (Some(a), Some(b)) = (value(i), value(i + 2))
            && !year_like
            && a >= 1.0
            && b > a
            && tokens.get(i + 3).is_none_or(|n| {
                !matches!(
                    n.lower.as_str(),
                    "minutes" | "hours" | "days" | "weeks" | "months" | "years"
                )
            })
        {
            return percent(i, i + 2, a / b);
        }
    }
    None
}

/// "1.2 billion": a scale word after the digits multiplies them.
fn apply_scale(tokens: &[Token], i: usize, value: f64, text: &str, t: &Tables) -> (f64, usize) {
    let mut value = value;
    let mut last = i;
    // After a currency sign a lone letter is no unit of measure: "$4.8 M" is 4.8 million.
    let money = i
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| t.text(text).ends_with(['$', '£', '€', '¥', '₹']));
    while let Some(next) = tokens.get(last + 1) {
        // "1.2 billion", and spaced abbreviations of two letters or more ("10 bln", "5 mn"):
        // a lone "m" or "k" after a space is a unit or a letter.
        // A lone "k" written in lowercase is no unit: "10 k" is ten thousand.
        let abbreviation = || {
            (next.lower.len() > 1
                || (next.lower == "k" && !next.capitalized)
                || (money && last == i))
                .then(|| t.rules.scale_abbreviations.get(&next.lower).copied())
                .flatten()
        };
        let Some(scale) = t
            .rules
            .scales
            .get(&next.lower)
            .copied()
            .or_else(abbreviation)
            .or_else(|| giga(next.text(text), value))
        else {
            break;
        };
        value *= scale;
        last += 1;
    }
    (value, last)
}

/// A capital "G" after a figure of two digits or more is giga: "10G", "1,674.5 G". After one
/// digit it names a generation of a network ("5G") and is no scale; "10g" is grams.
fn giga(letters: &str, value: f64) -> Option<f64> {
    (letters == "G" && value.abs() >= 10.0).then_some(1e9)
}

/// Digits and letters in one token: "5m", "3bn", "2.5K", "155mm", "44-year-old". Identifiers
/// that start with letters ("F-16", "G7") and ordinals ("16th") are not figures.
fn mixed_number(tokens: &[Token], i: usize, text: &str, t: &Tables) -> Option<NumberMatch> {
    let tok = &tokens[i];
    let raw = tok.text(text);
    let digits_end = raw
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map(|(k, _)| k)?;
    if digits_end == 0 {
        // "USD115.5", "EUR20": a currency code glued before the digits.
        let code_end = raw.find(|c: char| c.is_ascii_digit())?;
        let (code, digits) = raw.split_at(code_end);
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
            let value = parse_digits(digits)?;
            t.c.unit_prefixes.get(&code.to_ascii_lowercase())?;
            let mut m = NumberMatch::single(i, i, value);
            m.attached_unit = Some(code.to_string());
            return Some(m);
        }
        return None;
    }
    let value = parse_digits(&raw[..digits_end])?;
    let rest = &raw[digits_end..];
    let rest_lower = rest.to_lowercase();
    if let Some(compound) = rest_lower
        .strip_prefix('-')
        .or_else(|| rest_lower.strip_prefix('‑'))
    {
        // "44-year-old", "seven-month", "155-mm": a figure that describes a noun.
        if compound.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // "$161-million": a scale joined by a hyphen.
        if let Some(scale) = t.rules.scales.get(compound) {
            return Some(NumberMatch::single(i, i, value * scale));
        }
        // One letter keeps its case, as glued to digits: "1-D" and "3-D" say dimensions, not
        // days.
        let letter = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix('‑'))
            .filter(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase));
        let mut m = NumberMatch::single(i, i, value);
        m.compound = Some(letter.unwrap_or(compound).to_string());
        return Some(m);
    }
    // "5k-20k", "5-20k": a range of scaled figures in one token; the scale on the second is
    // the first's too when the first has none.
    if let Some((a, b)) = raw.split_once('-')
        && let Some((va, sa)) = scaled_digits(a, t)
        && let Some((vb, sb)) = scaled_digits(b, t)
        && sb.is_some()
    {
        let lo = va * sa.or(sb).unwrap_or(1.0);
        let hi = vb * sb.unwrap_or(1.0);
        if lo < hi {
            let mut m = NumberMatch::single(i, i, lo);
            m.high = Some(hi);
            m.range = true;
            return Some(m);
        }
    }
    if matches!(rest_lower.as_str(), "st" | "nd" | "rd" | "th" | "s" | "'s") {
        // Ordinals and decades ("1990s") are not counts.
        return None;
    }
    if let Some(scale) = giga(rest, value) {
        return Some(NumberMatch::single(i, i, value * scale));
    }
    if let Some(scale) = t.rules.scale_abbreviations.get(&rest_lower) {
        match abbreviation_reading(tokens, i, &rest_lower, t) {
            Abbreviation::Scale => return Some(NumberMatch::single(i, i, value * scale)),
            Abbreviation::Unit => {
                let mut m = NumberMatch::single(i, i, value);
                m.attached_unit = Some(rest_lower);
                return Some(m);
            }
            Abbreviation::Label => return None,
        }
    }
    // "24703m2", "5cm3": a unit of area or volume written with its power.
    let powered = rest
        .strip_suffix(['2', '3'])
        .is_some_and(|u| !u.is_empty() && u.chars().all(char::is_alphabetic));
    if rest.chars().all(char::is_alphabetic) || rest.contains('/') || rest.contains('²') || powered
    {
        let mut m = NumberMatch::single(i, i, value);
        // As written: a unit named with capitals ("5kPa", "300K") matches only so.
        m.attached_unit = Some(rest.to_string());
        return Some(m);
    }
    None
}

/// Digits with an optional scale abbreviation glued after them ("20k", "5"): the value and
/// the scale.
fn scaled_digits(s: &str, t: &Tables) -> Option<(f64, Option<f64>)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    let value = parse_digits(&s[..end])?;
    if end == s.len() {
        return Some((value, None));
    }
    let scale = t.rules.scale_abbreviations.get(&s[end..].to_lowercase())?;
    Some((value, Some(*scale)))
}

/// What a one-letter abbreviation glued to digits is.
enum Abbreviation {
    /// A scale: "$5m", "3k", "$2.174T".
    Scale,
    /// A unit: "1.8m tall" (metres), "5t" (tonnes).
    Unit,
    /// A label or a letter of a series: "Figure 2B", "Smith 2011b".
    Label,
}

/// Words after a length that say which way it runs ("1.8m tall"), and words before one.
const LENGTH_WORDS: &[&str] = &[
    "tall",
    "high",
    "long",
    "wide",
    "deep",
    "thick",
    "away",
    "apart",
    "across",
    "above",
    "below",
    "under",
    "underground",
    "depth",
    "height",
    "length",
    "width",
    "distance",
    "altitude",
    "elevation",
    "diameter",
    "radius",
    "span",
    "wingspan",
    "stands",
    "measuring",
    "measures",
];

/// Reads "m", "b", "k" and "t" glued to digits by their context: after a currency symbol they
/// are scales; "m" beside a word of length is metres; "b" without money is a label, and "t"
/// without money is tonnes. Longer abbreviations ("bn", "mln") are always scales.
fn abbreviation_reading(tokens: &[Token], i: usize, abbrev: &str, t: &Tables) -> Abbreviation {
    if abbrev.chars().count() > 1 {
        return Abbreviation::Scale;
    }
    let money = i > 0 && t.c.unit_prefixes.contains_key(&tokens[i - 1].lower);
    if money {
        return Abbreviation::Scale;
    }
    let sentence = tokens[i].sentence;
    let near_length = tokens[i.saturating_sub(4)..i]
        .iter()
        .chain(tokens.get(i + 1))
        .any(|tk| tk.sentence == sentence && LENGTH_WORDS.contains(&tk.lower.as_str()));
    let raw = tokens[i].lower.trim_end_matches(char::is_alphabetic);
    let year_like = raw.len() == 4 && raw.chars().all(|c| c.is_ascii_digit());
    let after_name = i > 0 && {
        let p = &tokens[i - 1];
        p.kind == TokenKind::Word && p.capitalized && p.sentence == tokens[i].sentence
    };
    match abbrev {
        "m" if near_length => Abbreviation::Unit,
        // "2011b" (a year's second paper), "Model 3B": labels. "1.2b" is a scale.
        "b" if year_like || after_name => Abbreviation::Label,
        "t" => Abbreviation::Unit,
        _ => Abbreviation::Scale,
    }
}

/// Numbers in words: "four", "twenty-three", "one hundred and five", "a hundred", "two million".
fn word_number(tokens: &[Token], i: usize, t: &Tables) -> Option<NumberMatch> {
    let words = &t.rules.number_words;
    let first = &tokens[i];

    // A figure describing a noun ("seven-month", "twenty-one-year-old"); a compound of number
    // words only ("twenty-one", "two-thirds") is the lexical reader's.
    let numeric = |p: &str| {
        words.contains_key(p) || t.rules.scales.contains_key(p) || t.rules.fractions.contains_key(p)
    };
    if first.lower.contains('-') && !first.lower.split('-').all(numeric) {
        let parts: Vec<&str> = first.lower.split('-').collect();
        let n_num = parts.iter().take_while(|p| words.contains_key(**p)).count();
        if n_num == 0 {
            return None;
        }
        let value: f64 = parts[..n_num].iter().filter_map(|p| words.get(*p)).sum();
        let mut m = NumberMatch::single(i, i, value);
        if n_num < parts.len() {
            m.compound = Some(parts[n_num..].join("-"));
        }
        return Some(m);
    }

    lex::spelled_at(tokens, i, t.rules).map(|f| NumberMatch::single(f.first, f.last, f.value))
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{first_number, rules};

    #[track_caller]
    fn check(text: &str, low: Option<f64>, high: Option<f64>, covered: &str) {
        let rules = rules();
        let (m, got) =
            first_number(text, &rules).unwrap_or_else(|| panic!("no number in {text:?}"));
        assert_eq!((m.low, m.high), (low, high), "{text:?}");
        assert_eq!(got, covered, "{text:?}");
    }

    #[test]
    fn digits_with_separators_decimals_and_scales() {
        check("over 1,400 Stinger", Some(1400.0), Some(1400.0), "1,400");
        check(
            "a $1.2 billion package",
            Some(1.2e9),
            Some(1.2e9),
            "1.2 billion",
        );
        check("it cost 3bn", Some(3e9), Some(3e9), "3bn");
        // After a currency sign, a lone scale letter apart from the digits.
        check("sales of $4.8 M a year", Some(4.8e6), Some(4.8e6), "4.8 M");
        check("a £2 B deal", Some(2e9), Some(2e9), "2 B");
        check("some 2.5K fans", Some(2500.0), Some(2500.0), "2.5K");
        // A decimal comma only where dots group the thousands before it.
        check(
            "it cost 2.345,67 there",
            Some(2345.67),
            Some(2345.67),
            "2.345,67",
        );
        check("rows 1,3 and 5", Some(1.0), Some(1.0), "1");
        // Thousands grouped by spaces; a group of four digits starts none.
        check(
            "a crowd of 1 234 567 people",
            Some(1234567.0),
            Some(1234567.0),
            "1 234 567",
        );
        check(
            "rated at 391 721.5 MWe",
            Some(391721.5),
            Some(391721.5),
            "391 721.5",
        );
        check(
            "in 2019 250 000 people came",
            Some(2019.0),
            Some(2019.0),
            "2019",
        );
        check("rooms 12 3456 here", Some(12.0), Some(12.0), "12");
        // A telephone number is no figure of thousands.
        check("call 0800 555 111 now", Some(800.0), Some(800.0), "0800");
        check("dial 1 877 268 9324", Some(1.0), Some(1.0), "1");
        check("a sum of 1,234 in all", Some(1234.0), Some(1234.0), "1,234");
        // A capital G after two digits or more is giga; "5G" names a network.
        check("a 10G link", Some(1e10), Some(1e10), "10G");
        check(
            "about 2,500.5 G in all",
            Some(2.5005e12),
            Some(2.5005e12),
            "2,500.5 G",
        );
        check(
            "a $161-million deal",
            Some(161e6),
            Some(161e6),
            "161-million",
        );
    }

    #[test]
    fn words_compounds_and_phrases() {
        check("four more systems", Some(4.0), Some(4.0), "four");
        check(
            "twenty-three people",
            Some(23.0),
            Some(23.0),
            "twenty-three",
        );
        check(
            "one hundred and five boats",
            Some(105.0),
            Some(105.0),
            "one hundred and five",
        );
        check("a hundred boats", Some(100.0), Some(100.0), "a hundred");
        check("two million doses", Some(2e6), Some(2e6), "two million");
        check(
            "twenty three people",
            Some(23.0),
            Some(23.0),
            "twenty three",
        );
        check("a dozen eggs", Some(12.0), Some(12.0), "a dozen");
        check("dozens of countries", Some(24.0), None, "dozens of");
    }

    #[test]
    fn shares_and_fractions() {
        check("one in five adults", Some(20.0), Some(20.0), "one in five");
        // "out of" states the figure before it, of the whole after it.
        check("in 16 out of 28 towns", Some(16.0), Some(16.0), "16");
        check("about 1 in 4 homes", Some(25.0), Some(25.0), "1 in 4");
        check("half of the residents", Some(50.0), Some(50.0), "half");
        check("two-thirds of voters", Some(66.7), Some(66.7), "two-thirds");
        check(
            "a quarter of the budget",
            Some(25.0),
            Some(25.0),
            "a quarter",
        );
    }

    #[test]
    fn ranges() {
        check(
            "between 40 and 50 people",
            Some(40.0),
            Some(50.0),
            "40 and 50",
        );
        check("40 to 50 people", Some(40.0), Some(50.0), "40 to 50");
        check("40-50 people", Some(40.0), Some(50.0), "40-50");
        check(
            "3 to 4 million people",
            Some(3e6),
            Some(4e6),
            "3 to 4 million",
        );
        // "from 12 to 16" is a change over time, not a range.
        check("rose from 12 to 16 people", Some(12.0), Some(12.0), "12");
    }

    #[test]
    fn identifiers_and_ordinals_are_not_figures() {
        let rules = rules();
        for text in [
            "the F-16 jet",
            "the 16th package",
            "the G7 leaders",
            "in the 1990s",
        ] {
            assert!(first_number(text, &rules).is_none(), "{text:?}");
        }
        // A network generation is no giga.
        let five_g = first_number("a 5G phone", &rules).map(|(m, _)| m.low);
        assert_ne!(five_g, Some(Some(5e9)));
    }

    /// The quantity claims of `text`: covered text, low, high and unit.
    fn quantities(text: &str) -> Vec<(String, Option<f64>, Option<f64>, String)> {
        let rules = rules();
        super::super::tests_support::claims(text, &rules)
            .into_iter()
            .filter_map(|c| match c.value {
                crate::model::Value::Quantity {
                    low, high, unit, ..
                } => Some((text[c.span.start..c.span.end].to_string(), low, high, unit)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn silent_wrong_values_are_gone() {
        let one = |text: &str| {
            let q = quantities(text);
            assert_eq!(q.len(), 1, "{text:?}: {q:?}");
            let (_, low, high, unit) = q[0].clone();
            (low, high, unit)
        };
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9 * b.abs().max(1.0),
            (a, b) => a.is_none() && b.is_none(),
        };
        for (text, low, high, unit) in [
            (
                "The debt reached twenty-one trillion dollars.",
                Some(21e12),
                Some(21e12),
                "USD",
            ),
            (
                "The jar was two thirds full.",
                Some(2.0 / 3.0),
                Some(2.0 / 3.0),
                "count",
            ),
            (
                "The walk took one and a half hours.",
                Some(1.5),
                Some(1.5),
                "h",
            ),
            (
                "The lake froze at minus five degrees Celsius.",
                Some(-5.0),
                Some(-5.0),
                "°C",
            ),
            ("The man was 1.8m tall.", Some(1.8), Some(1.8), "m"),
            (
                "The newborn weighed over two pounds.",
                Some(2.0),
                None,
                "lb",
            ),
            (
                "The loss was $2.5m last year.",
                Some(2.5e6),
                Some(2.5e6),
                "USD",
            ),
            (
                "The sample was held at 300 K overnight.",
                Some(300.0),
                Some(300.0),
                "K",
            ),
            ("The pressure rose to 5 MPa.", Some(5.0), Some(5.0), "MPa"),
            (
                "A pulse of 100 ms was applied.",
                Some(100.0),
                Some(100.0),
                "ms",
            ),
        ] {
            let (l, h, u) = one(text);
            assert!(close(l, low) && close(h, high), "{text:?}: {l:?}..{h:?}");
            assert_eq!(u, unit, "{text:?}");
        }
        // "-1" keeps its sign.
        let q = quantities("The index moved by -1 on the day.");
        assert_eq!(q.first().map(|x| x.1), Some(Some(-1.0)), "{q:?}");
        // "40 - 50 years old" is a range, not an age of 40.
        let q = quantities("The suspects are 40 - 50 years old.");
        assert!(
            q.iter().any(|x| x.1 == Some(40.0) && x.2 == Some(50.0)),
            "{q:?}"
        );
    }

    #[test]
    fn labels_citations_and_series_letters_are_no_quantities() {
        for text in [
            "The results are shown in Figure 2B of the paper.",
            "As Smith (2011b) found, it works.",
            "This was reported before [12].",
            "The model was tested in phases 3, 5 and 7 of the trial.",
            "See Table 4 for the list.",
        ] {
            let q = quantities(text);
            assert!(q.is_empty(), "{text:?}: {q:?}");
        }
        // A lowercase kelvin is no kelvin: "5 k" names no unit.
        let q = quantities("They ran 5 k along the river.");
        assert!(q.iter().all(|x| x.3 != "K"), "{q:?}");
    }
}
