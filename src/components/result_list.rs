//! The ranked hits: a count announced to screen readers, the first page,
//! "show more", and what to try when nothing is found.

use dialognetz_core::search::{SearchParams, SearchResults};
use leptos::prelude::*;

use crate::components::result_item::{HitRow, ResultItem};
use crate::components::search_page::{GoTo, PAGE_SIZE};
use crate::data::Shared;
use crate::i18n::{more_count, results_count, texts, use_lang};
use crate::locale::format_count;
use crate::search_run::NearPoint;

/// The result list. Items are keyed by what they show, so typing another
/// letter keeps the rows that stay the same and builds only those that
/// changed.
#[component]
pub fn ResultList(
    data: Shared,
    params: Memo<SearchParams>,
    results: Memo<SearchResults>,
    near: Memo<NearPoint>,
    shown: RwSignal<usize>,
    has_query: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let go = expect_context::<GoTo>();
    let total = Memo::new(move |_| results.with(|r| r.total));
    let partial = Memo::new(move |_| results.with(|r| r.partial));
    // The rows, worked out once per search in one pass (see `HitRow`).
    let rows = {
        let data = data.clone();
        Memo::new(move |_| {
            let lang = lang.get();
            let near = near.with(|n| n.geo().is_some());
            results.with(|r| {
                r.hits
                    .iter()
                    .map(|hit| HitRow::new(&data, hit, &r.terms, lang, near))
                    .collect::<Vec<_>>()
            })
        })
    };
    let count_text = move || {
        let l = lang.get();
        results_count(total.get(), &format_count(total.get(), l), l)
    };
    let remaining = move || total.get().saturating_sub(rows.with(|r| r.len()));
    let filtered = move || params.with(|p| !p.filters.is_empty());

    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" class="sr-only">{move || texts::RESULTS_LABEL.get(lang.get())}</h2>
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || has_query.get().then(count_text)}
            </p>
            {move || partial.get().then(|| view! {
                <p class="notice">{move || texts::PARTIAL.get(lang.get())}</p>
            })}
            {move || (has_query.get() && total.get() == 0).then(|| {
                let go = go.clone();
                view! {
                    <div class="no-results">
                        <p><strong>{move || texts::NO_RESULTS.get(lang.get())}</strong></p>
                        <p>{move || texts::NO_RESULTS_TRY.get(lang.get())}</p>
                        {move || filtered().then(|| {
                            let go = go.clone();
                            view! {
                                <button type="button" on:click=move |_| {
                                    go.go(params.get_untracked().without_filters(), true)
                                }>{move || texts::REMOVE_FILTERS.get(lang.get())}</button>
                            }
                        })}
                    </div>
                }
            })}
            <ol class="hits">
                <For
                    each=move || rows.get()
                    key=|row| row.clone()
                    children=|row| view! { <ResultItem row/> }
                />
            </ol>
            {move || (remaining() > 0).then(|| view! {
                <button type="button" class="show-more" on:click=move |_| shown.update(|s| *s += PAGE_SIZE)>
                    {move || more_count(remaining().min(PAGE_SIZE), lang.get())}
                </button>
            })}
        </section>
    }
}
