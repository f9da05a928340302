//! `dialognetz diff OLD NEW`: what changes for users when NEW replaces OLD.

use std::io::Write;

use dialognetz_core::publish::diff::{self, Diff, FieldChange};
use serde_json::Value;

use crate::check::{check, print_problems};
use crate::cli::DiffArgs;
use crate::error::{CliError, EXIT_INVALID, EXIT_OK};

pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let mut datasets = Vec::new();
    for path in [&args.old, &args.new] {
        match check(path)?.result {
            Ok(dataset) => datasets.push(dataset),
            Err(problems) => {
                writeln!(err, "dialognetz: {path} is not a valid dataset:")?;
                print_problems(&problems, out, err)?;
                return Ok(EXIT_INVALID);
            }
        }
    }
    let d = diff::diff(&datasets[0], &datasets[1]);
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &json(&d)).map_err(CliError::Json)?;
        writeln!(out)?;
    } else {
        write_text(&d, out)?;
    }
    if args.fail_on_removal && d.summary.removed > 0 {
        out.flush()?;
        writeln!(
            err,
            "dialognetz: {} would disappear for users; stopping (--fail-on-removal)",
            crate::check::plural(d.summary.removed, "entry", "entries")
        )?;
        return Ok(EXIT_INVALID);
    }
    Ok(EXIT_OK)
}

/// The `--json` answer: lists as an object keyed by list name.
fn json(d: &Diff) -> Value {
    let lists: serde_json::Map<String, Value> = d
        .lists
        .iter()
        .map(|(name, list)| {
            (
                name.clone(),
                serde_json::to_value(list).unwrap_or(Value::Null),
            )
        })
        .collect();
    serde_json::json!({
        "summary": d.summary,
        "meta": d.meta,
        "lists": lists,
    })
}

/// A value as the report shows it: JSON, `(none)` when absent.
fn shown(value: &Option<Value>) -> String {
    match value {
        None => "(none)".to_owned(),
        Some(value) => value.to_string(),
    }
}

fn field_line(change: &FieldChange) -> String {
    format!(
        "{}: {} → {}",
        change.field,
        shown(&change.old),
        shown(&change.new)
    )
}

/// The text report, as `docs/publishing.md` shows it.
pub fn write_text(d: &Diff, out: &mut dyn Write) -> Result<(), CliError> {
    for (name, list) in &d.lists {
        writeln!(
            out,
            "{name}: {} added, {} removed, {} changed",
            list.added.len(),
            list.removed.len(),
            list.changed.len()
        )?;
        for entry in &list.added {
            writeln!(out, "  + {} {:?}", entry.id, entry.title)?;
        }
        for entry in &list.removed {
            writeln!(out, "  - {} {:?}", entry.id, entry.title)?;
        }
        for entry in &list.changed {
            writeln!(out, "  ~ {} {:?}", entry.id, entry.title)?;
            for change in &entry.fields {
                writeln!(out, "      {}", field_line(change))?;
            }
        }
    }
    if !d.meta.is_empty() {
        writeln!(out, "meta")?;
        for change in &d.meta {
            writeln!(out, "  ~ {}", field_line(change))?;
        }
    }
    let s = d.summary;
    if s.added + s.removed + s.changed == 0 && d.meta.is_empty() {
        writeln!(out, "no changes")?;
    } else {
        writeln!(
            out,
            "summary: {} added, {} removed, {} changed",
            s.added, s.removed, s.changed
        )?;
    }
    Ok(())
}
