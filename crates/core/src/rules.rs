//! The format's value rules, one function each. Every function takes the
//! value as published and says in one sentence what is wrong with it.

use time::format_description::well_known::Rfc3339;
use time::{Date as CalendarDate, Month, OffsetDateTime};

/// The German federal states as ISO 3166-2 codes without `DE-`.
pub const STATE_CODES: [&str; 16] = [
    "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
];

/// Longest name of an organisation or forum, in characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest URL, in bytes.
pub const MAX_URL_BYTES: usize = 2048;

/// `[a-z0-9][a-z0-9-]{0,63}`.
pub fn check_id(id: &str) -> Result<(), String> {
    let mut bytes = id.bytes();
    let first_ok = matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'));
    let rest_ok = bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'));
    if first_ok && rest_ok && id.len() <= 64 {
        Ok(())
    } else {
        Err("is not an id: use 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit".into())
    }
}

/// An absolute `http:` or `https:` URL with a host.
///
/// Browsers drop tabs and line breaks inside URLs and ignore the case of the
/// scheme, which is how `java\tscript:` or ` JavaScript:` slip past naive
/// checks; so any white space or control character refuses the URL, and the
/// scheme is compared without case.
pub fn check_url(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err("is empty; leave the field out instead".into());
    }
    if url.len() > MAX_URL_BYTES {
        return Err(format!("is longer than {MAX_URL_BYTES} bytes"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("contains white space or control characters; a link must be one unbroken http: or https: URL".into());
    }
    if url.contains('\\') {
        return Err("contains a backslash; write links with forward slashes".into());
    }
    let Some((scheme, rest)) = url.split_once(':') else {
        return Err("is not an absolute URL; start it with https://".into());
    };
    let scheme_lower = scheme.to_ascii_lowercase();
    if scheme_lower != "http" && scheme_lower != "https" {
        let shown = if scheme.len() > 20 || scheme.contains('/') {
            "no scheme".to_owned()
        } else {
            format!("the scheme {scheme_lower}:")
        };
        return Err(format!(
            "only http: and https: links are allowed, this has {shown}"
        ));
    }
    let Some(after_slashes) = rest.strip_prefix("//") else {
        return Err("is not an absolute URL: the scheme must be followed by //".into());
    };
    let authority_end = after_slashes
        .find(['/', '?', '#'])
        .unwrap_or(after_slashes.len());
    let authority = &after_slashes[..authority_end];
    if authority.contains('@') {
        return Err(
            "contains a user name or password before the host; links must not carry them".into(),
        );
    }
    let (host, port) = if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => (&authority[..=end], authority[end + 1..].strip_prefix(':')),
            None => return Err("has an unclosed [ in its host".into()),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if port.is_some_and(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err("has a port that is not a number".into());
    }
    let host_ok = !host.is_empty()
        && host.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '-' | '.' | '[' | ']' | ':' | '_') || !c.is_ascii()
        });
    if !host_ok {
        return Err("has no valid host name after //".into());
    }
    Ok(())
}

/// A plain e-mail address (`name@example.org`): no display name, no
/// `mailto:`, no white space.
pub fn check_email(email: &str) -> Result<(), String> {
    if email.len() > 254 {
        return Err("is longer than 254 characters".into());
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(
            "contains white space; an e-mail address is one word like name@example.org".into(),
        );
    }
    if email.to_ascii_lowercase().starts_with("mailto:") {
        return Err("starts with mailto:; write only the address, the app makes the link".into());
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Err("has no @; an e-mail address looks like name@example.org".into());
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| {
            !matches!(
                c,
                '@' | '<' | '>' | '(' | ')' | ',' | ';' | ':' | '"' | '[' | ']' | '\\'
            )
        });
    if !local_ok {
        return Err("has no valid name before the @".into());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    if !domain_ok {
        return Err("has no valid domain after the @ (like example.org)".into());
    }
    Ok(())
}

/// Digits, spaces and `+ ( ) / -` only, `+` only at the start, 3 to 20 digits.
pub fn check_phone(phone: &str) -> Result<(), String> {
    if phone.chars().count() > 40 {
        return Err("is longer than 40 characters".into());
    }
    if let Some(bad) = phone
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '/' | '-')))
    {
        return Err(format!(
            "contains {bad:?}; a phone number has only digits, spaces and + ( ) / -"
        ));
    }
    if phone.char_indices().any(|(i, c)| i > 0 && c == '+') {
        return Err("has a + that is not at the start".into());
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !(3..=20).contains(&digits) {
        return Err(format!("has {digits} digits; a phone number has 3 to 20"));
    }
    Ok(())
}

/// Five digits; German postcodes run from 01001 to 99998, so none starts with 00.
pub fn check_postcode(postcode: &str) -> Result<(), String> {
    if postcode.len() == 5
        && postcode.bytes().all(|b| b.is_ascii_digit())
        && !postcode.starts_with("00")
    {
        Ok(())
    } else {
        Err("is not a German postcode (five digits, 01001 to 99998)".into())
    }
}

/// One of the sixteen state codes, upper case.
pub fn check_state(state: &str) -> Result<(), String> {
    if STATE_CODES.contains(&state) {
        Ok(())
    } else if STATE_CODES.contains(&state.to_ascii_uppercase().as_str()) {
        Err(format!(
            "is not a German state code; write it in capitals: {}",
            state.to_ascii_uppercase()
        ))
    } else if let Some(code) = state
        .strip_prefix("DE-")
        .filter(|c| STATE_CODES.contains(c))
    {
        Err(format!(
            "is not a German state code; write it without DE-: {code}"
        ))
    } else {
        Err(format!(
            "is not a German state code (one of {})",
            STATE_CODES.join(" ")
        ))
    }
}

/// A BCP 47 tag: a 2–3 letter language, then subtags of 1–8 letters or digits.
pub fn check_language_tag(tag: &str) -> Result<(), String> {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if language_ok && rest_ok && tag.len() <= 35 {
        Ok(())
    } else {
        Err("is not a language tag (like de, en, tr, ar)".into())
    }
}

/// An SPDX licence id (`CC-BY-4.0`, `dl-de-by-2.0`, `LicenseRef-…`).
pub fn check_license(license: &str) -> Result<(), String> {
    if !license.is_empty()
        && license.len() <= 64
        && license
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'))
    {
        Ok(())
    } else {
        Err("is not an SPDX licence id (like CC-BY-4.0)".into())
    }
}

/// Latitude in -90..=90, longitude in -180..=180.
pub fn check_geo(lat: f64, lon: f64) -> Result<(), String> {
    if !(-90.0..=90.0).contains(&lat) {
        return Err(format!(
            "has latitude {lat}; it must lie between -90 and 90"
        ));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(format!(
            "has longitude {lon}; it must lie between -180 and 180"
        ));
    }
    Ok(())
}

/// A parsed Date: a year, a month, a day, or an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Year(i32),
    Month(i32, Month),
    Day(CalendarDate),
    Instant(OffsetDateTime),
}

impl DateValue {
    /// The first calendar day the value covers.
    pub fn first_day(self) -> CalendarDate {
        match self {
            DateValue::Year(year) => first_of_month(year, Month::January),
            DateValue::Month(year, month) => first_of_month(year, month),
            DateValue::Day(day) => day,
            DateValue::Instant(instant) => instant.date(),
        }
    }

    /// The last calendar day the value covers.
    pub fn last_day(self) -> CalendarDate {
        match self {
            DateValue::Year(year) => last_of_month(year, Month::December),
            DateValue::Month(year, month) => last_of_month(year, month),
            DateValue::Day(day) => day,
            DateValue::Instant(instant) => instant.date(),
        }
    }

    /// Whether `end` lies before `start`. A coarser value covers its whole
    /// period: `2024-03` is not before `2024-03-06`.
    pub fn ends_before(end: DateValue, start: DateValue) -> bool {
        match (start, end) {
            (DateValue::Instant(s), DateValue::Instant(e)) => e < s,
            _ => end.last_day() < start.first_day(),
        }
    }
}

fn first_of_month(year: i32, month: Month) -> CalendarDate {
    CalendarDate::from_calendar_date(year, month, 1).unwrap_or(CalendarDate::MIN)
}

fn last_of_month(year: i32, month: Month) -> CalendarDate {
    let days = time::util::days_in_month(month, year);
    CalendarDate::from_calendar_date(year, month, days).unwrap_or(CalendarDate::MAX)
}

/// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 timestamp; a day
/// must exist in the calendar (`2024-02-30` does not).
pub fn parse_date(text: &str) -> Result<DateValue, String> {
    const FORMS: &str = "use YYYY, YYYY-MM, YYYY-MM-DD or an RFC 3339 timestamp";
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let year = digits(0..4).ok_or_else(|| format!("is not a date; {FORMS}"))? as i32;
    match bytes.len() {
        4 => Ok(DateValue::Year(year)),
        7 if bytes[4] == b'-' => {
            let month = digits(5..7)
                .and_then(|m| Month::try_from(m as u8).ok())
                .ok_or_else(|| "has no month 01 to 12".to_owned())?;
            Ok(DateValue::Month(year, month))
        }
        10 if bytes[4] == b'-' && bytes[7] == b'-' => {
            let month = digits(5..7)
                .and_then(|m| Month::try_from(m as u8).ok())
                .ok_or_else(|| "has no month 01 to 12".to_owned())?;
            let day = digits(8..10).ok_or_else(|| format!("is not a date; {FORMS}"))?;
            CalendarDate::from_calendar_date(year, month, day as u8)
                .map(DateValue::Day)
                .map_err(|_| "is not a day of the calendar".to_owned())
        }
        _ if bytes.len() > 10 => parse_timestamp(text)
            .map(DateValue::Instant)
            .map_err(|_| format!("is not a date; {FORMS}")),
        _ => Err(format!("is not a date; {FORMS}")),
    }
}

/// An RFC 3339 timestamp with an offset (`2024-02-15T09:00:00+01:00`).
pub fn parse_timestamp(text: &str) -> Result<OffsetDateTime, String> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|_| "is not an RFC 3339 timestamp (like 2024-02-15T09:00:00+01:00)".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_of_other_schemes_are_refused_in_any_spelling() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "//evil.example/",
            "https:evil.example",
            "https:\\\\evil.example",
            "https://user:pw@evil.example/",
            "https://",
            "file:///etc/passwd",
            "ftp://example.org",
        ] {
            assert!(check_url(url).is_err(), "accepted {url:?}");
        }
    }

    #[test]
    fn urls_of_http_and_https_are_accepted_in_any_case() {
        for url in [
            "https://www.demokratiezentrum.sachsen.de",
            "HTTPS://WWW.BAMF.DE/",
            "http://example.org:8080/a?b=c#d",
            "https://münchen.de/",
            "https://[2001:db8::1]/",
        ] {
            assert!(check_url(url).is_ok(), "refused {url:?}");
        }
    }

    #[test]
    fn dates_must_exist_in_the_calendar() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2023-02-29").is_err());
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_date("2024-13").is_err());
        assert!(parse_date("24-03-06").is_err());
        assert!(parse_date("2024-3-6").is_err());
        assert!(parse_date("2024-03-06T09:00:00+01:00").is_ok());
        assert!(parse_date("2024-03-06 09:00").is_err());
    }

    #[test]
    fn a_coarser_end_covers_its_whole_period() {
        let start = parse_date("2024-03-06").unwrap();
        assert!(!DateValue::ends_before(
            parse_date("2024-03").unwrap(),
            start
        ));
        assert!(!DateValue::ends_before(parse_date("2024").unwrap(), start));
        assert!(DateValue::ends_before(
            parse_date("2024-02").unwrap(),
            start
        ));
        assert!(DateValue::ends_before(
            parse_date("2024-03-05").unwrap(),
            start
        ));
    }

    #[test]
    fn phones_take_the_forms_publishers_write() {
        for phone in [
            "0351 56 45 49 49",
            "+49 351 564549-49",
            "(0351) 564549/49",
            "110",
        ] {
            assert!(check_phone(phone).is_ok(), "refused {phone:?}");
        }
        for phone in [
            "0351.564549",
            "+49 +351",
            "tel:0351",
            "12",
            "0351 56 45 49 49 ext 3",
        ] {
            assert!(check_phone(phone).is_err(), "accepted {phone:?}");
        }
    }

    #[test]
    fn emails_are_plain_addresses() {
        assert!(check_email("kora@sms.sachsen.de").is_ok());
        assert!(check_email("Sicher.Zusammenleben@bamf.bund.de").is_ok());
        for email in [
            "kora",
            "kora@",
            "@sms.de",
            "kora@sms",
            "mailto:kora@sms.de",
            "a b@c.de",
            "a@b..de",
            "Kora <kora@sms.de>",
        ] {
            assert!(check_email(email).is_err(), "accepted {email:?}");
        }
    }

    #[test]
    fn state_codes_hint_at_the_right_spelling() {
        assert!(check_state("SN").is_ok());
        assert!(check_state("sn").unwrap_err().contains("SN"));
        assert!(check_state("DE-SN").unwrap_err().contains("without DE-"));
        assert!(check_state("XX").is_err());
    }
}
