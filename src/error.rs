//! The library's error type: everything that stops a run or an input, typed and rendered by
//! the binary in one place.

use miette::Diagnostic;
use thiserror::Error;

use crate::ingest::IngestError;
use crate::rules::RulesError;

#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] RulesError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Ingest(#[from] IngestError),
}
