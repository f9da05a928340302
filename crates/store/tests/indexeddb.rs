//! The shared suite on IndexedDB in headless Chromium, and what only
//! IndexedDB has: persistence across connections, the v1 → v2 migration,
//! other tabs (blocked, versionchange), lost connections, damaged bytes
//! and the storage manager. (The fallback to memory is in `fallback.rs`.)
//!
//! Each test uses a database of its own name and deletes it at the end.

#![cfg(target_arch = "wasm32")]

use dialognetz_store::idb::{open_v1, stores, SchemaVersion};
use dialognetz_store::testsuite::{self as suite, dataset, favourite, index};
use dialognetz_store::{
    request_persistence, storage_estimate, IdbStore, Store, StoreError, StoreKind,
};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Object, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test (or earlier run) uses.
fn unique_name(test: &str) -> String {
    format!(
        "dialognetz-test-{test}-{}-{}",
        js_sys::Date::now(),
        (js_sys::Math::random() * 1e9) as u64
    )
}

async fn delete(name: &str) {
    IdbStore::delete(name).await.expect("deletes the database");
}

/// The database as it is, without upgrading it.
async fn open_raw(name: &str) -> Database {
    Database::open(name)
        .await
        .expect("opens the database as it is")
}

fn store_names(db: &Database) -> Vec<String> {
    db.object_store_names().collect()
}

/// One suite function on a fresh IndexedDB store.
macro_rules! suite_test {
    ($($test:ident),* $(,)?) => {$(
        #[wasm_bindgen_test]
        async fn $test() {
            let name = unique_name(stringify!($test));
            let store = IdbStore::open(&name).await.expect("opens");
            assert_eq!(store.kind(), StoreKind::IndexedDb);
            suite::$test(&store).await;
            drop(store);
            delete(&name).await;
        }
    )*};
}

suite_test!(
    empty_store_has_nothing,
    installs_and_reads_back_a_dataset,
    install_replaces_the_dataset_and_its_indexes_but_not_the_rest,
    a_failed_install_leaves_the_old_dataset_current,
    favourites_are_replaced_removed_and_listed_newest_first,
    settings_hold_json_values,
    the_update_log_keeps_the_last_entries_newest_first,
    search_indexes_are_keyed_by_version_and_format,
    the_compact_form_reads_in_parts,
);

#[wasm_bindgen_test]
async fn everything_is_still_there_after_reopening() {
    let name = unique_name("reopening");
    let big = dataset("big", 16 * 1024 * 1024);
    {
        let store = IdbStore::open(&name).await.expect("opens");
        store
            .install_dataset(big.clone(), Some(index("big", 3)))
            .await
            .expect("installs 16 MiB");
        store
            .put_favourite(favourite("organization", "kora", 1, Some("KORA")))
            .await
            .expect("saves");
        store
            .put_setting("language", serde_json::json!("en"))
            .await
            .expect("saves");
    }
    let store = IdbStore::open(&name).await.expect("opens again");
    assert_eq!(store.current_dataset().await, Ok(Some(big.meta())));
    assert_eq!(store.dataset_bytes().await, Ok(Some(big.raw)));
    assert_eq!(
        store.search_index("big", 3).await,
        Ok(Some(index("big", 3).bytes))
    );
    assert_eq!(store.favourites().await.expect("lists").len(), 1);
    assert_eq!(
        store.setting("language").await,
        Ok(Some(serde_json::json!("en")))
    );
    drop(store);
    delete(&name).await;
}

/// Writes favourites the way the first offline version did.
async fn write_v1_favourites(db: &Database, favourites: &[(&str, f64)]) {
    let tx = db
        .transaction(stores::V1_FAVORITES)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("starts a transaction");
    let store = tx
        .object_store(stores::V1_FAVORITES)
        .expect("has favorites");
    for (key, added_at) in favourites {
        let value = Object::new();
        Reflect::set(&value, &"added_at".into(), &JsValue::from_f64(*added_at)).expect("sets");
        store
            .put(JsValue::from(value))
            .with_key(key.to_string())
            .without_key_type()
            .primitive()
            .expect("puts");
    }
    tx.commit().await.expect("commits");
}

async fn write_v1_setting(db: &Database, key: &str, value: &str) {
    let tx = db
        .transaction(stores::SETTINGS)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("starts a transaction");
    let store = tx.object_store(stores::SETTINGS).expect("has settings");
    let record = Object::new();
    Reflect::set(&record, &"value".into(), &value.into()).expect("sets");
    store
        .put(JsValue::from(record))
        .with_key(key.to_string())
        .without_key_type()
        .primitive()
        .expect("puts");
    tx.commit().await.expect("commits");
}

#[wasm_bindgen_test]
async fn a_v1_database_is_migrated_keeping_every_favourite() {
    let name = unique_name("migration");
    let v1 = open_v1(&name).await.expect("opens at v1");
    assert_eq!(v1.version(), 1.0);
    write_v1_favourites(
        &v1,
        &[
            ("organization/kosizu", 100.0),
            ("forum/dresden", 300.0),
            // Only the first `/` separates kind and id.
            ("contact/a/b", 200.0),
        ],
    )
    .await;
    write_v1_setting(&v1, "language", "en").await;
    v1.close();

    let store = IdbStore::open(&name).await.expect("opens and migrates");
    assert_eq!(
        store.favourites().await,
        Ok(vec![
            favourite("forum", "dresden", 300, None),
            favourite("contact", "a/b", 200, None),
            favourite("organization", "kosizu", 100, None),
        ])
    );
    assert_eq!(
        store.setting("language").await,
        Ok(Some(serde_json::json!("en")))
    );
    // The migrated favourites behave like new ones.
    store
        .put_favourite(favourite("organization", "kosizu", 400, Some("KoSiZu")))
        .await
        .expect("renews a migrated favourite");
    assert_eq!(store.favourites().await.expect("lists").len(), 3);
    drop(store);

    let db = open_raw(&name).await;
    assert_eq!(db.version(), f64::from(SchemaVersion::CURRENT.number()));
    let names = store_names(&db);
    assert!(
        !names.contains(&stores::V1_FAVORITES.to_string()),
        "{names:?}"
    );
    for store in [
        stores::FAVOURITES,
        stores::SETTINGS,
        stores::DATASET,
        stores::DATASET_BYTES,
        stores::SEARCH_INDEX,
        stores::UPDATE_LOG,
    ] {
        assert!(names.contains(&store.to_string()), "{store} in {names:?}");
    }
    db.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_failed_migration_leaves_the_v1_database_as_it_was() {
    let name = unique_name("failed-migration");
    let v1 = open_v1(&name).await.expect("opens at v1");
    write_v1_favourites(&v1, &[("organization/kosizu", 1.0), ("no-kind", 2.0)]).await;
    v1.close();

    let opened = IdbStore::open(&name).await;
    assert!(
        opened.is_err(),
        "an unreadable v1 favourite stops the upgrade"
    );

    let db = open_raw(&name).await;
    assert_eq!(db.version(), 1.0, "still at v1");
    assert_eq!(
        store_names(&db),
        vec![
            stores::V1_FAVORITES.to_string(),
            stores::SETTINGS.to_string()
        ],
        "no v2 store was committed"
    );
    let tx = db
        .transaction(stores::V1_FAVORITES)
        .build()
        .expect("starts a transaction");
    let count = tx
        .object_store(stores::V1_FAVORITES)
        .expect("has favorites")
        .count()
        .await
        .expect("counts");
    assert_eq!(count, 2, "both v1 favourites are kept");
    drop(tx);
    db.close();
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn an_old_tab_blocks_the_upgrade_until_it_closes() {
    let name = unique_name("blocked");
    // The other tab: the first offline version, which does not close on
    // `versionchange`.
    let old_tab = open_v1(&name).await.expect("opens at v1");
    write_v1_favourites(&old_tab, &[("forum/kiel", 5.0)]).await;

    let blocked = IdbStore::open(&name).await;
    assert!(
        matches!(blocked, Err(StoreError::Blocked)),
        "{:?}",
        blocked.err()
    );
    assert!(StoreError::Blocked
        .user_message()
        .de
        .contains("anderen Tabs von Dialognetz schließen"));

    old_tab.close();
    let store = IdbStore::open(&name)
        .await
        .expect("opens once the old tab closed");
    assert_eq!(
        store.favourites().await,
        Ok(vec![favourite("forum", "kiel", 5, None)])
    );
    drop(store);
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_newer_tab_upgrading_closes_our_connection_and_tells_the_app() {
    let name = unique_name("versionchange");
    let store = IdbStore::open(&name).await.expect("opens");
    store
        .put_favourite(favourite("forum", "kiel", 5, Some("Kiel")))
        .await
        .expect("saves");
    let told = Rc::new(Cell::new(0));
    store.on_version_change({
        let told = told.clone();
        move || told.set(told.get() + 1)
    });

    // A newer app version in another tab opens the database at v3: it is
    // not blocked, because we let go at once.
    let newer = Database::open(&name)
        .with_version(SchemaVersion::CURRENT.number() + 1)
        .with_on_upgrade_needed(|_, _| Ok(()))
        .await
        .expect("the newer tab upgrades without being blocked");

    assert_eq!(told.get(), 1, "the app was told once");
    assert!(store.version_changed());
    assert_eq!(store.favourites().await, Err(StoreError::VersionChanged));
    assert_eq!(
        store.put_setting("language", serde_json::json!("de")).await,
        Err(StoreError::VersionChanged),
        "and we do not reopen the database under the newer tab"
    );
    // Reopening with this code is refused too: the data is newer than us.
    assert_eq!(
        IdbStore::open(&name).await.err(),
        Some(StoreError::VersionChanged)
    );
    newer.close();
    drop(store);
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn a_lost_connection_is_reopened_and_the_operation_retried() {
    let name = unique_name("lost-connection");
    let store = IdbStore::open(&name).await.expect("opens");
    let kiel = favourite("forum", "kiel", 5, Some("Kiel"));
    store.put_favourite(kiel.clone()).await.expect("saves");
    assert_eq!(store.reopen_count(), 0);

    store.close_connection();
    assert_eq!(store.favourites().await, Ok(vec![kiel.clone()]));
    assert_eq!(store.reopen_count(), 1, "the read reopened the connection");

    store.close_connection();
    store
        .install_dataset(dataset("v1", 1_000), None)
        .await
        .expect("a write after a lost connection works too");
    assert_eq!(store.reopen_count(), 2);
    assert_eq!(store.favourites().await, Ok(vec![kiel]));
    drop(store);
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn damaged_dataset_bytes_are_reported_not_returned() {
    let name = unique_name("damaged");
    let store = IdbStore::open(&name).await.expect("opens");
    store
        .install_dataset(dataset("v1", 10_000), None)
        .await
        .expect("installs");

    // Damage the stored bytes from outside (as a disk error or a
    // half-written value would).
    let db = open_raw(&name).await;
    let tx = db
        .transaction(stores::DATASET_BYTES)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .expect("starts a transaction");
    let bytes = tx.object_store(stores::DATASET_BYTES).expect("has bytes");
    let mut damaged = dataset("v1", 10_000).raw;
    damaged[5_000] ^= 1;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(damaged.as_slice()));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).expect("makes a blob");
    bytes
        .put(JsValue::from(blob))
        .with_key("raw".to_string())
        .without_key_type()
        .primitive()
        .expect("puts");
    // A value that is not bytes at all, in place of the compact form.
    bytes
        .put(JsValue::from_str("not bytes"))
        .with_key("compact".to_string())
        .without_key_type()
        .primitive()
        .expect("puts");
    tx.commit().await.expect("commits");
    db.close();

    suite::assert_corrupt(store.dataset_bytes().await);
    suite::assert_corrupt(store.dataset_compact().await);
    assert_eq!(
        store.current_dataset().await.map(|m| m.map(|m| m.version)),
        Ok(Some("v1".to_string())),
        "the meta is still readable"
    );
    drop(store);
    delete(&name).await;
}

#[wasm_bindgen_test]
async fn the_storage_manager_reports_usage_quota_and_persistence() {
    let estimate = storage_estimate().await.expect("estimates");
    let quota = estimate.quota.expect("Chromium reports a quota");
    assert!(quota > 0);
    assert!(estimate.usage.expect("Chromium reports usage") <= quota);

    let granted = request_persistence().await.expect("asks for persistence");
    assert_eq!(
        storage_estimate().await.expect("estimates").persisted,
        granted,
        "persisted() agrees with what persist() answered"
    );
}
