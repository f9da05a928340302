//! `/contact/:id`: the page of one contact.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::contact_view::ContactView;
use crate::components::entity_route::EntityRoute;
use crate::data::Shared;

/// The route; the page itself is [`ContactView`].
#[component]
pub fn ContactPage() -> impl IntoView {
    fn render(data: Shared, index: u32) -> AnyView {
        view! { <ContactView data index/> }.into_any()
    }
    view! { <EntityRoute entity=EntityType::Contact render/> }
}
