//! `--format markdown`: a report for a pull-request comment, a step summary or a reviewer.
//!
//! A heading with the counts, a table of the conflicts (new ones; those recorded in the
//! baseline in a table of their own), then for each conflict the excerpts from every source side
//! by side, the claim in bold. Agreements are listed in a table with `--show-agreements`, and
//! input warnings in a collapsed list. Text from the documents is escaped, so a `|` or a `*` in
//! an article cannot break the table or the emphasis.
//!
//! The report always fits in a GitHub comment ([`LIMIT`] characters). When the whole of it
//! would not, the most important new findings are given in full (conflicts before updates,
//! those with more sources first), the rest of each section is counted, and the report points
//! to the HTML page, which holds every finding.

use crate::Analysis;
use crate::model::{Claim, Document, Finding, FindingKind, Warning};
use crate::report::{Context, Summary, claim_with_document, html, plural};

/// GitHub's limit on a comment's body, in characters; the report is kept under it in bytes
/// (never fewer than its characters).
pub const LIMIT: usize = 65_536;
/// Kept free for the closing lines when the report is cut.
const RESERVE: usize = 1_500;
/// What the known conflicts, the agreements and the warnings may each take when cut.
const SECTION_SHARE: usize = 6_000;
/// Sources shown side by side for one finding; more are listed on one line.
const COLUMNS: usize = 6;
/// Sources listed in a table row.
const ROW_SOURCES: usize = 8;
/// Characters of context either side of a claim.
const CONTEXT: usize = 90;

/// What the report says of one finding, rendered from the analysis it belongs to: everything
/// the report needs of it, so that a streamed run keeps these instead of findings, claims and
/// documents ([`crate::stream`]).
#[derive(Debug, Clone)]
pub struct Entry {
    pub(crate) kind: FindingKind,
    /// Recorded in the baseline.
    pub(crate) known: bool,
    /// How many documents its claims are in (new findings with more are shown first when the
    /// report is cut).
    pub(crate) sources: usize,
    /// Its table row without the number: `| subject | property | why | sources |`.
    pub(crate) row: String,
    /// For a new conflict or update: its excerpts side by side, after the heading's number
    /// (`### 1. `).
    pub(crate) detail: String,
}

impl Entry {
    /// The entry of `finding`, an item of `analysis`; `known` when the baseline records it.
    pub fn of(analysis: &Analysis, finding: &Finding, known: bool) -> Self {
        let mut docs: Vec<usize> = finding
            .claims
            .iter()
            .filter_map(|&c| analysis.claims.get(c))
            .map(|c| c.doc)
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let detail = if finding.kind != FindingKind::Agreement && !known {
            side_by_side(analysis, finding)
        } else {
            String::new()
        };
        Self {
            kind: finding.kind,
            known,
            sources: docs.len(),
            row: row(analysis, finding),
            detail,
        }
    }

    /// Its excerpts with the heading numbered `n`.
    fn detail(&self, n: usize) -> String {
        format!("### {n}. {}", self.detail)
    }
}

/// The entries of the findings the report names: every conflict and update, and the agreements
/// with `--show-agreements`, in the order of `analysis.findings`.
pub fn entries(analysis: &Analysis, context: &Context) -> Vec<Entry> {
    analysis
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| context.show_agreements || f.kind != FindingKind::Agreement)
        .map(|(i, f)| Entry::of(analysis, f, context.is_known(i)))
        .collect()
}

/// The whole report, ending with a newline.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    render_entries(
        &entries(analysis, context),
        &context.summary(analysis),
        &analysis.warnings,
    )
}

/// The report from the entries of the findings it names ([`entries`], in the analysis's order),
/// the run's counts and its warnings.
pub fn render_entries(entries: &[Entry], summary: &Summary, warnings: &[Warning]) -> String {
    let new: Vec<(usize, &Entry)> = entries
        .iter()
        .filter(|e| e.kind != FindingKind::Agreement && !e.known)
        .enumerate()
        .collect();
    let known: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.kind != FindingKind::Agreement && e.known)
        .collect();
    let agreements: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.kind == FindingKind::Agreement)
        .collect();
    let mut out = String::from("## crosscheck\n\n");
    let n_conflicts = new
        .iter()
        .filter(|(_, f)| f.kind == FindingKind::Conflict)
        .count();
    let n_updates = new.len() - n_conflicts;
    let status = match (n_conflicts, n_updates) {
        (0, 0) => "No new conflicts".to_string(),
        (c, 0) => format!("**{}**", plural(c, "new conflict", "new conflicts")),
        (0, u) => format!("No new conflicts, **{}**", plural(u, "update", "updates")),
        (c, u) => format!(
            "**{}**, **{}**",
            plural(c, "new conflict", "new conflicts"),
            plural(u, "update", "updates")
        ),
    };
    out.push_str(&format!("{status} · {summary}\n\n"));

    // Whole, when it fits.
    let whole = out.len()
        + new.iter().map(|(_, e)| e.row.len()).sum::<usize>()
        + new.len() * 600
        + (known.len() + agreements.len()) * 400
        + warnings.len() * 200;
    if whole <= LIMIT {
        let text = whole_report(&out, warnings, &new, &known, &agreements);
        if text.len() <= LIMIT {
            return text;
        }
    }
    cut_report(out, warnings, &new, &known, &agreements)
}

/// The report with every section in full.
fn whole_report(
    head: &str,
    warning_list: &[Warning],
    new: &[(usize, &Entry)],
    known: &[&Entry],
    agreements: &[&Entry],
) -> String {
    let mut out = head.to_string();
    if !new.is_empty() {
        out.push_str(TABLE_HEAD);
        for (n, (_, e)) in new.iter().enumerate() {
            out.push_str(&format!("| {} {}", n + 1, e.row));
        }
        out.push('\n');
        for (n, (_, e)) in new.iter().enumerate() {
            out.push_str(&e.detail(n + 1));
        }
    }
    if !known.is_empty() {
        out.push_str("### Known conflicts (in the baseline)\n\n");
        out.push_str(&finding_table(known, usize::MAX).0);
        out.push('\n');
    }
    if !agreements.is_empty() {
        out.push_str("### Agreements\n\n");
        out.push_str(&finding_table(agreements, usize::MAX).0);
        out.push('\n');
    }
    out.push_str(&warnings(warning_list, usize::MAX));
    out
}

/// The report cut to [`LIMIT`]: the most important new findings in full, the rest counted.
fn cut_report(
    mut out: String,
    warning_list: &[Warning],
    new: &[(usize, &Entry)],
    known: &[&Entry],
    agreements: &[&Entry],
) -> String {
    let mut ranked: Vec<(usize, &Entry)> = new.to_vec();
    ranked.sort_by_key(|(i, e)| {
        let rank = u8::from(e.kind != FindingKind::Conflict);
        (rank, std::cmp::Reverse(e.sources), *i)
    });
    let shares = [known.len(), agreements.len(), warning_list.len()]
        .iter()
        .filter(|&&n| n > 0)
        .count()
        * SECTION_SHARE;
    let budget = LIMIT.saturating_sub(out.len() + RESERVE + shares);
    let mut rows = String::new();
    let mut details = String::new();
    let mut shown = 0;
    for (_, entry) in &ranked {
        let r = format!("| {} {}", shown + 1, entry.row);
        let d = entry.detail(shown + 1);
        if TABLE_HEAD.len() + rows.len() + r.len() + details.len() + d.len() > budget {
            break;
        }
        rows.push_str(&r);
        details.push_str(&d);
        shown += 1;
    }
    if shown > 0 {
        out.push_str(TABLE_HEAD);
        out.push_str(&rows);
        out.push('\n');
        out.push_str(&details);
    }
    let rest = &ranked[shown..];
    if !rest.is_empty() {
        let conflicts = rest
            .iter()
            .filter(|(_, f)| f.kind == FindingKind::Conflict)
            .count();
        let mut parts = Vec::new();
        if conflicts > 0 {
            parts.push(format!(
                "**{}**",
                plural(conflicts, "new conflict", "new conflicts")
            ));
        }
        if rest.len() > conflicts {
            parts.push(format!(
                "**{}**",
                plural(rest.len() - conflicts, "update", "updates")
            ));
        }
        out.push_str(&format!(
            "Not shown here, to keep this report within a comment's size: {} more.\n\n",
            parts.join(" and ")
        ));
    }
    if !known.is_empty() {
        out.push_str("### Known conflicts (in the baseline)\n\n");
        let (table, listed) = finding_table(known, SECTION_SHARE - 200);
        out.push_str(&table);
        out.push('\n');
        more(
            &mut out,
            known.len() - listed,
            "known finding",
            "known findings",
        );
    }
    if !agreements.is_empty() {
        out.push_str("### Agreements\n\n");
        let (table, listed) = finding_table(agreements, SECTION_SHARE - 200);
        out.push_str(&table);
        out.push('\n');
        more(
            &mut out,
            agreements.len() - listed,
            "agreement",
            "agreements",
        );
    }
    out.push_str(&warnings(warning_list, SECTION_SHARE - 200));
    out.push_str(
        "Every finding, with each source's excerpt, filters and verdicts, is on the HTML page: `crosscheck check --format html PATHS > crosscheck.html`.\n",
    );
    if out.len() > LIMIT {
        // Not reached with the shares above; a last guard on the promise all the same.
        let mut at = LIMIT - 4;
        while !out.is_char_boundary(at) {
            at -= 1;
        }
        out.truncate(at);
        out.push_str("…\n");
    }
    out
}

/// `and 12 more agreements.`
fn more(out: &mut String, n: usize, one: &str, many: &str) {
    if n > 0 {
        out.push_str(&format!(
            "and {n} more {}.\n\n",
            if n == 1 { one } else { many }
        ));
    }
}

const TABLE_HEAD: &str =
    "| # | subject | property | why | sources |\n| --- | --- | --- | --- | --- |\n";

/// `path:line:column` of a claim.
fn at(claim: &Claim, doc: &Document) -> String {
    format!("{}:{}:{}", doc.path, claim.span.line, claim.span.column)
}

/// A table row without its number: `| subject | property | why | sources |`.
fn row(analysis: &Analysis, f: &Finding) -> String {
    let claims: Vec<(&Claim, &Document)> = f
        .claims
        .iter()
        .filter_map(|&i| claim_with_document(analysis, i))
        .collect();
    let mut sources: Vec<String> = claims
        .iter()
        .take(ROW_SOURCES)
        .map(|(c, d)| format!("`{}` {}", code(&at(c, d)), escape(&c.label)))
        .collect();
    if claims.len() > ROW_SOURCES {
        sources.push(format!("and {} more", claims.len() - ROW_SOURCES));
    }
    format!(
        "| {} | {} | {} | {} |\n",
        escape(&f.subject),
        escape(&f.property),
        escape(&f.message),
        sources.join("<br>")
    )
}

/// A table of findings within `limit` bytes, and how many rows it lists.
fn finding_table(entries: &[&Entry], limit: usize) -> (String, usize) {
    let mut out = String::from(TABLE_HEAD);
    let mut listed = 0;
    for (n, e) in entries.iter().enumerate() {
        let r = format!("| {} {}", n + 1, e.row);
        if out.len() + r.len() > limit {
            break;
        }
        out.push_str(&r);
        listed += 1;
    }
    (out, listed)
}

/// Input warnings in a collapsed list, within `limit` bytes.
fn warnings(warnings: &[Warning], limit: usize) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<details><summary>{}</summary>\n\n",
        plural(warnings.len(), "warning", "warnings")
    );
    let mut listed = 0;
    for w in warnings {
        let line = format!("- `{}`: {}\n", code(&w.path), escape(&w.message));
        if out.len() + line.len() > limit {
            break;
        }
        out.push_str(&line);
        listed += 1;
    }
    if listed < warnings.len() {
        out.push_str(&format!("- and {} more\n", warnings.len() - listed));
    }
    out.push_str("\n</details>\n");
    out
}

/// One finding: a heading (after its number), its code, and a table with a column per source
/// (at most [`COLUMNS`]; the others listed below it).
fn side_by_side(analysis: &Analysis, finding: &Finding) -> String {
    let all: Vec<(&Claim, &Document)> = finding
        .claims
        .iter()
        .filter_map(|&i| claim_with_document(analysis, i))
        .collect();
    let mut out = format!(
        "{} {}: {}\n\n`{}`\n\n",
        escape(&finding.subject),
        escape(&finding.property),
        escape(&finding.message),
        finding.code
    );
    if all.is_empty() {
        return out;
    }
    let claims = &all[..all.len().min(COLUMNS)];
    let heads: Vec<String> = claims
        .iter()
        .map(|(c, d)| format!("`{}`", code(&at(c, d))))
        .collect();
    out.push_str(&format!("| {} |\n", heads.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(claims.len())));
    let labels: Vec<String> = claims.iter().map(|(c, _)| escape(&c.label)).collect();
    out.push_str(&format!("| {} |\n", labels.join(" | ")));
    let excerpts: Vec<String> = claims
        .iter()
        .map(|(c, d)| {
            let e = html::clip_with(&analysis.texts, d, c, CONTEXT);
            let claim = match &e.tail {
                Some(tail) => format!("{} … {tail}", e.head),
                None => e.head.clone(),
            };
            // Emphasis must start and end at a word: punctuation and blanks at either end of
            // the claim go outside the `**`.
            let edge = |ch: char| !ch.is_alphanumeric() && !"$€£%)(\"'".contains(ch);
            let core = claim.trim_matches(edge);
            let (lead, trail) = match claim.find(core) {
                Some(at) if !core.is_empty() => (&claim[..at], &claim[at + core.len()..]),
                _ => ("", ""),
            };
            let core = if core.is_empty() {
                claim.as_str()
            } else {
                core
            };
            format!(
                "{}{}**{}**{}{}",
                escape(&e.before),
                escape(lead),
                escape(core),
                escape(trail),
                escape(&e.after)
            )
        })
        .collect();
    out.push_str(&format!("| {} |\n\n", excerpts.join(" | ")));
    if all.len() > COLUMNS {
        let others: Vec<String> = all[COLUMNS..]
            .iter()
            .take(ROW_SOURCES)
            .map(|(c, d)| format!("`{}` {}", code(&at(c, d)), escape(&c.label)))
            .collect();
        let unlisted = all.len() - COLUMNS - others.len();
        out.push_str(&format!(
            "Also: {}{}\n\n",
            others.join(", "),
            if unlisted > 0 {
                format!(" and {unlisted} more")
            } else {
                String::new()
            }
        ));
    }
    out
}

/// Text safe in a table cell: Markdown punctuation backslash-escaped, `<` and `>` as
/// entities, line breaks as spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text inside a code span in a table: a backtick or a `|` cannot be escaped there, so they
/// are replaced.
fn code(s: &str) -> String {
    s.replace('`', "'").replace('|', "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn a_table_of_conflicts_then_each_with_its_excerpts_side_by_side() {
        let analysis = fixture::analysis();
        let out = render(&analysis, &Context::default());
        let expected = "\
## crosscheck

**1 new conflict** · 3 documents, 3 claims, 1 agreement, 1 conflict, 1 warning

| # | subject | property | why | sources |
| --- | --- | --- | --- | --- |
| 1 | NASAMS | count | 2 and 6 do not overlap | `news/a.md:6:1` 2 units<br>`news/b.txt:1:26` 6 units |

### 1. NASAMS count: 2 and 6 do not overlap

`crosscheck::conflict::quantity`

| `news/a.md:6:1` | `news/b.txt:1:26` |
| --- | --- |
| 2 units | 6 units |
| **two NASAMS units** so far. | Officials confirmed that **six NASAMS units** |

<details><summary>1 warning</summary>

- `other/c.txt`: not UTF-8; decoded as windows-1252

</details>
";
        assert_eq!(out, expected);
    }

    #[test]
    fn text_from_documents_cannot_break_the_table() {
        assert_eq!(
            escape("a | b *c* <d>\n_e_"),
            "a \\| b \\*c\\* &lt;d&gt; \\_e\\_"
        );
        let mut analysis = fixture::analysis();
        analysis.findings[0].message = "2 | 6".into();
        let out = render(&analysis, &Context::default());
        assert!(out.contains("| 2 \\| 6 |"), "{out}");
    }

    #[test]
    fn known_conflicts_have_their_own_table_and_agreements_are_listed_when_asked() {
        let analysis = fixture::analysis();
        let mut context = Context {
            show_agreements: true,
            baseline: true,
            ..Context::default()
        };
        context.known.insert(0);
        let out = render(&analysis, &context);
        assert!(
            out.starts_with("## crosscheck\n\nNo new conflicts · "),
            "{out}"
        );
        assert!(
            out.contains("### Known conflicts (in the baseline)\n"),
            "{out}"
        );
        assert!(out.contains("### Agreements\n"), "{out}");
        assert!(
            !out.contains("### 1. "),
            "no excerpts for known conflicts: {out}"
        );
    }
}
