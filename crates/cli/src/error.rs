//! Errors that stop a command before it can give its answer. A dataset that
//! breaks the format is not an error here: `validate` reports it as problems
//! with exit code 1. These are the cases where there is nothing to check or
//! nowhere to write (exit code 2).

use std::io;
use std::process::ExitCode;

/// Exit code for "valid" / "done".
pub const EXIT_OK: u8 = 0;
/// Exit code for "the dataset breaks the format".
pub const EXIT_INVALID: u8 = 1;
/// Exit code for "could not read or write": missing file, no permission, a
/// directory, a full disk. Also what clap uses for wrong arguments.
pub const EXIT_UNREADABLE: u8 = 2;

/// Why a command could not do its work.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input file (or stdin) could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: io::Error,
    },
    /// The input names a directory; reading one gives a confusing OS error.
    #[error("cannot read {path}: it is a directory, not a dataset file")]
    IsDirectory { path: String },
    /// The input could be read but is not what the command expects (a
    /// postcode CSV without GeoNames' columns, a broken CSV line).
    #[error("cannot use {path}: {message}")]
    BadInput { path: String, message: String },
    /// The output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
    /// Standard output or standard error went away (a closed pipe).
    #[error("cannot write the output: {0}")]
    Output(#[source] io::Error),
    /// A value could not be encoded as JSON (does not happen with the
    /// dataset types, but serde's API says it may).
    #[error("cannot encode JSON: {0}")]
    Json(#[source] serde_json::Error),
}

impl CliError {
    /// Every error of this kind ends the process with [`EXIT_UNREADABLE`].
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(EXIT_UNREADABLE)
    }
}

impl From<io::Error> for CliError {
    /// Plain I/O errors come from writing to stdout/stderr; file errors are
    /// wrapped with their path where they happen.
    fn from(error: io::Error) -> Self {
        CliError::Output(error)
    }
}
