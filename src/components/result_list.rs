//! The ranked hits: a count announced to screen readers, the first page,
//! "show more", and what to try when nothing is found.

use dialognetz_core::search::{SearchParams, SearchResults};
use leptos::prelude::*;

use crate::components::result_item::{HitRow, ResultItem};
use crate::components::search_page::{GoTo, PAGE_SIZE};
use crate::data::Shared;
use crate::i18n::{more_count, results_count, texts, use_lang, Lang};
use crate::locale::format_count;
use crate::search_run::NearPoint;

/// Rows built in the frame of a keystroke: more than the screen of a phone
/// or a laptop shows of the list, which starts below the field and the
/// filters. The rest of the page follows in the task after that frame is
/// painted, before anyone can scroll to it: a query's first letter made
/// twenty new rows, the slowest frames of typing.
const FIRST_ROWS: usize = 8;

/// The rows built for a search, with what they were built for.
#[derive(Clone, PartialEq)]
struct Rows {
    search: u64,
    lang: Lang,
    near: bool,
    list: Vec<HitRow>,
}

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
    // Each search's number, and the last one whose whole page is built:
    // its first rows are painted, then the rest (see `FIRST_ROWS`).
    let search = Memo::new(move |previous: Option<&u64>| {
        results.track();
        previous.map_or(0, |n| n.wrapping_add(1))
    });
    let whole_page = RwSignal::new(None::<u64>);
    Effect::new(move |_| {
        let current = search.get();
        crate::browser::after_next_paint(move || {
            if search.get_untracked() == current {
                whole_page.set(Some(current));
            }
        });
    });
    // The rows, worked out once per search in one pass (see `HitRow`).
    let rows = {
        let data = data.clone();
        Memo::new(move |previous: Option<&Rows>| {
            let lang = lang.get();
            let near = near.with(|n| n.geo().is_some());
            let search = search.get();
            // "Show more" is a tap, not a keystroke: the rows it adds come
            // at once, and none already shown goes away for a frame.
            let all = whole_page.get() == Some(search) || shown.get() > PAGE_SIZE;
            let first = if all { usize::MAX } else { FIRST_ROWS };
            // The rest of a page is added to the rows its first paint
            // built, not built again with them.
            let mut list = match previous {
                Some(p) if (p.search, p.lang, p.near) == (search, lang, near) => p.list.clone(),
                _ => Vec::new(),
            };
            results.with(|r| {
                let from = list.len();
                list.extend(
                    r.hits
                        .iter()
                        .take(first)
                        .skip(from)
                        .map(|hit| HitRow::new(&data, hit, &r.terms, lang, near)),
                );
            });
            Rows {
                search,
                lang,
                near,
                list,
            }
        })
    };
    let count_text = move || {
        let l = lang.get();
        results_count(total.get(), &format_count(total.get(), l), l)
    };
    let remaining = move || total.get().saturating_sub(results.with(|r| r.hits.len()));
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
            // Busy while the rows past the first screen are on their way.
            <ol class="hits" aria-busy=move || (rows.with(|r| r.list.len()) < results.with(|r| r.hits.len())).then_some("true")>
                <For
                    each=move || rows.with(|r| r.list.clone())
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
