//! The one test suite every [`Store`] must pass: natively on
//! [`MemoryStore`](crate::MemoryStore) (`tests/memory.rs`) and in headless
//! Chromium on `IdbStore` (`tests/indexeddb.rs`). Each function takes a
//! fresh, empty store and panics on the first broken promise.

use serde_json::json;

use crate::{
    Favourite, NewDataset, NewIndex, Store, StoreError, UpdateLogEntry, UpdateOutcome,
    UPDATE_LOG_CAP,
};

/// Makes the next install fail after it has started writing, so that a test
/// can see it leave nothing behind.
pub trait FailNextInstall {
    fn fail_next_install(&self);
}

/// A dataset of `size` bytes whose content depends on its version.
pub fn dataset(version: &str, size: usize) -> NewDataset {
    let head = format!(
        "{{\"format\":\"dialognetz-dataset\",\"meta\":{{\"version\":\"{version}\"}},\"pad\":\""
    );
    let mut raw = head.into_bytes();
    let mut x: u32 = version
        .bytes()
        .fold(7, |h, b| h.wrapping_mul(31) ^ u32::from(b));
    while raw.len() + 2 < size {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        raw.push(b'a' + (x % 26) as u8);
    }
    raw.extend_from_slice(b"\"}");
    NewDataset {
        id: "dialognetz-sample".to_string(),
        version: version.to_string(),
        published_at: "2026-11-30T09:00:00+01:00".to_string(),
        etag: Some(format!("\"etag-{version}\"")),
        fetched_at: 1_764_489_600_000,
        compact: Some(format!("compact {version}").into_bytes()),
        raw,
    }
}

/// A search index whose bytes name its version and format.
pub fn index(version: &str, format: u32) -> NewIndex {
    NewIndex {
        format,
        bytes: format!("index of {version} in format {format}").into_bytes(),
    }
}

pub fn favourite(kind: &str, id: &str, added_at: u64, title: Option<&str>) -> Favourite {
    Favourite {
        kind: kind.to_string(),
        id: id.to_string(),
        added_at,
        title: title.map(str::to_string),
    }
}

pub async fn empty_store_has_nothing<S: Store>(s: &S) {
    assert_eq!(s.current_dataset().await, Ok(None));
    assert_eq!(s.dataset_bytes().await, Ok(None));
    assert_eq!(compact_of(s).await, Ok(None));
    assert_eq!(s.search_index("1", 3).await, Ok(None));
    assert_eq!(s.favourites().await, Ok(vec![]));
    assert_eq!(s.setting("language").await, Ok(None));
    assert_eq!(s.update_log().await, Ok(vec![]));
}

pub async fn installs_and_reads_back_a_dataset<S: Store>(s: &S) {
    let new = dataset("2026-11-30", 300_000);
    let expected = new.meta();
    let meta = s
        .install_dataset(new.clone(), Some(index("2026-11-30", 3)))
        .await
        .expect("installs");
    assert_eq!(meta, expected);
    assert_eq!(meta.size, 300_000);
    assert_eq!(meta.sha256.len(), 64);
    assert_eq!(
        meta.compact_size,
        Some(new.compact.as_ref().map_or(0, Vec::len) as u64)
    );

    assert_eq!(s.current_dataset().await, Ok(Some(expected)));
    assert_eq!(s.dataset_bytes().await, Ok(Some(new.raw)));
    assert_eq!(compact_of(s).await, Ok(new.compact));
    assert_eq!(
        s.search_index("2026-11-30", 3).await,
        Ok(Some(index("2026-11-30", 3).bytes))
    );
    assert_eq!(
        s.search_index("2026-11-30", 4).await,
        Ok(None),
        "other format"
    );
    assert_eq!(
        s.search_index("2026-11-29", 3).await,
        Ok(None),
        "other version"
    );
}

pub async fn install_replaces_the_dataset_and_its_indexes_but_not_the_rest<S: Store>(s: &S) {
    s.install_dataset(dataset("v1", 5_000), Some(index("v1", 3)))
        .await
        .expect("installs v1");
    s.put_search_index("v1", 4, index("v1", 4).bytes)
        .await
        .expect("saves a second index");
    let fav = favourite("organization", "kosizu", 10, Some("KoSiZu"));
    s.put_favourite(fav.clone()).await.expect("saves favourite");
    s.put_setting("language", json!("en"))
        .await
        .expect("saves setting");

    let v2 = NewDataset {
        compact: None,
        ..dataset("v2", 7_000)
    };
    s.install_dataset(v2.clone(), Some(index("v2", 3)))
        .await
        .expect("installs v2");

    assert_eq!(s.current_dataset().await, Ok(Some(v2.meta())));
    assert_eq!(s.dataset_bytes().await, Ok(Some(v2.raw)));
    assert_eq!(compact_of(s).await, Ok(None), "v2 has no compact form");
    assert_eq!(
        s.search_index("v2", 3).await,
        Ok(Some(index("v2", 3).bytes))
    );
    assert_eq!(s.search_index("v1", 3).await, Ok(None), "old index removed");
    assert_eq!(s.search_index("v1", 4).await, Ok(None), "old index removed");
    assert_eq!(s.favourites().await, Ok(vec![fav]));
    assert_eq!(s.setting("language").await, Ok(Some(json!("en"))));

    // Without an index, the dataset's old indexes still go.
    s.install_dataset(dataset("v3", 100), None)
        .await
        .expect("installs v3");
    assert_eq!(s.search_index("v2", 3).await, Ok(None));
}

pub async fn a_failed_install_leaves_the_old_dataset_current<S: Store + FailNextInstall>(s: &S) {
    let v1 = dataset("v1", 50_000);
    s.install_dataset(v1.clone(), Some(index("v1", 3)))
        .await
        .expect("installs v1");
    let fav = favourite("forum", "dresden", 5, Some("Sicherheitsdialog Dresden"));
    s.put_favourite(fav.clone()).await.expect("saves favourite");

    s.fail_next_install();
    let failed = s
        .install_dataset(dataset("v2", 60_000), Some(index("v2", 3)))
        .await;
    assert!(failed.is_err(), "the install was made to fail: {failed:?}");

    assert_eq!(s.current_dataset().await, Ok(Some(v1.meta())));
    assert_eq!(s.dataset_bytes().await, Ok(Some(v1.raw.clone())));
    assert_eq!(compact_of(s).await, Ok(v1.compact.clone()));
    assert_eq!(
        s.search_index("v1", 3).await,
        Ok(Some(index("v1", 3).bytes))
    );
    assert_eq!(
        s.search_index("v2", 3).await,
        Ok(None),
        "nothing of v2 stayed"
    );
    assert_eq!(s.favourites().await, Ok(vec![fav]));

    // The failure was the injected one: the same install works next time.
    let v2 = dataset("v2", 60_000);
    s.install_dataset(v2.clone(), Some(index("v2", 3)))
        .await
        .expect("installs v2");
    assert_eq!(s.current_dataset().await, Ok(Some(v2.meta())));
}

pub async fn favourites_are_replaced_removed_and_listed_newest_first<S: Store>(s: &S) {
    let kosizu = favourite("organization", "kosizu", 100, Some("KoSiZu"));
    let kora = favourite("organization", "kora", 300, Some("KORA"));
    let forum = favourite("forum", "dresden", 200, None);
    // An id with the characters an older key format split on.
    let odd = favourite("contact", "a/b:c ä", 200, Some("Ansprechperson"));
    for f in [&kosizu, &kora, &forum, &odd] {
        s.put_favourite(f.clone()).await.expect("saves favourite");
    }
    assert_eq!(
        s.favourites().await,
        Ok(vec![
            kora.clone(),
            odd.clone(),
            forum.clone(),
            kosizu.clone()
        ]),
        "newest first, then kind and id"
    );

    // Saving the same entry again replaces it (the title snapshot is renewed).
    let renamed = favourite("organization", "kosizu", 400, Some("KoSiZu (BAMF)"));
    s.put_favourite(renamed.clone()).await.expect("replaces");
    let all = s.favourites().await.expect("lists");
    assert_eq!(all.len(), 4);
    assert_eq!(all[0], renamed);

    // Same id, other kind: a different favourite.
    let event = favourite("event", "kosizu", 1, Some("Fachtag"));
    s.put_favourite(event.clone()).await.expect("saves");
    assert_eq!(s.favourites().await.expect("lists").len(), 5);

    s.remove_favourite("organization", "kosizu")
        .await
        .expect("removes");
    s.remove_favourite("organization", "not-there")
        .await
        .expect("removing a missing favourite is fine");
    assert_eq!(
        s.favourites().await,
        Ok(vec![kora, odd, forum, event]),
        "only the organisation kosizu went"
    );
}

pub async fn settings_hold_json_values<S: Store>(s: &S) {
    s.put_setting("language", json!("de")).await.expect("saves");
    let filters = json!({"state": ["SN", "SH"], "radius_km": 20, "open": true, "note": null});
    s.put_setting("filters", filters.clone())
        .await
        .expect("saves");
    s.put_setting("nothing", serde_json::Value::Null)
        .await
        .expect("saves null");

    assert_eq!(s.setting("language").await, Ok(Some(json!("de"))));
    assert_eq!(s.setting("filters").await, Ok(Some(filters)));
    assert_eq!(
        s.setting("nothing").await,
        Ok(Some(serde_json::Value::Null)),
        "a stored null is not a missing setting"
    );
    assert_eq!(s.setting("missing").await, Ok(None));

    s.put_setting("language", json!("en"))
        .await
        .expect("overwrites");
    assert_eq!(s.setting("language").await, Ok(Some(json!("en"))));
    s.remove_setting("language").await.expect("removes");
    assert_eq!(s.setting("language").await, Ok(None));
}

pub async fn the_update_log_keeps_the_last_entries_newest_first<S: Store>(s: &S) {
    let total = UPDATE_LOG_CAP as u64 + 12;
    for at in 0..total {
        let outcome = if at % 3 == 0 {
            UpdateOutcome::Failed
        } else {
            UpdateOutcome::UpToDate
        };
        let entry = UpdateLogEntry {
            at,
            outcome,
            message: format!("attempt {at}\n  HTTP 503"),
        };
        s.log_update(entry).await.expect("logs");
    }
    let log = s.update_log().await.expect("reads log");
    assert_eq!(log.len(), UPDATE_LOG_CAP);
    assert_eq!(log[0].at, total - 1, "newest first");
    assert_eq!(log[UPDATE_LOG_CAP - 1].at, total - UPDATE_LOG_CAP as u64);
    assert_eq!(log[0].message, format!("attempt {} HTTP 503", total - 1));
    assert_eq!(log[0].outcome, UpdateOutcome::UpToDate);
    assert_eq!(log[1].outcome, UpdateOutcome::Failed);
}

pub async fn search_indexes_are_keyed_by_version_and_format<S: Store>(s: &S) {
    s.put_search_index("v1", 3, b"three".to_vec())
        .await
        .expect("saves");
    s.put_search_index("v1", 4, b"four".to_vec())
        .await
        .expect("saves");
    s.put_search_index("v10", 3, b"ten".to_vec())
        .await
        .expect("saves");
    assert_eq!(s.search_index("v1", 3).await, Ok(Some(b"three".to_vec())));
    assert_eq!(s.search_index("v1", 4).await, Ok(Some(b"four".to_vec())));
    assert_eq!(s.search_index("v10", 3).await, Ok(Some(b"ten".to_vec())));
    s.put_search_index("v1", 3, b"rebuilt".to_vec())
        .await
        .expect("overwrites");
    assert_eq!(s.search_index("v1", 3).await, Ok(Some(b"rebuilt".to_vec())));
}

/// For stores whose bytes can be damaged from outside: the damage is
/// reported, not handed on.
/// The compact form is read in parts (its directory, then a record at a
/// time): ranges and tails of what the store hands out hold the same bytes
/// as the whole, and nothing outside it.
pub async fn the_compact_form_reads_in_parts<S: Store>(s: &S) {
    let mut new = dataset("v1", 1000);
    new.compact = Some(b"directory|record one|record two".to_vec());
    s.install_dataset(new, None).await.expect("installs");
    let bytes = s
        .dataset_compact()
        .await
        .expect("reads")
        .expect("has a compact form");
    assert_eq!(bytes.len(), 31);
    assert_eq!(bytes.read(0..9).as_deref(), Some(&b"directory"[..]));
    assert_eq!(bytes.read(30..32), None, "past the end");
    let records = bytes.tail(10).expect("inside");
    assert_eq!(records.len(), 21);
    assert_eq!(records.read(11..21).as_deref(), Some(&b"record two"[..]));
    assert_eq!(records.read(0..22), None, "past the tail's end");
    assert_eq!(records.to_vec(), b"record one|record two");
    assert!(bytes.tail(32).is_none());
}

/// The compact form's bytes, copied out of wherever the store keeps them.
pub async fn compact_of<S: Store>(s: &S) -> Result<Option<Vec<u8>>, StoreError> {
    s.dataset_compact()
        .await
        .map(|bytes| bytes.map(|b| b.to_vec()))
}

pub fn assert_corrupt<T: std::fmt::Debug>(result: Result<T, StoreError>) {
    assert!(
        matches!(result, Err(StoreError::Corrupt(_))),
        "expected Corrupt, got {result:?}"
    );
}
