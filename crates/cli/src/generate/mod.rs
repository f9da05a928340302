//! The synthetic dataset generator behind `dialognetz generate`.
//!
//! Deterministic: one ChaCha8 stream seeded from the seed drives every
//! choice, entries are produced in a fixed order, and no hash map is ever
//! iterated, so the same size and seed give a byte-identical file on every
//! machine. Valid: every value keeps the format's rules (a test validates
//! generated datasets with the core). Realistic: real German places, names
//! of organisations as they are really formed, people of the backgrounds
//! common in the field, phone numbers in German notation; but invented, so
//! e-mail addresses and websites use the reserved `.example` domain.

pub mod calendar;
mod contact_data;
mod contacts;
mod events;
mod forums;
mod org_names;
mod organizations;
mod people;
mod places;
mod projects;
mod text;
mod vocab;

use std::collections::BTreeMap;
use std::io::{self, Write};

use dialognetz_core::{
    Contact, Dataset, Geo, Id, LocalizedText, Meta, Organization, OrganizationKind, StateCode,
    Timestamp, FORMAT_NAME, SUPPORTED_FORMAT_VERSION,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use places::{gazetteer, Gazetteer, STATES};

/// The fixed publication time of every synthetic dataset (a real time would
/// make two runs differ).
pub const PUBLISHED_AT: &str = "2024-06-01T12:00:00+02:00";

/// Generates a dataset of `organizations` organisations and, in proportion,
/// N/2 contacts, N/100 forums (at least one from 10 organisations), N/50
/// events, N/200 projects, plus fixed topics, synonyms and articles.
pub fn generate(organizations: usize, seed: u64) -> Dataset {
    let mut world = World::new(seed, organizations);
    organizations::generate(&mut world, organizations);
    world.index();
    contacts::generate(&mut world, organizations / 2);
    let forum_count = if organizations >= 10 {
        (organizations / 100).max(1)
    } else {
        0
    };
    let forums = forums::generate(&mut world, forum_count);
    let events = events::generate(&mut world, organizations / 50);
    let projects = projects::generate(&mut world, organizations / 200);
    Dataset {
        format: FORMAT_NAME.to_owned(),
        format_version: SUPPORTED_FORMAT_VERSION,
        meta: meta(organizations, seed),
        topics: vocab::topics(),
        organizations: world.organizations,
        contacts: world.contacts,
        forums,
        events,
        projects,
        articles: vocab::articles(),
        synonyms: vocab::synonyms(),
    }
}

/// Writes a dataset as JSON (compact, or indented with `pretty`) and a
/// final newline.
pub fn write_json(dataset: &Dataset, mut writer: impl Write, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut writer, dataset)?;
    } else {
        serde_json::to_writer(&mut writer, dataset)?;
    }
    writer.write_all(b"\n")?;
    writer.flush()
}

fn meta(organizations: usize, seed: u64) -> Meta {
    Meta {
        id: Id(format!("synthetisch-{organizations}-{seed}")),
        title: bilingual(
            &format!("Synthetischer Datensatz ({organizations} Organisationen)"),
            &format!("Synthetic dataset ({organizations} organisations)"),
        ),
        publisher: "Dialognetz (synthetische Testdaten)".to_owned(),
        version: format!("synthetic-{seed}-{organizations}"),
        published_at: Timestamp::from(PUBLISHED_AT),
        default_language: Some("de".into()),
        license: Some("CC-BY-4.0".to_owned()),
        contact_email: None,
        synthetic: Some(true),
    }
}

/// `{"de": …, "en": …}`.
pub(crate) fn bilingual(de: &str, en: &str) -> LocalizedText {
    LocalizedText::Translated(BTreeMap::from([
        ("de".to_owned(), de.to_owned()),
        ("en".to_owned(), en.to_owned()),
    ]))
}

/// What later stages need to know about an organisation without reading
/// its strings again.
#[derive(Debug, Clone)]
pub(crate) struct OrgInfo {
    pub kind: OrganizationKind,
    /// Index into the gazetteer's cities.
    pub city: u32,
    /// Index into the gazetteer's postcode rows.
    pub place: u32,
    /// Index into [`STATES`].
    pub state: u8,
    /// For host names and e-mail addresses (`ditib-kiel`).
    pub slug: String,
    /// The first language spoken besides German, if any.
    pub language: Option<&'static str>,
    /// A state ministry, LKA, ...: responsible for the whole state.
    pub state_level: bool,
}

/// The generator's state, shared by the stages in order.
pub(crate) struct World {
    pub rng: ChaCha8Rng,
    pub places: &'static Gazetteer,
    pub organizations: Vec<Organization>,
    pub info: Vec<OrgInfo>,
    pub contacts: Vec<Contact>,
    /// Per organisation, its first contact: a forum's contact comes from here.
    pub first_contact: Vec<Option<u32>>,
    /// Organisations per city (index of the gazetteer's cities).
    pub by_city: Vec<Vec<u32>>,
    /// Organisations per state.
    pub by_state: [Vec<u32>; 16],
    /// Government organisations per state (funders of projects).
    pub government_by_state: [Vec<u32>; 16],
}

impl World {
    fn new(seed: u64, organizations: usize) -> World {
        World {
            rng: ChaCha8Rng::seed_from_u64(seed),
            places: gazetteer(),
            organizations: Vec::with_capacity(organizations),
            info: Vec::with_capacity(organizations),
            contacts: Vec::with_capacity(organizations / 2),
            first_contact: Vec::new(),
            by_city: Vec::new(),
            by_state: Default::default(),
            government_by_state: Default::default(),
        }
    }

    /// Builds the lookups by city and state once all organisations exist.
    fn index(&mut self) {
        self.by_city = vec![Vec::new(); self.places.cities.len()];
        for (index, info) in self.info.iter().enumerate() {
            let index = index as u32;
            self.by_city[info.city as usize].push(index);
            self.by_state[info.state as usize].push(index);
            if info.kind == OrganizationKind::Government {
                self.government_by_state[info.state as usize].push(index);
            }
        }
        self.first_contact = vec![None; self.organizations.len()];
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    /// A uniformly chosen element; `items` is one of the generator's
    /// non-empty tables.
    pub fn choose<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.random_range(0..items.len())]
    }

    /// An element chosen with the given weights (all tables have a weight
    /// above zero somewhere).
    pub fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: u32 = items.iter().map(&weight).sum();
        let mut roll = self.rng.random_range(0..total.max(1));
        for item in items {
            let w = weight(item);
            if roll < w {
                return item;
            }
            roll -= w;
        }
        &items[items.len() - 1]
    }

    /// Up to `count` distinct topic ids from a kind's list, in drawn order.
    pub fn topics(&mut self, preferred: &[usize], count: usize) -> Vec<Id> {
        let mut pool: Vec<usize> = preferred.to_vec();
        let count = count.min(pool.len());
        for i in 0..count {
            let j = self.rng.random_range(i..pool.len());
            pool.swap(i, j);
        }
        pool[..count].iter().map(|t| vocab::topic_id(*t)).collect()
    }

    /// The state code of a state index.
    pub fn state_code(state: u8) -> StateCode {
        StateCode::from(STATES[state as usize].code)
    }

    /// A point near `(lat, lon)`, about a kilometre off, rounded to five
    /// decimals (a metre) so the file stays small.
    pub fn jitter(&mut self, lat: f64, lon: f64, spread: f64) -> Geo {
        let lat = lat + self.rng.random_range(-spread..spread);
        let lon = lon + self.rng.random_range(-spread..spread) * 1.5;
        Geo {
            lat: round5(lat.clamp(-90.0, 90.0)),
            lon: round5(lon.clamp(-180.0, 180.0)),
        }
    }
}

fn round5(value: f64) -> f64 {
    (value * 100_000.0).round() / 100_000.0
}

/// Names already given, per state: a second one gets an ordinal prefix
/// (`2. Polizeirevier Kiel`). Per state, not per place: the table lists
/// districts (`Stuttgart Stuttgart-Mitte`) beside their city, and two
/// "Caritasverband Stuttgart-Mitte" would be one too many; while a
/// "Polizeirevier Neustadt" in two states is as real as it gets. Only
/// looked up, never iterated.
#[derive(Default)]
pub(crate) struct NameRegistry {
    taken: std::collections::HashMap<(u8, String), u32>,
}

impl NameRegistry {
    /// Takes `name` in `state` if it is free.
    pub fn claim(&mut self, state: u8, name: &str) -> bool {
        let key = (state, name.to_owned());
        if self.taken.contains_key(&key) {
            return false;
        }
        self.taken.insert(key, 1);
        true
    }

    /// The next free ordinal of a taken name (2, 3, ...), and takes it.
    pub fn next_ordinal(&mut self, state: u8, name: &str) -> u32 {
        loop {
            let counter = self.taken.entry((state, name.to_owned())).or_insert(1);
            *counter += 1;
            let ordinal = *counter;
            if self.claim(state, &format!("{ordinal}. {name}")) {
                return ordinal;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_name_in_a_state_gets_an_ordinal_and_other_states_do_not() {
        let mut names = NameRegistry::default();
        assert!(names.claim(1, "Polizeirevier Kiel"));
        assert!(!names.claim(1, "Polizeirevier Kiel"));
        assert_eq!(names.next_ordinal(1, "Polizeirevier Kiel"), 2);
        assert_eq!(names.next_ordinal(1, "Polizeirevier Kiel"), 3);
        assert!(names.claim(2, "Polizeirevier Kiel"));
    }

    #[test]
    fn ordinals_skip_names_taken_literally() {
        let mut names = NameRegistry::default();
        assert!(names.claim(1, "Moschee"));
        assert!(names.claim(1, "2. Moschee"));
        assert_eq!(names.next_ordinal(1, "Moschee"), 3);
    }

    #[test]
    fn same_size_and_seed_give_the_same_dataset() {
        assert_eq!(generate(300, 5), generate(300, 5));
        assert_ne!(generate(300, 5), generate(300, 6));
    }

    #[test]
    fn meta_names_size_and_seed() {
        let dataset = generate(0, 9);
        assert_eq!(dataset.meta.id.as_str(), "synthetisch-0-9");
        assert_eq!(dataset.meta.version, "synthetic-9-0");
        assert_eq!(dataset.meta.synthetic, Some(true));
        assert!(dataset.organizations.is_empty() && dataset.forums.is_empty());
        assert_eq!(dataset.topics.len(), 12);
    }
}
