//! `/favourites`: the saved entries, also those a newer dataset no longer
//! has (named by the title they had, and marked as gone).

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::browser::set_title;
use crate::components::data_gate::DataGate;
use crate::data::{entity_path, Shared};
use crate::favourites::Favourites;
use crate::i18n::{entity_label, texts, use_lang};

/// The favourites page.
#[component]
pub fn FavouritesPage() -> impl IntoView {
    let lang = use_lang();
    let favourites = expect_context::<Favourites>();
    Effect::new(move |_| set_title(texts::FAVOURITES_TITLE.get(lang.get())));
    view! {
        <section class="panel favourites" aria-labelledby="favourites-title">
            <h1 id="favourites-title">{move || texts::FAVOURITES_TITLE.get(lang.get())}</h1>
            <DataGate page=move |data: Shared| {
                move || {
                    let items = favourites.items.get();
                    if items.is_empty() {
                        return view! { <p>{move || texts::FAVOURITES_EMPTY.get(lang.get())}</p> }.into_any();
                    }
                    let data = data.clone();
                    view! {
                        <ul class="link-list favourite-list">
                            {items.into_iter().map(|f| {
                                let entity = EntityType::from_code(&f.kind);
                                let doc = entity.and_then(|e| data.find(e, &f.id));
                                let kind = f.kind.clone();
                                let id = f.id.clone();
                                let remove = move |_| favourites.remove(&kind, &id);
                                let label = entity.map(entity_label);
                                match doc {
                                    Some(doc) => {
                                        let data = data.clone();
                                        let href = entity_path(doc.entity, &f.id);
                                        view! {
                                            <li class="favourite-item">
                                                <span class="hit-type">{move || label.map(|l| l.get(lang.get())).unwrap_or_default()}</span>
                                                <a href=href>{move || data.title(doc, lang.get().tag())}</a>
                                                <button type="button" class="link-button" on:click=remove>{move || texts::REMOVE.get(lang.get())}</button>
                                            </li>
                                        }.into_any()
                                    }
                                    None => view! {
                                        <li class="favourite-item vanished">
                                            <span class="hit-type">{move || label.map(|l| l.get(lang.get())).unwrap_or_default()}</span>
                                            <span>{f.title.clone()}</span>
                                            <span class="notice-inline">{move || texts::FAVOURITE_VANISHED.get(lang.get())}</span>
                                            <button type="button" class="link-button" on:click=remove>{move || texts::REMOVE.get(lang.get())}</button>
                                        </li>
                                    }.into_any(),
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }/>
        </section>
    }
}
