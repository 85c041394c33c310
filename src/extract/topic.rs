//! Topics: the thing a document is about (its front matter's `title:`), made the subject of
//! the figures that name nothing more than a common noun, with what the figure states about
//! it read from the phrase around the figure: "based on 44 reviews" states the topic's
//! reviews, "an approval rating of 45%" its rating, "it grossed $5 million" its gross.
//!
//! Only an undated document's title is read as a topic (a dated report's title is a
//! headline), and only when it reads as a name. Two documents share a topic only when their
//! titles name the same thing, so a page and the claims written against it are compared.

use super::document::{Context, Draft};
use super::labels::last_digit_step;
use super::subject::subject_key;
use super::tokens::TokenKind;
use super::words::{singular, singular_phrase, stem, stem_phrase};
use crate::model::{ClaimKind, DateBound, DateValue, Scope, Subject, Value};
use rustc_hash::FxHashMap as HashMap;

/// Longest title, in words, that can name a topic; a longer one is a sentence.
const MAX_TOPIC_WORDS: usize = 10;

/// The topic a title names: the title without a bracketed kind ("The Light (film)" is about
/// "The Light"), or none when the title is empty or does not read as a name; a topic the
/// front matter gives (`explicit`) is taken as it is.
pub fn topic(ctx: &Context, title: &str, explicit: bool) -> Option<Subject> {
    let mut name = title.trim();
    if let Some(open) = name.rfind(" (")
        && name.ends_with(')')
    {
        name = name[..open].trim_end();
    }
    if name.is_empty() || (!explicit && !names_a_thing(ctx, name)) {
        return None;
    }
    Some(Subject {
        text: name.to_string(),
        key: format!("{TOPIC_MARK}{}", subject_key(ctx, name)),
    })
}

/// Whether a title names a thing ("Westlife", "The Light Between Oceans", "2020 coronavirus
/// pandemic in Africa") rather than telling news ("Two dead as bridge gives way", "Man shot
/// on Elm Street: police"): short, with no clause punctuation and no word that reads as a
/// headline's verb.
fn names_a_thing(ctx: &Context, title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_TOPIC_WORDS {
        return false;
    }
    if title.contains([':', '!', '?', '|', ';']) || title.contains(" - ") || title.contains(" – ")
    {
        return false;
    }
    let headline = &ctx.t.c.topic.headline_words;
    let plain = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    !words.iter().enumerate().any(|(i, w)| {
        let capitalized = w.chars().next().is_some_and(char::is_uppercase);
        let word = plain(w);
        // "Suspect to appear in court" tells news; "Chained to the Rhythm" and "How to Train
        // Your Dragon" name a thing: "to" before an article or a possessive, or after "how",
        // is no headline's future.
        let named_to = word == "to"
            && (words
                .get(i + 1)
                .is_some_and(|next| TO_NAME_WORDS.contains(&plain(next).as_str()))
                || i.checked_sub(1).is_some_and(|p| plain(words[p]) == "how"));
        (headline.contains(&word) && !named_to)
            || (!capitalized && word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")))
    })
}

/// Words after "to" in a title that make it part of a name ("Back to the Future").
const TO_NAME_WORDS: &[&str] = &[
    "the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that",
];

/// The property a topic's deaths are stated under (the lexicon's synonyms name it).
const DEATHS: &str = "death";

/// Marks a subject key as a document's topic: such a key is never merged with another by
/// spelling, since two headlines spelled alike are two stories.
pub const TOPIC_MARK: &str = "topic: ";

/// Makes `topic` the subject of every figure whose subject is a common noun or missing, and
/// whose property the rules only defaulted from its unit (a count, an amount, a share). The
/// property is what the phrase says the figure is, with the place and time it holds for:
/// "cases in Sofia as of 2020-03-17".
pub fn attach(ctx: &Context, topic: &Subject, drafts: &mut [Draft]) {
    // What the rules say of a property: none (not a rule's), defaulted from a unit (a count,
    // an amount), or named by its words ("range", a user's "rate limit"). Victim properties
    // are the incident's, never a topic's.
    let ruled = |p: &str| {
        let rule = ctx.t.rules.properties.iter().rev().find(|r| r.name == p)?;
        (!rule.victims).then_some(!rule.default_for.is_empty())
    };
    // Where each date of the document stands, to scope the figures of its sentence.
    let dates: Vec<(usize, DateValue)> = drafts
        .iter()
        .filter_map(|d| match (&d.kind, &d.value) {
            (ClaimKind::Date, Value::Date(v)) if v.year.is_some() => {
                first_token(ctx, d.start, d.end).map(|k| (k, *v))
            }
            _ => None,
        })
        .collect();
    // The verb the last figure took, and its sentence: "grossed $3 million worldwide and $1
    // million abroad" says the second figure was grossed too.
    let mut shared: Option<(usize, String)> = None;
    for d in drafts.iter_mut() {
        if d.kind != ClaimKind::Quantity || d.scope != Scope::Total {
            continue;
        }
        let (Some(first), Some(last)) = (
            first_token(ctx, d.start, d.end),
            last_token(ctx, d.start, d.phrase_end()),
        ) else {
            continue;
        };
        // A place in an order ("the fourth-largest city") is the topic's, at the time the
        // sentence gives.
        // A score on a scale ("6.4/10") is the topic's rating, at the sentence's time.
        let ranked_or_scored = matches!(&d.value, Value::Quantity { unit, .. }
            if unit == super::rank::RANK_UNIT || super::score::is_scale(unit));
        if ranked_or_scored {
            if let Some(time) = time_scope(ctx, &Figure { first, last }, &dates) {
                d.property = format!("{} {time}", d.property);
            }
            d.subject = Some(topic.clone());
            continue;
        }
        // "275 deaths" on a page with no incident of its own: the victim grammar's figure
        // of the reported event is the topic's deaths, when a noun names them.
        let deaths = d.property == "killed"
            && d.subject
                .as_ref()
                .is_some_and(|s| s.key == crate::model::EVENT_KEY)
            && ctx.t.c.topic.named(ctx.lower(last)) == DEATHS;
        let Some(defaulted) = ruled(&d.property).or(deaths.then_some(false)) else {
            continue;
        };
        let figure = Figure { first, last };
        // Whatever the count's subject: "2015–16 European football season" names a season,
        // and "28 provinces" after "15 out of" is the whole the part is of.
        if PERIODS.contains(&ctx.lower(last)) && d.property == "count" {
            d.subject = None;
            continue;
        }
        let whole = is_whole(ctx, first);
        if whole
            && d.subject
                .as_ref()
                .is_some_and(|s| s.text.chars().any(char::is_uppercase))
        {
            d.property = format!("{} in all", d.property);
            continue;
        }
        let sentence = ctx.tokens[first].sentence;
        let last_verb = shared.take().filter(|(s, _)| *s == sentence);
        let named = if deaths {
            Some(DEATHS.to_string())
        } else {
            (!defaulted).then(|| d.property.clone())
        };
        let found = topic_property(ctx, d, figure, topic, &dates, last_verb, named);
        if let Some((property, verb)) = found {
            d.subject = Some(topic.clone());
            d.property = property;
            shared = verb.map(|v| (sentence, v));
        }
    }
}

/// Makes `topic` the subject of every date that names no event of its own but follows a verb
/// of the topic's life ("was released on 2 September 2016", "was founded in 1901"): the date
/// of the topic's release, founding, birth. A denied one ("were not announced on 18 June") is
/// left alone. Any other date is dated by the words of its clause ([`Clauses::event`]).
pub fn attach_dates(ctx: &Context, topic: &Subject, drafts: &mut [Draft]) {
    let events = &ctx.t.c.topic.events;
    // Where every figure stands, the dates among them: a sentence with several dates
    // ("launched in Indonesia on 8 January, in Singapore on 10 January") dates several events,
    // which one verb does not tell apart, so its dates are dated by their clause.
    let placed: Vec<(bool, TokenSpan)> = drafts
        .iter()
        .filter_map(|d| {
            let span = (
                first_token(ctx, d.start, d.end)?,
                last_token(ctx, d.start, d.end)?,
            );
            Some((d.kind == ClaimKind::Date, span))
        })
        .collect();
    let figures: Vec<TokenSpan> = placed.iter().map(|&(_, span)| span).collect();
    let spans: Vec<TokenSpan> = placed
        .iter()
        .filter(|&&(date, _)| date)
        .map(|&(_, span)| span)
        .collect();
    let mut per_sentence: HashMap<usize, usize> = HashMap::default();
    for &(first, _) in &spans {
        *per_sentence.entry(ctx.tokens[first].sentence).or_default() += 1;
    }
    let mut clauses = Clauses::new(ctx, topic, &spans, &figures);
    for d in drafts.iter_mut() {
        if d.kind != ClaimKind::Date || d.subject.is_some() {
            continue;
        }
        let (Some(first), Some(last)) = (
            first_token(ctx, d.start, d.end),
            last_token(ctx, d.start, d.end),
        ) else {
            continue;
        };
        let sentence = ctx.tokens[first].sentence;
        // "born after 1967", "released before 2000", "prior to 3 May": a bound on the date.
        let begin = ctx.sentences[sentence].start;
        let (bound, from) = date_bound(ctx, first, begin);
        // The word of the lexicon before the date, in a sentence of one date.
        let event = (per_sentence.get(&sentence) == Some(&1))
            .then(|| {
                (begin..from)
                    .rev()
                    .take_while(|&k| k + 9 > first && !matches!(ctx.lower(k), "," | ";" | ":"))
                    .find(|&k| events.contains(ctx.lower(k)))
            })
            .flatten();
        let Some(at) = event else {
            // No word of the lexicon: the words of the date's clause say what it dates.
            if let Some(s) = clauses.event(first, last) {
                if let Value::Date(v) = &mut d.value {
                    v.bound = bound.or_else(|| as_of(ctx, first, begin));
                }
                d.subject = Some(s);
            }
            continue;
        };
        let denied = (begin..at).any(|j| negates(ctx, j));
        if denied {
            continue;
        }
        let word = ctx.lower(at);
        if let Value::Date(v) = &mut d.value {
            v.bound = bound;
        }
        // "birth" and "born", "death" and "died": one event, as the lexicon names it; and
        // where it happened, when the words between say ("released in Japan on 3 May").
        let event = ctx.t.c.topic.named(word);
        // (A birth or a death happens once, wherever it does.)
        let place = (at + 1..from)
            .filter(|_| !ONCE_EVENTS.contains(&event.as_str()))
            .find(|&j| ctx.lower(j) == "in")
            .and_then(|j| place_at(ctx, j + 1, from))
            .filter(|p| !in_topic(topic, p));
        let (text, key) = match place {
            Some(p) => (
                format!("{} {word} in {p}", topic.text),
                format!("{} {} in {}", topic.key, stem(&event), p.to_lowercase()),
            ),
            None => (
                format!("{} {word}", topic.text),
                format!("{} {}", topic.key, stem(&event)),
            ),
        };
        d.subject = Some(Subject { text, key });
    }
}

/// Separates a topic's key from the words of a date's clause in the key of a date that no
/// event word names ([`Clauses::event`]); alignment takes two such dates as one event when their
/// words say the same ([`event_words`]).
pub const CLAUSE_MARK: &str = " ~ ";

/// A figure's first and last token.
type TokenSpan = (usize, usize);

/// Most words of a clause kept to say what its date dates.
const MAX_CLAUSE_WORDS: usize = 24;

/// The clauses of one document's sentences and what each says it dates ([`Clauses::event`]),
/// each clause read once however many dates it holds.
struct Clauses<'c, 'a> {
    ctx: &'c Context<'a>,
    topic: &'c Subject,
    /// The topic's own words, stemmed: every clause of its page holds them.
    topic_words: Vec<String>,
    /// Whether each token is part of a figure, and of a date.
    in_figure: Vec<bool>,
    in_date: Vec<bool>,
    /// The semicolons of each sentence seen so far.
    cuts: HashMap<usize, Vec<usize>>,
    read: HashMap<(usize, usize), Option<Subject>>,
}

impl<'c, 'a> Clauses<'c, 'a> {
    fn new(
        ctx: &'c Context<'a>,
        topic: &'c Subject,
        dates: &[TokenSpan],
        figures: &[TokenSpan],
    ) -> Self {
        let mask = |spans: &[TokenSpan]| {
            let mut m = vec![false; ctx.tokens.len()];
            for &(f, l) in spans {
                for x in m.iter_mut().take(l + 1).skip(f) {
                    *x = true;
                }
            }
            m
        };
        Clauses {
            ctx,
            topic,
            topic_words: topic
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(event_stem)
                .collect(),
            in_figure: mask(figures),
            in_date: mask(dates),
            cuts: HashMap::default(),
            read: HashMap::default(),
        }
    }

    /// The subject of a date (tokens `first..=last`) that no event word names: the topic, with
    /// the content words of the date's clause (its sentence, or the part of it between
    /// semicolons), stemmed ("The tower's redevelopment was in 1997" and "In 1997 the owners
    /// decided to redevelop the tower" share `redevelop`, `tower`). Every date of one clause
    /// gets the same words, so that a date is held against all the dates its clause gives.
    /// None when the clause denies what it says, holds a year no reader took as a date, or
    /// holds no content word.
    fn event(&mut self, first: usize, last: usize) -> Option<Subject> {
        let ctx = self.ctx;
        let sentence = ctx.tokens[first].sentence;
        let range = ctx.sentences[sentence].clone();
        let cuts = self
            .cuts
            .entry(sentence)
            .or_insert_with(|| range.clone().filter(|&j| ctx.lower(j) == ";").collect());
        let at = cuts.partition_point(|&c| c < first);
        let from = at.checked_sub(1).map_or(range.start, |k| cuts[k] + 1);
        let to = cuts.get(at).copied().unwrap_or(range.end).max(last + 1);
        if let Some(known) = self.read.get(&(from, to)) {
            return known.clone();
        }
        let found = self.read_clause(from, to);
        self.read.insert((from, to), found.clone());
        found
    }

    fn read_clause(&self, from: usize, to: usize) -> Option<Subject> {
        let ctx = self.ctx;
        // A year the date reader left ("in 2013 and 2014", "(1986)") is a date the clause holds
        // that the others would not be held against.
        let unread_year = |j: usize| {
            let w = ctx.lower(j);
            w.len() == 4
                && w.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
                && !self.in_figure.get(j).copied().unwrap_or(false)
                // "the 2014 Winter Olympics" names a thing.
                && !(j > 0 && matches!(ctx.lower(j - 1), "the" | "a" | "an" | "its" | "their"))
        };
        if (from..to).any(|j| negates(ctx, j) || unread_year(j)) {
            return None;
        }
        let stop = &ctx.t.c.stop_words;
        let words = &ctx.t.rules.dates;
        let mut shown: Vec<&str> = Vec::new();
        let mut stems: Vec<String> = Vec::new();
        for j in from..to {
            let w = ctx.lower(j);
            if w.chars().count() < 3
                || !w
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                || stop.contains(w)
                || words.months.contains_key(w)
                || words.weekdays.contains_key(w)
                || words.units.contains_key(w)
                || self.in_date.get(j).copied().unwrap_or(false)
            {
                continue;
            }
            // "established" is the founding, as the lexicon names it.
            let s = event_stem(&ctx.t.c.topic.named(w));
            if self.topic_words.contains(&s) || stems.contains(&s) {
                continue;
            }
            stems.push(s);
            if shown.len() < 6 {
                shown.push(ctx.tok_text(j));
            }
            if stems.len() == MAX_CLAUSE_WORDS {
                break;
            }
        }
        if stems.is_empty() {
            return None;
        }
        stems.sort_unstable();
        Some(Subject {
            text: format!("{} ({})", self.topic.text, shown.join(" ")),
            key: format!("{}{CLAUSE_MARK}{}", self.topic.key, stems.join(" ")),
        })
    }
}

/// The bound of a date that stamps the time a statement holds at ("as of 3 March", "as at
/// 2019"): what it says held by then, so two such times never contradict each other.
fn as_of(ctx: &Context, first: usize, begin: usize) -> Option<DateBound> {
    (first >= begin + 2
        && ctx.lower(first - 2) == "as"
        && matches!(ctx.lower(first - 1), "of" | "at"))
    .then_some(DateBound::Until)
}

/// A word's stem for telling events apart: [`stem`], and a noun made of a verb by "-ment"
/// meets the verb ("redevelopment", "redeveloped").
fn event_stem(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w
        .strip_suffix("ments")
        .or_else(|| w.strip_suffix("ment"))
        .filter(|r| r.len() >= 4)
        .unwrap_or(&w);
    stem(w)
}

/// The topic key and the clause words of a date's key made by [`Clauses::event`], or none for
/// any other key.
pub fn event_words(key: &str) -> Option<(&str, Vec<&str>)> {
    let (topic, words) = key.split_once(CLAUSE_MARK)?;
    Some((topic, words.split(' ').collect()))
}

/// Events, as the lexicon names them, that happen once to a topic wherever they happen.
const ONCE_EVENTS: &[&str] = &["born", "death"];

/// The bound the words before a date at token `first` put on it, and the token where the
/// words before the bound begin: "before 1999" is [`DateBound::Before`], "prior to 3 May"
/// too, "by 2010" and "until 2010" are on or before it, "since 2004" on or after it.
fn date_bound(ctx: &Context, first: usize, begin: usize) -> (Option<DateBound>, usize) {
    let word = |n: usize| {
        first
            .checked_sub(n)
            .filter(|&k| k >= begin)
            .map_or("", |k| ctx.lower(k))
    };
    // "on or before", "the day after": the last word decides, the rest is skipped.
    let (bound, len) = match (word(2), word(1)) {
        ("prior", "to") => (Some(DateBound::Before), 2),
        (_, "before") => (Some(DateBound::Before), 1),
        (_, "after" | "following") => (Some(DateBound::After), 1),
        (_, "until" | "till" | "by") => (Some(DateBound::Until), 1),
        (_, "since") => (Some(DateBound::Since), 1),
        ("after", "the") => (Some(DateBound::After), 2),
        ("before", "the") => (Some(DateBound::Before), 2),
        ("by" | "until" | "till", "the") => (Some(DateBound::Until), 2),
        _ => (None, 0),
    };
    let mut from = first - len.min(first - begin);
    // "on or before" is "until"; "on or after" is "since".
    if bound.is_some() && word(len + 1) == "or" && word(len + 2) == "on" {
        from -= 2;
        let bound = match bound {
            Some(DateBound::Before) => Some(DateBound::Until),
            Some(DateBound::After) => Some(DateBound::Since),
            b => b,
        };
        return (bound, from);
    }
    (bound, from)
}

/// Whether token `j` denies what follows it ("not", "never").
fn negates(ctx: &Context, j: usize) -> bool {
    matches!(ctx.lower(j), "not" | "never" | "n't")
}

/// What a figure states about the document's topic, with the place and the time it holds
/// for, or none when the figure is not about the topic as a whole; and the verb it took, if
/// any, for the next figure of its sentence (`shared`: the last figure's verb). `named`: the
/// property the rules' words gave the figure, kept as it is.
fn topic_property(
    ctx: &Context,
    d: &mut Draft,
    figure: Figure,
    topic: &Subject,
    dates: &[(usize, DateValue)],
    shared: Option<(usize, String)>,
    named: Option<String>,
) -> Option<(String, Option<String>)> {
    let Figure { first, last } = figure;
    let c = &ctx.t.c;
    // "of which 34 have recovered", "15 out of 28": a part of a whole told before it.
    if is_part(ctx, first) {
        return None;
    }
    // A count states its counted noun ("a season of 76 games": games); a measure the noun or
    // verb linked to it ("a budget of $80 million", "valued at $10 billion").
    let counted = match &d.subject {
        // "94 crore worldwide": a scope word after a scale is no counted noun; the scope is
        // read below.
        Some(s) if c.topic.scope_words.contains_key(&s.key) => None,
        // "$6 million in Canada", "$4 million in other territories": where the figure holds,
        // read below as its scope, not what it counts.
        Some(s) if placed_after(ctx, figure, &s.text) => None,
        Some(s) if !s.text.chars().any(char::is_uppercase) => Some(s.key.clone()),
        // A name the topic holds ("API" on the pages of the Larkspur API) is the topic.
        Some(s) if in_topic(topic, &s.text) => None,
        // "COVID-19 cases" on the page of a coronavirus pandemic: the topic's own cases.
        Some(s) => Some(named_noun(topic, s, &c.topic.name_aliases)?),
        None => None,
    };
    let is_count = matches!(&d.value, Value::Quantity { unit, .. } if unit == "count");
    let mut counted = counted;
    if is_count && let Some(s) = &d.subject {
        // People are counted by what happened to them, which the verb after the count tells
        // ("60 people reviewed it", "5,000 residents have tested positive") or the verb that
        // takes them ("hosted 40,000 people"); a topic that has them ("has 2 million
        // customers") counts the people themselves. Otherwise not a topic's figure.
        if c.person_nouns.contains(&s.key) || c.person_nouns.contains(&s.text.to_lowercase()) {
            // "8.958 people": no count of people has decimals; three digits after one point
            // group thousands in many languages' style, so the figure may be 8,958.
            let written = ctx.tok_text(first);
            if let Some((whole, part)) = written.split_once('.')
                && part.len() == 3
                && (1..=3).contains(&whole.len())
                && !part.contains('.')
            {
                d.doubts.push(crate::model::Doubt::new(
                    crate::model::Aspect::Value,
                    "a count of people written with three decimals: the point may group thousands",
                ));
            }
            counted = match verb_after(ctx, last)
                .or_else(|| verb_before(ctx, first))
                .or_else(|| linked_noun(ctx, first))
            {
                Some(verb) => Some(verb),
                None if has_before(ctx, first) => counted,
                None => return None,
            };
        }
        // "the 2015 season", "2015–16 season": a figure before a stretch of time names it.
        if PERIODS.contains(&ctx.lower(last)) {
            return None;
        }
    }
    // "grossed $3 million worldwide and $1 million abroad", "..., including $2 million in
    // Canada": the verb of the figure before carries over.
    let joined = first
        .checked_sub(1)
        .is_some_and(|k| matches!(ctx.lower(k), "and" | "or" | "including"));
    let verb =
        verb_before(ctx, first).or_else(|| shared.clone().filter(|_| joined).map(|(_, v)| v));
    // "for a worldwide total of $8 million": a total of what the sentence's verb told of,
    // with the scope written before the noun.
    let total = linked_total(ctx, first).and_then(|(scope, own)| {
        let v = own.or_else(|| shared.clone().map(|(_, v)| v))?;
        Some(match scope {
            Some(scope) if !whole_world(&scope, topic) => format!("{v} {scope}"),
            _ => v,
        })
    });
    let linked = || {
        total
            .clone()
            .or_else(|| running_total(ctx, first))
            .or_else(|| linked_noun(ctx, first))
            .or_else(|| verb.clone())
    };
    // A property the rules name by its words is what the figure states.
    let ruled = named.is_some();
    let is_share = matches!(&d.value, Value::Quantity { unit, .. } if unit == "%");
    let noun = if let Some(named) = named {
        named
    } else if is_count {
        counted.or_else(linked)?
    } else if is_share && d.subject.is_none() {
        // "39% of 88 critics", "in 20% of cases": a share of the noun after "of".
        linked().or_else(|| share_of(ctx, last, topic))?
    } else {
        linked().or(counted)?
    };
    let took_verb = verb.filter(|v| *v == noun);
    // "15 other realms", "a further 25 million customers": a part of the whole, told apart
    // from it by words the figure itself does not carry.
    // ("$1 million in other territories" is a scope, read below.)
    let own = (first..=last)
        .find(|&k| ctx.lower(k) == "in")
        .unwrap_or(last + 1);
    if (first..own)
        .any(|k| c.topic.partial_modifiers.contains(ctx.lower(k)) && ctx.lower(k + 1) != "than")
    {
        return None;
    }
    if noun == "age" {
        age_bound(ctx, first, d);
        // "at the age of thirteen": an age told as a bare figure is in years.
        if let Value::Quantity { unit, .. } = &mut d.value
            && unit == "count"
        {
            *unit = "yr".to_string();
        }
    }
    strict_bound(ctx, first, d, is_count);
    let mut property = if ruled {
        singular(&noun)
    } else {
        c.topic.named(&singular(&noun))
    };
    if property.len() < 3 {
        return None;
    }
    // "new cases" are not "cases".
    if let Some(k) = (first..=last).find(|&k| c.topic.contrast_modifiers.contains(ctx.lower(k))) {
        property = format!("{} {property}", ctx.lower(k));
    }
    if is_whole(ctx, first) {
        property = format!("{property} in all");
    }
    // "worldwide" is the whole of a topic that is not itself held to a place: a film's gross
    // "worldwide" is its gross; the cases of "the pandemic in Spain" worldwide are not Spain's.
    if let Some(place) = place_scope(ctx, &figure, topic)
        && !property.ends_with(&place)
        && !whole_world(&place, topic)
    {
        property = format!("{property} {place}");
    }
    if let Some(time) = time_scope(ctx, &figure, dates) {
        property = format!("{property} {time}");
    }
    Some((property, took_verb))
}

/// What a share is a share of, from the words after "of" that follow the figure ending at
/// token `last`: "of 88 critics" is `share of critic`, "of the families" `share of family`,
/// "of Hot Topic's revenue" on Hot Topic's page `share of revenue`: the names before the
/// first lowercase word, less the topic's, and that word. A pronoun ("of those") names nothing.
fn share_of(ctx: &Context, last: usize, topic: &Subject) -> Option<String> {
    let toks = ctx.tokens;
    let sentence = toks.get(last)?.sentence;
    let mut j = last + 1;
    if toks.get(j)?.sentence != sentence || ctx.lower(j) != "of" {
        return None;
    }
    j += 1;
    let mut words: Vec<String> = Vec::new();
    let mut name: Vec<String> = Vec::new();
    while j < toks.len() && toks[j].sentence == sentence && words.len() < 3 {
        let t = &toks[j];
        let w = ctx.lower(j);
        if matches!(w, "the" | "all" | "its" | "their" | "his" | "her") && words.is_empty() {
            j += 1;
            continue;
        }
        if t.kind == TokenKind::Number && words.is_empty() && name.is_empty() {
            j += 1;
            continue;
        }
        let word = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Mixed | TokenKind::Number
        );
        if !word || ctx.t.c.stop_words.contains(w) {
            break;
        }
        // A name the topic holds ("of Hot Topic's revenue") is the topic itself.
        if t.capitalized || (t.kind == TokenKind::Number && !name.is_empty()) {
            name.push(w.trim_end_matches("'s").to_string());
            j += 1;
            continue;
        }
        if !name.is_empty() {
            let held = in_topic(topic, &name.join(" "));
            if !held {
                words.append(&mut name);
            }
            name.clear();
        }
        // "of the world's population": the possessor is not the head.
        if w.ends_with("'s") {
            j += 1;
            continue;
        }
        // The head noun, first of the lowercase words: "of 88 critics liked" is of critics.
        words.push(singular(w));
        break;
    }
    if !name.is_empty() && !in_topic(topic, &name.join(" ")) {
        words.append(&mut name);
    }
    if words.is_empty()
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "those" | "them" | "it" | "which"))
    {
        return None;
    }
    Some(format!("share of {}", words.join(" ")))
}

/// Whether a scope is the whole world ("worldwide", "globally", "around the world") for a
/// topic that its own name does not hold to a place ("2020 pandemic in Peru", "Flooding across
/// Texas"): then the scope is the topic's whole, as if unsaid.
fn whole_world(scope: &str, topic: &Subject) -> bool {
    let words: Vec<&str> = topic.text.split_whitespace().collect();
    let placed = words.windows(2).any(|w| {
        matches!(w[0], "in" | "across" | "within")
            && w[1].chars().next().is_some_and(char::is_uppercase)
    });
    scope == "worldwide" && !placed
}

/// Whether `name` follows "in" (or "outside", "across") right after the figure: "$6 million in
/// Canada" holds in Canada.
fn placed_after(ctx: &Context, f: Figure, name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let Some(head) = words.first() else {
        return false;
    };
    let end = ctx.sentences[ctx.tokens[f.first].sentence].end;
    (f.last + 1..(f.last + 3).min(end)).any(|k| {
        matches!(ctx.lower(k), "in" | "outside" | "across" | "within")
            && (k + 1..(k + 4).min(end)).any(|j| {
                let w = ctx.lower(j);
                w == head.as_str() || singular(w) == singular(head)
            })
    })
}

/// Whether `name` is a word or run of words of the topic's name: "API" of "Larkspur API",
/// "Westlife" of "Westlife".
fn in_topic(topic: &Subject, name: &str) -> bool {
    let name = plain_words(name);
    !name.is_empty() && format!(" {} ", plain_words(&topic.text)).contains(&format!(" {name} "))
}

/// The common noun of a subject "Name noun" ("COVID-19 cases", "Westlife singles") whose name
/// the topic holds, itself or under another name the lexicon knows: `case`, `single`.
fn named_noun(
    topic: &Subject,
    subject: &Subject,
    aliases: &HashMap<String, String>,
) -> Option<String> {
    let words: Vec<&str> = subject.text.split_whitespace().collect();
    let named = words
        .iter()
        .rposition(|w| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()))?;
    let (name, noun) = (words[..=named].join(" "), &words[named + 1..]);
    if noun.is_empty()
        || noun
            .iter()
            .any(|w| w.chars().any(|c| !c.is_alphabetic() && c != '-'))
    {
        return None;
    }
    let alias = aliases.get(&name.to_lowercase());
    (in_topic(topic, &name) || alias.is_some_and(|a| in_topic(topic, a)))
        .then(|| singular_phrase(&noun.join(" ").to_lowercase()))
}

/// Whether the figure at `first` is the whole that a part before it is of: "28" in "15 out of
/// 28 provinces" or "15 of 28 provinces".
fn is_whole(ctx: &Context, first: usize) -> bool {
    first >= 2
        && ctx.lower(first - 1) == "of"
        && (ctx.tokens[first - 2].kind == TokenKind::Number
            || ctx.lower(first - 2) == "out"
            || ctx.t.rules.number_words.contains_key(ctx.lower(first - 2)))
}

/// Whether the figure at `first` is a part of a whole told just before it: "of which 34",
/// "of whom 12", "out of which 114", "of those 18".
fn is_part(ctx: &Context, first: usize) -> bool {
    let before = |n: usize| first.checked_sub(n).map_or("", |k| ctx.lower(k));
    matches!(before(1), "which" | "whom" | "those" | "these" | "them")
        && matches!(before(2), "of" | "among")
}

/// "more than 17 seasons" excludes 17: a count over a precise figure starts at the next whole
/// number, and a measure over it starts half its last digit above ("under 5.6" is at most
/// 5.55). A round figure ("more than 24 million", "over 70,000") is taken as rounded, and its
/// bound is left as written: "24 million" elsewhere may be the same figure rounded down.
fn strict_bound(ctx: &Context, first: usize, d: &mut Draft, is_count: bool) {
    // "averaged over 79 critics" spreads an average across them; it bounds nothing.
    if first
        .checked_sub(1)
        .is_some_and(|k| ACROSS_VERBS.contains(&ctx.lower(k)))
    {
        return;
    }
    // The victim grammar writes "more than 24 people died" as "≥ 24": its words say whether
    // the bound is strict.
    let (strict_above, strict_below) = strict_words(ctx, first, d.end);
    let above = d.label.starts_with("> ") || (d.label.starts_with("≥ ") && strict_above);
    let below = d.label.starts_with("< ") || (d.label.starts_with("≤ ") && strict_below);
    if !above && !below {
        return;
    }
    let Value::Quantity { low, high, .. } = &mut d.value else {
        return;
    };
    let Some(v) = (if above { *low } else { *high }) else {
        return;
    };
    let Some(step) = last_digit_step(v) else {
        return;
    };
    // A count of whole things starts at the next one; a figure with decimals ("over 0.69") is
    // a measure whatever its unit.
    let step = if is_count && step >= 1.0 {
        step
    } else {
        step / 2.0
    };
    // Free of binary noise: 0.69 + 0.005 is 0.695, not 0.6950000000000001.
    let tidy = |x: f64| {
        let scale = 10f64.powi(12 - x.abs().log10().ceil().max(0.0) as i32);
        (x * scale).round() / scale
    };
    if above {
        *low = Some(tidy(v + step));
    } else {
        *high = Some(tidy(v - step));
    }
    // The victim grammar's "≤ 12 killed" is "< 12 killed" once the bound is strict.
    if let Some(rest) = d.label.strip_prefix("≥ ") {
        d.label = format!("> {rest}");
    } else if let Some(rest) = d.label.strip_prefix("≤ ") {
        d.label = format!("< {rest}");
    }
}

/// Whether the first figure of the phrase from token `first` up to byte `end` follows a hedge
/// of a strict bound: above ("more than", "over") or below ("less than", "under").
fn strict_words(ctx: &Context, first: usize, end: usize) -> (bool, bool) {
    let bound = (first..ctx.tokens.len())
        .take_while(|&k| ctx.tokens[k].start < end)
        .find(|&k| ctx.tokens[k].kind == TokenKind::Number)
        .and_then(|k| ctx.t.bound_before(ctx.tokens, k))
        .filter(|b| b.strict);
    (
        bound.is_some_and(|b| b.lower),
        bound.is_some_and(|b| !b.lower),
    )
}

/// Verbs after which "over" spreads something across a figure rather than bounding it.
const ACROSS_VERBS: &[&str] = &["averaged", "spread", "split", "divided", "distributed"];

/// "before the age of 18" is an age under 18, "after the age of 18" one over it.
fn age_bound(ctx: &Context, first: usize, d: &mut Draft) {
    let Some(k) = first.checked_sub(3) else {
        return;
    };
    if ctx.lower(k + 1) != "age" || ctx.lower(k + 2) != "of" {
        return;
    }
    let k = if ctx.lower(k) == "the" {
        k.checked_sub(1)
    } else {
        Some(k)
    };
    let Some(k) = k else {
        return;
    };
    if let Value::Quantity { low, high, .. } = &mut d.value {
        match ctx.lower(k) {
            "before" | "under" | "until" | "by" => *low = None,
            "after" | "over" | "past" | "beyond" => *high = None,
            _ => {}
        }
    }
}

/// The tokens a figure's claim covers.
#[derive(Clone, Copy)]
struct Figure {
    first: usize,
    last: usize,
}

/// The first token inside a byte range.
fn first_token(ctx: &Context, start: usize, end: usize) -> Option<usize> {
    let first = ctx.tokens.partition_point(|t| t.end <= start);
    ctx.tokens
        .get(first)
        .is_some_and(|t| t.start < end)
        .then_some(first)
}

/// The last token inside a byte range.
fn last_token(ctx: &Context, start: usize, end: usize) -> Option<usize> {
    let last = ctx
        .tokens
        .partition_point(|t| t.start < end)
        .checked_sub(1)?;
    ctx.tokens
        .get(last)
        .is_some_and(|t| t.end > start)
        .then_some(last)
}

/// Words that link a noun to the figure after it: "a rating of 45%", "attendance was 62,000",
/// "the budget stood at $5 million".
const LINKS: &[&str] = &[
    "of", "was", "is", "were", "are", "at", "to", "be", "been", "reached", "stood", "totaled",
    "totalled",
];

/// Verbs of change before "to" and a figure: "the cases rose to 105".
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "increased",
    "grew",
    "grown",
    "climbed",
    "jumped",
    "fell",
    "dropped",
    "declined",
    "decreased",
];

/// The noun that a link word ties to the figure after it: "a seating capacity of 60,000"
/// states a capacity, "the biggest attendance was 62,241 fans" an attendance.
fn linked_noun(ctx: &Context, first: usize) -> Option<String> {
    let toks = ctx.tokens;
    let begin = ctx.sentences[toks[first].sentence].start;
    let mut k = first;
    // "a population of only 245,800": "only" stands between the link and its figure.
    if k > begin && matches!(ctx.lower(k - 1), "only" | "just") {
        k -= 1;
    }
    let mut links = 0;
    while links < 3 && k > begin && LINKS.contains(&ctx.lower(k - 1)) {
        k -= 1;
        links += 1;
    }
    if links == 0 {
        return None;
    }
    let c = &ctx.t.c;
    // "the total number of cases registered in the region is 457": the figure is the number
    // of the noun after "number of".
    if let Some(of) = (k.saturating_sub(10).max(begin + 1)..k)
        .find(|&j| ctx.lower(j) == "of" && ctx.lower(j - 1) == "number")
        && let Some(w) = toks
            .get(of + 1)
            .filter(|t| t.kind == TokenKind::Word && of + 1 < k)
        && !c.stop_words.contains(w.lower.as_str())
        && (of + 1..k).all(|j| !matches!(ctx.tok_text(j), "," | ";" | ":"))
    {
        return Some(w.lower.clone());
    }
    // "the cases rose to 105": what rose is the noun before the verb of change.
    if ctx.lower(k) == "to"
        && k >= begin + 2
        && CHANGE_VERBS.contains(&ctx.lower(k - 1))
        && toks[k - 2].kind == TokenKind::Word
        && !toks[k - 2].capitalized
        && !c.stop_words.contains(ctx.lower(k - 2))
    {
        return Some(ctx.lower(k - 2).to_string());
    }
    // "an upload may be at most 50 MB": past the modal.
    if k > begin && MODALS.contains(&ctx.lower(k - 1)) {
        k -= 1;
    }
    let mut noun = k.checked_sub(1).filter(|&n| n >= begin)?;
    // "The budget of the film Dark Harbor was $40 million": the noun before "of" and a name.
    if toks[noun].capitalized
        && let Some(of) = (noun.saturating_sub(8).max(begin)..noun)
            .rev()
            .find(|&j| ctx.lower(j) == "of")
        && (of + 1..k).all(|j| toks[j].kind == TokenKind::Word)
        // Names, and one common noun at most ("of the film").
        && (of + 1..k)
            .filter(|&j| !toks[j].capitalized && !c.stop_words.contains(ctx.lower(j)))
            .count()
            <= 1
        && of > begin
    {
        noun = of - 1;
    } else if noun >= begin + 3
        && !toks[noun].capitalized
        && matches!(ctx.lower(noun - 1), "the" | "its" | "this")
        && ctx.lower(noun - 2) == "of"
        && toks[noun - 3].kind == TokenKind::Word
    {
        // "the total collection of the film stood at 54 crore": the noun before "of the film".
        noun -= 3;
    }
    let t = &toks[noun];
    let word = t.lower.as_str();
    // "valued at", "rated at", "estimated at": the participle says what the figure is.
    // ("Uploads of up to 50 MB": a capital that only opens the sentence is no name.)
    let plain = t.kind == TokenKind::Word
        && (!t.capitalized || (noun == begin && !t.is_acronym(ctx.text)))
        && !c.stop_words.contains(word)
        && !c.generic_heads.contains(word)
        && !c.topic.partial_modifiers.contains(word)
        && !word.ends_with("ly");
    if !plain {
        return None;
    }
    // "a box office of": a two-word name of a property the lexicon knows.
    if let Some(before) = noun.checked_sub(1).filter(|&b| b >= begin) {
        let phrase = format!("{} {word}", ctx.lower(before));
        if c.topic.synonyms.contains_key(&stem_phrase(&phrase)) {
            return Some(phrase);
        }
    }
    Some(word.to_string())
}

/// Words between a count and its noun that say which of them it counts, not what they are.
const COUNT_MODIFIERS: &[&str] = &["new", "more", "additional", "further", "confirmed", "other"];

/// What a running total counts: "nine new cases were confirmed, bringing the total to 61" is a
/// total of cases, the noun the sentence counted before "the total to".
fn running_total(ctx: &Context, first: usize) -> Option<String> {
    let toks = ctx.tokens;
    let before = |n: usize| first.checked_sub(n).map_or("", |k| ctx.lower(k));
    if !(before(1) == "to" && before(2) == "total") {
        return None;
    }
    let begin = ctx.sentences[toks[first].sentence].start;
    let total = first - 2;
    (begin..total).rev().find_map(|k| {
        let figure = toks[k].kind == TokenKind::Number
            || ctx.t.rules.number_words.contains_key(&toks[k].lower);
        if !figure {
            return None;
        }
        let noun =
            (k + 1..(k + 4).min(total)).find(|&j| !COUNT_MODIFIERS.contains(&ctx.lower(j)))?;
        let t = &toks[noun];
        (t.kind == TokenKind::Word && !t.capitalized && !ctx.t.c.stop_words.contains(&t.lower))
            .then(|| t.lower.clone())
    })
}

/// Whether the figure at `first` is "a total of" (or "a sum of"), with the scope word written
/// before the noun ("a worldwide total of"), if any, and the verb right before the phrase
/// ("grossed a total of"), if any.
fn linked_total(ctx: &Context, first: usize) -> Option<(Option<String>, Option<String>)> {
    let of = first.checked_sub(1)?;
    let noun = of.checked_sub(1)?;
    let begin = ctx.sentences[ctx.tokens[first].sentence].start;
    if noun < begin || ctx.lower(of) != "of" || !matches!(ctx.lower(noun), "total" | "sum") {
        return None;
    }
    let scope = noun
        .checked_sub(1)
        .filter(|&k| k >= begin)
        .and_then(|k| ctx.t.c.topic.scope_words.get(ctx.lower(k)))
        .cloned();
    // "has grossed a total of": the verb before the phrase, past its article.
    let mut k = noun - usize::from(scope.is_some());
    if k > begin && matches!(ctx.lower(k - 1), "a" | "the") {
        k -= 1;
    }
    Some((scope, verb_before(ctx, k)))
}

/// Modal verbs between a noun and the link to its figure.
const MODALS: &[&str] = &[
    "may", "can", "must", "should", "will", "would", "could", "might",
];

/// The verb that takes a figure with no noun of its own: "grossed $5 million", "scored 92%".
fn verb_before(ctx: &Context, first: usize) -> Option<String> {
    let toks = ctx.tokens;
    let k = first.checked_sub(1)?;
    let t = &toks[k];
    let c = &ctx.t.c;
    let word = t.lower.as_str();
    let verb = t.kind == TokenKind::Word
        && !t.capitalized
        && t.sentence == toks[first].sentence
        && (c.topic.figure_verbs.contains(word)
            || (word.ends_with("ing") && c.topic.synonyms.contains_key(&stem(word)))
            || (!c.stop_words.contains(word)
                && (word.ends_with("ed")
                    || (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")))));
    verb.then(|| word.to_string())
}

/// Words between a count of people and the verb that tells what they did or what happened to
/// them ("5,000 residents have since tested positive").
const BEFORE_VERB: &[&str] = &[
    "have",
    "has",
    "had",
    "were",
    "was",
    "are",
    "is",
    "been",
    "who",
    "that",
    "already",
    "since",
    "also",
    "reportedly",
    "so",
    "far",
];

/// The verb after a count of people that ends at token `last`: "reviewed", "tested positive".
fn verb_after(ctx: &Context, last: usize) -> Option<String> {
    let toks = ctx.tokens;
    let sentence = toks.get(last)?.sentence;
    let c = &ctx.t.c;
    // "1,200 people with confirmed infection have died": a short "with" phrase between the
    // people and what happened to them, up to the auxiliary.
    let mut from = last + 1;
    if from < toks.len() && ctx.lower(from) == "with" {
        from = (from + 1..(from + 5).min(toks.len()))
            .take_while(|&k| toks[k].sentence == sentence && toks[k].kind == TokenKind::Word)
            .find(|&k| matches!(ctx.lower(k), "have" | "has" | "had" | "were" | "was"))
            .unwrap_or(from);
    }
    let k = (from..(from + 4).min(toks.len()))
        .take_while(|&k| toks[k].sentence == sentence)
        .find(|&k| !BEFORE_VERB.contains(&ctx.lower(k)))?;
    let t = &toks[k];
    let word = t.lower.as_str();
    let verb = t.kind == TokenKind::Word
        && !t.capitalized
        && t.sentence == sentence
        && !c.stop_words.contains(word)
        && (word.ends_with("ed") || c.topic.figure_verbs.contains(word));
    if !verb {
        return None;
    }
    // "tested positive", "recovered fully": a phrase the lexicon names goes whole.
    let phrase = format!("{word} {}", ctx.lower(k + 1));
    let (verb, next) = if c.topic.synonym(&phrase).is_some() {
        (phrase, k + 2)
    } else {
        (word.to_string(), k + 1)
    };
    // "infected with measles" and "infected with mumps" count different people.
    let with = ctx.lower(next + 1);
    if ctx.lower(next) == "with"
        && toks
            .get(next + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && t.sentence == sentence)
        && !c.stop_words.contains(with)
    {
        return Some(format!("{verb} with {with}"));
    }
    Some(verb)
}

/// Whether the figure at token `first` is had by its subject ("has 2 million customers",
/// "with 300 members").
fn has_before(ctx: &Context, first: usize) -> bool {
    first.checked_sub(1).is_some_and(|k| {
        matches!(
            ctx.lower(k),
            "has"
                | "have"
                | "had"
                | "with"
                | "having"
                | "employs"
                | "employed"
                | "serves"
                | "boasts"
        )
    })
}

/// Where the figure holds, when its clause says so and the topic does not already: "cases in
/// Sofia", "sales in the UK", "grossed $5 million worldwide", "outside the United States".
fn place_scope(ctx: &Context, f: &Figure, topic: &Subject) -> Option<String> {
    let toks = ctx.tokens;
    let sentence = toks[f.first].sentence;
    let range = &ctx.sentences[sentence];
    let c = &ctx.t.c;
    // "UK" is named in "2020 pandemic in the United Kingdom", "M Chinnaswamy Stadium" in "M.
    // Chinnaswamy Stadium", "Morristown's" in "Morristown, New Jersey".
    let topic_words = plain_words(&format!("{} {}", topic.text, topic.key));
    let named_in_topic = |place: &str| {
        let place = place
            .strip_suffix("'s")
            .or_else(|| place.strip_suffix("’s"))
            .unwrap_or(place);
        [plain_words(place), plain_words(&subject_key(ctx, place))]
            .iter()
            .any(|p| !p.is_empty() && format!(" {topic_words} ").contains(&format!(" {p} ")))
    };
    // After the figure's digits (its noun and hedge may carry the scope: "$5 million
    // worldwide"), up to the end of its clause.
    let digits = (f.first..=f.last)
        .find(|&k| matches!(toks[k].kind, TokenKind::Number | TokenKind::Mixed))
        .unwrap_or(f.first);
    let mut k = digits + 1;
    let stop = (f.last + 12).min(range.end);
    while k < stop {
        let t = &toks[k];
        // The clause ends at a comma, a conjunction or another figure: "a budget of $80
        // million and it grossed $266 million worldwide" places only the gross.
        let ends = match t.kind {
            TokenKind::Punct => matches!(ctx.tok_text(k), "," | ";" | ":" | "(" | ")"),
            // Another figure ("and 9.8 million singles"), not a name with digits ("COVID-19").
            TokenKind::Number => k > f.last,
            TokenKind::Mixed => {
                k > f.last && t.text(ctx.text).starts_with(|c: char| c.is_ascii_digit())
            }
            TokenKind::Word => CLAUSE_ENDS.contains(&t.lower.as_str()),
        };
        if ends {
            break;
        }
        for len in (1..=8).rev() {
            if k + len > range.end {
                continue;
            }
            let phrase = (k..k + len)
                .map(|j| ctx.lower(j))
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(scope) = c.topic.scope_words.get(phrase.as_str()) {
                return Some(scope.to_string());
            }
        }
        if let Some(period) = period_at(ctx, k, range.end) {
            return Some(period);
        }
        if matches!(
            t.lower.as_str(),
            "in" | "outside" | "across" | "within" | "from"
        ) && let Some(place) = place_at(ctx, k + 1, range.end)
        {
            if named_in_topic(&place) {
                return None;
            }
            let prep = match t.lower.as_str() {
                "outside" => "outside",
                "from" => "from",
                _ => "in",
            };
            return Some(format!("{prep} {}", subject_key(ctx, &place)));
        }
        k += 1;
    }
    // Before it in its clause: "In the UK, the album sold ...", "On its second weekend, ...",
    // "opened in two theaters on its opening weekend and grossed $61,560".
    let head = range.start;
    let clause_start = (head..f.first)
        .rev()
        .find(|&j| matches!(ctx.tok_text(j), "," | ";"))
        .map_or(head, |j| j + 1);
    for j in [head].into_iter().chain(clause_start..f.first) {
        if let Some(period) = period_at(ctx, j, f.first) {
            return Some(period);
        }
    }
    if ctx.lower(head) == "in"
        && let Some(place) = place_at(ctx, head + 1, f.first)
    {
        let after = head + 1 + place.split_whitespace().count();
        let the = usize::from(ctx.lower(head + 1) == "the");
        if ctx.tok_text(after + the) == "," && !named_in_topic(&place) {
            return Some(format!("in {}", subject_key(ctx, &place)));
        }
    }
    // "Republika Srpska had 330 cases": a place or body other than the topic that the
    // sentence is about. "The Team plan costs $49": a named kind of the topic's things.
    if let Some(name) = place_at(ctx, head, f.first) {
        let after = head + usize::from(ctx.lower(head) == "the") + name.split_whitespace().count();
        if REPORTING_VERBS.contains(&ctx.lower(after)) && !named_in_topic(&name) {
            return Some(format!("of {}", subject_key(ctx, &name)));
        }
        let verb = ctx.lower(after + 1);
        let kind = toks.get(after).filter(|t| {
            t.kind == TokenKind::Word
                && !t.capitalized
                && !c.stop_words.contains(&t.lower)
                && after < f.first
        });
        if let Some(kind) = kind
            && ctx.lower(head) == "the"
            && (verb.ends_with('s') || REPORTING_VERBS.contains(&verb) || verb == "is")
            && !named_in_topic(&name)
        {
            return Some(format!("of {} {}", subject_key(ctx, &name), kind.lower));
        }
    }
    None
}

/// Verbs after a sentence's opening name that make the name what its figures are about ("Srpska
/// had 330 cases"); a name that reports or confirms figures is their source, not their scope.
const REPORTING_VERBS: &[&str] = &["had", "has", "have", "recorded", "registered"];

/// Lowercase words of letters and digits only, one space apart: "M. Chinnaswamy" is "m
/// chinnaswamy".
fn plain_words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A stretch of time a figure is told for, at token `k`: "in its opening weekend", "during
/// the first week", "on its second weekend". Returns the stretch without its article.
fn period_at(ctx: &Context, k: usize, end: usize) -> Option<String> {
    if !matches!(
        ctx.lower(k),
        "in" | "during" | "on" | "over" | "by" | "within"
    ) {
        return None;
    }
    let mut j = k + 1;
    if matches!(ctx.lower(j), "its" | "the" | "their" | "his" | "her") {
        j += 1;
    }
    let start = j;
    while j < end && j < start + 3 {
        let w = ctx.lower(j);
        if PERIODS.contains(&w) {
            if j == start {
                return None;
            }
            // The "opening weekend" is the first.
            let words: Vec<&str> = (start..=j)
                .map(|x| match ctx.lower(x) {
                    "opening" => "first",
                    w => w,
                })
                .collect();
            return Some(format!("in {}", words.join(" ")));
        }
        if ctx.tokens[j].kind != TokenKind::Word {
            return None;
        }
        j += 1;
    }
    None
}

/// Words for the stretches of time a figure can be told for.
const PERIODS: &[&str] = &[
    "day", "days", "week", "weeks", "weekend", "weekends", "month", "months", "quarter", "year",
    "season", "run",
];

/// Words that end the clause a figure's scope is read in.
const CLAUSE_ENDS: &[&str] = &[
    "and", "but", "while", "whereas", "which", "that", "who", "against", "compared", "than",
];

/// A capitalised name at token `k` (past "the"), ended before `end`: "the United States",
/// "Republika Srpska", "the Federation of Bosnia and Herzegovina".
fn place_at(ctx: &Context, k: usize, end: usize) -> Option<String> {
    let toks = ctx.tokens;
    let mut a = k;
    if ctx.lower(a) == "the" {
        a += 1;
    }
    let mut b = a;
    while b < end {
        let t = &toks[b];
        let joins = matches!(t.lower.as_str(), "of" | "and") && b > a;
        if !(t.kind == TokenKind::Word && (t.capitalized || joins)) {
            break;
        }
        b += 1;
    }
    // A name does not end on a joining word.
    while b > a && matches!(ctx.lower(b - 1), "of" | "and") {
        b -= 1;
    }
    if b == a || ctx.t.c.not_names.contains(ctx.lower(a)) {
        return None;
    }
    Some(ctx.text[toks[a].start..toks[b - 1].end].to_string())
}

/// When the figure holds: a date in its clause after it ("173 cases by 25 March 2020"), or a
/// date that opens its sentence ("As of 2016, the town had ...").
fn time_scope(ctx: &Context, f: &Figure, dates: &[(usize, DateValue)]) -> Option<String> {
    let toks = ctx.tokens;
    let sentence = toks[f.first].sentence;
    let range = &ctx.sentences[sentence];
    let clause_end = (f.last + 1..range.end)
        .find(|&k| matches!(ctx.tok_text(k), "," | ";"))
        .unwrap_or(range.end);
    let after = dates.iter().find(|(k, _)| *k > f.last && *k < clause_end);
    let opening = dates
        .iter()
        .find(|(k, _)| *k >= range.start && *k < f.first && *k <= range.start + 3);
    let (at, v) = after.or(opening)?;
    let mut out = v.year?.to_string();
    if let Some(m) = v.month {
        out.push_str(&format!("-{m:02}"));
        if let Some(day) = v.day {
            out.push_str(&format!("-{day:02}"));
        }
    }
    // "before 15 April": a time the figure held by then, which any time up to it stated with
    // the same figure can be ([`crate::align`] puts it with the one nearest). A running
    // figure stated "before" or "after" a day is read as holding on that day too: "under
    // 115 cases before 21 March" is held against "118 cases as of 21 March".
    let word = match date_bound(ctx, *at, range.start).0 {
        None => "as of",
        Some(DateBound::Before | DateBound::Until) => "by",
        Some(DateBound::After | DateBound::Since) => "since",
    };
    Some(format!("{word} {out}"))
}

/// Words that join a topic property to the time it holds for ("case as of 2020-03-20", "case
/// before 2020-04-15"), each with the bound it puts on the time.
const TIME_WORDS: &[(&str, Option<DateBound>)] = &[
    ("as of", None),
    ("before", Some(DateBound::Before)),
    ("after", Some(DateBound::After)),
    ("by", Some(DateBound::Until)),
    ("since", Some(DateBound::Since)),
];

/// A topic property split into what it states and the time it holds for ("before
/// 2020-04-15"), if it ends with one.
fn split_time(property: &str) -> (&str, Option<&str>) {
    let Some((head, last)) = property.rsplit_once(' ') else {
        return (property, None);
    };
    let date_like = last.starts_with(|c: char| c.is_ascii_digit())
        && last.chars().all(|c| c.is_ascii_digit() || c == '-');
    if date_like {
        for (word, _) in TIME_WORDS {
            if let Some(base) = head.strip_suffix(word)
                && let Some(base) = base.strip_suffix(' ')
            {
                return (base, Some(&property[base.len() + 1..]));
            }
        }
    }
    (property, None)
}

/// What a topic property is matched on: every word stemmed, the time left out ("scored" and
/// "score" meet; "case as of 2020-03-20" is "cas").
pub fn property_key(property: &str) -> String {
    let base = split_time(property).0;
    base.split_whitespace()
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The time a topic property holds for, as written after the property ("as of 2020-03-20",
/// "before 2020-04-15"), if any.
pub fn property_time(property: &str) -> Option<&str> {
    split_time(property).1
}

/// A time [`property_time`] gives, as a date with the bound its word puts on it.
pub fn time_value(time: &str) -> Option<DateValue> {
    let (word, date) = time.rsplit_once(' ')?;
    let bound = TIME_WORDS.iter().find(|(w, _)| *w == word)?.1;
    let mut parts = date.split('-').map(str::parse::<u32>);
    let year = i32::try_from(parts.next()?.ok()?).ok()?;
    let month = parts.next().and_then(Result::ok);
    let day = parts.next().and_then(Result::ok);
    Some(DateValue {
        bound,
        ..DateValue::new(Some(year), month, day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests_support::rules;
    use crate::model::{Claim, Document, FindingKind};

    fn titled(title: &str, body: &str) -> Document {
        let front = format!("---\ntitle: \"{title}\"\n---\n\n");
        let mut doc = Document::from_text(format!("{title}.md"), format!("{front}{body}\n"));
        doc.body_start = front.len();
        doc.meta.title = Some(title.to_string());
        doc
    }

    fn claims(title: &str, body: &str) -> Vec<Claim> {
        crate::extract::extract(0, &titled(title, body), &rules())
    }

    /// The (subject, property, label) of every quantity claim.
    fn quantities(title: &str, body: &str) -> Vec<(String, String, String)> {
        claims(title, body)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .map(|c| {
                (
                    c.subject.map(|s| s.text).unwrap_or_default(),
                    c.property,
                    c.label,
                )
            })
            .collect()
    }

    /// The kinds of finding two documents of one title give.
    fn findings(title: &str, a: &str, b: &str) -> Vec<FindingKind> {
        analysis(title, a, b)
            .findings
            .iter()
            .map(|f| f.kind)
            .collect()
    }

    /// The check of two documents of one title.
    fn analysis(title: &str, a: &str, b: &str) -> crate::Analysis {
        let mut docs = vec![titled(title, a), titled(title, b)];
        docs[1].path = format!("{title}-2.md");
        crate::check(docs, Vec::new(), &rules(), crate::GroupBy::All)
    }

    #[test]
    fn a_verb_and_its_noun_share_one_stem() {
        assert_eq!(stem("scored"), stem("score"));
        assert_eq!(stem("scores"), stem("score"));
        assert_eq!(stem("rated"), stem("rating"));
        assert_eq!(stem("ratings"), stem("rating"));
        assert_eq!(stem("shipped"), stem("ship"));
        assert_eq!(stem("grossed"), stem("gross"));
        assert_ne!(stem("sales"), stem("seats"));
        assert_eq!(stem("followers"), stem("follower"));
    }

    #[test]
    fn a_figure_with_only_a_common_noun_is_about_the_page_it_is_on() {
        let q = quantities(
            "Harbour Lights (novel)",
            "The book sold 40,000 copies. Critics gave it a rating of 72%.",
        );
        assert_eq!(
            q,
            vec![
                (
                    "Harbour Lights".into(),
                    "copy".into(),
                    "40,000 copies".into()
                ),
                ("Harbour Lights".into(), "rating".into(), "72 %".into()),
            ]
        );
    }

    #[test]
    fn a_headline_is_no_topic() {
        for headline in [
            "Two hurt as tram leaves the rails",
            "Tram derails on Mill Road: six injured",
            "Council votes to close the library",
        ] {
            let q = quantities(headline, "The library holds 40,000 books.");
            let books = q.iter().find(|x| x.2 == "40,000 books");
            assert_eq!(books.map(|x| x.0.as_str()), Some("books"), "{headline}");
        }
    }

    #[test]
    fn a_dated_report_s_title_is_a_headline() {
        let mut doc = titled("Harbour Lights", "The book sold 40,000 copies.");
        doc.meta.date = Some("2024-05-01".into());
        let c = crate::extract::extract(0, &doc, &rules());
        let subject = c
            .iter()
            .find_map(|c| c.subject.as_ref())
            .map(|s| s.text.as_str());
        assert_eq!(subject, Some("copies"));
    }

    #[test]
    fn the_verb_or_the_linked_noun_says_what_a_sum_is() {
        let q = quantities(
            "Northern Passage (film)",
            "The film grossed $12 million. Its budget was $4 million. The studio was valued at $2 billion.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(props, ["gross", "budget", "valued"]);
        assert_eq!(property_key("grossed"), property_key("gross"));
    }

    #[test]
    fn a_bounded_date_of_a_topic_s_event_is_held_against_the_date() {
        let title = "Marta Quill";
        let born = "Marta Quill (born 3 March 1961) is a painter.";
        assert_eq!(
            findings(title, "Marta Quill was born before 1960.", born),
            [FindingKind::Conflict]
        );
        assert_eq!(
            findings(title, "Marta Quill was born after 1960.", born),
            [FindingKind::Agreement]
        );
        assert_eq!(
            findings(title, "Her birth came prior to 4 March 1961.", born),
            [FindingKind::Agreement]
        );
        assert_eq!(
            findings(title, "She was born on or after 4 March 1961.", born),
            [FindingKind::Conflict]
        );
        // "established" and "founded" are one event, as the lexicon names it.
        assert_eq!(
            findings(
                "Brook Hollow College",
                "Brook Hollow College was established before 1900.",
                "The college was founded in 1901 by a guild of weavers."
            ),
            [FindingKind::Conflict]
        );
        // Where a release happened tells two releases apart.
        let title = "Copper Sky (album)";
        assert_eq!(
            findings(
                title,
                "Copper Sky was released in Japan after 2004.",
                "Copper Sky was released on 9 May 2001."
            ),
            Vec::<FindingKind>::new()
        );
    }

    #[test]
    fn words_the_lexicon_lists_for_one_property_name_it() {
        let q = quantities(
            "Harbour Lights (film)",
            "The film earned $9 million. It made $2 million abroad. Its director is worth $40 \
             million. It was praised by 31 critics.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            props,
            ["gross", "gross outside home market", "worth", "review"]
        );
    }

    #[test]
    fn a_page_s_deaths_and_box_office_are_its_own_figures() {
        let q = quantities(
            "2031 measles outbreak in Ruritania",
            "As of 2 June 2031, the outbreak had caused 41 deaths.",
        );
        assert_eq!(q[0].0, "2031 measles outbreak in Ruritania");
        assert_eq!(q[0].1, "death as of 2031-06-02");
        let q = quantities(
            "Harbour Lights (film)",
            "It had a box office of $7 million, grossing $2 million in Canada.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(props, ["gross", "gross in canada"]);
    }

    #[test]
    fn a_total_and_an_included_figure_take_the_verb_of_the_sentence() {
        let q = quantities(
            "Harbour Lights (film)",
            "The film grossed $6 million in Canada, including $1 million in Quebec, and $4 million \
             in other territories, for a worldwide total of $10 million.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            props,
            [
                "gross in canada",
                "gross in quebec",
                "gross outside home market",
                // A film's worldwide total is its gross.
                "gross",
            ]
        );
        // "grossed a total of": the verb before the phrase.
        let q = quantities(
            "Harbour Lights (film)",
            "It has grossed a total of $1,250,400.",
        );
        assert_eq!(q[0].1, "gross");
        // A scope word after a scale is no counted noun: "12 crore worldwide".
        let q = quantities(
            "Harbour Lights (film)",
            "The film earned 12 crore worldwide.",
        );
        assert_eq!(q[0].1, "gross");
    }

    #[test]
    fn a_name_the_topic_holds_before_a_noun_is_the_topic() {
        let q = quantities(
            "2031 coronavirus pandemic in Ruritania",
            "By then the country had 1,200 COVID-19 cases. It also had 30 Ebola cases.",
        );
        assert_eq!(q[0].0, "2031 coronavirus pandemic in Ruritania", "{q:?}");
        assert_eq!(q[0].1, "case");
        assert_ne!(q[1].0, "2031 coronavirus pandemic in Ruritania", "{q:?}");
        let q = quantities(
            "Harbour Lights (band)",
            "The band sold 40,000 Harbour Lights albums.",
        );
        assert_eq!(q[0].0, "Harbour Lights", "{q:?}");
    }

    #[test]
    fn worldwide_is_the_whole_unless_the_topic_is_held_to_a_place() {
        let props = |title: &str, text: &str| -> Vec<String> {
            quantities(title, text).into_iter().map(|q| q.1).collect()
        };
        assert_eq!(
            props(
                "Harbour Lights (film)",
                "It earned $2 million outside the US and Canada and $5 million globally; \
                 it made $1 million elsewhere."
            ),
            [
                "gross outside home market",
                "gross",
                "gross outside home market"
            ]
        );
        assert_eq!(
            props(
                "2031 measles outbreak in Ruritania",
                "The outbreak had caused 41 deaths, and 900 deaths worldwide."
            ),
            ["death", "death worldwide"]
        );
    }

    #[test]
    fn to_before_an_article_is_part_of_a_name_and_otherwise_a_headline() {
        let subject = |title: &str| {
            quantities(title, "It grossed $3 million.")
                .first()
                .map(|q| q.0.clone())
        };
        assert_eq!(
            subject("Return to the Valley").as_deref(),
            Some("Return to the Valley")
        );
        assert_eq!(
            subject("How to Sail a Paper Boat").as_deref(),
            Some("How to Sail a Paper Boat")
        );
        assert_ne!(
            subject("Mayor to resign after audit").as_deref(),
            Some("Mayor to resign after audit")
        );
    }

    #[test]
    fn the_place_and_the_time_a_figure_holds_for_are_part_of_what_it_states() {
        let q = quantities(
            "Example outbreak in Ruritania",
            "As of 4 May 2021, there were 350 confirmed cases, and 120 cases in Strelsau. The film \
             grossed $3 million worldwide and $1 million in other territories.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            props,
            [
                "case as of 2021-05-04",
                "case in strelsau as of 2021-05-04",
                "gross worldwide",
                "gross outside home market",
            ]
        );
    }

    #[test]
    fn parts_are_not_the_whole() {
        let q = quantities(
            "Ruritania",
            "There are 120 cases, of which 40 have recovered. Cases were found in 9 out of 14 \
             provinces. It borders 3 other kingdoms.",
        );
        let props: Vec<(&str, &str)> = q
            .iter()
            .filter(|x| x.0 == "Ruritania")
            .map(|x| (x.1.as_str(), x.2.as_str()))
            .collect();
        assert_eq!(
            props,
            [("case", "120 cases"), ("province in all", "14 provinces")]
        );
    }

    #[test]
    fn a_bound_and_a_figure_outside_it_about_one_topic_conflict() {
        let kinds = findings(
            "Lantern Bay Stadium",
            "Lantern Bay Stadium has a capacity of under 30,000.",
            "The stadium has a capacity of 41,500.",
        );
        assert_eq!(kinds, [FindingKind::Conflict]);
        let kinds = findings(
            "Lantern Bay Stadium",
            "Lantern Bay Stadium has a capacity of over 30,000.",
            "The stadium has a capacity of 41,500.",
        );
        assert_eq!(kinds, [FindingKind::Agreement]);
    }

    #[test]
    fn a_strict_bound_on_a_precise_figure_excludes_it() {
        assert_eq!(last_digit_step(17.0), Some(1.0));
        assert_eq!(last_digit_step(5.6), Some(0.1));
        assert_eq!(last_digit_step(1550.0), Some(1.0));
        assert_eq!(last_digit_step(7100.0), None);
        assert_eq!(last_digit_step(100.0), Some(1.0));
        assert_eq!(last_digit_step(24_000_000.0), None);
        let kinds = findings(
            "Cobalt Rovers",
            "Cobalt Rovers have won more than 17 league titles.",
            "The club has won 17 league titles.",
        );
        assert_eq!(kinds, [FindingKind::Conflict]);
        let kinds = findings(
            "Cobalt Rovers",
            "Cobalt Rovers have sold more than 24 million shirts.",
            "The club has sold 24 million shirts.",
        );
        assert_eq!(kinds, [FindingKind::Agreement]);
        // A count with decimals is bounded as a measure is: "over 0.69" takes 0.7.
        let kinds = findings(
            "Cobalt Rovers",
            "Cobalt Rovers scored more than 0.69 goals per game.",
            "The club scored 0.7 goals per game.",
        );
        assert_eq!(kinds, [FindingKind::Agreement]);
    }

    #[test]
    fn a_strict_bound_on_people_who_died_excludes_the_figure() {
        let kinds = findings(
            "2031 fever outbreak in Ruritania",
            "Fewer than 12 people had died of the fever by 3 May 2031.",
            "As of 3 May 2031, there were 12 recorded deaths.",
        );
        assert!(kinds.contains(&FindingKind::Conflict), "{kinds:?}");
        // "at least" includes its figure.
        let kinds = findings(
            "2031 fever outbreak in Ruritania",
            "At least 12 people had died of the fever by 3 May 2031.",
            "As of 3 May 2031, there were 12 recorded deaths.",
        );
        assert!(!kinds.contains(&FindingKind::Conflict), "{kinds:?}");
        // People "with" something who died are deaths; people who recovered recoveries.
        let q = quantities(
            "2031 fever outbreak in Ruritania",
            "By June, 310 people with a confirmed infection had died and 95 people have \
             recovered.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert!(props.contains(&"death"), "{q:?}");
        assert!(props.contains(&"recovery"), "{q:?}");
        // "7.204 people": the point may group thousands, so the figure is in doubt.
        let kinds = findings(
            "2031 fever outbreak in Ruritania",
            "More than 7,000 people with the fever have died.",
            "So far 7.204 people with the fever have died.",
        );
        assert!(!kinds.contains(&FindingKind::Conflict), "{kinds:?}");
    }

    #[test]
    fn a_share_is_a_share_of_the_noun_after_of() {
        let kinds = findings(
            "The Copper Kettle",
            "Fewer than 41% of 60 critics liked The Copper Kettle.",
            "On one site, 41% of 60 critics gave the film a positive review.",
        );
        assert!(kinds.contains(&FindingKind::Conflict), "{kinds:?}");
        let q = quantities(
            "Larkfield",
            "About 6% of the families and 9% of Larkfield's households rent, as do 4% of those \
             over 65.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert!(props.contains(&"share of family"), "{q:?}");
        assert!(props.contains(&"share of household"), "{q:?}");
        let shares = props.iter().filter(|p| p.starts_with("share of")).count();
        assert_eq!(shares, 2, "{q:?}");
    }

    #[test]
    fn a_number_of_a_noun_and_a_noun_that_rose_are_what_the_figure_counts() {
        let q = quantities(
            "2031 fever outbreak in Ruritania",
            "The total number of cases registered in the Duchy is 2,417. By Friday the recoveries \
             rose to 58. The town has a population of only 8,210.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert!(props.contains(&"case"), "{q:?}");
        assert!(props.contains(&"recovery"), "{q:?}");
        assert!(props.contains(&"population"), "{q:?}");
    }

    #[test]
    fn figures_for_two_times_never_conflict() {
        let kinds = findings(
            "Example outbreak in Ruritania",
            "As of 3 May 2021, there were 300 confirmed cases. As of 4 May 2021, there were \
             350 confirmed cases.",
            "As of 3 May 2021, there were 300 confirmed cases.",
        );
        assert!(!kinds.contains(&FindingKind::Conflict), "{kinds:?}");
    }

    #[test]
    fn two_bounds_of_one_direction_and_different_sizes_are_a_finding_of_their_own() {
        let title = "Copper Sky (album)";
        let checked = analysis(
            title,
            "Copper Sky has sold over 6 million copies.",
            "The album has sold more than 7.5 million copies.",
        );
        let f = &checked.findings[0];
        assert_eq!(f.kind, FindingKind::Agreement);
        assert_eq!(f.code, crate::compare::BOUNDS_CODE);
        assert!(
            f.message.contains("together they say > 7,500,000 copies"),
            "{}",
            f.message
        );
        // Bounds of one size are a plain agreement.
        let checked = analysis(
            title,
            "Copper Sky has sold over 6 million copies.",
            "The album has sold more than 6 million copies.",
        );
        assert_eq!(checked.findings[0].code, "crosscheck::agreement::quantity");
    }

    #[test]
    fn a_figure_by_or_since_a_day_is_held_against_the_nearest_time_it_allows() {
        let title = "Example outbreak in Ruritania";
        // The figures' findings (the days themselves are dates of one clause's cases, and
        // agree as bounds).
        let findings = |title: &str, a: &str, b: &str| -> Vec<FindingKind> {
            analysis(title, a, b)
                .findings
                .iter()
                .filter(|f| !f.code.ends_with("::date"))
                .map(|f| f.kind)
                .collect()
        };
        let stated = "As of 12 April 2031, there were 380 cases. As of 20 April 2031, there were \
                      500 cases.";
        assert_eq!(
            findings(
                title,
                "By 15 April 2031, there were more than 400 cases.",
                stated
            ),
            [FindingKind::Conflict]
        );
        assert_eq!(
            findings(
                title,
                "Since 13 April 2031, there were more than 400 cases.",
                stated
            ),
            [FindingKind::Agreement]
        );
        // "before" a day is read as "by" it: the figure of that day is the one it meets.
        assert_eq!(
            findings(
                title,
                "Before 12 April 2031, there were under 370 cases.",
                stated
            ),
            [FindingKind::Conflict]
        );
        // A bound that no stated time fits meets none of them.
        assert_eq!(
            findings(
                title,
                "By 1 April 2031, there were more than 900 cases.",
                stated
            ),
            Vec::<FindingKind>::new()
        );
    }

    #[test]
    fn a_verb_of_the_topic_s_life_dates_it() {
        let kinds = findings(
            "Glass Harbour (album)",
            "Glass Harbour was released on 4 March 2011.",
            "The album was released on 6 March 2011 by a small label.",
        );
        assert_eq!(kinds, [FindingKind::Conflict]);
        // A denied event dates nothing (a bound is
        // [`a_bounded_date_of_a_topic_s_event_is_held_against_the_date`]).
        let c = claims(
            "Glass Harbour (album)",
            "The album was not released on 6 March 2011.",
        );
        assert!(
            c.iter()
                .all(|c| c.kind != ClaimKind::Date || c.subject.is_none()),
            "{c:#?}"
        );
        // A sentence with several dates: each is held with all of them, so a report giving
        // one of the two agrees; one giving neither is no contradiction, since the report
        // tells of two releases ([`crate::compare`]: several values in one report).
        let two = "It was released in Norway on 6 March 2011 and in Chile on 9 March 2011.";
        let title = "Glass Harbour (album)";
        assert_eq!(
            findings(
                title,
                "The album came out in Chile, released on 9 March 2011.",
                two
            ),
            [FindingKind::Agreement]
        );
        assert_eq!(
            findings(title, "It was released on 2 April 2011.", two),
            Vec::<FindingKind>::new()
        );
    }

    #[test]
    fn people_are_a_topic_s_figure_by_what_they_did_or_by_being_had() {
        let q = quantities(
            "Orchard Valley Fair",
            "Fewer than 300 people reviewed the fair online. The fairground can host 12,000 \
             people. The co-operative has 900 customers. About 40 people were infected with \
             influenza. Some 25 people from the valley, on foot. Its record attendance was \
             over 9,000 people.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert!(props.contains(&"review"), "{q:?}");
        assert!(props.contains(&"capacity"), "{q:?}");
        assert!(props.contains(&"customer"), "{q:?}");
        assert!(props.contains(&"infected with influenza"), "{q:?}");
        assert!(props.contains(&"attendance"), "{q:?}");
        // A running total counts the noun counted before it.
        let q = quantities(
            "Example outbreak in Ruritania",
            "On 3 May 2031, twelve new cases were confirmed, bringing the total to 140.",
        );
        assert!(
            q.iter()
                .any(|(_, p, l)| p == "case as of 2031-05-03" && l.contains("140")),
            "{q:?}"
        );
        // People with no verb of their own and not had by the topic are no topic's figure.
        assert!(
            q.iter()
                .all(|(s, _, label)| !(s == "Orchard Valley Fair" && label.contains("25"))),
            "{q:?}"
        );
        // People counted by a verb meet the noun the lexicon names for it, in their scope.
        assert_eq!(
            findings(
                "Orchard Valley Fair",
                "5,000 residents have tested positive.",
                "There were 6,200 confirmed cases in Marlow."
            ),
            Vec::<FindingKind>::new()
        );
        assert_eq!(
            findings(
                "Orchard Valley Fair",
                "More than 5,000 residents have tested positive.",
                "There have been 4,100 confirmed cases."
            ),
            [FindingKind::Conflict]
        );
    }

    #[test]
    fn a_noun_before_of_and_a_name_is_linked_to_the_figure() {
        let q = quantities(
            "Dark Harbor (film)",
            "The budget of the film Dark Harbor was $40 million. The sequel cost $55 million.",
        );
        let props: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(props, ["budget", "cost"], "{q:?}");
        // "of the film" after the noun: the noun is the figure's.
        let q = quantities(
            "Dark Harbor (film)",
            "By Sunday the total collection of the film stood at 54 crore.",
        );
        assert_eq!(q[0].1, "gross", "{q:?}");
    }

    #[test]
    fn the_words_of_a_date_s_clause_say_what_it_dates() {
        let title = "Harbour Bridge of Velmora";
        // No event word of the lexicon, but the clauses share what happened.
        let a = "The repainting of the bridge's towers took place in 1987.";
        assert_eq!(
            findings(
                title,
                a,
                "In 1987, the city decided to repaint the towers in green."
            ),
            [FindingKind::Agreement]
        );
        assert_eq!(
            findings(
                title,
                a,
                "In 1989, the city decided to repaint the towers in green."
            ),
            [FindingKind::Conflict]
        );
        // A clause's words are named as the lexicon names them: "established" is the founding.
        assert_eq!(
            findings(
                "Velmora Guild",
                "The Velmora Guild was founded in 1950.",
                "Established in 1950 and rehoused in 1962, the guild trains weavers."
            ),
            [FindingKind::Agreement]
        );
        // Clauses about other things are never held together.
        assert_eq!(
            findings(title, a, "A ferry service to the island began in 1989."),
            Vec::<FindingKind>::new()
        );
        // The date of an event the lexicon names meets a clause that holds its word.
        assert_eq!(
            findings(
                "Velmora Guild",
                "Its first film was released in 2017.",
                "In 1991, a two-hour film about the guild's weavers, titled Warp, was released."
            ),
            [FindingKind::Conflict]
        );
        // Two words of a long sentence about many things are not one event.
        assert_eq!(
            findings(
                title,
                "The towers were repainted and fenced in 1987.",
                "Since the storm of 1989 the towers, the cables, the deck, the lamps, the toll \
                 booths and the old signal house were inspected, cleaned, fenced and lit."
            ),
            Vec::<FindingKind>::new()
        );
        // The time a statement holds at never contradicts another such time.
        assert_eq!(
            findings(
                title,
                "As of 2020, no toll is charged on the bridge.",
                "As of 2023, no toll is charged on the bridge."
            ),
            [FindingKind::Agreement]
        );
        // A year the clause holds that is no date claim ("2004 and 2006" read as one) leaves
        // the clause's dates unheld.
        let c = claims(
            title,
            "The towers were repainted in 1987, and 2004 saw a second coat.",
        );
        assert!(
            c.iter()
                .any(|c| c.kind == ClaimKind::Date && c.subject.is_none()),
            "{c:#?}"
        );
        // "the 2014 Winter Games" names a thing, and does not.
        let c = claims(
            title,
            "It hosted a ceremony of the 2014 Winter Games in 2013.",
        );
        assert!(
            c.iter().any(|c| c.kind == ClaimKind::Date
                && c.subject
                    .as_ref()
                    .is_some_and(|s| s.key.contains(CLAUSE_MARK))),
            "{c:#?}"
        );
    }

    #[test]
    fn a_season_named_by_its_years_and_the_whole_of_a_part_are_no_plain_counts() {
        let c = claims(
            "Ruritanian league",
            "Cases were found in 9 out of 14 Ruritanian provinces. The 2015–16 Ruritanian \
             football season was its last.",
        );
        let props: Vec<(&str, Option<&str>)> = c
            .iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .map(|c| {
                (
                    c.property.as_str(),
                    c.subject.as_ref().map(|s| s.text.as_str()),
                )
            })
            .collect();
        assert!(
            props.contains(&("count in all", Some("Ruritanian provinces"))),
            "{props:?}"
        );
        assert!(
            props
                .iter()
                .all(|(p, s)| *p != "count" || s.is_none_or(|s| !s.contains("season"))),
            "{props:?}"
        );
    }

    #[test]
    fn an_age_before_or_after_a_figure_is_a_bound() {
        let c = claims("Ada Quill", "She left home before the age of 18.");
        let age = c
            .iter()
            .find(|c| c.property == "age")
            .map(|c| c.value.interval());
        assert_eq!(
            age.flatten(),
            Some(crate::model::Interval {
                low: None,
                high: Some(18.0)
            })
        );
        // An age told as a bare figure is in years, and meets one told in years.
        let kinds = findings(
            "Ada Quill",
            "Ada Quill moved to Leeds when she was younger than 9 years old.",
            "She moved to live in Leeds at the age of eleven.",
        );
        assert!(kinds.contains(&FindingKind::Conflict), "{kinds:?}");
    }
}
