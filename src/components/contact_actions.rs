//! Call, write, save: the actions that get a user from an entry to a
//! person. Links are derived from the data (numbers as E.164 for `tel:`),
//! shown as published; everything works offline.

use dialognetz_core::export::phone::tel_uri;
use dialognetz_core::export::ExportFile;
use leptos::prelude::*;

use crate::components::download_button::DownloadButton;
use crate::i18n::{texts, use_lang, Text};

/// A phone number with what it is (phone, mobile).
#[derive(Debug, Clone)]
pub struct PhoneNumber {
    pub label: Text,
    pub number: String,
}

/// The action buttons of a contact or organisation.
#[component]
pub fn ContactActions(
    phones: Vec<PhoneNumber>,
    email: Option<String>,
    card: Option<ExportFile>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="contact-actions">
            {phones.into_iter().map(|PhoneNumber { label, number }| {
                match tel_uri(&number) {
                    Some(href) => view! {
                        <li>
                            <a class="action call" href=href>
                                <span class="action-label">{move || texts::CALL.get(lang.get())} " (" {move || label.get(lang.get())} ")"</span>
                                <span class="action-value" dir="ltr">{number}</span>
                            </a>
                        </li>
                    }.into_any(),
                    // Not diallable as published: show it, so nothing is hidden.
                    None => view! {
                        <li class="action-text">
                            <span class="action-label">{move || label.get(lang.get())}</span>
                            " "
                            <span class="action-value" dir="ltr">{number}</span>
                        </li>
                    }.into_any(),
                }
            }).collect_view()}
            {email.map(|email| {
                let href = format!("mailto:{email}");
                view! {
                    <li>
                        <a class="action mail" href=href>
                            <span class="action-label">{move || texts::WRITE_EMAIL.get(lang.get())}</span>
                            <span class="action-value" dir="ltr">{email}</span>
                        </a>
                    </li>
                }
            })}
            {card.map(|file| view! {
                <li><DownloadButton file label=texts::SAVE_CONTACT/></li>
            })}
        </ul>
    }
}
