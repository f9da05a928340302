//! `/event/:id`: the page of one event.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::entity_route::EntityRoute;
use crate::components::event_view::EventView;
use crate::data::Shared;

/// The route; the page itself is [`EventView`].
#[component]
pub fn EventPage() -> impl IntoView {
    fn render(data: Shared, index: u32) -> AnyView {
        view! { <EventView data index/> }.into_any()
    }
    view! { <EntityRoute entity=EntityType::Event render/> }
}
