//! `dialognetz lint FILE`: what is valid but likely wrong, with suggestions.

use std::io::Write;

use dialognetz_core::geo::PostcodeTable;
use dialognetz_core::publish::area_codes::AreaCodes;
use dialognetz_core::publish::lint::{self, Finding, LintContext};
use dialognetz_core::Dataset;

use crate::check::{check, plural, print_problems};
use crate::cli::LintArgs;
use crate::clock;
use crate::error::{CliError, EXIT_INVALID, EXIT_OK};

/// German area codes and their places, from libphonenumber's geocoding data
/// (Apache License 2.0; `crates/cli/data/`).
pub const AREA_CODES: &str = include_str!("../data/area_codes_de.tsv");

/// Lints with the shipped area-code and postcode tables.
pub fn findings(dataset: &Dataset, today: time::Date) -> Result<Vec<Finding>, CliError> {
    let built_in = |name: &str, message: String| CliError::BadInput {
        path: format!("the built-in {name} table"),
        message,
    };
    let codes =
        AreaCodes::from_text(AREA_CODES).map_err(|e| built_in("area-code", e.to_string()))?;
    let places = PostcodeTable::from_compact(crate::cmd_search::POSTCODES)
        .map_err(|e| built_in("postcode", e.to_string()))?;
    let context = LintContext {
        today,
        area_codes: Some(&codes),
        places: Some(&places),
    };
    Ok(lint::lint(dataset, &context))
}

pub fn run(args: &LintArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let today = clock::today(args.today.as_deref())?;
    let dataset = match check(&args.file)?.result {
        Ok(dataset) => dataset,
        Err(problems) => {
            print_problems(&problems, out, err)?;
            return Ok(EXIT_INVALID);
        }
    };
    let found = findings(&dataset, today)?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &found).map_err(CliError::Json)?;
        writeln!(out)?;
    } else {
        for finding in &found {
            writeln!(out, "{}", finding.render())?;
        }
        out.flush()?;
        writeln!(err, "lint: {}", plural(found.len(), "finding", "findings"))?;
    }
    Ok(if found.is_empty() {
        EXIT_OK
    } else {
        EXIT_INVALID
    })
}
