//! Contacts: for a random organisation, a named person in a role that fits
//! its kind, or a function ("Ansprechstelle Moscheesicherheit"); always
//! reachable by at least one of phone, mobile, e-mail.

use dialognetz_core::{Area, Contact, Id, LanguageTag, OrganizationKind};
use rand::Rng;

use super::contact_data::{email, landline, mobile};
use super::org_names;
use super::people::{function_roles, person_roles, AVAILABILITY, ORIGINS};
use super::text::slug_with;
use super::{bilingual, World};

/// The availability only mosque communities have ("after Friday prayers").
const FRIDAY_PRAYERS: usize = 4;

/// Adds `count` contacts to the world.
pub(super) fn generate(world: &mut World, count: usize) {
    if world.organizations.is_empty() {
        return;
    }
    for index in 0..count {
        let org = world.rng.random_range(0..world.organizations.len());
        let contact = contact(world, index, org);
        world.first_contact[org].get_or_insert(index as u32);
        world.contacts.push(contact);
    }
}

/// The id of the contact at `index`.
pub(super) fn contact_id(index: usize) -> Id {
    Id(format!("contact-{:06}", index + 1))
}

fn contact(world: &mut World, index: usize, org: usize) -> Contact {
    let info = world.info[org].clone();
    let city = &world.places.cities[info.city as usize];
    let kind = info.kind;

    let (name, role, local) = if world.chance(0.6) {
        let origin = world.weighted(ORIGINS, |o| o.weight);
        let female = world.chance(0.5);
        let first = *world.choose(if female { origin.female } else { origin.male });
        // Most people carry a name of one background; some do not.
        let last_origin = if world.chance(0.8) {
            origin
        } else {
            world.weighted(ORIGINS, |o| o.weight)
        };
        let last = *world.choose(last_origin.last);
        let title = if world.chance(0.08) { "Dr. " } else { "" };
        let role = world.choose(person_roles(kind));
        let de = if female { role.female } else { role.male };
        let local = format!("{}.{}", slug_with(first, '.'), slug_with(last, '.'));
        (
            Some(format!("{title}{first} {last}")),
            bilingual(de, role.en),
            local,
        )
    } else {
        let (de, en, local) = *world.choose(function_roles(kind));
        (None, bilingual(de, en), local.to_owned())
    };

    let mut phone = world.chance(0.65).then(|| landline(world, &city.area_code));
    let mobile = world.chance(0.3).then(|| mobile(world));
    let mut email = world.chance(0.65).then(|| email(&local, &info.slug));
    if phone.is_none() && mobile.is_none() && email.is_none() {
        if world.chance(0.5) {
            email = Some(super::contact_data::email(&local, &info.slug));
        } else {
            phone = Some(landline(world, &city.area_code));
        }
    }

    let languages = if info.language.is_some() || world.chance(0.4) {
        let mut languages = vec![LanguageTag::from("de")];
        if let Some(language) = info.language {
            if language != "de" && world.chance(0.7) {
                languages.push(LanguageTag::from(language));
            }
        }
        if world.chance(0.25) && !languages.iter().any(|l| l.as_str() == "en") {
            languages.push(LanguageTag::from("en"));
        }
        languages
    } else {
        Vec::new()
    };

    let availability = world.chance(0.3).then(|| {
        let mut choice = world.rng.random_range(0..AVAILABILITY.len());
        if choice == FRIDAY_PRAYERS && kind != OrganizationKind::MosqueCommunity {
            choice = 0;
        }
        let (de, en) = AVAILABILITY[choice];
        bilingual(de, en)
    });

    let area = world.chance(0.6).then(|| {
        let authority = matches!(
            kind,
            OrganizationKind::Police
                | OrganizationKind::SecurityAuthority
                | OrganizationKind::Government
                | OrganizationKind::Prevention
        );
        let state = World::state_code(info.state);
        if info.state_level {
            Area {
                state: Some(state),
                city: None,
            }
        } else if authority || world.chance(0.5) {
            Area {
                state: Some(state),
                city: Some(city.name.clone()),
            }
        } else {
            Area {
                state: None,
                city: Some(city.name.clone()),
            }
        }
    });

    let topic_count = *world.choose(&[0, 0, 1, 1, 2]);
    let topics = world.topics(org_names::topics(kind), topic_count);

    Contact {
        id: contact_id(index),
        organization: world.organizations[org].id.clone(),
        name,
        role,
        phone,
        mobile,
        email,
        languages,
        availability,
        area,
        topics,
    }
}
