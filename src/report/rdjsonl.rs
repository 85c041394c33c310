//! `--format rdjsonl`: reviewdog's diagnostic format (rdjsonl), one JSON object a line, for
//! `reviewdog -f=rdjsonl`.
//!
//! One diagnostic per finding shown (every conflict, as `ERROR`; agreements with
//! `--show-agreements`, as `INFO`): the first claim is its `location`, every other claim one of
//! its `related_locations`. reviewdog counts columns in bytes (1-based; the end is the byte
//! after the claim), so these are byte columns, unlike the character columns elsewhere.
//! Findings recorded in the baseline are left out.

use serde_json::{Value as Json, json};

use crate::Analysis;
use crate::model::{Finding, FindingKind};
use crate::report::{Context, Located, located};

/// Writes what [`render`] returns into `out`, a finding at a time.
pub fn write(
    analysis: &Analysis,
    context: &Context,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    super::write_each(analysis, context, out, push_finding)
}

/// One line per diagnostic, each ending with a newline.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    let mut out = String::new();
    for (index, finding) in context.shown(analysis) {
        if !context.is_known(index) {
            push_finding(&mut out, analysis, finding);
        }
    }
    out
}

/// The diagnostic line of one finding shown (nothing when none of its claims resolves).
pub(crate) fn push_finding(out: &mut String, analysis: &Analysis, finding: &Finding) {
    let claims = located(analysis, finding);
    let Some(first) = claims.first() else {
        return;
    };
    let severity = match finding.kind {
        FindingKind::Conflict => "ERROR",
        FindingKind::Update => "WARNING",
        FindingKind::Agreement => "INFO",
    };
    let related: Vec<Json> = claims
        .iter()
        .skip(1)
        .map(|c| {
            json!({
                "message": c.claim.label,
                "location": location(c),
            })
        })
        .collect();
    let mut diagnostic = json!({
        "message": format!(
            "{} {}: {} ({} here)",
            finding.subject, finding.property, finding.message, first.claim.label
        ),
        "location": location(first),
        "severity": severity,
        "source": {"name": "crosscheck"},
        "code": {"value": finding.code},
    });
    if !related.is_empty() {
        diagnostic["related_locations"] = json!(related);
    }
    out.push_str(&serde_json::to_string(&diagnostic).expect("a JSON value serialises"));
    out.push('\n');
}

fn location(c: &Located<'_>) -> Json {
    json!({
        "path": c.doc.path,
        "range": {
            "start": {"line": c.start.0, "column": c.start_byte_column()},
            "end": {"line": c.end.0, "column": c.end_byte_column()},
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn a_conflict_is_one_diagnostic_with_the_other_documents_related() {
        let mut analysis = fixture::analysis();
        // A two-byte character before the claim: byte columns differ from character columns.
        let b = &mut analysis.documents[1];
        b.text = b.text.replacen("Officials", "Officiäls", 1);
        analysis.claims[1].span.start += 1;
        analysis.claims[1].span.end += 1;
        let out = render(&analysis, &Context::default());
        let lines: Vec<Json> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        assert_eq!(lines.len(), 1);
        let d = &lines[0];
        assert_eq!(d["severity"], "ERROR");
        assert_eq!(d["code"]["value"], "crosscheck::conflict::quantity");
        assert_eq!(d["location"]["path"], "news/a.md");
        assert_eq!(
            d["location"]["range"]["start"],
            json!({"line": 6, "column": 1})
        );
        assert_eq!(
            d["location"]["range"]["end"],
            json!({"line": 6, "column": 17})
        );
        let related = &d["related_locations"][0];
        assert_eq!(related["location"]["path"], "news/b.txt");
        assert_eq!(related["location"]["range"]["start"]["column"], 27);
        assert_eq!(related["message"], "6 units");
    }
}
