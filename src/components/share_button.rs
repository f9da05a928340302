//! Share an entry's link: the system's share sheet, or a copied link.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{share, Shared};
use crate::i18n::{texts, use_lang};

/// "Share", and what happened, announced politely.
#[component]
pub fn ShareButton(title: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    let outcome = RwSignal::new(None::<Shared>);
    let on_click = move |_| {
        let title = title.get_untracked();
        spawn_local(async move {
            outcome.set(Some(share(&title).await));
        });
    };
    view! {
        <button type="button" class="share" on:click=on_click>{move || texts::SHARE.get(lang.get())}</button>
        <span class="share-outcome" role="status">
            {move || match outcome.get() {
                Some(Shared::Copied) => texts::LINK_COPIED.get(lang.get()),
                Some(Shared::Failed) => texts::COPY_FAILED.get(lang.get()),
                _ => "",
            }}
        </span>
    }
}
