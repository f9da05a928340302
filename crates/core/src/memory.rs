//! Making room for a large job at once.
//!
//! WebAssembly memory grows in steps, as the allocator asks for them, and
//! every step can make the JavaScript engine collect its garbage: with a
//! large JavaScript heap beside the module (a page or a benchmark holding
//! 150,000 objects), validating and indexing 100,000 organisations took
//! 75 s instead of 4 s in Node, nearly all of it in those collections.
//! Allocating the expected peak once, and freeing it, grows the memory in
//! one step; the allocator keeps the freed block and hands it out again.

/// How much memory validating and indexing a dataset needs at its peak,
/// per byte of the dataset's JSON (measured at 100,000 organisations: about
/// six, the JSON's own copy included).
const PEAK_PER_DATASET_BYTE: usize = 5;
/// Never more than this at once.
const MOST: usize = 1 << 30;

/// Grows the module's memory once to what working on a dataset of
/// `dataset_len` bytes will need, instead of in many small steps. Does
/// nothing outside WebAssembly (native allocators return memory anyway).
pub fn reserve_for_dataset(dataset_len: usize) {
    if cfg!(target_arch = "wasm32") {
        let want = dataset_len.saturating_mul(PEAK_PER_DATASET_BYTE).min(MOST);
        // Allocated and freed at once: only the growth is wanted. A failed
        // reservation is no error; the work then grows memory as before.
        let mut block: Vec<u8> = Vec::new();
        if block.try_reserve_exact(want).is_ok() {
            // Touch nothing: the pages are the browser's zeroed memory.
            drop(block);
        }
    }
}
