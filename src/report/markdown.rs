//! `--format markdown`: a report for a pull-request comment, a step summary or a reviewer.
//!
//! A heading with the counts, a table of the conflicts (new ones; those recorded in the
//! baseline in a table of their own), then for each conflict the excerpts from every source side
//! by side, the claim in bold. Agreements are listed in a table with `--show-agreements`, and
//! input warnings in a collapsed list. Text from the documents is escaped, so a `|` or a `*` in
//! an article cannot break the table or the emphasis.

use crate::Analysis;
use crate::model::{Finding, FindingKind};
use crate::report::{Context, excerpt, located, plural};

/// The whole report, ending with a newline.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    let summary = context.summary(analysis);
    let new: Vec<(usize, &Finding)> = conflicts(analysis, context, false);
    let known: Vec<(usize, &Finding)> = conflicts(analysis, context, true);
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

    if !new.is_empty() {
        out.push_str(&finding_table(analysis, &new));
        out.push('\n');
        for (n, (_, finding)) in new.iter().enumerate() {
            out.push_str(&side_by_side(analysis, n + 1, finding));
        }
    }
    if !known.is_empty() {
        out.push_str("### Known conflicts (in the baseline)\n\n");
        out.push_str(&finding_table(analysis, &known));
        out.push('\n');
    }
    if context.show_agreements {
        let agreements: Vec<(usize, &Finding)> = analysis
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == FindingKind::Agreement)
            .collect();
        if !agreements.is_empty() {
            out.push_str("### Agreements\n\n");
            out.push_str(&finding_table(analysis, &agreements));
            out.push('\n');
        }
    }
    if !analysis.warnings.is_empty() {
        out.push_str(&format!(
            "<details><summary>{}</summary>\n\n",
            plural(analysis.warnings.len(), "warning", "warnings")
        ));
        for w in &analysis.warnings {
            out.push_str(&format!("- `{}`: {}\n", code(&w.path), escape(&w.message)));
        }
        out.push_str("\n</details>\n");
    }
    out
}

/// Conflicts that the baseline records (`known`) or not.
fn conflicts<'a>(
    analysis: &'a Analysis,
    context: &Context,
    known: bool,
) -> Vec<(usize, &'a Finding)> {
    analysis
        .findings
        .iter()
        .enumerate()
        .filter(|(i, f)| f.kind != FindingKind::Agreement && context.is_known(*i) == known)
        .collect()
}

fn finding_table(analysis: &Analysis, findings: &[(usize, &Finding)]) -> String {
    let mut out = String::from(
        "| # | subject | property | why | sources |\n| --- | --- | --- | --- | --- |\n",
    );
    for (n, (_, f)) in findings.iter().enumerate() {
        let sources: Vec<String> = located(analysis, f)
            .iter()
            .map(|c| format!("`{}` {}", code(&c.at()), escape(&c.claim.label)))
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            n + 1,
            escape(&f.subject),
            escape(&f.property),
            escape(&f.message),
            sources.join("<br>")
        ));
    }
    out
}

/// One conflict: a heading, its code, and a table with a column per source.
fn side_by_side(analysis: &Analysis, n: usize, finding: &Finding) -> String {
    let claims = located(analysis, finding);
    let mut out = format!(
        "### {n}. {} {}: {}\n\n`{}`\n\n",
        escape(&finding.subject),
        escape(&finding.property),
        escape(&finding.message),
        finding.code
    );
    if claims.is_empty() {
        return out;
    }
    let heads: Vec<String> = claims
        .iter()
        .map(|c| format!("`{}`", code(&c.at())))
        .collect();
    out.push_str(&format!("| {} |\n", heads.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(claims.len())));
    let labels: Vec<String> = claims.iter().map(|c| escape(&c.claim.label)).collect();
    out.push_str(&format!("| {} |\n", labels.join(" | ")));
    let excerpts: Vec<String> = claims
        .iter()
        .map(|c| {
            let e = excerpt(c.doc, c.claim);
            // Emphasis must start and end at a word: punctuation and blanks at either end of
            // the claim go outside the `**`.
            let edge = |ch: char| !ch.is_alphanumeric() && !"$€£%)(\"'".contains(ch);
            let core = e.claim.trim_matches(edge);
            let (lead, trail) = match e.claim.find(core) {
                Some(at) if !core.is_empty() => (&e.claim[..at], &e.claim[at + core.len()..]),
                _ => ("", ""),
            };
            let core = if core.is_empty() {
                e.claim.as_str()
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
