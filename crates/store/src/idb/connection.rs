//! The connection to one IndexedDB database, kept open across operations
//! and opened again when the browser closed it.
//!
//! - Another tab that upgrades the schema sends `versionchange`: we close at
//!   once so that it can proceed, tell the app, and answer
//!   [`StoreError::VersionChanged`] (reload) from then on, never reopening
//!   under the newer code.
//! - A connection the browser closed (iOS Safari does when the page goes to
//!   the background; Chromium when its data is cleared) is opened again
//!   once, and the operation retried.
//! - An upgrade blocked by an older tab is reported as
//!   [`StoreError::Blocked`] at once, while the upgrade itself waits and
//!   finishes when that tab lets go.

use std::cell::{Cell, RefCell};
use std::future::{poll_fn, Future};
use std::rc::{Rc, Weak};
use std::task::{Poll, Waker};

use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::schema::{self, SchemaVersion};
use super::values::idb_error;
use crate::StoreError;

/// The connection slot and what the browser's events have said about it.
pub(super) struct Connections {
    shared: Rc<Shared>,
}

struct Shared {
    name: String,
    connection: RefCell<Option<Connection>>,
    /// Set by the browser's events: the connection is gone.
    lost: Cell<bool>,
    /// Another tab upgraded the schema; we must not reopen.
    version_changed: Cell<bool>,
    on_version_change: RefCell<Option<Box<dyn Fn()>>>,
    reopened: Cell<u32>,
}

impl Connections {
    pub(super) fn new(name: &str) -> Connections {
        Connections {
            shared: Rc::new(Shared {
                name: name.to_string(),
                connection: RefCell::new(None),
                lost: Cell::new(false),
                version_changed: Cell::new(false),
                on_version_change: RefCell::new(None),
                reopened: Cell::new(0),
            }),
        }
    }

    pub(super) fn name(&self) -> &str {
        &self.shared.name
    }

    pub(super) fn on_version_change(&self, callback: Box<dyn Fn()>) {
        *self.shared.on_version_change.borrow_mut() = Some(callback);
    }

    pub(super) fn version_changed(&self) -> bool {
        self.shared.version_changed.get()
    }

    /// Closes the database but keeps the handle, as the browser does.
    pub(super) fn close_under_us(&self) {
        if let Some(connection) = self.shared.connection.borrow().as_ref() {
            connection.db.as_sys().close();
        }
    }

    pub(super) fn reopen_count(&self) -> u32 {
        self.shared.reopened.get()
    }

    /// The open connection, opened (again) if there is none.
    pub(super) async fn get(&self) -> Result<Database, StoreError> {
        let shared = &self.shared;
        if shared.version_changed.get() {
            return Err(StoreError::VersionChanged);
        }
        if shared.lost.replace(false) {
            shared.connection.borrow_mut().take();
        }
        if let Some(connection) = shared.connection.borrow().as_ref() {
            return Ok(connection.db.clone());
        }
        let connection = open_connection(&shared.name, Rc::downgrade(shared)).await?;
        let mut slot = shared.connection.borrow_mut();
        // Another operation may have opened one meanwhile: keep that one
        // (ours closes as it drops).
        let kept = slot.get_or_insert(connection);
        Ok(kept.db.clone())
    }

    /// Runs `op` on the connection; if that was closed under us, opens it
    /// again and runs `op` once more (a failed transaction left nothing).
    pub(super) async fn run<T, F, Fut>(&self, op: F) -> Result<T, StoreError>
    where
        F: Fn(Database) -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        let db = self.get().await?;
        match op(db).await {
            // Closed because another tab upgraded: say so, do not reopen.
            Err(StoreError::Closed(_)) if self.shared.version_changed.get() => {
                Err(StoreError::VersionChanged)
            }
            Err(StoreError::Closed(_)) => {
                self.shared.connection.borrow_mut().take();
                self.shared.reopened.set(self.shared.reopened.get() + 1);
                let db = self.get().await?;
                op(db).await
            }
            other => other,
        }
    }
}

/// An open database and the event handlers that watch it.
struct Connection {
    db: Database,
    _on_version_change: Closure<dyn FnMut(web_sys::IdbVersionChangeEvent)>,
    _on_close: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        let raw = self.db.as_sys();
        raw.set_onversionchange(None);
        raw.set_onclose(None);
        raw.close();
    }
}

/// Opens the database at the current schema, migrating in
/// `onupgradeneeded`, and watches it for `versionchange` and `close`.
async fn open_connection(name: &str, shared: Weak<Shared>) -> Result<Connection, StoreError> {
    let blocked = Rc::new(Signal::default());
    let on_blocked = blocked.clone();
    let request = Database::open(name)
        .with_version(SchemaVersion::CURRENT.number())
        .with_on_blocked(move |_| {
            on_blocked.fire();
            Ok(())
        })
        .with_on_upgrade_needed_fut(|event, db| async move {
            schema::upgrade(db, event.old_version(), SchemaVersion::CURRENT).await
        })
        .build()
        .map_err(open_error)?;
    let mut request = Box::pin(request);
    let opened = poll_fn(|cx| {
        if let Poll::Ready(result) = request.as_mut().poll(cx) {
            return Poll::Ready(Some(result));
        }
        if blocked.fired.get() {
            return Poll::Ready(None);
        }
        *blocked.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    })
    .await;
    let db = match opened {
        Some(result) => result.map_err(open_error)?,
        None => {
            // The upgrade runs when the other tab lets go; let it finish (a
            // dropped request would lose its upgrade handler) and let go too.
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(db) = request.await {
                    db.close();
                }
            });
            return Err(StoreError::Blocked);
        }
    };
    Ok(watch(db, shared))
}

/// Closes at once when another tab needs a new version, and notes it.
fn watch(db: Database, shared: Weak<Shared>) -> Connection {
    let raw: web_sys::IdbDatabase = db.as_sys().clone().unchecked_into();
    let on_version_change = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new({
        let shared = shared.clone();
        let raw = raw.clone();
        move |event: web_sys::IdbVersionChangeEvent| {
            raw.close();
            let Some(shared) = shared.upgrade() else {
                return;
            };
            shared.lost.set(true);
            // `None` is a deletion: the next operation makes a fresh database.
            if event.new_version().is_some() && !shared.version_changed.replace(true) {
                // Taken out before the call, so that the callback may set a new one.
                let callback = match shared.on_version_change.try_borrow_mut() {
                    Ok(mut slot) => slot.take(),
                    Err(_) => None,
                };
                if let Some(callback) = callback {
                    callback();
                }
            }
        }
    });
    let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        if let Some(shared) = shared.upgrade() {
            shared.lost.set(true);
        }
    });
    raw.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    raw.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    Connection {
        db,
        _on_version_change: on_version_change,
        _on_close: on_close,
    }
}

/// Set from an event handler, awaited by the opener.
#[derive(Default)]
struct Signal {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Signal {
    fn fire(&self) {
        self.fired.set(true);
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }
}

/// Opening adds its own cases: no IndexedDB, a refusal (private mode,
/// blocked cookies), a schema newer than this code.
pub(super) fn open_error(e: OpenDbError) -> StoreError {
    match e {
        OpenDbError::NullFactory | OpenDbError::UnsupportedEnvironment => {
            StoreError::Unavailable(e.to_string())
        }
        // Our version is never 0: `indexed_db_futures` reports any refusal
        // of `indexedDB.open()` itself (e.g. a sandboxed frame) this way.
        OpenDbError::VersionZero => {
            StoreError::Unavailable("the browser refused to open the storage".to_string())
        }
        OpenDbError::Base(Error::DomException(dom)) => {
            let dom: web_sys::DomException = dom.into();
            let detail = format!("{}: {}", dom.name(), dom.message());
            match dom.name().as_str() {
                "VersionError" => StoreError::VersionChanged,
                "QuotaExceededError" => StoreError::QuotaExceeded,
                "InvalidStateError" | "SecurityError" | "UnknownError" | "NotAllowedError" => {
                    StoreError::Unavailable(detail)
                }
                _ => StoreError::Other(detail),
            }
        }
        OpenDbError::Base(e) => idb_error(e),
    }
}
