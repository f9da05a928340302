//! The app's frame: language, the data (loaded once per visit), the router
//! with one route per page.

use dialognetz_store::StoreError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::fetch_config;
use crate::components::data_status::DataStatus;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::SkipLink;
use crate::components::update_banner::{UpdateBanner, UpdateReady};
use crate::data::Shared;
use crate::error::LoadError;
use crate::favourites::Favourites;
use crate::i18n::{apply_lang, initial_lang, LangSignal};
use crate::loader::Loader;
use crate::postcodes::Postcodes;
use crate::routes::about::AboutPage;
use crate::routes::article::ArticlePage;
use crate::routes::contact::ContactPage;
use crate::routes::event::EventPage;
use crate::routes::favourites::FavouritesPage;
use crate::routes::forum::ForumPage;
use crate::routes::home::HomePage;
use crate::routes::not_found::NotFound;
use crate::routes::organization::OrganizationPage;
use crate::routes::project::ProjectPage;
use crate::storage;

/// Where the data stands: loading, ready, or failed with a reason.
#[derive(Clone)]
pub enum DataState {
    Loading,
    Ready(Shared),
    Failed(LoadError),
}

/// The data, shared by every page through the context.
#[derive(Clone, Copy)]
pub struct DataSignal(pub RwSignal<DataState, LocalStorage>);

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(LangSignal(lang));
    Effect::new(move |_| apply_lang(lang.get()));

    let update_ready = RwSignal::new(false);
    provide_context(UpdateReady(update_ready));
    crate::service_worker::register(move || update_ready.set(true));

    let loader = Loader::new();
    provide_context(loader);
    provide_context(DataSignal(loader.data));
    let favourites = Favourites::new();
    provide_context(favourites);
    provide_context(Postcodes::new());
    spawn_local(async move {
        // The configuration comes over the network (or from the service
        // worker); opening the database does not need it: both at once.
        let ((store, reason), config) = futures::join!(
            async {
                let opened = storage::open().await;
                crate::browser::mark("database");
                opened
            },
            async {
                let config = fetch_config().await;
                crate::browser::mark("configuration");
                config
            }
        );
        crate::browser::mark("opened");
        loader.store_notice.set(reason);
        // Another tab upgraded the schema: this one closed its connection
        // (so that the upgrade is not held up) and says to reload.
        storage::on_version_change(&store, move || {
            loader.store_notice.set(Some(StoreError::VersionChanged))
        });
        // Favourites and the data are read at once (separate read-only
        // transactions run side by side; each is a round trip to the
        // browser's database process).
        let favourites_loaded = {
            let store = store.clone();
            async move {
                if let Ok(list) = storage::load_favourites(&store).await {
                    favourites.items.set(list);
                }
            }
        };
        match config {
            Ok(config) => {
                futures::join!(favourites_loaded, loader.start(config, store));
            }
            Err(error) => {
                loader.data.set(DataState::Failed(error));
                favourites_loaded.await;
            }
        }
    });

    view! {
        <Router>
            <SkipLink/>
            <SiteHeader/>
            <DataStatus/>
            <UpdateBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/organization/:id") view=OrganizationPage/>
                    <Route path=path!("/contact/:id") view=ContactPage/>
                    <Route path=path!("/forum/:id") view=ForumPage/>
                    <Route path=path!("/event/:id") view=EventPage/>
                    <Route path=path!("/project/:id") view=ProjectPage/>
                    <Route path=path!("/article/:id") view=ArticlePage/>
                    <Route path=path!("/favourites") view=FavouritesPage/>
                    <Route path=path!("/about") view=AboutPage/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
