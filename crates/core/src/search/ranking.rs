//! Answering a query: candidates, filters, the ranking key, the page.
//!
//! Per query word, every matching entry gets one 16-bit value: its best
//! match as `typos << 6 | field << 4 | kind` (smaller is better: fewer
//! typos, then a better field, then a better kind) shifted left by four,
//! and the mask of fields the word matched in, in the low four bits. The
//! values live in a dense array for common words and in a sorted list for
//! rare ones, whichever is cheaper. The ranking key of an entry packs the
//! rules of the module docs into one `u64`, so sorting by key is the bucket
//! sort.

use super::facets::FilterSet;
use super::matching::{allowed_typos, QueryWord, WordMatches, MAX_WORDS, MAX_WORD_BYTES};
use super::text::normalize_words;
use super::MatchKind;
use super::{DocRef, Hit, MatchedTerms, Query, RankDetails, SearchIndex, SearchResults, Sort};

const NONE: u16 = u16::MAX;

/// The entries one query word matched, with their values.
enum WordHits {
    /// Indexed by doc number, `NONE` where no match; plus the docs touched.
    Dense(Vec<u16>, Vec<u32>),
    /// Sorted by doc number.
    Sparse(Vec<(u32, u16)>),
}

impl WordHits {
    fn get(&self, doc: u32) -> Option<u16> {
        match self {
            WordHits::Dense(values, _) => values.get(doc as usize).copied().filter(|&v| v != NONE),
            WordHits::Sparse(list) => list
                .binary_search_by_key(&doc, |&(d, _)| d)
                .ok()
                .map(|i| list[i].1),
        }
    }

    fn len(&self) -> usize {
        match self {
            WordHits::Dense(_, docs) => docs.len(),
            WordHits::Sparse(list) => list.len(),
        }
    }

    fn docs(&self) -> Box<dyn Iterator<Item = u32> + '_> {
        match self {
            WordHits::Dense(_, docs) => Box::new(docs.iter().copied()),
            WordHits::Sparse(list) => Box::new(list.iter().map(|&(d, _)| d)),
        }
    }
}

/// The `k` smallest of `keys`, in order: one pass that compares each key
/// with the largest kept so far. A page of 20 out of 100,000 matches keeps
/// only a few hundred keys on the way, where selecting (`select_nth`)
/// moved the whole list several times: at 100k a one-letter query's page
/// took it about a millisecond in WebAssembly.
fn smallest(keys: &[u64], k: usize) -> Vec<u64> {
    let mut best: Vec<u64> = Vec::with_capacity(k + 1);
    for &key in keys {
        if best.len() == k {
            match best.last() {
                Some(&largest) if key < largest => {
                    best.pop();
                }
                _ => continue,
            }
        }
        let at = best.partition_point(|&kept| kept < key);
        best.insert(at, key);
    }
    best
}

/// True when the text's last word ends in `str` as typed (not `straße`).
fn raw_ends_in_str(text: &str) -> bool {
    let last = text
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    last.to_lowercase().ends_with("str")
}

/// The doc number in a ranking key.
fn doc_of(key: u64) -> u32 {
    key as u32
}

// Where each rule sits in a ranking key (most significant first).
const MISSING: u32 = 60;
const WEAK: u32 = 59;
const TYPOS: u32 = 54;
const FIELDS: u32 = 48;
const PROXIMITY: u32 = 47;
const NOT_WHOLE: u32 = 46;
const KINDS: u32 = 40;
/// Not a rule: marks entries without every word as typed in a name or city
/// (for the fewest-typos cut); below the rules, above the doc number.
const NOT_AS_TYPED: u32 = 32;
/// Rule 3 of a ranking key.
fn typos_of(key: u64) -> u64 {
    (key >> TYPOS) & 31
}

/// The field mask bits of name and city.
const NAME_OR_CITY: u8 = 0b11;

/// A word value that matched without typos in a name or city.
fn is_strong_as_typed(value: u16) -> bool {
    let (typos, field, _, _) = parts(value);
    typos == 0 && field <= 1
}

/// 0: every word as typed in a name or city; 1: no typos, but a word only
/// elsewhere; 2: with typos. Once there is a 0, the 2s are cut.
fn cut_class(key: u64) -> u64 {
    if (key >> NOT_AS_TYPED) & 1 == 0 {
        0
    } else if typos_of(key) == 0 {
        1
    } else {
        2
    }
}

fn merge(old: u16, level: u16, mask: u16) -> u16 {
    if old == NONE {
        level << 4 | mask
    } else {
        (old >> 4).min(level) << 4 | (old & 0xF) | mask
    }
}

/// Split of a word value into (typos, field, kind, mask).
fn parts(value: u16) -> (u8, u8, u8, u8) {
    let level = value >> 4;
    (
        (level >> 6) as u8,
        ((level >> 4) & 3) as u8,
        (level & 0xF) as u8,
        (value & 0xF) as u8,
    )
}

impl SearchIndex {
    /// Calls `put(doc, level, field mask)` for every posting a word matched.
    #[inline]
    fn each_posting(&self, matches: &WordMatches, mut put: impl FnMut(u32, u16, u16)) {
        for (&term, m) in &matches.terms {
            let base = u16::from(m.typos) << 6 | m.kind as u16;
            for posting in self.postings.get(term as usize) {
                let field = (posting & 3) as u16;
                put(posting >> 2, base | field << 4, 1 << field);
            }
        }
        for &(doc, mask) in &matches.phrase_docs {
            let field = mask.trailing_zeros().min(3) as u16;
            put(
                doc,
                super::MatchKind::Synonym as u16 | field << 4,
                u16::from(mask),
            );
        }
    }

    fn word_hits(&self, matches: &WordMatches) -> WordHits {
        let total: usize = matches
            .terms
            .keys()
            .map(|&t| self.postings.count(t as usize))
            .fold(matches.phrase_docs.len(), usize::saturating_add);
        // A value per entry (two bytes each, set in one pass) beats sorting
        // the postings from about one in 256 entries on: natively at 100k
        // `ki` took 0.60 ms sorted and 0.11 ms dense, `polizei k` 1.7 and
        // 1.2 ms (examples/search_timing.rs).
        if total > self.docs.len() / 256 {
            let mut values = vec![NONE; self.docs.len()];
            let mut touched = Vec::with_capacity(total.min(self.docs.len()));
            self.each_posting(matches, |doc, level, mask| {
                if let Some(slot) = values.get_mut(doc as usize) {
                    if *slot == NONE {
                        touched.push(doc);
                        *slot = level << 4 | mask;
                    } else {
                        *slot = merge(*slot, level, mask);
                    }
                }
            });
            WordHits::Dense(values, touched)
        } else {
            let mut list = Vec::with_capacity(total);
            self.each_posting(matches, |doc, level, mask| {
                list.push((doc, level << 4 | mask))
            });
            list.sort_unstable_by_key(|&(d, _)| d);
            let mut merged: Vec<(u32, u16)> = Vec::with_capacity(list.len());
            for (doc, value) in list {
                match merged.last_mut() {
                    Some(last) if last.0 == doc => last.1 = merge(last.1, value >> 4, value & 0xF),
                    _ => merged.push((doc, value)),
                }
            }
            WordHits::Sparse(merged)
        }
    }

    /// One word being typed that many entries have (the first letters,
    /// `polizei`, `gemeinde`), without filters or facets. Ranking every
    /// match is what makes such keystrokes slow, and only the first page is
    /// shown; so the page is taken field by field and kind by kind (the
    /// ranking's order for one word: field, whole name, kind, static rank),
    /// each posting list read only up to the page's last entry, and the
    /// total counted in a bitset. Same hits, same order as the general path
    /// (tests compare them).
    fn search_common_word(
        &self,
        query: &Query,
        words: &[QueryWord],
        filters: &FilterSet,
    ) -> Option<SearchResults> {
        let [word] = words else { return None };
        let wanted = query.offset.checked_add(query.limit)?;
        let plain = filters.is_empty() && !query.facets && query.near.is_none();
        if !(word.prefix && plain && wanted <= 200) {
            return None;
        }
        let matches = self.match_word(word);
        if !matches.phrase_docs.is_empty() {
            return None;
        }
        // The words matched, by kind (best first).
        let mut by_kind: Vec<(u64, Vec<u32>)> = Vec::new();
        let mut terms: Vec<(u64, u32)> = matches
            .terms
            .iter()
            .map(|(&term, m)| (m.kind as u64, term))
            .collect();
        terms.sort_unstable();
        for (kind, term) in terms {
            match by_kind.last_mut() {
                Some((k, list)) if *k == kind => list.push(term),
                _ => by_kind.push((kind, vec![term])),
            }
        }
        // The total: every entry with any of the words, in a bitset; cheap
        // enough only to pay off for words in many entries.
        let postings: usize = by_kind
            .iter()
            .flat_map(|(_, list)| list)
            .map(|&t| self.postings.count(t as usize))
            .fold(0, usize::saturating_add);
        if postings < self.docs.len() / 4 {
            return None;
        }
        // Each word's postings as a slice (decoded once if the index still
        // holds them as saved): the total and each field read them.
        let by_kind: Vec<(u64, Vec<std::borrow::Cow<'_, [u32]>>)> = by_kind
            .into_iter()
            .map(|(kind, terms)| {
                let lists = terms
                    .iter()
                    .map(|&t| self.postings.slice(t as usize))
                    .collect();
                (kind, lists)
            })
            .collect();
        let mut seen_any = vec![0u64; self.docs.len().div_ceil(64)];
        for list in by_kind.iter().flat_map(|(_, lists)| lists) {
            for &posting in list.iter() {
                let doc = (posting >> 2) as usize;
                if let Some(bits) = seen_any.get_mut(doc / 64) {
                    *bits |= 1 << (doc % 64);
                }
            }
        }
        let total = seen_any.iter().map(|b| b.count_ones() as usize).sum();
        let whole: Vec<u32> = self
            .names
            .get(normalize_words(&query.text).join(" "))
            .map_or(Vec::new(), |list| {
                self.name_docs.get(list as usize).collect()
            });

        let mut page: Vec<u64> = Vec::with_capacity(wanted);
        let mut taken = std::collections::HashSet::new();
        for field in 0..4u32 {
            if field == 2 && page.is_empty() {
                // No name or city has the word as typed: the general path
                // looks for typos.
                return None;
            }
            let weak = u64::from(field >= 2);
            let key = |doc: u32, kind: u64| {
                weak << WEAK
                    | u64::from(field) << FIELDS
                    | u64::from(!whole.contains(&doc)) << NOT_WHOLE
                    | kind << KINDS
                    | u64::from(field > 1) << NOT_AS_TYPED
                    | u64::from(doc)
            };
            // This field's entries, kind by kind, each kind's lowest entries
            // up to the page's size (an entry counts at its best kind).
            let mut bucket: Vec<u64> = Vec::new();
            let mut in_field = std::collections::HashSet::new();
            for (kind, lists) in &by_kind {
                if *kind == MatchKind::Exact as u64 {
                    // All of them: a whole name ranks first whatever its number.
                    for list in lists {
                        for &p in list.iter() {
                            let doc = p >> 2;
                            if p & 3 == field && !taken.contains(&doc) && in_field.insert(doc) {
                                bucket.push(key(doc, *kind));
                            }
                        }
                    }
                    continue;
                }
                let mut best: std::collections::BinaryHeap<u64> =
                    std::collections::BinaryHeap::new();
                let mut in_best = std::collections::HashSet::new();
                for list in lists {
                    for &posting in list.iter() {
                        let doc = posting >> 2;
                        let full = best.len() >= wanted;
                        if full && best.peek().is_some_and(|&max| doc > doc_of(max)) {
                            break; // the list is sorted: the rest come later
                        }
                        if posting & 3 != field
                            || taken.contains(&doc)
                            || in_field.contains(&doc)
                            || !in_best.insert(doc)
                        {
                            continue;
                        }
                        best.push(key(doc, *kind));
                        if best.len() > wanted {
                            if let Some(dropped) = best.pop() {
                                in_best.remove(&doc_of(dropped));
                            }
                        }
                    }
                }
                in_field.extend(in_best);
                bucket.extend(best);
                if in_field.len() + page.len() >= wanted {
                    break;
                }
            }
            bucket.sort_unstable();
            for k in bucket {
                if page.len() == wanted {
                    break;
                }
                taken.insert(doc_of(k));
                page.push(k);
            }
            if page.len() == wanted {
                break;
            }
        }
        page.sort_unstable();
        let hits = page
            .get(query.offset..)
            .unwrap_or_default()
            .iter()
            .take(query.limit)
            .map(|&key| self.hit(key, doc_of(key), f32::INFINITY, 1))
            .collect();
        Some(SearchResults {
            hits,
            total,
            partial: false,
            facets: None,
            terms: MatchedTerms::new(words.to_vec()),
        })
    }

    /// True when some entry that `shown` accepts has every word as typed in
    /// its name or city.
    fn any_meets(&self, hits: &[WordHits], shown: &dyn Fn(u32) -> bool) -> bool {
        let Some(rarest) = (0..hits.len()).min_by_key(|&i| hits[i].len()) else {
            return true;
        };
        hits[rarest].docs().any(|d| {
            hits.iter()
                .all(|h| h.get(d).is_some_and(is_strong_as_typed))
                && shown(d)
        })
    }

    /// The query's words as the search treats them.
    pub(crate) fn query_words(&self, text: &str) -> Vec<QueryWord> {
        let ends_open = !text.ends_with(char::is_whitespace);
        let mut words: Vec<String> = match super::build::phone_query(text) {
            Some(phone) => vec![phone],
            None => normalize_words(text),
        };
        words.truncate(MAX_WORDS);
        let n = words.len();
        words
            .into_iter()
            .enumerate()
            .map(|(i, mut w)| {
                if w.len() > MAX_WORD_BYTES {
                    let mut cut = MAX_WORD_BYTES;
                    while !w.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    w.truncate(cut);
                }
                let synonyms = self
                    .synonyms_of(&w)
                    .into_iter()
                    .filter_map(|m| match m {
                        [single] => Some(single.clone()),
                        _ => None,
                    })
                    .collect();
                let last = i + 1 == n;
                // Digits are typed in groups (`0431 160`): the last group is
                // always a beginning.
                let digits = w.bytes().all(|b| b.is_ascii_digit());
                let prefix = last && (ends_open || digits);
                // The word being typed keeps its `…str` as typed, so that it
                // still begins `Stralsund` or `Industrie`.
                let mut exact_alternative = None;
                if prefix && ends_open && w.ends_with("strasse") && raw_ends_in_str(text) {
                    exact_alternative = Some(w.clone());
                    w.truncate(w.len() - "asse".len());
                }
                QueryWord {
                    typos: allowed_typos(&w),
                    prefix,
                    text: w,
                    synonyms,
                    exact_alternative,
                }
            })
            .collect()
    }

    /// Answers a query (see the module docs for matching and ranking).
    pub fn search(&self, query: &Query) -> SearchResults {
        let words = self.query_words(&query.text);
        let filters = FilterSet::new(self, query);
        if let Some(results) = self.search_common_word(query, &words, &filters) {
            return results;
        }
        // Near a point: the distance of an entry, and the radius.
        let near = query.near;
        let distance = |doc: u32| {
            near.and_then(|n| {
                self.docs[doc as usize]
                    .geo
                    .map(|g| super::facets::distance_km(n.point, g))
            })
            .unwrap_or(f32::INFINITY)
        };
        let radius = near.and_then(|n| n.radius_km).map(|r| r as f32);
        let in_radius = |doc: u32| radius.is_none_or(|r| distance(doc) <= r);
        let shown = |doc: u32| {
            in_radius(doc)
                && (filters.is_empty() || filters.rejects(self, &self.docs[doc as usize]) == 0)
        };

        // Typos only when no entry that would be shown has every word as
        // typed in its name or city: otherwise the rule below would cut the
        // typo matches away again, so looking for them is wasted work.
        let mut matches: Vec<WordMatches> = words.iter().map(|w| self.match_word(w)).collect();
        let mut hits: Vec<WordHits> = matches.iter().map(|m| self.word_hits(m)).collect();
        // First only the words that no name or city has as typed (the
        // misspelt ones: `polizeirevir` in `Polizeirevir Kiel`), then, if
        // they still do not meet, every word.
        if !self.any_meets(&hits, &shown) {
            let mut expanded = vec![false; words.len()];
            for (i, word) in words.iter().enumerate() {
                let strong = hits[i]
                    .docs()
                    .any(|d| hits[i].get(d).is_some_and(is_strong_as_typed));
                if word.typos > 0 && !strong {
                    self.match_typos(word, &mut matches[i]);
                    hits[i] = self.word_hits(&matches[i]);
                    expanded[i] = true;
                }
            }
            if !self.any_meets(&hits, &shown) {
                for (i, word) in words.iter().enumerate() {
                    if word.typos > 0 && !expanded[i] {
                        self.match_typos(word, &mut matches[i]);
                        hits[i] = self.word_hits(&matches[i]);
                    }
                }
            }
        }

        let whole: Vec<u32> = match words.is_empty() {
            true => Vec::new(),
            false => self
                .names
                .get(normalize_words(&query.text).join(" "))
                .map_or(Vec::new(), |list| {
                    self.name_docs.get(list as usize).collect()
                }),
        };

        // Ranking keys (the doc number is in the key's low bits) of every
        // entry in the radius with every word (AND), or, when none has them
        // all, with any.
        let mut partial = false;
        let mut keys: Vec<u64> = Vec::new();
        if hits.is_empty() {
            keys.extend(
                (0..self.docs.len() as u32)
                    .filter(|&doc| in_radius(doc))
                    .map(|doc| 1u64 << NOT_WHOLE | u64::from(doc)),
            );
        } else {
            let rarest = (0..hits.len()).min_by_key(|&i| hits[i].len()).unwrap_or(0);
            let key = |doc: u32| self.rank_key(&hits, doc, whole.contains(&doc));
            keys.extend(
                hits[rarest]
                    .docs()
                    .filter(|&d| hits.iter().all(|h| h.get(d).is_some()) && in_radius(d))
                    .map(key),
            );
            if keys.is_empty() && hits.len() > 1 {
                partial = true;
                let mut docs: Vec<u32> = hits.iter().flat_map(|h| h.docs()).collect();
                docs.sort_unstable();
                docs.dedup();
                keys.extend(docs.into_iter().filter(|&d| in_radius(d)).map(key));
            }
        }
        let facets = query
            .facets
            .then(|| filters.count(self, keys.iter().map(|&k| (doc_of(k), cut_class(k)))));
        if !filters.is_empty() {
            keys.retain(|&k| filters.rejects(self, &self.docs[doc_of(k) as usize]) == 0);
        }
        // Once an entry has every word as typed in its name or city, typo
        // matches are noise (`korb` for `kora`): they are left out (see the
        // module docs). In a partial result everything is kept.
        if !partial && !words.is_empty() && keys.iter().any(|&k| cut_class(k) == 0) {
            keys.retain(|&k| cut_class(k) < 2);
        }

        let total = keys.len();
        let wanted = query.offset.saturating_add(query.limit).min(total);
        // No page (the app's facet counts come on their own, with a limit
        // of 0): nothing to order. Sorting every match cost a one-letter
        // query at 100k entries about 2 ms in WebAssembly.
        if wanted == 0 {
            keys.clear();
        }
        let page: Vec<(u64, f32)> = if query.sort == Sort::Distance && near.is_some() {
            let mut with_distance: Vec<(f32, u64)> =
                keys.iter().map(|&k| (distance(doc_of(k)), k)).collect();
            let order = |a: &(f32, u64), b: &(f32, u64)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
            if wanted > 0 && wanted < with_distance.len() {
                with_distance.select_nth_unstable_by(wanted - 1, order);
                with_distance.truncate(wanted);
            }
            with_distance.sort_unstable_by(order);
            with_distance.into_iter().map(|(d, k)| (k, d)).collect()
        } else {
            let keys = if wanted > 0 && wanted < keys.len() {
                smallest(&keys, wanted)
            } else {
                keys.sort_unstable();
                keys
            };
            keys.into_iter().map(|k| (k, distance(doc_of(k)))).collect()
        };
        let page = page
            .get(query.offset..)
            .unwrap_or_default()
            .iter()
            .take(query.limit)
            .map(|&(key, distance)| self.hit(key, doc_of(key), distance, words.len()))
            .collect();
        SearchResults {
            hits: page,
            total,
            partial,
            facets,
            terms: MatchedTerms::new(words),
        }
    }

    /// The ranking key: rules 1–6 in the high bits, the doc number (rule 7)
    /// in the low 32.
    fn rank_key(&self, hits: &[WordHits], doc: u32, whole_name: bool) -> u64 {
        let (mut missing, mut typos, mut fields, mut kinds) = (0u64, 0u64, 0u64, 0u64);
        let mut common_fields = 0xFu8;
        let (mut weak, mut as_typed) = (false, true);
        for h in hits {
            match h.get(doc) {
                Some(value) => {
                    let (t, f, k, mask) = parts(value);
                    typos += u64::from(t);
                    fields += u64::from(f);
                    kinds += u64::from(k);
                    common_fields &= mask;
                    weak |= mask & NAME_OR_CITY == 0;
                    as_typed &= is_strong_as_typed(value);
                }
                None => missing += 1,
            }
        }
        let proximity = u64::from(common_fields == 0 && hits.len() > 1);
        missing.min(15) << MISSING
            | u64::from(weak) << WEAK
            | typos.min(31) << TYPOS
            | fields.min(63) << FIELDS
            | proximity << PROXIMITY
            | u64::from(!whole_name) << NOT_WHOLE
            | kinds.min(63) << KINDS
            | u64::from(!(as_typed && missing == 0)) << NOT_AS_TYPED
            | u64::from(doc)
    }

    fn hit(&self, key: u64, doc: u32, distance: f32, words: usize) -> Hit {
        let facts = &self.docs[doc as usize];
        let missing = (key >> MISSING) as u8;
        let relevance = key >> KINDS;
        let rank = RankDetails {
            words: 0,
            name_or_city: (key >> WEAK) & 1 == 0,
            typos: typos_of(key) as u8,
            fields: ((key >> FIELDS) & 63) as u8,
            proximity: ((key >> PROXIMITY) & 1) as u8,
            whole_name: (key >> NOT_WHOLE) & 1 == 0,
            exactness: ((key >> KINDS) & 63) as u8,
        };
        Hit {
            doc: DocRef {
                entity: facts.entity,
                index: facts.index,
            },
            id: self.ids.get(doc as usize).unwrap_or_default(),
            score: 1.0 - relevance as f64 / (1u64 << 24) as f64,
            distance_km: distance.is_finite().then_some(f64::from(distance)),
            rank: RankDetails {
                words: (words as u8).saturating_sub(missing),
                ..rank
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::smallest;

    #[test]
    fn smallest_is_the_front_of_the_sorted_keys() {
        // A fixed "random" order with repeats, and the edges of k.
        let mut state = 7u64;
        let keys: Vec<u64> = (0..5000)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                (state >> 40) % 3000
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        for k in [1, 2, 20, 200, 4999] {
            assert_eq!(smallest(&keys, k), sorted[..k].to_vec(), "k = {k}");
        }
        let ascending: Vec<u64> = (0..100).collect();
        assert_eq!(smallest(&ascending, 20), (0..20).collect::<Vec<_>>());
        let descending: Vec<u64> = (0..100).rev().collect();
        assert_eq!(smallest(&descending, 20), (0..20).collect::<Vec<_>>());
        assert!(smallest(&[], 20).is_empty());
    }
}
