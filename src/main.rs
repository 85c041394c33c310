//! The `crosscheck` command: parses arguments, merges them with `crosscheck.toml`, runs the
//! library, renders the result in the format asked for, and maps the outcome to an exit code
//! (0 nothing fails the gate, 1 a finding does, 2 failure). The one place that prints, and the
//! one place that renders errors.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::baseline::{Baseline, BaselineError};
use crosscheck::config::{self, ConfigError, FailOn, Grouping, Layer, RulesDirs, Settings};
use crosscheck::ingest::{Selection, SelectionError};
use crosscheck::model::Warning;
use crosscheck::report::listing::{self, RuleFileText};
use crosscheck::report::{
    Context, Format, codes, github, html, human, json, json_lines, markdown, rdjsonl, sarif,
};
use crosscheck::rules::{Rules, RulesError};
use crosscheck::stream::{ClaimLister, Output, Report, SpillError, Streamer, WriteError};
use crosscheck::{Analysis, suppress};
use miette::{Diagnostic, GraphicalReportHandler};
use thiserror::Error;

/// Extraction allocates a small vector or string per token and per claim on every thread;
/// glibc's allocator spent a sixth of a run in `malloc` and `free` (perf, 20 MB of JSON
/// Lines). mimalloc's thread-local free lists cut that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Cross-reference numeric and factual claims across a corpus of articles.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compare the claims of the documents and report conflicts (and agreements).
    Check(Options),
    /// List every claim extracted from each document, including those without a subject.
    Claims(Options),
    /// Say what a code (`crosscheck::conflict::quantity`, `conflict::date`, ...) means, with an
    /// example. Without a code, list them all.
    Explain {
        #[arg(value_name = "CODE")]
        code: Option<String>,
    },
    /// List the rules files in effect and what each contributes.
    Rules(RulesOptions),
    /// List the verdicts of a review (a file exported from the HTML page): which findings
    /// were judged real, false alarms or accepted, with their notes.
    Review {
        #[arg(value_name = "FILE")]
        verdicts: PathBuf,
    },
}

#[derive(Debug, Args)]
struct Options {
    /// Files and folders to read (folders recursively: .txt, .md, .markdown); `-` reads a list
    /// of paths, one a line, from standard input.
    #[arg(value_name = "PATH", required_unless_present = "dump_config")]
    paths: Vec<PathBuf>,
    /// Output format [default: human, or `format` in crosscheck.toml]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// List agreements in full instead of only counting them.
    #[arg(long)]
    show_agreements: bool,
    /// Compare every document with every other, or only documents in the same folder
    /// [default: all]
    #[arg(long, value_enum)]
    group_by: Option<Grouping>,
    /// A folder of rule files (*.toml) added on top of the built-in rules (repeatable).
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// When to colour human output (`auto`: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// What makes the exit code 1: findings of this kind or severity and above (`conflict`
    /// or `error`, `update` or `warning`, `agreement` or `note`, `never`) [default: conflict]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// A baseline file: the findings it records are reported as known and do not fail the run.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE (then known: the run passes the gate).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Show the verdicts of an earlier review (exported from the HTML page) on the page's
    /// cards (`--format html`).
    #[arg(long, value_name = "FILE")]
    verdicts: Option<PathBuf>,
    /// Read settings from FILE instead of the nearest crosscheck.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read no crosscheck.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Print the settings in effect (file and flags merged) as TOML and exit.
    #[arg(long)]
    dump_config: bool,
    /// Skip files and folders matching GLOB (repeatable; a glob without `/` matches a name
    /// anywhere).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Apply --exclude to paths given on the command line too.
    #[arg(long)]
    force_exclude: bool,
    /// Read files that .gitignore and .ignore files list.
    #[arg(long)]
    no_ignore: bool,
    /// Print no warnings and no summary line (errors are still printed).
    #[arg(long, short)]
    quiet: bool,
    /// Threads to extract with, 1 to 256 (default: one per core). The output is the same for
    /// any number.
    #[arg(long, short, value_name = "N", value_parser = config::check_jobs)]
    jobs: Option<usize>,
    /// Skip documents larger than SIZE (bytes, or with a unit: 64M, 1G) with a warning
    /// [default: 64M, or `max-document-size` in crosscheck.toml]
    #[arg(long, value_name = "SIZE")]
    max_document_size: Option<config::ByteSize>,
}

#[derive(Debug, Args)]
struct RulesOptions {
    /// A folder of rule files (*.toml) added on top of the built-in rules (repeatable).
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Read settings from FILE instead of the nearest crosscheck.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read no crosscheck.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// When to colour error messages.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour output written to a stream that is (or is not) a terminal.
    fn enabled(self, terminal: bool) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn handler(self, terminal: bool) -> GraphicalReportHandler {
        if self.enabled(terminal) {
            human::colour_handler()
        } else {
            human::plain_handler()
        }
    }
}

/// More documents than this make a run long enough for a progress indicator.
const LONG_RUN: usize = 200;

/// An input read with trouble, shown on stderr.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}: {message}")]
#[diagnostic(code(crosscheck::input::warning), severity(Warning))]
struct InputWarning {
    path: String,
    message: String,
}

/// What stops a run before any report.
#[derive(Debug, Error, Diagnostic)]
enum Failure {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(RulesError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(ConfigError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Selection(SelectionError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Baseline(BaselineError),
    #[error("cannot read the list of paths from standard input: {0}")]
    #[diagnostic(code(crosscheck::input::stdin))]
    Stdin(io::Error),
    #[error("`claims` prints human, json or json-lines, not {0}")]
    #[diagnostic(code(crosscheck::usage))]
    ClaimsFormat(String),
    #[error("unknown code `{0}`")]
    #[diagnostic(code(crosscheck::usage), help("`crosscheck explain` lists every code"))]
    UnknownCode(String),
    #[error("cannot write the report: {0}")]
    #[diagnostic(code(crosscheck::output))]
    Output(io::Error),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Spill(SpillError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Claims(crosscheck::spill::SpillError),
    #[error("cannot write {path}: {error}")]
    #[diagnostic(code(crosscheck::output))]
    Write { path: String, error: io::Error },
}

impl Failure {
    fn boxed(self) -> Box<Failure> {
        Box::new(self)
    }
}

fn main() -> ExitCode {
    // Usage errors exit 2 from clap itself; `--help` and `--version` exit 0.
    let cli = Cli::parse();
    let color = match &cli.command {
        Command::Check(o) | Command::Claims(o) => o.color,
        Command::Rules(o) => o.color,
        Command::Explain { .. } | Command::Review { .. } => Color::Auto,
    };
    let stderr_handler = color.handler(io::stderr().is_terminal());
    let outcome = match &cli.command {
        Command::Check(options) => run(options, true, &stderr_handler),
        Command::Claims(options) => run(options, false, &stderr_handler),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Rules(options) => list_rules(options),
        Command::Review { verdicts } => review(verdicts),
    };
    match outcome {
        Ok(code) => code,
        Err(failure) => match *failure {
            Failure::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            failure => {
                print_diagnostic(&failure, &stderr_handler);
                ExitCode::from(2)
            }
        },
    }
}

/// The settings of a run: `crosscheck.toml` (unless `--no-config`) under the flags.
fn settings(
    config: Option<&Path>,
    no_config: bool,
    flags: Layer,
) -> Result<Settings, Box<Failure>> {
    let file = if no_config {
        None
    } else {
        match config {
            Some(path) => Some(path.to_path_buf()),
            None => std::env::current_dir()
                .ok()
                .and_then(|dir| config::discover(&dir)),
        }
    };
    let file = match file {
        Some(path) => {
            let layer = config::load(&path).map_err(|e| Failure::Config(e).boxed())?;
            Some((path, layer))
        }
        None => None,
    };
    Ok(Settings::merge(file, flags))
}

fn flags(options: &Options) -> Layer {
    Layer {
        rules: (!options.rules.is_empty()).then(|| RulesDirs::Many(options.rules.clone())),
        include: None,
        exclude: Some(options.exclude.clone()),
        force_exclude: options.force_exclude.then_some(true),
        respect_gitignore: options.no_ignore.then_some(false),
        group_by: options.group_by,
        fail_on: options.fail_on,
        format: options.format,
        show_agreements: options.show_agreements.then_some(true),
        baseline: options.baseline.clone(),
        max_document_size: options.max_document_size,
        thresholds: None,
    }
}

fn load_rules(settings: &mut Settings) -> Result<Rules, Box<Failure>> {
    let mut rules = Rules::load_all(settings.rules.iter().map(PathBuf::as_path))
        .map_err(|e| Failure::Rules(e).boxed())?;
    settings.apply_thresholds(&mut rules);
    Ok(rules)
}

/// `check` (`gate`: true) or `claims`.
fn run(
    options: &Options,
    gate: bool,
    stderr_handler: &GraphicalReportHandler,
) -> Result<ExitCode, Box<Failure>> {
    let mut settings = settings(options.config.as_deref(), options.no_config, flags(options))?;
    let rules = load_rules(&mut settings)?;
    if options.dump_config {
        write_stdout(&settings.dump())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !gate
        && !matches!(
            settings.format,
            Format::Human | Format::Json | Format::JsonLines
        )
    {
        let name = settings
            .format
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string());
        return Err(Failure::ClaimsFormat(name).boxed());
    }
    let selection = Selection::new(
        &settings.include,
        &settings.exclude,
        settings.force_exclude,
        settings.respect_gitignore,
    )
    .map_err(|e| Failure::Selection(e).boxed())?
    .with_max_document_size(settings.max_document_size.0);
    let meter = std::sync::Arc::new(crosscheck::ingest::ReadMeter::default());
    let selection = selection.with_meter(std::sync::Arc::clone(&meter));
    let baseline = match &settings.baseline {
        Some(path) if gate && options.write_baseline.is_none() => Some(read_baseline(path)?),
        _ => None,
    };

    let paths = expand_stdin(&options.paths)?;
    let progress = Progress::new(
        io::stderr().is_terminal() && !options.quiet,
        std::sync::Arc::clone(&meter),
    );
    let group_by: crosscheck::GroupBy = settings.group_by.into();
    let output = match settings.format {
        Format::Json => Some(Output::Json),
        Format::JsonLines => Some(Output::JsonLines),
        _ => None,
    };
    let show_agreements = settings.show_agreements;
    let streamed = match settings.format {
        Format::Json => Some(Report::Json),
        Format::JsonLines => Some(Report::JsonLines),
        Format::Human => Some(Report::Human {
            colour: options.color.enabled(io::stdout().is_terminal()),
            columns: terminal_columns(),
            show_agreements,
        }),
        // The step summary is the Markdown report, which needs every finding at once.
        Format::Github if std::env::var_os("GITHUB_STEP_SUMMARY").is_none_or(|p| p.is_empty()) => {
            Some(Report::Github { show_agreements })
        }
        Format::Rdjsonl => Some(Report::Rdjsonl { show_agreements }),
        Format::Sarif => Some(Report::Sarif { show_agreements }),
        Format::Markdown => Some(Report::Markdown { show_agreements }),
        Format::Html => Some(Report::Html),
        _ => None,
    };
    // Folder by folder, every report but the step summary needs neither the whole corpus nor
    // all findings in memory (Markdown and the HTML page are put together at the end from
    // what each batch rendered); a baseline (known findings, stale entries) needs every
    // finding at once.
    if let Some(report) = streamed
        && gate
        && group_by == crosscheck::GroupBy::Folder
        && settings.baseline.is_none()
        && options.write_baseline.is_none()
    {
        let verdicts = match report {
            Report::Html => options.verdicts.as_deref().map(read_verdicts).transpose()?,
            _ => None,
        };
        let mut streamer = Streamer::new(&rules, report, options.jobs)
            .map_err(|e| Failure::Spill(e).boxed())?
            .with_verdicts(verdicts.as_ref());
        let corpus = crosscheck::ingest::stream_selected_ahead(
            &paths,
            &selection,
            &mut |n| progress.reading(n),
            &mut |doc| streamer.push(doc),
        );
        progress.stage("comparing the last folders");
        let finished = streamer
            .finish(corpus.warnings, corpus.skipped)
            .map_err(|e| Failure::Spill(e).boxed())?;
        progress.clear();
        for error in &corpus.errors {
            print_diagnostic(error, stderr_handler);
        }
        for warning in &finished.warnings {
            print_warning(warning, stderr_handler, options.quiet);
        }
        let failing = finished.any(|kind| settings.fail_on.fails(kind));
        let summary = finished.summary;
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        finished
            .write(&mut out)
            .map_err(|e| match e {
                WriteError::Spill(e) => Failure::Spill(e).boxed(),
                WriteError::Output(e) => Failure::Output(e).boxed(),
            })
            .and_then(|()| {
                if settings.format == Format::Human && !options.quiet {
                    writeln!(out, "{summary}").map_err(|e| Failure::Output(e).boxed())?;
                }
                out.flush().map_err(|e| Failure::Output(e).boxed())
            })?;
        return Ok(if !corpus.errors.is_empty() {
            ExitCode::from(2)
        } else if failing {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    if !gate && let Some(output) = output {
        // Every claim, written as its batch is extracted.
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        let mut lister = ClaimLister::new(&rules, output, options.jobs, &mut out);
        let corpus = crosscheck::ingest::stream_selected_ahead(
            &paths,
            &selection,
            &mut |n| progress.reading(n),
            &mut |doc| lister.push(doc),
        );
        progress.clear();
        let written = lister.finish();
        for error in &corpus.errors {
            print_diagnostic(error, stderr_handler);
        }
        for warning in &corpus.warnings {
            print_warning(warning, stderr_handler, options.quiet);
        }
        written.map_err(|e| Failure::Output(e).boxed())?;
        return Ok(if corpus.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        });
    }
    let stdout_handler = || options.color.handler(io::stdout().is_terminal());
    // Documents are extracted as they are read, a batch at a time, and their texts let go.
    let mut extractor =
        crosscheck::Extractor::new(&rules, options.jobs).with_meter(std::sync::Arc::clone(&meter));
    if gate && group_by == crosscheck::GroupBy::All {
        // A large corpus's claims are kept on disk and compared a subject at a time.
        let threshold =
            crosscheck::spill::Threshold::from_env().map_err(|e| Failure::Claims(e).boxed())?;
        extractor = extractor.with_spill(threshold);
    }
    let corpus = crosscheck::ingest::stream_selected_ahead(
        &paths,
        &selection,
        &mut |n| progress.reading(n),
        &mut |doc| extractor.push(doc),
    );
    for error in &corpus.errors {
        print_diagnostic(error, stderr_handler);
    }

    if !gate {
        progress.clear();
        for warning in &corpus.warnings {
            print_warning(warning, stderr_handler, options.quiet);
        }
        let (documents, claims, _) = extractor.finish().map_err(|e| Failure::Claims(e).boxed())?;
        let analysis = Analysis {
            documents,
            claims,
            warnings: corpus.warnings,
            ..Analysis::default()
        };
        // The human listing aligns its columns over every claim, so it holds them all.
        let full = human::render_claims(&analysis);
        let report = if options.quiet {
            // The last line is the count of documents and claims.
            let body = full.trim_end_matches('\n');
            body.rfind('\n')
                .map_or_else(String::new, |i| body[..=i].to_string())
        } else {
            full
        };
        write_stdout(&report)?;
        return Ok(if corpus.errors.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        });
    }

    progress.stage("aligning and comparing");
    let mut analysis = extractor
        .check(corpus.warnings, group_by)
        .map_err(|e| Failure::Claims(e).boxed())?;
    progress.clear();
    let suppress::Outcome {
        suppressed,
        mut hidden,
    } = suppress::apply(&mut analysis);

    let mut context = Context {
        skipped: corpus.skipped,
        show_agreements: settings.show_agreements,
        suppressed,
        columns: terminal_columns(),
        ..Context::default()
    };
    if let Some(path) = &options.write_baseline {
        let recorded = Baseline::record(&analysis, |f| settings.fail_on.records(f.kind));
        std::fs::write(path, recorded.render()).map_err(|error| {
            Failure::Write {
                path: path.display().to_string(),
                error,
            }
            .boxed()
        })?;
        context.baseline = true;
        context.known = recorded.matches(&analysis).known;
    } else if let (Some(baseline), Some(path)) = (&baseline, &settings.baseline) {
        let matches = baseline.matches(&analysis);
        analysis
            .warnings
            .extend(matches.stale_warnings(&path.display().to_string()));
        context.baseline = true;
        context.known = matches.known;
    }

    if !matches!(settings.format, Format::Json | Format::JsonLines) {
        // Checked now (a warning for each source that changed), read again as rendered.
        let lost = crosscheck::check_texts(&mut analysis);
        analysis.warnings.extend(lost);
    }
    for warning in &analysis.warnings {
        print_warning(warning, stderr_handler, options.quiet);
    }
    let step_summary = (settings.format == Format::Github)
        .then(|| std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()))
        .flatten();
    if let Some(path) = step_summary {
        append_step_summary(
            Path::new(&path),
            &markdown::render(&analysis, &context),
            stderr_handler,
        );
    }
    // Every format is written as it is rendered, a finding (or a slice of them) at a time.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = match settings.format {
        Format::Human => human::write_findings(&analysis, &context, &stdout_handler(), &mut out)
            .and_then(|()| {
                if options.quiet {
                    Ok(())
                } else {
                    writeln!(out, "{}", context.summary(&analysis))
                }
            }),
        Format::Json => json::write(&analysis, &context, &mut out),
        Format::JsonLines => json_lines::write(&analysis, &context, &mut out),
        Format::Sarif => sarif::write(&analysis, &context, &mut out),
        Format::Github => github::write(&analysis, &context, &mut out),
        Format::Rdjsonl => rdjsonl::write(&analysis, &context, &mut out),
        Format::Markdown => out.write_all(markdown::render(&analysis, &context).as_bytes()),
        Format::Html => {
            // The page shows what comments hid too, marked, after the other findings.
            let shown = analysis.findings.len();
            analysis.findings.append(&mut hidden);
            context.suppressed_from = Some(shown);
            let verdicts = options.verdicts.as_deref().map(read_verdicts).transpose()?;
            let written = html::write_with(&analysis, &context, verdicts.as_ref(), &mut out);
            analysis.findings.truncate(shown);
            context.suppressed_from = None;
            written
        }
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Output(e).boxed())?;
    drop(out);

    let failing = analysis
        .findings
        .iter()
        .enumerate()
        .any(|(i, f)| !context.is_known(i) && settings.fail_on.fails(f.kind));
    Ok(if !corpus.errors.is_empty() {
        ExitCode::from(2)
    } else if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The terminal's width as the shell tells it (`COLUMNS`), which long source lines in human
/// output are cut to fit; `None` when it is not set or not a number.
fn terminal_columns() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
}

fn read_baseline(path: &Path) -> Result<Baseline, Box<Failure>> {
    let (shown, text) = read_baseline_text(path)?;
    Baseline::parse(&shown, &text).map_err(|e| Failure::Baseline(e).boxed())
}

/// A verdicts file exported from the HTML page.
fn read_verdicts(path: &Path) -> Result<crosscheck::baseline::Verdicts, Box<Failure>> {
    let (shown, text) = read_baseline_text(path)?;
    crosscheck::baseline::Verdicts::parse(&shown, &text).map_err(|e| Failure::Baseline(e).boxed())
}

/// The name and text of a baseline or verdicts file.
fn read_baseline_text(path: &Path) -> Result<(String, String), Box<Failure>> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::Baseline(BaselineError::Unreadable {
            path: shown.clone(),
            message: e.to_string(),
        })
        .boxed()
    })?;
    Ok((shown, text))
}

/// `crosscheck review FILE`.
fn review(path: &Path) -> Result<ExitCode, Box<Failure>> {
    let verdicts = read_verdicts(path)?;
    write_stdout(&verdicts.listing(&path.display().to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// The paths given, with `-` replaced by the paths listed on standard input.
fn expand_stdin(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Box<Failure>> {
    let mut out = Vec::with_capacity(paths.len());
    let mut read = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if !read {
                let listed = crosscheck::ingest::read_path_list(io::stdin().lock())
                    .map_err(|e| Failure::Stdin(e).boxed())?;
                out.extend(listed);
                read = true;
            }
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Appends the Markdown report to GitHub's step summary; a failure is a warning, not a reason
/// to lose the gate's verdict.
fn append_step_summary(path: &Path, text: &str, handler: &GraphicalReportHandler) {
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        let warning = Warning {
            path: path.display().to_string(),
            message: format!("cannot append the step summary: {e}"),
        };
        print_warning(&warning, handler, false);
    }
}

/// `crosscheck explain [CODE]`.
fn explain(code: Option<&str>) -> Result<ExitCode, Box<Failure>> {
    let text = match code {
        None => codes::render_index(),
        Some(code) => match codes::explain(code) {
            Some(doc) => codes::render_explain(doc),
            None => return Err(Failure::UnknownCode(code.to_string()).boxed()),
        },
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `crosscheck rules`.
fn list_rules(options: &RulesOptions) -> Result<ExitCode, Box<Failure>> {
    let flags = Layer {
        rules: (!options.rules.is_empty()).then(|| RulesDirs::Many(options.rules.clone())),
        ..Layer::default()
    };
    let mut settings = settings(options.config.as_deref(), options.no_config, flags)?;
    let rules = load_rules(&mut settings)?;
    let files: Vec<RuleFileText> = rules
        .sources
        .iter()
        .map(|source| {
            let text = if source.builtin {
                let name = source.name.trim_start_matches("rules/");
                crosscheck::rules::BUILTIN
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, t)| (*t).to_string())
                    .ok_or_else(|| "not among the built-in files".to_string())
            } else {
                std::fs::read_to_string(&source.name).map_err(|e| e.to_string())
            };
            RuleFileText {
                name: source.name.clone(),
                builtin: source.builtin,
                text,
            }
        })
        .collect();
    write_stdout(&listing::render(&files))?;
    Ok(ExitCode::SUCCESS)
}

fn write_stdout(text: &str) -> Result<(), Box<Failure>> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure::Output(e).boxed())
}

/// A progress indicator on stderr for long runs, only when stderr is a terminal: never on
/// stdout, never in a pipe or a CI log. It names the stage, and while reading, how much of the
/// input is read.
struct Progress {
    enabled: bool,
    meter: std::sync::Arc<crosscheck::ingest::ReadMeter>,
    bar: std::cell::RefCell<Option<indicatif::ProgressBar>>,
}

impl Progress {
    fn new(enabled: bool, meter: std::sync::Arc<crosscheck::ingest::ReadMeter>) -> Self {
        Self {
            enabled,
            meter,
            bar: std::cell::RefCell::new(None),
        }
    }

    fn spinner(message: String) -> indicatif::ProgressBar {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_message(message);
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }

    /// After each bundle of documents read.
    fn reading(&self, documents: usize) {
        if !self.enabled || documents < LONG_RUN {
            return;
        }
        let (read, total) = self.meter.get();
        self.show(reading_message(documents, read, total));
    }

    /// A stage after reading, shown only when reading was long enough to show.
    fn stage(&self, stage: &str) {
        if self.bar.borrow().is_some() {
            self.show(format!("{stage}..."));
        }
    }

    fn show(&self, message: String) {
        let mut bar = self.bar.borrow_mut();
        match bar.as_ref() {
            Some(b) => b.set_message(message),
            None => *bar = Some(Self::spinner(message)),
        }
    }

    fn clear(&self) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}

/// "reading and extracting: 45% (120.0 of 265.3 MiB), 49000 documents".
fn reading_message(documents: usize, read: u64, total: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    if total == 0 {
        return format!("reading and extracting: {documents} documents");
    }
    let read = read.min(total);
    let percent = read.saturating_mul(100) / total;
    format!(
        "reading and extracting: {percent}% ({:.1} of {:.1} MiB), {documents} documents",
        read as f64 / MIB,
        total as f64 / MIB
    )
}

fn print_warning(warning: &Warning, handler: &GraphicalReportHandler, quiet: bool) {
    if quiet {
        return;
    }
    let warning = InputWarning {
        path: warning.path.clone(),
        message: warning.message.clone(),
    };
    print_diagnostic(&warning, handler);
}

/// Writes one diagnostic to stderr. A closed stderr is ignored: there is nowhere left to say so.
fn print_diagnostic(diagnostic: &dyn Diagnostic, handler: &GraphicalReportHandler) {
    let text = human::render([diagnostic], handler);
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_line_gives_the_share_read_and_the_bytes() {
        assert_eq!(
            reading_message(49_000, 120 << 20, 480 << 20),
            "reading and extracting: 25% (120.0 of 480.0 MiB), 49000 documents"
        );
        // A file that grew while it was read never makes more than all of it.
        assert!(reading_message(3, 900, 800).contains(" 100% "));
        assert_eq!(
            reading_message(300, 0, 0),
            "reading and extracting: 300 documents"
        );
    }
}
