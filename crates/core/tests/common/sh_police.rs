//! The Schleswig-Holstein police-station table
//! (`data/sh-polizei/sh_polizeidienststellen.tsv`, CC0, Landespolizei
//! Schleswig-Holstein) converted into a Dialognetz dataset, as a publisher
//! would: a real table with real defects (missing coordinates, odd phone
//! formats, typos in names) as a search fixture.
//!
//! Each row becomes an organisation `sh-polizei-<id>` of kind `police`:
//! - name as published, trimmed;
//! - address: street and house number (white space collapsed), the postcode
//!   if it is a valid German postcode, the city as published (`Lübeck,
//!   Hansestadt`), state `SH`;
//! - geo only when both coordinates parse and are in range;
//! - phone, e-mail and website only when they pass the format's rules
//!   (`check_phone`, `check_email`, `check_url`); dropped values are counted
//!   in [`Report`]. The fax number has no field in the format.

use dialognetz_core::rules::{check_email, check_phone, check_postcode, check_url};
use dialognetz_core::{
    Address, Dataset, Email, Geo, Id, LanguageTag, LocalizedText, Meta, Organization,
    OrganizationKind, Phone, Postcode, StateCode, SynonymGroup, Timestamp, Url, FORMAT_NAME,
};

/// Where the table is, from the core crate's directory.
pub const TSV_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/sh-polizei/sh_polizeidienststellen.tsv"
);

/// The columns the table must have (in any order).
const COLUMNS: [&str; 12] = [
    "id",
    "name",
    "city",
    "zipcode",
    "street",
    "house_number",
    "telephone",
    "fax",
    "email",
    "website",
    "longitude",
    "latitude",
];

/// One row of the table, every value as published (untrimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub city: String,
    pub zipcode: String,
    pub street: String,
    pub house_number: String,
    pub telephone: String,
    pub fax: String,
    pub email: String,
    pub website: String,
    pub longitude: String,
    pub latitude: String,
}

impl Row {
    /// The id of the organisation made from this row.
    pub fn org_id(&self) -> String {
        format!("sh-polizei-{}", self.id.trim())
    }

    /// The coordinates, if both parse and are in range.
    pub fn geo(&self) -> Option<Geo> {
        let lat: f64 = self.latitude.trim().parse().ok()?;
        let lon: f64 = self.longitude.trim().parse().ok()?;
        let in_range = lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        in_range.then_some(Geo { lat, lon })
    }

    /// The phone's digits in national form (`+49 431 160-0` → `04311600`).
    pub fn national_phone_digits(&self) -> String {
        let phone = self.telephone.trim();
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        match digits.strip_prefix("49") {
            Some(rest) if phone.starts_with('+') => format!("0{}", rest.trim_start_matches('0')),
            _ => digits,
        }
    }
}

/// What the conversion dropped or left out, by row id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub rows: usize,
    /// Rows without usable coordinates.
    pub without_geo: Vec<String>,
    /// Rows whose postcode is not a German postcode.
    pub without_postcode: Vec<String>,
    /// Phones that failed `check_phone` (row id, value).
    pub dropped_phones: Vec<(String, String)>,
    /// E-mail addresses that failed `check_email`.
    pub dropped_emails: Vec<(String, String)>,
    /// Websites that failed `check_url`.
    pub dropped_websites: Vec<(String, String)>,
}

/// The converted table.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The rows as read, in the table's order (= `dataset.organizations`).
    pub rows: Vec<Row>,
    pub dataset: Dataset,
    pub report: Report,
}

/// Reads and converts the table in the repository.
pub fn load() -> Conversion {
    let text = std::fs::read_to_string(TSV_PATH)
        .unwrap_or_else(|e| panic!("{TSV_PATH} is in the repository: {e}"));
    convert(&text).unwrap_or_else(|e| panic!("{TSV_PATH}: {e}"))
}

/// Splits the TSV into rows (no quoting: the table has none, and a quote
/// would be kept as a character).
pub fn parse(text: &str) -> Result<Vec<Row>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or("the table is empty")?;
    let header: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mut at = [0usize; COLUMNS.len()];
    for (slot, column) in at.iter_mut().zip(COLUMNS) {
        *slot = header
            .iter()
            .position(|h| *h == column)
            .ok_or_else(|| format!("no column {column:?} in {header:?}"))?;
    }
    let mut rows = Vec::new();
    for (number, line) in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != header.len() {
            return Err(format!(
                "line {}: {} cells, the header has {}",
                number + 1,
                cells.len(),
                header.len()
            ));
        }
        let cell = |i: usize| cells[at[i]].to_owned();
        rows.push(Row {
            id: cell(0),
            name: cell(1),
            city: cell(2),
            zipcode: cell(3),
            street: cell(4),
            house_number: cell(5),
            telephone: cell(6),
            fax: cell(7),
            email: cell(8),
            website: cell(9),
            longitude: cell(10),
            latitude: cell(11),
        });
    }
    Ok(rows)
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Converts the TSV text into a dataset.
pub fn convert(text: &str) -> Result<Conversion, String> {
    let rows = parse(text)?;
    let mut report = Report {
        rows: rows.len(),
        ..Report::default()
    };
    let mut organizations = Vec::with_capacity(rows.len());
    for row in &rows {
        let id = row.id.trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("row id {id:?} is not a number"));
        }
        let street = collapse_spaces(&format!("{} {}", row.street, row.house_number));
        let zipcode = row.zipcode.trim();
        let postcode = check_postcode(zipcode)
            .is_ok()
            .then(|| Postcode::from(zipcode));
        if postcode.is_none() {
            report.without_postcode.push(id.to_owned());
        }
        let city = row.city.trim();
        let address = (!city.is_empty()).then(|| Address {
            street: (!street.is_empty()).then_some(street),
            postcode,
            city: city.to_owned(),
            state: Some(StateCode::from("SH")),
        });
        let geo = row.geo();
        if geo.is_none() {
            report.without_geo.push(id.to_owned());
        }
        let phone = row.telephone.trim();
        let phone = match phone {
            "" => None,
            p if check_phone(p).is_ok() => Some(Phone::from(p)),
            p => {
                report.dropped_phones.push((id.to_owned(), p.to_owned()));
                None
            }
        };
        let email = row.email.trim();
        let email = match email {
            "" => None,
            e if check_email(e).is_ok() => Some(Email::from(e)),
            e => {
                report.dropped_emails.push((id.to_owned(), e.to_owned()));
                None
            }
        };
        let website = row.website.trim();
        let website = match website {
            "" => None,
            w if check_url(w).is_ok() => Some(Url::from(w)),
            w => {
                report.dropped_websites.push((id.to_owned(), w.to_owned()));
                None
            }
        };
        organizations.push(Organization {
            id: Id(row.org_id()),
            name: row.name.trim().to_owned(),
            short_name: None,
            kind: OrganizationKind::Police,
            description: None,
            address,
            geo,
            phone,
            email,
            website,
            languages: Vec::new(),
            parent: None,
            topics: Vec::new(),
        });
    }
    let synonyms = [
        ["kripo", "kriminalpolizei"],
        ["revier", "polizeirevier"],
        ["pd", "polizeidirektion"],
        ["lka", "landeskriminalamt"],
    ]
    .iter()
    .map(|group| SynonymGroup(group.iter().map(|w| (*w).to_owned()).collect()))
    .collect();
    let dataset = Dataset {
        format: FORMAT_NAME.to_owned(),
        format_version: 1,
        meta: Meta {
            id: Id::from("sh-polizei"),
            title: LocalizedText::from("Polizeidienststellen in Schleswig-Holstein"),
            publisher: "Landespolizei Schleswig-Holstein (Open Data, CC0)".to_owned(),
            version: "1".to_owned(),
            published_at: Timestamp::from("2025-01-15T12:00:00+01:00"),
            default_language: Some(LanguageTag::from("de")),
            license: Some("CC0-1.0".to_owned()),
            contact_email: None,
            synthetic: None,
        },
        topics: Vec::new(),
        organizations,
        contacts: Vec::new(),
        forums: Vec::new(),
        events: Vec::new(),
        projects: Vec::new(),
        articles: Vec::new(),
        synonyms,
    };
    Ok(Conversion {
        rows,
        dataset,
        report,
    })
}
