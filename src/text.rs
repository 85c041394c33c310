//! Positions in text: byte offsets to 1-based line and column numbers, and the place in a file
//! that an error about it points at.

use crate::model::Span;
use miette::SourceSpan;

/// Where an error in a file (a rules or configuration file, a baseline) points: an excerpt of
/// the file around the place as source, the span in it (an empty one widened to a point) and a
/// label, the first line of the message.
pub(crate) struct ErrorSite {
    pub src: Excerpt,
    pub span: Option<SourceSpan>,
    pub label: String,
}

pub(crate) fn error_site(
    path: &str,
    text: &str,
    message: &str,
    span: Option<std::ops::Range<usize>>,
) -> ErrorSite {
    let index = LineIndex::new(text);
    let range = span.clone().unwrap_or(0..0);
    let range = range.start..range.end.max(range.start);
    let (_, column) = index.line_col(text, range.start);
    let src = Excerpt::new(path, text, &index, range, column, DEFAULT_EXCERPT_WIDTH);
    ErrorSite {
        span: span.map(|_| src.span()),
        src,
        label: message.lines().next().unwrap_or("here").to_string(),
    }
}

/// Line starts of one text, for turning byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// 1-based line and column (in characters) of a byte offset. A byte-order mark at the start
    /// of the text is not counted as a column.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let prefix = text.get(start..offset).unwrap_or("");
        let prefix = if start == 0 {
            prefix.trim_start_matches('\u{feff}')
        } else {
            prefix
        };
        (line, prefix.chars().count() + 1)
    }

    /// The byte range of 0-based line `line` of `text`, without its line break (`\n` or
    /// `\r\n`); an empty range at the end for a line past the last.
    pub fn content(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let Some(&start) = self.starts.get(line) else {
            return text.len()..text.len();
        };
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1)
            .max(start);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    pub fn span(&self, text: &str, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(text, start);
        Span {
            start,
            end,
            line,
            column,
        }
    }

    /// A cursor for spans asked for in ascending order: each column is counted on from the
    /// previous one on the same line, so a long line costs its length once, not once per span.
    pub fn cursor<'a>(&'a self, text: &'a str) -> SpanCursor<'a> {
        SpanCursor {
            index: self,
            text,
            at: None,
        }
    }
}

/// See [`LineIndex::cursor`].
pub struct SpanCursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last position given: (line, byte offset, column).
    at: Option<(usize, usize, usize)>,
}

impl SpanCursor<'_> {
    pub fn span(&mut self, start: usize, end: usize) -> Span {
        let offset = start.min(self.text.len());
        let line = self.index.starts.partition_point(|&s| s <= offset);
        let column = match self.at {
            Some((l, o, c)) if l == line && o <= offset && self.text.is_char_boundary(o) => {
                c + self.text.get(o..offset).map_or(0, |s| s.chars().count())
            }
            _ => self.index.line_col(self.text, offset).1,
        };
        self.at = Some((line, offset, column));
        Span {
            start,
            end,
            line,
            column,
        }
    }
}

/// Characters of a line shown around a span when no width is asked for (no terminal to fit):
/// enough for any sentence, and a bound on what a line of megabytes costs to show.
pub const DEFAULT_EXCERPT_WIDTH: usize = 300;

/// The fewest characters of a line an excerpt shows, however narrow the terminal.
const MIN_EXCERPT_WIDTH: usize = 20;

/// Lines of a span an excerpt shows at most; a longer span is cut after them.
const MAX_SPAN_LINES: usize = 8;

/// What marks a line cut short in an excerpt.
pub const ELLIPSIS: char = '…';

/// A few lines of a text around a span, each cut to a window of characters around the span
/// with an ellipsis where it was cut: what miette shows of a claim's document or of a file an
/// error is in. It keeps the text's line numbers and gives columns in characters, so
/// `path:line:col` is that of the whole text; what it costs depends on the window, never on
/// the length of the text or of its lines.
#[derive(Debug, Clone)]
pub struct Excerpt {
    name: String,
    snippet: String,
    /// 0-based line of the text that the snippet's first line is.
    first_line: usize,
    /// Per line of the snippet: where it starts in the snippet, the bytes of the ellipsis
    /// opening it (0 when it is not cut on the left), and the 0-based column, in characters of
    /// the text, of its first character after that ellipsis.
    lines: Vec<(usize, usize, usize)>,
    /// The span, in the snippet.
    span: std::ops::Range<usize>,
}

impl Excerpt {
    /// An excerpt of `text` (named `name`, with line starts `index`) around the byte range
    /// `span`, whose start is at 1-based character column `column` of its line (as in
    /// [`Span::column`]); each line is cut to `width` characters or fewer, ellipses included. The line before the
    /// span and the line after it are shown too.
    pub fn new(
        name: &str,
        text: &str,
        index: &LineIndex,
        span: std::ops::Range<usize>,
        column: usize,
        width: usize,
    ) -> Self {
        let width = width.max(MIN_EXCERPT_WIDTH);
        let start = floor_boundary(text, span.start.min(text.len()));
        let end = floor_boundary(text, span.end.min(text.len())).max(start);
        let line_of = |offset: usize| index.starts.partition_point(|&s| s <= offset) - 1;
        let first_span_line = line_of(start);
        let mut last_span_line = line_of(end.saturating_sub(1).max(start));
        let mut end = end;
        if last_span_line >= first_span_line + MAX_SPAN_LINES {
            last_span_line = first_span_line + MAX_SPAN_LINES - 1;
            end = index.content(text, last_span_line).end;
        }
        let first_line = first_span_line.saturating_sub(1);
        let mut last_line = last_span_line + 1;
        if last_line >= index.starts.len() || index.starts[last_line] >= text.len() {
            last_line = last_span_line;
        }
        let mut snippet = String::new();
        let mut lines = Vec::new();
        let (mut at_start, mut at_end) = (None, None);
        for line in first_line..=last_line {
            if line > first_line {
                snippet.push('\n');
            }
            let mut content = index.content(text, line);
            if line == 0 && text[content.clone()].starts_with('\u{feff}') {
                // A byte-order mark is not a column.
                content.start += '\u{feff}'.len_utf8();
            }
            let body = &text[content.clone()];
            // The window: around the span's start on its first line, from the line's start on
            // every other; the whole line when it fits.
            // A line cut short keeps two characters for its ellipses.
            let fits = fits_after(body, 0, width).is_none();
            let window = if fits { width } else { width - 2 };
            let (from, from_column) = if line == first_span_line && !fits {
                // A third of the window before the span, or more when the line ends sooner.
                let at = start.min(content.end);
                let before = &text[content.start..at];
                let lead = before
                    .char_indices()
                    .rev()
                    .nth((window / 3).saturating_sub(1))
                    .map_or(content.start, |(i, _)| content.start + i);
                let tail = body
                    .char_indices()
                    .rev()
                    .nth(window - 1)
                    .map_or(content.start, |(i, _)| content.start + i);
                let from = lead.min(tail);
                let shown = text[from..at].chars().count();
                (from, column.saturating_sub(1).saturating_sub(shown))
            } else {
                (content.start, 0)
            };
            let to = fits_after(text, from, window)
                .filter(|&to| to < content.end)
                .unwrap_or(content.end);
            let opening = if from > content.start {
                snippet.push(ELLIPSIS);
                ELLIPSIS.len_utf8()
            } else {
                0
            };
            lines.push((snippet.len() - opening, opening, from_column));
            for (i, c) in text[from..to].char_indices() {
                let offset = from + i;
                if offset == start {
                    at_start = Some(snippet.len());
                }
                if offset == end {
                    at_end = Some(snippet.len());
                }
                // A control character (a lone carriage return, a form feed) would start a line
                // of its own in miette, or move the cursor.
                if c.is_control() && c != '\t' {
                    snippet.push(' ');
                } else {
                    snippet.push(c);
                }
            }
            if line == first_span_line && at_start.is_none() {
                at_start = Some(snippet.len());
            }
            if line == last_span_line && at_end.is_none() {
                at_end = Some(snippet.len());
            }
            if to < content.end {
                snippet.push(ELLIPSIS);
            }
        }
        // The line break after the last line shown, as in the text: miette shows an empty
        // last line only when a break ends it.
        if index.starts.get(last_line + 1).is_some() {
            snippet.push('\n');
        }
        let s = at_start.unwrap_or(0);
        let e = at_end.unwrap_or(s).max(s);
        Self {
            name: name.to_string(),
            snippet,
            first_line,
            lines,
            span: s..e,
        }
    }

    /// The span in the excerpt, for a label.
    pub fn span(&self) -> miette::SourceSpan {
        miette::SourceSpan::from(self.span.clone())
    }

    /// The excerpt's text: the lines shown, cut, joined by `\n`.
    pub fn text(&self) -> &str {
        &self.snippet
    }

    /// Where the span starts in the whole text: its 1-based line and 1-based column in
    /// characters.
    pub fn position(&self) -> (usize, usize) {
        let at = self.span.start;
        let k = self.lines.partition_point(|&(s, _, _)| s <= at).max(1) - 1;
        (self.first_line + k + 1, self.column_of(at) + 1)
    }

    /// The 0-based column in characters of the text of an offset in the snippet.
    fn column_of(&self, offset: usize) -> usize {
        let k = self.lines.partition_point(|&(s, _, _)| s <= offset).max(1) - 1;
        let Some(&(line_start, opening, column)) = self.lines.get(k) else {
            return 0;
        };
        let from = line_start + opening;
        column
            + self
                .snippet
                .get(from.min(offset)..offset)
                .map_or(0, |s| s.chars().count())
    }
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let contents =
            self.snippet
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        let at = contents.span().offset();
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            self.first_line + contents.line(),
            self.column_of(at),
            contents.line_count(),
        )))
    }
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The offset `width` characters after `from` in `text`, or `None` when the text ends first.
fn fits_after(text: &str, from: usize, width: usize) -> Option<usize> {
    text[from..]
        .char_indices()
        .nth(width)
        .map(|(i, _)| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let text = "ab\nçd e\r\nfin";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // 'ç' is two bytes but one column.
        assert_eq!(idx.line_col(text, 7), (2, 4));
        assert_eq!(idx.line_col(text, text.len() - 3), (3, 1));
    }

    #[test]
    fn the_cursor_gives_the_same_spans_as_the_index() {
        let text = "\u{feff}ab çd\nef gh ij\n\nklm";
        let idx = LineIndex::new(text);
        let mut cursor = idx.cursor(text);
        for (start, end) in [(3, 4), (4, 7), (9, 12), (13, 15), (13, 16), (20, 22)] {
            assert_eq!(
                cursor.span(start, end),
                idx.span(text, start, end),
                "{start}"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}abc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 4), (1, 2));
    }
}

#[cfg(test)]
mod excerpt_tests {
    use super::*;
    use miette::SourceCode;

    /// The excerpt of `text` around the first occurrence of `needle`.
    fn around(text: &str, needle: &str, width: usize) -> Excerpt {
        let index = LineIndex::new(text);
        let start = text.find(needle).expect("needle in text");
        let (_, column) = index.line_col(text, start);
        Excerpt::new(
            "t.txt",
            text,
            &index,
            start..start + needle.len(),
            column,
            width,
        )
    }

    fn shown(e: &Excerpt) -> &str {
        &e.text()[e.span.clone()]
    }

    #[test]
    fn a_short_text_is_shown_whole_with_the_line_around() {
        let text = "one\ntwo three\nfour\nfive";
        let e = around(text, "three", 80);
        assert_eq!(e.text(), "one\ntwo three\nfour\n");
        assert_eq!(shown(&e), "three");
        let contents = e.read_span(&e.span(), 0, 0).expect("reads");
        assert_eq!((contents.line(), contents.column()), (1, 4));
    }

    #[test]
    fn a_span_at_column_a_million_is_a_window_with_ellipses_and_its_real_column() {
        // Two-byte characters before the span: the column counts characters, not bytes.
        let mut text = "é".repeat(1_000_000);
        text.push_str(" 9 people were hurt ");
        text.push_str(&"x".repeat(500_000));
        let e = around(&text, "9 people", 60);
        assert_eq!(shown(&e), "9 people");
        assert!(e.text().starts_with(ELLIPSIS) && e.text().ends_with(ELLIPSIS));
        assert!(
            e.text().chars().count() <= 60,
            "{}",
            e.text().chars().count()
        );
        let contents = e.read_span(&e.span(), 0, 0).expect("reads");
        assert_eq!((contents.line(), contents.column()), (0, 1_000_001));
    }

    #[test]
    fn a_span_near_the_end_of_a_long_line_fills_the_window_before_it() {
        let text = format!("{} the end.", "word ".repeat(100));
        let e = around(&text, "end", 40);
        assert_eq!(e.text().chars().count(), 39, "{}", e.text());
        assert!(e.text().ends_with("the end."), "{}", e.text());
        assert_eq!(shown(&e), "end");
    }

    #[test]
    fn a_span_over_two_lines_keeps_both_and_the_line_numbers() {
        let text = "before\nfirst half\nsecond half\nafter\nlater";
        let e = around(text, "half\nsecond", 80);
        assert_eq!(e.text(), "before\nfirst half\nsecond half\nafter\n");
        assert_eq!(shown(&e), "half\nsecond");
        let contents = e.read_span(&e.span(), 1, 1).expect("reads");
        assert_eq!(contents.line(), 0);
    }

    #[test]
    fn carriage_returns_and_a_byte_order_mark_are_not_shown_as_text() {
        let text = "\u{feff}ab cd\r\nef\rgh ij\r\n";
        let e = around(text, "gh", 80);
        assert_eq!(e.text(), "ab cd\nef gh ij\n");
        assert_eq!(shown(&e), "gh");
        let e = around(text, "cd", 80);
        let contents = e.read_span(&e.span(), 0, 0).expect("reads");
        assert_eq!(contents.column(), 3, "the mark is no column");
    }

    #[test]
    fn a_span_past_the_text_or_inside_a_character_is_clamped() {
        let text = "çé";
        let index = LineIndex::new(text);
        let e = Excerpt::new("t", text, &index, 1..99, 1, 80);
        assert!(e.text().is_char_boundary(e.span.start) && e.text().is_char_boundary(e.span.end));
        let e = Excerpt::new("t", "", &LineIndex::new(""), 5..9, 1, 80);
        assert_eq!(e.span, 0..0);
    }

    #[test]
    fn an_excerpt_knows_where_its_span_starts_in_the_whole_text() {
        let text = "first line\nsecond line with the word here\nthird\n";
        let at = text.find("here").unwrap_or(0);
        let index = LineIndex::new(text);
        let (line, column) = index.line_col(text, at);
        let e = Excerpt::new("t.txt", text, &index, at..at + 4, column, 12);
        assert_eq!(e.position(), (2, 27));
        assert_eq!(e.position(), (line, column));
    }
}
