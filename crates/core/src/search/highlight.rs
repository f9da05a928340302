//! Which characters of a shown text matched the query, so the UI can mark
//! them (as text nodes: the ranges are byte offsets into the text as
//! published, on character boundaries, and never carry markup).

use std::ops::Range;

use super::matching::{dfa_distance, stemmer};
use super::text::{tokenize, Token};
use super::{MatchedTerms, SearchIndex};

impl SearchIndex {
    /// The byte ranges of `text` that the query's words matched, sorted and
    /// not overlapping. Call it on any field of a hit (name, city,
    /// description) with the [`super::SearchResults::terms`] of its search.
    pub fn highlight(&self, text: &str, terms: &MatchedTerms) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for token in tokenize(text) {
            if let Some((start, end)) = best_mark(&token, terms) {
                ranges.push(token.original_range(start, end));
            }
        }
        ranges.retain(|r| !r.is_empty());
        // Tokens do not overlap, so the ranges are sorted already; merging
        // keeps `Demokratie-Zentrum` as two marks around the hyphen.
        ranges
    }
}

/// The normalised byte range of the token to mark, if any query word
/// matched it.
fn best_mark(token: &Token, terms: &MatchedTerms) -> Option<(usize, usize)> {
    let t = token.text.as_str();
    let mut best: Option<(usize, usize)> = None;
    let mut take = |range: (usize, usize)| {
        let longer = best.is_none_or(|b| range.1 - range.0 > b.1 - b.0);
        if longer {
            best = Some(range);
        }
    };
    for (word, automata) in terms.words.iter().zip(terms.automata()) {
        let w = word.text.as_str();
        if t == w {
            return Some((0, t.len()));
        }
        if word.prefix && t.starts_with(w) {
            take((0, w.len()));
            continue;
        }
        // Past the first character (not byte: `جماعة` is two bytes a letter).
        let second = t.chars().next().map_or(t.len(), char::len_utf8);
        if let Some(at) = t[second..].find(w).map(|i| i + second) {
            // A compound part (or the start of one, as typed).
            take((at, at + w.len()));
            continue;
        }
        let stems_apply = w.chars().count() >= 4 && t.chars().count() >= 4 && !token.has_digit();
        if stems_apply && stemmer().stem(t) == stemmer().stem(w) {
            take((0, t.len()));
            continue;
        }
        if let Some(len) = word
            .synonyms
            .iter()
            .filter(|s| t.starts_with(s.as_str()))
            .map(|s| s.len())
            .max()
        {
            take((0, len));
            continue;
        }
        let (Some(whole), false) = (&automata.whole, token.has_digit()) else {
            continue;
        };
        match &automata.prefix {
            Some(prefix) => {
                if dfa_distance(prefix, t).is_some() {
                    // Mark the prefix of the token closest to what was typed
                    // (fewest edits, then the longest).
                    let cut = (1..=t.len())
                        .filter(|&i| t.is_char_boundary(i))
                        .filter_map(|i| {
                            dfa_distance(whole, &t[..i]).map(|d| (d, std::cmp::Reverse(i)))
                        })
                        .min()
                        .map(|(_, std::cmp::Reverse(i))| i);
                    take((0, cut.unwrap_or(t.len())));
                }
            }
            None => {
                if dfa_distance(whole, t).is_some() {
                    take((0, t.len()));
                }
            }
        }
    }
    best
}
