//! "Check for updates": the user asks for the newest data now instead of
//! waiting for the next start, and sees what came of it.

use leptos::prelude::*;

use crate::components::data_status::UPDATED;
use crate::i18n::{texts, use_lang, Text};
use crate::loader::Loader;
use crate::locale::format_timestamp_ms;

/// The button and the result of the last check of this visit.
#[component]
pub fn UpdateCheck() -> impl IntoView {
    let lang = use_lang();
    let loader = expect_context::<Loader>();
    // Only a check the user asked for here gets a result line; the status
    // line under the header speaks for the others.
    let asked = RwSignal::new(false);
    let checking = move || loader.freshness.with(|f| f.checking);
    let result = move || {
        if !asked.get() || checking() {
            return None;
        }
        loader.freshness.with(|f| {
            Some(match (&f.last_error, f.last_check_installed) {
                (Some(error), _) => (error.user_message(), "notice update-error"),
                (None, true) => (UPDATED, "notice good"),
                (None, false) => (UP_TO_DATE, "notice good"),
            })
        })
    };
    let last_check = move || loader.freshness.with(|f| f.last_check);
    view! {
        <h3>{move || texts::DATA_UPDATES.get(lang.get())}</h3>
        <p class="last-check">
            {move || match last_check() {
                Some(at) => format!("{} {}", LAST_CHECK.get(lang.get()), format_timestamp_ms(at, lang.get())),
                None => NEVER_CHECKED.get(lang.get()).to_owned(),
            }}
        </p>
        <button
            type="button"
            class="update-check"
            aria-disabled=move || checking().to_string()
            on:click=move |_| {
                if !checking() {
                    asked.set(true);
                    loader.check_now();
                }
            }
        >
            {move || if checking() { CHECKING.get(lang.get()) } else { CHECK.get(lang.get()) }}
        </button>
        <div class="update-check-result" role="status">
            {move || result().map(|(text, class)| view! { <p class=class>{move || text.get(lang.get())}</p> })}
        </div>
    }
}

const CHECK: Text = Text::new([
    "Nach neuen Daten suchen",
    "Check for updates",
    "Güncellemeleri denetle",
    "البحث عن تحديثات",
]);
const CHECKING: Text = Text::new([
    "Wird geprüft …",
    "Checking …",
    "Denetleniyor …",
    "جارٍ التحقق …",
]);
const UP_TO_DATE: Text = Text::new([
    "Die Daten sind aktuell.",
    "The data is up to date.",
    "Veriler güncel.",
    "البيانات محدّثة.",
]);
const LAST_CHECK: Text = Text::new([
    "Zuletzt geprüft:",
    "Last checked:",
    "Son denetim:",
    "آخر تحقق:",
]);
const NEVER_CHECKED: Text = Text::new([
    "Noch nicht mit dem Server abgeglichen.",
    "Not checked with the server yet.",
    "Henüz sunucuyla denetlenmedi.",
    "لم يتم التحقق مع الخادم بعد.",
]);
