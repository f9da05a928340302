//! What every entry page shares: the id from the URL, the lookup, and a
//! clear page when the entry is not (or no longer) in the data.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::data_gate::DataGate;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};

/// Renders `render(data, index)` for the entry of type `entity` whose id is
/// the route's `:id`; follows the id when a link leads to another entry of
/// the same type.
#[component]
pub fn EntityRoute(entity: EntityType, render: fn(Shared, u32) -> AnyView) -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
    view! {
        <DataGate page=move |data: Shared| {
            let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
            move || match data.find(entity, &id.get()) {
                Some(doc) => untrack(|| render(data.clone(), doc.index)),
                None => view! {
                    <section class="panel" role="alert">
                        <h1>{move || texts::ENTITY_NOT_FOUND.get(lang.get())}</h1>
                        <p><a class="block-link" href="/">{move || texts::TO_START.get(lang.get())}</a></p>
                    </section>
                }
                .into_any(),
            }
        }/>
    }
}
