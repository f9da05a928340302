//! The search core for JavaScript: load a dataset (or a saved index),
//! search with a limit, save the index. A thin shim on purpose: everything
//! it does is [`dialognetz_core::search`]; this only moves bytes and strings
//! across the boundary, so measuring it measures the core.
//!
//! ```js
//! const engine = SearchEngine.build(datasetBytes); // validates, then indexes
//! engine.search("revier kiel", 10);                // ids, best first
//! const saved = engine.toBytes();
//! const again = SearchEngine.fromBytes(saved);
//! ```

use dialognetz_core::search::{Query, SearchIndex};
use wasm_bindgen::prelude::*;

/// A search index of one dataset.
#[wasm_bindgen]
pub struct SearchEngine {
    index: SearchIndex,
}

#[wasm_bindgen]
impl SearchEngine {
    /// Validates the dataset's JSON bytes and indexes it; an invalid
    /// dataset is refused with its first problems.
    pub fn build(dataset: &[u8]) -> Result<SearchEngine, JsError> {
        dialognetz_core::memory::reserve_for_dataset(dataset.len());
        match dialognetz_core::validate(dataset) {
            Ok(dataset) => Ok(SearchEngine {
                index: SearchIndex::build(&dataset),
            }),
            Err(problems) => {
                let first: Vec<String> = problems.iter().take(3).map(|p| p.render()).collect();
                Err(JsError::new(&format!(
                    "the dataset is invalid ({} problems): {}",
                    problems.len(),
                    first.join("; ")
                )))
            }
        }
    }

    /// Loads an index saved by [`SearchEngine::to_bytes`], its postings
    /// decoded (as the app has them after its first results), so the
    /// queries after it are timed as a session runs them.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchEngine, JsError> {
        let index = SearchIndex::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        index.decode_postings();
        Ok(SearchEngine { index })
    }

    /// The index as bytes, to store.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.index.to_bytes()
    }

    /// The ids of the best `limit` entries for what was typed.
    pub fn search(&self, query: &str, limit: usize) -> Vec<String> {
        self.index
            .search(&Query::new(query, limit))
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    }

    /// Entries in the index.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True for the index of an empty dataset.
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The module's linear memory in bytes (what the index costs, plus
    /// whatever the allocator keeps).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> f64 {
        module_memory_bytes()
    }
}

/// The module's linear memory in bytes, with or without an engine (the
/// benchmark takes it before loading a saved index, too).
#[wasm_bindgen(js_name = moduleMemoryBytes)]
pub fn module_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size::<0>() * 65536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
