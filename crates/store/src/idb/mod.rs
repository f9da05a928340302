//! The store in IndexedDB (`indexed_db_futures` 0.6): the schema and its
//! migrations in `schema`, the connection in `connection`, values and
//! requests in `values`, the browser's storage manager in `storage`.
//!
//! Every transaction gets its values ready before it opens and awaits
//! nothing but its own requests: any other await would let it commit early.
//! `indexed_db_futures` rolls a transaction back unless it is committed, so
//! an early `?` undoes everything.

mod connection;
mod schema;
mod storage;
mod values;

pub use schema::{open_v1, stores, SchemaVersion};
pub use storage::{request_persistence, storage_estimate, StorageEstimate};

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use js_sys::Array;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use web_sys::Blob;

use crate::{
    one_line, sort_favourites, verify, AnyStore, DatasetMeta, Favourite, MemoryStore, NewDataset,
    NewIndex, Store, StoreError, StoreKind, StoredBytes, UpdateLogEntry, UPDATE_LOG_CAP,
};
use connection::{open_error, Connections};
use values::{
    blob_of, bytes_of, commit, delete, from_js, get, get_all, idb_error, js_bytes_of, pair_key,
    put, read, to_js, write,
};

/// The dataset record's key and the Blob keys beside it.
const CURRENT: &str = "current";
const RAW: &str = "raw";
const COMPACT: &str = "compact";

/// IndexedDB when it works, else memory and the reason, for the app's
/// visible notice ("stored in memory only, because …").
pub async fn open_best(name: &str) -> (AnyStore, Option<StoreError>) {
    match IdbStore::open(name).await {
        Ok(store) => (AnyStore::IndexedDb(store), None),
        Err(reason) => (AnyStore::Memory(MemoryStore::new()), Some(reason)),
    }
}

/// A [`Store`] in one IndexedDB database.
pub struct IdbStore {
    connections: Connections,
    #[cfg(feature = "testsuite")]
    fail_next_install: std::cell::Cell<bool>,
}

impl IdbStore {
    /// Opens (creating or upgrading) the database `name`.
    ///
    /// Errors: [`StoreError::Unavailable`] when the browser offers no
    /// IndexedDB, [`StoreError::Blocked`] when another tab holds an older
    /// version open (the upgrade then waits for it and finishes on its own),
    /// [`StoreError::VersionChanged`] when the stored schema is newer than
    /// this code.
    pub async fn open(name: &str) -> Result<IdbStore, StoreError> {
        let store = IdbStore {
            connections: Connections::new(name),
            #[cfg(feature = "testsuite")]
            fail_next_install: std::cell::Cell::new(false),
        };
        store.connections.get().await?;
        Ok(store)
    }

    /// Deletes the database `name` (asking open connections to close).
    pub async fn delete(name: &str) -> Result<(), StoreError> {
        Database::delete_by_name(name)
            .map_err(open_error)?
            .await
            .map_err(idb_error)
    }

    pub fn name(&self) -> &str {
        self.connections.name()
    }

    /// Called once when another tab upgrades the schema: the app should ask
    /// for a reload. From then on every operation fails with
    /// [`StoreError::VersionChanged`].
    pub fn on_version_change(&self, callback: impl Fn() + 'static) {
        self.connections.on_version_change(Box::new(callback));
    }

    pub fn version_changed(&self) -> bool {
        self.connections.version_changed()
    }

    /// Closes the connection the way the browser does when it puts a page
    /// away; the next operation opens it again.
    pub fn close_connection(&self) {
        self.connections.close_under_us();
    }

    /// How often a lost connection has been opened again.
    pub fn reopen_count(&self) -> u32 {
        self.connections.reopen_count()
    }
}

impl Store for IdbStore {
    fn kind(&self) -> StoreKind {
        StoreKind::IndexedDb
    }

    async fn install_dataset(
        &self,
        dataset: NewDataset,
        index: Option<NewIndex>,
    ) -> Result<DatasetMeta, StoreError> {
        let meta = dataset.meta();
        let prepared = PreparedInstall {
            meta: to_js(&meta)?,
            raw: blob_of(&dataset.raw)?,
            compact: dataset.compact.as_deref().map(blob_of).transpose()?,
            index: match &index {
                Some(index) => Some((
                    pair_key(&meta.version, index.format),
                    blob_of(&index.bytes)?,
                )),
                None => None,
            },
            version: meta.version.clone(),
        };
        drop((dataset, index));
        let prepared = &prepared;
        self.connections
            .run(|db| async move { self.install_in(&db, prepared).await })
            .await?;
        Ok(meta)
    }

    async fn current_dataset(&self) -> Result<Option<DatasetMeta>, StoreError> {
        self.connections
            .run(|db| async move {
                let tx = read(&db, &[stores::DATASET])?;
                let value = get(&tx, stores::DATASET, JsValue::from_str(CURRENT)).await?;
                commit(tx).await?;
                value.map(from_js).transpose()
            })
            .await
    }

    async fn dataset_bytes(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let found = self
            .connections
            .run(|db| async move {
                let tx = read(&db, &[stores::DATASET, stores::DATASET_BYTES])?;
                let meta = get(&tx, stores::DATASET, JsValue::from_str(CURRENT)).await?;
                let raw = get(&tx, stores::DATASET_BYTES, JsValue::from_str(RAW)).await?;
                commit(tx).await?;
                Ok((meta, raw))
            })
            .await?;
        match found {
            (Some(meta), Some(raw)) => {
                let meta: DatasetMeta = from_js(meta)?;
                verify(&meta, bytes_of(raw).await?).map(Some)
            }
            (None, _) => Ok(None),
            (Some(_), None) => Err(StoreError::Corrupt(
                "the dataset's bytes are missing".to_string(),
            )),
        }
    }

    async fn dataset_compact(&self) -> Result<Option<StoredBytes>, StoreError> {
        let found = self
            .connections
            .run(|db| async move {
                let tx = read(&db, &[stores::DATASET_BYTES])?;
                let value = get(&tx, stores::DATASET_BYTES, JsValue::from_str(COMPACT)).await?;
                commit(tx).await?;
                Ok(value)
            })
            .await?;
        match found {
            Some(blob) => js_bytes_of(blob)
                .await
                .map(|b| Some(StoredBytes::from_js(b))),
            None => Ok(None),
        }
    }

    async fn put_search_index(
        &self,
        dataset_version: &str,
        format: u32,
        bytes: Vec<u8>,
    ) -> Result<(), StoreError> {
        let key = pair_key(dataset_version, format);
        let blob = blob_of(&bytes)?;
        drop(bytes);
        self.connections
            .run(|db| {
                let (key, blob) = (&key, &blob);
                async move {
                    let tx = write(&db, &[stores::SEARCH_INDEX])?;
                    let store = tx.object_store(stores::SEARCH_INDEX).map_err(idb_error)?;
                    put(&store, blob, key)?;
                    commit(tx).await
                }
            })
            .await
    }

    async fn search_index(
        &self,
        dataset_version: &str,
        format: u32,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let key = pair_key(dataset_version, format);
        let found = self
            .connections
            .run(|db| {
                let key = key.clone();
                async move {
                    let tx = read(&db, &[stores::SEARCH_INDEX])?;
                    let value = get(&tx, stores::SEARCH_INDEX, key).await?;
                    commit(tx).await?;
                    Ok(value)
                }
            })
            .await?;
        match found {
            Some(blob) => bytes_of(blob).await.map(Some),
            None => Ok(None),
        }
    }

    async fn put_favourite(&self, favourite: Favourite) -> Result<(), StoreError> {
        let key = pair_key(&favourite.kind, &favourite.id);
        let record = to_js(&favourite)?;
        self.connections
            .run(|db| {
                let (key, record) = (&key, &record);
                async move {
                    let tx = write(&db, &[stores::FAVOURITES])?;
                    let store = tx.object_store(stores::FAVOURITES).map_err(idb_error)?;
                    put(&store, record, key)?;
                    commit(tx).await
                }
            })
            .await
    }

    async fn remove_favourite(&self, kind: &str, id: &str) -> Result<(), StoreError> {
        let key = pair_key(kind, id);
        self.connections
            .run(|db| {
                let key = key.clone();
                async move { delete(&db, stores::FAVOURITES, key).await }
            })
            .await
    }

    async fn favourites(&self) -> Result<Vec<Favourite>, StoreError> {
        let values = self
            .connections
            .run(|db| async move { get_all(&db, stores::FAVOURITES).await })
            .await?;
        let mut all = values
            .into_iter()
            .map(from_js)
            .collect::<Result<Vec<Favourite>, _>>()?;
        sort_favourites(&mut all);
        Ok(all)
    }

    async fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError> {
        let found = self
            .connections
            .run(|db| async move {
                let tx = read(&db, &[stores::SETTINGS])?;
                let value = get(&tx, stores::SETTINGS, JsValue::from_str(key)).await?;
                commit(tx).await?;
                Ok(value)
            })
            .await?;
        match found {
            Some(value) => Ok(Some(from_js::<SettingRecord>(value)?.value)),
            None => Ok(None),
        }
    }

    async fn put_setting(&self, key: &str, value: serde_json::Value) -> Result<(), StoreError> {
        let record = to_js(&SettingRecord { value })?;
        self.connections
            .run(|db| {
                let record = &record;
                async move {
                    let tx = write(&db, &[stores::SETTINGS])?;
                    let store = tx.object_store(stores::SETTINGS).map_err(idb_error)?;
                    put(&store, record, &JsValue::from_str(key))?;
                    commit(tx).await
                }
            })
            .await
    }

    async fn remove_setting(&self, key: &str) -> Result<(), StoreError> {
        self.connections
            .run(|db| async move { delete(&db, stores::SETTINGS, JsValue::from_str(key)).await })
            .await
    }

    async fn log_update(&self, entry: UpdateLogEntry) -> Result<(), StoreError> {
        let record = to_js(&UpdateLogEntry {
            message: one_line(&entry.message),
            ..entry
        })?;
        self.connections
            .run(|db| {
                let record = &record;
                async move {
                    let tx = write(&db, &[stores::UPDATE_LOG])?;
                    let store = tx.object_store(stores::UPDATE_LOG).map_err(idb_error)?;
                    store.add(record).primitive().map_err(idb_error)?;
                    let count = store.count().primitive().map_err(idb_error)?.await;
                    let surplus =
                        (count.map_err(idb_error)? as usize).saturating_sub(UPDATE_LOG_CAP);
                    if surplus > 0 {
                        // Keys grow with every entry: the first ones are the oldest.
                        let oldest = store
                            .get_all_keys::<JsValue>()
                            .with_limit(surplus as u32)
                            .primitive()
                            .map_err(idb_error)?
                            .await
                            .map_err(idb_error)?;
                        for key in oldest {
                            store
                                .delete(key.map_err(idb_error)?)
                                .primitive()
                                .map_err(idb_error)?;
                        }
                    }
                    commit(tx).await
                }
            })
            .await
    }

    async fn update_log(&self) -> Result<Vec<UpdateLogEntry>, StoreError> {
        let values = self
            .connections
            .run(|db| async move { get_all(&db, stores::UPDATE_LOG).await })
            .await?;
        values.into_iter().rev().map(from_js).collect()
    }
}

/// Everything an install writes, made before its transaction opens.
struct PreparedInstall {
    meta: JsValue,
    raw: Blob,
    compact: Option<Blob>,
    index: Option<(JsValue, Blob)>,
    version: String,
}

impl IdbStore {
    /// The atomic swap: dataset meta, bytes and search index in one
    /// transaction, committed together or not at all.
    async fn install_in(&self, db: &Database, p: &PreparedInstall) -> Result<(), StoreError> {
        let tx = write(
            db,
            &[stores::DATASET, stores::DATASET_BYTES, stores::SEARCH_INDEX],
        )?;
        let dataset = tx.object_store(stores::DATASET).map_err(idb_error)?;
        let bytes = tx.object_store(stores::DATASET_BYTES).map_err(idb_error)?;
        let indexes = tx.object_store(stores::SEARCH_INDEX).map_err(idb_error)?;

        put(&dataset, &p.meta, &JsValue::from_str(CURRENT))?;
        put(&bytes, &p.raw, &JsValue::from_str(RAW))?;
        match &p.compact {
            Some(compact) => put(&bytes, compact, &JsValue::from_str(COMPACT))?,
            None => {
                bytes
                    .delete(JsValue::from_str(COMPACT))
                    .primitive()
                    .map_err(idb_error)?;
            }
        }

        #[cfg(feature = "testsuite")]
        if self.fail_next_install.replace(false) {
            // A real IndexedDB failure after real writes: NaN is no key.
            put(&indexes, &JsValue::NULL, &JsValue::from_f64(f64::NAN))?;
        }

        // Indexes of other versions go: keys below [version] and from
        // [version, []] on (an array sorts after every number).
        let below: Array = Array::of1(&JsValue::from_str(&p.version));
        let above: Array = Array::of2(&JsValue::from_str(&p.version), &Array::new());
        indexes.delete(..below).primitive().map_err(idb_error)?;
        indexes.delete(above..).primitive().map_err(idb_error)?;
        if let Some((key, blob)) = &p.index {
            put(&indexes, blob, key)?;
        }
        commit(tx).await
    }
}

#[cfg(feature = "testsuite")]
impl crate::testsuite::FailNextInstall for IdbStore {
    fn fail_next_install(&self) {
        self.fail_next_install.set(true);
    }
}

/// A setting's value, wrapped so that a stored `null` is not "missing".
#[derive(Serialize, Deserialize)]
struct SettingRecord {
    value: serde_json::Value,
}
