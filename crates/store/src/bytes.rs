//! Stored bytes as the store hands them out: in WebAssembly memory, or (from
//! IndexedDB) left in the JavaScript buffer they were read into, so that a
//! large value is copied into the module only in the parts that are used.
//! The app's compact dataset is 54 MB at 100,000 organisations, of which a
//! start reads the tables and the twenty records it shows.

use std::borrow::Cow;
use std::ops::Range;

/// Bytes read from a store.
#[derive(Clone)]
pub struct StoredBytes(Inner);

#[derive(Clone)]
enum Inner {
    Memory(std::sync::Arc<Vec<u8>>, Range<usize>),
    #[cfg(target_arch = "wasm32")]
    Js(js_sys::Uint8Array),
}

impl StoredBytes {
    pub fn len(&self) -> usize {
        match &self.0 {
            Inner::Memory(_, range) => range.len(),
            #[cfg(target_arch = "wasm32")]
            Inner::Js(array) => array.length() as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes at `range`; `None` when it is not inside them.
    pub fn read(&self, range: Range<usize>) -> Option<Cow<'_, [u8]>> {
        if range.start > range.end || range.end > self.len() {
            return None;
        }
        match &self.0 {
            Inner::Memory(bytes, own) => bytes
                .get(own.start + range.start..own.start + range.end)
                .map(Cow::Borrowed),
            #[cfg(target_arch = "wasm32")]
            Inner::Js(array) => Some(Cow::Owned(
                array
                    .subarray(range.start as u32, range.end as u32)
                    .to_vec(),
            )),
        }
    }

    /// The bytes from `start` on, sharing the buffer (no copy); `None`
    /// past the end.
    pub fn tail(&self, start: usize) -> Option<StoredBytes> {
        if start > self.len() {
            return None;
        }
        Some(StoredBytes(match &self.0 {
            Inner::Memory(bytes, own) => Inner::Memory(bytes.clone(), own.start + start..own.end),
            #[cfg(target_arch = "wasm32")]
            Inner::Js(array) => Inner::Js(array.subarray(start as u32, array.length())),
        }))
    }

    /// All of it, copied into a `Vec`.
    pub fn to_vec(&self) -> Vec<u8> {
        self.read(0..self.len())
            .map(Cow::into_owned)
            .unwrap_or_default()
    }

    #[cfg(target_arch = "wasm32")]
    pub(crate) fn from_js(array: js_sys::Uint8Array) -> StoredBytes {
        StoredBytes(Inner::Js(array))
    }
}

impl From<Vec<u8>> for StoredBytes {
    fn from(bytes: Vec<u8>) -> StoredBytes {
        let range = 0..bytes.len();
        StoredBytes(Inner::Memory(std::sync::Arc::new(bytes), range))
    }
}

/// Equal when the bytes are, wherever they are kept.
impl PartialEq for StoredBytes {
    fn eq(&self, other: &StoredBytes) -> bool {
        self.len() == other.len() && self.to_vec() == other.to_vec()
    }
}

impl std::fmt::Debug for StoredBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StoredBytes({} bytes)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ranges_and_tails_inside_the_bytes_only() {
        let bytes = StoredBytes::from(b"header|records".to_vec());
        assert_eq!(bytes.len(), 14);
        assert_eq!(bytes.read(0..6).as_deref(), Some(&b"header"[..]));
        assert_eq!(bytes.read(10..15), None);
        assert_eq!(bytes.read(Range { start: 10, end: 9 }), None, "backwards");
        let records = bytes.tail(7).expect("inside");
        assert_eq!(records.to_vec(), b"records");
        assert_eq!(records.read(1..3).as_deref(), Some(&b"ec"[..]));
        assert_eq!(records.read(0..8), None, "not past the tail's end");
        assert!(bytes.tail(15).is_none());
        assert_eq!(records, StoredBytes::from(b"records".to_vec()));
    }
}
