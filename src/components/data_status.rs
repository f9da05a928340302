//! The line under the header that says how fresh the data is: "data as
//! of", offline, old, why the last update failed, a new dataset arrived,
//! storage problems. Never stale data without saying so.

use leptos::prelude::*;

use crate::app::DataState;
use crate::error::store_message;
use crate::i18n::{texts, use_lang, Text};
use crate::loader::{now_ms, Loader};
use crate::locale::format_timestamp;

/// Shown on every page once there is data.
#[component]
pub fn DataStatus() -> impl IntoView {
    let lang = use_lang();
    let loader = expect_context::<Loader>();
    let online = RwSignal::new(is_online());
    // Follow the browser's online state.
    let update_online = move || online.set(is_online());
    let _ = leptos::prelude::window_event_listener(leptos::ev::online, move |_| update_online());
    let _ = leptos::prelude::window_event_listener(leptos::ev::offline, move |_| update_online());

    let published = move || {
        loader.data.with(|d| match d {
            DataState::Ready(data) => Some(data.dataset.meta().published_at.as_str().to_owned()),
            _ => None,
        })
    };
    let stale = move || {
        loader.freshness.with(|f| {
            let limit = u64::from(f.stale_after_hours) * 3_600_000;
            match f.last_check.or(f.fetched_at) {
                Some(at) => limit > 0 && now_ms().saturating_sub(at) > limit,
                None => false,
            }
        })
    };
    let error = move || loader.freshness.with(|f| f.last_error.clone());
    let favourites = expect_context::<crate::favourites::Favourites>();
    // A failed write of a favourite is a store problem like any other.
    let store_notice = move || loader.store_notice.get().or_else(|| favourites.error.get());
    view! {
        {move || published().map(|at| {
            let attr = at.clone();
            view! {
                <div class="data-status" role="status">
                    <p class="data-as-of">
                        {move || texts::DATA_AS_OF.get(lang.get())} ": "
                        <time datetime=attr>{move || format_timestamp(&at, lang.get())}</time>
                        {move || (!online.get()).then(|| view! {
                            <span class="offline"> " · " {move || OFFLINE.get(lang.get())}</span>
                        })}
                    </p>
                    {move || (stale() && online.get()).then(|| view! {
                        <p class="notice">{move || STALE.get(lang.get())}</p>
                    })}
                    {move || loader.freshness.with(|f| f.updated).then(|| view! {
                        <p class="notice good">{move || UPDATED.get(lang.get())}</p>
                    })}
                    {move || error().filter(|_| online.get()).map(|e| {
                        let message = e.user_message();
                        view! { <p class="notice update-error">{move || UPDATE_FAILED.get(lang.get())} " " {move || message.get(lang.get())}</p> }
                    })}
                </div>
            }
        })}
        {move || store_notice().map(|e| {
            let message = store_message(&e);
            view! { <p class="notice store-notice" role="alert">{move || message.get(lang.get())}</p> }
        })}
    }
}

fn is_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

const OFFLINE: Text = Text::new([
    "offline: gespeicherte Daten",
    "offline: stored data",
    "çevrimdışı: kayıtlı veriler",
    "غير متصل: بيانات محفوظة",
]);
const STALE: Text = Text::new([
    "Die Daten wurden länger nicht aktualisiert und sind vielleicht nicht mehr aktuell.",
    "The data has not been updated for a while and may be out of date.",
    "Veriler bir süredir güncellenmedi ve güncel olmayabilir.",
    "لم يتم تحديث البيانات منذ فترة وقد لا تكون حديثة.",
]);
/// "New data has been taken in": here and after "check for updates".
pub const UPDATED: Text = Text::new([
    "Neue Daten wurden übernommen.",
    "New data has been taken in.",
    "Yeni veriler alındı.",
    "تم اعتماد بيانات جديدة.",
]);
const UPDATE_FAILED: Text = Text::new([
    "Die Daten wurden nicht aktualisiert:",
    "The data was not updated:",
    "Veriler güncellenmedi:",
    "لم يتم تحديث البيانات:",
]);
