//! The one search field.

use dialognetz_core::search::SearchParams;
use leptos::prelude::*;

use crate::components::search_page::GoTo;
use crate::i18n::{texts, use_lang};

/// A labelled `type=search` field. It keeps its own text while the user
/// types (so the caret never jumps) and follows the URL when the URL changes
/// from elsewhere (back button, a link).
#[component]
pub fn SearchBox(params: Memo<SearchParams>) -> impl IntoView {
    let lang = use_lang();
    let go = expect_context::<GoTo>();
    let text = RwSignal::new(params.get_untracked().text);
    Effect::new(move |_| {
        let from_url = params.with(|p| p.text.clone());
        if text.get_untracked() != from_url {
            text.set(from_url);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        let mut next = params.get_untracked();
        next.text = value;
        go.go(next, false);
    };
    view! {
        <form class="search-box" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input">{move || texts::SEARCH_LABEL.get(lang.get())}</label>
            <input
                id="search-input"
                type="search"
                name="q"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                enterkeyhint="search"
                aria-describedby="search-hint"
                placeholder=move || texts::SEARCH_PLACEHOLDER.get(lang.get())
                prop:value=move || text.get()
                on:input=on_input
            />
            <p id="search-hint" class="hint">{move || texts::SEARCH_HINT.get(lang.get())}</p>
        </form>
    }
}
