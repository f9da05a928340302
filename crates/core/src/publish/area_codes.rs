//! German area codes (Vorwahlen) and the place each one serves, for the
//! lint "the phone's area code does not fit the entry's place".
//!
//! The table is data, not code: the tool ships one built from the geocoding
//! data of Google's libphonenumber (Apache License 2.0), one line per code
//! (`0431<TAB>Kiel`), under the header `# dialognetz-area-codes 1`. German
//! area codes are a prefix code, so a number's area code is the longest
//! prefix of its national digits that the table has.

use std::collections::HashMap;

/// The first line of a table.
pub const HEADER: &str = "# dialognetz-area-codes 1";

/// Why a table cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AreaCodeError {
    #[error("the first line is not {HEADER:?}")]
    Header,
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
}

/// Area code → place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaCodes {
    places: HashMap<String, String>,
    longest: usize,
}

impl AreaCodes {
    /// Reads a table; `#` lines after the header are comments.
    pub fn from_text(text: &str) -> Result<Self, AreaCodeError> {
        let mut lines = text.lines().enumerate();
        if lines.next().map(|(_, l)| l.trim_end()) != Some(HEADER) {
            return Err(AreaCodeError::Header);
        }
        let mut table = AreaCodes::default();
        for (index, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |message: &str| AreaCodeError::Line {
                line: index + 1,
                message: message.to_owned(),
            };
            let (code, place) = line
                .split_once('\t')
                .ok_or_else(|| bad("no tab between code and place"))?;
            let code_ok = code.len() >= 3
                && code.starts_with('0')
                && code.bytes().all(|b| b.is_ascii_digit());
            if !code_ok || place.trim().is_empty() {
                return Err(bad("not an area code starting with 0 and a place"));
            }
            table.longest = table.longest.max(code.len());
            table
                .places
                .insert(code.to_owned(), place.trim().to_owned());
        }
        Ok(table)
    }

    /// The area code and its place for a phone number written in any form
    /// the format allows (`+49 431 160-0`, `0431 1600`); `None` for mobile
    /// and service numbers, numbers abroad and codes the table lacks.
    pub fn place_of(&self, phone: &str) -> Option<(&str, &str)> {
        let digits = super::national_digits(phone)?;
        (3..=self.longest.min(digits.len()))
            .rev()
            .find_map(|len| self.places.get_key_value(&digits[..len]))
            .map(|(code, place)| (code.as_str(), place.as_str()))
    }

    /// How many codes the table has.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# dialognetz-area-codes 1\n# source: a test\n030\tBerlin\n0431\tKiel\n04321\tNeumünster\n04331\tRendsburg\n";

    #[test]
    fn the_longest_prefix_is_the_area_code() {
        let codes = AreaCodes::from_text(TABLE).expect("reads");
        assert_eq!(codes.len(), 4);
        assert_eq!(codes.place_of("+49 431 160-1310"), Some(("0431", "Kiel")));
        assert_eq!(
            codes.place_of("04321 945-1202"),
            Some(("04321", "Neumünster"))
        );
        assert_eq!(codes.place_of("+49 (0)30 1234"), Some(("030", "Berlin")));
        assert_eq!(
            codes.place_of("0171 1234567"),
            None,
            "mobile numbers have no place"
        );
        assert_eq!(codes.place_of("+43 1 5555"), None);
    }

    #[test]
    fn a_table_without_its_header_or_with_a_broken_line_is_refused() {
        assert_eq!(
            AreaCodes::from_text("0431\tKiel"),
            Err(AreaCodeError::Header)
        );
        assert!(matches!(
            AreaCodes::from_text("# dialognetz-area-codes 1\n431 Kiel\n"),
            Err(AreaCodeError::Line { line: 2, .. })
        ));
    }
}
