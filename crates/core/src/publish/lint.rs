//! What is valid but likely wrong in a dataset, with a suggestion for each
//! finding. Validation says what the app refuses; the lint says what users
//! would trip over: duplicates, a phone whose area code belongs to another
//! place, entries "near me" cannot find, past events still taking
//! registrations, forums nobody can be asked about, links without https.
//!
//! The area-code check is a heuristic, and says so: the area code's place
//! (from the area-code table) and the entry's place (its coordinates, else
//! its postcode's centre, else its city, from the postcode table) are more
//! than [`AREA_CODE_KM`] apart. Area-code districts are small (a town and
//! its villages), so a phone from a district that far away is usually a
//! copy-and-paste slip; a central number of a larger authority is the
//! usual exception. Where either place is unknown, nothing is said.

use std::collections::HashMap;

use serde::Serialize;
use time::Date as CalendarDate;

use super::area_codes::AreaCodes;
use super::national_digits;
use crate::geo::{distance_km, PostcodeTable};
use crate::model::*;
use crate::rules::parse_date;

/// How far the area code's place may lie from the entry's place.
pub const AREA_CODE_KM: f64 = 30.0;

/// How far coordinates may lie from their postcode's centre: German
/// postcode areas are at most about 20 km across.
pub const POSTCODE_KM: f64 = 25.0;

/// What the lint knows besides the dataset.
#[derive(Debug, Clone, Copy)]
pub struct LintContext<'a> {
    /// Events that ended before this day are past.
    pub today: CalendarDate,
    /// For the area-code check; without it the check is not made.
    pub area_codes: Option<&'a AreaCodes>,
    /// Places by postcode and name, for the area-code check.
    pub places: Option<&'a PostcodeTable>,
}

/// The kind of a finding; the snake-case code is stable for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LintRule {
    /// Two organisations with the same normalised name in the same city.
    DuplicateName,
    /// Two organisations with the same phone number.
    DuplicatePhone,
    /// A phone's area code belongs to a place far from the entry.
    AreaCode,
    /// No coordinates and no postcode: invisible to "near me".
    NoLocation,
    /// Coordinates far from the entry's postcode.
    CoordinatesFar,
    /// An event that is over but still offers registration.
    PastEventOpen,
    /// A forum without a contact.
    ForumWithoutContact,
    /// A link with http: instead of https:.
    Http,
}

impl LintRule {
    pub fn code(self) -> &'static str {
        match self {
            LintRule::DuplicateName => "duplicate_name",
            LintRule::DuplicatePhone => "duplicate_phone",
            LintRule::AreaCode => "area_code",
            LintRule::NoLocation => "no_location",
            LintRule::CoordinatesFar => "coordinates_far",
            LintRule::PastEventOpen => "past_event_open",
            LintRule::ForumWithoutContact => "forum_without_contact",
            LintRule::Http => "http",
        }
    }
}

/// One likely mistake.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// JSON path (`organizations[12].phone`).
    pub path: String,
    /// The entry's id.
    pub id: String,
    pub rule: LintRule,
    /// What looks wrong.
    pub message: String,
    /// What to do about it.
    pub suggestion: String,
}

impl Finding {
    /// `path (id): message; suggestion [rule]`.
    pub fn render(&self) -> String {
        format!(
            "{} ({}): {}; {} [{}]",
            self.path,
            self.id,
            self.message,
            self.suggestion,
            self.rule.code()
        )
    }
}

/// Every finding, in the order of the lists and their entries.
pub fn lint(dataset: &Dataset, context: &LintContext) -> Vec<Finding> {
    let mut findings = Vec::new();
    duplicates(dataset, &mut findings);
    area_codes(dataset, context, &mut findings);
    locations(dataset, &mut findings);
    events(dataset, context.today, &mut findings);
    forums(dataset, &mut findings);
    http_links(dataset, &mut findings);
    findings.sort_by(|a, b| {
        path_key(&a.path)
            .cmp(&path_key(&b.path))
            .then(a.rule.cmp(&b.rule))
    });
    findings
}

/// Sorts `organizations[10]` after `organizations[9]`.
fn path_key(path: &str) -> (usize, usize, String) {
    let list = path.split('[').next().unwrap_or_default();
    let order = [
        "meta",
        "topics",
        "organizations",
        "contacts",
        "forums",
        "events",
        "projects",
        "articles",
    ]
    .iter()
    .position(|l| *l == list)
    .unwrap_or(usize::MAX);
    let index = path
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(0);
    (order, index, path.to_owned())
}

fn duplicates(dataset: &Dataset, findings: &mut Vec<Finding>) {
    let mut by_name: HashMap<(String, String), usize> = HashMap::new();
    let mut by_phone: HashMap<String, usize> = HashMap::new();
    for (i, org) in dataset.organizations.iter().enumerate() {
        let city = org
            .address
            .as_ref()
            .map(|a| super::fold(&a.city))
            .unwrap_or_default();
        let key = (super::fold(&org.name), city);
        if let Some(&first) = by_name.get(&key) {
            let other = &dataset.organizations[first];
            findings.push(Finding {
                path: format!("organizations[{i}]"),
                id: org.id.0.clone(),
                rule: LintRule::DuplicateName,
                message: format!(
                    "looks like a duplicate of organizations[{first}] ({}): same name {:?}{}",
                    other.id,
                    org.name,
                    org.address
                        .as_ref()
                        .map(|a| format!(" in {}", a.city))
                        .unwrap_or_default()
                ),
                suggestion: "merge the two, or make the names tell them apart".to_owned(),
            });
        } else {
            by_name.insert(key, i);
        }
        if let Some(digits) = org.phone.as_ref().and_then(|p| national_digits(p.as_str())) {
            if let Some(&first) = by_phone.get(&digits) {
                let other = &dataset.organizations[first];
                findings.push(Finding {
                    path: format!("organizations[{i}].phone"),
                    id: org.id.0.clone(),
                    rule: LintRule::DuplicatePhone,
                    message: format!(
                        "{:?} is also the phone of organizations[{first}] ({}, {:?})",
                        org.phone.as_ref().map(Phone::as_str).unwrap_or_default(),
                        other.id,
                        other.name
                    ),
                    suggestion: "if both are one office, merge them; if it is a shared switchboard, give each its direct number where there is one".to_owned(),
                });
            } else {
                by_phone.insert(digits, i);
            }
        }
    }
}

/// Every point of every place name, and every postcode's centre, from the
/// postcode table: a name such as Leezen is two villages 80 km apart, and
/// the check must not pick the wrong one.
struct Points {
    by_name: HashMap<String, Vec<Geo>>,
    by_postcode: HashMap<String, Geo>,
}

impl Points {
    fn new(places: &PostcodeTable) -> Points {
        let mut points = Points {
            by_name: HashMap::new(),
            by_postcode: HashMap::new(),
        };
        for line in places.to_compact().lines().filter(|l| !l.starts_with('#')) {
            let cells: Vec<&str> = line.split('\t').collect();
            let [postcode, lat, lon, _state, names] = cells[..] else {
                continue;
            };
            let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) else {
                continue;
            };
            let geo = Geo { lat, lon };
            points.by_postcode.insert(postcode.to_owned(), geo);
            for name in names.split('|') {
                points
                    .by_name
                    .entry(super::fold(name))
                    .or_default()
                    .push(geo);
            }
        }
        points
    }

    fn named(&self, name: &str) -> &[Geo] {
        self.by_name
            .get(&super::fold(name))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// Where an organisation is, for the area code: its postcode's centre,
/// else the places of its city's name, else its coordinates.
fn org_points(org: &Organization, points: &Points) -> Option<(Vec<Geo>, String)> {
    let address = org.address.as_ref();
    let city = address
        .map(|a| a.city.clone())
        .unwrap_or_else(|| "its coordinates".to_owned());
    if let Some(geo) = address
        .and_then(|a| a.postcode.as_ref())
        .and_then(|p| points.by_postcode.get(p.as_str()))
    {
        return Some((vec![*geo], city));
    }
    let named = address.map(|a| points.named(&a.city)).unwrap_or_default();
    if !named.is_empty() {
        return Some((named.to_vec(), city));
    }
    org.geo.map(|geo| (vec![geo], city))
}

/// The shortest distance between two sets of points.
fn nearest(a: &[Geo], b: &[Geo]) -> Option<f64> {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| distance_km(*x, *y)))
        .min_by(f64::total_cmp)
}

fn area_codes(dataset: &Dataset, context: &LintContext, findings: &mut Vec<Finding>) {
    let (Some(codes), Some(places)) = (context.area_codes, context.places) else {
        return;
    };
    let points = Points::new(places);
    for (i, org) in dataset.organizations.iter().enumerate() {
        let (Some(geo), Some(postcode)) = (
            org.geo,
            org.address.as_ref().and_then(|a| a.postcode.as_ref()),
        ) else {
            continue;
        };
        let Some(centre) = points.by_postcode.get(postcode.as_str()) else {
            continue;
        };
        let km = distance_km(geo, *centre);
        if km > POSTCODE_KM {
            findings.push(Finding {
                path: format!("organizations[{i}].geo"),
                id: org.id.0.clone(),
                rule: LintRule::CoordinatesFar,
                message: format!(
                    "lat {}, lon {} lies {km:.0} km from the centre of its postcode {postcode}",
                    geo.lat, geo.lon
                ),
                suggestion: "check the coordinates (a digit off, or those of another place?)"
                    .to_owned(),
            });
        }
    }
    let mut check = |path: String, id: &str, phone: &Phone, at: Option<(Vec<Geo>, String)>| {
        let Some((here, city)) = at else { return };
        let Some((code, place)) = codes.place_of(phone.as_str()) else {
            return;
        };
        let Some(km) = nearest(&here, points.named(place)) else {
            return;
        };
        if km > AREA_CODE_KM {
            findings.push(Finding {
                path,
                id: id.to_owned(),
                rule: LintRule::AreaCode,
                message: format!(
                    "{:?} has the area code {code} of {place}, {km:.0} km from {city}",
                    phone.as_str()
                ),
                suggestion: "check the number; if it is a central number far away, that is fine"
                    .to_owned(),
            });
        }
    };
    for (i, org) in dataset.organizations.iter().enumerate() {
        if let Some(phone) = &org.phone {
            check(
                format!("organizations[{i}].phone"),
                org.id.as_str(),
                phone,
                org_points(org, &points),
            );
        }
    }
    let orgs: HashMap<&str, &Organization> = dataset
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    for (i, contact) in dataset.contacts.iter().enumerate() {
        let Some(phone) = &contact.phone else {
            continue;
        };
        let area_city = contact.area.as_ref().and_then(|a| a.city.as_deref());
        let at = match area_city {
            Some(city) if !points.named(city).is_empty() => {
                Some((points.named(city).to_vec(), city.to_owned()))
            }
            _ => orgs
                .get(contact.organization.as_str())
                .and_then(|org| org_points(org, &points)),
        };
        check(
            format!("contacts[{i}].phone"),
            contact.id.as_str(),
            phone,
            at,
        );
    }
}

fn locations(dataset: &Dataset, findings: &mut Vec<Finding>) {
    for (i, org) in dataset.organizations.iter().enumerate() {
        let postcode = org.address.as_ref().and_then(|a| a.postcode.as_ref());
        if org.geo.is_none() && postcode.is_none() {
            findings.push(Finding {
                path: format!("organizations[{i}]"),
                id: org.id.0.clone(),
                rule: LintRule::NoLocation,
                message: "has neither coordinates nor a postcode, so \"near me\" never shows it"
                    .to_owned(),
                suggestion: "add the postcode (address.postcode) or the coordinates (geo)"
                    .to_owned(),
            });
        }
    }
    for (i, forum) in dataset.forums.iter().enumerate() {
        if forum.geo.is_none() {
            findings.push(Finding {
                path: format!("forums[{i}]"),
                id: forum.id.0.clone(),
                rule: LintRule::NoLocation,
                message:
                    "has no coordinates (forums have no postcode), so \"near me\" never shows it"
                        .to_owned(),
                suggestion: "add the coordinates of where it meets (geo)".to_owned(),
            });
        }
    }
}

fn events(dataset: &Dataset, today: CalendarDate, findings: &mut Vec<Finding>) {
    for (i, event) in dataset.events.iter().enumerate() {
        let Some(registration) = &event.registration else {
            continue;
        };
        if registration.email.is_none() && registration.url.is_none() {
            continue;
        }
        let last = event.end.as_ref().unwrap_or(&event.start);
        let Ok(last) = parse_date(last.as_str()) else {
            continue;
        };
        if last.last_day() < today {
            findings.push(Finding {
                path: format!("events[{i}].registration"),
                id: event.id.0.clone(),
                rule: LintRule::PastEventOpen,
                message: format!(
                    "the event ended on {} but still offers registration",
                    last.last_day()
                ),
                suggestion: "remove the registration, or the event if it is no longer of use"
                    .to_owned(),
            });
        }
    }
}

fn forums(dataset: &Dataset, findings: &mut Vec<Finding>) {
    for (i, forum) in dataset.forums.iter().enumerate() {
        if forum.contact.is_none() {
            findings.push(Finding {
                path: format!("forums[{i}]"),
                id: forum.id.0.clone(),
                rule: LintRule::ForumWithoutContact,
                message: "has no contact, so nobody can be asked about it or about joining"
                    .to_owned(),
                suggestion: "add a contact (forums[].contact, the id of a contact)".to_owned(),
            });
        }
    }
}

fn http_links(dataset: &Dataset, findings: &mut Vec<Finding>) {
    let mut check = |path: String, id: &str, url: &Url| {
        if url
            .as_str()
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
        {
            findings.push(Finding {
                path,
                id: id.to_owned(),
                rule: LintRule::Http,
                message: format!(
                    "{:?} uses http:, which anyone on the way can read and change",
                    url.as_str()
                ),
                suggestion: format!(
                    "use https://{} if the site answers there",
                    &url.as_str()[7..]
                ),
            });
        }
    };
    for (i, org) in dataset.organizations.iter().enumerate() {
        if let Some(url) = &org.website {
            check(format!("organizations[{i}].website"), org.id.as_str(), url);
        }
    }
    for (i, event) in dataset.events.iter().enumerate() {
        if let Some(url) = event.registration.as_ref().and_then(|r| r.url.as_ref()) {
            check(
                format!("events[{i}].registration.url"),
                event.id.as_str(),
                url,
            );
        }
    }
    for (i, project) in dataset.projects.iter().enumerate() {
        for (j, link) in project.links.iter().enumerate() {
            check(
                format!("projects[{i}].links[{j}].url"),
                project.id.as_str(),
                &link.url,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn dataset(json: &str) -> Dataset {
        let text = format!(
            r#"{{"format": "dialognetz-dataset", "format_version": 1,
            "meta": {{"id": "t", "title": "T", "publisher": "P", "version": "1", "published_at": "2026-01-01T00:00:00Z"}},
            {json}}}"#
        );
        crate::validate(text.as_bytes()).unwrap_or_else(|p| panic!("valid: {p:?}"))
    }

    fn context() -> LintContext<'static> {
        LintContext {
            today: date!(2026 - 06 - 01),
            area_codes: None,
            places: None,
        }
    }

    fn rules(findings: &[Finding]) -> Vec<(String, LintRule)> {
        findings.iter().map(|f| (f.path.clone(), f.rule)).collect()
    }

    #[test]
    fn duplicates_by_name_and_city_or_by_phone() {
        let data = dataset(
            r#""organizations": [
              {"id": "a", "name": "Polizeirevier Kiel", "kind": "police", "address": {"city": "Kiel", "postcode": "24103"}, "phone": "+49 431 160-0"},
              {"id": "b", "name": "Polizeirevier  KIEL", "kind": "police", "address": {"city": "Kiel", "postcode": "24103"}},
              {"id": "c", "name": "Polizeirevier Kiel", "kind": "police", "address": {"city": "Lübeck", "postcode": "23566"}, "phone": "0431 1600"}
            ]"#,
        );
        let findings = lint(&data, &context());
        assert_eq!(
            rules(&findings),
            [
                ("organizations[1]".to_owned(), LintRule::DuplicateName),
                (
                    "organizations[2].phone".to_owned(),
                    LintRule::DuplicatePhone
                ),
            ]
        );
        assert!(
            findings[1].message.contains("organizations[0] (a"),
            "{}",
            findings[1].message
        );
    }

    #[test]
    fn no_location_past_events_forums_without_contact_and_http() {
        let data = dataset(
            r#""organizations": [
              {"id": "a", "name": "A", "kind": "police", "address": {"city": "Kiel"}, "website": "http://www.polizei.de"},
              {"id": "b", "name": "B", "kind": "police", "address": {"city": "Kiel", "postcode": "24103"}, "website": "https://www.polizei.de"}
            ],
            "forums": [{"id": "f", "name": "Dialog", "city": "Kiel", "geo": {"lat": 54.3, "lon": 10.1}}],
            "events": [
              {"id": "old", "title": "Old", "start": "2026-05", "registration": {"email": "a@b.de"}},
              {"id": "soon", "title": "Soon", "start": "2026-06-01", "registration": {"email": "a@b.de"}},
              {"id": "done", "title": "Done", "start": "2025-01-01"}
            ]"#,
        );
        let findings = lint(&data, &context());
        assert_eq!(
            rules(&findings),
            [
                ("organizations[0]".to_owned(), LintRule::NoLocation),
                ("organizations[0].website".to_owned(), LintRule::Http),
                ("forums[0]".to_owned(), LintRule::ForumWithoutContact),
                ("events[0].registration".to_owned(), LintRule::PastEventOpen),
            ]
        );
        assert!(findings[1].suggestion.contains("https://www.polizei.de"));
        assert!(
            findings[3].message.contains("2026-05-31"),
            "{}",
            findings[3].message
        );
    }

    #[test]
    fn an_area_code_of_a_far_place_is_found_and_a_near_one_is_not() {
        let places = PostcodeTable::from_compact(
            "# dialognetz-postcodes 1; columns: postcode lat lon state places\n19067\t53.66\t11.5\tMV\tLeezen\n23566\t53.8655\t10.6866\tSH\tLübeck\n23816\t53.87\t10.25\tSH\tLeezen\n24103\t54.3233\t10.1228\tSH\tKiel\n24534\t54.0717\t9.9811\tSH\tNeumünster\n",
        );
        let places = match places {
            Ok(places) => places,
            Err(error) => panic!("the test table reads: {error}"),
        };
        let codes = AreaCodes::from_text("# dialognetz-area-codes 1\n0431\tKiel\n0451\tLübeck\n04321\tNeumünster\n04552\tLeezen\n")
            .expect("reads");
        let data = dataset(
            r#""organizations": [
              {"id": "a", "name": "Revier Kiel", "kind": "police", "address": {"city": "Kiel", "postcode": "24103"}, "phone": "0451 131-0"},
              {"id": "b", "name": "Revier Lübeck", "kind": "police", "address": {"city": "Lübeck", "postcode": "23566"}, "phone": "+49 451 131-1"},
              {"id": "c", "name": "Revier Neumünster", "kind": "police", "address": {"city": "Neumünster"}, "phone": "0171 1234567"},
              {"id": "d", "name": "Revier Timmendorf", "kind": "police", "address": {"city": "Lübeck", "postcode": "23566"}, "geo": {"lat": 54.49, "lon": 8.87}},
              {"id": "e", "name": "Station Leezen", "kind": "police", "address": {"city": "Leezen", "postcode": "23816"}, "phone": "+49 4552 1"}
            ],
            "contacts": [
              {"id": "k", "organization": "b", "role": "Kontakt", "phone": "0431 160-0"},
              {"id": "m", "organization": "b", "role": "Kontakt", "phone": "04321 945-0", "area": {"city": "Neumünster"}}
            ]"#,
        );
        let context = LintContext {
            area_codes: Some(&codes),
            places: Some(&places),
            ..context()
        };
        let all = lint(&data, &context);
        let far: Vec<&Finding> = all
            .iter()
            .filter(|f| f.rule == LintRule::CoordinatesFar)
            .collect();
        assert_eq!(far.len(), 1);
        assert_eq!(far[0].path, "organizations[3].geo");
        let findings: Vec<Finding> = all
            .into_iter()
            .filter(|f| f.rule == LintRule::AreaCode)
            .collect();
        assert_eq!(
            rules(&findings),
            [
                ("organizations[0].phone".to_owned(), LintRule::AreaCode),
                ("contacts[0].phone".to_owned(), LintRule::AreaCode),
            ]
        );
        assert!(
            findings[0].message.contains("area code 0451 of Lübeck"),
            "{}",
            findings[0].message
        );
    }
}
