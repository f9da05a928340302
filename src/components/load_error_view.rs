//! What the user sees when the data cannot be shown.

use leptos::prelude::*;

use crate::error::LoadError;
use crate::i18n::{texts, use_lang};

/// How many problems of an invalid dataset are listed.
const SHOWN_PROBLEMS: usize = 5;

/// A clear message, the first problems of an invalid dataset, and a reload
/// button; never a blank page.
#[component]
pub fn LoadErrorView(error: LoadError) -> impl IntoView {
    let lang = use_lang();
    let message = error.user_message();
    let problems = error.problems().to_vec();
    let hidden = problems.len().saturating_sub(SHOWN_PROBLEMS);
    let detail = error.to_string();
    view! {
        <section class="panel load-error" role="alert">
            <h1>{move || message.get(lang.get())}</h1>
            {(!problems.is_empty()).then(|| view! {
                <p>{move || texts::PROBLEMS_FOUND.get(lang.get())}</p>
                <ul class="problems">
                    {problems
                        .iter()
                        .take(SHOWN_PROBLEMS)
                        .map(|p| view! { <li><code>{p.render()}</code></li> })
                        .collect_view()}
                </ul>
                {(hidden > 0).then(|| view! {
                    <p>"+ " {hidden} " " {move || texts::MORE_PROBLEMS.get(lang.get())}</p>
                })}
            })}
            <p class="detail"><small>{detail}</small></p>
            <button type="button" on:click=|_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }>{move || texts::RELOAD.get(lang.get())}</button>
        </section>
    }
}
