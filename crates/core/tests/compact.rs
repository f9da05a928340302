//! The compact form gives back the very dataset that was validated, and
//! refuses damaged or foreign bytes instead of trusting them.

use dialognetz_core::compact::{from_compact, to_compact, CompactError, COMPACT_FORMAT_VERSION};
use dialognetz_core::validate;

const SAMPLE: &[u8] = include_bytes!("../../../public/data/dataset.json");

#[test]
fn the_sample_comes_back_equal() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let bytes = to_compact(&dataset);
    assert_eq!(from_compact(&bytes), Ok(dataset));
}

#[test]
fn every_kind_of_field_survives() {
    // Plain and translated texts, absent and present options, nulls read
    // as defaults, nested lists: the sample has them all; check a few of
    // them explicitly so a change of encoding that drops one is caught.
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let back = from_compact(&to_compact(&dataset)).expect("decodes");
    assert_eq!(back.topics, dataset.topics);
    assert_eq!(back.synonyms, dataset.synonyms);
    assert_eq!(back.organizations.len(), dataset.organizations.len());
    for (a, b) in back.organizations.iter().zip(&dataset.organizations) {
        assert_eq!(a, b);
    }
    assert_eq!(back.forums, dataset.forums);
    assert_eq!(back.events, dataset.events);
    assert_eq!(back.articles, dataset.articles);
    assert_eq!(back.meta, dataset.meta);
}

#[test]
fn it_is_smaller_than_the_json() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let compact = to_compact(&dataset).len();
    assert!(compact < SAMPLE.len(), "{compact} ≥ {}", SAMPLE.len());
}

#[test]
fn damaged_bytes_are_refused() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let bytes = to_compact(&dataset);
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    assert_eq!(from_compact(&flipped), Err(CompactError::Damaged));
    assert_eq!(
        from_compact(&bytes[..bytes.len() - 7]),
        Err(CompactError::Damaged)
    );
    assert_eq!(from_compact(&bytes[..10]), Err(CompactError::NotCompact));
    assert_eq!(from_compact(b""), Err(CompactError::NotCompact));
}

#[test]
fn foreign_bytes_and_other_versions_are_refused() {
    assert_eq!(from_compact(SAMPLE), Err(CompactError::NotCompact));
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let mut bytes = to_compact(&dataset);
    bytes[8..12].copy_from_slice(&(COMPACT_FORMAT_VERSION + 1).to_le_bytes());
    assert_eq!(
        from_compact(&bytes),
        Err(CompactError::Version {
            found: COMPACT_FORMAT_VERSION + 1,
            expected: COMPACT_FORMAT_VERSION
        })
    );
}

#[test]
fn a_body_with_a_matching_checksum_that_is_not_a_dataset_is_refused() {
    let mut bytes = b"DLGNDS\0\0".to_vec();
    bytes.extend_from_slice(&COMPACT_FORMAT_VERSION.to_le_bytes());
    let body = [0x92, 0x01, 0x02]; // a MessagePack list [1, 2]
    bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    bytes.extend_from_slice(&body);
    assert!(matches!(from_compact(&bytes), Err(CompactError::Decode(_))));
}
