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
//! A verdicts file ([`Verdicts`], exported by the HTML page) is read as a baseline too: the
//! findings a reviewer called false alarms or accepted are known, those called real are not.
//!
//! Pure functions: the binary reads and writes the file.

use std::collections::{BTreeSet, HashMap, HashSet};

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
        // The group the finding was judged on holds the subject key the claims were aligned
        // on; claims merged from spelling variants may each carry their own.
        let group = finding.claims.first().and_then(|first| {
            analysis
                .groups
                .iter()
                .find(|g| g.property == finding.property && g.claims.contains(first))
        });
        Key::with_group(analysis, finding, group.map(|g| g.subject_key.as_str()))
    }

    /// The key of every finding of an analysis, in order: the same as [`Key::of`] on each, in
    /// time linear in the claims (a finding's group is looked up, not searched for).
    pub fn all(analysis: &Analysis) -> Vec<Key> {
        // For each claim, the groups that hold it, in the order of `analysis.groups`: the
        // first of them with the finding's property is the one `Key::of` finds.
        let mut holding: HashMap<usize, Vec<usize>> = HashMap::new();
        let firsts: HashSet<usize> = analysis
            .findings
            .iter()
            .filter_map(|f| f.claims.first().copied())
            .collect();
        for (g, group) in analysis.groups.iter().enumerate() {
            for &c in group.claims.iter().filter(|c| firsts.contains(c)) {
                let groups = holding.entry(c).or_default();
                if groups.last() != Some(&g) {
                    groups.push(g);
                }
            }
        }
        analysis
            .findings
            .iter()
            .map(|finding| {
                let group = finding.claims.first().and_then(|first| {
                    holding.get(first).and_then(|groups| {
                        groups
                            .iter()
                            .filter_map(|&g| analysis.groups.get(g))
                            .find(|g| g.property == finding.property)
                    })
                });
                Key::with_group(analysis, finding, group.map(|g| g.subject_key.as_str()))
            })
            .collect()
    }

    /// The key of a finding whose group's subject key is `grouped` (when it has a group).
    fn with_group(analysis: &Analysis, finding: &Finding, grouped: Option<&str>) -> Key {
        let claims: Vec<_> = finding
            .claims
            .iter()
            .filter_map(|&i| analysis.claims.get(i))
            .collect();
        let subject = grouped
            .map(str::to_string)
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
        // An approximate figure keys by the band it allows (what comparison reads), so that
        // keys recorded before the stated figure was kept beside it still match.
        Value::Quantity {
            low,
            high,
            unit,
            band,
            ..
        } => match band.map_or((*low, *high), |b| (b.low, b.high)) {
            (Some(l), Some(h)) if l == h => format!("{} {unit}", number(l)),
            (low, high) => format!(
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
    /// Read from a verdicts file (the findings a reviewer called false alarms or accepted),
    /// not written by `--write-baseline`: stale entries are worded for it.
    #[serde(skip)]
    pub from_verdicts: bool,
}

impl Baseline {
    /// The baseline of the findings of `analysis` that `record` selects.
    pub fn record(analysis: &Analysis, record: impl Fn(&Finding) -> bool) -> Baseline {
        let keys: BTreeSet<Key> = analysis
            .findings
            .iter()
            .zip(Key::all(analysis))
            .filter(|(f, _)| record(f))
            .map(|(_, key)| key)
            .collect();
        Baseline {
            version: VERSION,
            findings: keys.into_iter().collect(),
            from_verdicts: false,
        }
    }

    /// Reads a baseline file's text, or a verdicts file's ([`Verdicts`]: its false alarms and
    /// accepted findings are the known ones); `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Baseline, BaselineError> {
        if Verdicts::is_verdicts(text) {
            return Verdicts::parse(path, text).map(|v| v.known());
        }
        let baseline: Baseline =
            serde_json::from_str(text).map_err(|e| invalid_json(path, text, &e))?;
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
        for (i, key) in Key::all(analysis).into_iter().enumerate() {
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
        Matches {
            known,
            stale,
            from_verdicts: self.from_verdicts,
        }
    }
}

/// What a baseline made of an analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// Indices into `analysis.findings` of the findings the baseline records.
    pub known: BTreeSet<usize>,
    /// Entries that match no finding.
    pub stale: Vec<Key>,
    /// The entries are verdicts (see [`Baseline::from_verdicts`]).
    pub from_verdicts: bool,
}

impl Matches {
    /// A warning for each stale entry, naming the baseline file.
    pub fn stale_warnings(&self, path: &str) -> Vec<Warning> {
        self.stale
            .iter()
            .map(|key| Warning {
                path: path.to_string(),
                message: if self.from_verdicts {
                    format!(
                        "stale verdict (crosscheck::baseline::stale): {key} matches no finding; the finding is gone or its values changed, so the verdict can be dropped"
                    )
                } else {
                    format!(
                        "stale baseline entry (crosscheck::baseline::stale): {key} matches no finding; rewrite the baseline with --write-baseline"
                    )
                },
            })
            .collect()
    }
}

/// The version of the verdicts file format.
pub const VERDICTS_VERSION: u32 = 1;

/// What a reviewer concluded about a finding on the HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Judgement {
    /// The sources really disagree: the finding stays and fails the gate as before.
    Real,
    /// The finding is wrong (claims that are not about the same thing, a misread figure):
    /// known from now on.
    FalseAlarm,
    /// Real but accepted ("known, accept"): known from now on.
    Accepted,
}

impl Judgement {
    /// As the page shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Judgement::Real => "real",
            Judgement::FalseAlarm => "false alarm",
            Judgement::Accepted => "known, accept",
        }
    }

    /// As the file spells it.
    pub fn code(self) -> &'static str {
        match self {
            Judgement::Real => "real",
            Judgement::FalseAlarm => "false-alarm",
            Judgement::Accepted => "accepted",
        }
    }

    /// Whether a finding so judged is known (does not fail the gate).
    pub fn is_known(self) -> bool {
        !matches!(self, Judgement::Real)
    }
}

/// One reviewer's verdict on one finding, keyed as baselines are (never by line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    pub code: String,
    pub subject: String,
    pub property: String,
    pub values: Vec<String>,
    pub verdict: Judgement,
    /// Why, in the reviewer's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// How the finding read when it was judged ("bridge injured: 2 and 6 do not overlap"),
    /// for people reading the file; not part of the key.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub finding: String,
}

impl Verdict {
    /// The baseline key the verdict is about.
    pub fn key(&self) -> Key {
        Key {
            code: self.code.clone(),
            subject: self.subject.clone(),
            property: self.property.clone(),
            values: self.values.clone(),
        }
    }
}

/// A verdicts file, as the HTML page exports it:
///
/// ```json
/// {"version": 1, "verdicts": [{"code": "crosscheck::conflict::quantity", "subject": "bridge",
///   "property": "injured", "values": ["2 count", "6 count"], "verdict": "false-alarm",
///   "note": "the second report counts the driver"}]}
/// ```
///
/// `verdict` is `real`, `false-alarm` or `accepted`. When a key is judged twice the later
/// verdict holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdicts {
    pub version: u32,
    pub verdicts: Vec<Verdict>,
}

impl Verdicts {
    /// Whether a file's text is a verdicts file rather than a baseline (a JSON object with a
    /// `verdicts` member).
    pub fn is_verdicts(text: &str) -> bool {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .is_some_and(|v| v.get("verdicts").is_some())
    }

    /// Reads a verdicts file's text; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Verdicts, BaselineError> {
        let verdicts: Verdicts =
            serde_json::from_str(text).map_err(|e| invalid_json(path, text, &e))?;
        if verdicts.version != VERDICTS_VERSION {
            return Err(BaselineError::Version {
                path: path.to_string(),
                found: verdicts.version,
            });
        }
        Ok(verdicts)
    }

    /// The verdict in force for each key: the last one given.
    pub fn by_key(&self) -> HashMap<Key, &Verdict> {
        self.verdicts.iter().map(|v| (v.key(), v)).collect()
    }

    /// The findings a reviewer called false alarms or accepted, as a baseline.
    pub fn known(&self) -> Baseline {
        let keys: BTreeSet<Key> = self
            .by_key()
            .into_iter()
            .filter(|(_, v)| v.verdict.is_known())
            .map(|(k, _)| k)
            .collect();
        Baseline {
            version: VERSION,
            findings: keys.into_iter().collect(),
            from_verdicts: true,
        }
    }

    /// `crosscheck review FILE`: the counts, then each verdict in force (false alarms, then
    /// accepted, then real), its key and its note.
    pub fn listing(&self, path: &str) -> String {
        let by_key = self.by_key();
        let mut in_force: Vec<(&Key, &&Verdict)> = by_key.iter().collect();
        in_force.sort_by(|a, b| {
            let rank = |j: Judgement| match j {
                Judgement::FalseAlarm => 0,
                Judgement::Accepted => 1,
                Judgement::Real => 2,
            };
            rank(a.1.verdict)
                .cmp(&rank(b.1.verdict))
                .then_with(|| a.0.cmp(b.0))
        });
        let count = |j: Judgement| in_force.iter().filter(|(_, v)| v.verdict == j).count();
        let known = count(Judgement::FalseAlarm) + count(Judgement::Accepted);
        let mut out = format!(
            "{path}: {} ({} false alarm, {} known, accept, {} real); {known} known to `check --baseline {path}`\n",
            if in_force.len() == 1 {
                "1 verdict".to_string()
            } else {
                format!("{} verdicts", in_force.len())
            },
            count(Judgement::FalseAlarm),
            count(Judgement::Accepted),
            count(Judgement::Real),
        );
        for (key, verdict) in in_force {
            out.push_str(&format!("\n{:<14} {key}\n", verdict.verdict.as_str()));
            if !verdict.finding.is_empty() {
                out.push_str(&format!(
                    "{:14} finding: {}\n",
                    "",
                    one_line(&verdict.finding)
                ));
            }
            if !verdict.note.is_empty() {
                out.push_str(&format!("{:14} note: {}\n", "", one_line(&verdict.note)));
            }
        }
        out
    }
}

/// Text from a file on one line of a listing: control characters and line breaks as spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
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

/// A baseline or verdicts file that is not the JSON it should be, pointed at where the parser
/// stopped.
fn invalid_json(path: &str, text: &str, e: &serde_json::Error) -> BaselineError {
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
            band: None,
        };
        assert_eq!(value_key(&open), "40.. count");
        // An approximate figure keys by the band it allows, as before the stated figure was
        // kept beside it, so that a recorded baseline still knows the finding.
        let band = Value::Quantity {
            low: Some(2.0),
            high: Some(2.0),
            unit: "USD".into(),
            approximate: true,
            band: Some(crate::model::Interval {
                low: Some(1.5),
                high: Some(2.25),
            }),
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

    #[test]
    fn a_verdicts_file_reads_as_a_baseline_of_its_false_alarms_and_accepted_findings() {
        let analysis = with_group(fixture::analysis());
        let key = Key::of(&analysis, &analysis.findings[0]);
        let entry = |verdict: &str| {
            format!(
                "{{\"code\": \"{}\", \"subject\": \"{}\", \"property\": \"{}\", \"values\": {:?}, \"verdict\": \"{verdict}\"}}",
                key.code, key.subject, key.property, key.values
            )
        };
        for (verdict, known) in [("false-alarm", true), ("accepted", true), ("real", false)] {
            let text = format!("{{\"version\": 1, \"verdicts\": [{}]}}", entry(verdict));
            let baseline = Baseline::parse("v.json", &text).expect("a verdicts file");
            assert!(baseline.from_verdicts);
            let m = baseline.matches(&analysis);
            assert_eq!(m.known.contains(&0), known, "{verdict}");
            assert!(m.stale.is_empty());
        }
        // Judged twice: the later verdict holds.
        let text = format!(
            "{{\"version\": 1, \"verdicts\": [{}, {}]}}",
            entry("accepted"),
            entry("real")
        );
        let baseline = Baseline::parse("v.json", &text).expect("a verdicts file");
        assert!(baseline.findings.is_empty(), "{baseline:?}");
        // A stale verdict is worded as one.
        let mut gone = analysis.clone();
        gone.claims[1].value = fixture::count(3.0);
        let text = format!("{{\"version\": 1, \"verdicts\": [{}]}}", entry("accepted"));
        let m = Baseline::parse("v.json", &text)
            .expect("a verdicts file")
            .matches(&gone);
        assert!(
            m.stale_warnings("v.json")[0]
                .message
                .starts_with("stale verdict")
        );
        let err = Verdicts::parse("v.json", "{\"version\": 2, \"verdicts\": []}")
            .expect_err("a future version");
        assert!(matches!(err, BaselineError::Version { found: 2, .. }));
    }

    #[test]
    fn every_key_at_once_is_each_key_alone() {
        let mut analysis = with_group(fixture::analysis());
        // A second group holding the same first claim under another property, and a finding
        // whose claims are in no group.
        analysis.groups.push(ClaimGroup {
            property: "range".into(),
            subject_key: "other".into(),
            ..analysis.groups[0].clone()
        });
        let mut orphan = analysis.findings[0].clone();
        orphan.claims = vec![9];
        analysis.findings.push(orphan);
        let one_by_one: Vec<Key> = analysis
            .findings
            .iter()
            .map(|f| Key::of(&analysis, f))
            .collect();
        assert_eq!(Key::all(&analysis), one_by_one);
    }
}
