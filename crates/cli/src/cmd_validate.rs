//! `dialognetz validate FILE [--json]`: the publisher's check before
//! publishing, with the app's own rules (the core's `validate`).

use std::io::Write;

use dialognetz_core::{Counts, Dataset, Problem};
use serde::Serialize;

use crate::check::{check, plural, print_problems};
use crate::cli::ValidateArgs;
use crate::error::{CliError, EXIT_INVALID, EXIT_OK};

/// The `--json` answer; field names are a stable interface for scripts.
#[derive(Debug, Serialize)]
struct Report<'a> {
    valid: bool,
    problems: &'a [Problem],
    counts: Option<Counts>,
    elapsed_ms: u64,
}

/// Runs the command; returns the exit code (0 valid, 1 invalid).
pub fn run(args: &ValidateArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let checked = check(&args.file)?;
    let elapsed_ms = u64::try_from(checked.elapsed.as_millis()).unwrap_or(u64::MAX);
    let code = if checked.result.is_ok() {
        EXIT_OK
    } else {
        EXIT_INVALID
    };
    if args.json {
        let report = match &checked.result {
            Ok(dataset) => Report {
                valid: true,
                problems: &[],
                counts: Some(dataset.counts()),
                elapsed_ms,
            },
            Err(problems) => Report {
                valid: false,
                problems,
                counts: None,
                elapsed_ms,
            },
        };
        serde_json::to_writer(&mut *out, &report).map_err(CliError::Json)?;
        writeln!(out)?;
    } else {
        match &checked.result {
            Ok(dataset) => writeln!(out, "{}", summary(dataset, elapsed_ms))?,
            Err(problems) => print_problems(problems, out, err)?,
        }
    }
    Ok(code)
}

/// `valid: <title> — 23 organizations, 2 contacts, … (version X, published T) in 12 ms`.
pub fn summary(dataset: &Dataset, elapsed_ms: u64) -> String {
    let meta = &dataset.meta;
    let title = meta.title.resolve("de", meta.default_language());
    format!(
        "valid: {title} — {} (version {}, published {}) in {elapsed_ms} ms",
        counts_text(&dataset.counts()),
        meta.version,
        meta.published_at,
    )
}

/// The list counts in reading order: the lists people look for first.
pub fn counts_text(counts: &Counts) -> String {
    [
        plural(counts.organizations, "organization", "organizations"),
        plural(counts.contacts, "contact", "contacts"),
        plural(counts.forums, "forum", "forums"),
        plural(counts.events, "event", "events"),
        plural(counts.projects, "project", "projects"),
        plural(counts.articles, "article", "articles"),
        plural(counts.topics, "topic", "topics"),
        plural(counts.synonyms, "synonym group", "synonym groups"),
    ]
    .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_a_sentence_with_singulars() {
        let counts = Counts {
            organizations: 23,
            contacts: 1,
            ..Counts::default()
        };
        let text = counts_text(&counts);
        assert!(
            text.starts_with("23 organizations, 1 contact, 0 forums"),
            "{text}"
        );
        assert!(text.ends_with("0 synonym groups"), "{text}");
    }
}
