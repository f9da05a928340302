//! `/project/:id`: the page of one project.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::entity_route::EntityRoute;
use crate::components::project_view::ProjectView;
use crate::data::Shared;

/// The route; the page itself is [`ProjectView`].
#[component]
pub fn ProjectPage() -> impl IntoView {
    fn render(data: Shared, index: u32) -> AnyView {
        view! { <ProjectView data index/> }.into_any()
    }
    view! { <EntityRoute entity=EntityType::Project render/> }
}
