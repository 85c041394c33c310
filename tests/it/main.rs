//! Integration tests: run the `crosscheck` binary on the fixture corpora in `tests/fixtures/`
//! and on `examples/`, and check exit codes, error messages, the JSON contract and (with insta,
//! snapshots in `snapshots/`) the human and JSON output.
//!
//! One test crate with modules (not one binary per file): faster to build, easier to find.

#![allow(clippy::unwrap_used, clippy::print_stderr)]

mod cli;
mod contract;
mod domains;
mod examples;
mod formats;
mod gates;
mod layers;
mod outputs;
mod props;
mod review;
mod robust;
mod spill;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The crate root; tests run the binary from here so paths in output are short and stable.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary, run from the crate root without colour.
pub fn crosscheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.current_dir(ROOT)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    cmd
}

/// A path under the crate root, for reading what the binary read.
pub fn at_root(path: impl AsRef<Path>) -> PathBuf {
    Path::new(ROOT).join(path)
}

/// What one run of the binary gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with `args` (relative paths are from the crate root).
pub fn run(args: &[&str]) -> Run {
    let out = crosscheck().args(args).output().expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs the binary with `--format json` added and parses what it printed.
pub fn run_json(args: &[&str]) -> (Run, serde_json::Value) {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let run = run(&args);
    let json = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", run.stdout));
    (run, json)
}

/// Runs `f` with insta writing to the crate's `snapshots/` folder.
pub fn in_snapshots(f: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f);
}

/// What a snapshot of one run records: the command, its exit code and what it printed.
pub fn transcript(args: &[&str], r: &Run) -> String {
    format!(
        "$ crosscheck {}\nexit: {}\n--- stdout\n{}",
        args.join(" "),
        r.code,
        r.stdout
    )
}

/// The 1-based line and column of byte `offset` of a text, worked out independently of the
/// binary: lines end at `\n` only, columns count characters, and a byte-order mark opening the
/// text is not a column.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut prefix = &text[line_start..offset];
    if line_start == 0 {
        prefix = prefix.trim_start_matches('\u{feff}');
    }
    (line, prefix.chars().count() + 1)
}
