//! One hit: its type, its title with the matched letters marked, what it
//! is and where, and its distance when sorted by place.

use std::ops::Range;

use dialognetz_core::entry::{Entry, EntryRef};
use dialognetz_core::search::{DocRef, Hit, MatchedTerms};
use leptos::prelude::*;

use crate::components::highlighted::Highlighted;
use crate::data::{entity_path, Shared};
use crate::i18n::{distance, entity_label, forum_kind_label, kind_label, texts, Lang};

/// Everything a result row shows, worked out in one pass per search. The
/// row is its own key in the list: a hit that looks the same after a
/// keystroke keeps its DOM, one whose text or marks changed is built anew.
/// That costs a few elements, where a row of memos and effects (one per
/// text and its marks) cost the reactive graph more on every keystroke
/// than building the row does.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HitRow {
    doc: DocRef,
    href: String,
    kind: &'static str,
    title: Marked,
    /// What it is (a short name and kind, a role, a date).
    detail: Marked,
    city: Option<Marked>,
    /// The distance, as shown, when the search is sorted by place.
    distance: Option<String>,
}

/// A text and the byte ranges of it that matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Marked {
    text: String,
    marks: Vec<Range<usize>>,
}

impl HitRow {
    pub fn new(data: &Shared, hit: &Hit, terms: &MatchedTerms, lang: Lang, near: bool) -> HitRow {
        let doc = hit.doc;
        let marked = |text: String| Marked {
            marks: data.index.highlight(&text, terms),
            text,
        };
        // One decode of the entry for all the row shows of it.
        let entry = data.dataset.entry(doc);
        let entry = entry.as_ref().map(Entry::borrowed);
        let default = data.dataset.meta().default_language();
        HitRow {
            doc,
            href: entity_path(doc.entity, &hit.id),
            kind: entity_label(doc.entity).get(lang),
            title: marked(
                entry
                    .map(|e| e.title(lang.tag(), default))
                    .unwrap_or_default(),
            ),
            // The short name (KORA) is in the detail: marked there too.
            detail: marked(entry.map(|e| detail_of(data, e, lang)).unwrap_or_default()),
            city: entry.and_then(|e| e.city()).map(|c| marked(c.to_owned())),
            distance: hit
                .distance_km
                .filter(|_| near)
                .map(|km| format!("{} {}", distance(km, lang), texts::DISTANCE_AWAY.get(lang))),
        }
    }
}

/// A result row: a link to the entry's page.
#[component]
pub fn ResultItem(row: HitRow) -> impl IntoView {
    let HitRow {
        doc,
        href,
        kind,
        title,
        detail,
        city,
        distance,
    } = row;
    view! {
        <li class="hit" data-type=doc.entity.code()>
            <a class="hit-link" href=href>
                <span class="hit-type">{kind}</span>
                <span class="hit-title"><Highlighted text=title.text marks=title.marks/></span>
                <span class="hit-detail">
                    <span class="hit-kind"><Highlighted text=detail.text marks=detail.marks/></span>
                    {city.map(|c| view! {
                        <span class="hit-city"><Highlighted text=c.text marks=c.marks/></span>
                    })}
                    {distance.map(|d| view! { <span class="hit-distance">{d}</span> })}
                </span>
            </a>
        </li>
    }
}

/// What the entry is, in a few words: an organisation's kind, a contact's
/// role and organisation, a forum's kind, an event's date.
fn detail_of(data: &Shared, entry: EntryRef<'_>, lang: Lang) -> String {
    match entry {
        EntryRef::Organization(o) => {
            let kind = kind_label(o.kind).get(lang);
            match &o.short_name {
                Some(short) => format!("{short} · {kind}"),
                None => kind.to_owned(),
            }
        }
        EntryRef::Contact(c) => {
            let org = data
                .organization(c.organization.as_str())
                .and_then(|o| data.dataset.organization(o))
                .map(|o| o.short_name.unwrap_or(o.name))
                .unwrap_or_default();
            if c.name.is_some() {
                format!("{} · {org}", data.text(&c.role, lang.tag()))
            } else {
                org
            }
        }
        EntryRef::Forum(f) => forum_kind_label(f.kind.unwrap_or(dialognetz_core::ForumKind::Other))
            .get(lang)
            .to_owned(),
        EntryRef::Event(e) => crate::locale::format_date(e.start.as_str(), lang),
        EntryRef::Project(_) | EntryRef::Article(_) => String::new(),
    }
}
