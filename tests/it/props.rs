//! Property tests of the extractor (proptest): on arbitrary Unicode and on adversarial numeric
//! text it never panics, and every claim it makes names a byte range of the document on
//! character boundaries whose text is the claim's `text`, with the right line and column.
//! Also: the analysis is the same on one thread and on four (`check_with_jobs`), on the
//! `examples/` corpus and on generated reports.
//!
//! Case counts are modest so `cargo test` stays fast; `PROPTEST_CASES=10000 cargo test --test
//! it props` runs more.

use std::sync::LazyLock;

use crosscheck::model::{Document, Metadata};
use crosscheck::rules::Rules;
use crosscheck::{Analysis, GroupBy};
use proptest::prelude::*;

use crate::line_col;

static RULES: LazyLock<Rules> =
    LazyLock::new(|| Rules::builtin().expect("the built-in rules load"));

/// `PROPTEST_CASES` when set, `default` otherwise.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// Extracts from `doc` and checks every claim against the document; the error says which
/// claim broke which promise.
fn check_spans(doc: &Document) -> Result<(), TestCaseError> {
    let claims = crosscheck::extract::extract(3, doc, &RULES);
    let text = doc.text.as_str();
    let mut last = (0, 0);
    for c in &claims {
        let s = c.span;
        prop_assert_eq!(c.doc, 3);
        prop_assert!(
            s.start <= s.end && s.end <= text.len(),
            "span {s:?} outside the text ({} bytes)",
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} cuts a character"
        );
        prop_assert_eq!(&c.text, &text[s.start..s.end]);
        prop_assert_eq!((s.line, s.column), line_col(text, s.start), "{:?}", c);
        prop_assert!(last <= (s.start, s.end), "claims out of order at {s:?}");
        last = (s.start, s.end);
    }
    Ok(())
}

/// A document with Markdown front matter (title and date) before `body`, as ingest makes it.
fn with_front_matter(title: &str, date: &str, body: &str) -> Document {
    let front = format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n");
    let mut doc = Document::from_text("props.md", format!("{front}{body}"));
    doc.body_start = front.len();
    doc.meta = Metadata {
        title: Some(title.to_string()),
        date: Some(date.to_string()),
        ..Metadata::default()
    };
    doc
}

/// Pieces of text that have broken number readers somewhere: separators in odd places, signs
/// and currency without figures, long digit runs, digits of other scripts, dates and times cut
/// short, words the extractor keys on, and characters that are hard on offsets (combining
/// marks, right-to-left text and marks, byte-order marks, NUL, CRLF).
const PIECES: &[&str] = &[
    "1,,2",
    "$-",
    "..3",
    "1.2.3",
    "1,000,00",
    ",5",
    "5,",
    "1.",
    ".",
    ",",
    "-",
    "−5",
    "–",
    "—",
    "$",
    "US$",
    "€",
    "£1.2bn",
    "%",
    "½",
    "¾ mile",
    "1e308",
    "0x1F",
    "1_000",
    "007",
    "00",
    "99999999999999999999999999999999",
    "1234567890123456789012345678901234567890.5",
    "٣٤٥",
    "१२",
    "１２",
    "Ⅻ",
    "²",
    "more than",
    "up to",
    "about",
    "between 40 and",
    "and 50",
    "or more",
    "another",
    "more",
    "additional",
    "killed",
    "were injured",
    "people",
    "dead",
    "shot",
    "no one was hurt",
    "dozens of",
    "a dozen",
    "twenty-one",
    "billion",
    "million",
    "bn",
    "miles",
    "km",
    "-year-old",
    "year-old",
    "44-year-old",
    ", 44,",
    "Feb.",
    "Sept. 28",
    "February 2022",
    "Feb. 20, 2014",
    "Thursday",
    "last month",
    "3:30 p.m.",
    "12:",
    ":30",
    "p.m.",
    "No.",
    "F-16",
    "Flight 370",
    "III",
    "U.S.",
    "Secretary of Defense",
    "Mayor",
    "Lloyd J Austin III",
    "Mr.",
    "said",
    "http://example.com/1/2",
    "www.",
    "a@b.cd",
    "555-0142",
    "1/2",
    "2014/02",
    "#4",
    "(3)",
    "\"12\"",
    "'5'",
    "’",
    "e\u{301}",
    "\u{301}",
    "\u{300}1",
    "1\u{20e3}",
    "\u{202e}",
    "\u{200f}",
    "\u{200b}",
    "\u{feff}",
    "\0",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "שלום 12",
    "مرحبا ١٢",
    "日本 3人",
    "Ελλάδα 4",
    "😀",
    "🇺🇦",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
    "---",
    "title:",
    "#",
    "*",
    "> ",
];

/// Text made of adversarial pieces, joined by nothing or by spaces and line breaks.
fn adversarial() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(PIECES);
    let glue = prop::sample::select(&["", " ", " ", "\n", "\r\n", ". "][..]);
    prop::collection::vec((piece, glue), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (p, g) in parts {
            s.push_str(p);
            s.push_str(g);
        }
        s
    })
}

/// A run of digits with separators, longer than any number type holds.
fn long_numbers() -> impl Strategy<Value = String> {
    (
        "[0-9]{1,400}",
        "[.,]{0,3}",
        "[0-9]{0,200}",
        prop::sample::select(&["", " people", " million", " miles", "%", " were killed"][..]),
    )
        .prop_map(|(a, sep, b, tail)| format!("About {a}{sep}{b}{tail}."))
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_name_their_text(text in "\\PC{0,300}") {
        check_spans(&Document::from_text("props.txt", text))?;
    }

    #[test]
    fn any_chars_including_controls_keep_spans_right(text in any::<String>()) {
        check_spans(&Document::from_text("props.txt", text))?;
    }

    #[test]
    fn adversarial_numeric_text_keeps_spans_right(text in adversarial()) {
        check_spans(&Document::from_text("props.txt", text))?;
    }

    #[test]
    fn adversarial_text_after_a_byte_order_mark_and_front_matter(
        title in adversarial(),
        date in prop::sample::select(&["2023-05-18", "2023-02-30", "yesterday", "", "99999-1-1"][..]),
        body in adversarial(),
        bom in any::<bool>(),
    ) {
        // A title with a line break or quote would end the front matter's line early; that is
        // ingest's business, not the extractor's.
        let title: String = title.chars().filter(|c| !matches!(c, '\n' | '\r' | '"')).collect();
        let mut doc = with_front_matter(&title, date, &body);
        if bom {
            doc.text.insert(0, '\u{feff}');
            doc.body_start += '\u{feff}'.len_utf8();
        }
        check_spans(&doc)?;
    }

    #[test]
    fn long_digit_runs_keep_spans_right(text in long_numbers()) {
        check_spans(&Document::from_text("props.txt", text))?;
    }
}

/// The analysis as text, for comparing two runs: every claim, group and finding.
fn fingerprint(a: &Analysis) -> String {
    format!("{:#?}\n{:#?}\n{:#?}", a.claims, a.groups, a.findings)
}

fn analyse(documents: Vec<Document>, group_by: GroupBy, jobs: Option<usize>) -> String {
    fingerprint(&crosscheck::check_with_jobs(
        documents,
        Vec::new(),
        &RULES,
        group_by,
        jobs,
    ))
}

#[test]
fn the_examples_give_the_same_analysis_on_one_thread_and_on_four() {
    let corpus = crosscheck::ingest::read_paths(&[crate::at_root("examples")]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    assert!(corpus.documents.len() >= 9);
    for group_by in [GroupBy::All, GroupBy::Folder] {
        let one = analyse(corpus.documents.clone(), group_by, Some(1));
        assert!(one.contains("Conflict"), "the examples have conflicts");
        for jobs in [Some(4), Some(4), None] {
            let other = analyse(corpus.documents.clone(), group_by, jobs);
            assert!(
                one == other,
                "jobs {jobs:?} differs from jobs 1 ({group_by:?})"
            );
        }
    }
    // `extract_all_with_jobs` (what `claims --jobs` runs) agrees too.
    let one = crosscheck::extract_all_with_jobs(&corpus.documents, &RULES, Some(1));
    let four = crosscheck::extract_all_with_jobs(&corpus.documents, &RULES, Some(4));
    assert_eq!(one, four);
}

/// One generated report: sentences from templates with the figures and names drawn.
fn report() -> impl Strategy<Value = String> {
    let sentence = (
        prop::sample::select(
            &[
                "{n} people were killed and {m} were injured in the {e}.",
                "Mayor {p} said more than {n} homes lost power after the {e}.",
                "The {e} on Thursday left {n} dead, police said.",
                "{p}, {n}, was among the injured.",
                "Officials pledged ${n} million and another {m} trucks.",
                "Defense Secretary {p} said the {e} was about {n} miles from the city.",
                "A {n}-year-old man, {p}, was arrested on Feb. {m}.",
                "Up to {n} volunteers and {m} more firefighters joined by last month.",
            ][..],
        ),
        1u32..200,
        1u32..40,
        prop::sample::select(&["Ana Ruiz", "Tom Hale", "Lloyd J Austin III", "Mei Lin"][..]),
        prop::sample::select(&["fire", "shooting", "crash", "flood"][..]),
    )
        .prop_map(|(t, n, m, p, e)| {
            t.replace("{n}", &n.to_string())
                .replace("{m}", &m.to_string())
                .replace("{p}", p)
                .replace("{e}", e)
        });
    prop::collection::vec(sentence, 1..12).prop_map(|s| s.join(" "))
}

proptest! {
    #![proptest_config(cases(12))]

    #[test]
    fn generated_reports_give_the_same_analysis_on_one_thread_and_on_four(
        reports in prop::collection::vec(report(), 2..24),
    ) {
        let documents: Vec<Document> = reports
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let mut d = with_front_matter(&format!("Report {i}"), "2023-05-18", &text);
                d.path = format!("g{}/r{i}.md", i % 3);
                d.group = format!("g{}", i % 3);
                d
            })
            .collect();
        for group_by in [GroupBy::All, GroupBy::Folder] {
            let one = analyse(documents.clone(), group_by, Some(1));
            let four = analyse(documents.clone(), group_by, Some(4));
            prop_assert!(one == four, "jobs 4 differs from jobs 1 ({:?})", group_by);
        }
    }
}

/// The bodies of the fuzz targets in `fuzz/` (cargo-fuzz needs nightly; these run anywhere).
#[path = "../../fuzz/src/lib.rs"]
mod fuzz_bodies;

#[test]
fn the_fuzz_bodies_run_on_sample_inputs() {
    let texts: &[&[u8]] = &[
        b"",
        b"---\n",
        b"---\ntitle: \"Fire kills 3\"\ndate: 2023-05-18\n---\nThe fire on Thursday killed 3.\n",
        b"---\ntitle: x\n---\n",
        b"\xef\xbb\xbf12 people\r\nwere hurt \xff\xfe 1,,2 $- ..3\0 e\xcc\x81 \xd7\xa9 40",
        b"The fire killed 3 people and 40 homes burned.",
    ];
    for text in texts {
        fuzz_bodies::extract_bytes(text);
    }
    let rules: &[&[u8]] = &[
        b"",
        b"[[unit]]\ncode = \"fur\"\ndimension = \"length\"\nfactor = 201.0\nnames = [\"furlongs\"]\n",
        b"[[unit]]\ncode = \"fur\"\ndimension = \"length\"\nfactor = -1.0\nnames = []\n",
        b"[[unit]\n",
        b"[thresholds]\nband = 0.2\nband = 0.3\n",
        b"[thresholds]\nband = \"wide\"\n",
        b"[[alias]]\nkey = \"\"\nnames = [\"\"]\n",
        b"[number-words]\n\"\" = 1\n",
        b"caf\xe9",
    ];
    for file in rules {
        fuzz_bodies::load_rules(file);
    }
    let corpora: &[&[u8]] = &[
        b"",
        b"The storm killed 4 people.\xffThe storm killed 7 people.\xff\xffThe storm killed 7.",
        b"\xef\xbb\xbf\xc3\xa9 Mayor Ana Ruiz said 12 people were hurt.\r\n\xffDeputy Mayor Ana Ruiz said 40 were.",
        b"<!-- crosscheck-ignore -->\nSix were hurt.\xffTwo were hurt.\xff<!-- crosscheck-ignore-start -->",
    ];
    for corpus in corpora {
        fuzz_bodies::pipeline_bytes(corpus);
    }
    // A claim past column 65,535 (miette's renderer panicked there).
    let mut long = "é ".repeat(40_000).into_bytes();
    long.extend_from_slice(b"The storm killed 4 people.\xffThe storm killed 7 people.");
    fuzz_bodies::pipeline_bytes(&long);
}

/// Reports of one made-up story: a few sentences with figures, titles and places, some with
/// multi-byte characters and long lines, joined by the separator the pipeline body cuts at.
fn corpus_bytes() -> impl Strategy<Value = Vec<u8>> {
    let sentence = prop_oneof![
        (1u32..60).prop_map(|n| format!("The storm in Harlow killed {n} people. ")),
        (1u32..90).prop_map(|n| format!("{n} people were injured, Mayor Ana Ruiz said. ")),
        (1u32..90).prop_map(|n| format!("Deputy Mayor Ana Ruiz said {n} homes were lost. ")),
        Just("The bridge, 240 m long, fell on March 3. ".to_string()),
        Just("Le maire a dit: « 12 blessés ». ".to_string()),
        Just("<!-- crosscheck-ignore -->\n".to_string()),
        "\\PC{0,40}",
        (1usize..400).prop_map(|n| "é ".repeat(n)),
        Just("\n".to_string()),
    ];
    prop::collection::vec(prop::collection::vec(sentence, 0..8), 1..4).prop_map(|docs| {
        let docs: Vec<String> = docs.into_iter().map(|d| d.concat()).collect();
        // The separator is the byte 0xFF, which no UTF-8 text holds.
        let mut bytes = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            if i > 0 {
                bytes.push(0xff);
            }
            bytes.extend_from_slice(d.as_bytes());
        }
        bytes
    })
}

proptest! {
    #![proptest_config(cases(64))]

    /// The whole pipeline on arbitrary reports renders every format without a panic, and
    /// every span the JSON and rdjsonl reports give is on character boundaries.
    #[test]
    fn the_whole_pipeline_renders_every_format_on_any_input(data in corpus_bytes()) {
        fuzz_bodies::pipeline_bytes(&data);
    }

    /// The same bytes, not only valid UTF-8 (lossy decoding, NUL bytes, lone separators).
    #[test]
    fn the_whole_pipeline_takes_any_bytes(data in prop::collection::vec(any::<u8>(), 0..600)) {
        fuzz_bodies::pipeline_bytes(&data);
    }

    /// The findings do not depend on the order the files are given in (JSON lists documents
    /// in the order read; findings are compared by their code, subject, property and message).
    #[test]
    fn the_same_findings_whatever_the_order_of_the_files(
        docs in prop::collection::vec(prop::collection::vec(
            prop_oneof![
                (1u32..9).prop_map(|n| format!("The storm in Harlow killed {n} people. ")),
                (1u32..9).prop_map(|n| format!("{n} people were injured in the storm. ")),
                Just("Mayor Ana Ruiz spoke on Monday. ".to_string()),
                Just("Deputy Mayor Ana Ruiz spoke on Monday. ".to_string()),
            ], 1..4).prop_map(|s| s.concat()), 2..5),
        rotate in 0usize..4,
    ) {
        let rules = crosscheck::rules::Rules::builtin().unwrap();
        let findings = |order: &[usize]| {
            let documents: Vec<Document> = order
                .iter()
                .map(|&i| Document::from_text(format!("r{i}.txt"), docs[i].clone()))
                .collect();
            let a = crosscheck::check(documents, Vec::new(), &rules, GroupBy::All);
            let mut out: Vec<String> = a
                .findings
                .iter()
                .map(|f| {
                    let mut sides: Vec<String> = f
                        .claims
                        .iter()
                        .map(|&c| format!("{}:{}", a.documents[a.claims[c].doc].path, a.claims[c].span.start))
                        .collect();
                    sides.sort();
                    format!("{} {} {} {:?} {}", f.code, f.subject, f.property, f.kind, sides.join(","))
                })
                .collect();
            out.sort();
            out
        };
        let forward: Vec<usize> = (0..docs.len()).collect();
        let mut turned = forward.clone();
        turned.rotate_left(rotate % docs.len());
        turned.reverse();
        prop_assert_eq!(findings(&forward), findings(&turned));
    }
}
