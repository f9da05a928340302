//! One hit: its type, its title with the matched letters marked, what it
//! is and where, and its distance when sorted by place.

use dialognetz_core::search::{city_of, EntityType, Hit, MatchedTerms};
use leptos::prelude::*;

use crate::components::highlighted::Highlighted;
use crate::data::{entity_path, Shared};
use crate::i18n::{distance, entity_label, forum_kind_label, kind_label, texts, use_lang};
use crate::search_run::NearPoint;

/// A result row: a link to the entry's page.
#[component]
pub fn ResultItem(
    data: Shared,
    hit: Hit,
    terms: Memo<MatchedTerms>,
    near: Memo<NearPoint>,
) -> impl IntoView {
    let lang = use_lang();
    let doc = hit.doc;
    let href = entity_path(doc.entity, &hit.id);
    // Memos, not derived signals: each text and its marks is read by more
    // than one view and is then worked out once per change, not per read.
    let title = {
        let data = data.clone();
        Memo::new(move |_| data.title(doc, lang.get().tag()))
    };
    let marks = {
        let data = data.clone();
        Memo::new(move |_| title.with(|t| terms.with(|terms| data.index.highlight(t, terms))))
    };
    let city = city_of(&data.dataset, doc).map(str::to_owned);
    let city_marks = {
        let data = data.clone();
        let city = city.clone();
        Memo::new(move |_| {
            city.as_deref()
                .map(|c| terms.with(|terms| data.index.highlight(c, terms)))
                .unwrap_or_default()
        })
    };
    let detail = {
        let data = data.clone();
        Memo::new(move |_| detail_of(&data, doc, lang.get()))
    };
    // The short name (KORA) is in the detail: mark it there too.
    let detail_marks = {
        let data = data.clone();
        Memo::new(move |_| detail.with(|d| terms.with(|terms| data.index.highlight(d, terms))))
    };
    let distance_km = hit.distance_km;
    let show_distance = move || near.with(|n| n.geo().is_some());
    view! {
        <li class="hit" data-type=doc.entity.code()>
            <a class="hit-link" href=href>
                <span class="hit-type">{move || entity_label(doc.entity).get(lang.get())}</span>
                <span class="hit-title"><Highlighted text=title.into() marks=marks.into()/></span>
                <span class="hit-detail">
                    <span class="hit-kind"><Highlighted text=detail.into() marks=detail_marks.into()/></span>
                    {city.clone().map(|c| view! {
                        <span class="hit-city"><Highlighted text=Signal::stored(c) marks=city_marks.into()/></span>
                    })}
                    {move || (show_distance()).then(|| distance_km.map(|km| view! {
                        <span class="hit-distance">
                            {move || distance(km, lang.get())} " " {move || texts::DISTANCE_AWAY.get(lang.get())}
                        </span>
                    })).flatten()}
                </span>
            </a>
        </li>
    }
}

/// What the entry is, in a few words: an organisation's kind, a contact's
/// role and organisation, a forum's kind, an event's date.
fn detail_of(
    data: &Shared,
    doc: dialognetz_core::search::DocRef,
    lang: crate::i18n::Lang,
) -> String {
    let d = &data.dataset;
    let i = doc.index as usize;
    let tag = lang.tag();
    match doc.entity {
        EntityType::Organization => d
            .organizations
            .get(i)
            .map(|o| {
                let kind = kind_label(o.kind).get(lang);
                match &o.short_name {
                    Some(short) => format!("{short} · {kind}"),
                    None => kind.to_owned(),
                }
            })
            .unwrap_or_default(),
        EntityType::Contact => d
            .contacts
            .get(i)
            .map(|c| {
                let org = data
                    .organization(c.organization.as_str())
                    .and_then(|o| d.organizations.get(o as usize))
                    .map(|o| o.short_name.clone().unwrap_or_else(|| o.name.clone()))
                    .unwrap_or_default();
                if c.name.is_some() {
                    format!("{} · {org}", data.text(&c.role, tag))
                } else {
                    org
                }
            })
            .unwrap_or_default(),
        EntityType::Forum => d
            .forums
            .get(i)
            .map(|f| {
                forum_kind_label(f.kind.unwrap_or(dialognetz_core::ForumKind::Other))
                    .get(lang)
                    .to_owned()
            })
            .unwrap_or_default(),
        EntityType::Event => d
            .events
            .get(i)
            .map(|e| crate::locale::format_date(e.start.as_str(), lang))
            .unwrap_or_default(),
        EntityType::Project | EntityType::Article => String::new(),
    }
}
