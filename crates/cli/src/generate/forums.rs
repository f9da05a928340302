//! Forums: local dialogue formats around a police or prevention body, with
//! members from the same city first, then the same state.

use dialognetz_core::{Date, Forum, ForumKind, Geo, Id, OrganizationKind};
use rand::Rng;

use super::calendar::{days_in_month, Day};
use super::organizations::org_id;
use super::text::fill;
use super::vocab::topic::*;
use super::{bilingual, NameRegistry, World};

/// Forum name patterns, their kind and how common they are.
const FORMS: &[(&str, ForumKind, u32)] = &[
    ("Sicherheitsdialog {c}", ForumKind::SecurityDialogue, 5),
    (
        "Runder Tisch Moscheesicherheit {c}",
        ForumKind::RoundTable,
        4,
    ),
    (
        "Dialogforum Polizei und Muslime {c}",
        ForumKind::SecurityDialogue,
        3,
    ),
    ("Netzwerk Prävention {c}", ForumKind::Network, 3),
    (
        "Gesprächskreis Sicherheit und Religion {c}",
        ForumKind::Other,
        1,
    ),
];

const MEETINGS: &[(&str, &str)] = &[
    (
        "Vierteljährlich im Rathaus {c}",
        "Quarterly at the town hall in {c}",
    ),
    (
        "Zweimal im Jahr, abwechselnd bei den Mitgliedern",
        "Twice a year, hosted by the members in turn",
    ),
    (
        "Jeden ersten Dienstag im Monat, 18 Uhr",
        "First Tuesday of every month, 6 pm",
    ),
    (
        "Bei Bedarf, mindestens einmal im Jahr",
        "When needed, at least once a year",
    ),
    (
        "Alle zwei Monate in den Räumen der Polizei",
        "Every two months at the police premises",
    ),
];

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "Austausch von Polizei, Stadtverwaltung und muslimischen Gemeinden in {c} zu Fragen der Sicherheit.",
        "Exchange between police, city administration and Muslim communities in {c} on security matters.",
    ),
    (
        "Gegründet nach Drohungen gegen Moscheen; die Mitglieder kennen einander und sind im Ernstfall schnell erreichbar.",
        "Founded after threats against mosques; the members know each other and can be reached quickly in an emergency.",
    ),
    (
        "Netzwerk von Behörden, Vereinen und Gemeinden in {c} für Prävention und gegenseitiges Vertrauen.",
        "Network of authorities, associations and communities in {c} for prevention and mutual trust.",
    ),
];

/// Kinds that coordinate forums.
fn coordinates(kind: OrganizationKind) -> bool {
    matches!(
        kind,
        OrganizationKind::Police | OrganizationKind::Prevention
    )
}

/// Builds `count` forums.
pub(super) fn generate(world: &mut World, count: usize) -> Vec<Forum> {
    let mut names = NameRegistry::default();
    (0..count)
        .map(|index| forum(world, &mut names, index))
        .collect()
}

fn forum(world: &mut World, names: &mut NameRegistry, index: usize) -> Forum {
    let anchor = anchor(world);
    let info = world.info[anchor].clone();
    let city = &world.places.cities[info.city as usize];
    let row = &world.places.places[info.place as usize];

    let (pattern, kind, _) = *world.weighted(FORMS, |f| f.2);
    let mut name = fill(pattern, &city.short, "", "");
    if !names.claim(info.state, &name) {
        let ordinal = names.next_ordinal(info.state, &name);
        name = format!("{ordinal}. {name}");
    }

    let members = members(world, anchor);
    let mut coordinators: Vec<u32> = members
        .iter()
        .copied()
        .filter(|m| coordinates(world.info[*m as usize].kind))
        .collect();
    if coordinators.is_empty() {
        coordinators.push(members[0]);
    }
    coordinators.truncate(if world.chance(0.6) { 1 } else { 2 });
    let contact = coordinators
        .iter()
        .find_map(|c| world.first_contact[*c as usize])
        .map(|c| super::contacts::contact_id(c as usize));

    let (established, established_year) = established(world);
    let formalized = world.chance(0.35).then(|| {
        // A later year than established: never before it, whatever its form.
        let year = world
            .rng
            .random_range(established_year + 1..=(established_year + 6).min(2025));
        let month = world.rng.random_range(1..=12);
        let day = world.rng.random_range(1..=days_in_month(year, month));
        Date(Day::new(year, month, day).iso())
    });
    let open = match world.rng.random_range(0..10) {
        0 => Some(false),
        1 => None,
        _ => Some(true),
    };
    let meeting = world.chance(0.85).then(|| {
        let (de, en) = *world.choose(MEETINGS);
        bilingual(
            &fill(de, &city.short, "", ""),
            &fill(en, &city.short, "", ""),
        )
    });
    let description = world.chance(0.6).then(|| {
        let (de, en) = *world.choose(DESCRIPTIONS);
        bilingual(
            &fill(de, &city.short, "", ""),
            &fill(en, &city.short, "", ""),
        )
    });
    let mut topics = vec![Id::from("moscheesicherheit"), Id::from("dialog")];
    let extra = world.rng.random_range(0..=2);
    for topic in world.topics(
        &[
            MUSLIMFEINDLICHKEIT,
            PRAEVENTION,
            VERNETZUNG,
            BEGEGNUNG,
            RADIKALISIERUNGSPRAEVENTION,
        ],
        extra,
    ) {
        topics.push(topic);
    }

    Forum {
        id: Id(format!("forum-{:06}", index + 1)),
        name,
        kind: Some(kind),
        city: city.name.clone(),
        state: Some(World::state_code(info.state)),
        geo: Some(Geo {
            lat: row.lat,
            lon: row.lon,
        }),
        established: Some(established),
        formalized,
        members: members.iter().map(|m| org_id(*m as usize)).collect(),
        coordinators: coordinators.iter().map(|c| org_id(*c as usize)).collect(),
        contact,
        meeting,
        open_to_new_members: open,
        description,
        topics,
    }
}

/// The organisation a forum forms around: police or prevention in a city
/// drawn by size (forums exist where there are communities), else any
/// police or prevention body, else any organisation.
fn anchor(world: &mut World) -> usize {
    for _ in 0..8 {
        let roll = world.rng.random_range(0.0..1.0);
        let city = world.places.urban_city(roll) as usize;
        let candidates: Vec<u32> = world.by_city[city]
            .iter()
            .copied()
            .filter(|o| coordinates(world.info[*o as usize].kind))
            .collect();
        if !candidates.is_empty() {
            return *world.choose(&candidates) as usize;
        }
    }
    let mut pick = 0;
    for _ in 0..8 {
        pick = world.rng.random_range(0..world.organizations.len());
        if coordinates(world.info[pick].kind) {
            break;
        }
    }
    pick
}

/// 3 to 14 distinct members: the anchor, then organisations of its city,
/// then of its state, then any.
fn members(world: &mut World, anchor: usize) -> Vec<u32> {
    let total = world.organizations.len();
    let wanted = world.rng.random_range(3..=14).min(total);
    let mut members = vec![anchor as u32];
    let city = world.info[anchor].city as usize;
    let state = world.info[anchor].state as usize;
    let same_city = std::mem::take(&mut world.by_city[city]);
    fill_from(world, &mut members, &same_city, wanted);
    world.by_city[city] = same_city;
    let same_state = std::mem::take(&mut world.by_state[state]);
    fill_from(world, &mut members, &same_state, wanted);
    world.by_state[state] = same_state;
    let attempts = wanted * 20;
    for _ in 0..attempts {
        if members.len() >= wanted {
            break;
        }
        let candidate = world.rng.random_range(0..total) as u32;
        if !members.contains(&candidate) {
            members.push(candidate);
        }
    }
    // Tiny datasets: take the rest in order, so a forum always has its members.
    for candidate in 0..total as u32 {
        if members.len() >= wanted {
            break;
        }
        if !members.contains(&candidate) {
            members.push(candidate);
        }
    }
    members
}

/// Adds distinct organisations from `pool` until `members` has `wanted`.
fn fill_from(world: &mut World, members: &mut Vec<u32>, pool: &[u32], wanted: usize) {
    if members.len() >= wanted || pool.is_empty() {
        return;
    }
    if pool.len() <= 4 * wanted {
        // Small pool: a shuffled walk through all of it.
        let mut order: Vec<u32> = pool.to_vec();
        for i in 0..order.len() {
            let j = world.rng.random_range(i..order.len());
            order.swap(i, j);
            if members.len() >= wanted {
                break;
            }
            if !members.contains(&order[i]) {
                members.push(order[i]);
            }
        }
    } else {
        // Large pool: random draws, rarely a repeat.
        for _ in 0..wanted * 8 {
            if members.len() >= wanted {
                break;
            }
            let candidate = *world.choose(pool);
            if !members.contains(&candidate) {
                members.push(candidate);
            }
        }
    }
}

/// When a forum was established, as a year, a month or a day (2010–2024).
fn established(world: &mut World) -> (Date, i32) {
    let year = world.rng.random_range(2010..=2024);
    let month = world.rng.random_range(1..=12);
    let date = match world.rng.random_range(0..10) {
        0..=3 => format!("{year}"),
        4..=7 => Day::new(year, month, 1).iso_month(),
        _ => Day::new(
            year,
            month,
            world.rng.random_range(1..=days_in_month(year, month)),
        )
        .iso(),
    };
    (Date(date), year)
}
