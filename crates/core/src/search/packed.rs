//! The index's big tables kept in the bytes they are saved as, and decoded
//! where a search reads them: posting lists and entry ids. Loading a saved
//! index then copies these bytes instead of decoding every value (at 100k
//! organisations millions of postings and 150,000 ids: most of a returning
//! start's index load); as bytes they take a third of the memory decoded
//! numbers would (once the postings are decoded, both are kept).
//!
//! A search answers from the bytes straight away; [`Lists::decode_all`]
//! (run by the app once the first results are painted) decodes the
//! postings once for the keystrokes after it.
//!
//! Everything read from here may come from storage that was damaged or
//! forged, so every read is checked: a list ends at its first value outside
//! its table, an id that does not decode is `None`; nothing panics.

use std::sync::OnceLock;

/// LEB128: seven bits a byte, low first.
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The varint at `bytes[*at..]`, moving `at` past it; `None` when it runs
/// past the end or past 64 bits.
#[inline]
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let first = *bytes.get(*at)?;
    *at += 1;
    if first < 0x80 {
        return Some(u64::from(first));
    }
    let mut value = u64::from(first & 0x7F);
    let mut shift = 7;
    loop {
        let byte = *bytes.get(*at)?;
        *at += 1;
        if shift > 63 {
            return None;
        }
        value |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
    }
}

pub(crate) fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub(crate) fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// The bound of lists whose values are not table positions: any `u32`.
const ANY: u64 = 1 << 32;

/// Many lists of `u32`, each as its length and its values as zigzag
/// varints of the step from the value before: sorted lists (postings) take
/// about a byte a value.
#[derive(Debug, Clone)]
pub(crate) struct Lists {
    /// Where each list starts in `bytes`, and where the last one ends.
    starts: Vec<u32>,
    bytes: Vec<u8>,
    /// Values from this one on are not in the table the lists point into:
    /// damage, never returned.
    bound: u64,
    /// Every list decoded, once [`Lists::decode_all`] has run: reading a
    /// slice is several times cheaper than decoding, which counts for the
    /// lists a keystroke reads over and over (postings).
    decoded: OnceLock<Decoded>,
}

/// Every list's values in one buffer.
#[derive(Debug, Clone)]
struct Decoded {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

/// Equal when they hold the same lists, decoded or not.
impl PartialEq for Lists {
    fn eq(&self, other: &Lists) -> bool {
        (&self.starts, &self.bytes, self.bound) == (&other.starts, &other.bytes, other.bound)
    }
}

impl Eq for Lists {}

impl Default for Lists {
    fn default() -> Lists {
        Lists {
            starts: vec![0],
            bytes: Vec::new(),
            bound: ANY,
            decoded: OnceLock::new(),
        }
    }
}

impl Lists {
    /// How many lists there are.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn list_bytes(&self, list: usize) -> &[u8] {
        match (self.starts.get(list), self.starts.get(list + 1)) {
            (Some(&start), Some(&end)) => self
                .bytes
                .get(start as usize..end as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    fn packed(&self, list: usize) -> ListValues<'_> {
        let bytes = self.list_bytes(list);
        let mut at = 0;
        let remaining = read_varint(bytes, &mut at).unwrap_or(0);
        ListValues {
            bytes,
            at,
            remaining,
            previous: 0,
            bound: self.bound,
        }
    }

    /// The values of list `list` (none for a list that does not exist).
    #[inline]
    pub fn get(&self, list: usize) -> ListIter<'_> {
        match self.decoded.get() {
            Some(d) => {
                let range = match (d.offsets.get(list), d.offsets.get(list + 1)) {
                    (Some(&start), Some(&end)) => start as usize..end as usize,
                    _ => 0..0,
                };
                ListIter::Decoded(d.values.get(range).unwrap_or_default().iter())
            }
            None => ListIter::Packed(self.packed(list)),
        }
    }

    /// How many values list `list` says it has (to choose how to read it).
    pub fn count(&self, list: usize) -> usize {
        if let Some(d) = self.decoded.get() {
            return match (d.offsets.get(list), d.offsets.get(list + 1)) {
                (Some(&start), Some(&end)) => end.saturating_sub(start) as usize,
                _ => 0,
            };
        }
        let bytes = self.list_bytes(list);
        let mut at = 0;
        // Every value takes a byte at least: a larger count is damage, and
        // sums of counts must not overflow.
        read_varint(bytes, &mut at).map_or(0, |n| {
            usize::try_from(n)
                .unwrap_or(usize::MAX)
                .min(bytes.len().saturating_sub(at))
        })
    }

    /// List `list` as a slice: borrowed once the lists are decoded, decoded
    /// into a new `Vec` before that (for a list read more than once).
    pub fn slice(&self, list: usize) -> std::borrow::Cow<'_, [u32]> {
        match self.get(list) {
            ListIter::Decoded(values) => std::borrow::Cow::Borrowed(values.as_slice()),
            packed => std::borrow::Cow::Owned(packed.collect()),
        }
    }

    /// Decodes every list once, for the reads after it (see `decoded`).
    pub fn decode_all(&self) {
        self.decoded.get_or_init(|| {
            let mut offsets = Vec::with_capacity(self.starts.len());
            let mut values = Vec::with_capacity(self.bytes.len());
            offsets.push(0);
            for list in 0..self.len() {
                values.extend(self.packed(list));
                offsets.push(u32::try_from(values.len()).unwrap_or(u32::MAX));
            }
            Decoded { offsets, values }
        });
    }

    /// Adds a list after the others.
    pub fn push(&mut self, list: impl IntoIterator<Item = u32>) {
        let values: Vec<u32> = list.into_iter().collect();
        write_varint(&mut self.bytes, values.len() as u64);
        let mut previous = 0i64;
        for v in values {
            let v = i64::from(v);
            write_varint(&mut self.bytes, zigzag(v - previous));
            previous = v;
        }
        self.starts.push(self.bytes.len() as u32);
        self.decoded = OnceLock::new();
    }

    /// The lists as saved: where each starts (`u32`s) and their bytes.
    pub fn parts(&self) -> (&[u32], &[u8]) {
        (&self.starts, &self.bytes)
    }

    /// Lists from saved parts; `None` unless the starts begin at 0, never
    /// go back and end at the end of the bytes.
    pub fn from_parts(starts: Vec<u32>, bytes: Vec<u8>) -> Option<Lists> {
        let in_order = starts.first() == Some(&0)
            && starts.windows(2).all(|w| w[0] <= w[1])
            && starts.last().map(|&end| end as usize) == Some(bytes.len());
        in_order.then_some(Lists {
            starts,
            bytes,
            bound: ANY,
            decoded: OnceLock::new(),
        })
    }

    /// Values from `bound` on end their list: they would point outside the
    /// table the lists index into.
    pub fn bounded(mut self, bound: u32) -> Lists {
        self.bound = u64::from(bound);
        self.decoded = OnceLock::new();
        self
    }
}

/// The values of one list: read from the decoded lists, or decoded as
/// they are read.
#[derive(Debug, Clone)]
pub(crate) enum ListIter<'a> {
    Decoded(std::slice::Iter<'a, u32>),
    Packed(ListValues<'a>),
}

impl Iterator for ListIter<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self {
            ListIter::Decoded(values) => values.next().copied(),
            ListIter::Packed(values) => values.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            ListIter::Decoded(values) => values.size_hint(),
            ListIter::Packed(values) => values.size_hint(),
        }
    }
}

/// The values of one list, decoded as they are read.
#[derive(Debug, Clone)]
pub(crate) struct ListValues<'a> {
    bytes: &'a [u8],
    at: usize,
    remaining: u64,
    previous: i64,
    bound: u64,
}

impl Iterator for ListValues<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.remaining == 0 {
            return None;
        }
        let step = read_varint(self.bytes, &mut self.at);
        let next = step.and_then(|s| self.previous.checked_add(unzigzag(s)));
        match next {
            Some(v) if v >= 0 && (v as u64) < self.bound => {
                self.remaining -= 1;
                self.previous = v;
                Some(v as u32)
            }
            _ => {
                // Damage: the list ends here.
                self.remaining = 0;
                None
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, usize::try_from(self.remaining).ok())
    }
}

/// Ids per block: a lookup decodes at most this many.
const BLOCK: usize = 16;

/// Entry ids by doc number, front-coded (each id as the length of the
/// prefix it shares with the one before and the rest: `org-000123`,
/// `org-000124` take a few bytes each) in blocks of [`BLOCK`] that start
/// afresh, so a lookup decodes one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ids {
    len: usize,
    /// Where each block starts in `bytes`.
    blocks: Vec<u32>,
    bytes: Vec<u8>,
}

impl Ids {
    pub fn len(&self) -> usize {
        self.len
    }

    /// The id of entry `doc`; `None` past the end or where the bytes are
    /// damaged.
    pub fn get(&self, doc: usize) -> Option<String> {
        if doc >= self.len {
            return None;
        }
        let mut at = *self.blocks.get(doc / BLOCK)? as usize;
        let mut id: Vec<u8> = Vec::new();
        for _ in 0..=doc % BLOCK {
            let shared = usize::try_from(read_varint(&self.bytes, &mut at)?).ok()?;
            let rest = usize::try_from(read_varint(&self.bytes, &mut at)?).ok()?;
            if shared > id.len() {
                return None;
            }
            id.truncate(shared);
            id.extend_from_slice(self.bytes.get(at..at.checked_add(rest)?)?);
            at += rest;
        }
        String::from_utf8(id).ok()
    }

    /// The ids as saved: how many, where each block starts, the bytes.
    pub fn parts(&self) -> (usize, &[u32], &[u8]) {
        (self.len, &self.blocks, &self.bytes)
    }

    /// Ids from saved parts; `None` unless there is a block for every
    /// [`BLOCK`] ids and the blocks start in order inside the bytes.
    pub fn from_parts(len: usize, blocks: Vec<u32>, bytes: Vec<u8>) -> Option<Ids> {
        let sound = blocks.len() == len.div_ceil(BLOCK)
            && blocks.windows(2).all(|w| w[0] <= w[1])
            && blocks.last().is_none_or(|&b| (b as usize) < bytes.len());
        sound.then_some(Ids { len, blocks, bytes })
    }
}

impl<'a> FromIterator<&'a str> for Ids {
    fn from_iter<I: IntoIterator<Item = &'a str>>(items: I) -> Ids {
        let mut ids = Ids {
            len: 0,
            blocks: Vec::new(),
            bytes: Vec::new(),
        };
        let mut previous = "";
        for id in items {
            let shared = if ids.len.is_multiple_of(BLOCK) {
                ids.blocks.push(ids.bytes.len() as u32);
                0
            } else {
                let mut shared = previous
                    .bytes()
                    .zip(id.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                while !id.is_char_boundary(shared) {
                    shared -= 1;
                }
                shared
            };
            write_varint(&mut ids.bytes, shared as u64);
            write_varint(&mut ids.bytes, (id.len() - shared) as u64);
            ids.bytes.extend_from_slice(&id.as_bytes()[shared..]);
            ids.len += 1;
            previous = id;
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_keep_every_value_with_empty_lists_and_steps_back() {
        let given: [&[u32]; 4] = [&[3, 9, 9, 200_000], &[], &[7, 2, u32::MAX, 0], &[0]];
        let mut lists = Lists::default();
        for list in given {
            lists.push(list.iter().copied());
        }
        assert_eq!(lists.len(), 4);
        for (i, list) in given.iter().enumerate() {
            assert_eq!(lists.get(i).collect::<Vec<_>>(), *list, "list {i}");
            assert_eq!(lists.count(i), list.len());
        }
        assert_eq!(lists.get(4).count(), 0, "no such list");
        assert!(matches!(lists.slice(0), std::borrow::Cow::Owned(_)));
        let packed: Vec<Vec<u32>> = (0..4).map(|i| lists.get(i).collect()).collect();
        lists.decode_all();
        assert!(matches!(lists.get(0), ListIter::Decoded(_)));
        assert!(matches!(
            lists.slice(0),
            std::borrow::Cow::Borrowed(&[3, 9, 9, 200_000])
        ));
        let decoded: Vec<Vec<u32>> = (0..4).map(|i| lists.get(i).collect()).collect();
        assert_eq!(decoded, packed);
        assert_eq!(
            (0..4).map(|i| lists.count(i)).collect::<Vec<_>>(),
            [4, 0, 4, 1]
        );
        let (starts, bytes) = lists.parts();
        let again = Lists::from_parts(starts.to_vec(), bytes.to_vec()).expect("sound");
        assert_eq!(again, lists);
    }

    #[test]
    fn a_list_ends_at_its_first_value_outside_the_table() {
        let mut lists = Lists::default();
        lists.push([1, 5, 40, 6]);
        let lists = lists.bounded(10);
        assert_eq!(lists.get(0).collect::<Vec<_>>(), [1, 5]);
        lists.decode_all();
        assert_eq!(lists.get(0).collect::<Vec<_>>(), [1, 5], "decoded alike");
    }

    #[test]
    fn damaged_lists_are_refused_or_cut_short() {
        assert!(
            Lists::from_parts(vec![1, 2], vec![0; 2]).is_none(),
            "starts after 0"
        );
        assert!(
            Lists::from_parts(vec![0, 2, 1], vec![0; 1]).is_none(),
            "goes back"
        );
        assert!(
            Lists::from_parts(vec![0, 2], vec![0; 3]).is_none(),
            "bytes left over"
        );
        // A list that says it has 5 values and has 2, one of which never ends.
        let lists = Lists::from_parts(vec![0, 4], vec![5, 2, 0xFF, 0xFF]).expect("in order");
        assert_eq!(lists.get(0).collect::<Vec<_>>(), [1]);
        assert_eq!(lists.count(0), 3, "no more than the bytes left");
        // A forged count near 2^64 neither overflows nor claims more.
        let lists = Lists::from_parts(
            vec![0, 11],
            vec![
                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0,
            ],
        )
        .expect("in order");
        assert_eq!(lists.count(0), 1);
        // A step below zero.
        let lists = Lists::from_parts(vec![0, 2], vec![1, zigzag(-1) as u8]).expect("in order");
        assert_eq!(lists.get(0).count(), 0);
    }

    #[test]
    fn ids_keep_every_string_across_blocks_and_split_on_characters() {
        let mut items: Vec<String> = ["", "org-0001", "org-0002", "org-0002", "äb", "äc", "ä"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        items.extend((0..40).map(|i| format!("moschee-köln-{i}")));
        let ids: Ids = items.iter().map(String::as_str).collect();
        assert_eq!(ids.len(), items.len());
        for (doc, item) in items.iter().enumerate() {
            assert_eq!(ids.get(doc).as_deref(), Some(item.as_str()), "id {doc}");
        }
        assert_eq!(ids.get(items.len()), None);
        let (len, blocks, bytes) = ids.parts();
        let again = Ids::from_parts(len, blocks.to_vec(), bytes.to_vec()).expect("sound");
        assert_eq!(again, ids);
        // Sequential ids cost about their differing characters.
        let sequential: Vec<String> = (1000..2000).map(|i| format!("org-{i:06}")).collect();
        let ids: Ids = sequential.iter().map(String::as_str).collect();
        assert!(
            ids.parts().2.len() < 5 * sequential.len(),
            "{} bytes",
            ids.parts().2.len()
        );
    }

    #[test]
    fn damaged_ids_are_refused_or_none() {
        let ids: Ids = ["ä", "äx"].into_iter().collect();
        let (len, blocks, bytes) = ids.parts();
        assert!(Ids::from_parts(len + 16, blocks.to_vec(), bytes.to_vec()).is_none());
        // The second id's shared length cut inside the `ä`.
        let mut bytes = bytes.to_vec();
        let at = bytes.len() - 3;
        assert_eq!(bytes[at], 2);
        bytes[at] = 1;
        let damaged = Ids::from_parts(len, blocks.to_vec(), bytes).expect("blocks sound");
        assert_eq!(damaged.get(0).as_deref(), Some("ä"));
        assert_eq!(damaged.get(1), None);
        // A shared length longer than the id before.
        let damaged = Ids::from_parts(2, vec![0], vec![0, 1, b'a', 3, 1, b'b']).expect("blocks");
        assert_eq!(damaged.get(1), None);
    }
}
