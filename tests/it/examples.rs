//! The example corpus in `examples/`, which the README's first command runs on. It shows every
//! kind of finding, so `check` exits 1 and both kinds appear in the JSON.
//!
//! Until `examples/` holds articles these tests have nothing to check and pass; once it does,
//! their snapshots must be reviewed and accepted like any other.

use crate::{at_root, in_snapshots, run, run_json, transcript};

/// Whether `examples/` holds any article yet.
fn examples_exist() -> bool {
    fn any_article(dir: &std::path::Path) -> bool {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                let path = e.path();
                if path.is_dir() {
                    any_article(&path)
                } else {
                    path.extension()
                        .is_some_and(|x| x == "md" || x == "txt" || x == "markdown")
                }
            })
    }
    any_article(&at_root("examples"))
}

#[test]
fn examples_show_conflicts_and_agreements() {
    if !examples_exist() {
        eprintln!("examples/ has no articles yet: nothing to check");
        return;
    }
    let (r, json) = run_json(&["check", "--show-agreements", "examples"]);
    assert_eq!(r.code, 1, "examples include a conflict: {}", r.stderr);
    assert!(r.stderr.is_empty(), "examples read cleanly: {}", r.stderr);
    let findings = json["findings"].as_array().expect("findings");
    for kind in ["conflict", "agreement"] {
        assert!(
            findings.iter().any(|f| f["kind"] == kind),
            "no {kind}: {json:#}"
        );
    }
}

/// Snapshots what `crosscheck ARGS examples` prints, once `examples/` holds articles.
fn snapshot(name: &str, args: &[&str]) {
    if !examples_exist() {
        return;
    }
    let r = run(args);
    let text = transcript(args, &r);
    in_snapshots(|| insta::assert_snapshot!(name, text));
}

#[test]
fn examples_check_human() {
    snapshot(
        "examples_check_human",
        &["check", "--show-agreements", "examples"],
    );
}

#[test]
fn examples_check_json() {
    snapshot(
        "examples_check_json",
        &["check", "--format", "json", "examples"],
    );
}

#[test]
fn examples_claims_human() {
    snapshot("examples_claims_human", &["claims", "examples"]);
}
