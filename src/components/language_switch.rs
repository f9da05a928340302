//! Lets the user pick the interface language; the choice is remembered.

use leptos::prelude::*;

use crate::i18n::{remember_lang, texts, use_lang, Lang, LangSignal};

/// One button per language; the current one is marked `aria-pressed`.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let set = use_context::<LangSignal>();
    view! {
        <nav class="language-switch" aria-label=move || texts::LANGUAGE.get(lang.get())>
            {Lang::ALL
                .into_iter()
                .map(|option| {
                    view! {
                        <button
                            type="button"
                            lang=option.tag()
                            aria-pressed=move || (lang.get() == option).to_string()
                            on:click=move |_| {
                                if let Some(LangSignal(signal)) = set {
                                    signal.set(option);
                                    remember_lang(option);
                                }
                            }
                        >
                            {option.name()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
