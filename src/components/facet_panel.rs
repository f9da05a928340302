//! Filters as chips with live counts; on a phone behind a "Filters" button,
//! beside the results on wider screens.

use dialognetz_core::search::{EntityType, FacetCount, FacetCounts, SearchParams, SearchResults};
use dialognetz_core::OrganizationKind;
use leptos::prelude::*;

use crate::components::facet_group::{Chip, FacetGroup};
use crate::data::Shared;
use crate::i18n::{entity_label, kind_label, texts, use_lang};
use crate::locale::language_name;

/// The filter chips of every facet.
#[component]
pub fn FacetPanel(params: Memo<SearchParams>, results: Memo<SearchResults>) -> impl IntoView {
    let lang = use_lang();
    let data = expect_context::<Shared>();
    let open = RwSignal::new(false);
    let active = move || params.with(|p| p.filters.pairs().len());

    // Read in place: a large dataset's counts hold thousands of cities.
    let facets = move |read: &dyn Fn(&FacetCounts) -> Vec<Chip>| {
        results.with(|r| r.facets.as_ref().map(read).unwrap_or_default())
    };
    let chips = move |key: &'static str, counts: &[FacetCount], label: &dyn Fn(&str) -> String| {
        counts
            .iter()
            .map(|c| Chip {
                key,
                value: c.value.clone(),
                label: label(&c.value),
                count: c.count,
            })
            .collect::<Vec<_>>()
    };

    let types = chip_list(move || {
        let l = lang.get();
        facets(&|f| {
            chips("type", &f.types, &|v| {
                EntityType::from_code(v)
                    .map(|t| entity_label(t).get(l).to_owned())
                    .unwrap_or_else(|| v.to_owned())
            })
        })
    });
    let kinds = chip_list(move || {
        let l = lang.get();
        facets(&|f| {
            chips("kind", &f.kinds, &|v| {
                OrganizationKind::ALL
                    .into_iter()
                    .find(|k| k.code() == v)
                    .map(|k| kind_label(k).get(l).to_owned())
                    .unwrap_or_else(|| v.to_owned())
            })
        })
    });
    let states = chip_list(move || {
        facets(&|f| {
            chips("state", &f.states, &|v| {
                dialognetz_core::geo::state_name(v).unwrap_or(v).to_owned()
            })
        })
    });
    let cities = chip_list(move || facets(&|f| chips("city", &f.cities, &|v| v.to_owned())));
    let topics = {
        let data = data.clone();
        chip_list(move || {
            let l = lang.get();
            facets(&|f| chips("topic", &f.topics, &|v| data.topic_label(v, l.tag())))
        })
    };
    let languages = chip_list(move || {
        let l = lang.get();
        facets(&|f| chips("language", &f.languages, &|v| language_name(v, l)))
    });
    let flags = chip_list(move || {
        let l = lang.get();
        facets(&|f| {
            let mut out = Vec::new();
            let mut flag =
                |key: &'static str, value: &str, text: crate::i18n::Text, count: usize| {
                    if count > 0 {
                        out.push(Chip {
                            key,
                            value: value.to_owned(),
                            label: text.get(l).to_owned(),
                            count,
                        });
                    }
                };
            flag("open", "true", texts::OPEN_TO_NEW, f.open_to_new_members);
            flag("event", "upcoming", texts::UPCOMING, f.upcoming);
            flag("event", "past", texts::PAST, f.past);
            out
        })
    });

    view! {
        <aside class="facets" aria-labelledby="facets-title">
            <button
                type="button"
                class="facets-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="facet-groups"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span id="facets-title">{move || texts::FILTERS.get(lang.get())}</span>
                {move || (active() > 0).then(|| view! { <span class="badge">{active()}</span> })}
            </button>
            <div id="facet-groups" class="facet-groups" class:collapsed=move || !open.get()>
                <FacetGroup title=texts::FACET_TYPE chips=types params/>
                <FacetGroup title=texts::FILTERS chips=flags params/>
                <FacetGroup title=texts::FACET_STATE chips=states params/>
                <FacetGroup title=texts::FACET_CITY chips=cities params/>
                <FacetGroup title=texts::FACET_KIND chips=kinds params/>
                <FacetGroup title=texts::FACET_TOPIC chips=topics params/>
                <FacetGroup title=texts::FACET_LANGUAGE chips=languages params/>
            </div>
        </aside>
    }
}

/// The chips of one facet, recomputed once per search and passed on only
/// when they changed (a derived signal would recompute them for each of
/// the group's readers).
fn chip_list(make: impl Fn() -> Vec<Chip> + Send + Sync + 'static) -> Signal<Vec<Chip>> {
    Memo::new(move |_| make()).into()
}
