//! The command line, declared with clap's derive API. Each command's doc
//! comment is its `--help` text, so it says what the command is for, what it
//! prints and how it exits.

use clap::{Args, Parser, Subcommand};

/// The publisher's tool for Dialognetz datasets.
///
/// Turns a spreadsheet into a dataset, checks it before it is published
/// (validate, lint, diff against the published one), signs and publishes
/// it; summarises datasets, prints the JSON Schema for editors, and
/// generates synthetic datasets for tests and benchmarks.
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
    Postcodes(PostcodesArgs),
    Search(SearchArgs),
    Import(ImportArgs),
    Diff(DiffArgs),
    Lint(LintArgs),
    Keygen(KeygenArgs),
    Sign(SignArgs),
    Verify(VerifyArgs),
    Publish(PublishArgs),
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

/// Write the postcode table the app resolves places with, offline, from
/// the GeoNames postcode file.
///
/// Reads GeoNames' CSV (columns country_code, zipcode, place, state, …,
/// latitude, longitude; found by name in the first line) and writes the
/// compact table: one line per postcode, sorted, with its mean point, its
/// state's ISO code and its places, under a header naming the format
/// version and the attribution (GeoNames, CC BY 4.0). Rows that cannot be
/// used (a postcode that is not five digits, no coordinates) are skipped
/// with a warning on stderr. The same input always gives a byte-identical
/// table.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 done, 2 the input cannot be read or is not GeoNames' CSV, or the output cannot be written.\n\nExample:\n  dialognetz postcodes data/postcodes/de_postleitzahlen_geonames.csv -o public/data/postcodes.tsv"
)]
pub struct PostcodesArgs {
    /// GeoNames' postcode CSV; `-` reads standard input.
    #[arg(value_name = "INPUT.csv")]
    pub input: String,
    /// Where to write the table; `-` writes to standard output.
    #[arg(long, short = 'o', value_name = "OUTPUT")]
    pub output: String,
}

/// Search a dataset as the app does: German normalisation, prefixes,
/// typos, compound parts, stems, synonyms, filters, near a place.
///
/// Prints the ranked hits, one per line (`rank. type title (city) [id]`),
/// and on stderr the match count and the time to index and to search.
/// With `--json`, a list of objects: `id`, `type` (organization, forum,
/// contact, event, project, article), `title`, `city` (if any), `score`
/// (0 to 1, higher is better), `distance_km` (with `--near`), and `rank`,
/// the value of each ranking rule (`words`, `typos`, `fields`, `proximity`,
/// `whole_name`, `exactness`), which explains the order.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 done (also for no hits), 1 the dataset is invalid, 2 unreadable file or bad arguments.\n\nExamples:\n  dialognetz search public/data/dataset.json kora\n  dialognetz search big.json 'revier kiel' --json --limit 5\n  dialognetz search big.json moschee --filter state=SN --filter kind=mosque_community\n  dialognetz search big.json polizei --near 24539 --radius 20"
)]
pub struct SearchArgs {
    /// The dataset file; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// What a user would type; the last word counts as a prefix unless the
    /// query ends with a space. An empty query lists everything filtered.
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// How many hits to print.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// A filter as key=value (type, kind, state, city, topic, language,
    /// open, event); repeat it for more. The same key twice means either.
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Sort by distance from a German postcode or place (resolved offline
    /// with the shipped GeoNames table).
    #[arg(long, value_name = "PLZ|PLACE")]
    pub near: Option<String>,
    /// With --near: only hits within this many kilometres.
    #[arg(long, value_name = "KM", requires = "near")]
    pub radius: Option<f64>,
    /// Language of the titles printed (the dataset's texts fall back to its
    /// default language).
    #[arg(long, default_value = "de")]
    pub lang: String,
}

/// Import a spreadsheet (CSV or TSV) into a dataset, by a column mapping.
///
/// Prints one line per problem, `file:line column name: "value" message
/// [warning]` or `[error, row skipped]`, then the columns it did not use and
/// a summary. A warning keeps the row and says what was made of the value
/// (nothing is changed silently); an error skips the row, and with --into
/// the published entry of that row stays. The result is validated before
/// it is written. The mapping file is documented in docs/publishing.md.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 imported without errors, 1 rows were skipped (the rest is written) or the result is invalid (nothing written), 2 the table, mapping or dataset cannot be read, or the mapping does not fit the table.\n\nExample:\n  dialognetz import data/sh-polizei/sh_polizeidienststellen.tsv --mapping data/sh-polizei/mapping.toml -o sh.json"
)]
pub struct ImportArgs {
    /// The table: CSV or TSV, UTF-8 (with or without BOM) or Windows-1252.
    #[arg(value_name = "TABLE")]
    pub table: String,
    /// The column mapping, TOML (or JSON when the name ends in .json).
    #[arg(long, short = 'm', value_name = "MAPPING")]
    pub mapping: String,
    /// Where to write the dataset; `-` writes to standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: String,
    /// Merge into this dataset: same id, same entry (its other lists and
    /// hand-written fields stay).
    #[arg(long, value_name = "DATASET")]
    pub into: Option<String>,
    /// Treat every warning as an error: doubtful rows are skipped.
    #[arg(long)]
    pub strict: bool,
    /// tab, ";", ",", "|" (detected from the header when left out).
    #[arg(long, value_name = "D")]
    pub delimiter: Option<String>,
    /// utf-8 or windows-1252 (detected when left out).
    #[arg(long, value_name = "E")]
    pub encoding: Option<String>,
    /// meta.published_at of the result (RFC 3339); now when left out.
    #[arg(long, value_name = "TIMESTAMP")]
    pub published_at: Option<String>,
    /// meta.version of the result; the publication time when left out.
    #[arg(long, value_name = "V")]
    pub set_version: Option<String>,
    /// Print the report as one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Show what changed for users between two datasets.
///
/// Groups the changes by list and entry: added (+), removed (-) and changed
/// (~) entries, each changed field as old → new, then changed meta fields
/// and a summary line.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 done, 1 entries were removed and --fail-on-removal is given (or a dataset is invalid), 2 a file cannot be read.\n\nExample:\n  dialognetz diff published/dataset.json dataset.json --fail-on-removal"
)]
pub struct DiffArgs {
    /// The dataset as published now.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The dataset about to be published.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Print one JSON object: {"summary", "meta", "lists"}.
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when any entry would disappear, so a publishing script stops.
    #[arg(long)]
    pub fail_on_removal: bool,
}

/// Find what is valid but likely wrong: duplicates, phones whose area code
/// belongs to another place, entries "near me" cannot find, past events
/// still open for registration, forums without a contact, http links.
///
/// Prints one finding per line: `path (id): what looks wrong; what to do
/// [rule]`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 nothing found, 1 findings (or the dataset is invalid), 2 the file cannot be read."
)]
pub struct LintArgs {
    /// The dataset file; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Print a JSON list of findings: path, id, rule, message, suggestion.
    #[arg(long)]
    pub json: bool,
    /// The day events are compared with (YYYY-MM-DD); today when left out.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// Make a new signing key for a publisher.
///
/// Writes the secret key to DIR/dialognetz-publisher.key (readable by you
/// only; never publish it) and the public key to DIR/dialognetz-publisher.pub,
/// and prints the public key: the text the app and `verify --key` trust.
#[derive(Debug, Args)]
#[command(after_help = "Exit codes: 0 done, 2 a key file exists already or cannot be written.")]
pub struct KeygenArgs {
    /// The folder for the two key files.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: String,
}

/// Sign a file (the exact bytes) with the publisher's secret key; writes
/// FILE.sig, the base64 of the Ed25519 signature on one line.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 signed, 2 the file or key cannot be read, or the signature cannot be written.\n\n`publish` validates, lints and signs in one step; prefer it for datasets."
)]
pub struct SignArgs {
    #[arg(value_name = "FILE")]
    pub file: String,
    /// The secret key file from `keygen` (or an OpenSSL Ed25519 PEM key).
    #[arg(long, value_name = "SECRET")]
    pub key: String,
    /// Where to write the signature; FILE.sig when left out.
    #[arg(long, short = 'o', value_name = "SIG")]
    pub output: Option<String>,
}

/// Check a file's signature (FILE.sig) against trusted public keys, as the
/// app does.
///
/// When a manifest.json from `publish` lies beside the file and names it,
/// its public key tells a signature by an untrusted key from a file that
/// was changed after signing.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 the signature is valid, 1 not signed, malformed, by an untrusted key, or the file was changed, 2 the file, signature or key cannot be read.\n\nExample:\n  dialognetz verify site/dataset.json --key Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="
)]
#[command(group(clap::ArgGroup::new("trusted").required(true).multiple(true).args(["key", "keys"])))]
pub struct VerifyArgs {
    #[arg(value_name = "FILE")]
    pub file: String,
    /// A trusted public key (base64); repeat it for more.
    #[arg(long, value_name = "PUBKEY_BASE64")]
    pub key: Vec<String>,
    /// A file of trusted public keys, one per line (`#` comments allowed).
    #[arg(long, value_name = "FILE")]
    pub keys: Option<String>,
    /// The signature file; FILE.sig when left out.
    #[arg(long, value_name = "SIG")]
    pub signature: Option<String>,
}

/// Validate, lint, sign and write a dataset for a static web host.
///
/// Refuses an invalid dataset (nothing is written). Prints the lint's
/// findings; with --fail-on-lint they stop the publication. Writes into DIR
/// the dataset (the exact bytes), its signature (NAME.sig) and manifest.json
/// (version, published_at, size, sha256, public key).
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 published, 1 the dataset is invalid (or has findings with --fail-on-lint); nothing was written, 2 a file cannot be read or written.\n\nExample:\n  dialognetz publish sh.json --key ~/keys/dialognetz-publisher.key --out site/"
)]
pub struct PublishArgs {
    /// The dataset to publish.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// The secret key file from `keygen`.
    #[arg(long, value_name = "SECRET")]
    pub key: String,
    /// The folder to write into (made if missing).
    #[arg(long, value_name = "DIR")]
    pub out: String,
    /// The dataset's file name in DIR.
    #[arg(long, value_name = "NAME", default_value = "dataset.json")]
    pub name: String,
    /// Do not publish when the lint finds anything.
    #[arg(long)]
    pub fail_on_lint: bool,
    /// The day the lint compares events with (YYYY-MM-DD); today when left out.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
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
