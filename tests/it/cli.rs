//! The command line: exit codes, usage errors, and inputs that are missing, empty, not UTF-8,
//! skipped, or rules that are malformed. Whatever goes wrong with one input, the rest is checked.

use std::io::Read;
use std::process::Stdio;

use crate::{crosscheck, run, run_json};

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let r = run(&["check", "--no-such-flag", "tests/fixtures/agree"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--no-such-flag"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn a_bad_format_value_is_a_usage_error() {
    let r = run(&["claims", "--format", "xml", "tests/fixtures/agree"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("xml"), "{}", r.stderr);
}

#[test]
fn no_path_is_a_usage_error() {
    let r = run(&["check"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("PATH"), "{}", r.stderr);
}

#[test]
fn help_exits_0() {
    let r = run(&["check", "--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for flag in ["--format", "--show-agreements", "--group-by", "--rules"] {
        assert!(
            r.stdout.contains(flag),
            "{flag} missing from:\n{}",
            r.stdout
        );
    }
}

#[test]
fn a_conflict_exits_1() {
    let r = run(&["check", "tests/fixtures/bridge"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("crosscheck::conflict::"), "{}", r.stdout);
    assert!(r.stdout.contains("1 conflict") || r.stdout.contains(" conflicts"));
}

#[test]
fn agreements_alone_exit_0_and_are_only_counted_unless_asked() {
    let r = run(&["check", "tests/fixtures/agree"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        !r.stdout.contains("crosscheck::agreement::"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("2 agreements"), "{}", r.stdout);

    let r = run(&["check", "--show-agreements", "tests/fixtures/agree"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("crosscheck::agreement::"), "{}", r.stdout);
}

#[test]
fn claims_exits_0_even_when_documents_conflict() {
    let r = run(&["claims", "tests/fixtures/bridge"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn group_by_folder_compares_only_documents_of_one_folder() {
    // north/ says 12,000 homes twice; south/ says 3,000 once.
    let r = run(&["check", "tests/fixtures/folders"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let r = run(&["check", "--group-by", "folder", "tests/fixtures/folders"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_missing_path_exits_2_and_the_other_paths_are_still_checked() {
    let (r, json) = run_json(&[
        "check",
        "tests/fixtures/no-such-article.txt",
        "tests/fixtures/bridge",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("tests/fixtures/no-such-article.txt"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("no such file"), "{}", r.stderr);
    assert_eq!(json["summary"]["documents"], 2, "{json:#}");
    assert!(
        json["summary"]["conflicts"].as_u64() > Some(0),
        "the bridge conflict is still found: {json:#}"
    );
}

#[test]
fn an_empty_file_is_read_with_a_message_and_no_claims() {
    let (r, json) = run_json(&[
        "check",
        "tests/fixtures/edge/empty.txt",
        "tests/fixtures/agree",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("empty.txt"),
        "no message about the empty file: {}",
        r.stderr
    );
    let docs = json["documents"].as_array().unwrap();
    let empty = docs
        .iter()
        .find(|d| d["path"] == "tests/fixtures/edge/empty.txt")
        .unwrap_or_else(|| panic!("the empty file is a document: {json:#}"));
    assert_eq!(empty["claims"], 0);
    assert_eq!(json["summary"]["documents"], 3);
}

#[test]
fn a_file_that_is_not_utf8_is_decoded_with_a_warning() {
    let (r, json) = run_json(&["claims", "tests/fixtures/edge/cafe-latin1.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("cafe-latin1.txt"),
        "no warning: {}",
        r.stderr
    );
    let (_, check) = run_json(&["check", "tests/fixtures/edge/cafe-latin1.txt"]);
    let doc = &check["documents"][0];
    assert!(doc["decoded_from"].is_string(), "{check:#}");
    assert_eq!(check["summary"]["warnings"], 1, "{check:#}");
    assert_eq!(
        check["warnings"][0]["path"],
        "tests/fixtures/edge/cafe-latin1.txt"
    );
    // Offsets refer to the decoded text: "Café" is five bytes in UTF-8, four in the file.
    let decoded =
        "Caf\u{e9} owners said 25 tables were damaged in the Sunday market fire in Oldmere.\n";
    for claim in json["claims"].as_array().unwrap() {
        let (start, end) = (
            claim["span"]["start"].as_u64().unwrap() as usize,
            claim["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(decoded.get(start..end), claim["text"].as_str(), "{claim:#}");
    }
}

#[test]
fn files_of_other_types_in_folders_are_skipped_and_counted() {
    let (r, json) = run_json(&["check", "tests/fixtures/edge"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json["summary"]["skipped"], 1, "tables.csv: {json:#}");
    assert_eq!(json["summary"]["documents"], 2, "{json:#}");
    let r = run(&["check", "tests/fixtures/edge"]);
    assert!(r.stdout.contains("1 skipped file"), "{}", r.stdout);
}

#[test]
fn a_malformed_rules_file_names_the_file_and_line() {
    let r = run(&[
        "check",
        "--rules",
        "tests/fixtures/rules-bad",
        "tests/fixtures/agree",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "no report without rules: {}", r.stdout);
    assert!(
        r.stderr.contains("tests/fixtures/rules-bad/units.toml:5:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("namez"), "{}", r.stderr);
    assert!(
        r.stderr.contains("crosscheck::rules::invalid"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_missing_rules_folder_exits_2() {
    let r = run(&[
        "check",
        "--rules",
        "tests/fixtures/no-such-rules",
        "tests/fixtures/agree",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("no-such-rules"), "{}", r.stderr);
}

#[test]
fn a_users_rules_folder_is_added_to_the_builtin_rules() {
    let r = run(&[
        "check",
        "--rules",
        "tests/fixtures/rules-extra",
        "tests/fixtures/agree",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_closed_stdout_ends_quietly_with_exit_0() {
    // More output than a pipe buffer holds, so the writer meets the closed pipe whatever the
    // timing: one "no claims" line for each of many documents.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(
            dir.path().join(format!("note-{i:04}.txt")),
            "Nothing here.\n",
        )
        .unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("claims")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn json_output_is_not_coloured_or_decorated() {
    let r = crosscheck()
        .args([
            "check",
            "--format",
            "json",
            "--color",
            "always",
            "tests/fixtures/agree",
        ])
        .output()
        .unwrap();
    assert!(!r.stdout.contains(&0x1b), "no escape codes in JSON");
}
