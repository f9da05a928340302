//! An organisation's page: how to reach it, where it is, who to ask there,
//! and where it takes part.

use dialognetz_core::export::vcard::organization_card;
use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::contact_actions::{ContactActions, PhoneNumber};
use crate::components::entity_header::EntityHeader;
use crate::components::entity_link::EntityLink;
use crate::components::place_facts::PlaceFacts;
use crate::components::topic_list::TopicList;
use crate::data::{entity_path, Shared};
use crate::i18n::{kind_label, texts, use_lang};
use crate::locale::language_name;

/// The page of the organisation at `index`.
#[component]
pub fn OrganizationView(data: Shared, index: u32) -> impl IntoView {
    let lang = use_lang();
    let Some(org) = data.dataset.organization(index) else {
        return ().into_any();
    };
    let title = Signal::stored(org.name.clone());
    let subtitle = {
        let short = org.short_name.clone();
        let kind = org.kind;
        Signal::derive(move || {
            let kind = kind_label(kind).get(lang.get());
            match &short {
                Some(short) => format!("{short} · {kind}"),
                None => kind.to_owned(),
            }
        })
    };
    let description = org.description.clone().map(|d| {
        let data = data.clone();
        move || data.text(&d, lang.get().tag()).to_owned()
    });
    let card = organization_card(&data.dataset, &org, lang.get_untracked().tag()).ok();
    let phones: Vec<PhoneNumber> = org
        .phone
        .iter()
        .map(|p| PhoneNumber {
            label: texts::PHONE,
            number: p.as_str().to_owned(),
        })
        .collect();
    let contacts = data.contacts_of(org.id.as_str()).to_vec();
    let children = data.children_of(org.id.as_str()).to_vec();
    let forums = data.forums_of(org.id.as_str()).to_vec();
    let languages = org
        .languages
        .iter()
        .map(|l| l.as_str().to_owned())
        .collect::<Vec<_>>();
    let topics = org
        .topics
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect::<Vec<_>>();
    let website = org.website.as_ref().map(|w| w.as_str().to_owned());

    view! {
        <article class="entity organization">
            <EntityHeader entity=EntityType::Organization id=org.id.as_str().to_owned() title subtitle/>
            {description.map(|d| view! { <p class="description" dir="auto">{d}</p> })}
            <ContactActions phones email=org.email.as_ref().map(|e| e.as_str().to_owned()) card/>
            <dl class="facts">
                <PlaceFacts address=org.address.clone() geo=org.geo/>
                {website.map(|url| view! {
                    <div><dt>{move || texts::WEBSITE.get(lang.get())}</dt>
                    <dd><a href=url.clone() rel="noopener noreferrer" dir="ltr">{url.clone()}</a></dd></div>
                })}
                {(!languages.is_empty()).then(|| view! {
                    <div><dt>{move || texts::LANGUAGES_SPOKEN.get(lang.get())}</dt>
                    <dd>{move || languages.iter().map(|l| language_name(l, lang.get())).collect::<Vec<_>>().join(", ")}</dd></div>
                })}
                {org.parent.clone().map(|parent| {
                    let data = data.clone();
                    view! {
                        <div><dt>{move || texts::BELONGS_TO.get(lang.get())}</dt>
                        <dd><EntityLink data entity=EntityType::Organization id=parent.as_str().to_owned()/></dd></div>
                    }
                })}
            </dl>
            <TopicList topics/>
            {(!contacts.is_empty()).then(|| {
                let data = data.clone();
                view! {
                    <section aria-labelledby="contacts-title">
                        <h2 id="contacts-title">{move || texts::CONTACTS.get(lang.get())}</h2>
                        <ul class="link-list">
                            {contacts.into_iter().filter_map(|c| {
                                let contact = data.dataset.contact(c)?;
                                let href = entity_path(EntityType::Contact, contact.id.as_str());
                                let role = contact.role.clone();
                                let name = contact.name.clone();
                                let link_data = data.clone();
                                Some(view! {
                                    <li>
                                        <a href=href>{move || name.clone().unwrap_or_else(|| link_data.text(&role, lang.get().tag()).to_owned())}</a>
                                        {contact.name.is_some().then(|| {
                                            let data = data.clone();
                                            let role = contact.role.clone();
                                            view! { <span class="muted">" · " {move || data.text(&role, lang.get().tag()).to_owned()}</span> }
                                        })}
                                    </li>
                                })
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
            {(!children.is_empty()).then(|| {
                let data = data.clone();
                view! {
                    <section aria-labelledby="children-title">
                        <h2 id="children-title">{move || texts::SUBORGANIZATIONS.get(lang.get())}</h2>
                        <ul class="link-list">
                            {children.into_iter().filter_map(|c| {
                                let id = data.dataset.id(EntityType::Organization, c)?.to_owned();
                                let data = data.clone();
                                Some(view! { <li><EntityLink data entity=EntityType::Organization id/></li> })
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
            {(!forums.is_empty()).then(|| {
                let data = data.clone();
                view! {
                    <section aria-labelledby="forums-title">
                        <h2 id="forums-title">{move || texts::MEMBER_OF.get(lang.get())}</h2>
                        <ul class="link-list">
                            {forums.into_iter().filter_map(|f| {
                                let id = data.dataset.id(EntityType::Forum, f)?.to_owned();
                                let data = data.clone();
                                Some(view! { <li><EntityLink data entity=EntityType::Forum id/></li> })
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
        </article>
    }
    .into_any()
}
