//! Baselines: the findings a team has already seen, so that a CI gate fails only on new ones.
//!
//! A finding is identified by its [`Key`]: its code, the subject key, the property and the
//! sorted values its claims state. No line numbers, offsets or paths, so editing a document
//! elsewhere does not invalidate the baseline; a changed value does (it is another
//! disagreement). The file is JSON:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"code": "crosscheck::conflict::quantity", "subject": "bridge", "property": "injured",
//!      "values": ["2 count", "6 count"]}
//!   ]
//! }
//! ```
//!
//! Pure functions: the binary reads and writes the file.

use std::collections::BTreeSet;

use miette::{Diagnostic, SourceSpan};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::Analysis;
use crate::model::{Finding, Value, Warning};

/// The version of the baseline file format.
pub const VERSION: u32 = 1;

/// What identifies a finding across runs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    /// The finding's code, e.g. `crosscheck::conflict::quantity`.
    pub code: String,
    /// The subject key the claims were aligned on (normalised: `nasams`, `lloyd austin`).
    pub subject: String,
    pub property: String,
    /// The values the claims state, each once, sorted: `2 count`, `40.. count`,
    /// `2022-02-?`, `title: Secretary of Defense`.
    pub values: Vec<String>,
}

impl Key {
    /// The key of one finding of an analysis.
    pub fn of(analysis: &Analysis, finding: &Finding) -> Key {
        let claims: Vec<_> = finding
            .claims
            .iter()
            .filter_map(|&i| analysis.claims.get(i))
            .collect();
        // The group the finding was judged on holds the subject key the claims were aligned
        // on; claims merged from spelling variants may each carry their own.
        let subject = finding
            .claims
            .first()
            .and_then(|first| {
                analysis
                    .groups
                    .iter()
                    .find(|g| g.property == finding.property && g.claims.contains(first))
            })
            .map(|g| g.subject_key.clone())
            .or_else(|| {
                claims
                    .iter()
                    .filter_map(|c| c.subject.as_ref().map(|s| s.key.clone()))
                    .min()
            })
            .unwrap_or_else(|| finding.subject.to_lowercase());
        let values: BTreeSet<String> = claims.iter().map(|c| value_key(&c.value)).collect();
        Key {
            code: finding.code.clone(),
            subject,
            property: finding.property.clone(),
            values: values.into_iter().collect(),
        }
    }

    /// A stable hash of the key (FNV-1a, 64 bits, hexadecimal): SARIF's partial fingerprint.
    pub fn fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |s: &str| {
            for b in s.bytes().chain(std::iter::once(0x1f)) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        eat(&self.code);
        eat(&self.subject);
        eat(&self.property);
        for v in &self.values {
            eat(v);
        }
        format!("{hash:016x}")
    }
}

impl std::fmt::Display for Key {
    /// `crosscheck::conflict::quantity nasams count [2 count, 6 count]`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {} [{}]",
            self.code,
            self.subject,
            self.property,
            self.values.join(", ")
        )
    }
}

/// A value as a short canonical string, independent of the wording that stated it.
pub fn value_key(value: &Value) -> String {
    fn number(x: f64) -> String {
        // `{}` prints integers without a fraction and keeps every digit of the rest.
        format!("{x}")
    }
    match value {
        Value::Quantity {
            low, high, unit, ..
        } => match (low, high) {
            (Some(l), Some(h)) if l == h => format!("{} {unit}", number(*l)),
            _ => format!(
                "{}..{} {unit}",
                low.map(number).unwrap_or_default(),
                high.map(number).unwrap_or_default()
            ),
        },
        Value::Date(d) => {
            let part = |v: Option<String>| v.unwrap_or_else(|| "?".to_string());
            format!(
                "{}-{}-{}",
                part(d.year.map(|y| y.to_string())),
                part(d.month.map(|m| format!("{m:02}"))),
                part(d.day.map(|m| format!("{m:02}")))
            )
        }
        Value::Role { title, .. } => format!("title: {title}"),
        Value::Quote { speaker, .. } => format!("said by: {speaker}"),
        Value::Place { city, region } => {
            format!("place: {city}, {}", region.as_deref().unwrap_or("?"))
        }
    }
}

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    /// Sorted, each once.
    pub findings: Vec<Key>,
}

impl Baseline {
    /// The baseline of the findings of `analysis` that `record` selects.
    pub fn record(analysis: &Analysis, record: impl Fn(&Finding) -> bool) -> Baseline {
        let keys: BTreeSet<Key> = analysis
            .findings
            .iter()
            .filter(|f| record(f))
            .map(|f| Key::of(analysis, f))
            .collect();
        Baseline {
            version: VERSION,
            findings: keys.into_iter().collect(),
        }
    }

    /// Reads a baseline file's text; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Baseline, BaselineError> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| {
            let offset = offset_of(text, e.line(), e.column());
            let message = e.to_string();
            let site = crate::text::error_site(
                path,
                text,
                &message,
                (e.line() > 0).then_some(offset..offset),
            );
            BaselineError::Invalid {
                path: path.to_string(),
                message,
                src: site.src,
                span: site.span,
            }
        })?;
        if baseline.version != VERSION {
            return Err(BaselineError::Version {
                path: path.to_string(),
                found: baseline.version,
            });
        }
        Ok(baseline)
    }

    /// The file's text: pretty JSON, one key a few lines, ending with a newline.
    pub fn render(&self) -> String {
        let mut out =
            serde_json::to_string_pretty(self).expect("baseline keys are strings and serialise");
        out.push('\n');
        out
    }

    /// Which findings of `analysis` the baseline records, and which entries match nothing.
    pub fn matches(&self, analysis: &Analysis) -> Matches {
        let recorded: BTreeSet<&Key> = self.findings.iter().collect();
        let mut used: BTreeSet<&Key> = BTreeSet::new();
        let mut known = BTreeSet::new();
        for (i, finding) in analysis.findings.iter().enumerate() {
            let key = Key::of(analysis, finding);
            if let Some(entry) = recorded.get(&key) {
                used.insert(entry);
                known.insert(i);
            }
        }
        let stale = self
            .findings
            .iter()
            .filter(|k| !used.contains(k))
            .cloned()
            .collect();
        Matches { known, stale }
    }
}

/// What a baseline made of an analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// Indices into `analysis.findings` of the findings the baseline records.
    pub known: BTreeSet<usize>,
    /// Entries that match no finding.
    pub stale: Vec<Key>,
}

impl Matches {
    /// A warning for each stale entry, naming the baseline file.
    pub fn stale_warnings(&self, path: &str) -> Vec<Warning> {
        self.stale
            .iter()
            .map(|key| Warning {
                path: path.to_string(),
                message: format!(
                    "stale baseline entry (crosscheck::baseline::stale): {key} matches no finding; rewrite the baseline with --write-baseline"
                ),
            })
            .collect()
    }
}

/// A baseline file that could not be used.
#[derive(Debug, Error, Diagnostic)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {message}")]
    #[diagnostic(
        code(crosscheck::baseline::unreadable),
        help("write one with `crosscheck check --write-baseline FILE ...`")
    )]
    Unreadable { path: String, message: String },

    #[error("invalid baseline {path}: {message}")]
    #[diagnostic(
        code(crosscheck::baseline::invalid),
        help(
            "a baseline is {{\"version\": 1, \"findings\": [{{\"code\", \"subject\", \"property\", \"values\"}}]}}; rewrite it with --write-baseline"
        )
    )]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        src: crate::text::Excerpt,
        #[label("here")]
        span: Option<SourceSpan>,
    },

    #[error("baseline {path} has version {found}; this crosscheck reads version {VERSION}")]
    #[diagnostic(
        code(crosscheck::baseline::invalid),
        help("rewrite it with --write-baseline")
    )]
    Version { path: String, found: u32 },
}

/// The byte offset of a 1-based line and column (serde_json counts columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let offset = (line_start + column.saturating_sub(1)).min(text.len());
    // Back to a character boundary, for miette.
    (0..=offset)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimGroup, ClaimKind, DateValue};
    use crate::report::fixture;

    fn with_group(mut analysis: Analysis) -> Analysis {
        analysis.groups = vec![ClaimGroup {
            kind: ClaimKind::Quantity,
            subject: "NASAMS".into(),
            subject_key: "nasams".into(),
            property: "count".into(),
            increment: false,
            claims: vec![0, 1, 2],
            merges: Vec::new(),
        }];
        analysis
    }

    #[test]
    fn a_key_is_code_subject_property_and_sorted_values() {
        let analysis = with_group(fixture::analysis());
        let key = Key::of(&analysis, &analysis.findings[0]);
        assert_eq!(
            key,
            Key {
                code: "crosscheck::conflict::quantity".into(),
                subject: "nasams".into(),
                property: "count".into(),
                values: vec!["2 count".into(), "6 count".into()],
            }
        );
        assert_eq!(
            key.to_string(),
            "crosscheck::conflict::quantity nasams count [2 count, 6 count]"
        );
    }

    #[test]
    fn a_key_does_not_change_when_the_text_moves() {
        let analysis = with_group(fixture::analysis());
        let before = Key::of(&analysis, &analysis.findings[0]);
        let mut moved = analysis.clone();
        moved.claims[1].span.start += 100;
        moved.claims[1].span.line += 7;
        moved.documents[1].path = "renamed/b.txt".into();
        assert_eq!(Key::of(&moved, &moved.findings[0]), before);
        assert_eq!(
            Key::of(&moved, &moved.findings[0]).fingerprint(),
            before.fingerprint()
        );
        let mut changed = analysis.clone();
        changed.claims[1].value = fixture::count(7.0);
        assert_ne!(Key::of(&changed, &changed.findings[0]), before);
    }

    #[test]
    fn values_read_the_same_whatever_the_wording() {
        let open = Value::Quantity {
            low: Some(40.0),
            high: None,
            unit: "count".into(),
            approximate: false,
        };
        assert_eq!(value_key(&open), "40.. count");
        let band = Value::Quantity {
            low: Some(1.5),
            high: Some(2.25),
            unit: "USD".into(),
            approximate: true,
        };
        assert_eq!(value_key(&band), "1.5..2.25 USD");
        let date = Value::Date(DateValue::new(Some(2022), Some(2), None));
        assert_eq!(value_key(&date), "2022-02-?");
        let role = Value::Role {
            person: "Mark Milley".into(),
            title: "Supreme General".into(),
        };
        assert_eq!(value_key(&role), "title: Supreme General");
    }

    #[test]
    fn a_recorded_baseline_knows_its_findings_and_reports_stale_entries() {
        let analysis = with_group(fixture::analysis());
        let baseline =
            Baseline::record(&analysis, |f| f.kind == crate::model::FindingKind::Conflict);
        assert_eq!(baseline.findings.len(), 1);
        let text = baseline.render();
        let read = Baseline::parse("b.json", &text).expect("a written baseline reads back");
        assert_eq!(read, baseline);
        let m = read.matches(&analysis);
        assert_eq!(m.known.into_iter().collect::<Vec<_>>(), [0]);
        assert!(m.stale.is_empty());

        let mut fixed = analysis.clone();
        fixed.claims[1].value = fixture::count(2.0);
        let m = read.matches(&fixed);
        assert!(m.known.is_empty());
        assert_eq!(m.stale.len(), 1);
        let warnings = m.stale_warnings("b.json");
        assert!(
            warnings[0].message.contains("stale baseline entry"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_bad_baseline_points_at_the_line() {
        let text = "{\n  \"version\": 1,\n  \"findings\": [{\"code\": \"x\", \"line\": 3}]\n}\n";
        let err = Baseline::parse("b.json", text).expect_err("unknown field");
        match &err {
            BaselineError::Invalid { message, span, .. } => {
                assert!(message.contains("unknown field `line`"), "{message}");
                let at = span.expect("a span").offset();
                assert_eq!(text[..at].lines().count(), 3, "on line 3");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        let err = Baseline::parse("b.json", "{\"version\": 9, \"findings\": []}")
            .expect_err("a future version");
        assert!(matches!(err, BaselineError::Version { found: 9, .. }));
    }
}
