//! Without IndexedDB, `open_best` falls back to memory and says why.
//!
//! A test binary of its own: it hides `indexedDB` from the whole page for a
//! moment, and the tests in one binary run interleaved.

#![cfg(target_arch = "wasm32")]

use dialognetz_store::testsuite as suite;
use dialognetz_store::{open_best, IdbStore, Store, StoreError, StoreKind};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn without_indexeddb_open_best_falls_back_to_memory_and_says_why() {
    let name = format!("dialognetz-test-fallback-{}", js_sys::Date::now());
    // `indexedDB` is an own property of the window (a global's attributes
    // live on the object itself): keep it to put it back.
    let global: Object = js_sys::global();
    let original = Object::get_own_property_descriptor(&global, &"indexedDB".into());
    assert!(!original.is_undefined(), "the page has indexedDB to hide");
    let hide = Object::new();
    Reflect::set(&hide, &"value".into(), &JsValue::UNDEFINED).expect("sets");
    Reflect::set(&hide, &"configurable".into(), &JsValue::TRUE).expect("sets");
    Object::define_property(&global, &"indexedDB".into(), &hide);

    let (store, reason) = open_best(&name).await;
    Object::define_property(&global, &"indexedDB".into(), &original.into());

    assert_eq!(store.kind(), StoreKind::Memory);
    assert!(
        matches!(reason, Some(StoreError::Unavailable(_))),
        "{reason:?}"
    );
    suite::favourites_are_replaced_removed_and_listed_newest_first(&store).await;

    let (store, reason) = open_best(&name).await;
    assert_eq!(reason, None);
    assert_eq!(store.kind(), StoreKind::IndexedDb);
    drop(store);
    IdbStore::delete(&name).await.expect("deletes the database");
}
