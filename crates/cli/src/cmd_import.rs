//! `dialognetz import TABLE --mapping M -o OUT`: a spreadsheet export into a
//! dataset, every problem named by file, line and column.

use std::io::Write;
use std::path::Path;

use dialognetz_core::publish::import::{self, ImportOptions, ImportProblem, ImportStats, Mapping};
use dialognetz_core::rules::parse_timestamp;
use dialognetz_core::{Dataset, Timestamp};
use serde::Serialize;

use crate::check::{check, plural, print_problems};
use crate::cli::ImportArgs;
use crate::clock::now_timestamp;
use crate::error::{CliError, EXIT_INVALID, EXIT_OK};
use crate::table::{self, Encoding};

/// The `--json` report.
#[derive(Debug, Serialize)]
struct Report<'a> {
    problems: &'a [ImportProblem],
    stats: ImportStats,
    unused_columns: &'a [String],
    removed: &'a [String],
    encoding: &'static str,
    delimiter: String,
    written: bool,
}

/// Reads a mapping file: JSON when the name ends in `.json`, else TOML.
pub fn read_mapping(path: &str) -> Result<Mapping, CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })?;
    let bad = |message: String| CliError::BadInput {
        path: path.to_owned(),
        message,
    };
    if path.ends_with(".json") {
        serde_json::from_str(&text).map_err(|e| bad(e.to_string()))
    } else {
        toml::from_str(&text).map_err(|e| bad(e.to_string().trim_end().to_owned()))
    }
}

pub fn run(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    if args.output == crate::input::STDIN {
        // The dataset goes to standard output, so the report goes to stderr.
        let mut report = Vec::new();
        let (code, dataset) = import_to(args, &mut report, err)?;
        err.write_all(&report)?;
        if let Some(json) = dataset {
            out.write_all(&json)?;
        }
        return Ok(code);
    }
    let (code, dataset) = import_to(args, out, err)?;
    if let Some(json) = dataset {
        std::fs::write(&args.output, json).map_err(|source| CliError::Write {
            path: args.output.clone(),
            source,
        })?;
    }
    Ok(code)
}

/// Imports and reports; returns the exit code and the dataset to write
/// (none when the result is not valid).
fn import_to(
    args: &ImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(u8, Option<Vec<u8>>), CliError> {
    let mapping = read_mapping(&args.mapping)?;
    let bad = |path: &str, message: String| CliError::BadInput {
        path: path.to_owned(),
        message,
    };
    let encoding = match args
        .encoding
        .as_deref()
        .or(mapping.source.encoding.as_deref())
    {
        None => None,
        Some(name) => Some(Encoding::parse(name).ok_or_else(|| {
            bad(
                &args.table,
                format!("unknown encoding {name:?}; use utf-8 or windows-1252"),
            )
        })?),
    };
    let delimiter = match args
        .delimiter
        .as_deref()
        .or(mapping.source.delimiter.as_deref())
    {
        None => None,
        Some(name) => Some(table::parse_delimiter(name).ok_or_else(|| {
            bad(
                &args.table,
                format!("unknown delimiter {name:?}; use tab, \";\", \",\" or \"|\""),
            )
        })?),
    };
    let published_at = match &args.published_at {
        Some(text) => {
            parse_timestamp(text).map_err(|m| bad("--published-at", format!("{text:?} {m}")))?;
            text.clone()
        }
        None => now_timestamp(),
    };
    let bytes = std::fs::read(&args.table).map_err(|source| CliError::Read {
        path: args.table.clone(),
        source,
    })?;
    let file_name = Path::new(&args.table)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| args.table.clone());
    let read =
        table::read(&file_name, &bytes, encoding, delimiter).map_err(|m| bad(&args.table, m))?;

    let base: Option<Dataset> = match &args.into {
        None => None,
        Some(path) => {
            match check(path)?.result {
                Ok(dataset) => Some(dataset),
                Err(problems) => {
                    writeln!(err, "dialognetz: {path} is not a valid dataset; fix it before importing into it")?;
                    print_problems(&problems, out, err)?;
                    return Ok((EXIT_INVALID, None));
                }
            }
        }
    };
    let options = ImportOptions {
        strict: args.strict,
        published_at: Timestamp(published_at),
        version: args.set_version.clone(),
    };
    let imported = match import::import(&read.table, &mapping, base.as_ref(), &options) {
        Ok(imported) => imported,
        Err(problems) => {
            for problem in &problems {
                writeln!(out, "{}", problem.render())?;
            }
            out.flush()?;
            writeln!(
                err,
                "dialognetz: nothing imported: the mapping does not fit the table ({})",
                plural(problems.len(), "problem", "problems")
            )?;
            return Ok((crate::error::EXIT_UNREADABLE, None));
        }
    };

    // What is written must be what the app accepts.
    let mut json = serde_json::to_vec_pretty(&imported.dataset).map_err(CliError::Json)?;
    json.push(b'\n');
    let valid = dialognetz_core::validate(&json);
    let written = valid.is_ok();

    if args.json {
        let report = Report {
            problems: &imported.problems,
            stats: imported.stats,
            unused_columns: &imported.unused_columns,
            removed: &imported.removed,
            encoding: read.encoding.name(),
            delimiter: table::delimiter_name(read.delimiter),
            written,
        };
        serde_json::to_writer_pretty(&mut *out, &report).map_err(CliError::Json)?;
        writeln!(out)?;
    } else {
        for problem in &imported.problems {
            writeln!(out, "{}", problem.render())?;
        }
        for id in &imported.removed {
            writeln!(
                out,
                "{file_name}: {id} is no longer in the table; removed from the dataset"
            )?;
        }
        if !imported.unused_columns.is_empty() {
            writeln!(
                out,
                "{file_name}: columns not imported: {}",
                imported.unused_columns.join(", ")
            )?;
        }
        writeln!(out, "{}", summary(&file_name, &read, &imported.stats))?;
    }
    if let Err(problems) = valid {
        writeln!(
            err,
            "dialognetz: the imported dataset is not valid, nothing written:"
        )?;
        print_problems(&problems, out, err)?;
        return Ok((EXIT_INVALID, None));
    }
    let code = if imported.stats.errors > 0 {
        EXIT_INVALID
    } else {
        EXIT_OK
    };
    Ok((code, Some(json)))
}

/// `t.tsv: 264 rows (UTF-8, tab): 264 imported, 0 skipped; …`.
fn summary(file: &str, read: &table::ReadTable, s: &ImportStats) -> String {
    let bom = if read.bom { " with BOM" } else { "" };
    let mut text = format!(
        "{file}: {} ({}{bom}, delimiter {}): {} imported, {} skipped; {} new, {} changed, {} unchanged",
        plural(s.rows, "row", "rows"),
        read.encoding.name(),
        table::delimiter_name(read.delimiter),
        s.imported,
        s.skipped,
        s.added,
        s.changed,
        s.unchanged,
    );
    if s.kept > 0 {
        text.push_str(&format!(", {} kept as published", s.kept));
    }
    text.push_str(&format!(
        ", {} removed; {}, {}",
        s.removed,
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings")
    ));
    text
}
