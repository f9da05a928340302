//! A link to another entry's page, by its title.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::data::{entity_path, Shared};
use crate::i18n::use_lang;

/// A link to the entry `id` of type `entity`; its id as plain text when the
/// data does not have it (a reference the validator let through is still
/// shown, not hidden).
#[component]
pub fn EntityLink(data: Shared, entity: EntityType, id: String) -> impl IntoView {
    let lang = use_lang();
    match data.find(entity, &id) {
        Some(doc) => {
            let href = entity_path(entity, &id);
            view! { <a href=href>{move || data.title(doc, lang.get().tag())}</a> }.into_any()
        }
        None => view! { <span>{id}</span> }.into_any(),
    }
}
