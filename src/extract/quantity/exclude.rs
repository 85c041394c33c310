//! Figures that are no quantity: years, identifiers, labels ("Figure 2", "samples 3 and 4"),
//! citation markers, house numbers, ordinals and compounds that are not measures ("four-star").

use crate::extract::document::Context;
use crate::extract::numbers::NumberMatch;
use crate::extract::tokens::TokenKind;

/// Years, identifiers, house numbers, times and lone pronoun "one" are not quantities.
pub(super) fn is_not_a_quantity(ctx: &Context, m: &NumberMatch) -> bool {
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
        // The second year of a span: "the 2019–20 season", "2004-05", "2004/05".
        if raw.len() == 2
            && !first.space_before
            && let Some(p) =
                prev.filter(|p| (p.is_punct("–") || p.is_punct("-")) && !p.space_before)
            && let Some(year) = m.first.checked_sub(2).map(|k| &toks[k])
            && year.kind == TokenKind::Number
            && let Ok(y) = year.text(ctx.text).parse::<u32>()
            && (1800..=2100).contains(&y)
            && raw.parse::<u32>().is_ok_and(|v| v == (y + 1) % 100)
            && p.sentence == first.sentence
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
pub(super) fn is_weight_in_pounds(ctx: &Context, m: &NumberMatch, pos: usize) -> bool {
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
    let bare = |tk: &crate::extract::tokens::Token| {
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

#[cfg(test)]
mod tests {
    use crate::extract::tests_support::{claims, rules};

    use super::super::tests::check;

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
        check("The 2031–32 flu outbreak was mild.", &[]);
        check("The 2008-09 accounts were late.", &[]);
    }
}
