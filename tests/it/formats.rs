//! Every output format of `check`: snapshots on the example corpus (reviewed line by line), the
//! SARIF output validated against the SARIF 2.1.0 schema, the HTML page parsed, the JSON lines
//! and reviewdog lines parsed, and GitHub's step summary written.

use std::path::Path;

use serde_json::Value;

use crate::{ROOT, crosscheck, in_snapshots, run, run_json, transcript};

/// Snapshots what `crosscheck ARGS` prints on stdout, with the exit code.
fn snapshot(name: &str, args: &[&str]) {
    let r = run(args);
    assert!(r.stderr.is_empty(), "examples read cleanly: {}", r.stderr);
    let text = transcript(args, &r);
    in_snapshots(|| insta::assert_snapshot!(name, text));
}

#[test]
fn examples_check_json_lines() {
    snapshot(
        "examples_check_json_lines",
        &["check", "--format", "json-lines", "examples"],
    );
}

#[test]
fn examples_check_sarif() {
    snapshot(
        "examples_check_sarif",
        &["check", "--format", "sarif", "examples"],
    );
}

#[test]
fn examples_check_github() {
    snapshot(
        "examples_check_github",
        &[
            "check",
            "--format",
            "github",
            "--show-agreements",
            "examples",
        ],
    );
}

#[test]
fn examples_check_rdjsonl() {
    snapshot(
        "examples_check_rdjsonl",
        &["check", "--format", "rdjsonl", "examples"],
    );
}

#[test]
fn examples_check_markdown() {
    snapshot(
        "examples_check_markdown",
        &[
            "check",
            "--format",
            "markdown",
            "--show-agreements",
            "examples",
        ],
    );
}

#[test]
fn examples_check_html() {
    snapshot(
        "examples_check_html",
        &["check", "--format", "html", "examples"],
    );
}

/// The JSON contract's findings for `args`, to compare other formats with.
fn contract(args: &[&str]) -> Value {
    let (_, json) = run_json(args);
    json
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema_path = Path::new(ROOT).join("../shared/schemas/sarif-schema-2.1.0.json");
    let Ok(schema_text) = std::fs::read_to_string(&schema_path) else {
        eprintln!(
            "SKIPPED sarif_validates_against_the_sarif_2_1_0_schema: {} not found (../shared is not checked out)",
            schema_path.display()
        );
        return;
    };
    let schema: Value = serde_json::from_str(&schema_text).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"], "http://json-schema.org/draft-04/schema#",
        "the SARIF 2.1.0 schema is draft 4"
    );
    let validator = jsonschema::draft4::new(&schema).expect("the schema compiles");
    // The validator is not vacuous: a level SARIF does not know is rejected.
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
        "results": [{"message": {"text": "m"}, "level": "fatal"}]}]});
    assert!(
        !validator.is_valid(&bad),
        "the schema rejects an unknown level"
    );

    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    // Record the bridge fixture's conflicts, so one run has known results (suppressions and
    // baseline states).
    let w = run(&[
        "check",
        "--write-baseline",
        baseline,
        "tests/fixtures/bridge",
    ]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    let runs: &[&[&str]] = &[
        &["check", "--format", "sarif", "examples"],
        &[
            "check",
            "--format",
            "sarif",
            "--show-agreements",
            "examples",
        ],
        &["check", "--format", "sarif", "tests/fixtures/edge"],
        &[
            "check",
            "--format",
            "sarif",
            "--baseline",
            baseline,
            "--show-agreements",
            "tests/fixtures/bridge",
        ],
    ];
    for args in runs {
        let r = run(args);
        let log: Value = serde_json::from_str(&r.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{}", r.stdout));
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}:\n{}", errors.join("\n"));

        // One result per finding shown; every rule a result names is listed.
        let mut contract_args = vec!["check"];
        contract_args.extend(&args[3..]);
        let json = contract(&contract_args);
        let shown = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| args.contains(&"--show-agreements") || f["kind"] != "agreement")
            .count();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), shown, "{args:?}");
        let rules: Vec<&Value> = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["id"])
            .collect();
        for result in results {
            assert!(rules.contains(&&result["ruleId"]), "{result:#}");
            assert!(
                result["partialFingerprints"]
                    .as_object()
                    .is_some_and(|f| !f.is_empty())
            );
            // Every related location is linked from the message.
            for related in result["relatedLocations"].as_array().into_iter().flatten() {
                let link = format!("]({})", related["id"]);
                assert!(
                    result["message"]["text"].as_str().unwrap().contains(&link),
                    "{result:#}"
                );
            }
        }
    }
}

#[test]
fn known_results_say_so_in_sarif() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    run(&[
        "check",
        "--write-baseline",
        baseline,
        "tests/fixtures/bridge",
    ]);
    let r = run(&[
        "check",
        "--format",
        "sarif",
        "--baseline",
        baseline,
        "tests/fixtures/bridge",
    ]);
    assert_eq!(r.code, 0, "known conflicts pass the gate: {}", r.stderr);
    let log: Value = serde_json::from_str(&r.stdout).unwrap();
    for result in log["runs"][0]["results"].as_array().unwrap() {
        assert_eq!(result["baselineState"], "unchanged");
        assert_eq!(result["suppressions"][0]["kind"], "external");
    }
}

#[test]
fn the_html_page_parses_and_shows_every_finding() {
    let r = run(&["check", "--format", "html", "examples"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let json = contract(&["check", "examples"]);
    let page = scraper::Html::parse_document(&r.stdout);
    let select = |css: &str| scraper::Selector::parse(css).expect("a valid selector");
    let text = |css: &str| -> Vec<String> {
        page.select(&select(css))
            .map(|e| e.text().collect::<String>())
            .collect()
    };

    // Self-contained: no external script, style, image or frame.
    for css in ["script[src]", "link", "img", "iframe"] {
        assert_eq!(page.select(&select(css)).count(), 0, "{css} on the page");
    }
    assert_eq!(page.select(&select("style")).count(), 1);
    // The script, and the data it reads (the findings' keys for verdicts).
    assert_eq!(page.select(&select("script")).count(), 2);
    assert_eq!(
        page.select(&select("script[type=\"application/json\"]"))
            .count(),
        1
    );

    // The summary counts are the contract's.
    for key in ["documents", "claims", "conflicts", "agreements"] {
        assert_eq!(
            text(&format!("dd[data-count={key}]")),
            [json["summary"][key].to_string()],
            "{key}"
        );
    }

    // Every finding: a row in its story's table of subjects by sources (the stories of the
    // examples are small enough for one), and an article with an excerpt from each of its
    // claims, the claim highlighted.
    let findings = json["findings"].as_array().unwrap();
    let rows: Vec<_> = page.select(&select("table.matrix tbody tr")).collect();
    assert_eq!(rows.len(), findings.len());
    // Cards are in story order, conflicts first; each is the finding its id numbers.
    assert_eq!(page.select(&select("article.f")).count(), findings.len());
    for (n, finding) in findings.iter().enumerate() {
        let article = page
            .select(&select(&format!("article#finding-{}", n + 1)))
            .next()
            .unwrap();
        let kind = finding["kind"].as_str().unwrap();
        assert_eq!(article.value().attr("data-kind"), Some(kind));
        assert_eq!(
            article.value().attr("data-property"),
            finding["property"].as_str()
        );
        let marks: Vec<String> = article
            .select(&select("mark"))
            .map(|m| m.text().collect())
            .collect();
        let claims: Vec<String> = finding["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                c["text"]
                    .as_str()
                    .unwrap()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(marks, claims, "{finding:#}");
    }
    // The tables have a column for each document a finding involves (each document is in
    // one story), besides subject, property and finding.
    let tables = page.select(&select("table.matrix")).count();
    let heads = page.select(&select("table.matrix thead th")).count();
    let mut documents: Vec<&str> = findings
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap())
        .map(|c| c["document"].as_str().unwrap())
        .collect();
    documents.sort_unstable();
    documents.dedup();
    assert_eq!(heads, 3 * tables + documents.len());

    // The filters offer both kinds and every property of a finding.
    let kinds: Vec<_> = page
        .select(&select("select#filter-kind option"))
        .filter_map(|o| o.value().attr("value"))
        .collect();
    assert_eq!(
        kinds,
        [
            "all",
            "conflict",
            "update",
            "agreement",
            "known",
            "new",
            "suppressed"
        ]
    );
    let properties: Vec<_> = page
        .select(&select("select#filter-property option"))
        .filter_map(|o| o.value().attr("value"))
        .collect();
    for finding in findings {
        assert!(
            properties.contains(&finding["property"].as_str().unwrap()),
            "{properties:?}"
        );
    }
}

#[test]
fn json_lines_are_the_contracts_findings_one_a_line() {
    let r = run(&["check", "--format", "json-lines", "examples"]);
    let json = contract(&["check", "examples"]);
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(&Value::from(lines), &json["findings"]);
}

#[test]
fn rdjsonl_lines_have_related_locations() {
    let r = run(&["check", "--format", "rdjsonl", "tests/fixtures/bridge"]);
    assert_eq!(r.code, 1);
    let lines: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    // The title conflict is an error; the injured update (an undated report against a dated
    // one) a warning.
    let severities: Vec<&str> = lines
        .iter()
        .filter_map(|d| d["severity"].as_str())
        .collect();
    assert_eq!(severities, ["ERROR", "WARNING"]);
    for d in &lines {
        assert_eq!(d["source"]["name"], "crosscheck");
        let related = d["related_locations"].as_array().expect("related");
        assert_eq!(related.len(), 1);
        assert_ne!(related[0]["location"]["path"], d["location"]["path"]);
    }
}

#[test]
fn github_commands_and_the_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let out = crosscheck()
        .args(["check", "--format", "github", "tests/fixtures/bridge"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    // A conflict (the title) and an update (the injured: the undated report is taken as the
    // later one), each annotated in both documents, then the summary line.
    assert_eq!(stdout.matches("::error file=").count(), 2, "{stdout}");
    assert_eq!(stdout.matches("::warning file=").count(), 2, "{stdout}");
    assert!(
        stdout
            .lines()
            .all(|l| l.starts_with("::") || l.starts_with("crosscheck: "))
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("earlier step\n## crosscheck\n"),
        "appended: {written}"
    );
    assert!(
        written.contains("**1 new conflict**, **1 update**"),
        "{written}"
    );
}

#[test]
fn claims_refuses_formats_for_findings() {
    let r = run(&["claims", "--format", "sarif", "tests/fixtures/bridge"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("json-lines"), "{}", r.stderr);
    let r = run(&["claims", "--format", "json-lines", "tests/fixtures/bridge"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.lines().all(|l| l.starts_with("{\"document\":")));
}
