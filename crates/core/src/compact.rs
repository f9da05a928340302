//! The dataset in the app's own compact form, for a returning user's start.
//!
//! A dataset is validated once, when it is installed; after that the app
//! starts from this form instead of the published JSON, so a cold start
//! neither parses JSON nor checks the rules again. The form is MessagePack
//! (`rmp-serde`, fields by name, so the model's optional and untagged
//! fields keep their meaning) behind a header: the magic `DLGNDS\0\0`, the
//! format version (`u32`, little-endian) and a CRC-32 of the body, so that
//! damaged storage is noticed before the decoder is trusted with it. Any
//! refusal has one cure: start from the verified JSON bytes kept beside it.

use crate::model::Dataset;

const MAGIC: &[u8; 8] = b"DLGNDS\0\0";
/// Raised whenever the encoding of the model changes.
pub const COMPACT_FORMAT_VERSION: u32 = 1;
const HEADER: usize = 16;

/// Why compact bytes could not be read back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CompactError {
    #[error("this is not a dataset in the app's compact form")]
    NotCompact,
    #[error("the compact dataset has format {found}, this app reads {expected}")]
    Version { found: u32, expected: u32 },
    #[error("the compact dataset is damaged")]
    Damaged,
    #[error("the compact dataset does not decode: {0}")]
    Decode(String),
}

/// The dataset as compact bytes. `dataset` is one that passed validation:
/// reading it back does not check the rules again.
pub fn to_compact(dataset: &Dataset) -> Vec<u8> {
    let body = rmp_serde::to_vec_named(dataset)
        // The model holds only strings, numbers, lists and maps: encoding
        // it into memory has no way to fail.
        .unwrap_or_default();
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&COMPACT_FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// The dataset back from [`to_compact`]'s bytes.
pub fn from_compact(bytes: &[u8]) -> Result<Dataset, CompactError> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(CompactError::NotCompact);
    }
    let word =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let found = word(8);
    if found != COMPACT_FORMAT_VERSION {
        return Err(CompactError::Version {
            found,
            expected: COMPACT_FORMAT_VERSION,
        });
    }
    let body = &bytes[HEADER..];
    if crc32fast::hash(body) != word(12) {
        return Err(CompactError::Damaged);
    }
    rmp_serde::from_slice(body).map_err(|e| CompactError::Decode(e.to_string()))
}
