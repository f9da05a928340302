//! The store in memory: natively for tests and tools, and in the browser
//! when IndexedDB is unavailable (then everything is gone with the page).

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use crate::{
    one_line, sort_favourites, verify, DatasetMeta, Favourite, NewDataset, NewIndex, Store,
    StoreError, StoreKind, StoredBytes, UpdateLogEntry, UPDATE_LOG_CAP,
};

/// An in-memory [`Store`]. Clones share the same data.
#[derive(Clone, Default)]
pub struct MemoryStore {
    state: Rc<RefCell<State>>,
    #[cfg(feature = "testsuite")]
    fail_next_install: Rc<std::cell::Cell<bool>>,
}

#[derive(Default)]
struct State {
    dataset: Option<Installed>,
    /// (dataset version, index format) → bytes.
    indexes: BTreeMap<(String, u32), Vec<u8>>,
    /// (kind, id) → favourite.
    favourites: BTreeMap<(String, String), Favourite>,
    settings: BTreeMap<String, serde_json::Value>,
    log: VecDeque<UpdateLogEntry>,
}

struct Installed {
    meta: DatasetMeta,
    raw: Vec<u8>,
    compact: Option<Vec<u8>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl Store for MemoryStore {
    fn kind(&self) -> StoreKind {
        StoreKind::Memory
    }

    async fn install_dataset(
        &self,
        dataset: NewDataset,
        index: Option<NewIndex>,
    ) -> Result<DatasetMeta, StoreError> {
        let meta = dataset.meta();
        #[cfg(feature = "testsuite")]
        if self.fail_next_install.replace(false) {
            return Err(StoreError::Other("install failed on purpose".to_string()));
        }
        // Nothing below can fail: the swap is all or nothing.
        let mut state = self.state.borrow_mut();
        state
            .indexes
            .retain(|(version, _), _| *version == meta.version);
        if let Some(index) = index {
            state
                .indexes
                .insert((meta.version.clone(), index.format), index.bytes);
        }
        state.dataset = Some(Installed {
            meta: meta.clone(),
            raw: dataset.raw,
            compact: dataset.compact,
        });
        Ok(meta)
    }

    async fn current_dataset(&self) -> Result<Option<DatasetMeta>, StoreError> {
        Ok(self.state.borrow().dataset.as_ref().map(|d| d.meta.clone()))
    }

    async fn dataset_bytes(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let state = self.state.borrow();
        match &state.dataset {
            Some(d) => verify(&d.meta, d.raw.clone()).map(Some),
            None => Ok(None),
        }
    }

    async fn dataset_compact(&self) -> Result<Option<StoredBytes>, StoreError> {
        let state = self.state.borrow();
        Ok(state
            .dataset
            .as_ref()
            .and_then(|d| d.compact.clone())
            .map(StoredBytes::from))
    }

    async fn put_search_index(
        &self,
        dataset_version: &str,
        format: u32,
        bytes: Vec<u8>,
    ) -> Result<(), StoreError> {
        self.state
            .borrow_mut()
            .indexes
            .insert((dataset_version.to_string(), format), bytes);
        Ok(())
    }

    async fn search_index(
        &self,
        dataset_version: &str,
        format: u32,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let key = (dataset_version.to_string(), format);
        Ok(self.state.borrow().indexes.get(&key).cloned())
    }

    async fn put_favourite(&self, favourite: Favourite) -> Result<(), StoreError> {
        let key = (favourite.kind.clone(), favourite.id.clone());
        self.state.borrow_mut().favourites.insert(key, favourite);
        Ok(())
    }

    async fn remove_favourite(&self, kind: &str, id: &str) -> Result<(), StoreError> {
        let key = (kind.to_string(), id.to_string());
        self.state.borrow_mut().favourites.remove(&key);
        Ok(())
    }

    async fn favourites(&self) -> Result<Vec<Favourite>, StoreError> {
        let mut all: Vec<Favourite> = self.state.borrow().favourites.values().cloned().collect();
        sort_favourites(&mut all);
        Ok(all)
    }

    async fn setting(&self, key: &str) -> Result<Option<serde_json::Value>, StoreError> {
        Ok(self.state.borrow().settings.get(key).cloned())
    }

    async fn put_setting(&self, key: &str, value: serde_json::Value) -> Result<(), StoreError> {
        self.state
            .borrow_mut()
            .settings
            .insert(key.to_string(), value);
        Ok(())
    }

    async fn remove_setting(&self, key: &str) -> Result<(), StoreError> {
        self.state.borrow_mut().settings.remove(key);
        Ok(())
    }

    async fn log_update(&self, entry: UpdateLogEntry) -> Result<(), StoreError> {
        let entry = UpdateLogEntry {
            message: one_line(&entry.message),
            ..entry
        };
        let mut state = self.state.borrow_mut();
        state.log.push_back(entry);
        while state.log.len() > UPDATE_LOG_CAP {
            state.log.pop_front();
        }
        Ok(())
    }

    async fn update_log(&self) -> Result<Vec<UpdateLogEntry>, StoreError> {
        Ok(self.state.borrow().log.iter().rev().cloned().collect())
    }
}

#[cfg(feature = "testsuite")]
impl crate::testsuite::FailNextInstall for MemoryStore {
    fn fail_next_install(&self) {
        self.fail_next_install.set(true);
    }
}
