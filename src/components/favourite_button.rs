//! The star: saves an entry as a favourite, or removes it.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::favourites::Favourites;
use crate::i18n::{texts, use_lang};

/// A toggle button (`aria-pressed`) with a star and a text label.
#[component]
pub fn FavouriteButton(entity: EntityType, id: String, title: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    let favourites = expect_context::<Favourites>();
    let kind = entity.code();
    let pressed = {
        let id = id.clone();
        Memo::new(move |_| favourites.contains(kind, &id))
    };
    let toggle = move |_| favourites.toggle(kind, &id, &title.get_untracked());
    view! {
        <button type="button" class="favourite" aria-pressed=move || pressed.get().to_string() on:click=toggle>
            <span aria-hidden="true" class="star">{move || if pressed.get() { "★" } else { "☆" }}</span>
            " "
            {move || if pressed.get() { texts::FAVOURITE_REMOVE.get(lang.get()) } else { texts::FAVOURITE_ADD.get(lang.get()) }}
        </button>
    }
}
