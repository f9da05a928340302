//! The compact form gives back the very dataset that was validated, and
//! refuses damaged or foreign bytes instead of trusting them.

use dialognetz_core::compact::{
    from_compact, to_compact, CompactDataset, CompactError, Relative, COMPACT_FORMAT_VERSION,
};
use dialognetz_core::search::EntityType;
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
fn a_directory_with_a_matching_checksum_that_is_not_a_dataset_is_refused() {
    let head = [0x92, 0x01, 0x02]; // a MessagePack list [1, 2]
    let mut directory = (head.len() as u32).to_le_bytes().to_vec();
    directory.extend_from_slice(&head);
    let mut bytes = b"DLGNDS\0\0".to_vec();
    bytes.extend_from_slice(&COMPACT_FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(&directory).to_le_bytes());
    bytes.extend_from_slice(&(20 + directory.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&directory);
    assert!(matches!(from_compact(&bytes), Err(CompactError::Decode(_))));
}

#[test]
fn entries_are_read_one_by_one_as_they_were() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let form = CompactDataset::from_bytes(to_compact(&dataset)).expect("opens");
    assert_eq!(form.meta(), &dataset.meta);
    assert_eq!(form.topics(), dataset.topics.as_slice());
    assert_eq!(form.counts(), dataset.counts());
    for (i, o) in dataset.organizations.iter().enumerate() {
        assert_eq!(form.organization(i as u32).as_ref(), Some(o));
    }
    for (i, c) in dataset.contacts.iter().enumerate() {
        assert_eq!(form.contact(i as u32).as_ref(), Some(c));
    }
    for (i, f) in dataset.forums.iter().enumerate() {
        assert_eq!(form.forum(i as u32).as_ref(), Some(f));
    }
    for (i, e) in dataset.events.iter().enumerate() {
        assert_eq!(form.event(i as u32).as_ref(), Some(e));
    }
    for (i, p) in dataset.projects.iter().enumerate() {
        assert_eq!(form.project(i as u32).as_ref(), Some(p));
    }
    for (i, a) in dataset.articles.iter().enumerate() {
        assert_eq!(form.article(i as u32).as_ref(), Some(a));
    }
    let n = dataset.organizations.len() as u32;
    assert_eq!(form.organization(n), None, "one past the end");
    assert_eq!(form.organization(u32::MAX), None);
}

#[test]
fn every_id_is_found_and_no_other() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let form = CompactDataset::from_bytes(to_compact(&dataset)).expect("opens");
    let lists: [(EntityType, Vec<&str>); 6] = [
        (
            EntityType::Organization,
            dataset
                .organizations
                .iter()
                .map(|x| x.id.as_str())
                .collect(),
        ),
        (
            EntityType::Contact,
            dataset.contacts.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            EntityType::Forum,
            dataset.forums.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            EntityType::Event,
            dataset.events.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            EntityType::Project,
            dataset.projects.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            EntityType::Article,
            dataset.articles.iter().map(|x| x.id.as_str()).collect(),
        ),
    ];
    for (entity, ids) in &lists {
        assert!(!ids.is_empty(), "the sample has {entity:?} entries");
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(
                form.position(*entity, id),
                Some(i as u32),
                "{entity:?} {id}"
            );
            assert_eq!(form.id(*entity, i as u32), Some(*id));
        }
        assert_eq!(form.position(*entity, "no-such-id"), None);
        assert_eq!(form.position(*entity, ""), None);
    }
    // The same id in another list is not this list's.
    let org = dataset.organizations[0].id.as_str();
    assert_eq!(form.position(EntityType::Article, org), None);
}

#[test]
fn relations_are_kept_per_organisation() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let form = CompactDataset::from_bytes(to_compact(&dataset)).expect("opens");
    let mut some = [false; 3];
    for (i, o) in dataset.organizations.iter().enumerate() {
        let contacts: Vec<u32> = (0..dataset.contacts.len() as u32)
            .filter(|&c| dataset.contacts[c as usize].organization == o.id)
            .collect();
        let children: Vec<u32> = (0..dataset.organizations.len() as u32)
            .filter(|&c| dataset.organizations[c as usize].parent.as_ref() == Some(&o.id))
            .collect();
        let forums: Vec<u32> = (0..dataset.forums.len() as u32)
            .filter(|&f| {
                let f = &dataset.forums[f as usize];
                f.members.contains(&o.id) || f.coordinators.contains(&o.id)
            })
            .collect();
        let i = i as u32;
        assert_eq!(form.relatives(i, Relative::Contacts), contacts);
        assert_eq!(form.relatives(i, Relative::Children), children);
        assert_eq!(form.relatives(i, Relative::Forums), forums);
        some[0] |= !contacts.is_empty();
        some[1] |= !children.is_empty();
        some[2] |= !forums.is_empty();
    }
    assert_eq!(some, [true; 3], "the sample has each relation");
    assert!(form.relatives(u32::MAX, Relative::Contacts).is_empty());
}

#[test]
fn a_damaged_record_is_refused_alone() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let mut bytes = to_compact(&dataset);
    // The last record is the last article's: flip a byte inside it.
    let at = bytes.len() - 3;
    bytes[at] ^= 0x20;
    let form = CompactDataset::from_bytes(bytes).expect("the directory is intact");
    let last = dataset.articles.len() as u32 - 1;
    assert_eq!(form.article(last), None);
    assert_eq!(
        form.first_damaged(EntityType::Article, 0, u32::MAX),
        Some(last)
    );
    assert_eq!(
        form.first_damaged(EntityType::Article, 0, last),
        None,
        "the ones before are sound"
    );
    assert_eq!(
        form.first_damaged(EntityType::Organization, 0, u32::MAX),
        None
    );
    assert_eq!(
        form.organization(0).as_ref(),
        Some(&dataset.organizations[0])
    );
    assert_eq!(form.to_dataset(), Err(CompactError::Damaged));
}

/// A tiny deterministic generator: the same "random" damage on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Exercises every accessor; none may panic, whatever the tables say.
fn read_everything(form: &CompactDataset) {
    for entity in dialognetz_core::compact::LISTS {
        let n = form.len(entity) as u32;
        for i in [0, 1, n / 2, n.saturating_sub(1), n, n + 1, u32::MAX] {
            let _ = form.id(entity, i);
            let _ = form.entry(dialognetz_core::search::DocRef { entity, index: i });
        }
        let _ = form.position(entity, "org-kora");
        let _ = form.position(entity, "");
    }
    let organizations = form.len(EntityType::Organization) as u32;
    for i in (0..organizations + 2).chain([u32::MAX]) {
        for relative in [Relative::Contacts, Relative::Children, Relative::Forums] {
            // Never more than the list holds, however far a start points.
            assert!(form.relatives(i, relative).len() <= 100_000);
        }
    }
    for entity in dialognetz_core::compact::LISTS {
        let _ = form.first_damaged(entity, 0, u32::MAX);
    }
    let _ = form.to_dataset();
}

#[test]
fn hostile_tables_with_a_matching_checksum_never_panic() {
    // Someone who can write the store can also fix the checksum: the tables
    // must then still be read only within bounds.
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let bytes = to_compact(&dataset);
    let records_start = u32::from_le_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]) as usize;
    let mut rng = Lcg(7);
    let mut opened = 0;
    for round in 0..400 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + round % 4 {
            let at = 20 + (rng.next() as usize) % (records_start - 20);
            damaged[at] = match rng.next() % 3 {
                0 => 0xFF,
                1 => 0,
                _ => rng.next() as u8,
            };
        }
        let crc = crc32fast::hash(&damaged[20..records_start]);
        damaged[12..16].copy_from_slice(&crc.to_le_bytes());
        if let Ok(form) = CompactDataset::from_bytes(damaged) {
            opened += 1;
            read_everything(&form);
        }
    }
    assert!(
        opened > 100,
        "most damage leaves the directory readable: {opened}"
    );
    // And a header that points anywhere.
    for records_start in [0u32, 19, 20, 24, u32::MAX, bytes.len() as u32 + 1] {
        let mut damaged = bytes.clone();
        damaged[16..20].copy_from_slice(&records_start.to_le_bytes());
        assert!(CompactDataset::from_bytes(damaged).is_err());
    }
}

#[test]
fn a_relation_that_points_far_away_costs_nothing() {
    let dataset = validate(SAMPLE).expect("the sample is valid");
    let mut bytes = to_compact(&dataset);
    let form = CompactDataset::from_bytes(bytes.clone()).expect("opens");
    // The contacts relation's starts come after the head and the lists.
    let head = u32::from_le_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]) as usize;
    let mut at = 24 + head;
    for entity in dialognetz_core::compact::LISTS {
        let n = form.len(entity);
        at += 4 * (1 + (n + 1) + n + (n + 1) + n);
    }
    // Organisation 0's contacts end 4 billion entries on.
    bytes[at + 4..at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    let records_start = u32::from_le_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]) as usize;
    let crc = crc32fast::hash(&bytes[20..records_start]);
    bytes[12..16].copy_from_slice(&crc.to_le_bytes());
    let before = form.relatives(0, Relative::Contacts).len();
    let form = CompactDataset::from_bytes(bytes).expect("opens");
    let started = std::time::Instant::now();
    let contacts = form.relatives(0, Relative::Contacts);
    let elapsed = started.elapsed();
    assert!(contacts.len() > before, "it reads to the end of the list");
    assert!(contacts.len() <= dataset.contacts.len() + dataset.organizations.len());
    assert!(
        elapsed < std::time::Duration::from_millis(50),
        "{elapsed:?}"
    );
}
