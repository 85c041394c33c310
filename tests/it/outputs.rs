//! Snapshots of what a user sees: exit code, stdout and stderr of one command on one fixture
//! corpus, human and JSON. Reviewed line by line before accepting (`snapshots/`).

use crate::{in_snapshots, run};

/// Runs the binary and snapshots everything it said under `name`.
fn snapshot(name: &str, args: &[&str]) {
    snapshot_filtered(name, args, |s| s);
}

/// Like [`snapshot`], with `filter` applied to the text first (to drop what changes for reasons
/// that are not this test's business).
fn snapshot_filtered(name: &str, args: &[&str], filter: impl Fn(String) -> String) {
    let r = run(args);
    let text = format!(
        "$ crosscheck {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        r.code,
        r.stdout,
        r.stderr
    );
    let text = filter(text);
    in_snapshots(|| insta::assert_snapshot!(name, text));
}

#[test]
fn bridge_check_human() {
    snapshot(
        "bridge_check_human",
        &["check", "--show-agreements", "tests/fixtures/bridge"],
    );
}

#[test]
fn bridge_check_json() {
    snapshot(
        "bridge_check_json",
        &["check", "--format", "json", "tests/fixtures/bridge"],
    );
}

#[test]
fn bridge_claims_human() {
    snapshot("bridge_claims_human", &["claims", "tests/fixtures/bridge"]);
}

#[test]
fn agree_check_human() {
    snapshot(
        "agree_check_human",
        &["check", "--show-agreements", "tests/fixtures/agree"],
    );
}

#[test]
fn agree_claims_json() {
    snapshot(
        "agree_claims_json",
        &["claims", "--format", "json", "tests/fixtures/agree"],
    );
}

#[test]
fn folders_check_human() {
    snapshot("folders_check_human", &["check", "tests/fixtures/folders"]);
}

#[test]
fn edge_check_human() {
    // An empty file, a file in Windows-1252, a CSV file that is skipped, and a missing path.
    snapshot(
        "edge_check_human",
        &[
            "check",
            "tests/fixtures/edge",
            "tests/fixtures/edge/missing.txt",
        ],
    );
}

#[test]
fn malformed_rules_human() {
    // serde lists every field a unit may have; that list grows with the rules schema.
    let fields = regex::Regex::new("expected one of [^\n]*").expect("a valid regex");
    snapshot_filtered(
        "malformed_rules_human",
        &[
            "check",
            "--rules",
            "tests/fixtures/rules-bad",
            "tests/fixtures/agree",
        ],
        |s| {
            fields
                .replace_all(&s, "expected one of [the unit fields]")
                .into_owned()
        },
    );
}

/// The alignment cases in one story: a name with an initial and a suffix and without, an
/// acronym one report spells out, a title three reports agree on and one does not, a quote put
/// in two people's mouths, a casualty figure that rises between dated reports, and a
/// three-against-one count.
#[test]
fn alignment_check_human() {
    snapshot(
        "alignment_check_human",
        &["check", "--show-agreements", "tests/fixtures/alignment"],
    );
}

#[test]
fn alignment_check_json() {
    snapshot(
        "alignment_check_json",
        &["check", "--format", "json", "tests/fixtures/alignment"],
    );
}
