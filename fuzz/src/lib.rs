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
            for label in error.labels().into_iter().flatten() {
                let end = label.offset() + label.len();
                assert!(
                    end <= text.len(),
                    "label {}..{end} outside the {}-byte file: {error}",
                    label.offset(),
                    text.len()
                );
            }
        }
    }
}
