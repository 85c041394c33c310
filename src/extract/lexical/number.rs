//! Numbers as figures: spelled numbers of any size ("twenty-one trillion and three hundred",
//! "3 hundred and 21", "three dozen"), fractions ("two thirds", "one-eighth", "five and a half
//! million", "half a million", "½", "2 1/4"), decimals said aloud ("nine point zero four"),
//! signs ("minus five", "-1", "−273.15") and scientific notation ("1e10", "1.3x10^6",
//! "2.48×10−5").
//!
//! Each reader takes the tokens and the rule tables only and returns a [`Figure`]: the tokens it
//! covers and its value. Whether the figure counts anything is for the readers above.

use crate::extract::tokens::{Token, TokenKind};
use crate::rules::Rules;

/// A figure read from the tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub first: usize,
    pub last: usize,
    pub value: f64,
}

/// Parses digits with thousands separators and a decimal point: "1,400" -> 1400.
pub fn parse_digits(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// One piece of a spelled number: a word (each part of a hyphenated word is one) or digits.
#[derive(Debug, Clone, Copy)]
enum Piece<'t> {
    Word(&'t str),
    Digits(f64),
}

#[derive(Debug, Clone, Copy)]
struct Atom<'t> {
    piece: Piece<'t>,
    tok: usize,
    /// The last piece of its token: a figure ends only there.
    ends_token: bool,
}

/// The most tokens one spelled number spans.
const MAX_TOKENS: usize = 24;

/// Whether a word can be a piece of a spelled number.
fn is_number_piece(rules: &Rules, w: &str) -> bool {
    rules.number_words.contains_key(w)
        || rules.scales.contains_key(w)
        || rules.fractions.contains_key(w)
        || w == "and"
        || w == "a"
        || rules.negative_words.contains(w)
        || rules.point_words.contains(w)
}

/// The pieces from token `i` on, as far as they can belong to a spelled number.
fn atoms<'t>(tokens: &'t [Token], i: usize, rules: &Rules) -> Vec<Atom<'t>> {
    let mut out: Vec<Atom<'t>> = Vec::new();
    let Some(first) = tokens.get(i) else {
        return out;
    };
    let mut k = i;
    while let Some(tok) = tokens.get(k) {
        if k >= i + MAX_TOKENS || tok.sentence != first.sentence {
            break;
        }
        match tok.kind {
            TokenKind::Word if tok.lower.contains('-') => {
                let parts: Vec<&str> = tok.lower.split('-').collect();
                if parts.iter().any(|p| {
                    !(rules.number_words.contains_key(*p)
                        || rules.scales.contains_key(*p)
                        || rules.fractions.contains_key(*p))
                }) {
                    break;
                }
                let n = parts.len();
                for (j, p) in parts.into_iter().enumerate() {
                    out.push(Atom {
                        piece: Piece::Word(p),
                        tok: k,
                        ends_token: j + 1 == n,
                    });
                }
            }
            TokenKind::Word if is_number_piece(rules, &tok.lower) => out.push(Atom {
                piece: Piece::Word(&tok.lower),
                tok: k,
                ends_token: true,
            }),
            TokenKind::Number => match parse_digits(&tok.lower) {
                Some(v) => out.push(Atom {
                    piece: Piece::Digits(v),
                    tok: k,
                    ends_token: true,
                }),
                None => break,
            },
            // "fifty - two": a spaced hyphen between a tens word and a unit word.
            TokenKind::Punct if tok.is_punct("-") || tok.is_punct("–") => {
                let tens = out.last().is_some_and(|a| match a.piece {
                    Piece::Word(w) => rules
                        .number_words
                        .get(w)
                        .is_some_and(|v| (20.0..100.0).contains(v) && v % 10.0 == 0.0),
                    Piece::Digits(_) => false,
                });
                let unit = tokens.get(k + 1).is_some_and(|n| {
                    rules
                        .number_words
                        .get(&n.lower)
                        .is_some_and(|v| (1.0..10.0).contains(v))
                });
                if !(tens && unit && tok.space_before) {
                    break;
                }
            }
            _ => break,
        }
        k += 1;
    }
    out
}

/// Whether the token after `tok` leaves a singular fraction word standing alone ("a third."),
/// rather than making it an ordinal of the noun after it ("a third man").
fn stands_alone(tokens: &[Token], tok: usize) -> bool {
    let Some(next) = tokens.get(tok + 1) else {
        return true;
    };
    next.sentence != tokens[tok].sentence
        || next.kind == TokenKind::Punct
        || matches!(next.lower.as_str(), "of" | "and" | "or" | "than")
}

fn is_plural_fraction(w: &str) -> bool {
    w.ends_with('s')
}

/// A spelled number starting at token `i`: words, or digits followed by scale words ("3
/// hundred and 21", "1.2 billion"). Digits alone are not read here.
pub fn spelled_at(tokens: &[Token], i: usize, rules: &Rules) -> Option<Figure> {
    // Asked of every "a" and every figure in digits: most start no spelled number, and say so
    // from the word after them.
    let first = tokens.get(i)?;
    let next = tokens.get(i + 1).map_or("", |t| t.lower.as_str());
    let digits = first.kind == TokenKind::Number;
    if (digits || first.lower == "a")
        && !(rules.scales.contains_key(next) || (!digits && rules.fractions.contains_key(next)))
    {
        return None;
    }
    let atoms = atoms(tokens, i, rules);
    let word = |k: usize| match atoms.get(k).map(|a| a.piece) {
        Some(Piece::Word(w)) => Some(w),
        _ => None,
    };
    let number = |k: usize| word(k).and_then(|w| rules.number_words.get(w).copied());
    let scale = |k: usize| word(k).and_then(|w| rules.scales.get(w).copied());
    let fraction = |k: usize| word(k).and_then(|w| rules.fractions.get(w).copied());
    // A spelled ordinal read as a denominator, from atom `j` to the fraction word that ends
    // it: "fifths" (5), "twenty fifths" (25), "one hundred fifth" and "one hundred and fifth"
    // (105), "hundredth" (100), "trillionths". The atom of that word, the denominator, and
    // whether the word is plural.
    let denominator = |mut j: usize| -> Option<(usize, f64, bool)> {
        let mut cardinal = 0.0_f64;
        let mut last = 0.0_f64;
        loop {
            let w = word(j)?;
            if let Some(f) = fraction(j) {
                if matches!(w, "half" | "halves" | "quarter" | "quarters") || f <= 0.0 {
                    return None;
                }
                let d = (1.0 / f).round();
                let tens = (20.0..100.0).contains(&last) && last % 10.0 == 0.0;
                let value = if cardinal == 0.0 {
                    d
                } else if d >= 100.0 {
                    cardinal * d
                } else if (tens && d < 10.0) || (cardinal % 100.0 == 0.0 && d < 100.0) {
                    cardinal + d
                } else {
                    return None;
                };
                return Some((j, value, is_plural_fraction(w)));
            }
            if let Some(v) = number(j) {
                let tens = (20.0..100.0).contains(&last) && last % 10.0 == 0.0;
                let joins = cardinal == 0.0
                    || (tens && (1.0..10.0).contains(&v))
                    || (cardinal % 100.0 == 0.0 && last == 100.0 && v < 100.0);
                if !joins || v == 0.0 {
                    return None;
                }
                cardinal += v;
                last = v;
            } else if scale(j) == Some(100.0) && last != 100.0 {
                cardinal = cardinal.max(1.0) * 100.0;
                last = 100.0;
            } else if w != "and" || last != 100.0 {
                return None;
            }
            j += 1;
        }
    };

    let mut k = 0;
    let mut sign = 1.0;
    if word(0).is_some_and(|w| rules.negative_words.contains(w)) {
        sign = -1.0;
        k = 1;
    }
    let start = k;
    let mut best: Option<(usize, f64)> = None;
    let done = |best: &mut Option<(usize, f64)>, k: usize, value: f64| {
        if let Some(a) = atoms.get(k)
            && a.ends_token
        {
            *best = Some((a.tok, value));
        }
    };

    // "half a million", "a quarter million", "half million".
    {
        let mut j = k;
        if word(j) == Some("a") {
            j += 1;
        }
        if let Some(f) = fraction(j).filter(|_| matches!(word(j), Some("half" | "quarter"))) {
            let a_between = word(j + 1) == Some("a");
            let s_at = if a_between { j + 2 } else { j + 1 };
            if let Some(s) = scale(s_at).filter(|s| *s >= 1000.0) {
                done(&mut best, s_at, sign * f * s);
                return figure(tokens, i, best);
            }
        }
        // "more than half", "less than half the seats": a half alone after a comparison
        // ("half of" is a share and "half a million" a figure, read above and before).
        if k == 0
            && word(0) == Some("half")
            && atoms.first().is_some_and(|a| a.ends_token)
            && i > 0
            && tokens[i - 1].lower == "than"
            && tokens[i - 1].sentence == first.sentence
            && !matches!(next, "of" | "a" | "an")
            && !rules.scales.contains_key(next)
        {
            done(&mut best, 0, 0.5);
            return figure(tokens, i, best);
        }
        // "a fifth", "a quarter": a fraction by itself where no noun follows.
        if word(k) == Some("a")
            && let Some(f) = fraction(k + 1)
            && !is_plural_fraction(word(k + 1).unwrap_or(""))
            && atoms
                .get(k + 1)
                .is_some_and(|a| stands_alone(tokens, a.tok))
            && fraction(k + 2).is_none()
        {
            done(&mut best, k + 1, sign * f);
            return figure(tokens, i, best);
        }
    }

    let mut total = 0.0_f64;
    let mut current = 0.0_f64;
    let mut last_added = 0.0_f64;
    let mut last_scale = 1.0_f64;
    let mut smallest_scale = f64::INFINITY;
    #[derive(PartialEq, Clone, Copy)]
    enum Prev {
        Start,
        Word,
        Digits,
        Scale,
    }
    let mut prev = Prev::Start;
    // What was read before the last "and", should what follows it start a figure of its own.
    let mut before_and: Option<(usize, f64)> = None;
    // "a hundred", "a million": the article stands for one.
    if word(k) == Some("a") && scale(k + 1).is_some() {
        current = 1.0;
        last_added = 1.0;
        prev = Prev::Word;
        k += 1;
    }
    while let Some(atom) = atoms.get(k) {
        match atom.piece {
            Piece::Digits(d) => {
                if !(prev == Prev::Start || (prev == Prev::Scale && d < smallest_scale)) {
                    break;
                }
                current += d;
                last_added = d;
                prev = Prev::Digits;
            }
            Piece::Word(w) => {
                if let Some(v) = number(k) {
                    let joins = match prev {
                        Prev::Start => true,
                        // "twenty three", but not "two three" or "nineteen eighty".
                        Prev::Word => {
                            (20.0..100.0).contains(&last_added)
                                && last_added % 10.0 == 0.0
                                && (1.0..10.0).contains(&v)
                        }
                        Prev::Digits => false,
                        Prev::Scale => v < smallest_scale,
                    };
                    if !joins {
                        // "one one hundred fifth" (1/105), "twenty twenty fifths" (20/25),
                        // "three twenty-fifths": a numerator, then a spelled ordinal as its
                        // denominator, singular after one and plural after more.
                        if prev == Prev::Word
                            && total == 0.0
                            && current >= 1.0
                            && current.fract() == 0.0
                            && let Some((j, d, plural)) = denominator(k)
                            && plural == (current >= 2.0)
                        {
                            done(&mut best, j, sign * current / d);
                        }
                        break;
                    }
                    current += v;
                    last_added = v;
                    prev = Prev::Word;
                } else if let Some(s) = scale(k) {
                    // "hundred thousand": a bare scale starts a figure only before a larger one.
                    if prev == Prev::Start {
                        if !(s >= 100.0 && scale(k + 1).is_some_and(|n| n > s)) {
                            break;
                        }
                        current = 1.0;
                        last_added = 1.0;
                    }
                    if s < 100.0 {
                        // "three dozen", "three hundred and two dozen".
                        current += last_added * (s - 1.0);
                        last_added *= s;
                    } else if s == 100.0 {
                        // "3 hundred and 2 hundred" is two figures, not 30,200.
                        if current >= 100.0 {
                            best = before_and;
                            break;
                        }
                        current = if current == 0.0 {
                            100.0
                        } else {
                            current * 100.0
                        };
                    } else {
                        total += if current == 0.0 { 1.0 } else { current } * s;
                        current = 0.0;
                        last_scale = s;
                    }
                    smallest_scale = smallest_scale.min(s);
                    prev = Prev::Scale;
                } else if let Some(f) = fraction(k) {
                    // "two thirds", "five eighths", "one third"; after hundreds, "ninety-five
                    // hundred fifths" (1,900) and "a hundred trillionths" (1e-10).
                    let after_hundreds =
                        prev == Prev::Scale && is_plural_fraction(w) && current >= 2.0;
                    if !(prev == Prev::Word || after_hundreds) || total != 0.0 {
                        break;
                    }
                    // "one hundred thirty fifths" is 100/35: a tens word before the ordinal
                    // of a unit belongs to the denominator when a numerator stands before it.
                    let unit_ordinal = (1.0 / f).round();
                    let numerator = current - last_added;
                    if prev == Prev::Word
                        && (20.0..100.0).contains(&last_added)
                        && last_added % 10.0 == 0.0
                        && (2.0..10.0).contains(&unit_ordinal)
                        && numerator >= 1.0
                        && is_plural_fraction(w) == (numerator >= 2.0)
                    {
                        done(&mut best, k, sign * numerator / (last_added + unit_ordinal));
                        break;
                    }
                    let fits = if after_hundreds {
                        true
                    } else if is_plural_fraction(w) {
                        last_added >= 2.0
                    } else {
                        last_added == 1.0 && (!atom.ends_token || stands_alone(tokens, atom.tok))
                            || atoms.get(k - 1).is_some_and(|a| a.tok == atom.tok)
                    };
                    if !fits || w == "half" || w == "halves" {
                        break;
                    }
                    match scale(k + 1).filter(|s| *s >= 1000.0) {
                        // "three quarters billion".
                        Some(s) => done(&mut best, k + 1, sign * current * f * s),
                        None => done(&mut best, k, sign * current * f),
                    }
                    break;
                } else if w == "and" {
                    if prev == Prev::Start {
                        break;
                    }
                    // "and a half", "and one fourth", "and three fifths", "and fifty-four
                    // hundredths".
                    let mut j = k + 1;
                    let mut n = 0.0;
                    let mut n_last = 0.0;
                    if matches!(word(j), Some("a")) {
                        n = 1.0;
                        j += 1;
                    } else {
                        while let Some(v) = number(j) {
                            let joins = n == 0.0
                                || ((20.0..100.0).contains(&n_last)
                                    && n_last % 10.0 == 0.0
                                    && (1.0..10.0).contains(&v));
                            if !joins {
                                break;
                            }
                            n += v;
                            n_last = v;
                            j += 1;
                        }
                    }
                    if n > 0.0
                        && let Some(f) = fraction(j)
                        && (is_plural_fraction(word(j).unwrap_or("")) == (n >= 2.0)
                            || matches!(word(j), Some("half")) && n == 1.0)
                    {
                        let f = n * f;
                        if let Some(s) = scale(j + 1).filter(|s| *s >= 1000.0) {
                            // "five and a half million", "one billion and a quarter million".
                            if current == 0.0 && total > 0.0 {
                                total += f * s;
                            } else {
                                total += (current + f) * s;
                                current = 0.0;
                            }
                            done(&mut best, j + 1, sign * (total + current));
                        } else {
                            // "one million and a half": a half of the last scale.
                            if current == 0.0 && total > 0.0 {
                                total += f * last_scale;
                            } else {
                                current += f;
                            }
                            done(&mut best, j, sign * (total + current));
                        }
                        break;
                    }
                    // "one hundred and five", "3 hundred and 21".
                    // "4 thousand 3 hundred and 0" ends before the zero.
                    let next_digits = matches!(
                        atoms.get(k + 1).map(|a| a.piece),
                        Some(Piece::Digits(d)) if d > 0.0
                    );
                    let next_word = number(k + 1).is_some_and(|v| v > 0.0);
                    let after_hundreds = prev == Prev::Scale || current >= 100.0 || total > 0.0;
                    if !(after_hundreds && (next_word || (next_digits && prev == Prev::Scale))) {
                        break;
                    }
                    before_and = best;
                    k += 1;
                    continue;
                } else if rules.point_words.contains(w) {
                    // "nine point zero four", "naught point five".
                    if !matches!(prev, Prev::Word) || current.fract() != 0.0 {
                        break;
                    }
                    let mut j = k + 1;
                    let mut decimals = String::new();
                    while let Some(v) = number(j).filter(|v| *v < 10.0 && v.fract() == 0.0) {
                        decimals.push(char::from(b'0' + v as u8));
                        j += 1;
                    }
                    if decimals.is_empty() {
                        break;
                    }
                    let frac: f64 = format!("0.{decimals}").parse().unwrap_or(0.0);
                    done(&mut best, j - 1, sign * (total + current + frac));
                    break;
                } else {
                    break;
                }
            }
        }
        done(&mut best, k, sign * (total + current));
        k += 1;
    }
    // Digits alone, or one word alone after a sign that is no number: for the other readers.
    let (last_tok, _) = best?;
    if sign > 0.0
        && k <= start + 1
        && matches!(atoms.get(start).map(|a| a.piece), Some(Piece::Digits(_)))
        && atoms.get(start).is_some_and(|a| a.tok == last_tok)
    {
        return None;
    }
    figure(tokens, i, best)
}

fn figure(tokens: &[Token], i: usize, best: Option<(usize, f64)>) -> Option<Figure> {
    let (last, value) = best?;
    (last < tokens.len() && value.is_finite()).then_some(Figure {
        first: i,
        last,
        value,
    })
}

/// A minus sign glued to the digits at `i` ("-1", "−273.15", "(-5)"): the token of the sign.
/// A dash between two figures ("10 -20") or a list's dash ("- 5 items") is no sign.
pub fn sign_before(tokens: &[Token], i: usize) -> Option<usize> {
    let k = i.checked_sub(1)?;
    let sign = &tokens[k];
    let digits = &tokens[i];
    // "≈ − 10", "< − 3", "∼–1‰": right after a comparison or an approximation sign no
    // subtraction or range can stand, so a dash there is a sign, set apart from its digits or
    // not, and an en dash too.
    let compared = k.checked_sub(1).is_some_and(|p| {
        matches!(
            tokens[p].lower.as_str(),
            "≈" | "~" | "∼" | "<" | ">" | "≤" | "≥" | "="
        )
    });
    if compared && (sign.is_punct("-") || sign.is_punct("−") || sign.is_punct("–")) {
        return Some(k);
    }
    if !(sign.is_punct("-") || sign.is_punct("−")) || digits.space_before {
        return None;
    }
    let after_figure = k.checked_sub(1).map(|p| &tokens[p]).is_some_and(|p| {
        p.kind == TokenKind::Number
            || (p.kind == TokenKind::Mixed)
            || !sign.space_before && p.kind != TokenKind::Punct
    });
    (!after_figure).then_some(k)
}

/// The value of a vulgar fraction character, alone or after digits: "½", "2¾".
pub fn vulgar(raw: &str) -> Option<f64> {
    let last = raw.chars().last()?;
    let f = match last {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        '⅑' => 1.0 / 9.0,
        '⅒' => 1.0 / 10.0,
        _ => return None,
    };
    let whole = &raw[..raw.len() - last.len_utf8()];
    let whole = if whole.is_empty() {
        0.0
    } else {
        parse_digits(whole)?
    };
    Some(whole + f)
}

/// `m` × 10^`e`, dividing for a negative exponent so that "2.48e-5" is 2.48e-5 exactly.
fn times_ten_to(m: f64, e: f64) -> f64 {
    if e < 0.0 {
        m / 10f64.powf(-e)
    } else {
        m * 10f64.powf(e)
    }
}

/// Denominators a slash fraction may have: "1/2", "3/4", "5/8", "3/16". Other digits around a
/// slash are dates, ratios or scores ("5/12", "24/7").
const SLASH_DENOMINATORS: &[u32] = &[2, 3, 4, 8, 16, 32];

/// A fraction written with a slash, with an optional whole number before it: "1/2", "2 1/4".
pub fn slash_fraction_at(tokens: &[Token], i: usize) -> Option<Figure> {
    // Asked of every figure: most have no slash after them or after the next figure.
    let slash = |k: usize| tokens.get(k).is_some_and(|t| t.is_punct("/"));
    if !(slash(i + 1) || slash(i + 2)) {
        return None;
    }
    let int = |k: usize| -> Option<u32> {
        let t = tokens.get(k)?;
        (t.kind == TokenKind::Number && t.lower.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.lower.parse().ok())
            .flatten()
    };
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    let frac_at = |k: usize| -> Option<f64> {
        let (a, b) = (int(k)?, int(k + 2)?);
        let slash = tokens.get(k + 1)?;
        if !(slash.is_punct("/") && glued(k + 1) && glued(k + 2)) {
            return None;
        }
        if !(SLASH_DENOMINATORS.contains(&b) && a < b && a > 0) {
            return None;
        }
        // "1/2/2020" is a date.
        if tokens
            .get(k + 3)
            .is_some_and(|t| t.is_punct("/") && !t.space_before)
            || k.checked_sub(1)
                .is_some_and(|p| tokens[p].is_punct("/") && glued(k))
        {
            return None;
        }
        Some(f64::from(a) / f64::from(b))
    };
    if let Some(w) = int(i)
        && tokens.get(i + 1).is_some_and(|t| t.space_before)
        && let Some(f) = frac_at(i + 1)
    {
        return Some(Figure {
            first: i,
            last: i + 3,
            value: f64::from(w) + f,
        });
    }
    frac_at(i).map(|value| Figure {
        first: i,
        last: i + 2,
        value,
    })
}

/// Scientific notation from token `i`: "1e10", "2.5E-3", "1.3x10^6", "6.23x10^-4",
/// "2.48×10−5", "2.48 × 10^5", "10^6".
pub fn scientific_at(tokens: &[Token], i: usize) -> Option<Figure> {
    let tok = tokens.get(i)?;
    // Asked of every figure: most have no "e", "x", "×" or "^" about them.
    let marked = match tok.kind {
        TokenKind::Mixed => tok.lower.contains(['e', 'x']),
        TokenKind::Number => tokens.get(i + 1).is_some_and(|n| {
            n.is_punct("^")
                || n.is_punct("×")
                || n.lower == "x"
                || (tok.lower == "10" && n.is_punct("−") && !n.space_before)
        }),
        _ => false,
    };
    if !marked {
        return None;
    }
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    let digits = |k: usize| -> Option<f64> {
        let t = tokens.get(k)?;
        if t.kind == TokenKind::Number {
            parse_digits(&t.lower)
        } else {
            None
        }
    };
    // An exponent from token `k`: "^6", "^-4", "−5", "^+23", glued to what precedes.
    let exponent = |k: usize, caret_needed: bool| -> Option<(usize, f64)> {
        let mut j = k;
        let caret = tokens.get(j).is_some_and(|t| t.is_punct("^")) && glued(j);
        if caret {
            j += 1;
        } else if caret_needed {
            return None;
        }
        let mut sign = 1.0;
        if let Some(t) = tokens.get(j)
            && (t.is_punct("-") || t.is_punct("−") || t.is_punct("+"))
            && glued(j)
        {
            if !t.is_punct("+") {
                sign = -1.0;
            }
            j += 1;
            // "^--23": two minus signs make a plus.
            if tokens.get(j).is_some_and(|t| t.is_punct("-")) && glued(j) {
                sign = -sign;
                j += 1;
            }
        } else if !caret {
            return None;
        }
        let e = digits(j).filter(|e| e.fract() == 0.0 && *e <= 300.0)?;
        glued(j).then_some((j, sign * e))
    };
    match tok.kind {
        TokenKind::Mixed => {
            let raw = tok.lower.as_str();
            // "1.3x10" then "^6".
            if let Some((m, ten)) = raw.split_once('x')
                && ten == "10"
                && let Some(m) = parse_digits(m)
                && let Some((j, e)) = exponent(i + 1, false)
            {
                return Some(Figure {
                    first: i,
                    last: j,
                    value: times_ten_to(m, e),
                });
            }
            // "1e10", "2.5e-3".
            let (m, e) = raw.split_once('e')?;
            let m = parse_digits(m)?;
            let e: f64 = e.strip_prefix('+').unwrap_or(e).parse().ok()?;
            (e.fract() == 0.0 && e.abs() <= 300.0).then(|| Figure {
                first: i,
                last: i,
                value: times_ten_to(m, e),
            })
        }
        TokenKind::Number => {
            let m = digits(i)?;
            // "2.48×10−5", "2.48 × 10^5", "2.48 x 10^5".
            if let Some(times) = tokens.get(i + 1)
                && (times.is_punct("×") || times.lower == "x")
                && digits(i + 2) == Some(10.0)
                && let Some((j, e)) = exponent(i + 3, false)
            {
                return Some(Figure {
                    first: i,
                    last: j,
                    value: times_ten_to(m, e),
                });
            }
            // "6 × 106", "1.5×1012": a power of ten whose exponent lost its raising when the
            // text was copied ("10⁶" printed "106"). Only a mantissa of scientific form (1 to
            // 10, not 10) times "10" and one or two more digits, not starting with 0, and no
            // further factor after it: "4 × 100" and "60 × 10 × 3" are products as written.
            if let Some(times) = tokens.get(i + 1)
                && times.is_punct("×")
                && (1.0..10.0).contains(&m)
                && let Some(power) = tokens.get(i + 2)
                && power.kind == TokenKind::Number
                && let Some(e) = power.lower.strip_prefix("10")
                && (1..=2).contains(&e.len())
                && e.bytes().all(|b| b.is_ascii_digit())
                && !e.starts_with('0')
                && !tokens
                    .get(i + 3)
                    .is_some_and(|n| n.is_punct("×") || n.is_punct("^") || n.lower == "x")
                && !(i > 0 && (tokens[i - 1].is_punct("×") || tokens[i - 1].lower == "x"))
                && let Ok(e) = e.parse::<f64>()
            {
                return Some(Figure {
                    first: i,
                    last: i + 2,
                    value: times_ten_to(m, e),
                });
            }
            // "10^6", "1.1^+23": a power; "10−4" (a minus sign, glued): ten to its power.
            let ten_to = m == 10.0 && tokens[i + 1].is_punct("−");
            let (j, e) = exponent(i + 1, !ten_to)?;
            let v = m.powf(e);
            v.is_finite().then_some(Figure {
                first: i,
                last: j,
                value: v,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use rustc_hash::FxHashSet as HashSet;

    /// The first figure of `text` as this layer reads it: its text and value.
    fn first_figure(text: &str, rules: &Rules) -> Option<(String, f64)> {
        let toks = tokenize(text, 0, text.len(), &HashSet::default()).tokens;
        (0..toks.len()).find_map(|i| {
            let f = scientific_at(&toks, i)
                .or_else(|| slash_fraction_at(&toks, i))
                .or_else(|| spelled_at(&toks, i, rules))
                .or_else(|| {
                    let t = &toks[i];
                    let v = parse_digits(&t.lower).or_else(|| vulgar(&t.lower))?;
                    let (first, value) = match sign_before(&toks, i) {
                        Some(k) => (k, -v),
                        None => (i, v),
                    };
                    Some(Figure {
                        first,
                        last: i,
                        value,
                    })
                })?;
            Some((
                text[toks[f.first].start..toks[f.last].end].to_string(),
                f.value,
            ))
        })
    }

    #[test]
    fn figures_in_sentences_of_every_shape() {
        let rules = Rules::builtin().expect("built-in rules load");
        let table: &[(&str, &str, f64)] = &[
            // Spelled numbers of any size.
            (
                "the debt was twenty-one trillion dollars",
                "twenty-one trillion",
                21e12,
            ),
            (
                "they owed twenty-one trillion and three hundred",
                "twenty-one trillion and three hundred",
                21e12 + 300.0,
            ),
            (
                "three hundred and twenty-one boats",
                "three hundred and twenty-one",
                321.0,
            ),
            ("a hundred boats", "a hundred", 100.0),
            ("sixty five people", "sixty five", 65.0),
            ("fifty - two cards", "fifty - two", 52.0),
            ("around hundred thousand fans", "hundred thousand", 1e5),
            // Digits with scales and words.
            (
                "she paid 3 hundred and 21 dollars",
                "3 hundred and 21",
                321.0,
            ),
            (
                "we sold 4 thousand 3 hundred cups",
                "4 thousand 3 hundred",
                4300.0,
            ),
            ("a crowd of 1.5 million", "1.5 million", 1.5e6),
            ("the box holds 3 dozen eggs", "3 dozen", 36.0),
            (
                "three hundred and two dozen",
                "three hundred and two dozen",
                324.0,
            ),
            ("a fine of 13 lakh rupees", "13 lakh", 1.3e6),
            // Fractions.
            ("add two thirds of the flour", "two thirds", 2.0 / 3.0),
            ("cut five eighths away", "five eighths", 0.625),
            ("we waited one and a half hours", "one and a half", 1.5),
            (
                "five and a half million trees",
                "five and a half million",
                5.5e6,
            ),
            ("half a million visitors", "half a million", 5e5),
            ("a quarter million pages", "a quarter million", 2.5e5),
            ("one million and a half", "one million and a half", 1.5e6),
            ("twenty and three fifths", "twenty and three fifths", 20.6),
            // A spelled ordinal as the denominator, after its numerator.
            (
                "add three twenty-fifths of it",
                "three twenty-fifths",
                3.0 / 25.0,
            ),
            (
                "only seven twenty fifths",
                "seven twenty fifths",
                7.0 / 25.0,
            ),
            (
                "a share of one one hundred tenth",
                "one one hundred tenth",
                1.0 / 110.0,
            ),
            (
                "a share of one one hundred and sixth",
                "one one hundred and sixth",
                1.0 / 106.0,
            ),
            (
                "two hundred forty sixths",
                "two hundred forty sixths",
                200.0 / 46.0,
            ),
            ("thirty fifths", "thirty fifths", 6.0),
            // A plural fraction after hundreds: the hundreds are counted.
            (
                "sixty - two hundred sevenths",
                "sixty - two hundred sevenths",
                6200.0 / 7.0,
            ),
            ("a hundred billionths", "a hundred billionths", 1e-7),
            // Half alone after a comparison.
            ("more than half stayed", "half", 0.5),
            ("it is one-eighth", "one-eighth", 0.125),
            ("we ate a fifth.", "a fifth", 0.2),
            ("three quarters billion", "three quarters billion", 7.5e8),
            ("add ½ cup", "½", 0.5),
            ("add 2¾ cups", "2¾", 2.75),
            ("add 1/2 cup", "1/2", 0.5),
            ("a pipe 2 1/4 inches wide", "2 1/4", 2.25),
            // Decimals said aloud.
            ("nine point zero four metres", "nine point zero four", 9.04),
            ("naught point five", "naught point five", 0.5),
            // Signs.
            ("it fell to minus five", "minus five", -5.0),
            ("the answer is negative one", "negative one", -1.0),
            ("the answer is minus 5", "minus 5", -5.0),
            ("it dropped to -1 overnight", "-1", -1.0),
            ("helium boils at −268.9 there", "−268.9", -268.9),
            ("a loss (-5) this year", "-5", -5.0),
            ("a shift of ≈ − 12 mdeg", "− 12", -12.0),
            ("where x < - 3 holds", "- 3", -3.0),
            ("a shift of ∼–4‰ there", "–4", -4.0),
            // Scientific notation and powers.
            ("about 1e10 cells", "1e10", 1e10),
            ("a rate of 2.5e-3 per day", "2.5e-3", 2.5e-3),
            ("some 1.3x10^6 stars", "1.3x10^6", 1.3e6),
            ("a density of 6.2x10^-4 here", "6.2x10^-4", 6.2e-4),
            ("a flux of 2.48×10−5 there", "2.48×10−5", 2.48e-5),
            ("a ratio near 10−4 holds", "10−4", 1e-4),
            ("a power 10^6 of them", "10^6", 1e6),
            // A power of ten whose exponent was flattened into its digits.
            ("a loss of 4 × 107 kg each second", "4 × 107", 4e7),
            ("a density of 2.5×1011 per litre", "2.5×1011", 2.5e11),
        ];
        for (text, covered, value) in table {
            let got = first_figure(text, &rules);
            let Some((c, v)) = got else {
                panic!("no figure in {text:?}");
            };
            assert_eq!(c, *covered, "{text:?}");
            assert!(
                (v - value).abs() <= 1e-9 * value.abs().max(1.0),
                "{text:?}: {v} != {value}"
            );
        }
    }

    #[test]
    fn words_that_are_not_figures() {
        let rules = Rules::builtin().expect("built-in rules load");
        for text in [
            "a third man was arrested",
            "the fifth victim was found",
            "a negative test result",
            "that point was made",
            "and then a quarter came in",
        ] {
            assert_eq!(first_figure(text, &rules), None, "{text:?}");
        }
        // Products as written stay products: no exponent starting with 0, no mantissa of 10 or
        // more, no chain of factors.
        for (text, covered) in [
            ("a 4 × 100 m relay", "4"),
            ("a board 12 × 105 cm", "12"),
            ("a block 6 × 104 × 3 mm", "6"),
            ("a frame of 2 x 106 mm", "2"),
        ] {
            let got = first_figure(text, &rules).map(|(c, _)| c);
            assert_eq!(got.as_deref(), Some(covered), "{text:?}");
        }
    }

    #[test]
    fn dates_and_ratios_are_no_slash_fractions_and_dashes_no_signs() {
        let rules = Rules::builtin().expect("built-in rules load");
        let toks = |t: &str| tokenize(t, 0, t.len(), &HashSet::default()).tokens;
        // "5/12" may be a date; "1/2/2020" is one; "24/7" is a ratio.
        for text in ["meet on 5/12", "on 1/2/2020", "open 24/7"] {
            let t = toks(text);
            assert!(
                (0..t.len()).all(|i| slash_fraction_at(&t, i).is_none()),
                "{text:?}"
            );
        }
        // A dash between figures or a list's dash makes no sign.
        for (text, i) in [("scores of 10 -20", 3), ("- 5 items", 1), ("10 − 4 = 6", 2)] {
            let t = toks(text);
            assert_eq!(sign_before(&t, i), None, "{text:?}");
        }
        // "3 hundred and 2 hundred" is two figures, not 30,200.
        let t = toks("3 hundred and 2 hundred");
        assert_eq!(
            spelled_at(&t, 0, &rules).map(|f| (f.last, f.value)),
            Some((1, 300.0))
        );
        assert_eq!(
            spelled_at(&t, 3, &rules).map(|f| (f.last, f.value)),
            Some((4, 200.0))
        );
    }
}
