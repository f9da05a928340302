//! The IndexedDB schema, one version at a time.
//!
//! Each [`SchemaVersion`] has one migration that takes the database from the
//! version before it; opening runs every step above the stored version, in
//! order, inside the one upgrade transaction IndexedDB gives
//! `onupgradeneeded`. A step that fails aborts that transaction, so the
//! database stays as it was (nothing half-migrated is ever committed).
//!
//! - **v1**, the first offline version: favourites in `favorites`, keyed
//!   `"kind/id"` (which breaks for ids with a `/`), value `{added_at}`, no
//!   title; settings in `settings`, keyed by name, value `{value}`.
//! - **v2**, the current one: favourites in `favourites`, keyed
//!   `[kind, id]`, with a title snapshot; the dataset (`dataset`: its meta
//!   under `"current"`; `dataset_bytes`: Blobs `"raw"` and `"compact"`), the
//!   saved search index (`search_index`, keyed `[dataset version, format]`,
//!   Blobs) and the update log (`update_log`, auto-incremented keys).
//!   Settings are unchanged.

use indexed_db_futures::database::Database;
use indexed_db_futures::error::Error;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionRef;
use wasm_bindgen::JsValue;

/// Object store names.
pub mod stores {
    /// v1 only: favourites keyed `"kind/id"`.
    pub const V1_FAVORITES: &str = "favorites";
    pub const SETTINGS: &str = "settings";
    pub const FAVOURITES: &str = "favourites";
    pub const DATASET: &str = "dataset";
    pub const DATASET_BYTES: &str = "dataset_bytes";
    pub const SEARCH_INDEX: &str = "search_index";
    pub const UPDATE_LOG: &str = "update_log";
    /// Made and dropped at the start of every upgrade (see [`super::upgrade`]).
    pub(crate) const UPGRADE_SCRATCH: &str = "upgrade_scratch";
}

/// The schema versions, oldest first. The number is IndexedDB's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemaVersion {
    V1 = 1,
    V2 = 2,
}

impl SchemaVersion {
    pub const CURRENT: SchemaVersion = SchemaVersion::V2;
    pub const ALL: [SchemaVersion; 2] = [SchemaVersion::V1, SchemaVersion::V2];

    pub fn number(self) -> u32 {
        self as u32
    }

    /// The step from the version before this one to this one.
    async fn migrate(self, db: &Database, tx: &TransactionRef<'_>) -> Result<(), Error> {
        match self {
            SchemaVersion::V1 => to_v1(db),
            SchemaVersion::V2 => to_v2(db, tx).await,
        }
    }
}

/// Runs, in order, every step above `old_version` up to `target`; on a
/// failure the whole upgrade transaction is aborted.
pub(crate) async fn upgrade(
    db: Database,
    old_version: f64,
    target: SchemaVersion,
) -> Result<(), Error> {
    // IndexedDB hands the upgrade transaction only to the stores made in it:
    // a scratch store gets us the handle before anything else changes.
    let scratch = db.create_object_store(stores::UPGRADE_SCRATCH).build()?;
    let tx = scratch.transaction();
    let result = run_steps(&db, tx, old_version, target).await;
    if result.is_err() {
        // The error being returned says why; this makes sure it is all undone.
        let _ = tx.as_sys().abort();
    }
    result
}

async fn run_steps(
    db: &Database,
    tx: &TransactionRef<'_>,
    old_version: f64,
    target: SchemaVersion,
) -> Result<(), Error> {
    db.delete_object_store(stores::UPGRADE_SCRATCH)?;
    for step in SchemaVersion::ALL {
        if f64::from(step.number()) > old_version && step <= target {
            step.migrate(db, tx).await?;
        }
    }
    Ok(())
}

fn to_v1(db: &Database) -> Result<(), Error> {
    db.create_object_store(stores::V1_FAVORITES).build()?;
    db.create_object_store(stores::SETTINGS).build()?;
    Ok(())
}

/// New stores; favourites move to `[kind, id]` keys (titles unknown).
async fn to_v2(db: &Database, tx: &TransactionRef<'_>) -> Result<(), Error> {
    db.create_object_store(stores::FAVOURITES).build()?;
    db.create_object_store(stores::DATASET).build()?;
    db.create_object_store(stores::DATASET_BYTES).build()?;
    db.create_object_store(stores::SEARCH_INDEX).build()?;
    db.create_object_store(stores::UPDATE_LOG)
        .with_auto_increment(true)
        .build()?;

    let old = tx.object_store(stores::V1_FAVORITES)?;
    let keys: Vec<JsValue> = old
        .get_all_keys::<JsValue>()
        .primitive()?
        .await?
        .collect::<Result<_, _>>()?;
    let values: Vec<JsValue> = old
        .get_all::<JsValue>()
        .primitive()?
        .await?
        .collect::<Result<_, _>>()?;
    let new = tx.object_store(stores::FAVOURITES)?;
    for (key, value) in keys.iter().zip(&values) {
        let (kind, id, record) = v1_favourite_to_v2(key, value)?;
        new.put(record)
            .with_key(super::pair_key(&kind, &id))
            .primitive()?;
    }
    db.delete_object_store(stores::V1_FAVORITES)?;
    Ok(())
}

/// One v1 favourite as a v2 record. A v1 key is `"kind/id"`; kinds never
/// held a `/`, so the first one splits.
fn v1_favourite_to_v2(key: &JsValue, value: &JsValue) -> Result<(String, String, JsValue), Error> {
    let unreadable = || Error::from(JsValue::from_str("a v1 favourite is unreadable"));
    let key = key.as_string().ok_or_else(unreadable)?;
    let (kind, id) = key.split_once('/').ok_or_else(unreadable)?;
    let added_at = js_sys::Reflect::get(value, &JsValue::from_str("added_at"))?
        .as_f64()
        .ok_or_else(unreadable)?;
    let favourite = crate::Favourite {
        kind: kind.to_string(),
        id: id.to_string(),
        added_at: added_at as u64,
        title: None,
    };
    let record =
        super::to_js(&favourite).map_err(|e| Error::from(JsValue::from_str(&e.to_string())))?;
    Ok((favourite.kind, favourite.id, record))
}

/// Opens `name` at schema v1 only, as the first offline version did: for the
/// test that the v1 → v2 migration keeps every favourite.
pub async fn open_v1(name: &str) -> Result<Database, crate::StoreError> {
    Database::open(name)
        .with_version(SchemaVersion::V1.number())
        .with_on_upgrade_needed_fut(|event, db| async move {
            upgrade(db, event.old_version(), SchemaVersion::V1).await
        })
        .await
        .map_err(super::open_error)
}
