//! One facet: a titled group of toggle chips with counts.

use dialognetz_core::search::SearchParams;
use leptos::prelude::*;

use crate::components::search_page::GoTo;
use crate::i18n::{more_count, use_lang, Text};
use crate::locale::format_count;

/// Chips shown before "more": the most frequent values.
const SHOWN: usize = 6;

/// One filter value with its live count.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    pub key: &'static str,
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// A facet's chips; chosen ones are `aria-pressed` and stay visible. Hidden
/// when no value has a match.
#[component]
pub fn FacetGroup(
    title: Text,
    chips: Signal<Vec<Chip>>,
    params: Memo<SearchParams>,
) -> impl IntoView {
    let lang = use_lang();
    let go = expect_context::<GoTo>();
    let expanded = RwSignal::new(false);
    let visible = Memo::new(move |_| {
        let all = chips.get();
        if expanded.get() || all.len() <= SHOWN + 1 {
            return all;
        }
        let mut out: Vec<Chip> = Vec::new();
        for (i, chip) in all.into_iter().enumerate() {
            if i < SHOWN || params.with(|p| p.has_filter(chip.key, &chip.value)) {
                out.push(chip);
            }
        }
        out
    });
    let hidden = move || {
        chips
            .with(|c| c.len())
            .saturating_sub(visible.with(|v| v.len()))
    };
    // Only whether there is anything to show rebuilds the group; new counts
    // reach the chips below without touching the rest.
    let empty = Memo::new(move |_| chips.with(|c| c.is_empty()));
    move || {
        if empty.get() {
            return None;
        }
        let go = go.clone();
        Some(view! {
            <fieldset class="facet">
                <legend>{move || title.get(lang.get())}</legend>
                <ul class="chips">
                    <For
                        each=move || visible.get()
                        key=|chip| (chip.key, chip.value.clone(), chip.count, chip.label.clone())
                        children=move |chip| {
                            let go = go.clone();
                            let Chip { key, value, label, count } = chip;
                            let pressed = {
                                let value = value.clone();
                                move || params.with(|p| p.has_filter(key, &value))
                            };
                            let toggle = move |_| {
                                let next = params.with_untracked(|p| p.with_filter_toggled(key, &value));
                                go.go(next, true);
                            };
                            view! {
                                <li>
                                    <button type="button" class="chip" aria-pressed=move || pressed().to_string() on:click=toggle>
                                        <span class="chip-label">{label}</span>
                                        " "
                                        <span class="chip-count">{move || format_count(count, lang.get())}</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                {move || (hidden() > 0).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| expanded.set(true)>
                        {move || more_count(hidden(), lang.get())}
                    </button>
                })}
            </fieldset>
        })
    }
}
