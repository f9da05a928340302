//! `/forum/:id`: the page of one forum.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::entity_route::EntityRoute;
use crate::components::forum_view::ForumView;
use crate::data::Shared;

/// The route; the page itself is [`ForumView`].
#[component]
pub fn ForumPage() -> impl IntoView {
    fn render(data: Shared, index: u32) -> AnyView {
        view! { <ForumView data index/> }.into_any()
    }
    view! { <EntityRoute entity=EntityType::Forum render/> }
}
