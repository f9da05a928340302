//! German compounds: where `Polizeirevier` may be cut into `polizei` and
//! `revier`, so that a part finds the whole word.
//!
//! A cut inside a word is accepted where one side is a known word: the word
//! list is every word of the dataset plus [`LEXICON`], the constituents that
//! names in this field are built from (a dataset of few entries may not have
//! `revier` on its own). Precisely, position `i` of a word `w` (at least 6
//! letters, no digits) is a cut when
//! - `w[i..]` is a known word of at least 4 letters, or of 3 from the lexicon
//!   (`rat` in `Integrationsrat`); or
//! - `w[..i]` is a known word of at least 4 letters and `w[i..]` has at least
//!   4 letters; or
//! - `w[..i]` ends in the linking `s` and the rest before it is a known word
//!   of at least 4 letters (`Integration|s|rat`).
//!
//! Every run of letters between two cuts (or a cut and an end) is a part:
//! `kriminal|polizei|stelle` has the parts `kriminal`, `kriminalpolizei`,
//! `polizei`, `polizeistelle` and `stelle`.

use std::collections::HashSet;

use super::text::normalize_words;

/// Constituents of German compounds common in this field (normalised when
/// used). Short on purpose: the dataset's own words do most of the work.
pub(crate) const LEXICON: &[&str] = &[
    "amt",
    "arbeit",
    "ausländer",
    "ausstieg",
    "beauftragte",
    "behörde",
    "beirat",
    "beratung",
    "bezirk",
    "bildung",
    "bund",
    "bürger",
    "dialog",
    "dienst",
    "direktion",
    "familie",
    "forum",
    "frauen",
    "freund",
    "gemeinde",
    "gemeinschaft",
    "gesellschaft",
    "haus",
    "hilfe",
    "hochschule",
    "initiative",
    "inspektion",
    "integration",
    "islam",
    "jugend",
    "kreis",
    "kriminal",
    "kultur",
    "land",
    "landes",
    "migration",
    "moschee",
    "netz",
    "netzwerk",
    "ordnung",
    "polizei",
    "prävention",
    "projekt",
    "rat",
    "revier",
    "schule",
    "schutz",
    "sicherheit",
    "sozial",
    "stadt",
    "station",
    "stelle",
    "stiftung",
    "verband",
    "verein",
    "verwaltung",
    "wache",
    "zentrale",
    "zentrum",
];

/// The known words for cutting.
pub(crate) struct Vocabulary<'a> {
    words: HashSet<&'a str>,
    lexicon: HashSet<String>,
}

impl<'a> Vocabulary<'a> {
    pub fn new(words: impl IntoIterator<Item = &'a str>) -> Self {
        let lexicon = LEXICON
            .iter()
            .flat_map(|w| normalize_words(w))
            .collect::<HashSet<_>>();
        Vocabulary {
            words: words.into_iter().collect(),
            lexicon,
        }
    }

    fn known(&self, word: &str, min_chars: usize) -> bool {
        let n = word.chars().count();
        if self.lexicon.contains(word) {
            return n >= 3;
        }
        n >= min_chars && self.words.contains(word)
    }

    /// Byte offsets where `word` may be cut (sorted, never 0 or the end).
    pub fn cuts(&self, word: &str) -> Vec<usize> {
        if word.chars().count() < 6 || word.bytes().any(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let mut cuts = Vec::new();
        for (i, _) in word
            .char_indices()
            .filter(|&(i, _)| word[..i].chars().count() >= 3)
        {
            let (head, tail) = word.split_at(i);
            let tail_chars = tail.chars().count();
            if tail_chars < 3 {
                break;
            }
            let tail_known = self.known(tail, 4);
            let head_known = tail_chars >= 4 && self.known(head, 4);
            let linked = tail_chars >= 3
                && head.len() > 4
                && head.ends_with('s')
                && self.known(&head[..head.len() - 1], 4);
            if tail_known || head_known || linked {
                cuts.push(i);
            }
        }
        cuts
    }
}

/// Every part of `word` between cuts: `(start, end)` byte ranges, the whole
/// word excluded, and none shorter than 3 letters (the linking `s` between
/// two cuts is no part).
pub(crate) fn parts(word: &str, cuts: &[usize]) -> Vec<(usize, usize)> {
    let mut bounds = Vec::with_capacity(cuts.len() + 2);
    bounds.push(0);
    bounds.extend_from_slice(cuts);
    bounds.push(word.len());
    let mut out = Vec::new();
    for (a, &start) in bounds.iter().enumerate() {
        for &end in &bounds[a + 1..] {
            let long_enough = word[start..end].chars().count() >= 3;
            if (start, end) != (0, word.len()) && long_enough {
                out.push((start, end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str, known: &[&str]) -> Vec<String> {
        let vocabulary = Vocabulary::new(known.iter().copied());
        let cuts = vocabulary.cuts(word);
        parts(word, &cuts)
            .into_iter()
            .map(|(a, b)| word[a..b].to_owned())
            .collect()
    }

    #[test]
    fn cuts_where_a_side_is_a_known_word() {
        let got = split("polizeirevier", &[]);
        assert!(got.contains(&"revier".to_owned()), "{got:?}");
        assert!(got.contains(&"polizei".to_owned()), "{got:?}");
        let got = split("kriminalpolizeistelle", &[]);
        for part in ["kriminal", "polizei", "stelle", "polizeistelle"] {
            assert!(got.contains(&part.to_owned()), "{part} in {got:?}");
        }
    }

    #[test]
    fn linking_s_is_skipped() {
        let got = split("integrationsrat", &[]);
        assert!(got.contains(&"rat".to_owned()), "{got:?}");
        let got = split("integrationsverein", &[]);
        assert!(!got.contains(&"s".to_owned()), "{got:?}");
        assert!(got.contains(&"verein".to_owned()), "{got:?}");
    }

    #[test]
    fn words_from_the_data_cut_too() {
        let got = split("moscheegemeinde", &["moschee"]);
        assert!(got.contains(&"gemeinde".to_owned()));
        let got = split("abcdefghij", &["ghij"]);
        assert_eq!(got, ["abcdef", "ghij"]);
    }

    #[test]
    fn short_words_and_numbers_are_not_cut() {
        assert!(split("rathaus", &["rat", "haus"]).contains(&"haus".to_owned()));
        assert!(split("amtrat", &[]).is_empty() || split("amtrat", &[]).len() <= 2);
        assert!(split("revier2", &[]).is_empty());
        assert!(split("haus", &[]).is_empty());
    }
}
