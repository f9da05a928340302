//! Text normalisation for German, the same for the index and the query.
//!
//! A word goes through, in this order:
//! 1. compatibility decomposition (NFKD, so `ﬁ` → `fi`, `①` → `1`) with every
//!    combining mark dropped (`é` → `e`, `ü` → `u`): NFKC plus diacritics
//!    removed, in one pass;
//! 2. lower case, and `ß`/`ẞ` → `ss`, `æ` → `ae`, `ø` → `o`, `ł` → `l`;
//! 3. `ae`/`oe`/`ue` → `a`/`o`/`u`, the way German is typed without umlauts
//!    (`Muenchen`, `München` and `Munchen` all become `munchen`), except where
//!    the pair is not an umlaut spelled out: `ue` after `q` (`Quelle`) and any
//!    pair after a vowel (`Feuer`, `Bauer`, `neue`);
//! 4. a word ending in `str` (the abbreviation of *Straße*) ends in `strasse`,
//!    so `Albertstr.`, `Albertstraße` and `Albertstrasse` meet.
//!
//! Words are split at every character that is neither a letter nor a digit
//! (spaces, punctuation, hyphens: `Demokratie-Zentrum` is two words).
//!
//! Every normalised word keeps a map back to the original text, so a match
//! can be marked in the text as published ([`Token::original_range`]).

use std::ops::Range;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// One word of a text: its normalised form and where it stands in the
/// original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised word (lower case, no diacritics, umlauts folded).
    pub text: String,
    /// For each byte of `text`, the byte offset in the original text of the
    /// character it came from; one more entry at the end: the offset just
    /// after the word.
    pub origin: Vec<usize>,
}

impl Token {
    /// The original byte range of the first `normalised_len` bytes of the
    /// word (all of it for `text.len()`): what to mark for a prefix match.
    pub fn original_range(&self, normalised_start: usize, normalised_end: usize) -> Range<usize> {
        let end_index = normalised_end.min(self.text.len());
        let start = self.origin[normalised_start.min(end_index)];
        // The end is the start of the next original character: the origin of
        // the next normalised byte that comes from a later character.
        let last_origin = if end_index == 0 {
            start
        } else {
            self.origin[end_index - 1]
        };
        let end = self.origin[end_index..]
            .iter()
            .copied()
            .find(|&o| o > last_origin)
            .unwrap_or(self.origin[self.origin.len() - 1]);
        start..end.max(start)
    }

    /// True when the word has a digit (postcodes, phone parts, house
    /// numbers): such words get no typo tolerance.
    pub fn has_digit(&self) -> bool {
        self.text.bytes().any(|b| b.is_ascii_digit())
    }
}

/// Splits a text into normalised words, each with its map to the original.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut words = Words::default();
    words.run(text, |word, origin| {
        tokens.push(Token {
            text: word.to_owned(),
            origin: origin.to_vec(),
        })
    });
    tokens
}

/// Calls `f` with every normalised word of `text`, without allocating per
/// word: what indexing uses (it needs no map to the original).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    thread_local! {
        static WORDS: std::cell::RefCell<Words> = std::cell::RefCell::new(Words::default());
    }
    WORDS.with(|words| match words.try_borrow_mut() {
        Ok(mut words) => words.run(text, |word, _| f(word)),
        // Re-entered from inside `f`: use a fresh buffer.
        Err(_) => Words::default().run(text, |word, _| f(word)),
    });
}

/// The normalised words of a text, without the maps (for queries and keys).
pub fn normalize_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_owned()));
    out
}

/// A whole text normalised to one line of words separated by single spaces
/// (`"Bürger-Dialog Straße"` → `"burger dialog strasse"`): for comparing
/// names, places and synonyms.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::new();
    for_each_word(text, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Reusable buffers for splitting and normalising words.
#[derive(Default)]
struct Words {
    /// The word being collected: normalised characters with the offsets of
    /// the original characters they came from.
    chars: Vec<(char, usize)>,
    folded: Vec<(char, usize)>,
    text: String,
    origin: Vec<usize>,
}

impl Words {
    fn run(&mut self, text: &str, mut f: impl FnMut(&str, &[usize])) {
        self.chars.clear();
        for (offset, ch) in text.char_indices() {
            if self.push_char(offset, ch) {
                continue;
            }
            self.finish(offset, &mut f);
        }
        self.finish(text.len(), &mut f);
    }

    /// Adds the normalised form of one original character to the word;
    /// false when the character separates words.
    fn push_char(&mut self, offset: usize, ch: char) -> bool {
        if ch.is_ascii() {
            if ch.is_ascii_alphanumeric() {
                self.chars.push((ch.to_ascii_lowercase(), offset));
                return true;
            }
            return false;
        }
        if is_combining_mark(ch) {
            // A mark belongs to the letter before it (decomposed input).
            return !self.chars.is_empty();
        }
        let mut any = false;
        let chars = &mut self.chars;
        decompose_compatible(ch, |part| {
            if is_combining_mark(part) || !part.is_alphanumeric() {
                return;
            }
            any = true;
            fold_case(part, |lower| chars.push((lower, offset)));
        });
        any
    }

    fn finish(&mut self, end: usize, f: &mut impl FnMut(&str, &[usize])) {
        if self.chars.is_empty() {
            return;
        }
        fold_umlaut_pairs(&self.chars, &mut self.folded);
        self.chars.clear();
        expand_street(&mut self.folded);
        self.text.clear();
        self.origin.clear();
        for &(ch, from) in &self.folded {
            self.text.push(ch);
            for _ in 0..ch.len_utf8() {
                self.origin.push(from);
            }
        }
        self.origin.push(end);
        f(&self.text, &self.origin);
    }
}

/// Lower case plus the German and Nordic letters that have no decomposition.
fn fold_case(ch: char, push: impl FnMut(char)) {
    let special: Option<&'static str> = match ch {
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'ø' | 'Ø' => Some("o"),
        'ł' | 'Ł' => Some("l"),
        'đ' | 'Đ' => Some("d"),
        'ı' => Some("i"),
        _ => None,
    };
    match special {
        Some(s) => s.chars().for_each(push),
        None => ch.to_lowercase().for_each(push),
    }
}

fn is_vowel(ch: char) -> bool {
    // Not `y`: `Eyüp` typed as `Eyuep` must fold (`y` is a consonant there).
    matches!(ch, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// `ae`/`oe`/`ue` → `a`/`o`/`u` unless after a vowel or (`ue`) after `q`.
fn fold_umlaut_pairs(chars: &[(char, usize)], out: &mut Vec<(char, usize)>) {
    out.clear();
    let mut i = 0;
    while i < chars.len() {
        let (ch, from) = chars[i];
        let next_is_e = chars.get(i + 1).is_some_and(|&(c, _)| c == 'e');
        if next_is_e && matches!(ch, 'a' | 'o' | 'u') {
            let before = out.last().map(|&(c, _)| c);
            let after_vowel = before.is_some_and(is_vowel);
            let after_q = ch == 'u' && before == Some('q');
            if !after_vowel && !after_q {
                out.push((ch, from));
                i += 2;
                continue;
            }
        }
        out.push((ch, from));
        i += 1;
    }
}

/// A word ending in the abbreviation `str` ends in `strasse`.
fn expand_street(chars: &mut Vec<(char, usize)>) {
    let n = chars.len();
    let ends_in_str = n >= 3 && chars[n - 3..].iter().map(|&(c, _)| c).eq("str".chars());
    if ends_in_str {
        let from = chars[n - 1].1;
        chars.extend("asse".chars().map(|c| (c, from)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        normalize_words(text)
    }

    #[test]
    fn umlauts_their_spelled_out_forms_and_plain_vowels_meet() {
        assert_eq!(words("München"), ["munchen"]);
        assert_eq!(words("Muenchen"), ["munchen"]);
        assert_eq!(words("Munchen"), ["munchen"]);
        assert_eq!(words("NEUMÜNSTER"), words("Neumuenster"));
        assert_eq!(words("Göttingen"), words("Goettingen"));
        assert_eq!(words("Ärzte"), words("Aerzte"));
    }

    #[test]
    fn sharp_s_becomes_ss() {
        assert_eq!(words("Großstadt"), ["grossstadt"]);
        assert_eq!(words("GROẞSTADT"), ["grossstadt"]);
    }

    #[test]
    fn pairs_that_are_not_umlauts_stay() {
        assert_eq!(words("Quelle"), ["quelle"]);
        assert_eq!(words("Feuerwehr"), ["feuerwehr"]);
        assert_eq!(words("Bauer"), ["bauer"]);
        assert_eq!(words("neue"), ["neue"]);
        // `Quelle` and a `Qülle` typed by mistake do not meet.
        assert_ne!(words("Quelle"), words("Qülle"));
    }

    #[test]
    fn diacritics_are_removed_and_compatibility_forms_composed() {
        assert_eq!(words("Café Çiğdem"), ["cafe", "cigdem"]);
        assert_eq!(words("ﬁnanz"), ["finanz"]);
        // Decomposed input (u + combining diaeresis) gives the same.
        assert_eq!(words("Mu\u{0308}nchen"), ["munchen"]);
    }

    #[test]
    fn punctuation_and_hyphens_split_words() {
        assert_eq!(words("Demokratie-Zentrum"), ["demokratie", "zentrum"]);
        assert_eq!(
            words("Albertstr. 10, 01097 Dresden"),
            ["albertstrasse", "10", "01097", "dresden"]
        );
        assert_eq!(words("  "), Vec::<String>::new());
    }

    #[test]
    fn street_abbreviation_meets_the_full_word() {
        assert_eq!(words("Albertstr."), ["albertstrasse"]);
        assert_eq!(words("Albertstraße"), ["albertstrasse"]);
        assert_eq!(words("Albertstrasse"), ["albertstrasse"]);
        assert_eq!(words("Str."), words("Straße"));
    }

    #[test]
    fn tokens_map_back_to_the_original_text() {
        let text = "Moschee Dresden-Süd";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 3);
        let sud = &tokens[2];
        assert_eq!(sud.text, "sud");
        assert_eq!(&text[sud.original_range(0, sud.text.len())], "Süd");
        let moschee = &tokens[0];
        assert_eq!(&text[moschee.original_range(0, 4)], "Mosc");
    }

    #[test]
    fn a_prefix_of_a_folded_word_maps_to_whole_characters() {
        let text = "Muenchen";
        let token = &tokenize(text)[0];
        assert_eq!(token.text, "munchen");
        // "mu" is "Mue" in the original: the folded `e` belongs to the `u`.
        assert_eq!(&text[token.original_range(0, 2)], "Mue");
        let text = "Straße";
        let token = &tokenize(text)[0];
        assert_eq!(token.text, "strasse");
        assert_eq!(&text[token.original_range(0, 5)], "Straß");
    }

    #[test]
    fn digits_are_words_too() {
        let tokens = tokenize("0351 56-45");
        assert_eq!(
            tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
            ["0351", "56", "45"]
        );
        assert!(tokens[0].has_digit());
    }
}
