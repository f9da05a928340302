//! The top of an entry's page: what it is, its name, and the actions every
//! entry has (favourite, share).

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::favourite_button::FavouriteButton;
use crate::components::share_button::ShareButton;
use crate::i18n::{entity_label, use_lang};

/// Type label, `<h1>` title, subtitle, favourite and share.
#[component]
pub fn EntityHeader(
    entity: EntityType,
    id: String,
    title: Signal<String>,
    #[prop(optional, into)] subtitle: Option<Signal<String>>,
) -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| set_title(&title.get()));
    view! {
        <header class="entity-header">
            <p class="entity-type">{move || entity_label(entity).get(lang.get())}</p>
            <h1>{move || title.get()}</h1>
            {subtitle.map(|s| view! { <p class="entity-subtitle">{move || s.get()}</p> })}
            <div class="entity-actions">
                <FavouriteButton entity id=id.clone() title/>
                <ShareButton title/>
            </div>
        </header>
    }
}
