//! Bad input through the binary: huge one-line files, NUL bytes, CRLF line endings and a
//! byte-order mark, folder link loops, unreadable files and folders, rules files with every
//! kind of mistake, an empty corpus, and a JSON Lines file with a broken line. Each run must
//! end with a clear message, the rest of the work done, and the exit code the README gives
//! (0 no conflicts, 1 conflicts, 2 an input or rules file that could not be used).
//!
//! Every corpus is written to a temporary folder at test time and the binary runs there, so
//! the paths in its output are short.

use std::fs;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::{Run, crosscheck, line_col};

/// Long enough for any of these runs in a debug build, short enough to catch a loop.
const TIMEOUT: Duration = Duration::from_secs(300);

/// Runs the binary in `dir` with `args` (and no `COLUMNS`, whatever the terminal running the
/// tests says).
fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_in_with(dir, args, &[])
}

/// Runs the binary in `dir` with `args` and the environment variables `env`.
fn run_in_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = crosscheck();
    cmd.env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .current_dir(dir)
        .args(args)
        .timeout(TIMEOUT)
        .output()
        .expect("the binary runs");
    Run {
        code: out
            .status
            .code()
            .expect("exited within the time limit, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs the binary in `dir` with `--format json` added and parses what it printed.
fn run_json_in(dir: &Path, args: &[&str]) -> (Run, Value) {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let run = run_in(dir, &args);
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr:\n{}\nstdout starts:\n{}",
            run.stderr,
            run.stdout.chars().take(2000).collect::<String>()
        )
    });
    (run, json)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

/// Checks every claim of a `claims --format json` run against the file it names (read from
/// `dir`): the bytes `start..end` are the claim's text, and line and column are right.
/// Returns how many claims each document has.
fn assert_spans_match_files(dir: &Path, json: &Value) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for claim in json["claims"].as_array().expect("a claims array") {
        let document = claim["document"].as_str().unwrap();
        let text = fs::read_to_string(dir.join(document)).unwrap();
        let span = &claim["span"];
        let field = |k: &str| span[k].as_u64().unwrap() as usize;
        let (start, end) = (field("start"), field("end"));
        assert_eq!(
            text.get(start..end),
            claim["text"].as_str(),
            "{document} {span}"
        );
        assert_eq!(
            (field("line"), field("column")),
            line_col(&text, start),
            "{document}: line and column of {:?}",
            claim["text"]
        );
        match counts.last_mut() {
            Some((d, n)) if d == document => *n += 1,
            _ => counts.push((document.to_string(), 1)),
        }
    }
    counts
}

/// `reps` sentences on one line, each with a death toll and a count of homes.
fn one_line(reps: usize) -> String {
    let mut text = String::with_capacity(reps * 64);
    for i in 0..reps {
        text.push_str(&format!(
            "The fire killed {} people and {} homes burned. ",
            2 + i % 7,
            10 + i % 90
        ));
    }
    text
}

#[test]
fn a_one_megabyte_file_on_one_line_is_read_and_every_span_is_on_line_1() {
    let dir = tempfile::tempdir().unwrap();
    let text = one_line(22_000);
    assert!(text.len() > 1_000_000 && !text.contains('\n'));
    write(dir.path(), "long.txt", &text);
    let (r, json) = run_json_in(dir.path(), &["claims", "long.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let counts = assert_spans_match_files(dir.path(), &json);
    assert!(counts[0].1 >= 22_000, "{counts:?}");
    let last = json["claims"].as_array().unwrap().last().unwrap();
    assert_eq!(last["span"]["line"], 1);
    assert!(last["span"]["column"].as_u64().unwrap() > 999_000);

    let r = run_in(dir.path(), &["check", "long.txt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 document"), "{}", r.stdout);
}

// A claim's column used to be counted from the start of its line for every claim, quadratic on
// one long line (5 MB took 60 s in a debug build); spans are now counted on with a cursor. How
// long it takes is measured by the benchmarks (README, "Speed"), not asserted here: a timed test
// fails on a busy machine, not on slow code.
#[test]
fn a_five_megabyte_file_on_one_line_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = one_line(110_000);
    assert!(text.len() > 5_000_000);
    write(dir.path(), "long.txt", &text);
    let r = run_in(dir.path(), &["check", "long.txt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 document"), "{}", r.stdout);
}

// A document over the size limit is skipped with a warning naming it (a 100 MB one was read
// whole, and the human output of a 200 MB one grew to 18 GB); the limit is a setting, here
// lowered so the test stays small.
#[test]
fn a_document_over_the_size_limit_is_skipped_with_a_warning_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/huge.txt", one_line(40_000));
    write(dir.path(), "c/a.txt", "The fire killed 3 people.\n");
    write(dir.path(), "c/b.txt", "The fire killed 4 people.\n");
    let limit = "document larger than max-document-size (1 MiB) (1840000 bytes); skipped";
    let r = run_in(dir.path(), &["check", "--max-document-size", "1M", "c"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(&format!("c/huge.txt: {limit}")),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .ends_with("2 documents, 2 claims, 0 agreements, 1 conflict, 1 warning\n"),
        "{}",
        r.stdout
    );
    // The same from crosscheck.toml.
    write(
        dir.path(),
        "crosscheck.toml",
        "max-document-size = \"1 MiB\"\n",
    );
    let r = run_in(dir.path(), &["check", "c"]);
    assert!(
        r.stderr.contains(&format!("c/huge.txt: {limit}")),
        "{}",
        r.stderr
    );
    // The default (64 MiB) reads it.
    let r = run_in(dir.path(), &["check", "--no-config", "c"]);
    assert!(!r.stderr.contains("max-document-size"), "{}", r.stderr);
    assert!(r.stdout.contains("3 documents"), "{}", r.stdout);
}

// A named pipe given on the command line blocked for ever (and one in a folder was skipped
// silently); neither is opened now.
#[cfg(unix)]
#[test]
fn a_named_pipe_named_or_in_a_folder_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/a.txt", "The fire killed 3 people.\n");
    write(dir.path(), "c/b.txt", "The fire killed 4 people.\n");
    for fifo in ["c/p.txt", "q.txt"] {
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join(fifo))
            .status();
        assert!(made.is_ok_and(|s| s.success()));
    }
    let r = run_in(dir.path(), &["check", "c", "q.txt"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    for pipe in ["c/p.txt", "q.txt"] {
        assert!(
            r.stderr.contains(&format!(
                "{pipe}: a named pipe, not a regular file; skipped"
            )),
            "{}",
            r.stderr
        );
    }
    assert!(r.stdout.contains("2 documents"), "{}", r.stdout);
}

// `/dev/zero` named on the command line was read until memory ran out (24 GB).
#[cfg(unix)]
#[test]
fn a_device_named_on_the_command_line_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "The fire killed 3 people.\n");
    let r = run_in(dir.path(), &["check", "a.txt", "/dev/zero"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("/dev/zero: a device, not a regular file; skipped"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("1 document"), "{}", r.stdout);
}

#[test]
fn a_file_with_nul_bytes_is_skipped_as_binary_with_a_warning_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/good.txt", "The fire killed 3 people.\n");
    write(
        dir.path(),
        "c/blob.txt",
        b"PK\x03\x04\0\0 killed 40 people\0\n",
    );
    let (r, json) = run_json_in(dir.path(), &["check", "c"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let paths = document_paths(&json);
    assert_eq!(paths, ["c/good.txt"]);
    let warnings = json["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["path"] == "c/blob.txt" && w["message"].as_str().unwrap().contains("binary")),
        "{warnings:?}"
    );
    assert_eq!(json["summary"]["warnings"], 1);

    let r = run_in(dir.path(), &["check", "c"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("c/blob.txt") && r.stderr.contains("binary"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("1 document"), "{}", r.stdout);
}

#[test]
fn nul_bytes_past_the_start_of_a_text_file_are_read_as_text_with_spans_intact() {
    // Only the start of a file is sniffed for NUL bytes; a stray one further on must not
    // disturb the offsets of what follows it.
    let dir = tempfile::tempdir().unwrap();
    let mut text = "Crews worked through the night. ".repeat(400);
    text.push_str("A stray \0 byte. The fire killed 3 people and 40 homes burned.\n");
    assert!(text.find('\0').unwrap() > 8 * 1024);
    write(dir.path(), "late-nul.txt", &text);
    let (r, json) = run_json_in(dir.path(), &["claims", "late-nul.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let counts = assert_spans_match_files(dir.path(), &json);
    assert!(counts.first().is_some_and(|(_, n)| *n >= 2), "{counts:?}");
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_keep_lines_and_columns_right() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c/plain.txt",
        "\u{feff}12 people were hurt in the fire.\r\nOn Monday, Mayor Ana Ruiz said the fire \
         killed 3 people.\r\n\r\nAbout 40 homes lost power, and crews needed 11 hours.\r\n",
    );
    write(
        dir.path(),
        "c/front.md",
        "\u{feff}---\r\ntitle: \"Fire kills 3\"\r\ndate: 2023-05-18\r\n---\r\nThe fire on \
         Thursday killed 3 people and hurt 12.\r\nCafé owner Zoë Brandt, 44, said 40 homes \
         burned.\r\n",
    );
    let (r, json) = run_json_in(dir.path(), &["claims", "c"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let counts = assert_spans_match_files(dir.path(), &json);
    assert_eq!(counts.len(), 2, "{counts:?}");
    let claims = json["claims"].as_array().unwrap();
    let at = |document: &str, text: &str| {
        let c = claims
            .iter()
            .find(|c| c["document"] == document && c["text"].as_str().unwrap().contains(text))
            .unwrap_or_else(|| panic!("no claim with {text:?} in {document}: {claims:#?}"));
        (c["span"]["line"].clone(), c["span"]["column"].clone())
    };
    // The byte-order mark is not a column; "\r" ends no line by itself and is no column of
    // the next line.
    assert_eq!(at("c/plain.txt", "12 people"), (1.into(), 1.into()));
    assert_eq!(at("c/plain.txt", "Ana Ruiz"), (2.into(), 12.into()));
    assert_eq!(at("c/plain.txt", "About 40"), (4.into(), 1.into()));
    // Front matter with CRLF endings is still front matter: its title is read, its date
    // anchors "Thursday".
    assert_eq!(at("c/front.md", "kills 3"), (2.into(), 14.into()));
    assert_eq!(at("c/front.md", "Thursday"), (5.into(), 13.into()));

    let (r, json) = run_json_in(dir.path(), &["check", "c"]);
    assert!(r.code <= 1, "{}", r.stderr);
    let front = &json["documents"][0];
    assert_eq!(front["path"], "c/front.md");
    assert_eq!(front["title"], "Fire kills 3");
    assert_eq!(front["date"], "2023-05-18");
}

#[cfg(unix)]
#[test]
fn a_folder_link_loop_is_walked_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/a/one.txt", "The fire killed 3 people.\n");
    write(dir.path(), "c/b/two.txt", "The fire killed 3 people.\n");
    std::os::unix::fs::symlink("..", dir.path().join("c/a/up")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("c/b/self")).unwrap();
    let (r, json) = run_json_in(dir.path(), &["check", "c"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json["summary"]["documents"], 2, "{json:#}");
    let warned: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["path"].as_str().unwrap())
        .collect();
    assert!(
        warned.contains(&"c/a/up") && warned.contains(&"c/b/self"),
        "{warned:?}"
    );

    let r = run_in(dir.path(), &["check", "c"]);
    assert!(r.stderr.contains("link"), "{}", r.stderr);
    assert!(r.stdout.contains("2 documents"), "{}", r.stdout);
}

/// Whether this process can open `path` for reading despite its permissions (root can).
#[cfg(unix)]
fn still_readable(path: &Path) -> bool {
    if path.is_dir() {
        fs::read_dir(path).is_ok()
    } else {
        fs::read(path).is_ok()
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_and_folder_exit_2_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/good.txt", "The fire killed 3 people.\n");
    write(dir.path(), "c/secret.txt", "The fire killed 9 people.\n");
    write(
        dir.path(),
        "c/locked/inner.txt",
        "The fire killed 9 people.\n",
    );
    let secret = dir.path().join("c/secret.txt");
    let locked = dir.path().join("c/locked");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = still_readable(&secret) || still_readable(&locked);
    let r = run_in(dir.path(), &["check", "c"]);
    // Let the temporary folder be removed.
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o644)).unwrap();
    if readable {
        eprintln!(
            "note: running as a user who reads files whatever their permissions (root); \
             the permission case is not checked here (see the /proc case)"
        );
        assert!(r.code <= 1, "{}", r.stderr);
        return;
    }
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("c/secret.txt") && r.stderr.contains("cannot read"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("c/locked"), "{}", r.stderr);
    assert!(r.stdout.contains("1 document"), "{}", r.stdout);
}

// A file that even root cannot read: reading a process's own memory from offset 0 fails with
// an I/O error. The same promise as above, checked whoever runs the tests.
#[cfg(target_os = "linux")]
#[test]
fn a_file_that_fails_to_read_exits_2_with_its_path_and_the_rest_is_checked() {
    if !Path::new("/proc/self/mem").exists() {
        eprintln!("note: no /proc/self/mem here; skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", "The fire killed 3 people.\n");
    let r = run_in(dir.path(), &["check", "/proc/self/mem", "good.txt"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("/proc/self/mem") && r.stderr.contains("cannot read"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("1 document"), "{}", r.stdout);
}

/// A rules file with one mistake: its name, text, the line the message must point at, and a
/// phrase the message must contain.
struct Mistake {
    what: &'static str,
    text: &'static str,
    line: usize,
    says: &'static str,
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        what: "unknown field",
        text: "[[unit]]\ncode = \"fur\"\ndimension = \"length\"\nfactor = 201.0\nnamez = [\"furlongs\"]\n",
        line: 5,
        says: "namez",
    },
    Mistake {
        what: "unknown section",
        text: "# a typo in a section name\n[unitz]\nfoo = 1\n",
        line: 2,
        says: "unitz",
    },
    Mistake {
        what: "wrong type",
        text: "[[unit]]\ncode = \"fur\"\ndimension = \"length\"\nfactor = \"lots\"\nnames = [\"furlongs\"]\n",
        line: 4,
        says: "invalid type",
    },
    Mistake {
        what: "wrong type in a list",
        text: "[increment]\nbefore = [\"another\", 7]\n",
        line: 2,
        says: "invalid type",
    },
    Mistake {
        what: "missing required field",
        text: "# no dimension\n[[unit]]\ncode = \"fur\"\nfactor = 201.0\nnames = [\"furlongs\"]\n",
        line: 2,
        says: "missing field `dimension`",
    },
    Mistake {
        what: "bad TOML syntax",
        text: "# an unclosed header\n[[unit]\ncode = \"fur\"\n",
        line: 2,
        says: "header",
    },
    Mistake {
        what: "duplicate key",
        text: "[thresholds]\nband = 0.2\nband = 0.3\n",
        line: 3,
        says: "duplicate key",
    },
    Mistake {
        what: "unclosed string",
        text: "[[alias]]\nkey = \"nasams\nnames = []\n",
        line: 2,
        says: "",
    },
];

/// Runs `check --rules rules c` in a folder holding `rules/<name>` = `text` and a small corpus.
fn run_with_rules(files: &[(&str, &[u8])]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/a.txt", "The fire killed 3 people.\n");
    for (name, text) in files {
        write(dir.path(), &format!("rules/{name}"), text);
    }
    run_in(dir.path(), &["check", "--rules", "rules", "c"])
}

#[test]
fn every_kind_of_rules_mistake_exits_2_naming_the_file_and_line() {
    for m in MISTAKES {
        let r = run_with_rules(&[("units.toml", m.text.as_bytes())]);
        let context = format!("{}:\n{}", m.what, r.stderr);
        assert_eq!(r.code, 2, "{context}");
        assert!(
            r.stdout.is_empty(),
            "no report after a rules error: {context}"
        );
        let at = format!("rules/units.toml:{}:", m.line);
        assert!(r.stderr.contains(&at), "{at} not named for {context}");
        assert!(
            r.stderr.contains(m.says),
            "{:?} not said for {context}",
            m.says
        );
        assert!(r.stderr.contains("crosscheck::rules::"), "{context}");
    }
}

#[test]
fn a_negative_factor_exits_2_naming_the_file_and_the_unit() {
    let text = "[[unit]]\ncode = \"fur\"\ndimension = \"length\"\nfactor = -201.0\nnames = [\"furlongs\"]\n";
    let r = run_with_rules(&[("units.toml", text.as_bytes())]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("positive factor"), "{}", r.stderr);
    // The line of the unit's entry (its code) or of the factor itself.
    assert!(
        (2..=4).any(|line| r.stderr.contains(&format!("rules/units.toml:{line}:"))),
        "{}",
        r.stderr
    );
}

// A negative, zero, NaN or infinite factor was labelled at the unit's `code` (line 2).
#[test]
fn a_bad_factor_points_at_the_factor() {
    for factor in ["-201.0", "0.0", "nan", "inf", "-inf"] {
        let text = format!(
            "[[unit]]\ncode = \"fur\"\ndimension = \"length\"\nfactor = {factor}\nnames = [\"furlongs\"]\n"
        );
        let r = run_with_rules(&[("units.toml", text.as_bytes())]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("rules/units.toml:4:10]"),
            "{factor}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("unit `fur` needs a positive factor"),
            "{}",
            r.stderr
        );
    }
}

// `[thresholds] band = -5` in crosscheck.toml was accepted (and changed the result) while the
// same value in a rules file was an error: both now give one message, at the value.
#[test]
fn a_bad_threshold_is_the_same_error_in_crosscheck_toml_and_in_a_rules_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/a.txt", "The fire killed 3 people.\n");
    let text = "# tuning\n[thresholds]\nband = -5\n";
    write(dir.path(), "rules/t.toml", text);
    write(dir.path(), "conf/crosscheck.toml", text);
    let from_rules = run_in(
        dir.path(),
        &["check", "--no-config", "--rules", "rules", "c"],
    );
    let from_config = run_in(
        dir.path(),
        &["check", "--config", "conf/crosscheck.toml", "c"],
    );
    let said = "threshold `band` must be between 0 and 1, not -5";
    for (r, file) in [
        (&from_rules, "rules/t.toml"),
        (&from_config, "conf/crosscheck.toml"),
    ] {
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert!(r.stderr.contains(said), "{}", r.stderr);
        assert!(r.stderr.contains(&format!("[{file}:3:8]")), "{}", r.stderr);
    }
}

// `-j 0` was accepted silently and `-j 20000` ran for minutes.
#[test]
fn the_number_of_threads_is_between_1_and_the_documented_maximum() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/a.txt", "The fire killed 3 people.\n");
    for n in ["0", "257", "5000", "1.5", "many"] {
        let r = run_in(dir.path(), &["check", "-j", n, "c"]);
        assert_eq!(r.code, 2, "-j {n}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("the number of threads must be between 1 and 256"),
            "{}",
            r.stderr
        );
    }
    for n in ["1", "256"] {
        let r = run_in(dir.path(), &["check", "-j", n, "c"]);
        assert_eq!(r.code, 0, "-j {n}: {}", r.stderr);
    }
    let help = run_in(dir.path(), &["check", "--help"]);
    assert!(help.stdout.contains("1 to 256"), "{}", help.stdout);
}

#[test]
fn a_mistake_in_the_second_rules_file_names_that_file() {
    let good = "[[alias]]\nkey = \"nasams\"\nnames = [\"national advanced surface-to-air missile system\"]\n";
    let bad = "[thresholds]\nband = \"wide\"\n";
    let r = run_with_rules(&[
        ("a-good.toml", good.as_bytes()),
        ("b-bad.toml", bad.as_bytes()),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("rules/b-bad.toml:2:"), "{}", r.stderr);
    assert!(!r.stderr.contains("a-good.toml"), "{}", r.stderr);
}

#[test]
fn a_rules_file_that_is_not_utf8_exits_2_naming_the_file() {
    let r = run_with_rules(&[("latin1.toml", b"[thresholds]\n# caf\xe9\nband = 0.2\n")]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("rules/latin1.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("UTF-8"), "{}", r.stderr);
}

#[test]
fn an_empty_corpus_exits_0_with_a_summary_of_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    let r = run_in(dir.path(), &["check", "empty"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("0 documents"), "{}", r.stdout);
    assert!(r.stdout.contains("0 conflicts"), "{}", r.stdout);

    let (r, json) = run_json_in(dir.path(), &["check", "empty"]);
    assert_eq!(r.code, 0);
    assert_eq!(json["summary"]["documents"], 0);
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(0));

    let r = run_in(dir.path(), &["claims", "empty"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_corpus_of_only_skipped_and_empty_files_exits_0_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "c/table.csv", "a,b\n1,2\n");
    write(dir.path(), "c/blank.txt", "\n\n   \n");
    let (r, json) = run_json_in(dir.path(), &["check", "c"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json["summary"]["skipped"], 1, "{json:#}");
    assert_eq!(json["summary"]["claims"], 0, "{json:#}");
    let r = run_in(dir.path(), &["check", "c"]);
    assert!(r.stderr.contains("c/blank.txt"), "{}", r.stderr);
}

#[test]
fn a_json_lines_file_with_a_broken_line_reports_that_line_and_checks_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "corpus.jsonl",
        concat!(
            r#"{"id": "a", "text": "The fire killed 3 people.", "group": "fire"}"#,
            "\n",
            r#"{"id": "b", "text": "The fire killed 4 peo"#,
            "\n",
            r#"{"id": "c", "text": "The fire killed 5 people.", "group": "fire"}"#,
            "\n",
        ),
    );
    let (r, json) = run_json_in(dir.path(), &["check", "corpus.jsonl"]);
    // An input that could not be read exits 2; the rest is still checked and reported.
    assert_eq!(r.code, 2, "{}", r.stderr);
    // One position, the line's and the column in it ("line 2: ... at line 1 column 42" before).
    assert!(
        r.stderr
            .contains("corpus.jsonl:2:42: EOF while parsing a string\n"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("at line"), "{}", r.stderr);
    let paths = document_paths(&json);
    assert_eq!(paths, ["corpus.jsonl#a", "corpus.jsonl#c"]);
    assert_eq!(json["summary"]["conflicts"], 1, "{json:#}");
}

// Two lines of one id were two documents of one name, without a word.
#[test]
fn a_json_lines_id_used_twice_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "corpus.jsonl",
        concat!(
            r#"{"id": "a", "text": "The fire killed 3 people."}"#,
            "\n",
            r#"{"id": "b", "text": "The fire killed 3 people."}"#,
            "\n",
            r#"{"id": "a", "text": "The fire killed 5 people."}"#,
            "\n",
        ),
    );
    let (r, json) = run_json_in(dir.path(), &["check", "corpus.jsonl"]);
    assert!(
        r.stderr.contains(
            "corpus.jsonl:3: `corpus.jsonl#a` is already the name of line 1: two documents of one name"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(document_paths(&json).len(), 3);
}

#[test]
fn json_lines_spans_refer_to_the_text_field() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Police said 14 people were injured on the quay.";
    write(
        dir.path(),
        "corpus.jsonl",
        format!(
            "{}\n\n{}\n",
            serde_json::json!({"id": 7, "text": text, "date": "2025-03-14"}),
            serde_json::json!({"text": "Nothing here."})
        ),
    );
    let (r, json) = run_json_in(dir.path(), &["claims", "corpus.jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let claims = json["claims"].as_array().unwrap();
    let injured = claims
        .iter()
        .find(|c| c["property"] == "injured")
        .expect("the injured figure");
    // The document is named by its id; a line without one by its line number.
    assert_eq!(injured["document"], "corpus.jsonl#7");
    let (s, e) = (
        injured["span"]["start"].as_u64().unwrap() as usize,
        injured["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], injured["text"].as_str().unwrap());
    let (r, json) = run_json_in(dir.path(), &["check", "corpus.jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let paths = document_paths(&json);
    assert_eq!(paths, ["corpus.jsonl#7", "corpus.jsonl#3"]);
}

/// The paths of the documents a JSON report lists, in order.
fn document_paths(json: &Value) -> Vec<&str> {
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect()
}

/// Two reports of one storm's toll that conflict, the second's claim at character column
/// 1,000,011 of its only line (after a million two-byte characters).
fn a_conflict_at_column_a_million(dir: &Path) {
    write(
        dir,
        "a.txt",
        "The storm killed 4 people in Harlow on Monday.\n",
    );
    let mut long = "éééé ".repeat(200_000);
    long.push_str("The storm killed 7 people in Harlow on Monday.\n");
    write(dir, "b.txt", long);
}

/// The source lines of human output: those that start, after the gutter's indent, with a line
/// number and a bar.
fn source_lines(out: &str) -> Vec<&str> {
    out.lines()
        .filter(|l| {
            let l = l.trim_start_matches(['│', ' ']);
            let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            digits > 0 && l[digits..].starts_with(" │")
        })
        .collect()
}

// miette's renderer panicked ("Formatting argument out of range", exit 101, nothing on stdout)
// on a claim past column 65,535; the human output now shows a window of the line around it.
#[test]
fn a_claim_at_column_a_million_is_shown_in_a_window_at_its_column_in_characters() {
    let dir = tempfile::tempdir().unwrap();
    a_conflict_at_column_a_million(dir.path());
    let r = run_in(dir.path(), &["check", "a.txt", "b.txt"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    // Columns count characters, as in JSON, SARIF and GitHub output (the claim starts after
    // 1,000,010 characters, 1,800,010 bytes).
    assert!(r.stdout.contains("[b.txt:1:1000011]"), "{}", r.stdout);
    assert!(r.stdout.contains("killed 7 people"), "{}", r.stdout);
    assert!(r.stdout.contains('…'), "{}", r.stdout);
    assert!(r.stdout.len() < 10_000, "{} bytes", r.stdout.len());
    assert!(
        r.stdout
            .ends_with("2 documents, 2 claims, 0 agreements, 1 conflict\n")
    );

    let (_, json) = run_json_in(dir.path(), &["check", "a.txt", "b.txt"]);
    let claims = json["findings"][0]["claims"].as_array().unwrap();
    assert_eq!(claims[1]["span"]["column"], 1_000_011);
}

#[test]
fn long_source_lines_are_cut_to_the_terminal_width() {
    let dir = tempfile::tempdir().unwrap();
    a_conflict_at_column_a_million(dir.path());
    let r = run_in_with(
        dir.path(),
        &["check", "a.txt", "b.txt"],
        &[("COLUMNS", "60")],
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let lines = source_lines(&r.stdout);
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    for line in lines {
        assert!(line.chars().count() <= 60, "{line:?}");
    }
    assert!(r.stdout.contains("[b.txt:1:1000011]"), "{}", r.stdout);
    // Without COLUMNS, a line is cut too, with more of it shown.
    let r = run_in(dir.path(), &["check", "a.txt", "b.txt"]);
    let long = source_lines(&r.stdout)
        .into_iter()
        .map(|l| l.chars().count())
        .max();
    assert!(long.is_some_and(|n| n > 60 && n < 400), "{long:?}");
}

// A rules file with a mistake at column a million of its only line: the error is shown in a
// window too, not a panic.
#[test]
fn a_rules_mistake_at_column_a_million_is_shown_at_its_column() {
    let long_name = "a".repeat(1_000_000);
    let rules = format!("[[alias]]\nkey = \"x\"\nnames = [\"{long_name}\", 5]\n");
    let r = run_with_rules(&[("long.toml", rules.as_bytes())]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("long.toml:3:"), "{}", r.stderr);
    assert!(r.stderr.contains('…'), "{}", r.stderr);
    assert!(r.stderr.len() < 10_000, "{} bytes", r.stderr.len());
}

// A conflict among three values named two of them ("2 killed and 4 killed do not overlap").
#[test]
fn a_conflict_among_three_values_names_all_three() {
    let dir = tempfile::tempdir().unwrap();
    for n in [2, 4, 6] {
        write(
            dir.path(),
            &format!("c/s{n}.txt"),
            format!("The storm killed {n} people in Harlow on Monday.\n"),
        );
    }
    let (r, json) = run_json_in(dir.path(), &["check", "c"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        json["findings"][0]["message"],
        "2 killed, 4 killed and 6 killed do not overlap"
    );
    // Two that agree and one that does not: the consensus, as before.
    write(
        dir.path(),
        "c/s6.txt",
        "The storm killed 4 people in Harlow on Monday.\n",
    );
    let (_, json) = run_json_in(dir.path(), &["check", "c"]);
    assert_eq!(
        json["findings"][0]["message"],
        "2 sources say 4; s2.txt says 2"
    );
}

// Each GitHub annotation listed every other claim of its finding: output (and memory, 14 GB
// for 10,000 claims) grew with the square of a finding's claims. It names ten and counts the
// rest.
#[test]
fn a_github_annotation_names_at_most_ten_other_claims() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        let n = if i % 2 == 0 { 2 } else { 7 };
        write(
            dir.path(),
            &format!("c/s{i:02}.txt"),
            format!("The storm killed {n} people in Harlow on Monday.\n"),
        );
    }
    let r = run_in(dir.path(), &["check", "--format", "github", "c"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let annotations: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error"))
        .collect();
    assert_eq!(annotations.len(), 30, "{}", r.stdout);
    for a in annotations {
        assert_eq!(a.matches(" in c/s").count(), 10, "{a}");
        assert!(a.ends_with("; and 19 more"), "{a}");
    }
}
