//! CI gates and selection: `--fail-on`, baselines, in-document suppression, `crosscheck.toml`,
//! `--exclude`, paths from standard input, `--quiet`, and the `explain` and `rules` commands.

use std::io::Write;
use std::process::Stdio;

use crate::{ROOT, at_root, crosscheck, run, run_json};

#[test]
fn fail_on_chooses_what_fails() {
    // bridge: two conflicts; agree: one agreement.
    let code = |args: &[&str]| run(args).code;
    assert_eq!(code(&["check", "tests/fixtures/bridge"]), 1);
    assert_eq!(
        code(&["check", "--fail-on", "never", "tests/fixtures/bridge"]),
        0
    );
    assert_eq!(
        code(&["check", "--fail-on", "update", "tests/fixtures/bridge"]),
        1,
        "update is conflict for now"
    );
    assert_eq!(
        code(&["check", "--fail-on", "conflict", "tests/fixtures/agree"]),
        0
    );
    assert_eq!(
        code(&["check", "--fail-on", "agreement", "tests/fixtures/agree"]),
        1
    );
    // An error still exits 2 whatever the gate.
    assert_eq!(
        code(&[
            "check",
            "--fail-on",
            "never",
            "tests/fixtures/bridge",
            "no-such.md"
        ]),
        2
    );
}

#[test]
fn a_baseline_makes_known_conflicts_pass_and_reports_stale_entries() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for name in ["river-post.txt", "valley-courier.md"] {
        std::fs::copy(
            at_root("tests/fixtures/bridge").join(name),
            corpus.join(name),
        )
        .unwrap();
    }
    let baseline = dir.path().join("crosscheck-baseline.json");
    let (b, c) = (baseline.to_str().unwrap(), corpus.to_str().unwrap());

    let w = run(&["check", "--write-baseline", b, c]);
    assert_eq!(w.code, 0, "recorded conflicts are known: {}", w.stderr);
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(file["version"], 1);
    let entries = file["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{file:#}");
    for e in entries {
        let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["code", "property", "subject", "values"],
            "no line numbers"
        );
    }

    // Known: exit 0, the JSON says so, the human summary counts them.
    let (r, json) = run_json(&["check", "--baseline", b, c]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "no stale entries: {}", r.stderr);
    assert_eq!(json["summary"]["known"], 2);
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "conflict")
            .all(|f| f["known"] == true)
    );
    let r = run(&["check", "--baseline", b, c]);
    assert!(
        r.stdout.contains("2 known (in the baseline)"),
        "{}",
        r.stdout
    );

    // An edit elsewhere in a document changes no key.
    let courier = corpus.join("valley-courier.md");
    let text = std::fs::read_to_string(&courier).unwrap();
    std::fs::write(
        &courier,
        text.replace("# Footbridge", "Updated at noon.\n\n# Footbridge"),
    )
    .unwrap();
    assert_eq!(run(&["check", "--baseline", b, c]).code, 0);

    // A changed figure: the old entry is stale, and the new finding (an update: the undated
    // report is taken as the later one) fails the run under --fail-on update.
    let text = std::fs::read_to_string(&courier).unwrap();
    std::fs::write(&courier, text.replace("Eleven people", "Twelve people")).unwrap();
    let r = run(&["check", "--baseline", b, "--fail-on", "update", c]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("stale baseline entry"), "{}", r.stderr);
    assert!(
        r.stderr.contains("crosscheck-baseline.json"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_baseline_is_an_error_pointing_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("b.json");
    std::fs::write(
        &baseline,
        "{\n  \"version\": 1,\n  \"findings\": [{\"line\": 3}]\n}\n",
    )
    .unwrap();
    let r = run(&[
        "check",
        "--baseline",
        baseline.to_str().unwrap(),
        "tests/fixtures/bridge",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("crosscheck::baseline::invalid"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("b.json:3:"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn suppression_comments_hide_findings_and_unused_ones_warn() {
    // The bridge fixture with a comment before one side of each conflict, and one before a
    // heading that states nothing.
    let (r, json) = run_json(&["check", "tests/fixtures/suppress"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json["summary"]["conflicts"], 0, "{json:#}");
    assert!(
        json["summary"]["suppressed"].as_u64() >= Some(2),
        "{json:#}"
    );
    let warnings = json["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{json:#}");
    assert_eq!(
        warnings[0]["path"],
        "tests/fixtures/suppress/valley-courier.md"
    );
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("line 6: `<!-- crosscheck-ignore -->` suppresses no finding"),
        "{json:#}"
    );
    assert!(
        r.stderr.contains("crosscheck::suppression::unused"),
        "{}",
        r.stderr
    );
}

/// Runs the binary in `dir` (for crosscheck.toml discovery).
fn run_in(dir: &std::path::Path, args: &[&str]) -> crate::Run {
    let out = crosscheck().current_dir(dir).args(args).output().unwrap();
    crate::Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn crosscheck_toml_is_found_above_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    let bridge = format!("{ROOT}/tests/fixtures/bridge");
    std::fs::write(
        dir.path().join("crosscheck.toml"),
        "fail-on = \"never\"\nformat = \"json\"\nexclude = [\"*.bak\"]\n",
    )
    .unwrap();
    let below = dir.path().join("a/b");
    std::fs::create_dir_all(&below).unwrap();

    let r = run_in(&below, &["check", &bridge]);
    assert_eq!(r.code, 0, "fail-on from the file: {}", r.stderr);
    assert!(
        r.stdout.starts_with('{'),
        "format from the file: {}",
        r.stdout
    );
    let r = run_in(
        &below,
        &[
            "check",
            "--fail-on",
            "conflict",
            "--format",
            "human",
            &bridge,
        ],
    );
    assert_eq!(r.code, 1, "the flag wins");
    assert!(r.stdout.contains("crosscheck::conflict::"), "{}", r.stdout);
    let r = run_in(&below, &["check", "--no-config", &bridge]);
    assert_eq!(r.code, 1);

    let r = run_in(
        &below,
        &[
            "check",
            "--dump-config",
            "--exclude",
            "drafts",
            "--group-by",
            "folder",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("crosscheck.toml and the command line"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("fail-on = \"never\""), "{}", r.stdout);
    assert!(r.stdout.contains("group-by = \"folder\""), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("exclude = [\n    \"*.bak\",\n    \"drafts\",\n]")
            || r.stdout.contains("exclude = [\"*.bak\", \"drafts\"]"),
        "{}",
        r.stdout
    );
}

#[test]
fn an_unknown_key_in_crosscheck_toml_points_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("ci.toml");
    std::fs::write(&config, "fail-on = \"never\"\nexclude-glob = [\"x\"]\n").unwrap();
    let r = run(&[
        "check",
        "--config",
        config.to_str().unwrap(),
        "tests/fixtures/bridge",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("crosscheck::config::invalid"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ci.toml:2:1"), "{}", r.stderr);
    assert!(r.stderr.contains("exclude-glob"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn exclude_skips_files_and_folders_and_force_exclude_applies_to_named_files() {
    // folders: north agrees with itself, south conflicts with north.
    assert_eq!(
        run(&["check", "--exclude", "south", "tests/fixtures/folders"]).code,
        0
    );
    assert_eq!(
        run(&[
            "check",
            "--exclude",
            "south/*.txt",
            "tests/fixtures/folders"
        ])
        .code,
        0
    );
    let named = [
        "tests/fixtures/folders/north",
        "tests/fixtures/folders/south",
    ];
    let mut args = vec!["check", "--exclude", "south"];
    args.extend(named);
    assert_eq!(
        run(&args).code,
        1,
        "named folders are read without --force-exclude"
    );
    args.insert(1, "--force-exclude");
    assert_eq!(run(&args).code, 0);
    let r = run(&["check", "--exclude", "a[", "tests/fixtures/folders"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invalid glob `a[`"), "{}", r.stderr);
}

#[test]
fn a_dash_reads_the_paths_from_standard_input() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(ROOT)
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"tests/fixtures/bridge/river-post.txt\n\ntests/fixtures/bridge/valley-courier.md\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["documents"], 2);
}

#[test]
fn quiet_drops_warnings_and_the_summary_line() {
    let r = run(&["check", "--quiet", "tests/fixtures/edge"]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    assert!(!r.stdout.contains("documents,"), "{}", r.stdout);
    // Errors are still said.
    let r = run(&["check", "--quiet", "tests/fixtures/edge/missing.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.txt"), "{}", r.stderr);
}

#[test]
fn explain_says_what_a_code_means() {
    let r = run(&["explain", "conflict::title"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("crosscheck::conflict::title (conflict)\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Example:"), "{}", r.stdout);
    let r = run(&["explain"]);
    assert!(
        r.stdout.contains("crosscheck::agreement::date"),
        "{}",
        r.stdout
    );
    let r = run(&["explain", "conflict::colour"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown code"), "{}", r.stderr);
}

#[test]
fn rules_lists_the_files_in_effect() {
    let r = run(&["rules", "--rules", "tests/fixtures/rules-extra"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("rules/numbers.toml (built in)\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("tests/fixtures/rules-extra/"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("(yours)"), "{}", r.stdout);
    let r = run(&["rules", "--rules", "tests/fixtures/rules-bad"]);
    assert_eq!(r.code, 2);
}
