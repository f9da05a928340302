//! Events between 2023 and 2027, so a dataset has past and upcoming ones:
//! trainings and specialist days of authorities, open days and evenings of
//! encounter of communities.

use dialognetz_core::{Date, Event, Id, OrganizationKind, Registration};
use rand::Rng;

use super::calendar::Day;
use super::contact_data::{email, website};
use super::organizations::org_id;
use super::text::fill;
use super::vocab::topic::*;
use super::{bilingual, World};

/// An event form: title (de, en), topics, whether it is the Open Mosque Day
/// (always on 3 October).
type Form = (&'static str, &'static str, &'static [usize], bool);

const AUTHORITY_FORMS: &[Form] = &[
    (
        "Fachtag Moscheesicherheit {c}",
        "Specialist day on mosque security, {c}",
        &[MOSCHEESICHERHEIT, DIALOG],
        false,
    ),
    (
        "Fortbildung: Interkulturelle Kompetenz für Polizeikräfte",
        "Training: intercultural competence for police officers",
        &[FORTBILDUNG, DIALOG],
        false,
    ),
    (
        "Informationsabend Radikalisierungsprävention",
        "Information evening on radicalisation prevention",
        &[RADIKALISIERUNGSPRAEVENTION, PRAEVENTION],
        false,
    ),
    (
        "Workshop: Muslimfeindlichkeit erkennen und melden",
        "Workshop: recognising and reporting anti-Muslim hostility",
        &[MUSLIMFEINDLICHKEIT, PRAEVENTION],
        false,
    ),
    (
        "Netzwerktreffen Sicher Zusammenleben {c}",
        "Network meeting Living Together Safely, {c}",
        &[VERNETZUNG, DIALOG],
        false,
    ),
];

const COMMUNITY_FORMS: &[Form] = &[
    (
        "Tag der offenen Moschee in {c}",
        "Open Mosque Day in {c}",
        &[BEGEGNUNG, DIALOG],
        true,
    ),
    (
        "Begegnungsabend mit Iftar",
        "Evening of encounter with iftar",
        &[BEGEGNUNG, INTEGRATION],
        false,
    ),
    (
        "Informationsabend: Sicherheit in der Gemeinde",
        "Information evening: security in the community",
        &[MOSCHEESICHERHEIT, PRAEVENTION],
        false,
    ),
    (
        "Frauencafé: Sicher unterwegs",
        "Women's café: getting around safely",
        &[FRAUEN, PRAEVENTION],
        false,
    ),
];

const VENUES: &[&str] = &[
    "Rathaus {c}",
    "Volkshochschule {c}",
    "Bürgerhaus {c}",
    "Stadtbibliothek {c}",
    "Gemeindezentrum {c}",
];

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "Vorträge, Austausch und Gespräche; offen für alle Interessierten.",
        "Talks, exchange and conversation; open to everyone interested.",
    ),
    (
        "Mit Fachleuten aus Polizei, Verwaltung und Gemeinden. Die Teilnahme ist kostenlos.",
        "With experts from police, administration and communities. Taking part is free of charge.",
    ),
    (
        "Kleine Gruppe, bitte rechtzeitig anmelden.",
        "Small group; please register in time.",
    ),
];

/// First and last day events fall on.
const FIRST_DAY: Day = Day {
    year: 2023,
    month: 1,
    day: 1,
};
const LAST_DAY: Day = Day {
    year: 2027,
    month: 12,
    day: 31,
};

/// Builds `count` events.
pub(super) fn generate(world: &mut World, count: usize) -> Vec<Event> {
    (0..count).map(|index| event(world, index)).collect()
}

fn event(world: &mut World, index: usize) -> Event {
    let organizer = organizer(world);
    let info = world.info[organizer].clone();
    let city = &world.places.cities[info.city as usize];
    let community = matches!(
        info.kind,
        OrganizationKind::MosqueCommunity
            | OrganizationKind::MuslimAssociation
            | OrganizationKind::CulturalAssociation
    );
    let mut form = *world.choose(if community {
        COMMUNITY_FORMS
    } else {
        AUTHORITY_FORMS
    });
    if form.3 && info.kind != OrganizationKind::MosqueCommunity {
        form = COMMUNITY_FORMS[1];
    }
    let (title_de, title_en, topic_list, open_mosque_day) = form;
    let id = Id(format!("event-{:06}", index + 1));

    let first = FIRST_DAY.to_days();
    let last = LAST_DAY.to_days();
    let mut day = Day::from_days(world.rng.random_range(first..=last));
    if open_mosque_day {
        day = Day::new(day.year, 10, 3);
    }
    let (start, end) = if world.chance(0.3) {
        let hour = *world.choose(&[9u32, 10, 14, 17, 18, 19]);
        let minute = *world.choose(&[0u32, 0, 30]);
        let end = world
            .chance(0.7)
            .then(|| Date(day.at(hour + world.rng.random_range(2..=4), minute)));
        (Date(day.at(hour, minute)), end)
    } else {
        let end = match world.rng.random_range(0..20) {
            0..=9 => None,
            10..=16 => Some(Date(day.add_days(1).iso())),
            _ => Some(Date(day.add_days(2).iso())),
        };
        (Date(day.iso()), end)
    };

    let registration = world.chance(0.65).then(|| {
        let url = world
            .chance(0.3)
            .then(|| website(&info.slug, &format!("veranstaltungen/{id}")));
        let email = (url.is_none() || world.chance(0.5)).then(|| email("anmeldung", &info.slug));
        // Not after the start: 3 to 28 days before it.
        let deadline = world
            .chance(0.5)
            .then(|| Date(day.add_days(-world.rng.random_range(3..=28)).iso()));
        Registration {
            email,
            url,
            deadline,
        }
    });

    let venue = world.chance(0.8).then(|| {
        if world.chance(0.4) {
            world.organizations[organizer].name.clone()
        } else {
            let pattern = *world.choose::<&str>(VENUES);
            fill(pattern, &city.short, "", "")
        }
    });
    let description = world.chance(0.5).then(|| {
        let (de, en) = *world.choose(DESCRIPTIONS);
        bilingual(de, en)
    });
    let topic_count = world.rng.random_range(1..=topic_list.len());
    let topics = world.topics(topic_list, topic_count);

    Event {
        id,
        title: bilingual(
            &fill(title_de, &city.short, "", ""),
            &fill(title_en, &city.short, "", ""),
        ),
        start,
        end,
        city: Some(city.name.clone()),
        venue,
        state: Some(World::state_code(info.state)),
        organizer: Some(org_id(organizer)),
        registration,
        description,
        topics,
    }
}

/// Organisers are mostly authorities, prevention and communities.
fn organizer(world: &mut World) -> usize {
    let mut pick = 0;
    for _ in 0..6 {
        pick = world.rng.random_range(0..world.organizations.len());
        if !matches!(
            world.info[pick].kind,
            OrganizationKind::Other | OrganizationKind::CivilSociety
        ) {
            break;
        }
    }
    pick
}
