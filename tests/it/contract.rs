//! The JSON contract: the fields, their order and types, and spans that are byte offsets into
//! the files as stored.

use serde_json::Value;

use crate::{at_root, run, run_json};

/// Every fixture article that is UTF-8 (so file bytes and decoded text are the same).
const UTF8_FIXTURES: &[&str] = &[
    "tests/fixtures/bridge",
    "tests/fixtures/agree",
    "tests/fixtures/folders",
    "tests/fixtures/edge/empty.txt",
];

/// Where each key stands in the raw output: they must come in the contract's order.
fn assert_in_order(raw: &str, keys: &[&str]) {
    let at: Vec<usize> = keys
        .iter()
        .map(|k| {
            raw.find(&format!("\"{k}\""))
                .unwrap_or_else(|| panic!("no {k} in {raw}"))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "{keys:?} out of order in {raw}"
    );
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

/// Checks one CLAIM object against the contract and against the file it names.
fn check_claim(claim: &Value) {
    // `doubts` is there only when the extractor doubts something of the claim.
    let mut want = vec![
        "document",
        "increment",
        "kind",
        "modality",
        "property",
        "scope",
        "span",
        "subject",
        "text",
        "value",
    ];
    if let Some(doubts) = claim.get("doubts") {
        want.insert(1, "doubts");
        let doubts = doubts.as_array().unwrap();
        assert!(!doubts.is_empty(), "{claim:#}");
        for d in doubts {
            assert_eq!(keys(d), ["about", "why"], "{d}");
            assert!(
                ["subject", "scope", "time", "value"].contains(&d["about"].as_str().unwrap()),
                "{d}"
            );
        }
    }
    assert_eq!(keys(claim), want, "{claim:#}");
    assert!(
        ["total", "part", "member"].contains(&claim["scope"].as_str().unwrap()),
        "{claim:#}"
    );
    assert_eq!(keys(&claim["span"]), ["column", "end", "line", "start"]);
    assert!(claim["increment"].is_boolean());
    assert!(claim["property"].is_string());
    let subject = &claim["subject"];
    assert!(
        subject.is_null() || keys(subject) == ["key", "text"],
        "{subject}"
    );
    let value = &claim["value"];
    match claim["kind"].as_str() {
        Some("quantity") => {
            // An approximate figure also carries the band comparison reads.
            let mut expected = vec!["approximate", "high", "low", "unit"];
            if value["approximate"] == true {
                expected.insert(1, "band");
                assert_eq!(keys(&value["band"]), ["high", "low"], "{value}");
            }
            assert_eq!(keys(value), expected, "{value}");
            assert!(value["low"].is_number() || value["low"].is_null());
            assert!(value["high"].is_number() || value["high"].is_null());
            assert!(value["unit"].is_string());
        }
        Some("date") => assert_eq!(keys(value), ["day", "month", "year"], "{value}"),
        Some("role") => assert_eq!(keys(value), ["person", "title"], "{value}"),
        Some("quote") => assert_eq!(keys(value), ["quote", "speaker"], "{value}"),
        Some("place") => {
            assert_eq!(keys(value), ["city", "region"], "{value}");
            assert!(value["region"].is_string() || value["region"].is_null());
        }
        other => panic!("unknown kind {other:?}"),
    }
    // The file's bytes start..end are exactly the claim's text.
    let path = claim["document"].as_str().unwrap();
    let bytes = std::fs::read(at_root(path)).unwrap();
    let start = claim["span"]["start"].as_u64().unwrap() as usize;
    let end = claim["span"]["end"].as_u64().unwrap() as usize;
    assert!(start < end && end <= bytes.len(), "{claim:#}");
    assert_eq!(
        std::str::from_utf8(&bytes[start..end]).ok(),
        claim["text"].as_str(),
        "{claim:#}"
    );
    // line and column are 1-based and agree with the offset.
    let before = std::str::from_utf8(&bytes[..start]).unwrap();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!(
        claim["span"]["line"].as_u64(),
        Some(line as u64),
        "{claim:#}"
    );
    assert_eq!(
        claim["span"]["column"].as_u64(),
        Some(column as u64),
        "{claim:#}"
    );
}

#[test]
fn check_json_has_the_contract_fields_in_order() {
    let mut args = vec!["check", "--show-agreements"];
    args.extend(UTF8_FIXTURES);
    let (r, json) = run_json(&args);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    assert_in_order(
        &r.stdout,
        &["version", "documents", "findings", "summary", "warnings"],
    );
    assert_eq!(json["version"], 3);
    assert_eq!(
        keys(&json["summary"]),
        [
            "agreements",
            "claims",
            "conflicts",
            "documents",
            "skipped",
            "updates",
            "warnings"
        ]
    );
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 8, "{json:#}");
    for doc in docs {
        assert!(doc["path"].is_string() && doc["claims"].is_u64(), "{doc}");
    }
    let claims: u64 = docs.iter().map(|d| d["claims"].as_u64().unwrap()).sum();
    assert_eq!(json["summary"]["claims"].as_u64(), Some(claims));
    let findings = json["findings"].as_array().unwrap();
    let count = |kind: &str| findings.iter().filter(|f| f["kind"] == kind).count() as u64;
    assert_eq!(
        json["summary"]["conflicts"].as_u64(),
        Some(count("conflict"))
    );
    assert_eq!(
        json["summary"]["agreements"].as_u64(),
        Some(count("agreement"))
    );
    for f in findings {
        let mut want = vec![
            "claims", "code", "grouped", "kind", "message", "property", "severity", "subject",
            "support",
        ];
        if let Some(aside) = f.get("set_aside") {
            want.insert(6, "set_aside");
            for a in aside.as_array().unwrap() {
                assert_eq!(keys(a), ["document", "text", "why"], "{a}");
            }
        }
        assert_eq!(keys(f), want, "{f:#}");
        let severity = match f["kind"].as_str().unwrap() {
            "conflict" => "error",
            "update" => "warning",
            _ => "note",
        };
        assert_eq!(f["severity"], severity, "{f:#}");
        assert!(
            f["code"].as_str().unwrap().starts_with("crosscheck::"),
            "{f:#}"
        );
        let claims = f["claims"].as_array().unwrap();
        assert!(claims.len() >= 2, "a finding compares claims: {f:#}");
        claims.iter().for_each(check_claim);
    }
}

#[test]
fn front_matter_becomes_document_metadata() {
    let (_, json) = run_json(&["check", "tests/fixtures/bridge/valley-courier.md"]);
    let doc = &json["documents"][0];
    assert_eq!(doc["path"], "tests/fixtures/bridge/valley-courier.md");
    assert_eq!(doc["title"], "Footbridge collapses over the Arden river");
    assert_eq!(doc["date"], "2024-05-03");
    assert_eq!(doc["source"], "Valley Courier");
    assert_eq!(doc["url"], "https://example.org/courier/footbridge");
    assert!(doc.get("decoded_from").is_none(), "{doc}");
    let (_, json) = run_json(&["check", "tests/fixtures/bridge/river-post.txt"]);
    assert_eq!(keys(&json["documents"][0]), ["claims", "path"]);
}

#[test]
fn claims_json_spans_are_exactly_the_text_in_the_file() {
    let mut args = vec!["claims"];
    args.extend(UTF8_FIXTURES);
    let (r, json) = run_json(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(keys(&json), ["claims", "version"]);
    assert_in_order(&r.stdout, &["version", "claims"]);
    let claims = json["claims"].as_array().unwrap();
    assert!(!claims.is_empty(), "the fixtures state figures");
    claims.iter().for_each(check_claim);
    assert_in_order(
        &r.stdout,
        &[
            "document",
            "span",
            "text",
            "kind",
            "subject",
            "property",
            "increment",
            "value",
        ],
    );
}

#[test]
fn claims_name_documents_by_the_path_as_given() {
    let (_, json) = run_json(&["claims", "./tests/fixtures/agree/museum-notes.txt"]);
    for claim in json["claims"].as_array().unwrap() {
        assert_eq!(claim["document"], "./tests/fixtures/agree/museum-notes.txt");
    }
    let r = run(&["claims", "./tests/fixtures/agree/museum-notes.txt"]);
    assert!(
        r.stdout
            .starts_with("./tests/fixtures/agree/museum-notes.txt:"),
        "{}",
        r.stdout
    );
}
