//! The command line, declared with clap's derive API. Each command's doc
//! comment is its `--help` text, so it says what the command is for, what it
//! prints and how it exits.

use clap::{Args, Parser, Subcommand};

/// The publisher's tool for Dialognetz datasets.
///
/// Checks a dataset before it is published, summarises it, prints the JSON
/// Schema for editors, and generates synthetic datasets for tests and
/// benchmarks.
#[derive(Debug, Parser)]
#[command(name = "dialognetz", version, propagate_version = true)]
#[command(
    after_help = "Exit codes: 0 success or valid, 1 the dataset is invalid, 2 a file could not be read or written (or wrong arguments)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    Validate(ValidateArgs),
    Stats(StatsArgs),
    Schema(SchemaArgs),
    Generate(GenerateArgs),
}

/// Check a dataset against every rule of the format, as the app will.
///
/// Prints one line per problem (`path: "value" message [rule]`, with line
/// and column for JSON syntax errors) and a summary; or, when the dataset is
/// valid, one line with its title, counts, version and publication time.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 valid, 1 invalid (the problems are listed on stdout, the count on stderr), 2 the file cannot be read (missing, no permission, a directory).\n\nExamples:\n  dialognetz validate public/data/dataset.json\n  curl -s https://example.org/dataset.json | dialognetz validate - --json"
)]
pub struct ValidateArgs {
    /// The dataset file; `-` reads standard input. Files over 64 MiB are
    /// refused without being read.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Print one JSON object instead of text:
    /// {"valid", "problems", "counts", "elapsed_ms"}.
    #[arg(long)]
    pub json: bool,
}

/// Summarise a valid dataset.
///
/// Prints entries per list, organisations per kind and per federal state,
/// forums per state, and how many contacts have a phone, a mobile, an e-mail
/// and a person's name. An invalid dataset is refused with its problems, as
/// `validate` prints them.
#[derive(Debug, Args)]
#[command(after_help = "Exit codes: 0 done, 1 the dataset is invalid, 2 the file cannot be read.")]
pub struct StatsArgs {
    /// The dataset file; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Print the JSON Schema (draft 2020-12) of the dataset format.
///
/// The schema is generated from the same types the app reads, so it never
/// drifts from the format. Point an editor at it to get completion and checks
/// while editing a dataset; the copy in the repository is
/// docs/dataset.schema.json.
#[derive(Debug, Args)]
#[command(after_help = "Example:\n  dialognetz schema > docs/dataset.schema.json")]
pub struct SchemaArgs {}

/// Write a synthetic, valid dataset of German organisations for tests,
/// benchmarks and demos.
///
/// Places are real (German postcodes, GeoNames, CC BY 4.0); names, people,
/// phone numbers and addresses are invented, and e-mail addresses and
/// websites use the reserved `.example` domain. The same number and seed
/// always give a byte-identical file.
#[derive(Debug, Args)]
#[command(
    after_help = "Besides the organisations the dataset has N/2 contacts, N/100 forums (at least one from 10 organisations), N/50 events, N/200 projects, a few articles, and the sample's topics and synonyms.\n\nExample:\n  dialognetz generate --organizations 100000 --seed 7 -o /tmp/synthetic.json"
)]
pub struct GenerateArgs {
    /// How many organisations (at most 500,000, the format's list limit).
    /// From about 110,000 on the file exceeds the format's 64 MiB; a
    /// warning says so.
    #[arg(long, short = 'n', value_name = "N", value_parser = clap::value_parser!(u32).range(0..=500_000))]
    pub organizations: u32,
    /// Seed of the random generator; the same seed gives the same dataset.
    #[arg(long, short = 's', value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Where to write the dataset; `-` writes to standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: String,
    /// Indent the JSON for reading (larger; the default is compact).
    #[arg(long)]
    pub pretty: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn generate_refuses_more_organisations_than_a_list_may_hold() {
        let parsed = Cli::try_parse_from([
            "dialognetz",
            "generate",
            "--organizations",
            "500001",
            "-o",
            "x",
        ]);
        assert!(parsed.is_err());
    }
}
