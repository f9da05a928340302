//! The postcode table for "near a place", fetched the first time it is
//! needed (most searches never need it) and kept for the visit.

use std::sync::Arc;

use dialognetz_core::geo::PostcodeTable;
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the table is, beside the dataset.
pub const POSTCODES_URL: &str = "data/postcodes.tsv";

/// The table once loaded; shared through the context.
#[derive(Clone, Copy)]
pub struct Postcodes {
    pub table: RwSignal<Option<Arc<PostcodeTable>>, LocalStorage>,
    pub failed: RwSignal<bool>,
    started: StoredValue<bool>,
}

impl Postcodes {
    pub fn new() -> Postcodes {
        Postcodes {
            table: RwSignal::new_local(None),
            failed: RwSignal::new(false),
            started: StoredValue::new(false),
        }
    }

    /// Starts loading the table unless it is loaded or loading.
    pub fn ensure(&self) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        let table = self.table;
        let failed = self.failed;
        spawn_local(async move {
            match load().await {
                Some(loaded) => table.set(Some(Arc::new(loaded))),
                None => failed.set(true),
            }
        });
    }
}

impl Default for Postcodes {
    fn default() -> Self {
        Postcodes::new()
    }
}

async fn load() -> Option<PostcodeTable> {
    // The service worker keeps the table with the app shell, so this works
    // offline after the first visit.
    let response = Request::get(POSTCODES_URL).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    PostcodeTable::from_compact(&text).ok()
}
