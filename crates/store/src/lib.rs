//! Dialognetz's offline storage: what the app keeps between visits, behind
//! one trait so that the app does not care where it lives.
//!
//! - the **dataset** as published (the verified bytes, kept for
//!   re-verification and export), an optional compact binary form the app
//!   starts from, and what is known about it ([`DatasetMeta`]);
//! - the **saved search index**, keyed by (dataset version, index format
//!   version), so that a new app build with a new index format rebuilds it;
//! - **favourites**, with a title snapshot so that an entry that has left the
//!   dataset can still be named;
//! - **settings** (key → JSON value);
//! - the **update log**: the last [`UPDATE_LOG_CAP`] update attempts.
//!
//! Two implementations pass one test suite: [`MemoryStore`] (everywhere, and
//! the fallback when the browser refuses storage) and, in the browser,
//! `IdbStore` on IndexedDB. `open_best` picks IndexedDB when it works and
//! says why when it does not.
//!
//! Times are milliseconds since the Unix epoch, given by the caller: the
//! store has no clock, which keeps it deterministic and testable.
//!
//! In the app: `let (store, notice) = open_best("dialognetz").await;` then,
//! if `notice` is `Some(error)`, show `error.user_message()` (the data is
//! kept in memory only); on an `IdbStore`, `on_version_change` tells when
//! another tab needs a reload. The calls are the same on either store:
//!
//! ```
//! use dialognetz_store::{Favourite, MemoryStore, NewDataset, NewIndex, Store};
//!
//! # async fn example() -> Result<(), dialognetz_store::StoreError> {
//! let store = MemoryStore::new();
//! let published = br#"{"format": "dialognetz-dataset"}"#.to_vec();
//! let dataset = NewDataset {
//!     id: "sicher-zusammenleben".into(),
//!     version: "2026-11-30".into(),
//!     published_at: "2026-11-30T09:00:00+01:00".into(),
//!     etag: Some("\"abc\"".into()),
//!     fetched_at: 1_764_489_600_000,
//!     raw: published.clone(),
//!     compact: None,
//! };
//! let index = NewIndex { format: 3, bytes: b"saved index".to_vec() };
//! let meta = store.install_dataset(dataset, Some(index)).await?;
//! assert_eq!(store.dataset_bytes().await?, Some(published));
//! assert!(store.search_index(&meta.version, 3).await?.is_some());
//!
//! store
//!     .put_favourite(Favourite {
//!         kind: "organization".into(),
//!         id: "kosizu".into(),
//!         added_at: 1_764_489_700_000,
//!         title: Some("KoSiZu".into()),
//!     })
//!     .await?;
//! store.put_setting("language", serde_json::json!("en")).await?;
//! assert_eq!(store.favourites().await?.len(), 1);
//! # Ok(())
//! # }
//! # #[cfg(not(target_arch = "wasm32"))]
//! # futures_executor::block_on(example()).expect("works");
//! ```

mod bytes;
mod error;
mod memory;

#[cfg(target_arch = "wasm32")]
pub mod idb;

#[cfg(feature = "testsuite")]
pub mod testsuite;

pub use bytes::StoredBytes;
pub use error::{StoreError, UserMessage};
pub use memory::MemoryStore;

#[cfg(target_arch = "wasm32")]
pub use idb::{open_best, request_persistence, storage_estimate, IdbStore, StorageEstimate};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How many update attempts the log keeps (the oldest go first).
pub const UPDATE_LOG_CAP: usize = 50;

/// The longest update log message kept, in characters.
pub const MESSAGE_MAX_CHARS: usize = 300;

/// A dataset to install: the bytes as fetched and verified, and where they
/// came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDataset {
    pub id: String,
    pub version: String,
    /// RFC 3339, as in the dataset's `meta.published_at`.
    pub published_at: String,
    /// The server's `ETag`, to ask "changed since?" next time.
    pub etag: Option<String>,
    pub fetched_at: u64,
    /// The published JSON, byte for byte.
    pub raw: Vec<u8>,
    /// The app's own compact form, quicker to start from than the JSON.
    pub compact: Option<Vec<u8>>,
}

impl NewDataset {
    /// What the store records about this dataset: its size and checksum
    /// are computed here, from the bytes.
    pub fn meta(&self) -> DatasetMeta {
        DatasetMeta {
            id: self.id.clone(),
            version: self.version.clone(),
            published_at: self.published_at.clone(),
            etag: self.etag.clone(),
            fetched_at: self.fetched_at,
            size: self.raw.len() as u64,
            sha256: sha256_hex(&self.raw),
            compact_size: self.compact.as_ref().map(|c| c.len() as u64),
        }
    }
}

/// What is known about the installed dataset, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetMeta {
    pub id: String,
    pub version: String,
    pub published_at: String,
    pub etag: Option<String>,
    pub fetched_at: u64,
    /// Length of the published bytes.
    pub size: u64,
    /// SHA-256 of the published bytes, lower-case hex: stored bytes that no
    /// longer match are reported as [`StoreError::Corrupt`].
    pub sha256: String,
    pub compact_size: Option<u64>,
}

/// A saved search index to install with its dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIndex {
    /// The core's `INDEX_FORMAT_VERSION` the bytes were written with.
    pub format: u32,
    pub bytes: Vec<u8>,
}

/// A favourite: which entry, when, and what it was called then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Favourite {
    /// The entry's type as the core names it (`organization`, `forum`, …).
    pub kind: String,
    pub id: String,
    pub added_at: u64,
    /// The entry's title when it was saved, to name it if it leaves the
    /// dataset. `None` for favourites saved before titles were kept; the app
    /// fills it in by saving the favourite again.
    pub title: Option<String>,
}

/// How an update attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateOutcome {
    /// A new dataset was installed.
    Installed,
    /// The published dataset is the one installed.
    UpToDate,
    /// The attempt failed; the message says why.
    Failed,
}

/// One line of the update log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateLogEntry {
    pub at: u64,
    pub outcome: UpdateOutcome,
    /// One line: stores fold white space and cut it at [`MESSAGE_MAX_CHARS`].
    pub message: String,
}

/// Which implementation a store is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    /// Lost when the page closes.
    Memory,
    IndexedDb,
}

/// The app's storage. Async because IndexedDB is; not `Send`, because the
/// browser runs it on one thread (so the futures need not be `Send` either).
#[allow(async_fn_in_trait)]
pub trait Store {
    fn kind(&self) -> StoreKind;

    /// Installs `dataset` as the current one, with its search index, in one
    /// step: afterwards either both are there or the old dataset still is.
    /// Saved indexes of other dataset versions are removed; favourites,
    /// settings and the log are not touched.
    async fn install_dataset(
        &self,
        dataset: NewDataset,
        index: Option<NewIndex>,
    ) -> Result<DatasetMeta, StoreError>;

    /// The current dataset's meta, without reading its bytes.
    async fn current_dataset(&self) -> Result<Option<DatasetMeta>, StoreError>;

    /// The current dataset's published bytes, checked against its size and
    /// SHA-256 ([`StoreError::Corrupt`] when they no longer match).
    async fn dataset_bytes(&self) -> Result<Option<Vec<u8>>, StoreError>;

    /// The current dataset's compact form, if one was installed; from
    /// IndexedDB left outside WebAssembly memory until read (see
    /// [`StoredBytes`]).
    async fn dataset_compact(&self) -> Result<Option<StoredBytes>, StoreError>;

    /// Saves a search index, e.g. one rebuilt after an app update changed
    /// the index format.
    async fn put_search_index(
        &self,
        dataset_version: &str,
        format: u32,
        bytes: Vec<u8>,
    ) -> Result<(), StoreError>;

    async fn search_index(
        &self,
        dataset_version: &str,
        format: u32,
    ) -> Result<Option<Vec<u8>>, StoreError>;

    /// Adds a favourite, or replaces the one with the same kind and id.
    async fn put_favourite(&self, favourite: Favourite) -> Result<(), StoreError>;

    /// Removes a favourite; removing one that is not there is not an error.
    async fn remove_favourite(&self, kind: &str, id: &str) -> Result<(), StoreError>;

    /// Every favourite, the most recently added first.
    async fn favourites(&self) -> Result<Vec<Favourite>, StoreError>;

    async fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError>;

    async fn put_setting(&self, key: &str, value: serde_json::Value) -> Result<(), StoreError>;

    async fn remove_setting(&self, key: &str) -> Result<(), StoreError>;

    /// Appends to the update log, dropping the oldest beyond
    /// [`UPDATE_LOG_CAP`].
    async fn log_update(&self, entry: UpdateLogEntry) -> Result<(), StoreError>;

    /// The update log, the newest first.
    async fn update_log(&self) -> Result<Vec<UpdateLogEntry>, StoreError>;
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The message as one line: white space folded, at most
/// [`MESSAGE_MAX_CHARS`] characters.
pub fn one_line(message: &str) -> String {
    let folded = message.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(MESSAGE_MAX_CHARS) {
        Some((cut, _)) => folded[..cut].to_string(),
        None => folded,
    }
}

/// Checks bytes read back against what was recorded when they were stored.
fn verify(meta: &DatasetMeta, bytes: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    if bytes.len() as u64 != meta.size {
        return Err(StoreError::Corrupt(format!(
            "the stored dataset has {} bytes, {} were stored",
            bytes.len(),
            meta.size
        )));
    }
    if sha256_hex(&bytes) != meta.sha256 {
        return Err(StoreError::Corrupt(
            "the stored dataset's checksum does not match".to_string(),
        ));
    }
    Ok(bytes)
}

/// The order [`Store::favourites`] promises: newest first, then by kind and
/// id so that equal times have a stable order.
fn sort_favourites(favourites: &mut [Favourite]) {
    favourites.sort_by(|a, b| {
        b.added_at
            .cmp(&a.added_at)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// Either store, for code that decides at run time ([`open_best`]).
/// (A trait with `async fn` cannot be a `dyn` object; an enum can.)
pub enum AnyStore {
    Memory(MemoryStore),
    #[cfg(target_arch = "wasm32")]
    IndexedDb(IdbStore),
}

macro_rules! delegate {
    ($self:ident, $s:ident => $call:expr) => {
        match $self {
            AnyStore::Memory($s) => $call,
            #[cfg(target_arch = "wasm32")]
            AnyStore::IndexedDb($s) => $call,
        }
    };
}

impl Store for AnyStore {
    fn kind(&self) -> StoreKind {
        delegate!(self, s => s.kind())
    }
    async fn install_dataset(
        &self,
        dataset: NewDataset,
        index: Option<NewIndex>,
    ) -> Result<DatasetMeta, StoreError> {
        delegate!(self, s => s.install_dataset(dataset, index).await)
    }
    async fn current_dataset(&self) -> Result<Option<DatasetMeta>, StoreError> {
        delegate!(self, s => s.current_dataset().await)
    }
    async fn dataset_bytes(&self) -> Result<Option<Vec<u8>>, StoreError> {
        delegate!(self, s => s.dataset_bytes().await)
    }
    async fn dataset_compact(&self) -> Result<Option<StoredBytes>, StoreError> {
        delegate!(self, s => s.dataset_compact().await)
    }
    async fn put_search_index(
        &self,
        dataset_version: &str,
        format: u32,
        bytes: Vec<u8>,
    ) -> Result<(), StoreError> {
        delegate!(self, s => s.put_search_index(dataset_version, format, bytes).await)
    }
    async fn search_index(
        &self,
        dataset_version: &str,
        format: u32,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        delegate!(self, s => s.search_index(dataset_version, format).await)
    }
    async fn put_favourite(&self, favourite: Favourite) -> Result<(), StoreError> {
        delegate!(self, s => s.put_favourite(favourite).await)
    }
    async fn remove_favourite(&self, kind: &str, id: &str) -> Result<(), StoreError> {
        delegate!(self, s => s.remove_favourite(kind, id).await)
    }
    async fn favourites(&self) -> Result<Vec<Favourite>, StoreError> {
        delegate!(self, s => s.favourites().await)
    }
    async fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError> {
        delegate!(self, s => s.setting(key).await)
    }
    async fn put_setting(&self, key: &str, value: serde_json::Value) -> Result<(), StoreError> {
        delegate!(self, s => s.put_setting(key, value).await)
    }
    async fn remove_setting(&self, key: &str) -> Result<(), StoreError> {
        delegate!(self, s => s.remove_setting(key).await)
    }
    async fn log_update(&self, entry: UpdateLogEntry) -> Result<(), StoreError> {
        delegate!(self, s => s.log_update(entry).await)
    }
    async fn update_log(&self) -> Result<Vec<UpdateLogEntry>, StoreError> {
        delegate!(self, s => s.update_log().await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_white_space_and_cuts_long_messages() {
        assert_eq!(
            one_line("  HTTP 503\n  Service\tUnavailable "),
            "HTTP 503 Service Unavailable"
        );
        let long = "ä".repeat(MESSAGE_MAX_CHARS + 10);
        assert_eq!(one_line(&long).chars().count(), MESSAGE_MAX_CHARS);
    }

    #[test]
    fn sha256_is_the_standard_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
