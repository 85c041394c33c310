//! Ranks: a thing's place in an order ("the sixth-largest city in India", "the 36th overall
//! pick", "number 13 on the UK Singles Chart", "finished tenth in the league"), read as a figure
//! in the `rank` unit whose property is the order it is a place in.
//!
//! Only orders are read: an ordinal before a superlative ("fourth-most populous"), before
//! "overall" or a title ("the 21st Chief Minister of Maharashtra"), before a noun and an
//! infinitive ("the 3rd state to report a case"), before a league or table it stands in, or
//! a chart position. An ordinal that only tells one thing from others ("his sixth album",
//! "its second weekend") names which thing it is, not a place in an order, and a rank set
//! against another ("richer than the 15th", "below the 7th") is a comparison, not a rank.

use super::document::{Context, Draft};
use super::tokens::{TokenKind, WordClass};
use crate::model::{ClaimKind, Modality, Scope, Value};

/// The unit of a place in an order.
pub const RANK_UNIT: &str = "rank";

/// Most words a rank's order is read over before its place or chart.
const MAX_ORDER_WORDS: usize = 5;

/// Most words of the place or chart an order stands in ("in the Premier League").
const MAX_PLACE_WORDS: usize = 5;

/// Words before an ordinal that set it against another rank rather than state one.
const COMPARED: &[&str] = &[
    "than", "under", "over", "above", "below", "behind", "after", "before", "beyond", "top",
    "within", "outside", "past",
];

/// Words that end an order.
const ORDER_ENDS: &[&str] = &[
    "and", "or", "to", "with", "by", "after", "before", "since", "behind", "as", "which", "that",
    "who", "for", "at", "from", "than", "among", "ever", "of", "in", "on", "is", "was", "were",
    "has", "had", "but", "when", "while", "until", "during", "not", "whilst", "where", "whereas",
    "although", "though", "because", "if", "so", "despite",
];

/// Most words of a plain place an order stands in ("the league", "the regular table").
const MAX_PLAIN_PLACE_WORDS: usize = 2;

/// Nouns that only say a rank is a place ("21st place", "the 6th pick", "number 5 spot"):
/// left out of the order, which the league or table names.
const PLACE_NOUNS: &[&str] = &["place", "position", "spot", "pick", "selection", "seed"];

/// Superlatives that are not "-est" words, and "-est" words that are not superlatives.
const SUPERLATIVES: &[&str] = &["most", "least", "best", "worst", "top"];
const NOT_SUPERLATIVES: &[&str] = &[
    "interest",
    "forest",
    "request",
    "contest",
    "test",
    "west",
    "guest",
    "protest",
    "harvest",
    "honest",
    "modest",
    "arrest",
    "suggest",
    "digest",
    "invest",
    "latest",
    "manifest",
    "midwest",
    "northwest",
    "southwest",
    "conquest",
    "quest",
    "chest",
    "crest",
    "nest",
    "pest",
    "rest",
    "vest",
    "zest",
    "earnest",
    "behest",
    "unrest",
    "inquest",
    "priest",
];

/// Nouns of a stretch or a count of times that an ordinal names one of ("its second
/// weekend", "the 20th century", "for the third time"): never an order.
const NOT_ORDERS: &[&str] = &[
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "century",
    "decade",
    "millennium",
    "quarter",
    "half",
    "time",
    "times",
    "leg",
    "legs",
    "innings",
    "minute",
    "hour",
    "anniversary",
    "round",
    "season",
    "edition",
    "term",
    "birthday",
    "generation",
    "grade",
    "floor",
    "amendment",
    "street",
    "avenue",
    "division",
    "dynasty",
    "episode",
    "chapter",
    "volume",
    "issue",
];

/// One rank read from the text: its place, the tokens it spans and the order it is in.
struct Rank {
    place: u32,
    first: usize,
    last: usize,
    order: Vec<String>,
    /// The league, table or chart ("in india", "on uk singles chart"), when written.
    within: Option<String>,
    /// Whether the order ended at "and" before another rank ("the sixth-largest city and
    /// fourth-most populous agglomeration in India": both are in India).
    joined: bool,
}

/// Every rank of the document's figures, as drafts with no subject, whose property is the
/// order they are places in ("largest city in india"); the topic reader makes them the topic's.
pub fn find_ranks(ctx: &Context, taken: &[bool]) -> Vec<Draft> {
    let mut ranks: Vec<Rank> = Vec::new();
    for k in 0..ctx.tokens.len() {
        if taken.get(k).copied().unwrap_or(true) {
            continue;
        }
        if let Some(rank) = rank_at(ctx, k, taken) {
            ranks.push(rank);
        }
    }
    // A place written once for two joined orders holds for both.
    for i in (1..ranks.len()).rev() {
        let (head, tail) = ranks.split_at_mut(i);
        let (before, after) = (&mut head[i - 1], &tail[0]);
        if before.joined && before.within.is_none() && after.first == before.last + 2 {
            before.within = after.within.clone();
        }
    }
    ranks
        .into_iter()
        .filter(|r| !r.order.is_empty() || r.within.is_some())
        .map(|r| draft(ctx, r))
        .collect()
}

fn draft(ctx: &Context, r: Rank) -> Draft {
    let mut order = r.order.join(" ");
    if let Some(within) = &r.within {
        if !order.is_empty() {
            order.push(' ');
        }
        order.push_str(within);
    }
    let (start, end) = (ctx.tokens[r.first].start, ctx.tokens[r.last].end);
    Draft {
        start,
        end,
        kind: ClaimKind::Quantity,
        subject: None,
        property: format!("{RANK_UNIT} {order}"),
        increment: false,
        modality: Modality::Asserted,
        value: Value::Quantity {
            low: Some(f64::from(r.place)),
            high: Some(f64::from(r.place)),
            unit: RANK_UNIT.to_string(),
            approximate: false,
            band: None,
        },
        label: ctx.text[start..end].to_string(),
        definite: false,
        scope: Scope::Total,
        doubts: Vec::new(),
        noun_end: None,
    }
}

/// The place an ordinal token states ("4th", "17nd", "sixth", "fourth-largest"), with what
/// is glued to it after a hyphen ("largest"). "first" is left out: it is far more often the
/// start of something ("its first weekend", "the first to ...") than a place.
fn ordinal<'a>(ctx: &'a Context<'a>, k: usize) -> Option<(u32, Option<&'a str>)> {
    let lower = ctx.lower(k);
    let (head, glued) = match lower.split_once('-') {
        Some((h, g)) => (h, Some(g).filter(|g| !g.is_empty())),
        None => (lower, None),
    };
    match ctx.tokens[k].kind {
        TokenKind::Mixed => {
            let digits = head.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &head[digits.len()..];
            if digits.is_empty()
                || digits.starts_with('0')
                || !digits.bytes().all(|b| b.is_ascii_digit())
                || !matches!(suffix, "st" | "nd" | "rd" | "th")
            {
                return None;
            }
            let n: u32 = digits.parse().ok()?;
            (1..=10_000).contains(&n).then_some((n, glued))
        }
        TokenKind::Word => {
            let n = *ctx.t.rules.dates.day_ordinals.get(head)?;
            (n > 1).then_some((n, glued))
        }
        _ => None,
    }
}

/// A chart position: "number 13" or "No. 5" before the chart it is on.
fn chart_position(ctx: &Context, k: usize) -> Option<(u32, usize)> {
    let word = ctx.lower(k);
    let at = match word {
        "number" => k + 1,
        "no." => k + 1,
        "no" if ctx.tok_text(k + 1) == "." => k + 2,
        _ => return None,
    };
    let tok = ctx.tokens.get(at)?;
    if tok.kind != TokenKind::Number || !ctx.tok_text(at).bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = ctx.tok_text(at).parse().ok()?;
    (1..=1_000).contains(&n).then_some((n, at))
}

fn rank_at(ctx: &Context, k: usize, taken: &[bool]) -> Option<Rank> {
    let sentence = ctx.tokens[k].sentence;
    let end = ctx.sentences[sentence].end;
    let compared = (k.saturating_sub(2)..k)
        .filter(|&j| ctx.tokens[j].sentence == sentence)
        .any(|j| COMPARED.contains(&ctx.lower(j)));
    if compared {
        return None;
    }
    if let Some((place, at)) = chart_position(ctx, k) {
        // "a number 5 seed" is a seed; "number 13 on the chart" a position on it.
        if !matches!(ctx.lower(at + 1), "on" | "in") || at + 1 >= end {
            return None;
        }
        let (within, last) = place_within(ctx, at + 1, end, taken)?;
        return Some(Rank {
            place,
            first: k,
            last,
            order: vec!["position".to_string()],
            within: Some(within),
            joined: false,
        });
    }
    let (place, glued) = ordinal(ctx, k)?;
    // "the second and third highest scores", "3rd, 5th and 18th": places of several things.
    let listed = |j: usize| {
        j < end
            && ctx.tokens[j].sentence == sentence
            && matches!(ctx.lower(j), "and" | "or" | "," | "&")
    };
    if listed(k + 1) && k + 2 < end && ordinal(ctx, k + 2).is_some()
        || k >= 2 && listed(k - 1) && ordinal(ctx, k - 2).is_some()
    {
        return None;
    }
    // "the 13th" after a month, or "15 March": dates are taken; a bare ordinal after "the"
    // that a weekday or month follows is a day.
    let mut order: Vec<String> = Vec::new();
    if let Some(g) = glued {
        order.extend(g.split('-').map(str::to_string));
    }
    let mut j = k + 1;
    while j < end && order.len() < MAX_ORDER_WORDS {
        let tok = &ctx.tokens[j];
        let w = ctx.lower(j);
        if taken.get(j).copied().unwrap_or(true)
            || tok.kind != TokenKind::Word
            || ORDER_ENDS.contains(&w)
        {
            break;
        }
        if !matches!(w, "a" | "an" | "the") {
            order.extend(w.split('-').filter(|p| !p.is_empty()).map(str::to_string));
        }
        j += 1;
    }
    // "highest-earning" and "highest-grossing" are one order.
    for w in &mut order {
        *w = ctx.t.c.topic.named(w);
    }
    let last_word = j.checked_sub(1).filter(|&l| l > k);
    let ranked = is_order(ctx, &order, k, last_word);
    if order
        .first()
        .is_some_and(|w| NOT_ORDERS.contains(&w.as_str()))
    {
        return None;
    }
    order.retain(|w| !PLACE_NOUNS.contains(&w.as_str()));
    let mut last = last_word.unwrap_or(k);
    let mut within = None;
    if j < end
        && matches!(ctx.lower(j), "in" | "on" | "of")
        && let Some((w, l)) = place_within(ctx, j, end, taken)
    {
        within = Some(w);
        last = last.max(l);
    }
    // "the 3rd state to report a case": a first-of-its-kind record names its order by the
    // infinitive after the noun.
    let mut infinitive = false;
    let mut at = last + 1;
    if !order.is_empty() && at < end && ctx.lower(at) == "to" {
        let mut words = Vec::new();
        at += 1;
        while at < end && words.len() < MAX_ORDER_WORDS {
            let w = ctx.lower(at);
            if taken.get(at).copied().unwrap_or(true)
                || ctx.tokens[at].kind != TokenKind::Word
                || (ORDER_ENDS.contains(&w) && w != "of")
            {
                break;
            }
            if !matches!(w, "a" | "an" | "the") {
                words.push(w.to_string());
            }
            at += 1;
        }
        if words.len() >= 2 {
            infinitive = true;
            let to_place = within.take().unwrap_or_default();
            if !to_place.is_empty() {
                order.push(to_place);
            }
            order.push("to".to_string());
            order.extend(words);
            last = at - 1;
        }
    }
    // An ordinal before only a place in a league or table ("finished tenth in the league",
    // "10th on the table", "52nd in the line of succession").
    let standing = order.is_empty() && within.is_some();
    if !(ranked || infinitive || standing) {
        return None;
    }
    let joined = j < end && ctx.lower(j) == "and" && within.is_none() && !infinitive;
    Some(Rank {
        place,
        first: k,
        last,
        order,
        within,
        joined,
    })
}

/// Whether the words after an ordinal name an order: a superlative ("largest", "most
/// populous", "highest-grossing"), "overall", or a title ("the 21st Chief Minister of ...").
fn is_order(ctx: &Context, order: &[String], k: usize, last_word: Option<usize>) -> bool {
    let superlative = order.iter().take(2).any(|w| {
        SUPERLATIVES.contains(&w.as_str())
            || (w.len() >= 6 && w.ends_with("est") && !NOT_SUPERLATIVES.contains(&w.as_str()))
    });
    let overall = order.first().is_some_and(|w| w == "overall");
    let title = last_word.is_some_and(|l| {
        (k + 1..=l).any(|j| ctx.t.class_of(ctx.lower(j)).has(WordClass::TITLE_HEAD))
            && ctx.tokens[k + 1].capitalized
    });
    superlative || overall || title
}

/// The place, table, league or chart after "in", "on" or "of" ("in the Premier League", "on
/// the UK Singles Chart", "in India"): a name's words, or up to a few plain nouns; with the
/// last token read.
fn place_within(ctx: &Context, at: usize, end: usize, taken: &[bool]) -> Option<(String, usize)> {
    let prep = ctx.lower(at);
    let mut j = at + 1;
    if j < end && ctx.lower(j) == "the" {
        j += 1;
    }
    let named = j < end && ctx.tokens[j].capitalized;
    let mut words = Vec::new();
    while j < end && words.len() < MAX_PLACE_WORDS {
        let tok = &ctx.tokens[j];
        let w = ctx.lower(j);
        let word = matches!(
            tok.kind,
            TokenKind::Word | TokenKind::Mixed | TokenKind::Number
        );
        if taken.get(j).copied().unwrap_or(true) || !word || ORDER_ENDS.contains(&w) {
            break;
        }
        // A name is its capitalised words ("the UK Singles Chart chart issue" is on the UK
        // Singles Chart); a plain place its nouns ("the line of succession" is the line).
        if named && !tok.capitalized && tok.kind == TokenKind::Word
            || !named && words.len() == MAX_PLAIN_PLACE_WORDS
        {
            break;
        }
        words.push(w.to_string());
        j += 1;
    }
    if words.is_empty() {
        return None;
    }
    // "of" names what the order is of only with a name ("of Maharashtra"); "of the film"
    // is what the rank belongs to.
    if prep == "of" && !named {
        return None;
    }
    Some((format!("{prep} {}", words.join(" ")), j - 1))
}

#[cfg(test)]
mod tests {
    use crate::extract::tests_support::rules;
    use crate::model::{Claim, Document, Value};

    /// The (property, place) of every rank an undated page titled "Port Elsa" states.
    fn ranks(body: &str) -> Vec<(String, f64)> {
        let front = "---\ntitle: \"Port Elsa\"\n---\n\n";
        let mut doc = Document::from_text("port.md".to_string(), format!("{front}{body}\n"));
        doc.body_start = front.len();
        doc.meta.title = Some("Port Elsa".to_string());
        crate::extract::extract(0, &doc, &rules())
            .into_iter()
            .filter_map(|c: Claim| match &c.value {
                Value::Quantity { low, unit, .. } if unit == super::RANK_UNIT => {
                    Some((c.property.clone(), low.unwrap_or(f64::NAN)))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn superlative_orders_are_ranks_of_the_topic() {
        let got = ranks("Port Elsa is the fourth-largest town in Norland.");
        assert_eq!(got, vec![("rank largest town in norland".to_string(), 4.0)]);
        let got = ranks("It is the 11th most visited harbour and the third busiest one.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, 11.0);
        assert_eq!(got[1].1, 3.0);
    }

    #[test]
    fn identifying_ordinals_and_comparisons_are_not_ranks() {
        assert!(ranks("The band released its sixth album there.").is_empty());
        assert!(ranks("The ferry earned more in its second weekend.").is_empty());
        assert!(ranks("The port is busier than the 15th busiest port.").is_empty());
        assert!(ranks("It was founded in the 18th century.").is_empty());
        assert!(ranks("The second and third busiest piers were both rebuilt.").is_empty());
    }

    #[test]
    fn an_order_is_named_by_the_lexicon_words_of_its_property() {
        let earning = ranks("The port was the fifth highest-earning harbour.");
        let grossing = ranks("The port was the fifth highest-grossing harbour.");
        assert_eq!(earning, grossing);
        assert_eq!(earning.len(), 1);
    }

    #[test]
    fn standings_picks_and_chart_positions_are_ranks() {
        let got = ranks("The club finished tenth in the league.");
        assert_eq!(got, vec![("rank in league".to_string(), 10.0)]);
        let got = ranks("The club finished in the 12th place in the league, whilst the rival won.");
        assert_eq!(got, vec![("rank in league".to_string(), 12.0)]);
        let got = ranks("The anthem reached number 9 on the Norland Radio Chart last week.");
        assert_eq!(
            got,
            vec![("rank position on norland radio chart".to_string(), 9.0)]
        );
        let got = ranks("The keeper was taken with the 31st overall pick.");
        assert_eq!(got, vec![("rank overall".to_string(), 31.0)]);
    }
}
