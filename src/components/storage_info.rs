//! How much this device stores for the app, and whether the browser
//! promised to keep it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{texts, use_lang};
use crate::locale::format_bytes;

/// Usage, quota and persistence, read when the page opens.
#[component]
pub fn StorageInfo() -> impl IntoView {
    let lang = use_lang();
    let estimate = RwSignal::new(None::<dialognetz_store::StorageEstimate>);
    let unknown = RwSignal::new(false);
    spawn_local(async move {
        match dialognetz_store::storage_estimate().await {
            Ok(e) => estimate.set(Some(e)),
            Err(_) => unknown.set(true),
        }
    });
    view! {
        <h3>{move || texts::STORAGE.get(lang.get())}</h3>
        <p class="storage-info">
            {move || match estimate.get() {
                Some(e) => {
                    let l = lang.get();
                    let used = e.usage.map(|u| format_bytes(u, l));
                    let quota = e.quota.map(|q| format_bytes(q, l));
                    let amount = match (used, quota) {
                        (Some(u), Some(q)) => format!("{u} {} {q} {}", texts::STORAGE_OF.get(l), texts::STORAGE_USED.get(l)),
                        (Some(u), None) => format!("{u} {}", texts::STORAGE_USED.get(l)),
                        _ => texts::STORAGE_UNKNOWN.get(l).to_owned(),
                    };
                    let persisted = if e.persisted { texts::STORAGE_PERSISTED } else { texts::STORAGE_NOT_PERSISTED };
                    format!("{amount}. {}", persisted.get(l))
                }
                None if unknown.get() => texts::STORAGE_UNKNOWN.get(lang.get()).to_owned(),
                None => String::new(),
            }}
        </p>
    }
}
