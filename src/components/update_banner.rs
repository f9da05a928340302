//! "A new version of the app is available": shown when a new build's
//! service worker is waiting; reloads only when the user says so, never in
//! the middle of their work.

use leptos::prelude::*;

use crate::i18n::{use_lang, Text};

/// Set by the service worker registration when a new build is waiting.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

/// The banner with "reload now" and "later".
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let lang = use_lang();
    let UpdateReady(ready) = expect_context::<UpdateReady>();
    let dismissed = RwSignal::new(false);
    move || {
        (ready.get() && !dismissed.get()).then(|| {
            view! {
                <div class="update-banner" role="status">
                    <p>{move || NEW_VERSION.get(lang.get())}</p>
                    <button type="button" class="primary" on:click=|_| crate::service_worker::apply_update()>
                        {move || RELOAD_NOW.get(lang.get())}
                    </button>
                    <button type="button" on:click=move |_| dismissed.set(true)>
                        {move || LATER.get(lang.get())}
                    </button>
                </div>
            }
        })
    }
}

const NEW_VERSION: Text = Text::new([
    "Eine neue Version von Dialognetz ist da.",
    "A new version of Dialognetz is available.",
    "Dialognetz'in yeni bir sürümü mevcut.",
    "يتوفر إصدار جديد من Dialognetz.",
]);
const RELOAD_NOW: Text = Text::new([
    "Jetzt neu laden",
    "Reload now",
    "Şimdi yeniden yükle",
    "إعادة التحميل الآن",
]);
const LATER: Text = Text::new(["Später", "Later", "Sonra", "لاحقاً"]);
