//! The foot of every page: where the data and the postcodes come from.

use leptos::prelude::*;

use crate::i18n::{texts, use_lang};

/// Attribution the licences ask for, on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <p>{move || texts::POSTCODE_ATTRIBUTION.get(lang.get())}</p>
            <p><a href="/about">{move || texts::NAV_ABOUT.get(lang.get())}</a></p>
        </footer>
    }
}
