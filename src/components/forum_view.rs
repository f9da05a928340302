//! A dialogue forum's page: who takes part, who coordinates, when it meets,
//! and how to join.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::entity_header::EntityHeader;
use crate::components::entity_link::EntityLink;
use crate::components::topic_list::TopicList;
use crate::data::Shared;
use crate::i18n::{forum_kind_label, texts, use_lang};
use crate::locale::format_date;

/// The page of the forum at `index`.
#[component]
pub fn ForumView(data: Shared, index: u32) -> impl IntoView {
    let lang = use_lang();
    let Some(forum) = data.dataset.forum(index) else {
        return ().into_any();
    };
    let title = Signal::stored(forum.name.clone());
    let subtitle = {
        let kind = forum.kind.unwrap_or(dialognetz_core::ForumKind::Other);
        let place = match forum
            .state
            .as_ref()
            .and_then(|s| dialognetz_core::geo::state_name(s.as_str()))
        {
            Some(state) => format!("{}, {state}", forum.city),
            None => forum.city.clone(),
        };
        Signal::derive(move || format!("{} · {place}", forum_kind_label(kind).get(lang.get())))
    };
    let description = forum.description.clone().map(|d| {
        let data = data.clone();
        move || data.text(&d, lang.get().tag()).to_owned()
    });
    let meeting = forum.meeting.clone().map(|m| {
        let data = data.clone();
        move || data.text(&m, lang.get().tag()).to_owned()
    });
    let established = forum.established.as_ref().map(|d| d.as_str().to_owned());
    let formalized = forum.formalized.as_ref().map(|d| d.as_str().to_owned());
    let open = forum.open_to_new_members;
    let members = forum
        .members
        .iter()
        .map(|m| m.as_str().to_owned())
        .collect::<Vec<_>>();
    let member_count = members.len();
    let coordinators = forum
        .coordinators
        .iter()
        .map(|m| m.as_str().to_owned())
        .collect::<Vec<_>>();
    let contact = forum.contact.as_ref().map(|c| c.as_str().to_owned());
    let topics = forum
        .topics
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect::<Vec<_>>();
    let links = |ids: Vec<String>, entity: EntityType| {
        let data = data.clone();
        ids.into_iter()
            .map(move |id| {
                let data = data.clone();
                view! { <li><EntityLink data entity id/></li> }
            })
            .collect_view()
    };
    let has_coordinators = !forum.coordinators.is_empty();
    let member_links = links(members, EntityType::Organization);
    let coordinator_links = links(coordinators, EntityType::Organization);
    view! {
        <article class="entity forum">
            <EntityHeader entity=EntityType::Forum id=forum.id.as_str().to_owned() title subtitle/>
            {description.map(|d| view! { <p class="description" dir="auto">{d}</p> })}
            <dl class="facts">
                {established.map(|d| view! {
                    <div><dt>{move || texts::ESTABLISHED.get(lang.get())}</dt><dd>{move || format_date(&d, lang.get())}</dd></div>
                })}
                {formalized.map(|d| view! {
                    <div><dt>{move || texts::FORMALIZED.get(lang.get())}</dt><dd>{move || format_date(&d, lang.get())}</dd></div>
                })}
                {meeting.map(|m| view! {
                    <div><dt>{move || texts::MEETING.get(lang.get())}</dt><dd>{m}</dd></div>
                })}
            </dl>
            <section class="join" aria-labelledby="join-title">
                <h2 id="join-title">{move || texts::HOW_TO_JOIN.get(lang.get())}</h2>
                {match open {
                    Some(true) => view! { <p class="open-yes">{move || texts::OPEN_TO_NEW.get(lang.get())}</p> }.into_any(),
                    Some(false) => view! { <p>{move || texts::OPEN_NO.get(lang.get())}</p> }.into_any(),
                    None => ().into_any(),
                }}
                {contact.map(|c| {
                    let data = data.clone();
                    view! { <p>{move || texts::JOIN_ASK.get(lang.get())} " " <EntityLink data entity=EntityType::Contact id=c/></p> }
                })}
            </section>
            {(member_count > 0).then(|| view! {
                <section aria-labelledby="members-title">
                    <h2 id="members-title">{move || texts::MEMBERS.get(lang.get())} " (" {member_count} ")"</h2>
                    <ul class="link-list members">{member_links}</ul>
                </section>
            })}
            {has_coordinators.then(|| view! {
                <section aria-labelledby="coordinators-title">
                    <h2 id="coordinators-title">{move || texts::COORDINATORS.get(lang.get())}</h2>
                    <ul class="link-list">{coordinator_links}</ul>
                </section>
            })}
            <TopicList topics/>
        </article>
    }
    .into_any()
}
