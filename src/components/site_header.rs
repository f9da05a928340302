//! The banner at the top of every page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{texts, use_lang, Text};

/// App name, the main navigation and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let link = move |href: &'static str, label: Text| {
        let current = move || {
            let path = location.pathname.get();
            let here = if href == "/" {
                path == "/"
            } else {
                path.starts_with(href)
            };
            here.then_some("page")
        };
        view! {
            <li><a href=href aria-current=current>{move || label.get(lang.get())}</a></li>
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <img class="brand-logo" src="/icons/icon.svg" alt="" width="36" height="36"/>
                <span class="brand-text">
                    <span class="brand-name">{move || texts::APP_NAME.get(lang.get())}</span>
                    <span class="brand-tagline">{move || texts::TAGLINE.get(lang.get())}</span>
                </span>
            </a>
            <nav class="main-nav" aria-label=move || texts::MAIN_NAV.get(lang.get())>
                <ul>
                    {link("/", texts::NAV_SEARCH)}
                    {link("/favourites", texts::NAV_FAVOURITES)}
                    {link("/about", texts::NAV_ABOUT)}
                </ul>
            </nav>
            <LanguageSwitch/>
        </header>
    }
}
