//! In-document suppression: comments in a document that hide findings about its claims.
//!
//! - `<!-- crosscheck-ignore -->` alone on a line hides every finding that a claim on the next
//!   line is part of;
//! - `<!-- crosscheck-ignore-start -->` ... `<!-- crosscheck-ignore-end -->` hides every finding
//!   that a claim on the lines between them is part of.
//!
//! Text after the directive word is a free reason (`<!-- crosscheck-ignore: the wire misread
//! the figure -->`). A suppression that hides nothing is reported as a warning (code
//! `crosscheck::suppression::unused`), and so are a block never closed (it runs to the end of
//! the file) and an end without a start. A finding is hidden when any of its claims is covered:
//! the document that carries the comment is the one whose author knows better.
//!
//! A pure function of the documents and the findings. The comments are found while the text is
//! in memory ([`scan_document`], during extraction), so applying them needs no text.

use std::ops::RangeInclusive;

use crate::Analysis;
use crate::model::{DocId, Document, Warning};

/// One suppression comment of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub doc: DocId,
    /// 1-based line of the comment (of the start comment for a block).
    pub line: usize,
    /// The lines whose claims it covers.
    pub covers: RangeInclusive<usize>,
    pub block: bool,
}

/// The suppression comments found in documents, and the warnings about malformed blocks, in
/// document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    pub directives: Vec<Directive>,
    pub warnings: Vec<Warning>,
}

impl Scan {
    /// The comments of every document whose text is in memory.
    pub fn of(documents: &[Document]) -> Self {
        let mut scan = Scan::default();
        for (id, doc) in documents.iter().enumerate() {
            scan_document(id, doc, &mut scan);
        }
        scan
    }

    /// Appends a later scan (of later documents).
    pub fn append(&mut self, other: Scan) {
        self.directives.extend(other.directives);
        self.warnings.extend(other.warnings);
    }
}

/// Adds the comments of one document (`id`) to `scan`.
pub fn scan_document(id: DocId, doc: &Document, scan: &mut Scan) {
    // Cheap test first: most documents hold no comment at all.
    if !doc.text.contains("crosscheck-ignore") {
        return;
    }
    let (found, warnings) = directives(id, doc);
    scan.directives.extend(found);
    scan.warnings.extend(warnings);
}

/// What suppression did to an analysis.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// How many findings were removed.
    pub suppressed: usize,
    /// The findings removed, in their order (the review page shows them, marked).
    pub hidden: Vec<crate::model::Finding>,
}

/// What a line holds, if it is a suppression comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comment {
    Next,
    Start,
    End,
}

fn comment(line: &str) -> Option<Comment> {
    let inner = line
        .trim()
        .trim_start_matches('\u{feff}')
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let word = inner
        .split(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or("");
    match word {
        "crosscheck-ignore" => Some(Comment::Next),
        "crosscheck-ignore-start" => Some(Comment::Start),
        "crosscheck-ignore-end" => Some(Comment::End),
        _ => None,
    }
}

/// The suppression comments of one document, and warnings for malformed blocks.
pub fn directives(id: DocId, doc: &Document) -> (Vec<Directive>, Vec<Warning>) {
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    let mut open: Option<usize> = None;
    let mut last = 0;
    for (i, line) in doc.text.lines().enumerate() {
        let n = i + 1;
        last = n;
        match comment(line) {
            Some(Comment::Next) => found.push(Directive {
                doc: id,
                line: n,
                covers: n + 1..=n + 1,
                block: false,
            }),
            Some(Comment::Start) => {
                if let Some(start) = open {
                    warnings.push(warning(
                        doc,
                        n,
                        &format!("`<!-- crosscheck-ignore-start -->` inside the block opened on line {start}; ignored"),
                    ));
                } else {
                    open = Some(n);
                }
            }
            Some(Comment::End) => match open.take() {
                Some(start) => found.push(Directive {
                    doc: id,
                    line: start,
                    covers: start + 1..=n.saturating_sub(1).max(start),
                    block: true,
                }),
                None => warnings.push(warning(
                    doc,
                    n,
                    "`<!-- crosscheck-ignore-end -->` without a start; ignored",
                )),
            },
            None => {}
        }
    }
    if let Some(start) = open {
        warnings.push(warning(
            doc,
            start,
            "`<!-- crosscheck-ignore-start -->` is never closed; it covers the rest of the file",
        ));
        found.push(Directive {
            doc: id,
            line: start,
            covers: start + 1..=last.max(start + 1),
            block: true,
        });
    }
    found.sort_by_key(|d| d.line);
    (found, warnings)
}

fn warning(doc: &Document, line: usize, message: &str) -> Warning {
    Warning {
        path: doc.path.clone(),
        message: format!("line {line}: {message}"),
    }
}

/// Removes every finding a suppression comment covers, and adds a warning for each comment that
/// covers none (and for malformed blocks) to `analysis.warnings`. The comments are those
/// scanned during extraction (`analysis.suppressions`), or else read from the texts in memory.
pub fn apply(analysis: &mut Analysis) -> Outcome {
    let scan = analysis
        .suppressions
        .take()
        .unwrap_or_else(|| Scan::of(&analysis.documents));
    analysis.warnings.extend(scan.warnings);
    let unused = apply_directives(
        &scan.directives,
        &mut analysis.findings,
        &analysis.claims,
        &analysis.documents,
    );
    analysis.warnings.extend(unused.warnings);
    Outcome {
        suppressed: unused.suppressed,
        hidden: unused.hidden,
    }
}

/// What applying directives to some findings did.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    pub suppressed: usize,
    /// The findings removed, in their order.
    pub hidden: Vec<crate::model::Finding>,
    /// One warning for each directive that hid nothing, in the order of the directives, with
    /// the document it is in.
    pub warnings: Vec<Warning>,
    /// The documents of those warnings.
    pub unused_in: Vec<DocId>,
}

/// Removes from `findings` every finding a directive covers (claims and documents are those the
/// findings and directives point into) and says which directives hid nothing.
pub fn apply_directives(
    directives: &[Directive],
    findings: &mut Vec<crate::model::Finding>,
    claims: &[crate::model::Claim],
    documents: &[Document],
) -> Applied {
    if directives.is_empty() {
        return Applied::default();
    }
    let mut used = vec![false; directives.len()];
    let (kept, hidden): (Vec<_>, Vec<_>) =
        std::mem::take(findings).into_iter().partition(|finding| {
            let mut hidden = false;
            for claim in finding.claims.iter().filter_map(|&i| claims.get(i)) {
                for (d, directive) in directives.iter().enumerate() {
                    if directive.doc == claim.doc && directive.covers.contains(&claim.span.line) {
                        used[d] = true;
                        hidden = true;
                    }
                }
            }
            !hidden
        });
    *findings = kept;
    let mut applied = Applied {
        suppressed: hidden.len(),
        hidden,
        ..Applied::default()
    };
    for (directive, used) in directives.iter().zip(&used) {
        if *used {
            continue;
        }
        let Some(doc) = documents.get(directive.doc) else {
            continue;
        };
        let what = if directive.block {
            "`<!-- crosscheck-ignore-start -->` block"
        } else {
            "`<!-- crosscheck-ignore -->`"
        };
        applied.warnings.push(warning(
            doc,
            directive.line,
            &format!("{what} suppresses no finding; remove it (crosscheck::suppression::unused)"),
        ));
        applied.unused_in.push(directive.doc);
    }
    applied
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, FindingKind};
    use crate::report::fixture;

    #[test]
    fn comments_are_read_with_spacing_and_a_reason() {
        assert_eq!(comment("<!-- crosscheck-ignore -->"), Some(Comment::Next));
        assert_eq!(comment("  <!--crosscheck-ignore-->  "), Some(Comment::Next));
        assert_eq!(
            comment("<!-- crosscheck-ignore: the wire misread it -->"),
            Some(Comment::Next)
        );
        assert_eq!(
            comment("<!-- crosscheck-ignore-start -->"),
            Some(Comment::Start)
        );
        assert_eq!(
            comment("<!-- crosscheck-ignore-end -->"),
            Some(Comment::End)
        );
        assert_eq!(comment("<!-- crosscheck-ignored -->"), None);
        assert_eq!(comment("text <!-- crosscheck-ignore -->"), None);
        assert_eq!(comment("<!-- a comment -->"), None);
    }

    #[test]
    fn a_line_comment_covers_the_next_line_and_a_block_its_inside() {
        let doc = Document::from_text(
            "a.md",
            "one\n<!-- crosscheck-ignore -->\nthree\n<!-- crosscheck-ignore-start -->\nfive\nsix\n<!-- crosscheck-ignore-end -->\neight\n",
        );
        let (found, warnings) = directives(0, &doc);
        assert!(warnings.is_empty(), "{warnings:?}");
        let covers: Vec<_> = found.iter().map(|d| d.covers.clone()).collect();
        assert_eq!(covers, [3..=3, 5..=6]);
    }

    #[test]
    fn unclosed_and_unopened_blocks_warn() {
        let doc = Document::from_text(
            "a.md",
            "<!-- crosscheck-ignore-end -->\nx\n<!-- crosscheck-ignore-start -->\ny\nz\n",
        );
        let (found, warnings) = directives(0, &doc);
        let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "line 1: `<!-- crosscheck-ignore-end -->` without a start; ignored",
                "line 3: `<!-- crosscheck-ignore-start -->` is never closed; it covers the rest of the file",
            ]
        );
        assert_eq!(found[0].covers, 4..=5);
    }

    #[test]
    fn a_finding_with_a_covered_claim_is_removed_and_unused_comments_warn() {
        let mut analysis = fixture::analysis();
        // b.txt: the claim "six NASAMS units" is on line 1; put a comment before it.
        let b = &mut analysis.documents[1];
        b.text = format!("<!-- crosscheck-ignore -->\n{}", b.text);
        let shift = "<!-- crosscheck-ignore -->\n".len();
        analysis.claims[1].span.start += shift;
        analysis.claims[1].span.end += shift;
        analysis.claims[1].span.line += 1;
        // c.txt: a comment before a line with no claim in a finding.
        let c = &mut analysis.documents[2];
        c.text = format!("{}<!-- crosscheck-ignore -->\nNothing here.\n", c.text);
        let outcome = apply(&mut analysis);
        assert_eq!(outcome.suppressed, 1);
        assert_eq!(analysis.findings.len(), 1);
        assert_eq!(analysis.findings[0].kind, FindingKind::Agreement);
        let last = analysis.warnings.last().expect("an unused warning");
        assert_eq!(last.path, "other/c.txt");
        assert_eq!(
            last.message,
            "line 2: `<!-- crosscheck-ignore -->` suppresses no finding; remove it (crosscheck::suppression::unused)"
        );
    }

    #[test]
    fn documents_without_comments_change_nothing() {
        let mut analysis = fixture::analysis();
        let before = analysis.findings.len();
        let outcome = apply(&mut analysis);
        assert_eq!((outcome.suppressed, outcome.hidden.len()), (0, 0));
        assert_eq!(analysis.findings.len(), before);
        assert_eq!(analysis.warnings.len(), 1);
    }
}
