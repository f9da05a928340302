//! Phone numbers as published (`0431 160-1310`, `(0431) 16013-10`,
//! `+49 (0)431 …`, `0049 …`) turned into E.164 (`+494311601310`), the form a
//! `tel:` link needs to dial from any phone, at home or abroad.
//!
//! The dataset format allows digits, spaces and `+ ( ) / -` in a phone field
//! (`docs/dataset-format.md`, Phone). A direct-dial extension is written after
//! `-` or `/` (`160-1310`, `160-0` for the switchboard) and is dialled as part
//! of the number, so separators simply vanish. Letters are outside the format
//! and are refused here too: `ext. 3` or `Tel.` cannot be dialled.

/// Why a published number cannot become an E.164 number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// A character other than digits, spaces and `+ ( ) / -`.
    #[error("contains {0:?}; a phone number has only digits, spaces and + ( ) / -")]
    InvalidCharacter(char),
    /// A `+` anywhere but at the start.
    #[error("has a + that is not at the start")]
    MisplacedPlus,
    /// No leading `0` or `+`: a local number without area code (or a service
    /// number such as 110) that has no international form.
    #[error("has no area code; write it with 0 and the area code, or with +49")]
    NoAreaCode,
    /// `000…`: country codes never begin with 0.
    #[error("has no country code after 00 or +")]
    NoCountryCode,
    /// Fewer digits than the shortest number that can be dialled from abroad.
    #[error("has {digits} digits with the country code; at least {MIN_DIGITS} are needed")]
    TooShort { digits: usize },
    /// More digits than E.164 allows.
    #[error("has {digits} digits with the country code; E.164 allows at most {MAX_DIGITS}")]
    TooLong { digits: usize },
}

/// The country code numbers without one get: the dataset is German.
const COUNTRY_CODE: &str = "49";
/// Country code plus the shortest German national number (a four-digit
/// area code with a three-digit subscriber number is 7 digits with `49`).
const MIN_DIGITS: usize = 7;
/// E.164's limit, country code included.
const MAX_DIGITS: usize = 15;

/// The number in E.164 form, `+` and digits only: `0431 160-1310` →
/// `+494311601310`.
pub fn to_e164(phone: &str) -> Result<String, PhoneError> {
    let phone = phone.trim();
    for (i, c) in phone.char_indices() {
        match c {
            '0'..='9' | ' ' | '(' | ')' | '/' | '-' => {}
            '+' if i == 0 => {}
            '+' => return Err(PhoneError::MisplacedPlus),
            other => return Err(PhoneError::InvalidCharacter(other)),
        }
    }
    let plus = phone.starts_with('+');
    let digits = digits(phone, plus);
    let international = if plus {
        digits.as_str()
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest
    } else if let Some(national) = digits.strip_prefix('0') {
        return checked(format!("{COUNTRY_CODE}{national}"));
    } else {
        return Err(PhoneError::NoAreaCode);
    };
    if international.starts_with('0') || international.is_empty() {
        return Err(PhoneError::NoCountryCode);
    }
    // `+49 0431 …`: a trunk 0 written after the country code is never dialled.
    match international
        .strip_prefix(COUNTRY_CODE)
        .and_then(|rest| rest.strip_prefix('0'))
    {
        Some(national) => checked(format!("{COUNTRY_CODE}{national}")),
        None => checked(international.to_owned()),
    }
}

/// A `tel:` link for the number: `tel:+494311601310`, or `tel:110` for the
/// nationwide service numbers that have no international form (110, 112,
/// 115, 116 xxx). `None` when the number cannot be dialled; show it as text.
pub fn tel_uri(phone: &str) -> Option<String> {
    match to_e164(phone) {
        Ok(number) => Some(format!("tel:{number}")),
        Err(PhoneError::NoAreaCode) => {
            let digits = digits(phone, false);
            is_service_number(&digits).then(|| format!("tel:{digits}"))
        }
        Err(_) => None,
    }
}

/// Police and fire emergency, the authority number 115 and the European
/// 116 xxx help lines (116 016, help for women facing violence; 116 117).
fn is_service_number(digits: &str) -> bool {
    matches!(digits, "110" | "112" | "115") || (digits.len() == 6 && digits.starts_with("116"))
}

/// The digits of the number. In an international number a `(0)` group is
/// the national trunk prefix that is not dialled from abroad
/// (`+49 (0)431 …`), so it is left out.
fn digits(phone: &str, international: bool) -> String {
    let international = international || phone.trim_start().starts_with("00");
    let mut out = String::with_capacity(phone.len());
    let mut rest = phone;
    while let Some(c) = rest.chars().next() {
        if c == '(' && international && !out.is_empty() {
            if let Some(close) = rest.find(')') {
                let inside: String = rest[1..close].chars().filter(|c| *c != ' ').collect();
                if inside == "0" {
                    rest = &rest[close + 1..];
                    continue;
                }
            }
        }
        if c.is_ascii_digit() {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `+` and the digits, when their count fits E.164.
fn checked(digits: String) -> Result<String, PhoneError> {
    match digits.len() {
        n if n < MIN_DIGITS => Err(PhoneError::TooShort { digits: n }),
        n if n > MAX_DIGITS => Err(PhoneError::TooLong { digits: n }),
        _ => Ok(format!("+{digits}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trunk_zero_in_brackets_counts_only_after_a_country_code() {
        assert_eq!(digits("+49 (0)431 1", true), "494311");
        assert_eq!(digits("0049 ( 0 ) 431 1", false), "00494311");
        assert_eq!(digits("(0431) 1", false), "04311");
        // In a national number "(0)" at the start is the trunk 0 itself.
        assert_eq!(digits("(0)431 1", false), "04311");
    }
}
