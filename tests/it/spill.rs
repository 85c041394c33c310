//! A `--group-by all` run whose claims are kept on disk (`CROSSCHECK_SPILL_ABOVE`, src/spill.rs)
//! prints exactly what the run holding them in memory prints, in every format; a temporary
//! folder that cannot be used, or a setting that is not a size, is a clear error.

use std::fs;
use std::path::Path;

use crate::{Run, crosscheck};

fn run_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = crosscheck();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Reports of two stories in four folders: spelling variants of one minister, an acronym one
/// folder spells out, a report naming no incident, a quote given twice, figures that differ.
fn write_corpus(dir: &Path) {
    let files = [
        (
            "aid/a.txt",
            "Water Minister Lorna J Keane III said the agency sent four more mobile water \
             purification units. \"We will send the units as soon as we can,\" Keane said.\n",
        ),
        (
            "aid/b.txt",
            "Water Minister Lorna Keane said the agency sent six more MWPUs. \"We will send \
             the units as soon as we possibly can,\" Keane said.\n",
        ),
        (
            "port/c.txt",
            "Two more mobile water purification units (MWPUs) were unloaded at the port of \
             Harwick on Tuesday.\n",
        ),
        (
            "fire/d.txt",
            "Two people were killed in the warehouse fire on Monday, and 14 were injured.\n",
        ),
        (
            "fire/e.txt",
            "Three people were killed on Monday, police said. Fourteen were hurt.\n",
        ),
        (
            "fire2/f.txt",
            "The warehouse fire on Monday killed three people and injured 14.\n",
        ),
    ];
    for (path, text) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
}

#[test]
fn every_format_prints_the_same_with_the_claims_on_disk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_corpus(tmp.path());
    let examples = crate::at_root("examples");
    let examples = examples.to_str().expect("a UTF-8 path");
    for corpus in [".", examples] {
        for format in [
            "json",
            "json-lines",
            "human",
            "sarif",
            "github",
            "rdjsonl",
            "markdown",
            "html",
        ] {
            let args = ["check", "--format", format, corpus];
            let memory = run_with(tmp.path(), &args, &[("CROSSCHECK_SPILL_ABOVE", "never")]);
            let disk = run_with(tmp.path(), &args, &[("CROSSCHECK_SPILL_ABOVE", "0")]);
            assert!(memory.code <= 1, "{corpus} {format}: {}", memory.stderr);
            assert_eq!(disk.code, memory.code, "{corpus} {format}: {}", disk.stderr);
            assert_eq!(disk.stderr, memory.stderr, "{corpus} {format}");
            assert_eq!(disk.stdout, memory.stdout, "{corpus} {format}");
            if format == "json" {
                let report: serde_json::Value = serde_json::from_str(&disk.stdout).expect("JSON");
                let findings = report["findings"].as_array().expect("findings");
                assert!(
                    findings.len() >= 3,
                    "{corpus}: several clusters: {findings:?}"
                );
                let claims = report["summary"]["claims"].as_u64().unwrap_or(0);
                let pointed: usize = findings
                    .iter()
                    .map(|f| f["claims"].as_array().map_or(0, Vec::len))
                    .sum();
                // The counts are of every claim, not of those the findings point to.
                assert!(claims as usize > pointed, "{corpus}: {claims} claims");
            }
        }
    }
}

#[test]
fn a_temporary_folder_that_cannot_be_made_is_a_clear_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_corpus(tmp.path());
    let missing = tmp.path().join("no such folder");
    let missing = missing.to_str().expect("a UTF-8 path");
    let run = run_with(
        tmp.path(),
        &["check", "."],
        &[("CROSSCHECK_SPILL_ABOVE", "0"), ("TMPDIR", missing)],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot make a temporary folder for the claims"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no such folder"), "{}", run.stderr);
    assert!(run.stderr.contains("TMPDIR"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    // Small corpora keep their claims in memory by default: the same folder does not matter.
    let run = run_with(tmp.path(), &["check", "."], &[("TMPDIR", missing)]);
    assert!(run.code <= 1, "{}", run.stderr);
}

#[test]
fn a_spill_setting_that_is_not_a_size_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_corpus(tmp.path());
    let run = run_with(
        tmp.path(),
        &["check", "."],
        &[("CROSSCHECK_SPILL_ABOVE", "lots")],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("CROSSCHECK_SPILL_ABOVE=\"lots\" is not a size"),
        "{}",
        run.stderr
    );
}
