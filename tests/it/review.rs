//! The review loop without a browser: verdicts in the file the HTML page exports feed the gate
//! (`check --baseline`), `review` lists them, and `--verdicts` shows them on the page again.
//! The browser half (marking cards, exporting) is `tests/browser/review_page.py`.

use serde_json::{Value, json};

use crate::{run, run_json};

/// The keys the HTML page of `examples/` gives its findings (what it exports verdicts by),
/// with each finding's kind, in the order of the JSON contract.
fn page_keys() -> Vec<(Value, String)> {
    let r = run(&["check", "--format", "html", "examples"]);
    let page = scraper::Html::parse_document(&r.stdout);
    let select = scraper::Selector::parse("script#cc-data").unwrap();
    let data: Value = serde_json::from_str(
        &page
            .select(&select)
            .next()
            .expect("the page has its data")
            .text()
            .collect::<String>(),
    )
    .expect("the data is JSON");
    let (_, contract) = run_json(&["check", "examples"]);
    let kinds: Vec<String> = contract["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect();
    let keys = data["keys"].as_array().unwrap().clone();
    assert_eq!(keys.len(), kinds.len(), "a key for every finding");
    keys.into_iter().zip(kinds).collect()
}

fn verdict(key: &Value, verdict: &str, note: &str) -> Value {
    json!({"code": key[0], "subject": key[1], "property": key[2], "values": key[3],
        "verdict": verdict, "note": note})
}

fn write(dir: &tempfile::TempDir, name: &str, value: &Value) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn false_alarms_and_accepted_findings_are_known_to_the_gate_and_real_ones_are_not() {
    let keys = page_keys();
    let conflicts: Vec<&Value> = keys
        .iter()
        .filter(|(_, kind)| kind == "conflict")
        .map(|(k, _)| k)
        .collect();
    assert_eq!(conflicts.len(), 5, "the examples have five conflicts");
    let dir = tempfile::tempdir().unwrap();
    let some = write(
        &dir,
        "verdicts.json",
        &json!({"version": 1, "verdicts": [
            verdict(conflicts[0], "false-alarm", "two people of one name"),
            verdict(conflicts[1], "accepted", ""),
            verdict(conflicts[2], "real", "two pages disagree"),
        ]}),
    );
    let (r, out) = run_json(&["check", "--baseline", &some, "examples"]);
    assert_eq!(out["summary"]["known"], 2, "{}", r.stderr);
    assert_eq!(r.code, 1, "the real conflict still fails the gate");
    assert!(r.stderr.is_empty(), "no stale verdicts: {}", r.stderr);

    // Every conflict judged a false alarm or accepted: the gate passes.
    let all = write(
        &dir,
        "all.json",
        &json!({"version": 1, "verdicts": conflicts.iter()
            .map(|k| verdict(k, "accepted", "")).collect::<Vec<_>>()}),
    );
    let r = run(&["check", "--baseline", &all, "examples"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("5 known (in the baseline)"),
        "{}",
        r.stdout
    );

    // A verdict on a finding that is gone is stale, worded for verdicts.
    let mut gone = conflicts[0].clone();
    gone[3] = json!(["1 count", "99 count"]);
    let stale = write(
        &dir,
        "stale.json",
        &json!({"version": 1, "verdicts": [verdict(&gone, "false-alarm", "")]}),
    );
    let r = run(&["check", "--baseline", &stale, "examples"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("stale verdict"), "{}", r.stderr);
}

#[test]
fn review_lists_the_verdicts_and_their_notes() {
    let keys = page_keys();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "verdicts.json",
        &json!({"version": 1, "verdicts": [
            verdict(&keys[0].0, "real", "checked with the fire service"),
            verdict(&keys[1].0, "false-alarm", "two bridges"),
            // Judged twice: the later verdict holds.
            verdict(&keys[2].0, "real", ""),
            verdict(&keys[2].0, "accepted", "the minutes give both dates"),
        ]}),
    );
    let r = run(&["review", &path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = r.stdout.lines().next().unwrap();
    assert!(
        first.contains(
            "verdicts.json: 3 verdicts (1 false alarm, 1 known, accept, 1 real); 2 known to `check --baseline"
        ),
        "{first}"
    );
    // False alarms first, then accepted, then real, each with its note.
    let order: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .skip(1)
        .map(|l| l.split("  ").next().unwrap().trim())
        .collect();
    assert_eq!(
        order,
        ["false alarm", "known, accept", "real"],
        "{}",
        r.stdout
    );
    for note in [
        "note: two bridges",
        "note: the minutes give both dates",
        "note: checked with the fire service",
    ] {
        assert!(r.stdout.contains(note), "{note}: {}", r.stdout);
    }
    assert!(
        r.stdout.contains(&format!(
            "{} {} {} [{}]",
            keys[1].0[0].as_str().unwrap(),
            keys[1].0[1].as_str().unwrap(),
            keys[1].0[2].as_str().unwrap(),
            keys[1].0[3]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        "the key, as baselines show it: {}",
        r.stdout
    );
}

#[test]
fn a_bad_verdicts_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "verdicts.json",
        &json!({"version": 1, "verdicts": [{"code": "x", "subject": "y", "property": "z",
            "values": [], "verdict": "maybe"}]}),
    );
    for args in [
        vec!["review", path.as_str()],
        vec!["check", "--baseline", path.as_str(), "examples"],
        vec![
            "check",
            "--format",
            "html",
            "--verdicts",
            path.as_str(),
            "examples",
        ],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("verdicts.json"), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("unknown variant `maybe`"), "{}", r.stderr);
    }
    let r = run(&["review", "no/such/verdicts.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no/such/verdicts.json"), "{}", r.stderr);
}

#[test]
fn the_page_shows_earlier_verdicts_on_their_cards() {
    let keys = page_keys();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "verdicts.json",
        &json!({"version": 1, "verdicts": [
            verdict(&keys[1].0, "false-alarm", "two <bridges>"),
        ]}),
    );
    let r = run(&["check", "--format", "html", "--verdicts", &path, "examples"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let page = scraper::Html::parse_document(&r.stdout);
    let select = scraper::Selector::parse("article p.was").unwrap();
    let shown: Vec<(String, String)> = page
        .select(&select)
        .map(|p| {
            let card = p
                .ancestors()
                .find_map(scraper::ElementRef::wrap)
                .and_then(|e| e.value().id().map(str::to_string))
                .unwrap_or_default();
            (card, p.text().collect())
        })
        .collect();
    assert_eq!(
        shown,
        [(
            "finding-2".to_string(),
            "Earlier verdict: false alarm — two <bridges>".to_string()
        )]
    );
}

/// A corpus of `stories` folders, each two reports that disagree on the post of one of `names`
/// and on a count.
fn many_conflicts(dir: &std::path::Path, stories: usize, names: &[&str]) {
    for s in 0..stories {
        let folder = dir.join(format!("story-{s:04}"));
        std::fs::create_dir_all(&folder).unwrap();
        let name = names[s % names.len()];
        let depot = format!("Depot {s}");
        for (file, title, injured) in [
            ("first.md", "Fire Chief", 4 + s % 7),
            ("second.md", "Deputy Fire Chief", 30 + s % 5),
        ] {
            let text = format!(
                "---\ntitle: Fire at {depot}\ndate: 2025-06-02\nsource: {file}.test\n---\n\n\
                 A fire at {depot} injured {injured} workers on Monday, said {title} {name}.\n"
            );
            std::fs::write(folder.join(file), text).unwrap();
        }
    }
}

#[test]
fn markdown_fits_in_a_comment_on_a_large_corpus_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    many_conflicts(
        dir.path(),
        250,
        &[
            "Mara Lind",
            "Oskar Brandt",
            "Ilse Varga",
            "Tobin Hale",
            "Nell Okoro",
        ],
    );
    let path = dir.path().to_str().unwrap();
    let (_, json) = run_json(&["check", "--group-by", "folder", path]);
    let conflicts = json["summary"]["conflicts"].as_u64().unwrap() as usize;
    let updates = json["summary"]["updates"].as_u64().unwrap() as usize;
    assert!(
        conflicts >= 250,
        "the corpus has many conflicts: {conflicts}"
    );
    let r = run(&[
        "check",
        "--format",
        "markdown",
        "--group-by",
        "folder",
        path,
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let md = &r.stdout;
    assert!(
        md.chars().count() < 65_536,
        "{} characters",
        md.chars().count()
    );
    assert!(md.starts_with(&format!(
        "## crosscheck\n\n**{conflicts} new conflicts**, **{updates} updates**"
    )));
    // Some findings in full, numbered from 1 with no gap; the rest counted.
    let full = md.lines().filter(|l| l.starts_with("### ")).count();
    assert!(full >= 20, "{full} findings in full");
    for n in 1..=full {
        assert!(md.contains(&format!("\n### {n}. ")), "finding {n}");
    }
    assert!(
        md.contains(&format!(
            "Not shown here, to keep this report within a comment's size: **{}** and **{}** more.",
            plural(conflicts - full, "new conflict", "new conflicts"),
            plural(updates, "update", "updates")
        )),
        "{}",
        &md[md.len().saturating_sub(600)..]
    );
    assert!(md.contains("`crosscheck check --format html PATHS > crosscheck.html`"));
    // With agreements asked for and a baseline of half of the conflicts, every section is
    // cut to size and still within the limit.
    let baseline = dir.path().join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    let w = run(&[
        "check",
        "--group-by",
        "folder",
        "--write-baseline",
        baseline,
        path,
    ]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    // New stories about other people: new title conflicts beside the known ones.
    many_conflicts(
        &dir.path().join("more"),
        150,
        &["Petra Quist", "Henrik Solberg", "Ada Mwangi"],
    );
    let r = run(&[
        "check",
        "--format",
        "markdown",
        "--show-agreements",
        "--group-by",
        "folder",
        "--baseline",
        baseline,
        path,
    ]);
    let md = &r.stdout;
    assert!(md.chars().count() < 65_536, "{}", md.chars().count());
    assert!(md.contains("\n### 1. "), "new findings in full");
    assert!(md.contains("### Known conflicts (in the baseline)"));
    assert!(
        md.contains("more known findings.\n"),
        "the known are counted"
    );
    assert!(md.contains("### Agreements"));
    assert!(
        md.contains("more agreements.\n"),
        "the agreements are counted"
    );
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

// Findings that a `crosscheck-ignore` comment removes are on the page too, marked and under the
// "suppressed" kind filter, and count in none of the page's totals (which are the gate's).
#[test]
fn the_page_shows_suppressed_findings_marked_and_counts_them_in_no_total() {
    let r = run(&["check", "--format", "html", "tests/fixtures/suppress"]);
    assert_eq!(r.code, 0, "suppressed findings fail no gate");
    let page = scraper::Html::parse_document(&r.stdout);
    let cards = scraper::Selector::parse("article.f").unwrap();
    let kinds: Vec<String> = page
        .select(&cards)
        .map(|c| c.value().attr("data-kind").unwrap_or("").to_string())
        .collect();
    let (_, contract) = run_json(&["check", "tests/fixtures/suppress"]);
    let hidden = contract["summary"]["suppressed"].as_u64().unwrap() as usize;
    assert!(hidden > 0, "the fixture suppresses findings");
    assert_eq!(
        kinds.len(),
        hidden + contract["findings"].as_array().unwrap().len()
    );
    assert_eq!(kinds.iter().filter(|k| *k == "suppressed").count(), hidden);
    let option = scraper::Selector::parse("#filter-kind option[value=suppressed]").unwrap();
    assert_eq!(page.select(&option).count(), 1, "a filter for them");
    let line = scraper::Selector::parse("#summary-line").unwrap();
    let summary: String = page.select(&line).next().unwrap().text().collect();
    let human = run(&["check", "tests/fixtures/suppress"]);
    assert_eq!(
        format!("{summary}\n"),
        human
            .stdout
            .lines()
            .last()
            .map(|l| format!("{l}\n"))
            .unwrap()
    );
}
