//! The annotated document every claim builder reads: the tokens with the rules' tables
//! ([`Context`]), the claim a builder drafts before it is placed ([`Draft`]), and the facts
//! about the page as a whole that no builder owns: where the front matter's title is, the web
//! and mail addresses whose digits are never figures, and the scraped-page boilerplate lines
//! (headlines of other stories, teasers, captions, a page header) whose figures are not the
//! report's.

use std::sync::LazyLock;

use regex::Regex;

use super::tables::Tables;
use super::tokens::{self, Token};
use crate::model::{ClaimKind, Subject, Value};

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
    /// Tokens "but" that take back what comes before them ([`super::modality::retracting_buts`]).
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
/// The byte range of the `title:` value in the front matter (`text[..body_start]`), without
/// its quotes.
pub(super) fn title_range(text: &str, body_start: usize) -> Option<std::ops::Range<usize>> {
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
pub(super) fn addresses(text: &str, start: usize) -> Vec<std::ops::Range<usize>> {
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
pub(super) fn boilerplate_lines(
    text: &str,
    start: usize,
    t: &Tables,
) -> Vec<std::ops::Range<usize>> {
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
