//! Configuration: `crosscheck.toml`, found by walking up from the current folder (or given with
//! `--config`), merged with the command line in one place ([`Settings::merge`]).
//!
//! Layers, later winning: the defaults, the file, the flags. Lists of globs add up (`exclude`
//! from the file and from `--exclude`); every other setting from a flag replaces the file's.
//! Paths in the file (`rules`, `baseline`) are relative to the file's folder. The file is read
//! with `deny_unknown_fields`: a typo is an error that points at the line.
//!
//! ```toml
//! rules = "rules"                 # a folder of rules files (or a list) on top of the built-in ones
//! include = ["*.md", "*.txt"]     # files read in folders (default: .txt, .md, .markdown)
//! exclude = ["drafts", "archive/**"]
//! force-exclude = false           # apply exclude to files named on the command line too
//! respect-gitignore = true
//! group-by = "folder"             # all | folder
//! fail-on = "conflict"            # conflict | update | agreement | never
//! format = "human"
//! show-agreements = false
//! baseline = "crosscheck-baseline.json"
//! max-document-size = "64M"       # larger documents are skipped with a warning
//!
//! [thresholds]                    # as in rules/thresholds.toml
//! band = 0.1
//! ```
//!
//! Reading the file is the one I/O here, like [`crate::rules::Rules::load`].

use std::path::{Path, PathBuf};

use miette::{Diagnostic, SourceSpan};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::GroupBy;
use crate::model::FindingKind;
use crate::report::Format;
use crate::rules::Rules;

/// The name of the configuration file.
pub const FILE_NAME: &str = "crosscheck.toml";

/// What makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum FailOn {
    /// Any conflict not in the baseline: any finding of severity `error`.
    #[default]
    #[serde(alias = "error")]
    #[cfg_attr(feature = "cli", value(alias = "error"))]
    Conflict,
    /// Conflicts and updates (a later report revising an evolving figure): severity `warning`
    /// and above.
    #[serde(alias = "warning")]
    #[cfg_attr(feature = "cli", value(alias = "warning"))]
    Update,
    /// Any finding not in the baseline, agreements (severity `note`) included.
    #[serde(alias = "note")]
    #[cfg_attr(feature = "cli", value(alias = "note"))]
    Agreement,
    /// Nothing: exit 0 unless an error stops an input.
    Never,
}

impl FailOn {
    /// Whether a finding of this kind (not in the baseline) fails the run. A kind has one
    /// severity ([`crate::model::Severity::of`]), so `error`, `warning` and `note` name the
    /// same thresholds as `conflict`, `update` and `agreement`.
    pub fn fails(self, kind: FindingKind) -> bool {
        match self {
            FailOn::Conflict => kind == FindingKind::Conflict,
            FailOn::Update => matches!(kind, FindingKind::Conflict | FindingKind::Update),
            FailOn::Agreement => true,
            FailOn::Never => false,
        }
    }

    /// Whether `--write-baseline` records a finding of this kind: whatever could fail the run
    /// (conflicts and updates always, so that `never` still writes a useful baseline).
    pub fn records(self, kind: FindingKind) -> bool {
        kind != FindingKind::Agreement || self.fails(kind)
    }
}

/// Which documents are compared with which, as written in the file and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Grouping {
    #[default]
    All,
    Folder,
}

impl From<Grouping> for GroupBy {
    fn from(g: Grouping) -> Self {
        match g {
            Grouping::All => GroupBy::All,
            Grouping::Folder => GroupBy::Folder,
        }
    }
}

/// Thresholds that override the rules' (`[thresholds]` in `rules/thresholds.toml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ThresholdSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fuzzy_min_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub antecedent_sentences: Option<usize>,
}

/// A size in bytes, as a file or a flag writes it: a number of bytes (`1048576`) or a number
/// and a unit (`64M`, `64 MiB`, `512k`, `1G`; units are powers of 1024).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl std::str::FromStr for ByteSize {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (number, unit) = t.split_at(digits);
        let number: u64 = number
            .parse()
            .map_err(|_| format!("`{s}` is not a size (a number of bytes, or 64M, 1G)"))?;
        let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
            "" | "b" => 1,
            "k" | "kb" | "kib" => 1 << 10,
            "m" | "mb" | "mib" => 1 << 20,
            "g" | "gb" | "gib" => 1 << 30,
            _ => return Err(format!("`{s}`: unknown unit (B, K, M or G)")),
        };
        match number.checked_mul(scale) {
            None => Err(format!("`{s}` is too large")),
            Some(0) => Err(format!("`{s}`: a size must be above 0")),
            Some(n) => Ok(ByteSize(n)),
        }
    }
}

/// The most threads `-j` takes: more than any machine this runs on has cores, and few enough
/// that each thread's stack and buffers stay small.
pub const MAX_JOBS: usize = 256;

/// The one check of a thread count (`-j`).
pub fn check_jobs(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        _ => Err(format!(
            "`{text}`: the number of threads must be between 1 and {MAX_JOBS}"
        )),
    }
}

impl std::fmt::Display for ByteSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            &crate::ingest::show_size(self.0)
                .replace(" bytes", "")
                .replace(' ', ""),
        )
    }
}

impl Serialize for ByteSize {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bytes(u64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Bytes(n) => Ok(ByteSize(n)),
            Raw::Text(t) => t.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// Rules folders as a file writes them: one (`rules = "rules"`) or several
/// (`rules = ["rules", "../shared-rules"]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RulesDirs {
    One(PathBuf),
    Many(Vec<PathBuf>),
}

impl RulesDirs {
    pub fn into_vec(self) -> Vec<PathBuf> {
        match self {
            RulesDirs::One(p) => vec![p],
            RulesDirs::Many(v) => v,
        }
    }
}

/// One layer of settings: what a file or the command line sets (`None`: not set there).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Layer {
    pub rules: Option<RulesDirs>,
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub force_exclude: Option<bool>,
    pub respect_gitignore: Option<bool>,
    pub group_by: Option<Grouping>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
    pub show_agreements: Option<bool>,
    pub baseline: Option<PathBuf>,
    pub max_document_size: Option<ByteSize>,
    pub thresholds: Option<ThresholdSettings>,
}

/// The settings in effect: every layer merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Settings {
    /// The configuration file read, if any (printed as a comment by `--dump-config`).
    #[serde(skip)]
    pub file: Option<PathBuf>,
    pub format: Format,
    pub fail_on: FailOn,
    pub group_by: Grouping,
    pub show_agreements: bool,
    /// Rules folders on top of the built-in rules, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<PathBuf>,
    /// Empty: the text extensions (`.txt`, `.md`, `.markdown`).
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub force_exclude: bool,
    pub respect_gitignore: bool,
    /// Documents larger than this are skipped with a warning.
    pub max_document_size: ByteSize,
    pub thresholds: ThresholdSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::merge(None, Layer::default())
    }
}

impl Settings {
    /// Merges the defaults, the file (with its path, for relative paths) and the flags.
    pub fn merge(file: Option<(PathBuf, Layer)>, flags: Layer) -> Settings {
        let (path, file) = match file {
            Some((path, layer)) => (Some(path), layer),
            None => (None, Layer::default()),
        };
        let base = path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let relative = |p: PathBuf| if p.is_absolute() { p } else { base.join(p) };
        let mut exclude = file.exclude.unwrap_or_default();
        exclude.extend(flags.exclude.unwrap_or_default());
        let thresholds = {
            let f = file.thresholds.unwrap_or_default();
            let c = flags.thresholds.unwrap_or_default();
            ThresholdSettings {
                band: c.band.or(f.band),
                subject_similarity: c.subject_similarity.or(f.subject_similarity),
                name_similarity: c.name_similarity.or(f.name_similarity),
                fuzzy_min_length: c.fuzzy_min_length.or(f.fuzzy_min_length),
                antecedent_sentences: c.antecedent_sentences.or(f.antecedent_sentences),
            }
        };
        Settings {
            file: path.clone(),
            format: flags.format.or(file.format).unwrap_or_default(),
            fail_on: flags.fail_on.or(file.fail_on).unwrap_or_default(),
            group_by: flags.group_by.or(file.group_by).unwrap_or_default(),
            show_agreements: flags
                .show_agreements
                .or(file.show_agreements)
                .unwrap_or(false),
            rules: match flags.rules {
                Some(dirs) => dirs.into_vec(),
                None => file
                    .rules
                    .map(RulesDirs::into_vec)
                    .unwrap_or_default()
                    .into_iter()
                    .map(relative)
                    .collect(),
            },
            baseline: flags.baseline.or_else(|| file.baseline.map(relative)),
            include: flags.include.or(file.include).unwrap_or_default(),
            exclude,
            force_exclude: flags.force_exclude.or(file.force_exclude).unwrap_or(false),
            respect_gitignore: flags
                .respect_gitignore
                .or(file.respect_gitignore)
                .unwrap_or(true),
            max_document_size: flags
                .max_document_size
                .or(file.max_document_size)
                .unwrap_or(ByteSize(crate::ingest::DEFAULT_MAX_DOCUMENT_SIZE)),
            thresholds,
        }
    }

    /// Sets the thresholds the settings give on the rules, and records every threshold in
    /// effect in the settings (so `--dump-config` shows them all).
    pub fn apply_thresholds(&mut self, rules: &mut Rules) {
        let t = &mut rules.thresholds;
        let s = &self.thresholds;
        t.band = s.band.unwrap_or(t.band);
        t.subject_similarity = s.subject_similarity.unwrap_or(t.subject_similarity);
        t.name_similarity = s.name_similarity.unwrap_or(t.name_similarity);
        t.fuzzy_min_length = s.fuzzy_min_length.unwrap_or(t.fuzzy_min_length);
        t.antecedent_sentences = s.antecedent_sentences.unwrap_or(t.antecedent_sentences);
        self.thresholds = ThresholdSettings {
            band: Some(t.band),
            subject_similarity: Some(t.subject_similarity),
            name_similarity: Some(t.name_similarity),
            fuzzy_min_length: Some(t.fuzzy_min_length),
            antecedent_sentences: Some(t.antecedent_sentences),
        };
    }

    /// The settings as a configuration file, with a comment naming where they came from.
    pub fn dump(&self) -> String {
        let from = match &self.file {
            Some(path) => format!("# settings from {} and the command line\n", path.display()),
            None => "# settings from the defaults and the command line (no crosscheck.toml)\n"
                .to_string(),
        };
        // Plain values, a list of strings and one table of numbers: always serialisable.
        from + &toml::to_string(self).expect("settings serialise to TOML")
    }
}

/// A configuration file that could not be used.
#[derive(Debug, Error, Diagnostic)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {message}")]
    #[diagnostic(code(crosscheck::config::unreadable))]
    Unreadable { path: String, message: String },

    #[error("invalid config file {path}: {message}")]
    #[diagnostic(
        code(crosscheck::config::invalid),
        help(
            "keys: rules, include, exclude, force-exclude, respect-gitignore, group-by, fail-on, format, show-agreements, baseline, max-document-size, [thresholds]"
        )
    )]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        src: crate::text::Excerpt,
        #[label("{label}")]
        span: Option<SourceSpan>,
        label: String,
    },
}

/// The nearest `crosscheck.toml` in `start` or a folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads and parses a configuration file.
pub fn load(path: &Path) -> Result<Layer, ConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Unreadable {
        path: shown.clone(),
        message: e.to_string(),
    })?;
    parse(&shown, &text)
}

/// Parses the text of a configuration file; `path` names it in errors.
/// Values are checked as the rules check them (the same function, the same message), and an
/// error points at the value.
pub fn parse(path: &str, text: &str) -> Result<Layer, ConfigError> {
    let invalid = |message: String, span: Option<std::ops::Range<usize>>| {
        let site = crate::text::error_site(path, text, &message, span);
        ConfigError::Invalid {
            path: path.to_string(),
            message,
            src: site.src,
            span: site.span,
            label: site.label,
        }
    };
    let layer: Layer =
        toml::from_str(text).map_err(|e| invalid(e.message().trim().to_string(), e.span()))?;
    if let Some(t) = &layer.thresholds {
        for (key, value) in [
            ("band", t.band),
            ("subject-similarity", t.subject_similarity),
            ("name-similarity", t.name_similarity),
        ] {
            if let Some(value) = value
                && let Err(message) = crate::rules::check_threshold(key, value)
            {
                let span = crate::rules::locate(text, "thresholds", None, key);
                return Err(invalid(message, span));
            }
        }
    }
    Ok(layer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_and_lists_of_excludes_add_up() {
        let file = parse(
            "crosscheck.toml",
            "fail-on = \"never\"\ngroup-by = \"folder\"\nexclude = [\"drafts\"]\nrules = \"my-rules\"\nformat = \"sarif\"\n[thresholds]\nband = 0.2\n",
        )
        .expect("valid");
        let flags = Layer {
            fail_on: Some(FailOn::Agreement),
            exclude: Some(vec!["*.bak".into()]),
            ..Layer::default()
        };
        let s = Settings::merge(Some((PathBuf::from("corpus/crosscheck.toml"), file)), flags);
        assert_eq!(s.fail_on, FailOn::Agreement, "the flag wins");
        assert_eq!(s.group_by, Grouping::Folder, "the file's, no flag");
        assert_eq!(s.format, Format::Sarif);
        assert_eq!(s.exclude, ["drafts", "*.bak"]);
        assert_eq!(
            s.rules,
            [PathBuf::from("corpus/my-rules")],
            "relative to the file"
        );
        assert_eq!(s.thresholds.band, Some(0.2));
        assert!(s.respect_gitignore, "the default");
        let many = parse("crosscheck.toml", "rules = [\"a\", \"b\"]\n").expect("valid");
        let s = Settings::merge(
            Some((PathBuf::from("c/crosscheck.toml"), many)),
            Layer::default(),
        );
        assert_eq!(
            s.rules,
            [PathBuf::from("c/a"), PathBuf::from("c/b")],
            "several folders, in order"
        );
    }

    #[test]
    fn an_unknown_key_points_at_its_line() {
        let text = "fail-on = \"conflict\"\nexclude-glob = [\"x\"]\n";
        let err = parse("crosscheck.toml", text).expect_err("unknown key");
        match &err {
            ConfigError::Invalid { message, span, .. } => {
                assert!(
                    message.contains("unknown field `exclude-glob`"),
                    "{message}"
                );
                let at = span.expect("a span").offset();
                assert_eq!(&text[at..at + 12], "exclude-glob");
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
        let code = err.code().map(|c| c.to_string());
        assert_eq!(code.as_deref(), Some("crosscheck::config::invalid"));
    }

    #[test]
    fn a_bad_value_is_an_error_too() {
        let err = parse("c.toml", "fail-on = \"sometimes\"\n").expect_err("bad value");
        assert!(err.to_string().contains("sometimes"), "{err}");
        let err = parse("c.toml", "[thresholds]\nbandwidth = 1\n").expect_err("unknown");
        assert!(err.to_string().contains("bandwidth"), "{err}");
    }

    #[test]
    fn the_dump_reads_back_as_a_config_file() {
        let mut s = Settings::default();
        let mut rules = Rules::builtin().expect("built-in rules");
        s.apply_thresholds(&mut rules);
        let dump = s.dump();
        assert!(dump.starts_with("# settings from the defaults"), "{dump}");
        assert!(dump.contains("fail-on = \"conflict\""), "{dump}");
        assert!(dump.contains("[thresholds]\nband = "), "{dump}");
        let layer = parse("dump.toml", &dump).expect("the dump is a valid config");
        assert_eq!(layer.fail_on, Some(FailOn::Conflict));
    }

    #[test]
    fn fail_on_says_what_fails() {
        use FindingKind::{Agreement, Conflict};
        assert!(FailOn::Conflict.fails(Conflict) && !FailOn::Conflict.fails(Agreement));
        assert!(FailOn::Update.fails(Conflict) && !FailOn::Update.fails(Agreement));
        assert!(FailOn::Agreement.fails(Agreement));
        assert!(!FailOn::Never.fails(Conflict));
        // Severities name the same thresholds.
        let layer = parse("c.toml", "fail-on = \"warning\"\n").expect("an alias");
        assert_eq!(layer.fail_on, Some(FailOn::Update));
        assert!(FailOn::Never.records(Conflict) && !FailOn::Never.records(Agreement));
    }

    #[test]
    fn discovery_walks_up() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("a/b")).expect("mkdir");
        std::fs::write(dir.path().join(FILE_NAME), "").expect("write");
        assert_eq!(
            discover(&dir.path().join("a/b")),
            Some(dir.path().join(FILE_NAME))
        );
    }
}
