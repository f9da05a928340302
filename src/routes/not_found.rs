//! Any URL the app has no page for.

use leptos::prelude::*;

use crate::i18n::{texts, use_lang};

/// A clear "no such page" with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="panel">
            <h1>{move || texts::NOT_FOUND.get(lang.get())}</h1>
            <p><a class="block-link" href="/">{move || texts::TO_START.get(lang.get())}</a></p>
        </section>
    }
}
