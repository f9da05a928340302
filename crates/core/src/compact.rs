//! The dataset in the app's own compact form, for a returning user's start.
//!
//! A dataset is validated once, when it is installed; after that the app
//! starts from this form instead of the published JSON, so a cold start
//! neither parses JSON nor checks the rules again. And it decodes only what
//! it shows: every entry is its own record, found through tables that are
//! read in place, so opening the form costs the same for 100 entries as for
//! 100,000 and a page of hits decodes twenty records.
//!
//! The layout (every number a little-endian `u32`, positions from the start):
//!
//! - header: the magic `DLGNDS\0\0`, the format version, a CRC-32 of the
//!   directory (everything between the header and the records), and where
//!   the records start;
//! - the head: its length, then MessagePack of the format, meta, topics and
//!   synonyms;
//! - per list, in [`LISTS`] order: the count `n`; `n + 1` record positions;
//!   `n` CRC-32s, one per record; `n + 1` positions of the entries' ids; the
//!   `n` entry numbers in the order of their ids (for lookups by id);
//! - per organisation relation (its contacts, its child organisations, the
//!   forums it is in): `n + 1` starts into a list of entry numbers, that
//!   list's length, the list;
//! - the ids' bytes; then the records (MessagePack, fields by name, so the
//!   model's optional and untagged fields keep their meaning).
//!
//! Damage is noticed before anything is trusted: the directory's checksum
//! when the form is opened, a record's own when it is read. Any refusal has
//! one cure: start from the verified JSON bytes kept beside it.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::model::{
    Article, Contact, Dataset, Event, Forum, Meta, Organization, Project, SynonymGroup, Topic,
};
use crate::search::EntityType;
use crate::Counts;

const MAGIC: &[u8; 8] = b"DLGNDS\0\0";
/// Raised whenever the layout or the encoding of the model changes.
pub const COMPACT_FORMAT_VERSION: u32 = 2;
const HEADER: usize = 20;

/// The lists with records, in the order the form keeps them.
pub const LISTS: [EntityType; 6] = [
    EntityType::Organization,
    EntityType::Contact,
    EntityType::Forum,
    EntityType::Event,
    EntityType::Project,
    EntityType::Article,
];

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

/// What every start needs at once: small, decoded when the form is opened.
#[derive(Serialize, Deserialize)]
struct Head {
    format: String,
    format_version: u64,
    meta: Meta,
    topics: Vec<Topic>,
    synonyms: Vec<SynonymGroup>,
}

/// The dataset as compact bytes. `dataset` is one that passed validation:
/// reading it back does not check the rules again.
pub fn to_compact(dataset: &Dataset) -> Vec<u8> {
    let head = Head {
        format: dataset.format.clone(),
        format_version: dataset.format_version,
        meta: dataset.meta.clone(),
        topics: dataset.topics.clone(),
        synonyms: dataset.synonyms.clone(),
    };
    // The model holds only strings, numbers, lists and maps: encoding it
    // into memory has no way to fail.
    let head = rmp_serde::to_vec_named(&head).unwrap_or_default();
    let lists: [(Vec<Vec<u8>>, Vec<&str>); 6] = [
        records(&dataset.organizations, |o| o.id.as_str()),
        records(&dataset.contacts, |c| c.id.as_str()),
        records(&dataset.forums, |f| f.id.as_str()),
        records(&dataset.events, |e| e.id.as_str()),
        records(&dataset.projects, |p| p.id.as_str()),
        records(&dataset.articles, |a| a.id.as_str()),
    ];
    let relations = relations(dataset);

    // The directory's size decides where the ids and records go, so it is
    // worked out before anything is written.
    let mut directory = 4 + head.len();
    for (recs, _) in &lists {
        let n = recs.len();
        directory += 4 * (1 + (n + 1) + n + (n + 1) + n);
    }
    for relation in &relations {
        directory +=
            4 * (relation.len() + 1) + 4 + 4 * relation.iter().map(Vec::len).sum::<usize>();
    }
    let ids_len: usize = lists
        .iter()
        .flat_map(|(_, ids)| ids)
        .map(|id| id.len())
        .sum();
    let records_start = HEADER + directory + ids_len;

    let mut out = Vec::with_capacity(
        records_start
            + lists
                .iter()
                .flat_map(|(r, _)| r)
                .map(Vec::len)
                .sum::<usize>(),
    );
    out.extend_from_slice(MAGIC);
    put(&mut out, COMPACT_FORMAT_VERSION);
    put(&mut out, 0); // the directory's CRC, below
    put(&mut out, to_u32(records_start));
    put(&mut out, to_u32(head.len()));
    out.extend_from_slice(&head);
    let mut id_at = HEADER + directory;
    let mut record_at = records_start;
    for (recs, ids) in &lists {
        put(&mut out, to_u32(recs.len()));
        for rec in recs {
            put(&mut out, to_u32(record_at));
            record_at += rec.len();
        }
        put(&mut out, to_u32(record_at));
        for rec in recs {
            put(&mut out, crc32fast::hash(rec));
        }
        for id in ids {
            put(&mut out, to_u32(id_at));
            id_at += id.len();
        }
        put(&mut out, to_u32(id_at));
        let mut order: Vec<u32> = (0..to_u32(ids.len())).collect();
        order.sort_by(|&a, &b| ids[a as usize].cmp(ids[b as usize]));
        for i in order {
            put(&mut out, i);
        }
    }
    for relation in &relations {
        let mut start = 0;
        for targets in relation {
            put(&mut out, to_u32(start));
            start += targets.len();
        }
        put(&mut out, to_u32(start));
        put(&mut out, to_u32(start));
        for &target in relation.iter().flatten() {
            put(&mut out, target);
        }
    }
    for (_, ids) in &lists {
        for id in ids {
            out.extend_from_slice(id.as_bytes());
        }
    }
    debug_assert_eq!(out.len(), records_start);
    for (recs, _) in &lists {
        for rec in recs {
            out.extend_from_slice(rec);
        }
    }
    let crc = crc32fast::hash(&out[HEADER..records_start]);
    out[12..16].copy_from_slice(&crc.to_le_bytes());
    out
}

/// Each entry's record and id.
fn records<T: Serialize>(list: &[T], id: impl Fn(&T) -> &str) -> (Vec<Vec<u8>>, Vec<&str>) {
    let recs = list
        .iter()
        .map(|entry| rmp_serde::to_vec_named(entry).unwrap_or_default())
        .collect();
    (recs, list.iter().map(id).collect())
}

/// Per organisation: its contacts, its children, the forums it is a member
/// or coordinator of (once each), by entry number.
fn relations(dataset: &Dataset) -> [Vec<Vec<u32>>; 3] {
    let n = dataset.organizations.len();
    let mut position = std::collections::HashMap::with_capacity(n);
    for (i, o) in dataset.organizations.iter().enumerate() {
        position.entry(o.id.as_str()).or_insert(to_u32(i));
    }
    let at = |id: &str| position.get(id).map(|&i| i as usize);
    let mut contacts = vec![Vec::new(); n];
    let mut children = vec![Vec::new(); n];
    let mut forums = vec![Vec::new(); n];
    for (i, c) in dataset.contacts.iter().enumerate() {
        if let Some(org) = at(c.organization.as_str()) {
            contacts[org].push(to_u32(i));
        }
    }
    for (i, o) in dataset.organizations.iter().enumerate() {
        if let Some(parent) = o.parent.as_ref().and_then(|p| at(p.as_str())) {
            children[parent].push(to_u32(i));
        }
    }
    for (i, f) in dataset.forums.iter().enumerate() {
        for org in f.members.iter().chain(&f.coordinators) {
            if let Some(org) = at(org.as_str()) {
                if !forums[org].contains(&to_u32(i)) {
                    forums[org].push(to_u32(i));
                }
            }
        }
    }
    [contacts, children, forums]
}

fn put(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// Positions and counts fit in a `u32`: the size limit of a dataset is far
/// below 4 GB (the app refuses larger downloads before they are stored).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A run of `u32`s inside the bytes, read in place.
#[derive(Debug, Clone, Copy, Default)]
struct Words {
    at: usize,
    len: usize,
}

impl Words {
    fn get(self, bytes: &[u8], i: usize) -> Option<u32> {
        if i >= self.len {
            return None;
        }
        let at = self.at + 4 * i;
        let word = bytes.get(at..at + 4)?;
        Some(u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
    }
}

/// One list's tables.
#[derive(Debug, Clone, Copy, Default)]
struct List {
    len: usize,
    records: Words,
    crcs: Words,
    ids: Words,
    by_id: Words,
}

/// One relation's tables: per organisation a range of `targets`.
#[derive(Debug, Clone, Copy, Default)]
struct Relation {
    starts: Words,
    targets: Words,
}

/// Reads the directory from the front.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    end: usize,
}

impl Reader<'_> {
    fn word(&mut self) -> Result<u32, CompactError> {
        let words = self.words(1)?;
        words.get(self.bytes, 0).ok_or(CompactError::Damaged)
    }

    fn words(&mut self, len: usize) -> Result<Words, CompactError> {
        let size = len.checked_mul(4).ok_or(CompactError::Damaged)?;
        let end = self.at.checked_add(size).ok_or(CompactError::Damaged)?;
        if end > self.end {
            return Err(CompactError::Damaged);
        }
        let words = Words { at: self.at, len };
        self.at = end;
        Ok(words)
    }
}

/// Where a compact form's records are kept: in memory (a `Vec`), or, in the
/// app, in the JavaScript buffer IndexedDB read them into, copied into
/// WebAssembly memory one record at a time as a page shows it (at 100k
/// organisations the records are 50 MB, the tables a start reads 8 MB).
pub trait RecordBytes: Send + Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The bytes at `range`; `None` when it is not inside them.
    fn read(&self, range: std::ops::Range<usize>) -> Option<Cow<'_, [u8]>>;
}

impl RecordBytes for Vec<u8> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn read(&self, range: std::ops::Range<usize>) -> Option<Cow<'_, [u8]>> {
        self.get(range).map(Cow::Borrowed)
    }
}

/// Where the records start in compact bytes whose first
/// [`COMPACT_HEADER_LEN`] bytes are `header`: everything before is the
/// directory [`CompactDataset::from_parts`] takes.
pub fn directory_len(header: &[u8]) -> Result<usize, CompactError> {
    if header.len() < HEADER || &header[..8] != MAGIC {
        return Err(CompactError::NotCompact);
    }
    let words = Words { at: 8, len: 3 };
    let word = |i| words.get(header, i).unwrap_or_default();
    let found = word(0);
    if found != COMPACT_FORMAT_VERSION {
        return Err(CompactError::Version {
            found,
            expected: COMPACT_FORMAT_VERSION,
        });
    }
    let records_start = word(2) as usize;
    if records_start < HEADER + 4 {
        return Err(CompactError::Damaged);
    }
    Ok(records_start)
}

/// How many bytes [`directory_len`] reads.
pub const COMPACT_HEADER_LEN: usize = HEADER;

/// A dataset read from its compact bytes, entry by entry on demand.
pub struct CompactDataset {
    /// The header and the directory (its tables and the ids).
    bytes: Vec<u8>,
    /// The records, which start at `bytes.len()` in the compact bytes.
    records: Box<dyn RecordBytes>,
    format: String,
    format_version: u64,
    meta: Meta,
    topics: Vec<Topic>,
    synonyms: Vec<SynonymGroup>,
    lists: [List; 6],
    relations: [Relation; 3],
}

impl std::fmt::Debug for CompactDataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompactDataset")
            .field("id", &self.meta.id)
            .field("version", &self.meta.version)
            .field("directory", &self.bytes.len())
            .field("records", &self.records.len())
            .finish()
    }
}

/// An organisation's relation in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// The contacts that belong to it.
    Contacts,
    /// The organisations whose parent it is.
    Children,
    /// The forums it is a member or coordinator of.
    Forums,
}

impl CompactDataset {
    /// Opens compact bytes: checks the header and the directory's checksum
    /// and decodes the head; the entries stay as they are until asked for.
    pub fn from_bytes(mut bytes: Vec<u8>) -> Result<CompactDataset, CompactError> {
        let records_start = directory_len(&bytes)?;
        if records_start > bytes.len() {
            return Err(CompactError::Damaged);
        }
        let records = bytes.split_off(records_start);
        CompactDataset::from_parts(bytes, Box::new(records))
    }

    /// Opens compact bytes given as their directory (the first
    /// [`directory_len`] bytes) and their records, wherever those are kept.
    pub fn from_parts(
        bytes: Vec<u8>,
        records: Box<dyn RecordBytes>,
    ) -> Result<CompactDataset, CompactError> {
        let records_start = directory_len(&bytes)?;
        if records_start != bytes.len() {
            return Err(CompactError::Damaged);
        }
        let crc = Words { at: 12, len: 1 }.get(&bytes, 0).unwrap_or_default();
        if crc32fast::hash(&bytes[HEADER..records_start]) != crc {
            return Err(CompactError::Damaged);
        }
        let mut reader = Reader {
            bytes: &bytes,
            at: HEADER,
            end: records_start,
        };
        let head_len = reader.word()? as usize;
        let head_end = reader
            .at
            .checked_add(head_len)
            .ok_or(CompactError::Damaged)?;
        let head: Head = rmp_serde::from_slice(
            bytes
                .get(reader.at..head_end)
                .ok_or(CompactError::Damaged)?,
        )
        .map_err(|e| CompactError::Decode(e.to_string()))?;
        reader.at = head_end;
        let mut lists = [List::default(); 6];
        for list in &mut lists {
            let len = reader.word()? as usize;
            let ends = len.checked_add(1).ok_or(CompactError::Damaged)?;
            *list = List {
                len,
                records: reader.words(ends)?,
                crcs: reader.words(len)?,
                ids: reader.words(ends)?,
                by_id: reader.words(len)?,
            };
        }
        let organizations = lists[0].len;
        let mut relations = [Relation::default(); 3];
        for relation in &mut relations {
            let starts =
                reader.words(organizations.checked_add(1).ok_or(CompactError::Damaged)?)?;
            let len = reader.word()? as usize;
            *relation = Relation {
                starts,
                targets: reader.words(len)?,
            };
        }
        Ok(CompactDataset {
            format: head.format,
            format_version: head.format_version,
            meta: head.meta,
            topics: head.topics,
            synonyms: head.synonyms,
            lists,
            relations,
            bytes,
            records,
        })
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn synonyms(&self) -> &[SynonymGroup] {
        &self.synonyms
    }

    /// How many entries of each kind there are.
    pub fn counts(&self) -> Counts {
        Counts {
            topics: self.topics.len(),
            organizations: self.lists[0].len,
            contacts: self.lists[1].len,
            forums: self.lists[2].len,
            events: self.lists[3].len,
            projects: self.lists[4].len,
            articles: self.lists[5].len,
            synonyms: self.synonyms.len(),
        }
    }

    /// How many entries of type `entity` there are.
    pub fn len(&self, entity: EntityType) -> usize {
        self.list(entity).len
    }

    fn list(&self, entity: EntityType) -> &List {
        let at = LISTS.iter().position(|&e| e == entity).unwrap_or(0);
        &self.lists[at]
    }

    /// Where entry `i`'s record is among the records.
    fn record_range(&self, list: &List, i: usize) -> Option<std::ops::Range<usize>> {
        let start = list.records.get(&self.bytes, i)? as usize;
        let end = list.records.get(&self.bytes, i.checked_add(1)?)? as usize;
        let base = self.bytes.len();
        Some(start.checked_sub(base)?..end.checked_sub(base)?)
    }

    /// The record of entry `i` of `entity`, checked against its checksum.
    fn record(&self, entity: EntityType, i: u32) -> Option<Cow<'_, [u8]>> {
        let list = self.list(entity);
        let i = i as usize;
        let record = self.records.read(self.record_range(list, i)?)?;
        (crc32fast::hash(&record) == list.crcs.get(&self.bytes, i)?).then_some(record)
    }

    fn decode<T: DeserializeOwned>(&self, entity: EntityType, i: u32) -> Option<T> {
        rmp_serde::from_slice(&self.record(entity, i)?).ok()
    }

    /// The id of entry `i` of `entity`.
    pub fn id(&self, entity: EntityType, i: u32) -> Option<&str> {
        let list = self.list(entity);
        let start = list.ids.get(&self.bytes, i as usize)? as usize;
        let end = list.ids.get(&self.bytes, (i as usize).checked_add(1)?)? as usize;
        std::str::from_utf8(self.bytes.get(start..end)?).ok()
    }

    /// The entry number of the entry `id` of `entity` (a binary search over
    /// the ids in their order).
    pub fn position(&self, entity: EntityType, id: &str) -> Option<u32> {
        let list = self.list(entity);
        let (mut low, mut high) = (0, list.len);
        while low < high {
            let middle = low + (high - low) / 2;
            let entry = list.by_id.get(&self.bytes, middle)?;
            match self.id(entity, entry)?.cmp(id) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(entry),
            }
        }
        None
    }

    /// The entry numbers related to organisation `org`.
    pub fn relatives(&self, org: u32, relative: Relative) -> Vec<u32> {
        let relation = self.relations[relative as usize];
        let at = org as usize;
        let (Some(start), Some(end)) = (
            relation.starts.get(&self.bytes, at),
            at.checked_add(1)
                .and_then(|next| relation.starts.get(&self.bytes, next)),
        ) else {
            return Vec::new();
        };
        // Within the list, whatever the tables say.
        let end = (end as usize).min(relation.targets.len);
        let start = (start as usize).min(end);
        (start..end)
            .filter_map(|k| relation.targets.get(&self.bytes, k))
            .collect()
    }

    /// The first entry whose record fails its checksum (or lies outside the records),
    /// among `count` entries of `entity` from `from` on; `None` when all
    /// are sound. Opening the form checks only its tables; this is the
    /// check of the records, in steps small enough to run between frames.
    pub fn first_damaged(&self, entity: EntityType, from: u32, count: u32) -> Option<u32> {
        let end = from.saturating_add(count).min(to_u32(self.len(entity)));
        if from >= end {
            return None;
        }
        let list = self.list(entity);
        let Some((base, bytes)) = self.run(list, from as usize, end as usize) else {
            return (from..end).find(|&i| self.record(entity, i).is_none());
        };
        (from..end).find(|&i| self.record_in(list, i as usize, base, &bytes).is_none())
    }

    /// The records of entries `from..end` (not empty) in one read, with
    /// where they start: the records of consecutive entries follow each
    /// other, and a read from JavaScript memory is a copy each time.
    fn run(&self, list: &List, from: usize, end: usize) -> Option<(usize, Cow<'_, [u8]>)> {
        let first = self.record_range(list, from)?;
        let last = self.record_range(list, end.checked_sub(1)?)?;
        let bytes = self.records.read(first.start..last.end)?;
        Some((first.start, bytes))
    }

    /// Entry `i`'s record from a [`CompactDataset::run`] that starts at
    /// `base`, checked against its checksum.
    fn record_in<'b>(&self, list: &List, i: usize, base: usize, run: &'b [u8]) -> Option<&'b [u8]> {
        let r = self.record_range(list, i)?;
        let record = run.get(r.start.checked_sub(base)?..r.end.checked_sub(base)?)?;
        (crc32fast::hash(record) == list.crcs.get(&self.bytes, i)?).then_some(record)
    }

    pub fn organization(&self, i: u32) -> Option<Organization> {
        self.decode(EntityType::Organization, i)
    }
    pub fn contact(&self, i: u32) -> Option<Contact> {
        self.decode(EntityType::Contact, i)
    }
    pub fn forum(&self, i: u32) -> Option<Forum> {
        self.decode(EntityType::Forum, i)
    }
    pub fn event(&self, i: u32) -> Option<Event> {
        self.decode(EntityType::Event, i)
    }
    pub fn project(&self, i: u32) -> Option<Project> {
        self.decode(EntityType::Project, i)
    }
    pub fn article(&self, i: u32) -> Option<Article> {
        self.decode(EntityType::Article, i)
    }

    /// The entry a hit points at.
    pub fn entry(&self, doc: crate::search::DocRef) -> Option<crate::entry::Entry> {
        use crate::entry::Entry;
        let i = doc.index;
        Some(match doc.entity {
            EntityType::Organization => Entry::Organization(self.organization(i)?),
            EntityType::Contact => Entry::Contact(self.contact(i)?),
            EntityType::Forum => Entry::Forum(self.forum(i)?),
            EntityType::Event => Entry::Event(self.event(i)?),
            EntityType::Project => Entry::Project(self.project(i)?),
            EntityType::Article => Entry::Article(self.article(i)?),
        })
    }

    /// Every entry decoded: the dataset as it was installed. A damaged
    /// record refuses the whole.
    pub fn to_dataset(&self) -> Result<Dataset, CompactError> {
        fn all<T: DeserializeOwned>(
            form: &CompactDataset,
            entity: EntityType,
        ) -> Result<Vec<T>, CompactError> {
            let list = form.list(entity);
            if list.len == 0 {
                return Ok(Vec::new());
            }
            // The whole list in one read (see `run`).
            let (base, run) = form.run(list, 0, list.len).ok_or(CompactError::Damaged)?;
            (0..list.len)
                .map(|i| {
                    let record = form
                        .record_in(list, i, base, &run)
                        .ok_or(CompactError::Damaged)?;
                    rmp_serde::from_slice(record).map_err(|e| CompactError::Decode(e.to_string()))
                })
                .collect()
        }
        Ok(Dataset {
            format: self.format.clone(),
            format_version: self.format_version,
            meta: self.meta.clone(),
            topics: self.topics.clone(),
            organizations: all(self, EntityType::Organization)?,
            contacts: all(self, EntityType::Contact)?,
            forums: all(self, EntityType::Forum)?,
            events: all(self, EntityType::Event)?,
            projects: all(self, EntityType::Project)?,
            articles: all(self, EntityType::Article)?,
            synonyms: self.synonyms.clone(),
        })
    }
}

/// The dataset back from [`to_compact`]'s bytes, every entry decoded.
pub fn from_compact(bytes: &[u8]) -> Result<Dataset, CompactError> {
    CompactDataset::from_bytes(bytes.to_vec())?.to_dataset()
}

/// Read access to a dataset's entries, whether decoded ([`Dataset`]) or
/// read from the compact form on demand ([`CompactDataset`]): what the
/// exports and the hits' texts need.
pub trait Entries {
    fn meta(&self) -> &Meta;
    /// The organisation with this id.
    fn organization_by_id(&self, id: &str) -> Option<Cow<'_, Organization>>;
}

impl Entries for Dataset {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn organization_by_id(&self, id: &str) -> Option<Cow<'_, Organization>> {
        self.organizations
            .iter()
            .find(|o| o.id.as_str() == id)
            .map(Cow::Borrowed)
    }
}

impl Entries for CompactDataset {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn organization_by_id(&self, id: &str) -> Option<Cow<'_, Organization>> {
        self.position(EntityType::Organization, id)
            .and_then(|i| self.organization(i))
            .map(Cow::Owned)
    }
}
