//! `/organization/:id`: the page of one organization.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::entity_route::EntityRoute;
use crate::components::organization_view::OrganizationView;
use crate::data::Shared;

/// The route; the page itself is [`OrganizationView`].
#[component]
pub fn OrganizationPage() -> impl IntoView {
    fn render(data: Shared, index: u32) -> AnyView {
        view! { <OrganizationView data index/> }.into_any()
    }
    view! { <EntityRoute entity=EntityType::Organization render/> }
}
