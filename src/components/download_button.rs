//! A button that saves a file made on the device (vCard, iCalendar).

use dialognetz_core::export::ExportFile;
use leptos::prelude::*;

use crate::browser::download;
use crate::i18n::{use_lang, Text};

/// Downloads `file` on click.
#[component]
pub fn DownloadButton(file: ExportFile, label: Text) -> impl IntoView {
    let lang = use_lang();
    let on_click = move |_| {
        download(&file.file_name, file.media_type, &file.text);
    };
    view! {
        <button type="button" class="action download" on:click=on_click>
            {move || label.get(lang.get())}
        </button>
    }
}
