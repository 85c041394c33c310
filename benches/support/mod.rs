//! Inputs shared by the benchmarks: a fixed news-like article written for them, longer texts
//! made from it by a deterministic generator, and a generated corpus of claims.
//!
//! Nothing here is random at run time: every figure comes from a small linear congruential
//! generator with a fixed seed, so every run measures the same input.

// Each bench target uses a part of this module.
#![allow(dead_code)]

use crosscheck::model::{Claim, ClaimKind, DateValue, Document, Modality, Span, Subject, Value};

/// A fictional wire report about a ferry fire, with most kinds of figure the extractor reads:
/// counts, money, distances, hedges, increments, dates, titles, ages, casualties, an address,
/// a phone number and a web link.
pub const ARTICLE: &str = "\
---
title: \"Three dead, 41 hurt as fire sweeps ferry off Port Arlen\"
date: 2023-05-18
source: Coastal Wire
---
PORT ARLEN, May 18 (Coastal Wire) - Three people were killed and 41 were injured when a fire \
broke out on the passenger ferry Marisol Star about 12 miles off Port Arlen on Wednesday night, \
the coast guard said.

The ferry, which can carry up to 650 passengers, had 412 people and 38 crew on board when the \
fire started in the engine room shortly after 9:40 p.m., Coast Guard Commander Dana Whitlock \
told reporters on Thursday.

\"We had four cutters and two helicopters on scene within an hour,\" Whitlock said. \"Another \
three vessels joined them before midnight.\"

Among the dead was a 67-year-old man from Brevik, Tomas Varga, according to the harbour \
authority. A 9-year-old girl was among at least six people taken to St. Anne's Hospital in \
critical condition. Varga, 67, had been travelling with his daughter.

Port Arlen Mayor Ilse Korhonen said the city would release $2.5 million in emergency funds \
and that more than 200 volunteers had registered by Thursday morning. The regional \
government has pledged another 1.2 million euros, and Transport Minister Ravi Anand said an \
inquiry would report within 90 days.

The Marisol Star, built in 1998, is 118 metres long and was last inspected in February 2022, \
the operator, Northsound Lines, said in a statement. The company runs 14 ferries on six \
routes and carried nearly 3.1 million passengers last year.

Survivors described thick smoke filling the lower deck within minutes. \"There were maybe 30 \
of us near the stairs,\" said Lena Brandt, 34, a teacher from Osterby. \"Two men carried an \
old woman up four flights.\"

Officials said 23 of the injured had been released by Thursday evening, while 18 remained in \
hospital. No one was missing, the coast guard said, after every passenger on the manifest \
was accounted for.

Fire crews needed almost 11 hours to put out the blaze. The ferry was towed 20 kilometres to \
the dry dock at 4 Harbour Road, where investigators from the National Transport Safety Board \
began work on Friday.

Relatives seeking information can call 555-0142 or visit https://example.org/2023/05/18/ferry-4412.

In a separate incident last month, two crew members were hurt when a mooring line snapped \
on a cargo ship at the same pier. Police arrested one man in connection with a fight at the \
terminal on May 3.
";

/// A small deterministic pseudo-random generator (Knuth's MMIX constants).
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The article's body repeated until it is at least `bytes` long, each copy with its figures
/// changed (every run of digits replaced by another of the same length), so the extractor
/// cannot benefit from identical copies.
pub fn long_text(bytes: usize, seed: u64) -> String {
    let body = ARTICLE
        .split_once("---\n")
        .and_then(|(_, rest)| rest.split_once("---\n"))
        .map_or(ARTICLE, |(_, body)| body);
    let mut rng = Lcg::new(seed);
    let mut out = String::with_capacity(bytes + body.len());
    while out.len() < bytes {
        let mut in_digits = false;
        for c in body.chars() {
            if c.is_ascii_digit() {
                // The first digit of a run is never 0, so "09" never appears from "12".
                let low = if in_digits { 0 } else { 1 };
                let d = low + rng.below(10 - low as u64) as u32;
                out.push(char::from_digit(d, 10).expect("a digit below 10"));
                in_digits = true;
            } else {
                out.push(c);
                in_digits = false;
            }
        }
        out.push('\n');
    }
    out
}

/// `n` documents made from the article with different figures, named like a folder corpus.
pub fn documents(n: usize, seed: u64) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let mut doc = Document::from_text(
                format!("story-{}/{i:05}.txt", i % 7),
                long_text(1, seed + i as u64),
            );
            doc.group = format!("story-{}", i % 7);
            doc
        })
        .collect()
}

/// A generated claim set of `n` claims over `docs` documents: quantities, dates and roles about
/// a pool of subjects about `sqrt(n)` strong (names, some spelled two ways, and common nouns),
/// so that groups are large and fuzzy name matching has work to do.
pub fn claims(n: usize, docs: usize, seed: u64) -> Vec<Claim> {
    const NAMES: [&str; 12] = [
        "Marisol Star",
        "Northsound Lines",
        "Port Arlen",
        "Dana Whitlock",
        "Ilse Korhonen",
        "Ravi Anand",
        "Tomas Varga",
        "Lena Brandt",
        "Brevik",
        "Osterby",
        "NASAMS",
        "HIMARS",
    ];
    const NOUNS: [&str; 6] = [
        "people",
        "volunteers",
        "ferries",
        "routes",
        "passengers",
        "vessels",
    ];
    const PROPERTIES: [&str; 4] = ["count", "killed", "injured", "distance"];
    const TITLES: [&str; 4] = [
        "Mayor",
        "Transport Minister",
        "Commander",
        "Secretary of Defense",
    ];
    let mut rng = Lcg::new(seed);
    let pool = ((n as f64).sqrt() as usize).max(NAMES.len());
    let mut out = Vec::with_capacity(n);
    let per_doc = n.div_ceil(docs.max(1)).max(1);
    for i in 0..n {
        let doc = i / per_doc;
        let start = (i % per_doc) * 40;
        let span = Span {
            start,
            end: start + 10,
            line: 1 + i % per_doc,
            column: 1,
        };
        let base = NAMES[rng.below(NAMES.len() as u64) as usize];
        let variant = rng.below(pool as u64);
        // Every third variant is a misspelling of the base name, to be merged by similarity.
        let subject_text = match variant % 3 {
            0 => format!("{base} {variant}"),
            1 => format!("{base}e {}", variant - 1),
            _ => NOUNS[rng.below(NOUNS.len() as u64) as usize].to_string(),
        };
        let key = subject_text.to_lowercase();
        let subject = Some(Subject {
            text: subject_text.clone(),
            key,
        });
        let (kind, property, value, label) = match rng.below(10) {
            0 => {
                let day = 1 + rng.below(28) as u32;
                let d = DateValue::new(Some(2023), Some(5), Some(day));
                (
                    ClaimKind::Date,
                    "date".to_string(),
                    Value::Date(d),
                    format!("{day} May 2023"),
                )
            }
            1 => {
                let title = TITLES[rng.below(TITLES.len() as u64) as usize];
                (
                    ClaimKind::Role,
                    "title".to_string(),
                    Value::Role {
                        person: subject_text.clone(),
                        title: title.to_string(),
                    },
                    format!("title: {title}"),
                )
            }
            _ => {
                let property = PROPERTIES[rng.below(PROPERTIES.len() as u64) as usize];
                let unit = if property == "distance" {
                    "mi"
                } else {
                    "count"
                };
                let v = (1 + rng.below(60)) as f64;
                let high = if rng.below(4) == 0 { None } else { Some(v) };
                (
                    ClaimKind::Quantity,
                    property.to_string(),
                    Value::Quantity {
                        low: Some(v),
                        high,
                        unit: unit.to_string(),
                        approximate: false,
                        band: None,
                    },
                    format!("{v} {unit}"),
                )
            }
        };
        out.push(Claim {
            doc,
            span,
            text: subject_text,
            kind,
            subject,
            property,
            increment: rng.below(8) == 0,
            modality: Modality::Asserted,
            scope: crosscheck::model::Scope::Total,
            doubts: Vec::new(),
            value,
            base: None,
            label,
            noun: None,
        });
    }
    out
}
