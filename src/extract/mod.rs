//! Extract: finds the claims one document states.
//!
//! The text is cut into tokens and sentences ([`tokens`]); dates and times are found first
//! ([`dates`]) so their digits are never read as counts; then every remaining figure is read
//! ([`numbers`]) and turned into a quantity claim with its hedge, unit, subject and property
//! ([`quantity`]); titles before people's names become role claims ([`roles`]).
//!
//! Extraction is a pure function of the document and the rules. Lookup tables are built from
//! the rules once ([`Tables`]) and shared by every document.

pub mod casualty;
pub mod dates;
pub mod lexical;
pub mod modality;
pub mod numbers;
pub mod places;
pub mod quantity;
pub mod quotes;
pub mod relative;
pub mod roles;
pub mod tokens;
pub mod topic;

// FxHash: the lookup tables are hit for every token; SipHash was a fifth of the run time.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::model::{Claim, ClaimKind, DateValue, DocId, Document, Subject, Value};
use crate::rules::Rules;
use crate::text::LineIndex;
use tokens::{Token, WordClass};

thread_local! {
    /// Token vectors kept between the documents one thread reads, so that they are allocated
    /// once per thread rather than grown for every document.
    static SCRATCH: std::cell::Cell<tokens::Tokens> = std::cell::Cell::default();
}

/// Every claim (and every recognised figure without a subject) in one document, by offset.
pub fn extract(id: DocId, doc: &Document, rules: &Rules) -> Vec<Claim> {
    let tables = Tables::new(rules);
    let text = doc.text.as_str();
    let start = doc.body_start.min(text.len());
    // The title in the front matter is read too: headlines state the figures most plainly.
    let mut ranges = Vec::new();
    if let Some(title) = title_range(text, start) {
        ranges.push(title);
    }
    ranges.push(start..text.len());
    // The token vectors of this thread's previous document, refilled.
    let mut toks = SCRATCH.take();
    tables.tokenize_into(&mut toks, text, &ranges);
    let boilerplate = boilerplate_lines(text, start, &tables);
    let index = LineIndex::new(text);
    let mut mentions = dates::find_dates(text, start, text.len(), rules);
    if let Some(title) = title_range(text, start) {
        let mut in_title = dates::find_dates(text, title.start, title.end, rules);
        in_title.append(&mut mentions);
        mentions = in_title;
    }

    let retracting = modality::retracting_buts(&toks.tokens, &toks.sentences, &tables.c);
    let ctx = Context {
        text,
        tokens: &toks.tokens,
        sentences: &toks.sentences,
        t: &tables,
        retracting: &retracting,
    };

    let mut drafts: Vec<Draft> = Vec::new();
    // Tokens inside web and mail addresses, dates and times are not figures.
    let mut taken = vec![false; toks.tokens.len()];
    let addresses = addresses(text, start);
    for r in &addresses {
        let first = toks.tokens.partition_point(|tk| tk.end <= r.start);
        for (tok, flag) in toks.tokens[first..].iter().zip(&mut taken[first..]) {
            if tok.start >= r.end {
                break;
            }
            *flag = true;
        }
    }
    let mentions: Vec<_> = mentions
        .into_iter()
        .filter(|m| !addresses.iter().any(|r| r.start < m.end && m.start < r.end))
        .collect();
    for m in &mentions {
        let first = toks.tokens.partition_point(|tk| tk.end <= m.start);
        let mut k = first;
        while k < toks.tokens.len() && toks.tokens[k].start < m.end {
            taken[k] = true;
            k += 1;
        }
        if let dates::MentionKind::Date(value) = &m.kind {
            drafts.push(date_draft(&ctx, m.start, m.end, *value, first));
        }
    }
    let today = relative::document_date(doc.meta.date.as_deref());
    if let Some(today) = today {
        // A report whose web address carries another day than its front matter: every day
        // worked out from its date is in doubt.
        let anchor_doubt = relative::anchor_in_doubt(doc.meta.url.as_deref(), today)
            .then_some(relative::ADDRESS_DATE);
        let known = dates::known_dates(&toks.tokens, &mentions);
        for r in relative::find_relative(&ctx, today, &taken, &known) {
            let (start, end) = (toks.tokens[r.first].start, toks.tokens[r.last].end);
            // A date told in words that takes a written date in replaces it.
            drafts.retain(|d| !(d.kind == ClaimKind::Date && d.start >= start && d.end <= end));
            let mut d = date_draft(&ctx, start, end, r.value, r.first);
            for why in r.doubt.into_iter().chain(anchor_doubt) {
                d.doubts
                    .push(crate::model::Doubt::new(crate::model::Aspect::Time, why));
            }
            drafts.push(d);
            for flag in &mut taken[r.first..=r.last] {
                *flag = true;
            }
        }
        relative::detach_out_of_time(&mut drafts, today, &rules.incidents);
    }
    relative::settle_dates(&ctx, &mut drafts, today);
    drafts.extend(roles::find_roles(&ctx));
    drafts.extend(quotes::find_quotes(&ctx));
    drafts.extend(places::find_places(&ctx));
    drafts.extend(casualty::find_casualties(&ctx, &mut taken));
    if let Some(today) = today {
        casualty::drop_earlier_events(&ctx, &mut drafts, today);
    }
    drafts.extend(quantity::find_quantities(&ctx, &mut taken));
    quantity::ages_named_later(&ctx, &mut drafts);
    // The front matter's topic, or an undated page's title (a dated report's title is a
    // headline).
    let named = match (&doc.meta.topic, &doc.meta.date) {
        (Some(topic), _) => Some((topic.as_str(), true)),
        (None, None) => doc.meta.title.as_deref().map(|t| (t, false)),
        (None, Some(_)) => None,
    };
    if let Some(topic) = named.and_then(|(name, explicit)| topic::topic(&ctx, name, explicit)) {
        topic::attach(&ctx, &topic, &mut drafts);
        topic::attach_dates(&ctx, &topic, &mut drafts);
    }

    drafts.retain(|d| {
        !boilerplate
            .iter()
            .any(|r| r.start <= d.start && d.end <= r.end)
    });
    drafts.sort_by_key(|d| (d.start, d.end));
    quantity::inherit_increments(&mut drafts);
    for d in &mut drafts {
        if d.kind == ClaimKind::Quantity {
            let first = toks.tokens.partition_point(|t| t.end <= d.start);
            let last = toks
                .tokens
                .partition_point(|t| t.start < d.phrase_end())
                .saturating_sub(1);
            if first <= last && last < toks.tokens.len() {
                d.modality = modality::modality_of(&ctx, first, last);
            }
        }
    }
    // A figure the report denies or takes back is no claim of the report: "not four but
    // five" states five, and "early reports said one person had died, but that proved to be
    // incorrect" states no death.
    drafts.retain(|d| d.modality != crate::model::Modality::Negated);
    for d in &mut drafts {
        // "a 2. 3 GHz processor": a decimal broken apart by re-spacing reads as two figures.
        let before = &text.as_bytes()[..d.start];
        if d.kind == ClaimKind::Quantity
            && before.ends_with(b". ")
            && before.len() >= 3
            && before[before.len() - 3].is_ascii_digit()
        {
            d.doubts.push(crate::model::Doubt::new(
                crate::model::Aspect::Value,
                "the figure may be the decimals of the one before it, spaced apart",
            ));
        }
        let first = toks.tokens.partition_point(|t| t.end <= d.start);
        let indefinite = first > 0 && matches!(ctx.lower(first - 1), "a" | "an" | "another");
        if indefinite {
            doubt_common_subject(d, rules);
        }
    }

    SCRATCH.set(toks);

    let mut cursor = index.cursor(text);
    drafts
        .into_iter()
        .map(|d| Claim {
            doc: id,
            span: cursor.span(d.start, d.end),
            text: text[d.start..d.end].to_string(),
            kind: d.kind,
            subject: d.subject,
            property: d.property,
            increment: d.increment,
            modality: d.modality,
            scope: d.scope,
            doubts: d.doubts,
            base: base_value(&d.value, rules),
            value: d.value,
            label: d.label,
            noun: d
                .noun_end
                .and_then(|e| text.get(d.end..e))
                .filter(|words| words.contains('('))
                .map(Box::from),
        })
        .collect()
}

/// A figure that introduces its subject, one common noun, with an indefinite article ("a
/// two-year sentence", "a $20,000 reward") may be about any of several of its kind that one
/// story tells of (two defendants' sentences, a reward raised): it is not definite about its
/// subject. "The 40-metre span" is the one the story means. The report's incident and the
/// people that victim properties count are not such subjects.
fn doubt_common_subject(d: &mut Draft, rules: &Rules) {
    let Some(subject) = &d.subject else {
        return;
    };
    let common = d.kind == ClaimKind::Quantity
        && subject.is_common_noun()
        && !subject.text.trim().contains(' ')
        && subject.key != crate::model::EVENT_KEY
        && !rules.incidents.contains(&subject.key)
        && !rules
            .properties
            .iter()
            .any(|p| p.name == d.property && p.victims);
    if common {
        d.doubts.push(crate::model::Doubt::new(
            crate::model::Aspect::Subject,
            "a common noun, which may stand for any of several of its kind in one story",
        ));
    }
}

/// A measure in the base unit of its dimension: the unit of that dimension whose factor is 1.
fn base_value(value: &Value, rules: &Rules) -> Option<crate::model::BaseValue> {
    let Value::Quantity {
        low, high, unit, ..
    } = value
    else {
        return None;
    };
    let rule = rules.units.iter().find(|u| &u.code == unit)?;
    let base = rules
        .units
        .iter()
        .find(|u| u.dimension == rule.dimension && u.factor == 1.0)?;
    if base.code == rule.code {
        return None;
    }
    Some(crate::model::BaseValue {
        low: low.map(|v| v * rule.factor),
        high: high.map(|v| v * rule.factor),
        unit: base.code.clone(),
    })
}

/// A claim before it is placed in its document.
#[derive(Debug, Clone)]
pub struct Draft {
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub subject: Option<Subject>,
    pub property: String,
    pub increment: bool,
    pub modality: crate::model::Modality,
    pub value: Value,
    pub label: String,
    /// Whether the figure was introduced by a definite article ("the four systems"): such a
    /// figure may restate one given earlier.
    pub definite: bool,
    /// The whole of what the property counts, or a part or one member of it.
    pub scope: crate::model::Scope,
    /// What the reader is unsure of: a claim with a doubt never conflicts.
    pub doubts: Vec<crate::model::Doubt>,
    /// Where the noun a count counts ends, when it is past the span: the span is the figure
    /// ("12"), the phrase reaches the noun ("12 samples"), which the topic reader, modality
    /// and the acronyms the aligner learns read.
    pub noun_end: Option<usize>,
}

impl Draft {
    /// The end of the figure with the noun it counts: the span's end when it names none.
    pub fn phrase_end(&self) -> usize {
        self.noun_end.map_or(self.end, |e| e.max(self.end))
    }
}

/// What the readers of one document share.
pub struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [std::ops::Range<usize>],
    pub t: &'a Tables<'a>,
    /// Tokens "but" that take back what comes before them ([`modality::retracting_buts`]).
    pub retracting: &'a [usize],
}

impl Context<'_> {
    pub fn tok_text(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    pub fn lower(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    /// Whether the word before token `at`, past "on", "early", "late" and the like and not
    /// before `sentence_start`, tells what happened to a victim: "was wounded late Sunday",
    /// "died on Tuesday".
    pub fn victim_verb_before(&self, at: usize, sentence_start: usize) -> bool {
        let mut j = at;
        while j > sentence_start {
            j -= 1;
            if matches!(
                self.lower(j),
                "on" | "early" | "late" | "last" | "this" | "about" | "around" | "just"
            ) {
                continue;
            }
            return self
                .t
                .c
                .victim_words
                .ending_before(self.tokens, j + 1)
                .is_some();
        }
        false
    }

    /// Whether token `i` starts its sentence (ignoring opening quotes and brackets).
    pub fn starts_sentence(&self, i: usize) -> bool {
        let s = self.tokens[i].sentence;
        let first = self.sentences[s].start;
        (first..i).all(|k| self.tokens[k].kind == tokens::TokenKind::Punct)
    }
}

fn date_draft(
    ctx: &Context,
    start: usize,
    end: usize,
    value: DateValue,
    first_tok: usize,
) -> Draft {
    let last_tok = ctx
        .tokens
        .partition_point(|t| t.start < end)
        .saturating_sub(1)
        .max(first_tok);
    let subject = relative::date_subject(
        ctx,
        first_tok,
        last_tok,
        &value,
        quantity::event_near(ctx, first_tok),
    );
    Draft {
        noun_end: None,
        start,
        end,
        kind: ClaimKind::Date,
        subject,
        property: "date".to_string(),
        increment: false,
        modality: crate::model::Modality::Asserted,
        value: Value::Date(value),
        label: date_label(&value),
        definite: false,
        scope: crate::model::Scope::Total,
        doubts: Vec::new(),
    }
}

/// "February 2022", "Sept. 28", "20 February 2014".
pub fn date_label(d: &DateValue) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = d
        .month
        .and_then(|m| MONTHS.get((m as usize).wrapping_sub(1)))
        .copied();
    let mut parts = Vec::new();
    if let Some(day) = d.day {
        parts.push(day.to_string());
    }
    if let Some(m) = month {
        parts.push(m.to_string());
    }
    if let Some(y) = d.year {
        parts.push(y.to_string());
    }
    let date = if parts.is_empty() {
        "date".to_string()
    } else {
        parts.join(" ")
    };
    match d.bound {
        Some(b) => format!("{} {date}", b.as_str()),
        None => date,
    }
}

/// The byte range of the `title:` value in the front matter (`text[..body_start]`), without
/// its quotes.
fn title_range(text: &str, body_start: usize) -> Option<std::ops::Range<usize>> {
    let front = text.get(..body_start)?;
    let mut pos = 0;
    for line in front.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(value) = content.strip_prefix("title:") {
            let lead = value.len() - value.trim_start().len();
            let mut a = pos + "title:".len() + lead;
            let mut b = pos + content.len();
            let v = &text[a..b];
            let v_trim = v.trim_end();
            b = a + v_trim.len();
            for q in ['"', '\''] {
                if v_trim.len() >= 2 && v_trim.starts_with(q) && v_trim.ends_with(q) {
                    a += 1;
                    b -= 1;
                }
            }
            return (a < b).then_some(a..b);
        }
        pos += line.len();
    }
    None
}

/// Byte ranges of web and mail addresses ("http://example.com/2014/02/20/story-5660823"),
/// whose digits are never figures.
fn addresses(text: &str, start: usize) -> Vec<std::ops::Range<usize>> {
    static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]]+|\b[\w.+-]+@[\w-]+\.[\w.-]+")
            .expect("the address pattern is valid")
    });
    // Every address holds "@" or one of these (the pattern's `(?i)` folds none of their
    // letters beyond ASCII case). A literal pattern is searched for by its prefilter alone.
    static MARKERS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i-u)http|www\.").expect("the address markers are valid"));
    let body = &text[start..];
    // No address crosses whitespace, and whitespace is no word character, so the pattern
    // finds the same addresses in each whitespace-free run holding a marker as in the whole
    // body. Searching only those runs keeps the pattern (whose Unicode `\b` sends the search
    // to a slow engine on non-ASCII text) off the rest of the article.
    // (A separate search for "@" keeps the frequent letters h and w from being candidates
    // of a one-byte fingerprint.)
    let run_of = |at: usize| {
        let run_start = body[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let run_end = body[at..]
            .find(char::is_whitespace)
            .map_or(body.len(), |k| at + k);
        run_start..run_end
    };
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut add_runs = |starts: &mut dyn Iterator<Item = usize>| {
        let mut searched_to = 0;
        for at in starts {
            if at >= searched_to {
                let run = run_of(at);
                searched_to = run.end;
                runs.push(run);
            }
        }
    };
    add_runs(&mut body.match_indices('@').map(|(k, _)| k));
    add_runs(&mut MARKERS.find_iter(body).map(|m| m.start()));
    runs.sort_by_key(|r| r.start);
    runs.dedup();
    let mut out = Vec::new();
    for run in runs {
        let offset = start + run.start;
        out.extend(
            ADDRESS
                .find_iter(&body[run])
                .map(|m| offset + m.start()..offset + m.end()),
        );
    }
    out
}

/// Byte ranges of lines that are scraped-page boilerplate: listed lines, headlines of other
/// stories after the running text, links under a label ("ALSO"), teasers ("WATCH: ..."),
/// photo captions, and a page header that repeats the title among menu words.
fn boilerplate_lines(text: &str, start: usize, t: &Tables) -> Vec<std::ops::Range<usize>> {
    let lexicon = &t.rules.lexicon;
    let title = title_range(text, start).map(|r| text[r].trim());
    let mut out = Vec::new();
    let mut pos = start;
    // Headline-like lines before the running text are this report's own headline and
    // dateline; only those after it are links to other stories.
    let mut before_text = true;
    // After a label that heads links, until a line of running text.
    let mut in_links = false;
    for line in text[start..].split_inclusive('\n') {
        let trimmed = line.trim();
        let sentence = ends_as_sentence(trimmed);
        let running = sentence && trimmed.split_whitespace().nth(6).is_some();
        if running {
            in_links = false;
        }
        let furniture = !trimmed.is_empty()
            && (is_listed_boilerplate(trimmed, &lexicon.boilerplate)
                || (!before_text && is_headline_line(trimmed) && !is_aged_list_item(trimmed))
                || (in_links && !sentence)
                || (!before_text && is_teaser(trimmed, &lexicon.teaser_labels))
                || is_photo_caption(trimmed)
                || (before_text && title.is_some_and(|t| is_page_header(trimmed, t))));
        if furniture {
            out.push(pos..pos + line.len());
        }
        if is_link_label(trimmed, &lexicon.link_labels) {
            in_links = true;
        }
        if running {
            before_text = false;
        }
        pos += line.len();
    }
    out
}

/// Whether a line ends as a sentence does: a full stop, a question or exclamation mark, or a
/// closing quote.
fn ends_as_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '"', '”'])
}

/// A line that is only a label heading links: "ALSO", "Related stories:".
fn is_link_label(line: &str, labels: &[String]) -> bool {
    let label = line.trim_end_matches([':', '.', ' ']).trim();
    label.len() <= 30 && labels.iter().any(|l| label.eq_ignore_ascii_case(l))
}

/// A teaser for another story: a capitalised label and a colon, then a headline that does
/// not end as a sentence ("WATCH: Chief speaks on the shooting", "DISTURBING: $1 million
/// bond for ..."). Labels are those listed, or any label in capitals of four letters or more;
/// "UPDATE:" and the like introduce the report's own news and are not teasers.
fn is_teaser(line: &str, labels: &[String]) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim();
    if rest.trim().is_empty() || ends_as_sentence(rest.trim()) || label.len() > 24 {
        return false;
    }
    let lower = label.to_ascii_lowercase();
    if labels.contains(&lower) {
        return true;
    }
    let capitals = label.chars().all(|c| c.is_ascii_uppercase() || c == ' ')
        && label.chars().filter(char::is_ascii_uppercase).count() >= 4;
    capitals && !lower.starts_with("update") && !lower.starts_with("editor")
}

/// A photo caption: a line ending in a photo credit ("(AP Photo/Jane Roe)", "(Photo by ...)",
/// "(Getty Images)"), an agency caption that starts with a place and date in capitals
/// ("CHICAGO, IL - JUNE 20: ..."), a line that starts "In a June 5 photo, ...", or one under
/// a page's "Caption" label.
fn is_photo_caption(line: &str) -> bool {
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?i)\((?:[a-z]+ )?(?:photo|photograph|image|file photo)(?-u:\b)[^)]*\)\s*$",
            r"|\(getty images[^)]*\)\s*$",
            r"|^(?-i:[A-Z][A-Z .'-]+, [A-Z][A-Za-z.]+ - [A-Z]+ \d{1,2}):",
            r"|^in (?:a|an|this) [^,]{0,40}(?-u:\b)(?:photo|photograph|image)(?-u:\b)[^,]*,",
        ))
        .expect("the caption pattern is valid")
    });
    // A scraped video or photo caption under its label: "Caption A crowd at the vigil ...".
    if let Some(rest) = line.strip_prefix("Caption ")
        && rest.starts_with(|c: char| c.is_uppercase() || c == '+')
    {
        return true;
    }
    // A photographer's credit closes the line: "... on Jan. 27. (Ann Lee/FOX5)".
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\((?:[A-Z][\w.'-]+ ){1,3}[A-Z][\w.'-]+ ?/ ?[A-Z][\w .&'-]{0,40}\)\s*$")
            .expect("the credit pattern is valid")
    });
    let trimmed = line.trim_end();
    if trimmed.ends_with(')') && trimmed.contains('/') && CREDIT.is_match(trimmed) {
        return true;
    }
    // Most lines hold none of the words a caption needs: skip the pattern for them.
    let maybe = line.contains("hoto")
        || line.contains("HOTO")
        || line.contains("mage")
        || line.contains("MAGE")
        || line.contains(" - ")
        || line.starts_with("In ")
        || line.starts_with("in ");
    maybe && line.len() < 2_000 && CAPTION.is_match(line)
}

/// A page header before the running text: a line that holds the report's title among other
/// words (menus, a byline, share buttons), whose dates are the page's, not the report's.
fn is_page_header(line: &str, title: &str) -> bool {
    let title = title
        .split([' ', '-', '|'])
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    title.split_whitespace().nth(3).is_some()
        && !ends_as_sentence(line)
        && line.len() > title.len() + 10
        && line.contains(title.as_str())
}

/// Whether `line`, lowercased, starts with one of the (lowercase) boilerplate lines.
fn is_listed_boilerplate(line: &str, boilerplate: &[String]) -> bool {
    if line.is_ascii() {
        // An ASCII line lowercases byte for byte.
        let bytes = line.as_bytes();
        return boilerplate.iter().any(|b| {
            bytes.len() >= b.len() && bytes[..b.len()].eq_ignore_ascii_case(b.as_bytes())
        });
    }
    let lower = line.to_lowercase();
    boilerplate.iter().any(|b| lower.starts_with(b.as_str()))
}

/// A list item naming someone with an age: "— Ann Lee, 24, of Elm Street". Such a line reads
/// like a headline but belongs to the report.
fn is_aged_list_item(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(['—', '–', '-', '•', '*']) else {
        return false;
    };
    let Some((name, after)) = rest.split_once(", ") else {
        return false;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && after[digits..].starts_with([',', ';'])
        && name.split_whitespace().count() >= 2
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A line written like a headline: four to sixteen words, most of them capitalised, with a
/// figure in it and no full stop at the end.
fn is_headline_line(line: &str) -> bool {
    let words = line.split_whitespace().take(17).count();
    if !(4..=16).contains(&words)
        || line.ends_with(['.', '!', '?', ':', '"', '”'])
        || !line.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    // Words with letters, and those whose first letter is a capital.
    let (mut lettered, mut capitalised) = (0usize, 0usize);
    for w in line.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            lettered += 1;
            capitalised += usize::from(c.is_uppercase());
        }
    }
    let small = lettered - capitalised;
    capitalised * 10 >= lettered * 6 && small <= 4
}

/// Multi-word phrases looked up at token positions, longest first. The tables of [`Compiled`]
/// are looked up with tokens classified against it ([`Tables::tokenize_into`]): a token
/// without [`WordClass::PHRASE_FIRST`] (or `PHRASE_LAST`) starts (or ends) no phrase.
#[derive(Debug, Default)]
pub struct PhraseTable<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    by_last: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T: Clone> PhraseTable<T> {
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase_words(phrase);
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
            return;
        };
        for (key, map) in [(first, &mut self.by_first), (last, &mut self.by_last)] {
            let list = map.entry(key).or_default();
            list.push((words.clone(), value.clone()));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// The longest phrase that starts at token `i`: its length in tokens and its value.
    #[inline]
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        // A word that starts no phrase of any table is not looked up (most words, so this
        // test is inlined into the callers).
        if !tokens.get(i)?.class.has(WordClass::PHRASE_FIRST) {
            return None;
        }
        self.lookup_at(tokens, i)
    }

    fn lookup_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        let list = self.by_first.get(&tokens.get(i)?.lower)?;
        list.iter().find_map(|(words, v)| {
            let ok = words.iter().enumerate().all(|(k, w)| {
                tokens.get(i + k).is_some_and(|tk| {
                    &tk.lower == w && (k == 0 || tk.sentence == tokens[i].sentence)
                })
            });
            ok.then_some((words.len(), v))
        })
    }

    /// Adds the first and the last words of this table's phrases to `firsts` and `lasts`.
    fn add_ends(&self, firsts: &mut HashSet<String>, lasts: &mut HashSet<String>) {
        firsts.extend(self.by_first.keys().cloned());
        lasts.extend(self.by_last.keys().cloned());
    }

    /// The longest phrase that ends right before token `end` (exclusive).
    #[inline]
    pub fn ending_before(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        if !tokens
            .get(end.checked_sub(1)?)?
            .class
            .has(WordClass::PHRASE_LAST)
        {
            return None;
        }
        self.lookup_ending_before(tokens, end)
    }

    fn lookup_ending_before(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        let list = self.by_last.get(&tokens.get(end.checked_sub(1)?)?.lower)?;
        list.iter().find_map(|(words, v)| {
            let n = words.len();
            if n > end {
                return None;
            }
            let ok = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens[end - n + k].lower == *w);
            ok.then_some((n, v))
        })
    }
}

/// Splits a rules phrase into the words the tokenizer would make of it.
fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let w = w.to_lowercase().replace('’', "'");
        // Split leading/trailing punctuation the tokenizer keeps apart ("(photo:" -> "(", "photo", ":").
        let mut rest = w.as_str();
        let mut tail = Vec::new();
        while let Some(c) = rest.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        }
        while let Some(c) = rest
            .chars()
            .last()
            .filter(|c| !c.is_alphanumeric() && *c != '.')
        {
            tail.push(c.to_string());
            rest = &rest[..rest.len() - c.len_utf8()];
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

/// Lookup tables compiled from the rules, built once per [`Rules`] and shared.
#[derive(Debug, Default)]
pub struct Compiled {
    pub abbreviations: HashSet<String>,
    pub number_phrases: PhraseTable<(Option<f64>, Option<f64>)>,
    /// Qualifier index into `rules.qualifiers`, for those before the figure.
    pub qualifiers_before: PhraseTable<usize>,
    pub qualifiers_after: PhraseTable<usize>,
    pub increment_before: PhraseTable<()>,
    pub increment_after: PhraseTable<()>,
    /// Unit index into `rules.units`, by the words after the figure.
    pub unit_names: PhraseTable<usize>,
    /// Unit index by the symbol or code before the figure ("$", "us$").
    pub unit_prefixes: HashMap<String, usize>,
    /// Property index into `rules.properties`, by trigger words.
    pub property_words: PhraseTable<usize>,
    /// Trigger words and nouns of the properties read with the victim grammar.
    pub victim_words: PhraseTable<usize>,
    pub victim_nouns: PhraseTable<usize>,
    /// Event nouns a multiple before them counts in victims ("double homicide"), by property.
    pub counted_events: PhraseTable<usize>,
    pub person_nouns: HashSet<String>,
    pub events: PhraseTable<String>,
    pub planned: PhraseTable<()>,
    pub hypothetical: PhraseTable<()>,
    pub negations: PhraseTable<()>,
    pub retractions: PhraseTable<()>,
    /// Phrases that make a casualty figure a tally over many events ("separate shootings").
    pub tallies: PhraseTable<()>,
    /// Words for victims casualty tallies do not count ("unborn").
    pub uncounted_victims: HashSet<String>,
    pub renaming: PhraseTable<()>,
    pub stop_words: HashSet<String>,
    pub generic_heads: HashSet<String>,
    pub product_kinds: HashSet<String>,
    pub name_suffixes: HashSet<String>,
    pub not_names: HashSet<String>,
    pub street_words: HashSet<String>,
    pub ordinals: HashSet<String>,
    pub title_heads: HashSet<String>,
    pub ranks: HashSet<String>,
    pub honorifics: HashSet<String>,
    pub jurisdictions: HashSet<String>,
    pub title_connectors: HashSet<String>,
    /// Every word that appears in a post's variants ("defense", "joint", "chiefs").
    pub post_words: HashSet<String>,
    /// What a title names, by the title folded with [`roles::normal_title`]: a post's name
    /// for one of its variants, or a broader description as written; the first post listed
    /// wins.
    pub post_titles: HashMap<String, String>,
    /// The word lists that tie figures to a document's topic.
    pub topic: topic::TopicWords,
    /// The class of every lowercase word that has one (see [`Tables::class_of`]).
    word_classes: HashMap<String, WordClass>,
    /// The first and the last words of the phrases of every phrase table above.
    phrase_firsts: HashSet<String>,
    phrase_lasts: HashSet<String>,
}

impl Compiled {
    pub fn new(rules: &Rules) -> Self {
        let mut c = Compiled::default();
        let set = |v: &[String]| -> HashSet<String> { v.iter().cloned().collect() };
        c.abbreviations = set(&rules.lexicon.abbreviations);
        c.abbreviations.extend(
            rules
                .title_words
                .ranks
                .iter()
                .filter(|r| r.ends_with('.'))
                .cloned(),
        );
        c.abbreviations.extend(
            rules
                .title_words
                .honorifics
                .iter()
                .filter(|r| r.ends_with('.'))
                .cloned(),
        );
        c.abbreviations.extend(
            rules
                .lexicon
                .street_words
                .iter()
                .filter(|r| r.ends_with('.'))
                .cloned(),
        );
        for p in &rules.number_phrases {
            c.number_phrases.insert(&p.text, (p.low, p.high));
        }
        for (idx, q) in rules.qualifiers.iter().enumerate() {
            for p in &q.phrases {
                match q.position {
                    crate::rules::QualifierPosition::Before => c.qualifiers_before.insert(p, idx),
                    crate::rules::QualifierPosition::After => c.qualifiers_after.insert(p, idx),
                }
            }
        }
        for p in &rules.increment.before {
            c.increment_before.insert(p, ());
        }
        for p in &rules.increment.after {
            c.increment_after.insert(p, ());
        }
        for (idx, u) in rules.units.iter().enumerate() {
            for n in &u.names {
                c.unit_names.insert(n, idx);
            }
            for p in &u.prefixes {
                c.unit_prefixes.entry(p.to_lowercase()).or_insert(idx);
            }
        }
        for (idx, p) in rules.properties.iter().enumerate() {
            for w in p.words.iter().chain(&p.nouns) {
                c.property_words.insert(w, idx);
            }
            if p.victims {
                for w in &p.words {
                    c.victim_words.insert(w, idx);
                }
                for w in &p.nouns {
                    c.victim_nouns.insert(w, idx);
                }
                for w in &p.counted_events {
                    c.counted_events.insert(w, idx);
                }
            }
        }
        c.person_nouns = set(&rules.lexicon.person_nouns);
        for (word, key) in &rules.events {
            c.events.insert(word, key.clone());
        }
        for w in &rules.lexicon.planned {
            c.planned.insert(w, ());
        }
        for w in &rules.lexicon.hypothetical {
            c.hypothetical.insert(w, ());
        }
        for w in &rules.lexicon.negations {
            c.negations.insert(w, ());
        }
        for w in &rules.lexicon.retractions {
            c.retractions.insert(w, ());
        }
        for w in &rules.lexicon.tallies {
            c.tallies.insert(w, ());
        }
        c.uncounted_victims = set(&rules.lexicon.uncounted_victims);
        for r in &rules.lexicon.renaming {
            c.renaming.insert(r, ());
        }
        c.stop_words = set(&rules.lexicon.stop_words);
        c.generic_heads = set(&rules.lexicon.generic_heads);
        c.product_kinds = set(&rules.lexicon.product_kinds);
        c.name_suffixes = set(&rules.lexicon.name_suffixes);
        c.not_names = set(&rules.lexicon.not_names);
        c.street_words = set(&rules.lexicon.street_words);
        c.ordinals = rules.ordinals.iter().cloned().collect();
        let tw = &rules.title_words;
        c.title_heads = set(&tw.heads);
        c.ranks = set(&tw.ranks);
        c.honorifics = set(&tw.honorifics);
        c.jurisdictions = set(&tw.jurisdictions);
        c.title_connectors = set(&tw.connectors);
        for post in &rules.posts {
            for v in post.variants.iter().chain(&post.broader) {
                for w in phrase_words(&rules.fold_phrase(v)) {
                    // "of", "the", "under" are in many posts but make nothing a title.
                    if c.title_connectors.contains(&w) || c.stop_words.contains(&w) {
                        continue;
                    }
                    c.post_words.insert(w);
                }
            }
            for v in &post.variants {
                c.post_titles
                    .entry(roles::normal_title(rules, v))
                    .or_insert_with(|| post.name.clone());
            }
            for b in &post.broader {
                c.post_titles
                    .entry(roles::normal_title(rules, b))
                    .or_insert_with(|| b.clone());
            }
        }
        c.topic = topic::TopicWords::new(&rules.lexicon);
        (c.phrase_firsts, c.phrase_lasts) = c.phrase_ends();
        // Every word in a set a class is made of, and every spelling that folds to one.
        let words: HashSet<&str> = [
            &c.title_heads,
            &c.ranks,
            &c.jurisdictions,
            &c.honorifics,
            &c.post_words,
            &c.not_names,
            &c.name_suffixes,
            &c.phrase_firsts,
            &c.phrase_lasts,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(rules.spelling.keys().map(String::as_str))
        .chain(lexical::figure_words(rules))
        .chain(c.number_phrases.by_first.keys().map(String::as_str))
        .chain(["a", "one", "half"])
        .collect();
        let classes: Vec<(String, WordClass)> = words
            .into_iter()
            .filter(|w| is_lowercase(w))
            .map(|w| (w.to_string(), c.class_by_sets(rules, w)))
            .filter(|(_, class)| *class != WordClass::default())
            .collect();
        c.word_classes = classes.into_iter().collect();
        c
    }

    /// The first and the last words of the phrases of every phrase table. (Every field is
    /// named, so that a new table cannot be left out: the tables skip words without these
    /// classes.)
    fn phrase_ends(&self) -> (HashSet<String>, HashSet<String>) {
        let Compiled {
            abbreviations: _,
            number_phrases,
            qualifiers_before,
            qualifiers_after,
            increment_before,
            increment_after,
            unit_names,
            unit_prefixes: _,
            property_words,
            victim_words,
            victim_nouns,
            counted_events,
            person_nouns: _,
            events,
            planned,
            hypothetical,
            negations,
            retractions,
            tallies,
            uncounted_victims: _,
            renaming,
            stop_words: _,
            generic_heads: _,
            product_kinds: _,
            name_suffixes: _,
            not_names: _,
            street_words: _,
            ordinals: _,
            title_heads: _,
            ranks: _,
            honorifics: _,
            jurisdictions: _,
            title_connectors: _,
            post_words: _,
            post_titles: _,
            topic: _,
            word_classes: _,
            phrase_firsts: _,
            phrase_lasts: _,
        } = self;
        let (mut firsts, mut lasts) = (HashSet::default(), HashSet::default());
        number_phrases.add_ends(&mut firsts, &mut lasts);
        qualifiers_before.add_ends(&mut firsts, &mut lasts);
        qualifiers_after.add_ends(&mut firsts, &mut lasts);
        increment_before.add_ends(&mut firsts, &mut lasts);
        increment_after.add_ends(&mut firsts, &mut lasts);
        unit_names.add_ends(&mut firsts, &mut lasts);
        property_words.add_ends(&mut firsts, &mut lasts);
        victim_words.add_ends(&mut firsts, &mut lasts);
        victim_nouns.add_ends(&mut firsts, &mut lasts);
        counted_events.add_ends(&mut firsts, &mut lasts);
        events.add_ends(&mut firsts, &mut lasts);
        planned.add_ends(&mut firsts, &mut lasts);
        hypothetical.add_ends(&mut firsts, &mut lasts);
        negations.add_ends(&mut firsts, &mut lasts);
        retractions.add_ends(&mut firsts, &mut lasts);
        tallies.add_ends(&mut firsts, &mut lasts);
        renaming.add_ends(&mut firsts, &mut lasts);
        (firsts, lasts)
    }

    /// The class of a token's lowercase form, from the sets themselves.
    fn class_by_sets(&self, rules: &Rules, lower: &str) -> WordClass {
        let mut class = WordClass::default();
        let listed = |sets: &[&HashSet<String>]| sets.iter().any(|s| s.contains(lower));
        let (heads, ranks, places, courtesy) = (
            &self.title_heads,
            &self.ranks,
            &self.jurisdictions,
            &self.honorifics,
        );
        if listed(&[heads, ranks, places, courtesy])
            || self.post_words.contains(&*rules.fold_word(lower))
        {
            class = class.with(WordClass::TITLE);
        }
        if listed(&[heads]) {
            class = class.with(WordClass::TITLE_HEAD);
        }
        if listed(&[&self.not_names, heads, places, ranks, courtesy]) {
            class = class.with(WordClass::NOT_IN_NAME);
        }
        if listed(&[&self.name_suffixes]) {
            class = class.with(WordClass::NAME_SUFFIX);
        }
        if lexical::may_start_figure(rules, lower)
            || self.number_phrases.by_first.contains_key(lower)
        {
            class = class.with(WordClass::NUMBER);
        }
        if self.phrase_firsts.contains(lower) {
            class = class.with(WordClass::PHRASE_FIRST);
        }
        if self.phrase_lasts.contains(lower) {
            class = class.with(WordClass::PHRASE_LAST);
        }
        class
    }
}

/// A word that lowercasing leaves as it is (so that folding its spelling is looking it up in
/// the spelling table): every character its own lowercase. ("Σ" is not, so a final sigma
/// never makes a difference.)
fn is_lowercase(w: &str) -> bool {
    if w.is_ascii() {
        return !w.bytes().any(|b| b.is_ascii_uppercase());
    }
    w.chars().all(|c| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    })
}

/// The rules and their compiled tables, as the readers use them.
pub struct Tables<'a> {
    pub rules: &'a Rules,
    pub c: Arc<Compiled>,
}

impl<'a> Tables<'a> {
    pub fn new(rules: &'a Rules) -> Self {
        Tables {
            rules,
            c: rules.cached(Compiled::new),
        }
    }

    /// Cuts `ranges` of `text` into `out` (see [`tokens::tokenize_ranges_into`]) and gives
    /// every token its [`WordClass`].
    pub fn tokenize_into(
        &self,
        out: &mut tokens::Tokens,
        text: &str,
        ranges: &[std::ops::Range<usize>],
    ) {
        tokens::tokenize_ranges_into(out, text, ranges, &self.c.abbreviations, |lower| {
            self.class_of(lower)
        });
    }

    /// The class of a token's lowercase form. A lowercase word has the class the table holds
    /// for it or none (every lowercase word of the sets and every spelling variant is in the
    /// table); anything else is looked up in the sets.
    pub fn class_of(&self, lower: &str) -> WordClass {
        if is_lowercase(lower) {
            return self.c.word_classes.get(lower).copied().unwrap_or_default();
        }
        self.c.class_by_sets(self.rules, lower)
    }

    pub fn number_phrase_at(
        &self,
        tokens: &[Token],
        i: usize,
    ) -> Option<(usize, Option<f64>, Option<f64>)> {
        self.c
            .number_phrases
            .at(tokens, i)
            .map(|(len, (low, high))| (len, *low, *high))
    }
}

/// Makes claims from a bare string, for tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub fn rules() -> Rules {
        Rules::builtin().expect("built-in rules load")
    }

    pub fn claims(text: &str, rules: &Rules) -> Vec<Claim> {
        extract(0, &Document::from_text("test.txt", text), rules)
    }

    /// The claims of `text` in a document whose front matter dates it `date`.
    pub fn claims_dated(date: &str, text: &str, rules: &Rules) -> Vec<Claim> {
        let front = format!("---\ndate: {date}\n---\n");
        let mut doc = Document::from_text("t.md", format!("{front}{text}"));
        doc.body_start = front.len();
        doc.meta.date = Some(date.to_string());
        extract(0, &doc, rules)
    }

    pub fn first_number(text: &str, rules: &Rules) -> Option<(numbers::NumberMatch, String)> {
        let t = Tables::new(rules);
        let mut toks = tokens::Tokens::default();
        t.tokenize_into(&mut toks, text, std::slice::from_ref(&(0..text.len())));
        (0..toks.tokens.len()).find_map(|i| {
            let m = numbers::number_at(&toks.tokens, i, text, &t)?;
            let covered = text[toks.tokens[m.first].start..toks.tokens[m.last].end].to_string();
            Some((m, covered))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::{claims_dated, rules};
    use crate::model::{Aspect, ClaimKind};

    /// The texts of the claims of a body dated 2021-03-04.
    fn texts(body: &str) -> Vec<String> {
        claims_dated("2021-03-04", body, &rules())
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    const LEAD: &str = "Three people were hurt when a car struck a bus shelter on Main Street \
                        on Wednesday, police said.\n\n";

    #[test]
    fn links_under_a_label_are_not_the_article() {
        let body = format!(
            "{LEAD}ALSO\n\nGunman kills 3 at a mall in the valley\n\nWoman wins 2 awards for \
             her garden\n\nThe driver, 40, was not hurt, police said on Thursday morning.\n"
        );
        let got = texts(&body);
        assert!(
            !got.iter().any(|t| t.contains("kills 3") || t.contains('2')),
            "{got:?}"
        );
        // Running text after the links is the article again.
        assert!(got.iter().any(|t| t.contains("40")), "{got:?}");
    }

    #[test]
    fn teasers_and_captions_state_nothing() {
        let body = format!(
            "{LEAD}WATCH: Chief says 4 officers hurt in a crash downtown\n\n\
             SHOCKING: $2 million bail for man in a separate case\n\n\
             Neighbours left 12 candles at the shelter. (AP Photo/Jane Roe)\n\n\
             SPRINGFIELD, IL - MARCH 3: Six people were hurt in a crash here.\n\n\
             In a March 3 photo, 5 firefighters stand beside the bus.\n\n\
             Caption Double shooting in Ashford Caption Three men were shot dead in Ashford.\n\n\
             Seven mourners gather at the gate on Sunday. (Ann Lee/Channel 9)\n\n\
             UPDATE: Police said two people were hurt. The trial moved (see A/B test).\n"
        );
        let got = texts(&body);
        for furniture in [
            "4 officers",
            "$2 million",
            "12 candles",
            "Six people",
            "5 firefighters",
            "Three men",
            "Seven mourners",
        ] {
            assert!(
                !got.iter().any(|t| t.contains(furniture)),
                "{furniture}: {got:?}"
            );
        }
        // "UPDATE:" introduces the report's own news.
        assert!(got.iter().any(|t| t.contains("two people")), "{got:?}");
    }

    #[test]
    fn a_page_header_that_repeats_the_title_dates_nothing() {
        let front = "---\ntitle: \"Driver charged after bus shelter crash downtown\"\ndate: 2021-03-04\n---\n";
        let body = "Home News Local Driver charged after bus shelter crash downtown March 9th, \
                    2021 Jane Roe Share Tweet\n\nThe driver was charged on Thursday, police said \
                    in a statement.\n";
        let mut doc = crate::model::Document::from_text("t.md", format!("{front}{body}"));
        doc.body_start = front.len();
        doc.meta.date = Some("2021-03-04".into());
        let got: Vec<String> = super::extract(0, &doc, &rules())
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .map(|c| c.text)
            .collect();
        assert!(!got.iter().any(|t| t.contains("March 9th")), "{got:?}");
    }

    #[test]
    fn a_decimal_spaced_apart_is_doubted() {
        let got = claims_dated(
            "2021-03-04",
            "The laptop has a 2. 8 GHz processor, the maker said.\n",
            &rules(),
        );
        let ghz = got
            .iter()
            .find(|c| c.text.contains("8 GHz"))
            .expect("the frequency is read");
        assert_eq!(ghz.doubts.first().map(|d| d.about), Some(Aspect::Value));
        let got = claims_dated(
            "2021-03-04",
            "The processor runs at 2.8 GHz, the maker said.\n",
            &rules(),
        );
        assert!(got.iter().all(|c| c.doubts.is_empty()), "{got:?}");
    }

    #[test]
    fn a_figure_of_a_common_noun_doubts_its_subject() {
        let rules = rules();
        let got = claims_dated(
            "2021-03-04",
            "The judge handed down a five-year sentence on Thursday.\n",
            &rules,
        );
        let sentence = got
            .iter()
            .find(|c| c.property == "duration")
            .expect("a duration claim");
        assert_eq!(
            sentence.doubts.first().map(|d| d.about),
            Some(Aspect::Subject)
        );
        // A named thing, and the one thing a definite description means, are definite about
        // their subject.
        for text in [
            "The army received six HIMARS on Thursday.\n",
            "The span is 40 metres long, the engineers said.\n",
        ] {
            let got = claims_dated("2021-03-04", text, &rules);
            assert!(
                !got.is_empty() && got.iter().all(|c| c.doubts.is_empty()),
                "{got:?}"
            );
        }
    }
}
