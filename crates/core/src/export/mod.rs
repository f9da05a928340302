//! What the entity pages hand to other programs: `tel:` numbers, vCards for
//! the address book, calendar entries, and article bodies as safe HTML.
//!
//! Everything here is pure and deterministic: the same dataset gives the same
//! bytes (time stamps come from `meta.published_at`, never from the clock), so
//! an exported file can be compared, cached and tested.

pub mod ical;
pub mod markdown;
pub mod phone;
pub mod vcard;

mod lines;

use std::borrow::Cow;

use crate::compact::Entries;
use crate::model::Id;

/// A file ready for download: its text, a suggested ASCII-safe name and its
/// media type (for the `Blob` and the `download` attribute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// Suggested name such as `kora.vcf`: ASCII letters, digits and `-` only,
    /// so every file system and browser keeps it as it is.
    pub file_name: String,
    /// `text/vcard;charset=utf-8` or `text/calendar;charset=utf-8`.
    pub media_type: &'static str,
    /// The file's content, CRLF line endings, folded at 75 octets.
    pub text: String,
}

/// Why an entry cannot be exported. A dataset that passed
/// [`crate::validate`] gives none of these except [`ExportError::ImpreciseDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A value that should be a timestamp or date is not one.
    #[error("{field} {value:?} is not a date or timestamp")]
    Date { field: &'static str, value: String },
    /// An event known only by its year or month cannot be put in a calendar.
    #[error("{field} {value:?} names only a year or a month; a calendar entry needs a day")]
    ImpreciseDate { field: &'static str, value: String },
    /// A date at the very edge of the calendar (the day after 9999-12-31).
    #[error("{field} {value:?} lies outside the calendar a file can express")]
    OutOfRange { field: &'static str, value: String },
    /// A reference to an organisation the dataset does not have.
    #[error("the organization {0:?} is not in the dataset")]
    UnknownOrganization(String),
}

/// A stable, globally unique id for an entry: the same entry of the same
/// dataset gets the same UID in every export, so a second import updates the
/// first instead of duplicating it.
pub fn uid(dataset: &dyn Entries, entity: &Id) -> String {
    format!("urn:dialognetz:{}:{}", dataset.meta().id, entity)
}

/// The organisation with this id, as a typed error when it is missing.
fn organization<'a>(
    dataset: &'a dyn Entries,
    id: &Id,
) -> Result<Cow<'a, crate::model::Organization>, ExportError> {
    dataset
        .organization_by_id(id.as_str())
        .ok_or_else(|| ExportError::UnknownOrganization(id.to_string()))
}

/// Longest stem of a suggested file name, in bytes; long names get cut by
/// some systems and are unreadable in a download bar anyway.
const FILE_STEM_MAX: usize = 60;

/// An ASCII-safe file name from a display text: German umlauts and ß are
/// spelt out, other accents dropped, everything else becomes `-`. Falls back
/// to the entry id (already ASCII) when nothing is left.
pub fn file_name(display: &str, fallback: &Id, extension: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut stem = String::new();
    let mut pending_dash = false;
    let mut push = |c: char, stem: &mut String| {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !stem.is_empty() {
                stem.push('-');
            }
            pending_dash = false;
            stem.push(c);
        } else {
            pending_dash = true;
        }
    };
    for c in display.chars() {
        match c {
            'ä' => "ae".chars().for_each(|c| push(c, &mut stem)),
            'ö' => "oe".chars().for_each(|c| push(c, &mut stem)),
            'ü' => "ue".chars().for_each(|c| push(c, &mut stem)),
            'Ä' => "Ae".chars().for_each(|c| push(c, &mut stem)),
            'Ö' => "Oe".chars().for_each(|c| push(c, &mut stem)),
            'Ü' => "Ue".chars().for_each(|c| push(c, &mut stem)),
            'ß' => "ss".chars().for_each(|c| push(c, &mut stem)),
            // Letters that no decomposition takes to ASCII.
            'ı' => push('i', &mut stem),
            'ø' | 'Ø' => push(if c == 'ø' { 'o' } else { 'O' }, &mut stem),
            'ł' | 'Ł' => push(if c == 'ł' { 'l' } else { 'L' }, &mut stem),
            'đ' | 'Đ' => push(if c == 'đ' { 'd' } else { 'D' }, &mut stem),
            'æ' => "ae".chars().for_each(|c| push(c, &mut stem)),
            'Æ' => "Ae".chars().for_each(|c| push(c, &mut stem)),
            'œ' => "oe".chars().for_each(|c| push(c, &mut stem)),
            'Œ' => "Oe".chars().for_each(|c| push(c, &mut stem)),
            _ => {
                // Decompose so that é keeps its e; the combining marks are
                // not ASCII and vanish without leaving a dash.
                for part in std::iter::once(c).nfkd() {
                    if part.is_ascii() {
                        push(part, &mut stem);
                    } else if !unicode_normalization::char::is_combining_mark(part) {
                        push(' ', &mut stem);
                    }
                }
            }
        }
    }
    if stem.len() > FILE_STEM_MAX {
        let cut = stem[..FILE_STEM_MAX].rfind('-').unwrap_or(FILE_STEM_MAX);
        stem.truncate(cut);
    }
    if stem.is_empty() {
        stem = fallback.to_string();
    }
    format!("{stem}.{extension}")
}

/// The German name of a federal state, for the region of an address.
fn state_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "BW" => "Baden-Württemberg",
        "BY" => "Bayern",
        "BE" => "Berlin",
        "BB" => "Brandenburg",
        "HB" => "Bremen",
        "HH" => "Hamburg",
        "HE" => "Hessen",
        "MV" => "Mecklenburg-Vorpommern",
        "NI" => "Niedersachsen",
        "NW" => "Nordrhein-Westfalen",
        "RP" => "Rheinland-Pfalz",
        "SL" => "Saarland",
        "SN" => "Sachsen",
        "ST" => "Sachsen-Anhalt",
        "SH" => "Schleswig-Holstein",
        "TH" => "Thüringen",
        _ => return None,
    })
}

/// `published_at` as a UTC date-time in the basic form both formats use
/// (`20240215T080000Z`).
fn published_utc(dataset: &dyn Entries) -> Result<String, ExportError> {
    let value = dataset.meta().published_at.as_str();
    let error = || ExportError::Date {
        field: "meta.published_at",
        value: value.to_owned(),
    };
    let instant = crate::rules::parse_timestamp(value).map_err(|_| error())?;
    lines::utc_basic(instant).ok_or_else(|| ExportError::OutOfRange {
        field: "meta.published_at",
        value: value.to_owned(),
    })
}
