//! Between Rust values and IndexedDB's: keys, records, Blobs, requests and
//! errors.
//!
//! Small records are plain JS objects made with serde. Large bytes are
//! Blobs: Chromium compresses and copies ordinary values but keeps a Blob
//! as a file, so tens of megabytes write and read cheaply, and a record
//! holding a Blob reads without touching its bytes.

use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error, UnexpectedDataError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use js_sys::{Array, Uint8Array};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

use crate::StoreError;

/// `[a, b]`, the key of favourites and search indexes.
pub(super) fn pair_key(a: &str, b: impl Into<JsValue>) -> JsValue {
    Array::of2(&JsValue::from_str(a), &b.into()).into()
}

pub(super) fn read<'a>(db: &'a Database, names: &[&str]) -> Result<Transaction<'a>, StoreError> {
    transaction(db, names, TransactionMode::Readonly)
}

pub(super) fn write<'a>(db: &'a Database, names: &[&str]) -> Result<Transaction<'a>, StoreError> {
    transaction(db, names, TransactionMode::Readwrite)
}

fn transaction<'a>(
    db: &'a Database,
    names: &[&str],
    mode: TransactionMode,
) -> Result<Transaction<'a>, StoreError> {
    db.transaction(names.to_vec())
        .with_mode(mode)
        .build()
        .map_err(idb_error)
}

/// Commits; a transaction the browser aborted reports why (e.g. the quota).
pub(super) async fn commit(tx: Transaction<'_>) -> Result<(), StoreError> {
    let raw: web_sys::IdbTransaction = tx.as_sys().clone().unchecked_into();
    match tx.commit().await {
        Ok(()) => Ok(()),
        Err(Error::MissingData(UnexpectedDataError::TransactionAborted)) => match raw.error() {
            Some(reason) => Err(dom_error(&reason)),
            None => Err(StoreError::Other("the transaction was aborted".to_string())),
        },
        Err(e) => Err(idb_error(e)),
    }
}

pub(super) async fn get(
    tx: &Transaction<'_>,
    store: &str,
    key: JsValue,
) -> Result<Option<JsValue>, StoreError> {
    let store = tx.object_store(store).map_err(idb_error)?;
    store
        .get::<JsValue, _, _>(key)
        .primitive()
        .map_err(idb_error)?
        .await
        .map_err(idb_error)
}

pub(super) async fn get_all(db: &Database, store: &str) -> Result<Vec<JsValue>, StoreError> {
    let tx = read(db, &[store])?;
    let values = tx
        .object_store(store)
        .map_err(idb_error)?
        .get_all::<JsValue>()
        .primitive()
        .map_err(idb_error)?
        .await
        .map_err(idb_error)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(idb_error)?;
    commit(tx).await?;
    Ok(values)
}

pub(super) fn put(
    store: &ObjectStore<'_>,
    value: &JsValue,
    key: &JsValue,
) -> Result<(), StoreError> {
    store
        .put(value)
        .with_key(key)
        .without_key_type()
        .primitive()
        .map_err(idb_error)?;
    Ok(())
}

pub(super) async fn delete(db: &Database, store: &str, key: JsValue) -> Result<(), StoreError> {
    let tx = write(db, &[store])?;
    tx.object_store(store)
        .map_err(idb_error)?
        .delete(key)
        .primitive()
        .map_err(idb_error)?;
    commit(tx).await
}

pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StoreError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| StoreError::Other(format!("cannot store a value: {e}")))
}

pub(super) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, StoreError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A Blob holding a copy of `bytes`.
pub(super) fn blob_of(bytes: &[u8]) -> Result<Blob, StoreError> {
    let parts = Array::new();
    // SAFETY: the view into WebAssembly memory is only read by `Blob::new`,
    // which copies it before any Rust code can allocate (and so move the
    // memory); it does not outlive this function.
    let view = unsafe { Uint8Array::view(bytes) };
    parts.push(&view);
    Blob::new_with_u8_array_sequence(&parts).map_err(|e| js_error(&e))
}

/// The bytes of a stored Blob (read after its transaction has ended).
pub(super) async fn bytes_of(value: JsValue) -> Result<Vec<u8>, StoreError> {
    Ok(js_bytes_of(value).await?.to_vec())
}

/// A stored Blob's bytes, read but left in JavaScript memory.
pub(super) async fn js_bytes_of(value: JsValue) -> Result<Uint8Array, StoreError> {
    let blob: Blob = value
        .dyn_into()
        .map_err(|_| StoreError::Corrupt("a stored value is not bytes".to_string()))?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| js_error(&e))?;
    Ok(Uint8Array::new(&buffer))
}

pub(super) fn dom_error(e: &web_sys::DomException) -> StoreError {
    StoreError::from_dom_exception(&e.name(), &e.message())
}

pub(super) fn js_error(e: &JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(dom) => dom_error(dom),
        None => StoreError::Other(format!("{e:?}")),
    }
}

pub(super) fn idb_error(e: Error) -> StoreError {
    match e {
        Error::DomException(dom) => dom_error(&dom.into()),
        Error::Serialisation(e) => StoreError::Corrupt(e.to_string()),
        Error::MissingData(e) => StoreError::Other(e.to_string()),
        Error::Unknown(e) => StoreError::Other(e.to_string()),
    }
}
