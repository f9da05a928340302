//! Organisations: a kind by its real-world share, a real postcode, a name
//! formed the way such bodies are named, and the details a directory has.

use dialognetz_core::{Address, Id, LanguageTag, Organization, OrganizationKind};
use rand::Rng;

use super::contact_data::{email, landline, website};
use super::org_names::{
    self, Mosque, Template, ARABIC_MOSQUES, KIND_WEIGHTS, STATE_LEVEL, TURKISH_MOSQUES,
};
use super::people::STREETS;
use super::places::STATES;
use super::text::{fill, slugify};
use super::{bilingual, NameRegistry, OrgInfo, World};

/// How often a security authority or government body that comes up is a
/// state-level one (LKA, ministry), while its state has none yet.
const STATE_LEVEL_SHARE_SECURITY: f64 = 0.5;
const STATE_LEVEL_SHARE_GOVERNMENT: f64 = 0.05;

/// Places with at least this many postcodes get a state's first police
/// headquarters.
const HEADQUARTERS_TOWN: usize = 3;

/// Share of organisations of a kind placed by city size rather than by
/// postcode: communities and associations are in cities; police stations
/// and town halls are everywhere.
fn urban_share(kind: OrganizationKind) -> f64 {
    match kind {
        OrganizationKind::MosqueCommunity
        | OrganizationKind::MuslimAssociation
        | OrganizationKind::CulturalAssociation => 0.85,
        OrganizationKind::Prevention
        | OrganizationKind::SecurityAuthority
        | OrganizationKind::Education => 0.7,
        OrganizationKind::Police
        | OrganizationKind::Government
        | OrganizationKind::CivilSociety
        | OrganizationKind::Other => 0.4,
    }
}

/// A postcode row for an organisation of `kind`.
fn draw_place(world: &mut World, kind: OrganizationKind) -> u32 {
    if world.chance(urban_share(kind)) {
        let roll = world.rng.random_range(0.0..1.0);
        let city = &world.places.cities[world.places.urban_city(roll) as usize];
        *world.choose(&city.places)
    } else {
        world.rng.random_range(0..world.places.places.len()) as u32
    }
}

/// What organisation building remembers between organisations.
struct Registry {
    names: NameRegistry,
    /// Police headquarters per state, for the parents of police units.
    headquarters: [Vec<u32>; 16],
    /// Which state-level bodies exist: `[slot of STATE_LEVEL][state]`.
    state_level_taken: Vec<[bool; 16]>,
}

/// The naming pattern chosen for an organisation, and where it sits.
struct Placement {
    template: Template,
    place: u32,
    state_level: bool,
}

impl Registry {
    fn new() -> Registry {
        Registry {
            names: NameRegistry::default(),
            headquarters: Default::default(),
            state_level_taken: vec![[false; 16]; STATE_LEVEL.len()],
        }
    }

    /// Chooses how the organisation is named; a state-level body moves to
    /// its state's capital.
    fn placement(&mut self, world: &mut World, kind: OrganizationKind, place: u32) -> Placement {
        let state = world.places.city_of(place).state;
        if let Some(slot) = self.state_level_slot(world, kind, state) {
            self.state_level_taken[slot][state as usize] = true;
            let capital = &world.places.cities[world.places.capitals[state as usize] as usize];
            let place = *world.choose(&capital.places);
            return Placement {
                template: STATE_LEVEL[slot].1,
                place,
                state_level: true,
            };
        }
        let postcodes = world.places.city_of(place).places.len();
        // The first police body of a state in a town is its headquarters, so
        // that the units after it have a parent.
        let forced = kind == OrganizationKind::Police
            && self.headquarters[state as usize].is_empty()
            && postcodes >= HEADQUARTERS_TOWN;
        let template = *world.weighted(org_names::templates(kind), |t| {
            if t.min_postcodes <= postcodes && (!forced || t.headquarters) {
                t.weight
            } else {
                0
            }
        });
        Placement {
            template,
            place,
            state_level: false,
        }
    }

    /// Whether this organisation becomes one of its state's state-level
    /// bodies; the index into [`STATE_LEVEL`] if so.
    fn state_level_slot(
        &mut self,
        world: &mut World,
        kind: OrganizationKind,
        state: u8,
    ) -> Option<usize> {
        let share = match kind {
            OrganizationKind::SecurityAuthority => STATE_LEVEL_SHARE_SECURITY,
            OrganizationKind::Government => STATE_LEVEL_SHARE_GOVERNMENT,
            _ => return None,
        };
        let free: Vec<usize> = STATE_LEVEL
            .iter()
            .enumerate()
            .filter(|(slot, (k, _))| *k == kind && !self.state_level_taken[*slot][state as usize])
            .map(|(slot, _)| slot)
            .collect();
        if free.is_empty() || !world.chance(share) {
            return None;
        }
        Some(*world.choose(&free))
    }

    /// Most police units belong to a headquarters of their state created
    /// before them, when there is one.
    fn police_parent(&self, world: &mut World, state: u8) -> Option<Id> {
        let candidates = &self.headquarters[state as usize];
        if candidates.is_empty() || !world.chance(0.85) {
            return None;
        }
        Some(org_id(*world.choose(candidates) as usize))
    }
}

/// Adds `count` organisations to the world.
pub(super) fn generate(world: &mut World, count: usize) {
    let mut registry = Registry::new();
    for index in 0..count {
        let kind = world.weighted(&KIND_WEIGHTS, |(_, w)| *w).0;
        let drawn = draw_place(world, kind);
        let Placement {
            template,
            place,
            state_level,
        } = registry.placement(world, kind, drawn);
        let city = world.places.places[place as usize].city;
        let state = world.places.cities[city as usize].state;
        let named = name(
            world,
            &mut registry.names,
            kind,
            template,
            place,
            state_level,
        );
        let mut organization = build(world, index, kind, &template, place, &named, state_level);
        if template.headquarters {
            registry.headquarters[state as usize].push(index as u32);
        } else if kind == OrganizationKind::Police {
            organization.parent = registry.police_parent(world, state);
        }
        world.info.push(OrgInfo {
            kind,
            city,
            place,
            state,
            slug: named.slug,
            language: template.languages.first().copied(),
            state_level,
        });
        world.organizations.push(organization);
    }
}

/// The id of the organisation at `index`.
pub(super) fn org_id(index: usize) -> Id {
    Id(format!("org-{:06}", index + 1))
}

/// A name with its slug and short name.
struct Named {
    name: String,
    short: Option<String>,
    slug: String,
}

/// Parts of a city that names take when the plain name is taken
/// (`Polizeirevier Kiel-Nord`), in cities with at least [`DISTRICT_TOWN`]
/// postcodes.
const DISTRICTS: &[&str] = &[
    "Mitte", "Nord", "Süd", "Ost", "West", "Nordost", "Nordwest", "Südost", "Südwest", "Altstadt",
    "Neustadt",
];
const DISTRICT_TOWN: usize = 5;
/// Draws of another plain form before districts (and then ordinals) are used.
const PLAIN_ATTEMPTS: u32 = 3;
const DISTRICT_ATTEMPTS: u32 = 8;

/// Forms the name; if the city has it already, tries other forms, then
/// forms with a district (`Islamisches Zentrum Berlin-Nord`), then numbers
/// it (`2. Polizeirevier Kiel`). Police skips districts: police units are
/// numbered.
fn name(
    world: &mut World,
    names: &mut NameRegistry,
    kind: OrganizationKind,
    first: Template,
    place: u32,
    state_level: bool,
) -> Named {
    let city = world.places.city_of(place);
    let state = &STATES[city.state as usize];
    let postcodes = city.places.len();
    let districts = postcodes >= DISTRICT_TOWN && kind != OrganizationKind::Police;
    let mut template = first;
    let mut attempt = 0;
    loop {
        let mosque = match template.mosque {
            Mosque::None => "",
            Mosque::Turkish => world.choose(TURKISH_MOSQUES),
            Mosque::Arabic => world.choose(ARABIC_MOSQUES),
        };
        let (place_name, place_slug) = if attempt >= PLAIN_ATTEMPTS && districts {
            let district = *world.choose(DISTRICTS);
            (
                format!("{}-{district}", city.short),
                format!("{}-{}", city.slug, slugify(district)),
            )
        } else {
            (city.short.clone(), city.slug.clone())
        };
        let name = fill(template.name, &place_name, mosque, state.de);
        let slug = fill(
            template.slug,
            &place_slug,
            &slugify(mosque),
            &slugify(state.de),
        );
        let short = template
            .short
            .map(|s| fill(s, &place_name, mosque, state.de));
        if names.claim(city.state, &name) {
            return Named { name, short, slug };
        }
        attempt += 1;
        let last = if districts {
            DISTRICT_ATTEMPTS
        } else {
            PLAIN_ATTEMPTS
        };
        if attempt >= last || state_level {
            let ordinal = names.next_ordinal(city.state, &name);
            return Named {
                name: format!("{ordinal}. {name}"),
                short,
                slug: format!("{slug}-{ordinal}"),
            };
        }
        template = *world.weighted(org_names::templates(kind), |t| {
            if t.min_postcodes <= postcodes {
                t.weight
            } else {
                0
            }
        });
    }
}

fn build(
    world: &mut World,
    index: usize,
    kind: OrganizationKind,
    template: &Template,
    place: u32,
    named: &Named,
    state_level: bool,
) -> Organization {
    let row = &world.places.places[place as usize];
    let city = &world.places.cities[row.city as usize];
    let description = if state_level {
        let state = &STATES[city.state as usize];
        Some(bilingual(
            &format!(
                "Landesbehörde mit Sitz in {}, zuständig für ganz {}.",
                city.short, state.de
            ),
            &format!(
                "State authority based in {}, responsible for all of {}.",
                city.short, state.en
            ),
        ))
    } else if world.chance(0.45) {
        let (de, en) = *world.choose(org_names::descriptions(kind));
        Some(bilingual(de, en))
    } else {
        None
    };
    let street = *world.choose(STREETS);
    let number = world.rng.random_range(1..=150);
    let suffix = if world.chance(0.08) {
        *world.choose(&["a", "b", "c"])
    } else {
        ""
    };
    let address = Address {
        street: Some(format!("{street} {number}{suffix}")),
        postcode: Some(row.postcode.as_str().into()),
        city: city.name.clone(),
        state: Some(World::state_code(city.state)),
    };
    // About one in ten without coordinates: the app falls back to the postcode.
    let geo = if world.chance(0.9) {
        Some(world.jitter(row.lat, row.lon, 0.008))
    } else {
        None
    };
    let phone = if world.chance(0.8) {
        Some(landline(world, &city.area_code))
    } else {
        None
    };
    let official = matches!(
        kind,
        OrganizationKind::Police
            | OrganizationKind::SecurityAuthority
            | OrganizationKind::Government
    );
    let email = if world.chance(0.6) {
        let local = if official {
            "poststelle"
        } else {
            *world.choose(&["kontakt", "kontakt", "info"])
        };
        Some(email(local, &named.slug))
    } else {
        None
    };
    let website = if world.chance(0.45) {
        Some(website(&named.slug, ""))
    } else {
        None
    };
    let languages = languages(world, template.languages);
    let topic_count = *world.choose(&[1, 1, 2, 2, 3]);
    let topics = world.topics(org_names::topics(kind), topic_count);
    Organization {
        id: org_id(index),
        name: named.name.clone(),
        short_name: named.short.clone(),
        kind,
        description,
        address: Some(address),
        geo,
        phone,
        email,
        website,
        languages,
        parent: None,
        topics,
    }
}

/// German plus the community's languages; sometimes English.
fn languages(world: &mut World, community: &[&str]) -> Vec<LanguageTag> {
    if community.is_empty() && !world.chance(0.25) {
        return Vec::new();
    }
    let mut languages = vec![LanguageTag::from("de")];
    languages.extend(community.iter().map(|l| LanguageTag::from(*l)));
    if !community.contains(&"en") && world.chance(0.2) {
        languages.push(LanguageTag::from("en"));
    }
    languages
}
