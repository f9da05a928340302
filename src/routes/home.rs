//! The start page: what data the app holds, and how fresh it is.

use leptos::prelude::*;

use crate::app::DatasetResource;
use crate::components::dataset_summary::DatasetSummary;
use crate::components::load_error_view::LoadErrorView;
use crate::i18n::{texts, use_lang};

/// The start page. Search comes here next; for now it shows the dataset.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let DatasetResource(dataset) = expect_context::<DatasetResource>();
    view! {
        <Suspense fallback=move || view! {
            <p class="loading" role="status">{move || texts::LOADING.get(lang.get())}</p>
        }>
            {move || Suspend::new(async move {
                match dataset.await {
                    Ok(dataset) => view! { <DatasetSummary dataset/> }.into_any(),
                    Err(error) => view! { <LoadErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
