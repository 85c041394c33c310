//! The bodies of crosscheck's fuzz targets, kept apart from libFuzzer so that they build and
//! run on a stable toolchain: the root crate's tests include this file (`tests/it/props.rs`)
//! and call both bodies on sample inputs, so a change to the library that breaks them fails
//! `cargo test`, not only a nightly fuzzing run.
//!
//! Each body panics when the library breaks a promise: a claim whose span does not name its
//! text, or a rules error whose label points outside the rules file.

use std::sync::LazyLock;

use crosscheck::model::{Document, Metadata};
use crosscheck::rules::Rules;
use miette::Diagnostic;

/// The built-in rules, loaded once per process.
static RULES: LazyLock<Rules> =
    LazyLock::new(|| Rules::builtin().expect("the built-in rules load"));

/// A sentence with most kinds of claim, read with rules a fuzzer made.
const PROBE: &str = "---\ntitle: Fire kills 3\ndate: 2014-02-21\n---\nMayor Ana Ruiz said the \
fire on Thursday killed 3 people, injured more than 40 and cost $1.2 million, about 12 miles \
from the 44-year-old's home.\n";

/// A document made from bytes the way ingest would make one: lossy UTF-8, and a Markdown
/// front matter block (`---` lines) with `title:` and `date:` when the text opens with one.
pub fn document(data: &[u8]) -> Document {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut doc = Document::from_text("fuzz.md", text);
    let Some(rest) = doc.text.strip_prefix("---\n") else {
        return doc;
    };
    let Some(close) = rest.find("\n---\n") else {
        return doc;
    };
    let front = &rest[..close];
    let value = |key: &str| {
        front
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().trim_matches('"').to_string())
    };
    doc.meta = Metadata {
        title: value("title:"),
        date: value("date:"),
        ..Metadata::default()
    };
    doc.body_start = "---\n".len() + close + "\n---\n".len();
    doc
}

/// Fuzz body of the extractor: never panics, and every claim names its own text.
pub fn extract_bytes(data: &[u8]) {
    let doc = document(data);
    let claims = crosscheck::extract::extract(0, &doc, &RULES);
    for claim in &claims {
        let named = doc.text.get(claim.span.start..claim.span.end);
        assert_eq!(named, Some(claim.text.as_str()), "span {:?}", claim.span);
        assert!(claim.span.line >= 1 && claim.span.column >= 1);
    }
}

/// Fuzz body of the rules loader: a user's rules file either loads (and the extractor then
/// runs with it) or is an error whose labels lie inside the file.
pub fn load_rules(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        // A rules file that is not UTF-8 is refused before it is parsed.
        return;
    };
    match Rules::builtin_with("fuzz.toml", text) {
        Ok(rules) => {
            let doc = document(PROBE.as_bytes());
            let _ = crosscheck::extract::extract(0, &doc, &rules);
        }
        Err(error) => {
            let _ = error.to_string();
            // Labels point into the excerpt of the file the error carries.
            let source = error.source_code();
            for label in error.labels().into_iter().flatten() {
                let read = source.map(|s| s.read_span(label.inner(), 1, 1));
                assert!(
                    read.is_some_and(|r| r.is_ok()),
                    "label {}..{} outside its source: {error}",
                    label.offset(),
                    label.offset() + label.len()
                );
            }
            let mut out = String::new();
            let _ = crosscheck::report::human::plain_handler().render_report(&mut out, &error);
        }
    }
}

/// Fuzz body of the whole pipeline: the bytes cut at `0xFF` bytes into up to four documents
/// (in two folders), checked together and folder by folder, suppressions applied, and the
/// analysis rendered in every format, human output with miette's renderer at a narrow and at
/// no terminal width. Fails when anything panics, when a machine format does not parse, or
/// when a span in the JSON report is not on character boundaries of its document.
pub fn pipeline_bytes(data: &[u8]) {
    use crosscheck::report::{
        Context, github, html, human, json, json_lines, markdown, rdjsonl, sarif,
    };
    let documents: Vec<Document> = data
        .split(|&b| b == 0xff)
        .take(4)
        .enumerate()
        .map(|(i, part)| {
            let mut doc = document(part);
            doc.path = format!("d{}/f{i}.md", i % 2);
            doc.group = format!("d{}", i % 2);
            doc
        })
        .collect();
    for group_by in [crosscheck::GroupBy::All, crosscheck::GroupBy::Folder] {
        let mut analysis = crosscheck::check(documents.clone(), Vec::new(), &RULES, group_by);
        let suppressed = crosscheck::suppress::apply(&mut analysis).suppressed;
        for columns in [None, Some(30)] {
            let context = Context {
                show_agreements: true,
                suppressed,
                columns,
                ..Context::default()
            };
            let diagnostics = human::diagnostics_in(&analysis, &context);
            let _ = human::render(
                diagnostics.iter().map(|d| d as &dyn Diagnostic),
                &human::plain_handler(),
            );
        }
        let context = Context {
            show_agreements: true,
            suppressed,
            ..Context::default()
        };
        let report: serde_json::Value =
            serde_json::from_str(&json::render(&analysis, &context)).expect("JSON parses");
        for finding in report["findings"].as_array().into_iter().flatten() {
            for claim in finding["claims"].as_array().into_iter().flatten() {
                let doc = analysis
                    .documents
                    .iter()
                    .find(|d| claim["document"] == d.path.as_str())
                    .expect("a claim's document is listed");
                for end in ["start", "end"] {
                    let at = claim["span"][end].as_u64().expect("a span") as usize;
                    assert!(doc.text.is_char_boundary(at), "{end} {at} in {}", doc.path);
                }
            }
        }
        for line in json_lines::render(&analysis, &context).lines() {
            let _: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        }
        // reviewdog's columns are bytes: each must fall on a character boundary of its line.
        for line in rdjsonl::render(&analysis, &context).lines() {
            let d: serde_json::Value = serde_json::from_str(line).expect("an rdjsonl line");
            let related = d["related_locations"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let locations = std::iter::once(d["location"].clone())
                .chain(related.iter().map(|r| r["location"].clone()));
            for location in locations {
                let doc = analysis
                    .documents
                    .iter()
                    .find(|doc| location["path"] == doc.path.as_str())
                    .expect("a location's document is listed");
                for end in ["start", "end"] {
                    let at = &location["range"][end];
                    let line = at["line"].as_u64().expect("a line") as usize;
                    let column = at["column"].as_u64().expect("a column") as usize;
                    let line_start: usize = doc
                        .text
                        .split_inclusive('\n')
                        .take(line - 1)
                        .map(str::len)
                        .sum();
                    let offset = line_start + column - 1;
                    assert!(
                        doc.text.is_char_boundary(offset),
                        "rdjsonl {end} {line}:{column} in {}",
                        doc.path
                    );
                }
            }
        }
        let _: serde_json::Value =
            serde_json::from_str(&sarif::render(&analysis, &context)).expect("SARIF parses");
        let _ = github::render(&analysis, &context);
        let _ = markdown::render(&analysis, &context);
        let _ = html::render(&analysis, &context);
        let _ = human::render_claims(&analysis);
    }
}
