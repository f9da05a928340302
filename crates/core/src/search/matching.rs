//! From a query word to the indexed words it matches, and how.

use std::collections::HashMap;
use std::sync::OnceLock;

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use rust_stemmers::{Algorithm, Stemmer};

use super::build::{part_ends_word, part_term};
use super::{MatchKind, SearchIndex};

/// Longest query word considered, in bytes (longer ones are cut).
pub(crate) const MAX_WORD_BYTES: usize = 64;
/// Query words considered; the rest are ignored.
pub(crate) const MAX_WORDS: usize = 10;

/// Typos allowed for a word: one from 4 letters, two from 8; none for words
/// with digits.
pub(crate) fn allowed_typos(word: &str) -> u8 {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return 0;
    }
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The Levenshtein automaton builders, made once per process: building one
/// costs milliseconds, building a DFA from it microseconds.
pub(crate) fn dfa(word: &str, typos: u8, prefix: bool) -> DFA {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let builder = if typos >= 2 {
        TWO.get_or_init(|| LevenshteinAutomatonBuilder::new(2, true))
    } else {
        ONE.get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))
    };
    if prefix {
        builder.build_prefix_dfa(word)
    } else {
        builder.build_dfa(word)
    }
}

/// The edit distance a DFA gives a whole text, if within its bound.
pub(crate) fn dfa_distance(dfa: &DFA, text: &str) -> Option<u8> {
    match dfa.eval(text) {
        Distance::Exact(d) => Some(d),
        Distance::AtLeast(_) => None,
    }
}

/// Edit distance with transpositions of neighbours (optimal string
/// alignment), on characters: for the few terms a typo automaton matched.
pub(crate) fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// A Levenshtein DFA as an FST automaton.
struct Lev<'a>(&'a DFA);

impl Automaton for Lev<'_> {
    type State = u32;
    fn start(&self) -> u32 {
        self.0.initial_state()
    }
    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }
    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }
    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

pub(crate) fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::German))
}

/// One query word as the search treats it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QueryWord {
    pub text: String,
    /// The last word, still being typed.
    pub prefix: bool,
    pub typos: u8,
    /// Single-word synonyms (normalised), for marking matches.
    pub synonyms: Vec<String>,
    /// Another form that matches exactly: the finished word of a prefix
    /// kept as typed (`albertstr` → `albertstrasse`).
    pub exact_alternative: Option<String>,
}

/// The typo automata of one query word, for marking matches: the whole
/// word's, and for a word being typed also its prefix automaton.
pub(crate) struct WordAutomata {
    pub whole: Option<DFA>,
    pub prefix: Option<DFA>,
}

impl WordAutomata {
    pub fn of(word: &QueryWord) -> WordAutomata {
        if word.typos == 0 {
            return WordAutomata {
                whole: None,
                prefix: None,
            };
        }
        WordAutomata {
            whole: Some(dfa(&word.text, word.typos, false)),
            prefix: word.prefix.then(|| dfa(&word.text, word.typos, true)),
        }
    }
}

impl std::fmt::Debug for WordAutomata {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordAutomata")
            .field("whole", &self.whole.is_some())
            .field("prefix", &self.prefix.is_some())
            .finish()
    }
}

/// How one indexed word matched: typos and kind (the best, if several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TermMatch {
    pub typos: u8,
    pub kind: MatchKind,
}

/// Everything a query word matched.
#[derive(Debug, Default)]
pub(crate) struct WordMatches {
    /// Term number → how it matched.
    pub terms: HashMap<u32, TermMatch>,
    /// Entries that have every word of a multi-word synonym: doc → field mask.
    pub phrase_docs: Vec<(u32, u8)>,
}

impl WordMatches {
    fn add(&mut self, term: u32, typos: u8, kind: MatchKind) {
        let new = TermMatch { typos, kind };
        self.terms
            .entry(term)
            .and_modify(|old| *old = (*old).min(new))
            .or_insert(new);
    }
}

impl SearchIndex {
    /// Every indexed word `word` matches without typos (see the module docs
    /// for the rules); [`SearchIndex::match_typos`] adds the rest.
    pub(crate) fn match_word(&self, word: &QueryWord) -> WordMatches {
        let mut out = WordMatches::default();
        let w = word.text.as_str();
        for exact in std::iter::once(w).chain(word.exact_alternative.as_deref()) {
            if let Some(term) = self.terms.get(exact) {
                out.add(term as u32, 0, MatchKind::Exact);
            }
        }
        if word.prefix {
            self.each_with_prefix(&self.terms, w, |term, _| {
                out.add(term as u32, 0, MatchKind::Prefix)
            });
        }
        // Compound parts: the last part (the German head) before others.
        if let Some(list) = self.parts.get(w) {
            for packed in self.part_terms.get(list as usize) {
                let kind = if part_ends_word(packed) {
                    MatchKind::CompoundPart
                } else {
                    MatchKind::CompoundInner
                };
                out.add(part_term(packed), 0, kind);
            }
        }
        if word.prefix && w.len() >= 3 {
            let mut lists = Vec::new();
            self.each_with_prefix(&self.parts, w, |list, _| lists.push(list));
            for list in lists {
                for packed in self.part_terms.get(list as usize) {
                    out.add(part_term(packed), 0, MatchKind::CompoundPrefix);
                }
            }
        }
        if super::build::stems_apply(w) {
            // Inflections: words with the same German stem of which one
            // begins the other (`Moschee`/`Moscheen`, `Verein`/`Vereine`),
            // so the stemmer's cuts do not join names (`Erden`/`Erdem`).
            let stem = stemmer().stem(w);
            let mut stream = self
                .terms
                .search(Str::new(&stem).starts_with())
                .into_stream();
            while let Some((key, term)) = stream.next() {
                let Ok(text) = std::str::from_utf8(key) else {
                    continue;
                };
                let inflection = text.starts_with(w) || w.starts_with(text);
                if inflection && text != w && stemmer().stem(text) == stem {
                    out.add(term as u32, 0, MatchKind::Stem);
                }
            }
        }
        self.match_synonyms(w, &mut out);
        out
    }

    /// Adds the indexed words within `word.typos` edits of `word`.
    pub(crate) fn match_typos(&self, word: &QueryWord, out: &mut WordMatches) {
        let w = word.text.as_str();
        if word.typos == 0 {
            return;
        }
        // One automaton per word: building one costs more than running it
        // (hundreds of states for two typos), so it is built once and, for a
        // finished word, also run over the compound parts.
        let automaton = dfa(w, word.typos, word.prefix);
        let mut stream = self.terms.search_with_state(Lev(&automaton)).into_stream();
        while let Some((key, term, state)) = stream.next() {
            let Distance::Exact(d) = automaton.distance(state) else {
                continue;
            };
            if d == 0 {
                continue;
            }
            // For the word being typed, a term near the whole word ranks
            // above one that only begins near it (`sultan` before `sultani`).
            let kind = match std::str::from_utf8(key) {
                Ok(text) if word.prefix && osa_distance(w, text) > usize::from(word.typos) => {
                    MatchKind::TypoPrefix
                }
                _ => MatchKind::Typo,
            };
            out.add(term as u32, d, kind);
        }
        if word.prefix {
            // A word still being typed is not yet a compound part.
            return;
        }
        // A misspelt compound part (`revir` for `…revier`).
        let mut lists = Vec::new();
        let mut stream = self.parts.search_with_state(Lev(&automaton)).into_stream();
        while let Some((_, list, state)) = stream.next() {
            if let Distance::Exact(d) = automaton.distance(state) {
                if d > 0 {
                    lists.push((list, d));
                }
            }
        }
        for (list, d) in lists {
            for packed in self.part_terms.get(list as usize) {
                out.add(part_term(packed), d, MatchKind::Typo);
            }
        }
    }

    /// Calls `f(value, key)` for every key of `map` that starts with `prefix`.
    fn each_with_prefix(
        &self,
        map: &fst::Map<Vec<u8>>,
        prefix: &str,
        mut f: impl FnMut(u64, &[u8]),
    ) {
        let mut stream = map.search(Str::new(prefix).starts_with()).into_stream();
        while let Some((key, value)) = stream.next() {
            f(value, key);
        }
    }

    /// Words of the dataset's synonym groups that `word` is a member of.
    pub(crate) fn synonyms_of(&self, word: &str) -> Vec<&[String]> {
        let mut members = Vec::new();
        for &group in self.synonym_lookup.get(word).into_iter().flatten() {
            for member in self.synonyms.get(group as usize).into_iter().flatten() {
                if member.as_slice() != [word] && !member.is_empty() {
                    members.push(member.as_slice());
                }
            }
        }
        members
    }

    fn match_synonyms(&self, w: &str, out: &mut WordMatches) {
        for member in self.synonyms_of(w) {
            match member {
                [single] => {
                    // A synonym is a whole word, but may begin a compound
                    // (`kriminalpolizei` in `Kriminalpolizeistelle`).
                    self.each_with_prefix(&self.terms, single, |term, _| {
                        out.add(term as u32, 0, MatchKind::Synonym)
                    });
                    if let Some(list) = self.parts.get(single) {
                        for packed in self.part_terms.get(list as usize) {
                            out.add(part_term(packed), 0, MatchKind::Synonym);
                        }
                    }
                }
                words => {
                    let docs = self.docs_with_all(words);
                    out.phrase_docs.extend(docs);
                }
            }
        }
        out.phrase_docs.sort_unstable();
        out.phrase_docs.dedup_by(|a, b| {
            if a.0 == b.0 {
                b.1 |= a.1;
                true
            } else {
                false
            }
        });
    }

    /// Entries that have every one of `words` exactly or as a compound part,
    /// with the fields that have all of them (or, if none has all, the
    /// fields of the first word).
    fn docs_with_all(&self, words: &[String]) -> Vec<(u32, u8)> {
        let mut result: Option<Vec<(u32, u8, u8)>> = None;
        for word in words {
            let mut terms: Vec<u32> = self.terms.get(word).map(|t| t as u32).into_iter().collect();
            if let Some(list) = self.parts.get(word) {
                terms.extend(self.part_terms.get(list as usize).map(part_term));
            }
            let mut docs: Vec<(u32, u8)> = terms
                .iter()
                .flat_map(|&t| self.postings.get(t as usize))
                .map(|p| (p >> 2, 1u8 << (p & 3)))
                .collect();
            docs.sort_unstable();
            docs.dedup_by(|a, b| {
                if a.0 == b.0 {
                    b.1 |= a.1;
                    true
                } else {
                    false
                }
            });
            result = Some(match result {
                None => docs.into_iter().map(|(d, m)| (d, m, m)).collect(),
                Some(previous) => {
                    let mut merged = Vec::new();
                    let mut j = 0;
                    for (doc, all, first) in previous {
                        while j < docs.len() && docs[j].0 < doc {
                            j += 1;
                        }
                        if j < docs.len() && docs[j].0 == doc {
                            merged.push((doc, all & docs[j].1, first));
                        }
                    }
                    merged
                }
            });
            if result.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        result
            .unwrap_or_default()
            .into_iter()
            .map(|(doc, all, first)| (doc, if all != 0 { all } else { first }))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_distance_counts_a_swap_of_neighbours_as_one() {
        assert_eq!(osa_distance("sultan", "sultan"), 0);
        assert_eq!(osa_distance("sulan", "sultan"), 1);
        assert_eq!(osa_distance("sutlan", "sultan"), 1);
        assert_eq!(osa_distance("sulan", "sultani"), 2);
        assert_eq!(osa_distance("", "abc"), 3);
    }

    #[test]
    fn typos_grow_with_the_word() {
        assert_eq!(allowed_typos("kor"), 0);
        assert_eq!(allowed_typos("kora"), 1);
        assert_eq!(allowed_typos("dresden"), 1);
        assert_eq!(allowed_typos("polizeirevier"), 2);
        assert_eq!(allowed_typos("24539"), 0);
    }
}
