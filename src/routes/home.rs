//! The start page: the search.

use leptos::prelude::*;

use crate::components::search_page::SearchPage;

/// `/` with the search in its query (`/?q=moschee&state=SN`).
#[component]
pub fn HomePage() -> impl IntoView {
    view! { <SearchPage/> }
}
