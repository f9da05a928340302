//! The banner at the top of every page.

use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{texts, use_lang};

/// App name, tagline and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{move || texts::APP_NAME.get(lang.get())}</span>
                <span class="brand-tagline">{move || texts::TAGLINE.get(lang.get())}</span>
            </a>
            <LanguageSwitch/>
        </header>
    }
}
