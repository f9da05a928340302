//! Search as you type with facets. The URL is the only lasting state:
//! typing and choosing filters change the URL (in the task after the
//! results are painted), and the results follow it, so deep links, reloads
//! and the back button all show the same search.

use dialognetz_core::search::{SearchParams, SearchResults};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::data_gate::DataGate;
use crate::components::facet_panel::FacetPanel;
use crate::components::near_control::NearControl;
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};
use crate::postcodes::Postcodes;
use crate::search_run::{resolve_near, run, NearPoint};

/// Hits shown at first and added by "show more": enough to fill a phone's
/// screen twice, few enough to paint within a frame.
pub const PAGE_SIZE: usize = 20;

/// How long after the last change of the URL a keystroke starts a new
/// history entry instead of replacing the current one: the back button then
/// goes to the previous search, not to the previous letter.
const NEW_ENTRY_AFTER_MS: f64 = 1500.0;

/// Navigates to a search; `push` makes a new history entry.
#[derive(Clone)]
pub struct GoTo(std::sync::Arc<dyn Fn(SearchParams, bool) + Send + Sync>);

impl GoTo {
    pub fn go(&self, params: SearchParams, push: bool) {
        (self.0)(params, push)
    }
}

/// The search page. Its heading, field and place control need no data, so
/// they are there at once (a first visitor can type while the dataset is
/// still on its way, and nothing they typed is lost when it arrives); the
/// filters and results wait for the data.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let query_map = use_query_map();
    let postcodes = expect_context::<Postcodes>();

    let from_url = Memo::new(move |_| {
        let map = query_map.get();
        let pairs: Vec<(String, String)> =
            map.into_iter().map(|(k, v)| (k.into_owned(), v)).collect();
        SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).0
    });
    // What was just typed or chosen, ahead of the URL. Writing the URL
    // (`history.replaceState`) costs Chromium 2-3 ms a call, a sixth of a
    // frame, so a keystroke's results are worked out and painted first and
    // the URL is written in the task after that paint (the same frame's
    // work, as search UIs that keep their state in the URL do). Until the
    // URL has caught up, the search follows this.
    let ahead = RwSignal::new(None::<SearchParams>);
    let params = Memo::new(move |_| ahead.get().unwrap_or_else(|| from_url.get()));
    // The last search handed to the router, and a number that a newer one
    // (or a change of the URL from elsewhere) moves on, so that only the
    // newest pending write is made.
    let sent = StoredValue::new(None::<SearchParams>);
    let pending = StoredValue::new(0u64);
    let pending_push = StoredValue::new(false);
    Effect::new(move |first_run: Option<()>| {
        let url = from_url.get();
        if first_run.is_none() {
            return;
        }
        let caught_up = ahead.with_untracked(|a| a.as_ref() == Some(&url));
        let ours = sent.with_value(|s| s.as_ref() == Some(&url));
        if !caught_up && ours {
            return; // an earlier write of ours: a newer one is pending
        }
        if !caught_up {
            // The back button or a link: the URL wins, and a write still
            // pending would undo it.
            pending.update_value(|g| *g += 1);
            pending_push.set_value(false);
        }
        if ahead.with_untracked(Option::is_some) {
            ahead.set(None);
        }
    });
    let near = Memo::new(move |_| {
        let params = params.get();
        if params.near.is_some() {
            postcodes.ensure();
        }
        postcodes
            .table
            .with(|table| resolve_near(&params, table.as_deref()))
    });
    let shown = RwSignal::new(PAGE_SIZE);
    // A new search starts at the first page again.
    Effect::new(move |previous: Option<SearchParams>| {
        let current = params.get();
        // Only when it was more: setting a signal to the value it has still
        // notifies, and the results would be searched twice per keystroke.
        if previous.is_some_and(|p| p != current) && shown.get_untracked() != PAGE_SIZE {
            shown.set(PAGE_SIZE);
        }
        current
    });
    let navigate = use_navigate();
    let last_change = StoredValue::new(0.0f64);
    let go = GoTo(std::sync::Arc::new(
        move |next: SearchParams, push: bool| {
            let now = js_sys::Date::now();
            let push = push || now - last_change.get_value() > NEW_ENTRY_AFTER_MS;
            last_change.set_value(now);
            // A new history entry asked for by a write that this one
            // replaces before it was made is kept.
            pending_push.update_value(|p| *p |= push);
            pending.update_value(|g| *g += 1);
            let current = pending.get_value();
            ahead.set(Some(next.clone()));
            let navigate = navigate.clone();
            crate::browser::after_next_paint(move || {
                if pending.get_value() != current {
                    return;
                }
                let push = pending_push.get_value();
                pending_push.set_value(false);
                let url = format!("/{}", next.to_query_string());
                sent.set_value(Some(next));
                navigate(
                    &url,
                    NavigateOptions {
                        replace: !push,
                        scroll: false,
                        ..NavigateOptions::default()
                    },
                );
            });
        },
    ));
    provide_context(go.clone());

    let has_query = move || {
        params.with(|p| !p.text.trim().is_empty() || !p.filters.is_empty() || p.near.is_some())
    };
    let unknown_place = move || match near.get() {
        NearPoint::Unknown(_) => Some(texts::NEAR_UNKNOWN),
        _ => None,
    };

    view! {
        <section class="search" aria-labelledby="search-title">
            <h1 id="search-title" class="search-title">{move || texts::SEARCH_TITLE.get(lang.get())}</h1>
            <SearchBox params/>
            <NearControl params near/>
            {move || unknown_place().map(|t| view! { <p class="notice" role="alert">{move || t.get(lang.get())}</p> })}
            <DataGate page=move |data: Shared| {
                crate::browser::mark_first("gate");
                let results: Memo<SearchResults> = {
                    let data = data.clone();
                    Memo::new(move |_| {
                        let results = run(&data, &params.get(), &near.get(), shown.get(), false);
                        crate::browser::mark_first("searched");
                        results
                    })
                };
                // The facet counts follow in the task after the results
                // are painted: counting every match costs more than the
                // page of hits, and the hits are what a keystroke is for.
                let counted = RwSignal::new(None::<(SearchParams, NearPoint)>);
                let generation = StoredValue::new(0u64);
                Effect::new(move |_| {
                    let next = (params.get(), near.get());
                    let current = generation.get_value() + 1;
                    generation.set_value(current);
                    crate::browser::after_next_paint(move || {
                        // A newer keystroke has its own turn coming.
                        if generation.get_value() == current {
                            counted.set(Some(next));
                        }
                    });
                });
                let facet_results: Memo<SearchResults> = {
                    let data = data.clone();
                    Memo::new(move |_| {
                        counted.with(|c| match c {
                            Some((params, near)) => run(&data, params, near, 0, true),
                            None => SearchResults::default(),
                        })
                    })
                };
                let body = view! {
                    <div class="search-body">
                        <FacetPanel params results=facet_results/>
                        <ResultList data params results near shown has_query=Signal::derive(has_query)/>
                    </div>
                };
                crate::browser::mark_first("results-built");
                body
            }/>
        </section>
    }
}
