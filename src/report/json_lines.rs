//! `--format json-lines`: one FINDING of the JSON contract a line, compact, every finding
//! (conflicts first, then agreements), for tools that stream (`jq -c`, `grep`). `claims
//! --format json-lines` prints one CLAIM a line. No summary line: count the lines.

use crate::Analysis;
use crate::report::json::{ClaimEntry, finding_entry};
use crate::report::{Context, claim_with_document};

/// One line per finding, each ending with a newline.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    analysis
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| line(&finding_entry(analysis, f, context.is_known(i))))
        .collect()
}

/// Writes what [`render`] returns into `out`, a finding at a time.
pub fn write(
    analysis: &Analysis,
    context: &Context,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for (i, f) in analysis.findings.iter().enumerate() {
        serde_json::to_writer(&mut *out, &finding_entry(analysis, f, context.is_known(i)))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One line per claim, each ending with a newline.
pub fn render_claims(analysis: &Analysis) -> String {
    (0..analysis.claims.len())
        .filter_map(|i| claim_with_document(analysis, i))
        .map(|(c, d)| line(&ClaimEntry::new(c, d)))
        .collect()
}

fn line(value: &impl serde::Serialize) -> String {
    // String keys only, and serde_json writes non-finite floats as null: cannot fail.
    serde_json::to_string(value).expect("report structs always serialise") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn one_finding_a_line_with_the_contract_fields() {
        let analysis = fixture::analysis();
        let mut context = Context::default();
        context.known.insert(1);
        let out = render(&analysis, &context);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["kind"], "conflict");
        assert_eq!(lines[0]["claims"][1]["document"], "news/b.txt");
        assert!(lines[0].get("known").is_none(), "absent when false");
        assert_eq!(lines[1]["known"], true);
        assert!(out.ends_with("}\n"));
    }

    #[test]
    fn claims_one_a_line() {
        let out = render_claims(&fixture::analysis());
        assert_eq!(out.lines().count(), 3);
        assert!(
            out.lines().all(|l| l.starts_with("{\"document\":")),
            "{out}"
        );
    }
}
