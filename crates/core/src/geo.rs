//! Offline places: a German postcode or place name → a point, and the
//! distance between two points. "Near a place" must work without a network
//! (the app is offline-first, and sending what a user looks for to a
//! geocoding service would tell it who is looking for a mosque or a police
//! contact), so the postcode table ships with the app.
//!
//! # The compact table
//!
//! The app loads `public/data/postcodes.tsv`, written by
//! `dialognetz postcodes` from the GeoNames postcode file. It is plain UTF-8
//! text, one line per postcode, small enough to fetch and parse on a phone:
//!
//! ```text
//! # dialognetz-postcodes 1; columns: postcode lat lon state places; data: GeoNames (https://www.geonames.org), CC BY 4.0
//! 01067\t51.0547\t13.7269\tSN\tDresden|Dresden Innere Altstadt|Dresden Friedrichstadt
//! 24539\t54.0614\t9.9982\tSH\tNeumünster
//! 87491\t47.5741\t10.4472\t\tJungholz
//! ```
//!
//! - Line 1 is the header: `# dialognetz-postcodes `, the format version
//!   (`1`), then free text; the writer puts the columns and the attribution
//!   GeoNames requires (CC BY 4.0) there, so the licence travels with the
//!   file.
//! - Every other line has five fields separated by one tab: the postcode
//!   (five digits), latitude and longitude (WGS 84 degrees, at most four
//!   decimals, about 11 m: the precision GeoNames gives), the federal state
//!   as ISO 3166-2 code without `DE-` (`SH`; empty when the postcode lies
//!   outside any state: Jungholz is an Austrian village with a German
//!   postcode), and the places of the postcode separated by `|`, in the
//!   order of the source.
//! - Lines are sorted by postcode, each postcode once, so a lookup is a
//!   binary search and the file diffs well. Empty lines are ignored; line
//!   ends may be `\n` or `\r\n`.
//!
//! A postcode's point is the mean of the points GeoNames gives for its
//! places; a postcode shared by places in two states (there are a few, at
//! state borders) carries the state most of its places are in.
//!
//! # Resolving what a user types
//!
//! [`PostcodeTable::resolve`] takes the input trimmed and:
//! 1. five digits (optionally followed by a space and anything, as in
//!    `24539 Neumünster`) → that postcode, its first place and its point;
//!    a postcode not in the table gives nothing, unless a name follows it,
//!    which is then resolved as below (the postcode may have a typo);
//! 2. otherwise a place name, compared after
//!    [`normalize_text`] (case, umlauts typed as `ae`/`oe`/`ue` or without
//!    dots, `ß`/`ss` and punctuation do not matter), and
//!    - a name that equals the input wins;
//!    - else the one name that starts with the input (`frankfurt am` →
//!      Frankfurt am Main); when several names do (`Frankfurt` → Frankfurt am
//!      Main and Frankfurt (Oder)) nothing is resolved, because guessing
//!      would put a user at the wrong end of the country; the app offers
//!      [`PostcodeTable::suggest`] for that.
//!
//!   A place with several postcodes (Dresden has 24) resolves to the
//!   centre of all its postcodes and its lowest postcode. The same name can
//!   belong to unrelated villages far apart (Altdorf, Bergen, Neuenkirchen):
//!   the postcodes of a name are grouped into places, postcodes less than
//!   [`SAME_PLACE_KM`] apart chaining into one, and the place with the most
//!   postcodes wins, the one with the lowest postcode on a tie.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::rules::STATE_CODES;
use crate::search::text::normalize_text;
use crate::Geo;

/// The first word of the header line: what the file is.
pub const FORMAT_NAME: &str = "dialognetz-postcodes";
/// The version of the compact format this module reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The attribution GeoNames' licence asks for; written into every table.
pub const ATTRIBUTION: &str = "GeoNames (https://www.geonames.org), CC BY 4.0";

/// Postcodes of one name closer than this (km, between their centres) are
/// taken for one place: a city's postcodes lie a few km apart, while
/// villages that share a name are usually much further apart.
pub const SAME_PLACE_KM: f64 = 20.0;

/// Mean earth radius (IUGG), km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Longer inputs are not looked up: the longest German place name has about
/// 50 characters, and a pasted page must not cost a normalisation per key
/// press.
const MAX_INPUT_BYTES: usize = 256;

/// Values quoted in error messages are cut to this many characters.
const MAX_QUOTED_CHARS: usize = 40;

/// The federal states' names as GeoNames (and everyone) writes them, with
/// their ISO 3166-2 codes. GeoNames' own `state_code` column is not used:
/// it is GeoNames' code, not ISO's, and may change.
const STATE_NAMES: [(&str, &str); 16] = [
    ("Baden-Württemberg", "BW"),
    ("Bayern", "BY"),
    ("Berlin", "BE"),
    ("Brandenburg", "BB"),
    ("Bremen", "HB"),
    ("Hamburg", "HH"),
    ("Hessen", "HE"),
    ("Mecklenburg-Vorpommern", "MV"),
    ("Niedersachsen", "NI"),
    ("Nordrhein-Westfalen", "NW"),
    ("Rheinland-Pfalz", "RP"),
    ("Saarland", "SL"),
    ("Sachsen", "SN"),
    ("Sachsen-Anhalt", "ST"),
    ("Schleswig-Holstein", "SH"),
    ("Thüringen", "TH"),
];

/// A federal state's German name for its code (`SN` → `Sachsen`); state
/// names are proper names, shown so in every interface language.
pub fn state_name(code: &str) -> Option<&'static str> {
    STATE_NAMES
        .iter()
        .find(|(_, c)| c.eq_ignore_ascii_case(code))
        .map(|(name, _)| *name)
}

/// The ISO 3166-2 code (without `DE-`) of a federal state's German name
/// (`Schleswig-Holstein` → `SH`); the name is compared after
/// normalisation, so `Thueringen` and `baden wurttemberg` work too.
pub fn state_code(name: &str) -> Option<&'static str> {
    let key = normalize_text(name);
    STATE_NAMES
        .iter()
        .find(|(state, _)| normalize_text(state) == key)
        .map(|(_, code)| *code)
}

/// A postcode with a place and its point.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Five digits.
    pub postcode: String,
    /// The place as GeoNames writes it (`Neumünster`, `Frankfurt am Main`).
    pub name: String,
    /// ISO 3166-2 code of the federal state without `DE-` (`SH`).
    pub state: Option<String>,
    pub geo: Geo,
}

/// A line of the table could not be read, or the file is not a table.
/// Line numbers count from 1, as editors show them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoError {
    #[error(
        "the postcode table is empty; expected a first line `# {FORMAT_NAME} {FORMAT_VERSION}; …`"
    )]
    Empty,
    #[error("line 1: not a postcode table: expected `# {FORMAT_NAME} {FORMAT_VERSION}; …`, found \"{found}\"")]
    NotATable { found: String },
    #[error("line 1: postcode table format version {found} is not supported (this program reads version {FORMAT_VERSION}); regenerate the table with `dialognetz postcodes`")]
    UnsupportedVersion { found: String },
    #[error("line {line}: expected 5 fields separated by tabs (postcode, lat, lon, state, places), found {found}")]
    FieldCount { line: usize, found: usize },
    #[error("line {line}: \"{value}\" is not a postcode; expected five digits")]
    BadPostcode { line: usize, value: String },
    #[error("line {line}: postcode {postcode} comes after {previous}; lines must be sorted by postcode, each postcode once")]
    NotSorted {
        line: usize,
        postcode: String,
        previous: String,
    },
    #[error("line {line}: {field} \"{value}\" is not a number between {min} and {max}")]
    BadCoordinate {
        line: usize,
        field: &'static str,
        value: String,
        min: f64,
        max: f64,
    },
    #[error("line {line}: \"{value}\" is not a German state code; expected one of BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH, or nothing")]
    BadState { line: usize, value: String },
    #[error("line {line}: a place name is empty; separate names with a single `|`")]
    EmptyName { line: usize },
}

/// One postcode: its centre, state and places.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    postcode: String,
    geo: Geo,
    state: Option<String>,
    /// At least one, first-seen order, no duplicates.
    names: Vec<String>,
}

/// All places of one normalised name.
#[derive(Debug, Clone, PartialEq)]
struct NameKey {
    /// `normalize_text` of the name.
    key: String,
    /// (entry index, index into its names), ascending: entries are sorted
    /// by postcode, so the first hit has the lowest postcode.
    hits: Vec<(u32, u32)>,
}

/// The postcode table: lookups by postcode and by place name.
#[derive(Debug, Clone)]
pub struct PostcodeTable {
    /// Sorted by postcode, each once.
    entries: Vec<Entry>,
    /// Sorted by key, each once: exact lookup and prefix ranges by binary
    /// search. Derived from `entries` on the first lookup by name: building
    /// it normalises every name (most of the time of loading the table), and
    /// a user who types a postcode never needs it.
    names: OnceLock<Vec<NameKey>>,
}

impl PartialEq for PostcodeTable {
    /// Tables are equal when their postcodes are; the name index follows
    /// from them, built or not.
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl PostcodeTable {
    /// Reads the compact format (see the module documentation). Values are
    /// checked, not trusted: the file is fetched at run time and may be
    /// stale, truncated or edited by hand.
    pub fn from_compact(text: &str) -> Result<Self, GeoError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines();
        let header = lines.next().ok_or(GeoError::Empty)?;
        check_header(header)?;
        let mut entries: Vec<Entry> = Vec::new();
        for (index, line) in lines.enumerate() {
            let line_number = index + 2;
            if line.trim().is_empty() {
                continue;
            }
            let entry = parse_line(line, line_number)?;
            if let Some(previous) = entries.last() {
                if entry.postcode <= previous.postcode {
                    return Err(GeoError::NotSorted {
                        line: line_number,
                        postcode: entry.postcode,
                        previous: previous.postcode.clone(),
                    });
                }
            }
            entries.push(entry);
        }
        Ok(Self::from_entries(entries))
    }

    /// Writes the compact format; [`PostcodeTable::from_compact`] reads it
    /// back to an equal table.
    pub fn to_compact(&self) -> String {
        let mut text = String::with_capacity(64 + self.entries.len() * 40);
        text.push_str(&header());
        text.push('\n');
        for entry in &self.entries {
            // `{}` of an f64 is the shortest text that reads back to the same
            // number: `51.4` rather than `51.4000`, a smaller file.
            let _ = writeln!(
                text,
                "{}\t{}\t{}\t{}\t{}",
                entry.postcode,
                entry.geo.lat,
                entry.geo.lon,
                entry.state.as_deref().unwrap_or(""),
                entry.names.join("|")
            );
        }
        text
    }

    /// Builds the table from rows as the source lists them: one place of
    /// one postcode per row, a postcode in several rows. Each postcode gets
    /// one entry: its point is the mean of its rows' (rounded to four
    /// decimals), its names those of its rows in first-seen order without
    /// duplicates, its state the one most of its rows name (the first seen
    /// on a tie).
    ///
    /// Rows the compact format cannot hold are left out rather than
    /// failing the whole table: a postcode that is not five digits, a
    /// point off the globe, a name that is empty once tabs, `|` and
    /// control characters are replaced by spaces. A state that is not one of
    /// the sixteen codes is dropped (the row is kept without a state).
    pub fn from_places(places: Vec<Place>) -> Self {
        #[derive(Default)]
        struct Acc {
            lat: f64,
            lon: f64,
            rows: u32,
            names: Vec<String>,
            /// (state, rows), first-seen order.
            states: Vec<(String, u32)>,
        }
        let mut by_postcode: BTreeMap<String, Acc> = BTreeMap::new();
        for place in places {
            let postcode = place.postcode.trim();
            let name = clean_name(&place.name);
            if !is_postcode(postcode) || !on_globe(place.geo) || name.is_empty() {
                continue;
            }
            let acc = by_postcode.entry(postcode.to_owned()).or_default();
            acc.lat += place.geo.lat;
            acc.lon += place.geo.lon;
            acc.rows += 1;
            if !acc.names.contains(&name) {
                acc.names.push(name);
            }
            if let Some(state) = place.state.as_deref().map(str::trim) {
                if STATE_CODES.contains(&state) {
                    match acc.states.iter_mut().find(|(s, _)| s == state) {
                        Some((_, rows)) => *rows += 1,
                        None => acc.states.push((state.to_owned(), 1)),
                    }
                }
            }
        }
        let entries = by_postcode
            .into_iter()
            .map(|(postcode, acc)| {
                let rows = f64::from(acc.rows);
                // The first of the most frequent: `max_by_key` would take the last.
                let mut state: Option<(String, u32)> = None;
                for (code, count) in acc.states {
                    if state.as_ref().is_none_or(|(_, best)| count > *best) {
                        state = Some((code, count));
                    }
                }
                Entry {
                    postcode,
                    geo: Geo {
                        lat: round4(acc.lat / rows),
                        lon: round4(acc.lon / rows),
                    },
                    state: state.map(|(code, _)| code),
                    names: acc.names,
                }
            })
            .collect();
        Self::from_entries(entries)
    }

    /// The point of a postcode (five digits), if the table has it.
    pub fn centre(&self, postcode: &str) -> Option<Geo> {
        self.entry(postcode.trim()).map(|entry| entry.geo)
    }

    /// What a user typed as a place → the place, by the rules in the module
    /// documentation; `None` when the input is no postcode in the table and
    /// names no place, or names several equally well.
    pub fn resolve(&self, input: &str) -> Option<Place> {
        let input = input.trim();
        if input.is_empty() || input.len() > MAX_INPUT_BYTES {
            return None;
        }
        let (first, rest) = input
            .split_once(char::is_whitespace)
            .map_or((input, ""), |(first, rest)| (first, rest.trim()));
        if is_postcode(first) {
            if let Some(place) = self.postcode_place(first, 0) {
                return Some(place);
            }
            // An unknown postcode with a name after it: the name may still
            // be right (a postcode changed, or a typo in it).
            return if rest.is_empty() {
                None
            } else {
                self.resolve_name(rest)
            };
        }
        self.resolve_name(input)
    }

    /// Places for an input being typed, at most `limit`:
    /// - digits → the places of the postcodes starting with them, in
    ///   postcode order (so a complete postcode comes first), each name once
    ///   at its lowest postcode, with the postcode's point;
    /// - otherwise the places whose normalised name starts with the
    ///   normalised input, each resolved as [`PostcodeTable::resolve`] would:
    ///   the exact name first, then names with more postcodes (so `ham`
    ///   offers Hamburg and Hamm before Hambach and Hamberge, and `ber`
    ///   Berlin before the many Berg…), then by normalised name.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<Place> {
        let input = input.trim();
        if limit == 0 || input.is_empty() || input.len() > MAX_INPUT_BYTES {
            return Vec::new();
        }
        if input.len() <= 5 && input.bytes().all(|b| b.is_ascii_digit()) {
            return self.suggest_postcodes(input, limit);
        }
        let key = normalize_text(input);
        if key.is_empty() {
            return Vec::new();
        }
        let names = self.names();
        let start = names.partition_point(|n| n.key < key);
        let mut matches: Vec<&NameKey> = names[start..]
            .iter()
            .take_while(|n| n.key.starts_with(&key))
            .collect();
        // Keys are unique, so the order is total: the same every time.
        matches.sort_by(|a, b| {
            (b.key == key)
                .cmp(&(a.key == key))
                .then(b.hits.len().cmp(&a.hits.len()))
                .then(a.key.cmp(&b.key))
        });
        matches
            .into_iter()
            .take(limit)
            .filter_map(|n| self.name_place(n))
            .collect()
    }

    /// How many postcodes the table has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the table has no postcode.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The table; `entries` sorted by postcode, unique.
    fn from_entries(entries: Vec<Entry>) -> Self {
        PostcodeTable {
            entries,
            names: OnceLock::new(),
        }
    }

    /// The name index, built on first use.
    fn names(&self) -> &[NameKey] {
        self.names.get_or_init(|| name_index(&self.entries))
    }

    fn entry(&self, postcode: &str) -> Option<&Entry> {
        self.entries
            .binary_search_by(|e| e.postcode.as_str().cmp(postcode))
            .ok()
            .map(|i| &self.entries[i])
    }

    /// The postcode with its `name`-th place.
    fn postcode_place(&self, postcode: &str, name: usize) -> Option<Place> {
        let entry = self.entry(postcode)?;
        Some(Place {
            postcode: entry.postcode.clone(),
            name: entry.names.get(name)?.clone(),
            state: entry.state.clone(),
            geo: entry.geo,
        })
    }

    /// A place name: the exact normalised name, else the only name that
    /// starts with it.
    fn resolve_name(&self, input: &str) -> Option<Place> {
        let key = normalize_text(input);
        if key.is_empty() {
            return None;
        }
        let names = self.names();
        let start = names.partition_point(|n| n.key < key);
        let mut matches = names[start..]
            .iter()
            .take_while(|n| n.key.starts_with(&key));
        let first = matches.next()?;
        // Sorted keys: an exact match is the first key with the prefix.
        if first.key == key || matches.next().is_none() {
            self.name_place(first)
        } else {
            None
        }
    }

    /// The place a name stands for: its postcodes grouped into places by
    /// distance, the group with most postcodes (lowest postcode on a tie),
    /// at the centre of the group.
    fn name_place(&self, name: &NameKey) -> Option<Place> {
        let mut hits: Vec<(u32, u32)> = name.hits.clone();
        // Two spellings of one name at the same postcode count once.
        hits.dedup_by_key(|(e, _)| *e);
        let geo_of = |hit: &(u32, u32)| self.entries.get(hit.0 as usize).map(|e| e.geo);
        let mut group_of = vec![usize::MAX; hits.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for seed in 0..hits.len() {
            if group_of[seed] != usize::MAX {
                continue;
            }
            let id = groups.len();
            group_of[seed] = id;
            let mut members = vec![seed];
            let mut next = 0;
            while let Some(&current) = members.get(next) {
                next += 1;
                let here = geo_of(&hits[current])?;
                for other in 0..hits.len() {
                    if group_of[other] == usize::MAX
                        && distance_km(here, geo_of(&hits[other])?) < SAME_PLACE_KM
                    {
                        group_of[other] = id;
                        members.push(other);
                    }
                }
            }
            members.sort_unstable();
            groups.push(members);
        }
        // Groups are made in hit order: on a tie the earlier has the lower
        // postcode, and `max_by_key` would take the later one.
        let mut best: Option<&Vec<usize>> = None;
        for group in &groups {
            if best.is_none_or(|b| group.len() > b.len()) {
                best = Some(group);
            }
        }
        let best = best?;
        let (lat, lon) = best.iter().try_fold((0.0, 0.0), |(lat, lon), &member| {
            let geo = geo_of(&hits[member])?;
            Some((lat + geo.lat, lon + geo.lon))
        })?;
        let count = best.len() as f64;
        let (e, n) = hits[*best.first()?];
        let entry = self.entries.get(e as usize)?;
        Some(Place {
            postcode: entry.postcode.clone(),
            name: entry.names.get(n as usize)?.clone(),
            state: entry.state.clone(),
            geo: Geo {
                lat: round4(lat / count),
                lon: round4(lon / count),
            },
        })
    }

    fn suggest_postcodes(&self, prefix: &str, limit: usize) -> Vec<Place> {
        let start = self
            .entries
            .partition_point(|e| e.postcode.as_str() < prefix);
        let mut seen: Vec<String> = Vec::new();
        let mut places = Vec::new();
        for entry in self.entries[start..]
            .iter()
            .take_while(|e| e.postcode.starts_with(prefix))
        {
            for name in &entry.names {
                let key = normalize_text(name);
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                places.push(Place {
                    postcode: entry.postcode.clone(),
                    name: name.clone(),
                    state: entry.state.clone(),
                    geo: entry.geo,
                });
                if places.len() == limit {
                    return places;
                }
            }
        }
        places
    }
}

/// Every normalised name with its postcodes, sorted by name.
fn name_index(entries: &[Entry]) -> Vec<NameKey> {
    // A city's name stands at each of its postcodes (Berlin at about 190):
    // normalise each distinct name once.
    let mut normalised: HashMap<&str, String> = HashMap::new();
    for name in entries.iter().flat_map(|entry| &entry.names) {
        normalised
            .entry(name.as_str())
            .or_insert_with(|| normalize_text(name));
    }
    let mut keyed: Vec<(&str, u32, u32)> = Vec::new();
    for (e, entry) in entries.iter().enumerate() {
        for (n, name) in entry.names.iter().enumerate() {
            let key = normalised.get(name.as_str()).map_or("", String::as_str);
            // A name of punctuation alone cannot be typed as a name.
            if !key.is_empty() {
                keyed.push((key, e as u32, n as u32));
            }
        }
    }
    keyed.sort_unstable();
    let mut names: Vec<NameKey> = Vec::new();
    for (key, e, n) in keyed {
        match names.last_mut() {
            Some(last) if last.key == key => last.hits.push((e, n)),
            _ => names.push(NameKey {
                key: key.to_owned(),
                hits: vec![(e, n)],
            }),
        }
    }
    names
}

/// Great-circle distance in km (haversine, mean earth radius 6371.0088 km):
/// within about 0.5 % of the true distance on the ellipsoid, plenty for
/// "within 25 km".
pub fn distance_km(a: Geo, b: Geo) -> f64 {
    let (lat_a, lat_b) = (a.lat.to_radians(), b.lat.to_radians());
    let half_dlat = (lat_b - lat_a) / 2.0;
    let half_dlon = (b.lon - a.lon).to_radians() / 2.0;
    let h = half_dlat.sin().powi(2) + lat_a.cos() * lat_b.cos() * half_dlon.sin().powi(2);
    // Rounding can push h a hair over 1 for antipodes; asin would give NaN.
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The header line the writer puts first.
fn header() -> String {
    format!(
        "# {FORMAT_NAME} {FORMAT_VERSION}; columns: postcode lat lon state places; data: {ATTRIBUTION}"
    )
}

fn check_header(line: &str) -> Result<(), GeoError> {
    let Some(rest) = line.strip_prefix(&format!("# {FORMAT_NAME} ")) else {
        return Err(GeoError::NotATable {
            found: quoted(line),
        });
    };
    let version = rest
        .split(|c: char| c == ';' || c.is_whitespace())
        .next()
        .unwrap_or("");
    if version.parse::<u32>().ok() == Some(FORMAT_VERSION) {
        Ok(())
    } else {
        Err(GeoError::UnsupportedVersion {
            found: quoted(version),
        })
    }
}

fn parse_line(line: &str, line_number: usize) -> Result<Entry, GeoError> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [postcode, lat, lon, state, names] = fields[..] else {
        return Err(GeoError::FieldCount {
            line: line_number,
            found: fields.len(),
        });
    };
    let postcode = postcode.trim();
    if !is_postcode(postcode) {
        return Err(GeoError::BadPostcode {
            line: line_number,
            value: quoted(postcode),
        });
    }
    let lat = coordinate(lat, "latitude", 90.0, line_number)?;
    let lon = coordinate(lon, "longitude", 180.0, line_number)?;
    let state = state.trim();
    let state = if state.is_empty() {
        None
    } else if STATE_CODES.contains(&state) {
        Some(state.to_owned())
    } else {
        return Err(GeoError::BadState {
            line: line_number,
            value: quoted(state),
        });
    };
    let mut unique: Vec<String> = Vec::new();
    for name in names.split('|') {
        let name = name.trim();
        if name.is_empty() {
            return Err(GeoError::EmptyName { line: line_number });
        }
        if !unique.iter().any(|n| n == name) {
            unique.push(name.to_owned());
        }
    }
    Ok(Entry {
        postcode: postcode.to_owned(),
        geo: Geo { lat, lon },
        state,
        names: unique,
    })
}

/// A latitude or longitude within ±`max`, rounded to the table's four
/// decimals so that a hand-edited table compares like a generated one.
fn coordinate(
    text: &str,
    field: &'static str,
    max: f64,
    line_number: usize,
) -> Result<f64, GeoError> {
    let text = text.trim();
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() && value.abs() <= max => Ok(round4(value)),
        _ => Err(GeoError::BadCoordinate {
            line: line_number,
            field,
            value: quoted(text),
            min: -max,
            max,
        }),
    }
}

fn is_postcode(text: &str) -> bool {
    text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit())
}

fn on_globe(geo: Geo) -> bool {
    geo.lat.is_finite() && geo.lon.is_finite() && geo.lat.abs() <= 90.0 && geo.lon.abs() <= 180.0
}

/// Rounds to four decimals, the table's precision. The result reads back
/// unchanged from its shortest decimal text, which the round trip relies on.
fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// A name the compact format can hold: tabs, `|` and control characters
/// (which would split fields, names or lines) become spaces, runs of spaces
/// one, and the ends are trimmed.
fn clean_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| if c == '|' || c.is_control() { ' ' } else { c })
        .collect();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A value for an error message, cut so that a hostile line cannot make
/// the message huge.
fn quoted(value: &str) -> String {
    let mut chars = value.chars();
    let mut cut: String = chars.by_ref().take(MAX_QUOTED_CHARS).collect();
    if chars.next().is_some() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(postcode: &str, name: &str, state: Option<&str>, lat: f64, lon: f64) -> Place {
        Place {
            postcode: postcode.to_owned(),
            name: name.to_owned(),
            state: state.map(str::to_owned),
            geo: Geo { lat, lon },
        }
    }

    /// A small table: a city with three postcodes, a shared postcode, a name
    /// shared by two villages far apart, two Frankfurts.
    fn table() -> PostcodeTable {
        PostcodeTable::from_places(vec![
            place("24539", "Neumünster", Some("SH"), 54.0614, 9.9982),
            place("24534", "Neumünster", Some("SH"), 54.0700, 9.9800),
            place("24536", "Neumünster", Some("SH"), 54.0900, 9.9700),
            place("01945", "Tettau", Some("BB"), 51.4333, 13.7333),
            place("01945", "Grünewald", Some("BB"), 51.4, 14.0),
            place("01945", "Tettau", Some("BB"), 51.4333, 13.7333),
            place("88888", "Altdorf", Some("BY"), 49.38, 11.35),
            place("77777", "Altdorf", Some("BW"), 48.26, 7.85),
            place("60311", "Frankfurt am Main", Some("HE"), 50.1, 8.68),
            place("15230", "Frankfurt (Oder)", Some("BB"), 52.34, 14.55),
            place("87491", "Jungholz", None, 47.5741, 10.4472),
        ])
    }

    #[test]
    fn from_places_merges_rows_of_a_postcode() {
        let table = table();
        assert_eq!(table.len(), 9);
        let entry = table.entry("01945").expect("01945");
        assert_eq!(entry.names, ["Tettau", "Grünewald"]);
        // Mean of three rows, rounded to four decimals.
        assert_eq!(
            entry.geo,
            Geo {
                lat: round4((51.4333 * 2.0 + 51.4) / 3.0),
                lon: round4((13.7333 * 2.0 + 14.0) / 3.0),
            }
        );
        assert_eq!(entry.state.as_deref(), Some("BB"));
    }

    #[test]
    fn state_is_the_one_most_rows_name() {
        let table = PostcodeTable::from_places(vec![
            place("12529", "Schönefeld", Some("BB"), 52.39, 13.5),
            place("12529", "Berlin", Some("BE"), 52.4, 13.5),
            place("12529", "Waltersdorf", Some("BB"), 52.38, 13.6),
            place("22145", "Hamburg", Some("HH"), 53.6, 10.1),
            place("22145", "Stapelfeld", Some("SH"), 53.6, 10.2),
            place("11111", "Nowhere", Some("XX"), 50.0, 10.0),
        ]);
        assert_eq!(
            table
                .entry("12529")
                .and_then(|e| e.state.clone())
                .as_deref(),
            Some("BB")
        );
        // A tie: the first seen.
        assert_eq!(
            table
                .entry("22145")
                .and_then(|e| e.state.clone())
                .as_deref(),
            Some("HH")
        );
        // Not a state code: kept without a state.
        assert_eq!(table.entry("11111").map(|e| e.state.clone()), Some(None));
    }

    #[test]
    fn from_places_leaves_out_rows_the_format_cannot_hold() {
        let table = PostcodeTable::from_places(vec![
            place("2453", "Short", None, 54.0, 10.0),
            place("24539x", "Long", None, 54.0, 10.0),
            place("24539", "Off the globe", None, 91.0, 10.0),
            place("24539", "Not a number", None, f64::NAN, 10.0),
            place("24539", " |\t ", None, 54.0, 10.0),
            place("24539", "Neu|münster\tSüd", None, 54.0, 10.0),
        ]);
        assert_eq!(table.len(), 1);
        assert_eq!(
            table.entry("24539").map(|e| e.names.clone()),
            Some(vec!["Neu münster Süd".to_owned()])
        );
        let again = PostcodeTable::from_compact(&table.to_compact()).expect("readable");
        assert_eq!(again, table);
    }

    #[test]
    fn compact_round_trip_and_layout() {
        let table = table();
        let text = table.to_compact();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(header().as_str()));
        assert!(header().contains("GeoNames"));
        assert!(header().contains("CC BY 4.0"));
        assert_eq!(
            lines.next(),
            Some("01945\t51.4222\t13.8222\tBB\tTettau|Grünewald")
        );
        assert!(text.contains("\n87491\t47.5741\t10.4472\t\tJungholz\n"));
        assert_eq!(PostcodeTable::from_compact(&text), Ok(table.clone()));
        // Windows line ends, a byte order mark and blank lines read the same.
        let windows = format!("\u{feff}{}\r\n\r\n", text.replace('\n', "\r\n"));
        assert_eq!(PostcodeTable::from_compact(&windows), Ok(table));
    }

    #[test]
    fn compact_errors_name_the_line() {
        let head = header();
        let cases: Vec<(String, GeoError)> = vec![
            (String::new(), GeoError::Empty),
            (
                "postcode\tlat".to_owned(),
                GeoError::NotATable {
                    found: "postcode\tlat".to_owned(),
                },
            ),
            (
                format!("# {FORMAT_NAME} 2; later"),
                GeoError::UnsupportedVersion {
                    found: "2".to_owned(),
                },
            ),
            (
                format!("{head}\n24539\t54\t9\tSH"),
                GeoError::FieldCount { line: 2, found: 4 },
            ),
            (
                format!("{head}\n\n2453\t54\t9\tSH\tX"),
                GeoError::BadPostcode {
                    line: 3,
                    value: "2453".to_owned(),
                },
            ),
            (
                format!("{head}\n24539\t54\t9\tSH\tA\n24534\t54\t9\tSH\tB"),
                GeoError::NotSorted {
                    line: 3,
                    postcode: "24534".to_owned(),
                    previous: "24539".to_owned(),
                },
            ),
            (
                format!("{head}\n24539\t54\t9\tSH\tA\n24539\t54\t9\tSH\tB"),
                GeoError::NotSorted {
                    line: 3,
                    postcode: "24539".to_owned(),
                    previous: "24539".to_owned(),
                },
            ),
            (
                format!("{head}\n24539\tnorth\t9\tSH\tA"),
                GeoError::BadCoordinate {
                    line: 2,
                    field: "latitude",
                    value: "north".to_owned(),
                    min: -90.0,
                    max: 90.0,
                },
            ),
            (
                format!("{head}\n24539\t54\tinf\tSH\tA"),
                GeoError::BadCoordinate {
                    line: 2,
                    field: "longitude",
                    value: "inf".to_owned(),
                    min: -180.0,
                    max: 180.0,
                },
            ),
            (
                format!("{head}\n24539\t54\t9\tDE-SH\tA"),
                GeoError::BadState {
                    line: 2,
                    value: "DE-SH".to_owned(),
                },
            ),
            (
                format!("{head}\n24539\t54\t9\tSH\tA||B"),
                GeoError::EmptyName { line: 2 },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                PostcodeTable::from_compact(&text),
                Err(expected),
                "{text:?}"
            );
        }
        let message = PostcodeTable::from_compact(&format!("{head}\n24539\t54\t9\tSH"))
            .expect_err("four fields")
            .to_string();
        assert!(
            message.starts_with("line 2: expected 5 fields"),
            "{message}"
        );
        // A huge value is quoted cut short.
        let long = "9".repeat(10_000);
        let error = PostcodeTable::from_compact(&format!("{head}\n{long}\t54\t9\tSH\tA"))
            .expect_err("bad postcode");
        assert!(error.to_string().len() < 200);
    }

    #[test]
    fn an_empty_table_reads_and_finds_nothing() {
        let table = PostcodeTable::from_compact(&header()).expect("header only");
        assert!(table.is_empty());
        assert_eq!(table.resolve("24539"), None);
        assert!(table.suggest("2", 10).is_empty());
    }

    #[test]
    fn resolves_postcodes_and_names() {
        let table = table();
        let by_code = table.resolve(" 24539 ").expect("24539");
        assert_eq!(by_code.name, "Neumünster");
        assert_eq!(
            by_code.geo,
            Geo {
                lat: 54.0614,
                lon: 9.9982
            }
        );
        assert_eq!(table.resolve("24539 Neumünster"), Some(by_code.clone()));
        // A city: lowest postcode, centre of all three.
        let by_name = table.resolve("neumuenster").expect("name");
        assert_eq!(by_name.postcode, "24534");
        assert_eq!(by_name.state.as_deref(), Some("SH"));
        assert_eq!(
            by_name.geo,
            Geo {
                lat: round4((54.0614 + 54.07 + 54.09) / 3.0),
                lon: round4((9.9982 + 9.98 + 9.97) / 3.0),
            }
        );
        // An unknown postcode, but a known name after it.
        assert_eq!(table.resolve("99999 Neumünster"), Some(by_name));
        assert_eq!(table.resolve("99999"), None);
        // The second place of a postcode by its name.
        assert_eq!(
            table.resolve("Grunewald").map(|p| p.postcode),
            Some("01945".to_owned())
        );
    }

    #[test]
    fn a_unique_prefix_resolves_and_an_ambiguous_one_does_not() {
        let table = table();
        assert_eq!(
            table.resolve("frankfurt am").map(|p| p.name),
            Some("Frankfurt am Main".to_owned())
        );
        assert_eq!(
            table.resolve("Frankfurt/Oder").map(|p| p.postcode),
            Some("15230".to_owned())
        );
        assert_eq!(table.resolve("Frankfurt"), None);
        assert_eq!(
            table.resolve("Neum").map(|p| p.postcode),
            Some("24534".to_owned())
        );
    }

    #[test]
    fn a_name_of_villages_far_apart_is_not_averaged() {
        let table = table();
        let altdorf = table.resolve("Altdorf").expect("Altdorf");
        // Two groups of one postcode each: the lower postcode wins, at its
        // own point, not halfway between Bavaria and the Black Forest.
        assert_eq!(altdorf.postcode, "77777");
        assert_eq!(
            altdorf.geo,
            Geo {
                lat: 48.26,
                lon: 7.85
            }
        );
        assert_eq!(altdorf.state.as_deref(), Some("BW"));
        let bigger = PostcodeTable::from_places(vec![
            place("77777", "Altdorf", Some("BW"), 48.26, 7.85),
            place("88888", "Altdorf", Some("BY"), 49.38, 11.35),
            place("88889", "Altdorf", Some("BY"), 49.39, 11.36),
        ]);
        assert_eq!(
            bigger.resolve("altdorf").map(|p| p.postcode),
            Some("88888".to_owned())
        );
    }

    #[test]
    fn garbage_resolves_to_nothing() {
        let table = table();
        let long = "a".repeat(10_000);
        for input in [
            "",
            "   ",
            "xyz123",
            "99999",
            "-",
            "|",
            "\t",
            "\u{0}",
            "ß",
            long.as_str(),
        ] {
            assert_eq!(table.resolve(input), None, "{input:?}");
        }
        assert!(table.suggest(&long, 10).is_empty());
        assert!(table.suggest("", 10).is_empty());
        assert!(table.suggest("Neu", 0).is_empty());
    }

    #[test]
    fn suggestions_by_postcode_prefix() {
        let table = table();
        let names: Vec<(String, String)> = table
            .suggest("0", 10)
            .into_iter()
            .map(|p| (p.postcode, p.name))
            .collect();
        assert_eq!(
            names,
            [
                ("01945".to_owned(), "Tettau".to_owned()),
                ("01945".to_owned(), "Grünewald".to_owned())
            ]
        );
        // Each name once, at its lowest postcode.
        let neumuenster: Vec<String> = table
            .suggest("245", 10)
            .into_iter()
            .map(|p| p.postcode)
            .collect();
        assert_eq!(neumuenster, ["24534"]);
        assert_eq!(table.suggest("24539", 10).len(), 1);
        assert_eq!(
            table.suggest("24539", 10)[0].geo,
            Geo {
                lat: 54.0614,
                lon: 9.9982
            }
        );
    }

    #[test]
    fn suggestions_by_name_prefix() {
        let extra = PostcodeTable::from_places(vec![
            place("24539", "Neumünster", Some("SH"), 54.0614, 9.9982),
            place("91580", "Neumark", Some("BY"), 49.3, 10.5),
            place("08496", "Neumark", Some("SN"), 50.66, 12.36),
            place("54347", "Neumagen-Dhron", Some("RP"), 49.85, 6.9),
            place("10115", "Neu", Some("BE"), 52.5, 13.4),
        ]);
        let names: Vec<String> = extra
            .suggest("neu", 10)
            .into_iter()
            .map(|p| p.name)
            .collect();
        // Exact first, then more postcodes, then by name.
        assert_eq!(names, ["Neu", "Neumark", "Neumagen-Dhron", "Neumünster"]);
        let limited: Vec<String> = extra
            .suggest("NEUM", 2)
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(limited, ["Neumark", "Neumagen-Dhron"]);
    }

    #[test]
    fn state_names_map_to_iso_codes() {
        assert_eq!(state_code("Schleswig-Holstein"), Some("SH"));
        assert_eq!(state_code("Thueringen"), Some("TH"));
        assert_eq!(state_code("Baden-Württemberg"), Some("BW"));
        assert_eq!(state_code("Sachsen-Anhalt"), Some("ST"));
        assert_eq!(state_code("Sachsen"), Some("SN"));
        assert_eq!(state_code(""), None);
        assert_eq!(state_code("Tirol"), None);
        let codes: Vec<&str> = STATE_NAMES.iter().map(|(_, code)| *code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        let mut all = STATE_CODES.to_vec();
        all.sort_unstable();
        assert_eq!(sorted, all);
    }

    #[test]
    fn distances() {
        let a = Geo {
            lat: 54.0,
            lon: 10.0,
        };
        assert_eq!(distance_km(a, a), 0.0);
        // One degree of latitude: 111.195 km on the mean sphere.
        let b = Geo {
            lat: 55.0,
            lon: 10.0,
        };
        assert!((distance_km(a, b) - 111.195).abs() < 0.01);
        assert!((distance_km(a, b) - distance_km(b, a)).abs() < 1e-9);
        let antipode = Geo {
            lat: -54.0,
            lon: -170.0,
        };
        let half = std::f64::consts::PI * EARTH_RADIUS_KM;
        assert!((distance_km(a, antipode) - half).abs() < 0.01);
    }
}
