//! Every code crosscheck emits, with what it means and an example: the text of
//! `crosscheck explain CODE` and the help of each rule in SARIF output.
//!
//! Finding codes (`crosscheck::{conflict,update,agreement}::*`) are what the reports
//! list; the others name errors and warnings about the run itself.

/// What a code is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// Sources disagree: fails the run by default.
    Conflict,
    /// A later source revises an evolving figure: fails only with `--fail-on update`.
    Update,
    /// Sources agree: shown with `--show-agreements`.
    Agreement,
    /// Something stopped an input or the run (exit 2).
    Error,
    /// Something to look at that did not stop the run.
    Warning,
}

impl CodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CodeKind::Conflict => "conflict",
            CodeKind::Update => "update",
            CodeKind::Agreement => "agreement",
            CodeKind::Error => "error",
            CodeKind::Warning => "warning",
        }
    }
}

/// The documentation of one code.
#[derive(Debug, Clone, Copy)]
pub struct CodeDoc {
    pub code: &'static str,
    pub kind: CodeKind,
    /// One line: what the code says.
    pub summary: &'static str,
    /// A paragraph: when it is emitted and what to do about it.
    pub explanation: &'static str,
    /// An example, as text a user could have written or seen.
    pub example: &'static str,
}

/// Every code, findings first.
pub const CODES: &[CodeDoc] = &[
    CodeDoc {
        code: "crosscheck::conflict::quantity",
        kind: CodeKind::Conflict,
        summary: "Two sources state figures for the same subject and property that cannot both be true.",
        explanation: "Quantities (counts, casualties, money, distances, durations, shares) are read as intervals in the base unit of their dimension: hedges widen them (\"more than 40\" is 40 and up, \"about 50\" a band around 50). Two documents conflict when nothing one states about the subject is compatible with anything the other states, and only claims definite about their subject, scope, time and value are held against each other: a part of a total (\"two of them critically\") or one victim described alone (\"a man was shot\") counts as a lower bound, and a claim with a doubt (listed under `set_aside` with its reason) never conflicts. A figure that evolves (casualties, arrests) and differs between dated reports is an update instead. Check the sources; if one is wrong, correct it, or suppress the claim with `<!-- crosscheck-ignore -->` on the line before, or record the finding in a baseline.",
        example: "a.md: \"Two people were injured when the span fell.\"\nb.md: \"Six people were injured in the collapse.\"\n=> injured: 2 and 6 do not overlap",
    },
    CodeDoc {
        code: "crosscheck::conflict::date",
        kind: CodeKind::Conflict,
        summary: "Two sources give different dates for the same event.",
        explanation: "Dates are compared field by field: two dates agree when every field both state (year, month, day) is the same, so \"February 2022\" and \"Feb. 24, 2022\" agree while \"Feb. 24\" and \"Feb. 25\" conflict. Relative dates (\"Thursday\", \"last month\") are resolved against the document's `date` in its front matter; a date the extractor doubts (a weekday worked out from a doubtful anchor, the date of another event in the story) never conflicts.",
        example: "a.md: \"The council voted on March 3.\"\nb.md: \"The council voted on March 4.\"\n=> vote date: 3 March and 4 March differ",
    },
    CodeDoc {
        code: "crosscheck::conflict::title",
        kind: CodeKind::Conflict,
        summary: "Two sources give the same person different titles.",
        explanation: "Titles are normalised to posts with `rules/titles.toml` (\"Defense Secretary\" is \"Secretary of Defense\"); two titles agree when they name the same post, or one is a broader description of the other. Otherwise they conflict. Teach crosscheck a variant with a `[[post]]` in your own rules folder.",
        example: "a.md: \"Fire Chief Dana Reyes said ...\"\nb.md: \"Deputy Fire Chief Dana Reyes said ...\"\n=> Dana Reyes title: 'Fire Chief' and 'Deputy Fire Chief' are different posts",
    },
    CodeDoc {
        code: "crosscheck::conflict::attribution",
        kind: CodeKind::Conflict,
        summary: "Two sources put the same quoted words in different people's mouths.",
        explanation: "A quote of five words or more with a named speaker is a claim; the same quote (one inside the other, or nearly the same words) in two reports is aligned, and different speakers conflict. Names are matched by surname and any given name both give (\"Ken Salazar\" is \"Interior Secretary Ken Salazar\").",
        example: "a.md: \u{201c}We will rebuild the bridge this year,\u{201d} Mayor Lena Voss said.\nb.md: \u{201c}We will rebuild the bridge this year,\u{201d} said council leader Tom Ellery.\n=> the same words are put in the mouths of Lena Voss and Tom Ellery",
    },
    CodeDoc {
        code: "crosscheck::conflict::place",
        kind: CodeKind::Conflict,
        summary: "Two sources place the same event in different states or countries.",
        explanation: "A place is read from a dateline (\"ALTURAS, Calif. —\") or from a town named with its region after \"in\" (\"in Alturas, Calif.\"); regions and their forms are in `rules/places.toml`. It is about the event the report covers, so reports of one event are compared on it. Reports name a place at different grains (the dateline city, the suburb, the county), so different towns in one region are not a conflict; only different regions are.",
        example: "a.md: \"ALTURAS, Calif. — Four people died ...\"\nb.md: \"The shooting happened in Alturas, Ore.\"\n=> place: Alturas, California and Alturas, Oregon are different places",
    },
    CodeDoc {
        code: "crosscheck::agreement::place",
        kind: CodeKind::Agreement,
        summary: "Sources place the event in the same state or country.",
        explanation: "The regions agree wherever both sources give one; the towns may differ in grain (a city and its suburb).",
        example: "a.md: \"ALTURAS, Calif. — ...\"\nb.md: \"... in Alturas, California, on Thursday.\"\n=> 2 sources agree: Alturas, California",
    },
    CodeDoc {
        code: "crosscheck::update::quantity",
        kind: CodeKind::Update,
        summary: "A figure that evolves (casualties, arrests) differs, and the later report gives the later figure.",
        explanation: "Properties marked `evolves = true` in the rules change as a story unfolds. When two reports disagree only across dates (front matter `date`; an undated report is taken as the latest) and reports of one date agree, the finding is an update, a warning that fails the run only with `--fail-on update`. Reports of the same date that disagree are still a conflict.",
        example: "a.md (2014-02-20): \"One person was killed.\"\nb.md (2014-02-22): \"Two people were killed.\"\n=> killed: changed over time: 1 on 20 February 2014, 2 on 22 February 2014",
    },
    CodeDoc {
        code: "crosscheck::update::date",
        kind: CodeKind::Update,
        summary: "Reports give different dates for an event that recurs, each later report a later one.",
        explanation: "Hearings, arrests and meetings happen more than once in a story: when each later report (by its front matter `date`) dates the event after the earlier report was written, it tells of the next occurrence, and the finding is an update, a warning that fails the run only with `--fail-on update`. An incident (a shooting, a crash) has one date for good, so its dates still conflict.",
        example: "a.md (2024-03-05): \"Roe appeared in court on March 4.\"\nb.md (2024-03-19): \"Roe appeared in court on March 18.\"\n=> an update, not a conflict: each report tells of the hearing before it was written",
    },
    CodeDoc {
        code: "crosscheck::agreement::attribution",
        kind: CodeKind::Agreement,
        summary: "Sources attribute the same quote to the same person.",
        explanation: "The quote is aligned across reports (in full or in part) and every report names the same speaker.",
        example: "a.md: \u{201c}The systems will be deployed as soon as we can,\u{201d} Austin said.\nb.md: Lloyd Austin said: \u{201c}The systems will be deployed as soon as we can physically get them there.\u{201d}\n=> 2 sources agree: said by Lloyd Austin",
    },
    CodeDoc {
        code: "crosscheck::agreement::quantity",
        kind: CodeKind::Agreement,
        summary: "Sources state compatible figures for the same subject and property.",
        explanation: "Every pair of documents states figures whose intervals overlap (after converting units). Agreements never fail a run unless `--fail-on agreement` is given; `--show-agreements` lists them.",
        example: "a.md: \"at least 12 firefighters were hurt\"\nb.md: \"14 firefighters were injured\"\n=> injured: 12 or more and 14 overlap",
    },
    CodeDoc {
        code: "crosscheck::agreement::bounds",
        kind: CodeKind::Agreement,
        summary: "Sources state only bounds of one direction, of different sizes, for the same figure.",
        explanation: "\"Over 6 million\" and \"over 7.5 million\" can both be true, so they do not conflict; but they are not the same statement either: one source knows more than the other, or they counted at different times. Every figure of the group is a lower bound (or every one an upper bound) and the bounds differ; the message names the tightest, which is what the sources say together. Like every agreement it never fails a run unless `--fail-on agreement` is given, and `--show-agreements` lists it.",
        example: "a.md: \"The album has sold over 6 million copies.\"\nb.md: \"The album has sold more than 7.5 million copies.\"\n=> only lower bounds of different sizes: > 6,000,000 copies, > 7,500,000 copies; all can hold, and together they say > 7,500,000 copies",
    },
    CodeDoc {
        code: "crosscheck::agreement::date",
        kind: CodeKind::Agreement,
        summary: "Sources give compatible dates for the same event.",
        explanation: "Every field that both dates state is the same. A resolved relative date (\"Thursday\") agrees with the calendar date it resolves to.",
        example: "a.md (dated 2024-05-10): \"He was arrested Thursday.\"\nb.md: \"He was arrested on May 9.\"\n=> arrest date: 9 May 2024 and 9 May agree",
    },
    CodeDoc {
        code: "crosscheck::agreement::title",
        kind: CodeKind::Agreement,
        summary: "Sources give the same person the same post.",
        explanation: "The titles normalise to the same post, or one is a broader description of the other; names are matched across spellings and forms (\"Lloyd J Austin III\" is \"Lloyd Austin\").",
        example: "a.md: \"Defense Secretary Lloyd Austin\"\nb.md: \"US Secretary of Defense Lloyd J Austin III\"\n=> Lloyd Austin title: both say Secretary of Defense",
    },
    CodeDoc {
        code: "crosscheck::input::missing",
        kind: CodeKind::Error,
        summary: "A path given on the command line does not exist.",
        explanation: "The rest of the corpus is still checked and reported, and the run exits 2.",
        example: "crosscheck check reports/ no-such-file.md",
    },
    CodeDoc {
        code: "crosscheck::input::unreadable",
        kind: CodeKind::Error,
        summary: "A file could not be read (permissions, I/O error).",
        explanation: "The rest of the corpus is still checked and reported, and the run exits 2.",
        example: "reports/locked.md: cannot read file: Permission denied",
    },
    CodeDoc {
        code: "crosscheck::input::unreadable_folder",
        kind: CodeKind::Error,
        summary: "A folder could not be listed.",
        explanation: "The rest of the corpus is still checked and reported, and the run exits 2.",
        example: "reports/private: cannot read folder: Permission denied",
    },
    CodeDoc {
        code: "crosscheck::input::bad_json_line",
        kind: CodeKind::Error,
        summary: "A line of a JSON Lines corpus is not a JSON object with a `text` string.",
        explanation: "Each non-blank line of a `.jsonl` file is one document: `{\"text\": ...}` with optional `id`, `title`, `date`, `source`, `url` and `group`. A line that does not parse, or lacks `text`, is reported with its line and column; the other lines are still checked, and the run exits 2.",
        example: "corpus.jsonl:2:10: missing field `text`",
    },
    CodeDoc {
        code: "crosscheck::input::stdin",
        kind: CodeKind::Error,
        summary: "The list of paths could not be read from standard input.",
        explanation: "`-` as a path reads a list of paths, one a line, from standard input (`git ls-files '*.md' | crosscheck check -`). Reading it failed (it is not text, or the pipe broke); the run stops with exit 2.",
        example: "cannot read the list of paths from standard input: stream did not contain valid UTF-8",
    },
    CodeDoc {
        code: "crosscheck::usage",
        kind: CodeKind::Error,
        summary: "The command was given something it cannot do.",
        explanation: "A code `crosscheck explain` does not know, or a format `claims` does not print (it prints human, json and json-lines). Flags that do not parse are reported by the argument parser with the same exit code, 2.",
        example: "`claims` prints human, json or json-lines, not sarif",
    },
    CodeDoc {
        code: "crosscheck::input::warning",
        kind: CodeKind::Warning,
        summary: "An input was read with trouble, or something in the run deserves a look.",
        explanation: "A file that is not UTF-8 (decoded, offsets then refer to the decoded text), an empty or binary file, a link loop, unclosed front matter, a named pipe, device or socket (never opened, skipped), a document larger than `max-document-size` (skipped; raise it with `--max-document-size`), a JSON Lines `id` used by two lines, an unused suppression comment, a stale baseline entry. The run goes on; `--quiet` hides these.",
        example: "old.txt: not UTF-8; decoded as windows-1252, offsets refer to the decoded text",
    },
    CodeDoc {
        code: "crosscheck::suppression::unused",
        kind: CodeKind::Warning,
        summary: "A `<!-- crosscheck-ignore -->` comment suppresses nothing.",
        explanation: "The comment stands on the line before a claim (or opens a block with `<!-- crosscheck-ignore-start -->` closed by `<!-- crosscheck-ignore-end -->`) and hides every finding that claim is part of. When no finding is hidden, the comment is reported so it does not outlive its reason; remove it.",
        example: "a.md: line 12: `<!-- crosscheck-ignore -->` suppresses no finding; remove it",
    },
    CodeDoc {
        code: "crosscheck::baseline::stale",
        kind: CodeKind::Warning,
        summary: "A baseline entry no longer matches any finding.",
        explanation: "The finding it recorded was fixed or changed (a new value makes a new finding). Rewrite the baseline with `--write-baseline FILE` to drop it.",
        example: "crosscheck-baseline.json: stale entry crosscheck::conflict::quantity bridge injured [2 count, 6 count] matches no finding",
    },
    CodeDoc {
        code: "crosscheck::baseline::unreadable",
        kind: CodeKind::Error,
        summary: "The baseline file could not be read.",
        explanation: "Check the path given to `--baseline` (or `baseline` in crosscheck.toml; paths there are relative to the file). To start one, run `--write-baseline FILE`. The run stops with exit 2.",
        example: "cannot read baseline crosscheck-baseline.json: No such file or directory",
    },
    CodeDoc {
        code: "crosscheck::baseline::invalid",
        kind: CodeKind::Error,
        summary: "A baseline file is not valid.",
        explanation: "The file given to `--baseline` is not JSON of the documented shape (`{\"version\": 1, \"findings\": [...]}`); the error points at the line. The run stops with exit 2.",
        example: "crosscheck-baseline.json:3:5: unknown field `line`",
    },
    CodeDoc {
        code: "crosscheck::rules::invalid",
        kind: CodeKind::Error,
        summary: "A rules file has an unknown field, a wrong type or a bad value.",
        explanation: "Rules files are read strictly so that a typo does not silently change what is found. The error points at the line and column in the file. The run stops with exit 2.",
        example: "rules/units.toml:5:1: unknown field `namez`",
    },
    CodeDoc {
        code: "crosscheck::rules::unreadable",
        kind: CodeKind::Error,
        summary: "A rules folder or file could not be read.",
        explanation: "Check the path given to `--rules` (or `rules` in crosscheck.toml). The run stops with exit 2.",
        example: "cannot read rules file my-rules: No such file or directory",
    },
    CodeDoc {
        code: "crosscheck::config::invalid",
        kind: CodeKind::Error,
        summary: "crosscheck.toml has an unknown key, a wrong type or a bad glob.",
        explanation: "The configuration is read strictly; the error points at the line. `crosscheck check --dump-config` prints the configuration in effect. The run stops with exit 2.",
        example: "crosscheck.toml:2:1: unknown field `exclude-glob`",
    },
    CodeDoc {
        code: "crosscheck::config::unreadable",
        kind: CodeKind::Error,
        summary: "The configuration file could not be read.",
        explanation: "Check the path given to `--config`. The run stops with exit 2.",
        example: "cannot read config file ci.toml: No such file or directory",
    },
    CodeDoc {
        code: "crosscheck::output",
        kind: CodeKind::Error,
        summary: "The report (or a baseline, or the GitHub step summary) could not be written.",
        explanation: "A closed pipe is not an error (the run ends quietly with 0); any other write error is, with exit 2.",
        example: "cannot write the baseline ci/baseline.json: No such file or directory",
    },
];

/// The documentation of a code, given in full (`crosscheck::conflict::date`) or without the
/// `crosscheck::` prefix (`conflict::date`), in any case.
pub fn explain(code: &str) -> Option<&'static CodeDoc> {
    let code = code.trim().to_ascii_lowercase();
    let full = if code.starts_with("crosscheck::") {
        code
    } else {
        format!("crosscheck::{code}")
    };
    CODES.iter().find(|c| c.code == full)
}

/// The finding codes, the rules of SARIF output.
pub fn finding_codes() -> impl Iterator<Item = &'static CodeDoc> {
    CODES.iter().filter(|c| {
        matches!(
            c.kind,
            CodeKind::Conflict | CodeKind::Update | CodeKind::Agreement
        )
    })
}

/// `crosscheck explain CODE` as text.
pub fn render_explain(doc: &CodeDoc) -> String {
    let example: String = doc.example.lines().map(|l| format!("    {l}\n")).collect();
    format!(
        "{code} ({kind})\n\n{summary}\n\n{explanation}\n\nExample:\n\n{example}",
        code = doc.code,
        kind = doc.kind.as_str(),
        summary = doc.summary,
        explanation = doc.explanation,
    )
}

/// The list printed when `crosscheck explain` is given a code it does not know.
pub fn render_index() -> String {
    let width = CODES.iter().map(|c| c.code.len()).max().unwrap_or(0);
    CODES
        .iter()
        .map(|c| format!("{:width$}  {}\n", c.code, c.summary))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_found_with_or_without_its_prefix() {
        assert_eq!(
            explain("conflict::quantity").map(|c| c.code),
            Some("crosscheck::conflict::quantity")
        );
        assert_eq!(
            explain("CROSSCHECK::agreement::title").map(|c| c.kind),
            Some(CodeKind::Agreement)
        );
        assert!(explain("conflict::colour").is_none());
    }

    #[test]
    fn every_finding_code_the_comparer_makes_is_documented() {
        for kind in ["conflict", "agreement"] {
            for what in ["quantity", "date", "title", "attribution", "place"] {
                let code = format!("crosscheck::{kind}::{what}");
                assert!(explain(&code).is_some(), "{code}");
            }
        }
        // Evolving figures (quantities) and the dates of events that recur are updated.
        assert!(explain("crosscheck::update::quantity").is_some());
        assert!(explain("crosscheck::update::date").is_some());
        // Bounds of one direction and different sizes have a code of their own.
        assert!(explain(crate::compare::BOUNDS_CODE).is_some());
        assert_eq!(finding_codes().count(), 13);
    }

    /// Every code the source can print: a `code(...)` of a diagnostic, or a code in a string
    /// literal (outside comments), the finding codes made by `compare` with `format!`.
    fn codes_in_the_source() -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                let entries = std::fs::read_dir(&path).expect("src is listable");
                files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file reads");
            for line in text.lines() {
                let code_part = line.split("//").next().unwrap_or("");
                let mut from = 0;
                while let Some(i) = code_part[from..].find("crosscheck::") {
                    let at = from + i;
                    let code: String = code_part[at..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_' || *c == ':')
                        .collect();
                    from = at + code.len();
                    let code = code.trim_end_matches(':').to_string();
                    let in_string = code_part[..at].matches('"').count() % 2 == 1;
                    let in_attribute = code_part[..at].ends_with("code(");
                    if (in_string || in_attribute) && code.matches("::").count() >= 1 {
                        found.push((code, path.display().to_string()));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn explain_knows_every_code_in_the_source() {
        let found = codes_in_the_source();
        assert!(found.len() > 20, "the scan finds codes: {found:?}");
        for (code, file) in &found {
            // `format!("crosscheck::{}::{}", kind, claim kind)` in compare.rs: every finding code.
            if code == "crosscheck::" || code.ends_with("::") {
                continue;
            }
            assert!(
                explain(code).is_some(),
                "{code} (in {file}) is not documented"
            );
        }
        for code in [
            "crosscheck::input::bad_json_line",
            "crosscheck::input::stdin",
            "crosscheck::baseline::unreadable",
            "crosscheck::usage",
        ] {
            assert!(
                found.iter().any(|(c, _)| c == code),
                "{code} not found by the scan"
            );
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = CODES.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CODES.len());
    }

    #[test]
    fn an_explanation_has_the_code_its_meaning_and_an_example() {
        let text = render_explain(explain("conflict::date").expect("documented"));
        assert!(
            text.starts_with("crosscheck::conflict::date (conflict)\n"),
            "{text}"
        );
        assert!(text.contains("Example:\n\n    a.md: "), "{text}");
    }
}
