//! The app's one store (IndexedDB, or memory where the browser refuses
//! storage), opened once per visit and shared by the data loader and the
//! favourites. Writes of favourites go out in the background; the signal
//! shows the change at once.

use std::cell::RefCell;
use std::rc::Rc;

use dialognetz_store::{AnyStore, Store, StoreError};
use leptos::task::spawn_local;

use crate::favourites::Favourite;

/// The IndexedDB database's name. `public/init.js` opens it by the same
/// name to warm it up on a returning start (and lets go of it when this
/// opens, on the event `dialognetz-database-open`): change both together.
pub const DATABASE: &str = "dialognetz";

thread_local! {
    static STORE: RefCell<Option<Rc<AnyStore>>> = const { RefCell::new(None) };
}

/// Opens the store (once); returns it and, when it is memory only, why.
pub async fn open() -> (Rc<AnyStore>, Option<StoreError>) {
    if let Some(store) = current() {
        return (store, None);
    }
    let (store, reason) = dialognetz_store::open_best(DATABASE).await;
    // public/init.js held a connection to keep the database's files open
    // for this one; it can go now.
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new("dialognetz-database-open") {
            let _ = window.dispatch_event(&event);
        }
    }
    let store = Rc::new(store);
    STORE.with(|s| *s.borrow_mut() = Some(store.clone()));
    (store, reason)
}

/// Calls `callback` (once) when another tab upgrades the database's schema:
/// this tab has then let go of its connection, stores nothing more and must
/// be reloaded. Memory stores never change.
pub fn on_version_change(store: &AnyStore, callback: impl Fn() + 'static) {
    #[cfg(target_arch = "wasm32")]
    if let AnyStore::IndexedDb(store) = store {
        store.on_version_change(callback);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (store, callback);
}

/// The store, once opened.
pub fn current() -> Option<Rc<AnyStore>> {
    STORE.with(|s| s.borrow().clone())
}

/// What the store holds as favourites, in the app's shape.
pub async fn load_favourites(store: &AnyStore) -> Result<Vec<Favourite>, StoreError> {
    Ok(store
        .favourites()
        .await?
        .into_iter()
        .map(|f| Favourite {
            kind: f.kind,
            id: f.id,
            title: f.title.unwrap_or_default(),
            added_at: f.added_at,
        })
        .collect())
}

/// Saves a favourite in the background; a failure is reported by
/// `on_error` (the signal already shows the favourite).
pub fn put_favourite(favourite: Favourite, on_error: impl FnOnce(StoreError) + 'static) {
    let Some(store) = current() else { return };
    spawn_local(async move {
        let stored = dialognetz_store::Favourite {
            kind: favourite.kind,
            id: favourite.id,
            added_at: favourite.added_at,
            title: Some(favourite.title),
        };
        if let Err(e) = store.put_favourite(stored).await {
            on_error(e);
        }
    });
}

/// Removes a favourite in the background.
pub fn remove_favourite(kind: String, id: String, on_error: impl FnOnce(StoreError) + 'static) {
    let Some(store) = current() else { return };
    spawn_local(async move {
        if let Err(e) = store.remove_favourite(&kind, &id).await {
            on_error(e);
        }
    });
}

/// Asks the browser to keep the app's storage (`navigator.storage.persist()`)
/// once there is something worth keeping: installed data or a favourite.
/// Chromium decides without asking (an installed app, a site used often),
/// Firefox asks the user. Asked once per visit; a refusal changes nothing
/// but the note on the about page.
pub fn ask_to_persist() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    spawn_local(async {
        let _ = dialognetz_store::request_persistence().await;
    });
}
