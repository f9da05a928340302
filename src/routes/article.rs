//! `/article/:id`: the page of one article.

use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::entity_route::EntityRoute;
use crate::data::Shared;

/// The route; the page itself is [`ArticleView`].
#[component]
pub fn ArticlePage() -> impl IntoView {
    fn render(data: Shared, index: u32) -> AnyView {
        view! { <ArticleView data index/> }.into_any()
    }
    view! { <EntityRoute entity=EntityType::Article render/> }
}
