//! Tokens and sentences: the text of a document cut into words, numbers and punctuation, each
//! with its byte range, and grouped into sentences and paragraphs.
//!
//! Words keep internal hyphens and apostrophes ("surface-to-air", "44-year-old"); digits keep
//! their separators ("1,400", "1.2"); known abbreviations and initials keep their periods
//! ("Sept.", "U.S.", "J."), so that a period token is a real full stop.

use rustc_hash::FxHashSet as HashSet;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes and an abbreviation's periods.
    Word,
    /// Digits with optional thousands separators and a decimal point: "1,400", "1.2".
    Number,
    /// Digits and letters mixed ("5m", "F-16", "16th", "44-year-old", "155mm").
    Mixed,
    /// One character of anything else: "$", "(", ",", ".", "%".
    Punct,
}

/// What the rules say a token's lowercase form is, looked up once per token
/// (`Tables::class_of`) so that the readers test bits instead of looking words up in sets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(u8);

impl WordClass {
    /// A title word: a head, rank, jurisdiction or honorific, or a word of a post's variants
    /// once its spelling is folded.
    pub const TITLE: WordClass = WordClass(1);
    /// A title head ("secretary", "minister").
    pub const TITLE_HEAD: WordClass = WordClass(1 << 1);
    /// Never part of a person's name: not a name, a title head, a jurisdiction, a rank or an
    /// honorific.
    pub const NOT_IN_NAME: WordClass = WordClass(1 << 2);
    /// A name suffix ("jr", "iii").
    pub const NAME_SUFFIX: WordClass = WordClass(1 << 3);
    /// May start a figure: a number word, "a", "one", "half", or the first word of a number
    /// phrase. A word or punctuation mark without it (and without a hyphen) starts none.
    pub const NUMBER: WordClass = WordClass(1 << 4);
    /// The first word of a phrase in one of the rules' phrase tables.
    pub const PHRASE_FIRST: WordClass = WordClass(1 << 5);
    /// The last word of a phrase in one of the rules' phrase tables.
    pub const PHRASE_LAST: WordClass = WordClass(1 << 6);
    /// Holds a hyphen ("twenty-three", "44-year-old", "-"); set by the tokenizer itself.
    pub const HYPHENATED: WordClass = WordClass(1 << 7);

    pub fn has(self, other: WordClass) -> bool {
        self.0 & other.0 != 0
    }

    pub fn with(self, other: WordClass) -> WordClass {
        WordClass(self.0 | other.0)
    }
}

/// One token of a document.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lowercase text, with a possessive "'s" and curly apostrophes normalised.
    pub lower: String,
    /// Whether the first character is uppercase.
    pub capitalized: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
    /// Index of the paragraph the token belongs to.
    pub paragraph: usize,
    /// Whether whitespace stands right before this token.
    pub space_before: bool,
    /// What the rules say `lower` is, as the tokenizer's `classify` said (the extractor's is
    /// `Tables::class_of`, which the readers and the phrase tables rely on).
    pub class: WordClass,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == TokenKind::Punct && self.lower == c
    }

    /// All letters uppercase and at least two of them ("NASAMS", "HIMARS", "GMLRs" counts too:
    /// an acronym with a lowercase plural s).
    pub fn is_acronym(&self, source: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        let t = self.text(source);
        let t = t.strip_suffix('s').unwrap_or(t);
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    }
}

/// A document's text cut into tokens.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    /// For each sentence, the range of token indices it covers.
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// Cuts `text[start..end]` into tokens, without word classes. `abbreviations` are lowercase
/// words with their final period ("sept.", "u.s.").
pub fn tokenize(text: &str, start: usize, end: usize, abbreviations: &HashSet<String>) -> Tokens {
    tokenize_ranges(text, std::slice::from_ref(&(start..end)), abbreviations)
}

/// Cuts several byte ranges of `text` into one token list; each range starts a new paragraph
/// (used for a title in the front matter followed by the body).
pub fn tokenize_ranges(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    abbreviations: &HashSet<String>,
) -> Tokens {
    let mut out = Tokens::default();
    tokenize_ranges_into(&mut out, text, ranges, abbreviations, |_| {
        WordClass::default()
    });
    out
}

/// [`tokenize_ranges`] into `out`, replacing what it held and reusing its buffers; each
/// token's class is `classify` of its lowercase form, with [`WordClass::HYPHENATED`] added.
pub fn tokenize_ranges_into(
    out: &mut Tokens,
    text: &str,
    ranges: &[std::ops::Range<usize>],
    abbreviations: &HashSet<String>,
    classify: impl Fn(&str) -> WordClass,
) {
    out.tokens.clear();
    let mut tokens = std::mem::take(&mut out.tokens);
    // The lowercase form of a word with its period, to look abbreviations up.
    let mut with_dot = String::new();
    let bytes = text.as_bytes();
    let mut sentence = 0usize;
    let mut paragraph = 0usize;
    let mut sentence_starts = vec![0usize];
    let mut space_before = true;
    let mut newlines_since_token = 0usize;

    let end_sentence = |tokens: &Vec<Token>, sentence: &mut usize, starts: &mut Vec<usize>| {
        if starts.last().copied() != Some(tokens.len()) {
            *sentence += 1;
            starts.push(tokens.len());
        }
    };

    for range in ranges {
        let end = range.end.min(text.len());
        let mut i = range.start.min(end);
        let mut line_start = i;
        let mut last_line_chars = 0usize;
        if !tokens.is_empty() {
            end_sentence(&tokens, &mut sentence, &mut sentence_starts);
            paragraph += 1;
            newlines_since_token = 0;
            space_before = true;
        }
        while i < end {
            // Most of a news text is ASCII: its characters need no decoding.
            let c = if bytes[i].is_ascii() {
                char::from(bytes[i])
            } else if let Some(c) = text[i..end].chars().next() {
                c
            } else {
                break;
            };
            let clen = c.len_utf8();
            if c.is_whitespace() {
                if c == '\n' {
                    newlines_since_token += 1;
                    if newlines_since_token == 1 {
                        // A line of running text has words; a web address or a code line
                        // of the same length does not.
                        let line = text[line_start..i].trim();
                        last_line_chars = if line.split_whitespace().nth(4).is_some() {
                            line.chars().count()
                        } else {
                            0
                        };
                    }
                    line_start = i + 1;
                }
                space_before = true;
                i += clen;
                continue;
            }
            // Line breaks between tokens: a blank line ends the paragraph. A single break is a
            // wrapped line of running text, except after a short line (a heading, a caption, a
            // byline), a colon, or before a list item.
            if newlines_since_token > 0 && !tokens.is_empty() {
                if newlines_since_token >= 2 {
                    end_sentence(&tokens, &mut sentence, &mut sentence_starts);
                    paragraph += 1;
                } else if last_line_chars < WRAPPED_LINE
                    || ends_with_colon(&tokens)
                    || starts_list_item(c)
                {
                    end_sentence(&tokens, &mut sentence, &mut sentence_starts);
                }
            }
            newlines_since_token = 0;

            let tok_start = i;
            let (tok_end, kind) = if c.is_alphanumeric() {
                scan_word(text, i, end)
            } else if c == '.' && leading_point(&tokens, space_before, &text[i + 1..end]) {
                // ".5", "(.64)": a decimal written without its zero.
                match scan_word(text, i + 1, end) {
                    (e, TokenKind::Number) => (e, TokenKind::Number),
                    _ => (i + clen, TokenKind::Punct),
                }
            } else {
                (i + clen, TokenKind::Punct)
            };
            let mut tok_end = tok_end;
            let mut kind = kind;

            // A period right after a word: keep it when the word is a known abbreviation or an
            // initial ("J.", "U.S.").
            if kind == TokenKind::Word && tok_end < end && bytes[tok_end] == b'.' {
                let word = &text[tok_start..tok_end];
                // A letter after a figure ("500 K.", "2 m.", "20°C.") or after a rate's slash
                // ("5 mg/L.") is a unit before a full stop, not an initial; "10 p.m." stays one
                // abbreviation.
                let after_figure = tokens.last().is_some_and(|p: &Token| {
                    matches!(p.kind, TokenKind::Number)
                        || p.lower == "°"
                        || p.lower == "º"
                        || (p.lower == "/" && p.end == tok_start)
                }) && !text[tok_end + 1..end]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let single_letter = word.chars().count() == 1
                    && word.chars().all(|c| c.is_alphabetic())
                    && !after_figure;
                if single_letter || {
                    with_dot.clear();
                    if word.is_ascii() {
                        with_dot.push_str(word);
                        with_dot.make_ascii_lowercase();
                    } else {
                        with_dot.push_str(&word.to_lowercase());
                    }
                    with_dot.push('.');
                    abbreviations.contains(&with_dot)
                } {
                    tok_end += 1;
                    // "U.S.", "a.m.", "D.C.": letter-period pairs.
                    loop {
                        let rest = &text[tok_end..end];
                        let mut ch = rest.chars();
                        match (ch.next(), ch.next()) {
                            (Some(l), Some('.')) if l.is_alphabetic() => {
                                let next_after = rest[l.len_utf8() + 1..].chars().next();
                                if next_after.is_none_or(|n| !n.is_alphanumeric()) {
                                    tok_end += l.len_utf8() + 1;
                                } else {
                                    break;
                                }
                            }
                            _ => break,
                        }
                    }
                    kind = TokenKind::Word;
                }
            }

            let raw = &text[tok_start..tok_end];
            let mut lower = String::with_capacity(raw.len());
            lowercase_into(&mut lower, raw);
            if kind == TokenKind::Word && (lower.ends_with("'s")) && lower.len() > 2 {
                lower.truncate(lower.len() - 2);
            }
            let capitalized = if bytes[tok_start].is_ascii() {
                bytes[tok_start].is_ascii_uppercase()
            } else {
                raw.chars().next().is_some_and(|c| c.is_uppercase())
            };
            let mut class = classify(&lower);
            if lower.bytes().any(|b| b == b'-') {
                class = class.with(WordClass::HYPHENATED);
            }
            tokens.push(Token {
                start: tok_start,
                end: tok_end,
                kind,
                lower,
                capitalized,
                sentence,
                paragraph,
                space_before,
                class,
            });
            space_before = false;
            i = tok_end;

            // Full stops end sentences when followed by space, a quote or the end.
            if kind == TokenKind::Punct && matches!(c, '.' | '!' | '?' | '…' | ';') {
                let next = text[i..end].chars().next();
                let closing = next.is_some_and(|n| matches!(n, '"' | '”' | '’' | '\'' | ')'));
                if next.is_none_or(|n| n.is_whitespace()) || glued_sentence(&text[i..end]) {
                    end_sentence(&tokens, &mut sentence, &mut sentence_starts);
                } else if closing {
                    // Take the closing quote into this sentence first.
                    let q = next.map_or(0, char::len_utf8);
                    let lower = text[i..i + q].to_string();
                    let class = classify(&lower);
                    tokens.push(Token {
                        start: i,
                        end: i + q,
                        kind: TokenKind::Punct,
                        lower,
                        capitalized: false,
                        sentence,
                        paragraph,
                        space_before: false,
                        class,
                    });
                    i += q;
                    end_sentence(&tokens, &mut sentence, &mut sentence_starts);
                }
            }
        }
    }

    let sentences = &mut out.sentences;
    sentences.clear();
    for (k, &s) in sentence_starts.iter().enumerate() {
        let e = sentence_starts.get(k + 1).copied().unwrap_or(tokens.len());
        if s < e {
            sentences.push(s..e);
        }
    }
    // Renumber so that sentence indices match `sentences`.
    for (idx, range) in sentences.iter().enumerate() {
        for t in &mut tokens[range.clone()] {
            t.sentence = idx;
        }
    }
    out.tokens = tokens;
}

/// Replaces `buf` with the lowercase form of `raw`, curly apostrophes made straight.
fn lowercase_into(buf: &mut String, raw: &str) {
    buf.clear();
    // ASCII needs no Unicode case tables, and only a curly apostrophe needs replacing.
    if raw.is_ascii() {
        buf.push_str(raw);
        buf.make_ascii_lowercase();
    } else if !raw.contains('Σ') {
        // Character by character is `str::to_lowercase` but for a final sigma.
        for c in raw.chars() {
            if c == '’' {
                buf.push('\'');
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    } else {
        buf.push_str(&raw.to_lowercase().replace('’', "'"));
    }
}

/// Lines at least this long (in characters) that break without a full stop are running text
/// wrapped by the writer's editor; shorter ones are headings, captions and bylines.
const WRAPPED_LINE: usize = 45;

/// Whether the text right after a full stop starts a new sentence with no space before it:
/// a capital and then a small letter ("grossed $5 million.The film"), as text pasted from
/// several paragraphs often is. Abbreviations and initials ("U.S.", "St.") have taken their
/// period into the word before this is asked.
fn glued_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

fn ends_with_colon(tokens: &[Token]) -> bool {
    tokens.last().is_some_and(|t| t.lower == ":")
}

/// "-", "*", "•" or a digit start a list item on a new line.
fn starts_list_item(c: char) -> bool {
    matches!(c, '-' | '*' | '•' | '–' | '#' | '>' | '|')
}

/// Scans a word or number starting at `i` and says which it is.
fn scan_word(text: &str, i: usize, end: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut has_alpha = false;
    let mut has_digit = false;
    let mut prev: Option<char> = None;
    while j < end {
        let b = bytes[j];
        // ASCII letters and digits, the bulk of every word, without decoding.
        if b.is_ascii_alphanumeric() {
            has_alpha |= b.is_ascii_alphabetic();
            has_digit |= b.is_ascii_digit();
            prev = Some(char::from(b));
            j += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else if let Some(c) = text[j..end].chars().next() {
            c
        } else {
            break;
        };
        if c.is_alphanumeric() {
            has_alpha |= c.is_alphabetic();
            has_digit |= c.is_numeric();
            prev = Some(c);
            j += c.len_utf8();
            continue;
        }
        // The character after a joiner (read only for joiners: most words end at a space).
        let next = || text[j + c.len_utf8()..end].chars().next();
        let joins = match c {
            // "surface-to-air", "44-year-old", "F-16", "O'Brien", "Kyiv’s"
            '-' | '\'' | '’' | '‑' => {
                prev.is_some_and(char::is_alphanumeric) && next().is_some_and(char::is_alphanumeric)
            }
            // "1,400", "1.2": separators between digits only.
            ',' | '.' => {
                prev.is_some_and(|p| p.is_ascii_digit())
                    && next().is_some_and(|n| n.is_ascii_digit())
                    && (!has_alpha || (c == '.' && code_then_digits(&text[i..j])))
                    && (c == '.'
                        || digits_group_follows(&text[j + 1..end])
                        || indian_groups_follow(&text[j + 1..end]))
            }
            _ => false,
        };
        if !joins {
            break;
        }
        prev = Some(c);
        j += c.len_utf8();
    }
    let kind = match (has_alpha, has_digit) {
        (true, true) => TokenKind::Mixed,
        (false, true) => TokenKind::Number,
        _ => TokenKind::Word,
    };
    (j, kind)
}

/// A currency code glued before digits, as "USD115" is before ".5".
fn code_then_digits(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 3
        && b[..3].iter().all(u8::is_ascii_uppercase)
        && b[3..].iter().all(u8::is_ascii_digit)
}

/// After a comma in digits, a thousands group is exactly three digits.
fn digits_group_follows(rest: &str) -> bool {
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits == 3
}

/// Indian grouping after a comma: groups of two digits that end in a group of three
/// ("12,34,567.89": after the first comma, "34,567").
fn indian_groups_follow(rest: &str) -> bool {
    let b = rest.as_bytes();
    let mut k = 0;
    loop {
        let digits = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        match (digits, b.get(k + digits)) {
            (2, Some(b',')) => k += 3,
            (3, _) => return k > 0,
            _ => return false,
        }
    }
}

/// Whether a period starts a decimal written without its zero (".5", "(.64)"): digits follow,
/// and before it stands a space, an opening bracket or a sign, not a figure or a word it ends.
fn leading_point(tokens: &[Token], space_before: bool, rest: &str) -> bool {
    rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && (space_before
            || tokens.last().is_some_and(|p| {
                matches!(
                    p.lower.as_str(),
                    "(" | "[" | "-" | "−" | "±" | "~" | "∼" | "$" | "£" | "€"
                )
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrevs() -> HashSet<String> {
        ["sept.", "u.s.", "gen."]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        let t = tokenize(text, 0, text.len(), &abbrevs());
        t.tokens.iter().map(|t| t.text(text).to_string()).collect()
    }

    #[test]
    fn figures_keep_indian_groups_bare_points_and_their_unit_letters() {
        assert_eq!(
            words("It was 12,34,567.89 in all."),
            ["It", "was", "12,34,567.89", "in", "all", "."]
        );
        assert_eq!(
            words("Only .75 (.5 too)"),
            ["Only", ".75", "(", ".5", "too", ")"]
        );
        // A period after a digit is no bare point: "end.5" stays apart.
        assert_eq!(words("the end.5"), ["the", "end", ".", "5"]);
        // "12,34" is no Indian group without its final three digits.
        assert_eq!(words("12,34"), ["12", ",", "34"]);
        // A unit letter before a full stop is no initial; "p.m." stays whole.
        assert_eq!(words("at 500 K. Then"), ["at", "500", "K", ".", "Then"]);
        assert_eq!(
            words("of 2 mg/l. Then"),
            ["of", "2", "mg", "/", "l", ".", "Then"]
        );
        assert_eq!(words("at 10 p.m. Monday"), ["at", "10", "p.m.", "Monday"]);
        assert_eq!(words("J. Smith"), ["J.", "Smith"]);
        assert_eq!(
            words("USD115.5 and v1.2"),
            ["USD115.5", "and", "v1", ".", "2"]
        );
    }

    #[test]
    fn keeps_separators_hyphens_and_abbreviations() {
        assert_eq!(
            words("Over 1,400 surface-to-air U.S. systems on Sept. 28, 2022."),
            [
                "Over",
                "1,400",
                "surface-to-air",
                "U.S.",
                "systems",
                "on",
                "Sept.",
                "28",
                ",",
                "2022",
                "."
            ]
        );
        assert_eq!(words("$1.2 billion"), ["$", "1.2", "billion"]);
        assert_eq!(
            words("Lloyd J. Austin III"),
            ["Lloyd", "J.", "Austin", "III"]
        );
        assert_eq!(
            words("a 44-year-old and F-16s"),
            ["a", "44-year-old", "and", "F-16s"]
        );
    }

    #[test]
    fn a_comma_between_figures_is_not_a_thousands_separator() {
        assert_eq!(
            words("killed 2,3 people"),
            ["killed", "2", ",", "3", "people"]
        );
        assert_eq!(
            words("in 2014,15 people"),
            ["in", "2014", ",", "15", "people"]
        );
    }

    #[test]
    fn a_wrapped_line_goes_on_but_a_short_heading_line_ends() {
        let text = "The commission heard that the harbour master, Ruth\nAlmeida, had resigned.\nShort caption\nNext line.";
        let t = tokenize(text, 0, text.len(), &abbrevs());
        assert_eq!(t.sentences.len(), 3, "{:?}", t.sentences);
    }

    /// The text of each sentence `tokenize` finds.
    fn sentences_of(text: &str) -> Vec<String> {
        let t = tokenize(text, 0, text.len(), &abbrevs());
        t.sentences
            .iter()
            .map(|r| text[t.tokens[r.start].start..t.tokens[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn sentences_end_at_full_stops_and_blank_lines_not_abbreviations() {
        let text = "Gen. Mark Milley spoke. The U.S. Army agreed.\n\nA heading\nNext line here.";
        assert_eq!(
            sentences_of(text),
            [
                "Gen. Mark Milley spoke.",
                "The U.S. Army agreed.",
                "A heading",
                "Next line here."
            ]
        );
    }

    #[test]
    fn a_full_stop_glued_to_the_next_sentence_still_ends_one() {
        let text = "The museum drew 41,200 visitors.Its shop sold 900 maps. The U.S.Navy came.";
        assert_eq!(
            sentences_of(text),
            [
                "The museum drew 41,200 visitors.",
                "Its shop sold 900 maps.",
                "The U.S.Navy came."
            ]
        );
    }

    #[test]
    fn possessives_are_stripped_from_the_lowercase_form() {
        let text = "Kyiv’s demands";
        let t = tokenize(text, 0, text.len(), &abbrevs());
        assert_eq!(t.tokens[0].lower, "kyiv");
        assert_eq!(t.tokens[0].text(text), "Kyiv’s");
    }
}
