//! The index as bytes: a versioned, compact, little-endian format that loads
//! with a few bulk copies (no per-word parsing), so a returning user's start
//! skips indexing.
//!
//! Layout: the magic `DLGNIDX\0`, the format version (`u32`), a CRC-32 of
//! everything after it (storage can be damaged; the FST reader trusts its
//! bytes, so damage must be caught before it), then sections
//! in a fixed order (see [`SearchIndex::to_bytes`]). A section is a `u32`
//! length and its bytes. Numbers are little-endian; columns of the per-entry
//! facts are stored one after another (`u8`, `u32`, `i32`, `f32` arrays).
//! Everything read is checked against bounds; a damaged or foreign file is
//! refused with an [`IndexFormatError`], never trusted.

use std::collections::HashMap;

use crate::model::OrganizationKind;

use super::build::synonym_lookup;
use super::{DocFacts, EntityType, Lists, SearchIndex, INDEX_FORMAT_VERSION};

const MAGIC: &[u8; 8] = b"DLGNIDX\0";
/// Magic, version and checksum.
const HEADER: usize = 16;
const NO_U8: u8 = u8::MAX;
const NO_U32: u32 = u32::MAX;

/// Why stored index bytes could not be loaded. The cure is always the same
/// (build the index again from the dataset), so the variants say why.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IndexFormatError {
    #[error("this is not a Dialognetz search index")]
    NotAnIndex,
    #[error("the search index has format {found}, this app reads {expected}; it will be rebuilt")]
    Version { found: u32, expected: u32 },
    #[error("the search index is damaged ({0}); it will be rebuilt")]
    Damaged(&'static str),
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn strs<'a>(&mut self, items: impl ExactSizeIterator<Item = &'a str>) {
        self.u32(items.len() as u32);
        for s in items {
            self.str(s);
        }
    }
    fn u32s(&mut self, values: &[u32]) {
        self.u32(values.len() as u32);
        for v in values {
            self.0.extend_from_slice(&v.to_le_bytes());
        }
    }
    fn i32s(&mut self, values: impl ExactSizeIterator<Item = i32>) {
        self.u32(values.len() as u32);
        for v in values {
            self.0.extend_from_slice(&v.to_le_bytes());
        }
    }
    fn f32s(&mut self, values: impl ExactSizeIterator<Item = f32>) {
        self.u32(values.len() as u32);
        for v in values {
            self.0.extend_from_slice(&v.to_le_bytes());
        }
    }
    fn lists(&mut self, lists: &Lists) {
        self.u32s(&lists.offsets);
        self.u32s(&lists.values);
    }
}

struct Reader<'a> {
    rest: &'a [u8],
}

type Result<T> = std::result::Result<T, IndexFormatError>;

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8]> {
        if self.rest.len() < n {
            return Err(IndexFormatError::Damaged(what));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }
    fn u32(&mut self, what: &'static str) -> Result<u32> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn bytes(&mut self, what: &'static str) -> Result<&'a [u8]> {
        let n = self.u32(what)? as usize;
        self.take(n, what)
    }
    fn str(&mut self, what: &'static str) -> Result<&'a str> {
        std::str::from_utf8(self.bytes(what)?).map_err(|_| IndexFormatError::Damaged(what))
    }
    fn strs(&mut self, what: &'static str) -> Result<Vec<String>> {
        let n = self.u32(what)? as usize;
        if n > self.rest.len() / 4 {
            return Err(IndexFormatError::Damaged(what));
        }
        (0..n).map(|_| self.str(what).map(str::to_owned)).collect()
    }
    fn words4(&mut self, what: &'static str) -> Result<impl Iterator<Item = [u8; 4]> + 'a> {
        let n = self.u32(what)? as usize;
        let raw = self.take(
            n.checked_mul(4).ok_or(IndexFormatError::Damaged(what))?,
            what,
        )?;
        Ok(raw.chunks_exact(4).map(|c| [c[0], c[1], c[2], c[3]]))
    }
    fn u32s(&mut self, what: &'static str) -> Result<Vec<u32>> {
        Ok(self.words4(what)?.map(u32::from_le_bytes).collect())
    }
    fn i32s(&mut self, what: &'static str) -> Result<Vec<i32>> {
        Ok(self.words4(what)?.map(i32::from_le_bytes).collect())
    }
    fn f32s(&mut self, what: &'static str) -> Result<Vec<f32>> {
        Ok(self.words4(what)?.map(f32::from_le_bytes).collect())
    }
    fn lists(&mut self, what: &'static str) -> Result<Lists> {
        let lists = Lists {
            offsets: self.u32s(what)?,
            values: self.u32s(what)?,
        };
        let monotonic = lists.offsets.windows(2).all(|w| w[0] <= w[1]);
        let ends = lists.offsets.last().map_or(lists.values.is_empty(), |&e| {
            e as usize == lists.values.len()
        });
        if !monotonic || !ends || lists.offsets.first().is_some_and(|&s| s != 0) {
            return Err(IndexFormatError::Damaged(what));
        }
        Ok(lists)
    }
    fn fst(&mut self, what: &'static str) -> Result<fst::Map<Vec<u8>>> {
        let bytes = self.bytes(what)?.to_vec();
        fst::Map::new(bytes).map_err(|_| IndexFormatError::Damaged(what))
    }
}

impl SearchIndex {
    /// The index as bytes (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.u32(INDEX_FORMAT_VERSION);
        w.u32(0); // the checksum, filled in at the end
        w.str(&self.dataset_id);
        w.str(&self.dataset_version);
        w.str(&self.ids.join("\n"));
        let docs = &self.docs;
        w.bytes(&docs.iter().map(|d| d.entity.as_u8()).collect::<Vec<_>>());
        w.u32s(&docs.iter().map(|d| d.index).collect::<Vec<_>>());
        w.bytes(&docs.iter().map(|d| kind_code(d.kind)).collect::<Vec<_>>());
        w.bytes(
            &docs
                .iter()
                .map(|d| d.state.unwrap_or(NO_U8))
                .collect::<Vec<_>>(),
        );
        w.u32s(
            &docs
                .iter()
                .map(|d| d.city.unwrap_or(NO_U32))
                .collect::<Vec<_>>(),
        );
        let mut topics = Lists::default();
        let mut languages = Lists::default();
        for d in docs {
            topics.push(d.topics.iter().map(|&t| u32::from(t)));
            languages.push(d.languages.iter().map(|&l| u32::from(l)));
        }
        w.lists(&topics);
        w.lists(&languages);
        w.bytes(
            &docs
                .iter()
                .map(|d| u8::from(d.open_to_new_members))
                .collect::<Vec<_>>(),
        );
        w.i32s(docs.iter().map(|d| d.days.map_or(i32::MIN, |x| x.0)));
        w.i32s(docs.iter().map(|d| d.days.map_or(i32::MIN, |x| x.1)));
        w.f32s(docs.iter().map(|d| d.geo.map_or(f32::NAN, |g| g.0)));
        w.f32s(docs.iter().map(|d| d.geo.map_or(f32::NAN, |g| g.1)));
        w.bytes(self.terms.as_fst().as_bytes());
        w.lists(&self.postings);
        w.bytes(self.names.as_fst().as_bytes());
        w.lists(&self.name_docs);
        w.bytes(self.parts.as_fst().as_bytes());
        w.lists(&self.part_terms);
        w.u32(self.synonyms.len() as u32);
        for group in &self.synonyms {
            w.strs(
                group
                    .iter()
                    .map(|m| m.join(" "))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str),
            );
        }
        w.strs(self.cities.iter().map(String::as_str));
        w.strs(self.topics.iter().map(String::as_str));
        w.strs(self.languages.iter().map(String::as_str));
        let checksum = crc32fast::hash(&w.0[HEADER..]);
        w.0[HEADER - 4..HEADER].copy_from_slice(&checksum.to_le_bytes());
        w.0
    }

    /// Loads an index written by [`SearchIndex::to_bytes`] of this format
    /// version; anything else is refused.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or(IndexFormatError::NotAnIndex)?;
        let mut r = Reader { rest };
        let version = r.u32("version")?;
        if version != INDEX_FORMAT_VERSION {
            return Err(IndexFormatError::Version {
                found: version,
                expected: INDEX_FORMAT_VERSION,
            });
        }
        let checksum = r.u32("checksum")?;
        if crc32fast::hash(r.rest) != checksum {
            return Err(IndexFormatError::Damaged("checksum"));
        }
        let dataset_id = r.str("dataset id")?.to_owned();
        let dataset_version = r.str("dataset version")?.to_owned();
        let ids_text = r.str("ids")?;
        let ids: Vec<String> = if ids_text.is_empty() {
            Vec::new()
        } else {
            ids_text.split('\n').map(str::to_owned).collect()
        };
        let n = ids.len();
        let entities = r.bytes("types")?;
        let indexes = r.u32s("positions")?;
        let kinds = r.bytes("kinds")?;
        let states = r.bytes("states")?;
        let cities = r.u32s("cities")?;
        let topics = r.lists("topics")?;
        let languages = r.lists("languages")?;
        let open = r.bytes("open")?;
        let first = r.i32s("dates")?;
        let last = r.i32s("dates")?;
        let lat = r.f32s("places")?;
        let lon = r.f32s("places")?;
        let columns = [
            entities.len(),
            indexes.len(),
            kinds.len(),
            states.len(),
            cities.len(),
            topics.len(),
            languages.len(),
            open.len(),
            first.len(),
            last.len(),
            lat.len(),
            lon.len(),
        ];
        if columns.iter().any(|&len| len != n) {
            return Err(IndexFormatError::Damaged("entry columns"));
        }
        let mut docs = Vec::with_capacity(n);
        for i in 0..n {
            let entity =
                EntityType::from_u8(entities[i]).ok_or(IndexFormatError::Damaged("types"))?;
            docs.push(DocFacts {
                entity,
                index: indexes[i],
                kind: OrganizationKind::ALL.get(usize::from(kinds[i])).copied(),
                state: (states[i] != NO_U8).then_some(states[i]),
                city: (cities[i] != NO_U32).then_some(cities[i]),
                topics: topics.get(i).iter().map(|&t| t as u16).collect(),
                languages: languages.get(i).iter().map(|&l| l as u16).collect(),
                open_to_new_members: open[i] == 1,
                days: (first[i] != i32::MIN).then_some((first[i], last[i])),
                geo: (!lat[i].is_nan()).then_some((lat[i], lon[i])),
            });
        }
        let terms = r.fst("words")?;
        let postings = r.lists("postings")?;
        let names = r.fst("names")?;
        let name_docs = r.lists("names")?;
        let parts = r.fst("compound parts")?;
        let part_terms = r.lists("compound parts")?;
        let groups = r.u32("synonyms")? as usize;
        if groups > r.rest.len() / 4 {
            return Err(IndexFormatError::Damaged("synonyms"));
        }
        let mut synonyms = Vec::with_capacity(groups);
        for _ in 0..groups {
            let members = r.strs("synonyms")?;
            synonyms.push(
                members
                    .iter()
                    .map(|m| {
                        m.split(' ')
                            .filter(|w| !w.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .collect(),
            );
        }
        let cities_table = r.strs("city names")?;
        let topic_table = r.strs("topic names")?;
        let language_table = r.strs("language names")?;
        if !r.rest.is_empty() {
            return Err(IndexFormatError::Damaged("trailing bytes"));
        }
        // Every reference must stay inside its table, so a search can index
        // without checks.
        let term_count = terms.len();
        let postings_ok = postings.len() == term_count
            && postings.values.iter().all(|&p| ((p >> 2) as usize) < n);
        let names_ok =
            name_docs.len() == names.len() && name_docs.values.iter().all(|&d| (d as usize) < n);
        let parts_ok = part_terms.len() == parts.len()
            && part_terms
                .values
                .iter()
                .all(|&p| (super::build::part_term(p) as usize) < term_count);
        let facts_ok = docs.iter().all(|d| {
            d.city.is_none_or(|c| (c as usize) < cities_table.len())
                && d.topics.iter().all(|&t| usize::from(t) < topic_table.len())
                && d.languages
                    .iter()
                    .all(|&l| usize::from(l) < language_table.len())
                && d.state.is_none_or(|s| s < 16)
        });
        if !(postings_ok && names_ok && parts_ok && facts_ok) {
            return Err(IndexFormatError::Damaged("references"));
        }
        let city_keys: HashMap<String, u32> = cities_table
            .iter()
            .enumerate()
            .map(|(i, c)| (super::text::normalize_text(c), i as u32))
            .collect();
        let synonym_lookup = synonym_lookup(&synonyms);
        Ok(SearchIndex {
            dataset_id,
            dataset_version,
            ids,
            docs,
            terms,
            postings,
            names,
            name_docs,
            parts,
            part_terms,
            synonyms,
            synonym_lookup,
            cities: cities_table,
            city_keys,
            topics: topic_table,
            languages: language_table,
        })
    }
}

fn kind_code(kind: Option<OrganizationKind>) -> u8 {
    kind.and_then(|k| OrganizationKind::ALL.iter().position(|x| *x == k))
        .map_or(NO_U8, |i| i as u8)
}
