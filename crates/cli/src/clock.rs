//! The time the publishing commands stamp and compare with, in one place.

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use crate::error::CliError;

/// Now, in UTC, to the second (`2026-12-03T09:15:00Z`).
pub fn now_timestamp() -> String {
    let now = OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned())
}

/// `--today`, or today's date in UTC.
pub fn today(given: Option<&str>) -> Result<Date, CliError> {
    match given {
        None => Ok(OffsetDateTime::now_utc().date()),
        Some(text) => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            Date::parse(text, &format).map_err(|_| CliError::BadInput {
                path: "--today".to_owned(),
                message: format!("{text:?} is not a day in the form YYYY-MM-DD"),
            })
        }
    }
}
