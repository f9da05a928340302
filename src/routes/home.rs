//! The start page: the search.

use leptos::prelude::*;

use crate::components::data_gate::DataGate;
use crate::components::search_page::SearchPage;

/// `/` with the search in its query (`/?q=moschee&state=SN`).
#[component]
pub fn HomePage() -> impl IntoView {
    view! { <DataGate page=|data| view! { <SearchPage data/> }/> }
}
