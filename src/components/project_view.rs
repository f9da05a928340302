//! A project's page: when, who with, funded by whom, and its links.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::entity_header::EntityHeader;
use crate::components::entity_link::EntityLink;
use crate::components::topic_list::TopicList;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};
use crate::locale::format_date;

/// The page of the project at `index`.
#[component]
pub fn ProjectView(data: Shared, index: u32) -> impl IntoView {
    let lang = use_lang();
    let Some(project) = data.dataset.project(index) else {
        return ().into_any();
    };
    let doc = dialognetz_core::search::DocRef {
        entity: EntityType::Project,
        index,
    };
    let title = {
        let data = data.clone();
        Signal::derive(move || data.title(doc, lang.get().tag()))
    };
    let start = project.start.as_ref().map(|d| d.as_str().to_owned());
    let end = project.end.as_ref().map(|d| d.as_str().to_owned());
    let has_period = start.is_some() || end.is_some();
    let period = move || {
        let l = lang.get();
        match (&start, &end) {
            (Some(s), Some(e)) => format!("{} – {}", format_date(s, l), format_date(e, l)),
            (Some(s), None) => format!("{} –", format_date(s, l)),
            (None, Some(e)) => format!("– {}", format_date(e, l)),
            (None, None) => String::new(),
        }
    };
    let description = project.description.clone().map(|d| {
        let data = data.clone();
        move || data.text(&d, lang.get().tag()).to_owned()
    });
    let partners = project
        .partners
        .iter()
        .map(|p| p.as_str().to_owned())
        .collect::<Vec<_>>();
    let topics = project
        .topics
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect::<Vec<_>>();
    let links = project.links.clone();
    view! {
        <article class="entity project">
            <EntityHeader entity=EntityType::Project id=project.id.as_str().to_owned() title/>
            {description.map(|d| view! { <p class="description" dir="auto">{d}</p> })}
            <dl class="facts">
                {has_period.then(|| view! {
                    <div><dt>{move || texts::PERIOD.get(lang.get())}</dt><dd>{period}</dd></div>
                })}
                {project.city.clone().map(|c| view! {
                    <div><dt>{move || texts::FACET_CITY.get(lang.get())}</dt><dd>{c}</dd></div>
                })}
                {project.funder.clone().map(|f| {
                    let data = data.clone();
                    view! {
                        <div><dt>{move || texts::FUNDER.get(lang.get())}</dt>
                        <dd><EntityLink data entity=EntityType::Organization id=f.as_str().to_owned()/></dd></div>
                    }
                })}
            </dl>
            {(!partners.is_empty()).then(|| {
                let data = data.clone();
                view! {
                    <section aria-labelledby="partners-title">
                        <h2 id="partners-title">{move || texts::PARTNERS.get(lang.get())}</h2>
                        <ul class="link-list">
                            {partners.into_iter().map(|p| {
                                let data = data.clone();
                                view! { <li><EntityLink data entity=EntityType::Organization id=p/></li> }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
            {(!links.is_empty()).then(|| {
                let data = data.clone();
                view! {
                    <section aria-labelledby="links-title">
                        <h2 id="links-title">{move || texts::LINKS.get(lang.get())}</h2>
                        <ul class="link-list">
                            {links.into_iter().map(|link| {
                                let data = data.clone();
                                let label = link.label.clone();
                                view! {
                                    <li><a href=link.url.as_str().to_owned() rel="noopener noreferrer">
                                        {move || data.text(&label, lang.get().tag()).to_owned()}
                                    </a></li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
            <TopicList topics/>
        </article>
    }
    .into_any()
}
