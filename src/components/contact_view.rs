//! A contact's page: who or what it is, how and when to reach it, where it
//! is responsible.

use dialognetz_core::export::vcard;
use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::contact_actions::{ContactActions, PhoneNumber};
use crate::components::entity_header::EntityHeader;
use crate::components::entity_link::EntityLink;
use crate::components::topic_list::TopicList;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};
use crate::locale::language_name;

/// The page of the contact at `index`.
#[component]
pub fn ContactView(data: Shared, index: u32) -> impl IntoView {
    let lang = use_lang();
    let Some(contact) = data.dataset.contact(index) else {
        return ().into_any();
    };
    let doc = dialognetz_core::search::DocRef {
        entity: EntityType::Contact,
        index,
    };
    let title = {
        let data = data.clone();
        Signal::derive(move || data.title(doc, lang.get().tag()))
    };
    let role = contact.role.clone();
    let subtitle = {
        let data = data.clone();
        let named = contact.name.is_some();
        Signal::derive(move || {
            if named {
                data.text(&role, lang.get().tag()).to_owned()
            } else {
                String::new()
            }
        })
    };
    let card = vcard::contact(&data.dataset, &contact, lang.get_untracked().tag()).ok();
    let mut phones = Vec::new();
    if let Some(p) = &contact.phone {
        phones.push(PhoneNumber {
            label: texts::PHONE,
            number: p.as_str().to_owned(),
        });
    }
    if let Some(p) = &contact.mobile {
        phones.push(PhoneNumber {
            label: texts::MOBILE,
            number: p.as_str().to_owned(),
        });
    }
    let availability = contact.availability.clone().map(|a| {
        let data = data.clone();
        move || data.text(&a, lang.get().tag()).to_owned()
    });
    let area = contact.area.clone().map(|a| {
        let state = a
            .state
            .as_ref()
            .and_then(|s| dialognetz_core::geo::state_name(s.as_str()));
        [a.city.clone(), state.map(str::to_owned)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    });
    let languages = contact
        .languages
        .iter()
        .map(|l| l.as_str().to_owned())
        .collect::<Vec<_>>();
    let topics = contact
        .topics
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect::<Vec<_>>();
    let org = contact.organization.as_str().to_owned();
    view! {
        <article class="entity contact">
            <EntityHeader entity=EntityType::Contact id=contact.id.as_str().to_owned() title subtitle/>
            <ContactActions phones email=contact.email.as_ref().map(|e| e.as_str().to_owned()) card/>
            <dl class="facts">
                <div>
                    <dt>{move || texts::ORGANIZATION.get(lang.get())}</dt>
                    <dd><EntityLink data=data.clone() entity=EntityType::Organization id=org/></dd>
                </div>
                {availability.map(|a| view! {
                    <div><dt>{move || texts::AVAILABILITY.get(lang.get())}</dt><dd>{a}</dd></div>
                })}
                {area.filter(|a| !a.is_empty()).map(|a| view! {
                    <div><dt>{move || texts::AREA.get(lang.get())}</dt><dd>{a}</dd></div>
                })}
                {(!languages.is_empty()).then(|| view! {
                    <div><dt>{move || texts::LANGUAGES_SPOKEN.get(lang.get())}</dt>
                    <dd>{move || languages.iter().map(|l| language_name(l, lang.get())).collect::<Vec<_>>().join(", ")}</dd></div>
                })}
            </dl>
            <TopicList topics/>
        </article>
    }
    .into_any()
}
