//! The `dialognetz` binary: parse the arguments, run, exit.

use std::io::{self, BufWriter};
use std::process::ExitCode;

use clap::Parser;
use dialognetz_cli::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    dialognetz_cli::run(&cli, &mut out, &mut err)
}
