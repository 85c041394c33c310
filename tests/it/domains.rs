//! A domain outside news, taught through a rules folder as the README shows: the pages of one
//! product's documentation (`examples/larkspur-docs/`), a page the README adds, and the rules
//! file it gives, read from the README itself so that the two cannot drift apart.

use crate::cli::{copy_dir, fenced_blocks, readme};

/// The README block of `lang` that contains `marker`.
fn block(lang: &str, marker: &str) -> String {
    fenced_blocks(&readme())
        .into_iter()
        .find(|(l, body)| l == lang && body.contains(marker))
        .map(|(_, body)| body)
        .unwrap_or_else(|| panic!("the README's {lang} block with {marker:?}"))
}

fn check(dir: &std::path::Path, extra: &[&str]) -> crate::Run {
    let out = crate::crosscheck()
        .current_dir(dir)
        .args(["check", "docs"])
        .args(extra)
        .output()
        .unwrap();
    crate::Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn a_rules_folder_teaches_request_rates_to_the_documentation_example() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &crate::at_root("examples/larkspur-docs"),
        &dir.path().join("docs"),
    );
    std::fs::write(
        dir.path().join("docs/faq.md"),
        block("markdown", "Frequently asked questions"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("rules/rates.toml"),
        block("toml", "request-rate"),
    )
    .unwrap();

    // Untaught, "10 requests per second" is a count of ten requests, held against 1,000.
    let plain = check(dir.path(), &[]);
    assert_eq!(plain.code, 1, "{}", plain.stderr);
    assert!(
        plain
            .stdout
            .contains("Larkspur API request: 10 requests and 1,000 requests do not overlap"),
        "{}",
        plain.stdout
    );
    // Taught, it is 600 requests a minute: the page that allows up to 600 agrees with it, and
    // the page that allows 1,000 is the one that disagrees.
    let taught = check(dir.path(), &["--rules", "rules", "--show-agreements"]);
    assert_eq!(taught.code, 1, "{}", taught.stderr);
    let conflict = taught
        .stdout
        .split("crosscheck::")
        .find(|f| f.contains("rate limit"))
        .unwrap_or_else(|| panic!("{}", taught.stdout));
    assert!(
        conflict.contains("10 req/s and 1,000 req/min do not overlap"),
        "{conflict}"
    );
    assert!(conflict.contains("getting-started.md"), "{conflict}");
    assert!(
        taught
            .stdout
            .contains("Larkspur API cost of team plan: 49 USD and 59 USD do not overlap"),
        "{}",
        taught.stdout
    );
}
