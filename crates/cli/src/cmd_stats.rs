//! `dialognetz stats FILE [--json]`: what a valid dataset holds, for a
//! publisher checking that an export is complete (no state missing, contacts
//! reachable).

use std::io::Write;

use dialognetz_core::rules::STATE_CODES;
use dialognetz_core::{Counts, Dataset, OrganizationKind, StateCode};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::check::{check, print_problems};
use crate::cli::StatsArgs;
use crate::error::{CliError, EXIT_INVALID, EXIT_OK};

/// The key for entries without a state.
const NO_STATE: &str = "none";

/// Named counts that keep their order in JSON (a `BTreeMap` would sort the
/// kinds alphabetically instead of in the format's order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally(pub Vec<(&'static str, usize)>);

impl Serialize for Tally {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, count) in &self.0 {
            map.serialize_entry(key, count)?;
        }
        map.end()
    }
}

impl Tally {
    /// The entries with a count above zero, for the text output.
    fn nonzero(&self) -> impl Iterator<Item = &(&'static str, usize)> {
        self.0.iter().filter(|(_, count)| *count > 0)
    }
}

/// How the contacts can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ContactStats {
    pub total: usize,
    pub with_phone: usize,
    pub with_mobile: usize,
    pub with_email: usize,
    /// Contacts that name a person rather than a function.
    pub with_name: usize,
}

/// Everything `stats` reports; also its `--json` form.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stats {
    pub counts: Counts,
    pub organizations_by_kind: Tally,
    /// By `address.state`; `none` for organisations without one.
    pub organizations_by_state: Tally,
    pub forums_by_state: Tally,
    pub contacts: ContactStats,
}

impl Stats {
    /// Counts a dataset. Every kind and state is listed (with 0 where none)
    /// so that scripts can rely on the keys.
    pub fn of(dataset: &Dataset) -> Stats {
        let organizations_by_kind = Tally(
            OrganizationKind::ALL
                .iter()
                .map(|kind| {
                    let count = dataset
                        .organizations
                        .iter()
                        .filter(|o| o.kind == *kind)
                        .count();
                    (kind.code(), count)
                })
                .collect(),
        );
        let org_states = dataset
            .organizations
            .iter()
            .map(|o| o.address.as_ref().and_then(|a| a.state.as_ref()));
        let forum_states = dataset.forums.iter().map(|f| f.state.as_ref());
        let contacts = &dataset.contacts;
        Stats {
            counts: dataset.counts(),
            organizations_by_kind,
            organizations_by_state: by_state(org_states),
            forums_by_state: by_state(forum_states),
            contacts: ContactStats {
                total: contacts.len(),
                with_phone: contacts.iter().filter(|c| c.phone.is_some()).count(),
                with_mobile: contacts.iter().filter(|c| c.mobile.is_some()).count(),
                with_email: contacts.iter().filter(|c| c.email.is_some()).count(),
                with_name: contacts.iter().filter(|c| c.name.is_some()).count(),
            },
        }
    }
}

/// Counts per state code in the format's order, then `none`.
fn by_state<'a>(states: impl Iterator<Item = Option<&'a StateCode>>) -> Tally {
    let mut counts = [0usize; STATE_CODES.len()];
    let mut none = 0usize;
    for state in states {
        // A valid dataset has only known codes; anything else counts as none.
        match state.and_then(|s| STATE_CODES.iter().position(|c| *c == s.as_str())) {
            Some(index) => counts[index] += 1,
            None => none += 1,
        }
    }
    let mut tally: Vec<(&'static str, usize)> = STATE_CODES.iter().copied().zip(counts).collect();
    tally.push((NO_STATE, none));
    Tally(tally)
}

/// Runs the command; returns the exit code (0 done, 1 invalid).
pub fn run(args: &StatsArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, CliError> {
    let checked = check(&args.file)?;
    let dataset = match checked.result {
        Ok(dataset) => dataset,
        Err(problems) => {
            print_problems(&problems, out, err)?;
            writeln!(
                err,
                "stats: the dataset must be valid; fix the problems above"
            )?;
            return Ok(EXIT_INVALID);
        }
    };
    let stats = Stats::of(&dataset);
    if args.json {
        serde_json::to_writer(&mut *out, &stats).map_err(CliError::Json)?;
        writeln!(out)?;
    } else {
        write_text(&dataset, &stats, out)?;
    }
    Ok(EXIT_OK)
}

/// Width of the label column in the text output.
const LABEL: usize = 22;

fn write_text(dataset: &Dataset, stats: &Stats, out: &mut dyn Write) -> Result<(), CliError> {
    let meta = &dataset.meta;
    writeln!(
        out,
        "{} (version {}, published {})",
        meta.title.resolve("de", meta.default_language()),
        meta.version,
        meta.published_at
    )?;
    let c = &stats.counts;
    section(
        out,
        "lists",
        [
            ("organizations", c.organizations),
            ("contacts", c.contacts),
            ("forums", c.forums),
            ("events", c.events),
            ("projects", c.projects),
            ("articles", c.articles),
            ("topics", c.topics),
            ("synonym groups", c.synonyms),
        ]
        .iter(),
    )?;
    section(
        out,
        "organizations by kind",
        stats.organizations_by_kind.nonzero(),
    )?;
    section(
        out,
        "organizations by state",
        stats.organizations_by_state.nonzero(),
    )?;
    section(out, "forums by state", stats.forums_by_state.nonzero())?;
    let k = &stats.contacts;
    section(
        out,
        "contacts",
        [
            ("total", k.total),
            ("with phone", k.with_phone),
            ("with mobile", k.with_mobile),
            ("with email", k.with_email),
            ("with a person's name", k.with_name),
        ]
        .iter(),
    )?;
    Ok(())
}

fn section<'a>(
    out: &mut dyn Write,
    title: &str,
    rows: impl Iterator<Item = &'a (&'static str, usize)>,
) -> Result<(), CliError> {
    writeln!(out, "\n{title}")?;
    for (label, count) in rows {
        writeln!(out, "  {label:<LABEL$}{count:>8}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_keep_the_format_order_and_count_missing_ones_as_none() {
        let sn = StateCode::from("SN");
        let by = StateCode::from("BY");
        let tally = by_state([Some(&sn), None, Some(&by), Some(&sn)].into_iter());
        assert_eq!(tally.0.len(), 17);
        assert_eq!(tally.0[0], ("BW", 0));
        assert_eq!(tally.0.iter().find(|(k, _)| *k == "SN"), Some(&("SN", 2)));
        assert_eq!(tally.0.last(), Some(&("none", 1)));
    }

    #[test]
    fn tally_serializes_in_its_own_order() {
        let tally = Tally(vec![("police", 2), ("government", 1)]);
        let json = serde_json::to_string(&tally).expect("serializes");
        assert_eq!(json, r#"{"police":2,"government":1}"#);
    }
}
