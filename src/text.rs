//! Positions in text: byte offsets to 1-based line and column numbers, and the place in a file
//! that an error about it points at.

use crate::model::Span;
use miette::{NamedSource, SourceSpan};

/// Where an error in a file (a rules or configuration file) points: the file as source, the
/// span (an empty one widened to a point) and a label, the first line of the message.
pub(crate) struct ErrorSite {
    pub src: NamedSource<String>,
    pub span: Option<SourceSpan>,
    pub label: String,
}

pub(crate) fn error_site(
    path: &str,
    text: &str,
    message: &str,
    span: Option<std::ops::Range<usize>>,
) -> ErrorSite {
    ErrorSite {
        src: NamedSource::new(path, text.to_string()),
        span: span.map(|r| SourceSpan::from(r.start..r.end.max(r.start))),
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
