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

/// The README's text.
pub(crate) fn readme() -> String {
    std::fs::read_to_string(crate::at_root("README.md")).unwrap()
}

/// The fenced blocks of a Markdown text with their language: `(lang, body)`.
pub(crate) fn fenced_blocks(text: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in text.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(lang)) => open = Some((lang.trim().to_string(), String::new())),
            (Some(_), Some(_)) => blocks.extend(open.take()),
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

/// Copies a folder of files into another.
pub(crate) fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs the binary in `dir` with the words of a README command line (after `crosscheck`,
/// less a trailing `# comment`).
fn run_readme_command(dir: &std::path::Path, line: &str) -> crate::Run {
    let line = line.split('#').next().unwrap_or("");
    // "... > FILE": the output goes to FILE, and nothing is shown.
    let (line, to) = match line.split_once(" > ") {
        Some((command, file)) => (command, Some(file.trim())),
        None => (line, None),
    };
    let words: Vec<&str> = line.split_whitespace().skip(1).collect();
    let out = crosscheck()
        .current_dir(dir)
        .env_remove("COLUMNS")
        .args(&words)
        .output()
        .unwrap();
    let mut stdout = String::from_utf8(out.stdout).unwrap();
    if let Some(file) = to {
        std::fs::write(dir.join(file), std::mem::take(&mut stdout)).unwrap();
    }
    crate::Run {
        code: out.status.code().unwrap(),
        stdout,
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

// The README's baseline walk-through showed figures and messages the tool no longer printed.
// Every `$ crosscheck ...` session in a `sh` block is run (on a copy of examples/, in order, in
// one folder) and what it prints compared; then the edit the text describes is made and the
// warning, conflict, summary and exit code it quotes are checked, and the baseline file
// against the JSON shown.
#[test]
fn the_readme_examples_print_what_the_readme_says() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&crate::at_root("examples"), &dir.path().join("examples"));
    let text = readme();
    let blocks = fenced_blocks(&text);
    // The verdicts file the README shows is the one its review session reads.
    let verdicts = blocks
        .iter()
        .find(|(lang, body)| lang == "json" && body.contains("\"verdicts\""))
        .expect("the README's verdicts file");
    std::fs::write(dir.path().join("verdicts.json"), &verdicts.1).unwrap();
    let mut sessions = 0;
    for (lang, body) in &blocks {
        if lang != "sh" || !body.lines().any(|l| l.starts_with("$ crosscheck")) {
            continue;
        }
        sessions += 1;
        let mut last: Option<crate::Run> = None;
        let mut lines = body.lines().peekable();
        while let Some(line) = lines.next() {
            let Some(command) = line.strip_prefix("$ ") else {
                continue;
            };
            let mut expected = String::new();
            while let Some(next) = lines.next_if(|l| !l.starts_with("$ ")) {
                expected.push_str(next);
                expected.push('\n');
            }
            if command.trim() == "echo $?" {
                let code = last.as_ref().expect("a command before `echo $?`").code;
                assert_eq!(
                    format!("{code}\n"),
                    expected,
                    "exit code of the command before"
                );
            } else {
                let r = run_readme_command(dir.path(), command);
                // "..." stands for the lines before what is shown.
                match expected.strip_prefix("...\n") {
                    Some(tail) => assert!(
                        r.stdout.ends_with(tail),
                        "{command}\nstdout: {}\nstderr: {}",
                        r.stdout,
                        r.stderr
                    ),
                    None => assert_eq!(r.stdout, expected, "{command}\nstderr: {}", r.stderr),
                }
                last = Some(r);
            }
        }
    }
    assert!(sessions >= 1, "no README session found");

    // "after changing "The 240-metre Old Quarry Bridge" to "250-metre" in ..."
    let wire = dir.path().join("examples/bridge-collapse/wire.md");
    let story = std::fs::read_to_string(&wire).unwrap();
    assert!(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("\"The 240-metre Old Quarry Bridge\" to \"250-metre\"")
    );
    std::fs::write(
        &wire,
        story.replace(
            "The 240-metre Old Quarry Bridge",
            "The 250-metre Old Quarry Bridge",
        ),
    )
    .unwrap();
    let r = run_readme_command(
        dir.path(),
        "crosscheck check --baseline crosscheck-baseline.json examples",
    );
    let warned = text
        .split("command warns on stderr")
        .nth(1)
        .and_then(|rest| fenced_blocks(rest).into_iter().next())
        .expect("the warning the README quotes");
    assert_eq!(r.stderr.trim(), warned.1.trim());
    // The prose, its line breaks as spaces.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let quoted = |before: &str| -> String {
        let rest = flat.split(before).nth(1).expect(before);
        let inner = rest.split('`').nth(1).expect("a quoted text");
        inner.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert!(
        r.stdout
            .contains(&quoted("prints the new conflict in full (")),
        "{}",
        r.stdout
    );
    let summary = quoted("), ends with ");
    assert!(
        r.stdout.ends_with(&format!("{summary}\n")),
        "{summary}\n{}",
        r.stdout
    );
    assert!(flat.contains(&format!("(in the baseline)`, and exits {}.", r.code)));

    // The JSON shown is a part of the file --write-baseline writes, in its format.
    let shown = blocks
        .iter()
        .find(|(lang, body)| {
            lang == "json" && body.contains("\"values\"") && body.contains("\"version\": 1")
        })
        .expect("the baseline example");
    let shown: serde_json::Value = serde_json::from_str(&shown.1).unwrap();
    let written: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("crosscheck-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(shown["version"], written["version"]);
    for entry in shown["findings"].as_array().unwrap() {
        assert!(
            written["findings"].as_array().unwrap().contains(entry),
            "{entry} is not in the written baseline: {written:#}"
        );
    }
}
