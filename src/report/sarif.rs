//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! One run, one result per finding shown (every conflict; agreements with
//! `--show-agreements`, as notes). A result's primary location is its first claim; every other
//! claim is a `relatedLocation` with an `id` that the message links to as `[path](id)`, so
//! viewers make the other sources clickable. `partialFingerprints` hash the finding's
//! [`Key`](crate::baseline::Key) (code, subject key, property, values), never line numbers, so an
//! alert survives edits elsewhere in a document. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`), as crosscheck's do. Every finding code is a rule in
//! `tool.driver.rules`, with its help from [`codes`](crate::report::codes). With a baseline,
//! each result says `baselineState` (`new` or `unchanged`), and known ones carry an external
//! suppression so code scanning does not raise them again.

use serde_json::{Value as Json, json};

use crate::Analysis;
use crate::baseline::Key;
use crate::model::Finding;
use crate::report::codes::{self, CodeDoc, CodeKind};
use crate::report::{Context, Located, located};

/// The schema URI written in `$schema`.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of the partial fingerprint.
pub const FINGERPRINT: &str = "crosscheckClaimKey/v1";

/// The SARIF log as pretty JSON, with a trailing newline: the text of [`log`], written a
/// result at a time (the JSON value of every result at once would take several times the
/// size of the report).
pub fn render(analysis: &Analysis, context: &Context) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(analysis, context, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes what [`render`] returns into `out`, a result at a time.
pub fn write(
    analysis: &Analysis,
    context: &Context,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let rules: Vec<&CodeDoc> = codes::finding_codes().collect();
    let mut results = context
        .shown(analysis)
        .map(|(i, f)| result(analysis, context, &rules, i, f))
        .peekable();
    let ends = Ends::new();
    let empty = results.peek().is_none();
    out.write_all(ends.head(empty).as_bytes())?;
    for (n, r) in results.enumerate() {
        if n > 0 {
            out.write_all(RESULT_SEPARATOR.as_bytes())?;
        }
        out.write_all(indented(&r).as_bytes())?;
    }
    out.write_all(ends.tail(empty).as_bytes())
}

/// What goes between two results in the log.
pub(crate) const RESULT_SEPARATOR: &str = ",\n";

/// The log's text before its first result and after its last (the envelope holds nothing
/// that depends on the findings), for writers that put the results in between.
pub(crate) struct Ends {
    before: String,
    after: String,
}

impl Ends {
    pub(crate) fn new() -> Self {
        let rules: Vec<&CodeDoc> = codes::finding_codes().collect();
        let envelope = pretty(&envelope(&rules, Vec::new()));
        // The empty array is the only `"results": []` of the envelope: a string inside it
        // would have its quotes escaped.
        let (before, after) = envelope
            .split_once(RESULTS_SLOT)
            .unwrap_or((envelope.as_str(), ""));
        Self {
            before: before.to_string(),
            after: after.to_string(),
        }
    }

    /// Up to the first result (`empty`: there is none, and the array is closed).
    pub(crate) fn head(&self, empty: bool) -> String {
        let open = if empty {
            RESULTS_SLOT
        } else {
            "\"results\": [\n"
        };
        format!("{}{open}", self.before)
    }

    /// After the last result.
    pub(crate) fn tail(&self, empty: bool) -> String {
        let close = if empty { "" } else { "\n      ]" };
        format!("{close}{}\n", self.after)
    }
}

/// A result as it sits in the log, four levels deep (log, runs, run, results): eight spaces.
fn indented(result: &Json) -> String {
    let indented = format!("\n{RESULT_INDENT}");
    format!("{RESULT_INDENT}{}", pretty(result).replace('\n', &indented))
}

/// One finding's result as [`write`] writes it without a baseline (a streamed report).
pub(crate) fn push_result(out: &mut String, analysis: &Analysis, finding: &Finding) {
    let rules: Vec<&CodeDoc> = codes::finding_codes().collect();
    let context = Context::default();
    out.push_str(&indented(&result(analysis, &context, &rules, 0, finding)));
}

/// Where the results go in the pretty envelope.
const RESULTS_SLOT: &str = "\"results\": []";

/// The indentation of a result in the pretty log.
const RESULT_INDENT: &str = "        ";

/// A JSON value as serde_json prints it pretty (two spaces an indent).
fn pretty(value: &Json) -> String {
    serde_json::to_string_pretty(value).expect("a JSON value always serialises")
}

/// The SARIF log as a JSON value.
pub fn log(analysis: &Analysis, context: &Context) -> Json {
    let rules: Vec<&CodeDoc> = codes::finding_codes().collect();
    let results: Vec<Json> = context
        .shown(analysis)
        .map(|(i, f)| result(analysis, context, &rules, i, f))
        .collect();
    envelope(&rules, results)
}

/// The log around its results.
fn envelope(rules: &[&CodeDoc], results: Vec<Json>) -> Json {
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "crosscheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/crosscheck",
                    "rules": rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": true}],
            "results": results,
        }]
    })
}

fn rule(doc: &CodeDoc) -> Json {
    let level = match doc.kind {
        CodeKind::Conflict => "error",
        CodeKind::Update => "warning",
        _ => "note",
    };
    // crosscheck::conflict::quantity -> QuantityConflict
    let mut parts = doc.code.rsplit("::");
    let name: String = [parts.next(), parts.next()]
        .into_iter()
        .flatten()
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect();
    let example = doc
        .example
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n");
    json!({
        "id": doc.code,
        "name": name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.explanation},
        "help": {
            "text": format!("{}\n\nExample:\n{}", doc.explanation, doc.example),
            "markdown": format!("{}\n\nExample:\n\n{}", doc.explanation, example),
        },
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["crosscheck", doc.kind.as_str()]},
    })
}

fn result(
    analysis: &Analysis,
    context: &Context,
    rules: &[&CodeDoc],
    index: usize,
    finding: &Finding,
) -> Json {
    let claims = located(analysis, finding);
    let level = finding.severity.as_str();
    let mut text = format!(
        "{} {}: {}",
        finding.subject, finding.property, finding.message
    );
    if let Some(first) = claims.first() {
        text.push_str(&format!(" ({} here", first.claim.label));
    }
    for (id, other) in claims.iter().enumerate().skip(1) {
        text.push_str(&format!(
            "; {} in [{}]({id})",
            other.claim.label,
            escape_link_text(&other.doc.path)
        ));
    }
    if !claims.is_empty() {
        text.push(')');
    }
    let locations: Vec<Json> = claims.first().map(|c| location(c, 0)).into_iter().collect();
    let related: Vec<Json> = claims
        .iter()
        .enumerate()
        .skip(1)
        .map(|(id, c)| location(c, id))
        .collect();
    let key = Key::of(analysis, finding);
    let mut result = json!({
        "ruleId": finding.code,
        "level": level,
        "message": {"text": text},
        "locations": locations,
        "partialFingerprints": {FINGERPRINT: key.fingerprint()},
        "properties": {
            "subject": finding.subject,
            "property": finding.property,
            "values": key.values,
            "grouped": finding.grouped,
        },
    });
    if let Some(rule_index) = rules.iter().position(|r| r.code == finding.code) {
        result["ruleIndex"] = json!(rule_index);
    }
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if context.baseline {
        let known = context.is_known(index);
        result["baselineState"] = json!(if known { "unchanged" } else { "new" });
        if known {
            result["suppressions"] = json!([{
                "kind": "external",
                "status": "accepted",
                "justification": "recorded in the crosscheck baseline",
            }]);
        }
    }
    result
}

fn location(claim: &Located<'_>, id: usize) -> Json {
    let mut region = json!({
        "startLine": claim.start.0,
        "startColumn": claim.start.1,
        "endLine": claim.end.0,
        "endColumn": claim.end.1,
        "snippet": {"text": claim.claim.text},
    });
    // Byte offsets are into the file only when it was UTF-8 (otherwise into decoded text).
    if claim.doc.decoded_from.is_none() {
        region["byteOffset"] = json!(claim.claim.span.start);
        region["byteLength"] = json!(claim.claim.span.end.saturating_sub(claim.claim.span.start));
    }
    json!({
        "id": id,
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&claim.doc.path)},
            "region": region,
        },
        "message": {"text": claim.claim.label},
    })
}

/// A path as a URI reference: relative paths stay relative (viewers resolve them against the
/// checkout), absolute ones become `file://` URIs; anything but unreserved characters and `/`
/// is percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    let path = path.strip_prefix("./").unwrap_or(path);
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Text inside `[...]` of a SARIF message link: `\`, `[` and `]` escaped.
fn escape_link_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn one_result_per_conflict_with_the_other_documents_related_and_linked() {
        let analysis = fixture::analysis();
        let log = log(&analysis, &Context::default());
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        let results = run["results"].as_array().expect("results");
        assert_eq!(results.len(), 1, "agreements only when asked");
        let r = &results[0];
        assert_eq!(r["ruleId"], "crosscheck::conflict::quantity");
        assert_eq!(r["level"], "error");
        assert_eq!(
            r["message"]["text"],
            "NASAMS count: 2 and 6 do not overlap (2 units here; 6 units in [news/b.txt](1))"
        );
        let primary = &r["locations"][0]["physicalLocation"];
        assert_eq!(primary["artifactLocation"]["uri"], "news/a.md");
        assert_eq!(primary["region"]["startLine"], 6);
        assert_eq!(primary["region"]["startColumn"], 1);
        assert_eq!(primary["region"]["endColumn"], 17);
        let related = &r["relatedLocations"][0];
        assert_eq!(related["id"], 1);
        assert_eq!(
            related["physicalLocation"]["artifactLocation"]["uri"],
            "news/b.txt"
        );
        assert_eq!(related["physicalLocation"]["region"]["startColumn"], 26);
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        assert_eq!(rules.len(), crate::report::codes::finding_codes().count());
        assert_eq!(
            rules[r["ruleIndex"].as_u64().expect("index") as usize]["id"],
            r["ruleId"]
        );
        assert_eq!(rules[0]["name"], "QuantityConflict");
        assert!(r.get("baselineState").is_none());
    }

    #[test]
    fn fingerprints_follow_the_claim_key_not_the_lines() {
        let analysis = fixture::analysis();
        let before = log(&analysis, &Context::default());
        let mut moved = analysis.clone();
        moved.claims[1].span.line += 3;
        let after = log(&moved, &Context::default());
        let fp = |l: &Json| l["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT].clone();
        assert_eq!(fp(&before), fp(&after));
        assert!(fp(&before).as_str().is_some_and(|s| s.len() == 16));
    }

    #[test]
    fn a_known_finding_is_unchanged_and_suppressed() {
        let analysis = fixture::analysis();
        let mut context = Context {
            baseline: true,
            show_agreements: true,
            ..Context::default()
        };
        context.known.insert(0);
        let log = log(&analysis, &context);
        let results = &log["runs"][0]["results"];
        assert_eq!(results[0]["baselineState"], "unchanged");
        assert_eq!(results[0]["suppressions"][0]["kind"], "external");
        assert_eq!(results[1]["baselineState"], "new");
        assert_eq!(results[1]["level"], "note");
    }

    #[test]
    fn the_log_written_a_result_at_a_time_is_the_log_value_printed() {
        let analysis = fixture::analysis();
        for show_agreements in [true, false] {
            let context = Context {
                show_agreements,
                ..Context::default()
            };
            let whole = pretty(&log(&analysis, &context)) + "\n";
            assert_eq!(render(&analysis, &context), whole);
        }
        // No result at all: the empty array stays as printed.
        let mut empty = analysis.clone();
        empty.findings.clear();
        let context = Context::default();
        assert_eq!(
            render(&empty, &context),
            pretty(&log(&empty, &context)) + "\n"
        );
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("news/a b.md"), "news/a%20b.md");
        assert_eq!(uri("./x/ç.md"), "x/%C3%A7.md");
        assert_eq!(uri("/data/a.md"), "file:///data/a.md");
        assert_eq!(escape_link_text("a[1].md"), "a\\[1\\].md");
    }
}
