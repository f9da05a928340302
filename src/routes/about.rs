//! `/about`: what the app is, which data it holds and how fresh, licences
//! and sources, storage on this device, language.

use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::data_gate::DataGate;
use crate::components::dataset_summary::DatasetSummary;
use crate::components::language_switch::LanguageSwitch;
use crate::components::storage_info::StorageInfo;
use crate::components::update_check::UpdateCheck;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};

/// The about and settings page.
#[component]
pub fn AboutPage() -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| set_title(texts::NAV_ABOUT.get(lang.get())));
    view! {
        <section class="panel about" aria-labelledby="about-title">
            <h1 id="about-title">{move || texts::ABOUT_TITLE.get(lang.get())}</h1>
            <p>{move || texts::ABOUT_TEXT.get(lang.get())}</p>
        </section>
        <DataGate page=|data: Shared| view! { <DatasetSummary data/> }/>
        <section class="panel" aria-labelledby="sources-title">
            <h2 id="sources-title">{move || texts::ATTRIBUTIONS.get(lang.get())}</h2>
            <ul>
                <li>{move || texts::POSTCODE_ATTRIBUTION.get(lang.get())}</li>
            </ul>
        </section>
        <section class="panel" aria-labelledby="settings-title">
            <h2 id="settings-title">{move || texts::SETTINGS.get(lang.get())}</h2>
            <h3>{move || texts::LANGUAGE.get(lang.get())}</h3>
            <LanguageSwitch/>
            <UpdateCheck/>
            <StorageInfo/>
        </section>
    }
}
