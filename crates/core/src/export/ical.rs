//! An iCalendar file (RFC 5545) with one VEVENT, so a user can put an event
//! into the phone's calendar.
//!
//! Dates follow the dataset's forms: a day (`2024-03-06`) becomes an all-day
//! entry (`VALUE=DATE`, the end exclusive, as RFC 5545 counts it); a
//! timestamp carries its offset and is written in UTC, which names the same
//! moment without a time zone table. A year or month alone is refused: a
//! calendar entry needs a day. DTSTAMP is `meta.published_at`, so the same
//! dataset always gives the same file.

use time::{Date, OffsetDateTime, Time};

use super::lines::{date_basic, param_value, utc_basic, Lines};
use super::{file_name, organization, published_utc, uid, ExportError, ExportFile};
use crate::compact::Entries;
use crate::model::Event;
use crate::rules::{parse_date, DateValue};

/// The media type of an iCalendar file.
pub const MEDIA_TYPE: &str = "text/calendar;charset=utf-8";

/// Names the program that wrote the file.
const PRODID: &str = "-//Dialognetz//Dialognetz//DE";

/// The calendar file for one event, texts in `language` where the dataset
/// has them.
pub fn event(
    dataset: &dyn Entries,
    event: &Event,
    language: &str,
) -> Result<ExportFile, ExportError> {
    let default = dataset.meta().default_language();
    let stamp = published_utc(dataset)?;
    let (start, end) = when(event)?;
    let organizer = match &event.organizer {
        Some(id) => Some(organization(dataset, id)?),
        None => None,
    };
    let title = event.title.resolve(language, default);

    let mut cal = Lines::new();
    cal.raw("BEGIN", "VCALENDAR");
    cal.raw("VERSION", "2.0");
    cal.raw("PRODID", PRODID);
    cal.raw("CALSCALE", "GREGORIAN");
    cal.raw("METHOD", "PUBLISH");
    cal.raw("BEGIN", "VEVENT");
    cal.raw("UID", &uid(dataset, &event.id));
    cal.raw("DTSTAMP", &stamp);
    match (start, end) {
        (Moment::Day(start), end) => {
            cal.raw("DTSTART;VALUE=DATE", &start);
            if let Some(end) = end {
                cal.raw("DTEND;VALUE=DATE", &end);
            }
        }
        (Moment::Instant(start), end) => {
            cal.raw("DTSTART", &start);
            if let Some(end) = end {
                cal.raw("DTEND", &end);
            }
        }
    }
    cal.text("SUMMARY", title);
    let description = description(event, language, default);
    if !description.is_empty() {
        cal.text("DESCRIPTION", &description);
    }
    let place: Vec<&str> = [event.venue.as_deref(), event.city.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        cal.text("LOCATION", &place.join(", "));
    }
    if let Some(url) = event.registration.as_ref().and_then(|r| r.url.as_ref()) {
        cal.raw("URL", url.as_str());
    }
    if let Some(org) = organizer {
        if let Some(email) = &org.email {
            let name = format!("ORGANIZER;CN={}", param_value(&org.name));
            cal.raw(&name, &format!("mailto:{email}"));
        }
    }
    cal.raw("END", "VEVENT");
    cal.raw("END", "VCALENDAR");
    Ok(ExportFile {
        file_name: file_name(title, &event.id, "ics"),
        media_type: MEDIA_TYPE,
        text: cal.finish(),
    })
}

/// DTSTART's form decides DTEND's: both are days, or both are moments.
#[derive(Debug)]
enum Moment {
    /// `20240306`
    Day(String),
    /// `20240306T083000Z`
    Instant(String),
}

/// Start and end in iCalendar form. A day-long event without an end lasts
/// its day; a moment without an end is written without DTEND, which RFC 5545
/// reads as "starts then", as the publisher wrote it.
fn when(event: &Event) -> Result<(Moment, Option<String>), ExportError> {
    let start_text = event.start.as_str();
    let start = precise("start", start_text)?;
    let end = match &event.end {
        Some(end) => Some(precise("end", end.as_str())?),
        None => None,
    };
    let out_of_range = |field: &'static str, value: &str| ExportError::OutOfRange {
        field,
        value: value.to_owned(),
    };
    let end_text = event.end.as_ref().map(|e| e.as_str()).unwrap_or(start_text);
    match start {
        Precise::Day(day) => {
            // The last day the event covers, then the day after it, since an
            // all-day DTEND is exclusive.
            let last = match end {
                Some(Precise::Day(last)) => last,
                Some(Precise::Instant(last)) => last.date(),
                None => day,
            };
            let after = last
                .next_day()
                .ok_or_else(|| out_of_range("end", end_text))?;
            Ok((Moment::Day(date_basic(day)), Some(date_basic(after))))
        }
        Precise::Instant(instant) => {
            let start = utc_basic(instant).ok_or_else(|| out_of_range("start", start_text))?;
            let end = match end {
                Some(Precise::Instant(end)) => Some(end),
                // An end given as a day ends at the close of that day, in
                // the offset the start was published with.
                Some(Precise::Day(last)) => {
                    let after = last
                        .next_day()
                        .ok_or_else(|| out_of_range("end", end_text))?;
                    Some(OffsetDateTime::new_in_offset(
                        after,
                        Time::MIDNIGHT,
                        instant.offset(),
                    ))
                }
                None => None,
            };
            let end = match end {
                Some(end) => Some(utc_basic(end).ok_or_else(|| out_of_range("end", end_text))?),
                None => None,
            };
            Ok((Moment::Instant(start), end))
        }
    }
}

/// A date that names a day or a moment.
enum Precise {
    Day(Date),
    Instant(OffsetDateTime),
}

fn precise(field: &'static str, value: &str) -> Result<Precise, ExportError> {
    match parse_date(value) {
        Ok(DateValue::Day(day)) => Ok(Precise::Day(day)),
        Ok(DateValue::Instant(instant)) => Ok(Precise::Instant(instant)),
        Ok(DateValue::Year(_) | DateValue::Month(..)) => Err(ExportError::ImpreciseDate {
            field,
            value: value.to_owned(),
        }),
        Err(_) => Err(ExportError::Date {
            field,
            value: value.to_owned(),
        }),
    }
}

/// The description, then how to register: the calendar entry is often the
/// only place the user looks at again.
fn description(event: &Event, language: &str, default: &str) -> String {
    let german = language == "de" || language.starts_with("de-");
    let mut parts: Vec<String> = Vec::new();
    if let Some(text) = &event.description {
        parts.push(text.resolve(language, default).to_owned());
    }
    if let Some(registration) = &event.registration {
        let label = if german { "Anmeldung" } else { "Registration" };
        for way in [
            registration.email.as_ref().map(|e| e.as_str()),
            registration.url.as_ref().map(|u| u.as_str()),
        ]
        .into_iter()
        .flatten()
        {
            parts.push(format!("{label}: {way}"));
        }
        if let Some(deadline) = &registration.deadline {
            let label = if german {
                "Anmeldeschluss"
            } else {
                "Registration deadline"
            };
            parts.push(format!("{label}: {deadline}"));
        }
    }
    parts.join("\n\n")
}
