//! The app's frame: language context, the dataset resource, the router.

use std::sync::Arc;

use dialognetz_core::Dataset;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{fetch_dataset, DATASET_URL};
use crate::components::site_header::SiteHeader;
use crate::error::LoadError;
use crate::i18n::{apply_lang, initial_lang, texts, use_lang, LangSignal};
use crate::routes::home::HomePage;

/// The loaded dataset, shared by every page: loaded once per visit.
#[derive(Clone, Copy)]
pub struct DatasetResource(pub LocalResource<Result<Arc<Dataset>, LoadError>>);

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(LangSignal(lang));
    Effect::new(move |_| apply_lang(lang.get()));

    let dataset = LocalResource::new(|| async { fetch_dataset(DATASET_URL).await.map(Arc::new) });
    provide_context(DatasetResource(dataset));

    view! {
        <Router>
            <a class="skip-link" href="#main">{move || texts::SKIP_TO_CONTENT.get(lang.get())}</a>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                </Routes>
            </main>
        </Router>
    }
}

/// Shown for a URL the app has no page for.
#[component]
fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="panel">
            <h1>{move || texts::NOT_FOUND.get(lang.get())}</h1>
            <p><a href="/">{move || texts::TO_START.get(lang.get())}</a></p>
        </section>
    }
}
