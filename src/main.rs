//! The `crosscheck` command: parses arguments, runs the library, renders the result, and maps
//! the outcome to an exit code (0 no conflicts, 1 conflicts, 2 failure). The one place that
//! prints, and the one place that renders errors.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::model::Warning;
use crosscheck::report::{human, json};
use crosscheck::rules::{Rules, RulesError};
use crosscheck::{Analysis, GroupBy};
use miette::{Diagnostic, GraphicalReportHandler};
use thiserror::Error;

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
}

#[derive(Debug, Args)]
struct Options {
    /// Files and folders to read (folders recursively: .txt, .md, .markdown).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output for people (diagnostics) or for programs (JSON, see the README).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// List agreements in full instead of only counting them.
    #[arg(long)]
    show_agreements: bool,
    /// Compare every document with every other, or only documents in the same folder.
    #[arg(long, value_enum, default_value_t = GroupByArg::All)]
    group_by: GroupByArg,
    /// A folder of rule files (*.toml) added on top of the built-in rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum GroupByArg {
    All,
    Folder,
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
    #[error("cannot write the report: {0}")]
    #[diagnostic(code(crosscheck::output))]
    Output(io::Error),
}

fn main() -> ExitCode {
    // Usage errors exit 2 from clap itself; `--help` and `--version` exit 0.
    let cli = Cli::parse();
    let (Command::Check(options) | Command::Claims(options)) = &cli.command;
    let stderr_handler = options.color.handler(io::stderr().is_terminal());
    match run(&cli.command, &stderr_handler) {
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

/// Runs one command; the exit code when it got as far as a report. (The failure is boxed: a
/// rules error carries the file's text.)
fn run(
    command: &Command,
    stderr_handler: &GraphicalReportHandler,
) -> Result<ExitCode, Box<Failure>> {
    let (Command::Check(options) | Command::Claims(options)) = command;
    let rules = Rules::load(options.rules.as_deref()).map_err(|e| Box::new(Failure::Rules(e)))?;
    let corpus = crosscheck::ingest::read_paths(&options.paths);
    for error in &corpus.errors {
        print_diagnostic(error, stderr_handler);
    }
    for warning in &corpus.warnings {
        print_warning(warning, stderr_handler);
    }
    let group_by = match options.group_by {
        GroupByArg::All => GroupBy::All,
        GroupByArg::Folder => GroupBy::Folder,
    };
    let stdout_handler = || options.color.handler(io::stdout().is_terminal());

    let (report, conflicts) = match command {
        Command::Check(_) => {
            let analysis = crosscheck::check(corpus.documents, corpus.warnings, &rules, group_by);
            let report = match options.format {
                Format::Json => json::render_check(&analysis, corpus.skipped) + "\n",
                Format::Human => human::render_check(
                    &analysis,
                    corpus.skipped,
                    options.show_agreements,
                    &stdout_handler(),
                ),
            };
            (report, analysis.conflicts())
        }
        Command::Claims(_) => {
            let claims = crosscheck::extract_all(&corpus.documents, &rules);
            let analysis = Analysis {
                documents: corpus.documents,
                claims,
                warnings: corpus.warnings,
                ..Analysis::default()
            };
            let report = match options.format {
                Format::Json => json::render_claims(&analysis) + "\n",
                Format::Human => human::render_claims(&analysis),
            };
            (report, 0)
        }
    };

    let mut stdout = io::stdout().lock();
    stdout
        .write_all(report.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| Box::new(Failure::Output(e)))?;

    Ok(if !corpus.errors.is_empty() {
        ExitCode::from(2)
    } else if conflicts > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_warning(warning: &Warning, handler: &GraphicalReportHandler) {
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
