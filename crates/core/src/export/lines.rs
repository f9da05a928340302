//! Content lines as vCard (RFC 6350) and iCalendar (RFC 5545) share them:
//! `NAME;PARAM=x:value`, text values escaped, lines folded at 75 octets,
//! CRLF at the end of each line.

use time::{Date, OffsetDateTime, UtcOffset};

/// Longest line in octets, without its CRLF (both RFCs say 75).
const FOLD_AT: usize = 75;

/// A file of content lines being written.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    text: String,
}

impl Lines {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// One property: `name` with any parameters already attached, and a
    /// value already escaped for its value type.
    /// Control characters are dropped here, whatever the caller passed, so
    /// no value can end its line and start a property of its own.
    pub(crate) fn raw(&mut self, name: &str, value: &str) {
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        let line = format!("{name}:{value}");
        fold_into(&mut self.text, &line);
    }

    /// A property with a single text value, escaped.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape(value));
    }

    /// A property whose value is several components joined by `;` (N, ADR,
    /// ORG), each escaped on its own.
    pub(crate) fn components(&mut self, name: &str, parts: &[&str]) {
        let value: Vec<String> = parts.iter().map(|part| escape(part)).collect();
        self.raw(name, &value.join(";"));
    }

    pub(crate) fn finish(self) -> String {
        self.text
    }
}

/// Escapes a text value: backslash, comma, semicolon and line breaks, the
/// characters that would otherwise end the value or split it. Other control
/// characters are not allowed in a content line and are dropped.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value in double quotes, with RFC 6868's caret escapes for
/// the characters a quoted value cannot hold (`"` and line breaks).
pub(crate) fn param_value(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '^' => out.push_str("^^"),
            '"' => out.push_str("^'"),
            '\n' => out.push_str("^n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Appends `line` folded: at most 75 octets per physical line, the break
/// never inside a UTF-8 character, each continuation starting with a space.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = FOLD_AT;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts towards the 75 octets.
        limit = FOLD_AT - 1;
    }
}

/// A moment in UTC in the basic form `20240215T080000Z`; `None` only when
/// the moment falls outside the years 0000–9999 that the forms allow.
pub(crate) fn utc_basic(instant: OffsetDateTime) -> Option<String> {
    let utc = instant.checked_to_offset(UtcOffset::UTC)?;
    if !(0..=9999).contains(&utc.year()) {
        return None;
    }
    Some(format!(
        "{}T{:02}{:02}{:02}Z",
        date_basic(utc.date()),
        utc.hour(),
        utc.minute(),
        utc.second()
    ))
}

/// A calendar day in the basic form `20240306`.
pub(crate) fn date_basic(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_characters_that_end_or_split_a_value() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(escape("bell\u{7}tab\t"), "belltab ");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let line = format!("NOTE:{}", "ä".repeat(100));
        fold_into(&mut out, &line);
        let physical: Vec<&str> = out.split_terminator("\r\n").collect();
        assert!(physical.len() > 2);
        for (i, part) in physical.iter().enumerate() {
            assert!(part.len() <= 75, "line {i} has {} octets", part.len());
            assert_eq!(part.starts_with(' '), i > 0);
        }
        let unfolded: String = physical
            .iter()
            .enumerate()
            .map(|(i, part)| if i == 0 { *part } else { &part[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn a_line_of_exactly_75_octets_stays_whole() {
        let mut out = String::new();
        let line = "X".repeat(75);
        fold_into(&mut out, &line);
        assert_eq!(out, format!("{line}\r\n"));
        let mut out = String::new();
        fold_into(&mut out, &"X".repeat(76));
        assert_eq!(out, format!("{}\r\n X\r\n", "X".repeat(75)));
    }
}
