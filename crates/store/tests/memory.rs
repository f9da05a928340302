//! The shared suite on the in-memory store, natively.

#![cfg(not(target_arch = "wasm32"))]

use dialognetz_store::testsuite as suite;
use dialognetz_store::{AnyStore, MemoryStore, Store, StoreKind};
use futures_executor::block_on;

#[test]
fn empty_store_has_nothing() {
    block_on(suite::empty_store_has_nothing(&MemoryStore::new()));
}

#[test]
fn installs_and_reads_back_a_dataset() {
    block_on(suite::installs_and_reads_back_a_dataset(&MemoryStore::new()));
}

#[test]
fn install_replaces_the_dataset_and_its_indexes_but_not_the_rest() {
    block_on(
        suite::install_replaces_the_dataset_and_its_indexes_but_not_the_rest(&MemoryStore::new()),
    );
}

#[test]
fn a_failed_install_leaves_the_old_dataset_current() {
    block_on(suite::a_failed_install_leaves_the_old_dataset_current(
        &MemoryStore::new(),
    ));
}

#[test]
fn favourites_are_replaced_removed_and_listed_newest_first() {
    block_on(suite::favourites_are_replaced_removed_and_listed_newest_first(&MemoryStore::new()));
}

#[test]
fn settings_hold_json_values() {
    block_on(suite::settings_hold_json_values(&MemoryStore::new()));
}

#[test]
fn the_update_log_keeps_the_last_entries_newest_first() {
    block_on(suite::the_update_log_keeps_the_last_entries_newest_first(
        &MemoryStore::new(),
    ));
}

#[test]
fn search_indexes_are_keyed_by_version_and_format() {
    block_on(suite::search_indexes_are_keyed_by_version_and_format(
        &MemoryStore::new(),
    ));
}

#[test]
fn any_store_passes_the_suite_through_to_memory() {
    let store = AnyStore::Memory(MemoryStore::new());
    assert_eq!(store.kind(), StoreKind::Memory);
    block_on(suite::favourites_are_replaced_removed_and_listed_newest_first(&store));
    block_on(suite::installs_and_reads_back_a_dataset(&store));
}

#[test]
fn clones_of_a_memory_store_share_their_data() {
    let a = MemoryStore::new();
    let b = a.clone();
    block_on(a.put_favourite(suite::favourite("forum", "kiel", 1, Some("Kiel")))).expect("saves");
    assert_eq!(block_on(b.favourites()).expect("lists").len(), 1);
}

#[test]
fn the_compact_form_reads_in_parts() {
    block_on(suite::the_compact_form_reads_in_parts(&MemoryStore::new()));
}
