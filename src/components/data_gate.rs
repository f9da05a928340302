//! Shows a page once the data is there: a loading note before, the reason
//! and what to do when it failed.

use leptos::prelude::*;

use crate::app::{DataSignal, DataState};
use crate::components::load_error_view::LoadErrorView;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};

/// Renders `page` with the data. The page is built once per dataset (not
/// per change of anything it reads), so a page keeps its own state while
/// the user works in it.
#[component]
pub fn DataGate<F, V>(page: F) -> impl IntoView
where
    F: Fn(Shared) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let DataSignal(data) = expect_context::<DataSignal>();
    move || match data.get() {
        DataState::Loading => view! {
            <p class="loading" role="status">{move || texts::LOADING.get(lang.get())}</p>
        }
        .into_any(),
        DataState::Ready(shared) => untrack(|| {
            provide_context(shared.clone());
            page(shared)
        })
        .into_any(),
        DataState::Failed(error) => view! { <LoadErrorView error/> }.into_any(),
    }
}
