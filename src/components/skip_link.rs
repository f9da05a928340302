//! The first stop of the keyboard: "skip to content".

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{texts, use_lang};

/// A link to `#main` that moves the keyboard focus there. Handled here, not
/// by the router or the browser: with the document's `<base href="/">` a
/// plain `#main` would lead to `/#main` and lose the page and its search.
#[component]
pub fn SkipLink() -> impl IntoView {
    let lang = use_lang();
    let skip = |ev: leptos::ev::MouseEvent| {
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            ev.prevent_default();
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>{move || texts::SKIP_TO_CONTENT.get(lang.get())}</a>
    }
}
