//! Cooperation projects: partners of one state, funded by a government body,
//! with a period and links.

use dialognetz_core::{Date, Id, Link, Project};
use rand::Rng;

use super::calendar::Day;
use super::contact_data::website;
use super::organizations::org_id;
use super::text::fill;
use super::vocab::topic::*;
use super::{bilingual, World};

/// Title (de, en) and topics.
const FORMS: &[(&str, &str, &[usize])] = &[
    (
        "Gemeinsam sicher in {c}",
        "Safe together in {c}",
        &[MOSCHEESICHERHEIT, DIALOG],
    ),
    (
        "Moschee und Polizei im Gespräch",
        "Mosque and police in conversation",
        &[DIALOG, MOSCHEESICHERHEIT],
    ),
    (
        "Brücken bauen in {c}",
        "Building bridges in {c}",
        &[BEGEGNUNG, INTEGRATION],
    ),
    (
        "Prävention vor Ort: {c}",
        "Prevention on the ground: {c}",
        &[PRAEVENTION, RADIKALISIERUNGSPRAEVENTION],
    ),
    (
        "Aktiv gegen Muslimfeindlichkeit",
        "Active against anti-Muslim hostility",
        &[MUSLIMFEINDLICHKEIT, PRAEVENTION],
    ),
    (
        "Begegnung auf Augenhöhe",
        "Encounters as equals",
        &[BEGEGNUNG, DIALOG],
    ),
    (
        "Frauen stärken – Sicherheit gestalten",
        "Empowering women – shaping security",
        &[FRAUEN, MOSCHEESICHERHEIT],
    ),
    (
        "Ausstieg begleiten",
        "Accompanying exit",
        &[DERADIKALISIERUNG, RADIKALISIERUNGSPRAEVENTION],
    ),
];

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "Polizei und Gemeinden in {c} lernen einander kennen: gemeinsame Workshops, Hospitationen und ein Abschlussbericht.",
        "Police and communities in {c} get to know each other: joint workshops, job shadowing and a final report.",
    ),
    (
        "Schulungen für Gemeindevorstände zu Sicherheitskonzepten und zum Umgang mit Bedrohungen.",
        "Training for community boards on security concepts and on dealing with threats.",
    ),
    (
        "Ehrenamtliche begleiten junge Menschen; Fachkräfte der Prävention beraten die Familien.",
        "Volunteers mentor young people; prevention professionals advise the families.",
    ),
];

/// Builds `count` projects.
pub(super) fn generate(world: &mut World, count: usize) -> Vec<Project> {
    (0..count).map(|index| project(world, index)).collect()
}

fn project(world: &mut World, index: usize) -> Project {
    let lead = world.rng.random_range(0..world.organizations.len());
    let info = world.info[lead].clone();
    let city = &world.places.cities[info.city as usize];
    let (title_de, title_en, topic_list) = *world.choose(FORMS);

    let mut partners = vec![lead as u32];
    let wanted = world.rng.random_range(2..=5);
    let same_state = &world.by_state[info.state as usize];
    for _ in 0..wanted * 8 {
        if partners.len() >= wanted || same_state.len() < 2 {
            break;
        }
        let candidate = same_state[world.rng.random_range(0..same_state.len())];
        if !partners.contains(&candidate) {
            partners.push(candidate);
        }
    }

    // A state-level body of the state if there is one, else a local government office.
    let governments = &world.government_by_state[info.state as usize];
    let funder = if governments.is_empty() {
        None
    } else {
        let state_level: Vec<u32> = governments
            .iter()
            .copied()
            .filter(|g| world.info[*g as usize].state_level)
            .collect();
        let pool = if state_level.is_empty() {
            governments.clone()
        } else {
            state_level
        };
        Some(org_id(pool[world.rng.random_range(0..pool.len())] as usize))
    };

    let year = world.rng.random_range(2016..=2025);
    let month = world.rng.random_range(1..=12);
    let start = Day::new(year, month, 1);
    let end = world.chance(0.8).then(|| {
        let months = world.rng.random_range(12..=48);
        let total = (year * 12 + month as i32 - 1) + months;
        Date(Day::new(total / 12, (total % 12) as u32 + 1, 1).iso_month())
    });

    let slug = format!("projekt-{:04}-{}", index + 1, city.slug);
    let mut links = vec![Link {
        label: bilingual("Projektseite", "Project website"),
        url: website(&slug, ""),
    }];
    if end.is_some() && world.chance(0.5) {
        links.push(Link {
            label: bilingual("Abschlussbericht (PDF)", "Final report (PDF)"),
            url: website(&slug, "abschlussbericht.pdf"),
        });
    }
    let description = world.chance(0.7).then(|| {
        let (de, en) = *world.choose(DESCRIPTIONS);
        bilingual(
            &fill(de, &city.short, "", ""),
            &fill(en, &city.short, "", ""),
        )
    });
    let topic_count = world.rng.random_range(1..=topic_list.len());
    let topics = world.topics(topic_list, topic_count);

    Project {
        id: Id(format!("project-{:06}", index + 1)),
        title: bilingual(
            &fill(title_de, &city.short, "", ""),
            &fill(title_en, &city.short, "", ""),
        ),
        start: Some(Date(start.iso_month())),
        end,
        city: Some(city.name.clone()),
        state: Some(World::state_code(info.state)),
        partners: partners.iter().map(|p| org_id(*p as usize)).collect(),
        funder,
        description,
        links,
        topics,
    }
}
