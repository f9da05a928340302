//! The publisher's work on a dataset, without any file or network access:
//! turning a spreadsheet's rows into organisations ([`import`]), saying what
//! changed between two datasets ([`diff`]) and what is valid but likely wrong
//! ([`lint`]). The `dialognetz` tool reads and writes the files; everything
//! here takes and returns values, so it is tested without a disk.

pub mod area_codes;
pub mod diff;
pub mod import;
pub mod lint;

/// German words compared without case and umlaut spellings: `Straße` and
/// `strasse` are one word, as in the search.
pub(crate) fn fold(text: &str) -> String {
    crate::search::text::normalize_text(text)
}

/// Damerau–Levenshtein distance (optimal string alignment) between two
/// short words, in characters; used to spot typos. The search's own.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    crate::search::osa_distance(a, b)
}

/// A phone number's digits in national form: `+49 431 160-0` → `04311600`,
/// `+49 (0)431 …` → `0431…`; `None` for a number abroad (`+43 …`).
pub fn national_digits(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if phone.starts_with('+') || digits.starts_with("0049") {
        let rest = digits
            .strip_prefix("0049")
            .or_else(|| digits.strip_prefix("49"))?;
        Some(format!("0{}", rest.trim_start_matches('0')))
    } else {
        Some(digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("zweigstelle", "zweigestelle"), 1);
        assert_eq!(edit_distance("straße", "staße"), 1);
        assert_eq!(edit_distance("kiel", "keil"), 1);
        assert_eq!(edit_distance("kiel", "kiel"), 0);
        assert_eq!(edit_distance("henstedt", "barmstedt"), 4);
    }

    #[test]
    fn phones_are_compared_in_national_form() {
        assert_eq!(
            national_digits("+49 431 160-0").as_deref(),
            Some("04311600")
        );
        assert_eq!(
            national_digits("+49 (0)431 1600").as_deref(),
            Some("04311600")
        );
        assert_eq!(national_digits("0431 160-0").as_deref(), Some("04311600"));
        assert_eq!(
            national_digits("0049 431 1600").as_deref(),
            Some("04311600")
        );
        assert_eq!(national_digits("+43 1 234"), None);
    }
}
