//! Getting the data to the screen and keeping it fresh.
//!
//! A returning user starts from the store: the stored dataset and its saved
//! search index (no rebuilding), shown at once with "data as of". Then, or
//! first for a new user, the update path runs: fetch (no HTTP cache, ETag,
//! timeout, size limit) → signature (when keys are configured) → validate →
//! build the index → install dataset and index in one transaction → show.
//! Any failure leaves the data in use as it was and says why in one line.

use std::rc::Rc;
use std::sync::Arc;

use dialognetz_core::compact::{to_compact, CompactDataset, CompactError};
use dialognetz_core::search::{SearchIndex, INDEX_FORMAT_VERSION};
use dialognetz_core::signature::{verify, TrustedKeys};
use dialognetz_core::Dataset;
use dialognetz_store::{
    AnyStore, DatasetMeta, NewDataset, NewIndex, Store, StoreError, UpdateLogEntry, UpdateOutcome,
};
use leptos::prelude::*;

use crate::api::{fetch_dataset, fetch_signature, Fetched};
use crate::app::DataState;
use crate::config::Config;
use crate::data::AppData;
use crate::error::LoadError;

/// The settings key of the last successful check (ms since 1970).
const LAST_CHECK: &str = "last_successful_check";

/// What the app knows about the freshness of what it shows.
#[derive(Debug, Clone, Default)]
pub struct Freshness {
    /// When the shown data was fetched (ms); `None` before any.
    pub fetched_at: Option<u64>,
    /// The last successful check with the server (ms).
    pub last_check: Option<u64>,
    /// Why the last attempt failed, if it did.
    pub last_error: Option<LoadError>,
    /// A check is under way.
    pub checking: bool,
    /// A newer dataset was installed during this visit.
    pub updated: bool,
    /// The last check (of this visit) installed a newer dataset.
    pub last_check_installed: bool,
    /// After how many hours without a check the data counts as old.
    pub stale_after_hours: u32,
}

/// The loader's signals, shared through the context.
#[derive(Clone, Copy)]
pub struct Loader {
    pub data: RwSignal<DataState, LocalStorage>,
    pub freshness: RwSignal<Freshness, LocalStorage>,
    /// Why the store is memory only, or another store problem to show.
    pub store_notice: RwSignal<Option<StoreError>, LocalStorage>,
    config: StoredValue<Option<Config>, LocalStorage>,
}

impl Loader {
    pub fn new() -> Loader {
        Loader {
            data: RwSignal::new_local(DataState::Loading),
            freshness: RwSignal::new_local(Freshness::default()),
            store_notice: RwSignal::new_local(None),
            config: StoredValue::new_local(None),
        }
    }

    /// Starts the app's data: from the store if it has some, then the
    /// update check.
    pub async fn start(self, config: Config, store: Rc<AnyStore>) {
        self.config.set_value(Some(config.clone()));
        self.freshness
            .update(|f| f.stale_after_hours = config.stale_after_hours);
        let (last_check, current) =
            futures::join!(store.setting(LAST_CHECK), store.current_dataset());
        if let Ok(Some(at)) = last_check {
            self.freshness.update(|f| f.last_check = at.as_u64());
        }
        let current = match current {
            Ok(current) => current,
            Err(e) => {
                self.store_notice.set(Some(e));
                None
            }
        };
        let mut shown = None;
        let mut stored = None;
        if let Some(meta) = current {
            match from_store(&store, &meta).await {
                Ok(data) => {
                    let data = Arc::new(data);
                    self.data.set(DataState::Ready(data.clone()));
                    crate::browser::mark("shown");
                    self.freshness
                        .update(|f| f.fetched_at = Some(meta.fetched_at));
                    shown = Some(meta.clone());
                    stored = Some((data, meta));
                }
                // Damaged stored data: fetch it again, as for a new user.
                Err(e) => self.store_notice.set(Some(e)),
            }
        }
        if shown.is_some() {
            // The stored data's first results are on screen before the work
            // that can wait runs, each step when the page is idle: the
            // index's postings decoded for the keystrokes from now on (at
            // 100k organisations a few tens of milliseconds; the stored
            // index answered from its saved bytes until then), then the
            // update check (its code is large, and WebAssembly compiles a
            // function on its first call).
            idle().await;
            if let Some((data, _)) = &stored {
                data.index.decode_postings();
                crate::browser::mark("postings");
            }
            idle().await;
        }
        self.check(store.clone(), shown).await;
        // The records of the compact form the start read: a damaged one
        // would show as a missing entry on every start, so the form is made
        // again from the verified JSON (unless an update replaced the data).
        if let Some((data, meta)) = stored {
            let still_shown = || {
                self.data.with_untracked(
                    |d| matches!(d, DataState::Ready(now) if Arc::ptr_eq(now, &data)),
                )
            };
            if still_shown() && !records_sound(&data.dataset).await && still_shown() {
                match from_json(&store, &meta, None).await {
                    Ok(repaired) => {
                        self.data.set(DataState::Ready(Arc::new(repaired)));
                        crate::browser::mark("repaired");
                    }
                    Err(e) => self.store_notice.set(Some(e)),
                }
            }
        }
    }

    /// "Check for updates", from the about page.
    pub fn check_now(self) {
        let Some(store) = crate::storage::current() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let current = store.current_dataset().await.ok().flatten();
            self.check(store, current).await;
        });
    }

    /// One run of the update path.
    async fn check(self, store: Rc<AnyStore>, current: Option<DatasetMeta>) {
        let Some(config) = self.config.get_value() else {
            return;
        };
        if self.freshness.with_untracked(|f| f.checking) {
            return;
        }
        self.freshness.update(|f| {
            f.checking = true;
            f.last_check_installed = false;
        });
        let outcome = update(&config, &store, current.as_ref()).await;
        let now = now_ms();
        let (entry, installed) = match outcome {
            Ok(Some((data, meta))) => {
                self.data.set(DataState::Ready(Arc::new(data)));
                if matches!(*store, AnyStore::IndexedDb(_)) {
                    crate::storage::ask_to_persist();
                }
                self.freshness.update(|f| {
                    f.fetched_at = Some(meta.fetched_at);
                    f.updated = current.is_some();
                    f.last_check_installed = true;
                });
                (
                    UpdateLogEntry {
                        at: now,
                        outcome: UpdateOutcome::Installed,
                        message: format!("installed version {}", meta.version),
                    },
                    true,
                )
            }
            Ok(None) => (
                UpdateLogEntry {
                    at: now,
                    outcome: UpdateOutcome::UpToDate,
                    message: "up to date".to_owned(),
                },
                true,
            ),
            Err(UpdateFailure { error, unstored }) => {
                let message = error.to_string();
                let has_data = self
                    .data
                    .with_untracked(|d| matches!(d, DataState::Ready(_)));
                match unstored {
                    // Valid data that could not be stored (storage full)
                    // and nothing older: use it for this visit.
                    Some(data) if !has_data => self.data.set(DataState::Ready(Arc::new(*data))),
                    _ if !has_data => self.data.set(DataState::Failed(error.clone())),
                    _ => {}
                }
                self.freshness.update(|f| f.last_error = Some(error));
                (
                    UpdateLogEntry {
                        at: now,
                        outcome: UpdateOutcome::Failed,
                        message,
                    },
                    false,
                )
            }
        };
        if installed {
            self.freshness.update(|f| {
                f.last_check = Some(now);
                f.last_error = None;
            });
            let _ = store.put_setting(LAST_CHECK, now.into()).await;
        }
        let _ = store.log_update(entry).await;
        self.freshness.update(|f| f.checking = false);
    }
}

impl Default for Loader {
    fn default() -> Self {
        Loader::new()
    }
}

/// Why an update did not install, and the new data if only storing failed.
struct UpdateFailure {
    error: LoadError,
    unstored: Option<Box<AppData>>,
}

impl From<LoadError> for UpdateFailure {
    fn from(error: LoadError) -> Self {
        UpdateFailure {
            error,
            unstored: None,
        }
    }
}

/// The update path; `Ok(None)` when the installed dataset is current.
async fn update(
    config: &Config,
    store: &AnyStore,
    current: Option<&DatasetMeta>,
) -> Result<Option<(AppData, DatasetMeta)>, UpdateFailure> {
    let etag = current.and_then(|m| m.etag.as_deref());
    let (bytes, etag) = match fetch_dataset(config, etag).await? {
        Fetched::NotModified => return Ok(None),
        Fetched::New { bytes, etag } => (bytes, etag),
    };
    if let Some(current) = current {
        if dialognetz_store::sha256_hex(&bytes) == current.sha256 {
            return Ok(None);
        }
    }
    if !config.trusted_keys.is_empty() {
        let keys = TrustedKeys::parse(config.trusted_keys.iter().map(String::as_str))
            .map_err(|e| LoadError::Config(e.to_string()))?;
        let signature = fetch_signature(config).await?;
        verify(&bytes, signature.as_deref(), &keys).map_err(LoadError::Signature)?;
    }
    yield_to_browser().await;
    dialognetz_core::memory::reserve_for_dataset(bytes.len());
    let dataset = dialognetz_core::validate(&bytes).map_err(LoadError::from_problems)?;
    yield_to_browser().await;
    let index = SearchIndex::build(&dataset);
    yield_to_browser().await;
    // The app reads its entries from the compact form, as a returning start
    // will.
    let (id, version, published_at) = (
        dataset.meta.id.as_str().to_owned(),
        dataset.meta.version.clone(),
        dataset.meta.published_at.as_str().to_owned(),
    );
    let (form, compact) = compact_form(dataset)
        .map_err(|e| LoadError::Storage(StoreError::Corrupt(e.to_string())))?;
    let new = NewDataset {
        id,
        version,
        published_at,
        etag,
        fetched_at: now_ms(),
        compact: Some(compact),
        raw: bytes,
    };
    let index_bytes = NewIndex {
        format: INDEX_FORMAT_VERSION,
        bytes: index.to_bytes(),
    };
    let data = AppData::with_index(form, index);
    match store.install_dataset(new, Some(index_bytes)).await {
        Ok(meta) => Ok(Some((data, meta))),
        Err(e) => Err(UpdateFailure {
            error: LoadError::Storage(e),
            unstored: Some(Box::new(data)),
        }),
    }
}

/// The stored dataset with its saved index; the index is rebuilt (and
/// saved) only when the app's index format changed since. The dataset comes
/// from its compact form (validated when it was installed, so neither JSON
/// parsing nor the rules run again, and only its tables are read now; its
/// records are checked after the first paint, [`records_sound`]); only
/// when that is missing, of another version, refused or damaged are the
/// verified JSON bytes validated again ([`from_json`]).
async fn from_store(store: &AnyStore, meta: &DatasetMeta) -> Result<AppData, StoreError> {
    // Both reads at once: each is a round trip to the database process.
    let (compact, saved) = futures::join!(
        store.dataset_compact(),
        store.search_index(&meta.version, INDEX_FORMAT_VERSION)
    );
    let form = match compact {
        Ok(Some(bytes)) => crate::data::open_stored_form(bytes)
            .ok()
            // Written in another transaction than the meta: the same
            // dataset, or not used.
            .filter(|form| form.meta().version == meta.version),
        _ => None,
    };
    let saved = saved?;
    let load_saved = |bytes: Option<Vec<u8>>| {
        bytes
            .and_then(|b| SearchIndex::from_bytes(&b).ok())
            .filter(|i| i.dataset_version() == meta.version)
    };
    let Some(form) = form else {
        return from_json(store, meta, load_saved(saved)).await;
    };
    crate::browser::mark("decoded");
    let index = match load_saved(saved) {
        Some(index) => index,
        None => {
            yield_to_browser().await;
            // A damaged record cannot be indexed: start from the JSON.
            let Ok(dataset) = form.to_dataset() else {
                return from_json(store, meta, None).await;
            };
            let index = SearchIndex::build(&dataset);
            let _ = store
                .put_search_index(&meta.version, INDEX_FORMAT_VERSION, index.to_bytes())
                .await;
            index
        }
    };
    crate::browser::mark("indexed");
    Ok(AppData::with_index(form, index))
}

/// The stored dataset from its verified JSON bytes, when its compact form
/// is missing or cannot be used: validated again, indexed unless `saved`
/// is its index, and stored again with a new compact form, so that the next
/// start is quick again (unless another tab installed other data meanwhile).
async fn from_json(
    store: &AnyStore,
    meta: &DatasetMeta,
    saved: Option<SearchIndex>,
) -> Result<AppData, StoreError> {
    let bytes = store
        .dataset_bytes()
        .await?
        .ok_or_else(|| StoreError::Corrupt("the dataset's bytes are missing".to_owned()))?;
    crate::browser::mark("read");
    yield_to_browser().await;
    dialognetz_core::memory::reserve_for_dataset(bytes.len());
    let dataset = dialognetz_core::validate(&bytes)
        .map_err(|p| StoreError::Corrupt(format!("{} problems in the stored dataset", p.len())))?;
    crate::browser::mark("validated");
    let index = match saved {
        Some(index) => index,
        None => {
            yield_to_browser().await;
            SearchIndex::build(&dataset)
        }
    };
    crate::browser::mark("indexed");
    let (form, compact) = compact_form(dataset).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let still_current = matches!(
        store.current_dataset().await,
        Ok(Some(current)) if current.sha256 == meta.sha256
    );
    if still_current {
        let again = NewDataset {
            id: meta.id.clone(),
            version: meta.version.clone(),
            published_at: meta.published_at.clone(),
            etag: meta.etag.clone(),
            fetched_at: meta.fetched_at,
            compact: Some(compact),
            raw: bytes,
        };
        let index_bytes = NewIndex {
            format: INDEX_FORMAT_VERSION,
            bytes: index.to_bytes(),
        };
        let _ = store.install_dataset(again, Some(index_bytes)).await;
    }
    Ok(AppData::with_index(form, index))
}

/// A validated dataset's compact form, and its bytes for the store. The
/// decoded dataset is let go before the bytes are copied: at 100k
/// organisations each of the three is some 50 MB or more, and a phone's
/// memory is what it is.
fn compact_form(dataset: Dataset) -> Result<(CompactDataset, Vec<u8>), CompactError> {
    let compact = to_compact(&dataset);
    drop(dataset);
    Ok((CompactDataset::from_bytes(compact.clone())?, compact))
}

/// Whether every record of the compact form passes its checksum, checked a
/// few thousand at a time between frames (at 100k organisations the whole
/// check is about 50 ms of work, not to be one long task).
async fn records_sound(form: &CompactDataset) -> bool {
    const STEP: u32 = 4096;
    for entity in dialognetz_core::compact::LISTS {
        let len = u32::try_from(form.len(entity)).unwrap_or(u32::MAX);
        let mut from = 0;
        while from < len {
            if form.first_damaged(entity, from, STEP).is_some() {
                return false;
            }
            from = from.saturating_add(STEP);
            yield_to_browser().await;
        }
    }
    true
}

/// Resolves when the page is idle (see [`crate::browser::when_idle`]), at
/// the latest after a second.
async fn idle() {
    let (done, idle) = futures::channel::oneshot::channel::<()>();
    crate::browser::when_idle(
        move || {
            let _ = done.send(());
        },
        std::time::Duration::from_secs(1),
    );
    let _ = idle.await;
}

/// Lets the browser handle input and paint between the long steps of a
/// load (validating, indexing, rendering), so the page answers a tap while
/// data is being prepared instead of freezing for the whole load. Outside
/// any IndexedDB transaction (an await inside one would end it).
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if scheduled.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Milliseconds since 1970.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
