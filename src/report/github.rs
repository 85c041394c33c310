//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
//! on the lines of a pull request.
//!
//! Every claim of a finding shown gets its own annotation in its own document, so each side of
//! a conflict is marked where it stands: `::error` for a conflict, `::notice` for an agreement
//! (with `--show-agreements`). Findings recorded in the baseline are not annotated (they are
//! counted in the last line). Input warnings become `::warning` on their file. Values are
//! escaped as the runner expects: in the message `%`, CR and LF; in properties (`file`,
//! `title`) also `:` and `,`. The binary appends the [`markdown`](crate::report::markdown)
//! report to `$GITHUB_STEP_SUMMARY` when that is set.

use crate::Analysis;
use crate::model::{Finding, FindingKind, Warning};
use crate::report::{Context, Summary, located};

/// How many other claims of a finding one annotation names.
const OTHERS: usize = 10;

/// Writes what [`render`] returns into `out`, a finding at a time.
pub fn write(
    analysis: &Analysis,
    context: &Context,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    super::write_each(analysis, context, out, push_finding)?;
    out.write_all(tail(&analysis.warnings, &context.summary(analysis)).as_bytes())
}

/// The commands, one a line, then the summary line.
pub fn render(analysis: &Analysis, context: &Context) -> String {
    let mut out = String::new();
    for (index, finding) in context.shown(analysis) {
        if !context.is_known(index) {
            push_finding(&mut out, analysis, finding);
        }
    }
    out.push_str(&tail(&analysis.warnings, &context.summary(analysis)));
    out
}

/// The commands of one finding shown: one for each of its claims.
pub(crate) fn push_finding(out: &mut String, analysis: &Analysis, finding: &Finding) {
    let command = match finding.kind {
        FindingKind::Conflict => "error",
        FindingKind::Update => "warning",
        FindingKind::Agreement => "notice",
    };
    let claims = located(analysis, finding);
    for (i, here) in claims.iter().enumerate() {
        // The other sides, at most OTHERS of them: every annotation listing every other
        // claim made the output grow with the square of a finding's claims.
        let mut others: Vec<String> = claims
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .take(OTHERS)
            .map(|(_, o)| format!("{} in {}", o.claim.label, o.at()))
            .collect();
        let more = claims.len().saturating_sub(1 + OTHERS);
        if more > 0 {
            others.push(format!("and {more} more"));
        }
        let message = format!(
            "{} {}: {}\n{} here; {}",
            finding.subject,
            finding.property,
            finding.message,
            here.claim.label,
            others.join("; ")
        );
        let mut props = vec![
            ("file", here.doc.path.clone()),
            ("line", here.start.0.to_string()),
            ("col", here.start.1.to_string()),
        ];
        if here.end.0 == here.start.0 {
            props.push(("endColumn", here.end.1.to_string()));
        } else {
            props.push(("endLine", here.end.0.to_string()));
        }
        props.push((
            "title",
            format!(
                "{} {} ({})",
                finding.subject, finding.property, finding.code
            ),
        ));
        out.push_str(&command_line(command, &props, &message));
    }
}

/// The lines after the findings: a `::warning` for each input warning, then the summary.
pub(crate) fn tail(warnings: &[Warning], summary: &Summary) -> String {
    let mut out = String::new();
    for warning in warnings {
        out.push_str(&command_line(
            "warning",
            &[
                ("file", warning.path.clone()),
                ("title", "crosscheck: input warning".to_string()),
            ],
            &warning.message,
        ));
    }
    out.push_str(&format!("crosscheck: {summary}\n"));
    out
}

/// `::command prop=value,prop=value::message` with a newline, everything escaped.
pub fn command_line(command: &str, props: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!(
        "::{command} {}::{}\n",
        props.join(","),
        escape_data(message)
    )
}

/// The message of a command: `%`, CR and LF escaped.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as [`escape_data`], and `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn each_side_of_a_conflict_is_annotated_in_its_own_document() {
        let analysis = fixture::analysis();
        let out = render(&analysis, &Context::default());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "::error file=news/a.md,line=6,col=1,endColumn=17,title=NASAMS count (crosscheck%3A%3Aconflict%3A%3Aquantity)::NASAMS count: 2 and 6 do not overlap%0A2 units here; 6 units in news/b.txt:1:26"
        );
        assert!(lines[1].starts_with("::error file=news/b.txt,line=1,col=26,endColumn=42,"));
        assert!(lines[1].ends_with("%0A6 units here; 2 units in news/a.md:6:1"));
        assert_eq!(
            lines[2],
            "::warning file=other/c.txt,title=crosscheck%3A input warning::not UTF-8; decoded as windows-1252"
        );
        assert_eq!(
            lines[3],
            "crosscheck: 3 documents, 3 claims, 1 agreement, 1 conflict, 1 warning"
        );
        assert_eq!(lines.len(), 4, "agreements only when asked:\n{out}");
    }

    #[test]
    fn messages_and_properties_are_escaped_as_the_runner_expects() {
        let mut analysis = fixture::analysis();
        analysis.findings[0].message = "100% sure: 2, not 6\r\nreally".into();
        analysis.findings[0].subject = "50%, a:b".into();
        analysis.documents[0].path = "news/a,b:c%.md".into();
        let out = render(&analysis, &Context::default());
        let first = out.lines().next().expect("a command");
        assert_eq!(
            first,
            "::error file=news/a%2Cb%3Ac%25.md,line=6,col=1,endColumn=17,title=50%25%2C a%3Ab count (crosscheck%3A%3Aconflict%3A%3Aquantity)::50%25, a:b count: 100%25 sure: 2, not 6%0D%0Areally%0A2 units here; 6 units in news/b.txt:1:26"
        );
        assert_eq!(escape_data("a%b\nc\rd:e,f"), "a%25b%0Ac%0Dd:e,f");
        assert_eq!(escape_property("a%b\nc\rd:e,f"), "a%25b%0Ac%0Dd%3Ae%2Cf");
        // Every line is one command or the summary: no raw newline leaked into a message.
        assert!(
            out.lines()
                .all(|l| l.starts_with("::") || l.starts_with("crosscheck: ")),
            "{out}"
        );
    }

    #[test]
    fn known_findings_are_not_annotated_and_agreements_are_notices() {
        let analysis = fixture::analysis();
        let mut context = Context {
            show_agreements: true,
            baseline: true,
            ..Context::default()
        };
        context.known.insert(0);
        let out = render(&analysis, &context);
        assert!(!out.contains("::error"), "{out}");
        assert_eq!(out.matches("::notice ").count(), 2, "{out}");
        assert!(out.ends_with("1 known (in the baseline)\n"), "{out}");
    }
}
