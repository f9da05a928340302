//! The index as bytes: a versioned, compact, little-endian format that loads
//! with a few bulk copies (no per-word parsing), so a returning user's start
//! skips indexing.
//!
//! Layout: the magic `DLGNIDX\0`, the format version (`u32`), a CRC-32 of
//! everything after it (storage can be damaged; the FST reader trusts its
//! bytes, so damage must be caught before it), then sections
//! in a fixed order (see [`SearchIndex::to_bytes`]). Byte strings (the
//! FSTs) are a `u32` length and their bytes; columns of the per-entry facts
//! are stored one after another. Numbers are varints (LEB128) wherever they
//! are small or sorted: postings and other lists as zigzag deltas within
//! each list, entry ids front-coded, dates as optional varints; the map
//! points stay `f32`. Format 3 stored every number as a `u32` and was
//! twice the size. Everything read is checked against bounds; a foreign file,
//! a damaged one (its checksum) or one whose tables do not fit is refused
//! with an [`IndexFormatError`]. The posting lists and ids are kept as saved
//! (see `packed.rs`) and checked as they are read: a list ends at its first
//! value outside its table, an id that does not decode is left empty.

use crate::model::OrganizationKind;

use super::build::synonym_lookup;
use super::packed::{read_varint, unzigzag, write_varint, zigzag};
use super::{Codes, DocFacts, EntityType, Ids, Lists, SearchIndex, INDEX_FORMAT_VERSION};

const MAGIC: &[u8; 8] = b"DLGNIDX\0";
/// Magic, version and checksum.
const HEADER: usize = 16;
const NO_U8: u8 = u8::MAX;

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
    fn f32s(&mut self, values: impl ExactSizeIterator<Item = f32>) {
        self.u32(values.len() as u32);
        for v in values {
            self.0.extend_from_slice(&v.to_le_bytes());
        }
    }
    /// LEB128: seven bits a byte, low first; most values here fit in one
    /// or two bytes where a `u32` takes four.
    fn varint(&mut self, v: u64) {
        write_varint(&mut self.0, v);
    }
    /// A column of numbers as varints of the difference to the one before
    /// (zigzag, so a step back costs no more than a step forward): sorted
    /// and sequential columns take about a byte a value.
    fn deltas(&mut self, values: impl ExactSizeIterator<Item = u32>) {
        self.varint(values.len() as u64);
        self.delta_run(values);
    }
    /// The values as zigzag varints of each one's step from the one before
    /// (from 0), without a count.
    fn delta_run(&mut self, values: impl Iterator<Item = u32>) {
        let mut previous = 0i64;
        for v in values {
            let v = i64::from(v);
            self.varint(zigzag(v - previous));
            previous = v;
        }
    }
    /// `u32`s, counted.
    fn words(&mut self, values: &[u32]) {
        self.u32(values.len() as u32);
        for v in values {
            self.0.extend_from_slice(&v.to_le_bytes());
        }
    }
    /// Many lists as they are kept (see [`Lists`]): how many, each one's
    /// length in bytes, then their bytes, which a load copies without
    /// decoding (the lengths are one varint per list, a `u32` start each
    /// would make the index a tenth larger).
    fn lists(&mut self, lists: &Lists) {
        let (starts, bytes) = lists.parts();
        self.varint(starts.len().saturating_sub(1) as u64);
        for pair in starts.windows(2) {
            self.varint(u64::from(pair[1] - pair[0]));
        }
        self.bytes(bytes);
    }
    /// Optional day numbers: 0 for none, else the zigzagged day plus one
    /// (most entries have no dates and take one byte).
    fn days(&mut self, values: impl ExactSizeIterator<Item = Option<i32>>) {
        self.varint(values.len() as u64);
        for v in values {
            self.varint(v.map_or(0, |d| zigzag(i64::from(d)) + 1));
        }
    }
    /// A few table numbers per entry (its topics, its languages): how many
    /// entries, then each one's count and numbers, as varints.
    fn codes<'a>(&mut self, lists: impl ExactSizeIterator<Item = &'a [u16]>) {
        self.varint(lists.len() as u64);
        for list in lists {
            self.varint(list.len() as u64);
            for &code in list {
                self.varint(u64::from(code));
            }
        }
    }
    /// Entry ids as they are kept (see [`Ids`]).
    fn ids(&mut self, ids: &Ids) {
        let (len, blocks, bytes) = ids.parts();
        self.u32(len as u32);
        self.words(blocks);
        self.bytes(bytes);
    }
}

/// Appends `n` zigzag-delta varints from `bytes[*at..]` to `out`, moving
/// `at` past them; false when they run past the end or leave the `u32`
/// range. The hot loop of loading an index (millions of postings at 100k
/// entries), so it works on a position instead of a `Result` per value.
fn decode_deltas(bytes: &[u8], at: &mut usize, n: usize, out: &mut Vec<u32>) -> bool {
    let mut previous = 0i64;
    let mut i = *at;
    for _ in 0..n {
        let Some(raw) = read_varint(bytes, &mut i) else {
            return false;
        };
        match previous.checked_add(unzigzag(raw)) {
            Some(next) if (0..=i64::from(u32::MAX)).contains(&next) => previous = next,
            _ => return false,
        }
        out.push(previous as u32);
    }
    *at = i;
    true
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
    fn f32s(&mut self, what: &'static str) -> Result<Vec<f32>> {
        Ok(self.words4(what)?.map(f32::from_le_bytes).collect())
    }
    fn varint(&mut self, what: &'static str) -> Result<u64> {
        let mut at = 0;
        let value = read_varint(self.rest, &mut at).ok_or(IndexFormatError::Damaged(what))?;
        self.rest = &self.rest[at..];
        Ok(value)
    }
    /// A count of things that take at least `min_bytes` each: more than the
    /// bytes left can hold is damage (and would be a huge allocation).
    fn count(&mut self, min_bytes: usize, what: &'static str) -> Result<usize> {
        let n = usize::try_from(self.varint(what)?).map_err(|_| IndexFormatError::Damaged(what))?;
        if n.saturating_mul(min_bytes) > self.rest.len() {
            return Err(IndexFormatError::Damaged(what));
        }
        Ok(n)
    }
    fn deltas(&mut self, what: &'static str) -> Result<Vec<u32>> {
        let n = self.count(1, what)?;
        let mut values = Vec::with_capacity(n);
        self.delta_run(n, &mut values, what)?;
        Ok(values)
    }
    /// `n` values written by [`Writer::delta_run`], appended to `out`.
    fn delta_run(&mut self, n: usize, out: &mut Vec<u32>, what: &'static str) -> Result<()> {
        let mut at = 0;
        if !decode_deltas(self.rest, &mut at, n, out) {
            return Err(IndexFormatError::Damaged(what));
        }
        self.rest = &self.rest[at..];
        Ok(())
    }
    fn words(&mut self, what: &'static str) -> Result<Vec<u32>> {
        Ok(self.words4(what)?.map(u32::from_le_bytes).collect())
    }
    fn lists(&mut self, what: &'static str) -> Result<Lists> {
        let count = self.count(1, what)?;
        let mut starts = Vec::with_capacity(count + 1);
        let mut at = 0u32;
        starts.push(at);
        for _ in 0..count {
            let len =
                u32::try_from(self.varint(what)?).map_err(|_| IndexFormatError::Damaged(what))?;
            at = at.checked_add(len).ok_or(IndexFormatError::Damaged(what))?;
            starts.push(at);
        }
        let bytes = self.bytes(what)?.to_vec();
        Lists::from_parts(starts, bytes).ok_or(IndexFormatError::Damaged(what))
    }
    fn days(&mut self, what: &'static str) -> Result<Vec<Option<i32>>> {
        let n = self.count(1, what)?;
        (0..n)
            .map(|_| match self.varint(what)? {
                0 => Ok(None),
                v => i32::try_from(unzigzag(v - 1))
                    .map(Some)
                    .map_err(|_| IndexFormatError::Damaged(what)),
            })
            .collect()
    }
    fn codes(&mut self, what: &'static str) -> Result<Vec<Codes>> {
        let n = self.count(1, what)?;
        (0..n)
            .map(|_| {
                let k = self.count(1, what)?;
                (0..k)
                    .map(|_| {
                        u16::try_from(self.varint(what)?)
                            .map_err(|_| IndexFormatError::Damaged(what))
                    })
                    .collect()
            })
            .collect()
    }
    fn ids(&mut self, what: &'static str) -> Result<Ids> {
        let len = self.u32(what)? as usize;
        let blocks = self.words(what)?;
        let bytes = self.bytes(what)?.to_vec();
        Ids::from_parts(len, blocks, bytes).ok_or(IndexFormatError::Damaged(what))
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
        w.ids(&self.ids);
        let docs = &self.docs;
        w.bytes(&docs.iter().map(|d| d.entity.as_u8()).collect::<Vec<_>>());
        w.deltas(docs.iter().map(|d| d.index));
        w.bytes(&docs.iter().map(|d| kind_code(d.kind)).collect::<Vec<_>>());
        w.bytes(
            &docs
                .iter()
                .map(|d| d.state.unwrap_or(NO_U8))
                .collect::<Vec<_>>(),
        );
        // City numbers shifted by one: 0 is "no city".
        w.deltas(
            docs.iter()
                .map(|d| d.city.map_or(0, |c| c.saturating_add(1))),
        );
        w.codes(docs.iter().map(|d| d.topics.as_slice()));
        w.codes(docs.iter().map(|d| d.languages.as_slice()));
        w.bytes(
            &docs
                .iter()
                .map(|d| u8::from(d.open_to_new_members))
                .collect::<Vec<_>>(),
        );
        w.days(docs.iter().map(|d| d.days.map(|x| x.0)));
        w.days(docs.iter().map(|d| d.days.map(|x| x.1)));
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
        let ids = r.ids("ids")?;
        let n = ids.len();
        let entities = r.bytes("types")?;
        let indexes = r.deltas("positions")?;
        let kinds = r.bytes("kinds")?;
        let states = r.bytes("states")?;
        let cities = r.deltas("cities")?;
        let topics = r.codes("topics")?;
        let languages = r.codes("languages")?;
        let open = r.bytes("open")?;
        let first = r.days("dates")?;
        let last = r.days("dates")?;
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
        let mut topics = topics.into_iter();
        let mut languages = languages.into_iter();
        for i in 0..n {
            let entity =
                EntityType::from_u8(entities[i]).ok_or(IndexFormatError::Damaged("types"))?;
            docs.push(DocFacts {
                entity,
                index: indexes[i],
                kind: OrganizationKind::ALL.get(usize::from(kinds[i])).copied(),
                state: (states[i] != NO_U8).then_some(states[i]),
                city: cities[i].checked_sub(1),
                topics: topics.next().unwrap_or_default(),
                languages: languages.next().unwrap_or_default(),
                open_to_new_members: open[i] == 1,
                days: first[i].zip(last[i]),
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
        // without checks: the lists are kept as they were saved and checked as they are
        // read: each ends at its first value outside its table.
        let term_count = terms.len();
        let bound = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let postings_ok = postings.len() == term_count;
        let postings = postings.bounded(bound(n.saturating_mul(4)));
        let names_ok = name_docs.len() == names.len();
        let name_docs = name_docs.bounded(bound(n));
        let parts_ok = part_terms.len() == parts.len();
        let part_terms = part_terms.bounded(bound(term_count.saturating_mul(2)));
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
            city_keys: std::sync::OnceLock::new(),
            topics: topic_table,
            languages: language_table,
        })
    }
}

fn kind_code(kind: Option<OrganizationKind>) -> u8 {
    kind.and_then(|k| OrganizationKind::ALL.iter().position(|x| *x == k))
        .map_or(NO_U8, |i| i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(w: &Writer) -> Reader<'_> {
        Reader { rest: &w.0 }
    }

    #[test]
    fn number_columns_round_trip_at_their_edges() {
        let values = [0, u32::MAX, 0, 5, 5, 127, 128, 16_384, 1, u32::MAX - 1];
        let mut w = Writer(Vec::new());
        w.deltas(values.iter().copied());
        let days = [
            None,
            Some(i32::MIN),
            Some(i32::MAX),
            Some(0),
            Some(-1),
            None,
        ];
        w.days(days.iter().copied());
        let mut r = reader(&w);
        assert_eq!(r.deltas("deltas"), Ok(values.to_vec()));
        assert_eq!(r.days("days"), Ok(days.to_vec()));
        assert!(r.rest.is_empty());
    }

    #[test]
    fn damaged_numbers_are_refused_not_trusted() {
        // A varint that never ends.
        let mut r = Reader { rest: &[0xFF; 12] };
        assert!(r.varint("v").is_err());
        // A count larger than the bytes left.
        let mut w = Writer(Vec::new());
        w.varint(1_000_000);
        assert!(reader(&w).deltas("deltas").is_err());
        // A delta that leaves the u32 range (below zero).
        let mut w = Writer(Vec::new());
        w.varint(1);
        w.varint(zigzag(-1));
        assert!(reader(&w).deltas("deltas").is_err());
    }
}
