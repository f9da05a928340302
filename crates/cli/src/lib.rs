//! `dialognetz`, the publisher's tool: import, validate, lint, diff, sign and
//! publish datasets; stats, schema, generate, postcodes and search.
//!
//! The commands live in a library so that integration tests and benchmarks
//! can call them (above all [`generate::generate`]) without the binary;
//! `main.rs` only parses the arguments and maps the outcome to an exit code.

pub mod check;
pub mod cli;
pub mod clock;
pub mod cmd_diff;
pub mod cmd_generate;
pub mod cmd_import;
pub mod cmd_lint;
pub mod cmd_postcodes;
pub mod cmd_publish;
pub mod cmd_schema;
pub mod cmd_search;
pub mod cmd_sign;
pub mod cmd_stats;
pub mod cmd_validate;
pub mod error;
pub mod generate;
pub mod input;
pub mod keys;
pub mod table;

use std::io::Write;
use std::process::ExitCode;

use cli::{Cli, Command};
use error::CliError;

/// Runs one parsed command line, writing to the given streams; returns the
/// process exit code. Errors are printed to `err` as `dialognetz: <error>`.
pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = match &cli.command {
        Command::Validate(args) => cmd_validate::run(args, out, err),
        Command::Stats(args) => cmd_stats::run(args, out, err),
        Command::Schema(_) => cmd_schema::run(out),
        Command::Generate(args) => cmd_generate::run(args, out, err),
        Command::Postcodes(args) => cmd_postcodes::run(args, out, err),
        Command::Search(args) => cmd_search::run(args, out, err),
        Command::Import(args) => cmd_import::run(args, out, err),
        Command::Diff(args) => cmd_diff::run(args, out, err),
        Command::Lint(args) => cmd_lint::run(args, out, err),
        Command::Keygen(args) => cmd_sign::keygen(args, out, err),
        Command::Sign(args) => cmd_sign::sign(args, out, err),
        Command::Verify(args) => cmd_sign::verify(args, out, err),
        Command::Publish(args) => cmd_publish::run(args, out, err),
    };
    let flushed = out.flush().map_err(CliError::Output);
    match result.and_then(|code| flushed.map(|()| code)) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            // If stderr is gone too there is no one left to tell.
            let _ = writeln!(err, "dialognetz: {error}");
            error.exit_code()
        }
    }
}
